"""Sides and senses (wave 15): the matter of talks is talked over, not done; a role "from" or "of"
coordinated countries stands for each of them; a plea in court asks no one. Sentences written for these tests."""
from __future__ import annotations

import pytest

from event_helpers import of_type, one_event, side_codes as _codes

PUBLISHED = "2024-05-02"


@pytest.mark.parametrize("text, trigger", [
    ("Chile and Peru resumed negotiations on Monday on a withdrawal of troops from the border.", "withdrawal"),
    ("Negotiators from Lima and Quito met in Brasilia for talks on lifting the trade embargo.", "lifting"),
    ("The two ministers held talks on a ceasefire in the northern province.", "ceasefire"),
])
def test_the_matter_of_talks_is_not_done(coder, text, trigger):
    for event in coder.code_text(text, published=PUBLISHED):
        if event.trigger.text == trigger:
            assert event.status == "hypothetical", (text, event.status)


def test_talks_on_a_day_still_take_place(coder):
    event = one_event(coder, "Ghana and Togo held talks on Monday on their shared border.", "CONSULT", PUBLISHED)
    assert event.status == "asserted"


@pytest.mark.parametrize("text, countries", [
    ("Foreign ministers from Japan and South Korea met in Seoul on Tuesday.", ["JPN", "KOR"]),
    ("Officials of Kenya and Uganda signed a border agreement on Friday.", ["KEN", "UGA"]),
    ("Delegations from Chile, Peru and Bolivia held talks in La Paz.", ["CHL", "PER", "BOL"]),
])
def test_a_role_of_coordinated_countries_is_one_side_each(coder, text, countries):
    event = coder.code_text(text, published=PUBLISHED)[0]
    assert _codes(event.actors + event.recipients) == countries
    assert all(a.sector == "GOV" for a in event.actors + event.recipients)


def test_a_role_of_one_country_and_someone_else_is_one_side(coder):
    event = one_event(coder, "The president of Ghana and his wife met the Pope in Rome.", "CONSULT", PUBLISHED)
    assert _codes(event.actors) == ["GHA"]


@pytest.mark.parametrize("text", [
    "The former mayor pleaded not guilty to the bribery charges on Monday.",
    "The defendant pleaded guilty to fraud in a federal court.",
])
def test_a_plea_in_court_is_no_request(coder, text):
    assert of_type(coder, text, "REQUEST", PUBLISHED) == []


def test_pleading_with_someone_is_a_request(coder):
    assert of_type(coder, "The mayor pleaded with the governor to release the funds.", "REQUEST", PUBLISHED)
