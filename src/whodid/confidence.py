"""How sure whodid is of an event (``Event.confidence``, 0-1): the trigger entry's confidence, lowered when a side
is missing or unresolved and in a story that says little of politics. The factors are data (data/confidence.yaml);
``whodid code --min-confidence`` and the query filters read the result."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from whodid.resources import load_yaml

if TYPE_CHECKING:
    from whodid.model import Actor
    from whodid.triggers import TriggerEntry


@dataclass(frozen=True)
class ConfidenceRules:
    """The factors of data/confidence.yaml."""

    missing_actor: float
    missing_recipient: float
    unresolved_side: float
    story_min_chars: int
    story_full_density: float
    story_floor: float
    story_words: re.Pattern[str]

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "ConfidenceRules":
        data = load_yaml("confidence.yaml")
        story = data["story"]
        words = sorted({str(w).lower() for w in story["words"]}, key=len, reverse=True)
        pattern = "|".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in words)
        return cls(float(data["missing_actor"]), float(data["missing_recipient"]), float(data["unresolved_side"]),
                   int(story["min_chars"]), float(story["full_density"]), float(story["floor"]),
                   re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE))


def event_confidence(entry: TriggerEntry, actors: list[Actor], recipients: list[Actor]) -> float:
    """The trigger entry's confidence, lowered when a side is missing or named but not resolved."""
    rules = ConfidenceRules.default()
    score = entry.confidence
    if not actors:
        score *= rules.missing_actor
    if not recipients and not entry.reciprocal:
        score *= rules.missing_recipient
    for side in (actors, recipients):
        if side and all(a.why == "unresolved" for a in side):
            score *= rules.unresolved_side
    return round(min(1.0, score), 2)


def story_factor(text: str, rules: ConfidenceRules | None = None) -> float:
    """How much a story's words speak of politics, as a factor on its events' confidence (1 for short texts)."""
    rules = rules or ConfidenceRules.default()
    if len(text) < rules.story_min_chars:
        return 1.0
    density = 1000 * len(rules.story_words.findall(text)) / len(text)
    return min(1.0, rules.story_floor + (1 - rules.story_floor) * density / rules.story_full_density)
