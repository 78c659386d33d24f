"""Errors seen on real news (wave 12), each fixed by a general rule and checked on sentences of our own: who is the
actor of a handed-in request, permission as a concession, fines by authorities, intended strikes, venues at
meetings, conditional threats under CAMEO's convention, announced measures, victims of a participle."""
from __future__ import annotations

import pytest
from event_helpers import side_codes

from whodid.conventions import apply_convention

PUBLISHED = "2025-09-27"


def _events(coder, text: str, convention: str = "whodid"):
    return apply_convention(coder.code_text(text, published=PUBLISHED), convention)


def _of_type(coder, text: str, event_type: str, convention: str = "whodid"):
    found = [e for e in _events(coder, text, convention) if e.event_type == event_type]
    assert found, f"no {event_type} in {text!r}: {[(e.event_type, e.cameo) for e in _events(coder, text, convention)]}"
    return found[0]


# 1. the victim of a participle or a passive is no shooter --------------------------------------------------------
@pytest.mark.parametrize("text, actors, recipients", [
    ("The Malian farmer, shot in the leg during the clashes, is recovering.", [], ["MLI"]),
    ("The Malian farmer, shot by soldiers in the leg, is recovering.", ["MLI"], ["MLI"]),
    ("A Malian protester was shot in the hand by Guinean police.", ["GIN"], ["MLI"]),
    ("A Malian protester was shot in the leg.", [], ["MLI"]),
])
def test_victim_of_a_shooting_is_the_recipient(coder, text, actors, recipients):
    event = _of_type(coder, text, "ASSAULT")
    assert side_codes(event.actors) == actors
    assert side_codes(event.recipients) == recipients


def test_participle_between_subject_and_verb(nlp):
    from whodid.triggers import interposed_participle

    doc = nlp("The Malian farmer, wounded in the clashes, died on Monday.")
    assert interposed_participle(next(t for t in doc if t.text == "wounded"))
    doc = nlp("The farmers wounded two soldiers.")  # a finite verb with its object: no participle
    assert not interposed_participle(next(t for t in doc if t.text == "wounded"))


# 5. an intended labour strike ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, convention, event_type, status", [
    # the intent verbs' table codes a protest wished or planned as its announcement (133), as for "plans to attack"
    ("Zambian nurses want to strike over pay.", "whodid", "THREATEN", "asserted"),
    ("Zambian teachers plan to strike over pay.", "whodid", "THREATEN", "asserted"),
    ("Zambian nurses will strike over pay.", "whodid", "PROTEST", "future"),
    ("Zambian nurses will strike over pay.", "cameo", "THREATEN", "asserted"),
    ("Zambian teachers may strike over pay.", "whodid", "PROTEST", "hypothetical"),
    ("Zambian nurses struck over pay.", "whodid", "PROTEST", "asserted"),
])
def test_intended_strike(coder, text, convention, event_type, status):
    event = _of_type(coder, text, event_type, convention)
    assert event.status == status
    assert side_codes(event.actors) == ["ZMB"]


def test_a_preposition_parsed_as_particle_does_not_hide_the_verb(nlp):
    from whodid.triggers import TriggerLexicon

    lexicon = TriggerLexicon.default()
    doc = nlp("Nurses went on to strike over pay.")
    strike = next(t for t in doc if t.text == "strike")
    assert lexicon.match(strike) is not None
    doc = nlp("The rebels called off the strike.")  # a real particle still makes the phrasal verb
    called = next(t for t in doc if t.text == "called")
    assert lexicon.match(called) is not None and lexicon.match(called).cameo != "190"


# 3. permission is a concession; a decision is the act decided --------------------------------------------------
def test_decided_to_allow_is_a_concession(coder):
    event = _of_type(coder, "The Zambian interior minister decided to allow the opposition to hold rallies.",
                     "CONCEDE")
    assert (event.cameo[:2], event.status) == ("08", "asserted")
    assert not [e for e in _events(coder, "The Zambian interior minister decided to allow the opposition to hold "
                                          "rallies.") if e.event_type == "AGREE"]


def test_a_decision_keeps_its_status(coder):
    assert _of_type(coder, "The Zambian minister may decide to allow the opposition to hold rallies.",
                    "CONCEDE").status == "hypothetical"
    assert _of_type(coder, "The Zambian minister decided not to allow the opposition to hold rallies.",
                    "CONCEDE").status == "negated"


def test_an_act_decided_by_a_noun_takes_its_modality(coder):
    # "any decision to lift": the act's own clause stops at the noun; the noun's status is the act's
    event = _of_type(coder, "Parliament will review any decision to lift sanctions on Peru.", "RETREAT")
    assert event.status != "asserted"
    assert _of_type(coder, "Chile's decision to lift sanctions on Peru angered Bolivia.", "RETREAT").status \
        == "asserted"


def test_decided_to_attack_is_the_attack(coder):
    event = _of_type(coder, "Armenia decided to attack the border posts.", "ASSAULT")
    assert event.status == "asserted"


# 4. a fine by an authority is a sanction; private fines are no event ---------------------------------------------
@pytest.mark.parametrize("text, actor", [
    ("The European Commission fined the carmaker 300 million euros.", "IGOEUEC"),
    ("A Zambian court fined the opposition leader for contempt.", "ZMB"),
    ("Ghana was fined by the World Bank.", "IGOWB"),
])
def test_fine_by_an_authority_is_a_sanction(coder, text, actor):
    event = _of_type(coder, text, "SANCTION")
    assert event.cameo == "163"
    assert [a.country or a.code for a in event.actors] == [actor]


@pytest.mark.parametrize("text", [
    "The club fined the striker for arriving late to training.",
    "The football federation fined the team over crowd trouble.",
    "The weather was fine in Lusaka on Sunday.",
])
def test_private_fines_are_no_event(coder, text):
    assert not [e for e in _events(coder, text) if e.event_type == "SANCTION"]


# 6. the venue of a meeting is no side ----------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Foreign ministers gathered in Oslo for talks on Monday.",
    "Delegations met in Geneva on Tuesday.",
    "The envoys held talks in Doha.",
])
def test_venue_gives_visiting_roles_no_country(coder, text):
    event = _of_type(coder, text, "CONSULT")
    assert all(a.country is None for a in event.actors + event.recipients)


def test_home_roles_still_take_the_venue(coder):
    event = _of_type(coder, "Opposition leaders met in Lusaka on Monday.", "CONSULT")
    assert side_codes(event.actors) == ["ZMB"]


def test_visitors_keep_their_named_origin(coder):
    event = _of_type(coder, "A delegation from Peru met officials in Geneva.", "CONSULT")
    assert "PER" in side_codes(event.actors)


# 2. a request handed in: the one who hands it in asks -----------------------------------------------------------
@pytest.mark.parametrize("text, actor, recipient", [
    ("Laos formally submitted its plea for technical help to the International Atomic Energy Agency.", "LAO", "IGOUNOIAEA"),
    ("Peru sent a request to Chile for more time.", "PER", None),
    ("Nepal presented a proposal to India on the border dispute.", "NPL", "IND"),
])
def test_handed_in_request_is_made_by_its_subject(coder, text, actor, recipient):
    events = [e for e in _events(coder, text) if e.event_type in ("REQUEST", "AGREE")]
    assert events, text
    assert side_codes(events[0].actors) == [actor]
    if recipient:
        assert [a.code if a.country is None else a.country for a in events[0].recipients] == [recipient]


def test_a_plan_handed_in_is_not_its_contents_done(coder):
    # "presented" supports only words handed in: the truce of a truce plan is no act of the one presenting it
    events = _events(coder, "A truce plan presented by Nepal was rejected by the rebels.")
    assert not [e for e in events if e.event_type == "RETREAT" and side_codes(e.actors) == ["NPL"]]


@pytest.mark.parametrize("text", ["Bolivia sent two notes of protest to Chile's foreign ministry.",
                                  "Bolivia sent a note of protest to Chile.",
                                  "Bolivia delivered a protest note to Chile's embassy."])
def test_a_note_of_protest_is_no_demonstration(coder, text):
    # a note holds the event noun: handing it in makes no street protest of its sender
    assert not [e for e in _events(coder, text) if e.event_type == "PROTEST"]


def test_sending_troops_is_still_a_deployment(coder):
    event = _of_type(coder, "Peru sent troops to the border with Chile.", "AID")
    assert side_codes(event.actors) == ["PER"]


# 7. a hostile act held out on a condition is a threat under CAMEO's convention ------------------------------------
@pytest.mark.parametrize("text, code", [
    ("Oman said it may halt mediation if Iraq keeps attacking Kuwait.", "135"),
    ("If Iraq keeps attacking Kuwait, Oman could halt its mediation.", "135"),
])
def test_conditional_hostile_act_is_a_threat(coder, text, code):
    own = _of_type(coder, text, "SANCTION")
    assert own.status == "hypothetical"
    threat = _of_type(coder, text, "THREATEN", "cameo")
    assert (threat.cameo, threat.status) == (code, "asserted")
    assert side_codes(threat.actors) == ["OMN"]
    assert side_codes(threat.recipients) == ["IRQ"]
    assert not [e for e in _events(coder, text, "cameo") if e.event_type == "ASSAULT"]  # the condition is no event


@pytest.mark.parametrize("text", [
    "Oman could halt its mediation.",  # possible, with no condition: still no event under CAMEO's rules
    "Oman might free the prisoners if Iraq apologises.",  # a cooperative act on a condition: no threat
    "Talks could take place if both sides agree.",
])
def test_unconditional_or_cooperative_possibilities_stay_dropped(coder, text):
    assert not [e for e in _events(coder, text, "cameo") if e.event_type == "THREATEN"]


# 8. an announced measure of one's own: future (whodid), a threat (CAMEO: "the future tense implies a threat") ---
def test_announced_ban_is_future_and_a_cameo_threat(coder):
    text = "The Zambian government announced it would ban aid groups from the region."
    own = [e for e in _events(coder, text) if e.event_type == "SANCTION"]
    assert own and own[0].status == "future"
    threat = _of_type(coder, text, "THREATEN", "cameo")
    assert threat.cameo.startswith("13") and side_codes(threat.actors) == ["ZMB"]
