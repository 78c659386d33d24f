"""The synthetic multi-story set (tests/data/multistory): coded end to end, stored, merged across stories;
merge precision/recall, query filters, dyad series and the query/dyad/export commands."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from whodid.analysis import dyad_series
from whodid.cli import main
from whodid.ingest import read_inputs
from whodid.merge import pair_scores
from whodid.resources import parse_yaml
from whodid.store import Store

SET = Path(__file__).resolve().parent / "data" / "multistory"


def _gold() -> dict[str, str]:
    data = parse_yaml((SET / "gold.yaml").read_text(encoding="utf-8"))
    return {mention: label for label, mentions in data["events"].items() for mention in mentions}


@pytest.fixture(scope="module")
def db(coder, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("multi") / "m.duckdb"
    with Store(path) as store:
        for article, events in coder.code_articles(read_inputs([SET / "stories.jsonl"])):
            store.write(article, events)
    return path


def _predicted(store: Store) -> dict[str, str]:
    return {f"{m.story_id} {m.sentence_id} {m.trigger.text}": merged.id
            for merged in store.merged_events() for m in merged.mentions}


def test_merge_precision_and_recall(db: Path) -> None:
    with Store(db, read_only=True) as store:
        predicted = _predicted(store)
    gold = _gold()
    assert set(gold) <= set(predicted), f"coder missed gold mentions: {sorted(set(gold) - set(predicted))}"
    precision, recall = pair_scores(predicted, gold)
    assert precision >= 0.95 and recall >= 0.85, (precision, recall)


def test_near_misses_stay_apart_and_counts(db: Path) -> None:
    with Store(db, read_only=True) as store:
        march = store.merged_events(dyad=("JPN", "KOR"), since="2024-03", until="2024-03")
        assert len(march) == 1 and march[0].n_mentions == 4 and march[0].n_stories == 4
        assert march[0].n_sources == 4 and march[0].event.date == "2024-03-03"
        assert len(store.merged_events(dyad=("JPN", "KOR"))) == 2  # April is another event
        assert len(store.merged_events(actor="BRA", event_type="AID")) == 2  # Haiti and the Dominican Republic
        haiti = store.merged_events(recipient="HTI")
        assert len(haiti) == 1 and haiti[0].n_mentions == 3 and haiti[0].n_sources == 3
        assert len(store.merged_events(actor="FRA", recipient="IRN")) == 2
        assert store.events_count() < store.count()


def test_query_filters_return_frames(db: Path) -> None:
    with Store(db, read_only=True) as store:
        frame = store.query(event_type="sanction")
        assert isinstance(frame, pd.DataFrame) and len(frame) == 2
        assert sorted(frame["n_mentions"]) == [1, 2]
        assert list(store.query(cameo="11")["event_type"]) == ["ACCUSE"]
        assert set(store.query(quad_class=4)["event_type"]) == {"ASSAULT", "SANCTION"}
        assert set(store.query(place="Tokyo")["event_type"]) == {"CONSULT"}
        assert len(store.query(place="DOM")) == 1
        assert len(store.query(level="mentions", story_id="ms10")) == 2
        assert len(store.query(story_id="ms10")) == 2
        assert store.query(status="negated").empty
        confidences = store.query(level="mentions")["confidence"]
        assert len(store.query(level="mentions", min_confidence=float(confidences.median()))) < len(confidences)
        assert len(store.query(level="mentions", min_confidence=0.0)) == len(confidences)
        assert len(store.query(historical=False)) == len(store.query()) - len(store.query(historical=True))
        with pytest.raises(ValueError):
            store.query(level="sentences")


def test_dyad_series_by_month_and_week(db: Path) -> None:
    with Store(db, read_only=True) as store:
        months = dyad_series(store, "JPN", "KOR", by="month")
        assert [str(p.date()) for p in months["period"]] == ["2024-03-01", "2024-04-01"]
        assert list(months["events"]) == [1, 1] and list(months["q1"]) == [1, 1]
        assert list(months["mentions"]) == [4, 1]
        weeks = dyad_series(store, "JPN", "KOR", by="week", level="mentions")
        assert weeks.attrs["too_coarse"] == 1  # "in March 2024" has no week
        assert weeks["events"].sum() == 4


def test_commands(db: Path, tmp_path: Path, capsys) -> None:
    assert main(["query", "--db", str(db), "--dyad", "JPN", "KOR", "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(r["n_mentions"] for r in lines) == [1, 4] and all("event_type" in r for r in lines)
    assert main(["query", "--db", str(db), "--type", "AID"]) == 0
    assert "HTI" in capsys.readouterr().out
    assert main(["dyad", "FRA", "IRN", "--db", str(db), "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == "period,events,q1,q2,q3,q4,goldstein,mentions"
    assert [r.split(",")[:2] + r.split(",")[-1:] for r in rows[1:]] == [["2024-06-01", "1", "2"], ["2024-07-01", "1", "1"]]
    for fmt in ("plover", "phoenix", "csv", "jsonl"):
        out = tmp_path / f"e.{fmt}"
        assert main(["export", "--db", str(db), "--format", fmt, "--out", str(out), "--type", "AID"]) == 0
        assert out.stat().st_size > 0
    phoenix = pd.read_csv(tmp_path / "e.phoenix", sep="\t")
    assert set(phoenix["TargetActorEntity"]) == {"HTI", "DOM"} and set(phoenix["Date"]) == {20240510}
    plover = [json.loads(line) for line in (tmp_path / "e.plover").read_text().splitlines()]
    assert all(isinstance(r["actor"], list) and r["event_type"] == "AID" for r in plover)
    parquet = tmp_path / "e.parquet"
    assert main(["export", "--db", str(db), "--format", "parquet", "--out", str(parquet)]) == 0
    import duckdb  # read it back with DuckDB: pandas would need pyarrow

    with Store(db, read_only=True) as store:
        assert duckdb.connect().execute(f"SELECT count(*) FROM '{parquet}'").fetchone()[0] == store.events_count()
    assert main(["query", "--db", str(tmp_path / "absent.duckdb")]) == 2
