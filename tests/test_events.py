"""Event mentions from the parse: who did it, to whom, who says so, and the status, on invented sentences."""
from __future__ import annotations

import pytest

from event_helpers import side_codes as _codes

from whodid.resources import parse_yaml

PUBLISHED = "2025-06-05"  # a Thursday


def _events(coder, text: str):
    return coder.code_text(text, published=PUBLISHED)


def _one(coder, text: str, event_type: str):
    found = [e for e in _events(coder, text) if e.event_type == event_type]
    assert found, f"no {event_type} event in {text!r}: {[e.event_type for e in _events(coder, text)]}"
    return found[0]


@pytest.mark.parametrize(
    "text, event_type, actors, recipients",
    [
        # active clause: subject acts on the object
        ("Pakistan accused India of violating the ceasefire.", "ACCUSE", ["PAK"], ["IND"]),
        # passive clause: the agent acts, the passive subject receives
        ("Kenyan police were attacked by Somali militants on Monday.", "ASSAULT", ["SOM"], ["KEN"]),
        # coordinated subjects of a reciprocal verb are both actors
        ("Kenya and Ethiopia held talks in Nairobi last week.", "CONSULT", ["KEN", "ETH"], []),
        # "a meeting between A and B"
        ("A meeting between Japan and South Korea took place in Tokyo.", "CONSULT", ["JPN", "KOR"], []),
        # "talks with X" through a support verb
        ("Brazil held talks with Argentina on trade.", "CONSULT", ["BRA"], ["ARG"]),
        # possessive actor and "of" recipient of an event noun
        ("Russia's invasion of Ukraine began in February 2022.", "ASSAULT", ["RUS"], ["UKR"]),
        # dative recipient and "to" recipient of a transfer
        ("Germany sent Ukraine air defence systems.", "AID", ["DEU"], ["UKR"]),
        ("Iran will send drones to Russia.", "AID", ["IRN"], ["RUS"]),
        # object control: the one urged is the recipient
        ("Brazil urged Venezuela and Guyana to settle the dispute.", "REQUEST", ["BRA"], ["VEN", "GUY"]),
        # a town named as a side stands for its country
        ("Russian troops shelled Kharkiv on Tuesday.", "ASSAULT", ["RUS"], ["UKR"]),
        # a withdrawal "of" its movers "from" the place left
        ("The pullout of Chadian soldiers from Mali ended in May.", "RETREAT", ["TCD"], ["MLI"]),
        # talking over an act: the parties of the act are not the talks' recipients ("with" is)
        ("Peru and Chile discussed the expulsion of Bolivian diplomats.", "CONSULT", ["PER", "CHL"], []),
    ],
)
def test_sides(coder, text, event_type, actors, recipients):
    event = _one(coder, text, event_type)
    assert _codes(event.actors) == actors
    assert _codes(event.recipients) == recipients


def test_reported_speech_gives_attribution_not_actor(coder):
    event = _one(coder, "Iran will send drones to Russia, a senior US official said.", "AID")
    assert _codes(event.actors) == ["IRN"]
    assert event.attribution is not None and event.attribution.country == "USA"
    event = _one(coder, "Egypt sent food to Sudan, according to the Egyptian foreign ministry.", "AID")
    assert event.attribution is not None and event.attribution.country == "EGY"


def test_intent_to_meet_is_agree_with_the_actor_of_the_intent(coder):
    event = _one(coder, "Kenya hoped to meet Ethiopian officials soon.", "AGREE")
    assert event.cameo == "036"
    assert event.trigger.text == "hoped to meet"
    assert _codes(event.actors) == ["KEN"] and _codes(event.recipients) == ["ETH"]
    assert not [e for e in _events(coder, "Kenya hoped to meet Ethiopian officials soon.") if e.event_type == "CONSULT"]


def test_requested_act_is_not_coded_as_done(coder):
    types = [e.event_type for e in _events(coder, "Brazil urged Venezuela and Guyana to settle the dispute.")]
    assert types == ["REQUEST"]
    # an act named by the request's object or "for" phrase has not happened either
    for text in ("Norway demanded the release of two detained Iranian sailors.",
                 "Ghana called for a ceasefire between Sudan's army and its rivals."):
        assert [e.event_type for e in _events(coder, text)] == ["REQUEST"], text


@pytest.mark.parametrize("text", ["Turkish troops lifted a week-long blockade of Kurdish villages on Sunday.",
                                  "The Peruvian government ended the night curfew in Lima."])
def test_a_state_undone_is_no_act_of_its_own(coder, text):
    # the blockade, curfew or ban lifted is the state that ends: one event, the easing, not also the coercion
    assert [e.event_type for e in _events(coder, text)] in (["RETREAT"], ["CONCEDE"]), text


def test_reflexive_recipient_is_never_the_speaker(coder):
    event = _one(coder, "Eight fighters blew themselves up with a grenade, police said on Thursday.", "ASSAULT")
    assert event.recipients == []  # not the police who reported it


def test_possessor_of_an_act_done_to_someone(coder):
    arrest = _one(coder, "Two Somali gunmen fired at guards before their arrest.", "COERCE")
    assert arrest.actors == [] and _codes(arrest.recipients) == ["SOM"]
    arrest = _one(coder, "Egypt condemned Israel's arrest of the Egyptian fishermen.", "COERCE")
    assert _codes(arrest.actors) == ["ISR"] and _codes(arrest.recipients) == ["EGY"]


def test_cutting_a_programme_kills_no_one(coder):
    assert not [e for e in _events(coder, "The Canadian government eliminated a subsidy programme for farmers.")
                if e.event_type == "ASSAULT"]


def test_seizing_on_a_remark_seizes_nothing(coder):
    assert not _events(coder, "Chilean opposition leaders seized on the remarks of the Peruvian minister.")


def test_act_talked_over_is_not_asserted(coder):
    event = _one(coder, "Ministers from Peru and Chile discussed sanctions on Bolivia.", "SANCTION")
    assert event.status == "hypothetical"


@pytest.mark.parametrize(
    "text, event_type, status",
    [
        ("Egypt did not send troops to Sudan.", "AID", "negated"),
        ("The two presidents could meet in Brasília early next year.", "CONSULT", "hypothetical"),
        ("Kenyan President William Ruto will visit Addis Ababa next month.", "CONSULT", "future"),
        ("Police arrested dozens of protesters in Lagos on Monday.", "COERCE", "asserted"),
    ],
)
def test_status(coder, text, event_type, status):
    assert _one(coder, text, event_type).status == status


def test_event_date_place_and_history(coder):
    event = _one(coder, "Kenya and Ethiopia last held talks in Addis Ababa in February 2023.", "CONSULT")
    assert (event.date, event.date_precision, event.date_source) == ("2023-02", "month", "text")
    assert event.historical is True
    assert event.location is not None and event.location.name == "Addis Ababa"
    # a yearless month with a past-tense verb is last year's, not the coming one
    event = _one(coder, "Germany sent Ukraine air defence systems in October.", "AID")
    assert event.date == "2024-10"


def test_repeated_mention_merges_into_one_event(coder):
    text = ("Japanese Prime Minister Shigeru Ishiba met Chinese President Xi Jinping in Lima on Nov 15, 2024.\n"
            "The two leaders met in November 2024 in Lima.")
    events = [e for e in coder.code_text(text, published="2025-06-05") if e.event_type == "CONSULT"]
    assert len(events) == 1
    assert events[0].date == "2024-11-15"


def test_no_actor_no_event(coder):
    assert _events(coder, "The talks were useful, it was said.") == []


def test_knowledge_yaml_keeps_words_like_on_and_no():
    # PyYAML's default would turn these into booleans; word lists need them as words
    assert parse_yaml("[on, off, yes, no, true]") == ["on", "off", "yes", "no", True]


@pytest.mark.parametrize(
    "text, event_type, actors, recipients",
    [
        # the object names no actor: its owner is the recipient (nationality adjective, possessive, "from")
        ("Ghana rejected the Togolese proposal on border trade.", "REJECT", ["GHA"], ["TGO"]),
        ("Peru turned down a request from Chile.", "REJECT", ["PER"], ["CHL"]),
        # a target phrase on the object ("a curfew on X") or on a controlled verb ("to resume exports to X")
        ("Morocco imposed a ban on Algerian goods.", "COERCE", ["MAR"], ["DZA"]),
        ("Norway agreed to resume fuel exports to Sweden.", "AGREE", ["NOR"], ["SWE"]),
        # a noun event's target preposition through its owner ("support for the Kurdish cause")
        ("Denmark expressed support for the Estonian position.", "SUPPORT", ["DNK"], ["EST"]),
    ],
)
def test_fallback_recipients(coder, text, event_type, actors, recipients):
    event = _one(coder, text, event_type)
    assert _codes(event.actors) == actors
    assert _codes(event.recipients) == recipients


def test_fallback_never_guesses_when_no_actor_is_named(coder):
    """An event whose recipient is unknown keeps empty recipients: no owner, no target phrase, no guess."""
    event = _one(coder, "Chile rejected the proposal on water sharing.", "REJECT")
    assert _codes(event.actors) == ["CHL"] and event.recipients == []


def test_they_after_a_pair_is_the_pair(coder):
    text = ("Guyanese President Irfaan Ali and Venezuelan President Nicolas Maduro met in Kingstown in December 2023, "
            "when they pledged not to use force.")
    event = _one(coder, text, "AGREE")
    assert sorted(_codes(event.actors)) == ["GUY", "VEN"]


def test_a_speaker_reporting_his_own_intent_is_the_attribution(coder):
    event = _one(coder, "Kenyan President William Ruto said on Monday that he hoped to meet Ethiopian officials.",
                 "AGREE")
    assert _codes(event.actors) == ["KEN"]
    assert event.attribution is not None and event.attribution.country == "KEN"


@pytest.mark.parametrize(
    "text, actors",
    [
        ("Kenyan and Ethiopian officials held talks in Nairobi on Monday.", ["KEN", "ETH"]),  # coordinated modifiers
        ("The two Koreas held talks at the border on Monday.", ["KOR", "PRK"]),  # a collective
    ],
)
def test_one_phrase_naming_several_actors(coder, text, actors):
    assert sorted(_codes(_one(coder, text, "CONSULT").actors)) == sorted(actors)


def test_hosting_refugees_is_not_a_meeting(coder):
    events = _events(coder, "Jordan hosts more than 600,000 Syrian refugees.")
    assert "CONSULT" not in {e.event_type for e in events}
    assert _one(coder, "Jordan hosted talks between Syria and Iraq on Monday.", "CONSULT")


def test_an_undated_event_told_again_is_one_event(coder):
    text = ("Millions fled as protests spiralled into a conflict between rebels and government troops.\n"
            "A UN spokesman noted the conflict had now lasted longer than the Second World War.")
    conflicts = [e for e in _events(coder, text) if e.trigger.text == "conflict"]
    assert len(conflicts) == 1


@pytest.mark.parametrize(
    "text, event_type, actors, recipients",
    [
        # a participle clause shares the main clause's subject (farmers near Lyon: French, from the context); a
        # protest's own demand is the protest (test_a_demand_made_by_protesting_is_the_protest)
        ("Farmers wrote to officials near Lyon on Monday, demanding higher grain prices.", "REQUEST",
         ["FRA"], []),
        # a gerund after "of" with an object: the object does it ("accused X of attacking Y")
        ("Armenia accused Azerbaijan of shelling villages near the border.", "ASSAULT", ["AZE"], []),
        # a gerund after a preposition, no object: the subject does it
        ("Chilean students resorted to blocking roads in Santiago.", "PROTEST", ["CHL"], []),
        # a participle on a noun that names no actor: the subject of the verb governing the noun
        ("The opposition party issued a statement demanding the release of detained activists.", "REQUEST",
         ["OPP"], []),
        # a common noun the knowledge lacks, with national modifiers: the countries
        ("The Serbian and Kosovar delegations agreed to reopen the border crossing.", "AGREE", ["SRB", "XKX"], []),
        # a predicate adjective's subject: "X is prepared to ...", "X and Y are guilty of ..."
        ("Chad said it is prepared to withdraw its troops from the border.", "AGREE", ["TCD"], []),
        ("Both Armenia and Azerbaijan are guilty of shelling border villages.", "ASSAULT", ["ARM", "AZE"], []),
        # the passive of a participation verb still names the doers ("were engaged in fighting")
        ("Kenyan police were engaged in clashes with Somali militants.", "ASSAULT", ["KEN"], []),
        # a group named by several capitalised modifiers of a common noun ("Islamic State members")
        ("Nearly 900 Islamic State loyalists have surrendered near Mosul.", "RETREAT", ["IMGREB"], []),
        # a support verb with a repetition prefix ("reimposed" a curfew is "imposed" one)
        ("Sri Lanka reimposed a curfew in the capital on Friday.", "COERCE", ["LKA"], []),
    ],
)
def test_sides_through_clauses_and_modifiers(coder, text, event_type, actors, recipients):
    event = _one(coder, text, event_type)
    assert sorted(set(_codes(event.actors))) == sorted(actors)
    if recipients:
        assert sorted(set(_codes(event.recipients))) == sorted(recipients)


def test_asking_a_question_is_no_request(coder):
    events = _events(coder, "The minister smiled when asked about the coming elections in Lagos.")
    assert not [e for e in events if e.event_type == "REQUEST"]


@pytest.mark.parametrize(
    "text, cameo, actors, recipients",
    [
        # "must" in reported speech: the speaker's demand of the act's subject, coded through the demand table
        ("Greece said on Monday that Turkey must withdraw its troops from the island.", "10", ["GRC"], ["TUR"]),
        # "should": an appeal; a noun event under its support verb counts too ("should hold talks")
        ("Kenya said Ethiopia and Eritrea should hold talks.", "02", ["KEN"], ["ERI", "ETH"]),
        # the obliged act need not be a trigger: a generic demand (100) of the clause's subject
        ("The Japanese foreign minister stated that North Korea must dismantle its missile sites.", "100",
         ["JPN"], ["PRK"]),
        # a that-clause stated by a verb that is no reporting verb, or completing a statement noun; "it" is the
        # addressee the statement names
        ("The African Union concluded on Friday that Sudan should reopen its border crossings.", "02", ["IGOAU"],
         ["SDN"]),
        ("The Italian premier addressed a note to Serbia that it must honour the border accord.",
         "100", ["ITA"], ["SRB"]),
        # an intended act under the obligation: "must be willing to negotiate"
        ("Chile said Argentina must be willing to reopen the border talks.", "10", ["CHL"], ["ARG"]),
    ],
)
def test_obligation_in_reported_speech_is_a_demand(coder, text, cameo, actors, recipients):
    event = _one(coder, text, "REQUEST")
    assert event.cameo.startswith(cameo) and event.status == "asserted"  # 10x demands, 02x appeals
    assert _codes(event.actors) == actors and sorted(_codes(event.recipients)) == recipients


@pytest.mark.parametrize(
    "text",
    [
        "Germany said it must rethink its energy policy.",  # the speaker obliges itself
        "Brazil said that we must protect the rainforest.",  # a resolve, not a demand
        "Peru argued that the tariffs must be lifted.",  # passive: no one named to act
        "Chile said that Bolivia must not close the border.",  # left to the negated act
    ],
)
def test_obligation_on_oneself_or_no_one_is_no_demand(coder, text):
    assert not [e for e in _events(coder, text) if e.event_type == "REQUEST"]


@pytest.mark.parametrize(
    "text, cameo",
    [
        # pulling one's peacekeepers or inspectors out of a country punishes it (166x), unlike troops off a front
        ("Ghana withdrew its peacekeeping battalion from Liberia on Friday.", "1661"),
        ("The IAEA recalled its inspectors from Syria.", "1662"),
        # "declined to" / "refused to" an act: a rejection of that act (the refusal table)
        ("The Ghanaian interior minister refused to resign after the riots in Accra.", "124"),
        # an event noun modifying a container noun ("a mediation effort") names the event
        ("Norway started a mediation process between Colombia and Venezuela.", "045"),
        ("Police beat up striking miners near Johannesburg.", "182"),
        # an attempted act is coded as the act (CAMEO), not as an intention
        ("Gunmen attempted to assassinate the mayor of Kandahar.", "186"),
        ("Ecuador abandoned its mediation between Peru and Colombia.", "165"),  # 165: halt mediation
        ("Spain's suspension of flights to Venezuela began on Monday.", "160"),
        # peacekeepers arriving in a country are deployed there, they do not visit it
        ("Nepali peacekeepers arrived in Lebanon on Friday.", "074"),
    ],
)
def test_sense_of_withdrawals_and_refusals(coder, text, cameo):
    codes = [e.cameo for e in _events(coder, text)]
    assert cameo in codes, codes


def test_a_mediator_acts_on_the_sides_it_mediates_between(coder):
    event = _one(coder, "Norway started a mediation process between Colombia and Venezuela.", "CONSULT")
    assert _codes(event.actors) == ["NOR"] and sorted(_codes(event.recipients)) == ["COL", "VEN"]


def test_a_pronoun_with_no_other_antecedent_is_the_speaker(coder):
    event = _one(coder, "Gunmen claimed they had attempted to kill the mayor of Kandahar.", "ASSAULT")
    assert [a.sector for a in event.actors] == ["REB"]


def test_a_journey_is_placed_by_its_participle_clause(coder):
    text = "The Malian president made a two-day journey in May, opening a trade fair in Dakar."
    trip = _one(coder, text, "CONSULT")
    assert trip.location is not None and trip.location.name == "Dakar"


@pytest.mark.parametrize(
    "text, actors, recipients",
    [
        # "provided X with Y": X receives
        ("Japan provided Kenya with emergency food aid.", ["JPN"], ["KEN"]),
        # an amount "in assistance" under a verb of giving: one act, the phrase's recipient kept
        ("Ireland allocated 2 million euros in humanitarian assistance for Malawi.", ["IRL"], ["MWI"]),
    ],
)
def test_aid_sides(coder, text, actors, recipients):
    event = _one(coder, text, "AID")
    assert _codes(event.actors) == actors and _codes(event.recipients) == recipients


def test_a_demanded_act_is_the_demand_of_its_subject(coder):
    events = _events(coder, "The opposition demanded that the Georgian government release the detained activists.")
    request = [e for e in events if e.event_type == "REQUEST"]
    assert len(request) == 1 and request[0].cameo.startswith("10")
    assert _codes(request[0].recipients) == ["GEO"]
    assert not [e for e in events if e.event_type == "RETREAT"]  # the release has not happened


def test_a_demand_noun_with_a_that_clause_names_its_recipient(coder):
    event = _one(coder, "Ankara stands by its demand that Athens withdraw its warships from the islets.", "REQUEST")
    assert _codes(event.recipients) == ["GRC"]


@pytest.mark.parametrize(
    "text, trigger",
    [
        # an intent over a noun event: the support verb is what is intended
        ("Kenya hopes to hold talks with Ethiopia.", "hopes to hold talks"),
        # an intent noun governing the act
        ("Mr Ruto showed willingness to restart negotiations with Ethiopia.", "willingness to restart negotiations"),
        ("Kenya expressed readiness to meet Ethiopia.", "readiness to meet"),
    ],
)
def test_intended_meetings_are_intents(coder, text, trigger):
    event = _one(coder, text, "AGREE")
    assert event.cameo == "036" and event.trigger.text == trigger
    assert _codes(event.recipients) == ["ETH"]
    assert not [e for e in _events(coder, text) if e.event_type == "CONSULT"]


def test_an_expected_attendance_is_a_future_meeting_not_an_intent(coder):
    event = _one(coder, "The Kenyan president is expected to attend the summit in Addis Ababa.", "CONSULT")
    assert event.status == "future"


def test_the_group_is_the_organisation_last_named(coder):
    text = ("Hamas officials met Egyptian mediators in Cairo on Monday. "
            "On Tuesday the group rejected a ceasefire plan put forward by Qatar.")
    event = _one(coder, text, "REJECT")
    assert [a.code for a in event.actors] == ["PSEREB"]
    assert _codes(event.recipients) == ["QAT"]  # the plan's proposer, through "put forward by"


def test_a_threat_aims_at_the_subject_of_its_condition(coder):
    events = _events(coder, "Eritrea threatened to mount a fresh assault unless Ethiopia pulled back from the border town.")
    threat = [e for e in events if e.event_type == "THREATEN"]
    assert threat and _codes(threat[0].actors) == ["ERI"] and _codes(threat[0].recipients) == ["ETH"]
    assert not [e for e in events if e.event_type == "ASSAULT"]  # the assault is only threatened


@pytest.mark.parametrize(
    "text, recipients",
    [
        # a purpose clause names the protest's target
        ("Nurses in Lima held a sit-in on Monday to demand the resignation of the Peruvian health minister.",
         ["PER"]),
        # so does a participle clause
        ("Crowds of Catalans marched in Girona on Saturday, calling for a referendum on secession from Spain.",
         ["ESP"]),
    ],
)
def test_a_protest_is_aimed_at_the_target_of_its_purpose(coder, text, recipients):
    events = _events(coder, text)
    assert events and events[0].event_type == "PROTEST"  # the protest is told first and kept
    assert _codes(events[0].recipients) == recipients


def test_an_alleged_act_names_its_accuser(coder):
    shelling = _one(coder, "Ghana accused Togo of shelling border villages.", "ASSAULT")
    assert shelling.status == "alleged"
    assert _codes(shelling.actors) == ["TGO"] and shelling.attribution is not None
    assert shelling.attribution.country == "GHA"


def test_the_cameo_convention_codes_the_accusation_only(coder):
    from whodid.conventions import apply_convention

    events = apply_convention(_events(coder, "Chad accused Sudan of arming the rebels."), "cameo")
    assert [e.event_type for e in events] == ["ACCUSE"]


@pytest.mark.parametrize("text, actors, place", [
    # a noun subject naming the same act lends the verb its actor and its place
    ("The attack by Ugandan troops killed nine villagers.", ["UGA"], None),
    ("A Chadian air strike on the town of Abeche killed six people.", ["TCD"], "Abeche"),
    # the place attacked is where an attack happened
    ("Sudanese rebels shelled Kassala on Sunday.", ["SDN"], "Kassala"),
])
def test_attacks_take_actor_and_place_from_their_own_words(coder, text, actors, place):
    event = _one(coder, text, "ASSAULT")
    assert _codes(event.actors) == actors
    assert (event.location.text if event.location else None) == place


@pytest.mark.parametrize("text", [
    "Greece demanded that its NATO allies refuse to recognise the new state.",
    "The ILO renewed its demand that Qatar ease restrictions on migrant workers.",
])
def test_an_act_demanded_in_a_that_clause_has_not_happened(coder, text):
    assert [e.event_type for e in _events(coder, text)] == ["REQUEST"]


@pytest.mark.parametrize("text", [
    "Bolivia rejected a Chilean offer to hold talks on sea access.",
    "The United Nations rejected a call for its peacekeepers to be deployed in Darfur.",
])
def test_an_act_offered_or_asked_for_and_refused_has_not_happened(coder, text):
    assert [e.event_type for e in _events(coder, text)] == ["REJECT"]


def test_a_support_verb_in_a_relative_clause_names_the_doer(coder):
    event = _one(coder, "The sanctions that the United States imposed on Iran in 2018 remain in force.", "SANCTION")
    assert (_codes(event.actors), _codes(event.recipients), event.date) == (["USA"], ["IRN"], "2018")


def test_a_relative_pronoun_subject_is_the_noun_it_modifies(coder):
    event = _one(coder, "Egypt condemned the attack by militants that killed 20 soldiers in Sinai.", "ASSAULT")
    assert [a.sector for a in event.actors] == ["REB"] and [a.sector for a in event.recipients] == ["MIL"]


def test_the_people_released_are_the_recipients(coder):
    event = _one(coder, "Hamas freed Israeli hostages.", "RETREAT")
    assert _codes(event.recipients) == ["ISR"]


def test_the_event_noun_of_a_passive_agent_lends_its_doers(coder):
    event = _one(coder, "Mali was hit by French air strikes.", "ASSAULT")
    assert (_codes(event.actors), _codes(event.recipients)) == (["FRA"], ["MLI"])


def test_the_two_men_are_the_pair_but_two_men_are_new_people(coder):
    story = "Chad's president met Sudan's president in Paris in June 2015. "
    pair = _events(coder, story + "The two men discussed the border.")
    assert any(sorted(_codes(e.actors)) == ["SDN", "TCD"] for e in pair if e.trigger.text == "discussed")
    strangers = _one(coder, story + "Police arrested two men near the palace.", "COERCE")
    assert not {"SDN", "TCD"} & set(_codes(strangers.recipients))


def test_a_capital_attacked_is_the_place_not_its_government(coder):
    shelled = _one(coder, "Russian missiles struck Kyiv overnight.", "ASSAULT")
    assert [(a.code, a.sector) for a in shelled.recipients] == [("UKR", None)]
    said = _one(coder, "Washington condemned the attack.", "ACCUSE")
    assert [a.code for a in said.actors] == ["USAGOV"]


def test_acts_between_private_persons_are_no_political_events(coder):
    assert not _events(coder, "The man tried to flee on foot.")
    assert not _events(coder, "A woman sued a man over an unpaid loan.")
    arrest = _one(coder, "A man was arrested outside the presidential palace in Lima.", "COERCE")
    assert _codes(arrest.recipients) == ["PER"]  # an arrest is the state's act whoever it concerns
    assert _one(coder, "Soldiers shot a man near the border post.", "ASSAULT").actors


def test_person_with_an_organisation_post_in_apposition_acts_for_the_organisation(coder):
    text = "Hiroshi Tanabe, the United Nations Emergency Relief Coordinator, demanded that the warring parties allow aid in."
    event = next(e for e in coder.code_text(text, published="2003-05-01") if e.trigger.text == "demanded")
    assert [a.code for a in event.actors] == ["IGOUNO"]
    plain = "Hiroshi Tanabe, a Japanese diplomat, demanded that the warring parties allow aid in."
    event = next(e for e in coder.code_text(plain, published="2003-05-01") if e.trigger.text == "demanded")
    assert all(a.sector != "IGO" for a in event.actors)


def test_a_demand_made_by_protesting_is_the_protest(coder):
    events = coder.code_text("Thousands of students marched through Dhaka on Sunday to demand the resignation of the "
                             "education minister.", published="2016-05-01")
    assert [(e.event_type, e.cameo) for e in events] == [("PROTEST", "1411")]  # for a new leader, no separate demand
    events = coder.code_text("Protesters in Lagos rioted after police demanded that they leave the square.",
                             published="2016-05-01")
    assert {e.event_type for e in events} == {"PROTEST", "REQUEST"}  # the police's demand is their own act


def test_a_date_is_never_a_side(coder):
    events = coder.code_text("Serbia eased emergency measures on Wednesday in the province.", published="1990-05-01")
    assert events and all(a.text != "Wednesday" for e in events for a in e.actors + e.recipients)


def test_unknown_names_on_both_sides_of_a_meeting_are_kept(coder):
    event = coder.code_text("Officials confirmed a meeting between Jared Kushner and Sergey Gorkov in December.",
                            published="2017-03-28")[0]
    assert [a.text for a in event.actors] == ["Jared Kushner", "Sergey Gorkov"]
    assert whodid_code("Russian banker Sergey Gorkov") == "RUSBUS"


def whodid_code(text: str) -> str | None:
    import whodid

    actor = whodid.resolve_actor(text, date="2017-03-28")
    return actor.code if actor else None


def test_a_stance_participle_is_held_by_its_subject(coder):
    event = coder.code_text("Chile is opposed to Spanish arbitration in the dispute.", published="2000-01-01")[0]
    assert [a.country for a in event.actors] == ["CHL"]
    event = coder.code_text("The bill was opposed by the opposition party.", published="2000-01-01")[0]
    assert [a.code for a in event.actors] == ["OPP"]  # a real passive keeps its agent


def test_its_after_an_organisation_the_knowledge_lacks_is_that_organisation(coder):
    text = ("Egypt detained the journalist in December. The Vantara Press Institute today renewed its call on Egypt "
            "to free him.")
    event = next(e for e in coder.code_text(text, published="2017-03-12") if e.trigger.text == "call")
    assert [a.text for a in event.actors] == ["The Vantara Press Institute"]  # not Egypt, named before "its"
    assert [a.country for a in event.recipients] == ["EGY"]


def test_a_town_before_an_attack_noun_is_its_place_a_country_its_doer(coder):
    events = coder.code_text("Soldiers were sent to guard stations after the Paris attacks of November 2015.",
                             published="2017-03-18")
    assert not any(a.name == "Paris" for e in events for a in e.actors)
    event = next(e for e in coder.code_text("Recent US drone attacks have killed eight militant leaders.",
                                            published="2010-01-01") if e.trigger.text == "killed")
    assert [a.country for a in event.actors] == ["USA"]


def test_they_after_a_group_placed_in_a_country_is_the_group(coder):
    # "Chad" is inside the rebels' phrase: "they" are the rebels, not the country
    events = coder.code_text("Rebels in Chad said they will release the former prime minister on Sunday.",
                             published="2016-05-01")
    assert [a.code for a in events[0].actors] == ["TCDREB"]


@pytest.mark.parametrize("text, actor", [
    ("Ghana accepted a proposal from Togo to reopen the border.", "TGO"),
    ("Ghana welcomed Togo's offer to mediate between the rivals.", "TGO"),
    ("Ghana announced its readiness to reopen talks with Togo.", "GHA"),  # "its": the one who announced it
])
def test_an_intent_noun_is_its_owners_not_the_listeners(coder, text, actor):
    # the offer or proposal is made by its owner ("Togo's", "from Togo"), not by whoever accepts or welcomes it
    intent = next(e for e in _events(coder, text) if e.event_type == "AGREE" and e.trigger.text != "accepted")
    assert _codes(intent.actors) == [actor]
