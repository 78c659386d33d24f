"""Event dating (whodid.coder's dating step): own clause, governing context, story context, publication date.

All texts are invented for these tests.
"""
from __future__ import annotations

import pytest

from conftest import SHARED, needs_shared


def _event(coder, text: str, published: str, event_type: str, nth: int = 0):
    events = [e for e in coder.code_text(text, published=published) if e.event_type == event_type]
    assert len(events) > nth, f"no {event_type} #{nth} in {[(e.event_type, e.trigger.text) for e in events]}"
    return events[nth]


BORIC = "Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on Monday."


def test_dateline_dates_the_story_not_the_event(coder):
    text = ("BRASILIA, March 12 (Newswire) - Brazil and Argentina signed a trade accord in Brasilia on Tuesday, "
            "officials said.")
    event = _event(coder, text, "2025-03-12", "SUPPORT")
    assert (event.date, event.date_text, event.date_source) == ("2025-03-11", "Tuesday", "text")


def test_participle_clause_shares_its_time(coder):
    text = "Speaking in Oslo on Wednesday, Norway's foreign minister urged Russia to free the detained fishermen."
    assert _event(coder, text, "2025-05-08", "REQUEST").date == "2025-05-07"


@pytest.mark.parametrize("text, event_type, trigger", [
    ("Rebels stormed an army base in Mali on Tuesday, killing three soldiers.", "ASSAULT", "killing"),
    ("Kenyan police raided an opposition office on Tuesday, arresting five activists.", "COERCE", "arresting"),
])
def test_trailing_participle_clause_shares_the_time_of_its_verb(coder, text, event_type, trigger):
    event = next(e for e in coder.code_text(text, published="2025-09-27")
                 if e.event_type == event_type and e.trigger.text == trigger)
    assert (event.date, event.date_source) == ("2025-09-23", "text")


def test_time_of_a_noun_modifier_is_not_the_event_time(coder):
    event = _event(coder, "Poland rejected a plan put forward by Hungary in March 2024.", "2025-05-08", "REJECT")
    assert (event.date, event.date_source) == ("2025-05-08", "publication")


def test_coordinated_verbs_share_a_date_only_with_the_same_tense(coder):
    same = "Kenya's president met Uganda's president on Monday and signed a security pact."
    assert _event(coder, same, "2025-06-12", "SUPPORT").date == "2025-06-09"
    other = "Kenya's president met Uganda's president on Monday and will sign a security pact."
    event = _event(coder, other, "2025-06-12", "SUPPORT")
    assert (event.date, event.date_source, event.status) == ("2025-06-12", "publication", "future")


@pytest.mark.parametrize("follow, date, source, text", [
    ("The next day, Chile accused Peru of blocking the border.", "2025-05-06", "text", "The next day"),
    ("Boric then signed a water-sharing deal with Boluarte.", "2025-05-05", "text", "then"),
    ("Boric criticised Boluarte over the border closure.", "2025-05-05", "inferred", "Monday"),
])
def test_story_context_dates_an_undated_sentence(coder, follow, date, source, text):
    events = coder.code_text(f"{BORIC} {follow}", published="2025-05-08")
    later = [e for e in events if e.sentence_id == 1]
    assert later, events
    assert (later[0].date, later[0].date_source, later[0].date_text) == (date, source, text)


def test_story_context_is_conservative(coder):
    # another paragraph: no inheritance
    events = coder.code_text(f"{BORIC}\nBoric criticised Boluarte over the border closure.", published="2025-05-08")
    assert [e.date_source for e in events if e.sentence_id == 1] == ["publication"]
    # other participants, or a future event: no inheritance
    events = coder.code_text(f"{BORIC} Boric will visit Argentina.", published="2025-05-08")
    assert [e.date_source for e in events if e.sentence_id == 1] == ["publication"]
    # "since then" bounds the time, and the present perfect reaches up to now
    text = "Kenya and Uganda signed a border agreement in 2019. Since then, Kenya has accused Uganda of violating it."
    accuse = _event(coder, text, "2025-06-12", "ACCUSE")
    assert (accuse.date_source, accuse.historical) == ("publication", False)


@pytest.mark.parametrize("text, published, date", [
    ("Kenya's president will visit Uganda in March.", "2025-06-12", "2026-03"),
    ("Kenya's president said he would visit Uganda in March.", "2025-06-12", "2026-03"),
    ("Kenya's president visited Uganda in March.", "2025-02-12", "2024-03"),
    ("Kenya's president visited Uganda in March.", "2025-06-12", "2025-03"),
    ("Kenya's president will visit Uganda on Monday.", "2025-06-12", "2025-06-16"),
    ("Kenya's president visited Uganda on Monday.", "2025-06-12", "2025-06-09"),
])
def test_year_and_week_of_undated_times_follow_tense(coder, text, published, date):
    assert _event(coder, text, published, "CONSULT").date == date


@pytest.mark.parametrize("text, historical", [
    ("Kenya's president visited Uganda on June 5.", False),   # 7 days before publication
    ("Kenya's president visited Uganda on June 4.", True),    # 8 days before
    ("Kenya's president visited Uganda last month.", True),
    ("Kenya's president visited Uganda this month.", False),
])
def test_historical_is_more_than_a_week_before_publication(coder, text, historical):
    assert _event(coder, text, "2025-06-12", "CONSULT").historical is historical


@needs_shared
@pytest.mark.skipif(not (SHARED / "meantime-dev").exists(), reason="MEANTIME dev copy not present")
def test_meantime_gold_event_dates_are_read():
    from whodid.commands.eval_time import read_meantime

    paths = sorted((SHARED / "meantime-dev").rglob("*.xml"))
    docs = [read_meantime(p) for p in paths]
    events = [e for d in docs for e in d.events]
    assert len(events) > 100
    assert all(e.text and e.value[:4].isdigit() for e in events)


def test_dating_module_imports_without_spacy():
    """whodid.dating is the public dating API (the eval uses it); it needs spaCy types only for annotations."""
    import subprocess
    import sys

    code = "import sys, whodid.dating as d; print('spacy' in sys.modules, callable(d.EventDater().date_mention))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]


def test_date_value_of_a_time_is_its_day():
    from whodid.dating import date_value
    from whodid.model import Timex

    assert date_value(Timex("10 p.m. Friday", 0, 14, "TIME", "2025-09-26T22:00")) == "2025-09-26"
    assert date_value(Timex("late October", 0, 12, "DATE", "2025-10", "END")) == "2025-10"


@pytest.mark.parametrize("text, event_type, date, source", [
    # a past day inside an intent's act dates the intent: the act refused or promised has no past day of its own
    ("Kenya's finance minister declined to resign on Monday.", "REJECT", "2025-03-10", "text"),
    # a coming day dates the act intended, not the intent
    ("Kenya's president promised to visit Uganda next week.", "AGREE", "2025-03-12", "publication"),
])
def test_a_past_day_in_an_intended_act_dates_the_intent(coder, text, event_type, date, source):
    event = _event(coder, text, "2025-03-12", event_type)
    assert (event.date, event.date_source) == (date, source)
