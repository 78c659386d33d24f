"""Scoring coded events against hand-coded key events (the format of samples/gold.yaml).

Gold lists the key events of each story, not every event, so precision is measured where gold speaks: among the
predicted events whose sentence holds a gold event. A gold event is found when a predicted event of the same
story, in the sentence that contains ``sentence_contains``, has the gold event type. Fields are then compared on
found events: actors and recipients as sets of country/IGO codes (precision, recall, F1 over codes), the others as
exact values (accuracy over found events; recall over all gold events).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from whodid.model import Actor, Event

VALUE_FIELDS = ("date", "date_mod", "status", "historical", "location", "attribution")


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

