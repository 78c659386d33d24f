"""`whodid code`: code stories into events (JSONL on standard output, a file, the store, or a table).

Exit status: 0 every input was coded; 3 some inputs were skipped (each reported with its reason); 4 inputs were
given but no story could be coded; 2 a usage error (missing file, bad date, store in use).
"""
from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from whodid.cli import confidence_value, stderr
from whodid.conventions import CONVENTIONS, apply_convention
from whodid.formats import FORMATS, write_events
from whodid.ingest import read_inputs
from whodid.model import Article, Event, at_least
from whodid.nlp import DEFAULT_MODEL

if TYPE_CHECKING:  # pragma: no cover
    from whodid.store import Store


def add_command(commands: argparse._SubParsersAction) -> None:
    code = commands.add_parser("code", help="code stories into events",
                               description="Code news stories into events (JSONL on standard output by default).")
    code.add_argument("inputs", nargs="+", metavar="INPUT",
                      help=".txt/.md/.html files, .jsonl/.csv collections, folders, or - for standard input")
    code.add_argument("--published", metavar="DATE", help="publication date of stories that carry none (YYYY-MM-DD)")
    code.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    code.add_argument("--out", metavar="FILE", help="write events to FILE instead of standard output")
    code.add_argument("--db", metavar="FILE", help="store stories and events in this DuckDB file (re-coding replaces)")
    code.add_argument("--table", action="store_true", help="print a readable table of the events")
    code.add_argument("--model", default=DEFAULT_MODEL, help=f"installed spaCy pipeline (default: {DEFAULT_MODEL})")
    code.add_argument("--workers", type=int, default=1, metavar="N",
                      help="parser processes (spaCy n_process; default 1)")
    code.add_argument("--resume", action="store_true",
                      help="with --db: skip stories already in the store (finish an interrupted run)")
    code.add_argument("--keep-foreign", action="store_true",
                      help="code stories that look non-English (with a warning) instead of skipping them")
    code.add_argument("--all-genres", action="store_true",
                      help="code every story, sports news too (left uncoded by default: see whodid/data/genres.yaml)")
    code.add_argument("--convention", choices=CONVENTIONS, default="whodid",
                      help="'whodid' (default): a future act is coded as the act with status future; 'cameo': as "
                           "CAMEO/PLOVER code it, the announcement (intent 03x or threat 13x), asserted")
    code.add_argument("--verbs", action="append", default=[], metavar="FILE",
                      help="PETRARCH/TABARI verb dictionary whose verbs code events before whodid's own triggers "
                           "(repeatable; see docs: importing PETRARCH dictionaries)")
    code.add_argument("--verbs-only", action="store_true",
                      help="with --verbs: the dictionary's verbs are the only triggers and an event needs a source "
                           "and a target (PETRARCH's reading)")
    code.add_argument("--min-confidence", type=confidence_value, metavar="X",
                      help="leave out events coded with less confidence, 0-1 (default: keep all; precision and "
                           "recall by threshold are in benchmarks/RESULTS.md)")
    code.add_argument("--quiet", action="store_true", help="no progress display")
    code.add_argument("--dask", metavar="SCHEDULER",
                      help="code on Dask: 'local' (a LocalCluster of --workers processes) or tcp://host:8786 "
                           "(see docs/scale.md)")
    code.add_argument("--dask-parts", metavar="DIR",
                      help="with --dask: folder for the workers' Parquet partitions, reachable by every worker "
                           "(default: next to --db, else a temporary folder)")
    code.set_defaults(run=run)


EXIT_SKIPPED = 3
EXIT_NOTHING_CODED = 4


# Where a run's (article, events) pairs come from, given the open store and the run's ExitStack, and the inputs
# skipped on the way (read once the pairs are consumed): the local coder here, a Dask cluster in whodid.distributed.
Skipped = list[tuple[str, str]]
Source = Callable[["Store | None", ExitStack], tuple[Iterable[tuple[Article, list[Event]]], Callable[[], Skipped]]]


def run(args: argparse.Namespace) -> int:
    if getattr(args, "dask", None):  # the coding runs on a Dask cluster: whodid.distributed does the run
        if getattr(args, "verbs", None) or getattr(args, "all_genres", False):
            stderr.print("[red]error:[/red] --verbs and --all-genres are not available with --dask (workers load "
                         "the shipped lexicon and settings)")
            return 2
        from whodid.distributed import run_code_command

        return run_code_command(args)
    from whodid.coder import Coder  # loading spaCy is slow: only for commands that code

    def local(store: "Store | None", stack: ExitStack) -> tuple[Iterable[tuple[Article, list[Event]]], Callable[[], Skipped]]:
        skipped: Skipped = []
        articles = read_inputs(args.inputs, published=args.published, keep_foreign=args.keep_foreign,
                               on_skip=lambda origin, reason: skipped.append((origin, reason)))
        if args.resume and store is not None:
            articles = (a for a in articles if not store.has_story(a.id))
        coder = Coder(model=args.model, n_process=max(1, args.workers), verbs_files=getattr(args, "verbs", None) or (),
                      verbs_only=bool(getattr(args, "verbs_only", False)),
                      skip_genres=() if getattr(args, "all_genres", False) else None)
        return coder.code_articles(articles), lambda: skipped

    return emit(args, local)


def emit(args: argparse.Namespace, source: Source, *, skip_stored: bool = False) -> int:
    """Send the pairs of ``source`` where the options say (store, file, standard output, table), report, and
    return the exit status. ``skip_stored``: with --resume, leave stories already in the store as they are."""
    from whodid.store import Store, StoreLocked

    n_events = n_stories = 0
    with ExitStack() as stack:
        try:
            store = stack.enter_context(Store(args.db)) if args.db else None
        except StoreLocked as exc:
            stderr.print(f"[red]error:[/red] {exc}")
            return 2
        pairs, skipped = source(store, stack)
        out = stack.enter_context(open(args.out, "w", encoding="utf-8", newline="")) if args.out else None
        # Events go to standard output unless they go to a file, the store or a table.
        stream = out or (None if (store is not None or args.table) else sys.stdout)
        streaming = stream is not None and args.format == "jsonl"
        kept: list[Event] | None = [] if (args.table or (stream is not None and not streaming)) else None
        show_progress = not args.quiet and stream is not sys.stdout and stderr.is_terminal
        for article, events in _with_progress(iter(pairs), show_progress):
            events = apply_convention(events, getattr(args, "convention", "whodid"))
            events = at_least(events, getattr(args, "min_confidence", None))
            n_stories += 1
            n_events += len(events)
            if store is not None and not (skip_stored and args.resume and store.has_story(str(article.id))):
                store.write(article, events)  # per story: an interrupted run keeps what it coded
            if streaming:
                write_events(events, "jsonl", stream)
            if kept is not None:
                kept.extend(events)
        if stream is not None and not streaming:
            write_events(kept or [], args.format, stream)
    if args.table:
        Console(width=None if sys.stdout.isatty() else 160).print(events_table(kept or []))
    _report(n_stories, n_events, skipped(), args)
    if skipped():
        return EXIT_SKIPPED if n_stories or args.resume else EXIT_NOTHING_CODED
    return 0


class _RateColumn(ProgressColumn):
    """Stories per second, once rich has measured a rate."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.1f} stories/s" if task.speed else "")


def _with_progress(items: Iterator[tuple[Article, list[Event]]], show: bool) -> Iterable[tuple[Article, list[Event]]]:
    if not show:
        yield from items
        return
    columns = (SpinnerColumn(), TextColumn("coding stories"), BarColumn(), TextColumn("{task.completed} stories"),
               _RateColumn(), TimeElapsedColumn())
    with Progress(*columns, console=stderr, transient=True) as progress:
        task = progress.add_task("code", total=None)
        for item in items:
            yield item
            progress.advance(task)


def _report(n_stories: int, n_events: int, skipped: list[tuple[str, str]], args: argparse.Namespace) -> None:
    where = [w for w in (args.db and f"store {args.db}", args.out and f"file {args.out}") if w]
    stderr.print(f"whodid: {n_events} events from {n_stories} stories" + (f" -> {', '.join(where)}" if where else ""))
    for origin, reason in skipped[:20]:
        stderr.print(f"  skipped {origin}: {reason}")
    if len(skipped) > 20:
        stderr.print(f"  ... and {len(skipped) - 20} more skipped (use -v for all)")


def _actors(actors: list) -> str:
    return ", ".join(a.code or a.name or a.text for a in actors) or "-"


def events_table(events: Iterable[Event]) -> Table:
    """A readable table: type, who, whom, when, status, where, trigger."""
    table = Table(show_lines=False, header_style="bold")
    for column in ("type", "cameo", "actors", "recipients", "date", "status", "hist.", "place", "trigger"):
        table.add_column(column, overflow="fold")
    for e in events:
        when = (e.date or "-") + (f" {e.date_mod}" if e.date_mod else "") + ("" if e.date_source == "text" else " (pub.)")
        table.add_row(e.event_type, e.cameo or "-", _actors(e.actors), _actors(e.recipients), when, e.status,
                      "yes" if e.historical else "", e.location.name if e.location else "-", e.trigger.text)
    return table
