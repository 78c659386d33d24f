"""Sides and senses (wave 15): the matter of talks is talked over, not done; a role "from" or "of"
coordinated countries stands for each of them; a plea in court asks no one. Sentences written for these tests."""
from __future__ import annotations

import pytest

from event_helpers import of_type, one_event, side_codes as _codes

PUBLISHED = "2024-05-02"


@pytest.mark.parametrize("text, trigger", [
    ("Bolivian and Chilean envoys resumed negotiations on Monday on a withdrawal of border guards.", "withdrawal"),
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


def _status(coder, text: str, trigger: str) -> str:
    event = next((e for e in coder.code_text(text, published=PUBLISHED) if e.trigger.text == trigger), None)
    assert event is not None, (text, [e.trigger.text for e in coder.code_text(text, published=PUBLISHED)])
    return event.status


@pytest.mark.parametrize("text, trigger, status", [
    # an act arranged ("is to meet") is to come; an aim ("the aim is to ...") is no arrangement
    ("The premier of Laos is to hold talks with the Thai king in Bangkok next month.", "talks", "future"),
    ("The minister's main aim is to blunt the opposition's criticism of the tax plan.", "criticism", "asserted"),
    # the matter of talks, also after "concerning" and as a compound of the noun talked over
    ("The Chilean minister flew to Lima on Friday for a round of talks concerning the expulsion of Peruvian farm "
     "workers.", "expulsion", "hypothetical"),
    ("Ghana's president met Togo's leader to discuss a new deportation deal for stranded migrants.",
     "deportation deal", "hypothetical"),
    # a right with its own subject, an interest in, a need to: wished for or allowed, not done
    ("A tribunal confirmed the right for private landlords to ban political posters in their buildings.", "ban",
     "hypothetical"),
    ("Norway has long had a strong interest in an early agreement between Sudan and South Sudan.", "agreement",
     "hypothetical"),
    ("The senator underlined the need to look into how the secret memo reached reporters.", "look", "hypothetical"),
    # a time limit shared by two coordinated clauses
    ("The rebels will keep fighting until the army withdraws and the government releases the prisoners.",
     "releases", "hypothetical"),
])
def test_status_of_arranged_aimed_and_pending_acts(coder, text, trigger, status):
    assert _status(coder, text, trigger) == status


@pytest.mark.parametrize("text, event_type", [
    ("Three nurses were dismissed last year after they refused to wear the new uniforms.", "REJECT"),  # fired
    ("Economists expect overseas demand for Chilean copper to slow in the second half.", "REQUEST"),  # a market
    ("Activists argue that the new decree unfairly targets street vendors.", "ASSAULT"),  # a measure
])
def test_senses_that_are_no_political_act(coder, text, event_type):
    events = [e for e in coder.code_text(text, published=PUBLISHED) if e.event_type == event_type]
    assert [e.trigger.text for e in events if e.trigger.text in ("dismissed", "demand", "targets")] == []


def test_a_role_takes_the_story_country_when_the_sentence_names_only_the_other_side(coder):
    story = ("The FBI is investigating contacts between aides of the US president and Moscow, officials in "
             "Washington said.\n"
             "Former aide Tom Reeve denied having met Russian diplomats.\n"
             "The White House said on Monday that the US president trusts the FBI.\n"
             "US lawmakers will hold hearings in Washington next week.\n")
    denial = next(e for e in coder.code_text(story, published="2017-03-01") if e.trigger.text == "denied")
    assert _codes(denial.actors) == ["USA"]
    assert _codes(denial.recipients) == ["RUS"]


@pytest.mark.parametrize("text, trigger", [
    ("The prime minister will need backing from parliament to pass the reform.", "backing"),
    ("The general told his troops to withdraw from the border town.", "withdraw"),
    ("Ghana encouraged Togo to join the regional talks.", "talks"),
])
def test_acts_needed_or_told_to_be_done_are_not_done(coder, text, trigger):
    assert _status(coder, text, trigger) == "hypothetical"


@pytest.mark.parametrize("text", [
    "Nurses went on strike after the ministry broke a 2019 agreement with their union.",
    "Under the accord, Ghana will sell electricity to Burkina Faso.",
    "The two sides discussed the terms of the deal.",
])
def test_a_pact_kept_broken_or_applied_is_no_new_agreement(coder, text):
    assert [e for e in coder.code_text(text, published=PUBLISHED) if e.event_type == "AGREE"] == []


def test_a_pact_reached_is_an_agreement(coder):
    assert one_event(coder, "Kenya and Ethiopia reached a peace agreement on Tuesday.", "AGREE", PUBLISHED)



def test_an_international_body_takes_no_country_from_its_sentence(coder):
    event = one_event(coder, "The International Union of Editors called on Chad to free the reporter.", "REQUEST",
                      PUBLISHED)
    assert [a.country for a in event.actors] == [None]
    assert _codes(event.recipients) == ["TCD"]


@pytest.mark.parametrize("text, doer", [
    ("The Kenyan group called on Chad to free the reporter.", ["TCD"]),
    ("The mayor pleaded with the governor to release the prisoners.", ["GOV"]),
])
def test_the_one_called_on_does_the_act_asked_for(coder, text, doer):
    event = next(e for e in coder.code_text(text, published=PUBLISHED) if e.event_type == "RETREAT")
    assert [a.country or a.code for a in event.actors] == doer
    assert event.status == "hypothetical"


@pytest.mark.parametrize("text, expected", [
    ("Acme Corp banned union meetings at its Nairobi plant.", []),  # a firm's own rule: business
    ("Kenyan police barred protesters from entering the square.", ["KEN"]),  # the state coerces
])
def test_a_firms_own_ban_is_business_not_coercion(coder, text, expected):
    assert [c for e in of_type(coder, text, "COERCE", PUBLISHED) for c in _codes(e.actors)] == expected


def test_coercion_of_firms_by_someone_unnamed_is_the_states(coder):
    event = one_event(coder, "Three bank executives were arrested in Seoul on Monday.", "COERCE", PUBLISHED)
    assert _codes(event.recipients) == ["KOR"]
