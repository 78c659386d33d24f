"""Sides of events (wave 13): a subject the parser hangs on the auxiliary, the sides a noun object is between, a
crowd named by its count, what a protest is aimed at, a role's country through the body it belongs to, and a
place a noun only faces. Sentences written for these tests."""
from __future__ import annotations

import pytest

from event_helpers import of_type, one_event, side_codes as _codes
from whodid.actors import ActorKB

PUBLISHED = "2024-05-02"


def _event(coder, text: str, event_type: str):
    return one_event(coder, text, event_type, PUBLISHED)


def _sides(coder, text: str, event_type: str) -> tuple[list[str], list[str]]:
    """(actor countries or codes, recipient countries or codes) of the first event of ``event_type``."""
    event = _event(coder, text, event_type)
    return _codes(event.actors), _codes(event.recipients)


def test_a_subject_hung_on_the_auxiliary_still_holds_the_stance(coder):
    # the small parser puts "Poland" under "is"; the place in "talks with Belarus" only faces the mediation
    assert _sides(coder, "Poland is opposed to German mediation in border talks with Belarus.", "REJECT") == \
        (["POL"], ["DEU"])


def test_a_passive_subject_hung_on_its_auxiliary_is_still_no_doer(coder):
    event = _event(coder, "The village was attacked by rebels on Sunday.", "ASSAULT")
    assert [a.sector for a in event.actors] == ["REB"]
    assert not event.recipients or all(a.sector != "REB" for a in event.recipients)


@pytest.mark.parametrize("text, event_type, recipients", [
    ("The Sultan of Oman said Muscat was willing to host talks between Iranian officials and the Saudi "
     "government.", "AGREE", ["IRN", "SAU"]),
    ("The minister condemned the fighting between Armenia and Azerbaijan.", "ACCUSE", ["ARM", "AZE"]),
])
def test_a_noun_object_stands_for_the_sides_it_is_between(coder, text, event_type, recipients):
    assert sorted(_codes(_event(coder, text, event_type).recipients)) == recipients


@pytest.mark.parametrize("phrase", ["Hundreds", "Thousands", "tens of thousands", "dozens", "scores"])
def test_a_count_alone_names_a_crowd(phrase):
    actor = ActorKB.default().lookup(phrase, PUBLISHED)
    assert actor is not None and actor.sector == "CVL", phrase


@pytest.mark.parametrize("phrase", ["two", "more than 20", "millions", "the 300"])
def test_a_count_of_nothing_in_particular_names_no_one(phrase):
    assert ActorKB.default().lookup(phrase, PUBLISHED) is None


def test_a_crowd_named_by_its_count_protests(coder):
    assert _sides(coder, "Hundreds marched in Tbilisi against Russia's occupation of Abkhazia.", "PROTEST") == \
        (["GEO"], ["RUS"])


def test_the_people_counted_are_the_sides(coder):
    text = "Police in Ghana assaulted scores of Sierra Leonean and Ivorian traders."
    assert sorted(_sides(coder, text, "ASSAULT")[1]) == ["CIV", "SLE"]


@pytest.mark.parametrize("text, actors, recipients", [
    ("Thousands of farmers marched in Paris in protest at the French government's pension reform.",
     ["FRA"], ["FRA"]),
    ("Taxi drivers blocked roads in Quito to show their anger at the Colombian government's new tolls.",
     ["ECU"], ["COL"]),
    ("Students rallied in Minsk in defiance of the Belarusian authorities.", ["BLR"], ["BLR"]),
    ("Dockers in Gdansk went on strike to express opposition to the Polish government's privatisation plan.",
     ["POL"], ["POL"]),
])
def test_a_protest_is_aimed_at_the_doer_of_what_it_opposes(coder, text, actors, recipients):
    assert _sides(coder, text, "PROTEST") == (actors, recipients)


def test_the_aim_of_a_protest_is_no_second_protest(coder):
    text = "Refugees in Vienna continued a hunger strike in protest at the Austrian government's asylum rules."
    found = of_type(coder, text, "PROTEST", PUBLISHED)
    assert len(found) == 1
    assert _codes(found[0].recipients) == ["AUT"]


def test_a_protest_with_no_aim_keeps_no_recipient(coder):
    event = _event(coder, "Thousands marched in Lisbon on Saturday in the rain.", "PROTEST")
    assert event.recipients == []


@pytest.mark.parametrize("text, event_type, actors", [
    ("Thousands of workers affiliated with the Kenyan teachers' union began a strike on Monday.", "PROTEST",
     ["KEN"]),
    ("Soldiers loyal to the Malian junta attacked a village near the border.", "ASSAULT", ["MLI"]),
])
def test_a_role_takes_the_country_of_the_body_it_belongs_to(coder, text, event_type, actors):
    assert _codes(_event(coder, text, event_type).actors) == actors


@pytest.mark.parametrize("phrase", ["Russia's allies", "US allies", "Moscow's allies", "the allies of Russia",
                                    "Lavrov's counterpart"])
def test_an_ally_or_counterpart_of_a_country_or_person_is_someone_else(phrase):
    assert ActorKB.default().lookup(phrase, PUBLISHED) is None, phrase


@pytest.mark.parametrize("phrase, country, code", [
    ("his Zambian counterpart", "ZMB", None),
    ("NATO allies", None, "IGONATO"),
])
def test_an_ally_or_counterpart_described_by_origin_or_body_is_of_it(phrase, country, code):
    actor = ActorKB.default().lookup(phrase, PUBLISHED)
    assert actor is not None
    assert (actor.country, actor.code if code else None) == (country, code)


@pytest.mark.parametrize("text, event_type, owner", [
    ("Syrian government troops killed a commander of Turkey's militia ally near Afrin.", "ASSAULT", "TUR"),
    ("Kurdish fighters captured two members of Russia's militia allies in the desert.", "COERCE", "RUS"),
])
def test_the_ally_of_a_country_takes_no_country_from_it(coder, text, event_type, owner):
    assert owner not in _codes(_event(coder, text, event_type).recipients)


@pytest.mark.parametrize("text, event_type, recipients", [
    ("The interior minister refused to step down despite mounting pressure from the Ghanaian parliament.",
     "REJECT", ["GHA"]),
    ("The rebels rejected the ceasefire despite calls from the United Nations.", "REJECT", ["IGOUNO"]),
    ("The Kenyan teachers' union called off its strike after negotiations with the Kenyan government.", "CONCEDE",
     ["KEN"]),
    # a thing given is no recipient: the "to" phrase names it
    ("Kenya promised its soldiers to the African Union.", "AGREE", ["IGOAU"]),
    ("Chad offered its soldiers to Niger's president.", "AGREE", ["NER"]),
])
def test_the_recipient_named_beside_the_object(coder, text, event_type, recipients):
    """A yielding or refusing act answers the pressure or talks it names; a thing given goes to its "to" phrase."""
    assert _sides(coder, text, event_type)[1] == recipients


def test_pressure_named_beside_a_recipient_does_not_replace_it(coder):
    event = _event(coder, "Peru rejected Chile's proposal despite calls from the United Nations.", "REJECT")
    assert _codes(event.recipients) == ["CHL"]


def test_an_invitation_to_a_meeting_keeps_the_invited(coder):
    event = _event(coder, "The Japanese minister invited Modi to the summit.", "AGREE")
    assert _codes(event.recipients) == ["IND"]


def test_an_organisation_named_before_a_noun_is_a_side(coder):
    event = _event(coder, "The rebel militia refused to allow Red Cross convoys to enter the town.", "REJECT")
    assert [a.code for a in event.recipients] == ["NGOICRC"]


def test_a_name_left_out_as_the_doer_is_not_kept_as_an_unknown_recipient(coder):
    for event in coder.code_text("The rebels rejected the ceasefire despite calls from the United Nations.",
                                 published=PUBLISHED):
        assert all(a.code or a.text not in {b.text for b in event.actors} for a in event.recipients), event


@pytest.mark.parametrize("text, event_type", [
    # an exchange with no partner is no meeting
    ("The singer often discussed gender politics on her show.", "CONSULT"),
    ("The minister spoke with fondness about his home village.", "CONSULT"),
    ("Students discussed their projects in small teams.", "CONSULT"),
    # a person dismissed is fired; a claim a court dismisses is a ruling
    ("The bank had dismissed the cashier's assistant, Maria Lopes, in 2011.", "REJECT"),
    ("The governor had him dismissed over budget irregularities.", "REJECT"),
    ("The engineer Tomas Varga was dismissed in 2015.", "REJECT"),
    ("An appeals court dismissed her claim last year.", "REJECT"),
])
def test_words_in_a_sense_that_names_no_such_event(coder, text, event_type):
    assert not of_type(coder, text, event_type, PUBLISHED), text


@pytest.mark.parametrize("text, actors, recipients", [
    ("Merkel discussed trade with Macron in Paris.", ["DEU"], ["FRA"]),
    ("The Polish and Czech prime ministers discussed energy in Warsaw.", ["POL", "CZE"], []),
])
def test_an_exchange_with_a_partner_is_a_meeting(coder, text, actors, recipients):
    assert _sides(coder, text, "CONSULT") == (actors, recipients)


def test_an_intent_to_end_an_event_is_no_intent_to_do_it(coder):
    text = "Thousands of nurses in Ghana have agreed to end a two-month strike."
    assert not of_type(coder, text, "THREATEN", PUBLISHED)
    assert _event(coder, text, "AGREE").cameo.startswith("035")


def test_a_gerund_of_time_is_done_by_the_subject(coder):
    text = "The Ghanaian nurses' union ended its strike after concluding a pay deal with the government."
    assert _sides(coder, text, "AGREE") == (["GHA"], ["GHA"])


def test_a_gerund_of_an_accusation_is_still_done_by_the_object(coder):
    assert _sides(coder, "Kenya accused Somalia of violating the border.", "ACCUSE") == (["KEN"], ["SOM"])


def test_a_protest_shown_in_disapproval_for_a_policy_is_aimed_at_its_owner(coder):
    text = "Traders in Nairobi blocked a highway to voice their disapproval for Britain's trade policies."
    assert _sides(coder, text, "PROTEST") == (["KEN"], ["GBR"])


def test_associates_of_a_person_are_not_that_person(coder):
    text = "The FBI is investigating meetings between Trump associates and Chinese officials."
    assert "USA" not in _sides(coder, text, "ACCUSE")[1]


def test_a_count_before_a_bare_participle_is_its_victim(coder):
    text = "The battle ended with sixty soldiers dead and hundreds wounded, officials said."
    for event in of_type(coder, text, "ASSAULT", PUBLISHED):
        assert all(a.sector != "CVL" for a in event.actors), event


def test_a_place_between_two_sides_does_not_make_them_recipients(coder):
    event = _event(coder, "The Kenyan army reopened the border crossing between Kenya and Somalia on Tuesday.", "RETREAT")
    assert "SOM" not in _codes(event.recipients)


@pytest.mark.parametrize("text", [
    "The Hungarian minister dismissed calls for his resignation.",
    "The president dismissed the report as fake news.",
])
def test_calls_and_reports_dismissed_are_rejections(coder, text):
    assert of_type(coder, text, "REJECT", PUBLISHED), text


def test_a_noun_event_repeats_only_an_event_told_shortly_before(coder):
    first = "Kenya and Uganda held talks in Nairobi on Monday."
    later = "The talks collapsed on Friday."
    near = coder.code_text(f"{first} {later}", published=PUBLISHED)
    assert [sorted(_codes(e.actors)) for e in near if e.sentence_id == 1] == [["KEN", "UGA"]]
    far = coder.code_text(f"{first} Rain fell in the capital. Traffic was slow. Markets were quiet. {later}",
                          published=PUBLISHED)
    assert not [e for e in far if e.sentence_id == 4]
