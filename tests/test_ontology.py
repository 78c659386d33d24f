"""The CAMEO/PLOVER ontology (cameo_codes.tsv, plover.yaml) and its agreement with the trigger lexicon."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from whodid.ontology import Ontology
from whodid.resources import load_yaml
from whodid.triggers import TriggerLexicon

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared/data is not present on this machine")

PLOVER_16 = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
             "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return Ontology.default()


def test_default_is_cached(onto):
    assert Ontology.default() is onto


def test_code_table_covers_cameo(onto):
    codes = onto.codes()
    assert 300 <= len(codes) <= 340
    assert all(re.fullmatch(r"\d{2,4}", c) for c in codes)
    assert [c for c in codes if len(c) == 2] == [f"{i:02d}" for i in range(1, 21)]
    for code in ("010", "0214", "036", "0874", "1056", "1246", "1385", "1454", "1663", "1724", "1834", "2042"):
        assert onto.is_code(code), code
    assert not onto.is_code("999") and not onto.is_code("21") and not onto.is_code("")
    # every 3/4-digit code has its parent in the table
    assert all(onto.is_code(onto.parent(c)) for c in codes if len(c) > 2)
    assert onto.parent("0341") == "034" and onto.parent("034") == "03" and onto.parent("03") is None


def test_names(onto):
    assert "visit" in onto.cameo_name("042")
    assert "meet" in onto.cameo_name("036")
    assert "arrest" in onto.cameo_name("173")
    assert onto.cameo_name("9999") is None
    assert all(onto.cameo_name(c) for c in onto.codes())


def test_goldstein_values_and_signs(onto):
    assert onto.goldstein("036") == pytest.approx(2.5)
    assert onto.goldstein("173") == pytest.approx(-7.5)
    assert onto.goldstein("190") == pytest.approx(-8.0)
    assert onto.goldstein("9999") is None
    values = {c: onto.goldstein(c) for c in onto.codes()}
    assert all(v is not None and -10.0 <= v <= 10.0 for v in values.values())
    # material conflict is never scored as cooperation, material cooperation never as conflict
    assert all(v <= 0 for c, v in values.items() if int(c[:2]) >= 14)
    assert all(v > 0 for c, v in values.items() if 6 <= int(c[:2]) <= 8)


def test_quad_class_follows_root(onto):
    expected = {1: range(1, 6), 2: range(6, 9), 3: range(9, 14), 4: range(14, 21)}
    for code in onto.codes():
        quad = onto.quad_class(code)
        assert int(code[:2]) in expected[quad], code
    assert [onto.quad_class(c) for c in ("042", "073", "112", "193")] == [1, 2, 3, 4]
    assert onto.quad_class("xx") is None


@pytest.mark.parametrize("code, event_type, mode", [
    ("036", "AGREE", None),       # "hoped to meet" is an intent: AGREE
    ("0312", "AGREE", None),
    ("020", "REQUEST", None),
    ("0256", "REQUEST", "yield"),
    ("041", "CONSULT", "phone"),
    ("042", "CONSULT", "visit"),
    ("043", "CONSULT", "visit"),
    ("044", "CONSULT", "third-party"),
    ("046", "CONSULT", None),
    ("051", "SUPPORT", None),
    ("064", "COOPERATE", None),
    ("073", "AID", None),
    ("081", "CONCEDE", None),
    ("0841", "RETREAT", "release"),
    ("0871", "RETREAT", "ceasefire"),
    ("090", "ACCUSE", "investigate"),
    ("1121", "ACCUSE", "allege"),
    ("106", "REQUEST", "meet"),
    ("125", "REJECT", "meet"),
    ("1312", "THREATEN", "restrict"),
    ("142", "PROTEST", "hunger"),
    ("145", "PROTEST", "riot"),
    ("154", "MOBILIZE", "troops"),
    ("161", "SANCTION", "withdraw"),
    ("163", "SANCTION", "discontinue"),
    ("173", "COERCE", "arrest"),
    ("174", "COERCE", "deport"),
    ("176", "COERCE", "cyber"),
    ("192", "COERCE", "seize"),
    ("1712", "ASSAULT", "destroy"),
    ("186", "ASSAULT", "assassinate"),
    ("1952", "ASSAULT", "drone"),
    ("202", "ASSAULT", "massacre"),
])
def test_plover_mapping(onto, code, event_type, mode):
    assert onto.plover_type(code) == event_type
    assert onto.plover_mode(code) == mode


def test_statements_have_no_plover_type(onto):
    assert onto.plover_type("010") is None and onto.plover_type("013") is None
    assert onto.plover_type("016") == "REJECT"  # denying responsibility is a rejection


def test_plover_types_and_modes(onto):
    assert onto.plover_types() == PLOVER_16
    assert onto.modes("CONSULT") == ["visit", "third-party", "multilateral", "phone"]
    assert "drone" in onto.modes("ASSAULT") and "strike" in onto.modes("PROTEST")
    assert onto.modes("AGREE") == [] and onto.modes("NOPE") == []
    assert onto.modes("fight") == onto.modes("ASSAULT")  # old names are accepted
    for code in onto.codes():
        event_type, mode = onto.plover_type(code), onto.plover_mode(code)
        assert event_type is None or event_type in PLOVER_16
        assert mode is None or mode in onto.modes(event_type), (code, mode)
    doc = load_yaml("plover.yaml")
    assert all(doc["types"][t]["definition"] for t in PLOVER_16)


def test_old_type_names(onto):
    assert onto.normalize_type("DEMAND") == "REQUEST"
    assert onto.normalize_type("disapprove") == "ACCUSE"
    assert onto.normalize_type("INVESTIGATE") == "ACCUSE"
    assert onto.normalize_type("FIGHT") == "ASSAULT"
    assert onto.normalize_type("consult") == "CONSULT"
    assert onto.normalize_type("BANANA") is None and onto.normalize_type(None) is None
    assert "036" in onto.codes_for_type("AGREE") and "036" not in onto.codes_for_type("CONSULT")


def test_every_trigger_code_exists_and_types_are_consistent(onto):
    lexicon = TriggerLexicon.default()
    for entry in lexicon.entries:
        assert onto.is_code(entry.cameo), entry
        assert entry.event_type in PLOVER_16, entry
        assert entry.mode is None or entry.mode in onto.modes(entry.event_type), entry


def test_every_plover_type_has_verb_and_noun_triggers():
    by_type = TriggerLexicon.default().by_type()
    assert sorted(by_type) == sorted(PLOVER_16)
    for event_type, entries in by_type.items():
        pos = {e.pos for e in entries}
        assert pos == {"VERB", "NOUN"}, event_type
        assert len(entries) >= 20, event_type


@needs_shared
def test_goldstein_matches_reference_table(onto):
    table = json.loads((SHARED / "cameo" / "cameo_goldstein.json").read_text(encoding="utf-8"))
    checked = 0
    for code, item in table.items():
        if onto.is_code(code):
            assert onto.goldstein(code) == pytest.approx(item["value"]), code
            checked += 1
    assert checked >= 300


@needs_shared
def test_plover_types_follow_the_crosswalk(onto):
    renamed = load_yaml("plover.yaml")["renamed"]
    deliberate = {"163"}  # embargo/sanctions: SANCTION here, COERCE in the 2021 crosswalk (see cameo_codes.tsv)
    checked = 0
    for line in (SHARED / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)", line)
        if not m or m.group(1) in deliberate or not onto.is_code(m.group(1)):
            continue
        assert onto.plover_type(m.group(1)) == renamed.get(m.group(2), m.group(2)), line
        checked += 1
    assert checked >= 250
