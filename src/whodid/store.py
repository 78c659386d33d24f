"""The event store: one DuckDB file holding stories, the event mentions coded from them, and the events those
mentions merge into across stories (schema and merge rule: docs/store.md).

Writes are idempotent per story: writing a story again replaces its row and *all* its old mentions in one
transaction and re-merges the events they touch, so re-running a corpus never duplicates nor loses. Each mention
row keeps flat, queryable columns and the full ``Event.to_dict()`` JSON, from which :meth:`Store.events` rebuilds
mentions exactly; each merged event keeps ``MergedEvent.to_dict()`` (the Event JSON plus its mentions).
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import threading
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import duckdb

from whodid.merge import MAX_SPAN_DAYS, MentionRef, MergedEvent, cluster_mentions, merged_event
from whodid.model import Actor, Article, Event, Trigger

if TYPE_CHECKING:
    import pandas as pd

SCHEMA_VERSION = 3
_CURSOR_LOCK = threading.Lock()  # see Store.reader

# (column, type) of each table; the DDL and the typed bulk insert are both built from these.
_STORY_TABLE = (
    ("id", "VARCHAR"), ("title", "VARCHAR"), ("published", "VARCHAR"), ("published_source", "VARCHAR"),
    ("source", "VARCHAR"), ("url", "VARCHAR"), ("origin", "VARCHAR"), ("text", "VARCHAR"), ("n_events", "INTEGER"),
    ("coded_at", "TIMESTAMP"),
)
# Columns shared by mentions and merged events: what the filters of query() read.
_FLAT = (
    ("event_type", "VARCHAR"), ("mode", "VARCHAR"), ("cameo", "VARCHAR"), ("quad_class", "INTEGER"),
    ("goldstein", "DOUBLE"), ("date", "VARCHAR"), ("date_precision", "VARCHAR"), ("date_mod", "VARCHAR"),
    ("date_source", "VARCHAR"), ("historical", "BOOLEAN"), ("status", "VARCHAR"), ("actor_codes", "VARCHAR[]"),
    ("actor_countries", "VARCHAR[]"), ("recipient_codes", "VARCHAR[]"), ("recipient_countries", "VARCHAR[]"),
    # every name an actor filter may use: countries, codes, upper-cased names
    ("actor_keys", "VARCHAR[]"), ("recipient_keys", "VARCHAR[]"),
    ("location_name", "VARCHAR"), ("location_country", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
    # the span a (possibly partial) date covers, so since/until work for "2025-08" or "2025-W39"
    ("date_start", "DATE"), ("date_end", "DATE"), ("confidence", "DOUBLE"),
)
# One row per coded event mention: what the coder returns for one story.
_MENTION_TABLE = (
    ("id", "VARCHAR"), ("story_id", "VARCHAR"), ("sentence_id", "INTEGER"), *_FLAT,
    ("trigger_text", "VARCHAR"), ("trigger_start", "INTEGER"), ("sentence", "VARCHAR"),
    ("event_id", "VARCHAR"),  # the merged event it belongs to
    ("data", "JSON"),  # the full Event.to_dict(): events() rebuilds each mention from it exactly
)
# One row per real-world event, merged across mentions and stories (whodid.merge).
_EVENT_TABLE = (
    ("id", "VARCHAR"), *_FLAT, ("n_mentions", "INTEGER"), ("n_stories", "INTEGER"), ("n_sources", "INTEGER"),
    ("story_ids", "VARCHAR[]"), ("mention_ids", "VARCHAR[]"),
    ("data", "JSON"),  # MergedEvent.to_dict()
)
_ACTOR_TABLE = (
    ("mention_id", "VARCHAR"), ("story_id", "VARCHAR"), ("role", "VARCHAR"), ("position", "INTEGER"),
    ("text", "VARCHAR"), ("name", "VARCHAR"), ("code", "VARCHAR"), ("country", "VARCHAR"), ("sector", "VARCHAR"),
    ("kb_id", "VARCHAR"),
)
_PLACE_TABLE = (
    ("mention_id", "VARCHAR"), ("story_id", "VARCHAR"), ("text", "VARCHAR"), ("start", "INTEGER"),
    ("end", "INTEGER"), ("name", "VARCHAR"), ("geonameid", "BIGINT"), ("country", "VARCHAR"), ("admin1", "VARCHAR"),
    ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("feature", "VARCHAR"), ("confidence", "DOUBLE"),
)
# version 1's single table of mentions, named "events"
_V1_EVENT_TABLE = (
    ("id", "VARCHAR"), ("story_id", "VARCHAR"), ("sentence_id", "INTEGER"), ("event_type", "VARCHAR"),
    ("mode", "VARCHAR"), ("cameo", "VARCHAR"), ("quad_class", "INTEGER"), ("goldstein", "DOUBLE"),
    ("date", "VARCHAR"), ("date_precision", "VARCHAR"), ("date_mod", "VARCHAR"), ("date_source", "VARCHAR"),
    ("historical", "BOOLEAN"), ("status", "VARCHAR"), ("actor_codes", "VARCHAR[]"),
    ("actor_countries", "VARCHAR[]"), ("recipient_codes", "VARCHAR[]"), ("recipient_countries", "VARCHAR[]"),
    ("location_name", "VARCHAR"), ("location_country", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
    ("trigger_text", "VARCHAR"), ("trigger_start", "INTEGER"), ("sentence", "VARCHAR"), ("confidence", "DOUBLE"),
    ("date_start", "DATE"), ("date_end", "DATE"), ("data", "JSON"),
)


def _ddl(name: str, columns: tuple[tuple[str, str], ...], key: bool = True) -> str:
    body = ", ".join(f'"{col}" {kind}' + (" PRIMARY KEY" if col == "id" and key else "") for col, kind in columns)
    return f"CREATE TABLE IF NOT EXISTS {name} ({body});"


def _migrate_1(db: duckdb.DuckDBPyConnection) -> None:
    """Version 1: stories and one table of event mentions named ``events``."""
    db.execute(_ddl("stories", _STORY_TABLE) + _ddl("events", _V1_EVENT_TABLE)
               + "CREATE INDEX IF NOT EXISTS events_story ON events (story_id);")


def _migrate_2(db: duckdb.DuckDBPyConnection) -> list[Event]:
    """Version 2: mentions, merged events, actors, places. Returns version 1's mentions, to be written again
    (rows are rebuilt from their JSON so every new column is filled) and merged."""
    old = [Event.from_dict(json.loads(data)) for (data,) in db.execute("SELECT data FROM events").fetchall()]
    db.execute("DROP INDEX IF EXISTS events_story; DROP TABLE events;")
    db.execute(_ddl("mentions", _MENTION_TABLE) + _ddl("events", _EVENT_TABLE)
               + _ddl("actors", _ACTOR_TABLE, key=False) + _ddl("places", _PLACE_TABLE, key=False)
               + "CREATE INDEX IF NOT EXISTS mentions_story ON mentions (story_id);"
               + "CREATE INDEX IF NOT EXISTS actors_mention ON actors (mention_id);")
    return old


def _migrate_3(db: duckdb.DuckDBPyConnection) -> None:
    """Version 3: places carry their confidence (NULL for places written before)."""
    db.execute("ALTER TABLE places ADD COLUMN IF NOT EXISTS confidence DOUBLE;")


# version -> the function that brings a store from the version before to it
_MIGRATIONS = {1: _migrate_1, 2: _migrate_2, 3: _migrate_3}


class StoreLocked(RuntimeError):
    """The database file is held by another process (DuckDB allows one writer process)."""


def date_span(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by an ISO date at any precision: "2019-06-30", "2025-08", "2019",
    "2025-W39", "201X" (decade), "19XX" (century); None when the value is not a calendar date."""
    if not value:
        return None
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
            day = dt.date(*map(int, m.groups()))
            return day, day
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            year, month = map(int, m.groups())
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            year, week = map(int, m.groups())
            return dt.date.fromisocalendar(year, week, 1), dt.date.fromisocalendar(year, week, 7)
        if m := re.fullmatch(r"(\d{1,4})(X*)", value):
            digits, wild = m.groups()
            if len(digits) + len(wild) != 4:
                return None
            first, last = int(digits + "0" * len(wild)), int(digits + "9" * len(wild))
            return dt.date(max(first, 1), 1, 1), dt.date(last, 12, 31)
    except ValueError:
        return None
    return None


def _bound(value: str | None, end: bool) -> dt.date | None:
    """A since/until argument as a date: partial dates widen to their first (since) or last (until) day."""
    if value is None:
        return None
    span = date_span(value.strip()[:10] if re.match(r"\d{4}-\d{2}-\d{2}T", value.strip()) else value.strip())
    if span is None:
        raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return span[1] if end else span[0]


def _keys(actors: list[Actor]) -> list[str]:
    """What an actor filter may name: each actor's country, CAMEO code and upper-cased canonical name."""
    keys: list[str] = []
    for actor in actors:
        for key in (actor.country, actor.code, (actor.name or "").upper() or None):
            if key and key not in keys:
                keys.append(key)
    return keys


def _flat(event: Event) -> tuple[Any, ...]:
    """The filterable columns (``_FLAT``) of one event."""
    span = date_span(event.date)
    location = event.location
    return (
        event.event_type, event.mode, event.cameo, event.quad_class, event.goldstein, event.date,
        event.date_precision, event.date_mod, event.date_source, event.historical, event.status,
        [a.code for a in event.actors], [a.country for a in event.actors],
        [a.code for a in event.recipients], [a.country for a in event.recipients],
        _keys(event.actors), _keys(event.recipients),
        (location.name or location.text) if location else None, location.country if location else None,
        location.lat if location else None, location.lon if location else None,
        span[0] if span else None, span[1] if span else None, event.confidence,
    )


def _mention_row(event: Event) -> tuple[Any, ...]:
    """The mentions-table row of one event mention (flat columns plus the full JSON); no merged event yet."""
    return (event.id, event.story_id, event.sentence_id, *_flat(event), event.trigger.text, event.trigger.start,
            event.text, None, json.dumps(event.to_dict(), ensure_ascii=False))


def _event_row(merged: MergedEvent) -> tuple[Any, ...]:
    """The events-table row of one merged event."""
    return (merged.id, *_flat(merged.event), merged.n_mentions, merged.n_stories, merged.n_sources,
            sorted({m.story_id for m in merged.mentions}), [m.id for m in merged.mentions],
            json.dumps(merged.to_dict(), ensure_ascii=False))


def _actor_rows(event: Event) -> list[tuple[Any, ...]]:
    sides = [("actor", event.actors), ("recipient", event.recipients),
             ("attribution", [event.attribution] if event.attribution else [])]
    return [(event.id, event.story_id, role, i, a.text, a.name, a.code, a.country, a.sector, a.kb_id)
            for role, actors in sides for i, a in enumerate(actors)]


def _place_rows(event: Event) -> list[tuple[Any, ...]]:
    p = event.location
    if p is None:
        return []
    return [(event.id, event.story_id, p.text, p.start, p.end, p.name, p.geonameid, p.country, p.admin1, p.lat,
             p.lon, p.feature, p.confidence)]


def _story_row(article: Article, n_events: int) -> tuple[Any, ...]:
    return (article.id, article.title, article.published, article.published_source, article.source, article.url,
            article.origin, article.text, n_events, dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))


def _source_of(source: str | None, url: str | None) -> str | None:
    """The outlet of a story: its ``source``, else its URL's host (without "www.")."""
    if source:
        return source.strip().lower()
    if url and (m := re.match(r"[a-z]+://(?:www\.)?([^/:?#]+)", url.strip().lower())):
        return m.group(1)
    return None


def _unique(events: list[Event]) -> list[Event]:
    """Events with distinct ids, the first of each kept."""
    seen: set[str] = set()
    out = []
    for event in events:
        if event.id not in seen:
            seen.add(event.id)
            out.append(event)
    return out


_LEVELS = {"events": "events", "mentions": "mentions"}


def sql_filters(*, story_id: str | None = None, actor: str | None = None, recipient: str | None = None,
             dyad: tuple[str, str] | None = None, event_type: str | None = None, cameo: str | None = None,
             quad_class: int | None = None, status: str | None = None, historical: bool | None = None,
             since: str | None = None, until: str | None = None, country: str | None = None,
             place: str | None = None, min_confidence: float | None = None,
             level: str = "events") -> tuple[list[str], list[Any]]:
    """SQL conditions and parameters for the query filters (all must hold)."""
    where: list[str] = []
    params: list[Any] = []

    def add(sql: str, *values: Any) -> None:
        where.append(sql)
        params.extend(values)

    either = "list_concat(actor_keys, recipient_keys)"
    if story_id is not None:
        add("story_id = ?" if level == "mentions" else "list_contains(story_ids, ?)", story_id)
    if actor is not None:
        add("list_contains(actor_keys, ?)", actor.upper())
    if recipient is not None:
        add("list_contains(recipient_keys, ?)", recipient.upper())
    if dyad is not None:  # undirected: both named among the participants, on either side
        add(f"list_contains({either}, ?) AND list_contains({either}, ?)", dyad[0].upper(), dyad[1].upper())
    if event_type is not None:
        add("event_type = ?", event_type.upper())
    if cameo is not None:
        add("starts_with(cameo, ?)", cameo)
    if quad_class is not None:
        add("quad_class = ?", int(quad_class))
    if status is not None:
        add("status = ?", status.lower())
    if historical is not None:
        add("historical = ?", bool(historical))
    if country is not None:
        add("(list_contains(actor_countries, ?) OR list_contains(recipient_countries, ?))",
            country.upper(), country.upper())
    if place is not None:  # a place name (case-insensitive) or the place's ISO3 country
        add("(lower(location_name) = lower(?) OR location_country = upper(?))", place, place)
    if since is not None:
        add("date_end >= ?", _bound(since, end=False))
    if until is not None:
        add("date_start <= ?", _bound(until, end=True))
    if min_confidence is not None:
        add("confidence >= ?", float(min_confidence))
    return where, params


class Store:
    """A DuckDB file of stories, event mentions and merged events. Use as a context manager, or call
    :meth:`close`. The file is the only state: opening an older file writable migrates it."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise FileNotFoundError(f"no event store at {self.path}")
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreLocked(f"{self.path} is in use by another process; close it or use another --db") from exc
            raise
        if not read_only:
            self._migrate()
        if self.version() < SCHEMA_VERSION:
            self._db.close()
            raise RuntimeError(f"{self.path} has store schema {self.version()}; open it writable once to migrate")

    def version(self) -> int:
        """The schema version of the file (0 for an empty one)."""
        tables = {r[0] for r in self._db.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "schema_version" not in tables:
            return 0
        return int(self._db.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0])

    def _migrate(self) -> None:
        """Apply every migration newer than the file, each in its own transaction."""
        self._db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);")
        for version in range(self.version() + 1, SCHEMA_VERSION + 1):
            self._db.execute("BEGIN TRANSACTION")
            try:
                carried = _MIGRATIONS[version](self._db)
                self._db.execute("DELETE FROM schema_version; INSERT INTO schema_version VALUES (?)", [version])
                if carried:
                    self._insert_mentions(carried)
                    self._remerge(carried, set())
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    # --- writing ---------------------------------------------------------------------------------
    def write(self, article: Article, events: list[Event]) -> int:
        """Store one story and its event mentions in one transaction, replacing the story's earlier row and all
        its earlier mentions, and re-merge the events they touch; returns the number of mentions written
        (duplicate ids: first kept)."""
        return self.write_many([(article, events)])

    def write_many(self, items: Iterable[tuple[Article, list[Event]]], batch: int = 500) -> int:
        """Store many stories, ``batch`` stories per transaction; returns the number of mentions written."""
        total = 0
        chunk: list[tuple[Article, list[Event]]] = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= batch:
                total += self._write_chunk(chunk)
                chunk = []
        if chunk:
            total += self._write_chunk(chunk)
        return total

    def _write_chunk(self, chunk: list[tuple[Article, list[Event]]]) -> int:
        latest: dict[str, tuple[Article, list[Event]]] = {}
        for article, events in chunk:  # the same story twice in a batch: the later one wins
            latest.pop(str(article.id), None)
            latest[str(article.id)] = (article, events)
        kept = _unique([ev for _, events in latest.values() for ev in events])
        per_story: dict[str, int] = {}
        for event in kept:
            per_story[event.story_id] = per_story.get(event.story_id, 0) + 1
        stories = [_story_row(a, per_story.get(str(a.id), 0)) for a, _ in latest.values()]
        db = self._db
        db.execute("BEGIN TRANSACTION")
        try:
            # the mentions being replaced: their events must be re-merged without them
            gone_where = ("story_id IN (SELECT unnest(?::VARCHAR[])) OR id IN (SELECT unnest(?::VARCHAR[]))")
            gone_params = [list(latest), [e.id for e in kept]]
            rows = db.execute(f"SELECT data, event_id FROM mentions WHERE {gone_where}", gone_params).fetchall()
            gone = [Event.from_dict(json.loads(data)) for data, _ in rows]
            stale = {event_id for _, event_id in rows if event_id}
            for table in ("actors", "places"):
                db.execute(f"DELETE FROM {table} WHERE mention_id IN (SELECT id FROM mentions WHERE {gone_where})",
                           gone_params)
            # an id held by another story's mention is taken over (as INSERT OR REPLACE would, far faster)
            db.execute(f"DELETE FROM mentions WHERE {gone_where}", gone_params)
            db.execute("DELETE FROM stories WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(latest)])
            self._bulk_insert("stories", _STORY_TABLE, stories)
            self._insert_mentions(kept)
            self._remerge(gone + kept, stale)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return len(kept)

    def load_distinct(self, items: Iterable[tuple[Article, list[Event]]]) -> int:
        """Bulk-load stories whose mentions are known to be distinct real-world events (synthetic benchmark
        stores, a re-import of already merged data): one transaction, pandas frames into DuckDB, and each mention
        becomes its own merged event (1:1) instead of being clustered. Returns the number of mentions written.

        Why apart from :meth:`write_many`: the cross-story merge is what makes writing slow (~5 ms per story), and
        such data needs none. It refuses stories or mention ids already stored (ValueError), so it never replaces
        rows and :meth:`write` stays the one path with replace-and-re-merge semantics."""
        latest: dict[str, tuple[Article, list[Event]]] = {}
        for article, events in items:
            latest[str(article.id)] = (article, events)
        kept = _unique([ev for _, events in latest.values() for ev in events])
        clash = self._db.execute(
            "SELECT (SELECT count(*) FROM stories WHERE id IN (SELECT unnest(?::VARCHAR[]))) "
            "+ (SELECT count(*) FROM mentions WHERE id IN (SELECT unnest(?::VARCHAR[])))",
            [list(latest), [e.id for e in kept]]).fetchone()[0]
        if clash:
            raise ValueError(f"{clash} stories or mentions are already stored: use write() to replace them")
        sources = {sid: _source_of(a.source, a.url) for sid, (a, _) in latest.items()}
        merged = [merged_event([event], sources) for event in kept]
        per_story: dict[str, int] = {}
        for event in kept:
            per_story[event.story_id] = per_story.get(event.story_id, 0) + 1
        rows = [_mention_row(e) for e in kept]
        mentions = [(*row[:-2], m.id, row[-1]) for row, m in zip(rows, merged)]  # event_id: its own event
        self._db.execute("BEGIN TRANSACTION")
        try:
            self._bulk_insert("stories", _STORY_TABLE, [_story_row(a, per_story.get(sid, 0))
                                                        for sid, (a, _) in latest.items()])
            self._bulk_insert("mentions", _MENTION_TABLE, mentions)
            self._bulk_insert("actors", _ACTOR_TABLE, [r for e in kept for r in _actor_rows(e)])
            self._bulk_insert("places", _PLACE_TABLE, [r for e in kept for r in _place_rows(e)])
            self._bulk_insert("events", _EVENT_TABLE, [_event_row(m) for m in merged])
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return len(kept)

    def _insert_mentions(self, events: list[Event]) -> None:
        self._bulk_insert("mentions", _MENTION_TABLE, [_mention_row(e) for e in events])
        self._bulk_insert("actors", _ACTOR_TABLE, [r for e in events for r in _actor_rows(e)])
        self._bulk_insert("places", _PLACE_TABLE, [r for e in events for r in _place_rows(e)])

    def _affected(self, seeds: list[Event]) -> list[str]:
        """Ids of the stored mentions that may share an event with ``seeds``: the closure of same type and status
        with overlapping mergeable date spans (a union of whole merge components, so re-merging just these
        gives what re-merging everything would)."""
        ids: set[str] = {e.id for e in seeds}
        frontier = [(e.event_type, e.status, *span) for e in seeds
                    if (span := date_span(e.date)) and (span[1] - span[0]).days < MAX_SPAN_DAYS]
        import pandas as pd  # only needed for writes

        while frontier:
            seeds_frame = pd.DataFrame(frontier, columns=["event_type", "status", "date_start", "date_end"])
            self._db.register("_whodid_seeds", seeds_frame)
            try:
                rows = self._db.execute(
                    "SELECT DISTINCT m.id, m.event_type, m.status, m.date_start, m.date_end FROM mentions m "
                    "JOIN _whodid_seeds s ON m.event_type = s.event_type AND m.status = s.status "
                    "AND m.date_start <= s.date_end::DATE AND m.date_end >= s.date_start::DATE "
                    "WHERE date_diff('day', m.date_start, m.date_end) < ?", [MAX_SPAN_DAYS]).fetchall()
            finally:
                self._db.unregister("_whodid_seeds")
            frontier = [(t, s, a, b) for i, t, s, a, b in rows if i not in ids]
            ids.update(r[0] for r in rows)
        return sorted(ids)

    def _remerge(self, touched: list[Event], stale: set[str]) -> None:
        """Rebuild the merged events of every mention that shares a merge component with ``touched``."""
        ids = self._affected(touched)
        rows = self._db.execute(
            "SELECT m.data, m.event_id, s.source, s.url FROM mentions m LEFT JOIN stories s ON s.id = m.story_id "
            "WHERE m.id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()
        mentions = [Event.from_dict(json.loads(data)) for data, _, _, _ in rows]
        stale |= {event_id for _, event_id, _, _ in rows if event_id}
        sources = {m.story_id: _source_of(src, url) for m, (_, _, src, url) in zip(mentions, rows)}
        merged = [merged_event(group, sources) for group in cluster_mentions(mentions)]
        self._db.execute("DELETE FROM events WHERE id IN (SELECT unnest(?::VARCHAR[]))", [sorted(stale)])
        self._bulk_insert("events", _EVENT_TABLE, [_event_row(m) for m in merged])
        links = [(ref.id, m.id) for m in merged for ref in m.mentions]
        if links:
            import pandas as pd

            self._db.register("_whodid_links", pd.DataFrame(links, columns=["id", "event_id"]))
            try:
                self._db.execute("UPDATE mentions SET event_id = l.event_id FROM _whodid_links l "
                                 "WHERE mentions.id = l.id")
            finally:
                self._db.unregister("_whodid_links")

    def _bulk_insert(self, table: str, columns: tuple[tuple[str, str], ...], rows: list[tuple[Any, ...]]) -> None:
        """Insert rows: a few by one multi-row INSERT, many through a pandas frame (~5 ms in all)."""
        if not rows:
            return
        names = ", ".join(f'"{name}"' for name, _ in columns)
        if len(rows) < 64:  # one multi-row INSERT: executemany prepares each row again
            marks = "(" + ", ".join("?" for _ in columns) + ")"
            self._db.execute(f"INSERT INTO {table} ({names}) VALUES " + ", ".join(marks for _ in rows),
                             [value for row in rows for value in row])
            return
        import pandas as pd  # only needed for bulk writes

        frame = pd.DataFrame({name: pd.Series([row[i] for row in rows], dtype=object)
                              for i, (name, _) in enumerate(columns)})
        casts = ", ".join(f'CAST("{name}" AS {kind}) AS "{name}"' for name, kind in columns)
        self._db.register("_whodid_batch", frame)
        try:
            self._db.execute(f"INSERT INTO {table} ({names}) SELECT {casts} FROM _whodid_batch")
        finally:
            self._db.unregister("_whodid_batch")

    # --- reading ---------------------------------------------------------------------------------
    def events(self, *, story_id: str | None = None, event_type: str | None = None, country: str | None = None,
               since: str | None = None, until: str | None = None, limit: int | None = None) -> list[Event]:
        """Stored event *mentions* (what the coder returned) matching every filter given, ordered by date
        (undated last), story, sentence. For events merged across stories see :meth:`merged_events`.

        ``country`` (ISO3) matches actor or recipient countries; ``since``/``until`` take YYYY, YYYY-MM or
        YYYY-MM-DD and keep events whose date span overlaps the range (events without a date are dropped).
        """
        where, params = sql_filters(story_id=story_id, event_type=event_type, country=country, since=since,
                                 until=until, level="mentions")
        sql = "SELECT data FROM mentions" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY date_start NULLS LAST, story_id, sentence_id, trigger_start, id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [Event.from_dict(json.loads(data)) for (data,) in self._db.execute(sql, params).fetchall()]

    def events_by_ids(self, ids: list[str]) -> list[Event]:
        """Stored mentions with these ids, in the order given (unknown ids skipped)."""
        rows = dict(self._db.execute("SELECT id, data FROM mentions WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                                     [list(ids)]).fetchall())
        return [Event.from_dict(json.loads(rows[i])) for i in ids if i in rows]

    def sibling_mentions(self, mention_id: str) -> list[Event]:
        """The other mentions merged into the same event as this mention, from every story."""
        rows = self._db.execute(
            "SELECT m2.data FROM mentions m1 JOIN mentions m2 ON m1.event_id = m2.event_id "
            "WHERE m1.id = ? AND m2.id <> m1.id ORDER BY m2.story_id, m2.sentence_id, m2.id", [mention_id]).fetchall()
        return [Event.from_dict(json.loads(data)) for (data,) in rows]

    def merged_events(self, *, limit: int | None = None, **filters: Any) -> list[MergedEvent]:
        """Events merged across mentions and stories, each with its mentions; filters as :meth:`query`."""
        where, params = sql_filters(**filters, level="events")
        sql = "SELECT data FROM events" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY date_start NULLS LAST, id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [_merged_from_dict(json.loads(data)) for (data,) in self._db.execute(sql, params).fetchall()]

    def query(self, *, level: str = "events", limit: int | None = None, **filters: Any) -> "pd.DataFrame":
        """A pandas DataFrame of merged events (``level="events"``, one row per real-world event with
        ``n_mentions``, ``n_stories``, ``n_sources``) or of mentions (``level="mentions"``).

        Filters (all must hold): ``actor``/``recipient`` (ISO3 country, CAMEO actor code or canonical name, on that
        side), ``dyad=(A, B)`` (both among the participants, either side), ``event_type``, ``cameo`` (code prefix),
        ``quad_class``, ``status``, ``historical``, ``since``/``until`` (date spans overlap), ``country`` (either
        side), ``place`` (place name or its ISO3 country), ``story_id``.
        """
        table = _LEVELS.get(level)
        if table is None:
            raise ValueError(f"unknown level {level!r}; choose events or mentions")
        where, params = sql_filters(**filters, level=level)
        columns = [name for name, _ in (_EVENT_TABLE if level == "events" else _MENTION_TABLE) if name != "data"]
        sql = f"SELECT {', '.join(columns)} FROM {table}" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY date_start NULLS LAST, id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return self._db.execute(sql, params).df()

    def export_parquet(self, path: str | Path, level: str = "events") -> int:
        """Write the merged events (or mentions) to a Parquet file through DuckDB's COPY; returns rows written."""
        table = _LEVELS.get(level)
        if table is None:
            raise ValueError(f"unknown level {level!r}; choose events or mentions")
        target = str(Path(path)).replace("'", "''")
        self._db.execute(f"COPY (SELECT * FROM {table} ORDER BY date_start NULLS LAST, id) TO '{target}' "
                         "(FORMAT parquet)")
        return int(self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def article(self, story_id: str) -> Article | None:
        """The stored story, or None."""
        cursor = self._db.execute(
            "SELECT id, title, published, published_source, source, url, origin, text FROM stories WHERE id = ?",
            [story_id])
        row = cursor.fetchone()
        if row is None:
            return None
        return Article.from_dict(dict(zip(("id", "title", "published", "published_source", "source", "url",
                                           "origin", "text"), row)))

    def stories_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM stories").fetchone()[0])

    def count(self) -> int:
        """Number of stored event mentions."""
        return int(self._db.execute("SELECT count(*) FROM mentions").fetchone()[0])

    def events_count(self) -> int:
        """Number of merged events."""
        return int(self._db.execute("SELECT count(*) FROM events").fetchone()[0])

    def has_story(self, story_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM stories WHERE id = ?", [story_id]).fetchone() is not None

    def reader(self) -> "Store":
        """This store on a cursor of its own, for reading from another thread: a DuckDB connection must not be
        used by two threads at once, while cursors of one connection may, and see what it has committed. The
        HTTP API opens one per request; close it after use (or use it as a context manager)."""
        view = object.__new__(Store)
        view.path, view.read_only = self.path, True
        with _CURSOR_LOCK:  # cursors are made from many threads at once; making one is not documented as safe
            view._db = self._db.cursor()
        return view

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for ad-hoc SQL (exports, analysis)."""
        return self._db

    # --- lifetime --------------------------------------------------------------------------------
    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _merged_from_dict(data: dict[str, Any]) -> MergedEvent:
    """A MergedEvent from its stored JSON (``MergedEvent.to_dict()``)."""
    refs = [MentionRef(m["id"], m["story_id"], m["sentence_id"], Trigger.from_dict(m["trigger"]), m.get("source"))
            for m in data.get("mentions", [])]
    return MergedEvent(Event.from_dict(data), refs)
