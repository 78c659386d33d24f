"""Output formats: JSONL is the contract's Event JSON; CSV has flat columns that pandas reads back."""
from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from whodid.formats import CSV_COLUMNS, FORMATS, write_events
from whodid.model import Actor, Event, Place, Trigger


def _events() -> list[Event]:
    text = "Ministers from Arvenia and Boravia met in Lisbon on Tuesday."
    meet = Event(
        story_id="s1", sentence_id=0, text=text, event_type="CONSULT", mode="third-party", cameo="043",
        quad_class=1, goldstein=2.8, trigger=Trigger("met", 40, 43),
        actors=[Actor("Arvenia", name="Arvenia", code="ARVGOV", country="ARV", sector="GOV"),
                Actor("Boravia", name="Boravia", code=None, country="BOR")],
        recipients=[], date="2025-09-23", date_precision="day", date_text="on Tuesday", date_source="text",
        location=Place("Lisbon", 47, 53, name="Lisbon", country="PRT", lat=38.72, lon=-9.14, feature="city"),
        attribution=Actor("a spokesman", name=None), confidence=0.8,
    )
    threat = Event(story_id="s1", sentence_id=1, text="Ça menace «fortement».", event_type="THREATEN",
                   trigger=Trigger("menace", 64, 70), status="future", historical=True)
    return [meet, threat]


def test_formats_tuple() -> None:
    assert FORMATS == ("jsonl", "csv")


def test_jsonl_round_trips_exactly() -> None:
    out = io.StringIO()
    assert write_events(_events(), "jsonl", out) == 2
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert "«fortement»" in lines[1]  # ensure_ascii=False
    back = [Event.from_dict(json.loads(line)) for line in lines]
    assert [e.to_dict() for e in back] == [e.to_dict() for e in _events()]


def test_csv_columns_and_values() -> None:
    out = io.StringIO()
    assert write_events(_events(), "csv", out) == 2
    frame = pd.read_csv(io.StringIO(out.getvalue()), keep_default_na=False, dtype={"cameo": str})
    assert tuple(frame.columns) == CSV_COLUMNS
    first = frame.iloc[0]
    assert first["actors"] == "ARVGOV; "  # positions line up with actor_names
    assert first["actor_names"] == "Arvenia; Boravia"
    assert first["location"] == "Lisbon" and first["location_country"] == "PRT"
    assert first["trigger"] == "met" and first["trigger_start"] == 40 and first["trigger_end"] == 43
    assert first["attribution"] == "a spokesman"
    assert first["cameo"] == "043" and float(first["goldstein"]) == 2.8
    second = frame.iloc[1]
    assert second["historical"] in (True, "true") and second["status"] == "future"
    assert second["location"] == "" and second["actors"] == ""


def test_csv_header_without_events() -> None:
    out = io.StringIO()
    assert write_events([], "csv", out) == 0
    assert out.getvalue().strip() == ",".join(CSV_COLUMNS)


def test_unknown_format_lists_choices() -> None:
    with pytest.raises(ValueError, match="jsonl, csv"):
        write_events(_events(), "xml", io.StringIO())
