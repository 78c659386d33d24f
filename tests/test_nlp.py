"""whodid.nlp: the pipeline whodid loads, with its additions (data/nlp.yaml)."""
from __future__ import annotations

import pytest

from event_helpers import one_event


@pytest.mark.parametrize("text", ["The Kenyan vice-president met the envoy.", "Vice-President Amina Odhiambo met the envoy.",
                                  "Two former vice-presidents met the envoy.", "The UN Secretary-General met the envoy."])
def test_hyphenated_titles_stay_one_token(nlp, text):
    title = next(t for t in nlp(text) if "-" in t.text)
    assert title.text.lower().replace("-", "") in ("vicepresident", "vicepresidents", "secretarygeneral")
    assert title.head.lemma_ in ("meet", "Odhiambo")  # one noun in the subject phrase, not three subjects


def test_other_hyphenated_words_are_split_as_before(nlp):
    assert [t.text for t in nlp("Kenya-Uganda talks")][:3] == ["Kenya", "-", "Uganda"]


def test_a_hyphenated_title_keeps_its_actor(coder):
    event = one_event(coder, "The Kenyan vice-president declined to resign on Monday.", "REJECT", "2024-05-08")
    assert [a.code for a in event.actors] == ["KENGOV"]
