"""One module per subcommand of ``python -m collector``; each has ``register(subparsers)``.

``COMMANDS`` lives here, not in ``collector.cli``: the exe's entry reads it to tell a command
line from a GUI start, and the GUI's start must not pay for importing the command line."""

# Subcommand modules under collector.commands, in the order `--help` lists them.
COMMANDS = ["detect", "logs", "gbsid", "form", "collect", "verify", "upload", "email", "demo"]
