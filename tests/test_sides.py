"""Sides of events on sentences written for these tests: affiliations, coordination, regions, relatives, titles."""
from __future__ import annotations

import pytest

from whodid.actors import resolve_actor
from whodid.evaluate import actor_side

PUBLISHED = "2006-03-01"


def _sides(coder, text: str, event_type: str) -> tuple[set[str | None], set[str | None]]:
    """(actor sides, recipient sides) of the first ``event_type`` event coded in ``text``."""
    for event in coder.code_text(text, published=PUBLISHED):
        if event.event_type == event_type:
            return {actor_side(a) for a in event.actors}, {actor_side(a) for a in event.recipients}
    raise AssertionError(f"no {event_type} event in {text!r}")


# --- the UK's constituent countries are British ---------------------------------------------------------------
@pytest.mark.parametrize("phrase", ["Northern Ireland", "police in Northern Ireland", "Scotland", "Wales",
                                    "Northern Irish police", "the Welsh government"])
def test_constituent_countries_of_the_uk_are_gbr(phrase):
    actor = resolve_actor(phrase, date=PUBLISHED)
    assert actor is not None and actor.country == "GBR"


def test_ireland_stays_irish():
    assert resolve_actor("the Irish government", date=PUBLISHED).country == "IRL"
    assert resolve_actor("Ireland", date=PUBLISHED).country == "IRL"


def test_territories_with_their_own_code_are_not_their_sovereign(coder):
    _, recipients = _sides(coder, "Danish police arrested two activists in Greenland on Monday.", "COERCE")
    assert "DNK" not in recipients


def test_group_in_northern_ireland_is_british(coder):
    _, recipients = _sides(coder, "The government in London banned a loyalist paramilitary group in Northern "
                                  "Ireland on Friday.", "COERCE")
    assert "IRL" not in recipients


# --- "anti-X", "pro-X": a stance, never the side's country -----------------------------------------------------
def test_anti_country_modifier_is_no_origin(coder):
    _, recipients = _sides(coder, "An anti-Iran journalist was shot dead in Baghdad.", "ASSAULT")
    assert recipients == {"IRQ"}


def test_anti_country_modifier_of_an_unknown_noun_names_no_side(coder):
    for event in coder.code_text("An outspoken anti-Iran columnist was shot dead outside his home in Baghdad.",
                                 published=PUBLISHED):
        assert "IRN" not in {actor_side(a) for a in event.actors + event.recipients}


def test_stance_adjective_leaves_the_role_to_its_context(coder):
    actors, _ = _sides(coder, "Anti-American protesters burned flags in Karachi.", "PROTEST")
    assert actors == {"PAK"}


def test_stance_place_in_own_words_is_skipped():
    from whodid.actor_context import StoryCountries
    from whodid.model import Actor, Event, Place, Trigger

    story = StoryCountries()
    story.observe(0, [Place(text="Russia", start=0, end=6, country="RUS")])
    actor = Actor(text="pro-Russia activists", code="CVL", sector="CVL")
    event = Event(story_id="s", sentence_id=0, text="", event_type="PROTEST", actors=[actor], recipients=[],
                  trigger=Trigger(text="x", start=0, end=1))
    story.fill([event])
    assert event.actors[0].country is None


# --- a bare noun coordinated with a modified one shares its modifiers ---------------------------------------------
def test_bare_conjunct_shares_the_first_conjunct_country(coder):
    actors, _ = _sides(coder, "Kenyan police and soldiers fired on protesters in Nairobi.", "ASSAULT")
    assert actors == {"KEN"}


def test_bare_conjunct_keeps_its_own_country_when_facing_the_first(coder):
    for event in coder.code_text("Russian troops and rebels clashed near the village.", published=PUBLISHED):
        for actor in event.actors + event.recipients:
            if actor.text == "rebels":
                assert "modifiers shared" not in (actor.why or "")


# --- kin take their relative's country ----------------------------------------------------------------------------
@pytest.mark.parametrize("phrase, code", [
    ("the half-brother of North Korea's leader", "PRKELI"),
    ("Kim Jong-un's half-brother", "PRKELI"),
    ("the Libyan leader's son", "LBYELI"),
    ("the son of a farmer in Mexico", "MEXCVL"),
])
def test_kin_take_the_relative_country(phrase, code):
    actor = resolve_actor(phrase, date="2017-02-14")
    assert actor is not None and actor.code == code


def test_kin_of_a_role_take_the_country_from_context(coder):
    _, recipients = _sides(coder, "Police in Lima arrested the wife of the president on Tuesday.", "COERCE")
    assert recipients == {"PER"}


def test_a_pronoun_relative_names_no_one():
    assert resolve_actor("his wife", date=PUBLISHED) is None


# --- an unknown person named with a post belongs to the country of the context ---------------------------------------
def test_titled_unknown_person_takes_the_sentence_country(coder):
    _, recipients = _sides(coder, "Gunmen in Iraq tried to assassinate outgoing Prime Minister Omar Badawi on Sunday.",
                           "ASSAULT")
    assert recipients == {"IRQ"}


def test_a_surname_ending_like_a_demonym_is_no_origin():
    from whodid.actor_context import ContextRules, needs_country
    from whodid.model import Actor

    actor = Actor(text="Prime Minister Omar Badawi", name="Omar Badawi", code="GOV", sector="GOV",
                  why="title+name (noun:prime minister)")
    assert needs_country(actor, ContextRules.default())
    assert not needs_country(Actor(text="Crimean authorities", code="GOV", sector="GOV"), ContextRules.default())


def test_titled_unknown_person_takes_the_story_country(coder):
    text = ("Kenya's parliament met in Nairobi on Monday. Opposition lawmakers in Kenya demanded new elections.\n\n"
            "Vice-President Omar Badawi refused to resign on Tuesday.")
    for event in coder.code_text(text, published=PUBLISHED):
        for actor in event.actors:
            if "Badawi" in actor.text:
                assert actor.country == "KEN"
                return
    raise AssertionError("no event of Badawi")


# --- a group acted on by one country's police or authorities is of that country -----------------------------------
def test_group_acted_on_by_police_takes_their_country(coder):
    for event in coder.code_text("Turkish police detained dozens of Kurdish activists on Sunday.", published=PUBLISHED):
        if event.event_type == "COERCE":
            assert [a.code for a in event.recipients] == ["TURCVLKUR"]
            return
    raise AssertionError("no COERCE event")


def test_group_attacking_police_keeps_its_own_code(coder):
    actors, _ = _sides(coder, "Kurdish rebels ambushed a Turkish police patrol.", "ASSAULT")
    assert "TUR" not in actors


def test_noun_subject_with_no_doer_of_its_own_stands_for_its_owner(coder):
    event = next(e for e in coder.code_text("The first deployment of NATO peacekeeping troops has arrived in Bosnia.",
                                            published="1996-01-01") if e.trigger.text == "arrived")
    assert [a.code for a in event.actors] == ["IGONATO"]
    event = next(e for e in coder.code_text("An attack killed nine soldiers in Kabul.", published="2010-01-01")
                 if e.trigger.text == "killed")
    assert event.actors == []  # the attack names no one: no doer is guessed
