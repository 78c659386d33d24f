"""Scoring coded events against hand-coded key events (the format of samples/gold.yaml).

Gold lists the key events of each story, not every event, so precision is measured where gold speaks: among the
predicted events whose sentence holds a gold event. A gold event is found when a predicted event of the same
story, in the sentence that contains ``sentence_contains``, has the gold event type. Fields are then compared on
found events: actors and recipients as sets of country/IGO codes (precision, recall, F1 over codes), the others as
exact values (accuracy over found events; recall over all gold events).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

import yaml

from whodid.model import Actor, Article, Event

VALUE_FIELDS = ("date", "date_mod", "status", "historical", "location", "attribution")


def prf(hits: int, n_predicted: int, n_gold: int) -> tuple[float, float, float]:
    """(precision, recall, F1) from hit, prediction and gold counts."""
    p = hits / n_predicted if n_predicted else 0.0
    r = hits / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Score:
    """Counts for precision/recall/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    events: Score = field(default_factory=Score)
    fields: dict[str, Score] = field(default_factory=dict)
    n_gold: int = 0
    misses: list[str] = field(default_factory=list)

    def rows(self) -> list[tuple[str, float, float, float, int]]:
        """(field, precision, recall, F1, support) rows, event detection first."""
        out = [("event (type + sentence)", self.events.precision, self.events.recall, self.events.f1, self.n_gold)]
        for name, score in self.fields.items():
            out.append((name, score.precision, score.recall, score.f1, score.tp + score.fn))
        return out


def load_gold(path: str | Path) -> dict[str, list[dict[str, Any]]]:
    """story id -> gold events, from a gold.yaml file."""
    with Path(path).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)["events"]


def actor_key(actor: Actor) -> str:
    """The code gold uses for an actor: its country, or its IGO/other code."""
    return actor.country or actor.code or actor.name or actor.text


def _value(event: Event, name: str) -> Any:
    if name == "location":
        return event.location.name if event.location else None
    if name == "attribution":
        return actor_key(event.attribution) if event.attribution else None
    return getattr(event, name)


def _same_location(predicted: str | None, gold: str | None) -> bool:
    if predicted is None or gold is None:
        return predicted is gold
    return predicted.casefold() == gold.casefold()


def _set_score(score: Score, predicted: Iterable[str], gold: Iterable[str]) -> None:
    p, g = set(predicted), set(gold)
    score.tp += len(p & g)
    score.fp += len(p - g)
    score.fn += len(g - p)


def _best_match(candidates: list[Event], gold: dict[str, Any]) -> Event | None:
    """The predicted event of the gold type that agrees with gold on the most fields."""
    typed = [e for e in candidates if e.event_type == gold["event_type"]]
    if not typed:
        return None

    def agreement(event: Event) -> int:
        sides = {actor_key(a) for a in event.actors + event.recipients}
        return len(sides & set(gold["actors"] + gold["recipients"])) * 2 + sum(
            _value(event, name) == gold.get(name) for name in VALUE_FIELDS)

    return max(typed, key=agreement)


def score_events(gold: dict[str, list[dict[str, Any]]], predicted: dict[str, list[Event]]) -> Report:
    """Score predicted events (story id -> events) against gold key events."""
    report = Report(fields={name: Score() for name in ("actors", "recipients", "sides", *VALUE_FIELDS)})
    for story_id, gold_events in gold.items():
        events = predicted.get(story_id, [])
        used: set[int] = set()
        in_gold_sentences: set[int] = set()
        for item in gold_events:
            report.n_gold += 1
            candidates = [e for e in events if item["sentence_contains"] in e.text]
            in_gold_sentences.update(id(e) for e in candidates)
            match = _best_match([e for e in candidates if id(e) not in used], item)
            if match is None:
                report.events.fn += 1
                for score in report.fields.values():
                    score.fn += 1
                report.misses.append(f"{story_id}: {item['event_type']} '{item['sentence_contains']}'")
                continue
            used.add(id(match))
            report.events.tp += 1
            _score_fields(report, match, item)
        report.events.fp += len(in_gold_sentences - used)
    return report


def _score_fields(report: Report, event: Event, gold: dict[str, Any]) -> None:
    _set_score(report.fields["actors"], (actor_key(a) for a in event.actors), gold["actors"])
    _set_score(report.fields["recipients"], (actor_key(a) for a in event.recipients), gold["recipients"])
    _set_score(report.fields["sides"], (actor_key(a) for a in event.actors + event.recipients),
               gold["actors"] + gold["recipients"])
    for name in VALUE_FIELDS:
        predicted, expected = _value(event, name), gold.get(name)
        same = _same_location(predicted, expected) if name == "location" else predicted == expected
        score = report.fields[name]
        if same:
            score.tp += 1
        else:
            score.fp += 1
            score.fn += 1



# ---------------------------------------------------------------------------------------------------------------
# Sentence-level gold sets: PLOVER GSR, ConfliBERT CAMEO (PentaClass), PLV (PLOVER root), PETRARCH records.
# Every set is read into GoldRecords; a coder's events (or a baseline) become Predictions; one scorer compares them.
# ---------------------------------------------------------------------------------------------------------------

Triple = tuple[str, "str | None", "str | None"]


@dataclass(frozen=True)
class GoldRecord:
    """One gold sentence: its class label (None: gold says no event) and its (label, source, target) triples."""

    id: str
    text: str
    published: str | None
    label: str | None
    sources: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    triples: frozenset[Triple] = frozenset()
    source_text: str | None = None  # PLV: the marked pair, to pick the event the pair is about
    target_text: str | None = None


@dataclass(frozen=True)
class Prediction:
    """One predicted event reduced to what the gold sets score: label, side codes, side texts."""

    label: str
    sources: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    texts: tuple[str, ...] = ()

    def triples(self) -> set[Triple]:
        return {(self.label, s, t) for s in (self.sources or {None}) for t in (self.targets or {None})}


@dataclass
class SetReport:
    """Scores of one predictor on one gold set."""

    name: str
    labels: dict[str, Score] = field(default_factory=dict)
    correct: int = 0  # records whose first (primary) prediction has the gold label
    n: int = 0
    triples: Score = field(default_factory=Score)
    sources: Score = field(default_factory=Score)  # side codes, on records where the gold label is found
    targets: Score = field(default_factory=Score)
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0

    @property
    def micro(self) -> Score:
        total = Score()
        for s in self.labels.values():
            total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
        return total

    def macro_f1(self, labels: Iterable[str] | None = None) -> float:
        """Mean F1 over ``labels`` (default: the labels gold uses)."""
        names = list(labels) if labels is not None else [k for k, s in self.labels.items() if s.tp + s.fn]
        return sum(self.labels.get(k, Score()).f1 for k in names) / len(names) if names else 0.0


@lru_cache(maxsize=1)
def _legacy_codes() -> dict[str, str]:
    """Old TABARI/CAMEO country codes some gold sets still use ("JAP", "ITL") -> whodid's ISO 3166 codes."""
    from whodid.resources import load_tsv

    return {row["legacy"]: row["iso3"] for row in load_tsv("legacy_country_codes.tsv")}


def side_code(code: str | None) -> str | None:
    """A gold or predicted actor code reduced to what is compared: its country (3 letters, legacy codes mapped to
    ISO) or "IGO"."""
    code = (code or "").strip().upper()
    if not code or code.startswith("---"):
        return None
    if code.startswith("IGO"):
        return "IGO"
    return _legacy_codes().get(code[:3], code[:3])


def actor_side(actor: Actor) -> str | None:
    """The compared code of a predicted actor: its country, else "IGO" for IGOs, else its code's country part."""
    if actor.sector == "IGO" or (actor.code or "").upper().startswith("IGO"):
        return "IGO"
    return side_code(actor.country or actor.code)


def event_prediction(event: Event, label: str) -> Prediction:
    """An event as a Prediction under ``label``."""
    def codes(actors: list[Actor]) -> frozenset[str]:
        return frozenset(c for c in (actor_side(a) for a in actors) if c)

    texts = tuple(a.text for a in event.actors + event.recipients if a.text)
    return Prediction(label, codes(event.actors), codes(event.recipients), texts)


def primary_first(events: list[Event]) -> list[Event]:
    """Events ordered so that the sentence's main event comes first: the most confident (complete) one,
    earliest trigger on ties."""
    return sorted(events, key=lambda e: e.trigger.start)


def _pick_for_pair(predictions: list[Prediction], record: GoldRecord) -> list[Prediction]:
    """PLV scores one (source, target) pair: move the prediction whose sides mention the pair first."""
    if not record.source_text:
        return predictions
    wanted = [w.casefold() for w in (record.source_text, record.target_text) if w]

    def overlap(p: Prediction) -> int:
        return sum(any(w in t.casefold() or t.casefold() in w for t in p.texts) for w in wanted)

    best = max(range(len(predictions)), key=lambda i: (overlap(predictions[i]), -i), default=None)
    if best is None or overlap(predictions[best]) == 0:
        return predictions
    return [predictions[best]] + predictions[:best] + predictions[best + 1:]


def score_records(name: str, records: list[GoldRecord], predictions: dict[str, list[Prediction]],
                  multi_label: bool = True) -> SetReport:
    """Score predictions (record id -> ordered predictions, primary first) against gold records.

    Per-label P/R/F1 counts every label predicted in the sentence when ``multi_label`` (event sets), else only
    the primary one (sentence classification: PentaClass, PLV root). Accuracy is always the primary label's.
    Triples: every predicted (label, source, target) against gold's, so extra events cost precision.
    """
    report = SetReport(name)
    for record in records:
        preds = _pick_for_pair(predictions.get(record.id, []), record)
        primary = preds[0].label if preds else None
        labels = {p.label for p in preds} if multi_label else ({primary} if primary else set())
        gold = {record.label} if record.label else set()
        for label in labels | gold:
            score = report.labels.setdefault(label, Score())
            if label in gold and label in labels:
                score.tp += 1
            elif label in gold:
                score.fn += 1
            else:
                score.fp += 1
        report.n += 1
        report.correct += primary == record.label
        if primary != record.label:
            report.misses.append(f"{record.id}: gold {record.label or '-'} got {primary or '-'} | {record.text}")
        _set_score(report.triples, {t for p in preds for t in p.triples()}, record.triples)
        hit = next((p for p in preds if p.label == record.label), None)
        if hit is not None:
            _set_score(report.sources, hit.sources, record.sources)
            _set_score(report.targets, hit.targets, record.targets)
    return report


def majority_predictions(records: list[GoldRecord]) -> dict[str, list[Prediction]]:
    """Baseline: the most frequent gold label for every record, with no sides."""
    counts: dict[str, int] = {}
    for r in records:
        if r.label:
            counts[r.label] = counts.get(r.label, 0) + 1
    if not counts:
        return {}
    top = max(sorted(counts), key=lambda k: counts[k])
    return {r.id: [Prediction(top)] for r in records}


# --- readers --------------------------------------------------------------------------------------------------
def _jsonl(path: Path) -> list[dict[str, Any]]:
    import json

    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _codes(actors: Iterable[dict[str, Any]] | None) -> frozenset[str]:
    return frozenset(c for c in (side_code(a.get("code")) for a in actors or [] if isinstance(a, dict)) if c)


def _triples(label: str | None, sources: frozenset[str], targets: frozenset[str]) -> frozenset[Triple]:
    if label is None:
        return frozenset()
    return frozenset((label, s, t) for s in (sources or {None}) for t in (targets or {None}))


def read_plover_gsr(data: Path, normalize: "Callable[[str], str | None]") -> list[GoldRecord]:
    """PLOVER gold-standard records (plover/gold_with_cameo.jsonl); old type names normalised by ``normalize``."""
    out = []
    for r in _jsonl(data / "plover" / "gold_with_cameo.jsonl"):
        if not r.get("plover_event"):
            continue  # the DOCUMENT header record
        label = normalize(r["plover_event"]) or r["plover_event"]
        sources, targets = _codes(r.get("source")), _codes(r.get("target"))
        out.append(GoldRecord(r["id"], r["text"], None, label, sources, targets, _triples(label, sources, targets)))
    return unique_ids(out)


def unique_ids(records: list[GoldRecord]) -> list[GoldRecord]:
    """Records with ids made unique ("X", "X#2", ...): predictions are keyed by id, and a set that gives two
    sentences one id (the GSR does once) would otherwise score one sentence's events against both."""
    seen: dict[str, int] = {}
    out = []
    for record in records:
        seen[record.id] = seen.get(record.id, 0) + 1
        out.append(record if seen[record.id] == 1 else replace(record, id=f"{record.id}#{seen[record.id]}"))
    return out


def read_conflibert(data: Path, split: str = "test") -> list[GoldRecord]:
    """ConfliBERT CAMEO sentences with a PentaClass label (0-4, as strings)."""
    out = []
    for r in _jsonl(data / "conflibert-cameo" / f"gold_{split}.jsonl"):
        if r.get("penta_class") is None:
            continue
        out.append(GoldRecord(r["id"], r["text"], None, str(r["penta_class"])))
    return out


def read_plv(data: Path, split: str = "test", field_name: str = "gold_root") -> list[GoldRecord]:
    """PLV rows: one (sentence, source, target) pair each, labelled with ``gold_root`` or ``gold_penta``."""
    import csv

    csv.field_size_limit(1 << 30)
    with (data / "plv" / f"PLV_{split}.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    # the test file names its id column "uid"; the train file leaves it unnamed
    return [GoldRecord(f"plv-{r.get('uid') or r.get('') or n}", r["sentence"], None, r[field_name].strip() or None,
                       source_text=r.get("source") or None, target_text=r.get("target") or None)
            for n, r in enumerate(rows)]


PETRARCH_FOLDERS = {"validation": "petrarch-validation", "unittests": "petrarch-unittests"}


def read_petrarch(data: Path, suite: str = "validation") -> list[GoldRecord]:
    """PETRARCH records (validation: UD-PETRARCH 2.02; unittests: PETRARCH2): label = CAMEO root of the first
    gold event, triples = (root, source country, target country) of every gold event; no-event records have none.
    Records marked ``evaluate: false`` or expecting a coder error are left out."""
    out = []
    for r in _jsonl(data / PETRARCH_FOLDERS[suite] / "gold.jsonl"):
        if not r.get("evaluate", True) or r.get("expect_error"):
            continue
        events = [] if r.get("noevents") else r.get("events") or []
        triples = frozenset((str(e["code"])[:2], side_code(e.get("source")), side_code(e.get("target")))
                            for e in events if e.get("code"))
        first = events[0] if events else {}
        date = str(r.get("date") or "")
        published = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if len(date) == 8 and date.isdigit() else None
        out.append(GoldRecord(r["id"], r["text"], published, str(first["code"])[:2] if first else None,
                              frozenset(c for c in [side_code(first.get("source"))] if c),
                              frozenset(c for c in [side_code(first.get("target"))] if c), triples))
    return out


def default_data_dir() -> Path:
    """../shared/data next to the working directory or to the source checkout, whichever exists."""
    here = Path(__file__).resolve()
    for base in (Path.cwd(), *here.parents):
        candidate = base.parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return Path.cwd().parent / "shared" / "data"


# --- labels and predictors ------------------------------------------------------------------------------------
# label functions take (PLOVER type, CAMEO code) so that events and bare trigger mentions score alike
LabelFn = Callable[[str, "str | None"], "str | None"]

# PentaClass of ConfliBERT CAMEO: CAMEO root ranges (see its SOURCE.md).
_PENTA_RANGES = ((1, 2, "0"), (3, 5, "1"), (6, 8, "2"), (9, 13, "3"), (14, 20, "4"))
# PLV's roots merge whodid's CONCEDE and RETREAT into the 2016 name YIELD.
_PLV_MERGED = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}


def penta_class(cameo: str | None) -> str | None:
    """ConfliBERT PentaClass ("0".."4") of a CAMEO code, from its two-digit root."""
    if not cameo or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    return next((label for low, high, label in _PENTA_RANGES if low <= root <= high), None)


def plover_label(event_type: str, cameo: str | None) -> str | None:
    return event_type


def plv_root_label(event_type: str, cameo: str | None) -> str | None:
    return _PLV_MERGED.get(event_type, event_type)


def penta_label(event_type: str, cameo: str | None) -> str | None:
    return penta_class(cameo)


def cameo_root_label(event_type: str, cameo: str | None) -> str | None:
    return cameo[:2] if cameo else None


def _articles(records: list[GoldRecord]) -> list[Article]:
    seen: dict[str, Article] = {}
    for r in records:  # PLV repeats a sentence once per pair: code it once
        seen.setdefault(r.text, Article(text=r.text, id=r.id, published=r.published or "2000-01-01"))
    return list(seen.values())


def code_records(coder: Any, records: list[GoldRecord]) -> dict[str, list[Event]]:
    """whodid's events for every distinct record text, in one batched ``code_articles`` run, main event first."""
    return {article.text: primary_first(events) for article, events in coder.code_articles(_articles(records))}


def event_predictions(coded: dict[str, list[Event]], records: list[GoldRecord],
                      label: LabelFn) -> dict[str, list[Prediction]]:
    """Predictions under ``label`` for each record, from ``code_records``' events."""
    out: dict[str, list[Prediction]] = {}
    for r in records:
        preds = []
        for event in coded.get(r.text, []):
            name = label(event.event_type, event.cameo)
            if name:
                preds.append(event_prediction(event, name))
        out[r.id] = preds
    return out


def trigger_mentions(coder: Any, records: list[GoldRecord]) -> dict[str, list[tuple[str, str | None]]]:
    """Baseline "trigger only, no arguments": (PLOVER type, CAMEO) of every lexicon trigger, in text order."""
    from whodid.events import find_mentions  # spaCy-bound: only when a baseline is asked for

    texts = sorted({r.text for r in records})
    out: dict[str, list[tuple[str, str | None]]] = {}
    for text, doc in zip(texts, coder.nlp.pipe(texts, batch_size=coder.batch_size)):
        out[text] = [(m.event_type, m.cameo) for sent in doc.sents for m in find_mentions(sent, coder.lexicon)]
    return out


def mention_predictions(mentions: dict[str, list[tuple[str, str | None]]], records: list[GoldRecord],
                        label: LabelFn) -> dict[str, list[Prediction]]:
    """Predictions without sides from ``trigger_mentions``."""
    return {r.id: [Prediction(n) for n in (label(t, c) for t, c in mentions.get(r.text, [])) if n]
            for r in records}
