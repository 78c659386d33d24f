"""The HTTP API and dashboard: a thin FastAPI shell over the coder and the event store (docs/api.md).

    app = create_app(db="out/demo.duckdb", token=None)     # read-only unless a token is set
    uvicorn.run(app, host="127.0.0.1", port=8000)          # or: whodid serve --db out/demo.duckdb

Endpoints: ``POST /code``, ``GET /events``, ``GET /events/{id}``, ``GET /dyads``, ``GET /actors``,
``GET /timeline``, ``GET /places``, ``GET /health``; the dashboard at ``/`` (static files in ``whodid/web``, the
map drawn from bundled Natural Earth outlines, ``web/world.json``); OpenAPI at ``/openapi.json``.

The query layer (:class:`StoreQueries`) is SQL on the store's mentions table, one DuckDB cursor per request:
nothing is preloaded, so start-up and memory do not grow with the store.
"""
from __future__ import annotations

import datetime as dt
import hmac
import json
import logging
import os
import re
import threading
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from whodid.model import STATUSES, Event
from whodid.store import date_span, sql_filters

if TYPE_CHECKING:
    from whodid.coder import Coder
    from whodid.store import Store

log = logging.getLogger("whodid.api")

WEB_DIR = Path(__file__).resolve().parent / "web"
TOKEN_ENV = "WHODID_TOKEN"
MAX_BODY_BYTES = 1_000_000  # a long news story is ~50 kB; a megabyte is plenty and bounds memory per request
MAX_TEXT_CHARS = 200_000
MAX_PAGE = 1000
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?$")


# --- request models ------------------------------------------------------------------------------------------
class CodeRequest(BaseModel):
    """Body of ``POST /code``."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="the story text")
    published: str | None = Field(None, description="publication date, YYYY-MM-DD", examples=["2025-09-27"])
    title: str | None = Field(None, max_length=1000)
    store: bool = Field(False, description="also write the story and its events to the store (needs the token)")

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is blank")
        return value

    @field_validator("published")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            raise ValueError("published must be a date YYYY-MM-DD") from None


@dataclass(frozen=True)
class Filters:
    """The event filters shared by /events, /timeline and /places (as ``whodid query``)."""

    actor: str | None = None
    recipient: str | None = None
    dyad: tuple[str, str] | None = None
    event_type: str | None = None
    status: str | None = None
    quad_class: int | None = None
    historical: bool | None = None
    since: str | None = None
    until: str | None = None
    story_id: str | None = None
    min_confidence: float | None = None


def _date_param(value: str | None, name: str) -> str | None:
    if value is not None and (not _ISO_DATE.match(value) or date_span(value) is None):
        raise HTTPException(422, f"{name} must be a date YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return value


def filters_param(
    actor: str | None = Query(None, description="actor side: ISO3 country, CAMEO code or canonical name"),
    recipient: str | None = Query(None, description="recipient side, as actor"),
    dyad: str | None = Query(None, description="two participants on either side, e.g. USA,PRK", pattern=r"^[^,]+,[^,]+$"),
    event_type: str | None = Query(None, description="PLOVER event type"),
    status: str | None = Query(None, description="asserted, negated, hypothetical or future"),
    quad_class: int | None = Query(None, ge=1, le=4),
    historical: bool | None = Query(None),
    since: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD: event dates overlapping"),
    until: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD"),
    story_id: str | None = Query(None),
    min_confidence: float | None = Query(None, ge=0, le=1, description="events coded with at least this confidence"),
) -> Filters:
    """Parse and check the filter query parameters (422 with a message when one is wrong)."""
    if event_type is not None and event_type.upper() not in EVENT_TYPES:
        raise HTTPException(422, f"event_type must be one of {', '.join(EVENT_TYPES)}")
    if status is not None and status.lower() not in STATUSES:
        raise HTTPException(422, f"status must be one of {', '.join(STATUSES)}")
    pair = tuple(p.strip() for p in dyad.split(",")) if dyad else None
    return Filters(actor=actor, recipient=recipient, dyad=pair,  # type: ignore[arg-type]
                   event_type=event_type.upper() if event_type else None,
                   status=status.lower() if status else None, quad_class=quad_class, historical=historical,
                   since=_date_param(since, "since"), until=_date_param(until, "until"), story_id=story_id,
                   min_confidence=min_confidence)


# --- the query layer: SQL on the store's mentions table ------------------------------------------------------
# how a period key is written, per bucket size, and how coarse each date precision is
_PERIOD_FORMAT = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4, "century": 5}
_ORDER = "date_start NULLS LAST, story_id, sentence_id, trigger_start, id"  # as Store.events()


def _where(f: Filters, extra: list[str] | None = None, extra_params: list[Any] | None = None) -> tuple[str, list[Any]]:
    """A WHERE clause (possibly empty) and its parameters for the filters, at the mention level."""
    where, params = sql_filters(actor=f.actor, recipient=f.recipient, dyad=f.dyad, event_type=f.event_type,
                                status=f.status, quad_class=f.quad_class, historical=f.historical, since=f.since,
                                until=f.until, story_id=f.story_id, min_confidence=f.min_confidence,
                                level="mentions")
    where += extra or []
    params += extra_params or []
    return (" WHERE " + " AND ".join(where) if where else ""), params


class StoreQueries:
    """What the API reads, as DuckDB SQL on the store's event mentions (filters, pages, totals, counts per period
    and quad class, places, actors): nothing is preloaded, so memory and start-up do not grow with the store.

    Each method takes a reader (:meth:`Store.reader`, one cursor per request) so requests run in parallel on
    the server's worker threads; writes go through the store's own connection under :attr:`write_lock`."""

    def __init__(self, store: "Store") -> None:
        self.store = store
        self.write_lock = threading.Lock()

    def reader(self) -> "Store":
        return self.store.reader()

    @staticmethod
    def page(db: "Store", f: Filters, limit: int, offset: int) -> tuple[list[Event], int]:
        """One page of the matching mentions in date order (undated last), and how many match in all."""
        where, params = _where(f)
        con = db.connection
        total = int(con.execute(f"SELECT count(*) FROM mentions{where}", params).fetchone()[0])
        rows = con.execute(f"SELECT data FROM mentions{where} ORDER BY {_ORDER} LIMIT ? OFFSET ?",
                           [*params, limit, offset]).fetchall()
        return [Event.from_dict(json.loads(data)) for (data,) in rows], total

    @staticmethod
    def get(db: "Store", event_id: str) -> Event | None:
        row = db.connection.execute("SELECT data FROM mentions WHERE id = ?", [event_id]).fetchone()
        return None if row is None else Event.from_dict(json.loads(row[0]))

    @staticmethod
    def timeline(db: "Store", f: Filters, by: str, pair: tuple[str, str] | None = None,
                 directed: bool = False) -> dict[str, Any]:
        """Counts per period and quad class, historical events counted apart; events dated coarser than the
        period (or undated) are counted in ``coarser``/``undated``, not spread over periods. ``pair``: only
        events from its first to its second participant (and back unless ``directed``)."""
        extra, extra_params = [], []
        if pair is not None:
            s, t = pair[0].upper(), pair[1].upper()
            sql = "(list_contains(actor_keys, ?) AND list_contains(recipient_keys, ?))"
            extra_params = [s, t]
            if not directed:
                sql = f"({sql} OR (list_contains(actor_keys, ?) AND list_contains(recipient_keys, ?)))"
                extra_params += [t, s]
            extra = [sql]
        where, params = _where(f, extra, extra_params)
        rank = " ".join(f"WHEN '{name}' THEN {r}" for name, r in _PRECISION_RANK.items())  # constants, not input
        sql = (f"SELECT CASE WHEN date_start IS NULL THEN 'undated' "
               f"WHEN (CASE coalesce(date_precision, 'day') {rank} ELSE 9 END) > ? THEN 'coarser' "
               f"ELSE strftime(date_start, ?) END AS period, "
               f"CASE WHEN historical THEN 'historical' ELSE 'q' || coalesce(quad_class, 0) END AS kind, count(*) "
               f"FROM mentions{where} GROUP BY ALL")
        counts: dict[str, Counter] = {}
        coarser = undated = 0
        for period, kind, n in db.connection.execute(sql, [_PRECISION_RANK[by], _PERIOD_FORMAT[by], *params]
                                                     ).fetchall():
            if period == "undated":
                undated += n
            elif period == "coarser":
                coarser += n
            else:
                counts.setdefault(period, Counter())[kind] += n
        series = [{"period": k, "q1": c["q1"], "q2": c["q2"], "q3": c["q3"], "q4": c["q4"], "q0": c["q0"],
                   "historical": c["historical"], "total": sum(c.values())} for k, c in sorted(counts.items())]
        return {"total": sum(s["total"] for s in series) + coarser + undated, "by": by, "series": series,
                "coarser": coarser, "undated": undated}

    @staticmethod
    def places(db: "Store", f: Filters, limit: int) -> list[dict[str, Any]]:
        """Located mentions grouped by place (name, coordinates to 3 decimals, country), most events first."""
        where, params = _where(f, ["lat IS NOT NULL AND lon IS NOT NULL"])
        rows = db.connection.execute(
            f"SELECT location_name, round(lat, 3), round(lon, 3), location_country, count(*) AS n FROM mentions"
            f"{where} GROUP BY ALL ORDER BY n DESC, location_name LIMIT ?", [*params, limit]).fetchall()
        return [{"name": n, "lat": la, "lon": lo, "country": c, "events": k} for n, la, lo, c, k in rows]

    @staticmethod
    def actors(db: "Store", q: str, limit: int) -> list[dict[str, Any]]:
        """Actors whose code, name or country contains ``q`` (case-insensitive), most frequent first."""
        rows = db.connection.execute(
            "SELECT code, name, country, count(*) AS n FROM actors WHERE role IN ('actor', 'recipient') "
            "AND (contains(lower(coalesce(code, '')), ?) OR contains(lower(coalesce(name, '')), ?) "
            "OR contains(lower(coalesce(country, '')), ?)) "
            "GROUP BY code, name, country ORDER BY n DESC, coalesce(code, ''), coalesce(name, '') LIMIT ?",
            [*([q.strip().lower()] * 3), limit]).fetchall()
        return [{"code": c, "name": n, "country": k, "events": count} for c, n, k, count in rows]


def highlights(event: Event, story_text: str | None) -> dict[str, Any]:
    """Spans to highlight in the event's sentence: the trigger (from its story offsets), actors, recipients,
    the date words and the place, each ``{start, end, kind}`` relative to the sentence."""
    sentence = event.text
    spans: list[dict[str, Any]] = []
    base = None
    if story_text:
        # the sentence's offset in the story: the occurrence that contains the trigger
        at = story_text.find(sentence, max(0, event.trigger.end - len(sentence)))
        if 0 <= at <= event.trigger.start:
            base = at
    if base is not None:
        spans.append({"start": event.trigger.start - base, "end": event.trigger.end - base, "kind": "trigger"})
        loc = event.location
        if loc is not None and base <= loc.start and loc.end <= base + len(sentence):
            spans.append({"start": loc.start - base, "end": loc.end - base, "kind": "place"})
    else:
        _find(sentence, event.trigger.text, "trigger", spans)
        if event.location is not None:
            _find(sentence, event.location.text, "place", spans)
    for kind, actors in (("actor", event.actors), ("recipient", event.recipients)):
        for actor in actors:
            _find(sentence, actor.text, kind, spans)
    if event.date_text:
        _find(sentence, event.date_text, "date", spans)
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    kept: list[dict[str, Any]] = []
    for span in spans:  # no overlaps: the dashboard wraps each span in one element
        if span["end"] > span["start"] and (not kept or span["start"] >= kept[-1]["end"]):
            kept.append(span)
    return {"sentence": sentence, "spans": kept}


def _find(sentence: str, words: str | None, kind: str, spans: list[dict[str, Any]]) -> None:
    if words:
        at = sentence.find(words)
        if at >= 0:
            spans.append({"start": at, "end": at + len(words), "kind": kind})


# --- the app -------------------------------------------------------------------------------------------------
class BodyLimit:
    """ASGI middleware: refuse request bodies over ``max_bytes`` with 413, before the app reads them (checks
    Content-Length, and counts chunked bodies as they arrive)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:  # buffer the body (bounded), then hand it to the app in one message
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        body = b'{"detail":"request body too large (limit %d bytes)"}' % self.max_bytes
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def _validation_message(exc: RequestValidationError) -> dict[str, Any]:
    """A 422 body that says what is wrong without echoing the (possibly huge) input."""
    errors = [{"loc": [str(p) for p in err.get("loc", ())], "msg": str(err.get("msg", "invalid"))}
              for err in exc.errors()]
    message = "; ".join(f"{'.'.join(e['loc'][1:]) or e['loc'][0] if e['loc'] else 'request'}: {e['msg']}"
                        for e in errors)
    return {"detail": message or "invalid request", "errors": errors}


class _State:
    """What one server process holds: the store (optional), its queries, and one Coder loaded on first use."""

    def __init__(self, db: str | Path | None, token: str | None, coder_factory: Callable[[], "Coder"] | None,
                 coder: "Coder | None") -> None:
        self.token = token
        self.db = Path(db) if db else None
        self.store: "Store | None" = None
        self.queries: StoreQueries | None = None
        if self.db is not None:
            from whodid.store import Store

            # writable only when writes can be authorised: a read-only server leaves the file to other readers
            self.store = Store(self.db, read_only=not token)
            self.queries = StoreQueries(self.store)
        self._coder = coder
        self._coder_factory = coder_factory
        self._coder_lock = threading.Lock()

    def coder(self) -> "Coder":
        with self._coder_lock:
            if self._coder is None:
                if self._coder_factory is not None:
                    self._coder = self._coder_factory()
                else:
                    from whodid.coder import Coder

                    self._coder = Coder()
            return self._coder

    @property
    def coder_loaded(self) -> bool:
        return self._coder is not None

    def need_queries(self) -> StoreQueries:
        if self.queries is None:
            raise HTTPException(503, "no event store: start the server with --db FILE")
        return self.queries

    def reader(self) -> "Store":
        """The store on a cursor of its own, for one request (use with ``with``); 503 without a store."""
        return self.need_queries().reader()

    def close(self) -> None:
        if self.store is not None:
            self.store.close()


def _authorised(request: Request, token: str | None) -> None:
    if not token:
        raise HTTPException(403, "this server is read-only: start it with --token (or WHODID_TOKEN) to allow writes")
    given = request.headers.get("authorization", "")
    given = given[7:] if given.lower().startswith("bearer ") else request.headers.get("x-whodid-token", "")
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "missing or wrong token (send 'Authorization: Bearer TOKEN')")


def _event_dict(event: Event) -> dict[str, Any]:
    return event.to_dict()


def create_app(db: str | Path | None = None, token: str | None = None, *, max_body: int = MAX_BODY_BYTES,
               coder: "Coder | None" = None, coder_factory: Callable[[], "Coder"] | None = None,
               preload: bool = False) -> FastAPI:
    """The whodid HTTP app. ``db``: a DuckDB store (opened read-only unless ``token`` is set); ``token``: the
    secret that allows writes (default: the ``WHODID_TOKEN`` environment variable); ``coder``/``coder_factory``:
    a Coder to reuse, or how to make one on first use (default ``Coder()``); ``preload``: load the coder before
    serving (the store needs no preload: every request is a query on it)."""
    token = token if token is not None else (os.environ.get(TOKEN_ENV) or None)
    state = _State(db, token, coder_factory, coder)
    if preload:
        state.coder()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()  # release the DuckDB file when the server stops

    app = FastAPI(title="whodid", version=_version(), lifespan=lifespan,
                  description="Political event data from news stories: who did what to whom, when and where.")
    app.state.whodid = state
    app.add_middleware(BodyLimit, max_bytes=max_body)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(_validation_message(exc), status_code=422)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("error on %s %s", request.method, request.url.path)  # the trace stays in the server log
        return JSONResponse({"detail": "internal error"}, status_code=500)

    @app.get("/health", tags=["meta"])
    def health() -> dict[str, Any]:
        """Liveness and what this server holds."""
        out: dict[str, Any] = {"status": "ok", "version": _version(), "store": str(state.db) if state.db else None,
                               "writable": bool(token), "coder_loaded": state.coder_loaded}
        if state.queries is not None:
            with state.reader() as db:
                out["events"] = db.count()
                out["stories"] = db.stories_count()
        return out

    @app.post("/code", tags=["coding"])
    def code(body: CodeRequest, request: Request) -> dict[str, Any]:
        """Code one story: ``{"events": [...], "highlights": {event id: {sentence, spans}}}``; with
        ``"store": true`` (and the token) the story and its events are also written to the store."""
        if body.store:
            _authorised(request, state.token)
            state.need_queries()
        from whodid.model import Article

        article = Article(text=body.text, title=body.title, published=body.published,
                          published_source="given" if body.published else None)
        c = state.coder()
        with state._coder_lock:  # spaCy pipelines are not documented as thread-safe: one story at a time
            events = next(iter(c.code_articles([article])))[1]
        out: dict[str, Any] = {"story_id": article.id, "events": [_event_dict(e) for e in events],
                               "highlights": {e.id: highlights(e, article.text) for e in events}}
        if body.store:
            queries = state.need_queries()
            with queries.write_lock:  # the store's own connection: one writer at a time
                out["stored"] = queries.store.write(article, events)
        return out

    @app.get("/events", tags=["events"])
    def events(f: Filters = Depends(filters_param), limit: int = Query(50, ge=0, le=MAX_PAGE),
               offset: int = Query(0, ge=0)) -> dict[str, Any]:
        """Stored events matching every filter, by date (undated last): ``{"events": [...], "total": n}``."""
        with state.reader() as db:
            page, total = StoreQueries.page(db, f, limit, offset)
        return {"events": [_event_dict(e) for e in page], "total": total, "limit": limit, "offset": offset}

    @app.get("/events/{event_id}", tags=["events"])
    def event(event_id: str) -> dict[str, Any]:
        """One event with its story, the spans to highlight in its sentence, and its other mentions."""
        with state.reader() as db:
            found = StoreQueries.get(db, event_id)
            if found is None:
                raise HTTPException(404, f"no event {event_id!r}")
            article = db.article(found.story_id)
            mentions = db.sibling_mentions(found.id)
        story = None if article is None else {k: getattr(article, k) for k in
                                              ("id", "title", "published", "source", "url")}
        return {"event": _event_dict(found), "story": story,
                "highlights": highlights(found, article.text if article else None),
                "mentions": [_event_dict(m) for m in mentions]}

    @app.get("/dyads", tags=["analysis"])
    def dyads(source: str = Query(..., min_length=1, description="actor: ISO3, CAMEO code or name"),
              target: str = Query(..., min_length=1, description="recipient, as source"),
              by: Literal["year", "month", "day"] = "month", directed: bool = False,
              f: Filters = Depends(filters_param)) -> dict[str, Any]:
        """Counts of source→target events per period and quad class (both directions unless ``directed``)."""
        s, t = source.strip().upper(), target.strip().upper()
        with state.reader() as db:
            series = StoreQueries.timeline(db, f, by, pair=(s, t), directed=directed)
        return {"source": s, "target": t, "directed": directed, **series}

    @app.get("/timeline", tags=["analysis"])
    def timeline(by: Literal["year", "month", "day"] = "month",
                 f: Filters = Depends(filters_param)) -> dict[str, Any]:
        """Counts of the filtered events per period and quad class, historical events apart (the dashboard)."""
        with state.reader() as db:
            return StoreQueries.timeline(db, f, by)

    @app.get("/places", tags=["analysis"])
    def places(f: Filters = Depends(filters_param), limit: int = Query(5000, ge=1, le=50000)) -> dict[str, Any]:
        """Event locations of the filtered events, grouped by place: ``[{name, lat, lon, country, events}]``."""
        with state.reader() as db:
            return {"places": StoreQueries.places(db, f, limit)}

    @app.get("/actors", tags=["analysis"])
    def actors(q: str = Query("", max_length=100), limit: int = Query(20, ge=1, le=500)) -> dict[str, Any]:
        """Actors in the store whose code, name or country contains ``q``, most frequent first."""
        with state.reader() as db:
            return {"actors": StoreQueries.actors(db, q, limit)}

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html")

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    return app


def _version() -> str:
    from whodid import __version__

    return __version__
