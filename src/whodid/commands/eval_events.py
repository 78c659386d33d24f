"""`whodid eval plover|conflibert|plv|petrarch`: event types and who-did-what-to-whom on gold sets.

    whodid eval plover [--limit N] [--misses]
    whodid eval conflibert [--split test|train]
    whodid eval plv [--split test|train]
    whodid eval petrarch [--suite validation|unittests] [--actors FILE] [--verbs FILE [--verbs-only]]

Each run codes the gold sentences with ``Coder.code_articles`` (batched) and prints, beside whodid's own figures,
two baselines scored the same way: the majority class, and "trigger only" (lexicon triggers, no arguments).
"whodid" is scored under the convention the gold set follows (``CONVENTION_OF_SET``; CAMEO's: an announced act is
the announcement, see ``whodid.conventions``); "whodid, future acts as coded" shows whodid's own on the same events.
Scoring logic lives in ``whodid.evaluate``; the gold sets are read from ../shared/data (see each SOURCE.md).
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from whodid.cli import stderr

# How each gold set codes an act announced for the future. The GSR, ConfliBERT and PLV sentences were coded by
# people following the CAMEO manual: the announcement (intent 03x, threat 13x). PETRARCH's validation records
# test PETRARCH's verb patterns, which code the verb whatever its tense: the act, as whodid does.
CONVENTION_OF_SET = {"plover": "cameo", "conflibert": "cameo", "plv": "cameo", "petrarch": "whodid"}

SETS = {
    "plover": "PLOVER gold-standard records: PLOVER type, (type, source country, target country) triples",
    "conflibert": "ConfliBERT CAMEO sentences: PentaClass (CAMEO root ranges) macro-F1",
    "plv": "PLV (sentence, source, target) pairs: PLOVER root and quad class (penta 1-4) macro-F1",
    "petrarch": "PETRARCH validation/unit-test records: CAMEO root and (root, source, target) triples",
}


def add_command(sets: argparse._SubParsersAction) -> None:
    for name, help_text in SETS.items():
        parser = sets.add_parser(name, help=help_text, description=help_text + ".")
        parser.add_argument("--limit", type=int, default=None, metavar="N", help="score the first N records only")
        parser.add_argument("--misses", action="store_true", help="list records whose main event is wrong")
        parser.add_argument("--data", type=Path, default=None, help="gold data folder (default: ../shared/data)")
        if name in ("conflibert", "plv"):
            parser.add_argument("--split", choices=("test", "train"), default="test")
        if name == "petrarch":
            parser.add_argument("--suite", choices=("validation", "unittests"), default="validation")
            parser.add_argument("--actors", action="append", default=[], metavar="FILE",
                                help="actor file(s) to use instead of the shipped ones, whodid's or PETRARCH's "
                                     "(repeatable; a bare file name is looked for in the suite's data folder too)")
            parser.add_argument("--verbs", action="append", default=[], metavar="FILE",
                                help="PETRARCH/TABARI verb dictionary whose verbs code events, before whodid's own "
                                     "triggers (repeatable; a bare file name is looked for in the suite's folder too)")
            parser.add_argument("--verbs-only", action="store_true",
                                help="with --verbs: the dictionary's verbs are the only triggers (PETRARCH's reading)")
        parser.set_defaults(run=run, gold_set=name)


def _records(args: argparse.Namespace, data: Path) -> dict[str, tuple[list[Any], Any, bool]]:
    """Scorings of the set: name -> (records, label function, multi-label?)."""
    from whodid import evaluate as ev
    from whodid.ontology import Ontology

    limit = args.limit
    if args.gold_set == "plover":
        records = ev.read_plover_gsr(data, Ontology.default().normalize_type)[:limit]
        return {"PLOVER type": (records, ev.plover_label, True)}
    if args.gold_set == "conflibert":
        return {"PentaClass": (ev.read_conflibert(data, args.split)[:limit], ev.penta_label, False)}
    if args.gold_set == "plv":
        return {"PLOVER root": (ev.read_plv(data, args.split, "gold_root")[:limit], ev.plv_root_label, False),
                "quad (penta 1-4)": (ev.read_plv(data, args.split, "gold_penta")[:limit], _quad_label(), False)}
    return {"CAMEO root": (ev.read_petrarch(data, args.suite)[:limit], ev.cameo_root_label, True)}


def _dictionary(name: str, suite_folder: Path) -> Path:
    """A dictionary named on the command line: the path as given, else that file name in the gold set's folder
    ("--actors PETR_Validate_actors_2_02.txt")."""
    path = Path(name)
    if path.is_file() or path.parent != Path("."):
        return path
    return suite_folder / name if (suite_folder / name).is_file() else path


def _quad_label():
    from whodid.ontology import Ontology

    onto = Ontology.default()

    def label(event_type: str, cameo: str | None) -> str | None:
        quad = onto.quad_class(cameo) if cameo else None
        return str(quad) if quad else None

    return label


def run(args: argparse.Namespace) -> int:
    from whodid import evaluate as ev
    from whodid.coder import Coder  # spaCy: only when a set is scored
    from whodid.conventions import apply_convention

    data = args.data or ev.default_data_dir()
    if not data.is_dir():
        stderr.print(f"[red]error:[/red] gold data not found at {data} (give --data)")
        return 2
    try:
        scorings = _records(args, data)
    except FileNotFoundError as exc:
        stderr.print(f"[red]error:[/red] {exc}")
        return 2
    suite_folder = data / ev.PETRARCH_FOLDERS[getattr(args, "suite", "validation")]
    actors_files = [_dictionary(name, suite_folder) for name in getattr(args, "actors", None) or ()]
    verbs_files = [_dictionary(name, suite_folder) for name in getattr(args, "verbs", None) or ()]
    missing = [str(path) for path in actors_files + verbs_files if not path.is_file()]
    if missing:
        stderr.print(f"[red]error:[/red] dictionary not found: {', '.join(missing)} (a path, or a file name in "
                     f"{suite_folder})")
        return 2
    coder = Coder(actors_files=actors_files, verbs_files=verbs_files,
                  verbs_only=bool(getattr(args, "verbs_only", False)))
    all_records = [r for records, _, _ in scorings.values() for r in records]
    as_coded = ev.code_records(coder, all_records)
    # Score whodid under the convention the gold set was coded by (see CONVENTION_OF_SET), and show whodid's own
    # convention (the act, status future) beside it.
    convention = CONVENTION_OF_SET.get(args.gold_set, "cameo")
    coded = {text: apply_convention(events, convention, coder.lexicon, coder.ontology)
             for text, events in as_coded.items()}
    mentions = ev.trigger_mentions(coder, all_records)
    console = Console(width=160)
    for title, (records, label, multi) in scorings.items():
        reports = {
            "whodid": ev.score_records("whodid", records, ev.event_predictions(coded, records, label), multi),
            "whodid, future acts as coded": ev.score_records(
                "whodid, future acts as coded", records, ev.event_predictions(as_coded, records, label), multi),
            "trigger only": ev.score_records("trigger only", records,
                                             ev.mention_predictions(mentions, records, label), multi),
            "majority class": ev.score_records("majority class", records, ev.majority_predictions(records), multi),
        }
        console.print(f"[bold]{args.gold_set}: {title}[/bold] ({len(records)} records, {data}; "
                      f"whodid scored under the {convention!r} convention)")
        console.print(_label_table(reports["whodid"]))
        console.print(_summary_table(reports))
        if args.misses:
            for line in reports["whodid"].misses:
                console.print(f"  miss {line}", markup=False, highlight=False)
    return 0


def _label_table(report: Any) -> Table:
    table = Table(title="whodid per label", header_style="bold")
    for column in ("label", "P", "R", "F1", "gold n"):
        table.add_column(column, justify="left" if column == "label" else "right")
    for name in sorted(report.labels):
        s = report.labels[name]
        table.add_row(name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.tp + s.fn))
    return table


def _summary_table(reports: dict[str, Any]) -> Table:
    table = Table(title="summary (baselines scored the same way)", header_style="bold")
    for column in ("predictor", "accuracy", "micro P", "micro R", "micro F1", "macro F1", "triple P", "triple R",
                   "triple F1", "source F1", "target F1"):
        table.add_column(column, justify="left" if column == "predictor" else "right")
    for name, r in reports.items():
        micro = r.micro
        table.add_row(name, f"{r.accuracy:.3f}", f"{micro.precision:.3f}", f"{micro.recall:.3f}", f"{micro.f1:.3f}",
                      f"{r.macro_f1():.3f}", f"{r.triples.precision:.3f}", f"{r.triples.recall:.3f}",
                      f"{r.triples.f1:.3f}", f"{r.sources.f1:.3f}", f"{r.targets.f1:.3f}")
    return table
