"""Actors named as older news names them: former states (their successor's code, as legacy_country_codes.tsv maps
them), the EU's predecessor and Cold War blocs, and parts of an organisation ("its EU partners", "UN monitors").
Sentences and names here are the tests' own."""
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
