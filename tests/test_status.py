"""Status of an event mention from its clause: asserted, negated, hypothetical, future, alleged."""
from __future__ import annotations

import pytest

from whodid.status import event_status


def _status(nlp, sentence: str, trigger: str) -> str:
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == trigger)
    return event_status(token)


@pytest.mark.parametrize(
    "sentence, trigger, expected",
    [
        ("The two ministers met in Oslo on Monday.", "met", "asserted"),
        ("The two ministers did not meet in Oslo.", "meet", "negated"),
        ("No talks were held between the rival parties.", "talks", "negated"),
        ("The two leaders could meet in Oslo next month.", "meet", "hypothetical"),
        ("A meeting between the two leaders cannot be ruled out.", "meeting", "hypothetical"),
        ("Such talks might take place in the autumn.", "talks", "hypothetical"),
        ("If the rebels lay down arms, the government will negotiate.", "lay", "hypothetical"),
        ("The president will visit Nairobi in May.", "visit", "future"),
        ("The president is expected to attend the summit.", "attend", "future"),
        ("The minister is due to arrive in Lagos on Friday.", "arrive", "future"),
        ("The army failed to capture the town.", "capture", "negated"),
        # an invitation's act is still to come: accepting it is the news
        ("Ghana accepted an invitation to visit Togo in June.", "visit", "hypothetical"),
        ("Ghana welcomed an invitation from Togo to attend the summit.", "summit", "hypothetical"),
        ("The opposition won the right to hold talks with the army.", "talks", "hypothetical"),
        ("Ghana's president visited Togo at the invitation of his host.", "visited", "asserted"),
        # a permission's act is still to come: the permission is the event
        ("The Ghanaian minister allowed the opposition to hold a rally in Accra.", "rally", "hypothetical"),
        ("The opposition held a rally in Accra after the minister allowed it.", "rally", "asserted"),
        # the matter at stake in a dispute or failed talks did not happen
        ("Negotiations foundered over land concessions.", "concessions", "hypothetical"),
        ("Protests erupted over the arrest of the opposition leader.", "arrest", "asserted"),
        # the content of an accusation is alleged by the accuser, not told by the story
        ("Ghana accused Togo of shelling border villages.", "shelling", "alleged"),
        ("Ghana accused Togo of shelling border villages.", "accused", "asserted"),
        ("Prosecutors charged the governor with ordering the killing of a reporter.", "killing", "alleged"),
        ("Militants allegedly kidnapped two engineers near the border.", "kidnapped", "alleged"),
        ("Ghana denied shelling border villages.", "shelling", "negated"),
        ("The dockers' union called off its strike.", "strike", "negated"),
    ],
)
def test_event_status(nlp, sentence, trigger, expected):
    assert _status(nlp, sentence, trigger) == expected


def test_reporting_verb_tense_does_not_leak(nlp):
    # the official's statement is asserted, the talks it reports are only possible
    assert _status(nlp, "An official said that talks could take place next month.", "talks") == "hypothetical"
    assert _status(nlp, "An official said that the ministers met in Oslo.", "met") == "asserted"


def test_event_in_a_circumstance_phrase_keeps_its_own_status(nlp):
    # the backing is a given; only the command of influence is expected
    assert _status(nlp, "With backing from Moscow, the leader is expected to gain influence.", "backing") == "asserted"
    assert _status(nlp, "The leader is expected to take part in talks next month.", "talks") == "future"


@pytest.mark.parametrize("sentence, trigger, expected", [
    # w10-recall: an event noun that causes something keeps its own status; the verb's modal is the consequence's
    ("The deployment of the new radar may result in serious risks, the minister said.", "deployment", "asserted"),
    ("The senator's sharp criticism of the governor could turn the spotlight on his aides.", "criticism", "asserted"),
    ("Talks between the two rivals could take place next month.", "Talks", "hypothetical"),
    # a verb of judgement with "as" judges an event that is; bare "consider" still weighs a possible act
    ("Moscow regards the deployment of the rockets as an excessive reply.", "deployment", "asserted"),
    ("The cabinet is considering the deployment of troops to the border.", "deployment", "hypothetical"),
])
def test_cause_and_judged_events_keep_their_status(nlp, sentence, trigger, expected):
    assert _status(nlp, sentence, trigger) == expected


def test_a_passive_judgement_judges_an_event_that_is(nlp):
    sentence = "We believe that sanctions of the council against the junta should be viewed as an impetus to talk."
    assert _status(nlp, sentence, "sanctions") == "asserted"


@pytest.mark.parametrize("sentence, trigger, expected", [
    # w10-recall: an event after a phrase that puts it ahead is to come, unless its clause is told in the past
    ("The envoy has visited charities in the lead-up to his meetings with the premier.", "meetings", "future"),
    ("The vote comes ahead of the second session of the peace forum on Friday.", "forum", "future"),
    ("The ministers met on the eve of the summit in Accra.", "summit", "asserted"),
    # a suspect detained is detained; suspecting someone of an act alleges it
    ("Police released a suspect detained in connection with the bombing.", "detained", "asserted"),
    ("Police suspect the rebels of kidnapping two engineers.", "kidnapping", "alleged"),
    # a consequence signalled
    ("The panel's scathing comments on the minister could signal the end of his career.", "comments", "asserted"),
])
def test_anticipated_and_consequence_statuses(nlp, sentence, trigger, expected):
    assert _status(nlp, sentence, trigger) == expected


@pytest.mark.parametrize("sentence, trigger, expected", [
    # w11-overgen: an act warded off or wished for is no act done; a failed warding off tells that it was done
    ("The ministry acted quickly to avert a strike by railway workers.", "strike", "hypothetical"),
    ("The villagers want a police post to protect them and prevent a civil war.", "war", "hypothetical"),
    ("The Kestrel Front, which advocates the overthrow of the government, held a rally.", "overthrow", "hypothetical"),
    ("Officials failed to prevent the bombing of the market in Dunmore.", "bombing", "asserted"),
    ("Police did not prevent the attack on the embassy.", "attack", "asserted"),
    # an act one is capable of is possible, not done
    ("The army has trained hundreds of hackers capable of launching attacks on Tarvia.", "attacks", "hypothetical"),
    ("Rebels capable of striking the capital attacked a border post on Monday.", "attacked", "asserted"),
])
def test_averted_and_capable_acts_are_not_done(nlp, sentence, trigger, expected):
    assert _status(nlp, sentence, trigger) == expected


def test_an_event_in_a_circumstance_phrase_is_not_warded_off(nlp):
    sentence = "Troops stayed ready to forestall more violence after days of unrest in the north."
    assert _status(nlp, sentence, "unrest") == "asserted"
    assert _status(nlp, sentence, "violence") == "hypothetical"


def test_a_gathering_prevented_is_a_restriction_and_not_held(coder):
    events = coder.code_text("Riot police prevented the march organised by farmers near the ministry.")
    kinds = {(e.event_type, e.cameo, e.status) for e in events}
    assert ("COERCE", "1721", "asserted") in kinds
    assert all(e.status == "hypothetical" for e in events if e.event_type == "PROTEST")
    assert not [e for e in coder.code_text("The new dam will prevent floods in the valley.") if e.event_type == "COERCE"]


@pytest.mark.parametrize("sentence, trigger, expected", [
    # w11-overgen: a time limit told in the present has not been reached; told in the past it has
    ("The rebels opposed the deployment of the force until their demands are met.", "met", "hypothetical"),
    ("The miners will stay underground until the company raises their wages.", "raises", "hypothetical"),
    ("The rebels fought on until the army withdrew from the valley.", "withdrew", "asserted"),
])
def test_time_limits_in_the_present_have_not_happened(nlp, sentence, trigger, expected):
    assert _status(nlp, sentence, trigger) == expected


@pytest.mark.parametrize("sentence, trigger, expected", [
    # w11-overgen: an act aimed at is striven for, not done; an act the aim would stop goes on
    ("The council adopted a text that aims to widen sanctions and impose a blockade on Tarvia.", "blockade",
     "hypothetical"),
    ("The envoy hailed the summit as a move aimed at reviving efforts for settling the conflict.", "settling",
     "hypothetical"),
    ("The rebels continued their bid to overthrow the government of Norland.", "overthrow", "hypothetical"),
    ("Norway froze its loans as part of European moves to stop the fighting in Tarvia.", "fighting", "asserted"),
    ("The ministers held talks aimed at ending the war between the two states.", "war", "asserted"),
])
def test_acts_aimed_at_are_not_done(nlp, sentence, trigger, expected):
    assert _status(nlp, sentence, trigger) == expected


def test_a_conflict_to_be_settled_goes_on(nlp):
    sentence = "The envoy hailed the summit as a move aimed at reviving efforts for settling the conflict."
    assert _status(nlp, sentence, "conflict") == "asserted"
    assert _status(nlp, "The council urged the two states to resolve the dispute.", "dispute") == "asserted"


def test_a_pact_to_be_saved_was_made(nlp):
    sentence = "Norland has begun a final effort to salvage its trade pact with Tarvia."
    assert _status(nlp, sentence, "pact") == "asserted"
    assert _status(nlp, sentence, "salvage") == "hypothetical"


def test_a_weighed_act_is_a_possibility_whatever_the_tense(coder):
    # "is considering", "considered" and "weighs" are the same weighing as "consider"
    events = coder.code_text("The European Union is considering sanctions against Ruritania.", published="2016-05-01")
    assert [(e.event_type, e.status) for e in events] == [("SANCTION", "hypothetical")]
