"""Kill a coding run at random points (SIGKILL, no clean-up), resume it each time: the final store equals the store
of an uninterrupted run. Ten kills, as in the robustness issue."""
from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from whodid.store import Store

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "stories.jsonl"
KILLS = 10


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The sample stories repeated under new ids: enough work to be killed in the middle of."""
    stories = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    path = tmp_path_factory.mktemp("fault") / "stories.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for copy in range(6):
            for story in stories:
                out.write(json.dumps({**story, "id": f"{story['id']}-{copy}"}) + "\n")
    return path


def _code(corpus: Path, db: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "whodid.cli", "code", str(corpus), "--db", str(db), "--resume", "--quiet"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _snapshot(db: Path) -> tuple[int, list[tuple]]:
    with Store(db, read_only=True) as store:
        events = sorted((e.id, e.story_id, e.event_type, e.date) for e in store.events())
        return store.stories_count(), events


def test_killed_runs_resume_to_the_same_store(corpus, tmp_path):
    reference = tmp_path / "reference.duckdb"
    assert _code(corpus, reference).wait(timeout=600) == 0

    db = tmp_path / "killed.duckdb"
    rng = random.Random(7)
    for _ in range(KILLS):
        process = _code(corpus, db)
        time.sleep(rng.uniform(1.0, 4.0))  # model load is ~2 s: kills land before, during and after writes
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
    final = _code(corpus, db)
    assert final.wait(timeout=600) == 0, final.stderr.read().decode()
    assert _snapshot(db) == _snapshot(reference)
