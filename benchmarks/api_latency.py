"""HTTP API latency (issue 10 targets), against a real uvicorn server on 127.0.0.1 in this process.

    .venv/bin/python benchmarks/api_latency.py [--requests 40] [--clients 20] [--seconds 30] [--store-events 100000]
                                               [--rounds 10] [--browser]

1. ``POST /code`` of a ~600-word invented story, one client, after warm-up: p50/p95 (target p50 < 300 ms);
   ``--requests 0`` skips it.
2. The same with ``--clients`` concurrent clients for ``--seconds`` (bounded): errors, p50/p95, requests/s;
   ``--clients 0`` skips it.
3. The dashboard's first screen (``/``, its static files, the world outlines, ``/timeline``, ``/places``,
   ``/events?limit=50``, as the page loads them, one after another) from a synthetic store of ``--store-events``
   events bulk-loaded with ``Store.load_distinct``, no preload: ``--rounds`` rounds, the first one cold; then the
   same for a dyad filter. ``--browser``: also the time a headless Chromium (/usr/bin/chromium, through
   Playwright) takes from navigation to the page drawn (table, timeline and map filled).
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
    """``n`` synthetic events over 10 years, one story per 10 events (bulk path: Store.load_distinct, each
    mention its own merged event)."""
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
        store.load_distinct(items)


FIRST_SCREEN = ("/", "/static/app.js", "/static/style.css", "/static/world.json")


def first_screen(client: httpx.Client, query: str = "") -> float:
    """Seconds to fetch what the dashboard's first screen needs, one request after another (a browser runs the
    data requests in parallel, so this is an upper bound of the network part)."""
    t = time.perf_counter()
    for path in FIRST_SCREEN:
        client.get(path).raise_for_status()
    for path in ("/timeline", "/places", "/events?limit=50&offset=0"):
        client.get(path + ("&" if "?" in path else "?") + query if query else path).raise_for_status()
    return time.perf_counter() - t


def browser_load(url: str, rounds: int) -> list[float]:
    """Seconds from navigation to the dashboard drawn (summary shows the count), in headless Chromium."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        with tempfile.TemporaryDirectory() as profile:
            context = p.chromium.launch_persistent_context(
                profile, executable_path="/usr/bin/chromium", headless=True,
                args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                      "--disable-background-networking", "--disable-component-update", "--disable-sync"])
            page = context.new_page()
            for _ in range(rounds):
                t = time.perf_counter()
                page.goto(url + "/", wait_until="commit")
                page.wait_for_function("/^[0-9,]+ events/.test(document.getElementById('summary').textContent)")
                times.append(time.perf_counter() - t)
            context.close()
    return times


def measure_store(n: int, rounds: int, browser: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        t = time.perf_counter()
        synthetic_store(db, n)
        print(f"synthetic store: {n} events bulk-loaded in {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        app = create_app(db)
        print(f"server start (no preload): {(time.perf_counter() - t) * 1000:.0f} ms")
        server, url = serve(app)
        try:
            with httpx.Client(base_url=url, timeout=60) as client:
                for label, query in (("all events", ""), ("dyad USA-PRK", "dyad=USA,PRK")):
                    times = [first_screen(client, query) for _ in range(rounds)]
                    print(f"first screen, {n} events, {label} (sequential requests, {rounds} rounds): "
                          f"first (cold) {times[0] * 1000:.0f} ms, p50 {statistics.median(times) * 1000:.0f} ms, "
                          f"max {max(times) * 1000:.0f} ms")
                for path in ("/timeline", "/places", "/events?limit=50&offset=0", "/events?limit=50&offset=90000",
                             "/dyads?source=USA&target=PRK", "/actors?q=us", "/health"):
                    times = []
                    for _ in range(rounds):
                        t = time.perf_counter()
                        client.get(path).raise_for_status()
                        times.append(time.perf_counter() - t)
                    print(f"  {path}: p50 {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")
            if browser:
                times = browser_load(url, rounds)
                print(f"first screen in headless Chromium, {n} events ({rounds} loads): first {times[0] * 1000:.0f} "
                      f"ms, p50 {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")
        finally:
            server.should_exit = True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--store-events", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--browser", action="store_true")
    args = parser.parse_args()
    if args.requests or args.clients:
        measure_code(args.requests, args.clients, args.seconds)
    if args.store_events:
        measure_store(args.store_events, args.rounds, args.browser)


def measure_code(requests: int, clients: int, seconds: float) -> None:
    body = {"text": story(), "published": "2025-09-27"}
    print(f"story: {len(body['text'].split())} words")
    server, url = serve(create_app(None, preload=True))
    with httpx.Client(base_url=url, timeout=60) as client:
        for _ in range(3):  # warm-up
            client.post("/code", json=body).raise_for_status()
        times = []
        for _ in range(requests):
            t = time.perf_counter()
            client.post("/code", json=body).raise_for_status()
            times.append(time.perf_counter() - t)
    if times:
        print(f"POST /code, 1 client, {requests} requests: p50 {statistics.median(times) * 1000:.0f} ms, "
              f"p95 {percentile(times, 0.95) * 1000:.0f} ms")
    if not clients:
        server.should_exit = True
        return
    stop = time.perf_counter() + seconds
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
    with ThreadPoolExecutor(clients) as pool:
        for _ in range(clients):
            pool.submit(worker)
    wall = time.perf_counter() - t0
    print(f"POST /code, {clients} clients, {seconds:.0f} s: {len(lat)} requests, {len(errors)} errors, "
          f"p50 {statistics.median(lat) * 1000:.0f} ms, p95 {percentile(lat, 0.95) * 1000:.0f} ms, "
          f"{len(lat) / wall:.1f} req/s")
    server.should_exit = True


if __name__ == "__main__":
    main()
