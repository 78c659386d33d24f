"""PETRARCH / TABARI verb dictionary import (whodid.petrarch_verbs). The dictionary and sentences here are invented;
the PETRARCH validation dictionaries from ../shared are used when present."""
from __future__ import annotations

from pathlib import Path

import pytest

from whodid.petrarch_verbs import UNTYPED_EVENT, code_type, load_verbs, parse_verb_code, read_verbs, verb_entries
from whodid.ontology import Ontology
from whodid.triggers import NO_EVENT, TriggerLexicon

from conftest import SHARED, needs_shared

INVENTED_VERBS = """# an invented verb dictionary
&GOODS
+GRAIN
+FUEL
+MEDICAL_SUPPLIES

&GIFTS  # a set nesting another
+&GOODS
+BLANKETS

####### VERB PATTERNS #######
--- SHIP  [071] ---
SHIP {SHIPS SHIPPED SHIPPING}
CONSIGN [0712]
+SEND_OFF {+SENT_OFF +SENDS_OFF}
- * &GIFTS  [073]   # a synonym set after the verb
- * {FUEL TANKERS} (TO +)  [0734]
- * BUDGET  [---]
- * ORNAMENTS [+++]   # not a code: skipped

--- CONFER  [031]  ---
CONFER {CONFERRED CONFERRING}
- % *  [040:040]

--- TOUR  [042:043]  ---
TOUR
- * (ABOUT +) [:173]

--- PONDER  [---]  ---
PONDER
- * (OVER &UNKNOWN) [012]
- WARILY *  [0121]
"""


@pytest.fixture(scope="module")
def dictionary():
    return read_verbs(INVENTED_VERBS)


def test_reader_synonym_sets_families_and_verbs(dictionary) -> None:
    assert dictionary.synsets["&GOODS"] == ("grain", "fuel", "medical supplies")
    assert dictionary.synsets["&GIFTS"] == ("grain", "fuel", "medical supplies", "blankets")
    assert [f.name for f in dictionary.families] == ["SHIP", "CONFER", "TOUR", "PONDER"]
    ship = dictionary.families[0]
    assert ship.code == "071"
    verbs = {v.word: v for v in ship.verbs}
    assert verbs["ship"].forms == ("ships", "shipped", "shipping")
    assert verbs["consign"].code == "0712"
    assert verbs["send"].particle == "off" and verbs["send"].forms == ("sent", "sends")


def test_reader_patterns(dictionary) -> None:
    ship, confer, _, ponder = dictionary.families
    gifts, tankers, budget, _ = ship.patterns
    assert gifts.after == ("&GIFTS",) and gifts.code == "073"
    assert tankers.after == ("fuel", "tankers", "to") and tankers.target_preps == ("to",)
    assert budget.code == "---"
    assert confer.patterns[0].compound and confer.patterns[0].code == "040:040"
    assert ponder.patterns[1].before == ("warily",) and ponder.patterns[1].after == ()


def test_codes_paired_empty_and_outside_cameo() -> None:
    assert parse_verb_code("042:043") == ("042", "043")
    assert parse_verb_code("---") == (NO_EVENT, None)
    assert parse_verb_code("075A") == ("075A", None)  # kept as written: its root still says what it is
    assert parse_verb_code("+++") == (None, None) and parse_verb_code(":173") == (None, None)
    onto = Ontology.default()
    assert code_type("1951", onto)[0] == onto.plover_type("195")  # the longest CAMEO prefix with a type
    assert code_type("010", onto) == (UNTYPED_EVENT, None)  # statements have no PLOVER type


def test_entries_and_what_is_skipped(dictionary) -> None:
    entries = verb_entries(dictionary)
    by_code = {}
    for entry in entries:
        by_code.setdefault(entry.cameo, []).append(entry)
    # every form of every verb of the family gets the pattern
    assert {e.lemma for e in by_code["073"]} == {"ship", "ships", "shipped", "shipping", "consign", "send", "sent",
                                                 "sends"}
    gifts = by_code["073"][0]
    assert gifts.after == (("grain", "fuel", "medical supplies", "blankets"),)
    assert {e.recipient_preps for e in by_code["0734"]} == {("to",)}
    tour = next(e for e in entries if e.lemma == "tour")
    assert tour.cameo == "042" and tour.reverse_cameo == "043"
    confer = next(e for e in by_code["040"] if e.compound)
    assert confer.reverse_cameo == "040" and confer.reciprocal
    assert any("+++" in s for s in dictionary.skipped)  # not a code
    assert any(":173" in s for s in dictionary.skipped)  # a reverse part only
    assert any("&UNKNOWN" in s or "unknown synonym set" in s for s in dictionary.skipped)
    assert all(e.phrase_targets for e in entries)


def test_with_entries_precedence(dictionary) -> None:
    base = TriggerLexicon.default()
    entries = verb_entries(dictionary)
    merged = base.with_entries(entries)
    def ship_senses(lexicon: TriggerLexicon) -> list:
        return [e for e in lexicon.entries if e.lemma == "ship" and e.pos == "VERB"]

    assert any(not (e.note or "").startswith("petrarch") for e in ship_senses(base))  # whodid has its own "ship"
    assert all((e.note or "").startswith("petrarch") for e in ship_senses(merged))  # the dictionary owns it now
    assert any(e.lemma == "attack" for e in merged.entries)  # whodid's other verbs stay
    only = base.with_entries(entries, only=True)
    assert {e.lemma for e in only.entries} == {e.lemma for e in entries}
    assert only.support_verbs == base.support_verbs


@pytest.fixture(scope="module")
def verb_coder(tmp_path_factory):
    from whodid.coder import Coder

    path = tmp_path_factory.mktemp("verbs") / "invented.verbs.txt"
    path.write_text(INVENTED_VERBS, encoding="utf-8")
    return Coder(verbs_files=[str(path)], verbs_only=True)


def _triples(coder, text: str) -> set[tuple[str, str, str]]:
    return {(e.cameo, ",".join(a.code or "?" for a in e.actors), ",".join(a.code or "?" for a in e.recipients))
            for e in coder.code_text(text, published="2024-05-02")}


def test_coder_codes_with_imported_patterns(verb_coder) -> None:
    # a pattern word from a nested synonym set; the target is the first actor of the verb's phrase
    assert _triples(verb_coder, "Norway shipped blankets to Chile.") == {("073", "NOR", "CHL")}
    assert _triples(verb_coder, "Norway shipped rifles to Chile.") == {("071", "NOR", "CHL")}  # the family's code
    assert _triples(verb_coder, "Norway consigned rifles to Chile.") == {("0712", "NOR", "CHL")}  # the verb's own
    assert _triples(verb_coder, "Norway shipped the budget to Chile.") == set()  # [---]: no event


def test_coder_paired_and_compound_codes(verb_coder) -> None:
    # 042:043: the visit and, sides swapped, its reception
    assert _triples(verb_coder, "The Norwegian president toured Chile.") == {("042", "NORGOV", "CHL"),
                                                                             ("043", "CHL", "NORGOV")}
    # "%": a compound subject, coded both ways
    assert _triples(verb_coder, "Norway and Chile conferred on Monday.") == {("040", "NOR", "CHL"),
                                                                            ("040", "CHL", "NOR")}
    # PETRARCH codes dyads: with --verbs-only a one-sided event is no event
    assert _triples(verb_coder, "Norway shipped rifles.") == set()
    # only the dictionary's verbs code events
    assert _triples(verb_coder, "Norway bombed Chile.") == set()


def test_without_verbs_only_whodid_keeps_its_own_triggers(tmp_path: Path) -> None:
    from whodid.coder import Coder

    path = tmp_path / "invented.verbs.txt"
    path.write_text(INVENTED_VERBS, encoding="utf-8")
    coder = Coder(verbs_files=[str(path)])
    assert ("073", "NOR", "CHL") in _triples(coder, "Norway shipped blankets to Chile.")
    assert any(code.startswith("19") for code, _, _ in _triples(coder, "Norway bombed Chile."))


@needs_shared
def test_reads_the_petrarch_validation_dictionary() -> None:
    path = SHARED / "petrarch-validation" / "PETR_Validate_verbs_2_02.txt"
    dictionary = read_verbs(path.read_text(encoding="utf-8"))
    assert len(dictionary.families) > 50 and len(dictionary.synsets) > 20
    assert len(load_verbs(path)) > 1000


def test_code_command_takes_a_verb_dictionary(tmp_path: Path, capsys) -> None:
    import json

    from whodid.cli import main

    verbs = tmp_path / "invented.verbs.txt"
    verbs.write_text(INVENTED_VERBS, encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Norway shipped blankets to Chile on Monday.\n", encoding="utf-8")
    assert main(["code", str(story), "--published", "2024-05-02", "--verbs", str(verbs), "--verbs-only",
                 "--quiet"]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert [e["cameo"] for e in events] == ["073"]
