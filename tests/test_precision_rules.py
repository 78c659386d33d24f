"""Rules from the precision audit on real news (benchmarks/precision_audit.py): each is checked on sentences
written for these tests, none taken from a corpus."""
from __future__ import annotations

import pytest

PUBLISHED = "2017-03-10"


def _events(coder, text: str):
    return coder.code_text(text, published=PUBLISHED)


def _names(side) -> list[str]:
    return [a.name or a.text for a in side]


def _codes(side) -> list[str | None]:
    return [a.code for a in side]


# -- 1. an unknown full name keeps its surname (and "he") for the story ----------------------------------------

def test_bare_surname_after_unknown_full_name_is_not_a_known_namesake(coder):
    events = _events(coder, "Jordanian police detained the teacher Omar Hussein in Amman. "
                            "Human Rights Watch criticised the detention of Hussein.")
    for e in events:
        assert "IRQELI" not in _codes(e.actors) + _codes(e.recipients)
        assert "Saddam Hussein" not in _names(e.actors) + _names(e.recipients)


def test_bare_surname_still_names_the_known_person_the_story_names(coder):
    events = _events(coder, "Saddam Hussein invaded Kuwait in 1990. Hussein later threatened Israel.")
    threat = next(e for e in events if e.event_type == "THREATEN")
    assert _names(threat.actors) == ["Saddam Hussein"]


def test_known_person_named_after_the_unknown_one_takes_the_surname_back(coder):
    events = _events(coder, "The lawyer Mehmet Erdogan sued the state. Recep Tayyip Erdogan met Vladimir Putin in "
                            "Sochi. Erdogan later criticised Syria.")
    accuse = next(e for e in events if e.event_type == "ACCUSE" and e.trigger.text == "criticised")
    assert _names(accuse.actors) == ["Recep Tayyip Erdogan"]


def test_titled_surname_is_not_blocked(coder):
    events = _events(coder, "The farmer Carlos Trump sued his neighbour. President Trump met Angela Merkel.")
    meeting = next(e for e in events if e.event_type == "CONSULT")
    assert "USAGOV" in _codes(meeting.actors)


def test_surname_that_is_a_place_names_the_person_not_the_place(coder):
    events = _events(coder, "Deputy Rosa de Quito was detained on Friday. De Quito denied the charges.")
    for e in events:
        assert "ECU" not in [a.country for a in e.actors + e.recipients]


def test_family_name_first_in_an_unknown_name(coder):
    events = _events(coder, "Kim Song Chol, a trade official, defected in May. North Korea accused Kim of theft.")
    for e in events:
        assert "PRKGOV" not in _codes(e.recipients)


def test_town_inside_an_unknown_name_is_no_side(coder):
    events = _events(coder, "Deputy Rosa de Quito was detained on Friday. Amnesty International condemned de "
                            "Quito's detention.")
    for e in events:
        assert "ECU" not in [a.country for a in e.actors + e.recipients]


def test_he_in_a_person_s_statement_is_that_person(coder):
    events = _events(coder, "Judge Mira Halvorsen met police chief Ivan Petrov. "
                            "Judge Halvorsen said she was asked to review the case.")
    asked = next(e for e in events if e.trigger.text == "asked")
    assert _names(asked.recipients) == ["Halvorsen"]
    assert asked.attribution is not None


def test_he_after_unknown_full_name_is_that_person(coder):
    events = _events(coder, "Vladimir Putin met Angela Merkel on Friday. "
                            "Carlos Mendes, a farmer, said he would attack the factory.")
    for e in events:
        if e.trigger.text == "attack":
            assert not {"DEUGOV", "RUSGOV"} & set(_codes(e.actors))


# -- 2. the dateline city is never a side ----------------------------------------------------------------------

def test_dateline_made_subject_gives_way_to_its_apposition(coder):
    events = _events(coder, "TOKYO, May 5 - French Trade Minister Paul Girard praised Japan's new farm policies.")
    praise = next(e for e in events if e.event_type == "SUPPORT")
    assert _codes(praise.actors) == ["FRAGOV"]
    assert _codes(praise.recipients) == ["JPN"]


def test_dateline_is_not_the_subject_when_the_clause_has_its_own(coder):
    events = _events(coder, "KABUL, May 3 - Taliban fighters attacked a police post in Kandahar.")
    attack = next(e for e in events if e.event_type == "ASSAULT")
    assert "AFGGOV" not in _codes(attack.actors)
    assert _codes(attack.actors) == ["AFGREB"]


def test_dateline_is_cut_from_a_phrase_and_from_pronoun_memory(coder):
    events = _events(coder, "OSLO (Reuters) - The Green Party said it would protest against the plan.")
    for e in events:
        assert "NOR" not in [a.country for a in e.actors]


# -- 3. a town before an accord or talks noun names it, it is no side ------------------------------------------

def test_town_naming_a_meeting_is_no_side(coder):
    events = _events(coder, "The Doha talks on Afghanistan ended on Tuesday.")
    for e in events:
        assert "QATGOV" not in _codes(e.actors) + _codes(e.recipients)


def test_town_naming_an_accord_is_no_recipient(coder):
    signed = next(e for e in _events(coder, "Russia and Ukraine signed the Minsk agreement in 2015.")
                  if e.event_type == "SUPPORT")
    assert sorted(_codes(signed.actors)) == ["RUS", "UKR"]
    assert signed.recipients == []
    rejected = next(e for e in _events(coder, "The Paris climate agreement was rejected by Washington.")
                    if e.event_type == "REJECT")
    assert rejected.recipients == []


def test_country_before_talks_is_still_a_party(coder):
    talks = next(e for e in _events(coder, "US-China talks resumed in Beijing.") if e.event_type == "CONSULT")
    assert sorted(_codes(talks.actors)) == ["CHN", "USA"]


# -- 4. businesses alone make no cooperative political event ------------------------------------------------------

def test_company_deal_is_no_political_event(coder):
    for text in ("Two banks agreed to merge.", "The company also promised a new logo.",
                 "Acme Corp agreed to acquire a stake in Zorgan Holdings Ltd."):
        assert not [e for e in _events(coder, text) if e.event_type in ("AGREE", "COOPERATE")], text


def test_company_dealing_with_a_government_stays(coder):
    events = _events(coder, "Zorgan Holdings signed a deal with the Kenyan government.")
    deal = next(e for e in events if e.event_type == "SUPPORT")
    assert _codes(deal.recipients) == ["KENGOV"]


def test_business_rule_needs_a_business(coder):
    from whodid.arguments import ArgumentRules
    from whodid.senses import commercial_act
    from whodid.model import Actor

    rules = ArgumentRules.default()
    firm = Actor(text="Acme Corp", why="unresolved")
    unknown = Actor(text="Zorgania", why="unresolved")
    state = Actor(text="Kenya", code="KEN", country="KEN")
    assert commercial_act("AGREE", [firm], [unknown], rules)
    assert not commercial_act("AGREE", [firm], [state], rules)
    assert not commercial_act("AGREE", [unknown], [], rules)
    assert not commercial_act("ASSAULT", [firm], [], rules)
    assert not commercial_act("AGREE", [unknown], [firm], rules)  # the doer is no business
    ken = Actor(text="a Kenyan firm", code="KENBUS", country="KEN", sector="BUS")
    deu = Actor(text="a German firm", code="DEUBUS", country="DEU", sector="BUS")
    assert not commercial_act("AGREE", [ken], [deu], rules)  # international economic cooperation
    assert commercial_act("AGREE", [deu], [Actor(text="another German firm", code="DEUBUS", country="DEU",
                                                 sector="BUS")], rules)


# -- 5. "exchange" is fighting only with fire -------------------------------------------------------------------

def test_exchange_of_fire_is_fighting(coder):
    for text in ("Indian troops exchanged fire with Pakistani troops.",
                 "An exchange of fire between Indian and Pakistani troops killed two soldiers."):
        assert [e for e in _events(coder, text) if e.event_type == "ASSAULT"], text


def test_exchange_of_views_or_prisoners_is_no_fighting(coder):
    for text in ("Russia and Ukraine held an exchange of views.",
                 "The exchange between Russia and the United States grew heated.",
                 "Israel and Hamas exchanged prisoners."):
        assert not [e for e in _events(coder, text) if e.event_type == "ASSAULT"], text


# -- 6. attacking, cutting or killing a figure is no event ------------------------------------------------------

def test_figure_objects_make_no_event(coder):
    for text in ("The minister's approval rating hit 20 percent in May.",
                 "The bill eliminates spending on rural roads.",
                 "Acme slashed its forecast by 5 percent on Monday."):
        assert not [e for e in _events(coder, text) if e.event_type in ("ASSAULT", "SANCTION", "COERCE")], text


def test_parties_as_objects_still_make_events(coder):
    cut = next(e for e in _events(coder, "The government cut aid to Malawi by 10 percent.")
               if e.event_type == "SANCTION")
    assert _codes(cut.recipients) == ["MWI"]
    assert [e for e in _events(coder, "Gunmen killed 25 people in Kabul.") if e.event_type == "ASSAULT"]


# -- 7. an event noun after "proposed", "planned", "alleged" is no event ----------------------------------------

def test_attributive_participle_makes_no_event(coder):
    for text, event_type in (("Pakistan's proposed talks with India were delayed.", "CONSULT"),
                             ("Syria's planned offensive on Idlib worried Turkey.", "ASSAULT"),
                             ("An alleged attack by Russian troops on Ukrainian villages angered Kiev.", "ASSAULT")):
        assert not [e for e in _events(coder, text) if e.event_type == event_type], text


def test_event_noun_without_the_participle_stays(coder):
    assert [e for e in _events(coder, "Pakistan held talks with India.") if e.event_type == "CONSULT"]


# -- 8. an object determined by "no" negates the act --------------------------------------------------------------

def test_object_no_negates_the_verb_event(coder):
    for text in ("Russia gave no support to the rebels.", "The US offered no aid to Venezuela."):
        events = _events(coder, text)
        assert events and all(e.status == "negated" for e in events), text


def test_object_without_no_stays_asserted(coder):
    events = _events(coder, "Russia gave support to the rebels.")
    assert events and all(e.status == "asserted" for e in events)


# -- senses and subjects found in the fresh sample ----------------------------------------------------------------

def test_crimes_committed_are_no_commitment(coder):
    events = _events(coder, "Police accused the clerk of committing fraud.")
    assert not [e for e in events if e.event_type == "AGREE"]


def test_withdrawing_an_offer_or_ignoring_a_fact_is_no_event(coder):
    assert not [e for e in _events(coder, "The city council withdrew its offer to the teachers.")
                if e.event_type == "RETREAT"]
    assert not [e for e in _events(coder, "The ministers ignored the fact that prices rose.")
                if e.event_type == "REJECT"]
    assert [e for e in _events(coder, "Russia withdrew its troops from Syria.") if e.event_type == "RETREAT"]


def test_shooting_back_an_answer_is_no_shooting(coder):
    assert not [e for e in _events(coder, '"That is false," the spokesman shot back.') if e.event_type == "ASSAULT"]


def test_storms_and_scandals_do_nothing(coder):
    for text in ("A hurricane struck the coast of Cuba.", "The scandal hit the ruling party in March."):
        assert not _events(coder, text), text
    assert [e for e in _events(coder, "Russian jets struck Aleppo.") if e.event_type == "ASSAULT"]


def test_imperative_headline_is_no_event(coder):
    assert not _events(coder, "Meet the new candidates for mayor.")


def test_insisting_on_a_claim_is_no_demand(coder):
    for text in ("The candidate insisted that he would stay in the race.",
                 "Her family insists she did nothing wrong."):
        assert not [e for e in _events(coder, text) if e.event_type == "REQUEST"], text
    demand = next(e for e in _events(coder, "Egypt insisted that Israel withdraw from Gaza.")
                  if e.event_type == "REQUEST")
    assert _codes(demand.recipients) == ["ISR"]


def test_obligation_on_no_one_is_no_demand(coder):
    assert not _events(coder, "Senator Miller said the new law should provide relief to fishermen.")
    demand = next(e for e in _events(coder, "Greece said Turkey must withdraw its troops.")
                  if e.event_type == "REQUEST")
    assert _codes(demand.recipients) == ["TUR"]


def test_us_in_capitals_is_the_country(coder):
    demand = next(e for e in _events(coder, "Brazil's foreign minister said that the US must lift its tariffs.")
                  if e.event_type == "REQUEST")
    assert _codes(demand.recipients) == ["USA"]


def test_she_after_an_unknown_person_s_surname_is_that_person(coder):
    events = _events(coder, "President Rodrigo Duterte criticised the senator. Senator Rosa Quintero was detained "
                            "on Friday. Quintero said she would sue Duterte.")
    sue = next(e for e in events if e.trigger.text == "sue")
    assert "PHLGOV" not in _codes(sue.actors)


def test_one_word_igo_alias_inside_a_longer_name_is_not_the_igo():
    from whodid.actors import ActorKB

    kb = ActorKB.default()
    for phrase in ("the State Pricing and Planning Commission", "a Commission of Inquiry",
                   "the Ghanaian Electoral Commission"):
        actor = kb.lookup(phrase, "2017-03-01")
        assert actor is None or actor.code != "IGOEUEC", phrase
    assert kb.lookup("the European Commission", "2017-03-01").code == "IGOEUEC"


def test_asking_a_question_is_no_request(coder):
    for text in ("Merkel asked.", "I asked one of the guards."):
        assert not _events(coder, text), text
    for text in ("Russia asked the UN to send observers.", "Mexico asked that the US return the migrants."):
        assert [e for e in _events(coder, text) if e.event_type == "REQUEST"], text


def test_talking_about_a_topic_is_no_meeting(coder):
    assert not _events(coder, "The candidate Omar Farouk talked to the BBC about his campaign.")
    assert [e for e in _events(coder, "Putin talked with Merkel by phone.") if e.event_type == "CONSULT"]


def test_suggesting_an_opinion_is_no_proposal(coder):
    assert not _events(coder, "One analyst suggested that the slump could be due to the weather.")
    assert [e for e in _events(coder, "Russia suggested a meeting with Ukraine.") if e.event_type == "AGREE"]


def test_a_visit_needs_a_known_visitor(coder):
    assert not _events(coder, "There was also a visit to the Louvre.")
    assert [e for e in _events(coder, "Merkel made a trip to China.") if e.event_type == "CONSULT"]


def test_acts_done_only_to_businesses_are_commercial(coder):
    assert not _events(coder, "New subsidies were granted to the shipping firms.")


def test_subject_pronoun_continues_the_previous_subject(coder):
    events = _events(coder, "Angela Merkel spoke on Monday. She blamed Vladimir Putin for the delay. "
                            "She blamed Emmanuel Macron for the crisis.")
    blames = [e for e in events if e.event_type == "ACCUSE"]
    assert len(blames) == 2 and all(_codes(e.actors) == ["DEUGOV"] for e in blames)


def test_given_name_of_an_unknown_person_is_not_a_known_surname(coder):
    events = _events(coder, "Paul Hughes pulled the bill on Monday. Critics blamed Paul for the defeat.")
    for e in events:
        assert "HTIELI" not in _codes(e.recipients)


def test_shops_offers_and_posed_threats_are_no_events(coder):
    assert not _events(coder, "The new cafe offers a range of pastries.")
    assert not _events(coder, "Critics say the plan poses a threat to press freedom.")


def test_pests_do_nothing(coder):
    assert not [e for e in _events(coder, "Wheat fields in Kenya were hit by locusts.") if e.event_type == "ASSAULT"]


def test_fighting_words_need_an_armed_side(coder):
    for text in ("For months, the mayor has fought claims that he misused funds.",
                 "The governor faces a tight battle with her rival in the primary."):
        assert not [e for e in _events(coder, text) if e.event_type == "ASSAULT"], text
    for text in ("Iraqi forces fight house to house in Mosul.", "India and Pakistan fought three wars.",
                 "Protesters clashed with police in Cairo."):
        assert [e for e in _events(coder, text) if e.event_type == "ASSAULT"], text


def test_trigger_words_inside_names_are_no_events(coder):
    for text in ("The Defend Democracy Rally will take place on Sunday.",
                 "The old British Concession in Tianjin is a museum quarter."):
        assert not _events(coder, text), text
    assert [e for e in _events(coder, "Russia and Ukraine signed the Minsk Agreement in 2015.")
            if e.event_type == "SUPPORT"]


def test_what_a_law_requires_is_no_demand(coder):
    assert not _events(coder, "The health law requires insurers to cover mental health treatment.")
    assert [e for e in _events(coder, "Egypt demanded that Israel withdraw from Gaza.") if e.event_type == "REQUEST"]


def test_a_person_named_like_a_town_is_not_the_town(coder):
    events = _events(coder, "While Mary and her brother were talking to the guards, the bus left.")
    for e in events:
        assert "TKM" not in _codes(e.actors) + _codes(e.recipients)


# -- round 3 (wave 8): senses and no-event rules from a fresh held-out sample -----------------------------------

def _types(coder, text: str) -> list[str]:
    return [e.event_type for e in _events(coder, text)]


def test_asking_not_to_be_named_is_no_request(coder):
    for text in ("A Ruritanian official, who asked not to be named, said the talks had stalled.",
                 "Two diplomats who requested not to be identified described the meeting as tense."):
        assert "REQUEST" not in _types(coder, text), text
    assert "REQUEST" in _types(coder, "The minister asked the envoy to leave the country.")


def test_an_epidemic_or_a_fire_kills_without_a_killer(coder):
    for text in ("The cholera outbreak, which killed 300 people, spread to the capital.",
                 "Two workers were killed in a fire at the refinery on Tuesday."):
        assert "ASSAULT" not in _types(coder, text), text
    assert "ASSAULT" in _types(coder, "Two soldiers were killed in an ambush near the border.")
    assert "ASSAULT" in _types(coder, "The militia, which killed 30 villagers, withdrew to the hills.")


def test_what_a_measure_targets_is_not_attacked(coder):
    for text in ("The president signed orders targeting foreign drug gangs.",
                 "The new tax, which hits small farmers hardest, takes effect in May."):
        assert "ASSAULT" not in _types(coder, text), text
    assert "ASSAULT" in _types(coder, "Rebels targeted a police station in the north.")


def test_films_hit_cinemas_and_campaigns_target_buyers(coder):
    for text in ("The new film hit cinemas across the country on Friday.",
                 "The agency recommended targeting aid programmes for cuts.",
                 "The advertisements target young shoppers in the suburbs."):
        assert "ASSAULT" not in _types(coder, text), text
    assert "ASSAULT" in _types(coder, "A missile hit a school in the town.")


def test_a_warning_of_a_danger_is_no_threat(coder):
    for text in ("The opposition warned that the new law violates the constitution.",
                 "The central bank warned that prices would rise.",
                 "The minister issued a warning that the harvest may fail."):
        assert "THREATEN" not in _types(coder, text), text
    for text in ("Iran warned that it would retaliate against any attack.",
                 "Iran warned that any attack would be met with a crushing response.",
                 "Russia warned the United States against deploying missiles.",
                 "The senator warned that foreign conflicts should not be brought to Ruritania."):
        assert "THREATEN" in _types(coder, text), text


def test_thank_god_is_no_praise(coder):
    assert "SUPPORT" not in _types(coder, "Thank God nobody was hurt, the mayor said.")
    assert "SUPPORT" in _types(coder, "The president thanked Japan for its support.")


def test_surrounding_needs_an_armed_side(coder):
    for text in ("The advisers who surround the president rarely disagree with him.",
                 "Confusion surrounding the new policy worried investors."):
        assert "COERCE" not in _types(coder, text), text
    for text in ("Troops surrounded the town on Monday.", "Government forces encircled the rebel-held district."):
        assert "COERCE" in _types(coder, text), text


def test_meeting_interests_is_no_meeting(coder):
    assert "CONSULT" not in _types(coder, "The deal would meet the interests of both countries.")
    assert "CONSULT" in _types(coder, "The minister met the premier in Oslo.")


def test_agreeing_with_a_view_is_no_accord(coder):
    for text in ('"The figures are not that bad for the bond market," agreed one analyst at a Frankfurt bank.',
                 "The economist agreed that the figures were weak.",
                 "The senator agreed that the aid package should cover all farmers.",
                 "Many voters do not agree with her methods.",
                 "The minister agreed with him and said the plan was sound."):
        assert "AGREE" not in _types(coder, text), text
    for text in ("Israel and Hamas agreed on a truce.", "Japan agreed to open its markets to American rice.",
                 "The rebels agreed a ceasefire with the army.", "Iran agreed with Russia to hold talks in Geneva."):
        assert "AGREE" in _types(coder, text), text


def test_markets_and_opinions_are_no_offers_or_backing(coder):
    for text in ("The Bundesbank was offering money market liquidity at 3.6 percent.",
                 "The president offered his take on the crisis.",
                 "The central bank intervened to support the dollar."):
        assert not {"AGREE", "SUPPORT"} & set(_types(coder, text)), text
    assert "AGREE" in _types(coder, "Turkey offered humanitarian aid to Syria.")
    assert "SUPPORT" in _types(coder, "The United States backed the rebels in the north.")


def test_pressing_questions_are_no_pressure(coder):
    assert "REQUEST" not in _types(coder, "Reporters face pressing questions about the war.")
    assert "REQUEST" in _types(coder, "Washington pressed Seoul to drop the tariffs.")


def test_a_warning_of_what_forces_will_do_is_a_threat(coder):
    assert "THREATEN" in _types(coder, "The defence minister warned that the armed forces would respond to any "
                                       "incursion.")


def test_several_agreeing_on_what_should_be_done_is_an_accord(coder):
    assert "AGREE" in _types(coder, "The ministers agreed that the steel plan should be expanded next year.")


def test_agreeing_with_named_partners_on_what_should_be_done_is_an_accord(coder):
    events = coder.code_text("Chile agrees with Peru and Bolivia that the border dispute should be settled in court.",
                             published="2010-01-01")
    assert [e.event_type for e in events] == ["AGREE"]
    assert coder.code_text("The senator agreed that aid should be cut.", published="2010-01-01") == []

# -- round 4 (w9-precision2): senses of existing triggers and no-event rules -------------------------------------

def test_labour_strike_verb_is_no_attack(coder):
    events = _events(coder, 'Nurses who cannot strike will wear black armbands. "We strike for our patients," '
                            'the union said.')
    assert not [e for e in events if e.event_type == "ASSAULT"]


def test_long_strike_noun_is_no_attack(coder):
    events = _events(coder, "A nine-month strike against a fish cannery ended on Tuesday.")
    assert not [e for e in events if e.event_type == "ASSAULT"]


def test_armed_strike_verb_stays(coder):
    events = _events(coder, "Iranian jets will strike rebel positions near the border. "
                            "Insurgents struck for the second time this week in Kandahar.")
    assert [e for e in events if e.event_type == "ASSAULT" and e.trigger.text == "strike"]
    assert [e for e in events if e.event_type == "ASSAULT" and e.trigger.text == "struck"]


def test_hit_by_prices_or_a_currency_is_no_attack(coder):
    events = _events(coder, "Farmers in the north were hit by falling prices. "
                            "Exporters have been hit by the strong yen.")
    assert not [e for e in events if e.event_type == "ASSAULT"]


def test_struck_a_tone_is_no_attack(coder):
    events = _events(coder, "The president struck a conciliatory tone in his speech to parliament.")
    assert not [e for e in events if e.event_type == "ASSAULT"]
    events = _events(coder, "Rebels struck an army convoy near Goma.")
    assert [e for e in events if e.event_type == "ASSAULT"]


def test_economic_figures_that_rise_are_no_uprising(coder):
    events = _events(coder, "Retail sales in Canada rose sharply in January. Japanese exports are expected to "
                            "rise 2 pct. Canadian payroll employment rose 164,000.")
    assert not [e for e in events if e.event_type == "PROTEST"]


def test_offers_of_criticism_or_an_alternative_are_no_offer(coder):
    events = _events(coder, "The Chilean bishop offered strong criticism of the decree. "
                            "Chile offers an alternative to the trade bloc.")
    assert not [e for e in events if e.event_type == "AGREE"]
    events = _events(coder, "France offered Mali military assistance.")
    assert [e for e in events if e.event_type == "AGREE"]


def test_resisting_an_evil_is_no_rejection(coder):
    events = _events(coder, "We resist racism, sexism and bigotry.")
    assert not [e for e in events if e.event_type == "REJECT"]
    events = _events(coder, "Kurdish fighters resisted the army advance for three weeks.")
    assert [e for e in events if e.event_type == "REJECT"]


def test_vow_of_revenge_is_no_agreement(coder):
    events = _events(coder, "The Somali militants vowed to avenge their slain commander.")
    assert not [e for e in events if e.event_type == "AGREE"]
    events = _events(coder, "Egypt pledged to help Sudan rebuild its army.")
    assert [e for e in events if e.event_type == "AGREE"]


def test_welcome_in_a_city_is_no_giving_in(coder):
    events = _events(coder, "The Danish queen was given a warm welcome in Canberra.")
    assert not [e for e in events if e.event_type == "CONCEDE"]
    events = _events(coder, "The Nepali rebels gave in to government pressure.")
    assert [e for e in events if e.event_type == "CONCEDE"]


def test_giving_oneself_up_yields(coder):
    events = _events(coder, "The fugitive Peruvian senator gave herself up to the police in Lima.")
    assert [e for e in events if e.event_type == "CONCEDE"]


def test_consumers_demanding_goods_is_no_demand(coder):
    events = _events(coder, "Indian consumers demand cheaper phones. Customers now demand faster delivery.")
    assert not [e for e in events if e.event_type == "REQUEST"]
    events = _events(coder, "Protesters in Lagos demanded the release of the journalists.")
    assert [e for e in events if e.event_type == "REQUEST"]


def test_weather_warnings_are_no_threat(coder):
    events = _events(coder, "Chilean officials issued tsunami warnings for the southern coast. "
                            "The national weather office put out storm warnings for three coastal counties.")
    assert not [e for e in events if e.event_type == "THREATEN"]
    events = _events(coder, "Israel issued a warning to Hezbollah.")
    assert [e for e in events if e.event_type == "THREATEN"]


def test_aides_are_no_aid(coder):
    events = _events(coder, "The senator's aides met the Libyan delegation.")
    assert not [e for e in events if e.event_type == "AID"]


def test_approval_of_a_merger_is_no_support(coder):
    events = _events(coder, "Russian regulators approved the merger of the two banks.")
    assert not [e for e in events if e.event_type == "SUPPORT"]
    events = _events(coder, "The Turkish parliament approved the deal with the European Union.")
    assert [e for e in events if e.event_type == "SUPPORT"]


def test_obligation_on_a_state_or_a_figure_is_no_demand(coder):
    events = _events(coder, "The minister said that Norland's backing for the alliance should depend on partners raising "
                            "their military budgets. The Japanese minister said the US trade deficit should start to "
                            "decline soon.")
    assert not [e for e in events if e.event_type == "REQUEST"]
    events = _events(coder, "Merkel said Greece should start talks with its creditors.")
    assert [e for e in events if e.event_type == "REQUEST"]


def test_barrage_of_questions_is_no_shelling(coder):
    events = _events(coder, "The Peruvian president faced a flood of questions about Chile.")
    assert not [e for e in events if e.event_type == "ASSAULT"]
    events = _events(coder, "Syrian artillery unleashed a barrage on rebel positions.")
    assert [e for e in events if e.event_type == "ASSAULT"]


def test_combating_shortcomings_is_no_fighting(coder):
    events = _events(coder, "The Indian music academy has moved to combat its gender imbalance.")
    assert not [e for e in events if e.event_type == "ASSAULT"]
    events = _events(coder, "Iraqi troops combat Islamic State fighters in Mosul.")
    assert [e for e in events if e.event_type == "ASSAULT"]


def test_dismissed_from_a_post_is_no_rejection(coder):
    events = _events(coder, "The former Chinese party chief was dismissed from the top job in January. The former "
                            "party chief appeared in public for the first time since his dismissal.")
    assert not [e for e in events if e.event_type == "REJECT"]
    events = _events(coder, "Russia dismissed the claims as a witch hunt.")
    assert [e for e in events if e.event_type == "REJECT"]


def test_firms_closing_their_books_censor_no_one(coder):
    events = _events(coder, "The dollar may rise next month when Japanese corporations close their books.")
    assert not [e for e in events if e.event_type == "COERCE"]
    events = _events(coder, "Turkey closed the newspaper.")
    assert [e for e in events if e.event_type == "COERCE"]


def test_claiming_responsibility_accuses_no_one(coder):
    events = _events(coder, "A militant group claimed responsibility for both bombings in Kenya.")
    assert not [e for e in events if e.event_type == "ACCUSE"]


def test_offered_for_sale_is_no_offer(coder):
    events = _events(coder, "The Canadian farms will be put up for sale.")
    assert not [e for e in events if e.event_type == "AGREE"]


# -- held-out round 2 (w10-heldout2): senses, legal texts and appeals, acts still pending --------------------------

def _event_types(events) -> list[str]:
    return [e.event_type for e in events]


def test_money_and_children_withdrawn_are_no_retreat(coder):
    assert "RETREAT" not in _event_types(_events(coder, "Farmers have withdrawn large sums from their bank accounts."))
    assert "RETREAT" not in _event_types(_events(coder, "Mothers will keep the right to withdraw their children "
                                                  "from the swimming class."))
    assert "RETREAT" in _event_types(_events(coder, "Syria withdrew its troops from Lebanon."))
    assert "RETREAT" in _event_types(_events(coder, "The rebels withdrew from the town."))


def test_defending_the_country_is_no_verbal_support(coder):
    events = _events(coder, "We are defending our country by every means, the Canadian president said.")
    assert "SUPPORT" not in _event_types(events)
    events = _events(coder, "The Canadian minister defended the government's record on jobs.")
    assert "SUPPORT" in _event_types(events)


def test_supporting_trade_and_investment_is_no_political_support(coder):
    assert "SUPPORT" not in _event_types(_events(coder, "The new Canadian agency will support Mexico's trade and investment."))
    assert "SUPPORT" in _event_types(_events(coder, "The United States supports Canada's bid for membership."))


def test_a_rising_quantity_is_no_uprising(coder):
    events = _events(coder, "Interest among young engineers in working in Canada has risen nearly 80 percent over "
                            "the past decade.")
    assert "PROTEST" not in _event_types(events)
    assert "PROTEST" in _event_types(_events(coder, "Thousands of peasants rose against the junta."))
    assert "PROTEST" in _event_types(_events(coder, "The Syrian population rose against the regime in 2011."))


def test_a_sealed_fate_is_no_blockade(coder):
    events = _events(coder, "When the senator criticised his party leader on television, his fate was sealed in "
                            "the party.")
    assert "COERCE" not in _event_types(events)
    assert "COERCE" in _event_types(_events(coder, "The army sealed the border with Freedonia."))


def test_a_move_of_policy_targets_no_one(coder):
    events = _events(coder, "Canada's steps to tighten rules on foreign money were aimed only at fraud.")
    assert "ASSAULT" not in _event_types(events)


def test_a_situation_in_a_coordinated_relative_clause_does_nothing(coder):
    events = _events(coder, "A scandal that has rocked Canada and threatens to topple Prime Minister Justin Trudeau.")
    assert "THREATEN" not in _event_types(events)


def test_a_legal_text_bars_or_asks_nothing_itself(coder):
    assert _events(coder, "The Canadian constitution prohibits the president from serving a third term.") == []
    assert _events(coder, "Our lawsuit asks the Canadian court to order a recount.") == []
    assert "REQUEST" in _event_types(_events(coder, "The Canadian union asked the court to order a recount."))
    # an order or a law is its makers' act
    assert "COERCE" in _event_types(_events(coder, "The Canadian government's new law bans rallies in the capital."))


def test_an_appeal_against_a_ruling_or_ban_is_no_request(coder):
    assert _events(coder, "Five Canadian swimmers, who appealed against the temporary bans imposed last month, "
                          "will be heard on Friday.") == []
    assert _events(coder, "Three rowers planned to appeal their interim bans before the arbitration panel in "
                          "Geneva.") == []
    events = _events(coder, "The mayor appealed to the rebels to release the hostages.")
    assert "REQUEST" in _event_types(events)


def test_an_act_someone_has_yet_to_do_is_not_done(coder):
    events = _events(coder, "The Canadian government has yet to agree on a date for the vote.")
    assert [e.status for e in events if e.event_type == "AGREE"] == ["negated"]
    events = _events(coder, "Yet the Canadian government agreed to the terms on Monday.")
    assert [e.status for e in events if e.event_type == "AGREE"] == ["asserted"]


def test_an_act_one_has_the_right_to_do_is_possible_and_with_no_right_denied(coder):
    events = _events(coder, "Canadian prosecutors have the power to arrest the minister.")
    assert [e.status for e in events if e.event_type == "COERCE"] == ["hypothetical"]
    events = _events(coder, "Residents told police they had no right to demand search warrants from Canada.")
    assert [e.status for e in events if e.event_type == "REQUEST"] == ["negated"]
    events = _events(coder, "Canadian prosecutors arrested the minister.")
    assert [e.status for e in events if e.event_type == "COERCE"] == ["asserted"]


def test_people_fleeing_their_homes_is_no_retreat(coder):
    events = _events(coder, "Millions of Syrians have fled their homes since the Syrian conflict began.")
    assert "RETREAT" not in _event_types(events)


def test_evidence_supporting_a_position_is_no_support(coder):
    events = _events(coder, "There is case law in the Canadian appeals court supporting our positions.")
    assert "SUPPORT" not in _event_types(events)


def test_the_possessor_of_a_bailout_receives_it(coder):
    events = _events(coder, "Finance ministers will discuss the terms of Greece's bailout.")
    aid = next(e for e in events if e.event_type == "AID")
    assert _codes(aid.actors) == [] and _codes(aid.recipients) == ["GRC"]


def test_a_date_stamp_is_no_side(coder):
    events = _events(coder, "(14.03.2019) The Ruritanian president has lashed out at a district judge over "
                            "the ruling.")
    accuse = next(e for e in events if e.event_type == "ACCUSE")
    assert all(any(ch.isalpha() for ch in name) for name in _names(accuse.actors))


# -- w11-heldout3: fleeing is a military retreat only for the armed or a state ----------------------------------

def test_refugees_and_private_people_fleeing_make_no_retreat(coder):
    for text in ("In 1939 the novelist Ilse Marbach fled Austria to escape persecution.",
                 "The striker Goran Petkic fled the war in Kosovo as a child.",
                 "Her niece fled to Chile after receiving death threats.",
                 "The chief Running Elk fled to Canada with his followers."):
        assert not [e for e in _events(coder, text) if e.event_type == "RETREAT"], text


def test_armed_sides_fleeing_still_retreat(coder):
    for text in ("Rebel fighters fled the town after the army advanced.",
                 "Government troops fled Mosul as the militants approached.",
                 "The Taliban fled Kunduz on Monday."):
        assert [e for e in _events(coder, text) if e.event_type == "RETREAT"], text


# -- w11-heldout3: the means of an act asked for is asked for too ------------------------------------------------

def test_means_of_a_requested_act_is_hypothetical(coder):
    for text in ("Twelve Latin American countries issued a plea for Venezuela to restore democracy by releasing "
                 "political prisoners.",
                 "The council urged Bolivia to end the crisis by freeing the detained journalists."):
        freed = [e for e in _events(coder, text) if e.event_type == "RETREAT"]
        assert freed and all(e.status == "hypothetical" for e in freed), text


def test_means_of_a_done_act_stays_done(coder):
    for text in ("Russia ended the siege by freeing the hostages.",
                 "The rebels demanded talks by releasing two hostages."):
        freed = [e for e in _events(coder, text) if e.event_type == "RETREAT"]
        assert freed and all(e.status == "asserted" for e in freed), text


# -- w12-heldout4: "claim" accuses only of a wrong; threats to a state of things; hosted games; what events mean --

def test_claiming_no_wrong_is_no_accusation(coder):
    for text in ("The Ruritanian space agency claimed its new rocket is the fastest in the region.",
                 "The energy minister claims the reactor will only ever produce electricity.",
                 "Nobody has yet claimed the remains of the sailor found on the beach.",
                 "Hardly any voter in Borduria can claim to follow the new tax code."):
        assert not [e for e in _events(coder, text) if e.event_type == "ACCUSE"], text


def test_claiming_a_wrong_still_accuses(coder):
    for text in ("The opposition leader claimed that the vote had been rigged by the ruling party.",
                 "The opposition senator claimed he was targeted because of his speeches about the army.",
                 "Borduria claimed that troops from Syldavia had shelled three villages."):
        assert [e for e in _events(coder, text) if e.event_type == "ACCUSE"], text


def test_threatening_a_state_of_things_is_no_threat(coder):
    for text in ("Smugglers and bandits also threaten security along the northern border.",
                 "The new visa rules threaten the residence status of thousands of seasonal workers.",
                 "The march was about a threat to the rights of ethnic minorities.",
                 "Analysts said the ambitions of the Borduran regime threatened the smaller states nearby."):
        assert not [e for e in _events(coder, text) if e.event_type == "THREATEN"], text


def test_threatening_someone_still_threatens(coder):
    for text in ("The militia threatened the villagers with death if they spoke to reporters.",
                 "Gunmen threatened the journalist's life in a phone call.",
                 "Borduria threatened Syldavia with sanctions over the dispute."):
        assert [e for e in _events(coder, text) if e.event_type == "THREATEN"], text


def test_games_hosted_are_no_meeting_even_through_a_relative_pronoun(coder):
    for text in ("The 1998 regional cup, which was hosted by Borduria, ended in a draw.",
                 "The 2010 Asian Games, which were hosted by Ruritania, drew large crowds.",
                 "The singer Mara Lenz hosted an episode of the quiz programme last week."):
        assert not [e for e in _events(coder, text) if e.event_type == "CONSULT"], text
    assert [e for e in _events(coder, "The summit, which was hosted by Borduria, ended with a joint statement.")
            if e.event_type == "CONSULT"]


def test_events_whose_meaning_is_weighed_stay_asserted(coder):
    for text in ("The rebels' attacks on two police stations may mark a new phase of the insurgency.",
                 "Analysts say the rising number of rebel attacks on the army this winter could indicate that "
                 "the militia is rearming."):
        attacks = [e for e in _events(coder, text) if e.event_type == "ASSAULT"]
        assert attacks and all(e.status == "asserted" for e in attacks), text
    talks = [e for e in _events(coder, "Talks between Ruritania and Borduria could take place next week.")
             if e.event_type == "CONSULT"]
    assert talks and all(e.status == "hypothetical" for e in talks)


def test_aim_of_an_act_not_done_is_not_done(coder):
    protest = [e for e in _events(coder, "Port managers feared that dock workers might leave their shifts to join "
                                         "the union's rally.") if e.event_type == "PROTEST"]
    assert protest and all(e.status == "hypothetical" for e in protest)
    probe = [e for e in _events(coder, "The interior ministry said it would form a commission to investigate the "
                                       "death of the activist.") if e.event_type == "ACCUSE"]
    assert probe and all(e.status == "future" for e in probe)


def test_aim_of_an_act_done_keeps_its_status(coder):
    meet = [e for e in _events(coder, "The Ruritanian minister went to Borduria to meet the president.")
            if e.event_type == "CONSULT" and e.trigger.text == "meet"]
    assert meet and meet[0].status == "asserted"
    # an event the aim presupposes is no aim: the deal exists, whatever becomes of the taxes
    deal = [e for e in _events(coder, "The Borduran cabinet wants to lift fuel duties to fund a wage deal with the "
                                      "teachers' unions.") if e.event_type == "AGREE"]
    assert deal and deal[0].status == "asserted"


def test_claim_of_violence_still_accuses(coder):
    for text in ("Officials in Borduria claim the dissident was poisoned in exile.",
                 "The exiled senator claimed the new cabinet is unconstitutional."):
        assert [e for e in _events(coder, text) if e.event_type == "ACCUSE"], text


@pytest.mark.parametrize("text, event_type", [
    ("The Ghanaian president's attacks on judges drew a rebuke from lawyers.", "ACCUSE"),  # words, not violence
    ("Israeli settlers attacked Palestinian farmers near the village.", "ASSAULT"),  # no speakers: an assault
    ("Russia attacked Ukraine overnight.", "ASSAULT"),
    ("Ghanaian police attacked protesters in Accra.", "ASSAULT"),
    ("The Ghanaian government attacked rebel positions.", "ASSAULT"),  # a target not named as anyone: left as it is
])
def test_an_attack_by_speakers_on_no_armed_side_is_criticism(coder, text, event_type):
    attack = next(e for e in _events(coder, text) if e.trigger.text.startswith("attack"))
    assert attack.event_type == event_type
