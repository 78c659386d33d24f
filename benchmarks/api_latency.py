"""HTTP API latency (issue 10 targets), against a real uvicorn server on 127.0.0.1 in this process.

    .venv/bin/python benchmarks/api_latency.py [--requests 40] [--clients 20] [--seconds 30] [--store-events 100000]

1. ``POST /code`` of a ~600-word invented story, one client, after warm-up: p50/p95 (target p50 < 300 ms).
2. The same with ``--clients`` concurrent clients for ``--seconds`` (bounded): errors, p50/p95, requests/s.
3. The dashboard's first screen (``/``, its static files, ``/timeline``, ``/places``, ``/events?limit=50``, as the
   page loads them) from a synthetic store of ``--store-events`` events, after the server has preloaded it.
"""
from __future__ import annotations

import argparse
import random
import socket
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import uvicorn

from whodid.api import create_app
from whodid.model import Actor, Article, Event, Place, Trigger
from whodid.store import Store

# Invented sentences (no third-party text); the story is built from them up to ~600 words.
SENTENCES = [
    "The foreign minister of Freedonia met her Sylvanian counterpart in Geneva on Tuesday.",
    "Officials said the two governments agreed to resume border talks next month.",
    "Sylvania accused Freedonia of moving troops close to the river crossing in March.",
    "The United Nations urged both sides to show restraint and to keep talking.",
    "Protesters marched through the capital on Sunday to demand the release of detained journalists.",
    "Analysts said new sanctions could follow if the ceasefire collapses.",
    "In 2019, the two leaders signed a trade agreement that has since lapsed.",
    "Kenya sent a delegation to Addis Ababa to mediate between the parties.",
    "The president is expected to visit Nairobi later this year, according to his spokesman.",
    "Troops fired on a convoy near the northern border, killing three soldiers, the army said.",
]
CODES = ["USA", "PRK", "KOR", "CHN", "RUS", "UKR", "JPN", "IRN", "ISR", "GBR", "FRA", "DEU", "IND", "PAK", "KEN"]
TYPES = [("CONSULT", 1), ("AGREE", 1), ("AID", 2), ("ACCUSE", 3), ("THREATEN", 3), ("ASSAULT", 4), ("SANCTION", 4)]


def story(words: int = 600) -> str:
    out: list[str] = []
    i = 0
    while sum(len(s.split()) for s in out) < words:
        out.append(SENTENCES[i % len(SENTENCES)])
        i += 1
    return " ".join(out)


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def serve(app) -> tuple[uvicorn.Server, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def synthetic_store(path: Path, n: int, seed: int = 7) -> None:
    """``n`` synthetic events over 10 years, one story per 10 events (written through Store.write_many)."""
    rng = random.Random(seed)
    text = "Synthetic event sentence for the benchmark store."
    items = []
    for s in range(0, n, 10):
        events = []
        for k in range(min(10, n - s)):
            a, b = rng.sample(CODES, 2)
            etype, quad = rng.choice(TYPES)
            date = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            events.append(Event(story_id=f"b{s}", sentence_id=k, text=text, event_type=etype,
                                trigger=Trigger("event", 10 + k, 15 + k), quad_class=quad, date=date,
                                date_precision="day", date_source="text", historical=rng.random() < 0.1,
                                actors=[Actor(text=a, code=a + "GOV", country=a)],
                                recipients=[Actor(text=b, code=b + "GOV", country=b)],
                                location=Place(text="X", start=0, end=1, name=f"P{rng.randint(0, 300)}",
                                               lat=rng.uniform(-50, 60), lon=rng.uniform(-150, 150), country=a)))
        items.append((Article(id=f"b{s}", text=text, published="2025-12-31"), events))
    with Store(path) as store:
        store.write_many(items, batch=1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--store-events", type=int, default=100_000)
    args = parser.parse_args()
    body = {"text": story(), "published": "2025-09-27"}
    print(f"story: {len(body['text'].split())} words")

    server, url = serve(create_app(None, preload=True))
    with httpx.Client(base_url=url, timeout=60) as client:
        for _ in range(3):  # warm-up
            client.post("/code", json=body).raise_for_status()
        times = []
        for _ in range(args.requests):
            t = time.perf_counter()
            client.post("/code", json=body).raise_for_status()
            times.append(time.perf_counter() - t)
    print(f"POST /code, 1 client, {args.requests} requests: p50 {statistics.median(times) * 1000:.0f} ms, "
          f"p95 {percentile(times, 0.95) * 1000:.0f} ms")

    stop = time.perf_counter() + args.seconds
    lat: list[float] = []
    errors: list[str] = []

    def worker() -> None:
        with httpx.Client(base_url=url, timeout=120) as c:
            while time.perf_counter() < stop:
                t = time.perf_counter()
                try:
                    r = c.post("/code", json=body)
                    if r.status_code != 200:
                        errors.append(str(r.status_code))
                except httpx.HTTPError as exc:
                    errors.append(type(exc).__name__)
                lat.append(time.perf_counter() - t)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(args.clients) as pool:
        for _ in range(args.clients):
            pool.submit(worker)
    wall = time.perf_counter() - t0
    print(f"POST /code, {args.clients} clients, {args.seconds:.0f} s: {len(lat)} requests, {len(errors)} errors, "
          f"p50 {statistics.median(lat) * 1000:.0f} ms, p95 {percentile(lat, 0.95) * 1000:.0f} ms, "
          f"{len(lat) / wall:.1f} req/s")
    server.should_exit = True

    if args.store_events:
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "bench.duckdb"
            t = time.perf_counter()
            synthetic_store(db, args.store_events)
            print(f"synthetic store: {args.store_events} events written in {time.perf_counter() - t:.1f} s")
            t = time.perf_counter()
            app = create_app(db)
            app.state.whodid.index.rows()  # what `whodid serve --preload` does before serving
            print(f"server start with preload: {time.perf_counter() - t:.1f} s")
            server, url = serve(app)
            with httpx.Client(base_url=url, timeout=60) as client:
                first = []
                for _ in range(5):
                    t = time.perf_counter()
                    for path in ("/", "/static/app.js", "/static/style.css", "/timeline", "/places",
                                 "/events?limit=50&offset=0", "/basemap"):
                        client.get(path).raise_for_status()
                    first.append(time.perf_counter() - t)
                t = time.perf_counter()
                n = client.get("/events", params={"dyad": "USA,PRK", "limit": 50}).json()["total"]
                dyad = time.perf_counter() - t
            server.should_exit = True
            print(f"dashboard first screen, {args.store_events} events (sequential requests): "
                  f"median {statistics.median(first) * 1000:.0f} ms, max {max(first) * 1000:.0f} ms; "
                  f"dyad USA-PRK filter ({n} events) {dyad * 1000:.0f} ms")


if __name__ == "__main__":
    main()
