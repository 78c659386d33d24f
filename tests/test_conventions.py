"""CAMEO's convention: an act announced for the future is coded as the announcement (intent or threat), a
cooperative act declined as the rejection."""
from __future__ import annotations

import pytest

from whodid.conventions import apply_convention

PUBLISHED = "2024-03-04"


def _main(coder, text: str, convention: str):
    events = apply_convention(coder.code_text(text, published=PUBLISHED), convention)
    assert events, f"no event in {text!r}"
    return min(events, key=lambda e: e.trigger.start)


@pytest.mark.parametrize(
    "text, whodid_type, cameo_type, cameo_code",
    [
        # a promised grant: AID, future -> intent to provide economic aid (0331, AGREE)
        ("Norway will give Malawi a grant of 20 million dollars for new schools.", "AID", "AGREE", "0331"),
        # an announced visit: CONSULT, future -> intent to meet (036, AGREE)
        ("The Chilean president will visit Lima next month.", "CONSULT", "AGREE", "036"),
        # an announced blockade: COERCE, future -> threat of blockade (1381, THREATEN)
        ("Fishing crews announced they would blockade the port of Rotterdam next week.", "COERCE", "THREATEN", "1381"),
    ],
)
def test_announced_acts_become_announcements(coder, text, whodid_type, cameo_type, cameo_code):
    own = _main(coder, text, "whodid")
    assert (own.event_type, own.status) == (whodid_type, "future")
    cameo = _main(coder, text, "cameo")
    assert (cameo.event_type, cameo.cameo, cameo.status) == (cameo_type, cameo_code, "asserted")
    assert [a.code for a in cameo.actors] == [a.code for a in own.actors]  # same sides, same evidence
    assert cameo.trigger == own.trigger


def test_acts_that_happened_keep_their_code(coder):
    text = "Norway gave Malawi a grant of 20 million dollars for new schools on Friday."
    assert [(e.event_type, e.cameo) for e in apply_convention(coder.code_text(text, published=PUBLISHED), "cameo")] \
        == [(e.event_type, e.cameo) for e in coder.code_text(text, published=PUBLISHED)]


def test_unknown_convention_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown convention"):
        apply_convention([], "gdelt")


@pytest.mark.parametrize(
    "text, whodid_type, cameo_code",
    [
        # a lifting refused: CONCEDE, negated -> refuse to ease penalties (1241, REJECT)
        ("The Dutch cabinet said it would not lift the import ban on Brazilian beef.", "CONCEDE", "1241"),
        # an agreement not reached: AGREE, negated -> reject (120)
        ("Peru failed to reach a fishing deal with Ecuador in Lima.", "AGREE", "120"),
    ],
)
def test_declined_cooperation_becomes_a_rejection(coder, text, whodid_type, cameo_code):
    own = _main(coder, text, "whodid")
    assert (own.event_type, own.status) == (whodid_type, "negated")
    cameo = _main(coder, text, "cameo")
    assert (cameo.event_type, cameo.cameo, cameo.status) == ("REJECT", cameo_code, "asserted")
    assert [a.code for a in cameo.actors] == [a.code for a in own.actors]


def test_a_hostile_act_not_done_stays_negated(coder):
    # not attacking is no rejection: CAMEO has no event for it, and whodid keeps the negated attack
    cameo = _main(coder, "Pakistani troops did not attack the border post.", "cameo")
    assert (cameo.event_type, cameo.status) == ("ASSAULT", "negated")
