"""The Dask runner: partitions cover every input record exactly once; a LocalCluster codes like the local coder,
loads the model once per worker, writes Parquet partitions, and re-runs (plain or resumed) change nothing."""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from whodid.cli import main
from whodid.distributed import (DaskRun, code_partition, part_files, partition_articles, plan_partitions,
                                read_partition)
from whodid.store import Store

# Invented stories, short so a two-worker cluster codes them in seconds.
STORIES = [
    {"id": "dist-1", "published": "2024-03-04",
     "text": "Kenya and Ethiopia signed a trade agreement in Nairobi on Monday.\n"
             "The two governments said more talks would follow in May."},
    {"id": "dist-2", "published": "2024-05-10",
     "text": "Police arrested dozens of protesters in Lagos on Friday, witnesses said."},
    {"id": "dist-3", "published": "2024-07-22",
     "text": "The European Union imposed sanctions on three Iranian officials on Tuesday."},
]


def _write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    return _write_jsonl(tmp_path / "stories.jsonl", STORIES)


@pytest.mark.parametrize("size", [1, 7, 50, 10_000])
def test_jsonl_byte_ranges_read_every_line_once(tmp_path, size):
    records = [{"id": f"r{i}", "text": f"Officials from Chile and Peru met in Lima to discuss water {i}."}
               for i in range(12)]
    path = _write_jsonl(tmp_path / "many.jsonl", records)
    parts = plan_partitions([path], partition_bytes=size)
    assert all(p.kind == "jsonl" for p in parts)
    assert len(parts) == -(-path.stat().st_size // size)
    ids = [a.id for part in parts for a in partition_articles(part)]
    assert ids == [r["id"] for r in records]


def test_small_file_is_cut_for_every_worker_and_bad_lines_skipped(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps(STORIES[0]) + "\n{not json\n" + json.dumps(STORIES[1]) + "\n", encoding="utf-8")
    parts = plan_partitions([path], min_partitions=4)
    assert len(parts) == 4
    skipped: list[tuple[str, str]] = []
    ids = [a.id for p in parts for a in partition_articles(p, on_skip=lambda o, r: skipped.append((o, r)))]
    assert ids == ["dist-1", "dist-2"]
    assert len(skipped) == 1 and "malformed JSON" in skipped[0][1]


def test_parquet_row_ranges_and_other_inputs(tmp_path):
    source = _write_jsonl(tmp_path / "src.jsonl", STORIES)
    parquet = tmp_path / "stories.parquet"
    with duckdb.connect() as con:
        con.execute(f"COPY (SELECT * FROM read_json_auto('{source}')) TO '{parquet}' (FORMAT parquet)")
    text = tmp_path / "note.txt"
    text.write_text(STORIES[2]["text"], encoding="utf-8")
    parts = plan_partitions([parquet, text], partition_rows=2)
    assert [p.kind for p in parts] == ["parquet", "parquet", "articles"]
    articles = [a for p in parts for a in partition_articles(p)]
    assert [a.id for a in articles[:3]] == ["dist-1", "dist-2", "dist-3"]
    assert articles[0].published == "2024-03-04"
    assert articles[3].text.startswith("The European Union")


def test_partition_files_round_trip(corpus, tmp_path):
    """Coding a partition in this process writes Parquet files that read back to the coder's own output."""
    from whodid.distributed import worker_coder

    (part,) = plan_partitions([corpus])
    result = code_partition(part, str(tmp_path / "parts"))
    stories_file, events_file = part_files(tmp_path / "parts", part)
    assert stories_file.exists() and events_file.exists()
    back = list(read_partition(tmp_path / "parts", part))
    direct = list(worker_coder().code_articles(partition_articles(part)))
    assert [a.id for a, _ in back] == [a.id for a, _ in direct] == [s["id"] for s in STORIES]
    assert [[e.to_dict() for e in ev] for _, ev in back] == [[e.to_dict() for e in ev] for _, ev in direct]
    assert result.stories == 3 and result.events == sum(len(ev) for _, ev in direct) > 0


@pytest.fixture(scope="module")
def cluster():
    with DaskRun("local", workers=2) as run:
        yield run


def test_local_cluster_codes_like_the_local_coder(cluster, corpus, tmp_path):
    from whodid.distributed import worker_coder

    parts_dir = tmp_path / "parts"
    pairs = list(cluster.code([corpus], parts_dir))
    assert [a.id for a, _ in pairs] == [s["id"] for s in STORIES]
    local = list(worker_coder().code_articles(a for a, _ in pairs))
    assert [[e.to_dict() for e in ev] for _, ev in pairs] == [[e.to_dict() for e in ev] for _, ev in local]
    assert len(cluster.results) > 1  # the file was cut so both workers had work
    assert len(list(parts_dir.glob("*.events.parquet"))) == len(cluster.results)
    stats = cluster.worker_stats()
    assert len(stats) == 2
    assert all(s["coder_loads"] == 1 for s in stats.values())  # one model load per worker, however many tasks
    assert all(0 < s["peak_rss_mb"] < 1024 for s in stats.values())


def test_resume_reads_finished_partitions_back(cluster, corpus, tmp_path):
    parts_dir = tmp_path / "parts"
    first = [(a.id, [e.id for e in ev]) for a, ev in cluster.code([corpus], parts_dir)]
    n_results = len(cluster.results)
    again = [(a.id, [e.id for e in ev]) for a, ev in cluster.code([corpus], parts_dir, resume=True)]
    assert again == first
    assert all(r.cached for r in cluster.results[n_results:])


def test_cli_dask_run_is_idempotent(corpus, tmp_path):
    db = tmp_path / "events.duckdb"
    reference = tmp_path / "reference.duckdb"
    assert main(["code", str(corpus), "--db", str(reference), "--quiet"]) == 0
    for _ in range(2):  # re-running replaces, never duplicates
        assert main(["code", str(corpus), "--db", str(db), "--dask", "local", "--workers", "1", "--quiet"]) == 0
    assert (tmp_path / "events.parts").is_dir()
    with Store(db, read_only=True) as got, Store(reference, read_only=True) as want:
        assert got.stories_count() == want.stories_count() == 3
        assert sorted(e.to_dict()["id"] for e in got.events()) == sorted(e.to_dict()["id"] for e in want.events())
        assert got.count() == want.count() > 0
