"""`whodid eval timeml DIR` and `whodid eval meantime DIR`: time expressions and event dates against gold.

    whodid eval timeml ../shared/data/timeml-aquaint [--show N]
    whodid eval meantime ../shared/data/meantime-dev [--show N]

``timeml`` scores ``tag_times`` TempEval-3 style on TimeML ``.tml`` files: strict (same characters) and relaxed
(overlap, one-to-one) extent precision/recall/F1, value accuracy (share of relaxed matches with the gold value)
and value F1 (= relaxed F1 x value accuracy), for DATE, DATE+TIME and all types. The document creation time is
the publication date and is not scored.

``meantime`` scores event dates on MEANTIME (NewsReader) files. A gold event mention has a calendar date when a
TLINK puts it inside, or at the same time as, a DATE/TIME expression with a calendar value. Three predictors are
scored on the same mentions: "whodid coder" (events of ``Coder.code_articles`` matched to gold mentions by
trigger overlap), "whodid dating" (the coder's dating applied to every gold mention: the dating step alone) and
"publication date" (every event on the story's date, as GDELT, PETRARCH and Phoenix do).
"""
from __future__ import annotations

import argparse
import html
import re
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Iterable

from whodid.cli import stderr
from whodid.evaluate import prf

SETS = {
    "timeml": "TimeML .tml files (e.g. TempEval-3 AQUAINT): timex extent F1, value accuracy and value F1",
    "meantime": "MEANTIME .xml files: event-date accuracy of the coder beside the publication-date baseline",
}
# MEANTIME annotates time expressions only in the title, dateline and first sentences (ids 0-5).
MEANTIME_SENTENCES = 5
# TLINK relations that give an event the date of a time expression (event inside it, or at the same time).
_INSIDE = {("event", "IS_INCLUDED"), ("timex", "INCLUDES"), ("event", "SIMULTANEOUS"), ("timex", "SIMULTANEOUS"),
           ("event", "DURING"), ("timex", "DURING")}


def add_command(sets: argparse._SubParsersAction) -> None:
    for name, help_text in SETS.items():
        parser = sets.add_parser(name, help=help_text, description=help_text + ".")
        parser.add_argument("dir", type=Path, metavar="DIR", help="folder of gold files (searched recursively)")
        parser.add_argument("--show", type=int, default=0, metavar="N", help="print N error lines")
        parser.set_defaults(run=run, gold_set=name)


# ------------------------------------------------------------------------------------------------ gold data
@dataclass
class GoldSpan:
    """A gold time expression (or an event mention, type "EVENT") with character offsets into ``GoldDoc.text``."""

    start: int
    end: int
    type: str
    value: str
    text: str = ""


@dataclass
class GoldDoc:
    name: str
    text: str
    dct: str | None  # document creation time: the publication date
    timexes: list[GoldSpan]
    skip: tuple[int, int] | None = None  # the DCT's own words, scored by neither side
    scored_end: int | None = None  # only text before this offset carries timex annotation
    events: list[GoldSpan] = field(default_factory=list)  # event mentions with a gold calendar date (value)


_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> GoldDoc:
    """A TimeML .tml file: the plain text of <TEXT> with the offsets of its inline TIMEX3 tags."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    body = raw[raw.index("<TEXT>") + len("<TEXT>"): raw.index("</TEXT>")]
    out: list[str] = []
    length, pos, open_at = 0, 0, 0
    gold: list[GoldSpan] = []
    open_timex: dict[str, str] | None = None
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if not m.group(1):
            open_timex, open_at = dict(_ATTR.findall(m.group(3))), length
        elif open_timex is not None:
            gold.append(GoldSpan(open_at, length, open_timex.get("type", ""), open_timex.get("value", "")))
            open_timex = None
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    for g in gold:
        g.text = text[g.start:g.end]
    return GoldDoc(path.name, text, dct.group(1)[:10] if dct else None, gold)


_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "'s", "n't", "%", "'", "'re", "'ve", "'ll", "'d"}
_NO_SPACE_AFTER = {"(", "$", "``"}


def _calendar(value: str) -> str | None:
    """A gold value as a calendar date whodid can give ("2008-03-01T10:00" -> "2008-03-01"), else None."""
    value = _norm(value)
    return value[:10] if re.match(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{1,2}|-Q[1-4])?($|T)", value) else None


def read_meantime(path: Path) -> GoldDoc:
    """A MEANTIME .xml file: text rebuilt from tokens (one sentence a line, light detokenisation), TIMEX3 spans,
    and event mentions dated by a TLINK to a calendar time expression."""
    root = ET.parse(path).getroot()
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    length, prev_sentence, prev_tok, scored_end = 0, None, "", 0
    for tok in root.iter("token"):
        word = tok.text or ""
        if prev_sentence is not None:
            sep = "\n" if tok.get("sentence") != prev_sentence else (
                "" if word in _NO_SPACE_BEFORE or prev_tok in _NO_SPACE_AFTER else " ")
            pieces.append(sep)
            length += len(sep)
        offsets[tok.get("t_id", "")] = (length, length + len(word))
        pieces.append(word)
        length += len(word)
        prev_sentence, prev_tok = tok.get("sentence"), word
        if int(tok.get("sentence", "0")) <= MEANTIME_SENTENCES:
            scored_end = length
    text = "".join(pieces)

    def span(markable: ET.Element) -> tuple[int, int] | None:
        anchors = [offsets[a.get("t_id", "")] for a in markable.iter("token_anchor") if a.get("t_id") in offsets]
        return (min(a[0] for a in anchors), max(a[1] for a in anchors)) if anchors else None

    timexes: list[GoldSpan] = []
    values: dict[str, tuple[str, str]] = {}  # timex m_id -> (type, value), empty timexes included
    dct, skip = None, None
    for tx in root.iter("TIMEX3"):
        values[tx.get("m_id", "")] = (tx.get("type", ""), tx.get("value", ""))
        where = span(tx)
        if tx.get("functionInDocument") == "CREATION_TIME":
            value = tx.get("value", "")
            dct = value[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", value) else None
            skip = where
            continue
        if where:
            timexes.append(GoldSpan(*where, tx.get("type", ""), tx.get("value", ""), text[where[0]:where[1]]))
    events: dict[str, tuple[int, int]] = {}
    markables = root.find("Markables")
    for ev in (markables.iter("EVENT_MENTION") if markables is not None else ()):
        if (where := span(ev)) is not None:
            events[ev.get("m_id", "")] = where
    dated: dict[str, str] = {}
    for link in root.iter("TLINK"):
        source, target = link.find("source"), link.find("target")
        if source is None or target is None:
            continue
        s, t, rel = source.get("m_id", ""), target.get("m_id", ""), link.get("reltype", "")
        event, timex, side = (s, t, "event") if s in events and t in values else (t, s, "timex")
        if event not in events or timex not in values or (side, rel) not in _INSIDE:
            continue
        kind, value = values[timex]
        if kind in ("DATE", "TIME") and (cal := _calendar(value)) is not None:
            dated.setdefault(event, cal)
    gold_events = [GoldSpan(*events[m], "EVENT", v, text[events[m][0]:events[m][1]]) for m, v in dated.items()]
    return GoldDoc(path.stem, text, dct, timexes, skip, scored_end, sorted(gold_events, key=lambda e: e.start))


# -------------------------------------------------------------------------------------------- timex scoring
def _norm(value: str) -> str:
    """Equal TIMEX3 spellings: "2000-W07" = "2000-W7", "1949-XX" = "1949", "1998-XX-XX" = "1998"."""
    value = re.sub(r"(-XX)+$", "", value or "")
    return re.sub(r"-W0(\d)\b", r"-W\1", value)



@dataclass
class TimexScore:
    """TempEval-3 counts for one corpus and one set of TIMEX3 types."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0

    def strict_prf(self) -> tuple[float, float, float]:
        return prf(self.strict, self.system, self.gold)

    def relaxed_prf(self) -> tuple[float, float, float]:
        return prf(self.relaxed, self.system, self.gold)

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.relaxed if self.relaxed else 0.0

    @property
    def value_f1(self) -> float:
        """Relaxed F1 x value accuracy (TempEval-3)."""
        return self.relaxed_prf()[2] * self.value_accuracy


def score_timexes(docs: Iterable[GoldDoc], types: set[str], errors: list[str] | None = None) -> TimexScore:
    """Score ``tag_times`` on gold docs for the TIMEX3 ``types``; append MISS/VALUE/EXTRA lines to ``errors``."""
    from whodid.timex import tag_times

    errors = [] if errors is None else errors
    s = TimexScore()
    for doc in docs:
        gold = [g for g in doc.timexes if g.type in types]
        system = [t for t in tag_times(doc.text, doc.dct) if t.type in types]
        if doc.scored_end is not None:
            system = [t for t in system if t.start < doc.scored_end]
        if doc.skip:
            system = [t for t in system if t.end <= doc.skip[0] or t.start >= doc.skip[1]]
        s.gold += len(gold)
        s.system += len(system)
        used: set[int] = set()
        for g in gold:
            match = next((i for i, t in enumerate(system) if i not in used and t.start < g.end and g.start < t.end),
                         None)
            if match is None:
                errors.append(f"MISS {doc.name}: {g.text!r} {g.value}")
                continue
            used.add(match)
            t = system[match]
            s.relaxed += 1
            s.strict += (t.start, t.end) == (g.start, g.end)
            if _norm(t.value) == _norm(g.value):
                s.value_ok += 1
            else:
                errors.append(f"VALUE {doc.name} (dct {doc.dct}): {g.text!r} gold {g.value} got {t.text!r} {t.value}")
        errors.extend(f"EXTRA {doc.name}: {t.text!r} {t.value}" for i, t in enumerate(system) if i not in used)
    return s


# ------------------------------------------------------------------------------------------- event dating
@dataclass
class DateScore:
    """Event-date accuracy of one predictor on gold-dated event mentions."""

    n: int = 0
    exact: int = 0  # same value at the same precision
    compatible: int = 0  # one period inside the other ("2008-03" for gold "2008-03-05")
    not_dct: int = 0  # gold date is not the story's day
    stamped_dct: int = 0  # ... and the predictor said the story's day anyway
    exact_not_dct: int = 0  # ... and the predictor got it exactly

    def add(self, predicted: str | None, gold: str, dct: str | None) -> bool:
        from whodid.timex import value_bounds

        self.n += 1
        ok = predicted is not None and _norm(predicted) == _norm(gold)
        self.exact += ok
        a, b = (value_bounds(predicted) if predicted else None), value_bounds(gold)
        self.compatible += bool(a and b and ((a[0] >= b[0] and a[1] <= b[1]) or (b[0] >= a[0] and b[1] <= a[1])))
        if dct and gold != dct:
            self.not_dct += 1
            self.stamped_dct += predicted == dct
            self.exact_not_dct += ok
        return ok


def _clause_verb(token: Any) -> Any:
    """The verb whose clause a gold event word belongs to (itself when a verb)."""
    for t in (token, *token.ancestors):
        if t.pos_ in ("VERB", "AUX"):
            return t
    return token


def score_event_dates(docs: list[GoldDoc], errors: list[str] | None = None) -> dict[str, DateScore]:
    """Score the coder's event dates, the dating step alone, and the publication-date baseline (see module doc)."""
    from whodid.coder import Coder, story_lines
    from whodid.dating import date_value, story_timexes
    from whodid.model import Article
    from whodid.status import event_status
    from whodid.timex import infer_publication_date

    errors = [] if errors is None else errors
    coder = Coder()
    scores = {"whodid coder": DateScore(), "publication date (same events)": DateScore(),
              "whodid dating (every gold event)": DateScore(), "publication date (every gold event)": DateScore()}
    # A story without a gold creation time is dated as whodid's readers date it: from its own dateline (ingest's
    # infer_publication_date); every predictor, the baseline included, gets that same date.
    published = {d.name: d.dct or infer_publication_date(d.text) for d in docs}
    articles = [Article(text=d.text, id=d.name, published=published[d.name]) for d in docs]
    coded = {a.id: events for a, events in coder.code_articles(articles)}
    for doc in docs:
        if not doc.events:
            continue
        dct = published[doc.name]
        for gold in doc.events:  # the coder's own events, matched to gold mentions by trigger overlap
            event = next((e for e in coded.get(doc.name, []) if e.trigger.start < gold.end
                          and gold.start < e.trigger.end), None)
            if event is not None:
                if not scores["whodid coder"].add(event.date, gold.value, dct):
                    errors.append(f"CODER {doc.name}: {gold.text!r} gold {gold.value} got {event.date} "
                                  f"({event.date_source} {event.date_text!r})")
                scores["publication date (same events)"].add(dct, gold.value, dct)
        lines = story_lines(doc.text)
        parsed = [SimpleNamespace(offset=offset, doc=d)
                  for (offset, _), d in zip(lines, coder.nlp.pipe([t for _, t in lines]))]
        timexes = story_timexes(doc.text, dct)
        context = None
        for gold in doc.events:  # the dating step alone, on every gold mention
            line = next((ln for ln in reversed(parsed) if ln.offset <= gold.start), None)
            span = line.doc.char_span(gold.start - line.offset, gold.end - line.offset, alignment_mode="expand") \
                if line else None
            if span is None:
                continue
            token = span.root
            mention = SimpleNamespace(trigger=token, first=token, clause=_clause_verb(token), event_type="",
                                      sent=None, status=event_status(token))
            timex, source = coder.dater.date_mention(mention, line, timexes, dct, context)
            predicted = date_value(timex) if timex else dct
            if timex is not None and source == "text":
                context = SimpleNamespace(date=predicted, date_mod=timex.mod)
            if not scores["whodid dating (every gold event)"].add(predicted, gold.value, dct):
                errors.append(f"DATING {doc.name}: {gold.text!r} gold {gold.value} got {predicted} "
                              f"({timex.text if timex else 'publication'}) in: {token.sent.text[:200]!r}")
            scores["publication date (every gold event)"].add(dct, gold.value, dct)
    return scores


# -------------------------------------------------------------------------------------------------- command
def _files(folder: Path, kind: str) -> list[Path]:
    return sorted(folder.rglob("*.tml" if kind == "timeml" else "*.xml"))


def run(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    paths = _files(args.dir, args.gold_set)
    if args.gold_set == "meantime":
        paths = [p for p in paths if p.name != "MEANTIME_NWR.xsd"]
    if not paths:
        stderr.print(f"[red]error:[/red] no gold files under {args.dir}")
        return 2
    reader = read_tml if args.gold_set == "timeml" else read_meantime
    docs = [reader(p) for p in paths]
    console = Console(width=160)
    errors: list[str] = []
    if args.gold_set == "timeml":
        table = Table(title=f"timeml: {len(docs)} documents ({args.dir})", header_style="bold")
        for column in ("types", "gold", "system", "strict P", "strict R", "strict F1", "relaxed P", "relaxed R",
                       "relaxed F1", "value acc", "value F1"):
            table.add_column(column, justify="left" if column == "types" else "right")
        for label, types in (("DATE", {"DATE"}), ("DATE+TIME", {"DATE", "TIME"}),
                             ("all types", {"DATE", "TIME", "DURATION", "SET"})):
            s = score_timexes(docs, types, errors if label == "DATE+TIME" else None)
            table.add_row(label, str(s.gold), str(s.system), *(f"{x:.3f}" for x in s.strict_prf()),
                          *(f"{x:.3f}" for x in s.relaxed_prf()), f"{s.value_accuracy:.3f}", f"{s.value_f1:.3f}")
        console.print(table)
    else:
        t0 = time.perf_counter()
        scores = score_event_dates(docs, errors)
        table = Table(title=f"meantime: event dates, {sum(len(d.events) for d in docs)} gold-dated event mentions "
                            f"in {len(docs)} documents ({time.perf_counter() - t0:.0f} s)", header_style="bold")
        for column in ("predictor", "events", "exact acc", "compatible acc", "gold != story day",
                       "exact acc there", "wrongly on story day"):
            table.add_column(column, justify="left" if column == "predictor" else "right")
        for name, s in scores.items():
            table.add_row(name, str(s.n), f"{s.exact / s.n:.3f}" if s.n else "-",
                          f"{s.compatible / s.n:.3f}" if s.n else "-", str(s.not_dct),
                          f"{s.exact_not_dct / s.not_dct:.3f}" if s.not_dct else "-",
                          f"{s.stamped_dct / s.not_dct:.3f}" if s.not_dct else "-")
        console.print(table)
    for line in errors[: args.show]:
        console.print("  " + line, markup=False, highlight=False)
    return 0
