"""The same event told several times in one story becomes one event.

A story often recalls one event twice: a photo caption ("Trump met Kim in Panmunjom on June 30, 2019") and the
body ("they met again in June 2019 in Panmunjom"). Two mentions are the same event when they share the event type,
the set of participants and the status class, and their dates and places are compatible (one contains the other).
The merged event keeps the first mention's evidence and the most precise date and place of all mentions.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from whodid.actor_context import from_context
from whodid.model import Actor, Event, Place, Trigger, stable_hash
from whodid.timex import value_bounds

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4, "century": 5}
_PLACE_RANK = {"landmark": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}


def participants(event: Event) -> frozenset[str]:
    """Who takes part, both sides together, by country (else code, name or words): the same dyad whatever the order
    or the wording. Two mentions must share it to be one event, or for one to date the other. Actors whose country
    came from the context keep their sector ("MLIREB", "MLIMIL"): rebels and soldiers of one country are two sides."""
    return frozenset((a.code if from_context(a) else a.country) or a.code or a.name or a.text
                     for a in event.actors + event.recipients)


def _status_class(event: Event) -> str:
    # hypothetical and future are both "not yet"; they may be told either way in one story
    return "unreal" if event.status in ("hypothetical", "future") else event.status


def _dates_compatible(a: Event, b: Event) -> bool:
    if a.date_source != "text" or b.date_source != "text":
        # an undated mention is not merged ("they met three times" is not the meeting of June 2019); one that
        # refers back ("the prospective meeting") has already taken its antecedent's date
        return False
    ba, bb = value_bounds(a.date), value_bounds(b.date)
    if ba is None or bb is None:
        return False
    return (ba[0] <= bb[0] and bb[1] <= ba[1]) or (bb[0] <= ba[0] and ba[1] <= bb[1])


def _places_compatible(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if a.name == b.name:
        return True
    # a place and its own country ("in South Korea" / "in Gyeongju")
    return (a.feature == "country" or b.feature == "country") and a.country == b.country


def same_event(a: Event, b: Event) -> bool:
    """Whether two mentions of one story tell the same event."""
    return (
        a.event_type == b.event_type
        and a.trigger.start != b.trigger.start  # one trigger's events are distinct acts (an act and its reverse)
        and _status_class(a) == _status_class(b)
        and participants(a) == participants(b)
        and bool(participants(a))
        and (_dates_compatible(a, b) or _one_sentence_one_date(a, b))
        and _places_compatible(a.location, b.location)
    )


def _one_sentence_one_date(a: Event, b: Event) -> bool:
    # two triggers of one sentence with one type, one dyad and one date tell one act ("insisted that Kenya must
    # hand over the suspects": the insisting is the demand)
    return a.sentence_id == b.sentence_id and a.date == b.date


def _absorb(kept: Event, other: Event) -> None:
    """Move the more precise date and place of ``other`` into ``kept``."""
    if other.date_source == "text" and (
        kept.date_source != "text"
        or _PRECISION_RANK.get(other.date_precision or "", 9) < _PRECISION_RANK.get(kept.date_precision or "", 9)
    ):
        for name in ("date", "date_precision", "date_mod", "date_text", "date_source", "historical"):
            setattr(kept, name, getattr(other, name))
    if other.location is not None and (
        kept.location is None
        or _PLACE_RANK.get(other.location.feature or "", 9) < _PLACE_RANK.get(kept.location.feature or "", 9)
    ):
        kept.location = other.location
    if kept.attribution is None:
        kept.attribution = other.attribution
    kept.confidence = min(1.0, max(kept.confidence, other.confidence) + 0.05)


def merge_story_events(events: list[Event]) -> list[Event]:
    """Events of one story with repeated mentions merged; order of first mention kept."""
    kept: list[Event] = []
    for event in events:
        twin = next((k for k in kept if same_event(k, event)), None)
        if twin is None:
            kept.append(event)
        else:
            _absorb(twin, event)
    return kept


# --- across stories ------------------------------------------------------------------------------------------------
# The store merges mentions of different stories into events. The rule and its thresholds (docs/store.md):
#   same event type; same status; compatible sides; dates that contain one another, the coarser covering at most
#   MAX_SPAN_DAYS; compatible places; never two mentions of one story (the within-story merge above has decided).
# Clusters are built by complete linkage (a mention joins a cluster only when it is compatible with every member),
# finest dates first, so a coarse "in 2019" cannot chain the February and June 2019 summits into one event; a
# mention compatible with several clusters is ambiguous and stays an event of its own.
MAX_SPAN_DAYS = 366  # the coarsest date a mention may have to join another: a year ("in 2018" / "June 12, 2018")
MAX_PLACE_KM = 50.0  # two resolved places nearer than this are the same venue (a city and its district)
# A meeting is mutual: "A met B" and "B met A" tell one event. Other types keep their direction ("A accused B"
# and "B accused A" on one day are two accusations).
RECIPROCAL_TYPES = frozenset({"CONSULT"})


@dataclass(frozen=True)
class MentionRef:
    """Where one mention of a merged event was told."""

    id: str
    story_id: str
    sentence_id: int
    trigger: Trigger
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "story_id": self.story_id, "sentence_id": self.sentence_id,
                "trigger": self.trigger.to_dict(), "source": self.source}


@dataclass
class MergedEvent:
    """One real-world event however many stories report it: a representative Event (the contract's fields, with
    ``id`` the merged event's id and the finest date and place of its mentions) plus every mention as provenance."""

    event: Event
    mentions: list[MentionRef] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.event.id

    @property
    def n_mentions(self) -> int:
        return len(self.mentions)

    @property
    def n_stories(self) -> int:
        return len({m.story_id for m in self.mentions})

    @property
    def n_sources(self) -> int:
        """Distinct outlets; a story whose outlet is unknown counts as its own source."""
        return len({m.source or f"story:{m.story_id}" for m in self.mentions})

    def to_dict(self) -> dict[str, Any]:
        """The Event JSON plus ``n_mentions``, ``n_stories``, ``n_sources`` and ``mentions``."""
        return {**self.event.to_dict(), "n_mentions": self.n_mentions, "n_stories": self.n_stories,
                "n_sources": self.n_sources, "mentions": [m.to_dict() for m in self.mentions]}


def _key(actor: Actor) -> str:
    return actor.country or actor.code or (actor.name or actor.text).lower()


@dataclass(frozen=True)
class _Features:
    """What the rule compares, computed once per mention."""

    story_id: str
    event_type: str
    status: str
    actors: frozenset[str]
    recipients: frozenset[str]
    span: tuple[date, date] | None
    location: Place | None

    @classmethod
    def of(cls, event: Event) -> "_Features":
        span = value_bounds(event.date) if event.date else None
        if span is not None and (span[1] - span[0]).days >= MAX_SPAN_DAYS:
            span = None  # too coarse to merge ("in the 2010s")
        return cls(event.story_id, event.event_type, event.status, frozenset(_key(a) for a in event.actors),
                   frozenset(_key(a) for a in event.recipients), span, event.location)


def _sides_compatible(a: _Features, b: _Features) -> bool:
    """Overlapping actor and recipient countries; a side-less ("A and B met") mention compares participant sets."""
    if a.actors and a.recipients and b.actors and b.recipients:
        if (a.actors & b.actors) and (a.recipients & b.recipients):
            return True
        return a.event_type in RECIPROCAL_TYPES and bool(a.actors & b.recipients) and bool(a.recipients & b.actors)
    pa, pb = a.actors | a.recipients, b.actors | b.recipients
    small, large = (pa, pb) if len(pa) <= len(pb) else (pb, pa)
    # one side missing: the smaller participant set must lie inside the larger and name two parties, so that
    # "Arvenia met" never joins "Arvenia met Boravia" nor "Arvenia met Cortina"
    return (small == large and bool(small)) or (len(small) >= 2 and small <= large)


def _spans_compatible(sa: tuple[date, date] | None, sb: tuple[date, date] | None) -> bool:
    if sa is None or sb is None:
        return False  # an undated (or too coarsely dated) mention is never merged
    return (sa[0] <= sb[0] and sb[1] <= sa[1]) or (sb[0] <= sa[0] and sa[1] <= sb[1])


def _km(a: Place, b: Place) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    la, lb = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((lb - la) / 2) ** 2 + math.cos(la) * math.cos(lb) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def places_compatible(a: Place | None, b: Place | None) -> bool:
    """Unknown places fit anything; else the same place, a place within its own country, or two places close by."""
    if a is None or b is None:
        return True
    if (a.geonameid is not None and a.geonameid == b.geonameid) or _places_compatible(a, b):
        return True
    if a.country and b.country and a.country != b.country:
        return False
    km = _km(a, b)
    return km is not None and km <= MAX_PLACE_KM


def _compatible(a: _Features, b: _Features) -> bool:
    return (
        a.story_id != b.story_id
        and a.event_type == b.event_type
        and a.status == b.status
        and _spans_compatible(a.span, b.span)
        and _sides_compatible(a, b)
        and places_compatible(a.location, b.location)
    )


def compatible_across(a: Event, b: Event) -> bool:
    """Whether two mentions from different stories may tell the same event (the store's merge rule)."""
    return _compatible(_Features.of(a), _Features.of(b))


def _order(event: Event, features: _Features) -> tuple[Any, ...]:
    """Finest dates first, then earliest; ties broken by the mention's own position (fully deterministic)."""
    span = features.span
    width = (span[1] - span[0]).days if span else 10**6
    return (width, span[0] if span else date.max, event.story_id, event.sentence_id, event.trigger.start, event.id)


def cluster_mentions(events: list[Event]) -> list[list[Event]]:
    """Mentions of many stories grouped into events by the rule above; the result depends only on the set of
    mentions given, not on their order. Each group lists its mentions finest date first."""
    featured = [(event, _Features.of(event)) for event in events]
    featured.sort(key=lambda pair: _order(*pair))
    clusters: list[list[tuple[Event, _Features]]] = []
    for event, features in featured:
        if features.span is None:  # never merged: skip the search
            clusters.append([(event, features)])
            continue
        fits = [c for c in clusters if all(_compatible(f, features) for _, f in c)]
        if len(fits) == 1:
            fits[0].append((event, features))
        else:  # none fits, or ambiguous between several events: an event of its own
            clusters.append([(event, features)])
    return [[event for event, _ in cluster] for cluster in clusters]


def _participants_count(event: Event) -> int:
    return len(event.actors) + len(event.recipients)


def merged_event(members: list[Event], sources: dict[str, str | None] | None = None) -> MergedEvent:
    """One MergedEvent from a cluster (as ``cluster_mentions`` orders it): the date of the finest mention, the
    most precise place, the participants of the mention naming most of them; the id hashes the first mention."""
    first = members[0]
    richest = max(members, key=_participants_count)  # ties: the first in the cluster's order
    place = min((e.location for e in members if e.location is not None),
                key=lambda p: _PLACE_RANK.get(p.feature or "", 9), default=None)
    rep = Event.from_dict(richest.to_dict())
    for name in ("date", "date_precision", "date_mod", "date_text", "date_source", "historical"):
        setattr(rep, name, getattr(first, name))
    rep.location = place
    rep.attribution = next((e.attribution for e in members if e.attribution is not None), None)
    rep.confidence = max(e.confidence for e in members)
    rep.id = "E" + stable_hash(first.id, length=15)
    sources = sources or {}
    refs = sorted((MentionRef(e.id, e.story_id, e.sentence_id, e.trigger, sources.get(e.story_id)) for e in members),
                  key=lambda m: (m.story_id, m.sentence_id, m.trigger.start, m.id))
    return MergedEvent(rep, refs)


def pair_scores(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float]:
    """Pairwise merge precision and recall: over mentions in both maps (mention -> event label), the pairs put
    in one event by ``predicted`` that gold has in one event, and the reverse. 1.0 when there is no pair."""
    keys = sorted(set(predicted) & set(gold))
    pairs = [(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]]
    same_pred = {p for p in pairs if predicted[p[0]] == predicted[p[1]]}
    same_gold = {p for p in pairs if gold[p[0]] == gold[p[1]]}
    both = len(same_pred & same_gold)
    return (both / len(same_pred) if same_pred else 1.0, both / len(same_gold) if same_gold else 1.0)
