"""Loaded by every Python process the tests start (``PYTHONPATH``): the loopback-only guard of
``tests/netguard.py`` in child processes too."""

import os
import sys

if os.environ.get("NETGUARD_LOG"):
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    try:
        import netguard

        netguard.install(child=True)
    finally:
        sys.path.pop(0)
