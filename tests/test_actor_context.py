"""Countries of actors named by role alone ("police", "protesters"), taken from their context, on invented text."""
from __future__ import annotations

from whodid.actor_context import ContextRules, StoryCountries, needs_country
from whodid.model import Actor, Event, Place, Trigger

PUBLISHED = "2025-06-05"


def _role(text: str, sector: str) -> Actor:
    return Actor(text=text, code=sector, sector=sector)


def _country(text: str, iso3: str, sector: str | None = None) -> Actor:
    return Actor(text=text, code=iso3 + (sector or ""), country=iso3, sector=sector)


def _event(sentence_id: int, actors: list[Actor], recipients: list[Actor], place: Place | None = None) -> Event:
    return Event(story_id="s", sentence_id=sentence_id, text="", event_type="ASSAULT", actors=actors,
                 recipients=recipients, location=place, trigger=Trigger(text="x", start=0, end=1))


def _place(text: str, iso3: str) -> Place:
    return Place(text=text, start=0, end=len(text), country=iso3)


def _side(coder, text: str, event_type: str, role_text: str) -> Actor:
    for event in coder.code_text(text, published=PUBLISHED):
        if event.event_type == event_type:
            for actor in event.actors + event.recipients:
                if role_text in actor.text:
                    return actor
    raise AssertionError(f"no {event_type} event with {role_text!r} in {text!r}")


def test_only_role_actors_need_a_country():
    rules = ContextRules.default()
    assert needs_country(_role("the police", "COP"), rules)
    assert not needs_country(_country("Kenyan police", "KEN", "COP"), rules)
    assert not needs_country(_role("the Red Cross", "NGO"), rules)  # international by nature


def test_evidence_order_own_words_then_event_place_then_sentence_then_story():
    story = StoryCountries()
    story.observe(0, [_place("Mombasa", "KEN"), _place("Kampala", "UGA")])
    story.observe(1, [_place("Arusha", "TZA")])
    own = _event(0, [_role("workers in Mombasa", "LAB")], [], _place("Kampala", "UGA"))
    at_place = _event(0, [_role("the police", "COP")], [], _place("Kampala", "UGA"))
    in_sentence = _event(1, [_role("farmers", "CVL")], [])
    story.fill([own, at_place, in_sentence])
    assert own.actors[0].code == "KENLAB"
    assert at_place.actors[0].code == "UGACOP"
    assert in_sentence.actors[0].code == "TZACVL" and in_sentence.actors[0].country == "TZA"
    assert "sentence" in (in_sentence.actors[0].why or "")


def test_two_countries_in_a_sentence_give_none():
    story = StoryCountries()
    story.observe(0, [_place("Lusaka", "ZMB"), _place("Harare", "ZWE")])
    event = _event(0, [_role("rebels", "REB")], [])
    story.fill([event])
    assert event.actors[0].country is None and event.actors[0].code == "REB"


def test_the_story_main_country_needs_a_clear_lead():
    led = StoryCountries()
    for n, iso3 in enumerate(["PER", "PER", "PER", "ECU"]):
        led.observe(n, [_place("x", iso3)])
    led.observe(4, [])
    event = _event(4, [_role("the opposition", "OPP")], [])
    led.fill([event])
    assert event.actors[0].code == "PEROPP"

    split = StoryCountries()
    for n, iso3 in enumerate(["PER", "ECU"]):
        split.observe(n, [_place("x", iso3)])
    split.observe(2, [])
    event = _event(2, [_role("the opposition", "OPP")], [])
    split.fill([event])
    assert event.actors[0].country is None


def test_a_foreign_army_does_not_give_its_country_to_the_other_side():
    story = StoryCountries()
    story.observe(0, [])
    event = _event(0, [_country("Russian troops", "RUS", "MIL")], [_role("civilians", "CVL")])
    story.fill([event])
    assert event.recipients[0].country is None


def test_coded_sentences(coder):
    assert _side(coder, "Police fired tear gas at a rally in Lusaka on Monday.", "ASSAULT", "Police").code == "ZMBCOP"
    assert _side(coder, "The Zambian government accepted demands from striking nurses.", "CONCEDE",
                 "nurses").country == "ZMB"
    killed = _side(coder, "Russian troops shelled the village, killing 12 civilians.", "ASSAULT", "civilians")
    assert killed.country is None


def test_two_sides_of_one_country_stay_two_events(coder):
    text = ("Rebels attacked a police station in Gao on Monday. "
            "On Monday soldiers killed five rebels near Gao.")
    attacks = [e for e in coder.code_text(text, published=PUBLISHED) if e.event_type == "ASSAULT"]
    sources = {a.code for e in attacks for a in e.actors}
    assert {"MLIREB", "MLIMIL"} <= sources, [(e.trigger.text, [a.code for a in e.actors]) for e in attacks]


def test_who_tells_the_story_gives_no_country():
    story = StoryCountries()
    story.observe(0, [_place("Bolivia", "BOL"), _place("Chile", "CHL")])
    event = _event(0, [_role("the military government", "GOV")], [])
    event.attribution = Actor(text="a spokesman for the Chile embassy", code="CHLGOV", country="CHL", sector="GOV")
    story.fill([event])
    assert event.actors[0].code == "BOLGOV"


def test_an_origin_the_knowledge_lacks_keeps_the_country_unknown():
    rules = ContextRules.default()
    assert not needs_country(_role("the Crimean authorities", "GOV"), rules)
    assert not needs_country(_role("European lawmakers", "LEG"), rules)


def test_a_meeting_counterpart_lends_no_country(coder):
    visitor = _side(coder, "Vice-Premier Li Wen met the Philippine delegation in Manila.", "CONSULT", "Li Wen")
    assert visitor.country is None
    host = _side(coder, "The president met opposition leaders in Nairobi.", "CONSULT", "opposition")
    assert host.country == "KEN"


def test_ethnic_group_takes_the_country_it_acts_in(coder):
    event = coder.code_text("About 200 ethnic Albanians demonstrated in Serbia on Tuesday.", published="2003-05-01")[0]
    assert [a.code for a in event.actors] == ["SRBABN"]
    event = next(e for e in coder.code_text("Kurdish fighters shelled a village in northern Syria on Friday.",
                                            published="2003-05-01") if e.trigger.text == "shelled")
    assert [a.code for a in event.actors] == ["SYRREBKUR"]
    event = coder.code_text("Hutu rebels attacked a camp.", published="2003-05-01")[0]
    assert [a.code for a in event.actors] == ["HUTREB"]  # no place ties them: the group stays first
