"""`whodid actors lookup NAME [--date D] [--json] [--actors FILE]`: who a name is at a date, and why.

Exit status: 0 the name resolved; 1 it names no known actor.
"""
from __future__ import annotations

import argparse
import json
import sys

from whodid.cli import stderr


def add_command(commands: argparse._SubParsersAction) -> None:
    actors = commands.add_parser("actors", help="look up actor knowledge",
                                 description="Look up the actor knowledge base.")
    sub = actors.add_subparsers(dest="actors_command", required=True, metavar="ACTION")
    lookup = sub.add_parser("lookup", help="resolve a name at a date: code, country, sector, name, kb_id and why")
    lookup.add_argument("name", nargs="+", help='a name or phrase ("Kim Jong Un", "the two Koreas")')
    lookup.add_argument("--date", metavar="D", help="the event date (YYYY-MM-DD, YYYY-MM or YYYY); default: latest")
    lookup.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    lookup.add_argument("--actors", action="append", default=[], metavar="FILE",
                        help="extra knowledge: YAML/TSV/CSV or a PETRARCH .txt dictionary (repeatable; wins)")
    lookup.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from whodid.actors import ActorKB  # loaded only when a lookup is asked for

    kb = ActorKB.load(*args.actors) if args.actors else ActorKB.default()
    phrase = " ".join(args.name)
    found = kb.lookup_all(phrase, args.date)
    if not found:
        stderr.print(f"no actor known for {phrase!r}" + (f" at {args.date}" if args.date else ""))
        return 1
    rows = [{**a.to_dict(), "why": a.why} for a in found]
    if args.json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return 0
    for row in rows:
        for key in ("code", "country", "sector", "name", "kb_id", "why"):
            sys.stdout.write(f"{key:8} {row[key] if row[key] is not None else '-'}\n")
        if len(rows) > 1:
            sys.stdout.write("\n")
    return 0
