"""The data model: the JSON shapes of the contract (see README, "Event JSON").

Every class has ``to_dict()`` giving exactly the contract's fields and ``from_dict()`` reading them back.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any


def _from_fields(cls, data: dict[str, Any]):
    """Build ``cls`` from a dict, ignoring keys the class does not know (forward compatibility)."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


class _Record:
    """``to_dict``/``from_dict`` for the flat records of the contract (every dataclass field is a JSON field)."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        return _from_fields(cls, data)


def stable_hash(*parts: object, length: int = 16) -> str:
    """A short, stable hex id from its parts (same input, same id)."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


@dataclass
class Actor:
    """Who did something, or to whom. ``code`` is a CAMEO actor code ("USAGOV", "IGOAPEC")."""

    text: str
    name: str | None = None
    code: str | None = None
    country: str | None = None  # ISO 3166 alpha-3; None for IGOs or unknown
    sector: str | None = None  # GOV, MIL, OPP, REB, EDU, MED, BUS, CVL, JUD, LEG, COP, IGO, NGO ...
    kb_id: str | None = None
    # Why this resolution: which knowledge entry or rule matched. Not part of the event JSON.
    why: str | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("text", "name", "code", "country", "sector", "kb_id")}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Actor":
        return _from_fields(cls, data)


@dataclass
class Place(_Record):
    """A resolved place mention; ``start``/``end`` are character offsets into the text."""

    text: str
    start: int
    end: int
    name: str | None = None
    geonameid: int | None = None
    country: str | None = None  # ISO3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # country, admin1, admin2, city, landmark, region, water, other
    confidence: float | None = None  # 0-1: the resolution's (for an event, times its attachment's); None: no point

    def shifted(self, offset: int) -> "Place":
        """The same place with offsets moved by ``offset`` (from a line of the story to the story text)."""
        return Place(**{**asdict(self), "start": self.start + offset, "end": self.end + offset})


@dataclass
class Timex(_Record):
    """A time expression, TIMEX3-like: ``type`` DATE/TIME/DURATION/SET, ``value`` e.g. "2025-10"."""

    text: str
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None  # START, MID, END, APPROX


@dataclass
class Trigger(_Record):
    """The words that name an event; offsets are into the story text."""

    text: str
    start: int
    end: int


@dataclass
class Article(_Record):
    """A news story as read from a source. ``text`` is the body after page furniture is removed."""

    text: str
    id: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date
    published_source: str | None = None  # given, metadata, dateline, inferred, or None
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # where it was read from: "file.jsonl:12"

    def __post_init__(self) -> None:
        if not self.id:
            self.id = stable_hash(self.title or "", self.text)


# An event's status: told as done, denied, possible, announced for later, or the content of an accusation.
STATUSES = ("asserted", "negated", "hypothetical", "future", "alleged")

EVENT_FIELDS = (
    "id", "story_id", "sentence_id", "text", "event_type", "mode", "cameo", "quad_class", "goldstein",
    "actors", "recipients", "date", "date_precision", "date_mod", "date_text", "date_source",
    "historical", "status", "location", "attribution", "trigger", "confidence",
)


@dataclass
class Event:
    """One coded event mention: who did what to whom, when, where, and the words that say so."""

    story_id: str
    sentence_id: int
    text: str
    event_type: str
    trigger: Trigger
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    mode: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    date: str | None = None
    date_precision: str | None = None
    date_mod: str | None = None
    date_text: str | None = None
    date_source: str = "publication"
    historical: bool = False
    status: str = "asserted"
    location: Place | None = None
    attribution: Actor | None = None
    confidence: float = 0.5
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = stable_hash(self.story_id, self.trigger.start, self.trigger.end, self.event_type)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in EVENT_FIELDS:
            value = getattr(self, name)
            if name in ("actors", "recipients"):
                value = [a.to_dict() for a in value]
            elif value is not None and name in ("location", "attribution", "trigger"):
                value = value.to_dict()
            out[name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Event":
        data = dict(data)
        data["actors"] = [Actor.from_dict(a) for a in data.get("actors") or []]
        data["recipients"] = [Actor.from_dict(a) for a in data.get("recipients") or []]
        data["trigger"] = Trigger.from_dict(data["trigger"])
        for key, kind in (("location", Place), ("attribution", Actor)):
            if data.get(key) is not None:
                data[key] = kind.from_dict(data[key])
        return _from_fields(cls, data)


def at_least(events: list[Event], min_confidence: float | None) -> list[Event]:
    """The events coded with at least ``min_confidence`` (all of them when it is None)."""
    if min_confidence is None:
        return events
    return [e for e in events if e.confidence >= min_confidence]
