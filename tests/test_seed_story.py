"""End to end on the story that started the project (../shared/data/seed, published 2025-09-27).

The story recalls past US–North Korea meetings, reports a possible one at the 2025 APEC summit, Trump's hope to
meet Kim, and North Korea's arms and troops for Russia, amid page furniture (newsletter prompt, photo credit).
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import SHARED, needs_shared
from whodid.model import EVENT_FIELDS

SEED = SHARED / "seed" / "000_81b6f6f61aea28e7.txt"
PUBLISHED = "2025-09-27"

pytestmark = needs_shared


@pytest.fixture(scope="module")
def coded(coder):
    from whodid.ingest import read_inputs

    article = next(iter(read_inputs([SEED], published=PUBLISHED)))
    events = next(iter(coder.code_articles([article])))[1]
    return article, events


def _sides(event) -> set[str]:
    return {a.country for a in event.actors + event.recipients if a.country}


def _find(events, event_type, **fields):
    found = [e for e in events if e.event_type == event_type and all(getattr(e, k) == v for k, v in fields.items())]
    return found


def test_panmunjom_meeting_2019_is_historical_and_placed(coded):
    _, events = coded
    hits = [e for e in _find(events, "CONSULT", date="2019-06-30", status="asserted") if _sides(e) == {"USA", "PRK"}]
    assert hits, "the 2019-06-30 Trump–Kim meeting is missing"
    event = hits[0]
    assert event.historical is True
    assert event.date_source == "text" and event.date_precision == "day"
    assert event.location is not None and event.location.name == "Panmunjom"


def test_possible_apec_meeting_is_hypothetical_in_late_october_at_gyeongju(coded):
    _, events = coded
    hits = [e for e in _find(events, "CONSULT", status="hypothetical") if _sides(e) == {"USA", "PRK"}
            and e.date == "2025-10"]
    assert hits, "the possible USA–PRK meeting at APEC in late October 2025 is missing"
    event = hits[0]
    assert event.date_mod == "END" and event.historical is False
    assert event.location is not None and event.location.name == "Gyeongju" and event.location.country == "KOR"


def test_trump_hope_to_meet_kim_is_agree_in_august(coded):
    _, events = coded
    hits = _find(events, "AGREE", date="2025-08")
    assert any({a.country for a in e.actors} == {"USA"} and {r.country for r in e.recipients} == {"PRK"}
               for e in hits)
    assert hits[0].actors[0].name == "Donald Trump" and hits[0].actors[0].code == "USAGOV"


def test_north_korean_arms_and_troops_for_russia_is_aid(coded):
    _, events = coded
    assert any({a.country for a in e.actors} == {"PRK"} and {r.country for r in e.recipients} == {"RUS"}
               for e in _find(events, "AID"))


def test_kims_september_trip_is_placed_in_beijing(coded):
    _, events = coded
    hits = [e for e in _find(events, "CONSULT", date="2025-09") if _sides(e) == {"PRK"}]
    assert hits, "Mr Kim's September trip is missing"
    assert hits[0].location is not None and hits[0].location.name == "Beijing"


def test_no_event_from_page_furniture_and_offsets_point_into_text(coded):
    article, events = coded
    assert "Sign up now" not in article.text and "PHOTO: REUTERS" not in article.text
    for event in events:
        assert article.text[event.trigger.start:event.trigger.end] == event.trigger.text
        assert event.text in article.text


def test_cli_prints_every_contract_field():
    result = subprocess.run(
        [sys.executable, "-m", "whodid.cli", "code", str(SEED), "--published", PUBLISHED],
        capture_output=True, text=True, timeout=300, check=True,
    )
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events
    for event in events:
        assert tuple(event) == EVENT_FIELDS
    assert any(e["event_type"] == "CONSULT" and e["date"] == "2019-06-30" for e in events)
