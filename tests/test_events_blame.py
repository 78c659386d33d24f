"""The right side in four patterns: criticism targets the doer of the act criticised; a subject's own
prepositional phrase is no recipient; a withdrawal's doer is the one who carries it out; a passive's "by" agent
told after a long complement. Invented sentences only."""
from __future__ import annotations

import pytest

from event_helpers import one_event, side_codes as _codes

PUBLISHED = "2025-06-05"


def _events(coder, text: str):
    return coder.code_text(text, published=PUBLISHED)


def _one(coder, text: str, event_type: str):
    return one_event(coder, text, event_type, PUBLISHED)


@pytest.mark.parametrize(
    "text, actors, recipients",
    [
        # the doer of the act complained about, not the one the complaint is addressed to
        ("Pakistan complained to the United Nations about two Indian air strikes.", ["PAK"], ["IND"]),
        ("Chile complained to Peru about Bolivian border incursions.", ["CHL"], ["BOL"]),
        # a possessor of the act, also when the parser makes it an apposition ("denounced as a crime X's ...")
        ("Kenya denounced as a crime Uganda's crackdown on students.", ["KEN"], ["UGA"]),
        ("Kenya on Friday denounced as a grave crime Uganda's suppression of student unrest in Kampala.",
         ["KEN"], ["UGA"]),
        # a "by" phrase of the act, not its victims
        ("Germany condemned the killing of protesters by Iranian police.", ["DEU"], ["IRN"]),
        ("Turkey condemned the Greek attack on its fishermen.", ["TUR"], ["GRC"]),
    ],
)
def test_criticism_targets_the_doer_of_the_act(coder, text, actors, recipients):
    event = _one(coder, text, "ACCUSE")
    assert _codes(event.actors) == actors
    assert _codes(event.recipients) == recipients


@pytest.mark.parametrize(
    "text, recipients",
    [
        # no doer named: the addressee stays
        ("France protested to Algeria over the arrest of a French journalist.", ["DZA"]),
        ("Japan lodged a protest with China over the detention of a Japanese citizen.", ["CHN"]),
        # a party named as the object stays the target, whatever the act it is blamed for
        ("Spain criticised Morocco over the migrant surge.", ["MAR"]),
        ("Spain criticised Morocco over Algerian border incursions.", ["MAR"]),
    ],
)
def test_criticism_keeps_a_target_when_no_doer_is_named_or_a_party_is(coder, text, recipients):
    assert _codes(_one(coder, text, "ACCUSE").recipients) == recipients


def test_a_town_before_the_act_is_no_doer(coder):
    event = _one(coder, "Pakistan complained to Afghanistan about the Kabul bombing.", "ACCUSE")
    assert _codes(event.recipients) == ["AFG"]
    assert all(r.why != "capital" for r in event.recipients)


@pytest.mark.parametrize(
    "text, actors, recipients",
    [
        # "donated" parsed as a participle on "groups": the sentence's root noun is its subject
        ("Nurses from two Kenyan charities donated and personally delivered 300 boxes of vaccines to a "
         "clinic in Kampala, despite the border closure.", ["KEN"], ["UGA"]),
        ("Members of two Kenyan aid groups donated medicine to a hospital in Uganda.", ["KEN"], ["UGA"]),
        ("Volunteers from three Dutch charities delivered food to refugees in Chad.", ["NLD"], ["TCD"]),
    ],
)
def test_subject_phrase_is_no_recipient(coder, text, actors, recipients):
    events = [e for e in _events(coder, text) if e.event_type == "AID"]
    assert events
    for event in events:
        assert _codes(event.actors) == actors
        assert _codes(event.recipients) == recipients


def test_a_participle_with_no_object_in_a_verbless_sentence_stays_passive(coder):
    # a headline with no finite verb: the groups were banned, no one donated anything
    assert not [e for e in _events(coder, "Doctors from two aid groups banned in Kenya.") if e.actors]


@pytest.mark.parametrize(
    "text, actors, recipients",
    [
        # the doer of a withdrawal is the one who carries it out; "forces from X" is the place left
        ("Kenya accelerated the withdrawal of a few units from Somalia.", ["KEN"], ["SOM"]),
        ("Russia began the pullout of troops from Syria.", ["RUS"], ["SYR"]),
        ("Kenya completed the withdrawal of its troops from Somalia.", ["KEN"], ["SOM"]),
        ("Kenya accelerated the withdrawal of some peacekeeping troops from Somalia.", ["KEN"], ["SOM"]),
        # forces with an owner of their own stand for it
        ("The withdrawal of Kenyan troops from Somalia began on Monday.", ["KEN"], ["SOM"]),
        ("Kenya announced the withdrawal of Ugandan troops from Somalia.", ["UGA"], ["SOM"]),
        # no owner and no one carrying it out: no doer, rather than the place left
        ("The withdrawal of some forces from Somalia began on Monday.", [], ["SOM"]),
    ],
)
def test_withdrawal_doer(coder, text, actors, recipients):
    event = _one(coder, text, "RETREAT")
    assert _codes(event.actors) == actors
    assert _codes(event.recipients) == recipients


@pytest.mark.parametrize(
    "text, actors, recipients",
    [
        ("The former president of Peru has been accused of diverting state money, most of it lost, by Chilean "
         "officials.", ["CHL"], ["PER"]),
        ("The former minister was accused of taking bribes, some of them paid in cash, by prosecutors in Kenya.",
         ["KEN"], ["KEN"]),
    ],
)
def test_passive_agent_after_a_long_complement(coder, text, actors, recipients):
    event = _one(coder, text, "ACCUSE")
    assert _codes(event.actors) == actors
    assert _codes(event.recipients) == recipients


@pytest.mark.parametrize(
    "text",
    [
        # no comma: the "by" phrase is the participle's own
        "The former minister was accused of taking bribes, some of them paid in cash by Kenyan businessmen.",
        # a time is no agent
        "The minister was accused of fraud, and the general was sacked, by Friday.",
    ],
)
def test_no_detached_agent(coder, text):
    assert _one(coder, text, "ACCUSE").actors == []


def test_coordinated_verbs_share_the_recipient_phrase(coder):
    # "donated and shipped ... to X": the first verb, with no complement of its own, gives to X as well
    events = [e for e in _events(coder, "Norway donated and shipped food to Malawi.") if e.event_type == "AID"]
    assert events
    for event in events:
        assert _codes(event.recipients) == ["MWI"]


def test_a_possessor_is_the_doer_before_a_by_phrase(coder):
    # the "by" phrase belongs to the complaint, not to the ban the possessor imposed
    event = _one(coder, "Kenyan farmers filed a complaint against Uganda's sugar import ban by the Kenya Sugar Board.",
                 "ACCUSE")
    assert _codes(event.recipients) == ["UGA"]


def test_an_accusation_names_the_accused_itself(coder):
    # accusations (112) are not criticism of an act: "charges against X" accuse X, whatever the parse hangs on X
    event = _one(coder, 'A banner called the charges against Odinga "a conspiracy promoted by the press."', "ACCUSE")
    assert [r.name for r in event.recipients if r.sector == "MED"] == []
    assert len({(r.code, r.name) for r in event.recipients}) == len(event.recipients)
