"""Actors named as older news names them (former states as their successor, as legacy_country_codes.tsv maps them;
the EU's predecessor and Cold War blocs; leaders before 2000), known people at any date, an apposition naming a post in
an organisation, and a people or faith placed in a country (CAMEO's SRBABN). Sentences and names are the tests' own."""
from __future__ import annotations

import pytest

from whodid.actors import ActorKB


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.default()


@pytest.mark.parametrize(
    "phrase, code",
    [
        ("the European Community", "IGOEU"),
        ("the European Economic Community", "IGOEU"),
        ("the EEC", "IGOEU"),
        ("the Common Market", "IGOEU"),
        ("European Community trade ministers", "IGOEU"),
        ("its European common market partners", "IGOEU"),  # the members of the bloc
        ("the Warsaw Pact", "IGOWP"),
        ("Comecon", "IGOCOMECON"),
        ("the CSCE", "IGOOSCE"),  # the OSCE's earlier name
        ("the Organization of the Islamic Conference", "IGOOIC"),
        ("the Non-Aligned Movement", "IGONAM"),
        ("GATT", "IGOGATT"),
        ("ECOMOG troops", "IGOECOWASECOMOG"),
        ("KFOR troops", "IGONATO"),
        ("UNPROFOR", "IGOUNOPKO"),
        ("EC ceasefire monitors", "IGOEUEC"),
        ("UN observers", "IGOUNO"),
        ("the deployment of NATO troops", "IGONATO"),
    ],
)
def test_historical_and_common_organisation_names(kb: ActorKB, phrase: str, code: str) -> None:
    actor = kb.lookup(phrase, "1991-05-01")
    assert actor is not None and actor.code == code, (phrase, actor)


@pytest.mark.parametrize("phrase", ["a common market", "an East African common market", "military observers",
                                    "political observers"])
def test_common_words_are_no_organisation(kb: ActorKB, phrase: str) -> None:
    """Lower-case "common market" is any such market; observers with no owner are no one in particular."""
    actor = kb.lookup(phrase, "1991-05-01")
    assert actor is None or not (actor.code or "").startswith("IGO"), (phrase, actor)


@pytest.mark.parametrize(
    "phrase, code",
    [
        ("the Soviet Union", "RUS"),
        ("the USSR", "RUS"),
        ("Soviet troops", "RUSMIL"),
        ("the Soviets", "RUS"),
        ("West Germany", "DEU"),
        ("the East German government", "DEUGOV"),
        ("Czechoslovakia", "CZE"),
        ("the Czechoslovak news agency", "CZEMED"),
        ("Kampuchean guerrillas", "KHMREB"),
        ("Rhodesia", "ZWE"),
        ("South Vietnamese troops", "VNMMIL"),
    ],
)
def test_former_states_are_their_successor(kb: ActorKB, phrase: str, code: str) -> None:
    actor = kb.lookup(phrase, "1985-06-01")
    assert actor is not None and actor.code == code, (phrase, actor)


@pytest.mark.parametrize(
    "phrase, day, code",
    [
        ("President Reagan", "1985-03-01", "USAGOV"),
        ("President Reagan", "2000-01-01", "USAELI"),  # out of office: his country's elite, not a bare GOV
        ("Soviet leader Mikhail Gorbachev", "1988-01-01", "RUSGOV"),
        ("Mr Gorbachev", "1995-01-01", "RUSELI"),
        ("Chancellor Kohl", "1990-10-03", "DEUGOV"),
        ("King Hussein", "1990-01-01", "JORGOV"),
        ("Secretary of State James Baker", "1990-01-01", "USAGOV"),
        ("Defense Secretary Caspar Weinberger", "1985-01-01", "USAMIL"),
        # namesakes, none in office at the date: the title says which; all of one country: that country
        ("former President Carter", "2000-01-01", "USAELI"),
        ("Mr Carter", "2016-01-01", "USAMIL"),  # the defence secretary then in office
        ("President Bush", "2000-01-01", "USAELI"),
        ("Gandhi", "2000-01-01", "INDELI"),
        ("Gandhi", "1988-01-01", "INDGOV"),
        # people whose posts were all in organisations keep their own country out of office
        ("Ban Ki-moon", "2019-01-01", "KORELI"),
        ("Kofi Annan", "1990-01-01", "GHAELI"),
    ],
)
def test_known_people_keep_their_country_at_any_date(kb: ActorKB, phrase: str, day: str, code: str) -> None:
    actor = kb.lookup(phrase, day)
    assert actor is not None and actor.code == code, (phrase, day, actor)


@pytest.mark.parametrize(
    "phrase, day, code",
    [
        ("Kofi Annan, the UN envoy for Syria", "2012-05-01", "IGOUNO"),  # a post in an organisation: its code
        ("Kofi Annan, the former UN chief", "2012-05-01", "GHAELI"),  # a past post: the person's own code
        ("Tony Blair, the British prime minister", "2003-01-01", "GBRGOV"),  # a national post: unchanged
        ("Pavel Dvorak, the UN Emergency Relief Coordinator", "2003-01-01", "IGOUNO"),
        ("Arab League Secretary-General Pavel Dvorak", "2003-01-01", "IGOARL"),
    ],
)
def test_apposition_naming_an_organisation_post(kb: ActorKB, phrase: str, day: str, code: str) -> None:
    actor = kb.lookup(phrase, day)
    assert actor is not None and actor.code == code, (phrase, actor)
    if phrase.startswith("Pavel"):
        assert actor.name == "Pavel Dvorak"


@pytest.mark.parametrize(
    "phrase, code",
    [
        ("ethnic Albanians in south Serbia", "SRBABN"),  # CAMEO: a group tied to a place has the country first
        ("the Albanians of southern Serbia", "SRBABN"),
        ("Kurds in northern Iraq", "IRQKUR"),
        ("the Kurds of Syria", "SYRKUR"),
        ("Shiites in Bahrain", "BHRMOSSHI"),
        ("ethnic Albanians", "ABN"),  # tied to no place: the group code first
        ("Kurds", "KUR"),
        ("Albanians", "ALB"),  # a demonym alone is the country's people
        ("the Albanians of Albania", "ALB"),
        ("Americans in Iraq", "USA"),  # a demonym that names no group keeps its country
    ],
)
def test_group_placed_in_a_country(kb: ActorKB, phrase: str, code: str) -> None:
    actor = kb.lookup(phrase, "2001-03-01")
    assert actor is not None and actor.code == code, (phrase, actor)


@pytest.mark.parametrize(
    "phrase, code",
    [
        ("the Kenyan High Commission", "KENGOV"),  # one word of a longer name, with a country: that country's body
        ("Canadian goods", "CAN"),  # what an actor makes, sells or enacts stands for it
        ("Peruvian exports", "PER"),
        ("Chilean laws", "CHL"),
        ("all African Union sanctions", "IGOAU"),
        ("Somalia's warring parties", "SOM"),
        ("political opponents of the Ugandan government", "UGAOPP"),
        ("the Croat population", "HRV"),
    ],
)
def test_owned_heads_and_bodies(kb: ActorKB, phrase: str, code: str) -> None:
    actor = kb.lookup(phrase, "2018-01-01")
    assert actor is not None and actor.code == code, (phrase, actor)


@pytest.mark.parametrize("phrase", ["the ruling party", "a birthday party", "the State Pricing Commission",
                                    "an office", "the goods"])
def test_owned_heads_alone_are_no_one(kb: ActorKB, phrase: str) -> None:
    assert kb.lookup(phrase, "2018-01-01") is None, phrase


def test_bare_surname_names_no_one_long_before_their_time():
    import whodid

    assert whodid.resolve_actor("Santos", date="1987-03-20") is None  # a port, a player: not a president of the 2010s
    assert whodid.resolve_actor("Santos", date="2016-03-20").country == "COL"
    assert whodid.resolve_actor("Reagan", date="2000-01-01").country == "USA"  # still news a decade on
