"""Events whose trigger whodid found but dropped for want of a side (recall audit, wave 9, "no side resolved"),
checked on invented sentences: one test per general cause fixed."""
from __future__ import annotations

import pytest

PUBLISHED = "2017-03-01"


def _countries(actors) -> list[str]:
    return [a.country or a.code for a in actors]


def _of_type(coder, text: str, event_type: str):
    return [e for e in coder.code_text(text, published=PUBLISHED) if e.event_type == event_type]


@pytest.mark.parametrize("text, actors", [
    ("Brazilian dockworkers went on strike on Monday.", ["BRA"]),
    ("Teachers in Kenya remained on strike for a third week.", ["KEN"]),
    # role nouns of port and sea trades are strikers, and the story's country is theirs
    ("The strike by 30,000 seamen has shut the port of Valparaiso in Chile.", ["CHL"]),
    ("The dockers' strike has closed the port of Valparaiso in Chile.", ["CHL"]),
])
def test_strikes_take_their_strikers(coder, text, actors):
    found = _of_type(coder, text, "PROTEST")
    assert found, text
    assert _countries(found[-1].actors) == actors
    assert found[-1].status == "asserted"


def test_going_is_future_but_went_is_not(coder):
    assert _of_type(coder, "Peru is going to hold talks with Chile.", "CONSULT")[0].status == "future"
    assert _of_type(coder, "Chilean miners went on strike.", "PROTEST")[0].status == "asserted"


def test_a_military_strike_stays_an_attack(coder):
    found = _of_type(coder, "The army launched a strike by 20 jets on the rebel base in Syria.", "ASSAULT")
    assert found and not _of_type(coder, "The army launched a strike by 20 jets on the rebel base in Syria.", "PROTEST")


@pytest.mark.parametrize("text, actors", [
    # an unknown person's post told in an apposition, then the surname alone
    ("Zorvan Tekla, Eritrea's finance minister, said the rate was stable. Tekla accused Sudan of lying.", ["ERI"]),
    # ... or the full name again, with no title
    ("Eritrean Finance Minister Zorvan Tekla spoke on Monday. Zorvan Tekla accused Sudan of lying.", ["ERI"]),
    ("Bolivian national Jan Brodsky was arrested in Malaysia. Jan Brodsky accused Malaysia of lying.", ["BOL"]),
    # an apposition with no country gives none ("a farmer"): the person stays unknown
    ("Zorvan Tekla, a farmer, said the rate was stable. Tekla accused Sudan of lying.", [None]),
])
def test_unknown_people_keep_the_country_the_story_gave(coder, text, actors):
    found = _of_type(coder, text, "ACCUSE")
    assert found, text
    assert [a.country for a in found[-1].actors] == actors


def test_we_in_the_quote_of_a_minister_named_earlier(coder):
    text = ("Zorvan Tekla, Eritrea's finance minister, said the rate was stable. "
            "\"We agreed to the range at the meeting,\" Tekla said yesterday.")
    found = _of_type(coder, text, "AGREE")
    assert found and [a.country for a in found[0].actors] == ["ERI"]


def test_i_in_a_quote_is_the_one_quoted(coder):
    text = ("Zorvan Tekla, Eritrea's finance minister, spoke on Monday. "
            "\"I would say the rate is within the range we agreed to,\" Tekla said.")
    found = _of_type(coder, text, "AGREE")
    assert found and [a.country for a in found[0].actors] == ["ERI"]


@pytest.mark.parametrize("text, actors", [
    ("The rail blockade was imposed by Ukrainian nationalists.", ["UKR"]),
    ("Separatists seized factories in response to a rail blockade imposed by Ukrainian nationalists.", ["UKR"]),
    ("Sanctions were imposed on Iran by the United States.", ["USA"]),
])
def test_a_passive_support_verb_names_its_agent(coder, text, actors):
    found = [e for e in coder.code_text(text, published=PUBLISHED) if e.trigger.text.lower() in ("blockade", "sanctions")]
    assert found, text
    assert [a.country for a in found[0].actors] == actors


def test_talks_held_name_no_one(coder):
    assert not _of_type(coder, "Talks were held in Geneva.", "CONSULT")


def test_a_dated_noun_event_tells_the_last_one_again(coder):
    text = "Peru's envoy met Chile's foreign minister in Lima on Monday. Today's discussions were difficult."
    found = _of_type(coder, text, "CONSULT")
    assert len(found) >= 2 and [a.country for a in found[-1].actors] == ["PER"]


def test_a_participle_that_is_no_support_verb_names_no_doer(coder):
    events = coder.code_text("The lowest approval recorded by a pollster was 22 percent.", published=PUBLISHED)
    assert not [e for e in events if e.event_type == "SUPPORT"]


def test_a_party_named_union_is_no_labour_union(coder):
    from whodid import resolve_actor
    actor = resolve_actor("a lawmaker from the Christian Democratic Union", "2017-03-01")
    assert actor is not None and actor.country == "DEU" and actor.sector != "LAB"


# --- w10-recall ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, recipients", [
    # a patient noun's "of" phrase names who the act was done to, even when no doer is named
    ("The murder of a Ghanaian diplomat shocked the region.", ["GHA"]),
    ("The killing of the North Korean leader's half-brother shocked the region.", ["PRK"]),
])
def test_patient_nouns_take_their_of_phrase(coder, text, recipients):
    found = _of_type(coder, text, "ASSAULT")
    assert found, text
    assert _countries(found[-1].recipients) == recipients


def test_who_is_allowed_to_act_is_the_concession_recipient(coder):
    found = _of_type(coder, "The Kenyan government allowed the opposition leader to hold a rally in Nairobi.",
                     "CONCEDE")
    assert found
    assert _countries(found[0].actors) == ["KEN"]
    assert found[0].recipients and found[0].recipients[0].sector == "OPP"


@pytest.mark.parametrize("text, event_type, actors, recipients", [
    # the subject of a verb of undergoing is the recipient, the verb's "from" phrase the doer
    ("The Kenyan government drew complaints from the Ugandan opposition.", "ACCUSE", ["UGA"], ["KEN"]),
    ("The Kenyan army came under fire from Somali militants.", "ASSAULT", ["SOM"], ["KEN"]),
    ("Kenya faced sanctions from the United States.", "SANCTION", ["USA"], ["KEN"]),
    ("The Kenyan president received a visit from the Ugandan foreign minister.", "CONSULT", ["UGA"], ["KEN"]),
])
def test_undergone_events_take_their_subject_as_recipient(coder, text, event_type, actors, recipients):
    found = _of_type(coder, text, event_type)
    assert found, text
    assert _countries(found[0].actors) == actors
    assert _countries(found[0].recipients) == recipients


def test_a_target_hung_on_the_of_phrase_makes_it_the_doer(coder):
    found = _of_type(coder, "Sanctions of the Security Council against Ghana were tightened in May.", "SANCTION")
    assert found
    assert found[0].actors[0].code.startswith("IGO")
    assert _countries(found[0].recipients) == ["GHA"]


def test_the_owner_of_a_passive_agent_thing_is_the_doer(coder):
    found = _of_type(coder, "The sanctions were imposed by orders of the Ghanaian president.", "SANCTION")
    assert found
    assert _countries(found[0].actors) == ["GHA"]


def test_a_risk_faced_is_no_act_done_to_the_subject(coder):
    events = coder.code_text("The refugees say they face imprisonment in Bulgaria.", published=PUBLISHED)
    assert not [e for e in events if e.event_type == "COERCE" and e.recipients]


def test_an_act_after_which_another_follows_is_its_own_event(coder):
    events = _of_type(coder, "Settlers set fire to Palestinian council offices after the killing of "
                             "an Israeli teenager.", "ASSAULT")
    assert len(events) == 2
    arson = next(e for e in events if e.trigger.text.startswith("set"))
    assert "ISR" not in _countries(arson.recipients)
