"""Trigger senses added in round 3 of the lexicon (w9-lexicon2), on sentences written for these tests."""
from __future__ import annotations

import pytest

from whodid.triggers import TriggerLexicon


@pytest.fixture(scope="module")
def lexicon() -> TriggerLexicon:
    return TriggerLexicon.default()


def _sense(lexicon, nlp, sentence: str, word: str) -> tuple[str, str] | None:
    """(event type, CAMEO code) of the first token spelled ``word`` in the sentence, or None."""
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    entry = lexicon.match(token)
    return None if entry is None else (entry.event_type, entry.cameo)


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
