"""Events a careful coder codes that whodid used to miss (recall audit on real news, wave 7), checked on invented
sentences: one test per general cause fixed."""
from __future__ import annotations

import pytest

PUBLISHED = "2017-03-01"


def _codes(actors) -> list[str]:
    return [a.country or a.code for a in actors]


def _of_type(coder, text: str, event_type: str):
    return [e for e in coder.code_text(text, published=PUBLISHED) if e.event_type == event_type]


@pytest.mark.parametrize("text, actors, recipients", [
    ("The deployment of US troops in Poland angered Russia.", ["USA"], []),
    ("The deployment of American missile defense systems to South Korea worries China.", ["USA"], ["KOR"]),
    ("Moscow condemned the build-up of Turkish forces near the border.", ["TUR"], []),
    # a doer named otherwise still comes first
    ("The deployment of troops by France to Mali began in January.", ["FRA"], ["MLI"]),
])
def test_forces_deployed_name_the_deployer(coder, text, actors, recipients):
    found = _of_type(coder, text, "MOBILIZE")
    assert found, text
    assert _codes(found[0].actors) == actors
    assert _codes(found[0].recipients) == recipients
