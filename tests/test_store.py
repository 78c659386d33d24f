"""The DuckDB event store: idempotent per-story writes, exact round trips, filters, locking."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from whodid.model import Actor, Article, Event, Place, Trigger
from whodid.store import Store, StoreLocked, date_span


def _article(story: str = "s1", text: str = "Arvenia warned Boravia. Boravia closed its border.") -> Article:
    return Article(text=text, id=story, title="Border row", published="2025-09-27", published_source="given",
                   origin="invented.txt")


def _event(story: str, start: int, event_type: str = "THREATEN", date: str | None = "2025-09-26",
           actor_country: str = "ARV", recipient_country: str | None = "BOR") -> Event:
    recipients = [Actor("Boravia", name="Boravia", code=f"{recipient_country}GOV", country=recipient_country)] \
        if recipient_country else []
    return Event(
        story_id=story, sentence_id=start // 30, text="Arvenia warned Boravia.", event_type=event_type,
        trigger=Trigger("warned", start, start + 6), cameo="130", quad_class=3, goldstein=-4.4,
        actors=[Actor("Arvenia", name="Arvenia", code=f"{actor_country}GOV", country=actor_country, sector="GOV")],
        recipients=recipients, date=date, date_precision="day" if date and len(date) == 10 else "month",
        location=Place("Lisbon", 0, 6, name="Lisbon", country="PRT", lat=38.7, lon=-9.1),
        attribution=Actor("officials"), confidence=0.7,
    )


def test_write_and_round_trip(tmp_path: Path) -> None:
    events = [_event("s1", 8), _event("s1", 32, "SANCTION")]
    with Store(tmp_path / "w.duckdb") as store:
        assert store.write(_article(), events) == 2
        assert store.count() == 2 and store.stories_count() == 1 and store.has_story("s1")
        assert not store.has_story("nope")
        got = store.events(story_id="s1")
        assert [e.to_dict() for e in got] == [e.to_dict() for e in events]
        assert store.article("s1").title == "Border row"


def test_rewrite_replaces_all_old_events(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with Store(path) as store:
        store.write(_article(), [_event("s1", 8), _event("s1", 32)])
        store.write(_article("s2"), [_event("s2", 8)])
        assert store.write(_article(), [_event("s1", 8)]) == 1  # re-coded: one event left
        assert store.count() == 2 and store.stories_count() == 2
        assert store.write(_article(), [_event("s1", 8)]) == 1  # same again: nothing duplicated
        assert store.count() == 2
    with Store(path, read_only=True) as store:  # persisted
        assert [e.story_id for e in store.events()] == ["s1", "s2"]


def test_duplicate_ids_in_one_write_keep_first(tmp_path: Path) -> None:
    first, second = _event("s1", 8), _event("s1", 8)
    second.confidence = 0.1
    assert first.id == second.id
    with Store(tmp_path / "w.duckdb") as store:
        assert store.write(_article(), [first, second]) == 1
        assert store.events()[0].confidence == 0.7


def test_write_many_and_filters(tmp_path: Path) -> None:
    items = [
        (_article("a"), [_event("a", 8, "THREATEN", "2025-09-26", "ARV", "BOR")]),
        (_article("b"), [_event("b", 8, "CONSULT", "2019-06", "USA", "PRK")]),
        (_article("c"), [_event("c", 8, "CONSULT", None, "CHN", None)]),
        (_article("d"), []),
    ]
    with Store(tmp_path / "w.duckdb") as store:
        assert store.write_many(items, batch=2) == 3
        assert store.stories_count() == 4
        assert {e.story_id for e in store.events(event_type="consult")} == {"b", "c"}
        assert [e.story_id for e in store.events(country="prk")] == ["b"]  # recipient side
        assert [e.story_id for e in store.events(country="CHN")] == ["c"]  # actor side
        assert [e.story_id for e in store.events(since="2025-01-01")] == ["a"]
        assert [e.story_id for e in store.events(until="2019-06-15")] == ["b"]  # month overlaps
        assert [e.story_id for e in store.events(since="2019-06-30", until="2019-07")] == ["b"]
        assert store.events(since="2019-07-01", until="2025-09-25") == []
        assert [e.story_id for e in store.events()] == ["b", "a", "c"]  # by date, undated last
        assert len(store.events(limit=1)) == 1
        with pytest.raises(ValueError, match="not a date"):
            store.events(since="last week")


def test_date_span() -> None:
    assert date_span("2025-09-27") == (date_span("2025-09-27")[0],) * 2
    assert str(date_span("2024-02")[1]) == "2024-02-29"
    assert [str(d) for d in date_span("2025-W39")] == ["2025-09-22", "2025-09-28"]
    assert [str(d) for d in date_span("201X")] == ["2010-01-01", "2019-12-31"]
    assert date_span("PRESENT_REF") is None and date_span(None) is None


def test_schema_version_and_read_only_missing(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with Store(path) as store:
        assert store.connection.execute("SELECT version FROM schema_version").fetchall() == [(3,)]
    with Store(path) as store:  # reopening does not add a second version row
        assert store.connection.execute("SELECT count(*) FROM schema_version").fetchone()[0] == 1
    with pytest.raises(FileNotFoundError):
        Store(tmp_path / "absent.duckdb", read_only=True)


def test_version_2_file_gains_place_confidence(tmp_path: Path) -> None:
    path = tmp_path / "v2.duckdb"
    with Store(path) as store:  # a version-2 file: places without the confidence column
        store.connection.execute("ALTER TABLE places DROP COLUMN confidence; UPDATE schema_version SET version = 2")
        store.connection.execute("INSERT INTO places (mention_id, story_id, name) VALUES ('m1', 's1', 'Hanoi')")
    with Store(path) as store:
        db = store.connection
        assert db.execute("SELECT version FROM schema_version").fetchall() == [(3,)]
        assert db.execute("SELECT name, confidence FROM places").fetchall() == [("Hanoi", None)]


def test_locked_by_another_process(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, duckdb
            db = duckdb.connect({str(path)!r})
            print("ready", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreLocked, match="in use by another process"):
            Store(path)
    finally:
        holder.stdin.close()
        holder.wait(timeout=20)
    Store(path).close()  # released again


def test_bulk_path_round_trips(tmp_path: Path) -> None:
    """Large batches go through a DataFrame insert: values, NULLs and lists must survive it."""
    items = []
    for i in range(30):
        story = f"bulk{i:02d}"
        events = [_event(story, 8 + 30 * j, date=None if i < 10 else "2025-09", recipient_country=None if j else "BOR")
                  for j in range(3)]
        events[0].quad_class = None
        items.append((_article(story), events))
    with Store(tmp_path / "w.duckdb") as store:
        assert store.write_many(items) == 90
        got = store.events()
        assert sorted(e.to_dict()["id"] for e in got) == sorted(e.id for _, evs in items for e in evs)
        by_id = {e.id: e.to_dict() for e in got}
        assert all(by_id[e.id] == e.to_dict() for _, evs in items for e in evs)
        assert len(store.events(since="2025-09-30")) == 60 and len(store.events(country="BOR")) == 30
        assert store.connection.execute("SELECT count(*) FROM mentions WHERE quad_class IS NULL").fetchone()[0] == 30
        assert store.write_many(items) == 90 and store.count() == 90  # idempotent in bulk too


def test_sibling_mentions_are_the_other_mentions_of_the_merged_event(tmp_path):
    from whodid.coder import Coder
    from whodid.model import Article
    from whodid.store import Store

    coder = Coder()
    first = Article(id="s1", published="2025-06-05", text="Kenya and Ethiopia held talks in Nairobi on June 3, 2025.")
    second = Article(id="s2", published="2025-06-06",
                     text="Kenya and Ethiopia met in Nairobi on June 3, 2025, a statement said.")
    with Store(tmp_path / "m.duckdb") as store:
        for article, events in coder.code_articles([first, second]):
            store.write(article, events)
        talks = [e for e in store.events() if e.event_type == "CONSULT"]
        assert {e.story_id for e in talks} == {"s1", "s2"}
        siblings = store.sibling_mentions(talks[0].id)
        assert [e.id for e in siblings] == [talks[1].id]
