"""The command line: output formats, the store, bad input, stdin."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from whodid.cli import main
from whodid.model import EVENT_FIELDS

STORY = ("Kenya and Ethiopia sign power deal\n"
         "NAIROBI – Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Mombasa on Tuesday.\n"
         "Follow topic:\n"
         "The two leaders signed an agreement to build a power line, officials said.\n")


@pytest.fixture()
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_jsonl_to_stdout(story, capsys):
    assert main(["code", str(story), "--published", "2025-06-05", "--quiet"]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert events and all(tuple(e) == EVENT_FIELDS for e in events)
    meeting = next(e for e in events if e["event_type"] == "CONSULT")
    assert meeting["date"] == "2025-06-03" and meeting["location"]["name"] == "Mombasa"


def test_csv_out_file(story, tmp_path, capsys):
    out = tmp_path / "events.csv"
    assert main(["code", str(story), "--published", "2025-06-05", "--format", "csv", "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and {"event_type", "date", "actors", "trigger"} <= set(rows[0])
    assert capsys.readouterr().out == ""


def test_db_recoding_replaces_never_duplicates(story, tmp_path):
    from whodid.store import Store

    db = tmp_path / "events.duckdb"
    assert main(["code", str(story), "--published", "2025-06-05", "--db", str(db), "--quiet"]) == 0
    with Store(db) as store:
        first = store.count()
    assert main(["code", str(story), "--published", "2025-06-05", "--db", str(db), "--quiet"]) == 0
    with Store(db) as store:
        assert store.count() == first > 0
        assert store.stories_count() == 1


def test_min_confidence_leaves_out_less_confident_events(story, capsys):
    def coded(*extra: str) -> list[dict]:
        assert main(["code", str(story), "--published", "2025-06-05", "--quiet", *extra]) == 0
        return [json.loads(line) for line in capsys.readouterr().out.splitlines()]

    everything = coded()
    top = max(e["confidence"] for e in everything)
    assert everything and coded("--min-confidence", str(top)) == [e for e in everything if e["confidence"] >= top]
    assert coded("--min-confidence", str(round(top + 0.01, 2))) == []
    with pytest.raises(SystemExit):
        main(["code", str(story), "--min-confidence", "1.5"])
    assert "between 0 and 1" in capsys.readouterr().err


def test_bad_published_date_is_a_clear_error(story, capsys):
    assert main(["code", str(story), "--published", "not-a-date"]) == 2
    assert "error" in capsys.readouterr().err


def test_missing_input_is_a_clear_error(tmp_path, capsys):
    assert main(["code", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_bad_lines_are_skipped_and_the_rest_coded(tmp_path, capsys):
    path = tmp_path / "stories.jsonl"
    good = {"id": "a1", "title": "Talks", "published": "2025-06-05",
            "text": "Kenya and Ethiopia held talks in Nairobi on Tuesday."}
    path.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"id": "a2", "text": ""}) + "\n", encoding="utf-8")
    assert main(["code", str(path), "--quiet"]) == 3  # some input skipped
    captured = capsys.readouterr()
    events = [json.loads(line) for line in captured.out.splitlines()]
    assert {e["story_id"] for e in events} == {"a1"}
    assert "skipped" in captured.err


def test_nothing_coded_has_its_own_exit_status(tmp_path, capsys):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert main(["code", str(path), "--quiet"]) == 4
    assert "skipped" in capsys.readouterr().err


def test_resume_skips_stories_already_stored(story, tmp_path, capsys):
    db = tmp_path / "events.duckdb"
    assert main(["code", str(story), "--published", "2025-06-05", "--db", str(db), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["code", str(story), "--published", "2025-06-05", "--db", str(db), "--resume", "--quiet"]) == 0
    assert "0 events from 0 stories" in capsys.readouterr().err


def test_stdin_text(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Kenya and Ethiopia held talks in Nairobi on Tuesday.\n"))
    assert main(["code", "-", "--published", "2025-06-05", "--quiet"]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [e["event_type"] for e in events] == ["CONSULT"]


def test_console_script_runs():
    result = subprocess.run([sys.executable, "-m", "whodid.cli", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and "whodid" in result.stdout


def test_python_dash_m_runs_the_command_line():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "whodid", "--version"], capture_output=True, text=True, check=True)
    assert "whodid" in (out.stdout + out.stderr).lower()


def test_sports_news_is_left_uncoded_unless_every_genre_is_asked_for(tmp_path, capsys):
    from test_genres import MATCH_REPORT

    path = tmp_path / "match.txt"
    path.write_text(MATCH_REPORT, encoding="utf-8")
    assert main(["code", str(path), "--published", "2024-05-02", "--quiet"]) == 0
    assert capsys.readouterr().out.strip() == ""
    assert main(["code", str(path), "--published", "2024-05-02", "--quiet", "--all-genres"]) == 0
    assert [json.loads(line)["trigger"]["text"] for line in capsys.readouterr().out.splitlines()] == ["congratulated"]
