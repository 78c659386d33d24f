"""Merging across stories (whodid.merge) and its use by the store: the rule, near-misses, determinism,
idempotent re-coding, the schema migration from version 1."""
from __future__ import annotations

import json
import random
from pathlib import Path

import duckdb

from whodid.merge import cluster_mentions, compatible_across, merged_event, pair_scores
from whodid.model import Actor, Article, Event, Place, Trigger
from whodid.store import Store, _migrate_1

TOKYO = Place("Tokyo", 0, 5, name="Tokyo", geonameid=1850147, country="JPN", lat=35.69, lon=139.69, feature="city")
JAPAN = Place("Japan", 0, 5, name="Japan", country="JPN", feature="country")
OSAKA = Place("Osaka", 0, 5, name="Osaka", country="JPN", lat=34.69, lon=135.50, feature="city")


def _actor(country: str) -> Actor:
    return Actor(country, name=country, code=f"{country}GOV", country=country, sector="GOV")


def _m(story: str, start: int, actors: list[str], recipients: list[str], date: str | None,
       event_type: str = "CONSULT", status: str = "asserted", place: Place | None = None) -> Event:
    return Event(story_id=story, sentence_id=0, text="invented", event_type=event_type,
                 trigger=Trigger("met", start, start + 3), actors=[_actor(c) for c in actors],
                 recipients=[_actor(c) for c in recipients], date=date, status=status, location=place,
                 date_source="text" if date else "publication")


def test_rule_sides_dates_places_status() -> None:
    base = _m("a", 0, ["ARV"], ["BOR"], "2024-03-03", place=TOKYO)
    assert compatible_across(base, _m("b", 0, ["BOR"], ["ARV"], "2024-03-03"))  # a meeting is mutual
    assert compatible_across(base, _m("b", 0, ["ARV", "BOR"], [], "2024-03", place=JAPAN))  # coarser, side-less
    assert not compatible_across(base, _m("a", 9, ["ARV"], ["BOR"], "2024-03-03"))  # same story
    assert not compatible_across(base, _m("b", 0, ["ARV"], ["CAL"], "2024-03-03"))  # another recipient
    assert not compatible_across(base, _m("b", 0, ["ARV"], [], "2024-03-03"))  # one party only
    assert not compatible_across(base, _m("b", 0, ["ARV"], ["BOR"], "2024-04-03"))  # a month apart
    assert not compatible_across(base, _m("b", 0, ["ARV"], ["BOR"], "2024-03-03", status="negated"))
    assert not compatible_across(base, _m("b", 0, ["ARV"], ["BOR"], "2024-03-03", place=OSAKA))  # 400 km
    assert not compatible_across(base, _m("b", 0, ["ARV"], ["BOR"], "202X"))  # too coarse to merge
    assert not compatible_across(base, _m("b", 0, ["ARV"], ["BOR"], None))
    accuse = _m("a", 0, ["ARV"], ["BOR"], "2024-03-03", "ACCUSE")
    assert not compatible_across(accuse, _m("b", 0, ["BOR"], ["ARV"], "2024-03-03", "ACCUSE"))  # direction kept


def test_coarse_mention_does_not_chain_two_events() -> None:
    feb = [_m("a", 0, ["ARV"], ["BOR"], "2019-02-27"), _m("b", 0, ["ARV"], ["BOR"], "2019-02-28")]
    june = [_m("c", 0, ["ARV"], ["BOR"], "2019-06-30")]
    vague = [_m("d", 0, ["ARV"], ["BOR"], "2019")]
    clusters = cluster_mentions(feb + june + vague)
    assert sorted(len(c) for c in clusters) == [1, 1, 1, 1]  # 27 and 28 Feb differ; "2019" is ambiguous
    only_june = cluster_mentions(june + vague)
    assert [len(c) for c in only_june] == [2]  # unambiguous: joins, and the event keeps the finer date
    assert merged_event(only_june[0]).event.date == "2019-06-30"


def _corpus() -> list[Event]:
    events = []
    for i in range(12):
        events.append(_m(f"s{i}", 0, ["ARV"], ["BOR"], "2024-03-03" if i % 3 else "2024-03", place=TOKYO))
        events.append(_m(f"s{i}", 40, ["ARV"], ["BOR"], "2024-04-03", "SANCTION"))
        events.append(_m(f"s{i}", 80, ["ARV"], ["CAL"], "2024-03-03"))
    return events


def test_order_does_not_matter() -> None:
    events = _corpus()
    first = sorted(sorted(e.id for e in c) for c in cluster_mentions(events))
    for seed in range(5):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        assert sorted(sorted(e.id for e in c) for c in cluster_mentions(shuffled)) == first
    assert len(first) == 3


def _merged_state(store: Store) -> list[tuple]:
    return sorted((m.id, tuple(r.id for r in m.mentions), m.event.date) for m in store.merged_events())


def test_store_recoding_is_idempotent_and_order_free(tmp_path: Path) -> None:
    events = _corpus()
    by_story: dict[str, list[Event]] = {}
    for e in events:
        by_story.setdefault(e.story_id, []).append(e)
    stories = [(Article("x", id=s), evs) for s, evs in by_story.items()]
    with Store(tmp_path / "a.duckdb") as one, Store(tmp_path / "b.duckdb") as other:
        for article, evs in stories:
            one.write(article, evs)
        other.write_many(reversed(stories), batch=5)
        assert _merged_state(one) == _merged_state(other)
        assert one.events_count() == 3 and one.count() == 36
        state = _merged_state(one)
        one.write(*stories[4])  # re-coding: the same again
        assert _merged_state(one) == state and one.count() == 36
        one.write(stories[4][0], stories[4][1][:1])  # re-coded with fewer events: its old mentions leave
        assert one.count() == 34 and one.events_count() == 3
        march = one.merged_events(event_type="CONSULT", recipient="BOR")[0]
        assert march.n_mentions == 12 and march.n_stories == 12 and march.n_sources == 12
        assert one.connection.execute("SELECT count(*) FROM mentions WHERE event_id IS NULL").fetchone()[0] == 0
        assert one.connection.execute("SELECT count(*) FROM actors WHERE role = 'actor'").fetchone()[0] == 34
        assert one.connection.execute("SELECT count(*) FROM places").fetchone()[0] == 12
        one.write(Article("x", id="s4"), [])  # a story with nothing left
        assert one.count() == 33 and one.events_count() == 3


def test_sources_come_from_outlets(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.write(Article("x", id="a", source="Gazette"), [_m("a", 0, ["ARV"], ["BOR"], "2024-03-03")])
        store.write(Article("x", id="b", url="https://www.gazette.example/x"), [_m("b", 0, ["ARV"], ["BOR"], "2024-03-03")])
        store.write(Article("x", id="c", source="gazette"), [_m("c", 0, ["ARV"], ["BOR"], "2024-03-03")])
        [event] = store.merged_events()
        assert (event.n_mentions, event.n_stories, event.n_sources) == (3, 3, 2)


def test_migrates_a_version_1_store(tmp_path: Path) -> None:
    path = tmp_path / "v1.duckdb"
    old = [_m("a", 0, ["ARV"], ["BOR"], "2024-03-03"), _m("b", 0, ["ARV"], ["BOR"], "2024-03-03")]
    db = duckdb.connect(str(path))
    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1);")
    _migrate_1(db)  # the version 1 tables, as an old whodid left them
    db.executemany("INSERT INTO events (id, story_id, data) VALUES (?, ?, ?)",
                   [(e.id, e.story_id, json.dumps(e.to_dict())) for e in old])
    db.close()
    with Store(path) as store:
        assert store.version() == 3
        assert sorted(e.id for e in store.events()) == sorted(e.id for e in old)
        assert store.events_count() == 1 and store.merged_events()[0].n_mentions == 2


def test_pair_scores() -> None:
    gold = {"a": "1", "b": "1", "c": "2"}
    assert pair_scores({"a": "x", "b": "x", "c": "y"}, gold) == (1.0, 1.0)
    assert pair_scores({"a": "x", "b": "x", "c": "x"}, gold) == (1 / 3, 1.0)
    assert pair_scores({"a": "x", "b": "y", "c": "z"}, gold) == (1.0, 0.0)
