"""One module per subcommand of ``python -m collector``; each has ``register(subparsers)``."""
