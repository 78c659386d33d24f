"""`whodid query`, `whodid dyad`, `whodid export`: read the event store (see docs/store.md).

    whodid query --db FILE [--actor A] [--recipient B] [--dyad A B] [--type T] [--cameo PREFIX] [--quad N]
                 [--status S] [--historical | --current] [--since DATE] [--until DATE] [--country ISO3]
                 [--place NAME] [--story ID] [--mentions] [--format table|jsonl|csv] [--limit N]
    whodid dyad A B --db FILE [--by day|week|month] [--mentions] [--format table|csv]
    whodid export --db FILE --format jsonl|csv|parquet|plover|phoenix [--out FILE] [--mentions] [filters]

Merged events (one per real-world event, with mention and source counts) unless ``--mentions``.
Exit status: 0 done; 2 a usage error (no store, store in use, bad date).
"""
from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from typing import Any, Iterable

from rich.console import Console
from rich.table import Table

from whodid.cli import confidence_value, stderr
from whodid.model import STATUSES

EXPORT_FORMATS = ("jsonl", "csv", "parquet", "plover", "phoenix")


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="FILE", required=True, help="the DuckDB event store (whodid code --db)")
    parser.add_argument("--mentions", action="store_true",
                        help="one row per coded mention instead of per merged event")


def _add_filters(parser: argparse.ArgumentParser) -> None:
    f = parser.add_argument_group("filters (all must hold)")
    f.add_argument("--actor", help="actor side: ISO3 country, CAMEO actor code (USAGOV) or canonical name")
    f.add_argument("--recipient", help="recipient side: as --actor")
    f.add_argument("--dyad", nargs=2, metavar=("A", "B"), help="both among the participants, either side")
    f.add_argument("--type", dest="event_type", help="PLOVER event type (CONSULT, ASSAULT ...)")
    f.add_argument("--cameo", help="CAMEO code prefix (04, 036 ...)")
    f.add_argument("--quad", dest="quad_class", type=int, choices=(1, 2, 3, 4), help="quad class")
    f.add_argument("--status", choices=STATUSES)
    hist = f.add_mutually_exclusive_group()
    hist.add_argument("--historical", dest="historical", action="store_const", const=True,
                      help="only reminders of the past")
    hist.add_argument("--current", dest="historical", action="store_const", const=False,
                      help="only events that are news")
    f.add_argument("--since", metavar="DATE", help="date spans ending on or after (YYYY, YYYY-MM, YYYY-MM-DD)")
    f.add_argument("--until", metavar="DATE", help="date spans starting on or before")
    f.add_argument("--country", metavar="ISO3", help="a participant's country, either side")
    f.add_argument("--place", help="the event's place name or its ISO3 country")
    f.add_argument("--story", dest="story_id", metavar="ID", help="told by this story")
    f.add_argument("--min-confidence", type=confidence_value, metavar="X",
                   help="coded with at least this confidence, 0-1 (see the precision table in benchmarks/RESULTS.md)")


_FILTERS = ("actor", "recipient", "dyad", "event_type", "cameo", "quad_class", "status", "historical", "since",
            "until", "country", "place", "story_id", "min_confidence")


def _filters_of(args: argparse.Namespace) -> dict[str, Any]:
    found = {name: getattr(args, name) for name in _FILTERS if getattr(args, name, None) is not None}
    if "dyad" in found:
        found["dyad"] = tuple(found["dyad"])
    return found


def add_command(commands: argparse._SubParsersAction) -> None:
    query = commands.add_parser("query", help="query the event store",
                                description="Query the event store: merged events (or mentions) as a table, "
                                            "JSONL or CSV.")
    _add_db(query)
    _add_filters(query)
    query.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    query.add_argument("--limit", type=int, metavar="N")
    query.set_defaults(run=run)

    dyad = commands.add_parser("dyad", help="a dyad's time series from the event store",
                               description="Events between A and B per period: counts by quad class, Goldstein "
                                           "sum, mentions.")
    dyad.add_argument("a", metavar="A", help="ISO3 country, CAMEO actor code or canonical name")
    dyad.add_argument("b", metavar="B")
    _add_db(dyad)
    dyad.add_argument("--by", choices=("day", "week", "month"), default="month")
    dyad.add_argument("--status", choices=STATUSES,
                      help="only this status (default: all)")
    dyad.add_argument("--format", choices=("table", "csv"), default="table")
    dyad.set_defaults(run=run_dyad)

    export = commands.add_parser("export", help="export the event store",
                                 description="Export merged events (or mentions) as JSONL, CSV, Parquet, PLOVER "
                                             "JSON or Phoenix-style TSV.")
    _add_db(export)
    _add_filters(export)
    export.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    export.add_argument("--out", metavar="FILE", help="output file (standard output if absent; required for parquet)")
    export.set_defaults(run=run_export)


def _open(args: argparse.Namespace, stack: ExitStack):
    from whodid.store import Store, StoreLocked

    try:
        return stack.enter_context(Store(args.db, read_only=True))
    except (FileNotFoundError, StoreLocked, RuntimeError) as exc:
        stderr.print(f"[red]error:[/red] {exc}")
        return None


def _console() -> Console:
    return Console(width=None if sys.stdout.isatty() else 160)


def run(args: argparse.Namespace) -> int:
    from whodid.formats import write_events

    level = "mentions" if args.mentions else "events"
    with ExitStack() as stack:
        store = _open(args, stack)
        if store is None:
            return 2
        try:
            if level == "mentions":
                rows = store.query(level="mentions", limit=args.limit, **_filters_of(args))
                items: list = store.events_by_ids(list(rows["id"]))
            else:
                items = store.merged_events(limit=args.limit, **_filters_of(args))
        except ValueError as exc:
            stderr.print(f"[red]error:[/red] {exc}")
            return 2
    if args.format == "table":
        _console().print(merged_table(items))
    else:
        write_events(items, args.format, sys.stdout)
    stderr.print(f"whodid: {len(items)} {'mentions' if args.mentions else 'events'}")
    return 0


def run_dyad(args: argparse.Namespace) -> int:
    from whodid.analysis import dyad_series

    with ExitStack() as stack:
        store = _open(args, stack)
        if store is None:
            return 2
        extra = {"status": args.status} if args.status else {}
        frame = dyad_series(store, args.a, args.b, by=args.by, level="mentions" if args.mentions else "events",
                            **extra)
    frame["period"] = frame["period"].dt.strftime("%Y-%m-%d")
    if args.format == "csv":
        frame.to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        table = Table(header_style="bold")
        for column in frame.columns:
            table.add_column(column, justify="left" if column == "period" else "right")
        for row in frame.itertuples(index=False):
            table.add_row(*[f"{v:.1f}" if isinstance(v, float) else str(v) for v in row])
        _console().print(table)
    stderr.print(f"whodid: {len(frame)} {args.by}s; {frame.attrs.get('too_coarse', 0)} events dated too coarsely "
                 f"for a {args.by} left out")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from whodid.formats import write_events

    level = "mentions" if args.mentions else "events"
    filters = _filters_of(args)
    with ExitStack() as stack:
        store = _open(args, stack)
        if store is None:
            return 2
        if args.format == "parquet":
            if not args.out:
                stderr.print("[red]error:[/red] --format parquet needs --out FILE")
                return 2
            if filters:
                stderr.print("[red]error:[/red] parquet exports the whole table; filter with DuckDB or pandas")
                return 2
            n = store.export_parquet(args.out, level=level)
        else:
            try:
                items: list = (store.events_by_ids(list(store.query(level="mentions", **filters)["id"]))
                               if args.mentions else store.merged_events(**filters))
            except ValueError as exc:
                stderr.print(f"[red]error:[/red] {exc}")
                return 2
            out = stack.enter_context(open(args.out, "w", encoding="utf-8", newline="")) if args.out else sys.stdout
            n = write_events(items, args.format, out)
    stderr.print(f"whodid: {n} {level} exported" + (f" -> {args.out}" if args.out else ""))
    return 0


def _actors(actors: list) -> str:
    return ", ".join(a.code or a.name or a.text for a in actors) or "-"


def merged_table(items: Iterable[Any]) -> Table:
    """A readable table of merged events (or mentions): type, who, whom, when, status, where, mentions, sources."""
    from whodid.merge import MergedEvent

    table = Table(header_style="bold")
    for column in ("type", "cameo", "actors", "recipients", "date", "status", "hist.", "place", "ment.", "src.",
                   "trigger"):
        table.add_column(column, overflow="fold")
    for item in items:
        merged = isinstance(item, MergedEvent)
        e = item.event if merged else item
        when = (e.date or "-") + (f" {e.date_mod}" if e.date_mod else "") + ("" if e.date_source == "text" else " (pub.)")
        table.add_row(e.event_type, e.cameo or "-", _actors(e.actors), _actors(e.recipients), when, e.status,
                      "yes" if e.historical else "", e.location.name if e.location else "-",
                      str(item.n_mentions) if merged else "1", str(item.n_sources) if merged else "1", e.trigger.text)
    return table
