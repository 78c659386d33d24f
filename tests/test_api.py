"""The HTTP API (whodid.api): filters and paging over a store of invented events, coding through POST /code,
limits (413), validation (422), no tracebacks to clients, read-only unless a token is set, one Coder reused."""
from __future__ import annotations

import warnings
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*")
from fastapi.testclient import TestClient  # noqa: E402

from whodid.api import create_app, highlights  # noqa: E402
from whodid.model import Actor, Article, Event, Place, Trigger  # noqa: E402
from whodid.store import Store  # noqa: E402

# Invented stories: one sentence each, offsets computed from the text so they are right by construction.
STORIES = [
    ("s1", "Freedonia and Sylvania held talks in Geneva on March 3, 2024.", "talks", "CONSULT", 1,
     ("FRD", "Freedonia"), ("SYL", "Sylvania"), "2024-03-03", "March 3, 2024", False, "asserted", "Geneva"),
    ("s2", "Sylvania shelled a Freedonian border post in April 2024.", "shelled", "ASSAULT", 4,
     ("SYL", "Sylvania"), ("FRD", "Freedonian"), "2024-04", "April 2024", False, "asserted", None),
    ("s3", "Freedonia may impose sanctions on Sylvania in May 2024.", "sanctions", "SANCTION", 4,
     ("FRD", "Freedonia"), ("SYL", "Sylvania"), "2024-05", "May 2024", False, "hypothetical", None),
    ("s4", "Back in 1999, Freedonia signed a treaty with Osterlich.", "signed", "AGREE", 1,
     ("FRD", "Freedonia"), ("OST", "Osterlich"), "1999", "1999", True, "asserted", None),
    ("s5", "Osterlich accused Sylvania of spying on March 9, 2024.", "accused", "ACCUSE", 3,
     ("OST", "Osterlich"), ("SYL", "Sylvania"), "2024-03-09", "March 9, 2024", False, "asserted", None),
]


def _events() -> list[tuple[Article, list[Event]]]:
    out = []
    for sid, text, trig, etype, quad, (acode, atext), (rcode, rtext), date, dtext, hist, status, place in STORIES:
        at = text.index(trig)
        loc = None
        if place:
            p = text.index(place)
            loc = Place(text=place, start=p, end=p + len(place), name=place, country="CHE", lat=46.2, lon=6.15,
                        feature="city", confidence=0.9)
        event = Event(story_id=sid, sentence_id=0, text=text, event_type=etype, trigger=Trigger(trig, at, at + len(trig)),
                      actors=[Actor(text=atext, name=acode.title(), code=acode + "GOV", country=acode)],
                      recipients=[Actor(text=rtext, name=rcode.title(), code=rcode + "GOV", country=rcode)],
                      quad_class=quad, date=date, date_precision={10: "day", 7: "month", 4: "year"}[len(date)],
                      date_text=dtext, date_source="text", historical=hist, status=status, location=loc)
        out.append((Article(id=sid, text=text, title=f"story {sid}", published="2024-06-01"), [event]))
    return out


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.duckdb"
    with Store(path) as store:
        for article, events in _events():
            store.write(article, events)
    return path


@pytest.fixture()
def client(db: Path):
    with TestClient(create_app(db, token=None)) as c:
        yield c


class _Boom:
    def code_articles(self, articles):
        raise RuntimeError("secret internal detail")


def test_events_filters_and_paging(client: TestClient) -> None:
    everything = client.get("/events").json()
    assert everything["total"] == 5
    assert [e["date"] for e in everything["events"]] == ["1999", "2024-03-03", "2024-03-09", "2024-04", "2024-05"]
    page = client.get("/events", params={"limit": 2, "offset": 2}).json()
    assert page["total"] == 5 and [e["story_id"] for e in page["events"]] == ["s5", "s2"]
    assert client.get("/events", params={"dyad": "FRD,SYL"}).json()["total"] == 3
    assert {e["story_id"] for e in client.get("/events", params={"actor": "syl"}).json()["events"]} == {"s2"}
    assert client.get("/events", params={"recipient": "SYLGOV"}).json()["total"] == 3
    assert client.get("/events", params={"event_type": "assault"}).json()["events"][0]["story_id"] == "s2"
    assert client.get("/events", params={"status": "hypothetical"}).json()["total"] == 1
    assert client.get("/events", params={"historical": "true"}).json()["total"] == 1
    assert client.get("/events", params={"min_confidence": 0.5}).json()["total"] == 5  # all coded at 0.5
    assert client.get("/events", params={"min_confidence": 0.6}).json()["total"] == 0
    assert client.get("/events", params={"min_confidence": 1.5}).status_code == 422
    # a month-precision date overlaps a day range inside it
    assert [e["story_id"] for e in client.get("/events", params={"since": "2024-04-15", "until": "2024-04-20"})
            .json()["events"]] == ["s2"]


def test_event_by_id_highlights_evidence(client: TestClient) -> None:
    first = client.get("/events", params={"event_type": "CONSULT"}).json()["events"][0]
    detail = client.get(f"/events/{first['id']}").json()
    assert detail["story"]["title"] == "story s1"
    h = detail["highlights"]
    words = {s["kind"]: h["sentence"][s["start"]:s["end"]] for s in h["spans"]}
    assert words == {"trigger": "talks", "actor": "Freedonia", "recipient": "Sylvania", "date": "March 3, 2024",
                     "place": "Geneva"}
    assert detail["mentions"] == []
    assert client.get("/events/nope").status_code == 404


def test_highlight_uses_story_offsets_not_first_match() -> None:
    text = "Talks failed. Later the talks resumed in Lisbon."
    at = text.rindex("talks")
    event = Event(story_id="x", sentence_id=1, text="Later the talks resumed in Lisbon.", event_type="CONSULT",
                  trigger=Trigger("talks", at, at + 5))
    spans = highlights(event, text)["spans"]
    assert spans == [{"start": 10, "end": 15, "kind": "trigger"}]


def test_dyads_timeline_actors_places(client: TestClient) -> None:
    d = client.get("/dyads", params={"source": "FRD", "target": "SYL", "by": "month"}).json()
    assert d["total"] == 3 and [(s["period"], s["total"]) for s in d["series"]] == [
        ("2024-03", 1), ("2024-04", 1), ("2024-05", 1)]
    assert d["series"][1]["q4"] == 1
    assert client.get("/dyads", params={"source": "FRD", "target": "SYL", "directed": "true"}).json()["total"] == 2
    t = client.get("/timeline", params={"by": "year"}).json()
    assert [(s["period"], s["historical"], s["total"]) for s in t["series"]] == [("1999", 1, 1), ("2024", 0, 4)]
    assert client.get("/timeline").json()["coarser"] == 1  # the 1999 event is not spread over months
    a = client.get("/actors", params={"q": "ost"}).json()["actors"]
    assert a == [{"code": "OSTGOV", "name": "Ost", "country": "OST", "events": 2}]
    assert client.get("/places").json()["places"] == [
        {"name": "Geneva", "lat": 46.2, "lon": 6.15, "country": "CHE", "events": 1}]


def test_validation_errors_are_422_with_a_message(client: TestClient) -> None:
    for params, word in (({"since": "2024-13"}, "since"), ({"event_type": "DANCE"}, "event_type"),
                         ({"status": "rumoured"}, "status"), ({"limit": "many"}, "limit"),
                         ({"dyad": "USA"}, "dyad")):
        r = client.get("/events", params=params)
        assert r.status_code == 422 and word in r.json()["detail"], params
    r = client.post("/code", json={"text": "   "})
    assert r.status_code == 422 and "blank" in r.json()["detail"]
    r = client.post("/code", json={"text": "Hi.", "published": "last week"})
    assert r.status_code == 422 and "published" in r.json()["detail"]
    r = client.post("/code", json={"text": "Hi.", "colour": "red"})
    assert r.status_code == 422 and "colour" in r.json()["detail"]
    assert client.get("/dyads", params={"source": "FRD"}).status_code == 422


def test_body_limit_and_no_tracebacks(db: Path) -> None:
    app = create_app(db, max_body=2000, coder=_Boom())
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.post("/code", json={"text": "x" * 5000})
        assert r.status_code == 413 and "too large" in r.json()["detail"]
        r = c.post("/code", json={"text": "Freedonia met Sylvania."})
        assert r.status_code == 500 and r.json() == {"detail": "internal error"}
        assert "secret" not in r.text and "Traceback" not in r.text


def test_read_only_unless_token(db: Path, coder) -> None:
    body = {"text": "Freedonia and Sylvania held talks on June 2, 2024.", "published": "2024-06-03", "store": True}
    with TestClient(create_app(db)) as c:
        assert c.post("/code", json=body).status_code == 403
        assert c.get("/health").json()["writable"] is False
    with TestClient(create_app(db, token="s3cret", coder=coder)) as c:
        assert c.post("/code", json=body).status_code == 401
        assert c.post("/code", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
        r = c.post("/code", json=body, headers={"Authorization": "Bearer s3cret"})
        assert r.status_code == 200 and r.json()["stored"] >= 1
        stored = c.get("/events", params={"story_id": r.json()["story_id"]}).json()
        assert stored["total"] == r.json()["stored"]


def test_code_returns_contract_events_and_reuses_one_coder(coder) -> None:
    made = []

    def factory():
        made.append(1)
        return coder

    with TestClient(create_app(None, coder_factory=factory)) as c:
        assert c.get("/health").json()["coder_loaded"] is False
        text = "The Kenyan president met Ethiopia's prime minister in Nairobi on 4 March 2024."
        r = c.post("/code", json={"text": text, "published": "2024-03-05", "title": "Talks"})
        assert r.status_code == 200
        events = r.json()["events"]
        consult = next(e for e in events if e["event_type"] == "CONSULT")
        assert consult["date"] == "2024-03-04" and text[consult["trigger"]["start"]:consult["trigger"]["end"]] == "met"
        assert {"KEN", "ETH"} <= {a["country"] for a in consult["actors"] + consult["recipients"]}
        c.post("/code", json={"text": "Nothing happened today."})
        assert made == [1]
        assert c.get("/events").status_code == 503  # no store given


def test_openapi_and_dashboard_served(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/code", "/events", "/events/{event_id}", "/dyads", "/actors", "/health"} <= set(paths)
    assert client.get("/").text.count("/static/app.js") == 1
    assert client.get("/static/app.js").status_code == 200


def _path_points(d: str) -> list[tuple[float, float]]:
    """(lon, lat) of every vertex of a world.json path: absolute M, then relative l moves, in tenths of a degree."""
    points: list[tuple[float, float]] = []
    for ring in d.split("M")[1:]:
        start, _, moves = ring.rstrip("z").partition("l")
        x, y = map(int, start.split())
        points.append((x / 10, -y / 10))
        numbers = list(map(int, moves.split()))
        for dx, dy in zip(numbers[0::2], numbers[1::2]):
            x, y = x + dx, y + dy
            points.append((x / 10, -y / 10))
    return points


def test_world_outlines_are_bundled_and_in_place(client: TestClient) -> None:
    world = client.get("/static/world.json").json()
    assert "public domain" in world["licence"] and "Natural Earth" in world["about"]
    countries = {c["iso3"]: c for c in world["countries"]}
    assert len(countries) > 150
    # each country's outline lies where it is on Earth (checks the encoding: y is minus the latitude)
    boxes = {"CHE": (5.9, 10.5, 45.8, 47.8), "KEN": (33.9, 41.9, -4.7, 5.0), "CHL": (-75.7, -66.9, -55.7, -17.5),
             "JPN": (129.4, 145.6, 31.0, 45.6), "ITA": (6.6, 18.5, 36.6, 47.1)}
    for iso3, (west, east, south, north) in boxes.items():
        points = _path_points(countries[iso3]["d"])
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        assert west - 0.6 <= min(lons) and max(lons) <= east + 0.6, iso3
        assert south - 0.6 <= min(lats) and max(lats) <= north + 0.6, iso3
    assert "ATA" not in countries  # Antarctica is left out of the 85N-60S map


def test_bulk_load_makes_one_event_per_mention_and_refuses_replacing(tmp_path: Path) -> None:
    items = _events()
    path = tmp_path / "bulk.duckdb"
    with Store(path) as store:
        assert store.load_distinct(items[:3]) == 3
        assert store.count() == 3 and store.events_count() == 3 and store.stories_count() == 3
        linked = store.connection.execute("SELECT count(DISTINCT event_id) FROM mentions").fetchone()[0]
        assert linked == 3
        with pytest.raises(ValueError, match="already stored"):
            store.load_distinct(items[2:])  # s3 is stored: only write() may replace it
        assert store.count() == 3  # nothing of the refused batch was written
        store.load_distinct(items[3:])
        rows = [(e.id, e.to_dict()) for e in store.events()]
    with Store(tmp_path / "written.duckdb") as store:
        store.write_many(items)
        assert [(e.id, e.to_dict()) for e in store.events()] == rows  # the same mentions as the merging path
    with TestClient(create_app(path)) as c:
        assert c.get("/events", params={"dyad": "FRD,SYL"}).json()["total"] == 3
        assert c.get("/health").json()["events"] == 5


def test_requests_read_in_parallel_threads(db: Path) -> None:
    """Each request reads on its own cursor: many threads at once get the same answers, without errors."""
    from concurrent.futures import ThreadPoolExecutor

    with TestClient(create_app(db)) as c:
        expected = (c.get("/events", params={"dyad": "FRD,SYL"}).json(), c.get("/timeline").json())

        def ask(_: int) -> tuple[dict, dict]:
            return c.get("/events", params={"dyad": "FRD,SYL"}).json(), c.get("/timeline").json()

        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(ask, range(40)))
    assert all(a == expected for a in answers)


def test_no_store_endpoints_answer_503() -> None:
    with TestClient(create_app(None)) as c:
        for path in ("/events", "/timeline", "/places", "/actors", "/events/x", "/dyads?source=A&target=B"):
            assert c.get(path).status_code == 503, path
        assert c.get("/health").json()["store"] is None
