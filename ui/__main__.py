import sys

from ui.launch import main

sys.exit(main(sys.argv[1:]))
