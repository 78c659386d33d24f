"""Events whodid used to miss in real news (recall audit, wave 12), each general cause checked on invented
sentences, with the senses it must leave alone."""
from __future__ import annotations

import pytest

from event_helpers import of_type, one_event, side_codes as _codes

PUBLISHED = "2017-03-01"


def _of_type(coder, text: str, event_type: str):
    return of_type(coder, text, event_type, PUBLISHED)


@pytest.mark.parametrize("text, actors, recipients", [
    ("The Qatari emir received Vladimir Putin at his palace on Tuesday.", ["QAT"], ["RUS"]),
    ("The Indian king greeted Angela Merkel at the airport.", ["IND"], ["DEU"]),
    ("The Japanese prime minister welcomed Narendra Modi to Tokyo.", ["JPN"], ["IND"]),
    # a visitor named by title, as before, now as the recipient itself
    ("The Qatari emir received the Russian president in Doha.", ["QAT"], ["RUS"]),
])
def test_a_visitor_received_by_name_is_hosted(coder, text, actors, recipients):
    found = [e for e in _of_type(coder, text, "CONSULT") if e.cameo == "043"]
    assert found, text
    assert _codes(found[0].actors) == actors
    assert _codes(found[0].recipients) == recipients


@pytest.mark.parametrize("text", [
    "The city hospital received John Smith with burns to his hands.",
    "Merkel welcomed Smith's decision to stand down.",
    "The ministry received a letter from the opposition.",
])
def test_receiving_patients_or_things_hosts_no_visit(coder, text):
    assert not [e for e in _of_type(coder, text, "CONSULT") if e.cameo == "043"]


@pytest.mark.parametrize("text, actors, recipients", [
    ("French troops entered Mali at the request of the Malian government.", ["MLI"], ["FRA"]),
    ("The Kenyan army withdrew at the urging of the African Union.", ["IGO"], ["KEN"]),
    ("At Germany's request, the Polish government postponed the vote.", ["DEU"], ["POL"]),
    # the asked named as the doer of the clause the phrase hangs in
    ("Sudan's government agreed to keep the crossing open at the request of the United Nations.", ["IGO"], ["SDN"]),
])
def test_at_the_request_of_names_a_request(coder, text, actors, recipients):
    event = one_event(coder, text, "REQUEST", PUBLISHED)
    assert _codes(event.actors) == actors or (actors == ["IGO"] and event.actors[0].sector == "IGO")
    assert _codes(event.recipients) == recipients


@pytest.mark.parametrize("text, actors, recipients", [
    ("Lavrov told reporters after talks with Japan that the risks were serious.", ["RUS"], ["JPN"]),
    ("Following a meeting with Iran's leader, the Turkish envoy returned to Ankara.", ["TUR"], ["IRN"]),
    ("Merkel briefed journalists after talks with Putin.", ["DEU"], ["RUS"]),
])
def test_who_speaks_or_acts_after_talks_with_a_party_held_them(coder, text, actors, recipients):
    event = one_event(coder, text, "CONSULT", PUBLISHED)
    assert _codes(event.actors) == actors
    assert _codes(event.recipients) == recipients


@pytest.mark.parametrize("text", [
    "Stock prices rose after talks with Japan.",
    "Lavrov spoke after talks between Japan and China.",
    # a visit "to" a place: the speaker visited, but not a side of a meeting ("during a visit to the museum")
    "Lavrov spoke about the risks during a visit to the National Museum in Tokyo.",
])
def test_a_meeting_held_by_others_lends_no_speaker(coder, text):
    for e in _of_type(coder, text, "CONSULT"):
        assert "RUS" not in _codes(e.actors)
        assert not e.actors or _codes(e.actors) != ["-"]



def test_only_meetings_lend_their_later_doers(coder):
    # a fight is no meeting: the court that indicts is no side of the fight it tells of
    text = "A UN tribunal charged the Croatian commander over killings during the war with rebel units."
    assert not [e for e in _of_type(coder, text, "ASSAULT") if any(a.sector == "IGO" for a in e.actors)]


def test_commodity_councils_are_igos_and_their_acronyms_hold_in_their_stories(coder):
    text = ("The International Cocoa Organization, ICCO, opened its council session in London on Monday. "
            "The ICCO criticised the Ghanaian government for holding back its exports.")
    found = [e for e in _of_type(coder, text, "ACCUSE") if e.actors and e.actors[0].code == "IGOICCO"]
    assert found, [(e.event_type, [a.code for a in e.actors]) for e in coder.code_text(text, published=PUBLISHED)]


def test_a_coin_offering_is_no_coffee_council(coder):
    text = "Investors poured money into an ICO last year. Regulators condemned the ICO."
    for e in coder.code_text(text, published=PUBLISHED):
        assert not any(a.code == "IGOICO" for a in e.actors + e.recipients)
