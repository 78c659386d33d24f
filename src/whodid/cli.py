"""The command line: a thin shell over the library; each command is a module of ``whodid.commands``.

    whodid code INPUT... [--published DATE] [--format jsonl|csv] [--out FILE] [--db FILE] [--table]
"""
from __future__ import annotations

import argparse
import logging
import sys
from importlib import import_module
from typing import Sequence

from rich.console import Console

from whodid import __version__
from whodid.ingest import InputError
from whodid.nlp import ModelNotInstalled

stderr = Console(stderr=True)


def confidence_value(text: str) -> float:
    """An argparse type: a confidence between 0 and 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a number between 0 and 1, not {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"a number between 0 and 1, not {text!r}")
    return value


# Each command lives in its own module under whodid.commands and registers itself with ``add_command``;
# ``whodid eval <set>`` scorers register under the "eval" command from modules named ``eval_*``.
COMMAND_MODULES: tuple[str, ...] = (
    "whodid.commands.code",
    "whodid.commands.actors",
    "whodid.commands.bench",
    "whodid.commands.query",
    "whodid.commands.serve",
)
EVAL_MODULES: tuple[str, ...] = (
    "whodid.commands.eval_events",
    "whodid.commands.eval_time",
    "whodid.commands.eval_geo",
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="whodid", description="Turn news stories into political event data.")
    parser.add_argument("--version", action="version", version=f"whodid {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every skipped input and each stage")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        import_module(name).add_command(commands)
    if EVAL_MODULES:
        evaluate = commands.add_parser("eval", help="score whodid on a gold set",
                                       description="Score whodid on a gold set.")
        sets = evaluate.add_subparsers(dest="gold_set", required=True, metavar="SET")
        for name in EVAL_MODULES:
            import_module(name).add_command(sets)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="whodid: %(levelname)s: %(message)s", stream=sys.stderr)
    try:
        return int(args.run(args))
    except (InputError, ModelNotInstalled) as exc:
        stderr.print(f"[red]error:[/red] {exc}")
        return 2
    except KeyboardInterrupt:
        stderr.print("interrupted; work written so far is kept")
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
