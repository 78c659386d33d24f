"""Recipients found where they are: inside the object or the noun event, in an area-wide act's place, in a
passive subject's "for" phrase. Invented sentences only."""
from __future__ import annotations

import pytest

from event_helpers import one_event, side_codes as _codes

PUBLISHED = "2025-06-05"


def _one(coder, text: str, event_type: str):
    return one_event(coder, text, event_type, PUBLISHED)


@pytest.mark.parametrize(
    "text, event_type, actors, recipients",
    [
        # a protest lodged "with" someone is made to them
        ("Hungary lodged a formal protest with Romania over the arrests.", "ACCUSE", ["HUN"], ["ROU"]),
        ("Serbia filed a protest with Croatia on Monday.", "ACCUSE", ["SRB"], ["HRV"]),
        # a suspension of what is shared "with" someone
        ("Spain announced a suspension of flights with Morocco on Tuesday.", "SANCTION", ["ESP"], ["MAR"]),
        # hacking "into" someone's computers
        ("Chinese hackers hacked into the network of the Indian defence ministry.", "COERCE", ["CHN"], ["IND"]),
        # the people a place is for, when the place is attacked (active and passive)
        ("A camp for Sudanese refugees was attacked by Chadian rebels.", "ASSAULT", ["TCD"], ["SDN"]),
        ("Chadian rebels attacked a camp for Sudanese refugees.", "ASSAULT", ["TCD"], ["SDN"]),
        # a passive subject's owner
        ("The homes of Israeli settlers were attacked by Palestinian gunmen.", "ASSAULT", ["PSE"], ["ISR"]),
        # taken "from" someone
        ("Kenyan police confiscated rifles and grenades from Somali armed groups.", "COERCE", ["KEN"], ["SOM"]),
        # fire opened to disperse a crowd is fired at the crowd; the crowd dispersed is the dispersal's recipient
        ("Nigerian soldiers opened fire to disperse Chadian protesters.", "ASSAULT", ["NGA"], ["TCD"]),
        # a ban of a party: the party is its recipient
        ("Egypt banned the Muslim Brotherhood last year.", "COERCE", ["EGY"], ["EGY"]),
    ],
)
def test_recipient_inside_the_phrase(coder, text, event_type, actors, recipients):
    event = _one(coder, text, event_type)
    assert _codes(event.actors) == actors
    assert _codes(event.recipients) == recipients


@pytest.mark.parametrize(
    "text, event_type, recipients",
    [
        # area-wide coercion is done to the place's people: its country
        ("Indian authorities imposed a curfew in the town of Srinagar.", "COERCE", ["IND"]),
        ("The army declared a state of siege in Bolivia on Monday.", "COERCE", ["BOL"]),
        ("Peru lifted a state of emergency in Lima.", "RETREAT", ["PER"]),
        ("Rebels exploded several bombs in the Afghan capital Kabul.", "ASSAULT", ["AFG"]),
        ("Russia has strengthened its forces in Syria.", "MOBILIZE", ["SYR"]),
    ],
)
def test_area_wide_act_is_done_to_the_place(coder, text, event_type, recipients):
    event = _one(coder, text, event_type)
    assert _codes(event.recipients) == recipients
    assert all(r.why in ("place named as a side", "country named as a side") for r in event.recipients)


@pytest.mark.parametrize(
    "text, event_type",
    [
        # no place named: no recipient guessed (not the actor's own country, not the publication's)
        ("Indian authorities imposed a curfew on Monday.", "COERCE"),
        # the place belongs to the actor's words, not to the act
        ("Police in Lagos imposed a curfew on Monday.", "COERCE"),
    ],
)
def test_no_place_no_area_recipient(coder, text, event_type):
    events = [e for e in coder.code_text(text, published=PUBLISHED) if e.event_type == event_type]
    assert all(not e.recipients for e in events)


def test_area_recipient_needs_an_actor(coder):
    # an act with no doer named stays no event: the place alone does not make one
    events = coder.code_text("A curfew was imposed in the town of Srinagar.", published=PUBLISHED)
    assert not [e for e in events if e.recipients and not e.actors]


def test_commanded_restriction_is_the_commanders_act(coder):
    event = _one(coder, "The Chadian junta ordered the opposition newspaper to suspend publication.", "COERCE")
    assert _codes(event.actors) == ["TCD"]
    assert [r.text for r in event.recipients] == ["the opposition newspaper"]


def test_commanded_area_act_keeps_its_doers(coder):
    # a curfew the troops are ordered to impose is the troops' act on the town, not an act on the troops
    event = _one(coder, "The army ordered troops to impose a curfew in the town of Gao.", "COERCE")
    assert [a.text for a in event.actors] == ["troops"]
    assert _codes(event.recipients) == ["MLI"]


@pytest.mark.parametrize(
    "text, recipient",
    [
        # a role-only recipient takes the country its sentence names
        ("Egyptian police arrested 12 fundamentalist demonstrators.", "EGY"),
        # ... but not that of a foreign army acting on it
        ("Israeli troops arrested 12 demonstrators.", None),
    ],
)
def test_role_only_recipient_country(coder, text, recipient):
    event = _one(coder, text, "COERCE")
    assert [r.country for r in event.recipients] == [recipient]


def test_fallback_recipients_keep_their_coordinated_heads(coder):
    text = "Ruritania threatened to break off diplomatic relations with Chile and Peru over the fishing dispute."
    text = text.replace("Ruritania", "Bolivia")
    event = next(e for e in coder.code_text(text, published="2010-05-01") if e.trigger.text.startswith("threatened"))
    assert sorted(a.country for a in event.recipients) == ["CHL", "PER"]


@pytest.mark.parametrize("text, content", [
    ("Hundreds of Kenyans gathered on Friday for a rally in Nairobi to protest the new tax law.", "protest"),
    ("Students marched through Quito on Monday to denounce the arrest of their teacher.", "denounce"),
    ("Farmers in Chile staged a sit-in to demand lower fuel prices.", "demand"),
])
def test_what_protesters_say_is_the_protest_content(coder, text, content):
    events = coder.code_text(text, published="2025-03-12")
    assert [e.event_type for e in events] == ["PROTEST"], [(e.event_type, e.trigger.text) for e in events]
    assert all(e.trigger.text != content for e in events)


def test_their_in_the_clause_of_a_common_noun_is_the_doers_own(coder):
    # "their" points at the students who march, not at the town named before it
    events = coder.code_text("Students marched through Quito on Monday to denounce the arrest of their teacher.",
                             published="2025-03-12")
    assert [e.event_type for e in events] == ["PROTEST"]
    assert events[0].recipients == []


@pytest.mark.parametrize("text", [
    "Kenyan and Ugandan delegates return to Geneva next week for talks about grazing rights.",
    "The Kenyan foreign minister came to Geneva on Monday for talks.",
])
def test_where_participants_go_for_talks_is_no_side(coder, text):
    events = [e for e in coder.code_text(text, published="2016-05-01") if e.event_type == "CONSULT"]
    assert events and all(not e.recipients for e in events), [(e.trigger.text, e.recipients) for e in events]


@pytest.mark.parametrize("text, event_type, actors, recipients", [
    ("Ugandan police placed the opposition leader under house arrest.", "COERCE", ["UGA"], ["UGA"]),
    ("The opposition leader was placed under house arrest by Ugandan police.", "COERCE", ["UGA"], ["UGA"]),
    ("Kenyan police took two British journalists into custody on Monday.", "COERCE", ["KEN"], ["GBR"]),
    ("Prosecutors in Nairobi put a Ugandan minister under investigation.", "ACCUSE", ["KEN"], ["UGA"]),
])
def test_whom_a_verb_puts_into_a_state_is_the_recipient(coder, text, event_type, actors, recipients):
    # "placed X under arrest", "took X into custody": the verb's object (or passive subject) is the one held
    event = _one(coder, text, event_type)
    assert (_codes(event.actors), _codes(event.recipients)) == (actors, recipients)
