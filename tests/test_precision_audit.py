"""benchmarks/precision_audit.py: judgements, their matching to coded events, and precision (invented events)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _module():
    spec = importlib.util.spec_from_file_location("precision_audit", ROOT / "benchmarks" / "precision_audit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _event(event_id: str, actors: list[str], **extra) -> dict:
    return {"id": event_id, "story_id": "s1", "sentence_id": 0, "trigger": [0, 4], "event_type": "ASSAULT",
            "cameo": "190", "actors": actors, "recipients": [], "status": "asserted", **extra}


def test_judgements_apply_only_to_the_event_as_judged(tmp_path):
    audit = _module()
    listing = [_event("a", ["RUS"]), _event("b", ["UKR"])]
    labels = tmp_path / "labels.txt"
    labels.write_text("a T\nb F wrong side\n", encoding="utf-8")
    path = tmp_path / "judgements.jsonl"
    assert audit.add_judgements(listing, audit.read_labels(labels), path) == 2
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    assert "sentence" not in rows[0] and rows[1]["cause"] == "wrong side"
    report = audit.score(listing, audit.load_judgements(path))
    assert (report["judged"], report["true"], report["precision"]) == (2, 1, 0.5)
    recoded = [_event("a", ["RUS"]), _event("b", ["RUSMIL"])]  # b's side changed: its judgement no longer applies
    report = audit.score(recoded, audit.load_judgements(path))
    assert report["judged"] == 1 and [e["id"] for e in report["unjudged"]] == ["b"]


def test_unknown_names_are_stored_as_hashes():
    audit = _module()
    record = audit.audit_record({"id": "x", "story_id": "s", "sentence_id": 2, "trigger": {"start": 3, "end": 9},
                                 "event_type": "CONSULT", "cameo": "040", "status": "asserted",
                                 "actors": [{"code": "USAGOV", "name": "Donald Trump"}],
                                 "recipients": [{"code": None, "name": "Juan Perez"}]})
    assert record["actors"] == ["USAGOV"]
    assert record["recipients"][0].startswith("?") and "Perez" not in record["recipients"][0]


def test_labels_for_unlisted_events_are_refused(tmp_path):
    audit = _module()
    try:
        audit.add_judgements([_event("a", [])], {"zz": (True, None)}, tmp_path / "j.jsonl")
    except ValueError:
        return
    raise AssertionError("a label for an unlisted event must be refused")
