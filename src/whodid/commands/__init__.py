"""Command-line commands, one module each; each has ``add_command(subparsers)`` (see whodid.cli)."""
