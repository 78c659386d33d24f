"""Sentence-level scorers of whodid.evaluate: labels, triples, baselines, gold readers and `whodid eval`."""
from __future__ import annotations

from pathlib import Path

import pytest

from whodid import evaluate as ev

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared/data is not present on this machine")


def _rec(id_: str, label: str | None, sources=(), targets=()) -> ev.GoldRecord:
    s, t = frozenset(sources), frozenset(targets)
    triples = frozenset((label, a, b) for a in (s or {None}) for b in (t or {None})) if label else frozenset()
    return ev.GoldRecord(id_, f"text {id_}", None, label, s, t, triples)


def test_penta_class_follows_cameo_root_ranges():
    assert [ev.penta_class(c) for c in ("010", "036", "0831", "112", "193", "20")] == ["0", "1", "2", "3", "4", "4"]
    assert ev.penta_class(None) is None


def test_side_code_reduces_codes_to_country_or_igo():
    assert ev.side_code("USAGOV") == "USA" and ev.side_code("IGOUNO") == "IGO" and ev.side_code("---") is None


def test_score_records_counts_labels_accuracy_and_triples():
    records = [_rec("a", "ACCUSE", ["KEN"], ["UGA"]), _rec("b", "AID", ["DEU"], ["UKR"]), _rec("c", None)]
    predictions = {
        "a": [ev.Prediction("ACCUSE", frozenset({"KEN"}), frozenset({"UGA"}))],  # all right
        "b": [ev.Prediction("ASSAULT"), ev.Prediction("AID", frozenset({"DEU"}))],  # wrong primary, target missed
        "c": [ev.Prediction("AID")],  # gold says no event
    }
    report = ev.score_records("t", records, predictions, multi_label=True)
    assert report.accuracy == pytest.approx(1 / 3)
    assert (report.labels["ACCUSE"].tp, report.labels["AID"].tp, report.labels["AID"].fp) == (1, 1, 1)
    assert report.labels["ASSAULT"].fp == 1
    assert (report.triples.tp, report.triples.fn) == (1, 1)
    assert report.targets.fn == 1 and report.sources.tp == 2
    assert len(report.misses) == 2
    single = ev.score_records("t", records, predictions, multi_label=False)
    assert "AID" in single.labels and single.labels["AID"].tp == 0  # only the primary label counts


def test_majority_baseline_predicts_the_most_frequent_label():
    records = [_rec("a", "AID"), _rec("b", "AID"), _rec("c", "ACCUSE")]
    preds = ev.majority_predictions(records)
    assert {p[0].label for p in preds.values()} == {"AID"}
    assert ev.score_records("m", records, preds).accuracy == pytest.approx(2 / 3)


def test_pair_picking_moves_the_event_about_the_marked_pair_first():
    record = ev.GoldRecord("p", "t", None, "AID", source_text="Norway", target_text="Sweden")
    preds = [ev.Prediction("ACCUSE", texts=("Finland",)), ev.Prediction("AID", texts=("Norway", "Sweden"))]
    assert ev.score_records("p", [record], {"p": preds}, multi_label=False).accuracy == 1.0


@needs_shared
def test_gold_readers_read_every_set():
    from whodid.ontology import Ontology

    gsr = ev.read_plover_gsr(SHARED, Ontology.default().normalize_type)
    assert len(gsr) == 322 and {r.label for r in gsr} <= set(Ontology.default().plover_types())
    assert len(ev.read_conflibert(SHARED)) == 451
    assert len(ev.read_plv(SHARED)) == 1033
    petrarch = ev.read_petrarch(SHARED)
    assert petrarch and any(r.label is None for r in petrarch) and all(len(r.label or "00") == 2 for r in petrarch)


@needs_shared
def test_eval_command_prints_whodid_and_baselines(capsys):
    from whodid.cli import main

    assert main(["eval", "plover", "--limit", "20"]) == 0
    out = capsys.readouterr().out
    assert "whodid" in out and "trigger only" in out and "majority class" in out and "triple F1" in out


def test_legacy_gold_country_codes_compare_as_iso():
    from whodid.evaluate import side_code

    assert side_code("JAPGOV") == "JPN" and side_code("ITL") == "ITA" and side_code("IGOUNO") == "IGO"
    assert side_code("USAGOV") == "USA"


def test_plv_rows_without_a_named_id_column(tmp_path):
    from whodid.evaluate import read_plv

    (tmp_path / "plv").mkdir()
    (tmp_path / "plv" / "PLV_train.tsv").write_text(
        "\tsentence\tsource\ttarget\tgold_root\n7\tKenya met Ethiopia.\tKenya\tEthiopia\tCONSULT\n", encoding="utf-8")
    [record] = read_plv(tmp_path, "train")
    assert record.id == "plv-7" and record.label == "CONSULT"


def test_unique_ids_keeps_two_sentences_with_one_id_apart():
    records = ev.unique_ids([_rec("a", "AID"), _rec("b", "AID"), _rec("a", "ACCUSE")])
    assert [r.id for r in records] == ["a", "b", "a#2"]
    assert records[2].label == "ACCUSE"


def _petrarch_data(tmp_path: Path) -> Path:
    folder = tmp_path / "petrarch-validation"
    folder.mkdir()
    (folder / "gold.jsonl").write_text('{"id": "r1", "text": "Kenya met Uganda.", "events": []}\n', encoding="utf-8")
    return folder


def test_eval_petrarch_names_a_missing_dictionary(tmp_path, capsys):
    from whodid.cli import main

    _petrarch_data(tmp_path)
    assert main(["eval", "petrarch", "--data", str(tmp_path), "--actors", "no_such_actors.txt"]) == 2
    assert "dictionary not found: no_such_actors.txt" in capsys.readouterr().err


def test_eval_petrarch_finds_a_bare_dictionary_name_in_the_suite_folder(tmp_path, monkeypatch):
    from whodid.commands.eval_events import _dictionary

    folder = _petrarch_data(tmp_path)
    (folder / "verbs.txt").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _dictionary("verbs.txt", folder) == folder / "verbs.txt"
    assert _dictionary("elsewhere/verbs.txt", folder) == Path("elsewhere/verbs.txt")  # a path stays a path
