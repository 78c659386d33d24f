"""Trigger senses added in round 3 of the lexicon (w9-lexicon2), on sentences written for these tests."""
from __future__ import annotations

import pytest

from event_helpers import sense as _sense
from whodid.triggers import TriggerLexicon


@pytest.fixture(scope="module")
def lexicon() -> TriggerLexicon:
    return TriggerLexicon.default()


@pytest.mark.parametrize("sentence, word, expected", [
    # a pardon frees whoever is pardoned
    ("The president pardoned him along with 30 prisoners.", "pardoned", ("RETREAT", "0841")),
    ("The king pardoned two opposition politicians on Sunday.", "pardoned", ("RETREAT", "0841")),
    # a release ordered or approved
    ("A court ordered the release of the former premier on Monday.", "release", ("RETREAT", "0841")),
    ("The judge ordered the trawler's release despite the navy's appeal.", "release", ("RETREAT", "0841")),
])
def test_round3_senses(lexicon, nlp, sentence, word, expected):
    assert _sense(lexicon, nlp, sentence, word) == expected


@pytest.mark.parametrize("sentence, word", [
    ("The minister ordered the release of the audit report.", "release"),
    ("The finance ministry approved the release of funds for the dam.", "release"),
])
def test_round3_senses_leave_other_uses_alone(lexicon, nlp, sentence, word):
    sense = _sense(lexicon, nlp, sentence, word)
    assert sense is None or sense[1] != "0841"


def test_a_demanded_release_stays_a_demand(lexicon, nlp):
    assert _sense(lexicon, nlp, "Rebels demanded the release of their commander.", "release") != ("RETREAT", "0841")


@pytest.mark.parametrize("sentence", [
    "The rebel group claimed responsibility for the bombing of the pipeline.",
    "The ruling party claimed victory in the runoff.",
    "The blast claimed 12 lives in the market.",
])
def test_claiming_a_deed_or_a_win_accuses_no_one(lexicon, nlp, sentence):
    assert _sense(lexicon, nlp, sentence, "claimed") is None


def test_a_claim_about_another_party_stays_an_allegation(lexicon, nlp):
    sense = _sense(lexicon, nlp, "The opposition claimed that the army had shelled the town.", "claimed")
    assert sense == ("ACCUSE", "112")


# --- w10-recall: permission as a concession (CAMEO 0811/0812), on sentences written for these tests -----------------
@pytest.mark.parametrize("sentence, word, expected", [
    ("The government allowed the opposition leader to hold a rally.", "allowed", ("CONCEDE", "0811")),
    ("The ministry will allow refugees to return home.", "allow", ("CONCEDE", "0811")),
    ("The junta permitted the exiled writer to return.", "permitted", ("CONCEDE", "0811")),
    ("The authorities let the students march to the square.", "let", ("CONCEDE", "0811")),
    ("The regime allowed the dissident to leave the country.", "allowed", ("CONCEDE", "0811")),
    ("The court allowed the former mayor to stand in the election.", "allowed", ("CONCEDE", "0812")),
    ("The commission allowed the banned party to contest the poll.", "allowed", ("CONCEDE", "0812")),
    ("Officials allowed the exiles to form a party.", "allowed", ("CONCEDE", "0812")),
    # aid let in stays the humanitarian concession
    ("The army allowed aid convoys to enter the besieged town.", "allowed", ("RETREAT", "0863")),
])
def test_permission_as_concession(lexicon, nlp, sentence, word, expected):
    assert _sense(lexicon, nlp, sentence, word) == expected


@pytest.mark.parametrize("sentence, word", [
    ("The law allows companies to deduct costs.", "allows"),
    ("The weather allowed the ship to sail.", "allowed"),
    ("Allow me to explain the plan.", "Allow"),
    ("The new rule allows refugees to return home.", "allows"),
    ("The regulator allowed the bank to leave the market.", "allowed"),
    ("The deal allows the firm to enter the market.", "allows"),
    ("The coach let the player run for the ball.", "let"),
])
def test_permission_in_other_senses_is_no_event(lexicon, nlp, sentence, word):
    assert _sense(lexicon, nlp, sentence, word) is None


# --- w10-recall: senses from the recall audit's misses, on sentences written for these tests -----------------------
@pytest.mark.parametrize("sentence, word, expected", [
    ("The senator made harsh remarks about the ruling party.", "remarks", ("ACCUSE", "111")),
    ("The panel's scathing comments on the chief of staff surprised no one.", "comments", ("ACCUSE", "111")),
    ("The council chose to take punitive measures against the supplier country.", "measures",
     ("SANCTION", "163")),
    ("The president suspended all refugee admissions for four months.", "suspended", ("COERCE", "172")),
    ("The rebels fled after a military intervention by forces of the regional bloc.", "intervention",
     ("MOBILIZE", "154")),
    ("The offensive dealt heavy blows against the enemy's positions.", "blows", ("ASSAULT", "190")),
])
def test_recall_audit_senses(lexicon, nlp, sentence, word, expected):
    assert _sense(lexicon, nlp, sentence, word) == expected


@pytest.mark.parametrize("sentence, word", [
    ("The minister made some comments on the budget.", "comments"),
    ("The minister was convinced that the plan would work.", "convinced"),
    ("The central bank's intervention in the currency market lifted the dollar.", "intervention"),
    ("The court ruling dealt a blow to the president's plans.", "blow"),
    ("The team took decisive action to cut costs.", "action"),
])
def test_recall_audit_senses_leave_other_uses_alone(lexicon, nlp, sentence, word):
    assert _sense(lexicon, nlp, sentence, word) is None


@pytest.mark.parametrize("sentence, expected", [
    ("Ottawa has for years sought Mexican action to open its energy market.", ("REQUEST", "020")),
    ("The ministry sought assurances from Moscow about the pipeline.", ("REQUEST", "020")),
    ("The club sought a new coach for the season.", None),
])
def test_seeking_what_another_must_give_is_a_request(lexicon, nlp, sentence, expected):
    assert _sense(lexicon, nlp, sentence, "sought") == expected
