"""Events a careful coder codes that whodid used to miss (recall audit on real news, wave 7), checked on invented
sentences: one test per general cause fixed."""
from __future__ import annotations

import pytest

from event_helpers import of_type, one_event, side_codes as _codes

PUBLISHED = "2017-03-01"


def _of_type(coder, text: str, event_type: str):
    return of_type(coder, text, event_type, PUBLISHED)


@pytest.mark.parametrize("text, actors, recipients", [
    ("The deployment of US troops in Poland angered Russia.", ["USA"], []),
    ("The deployment of American missile defense systems to South Korea worries China.", ["USA"], ["KOR"]),
    ("Moscow condemned the build-up of Turkish forces near the border.", ["TUR"], []),
    # a doer named otherwise still comes first
    ("The deployment of troops by France to Mali began in January.", ["FRA"], ["MLI"]),
])
def test_forces_deployed_name_the_deployer(coder, text, actors, recipients):
    event = one_event(coder, text, "MOBILIZE", PUBLISHED)
    assert _codes(event.actors) == actors
    assert _codes(event.recipients) == recipients


@pytest.mark.parametrize("text, actors, recipients", [
    ("Rebel fighters destroyed 40 army tanks near the border.", ["REB"], []),
    ("The rebels said 30 Syrian tanks were destroyed in the fighting.", [], ["SYR"]),
    ("Kurdish fighters downed two Turkish warplanes on Monday.", None, ["TUR"]),
])
def test_war_machines_destroyed_are_an_attack(coder, text, actors, recipients):
    found = _of_type(coder, text, "ASSAULT")
    assert found, text
    if actors is not None:
        assert _codes(found[0].actors) == actors
    assert set(recipients) <= set(_codes(found[0].recipients))


@pytest.mark.parametrize("text", [
    "A storm destroyed the navy's gunboat in the harbour.",
    "The company destroyed its competitors last year.",
])
def test_destroying_is_no_attack_in_other_senses(coder, text):
    assert not _of_type(coder, text, "ASSAULT")


def test_a_participle_after_a_counted_noun_acts_on_the_noun(coder):
    """"three hostages released by Syria": Syria releases, the hostages are released (not the other way)."""
    found = _of_type(coder, "Three hostages released by Syria arrived in Beirut on Monday.", "RETREAT")
    assert found and _codes(found[0].actors) == ["SYR"]


@pytest.mark.parametrize("text", [
    "The cost of US troops stationed in the country was discussed.",
    "The listings, approved by the bloc's foreign ministers, freeze the assets of six officials.",
])
def test_an_uncounted_participle_is_a_state(coder, text):
    assert not [e for e in coder.code_text(text, published=PUBLISHED) if e.trigger.text in ("stationed", "approved")]


@pytest.mark.parametrize("text, event_type, cameo", [
    ("Colombia sent 2,000 soldiers to occupy the oil fields.", "MOBILIZE", "154"),
    ("Peru dispatched marines to guard the main ports.", "MOBILIZE", "154"),
    # forces sent to another country, or by an organisation, stay military aid
    ("France sent 500 troops to Mali.", "AID", "074"),
    ("The United Nations dispatched peacekeepers to the region.", "AID", "074"),
])
def test_forces_sent_at_home_are_a_deployment(coder, text, event_type, cameo):
    found = _of_type(coder, text, event_type)
    assert found and found[0].cameo == cameo, [(e.event_type, e.cameo) for e in coder.code_text(text)]
