"""Writing events to a text stream: ``jsonl`` (the contract's Event JSON), ``csv`` (flat columns), ``plover``
(PLOVER-style JSON lines with actor and recipient lists) and ``phoenix`` (Phoenix-style TSV, one row per CAMEO dyad).

Every writer takes mention-level ``Event``s or store-merged ``MergedEvent``s; merged events add their provenance
(``n_mentions``, ``n_stories``, ``n_sources``, and the mentions in JSON or story ids in CSV/TSV).
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from whodid.merge import MergedEvent
from whodid.model import Actor, Event

FORMATS: tuple[str, ...] = ("jsonl", "csv", "plover", "phoenix")
Item = Event | MergedEvent

CSV_COLUMNS: tuple[str, ...] = (
    "id", "story_id", "sentence_id", "event_type", "mode", "cameo", "quad_class", "goldstein",
    "actors", "actor_names", "recipients", "recipient_names", "date", "date_precision", "date_mod",
    "date_text", "date_source", "historical", "status", "location", "location_country", "lat", "lon",
    "attribution", "trigger", "trigger_start", "trigger_end", "confidence", "text",
)
# added after CSV_COLUMNS (and after PHOENIX_COLUMNS) for merged events
PROVENANCE_COLUMNS: tuple[str, ...] = ("n_mentions", "n_stories", "n_sources", "story_ids")
# Phoenix-style TSV: one row per (source actor, target actor) CAMEO dyad, the Phoenix data set's leading columns
PHOENIX_COLUMNS: tuple[str, ...] = (
    "EventID", "Date", "Year", "Month", "Day", "DatePrecision", "SourceActorFull", "SourceActorEntity",
    "SourceActorRole", "TargetActorFull", "TargetActorEntity", "TargetActorRole", "EventCode", "EventRootCode",
    "QuadClass", "Goldstein", "Status", "Historical", "LocationName", "CountryCode", "Lat", "Lon", "StoryID",
    "SentenceID",
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


def _event_of(item: Item) -> Event:
    return item.event if isinstance(item, MergedEvent) else item


def _provenance(item: Item) -> dict[str, Any]:
    """The provenance cells of a merged event (empty for a mention)."""
    if not isinstance(item, MergedEvent):
        return {}
    return {"n_mentions": item.n_mentions, "n_stories": item.n_stories, "n_sources": item.n_sources,
            "story_ids": _JOIN.join(sorted({m.story_id for m in item.mentions}))}


def _write_jsonl(items: Iterable[Item], handle: TextIO) -> int:
    count = 0
    for item in items:
        handle.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_table(items: Iterable[Item], handle: TextIO, columns: tuple[str, ...],
                 rows: Callable[[Event], list[dict[str, Any]]], delimiter: str) -> int:
    """CSV or TSV: the header always (a valid empty table), provenance columns when the first item is merged."""
    items = iter(items)
    first = next(items, None)
    merged = isinstance(first, MergedEvent)
    writer = csv.DictWriter(handle, fieldnames=columns + (PROVENANCE_COLUMNS if merged else ()),
                            delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    count = 0
    for item in ([first] if first is not None else []):
        count += _write_rows(writer, item, rows)
    for item in items:
        count += _write_rows(writer, item, rows)
    return count


def _write_rows(writer: csv.DictWriter, item: Item, rows: Callable[[Event], list[dict[str, Any]]]) -> int:
    extra = {k: _cell(v) for k, v in _provenance(item).items()}
    for row in rows(_event_of(item)):
        writer.writerow({**row, **extra})
    return 1


def _write_csv(items: Iterable[Item], handle: TextIO) -> int:
    return _write_table(items, handle, CSV_COLUMNS, lambda e: [csv_row(e)], ",")


def _actor_list(actors: list[Actor]) -> list[dict[str, Any]]:
    return [{"name": a.name or a.text, "code": a.code, "country": a.country, "sector": a.sector} for a in actors]


def plover_record(item: Item) -> dict[str, Any]:
    """A PLOVER-style record: one event with actor and recipient *lists* (no CAMEO dyad explosion)."""
    event = _event_of(item)
    location = event.location
    record = {
        "event_id": event.id, "event_date": event.date, "date_precision": event.date_precision,
        "date_mod": event.date_mod, "event_type": event.event_type, "event_mode": event.mode,
        "event_text": event.text, "event_status": event.status, "historical": event.historical,
        "actor": _actor_list(event.actors), "recipient": _actor_list(event.recipients),
        "actor_country": sorted({a.country for a in event.actors if a.country}),
        "recipient_country": sorted({a.country for a in event.recipients if a.country}),
        "location": None if location is None else {
            "name": location.name or location.text, "country": location.country, "geonameid": location.geonameid,
            "lat": location.lat, "lon": location.lon, "feature": location.feature,
            "confidence": location.confidence},
        "cameo": event.cameo, "quad_class": event.quad_class, "goldstein": event.goldstein,
        "story_id": event.story_id, "sentence_id": event.sentence_id, "trigger": event.trigger.text,
    }
    if isinstance(item, MergedEvent):
        record.update(n_mentions=item.n_mentions, n_stories=item.n_stories, n_sources=item.n_sources,
                      story_ids=sorted({m.story_id for m in item.mentions}))
    return record


def _write_plover(items: Iterable[Item], handle: TextIO) -> int:
    count = 0
    for item in items:
        handle.write(json.dumps(plover_record(item), ensure_ascii=False) + "\n")
        count += 1
    return count


def _dyads(event: Event) -> list[tuple[Actor, Actor | None]]:
    """CAMEO dyads of an event: each actor with each recipient; a side-less "A and B met" gives each pair once
    (in list order); a lone actor gives a row without target."""
    if event.recipients:
        return [(a, r) for a in event.actors for r in event.recipients]
    if len(event.actors) > 1:
        return [(a, b) for i, a in enumerate(event.actors) for b in event.actors[i + 1:]]
    return [(a, None) for a in event.actors]


def _role(code: str | None, country: str | None) -> str | None:
    # a CAMEO actor code is a country (or IGO) code followed by roles: "USAGOV" -> "GOV"
    if not code:
        return None
    if country and code.startswith(country):
        return code[len(country):] or None
    return code[3:] or None


def phoenix_rows(event: Event) -> list[dict[str, Any]]:
    """The Phoenix-style rows (one per CAMEO dyad) of one event."""
    span = _span_start(event.date)
    location = event.location
    rows = []
    for source, target in _dyads(event):
        row = {
            "EventID": event.id, "Date": span.strftime("%Y%m%d") if span else None,
            "Year": span.year if span else None, "Month": span.month if span else None,
            "Day": span.day if span else None, "DatePrecision": event.date_precision,
            "SourceActorFull": source.code, "SourceActorEntity": source.country or (source.code or "")[:3] or None,
            "SourceActorRole": _role(source.code, source.country),
            "TargetActorFull": target.code if target else None,
            "TargetActorEntity": (target.country or (target.code or "")[:3] or None) if target else None,
            "TargetActorRole": _role(target.code, target.country) if target else None,
            "EventCode": event.cameo, "EventRootCode": event.cameo[:2] if event.cameo else None,
            "QuadClass": event.quad_class, "Goldstein": event.goldstein, "Status": event.status,
            "Historical": event.historical, "LocationName": (location.name or location.text) if location else None,
            "CountryCode": location.country if location else None, "Lat": location.lat if location else None,
            "Lon": location.lon if location else None, "StoryID": event.story_id, "SentenceID": event.sentence_id,
        }
        rows.append({k: _cell(v) for k, v in row.items()})
    return rows


def _span_start(value: str | None):
    from whodid.store import date_span  # the store owns date spans; imported late to avoid a cycle

    span = date_span(value)
    return span[0] if span else None


def _write_phoenix(items: Iterable[Item], handle: TextIO) -> int:
    return _write_table(items, handle, PHOENIX_COLUMNS, phoenix_rows, "\t")


_WRITERS: dict[str, Callable[[Iterable[Item], TextIO], int]] = {
    "jsonl": _write_jsonl, "csv": _write_csv, "plover": _write_plover, "phoenix": _write_phoenix}


def write_events(events: Iterable[Item], fmt: str, handle: TextIO) -> int:
    """Write events (mentions or merged events) to ``handle`` in format ``fmt`` (one of FORMATS); returns how
    many events were written (a Phoenix event may take several rows)."""
    writer = _WRITERS.get(fmt.lower() if isinstance(fmt, str) else fmt)
    if writer is None:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return writer(events, handle)
