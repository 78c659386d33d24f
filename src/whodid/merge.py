"""The same event told several times in one story becomes one event.

A story often recalls one event twice: a photo caption ("Trump met Kim in Panmunjom on June 30, 2019") and the
body ("they met again in June 2019 in Panmunjom"). Two mentions are the same event when they share the event type,
the set of participants and the status class, and their dates and places are compatible (one contains the other).
The merged event keeps the first mention's evidence and the most precise date and place of all mentions.
"""
from __future__ import annotations

from whodid.model import Event, Place
from whodid.timex import value_bounds

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4, "century": 5}
_PLACE_RANK = {"landmark": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}


def _participants(event: Event) -> frozenset[str]:
    """Countries (or codes) on both sides: the same dyad whatever the order or the wording."""
    return frozenset((a.country or a.code or a.name or "") for a in event.actors + event.recipients)


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
        and _status_class(a) == _status_class(b)
        and _participants(a) == _participants(b)
        and bool(_participants(a))
        and _dates_compatible(a, b)
        and _places_compatible(a.location, b.location)
    )


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
