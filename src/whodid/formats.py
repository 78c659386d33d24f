"""Writing events to a text stream: ``jsonl`` (the contract's Event JSON) and ``csv`` (flat columns)."""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from whodid.model import Actor, Event

FORMATS: tuple[str, ...] = ("jsonl", "csv")

CSV_COLUMNS: tuple[str, ...] = (
    "id", "story_id", "sentence_id", "event_type", "mode", "cameo", "quad_class", "goldstein",
    "actors", "actor_names", "recipients", "recipient_names", "date", "date_precision", "date_mod",
    "date_text", "date_source", "historical", "status", "location", "location_country", "lat", "lon",
    "attribution", "trigger", "trigger_start", "trigger_end", "confidence", "text",
)
_JOIN = "; "


def _cell(value: Any) -> Any:
    """A CSV cell: None empty, booleans as true/false (read back by pandas as bool)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _codes(actors: list[Actor]) -> str:
    # positions line up with the names column, so a missing code stays an empty item
    return _JOIN.join(a.code or "" for a in actors) if any(a.code for a in actors) else ""


def _names(actors: list[Actor]) -> str:
    return _JOIN.join(a.name or a.text for a in actors)


def csv_row(event: Event) -> dict[str, Any]:
    """The flat CSV columns of one event."""
    location, trigger, attribution = event.location, event.trigger, event.attribution
    row = {
        "id": event.id, "story_id": event.story_id, "sentence_id": event.sentence_id,
        "event_type": event.event_type, "mode": event.mode, "cameo": event.cameo,
        "quad_class": event.quad_class, "goldstein": event.goldstein,
        "actors": _codes(event.actors), "actor_names": _names(event.actors),
        "recipients": _codes(event.recipients), "recipient_names": _names(event.recipients),
        "date": event.date, "date_precision": event.date_precision, "date_mod": event.date_mod,
        "date_text": event.date_text, "date_source": event.date_source, "historical": event.historical,
        "status": event.status,
        "location": (location.name or location.text) if location else None,
        "location_country": location.country if location else None,
        "lat": location.lat if location else None, "lon": location.lon if location else None,
        "attribution": (attribution.name or attribution.text) if attribution else None,
        "trigger": trigger.text, "trigger_start": trigger.start, "trigger_end": trigger.end,
        "confidence": event.confidence, "text": event.text,
    }
    return {k: _cell(v) for k, v in row.items()}


def _write_jsonl(events: Iterable[Event], handle: TextIO) -> int:
    count = 0
    for event in events:
        handle.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_csv(events: Iterable[Event], handle: TextIO) -> int:
    writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()  # even with no events, so the file is a valid empty table
    count = 0
    for event in events:
        writer.writerow(csv_row(event))
        count += 1
    return count


_WRITERS: dict[str, Callable[[Iterable[Event], TextIO], int]] = {"jsonl": _write_jsonl, "csv": _write_csv}


def write_events(events: Iterable[Event], fmt: str, handle: TextIO) -> int:
    """Write events to ``handle`` in format ``fmt`` (one of FORMATS); returns how many were written."""
    writer = _WRITERS.get(fmt.lower() if isinstance(fmt, str) else fmt)
    if writer is None:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return writer(events, handle)
