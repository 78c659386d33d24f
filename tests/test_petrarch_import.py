"""PETRARCH / TABARI dictionary import (whodid.petrarch_dict) and user actor tables. Invented dictionaries here;
the PETRARCH unit-test dictionaries from ../shared are used when present."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from whodid.actors import ActorKB
from whodid.petrarch_dict import parse_code, read_actors, read_agents

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
UNIT = SHARED / "petrarch-unittests"
VALIDATION = SHARED / "petrarch-validation"


def test_parse_code_date_conventions() -> None:
    assert parse_code("ABCGOV") == {"code": "ABCGOV", "start": None, "end": None}
    assert parse_code("ABC <950601") == {"code": "ABC", "start": None, "end": "1995-06-01"}  # strictly before
    assert parse_code("ABCREB > 20130119") == {"code": "ABCREB", "start": "2013-01-20", "end": None}  # strictly after
    # an inclusive range becomes start inclusive, end exclusive
    assert parse_code("ABCMIL 20080120-20121109") == {"code": "ABCMIL", "start": "2008-01-20", "end": "2012-11-10"}
    assert parse_code("ABCGOV 19950601 - 19990815")["end"] == "1999-08-16"


INVENTED_ACTORS = """<!-- an invented dictionary -->
<!-- a comment
spanning lines [NOTCODE] -->
QUENTARA_  [QNT]  # a country
+QUENTARAN
ORVAL_FENWICK   # a person with dated roles
+FENWICK_THE_ELDER
\t[QNT <20100101]
\t[QNTGOV 20100101-20141231]
\t[QNTELI >20141231]
"""


def test_read_actors_entries_synonyms_and_dates(tmp_path: Path) -> None:
    named = {n["name"]: n for n in read_actors(INVENTED_ACTORS)["named"]}
    assert set(named) == {"Quentara", "Orval Fenwick"}
    assert named["Quentara"]["aliases"] == ["Quentaran"] and named["Quentara"]["code"] == "QNT"
    path = tmp_path / "invented.actors.txt"
    path.write_text(INVENTED_ACTORS, encoding="utf-8")
    kb = ActorKB.load(path)
    assert kb.lookup("Orval Fenwick", "2009-12-31").code == "QNT"
    assert kb.lookup("Fenwick the Elder", "2010-01-01").code == "QNTGOV"
    assert kb.lookup("Orval Fenwick", "2014-12-31").code == "QNTGOV"  # last day of the range is inside
    assert kb.lookup("Orval Fenwick", "2015-01-01").code == "QNTELI"
    assert kb.lookup("Quentaran troops").code == "QNTMIL"  # a country-like entry takes agents
    assert kb.lookup("Kim Jong Un", "2025-09-27").code == "PRKGOV"  # built-ins still there


def test_read_agents_macros_and_plurals() -> None:
    text = "!WHO! = MAN, MEN\nHARBOUR!WHO! [~HBR]\nTAX_COLLECTOR {TAX_COLLECTORS} [~GOVTAX]\nCHARITY [NGO~]\n"
    nouns = read_agents(text)["weak_nouns"]
    assert sorted(nouns["HBR"]) == ["harbourman", "harbourmen"]
    assert nouns["GOVTAX"] == ["tax collector", "tax collectors"]
    assert nouns["NGO"] == ["charity"]


def test_user_files_override_builtins(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("name,code,aliases,start,end\nNorth Korea,PRKXXX,,,\nZed Quorn,ZZZGOV,Z. Quorn,2020-01-01,\n",
                    encoding="utf-8")
    kb = ActorKB.load(path)
    assert kb.lookup("North Korea").code == "PRKXXX"  # the user's entry wins over the country
    assert kb.lookup("Zed Quorn", "2021-05-05").code == "ZZZGOV"
    assert ActorKB.default().lookup("North Korea").code == "PRK"  # the default knowledge is untouched


@pytest.mark.skipif(not UNIT.exists(), reason="../shared/data/petrarch-unittests not available")
def test_petrarch_date_records_with_their_own_dictionaries() -> None:
    """Every dictionary name in a DATE record resolves, at the record's date, to one of the gold codes."""
    kb = ActorKB.load(UNIT / "PETR.Validate.actors.txt", UNIT / "PETR.Validate.agents.txt")
    imported = [n for n in kb.named.values() if n.priority == 1]
    names = {a for n in imported for a in [n.name, *n.aliases]}
    records = [json.loads(line) for line in (UNIT / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    dated = [r for r in records if r["category"] == "DATE"]
    assert len(dated) == 21
    checked = 0
    for record in dated:
        date = f"{record['date'][:4]}-{record['date'][4:6]}-{record['date'][6:]}"
        gold = {c for e in record["events"] for c in (e["source"], e["target"])}
        found = [n for n in names if f" {n.lower()} " in f" {record['text'].lower().rstrip('.')} "]
        assert found, record["id"]
        for name in found:
            actor = kb.lookup(name, date)
            assert actor is not None and actor.code in gold, (record["id"], name, actor)
            checked += 1
    assert checked >= 30


@pytest.mark.skipif(not VALIDATION.exists(), reason="../shared/data/petrarch-validation not available")
def test_validation_dictionaries_load() -> None:
    kb = ActorKB.load(VALIDATION / "PETR_Validate_actors_2_02.txt", VALIDATION / "PETR_Validate_agents_2_02.txt")
    imported = [n for n in kb.named.values() if n.priority == 1]
    assert len(imported) >= 100
    assert any(r.code for n in imported for r in n.roles)  # dated restrictions were read
