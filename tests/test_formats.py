"""Output formats: JSONL is the contract's Event JSON; CSV has flat columns that pandas reads back."""
from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from whodid.formats import CSV_COLUMNS, FORMATS, PHOENIX_COLUMNS, PROVENANCE_COLUMNS, write_events
from whodid.merge import MentionRef, MergedEvent
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
    assert FORMATS == ("jsonl", "csv", "plover", "phoenix")


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
    with pytest.raises(ValueError, match="jsonl, csv, plover, phoenix"):
        write_events(_events(), "xml", io.StringIO())


def _merged() -> MergedEvent:
    meet = _events()[0]
    refs = [MentionRef(meet.id, "s1", 0, meet.trigger, "gazette"), MentionRef("m2", "s2", 3, meet.trigger, None)]
    return MergedEvent(meet, refs)


def test_merged_events_carry_provenance() -> None:
    out = io.StringIO()
    assert write_events([_merged()], "jsonl", out) == 1
    record = json.loads(out.getvalue())
    assert record["n_mentions"] == 2 and record["n_sources"] == 2 and len(record["mentions"]) == 2
    assert Event.from_dict(record).to_dict() == _events()[0].to_dict()  # still the Event JSON
    out = io.StringIO()
    write_events([_merged()], "csv", out)
    frame = pd.read_csv(io.StringIO(out.getvalue()), keep_default_na=False)
    assert tuple(frame.columns) == CSV_COLUMNS + PROVENANCE_COLUMNS
    assert frame.iloc[0]["story_ids"] == "s1; s2" and frame.iloc[0]["n_stories"] == 2


def test_plover_keeps_actor_lists() -> None:
    out = io.StringIO()
    assert write_events(_events(), "plover", out) == 2
    first = json.loads(out.getvalue().splitlines()[0])
    assert [a["name"] for a in first["actor"]] == ["Arvenia", "Boravia"] and first["recipient"] == []
    assert first["event_type"] == "CONSULT" and first["event_mode"] == "third-party"
    assert first["event_date"] == "2025-09-23" and first["location"]["name"] == "Lisbon"
    assert first["actor_country"] == ["ARV", "BOR"]


def test_phoenix_one_row_per_dyad() -> None:
    meet = _events()[0]
    aimed = Event(story_id="s2", sentence_id=0, text="x", event_type="ACCUSE", trigger=Trigger("blamed", 0, 6),
                  cameo="112", quad_class=3, goldstein=-2.0, date="2025-08", date_precision="month",
                  actors=[Actor("A", code="ARVGOV", country="ARV")],
                  recipients=[Actor("B", code="BORMIL", country="BOR"), Actor("C", code="IGOUNO")])
    out = io.StringIO()
    assert write_events([meet, aimed], "phoenix", out) == 2
    frame = pd.read_csv(io.StringIO(out.getvalue()), sep="\t", keep_default_na=False, dtype=str)
    assert tuple(frame.columns) == PHOENIX_COLUMNS and len(frame) == 3
    assert list(frame["SourceActorFull"]) == ["ARVGOV", "ARVGOV", "ARVGOV"]
    assert list(frame["TargetActorFull"]) == ["", "BORMIL", "IGOUNO"]  # "A and B met": the one pair
    assert list(frame["TargetActorEntity"]) == ["BOR", "BOR", "IGO"]  # Boravia has no code: its country
    assert list(frame["TargetActorRole"]) == ["", "MIL", "UNO"]
    assert frame.iloc[0]["Date"] == "20250923" and frame.iloc[1]["Date"] == "20250801"
    assert frame.iloc[1]["DatePrecision"] == "month" and frame.iloc[1]["EventRootCode"] == "11"
