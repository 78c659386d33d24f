"""The dashboard (whodid/web) in a real browser: load it on a small store, filter to a dyad, open an event, paste
a story; a screenshot goes to the test's tmp folder. Needs Playwright and /usr/bin/chromium (skips without).
Static checks that need no browser (offline: no CDN; every referenced asset served) always run."""
from __future__ import annotations

import importlib.util
import re
import socket
import threading
import time
import warnings
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*")
from fastapi.testclient import TestClient  # noqa: E402

from whodid.api import WEB_DIR, create_app  # noqa: E402
from whodid.model import Actor, Article, Event, Place, Trigger  # noqa: E402
from whodid.store import Store  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
_MISSING = [what for what, there in (("the playwright package (pip install -e '.[test]')",
                                       importlib.util.find_spec("playwright") is not None),
                                      ("/usr/bin/chromium (apt-get install chromium; .ci/run does)",
                                       CHROMIUM.exists())) if not there]
needs_browser = pytest.mark.skipif(bool(_MISSING), reason="browser test needs " + " and ".join(_MISSING))


def test_dashboard_is_offline_and_its_assets_are_served() -> None:
    files = list(WEB_DIR.iterdir())
    assert {"index.html", "app.js", "style.css"} <= {f.name for f in files}
    for f in files:
        text = f.read_text(encoding="utf-8")
        # only the SVG namespace may look like a URL; nothing is fetched from another host
        urls = set(re.findall(r"https?://[^\s\"'`)]+", text)) - {"http://www.w3.org/2000/svg"}
        assert not urls, (f.name, urls)
    client = TestClient(create_app(None))
    html = client.get("/").text
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
        assert client.get(asset).status_code == 200, asset
    # every element id the script looks up exists in the page
    script = (WEB_DIR / "app.js").read_text(encoding="utf-8")
    for wanted in set(re.findall(r'\$\("([\w-]+)"\)', script)):
        assert f'id="{wanted}"' in html, wanted


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Chromium flags for a closed network (no update, sync or QUIC probes) and a container (no sandbox, no GPU);
# Playwright adds --headless, and launch_persistent_context a fresh --user-data-dir (the test's tmp folder).
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# invented places for the demo store: name, ISO3, lat, lon
PLACES = [("Geneva", "CHE", 46.2, 6.15), ("Vienna", "AUT", 48.21, 16.37), ("Lisbon", "PRT", 38.72, -9.14),
          ("Nairobi", "KEN", -1.29, 36.82)]


def _demo_store(db: Path) -> tuple[list[Event], Event, Event]:
    """test_api's five invented stories, a second story reporting story s1's talks (so they merge into one event),
    and 24 more invented events over 2023-2024; returns all mentions, s1's and its second report's."""
    from test_api import _events  # the invented store of test_api (pytest puts tests/ on sys.path)

    items = _events()
    s1 = items[0][1][0]
    text = "Diplomats from Freedonia met envoys from Sylvania in Geneva on March 3, 2024."
    at, g = text.index("met"), text.index("Geneva")
    again = Event(story_id="s6", sentence_id=0, text=text, event_type="CONSULT", trigger=Trigger("met", at, at + 3),
                  actors=[Actor(text="Freedonia", name="Frd", code="FRDGOV", country="FRD")],
                  recipients=[Actor(text="Sylvania", name="Syl", code="SYLGOV", country="SYL")], quad_class=1,
                  date="2024-03-03", date_precision="day", date_text="March 3, 2024", date_source="text",
                  status="asserted", location=Place(text="Geneva", start=g, end=g + 6, name="Geneva", country="CHE",
                                                    lat=46.2, lon=6.15, feature="city"))
    items.append((Article(id="s6", text=text, title="story s6", published="2024-03-04"), [again]))
    kinds = [("CONSULT", 1, "talked with"), ("AID", 2, "sent aid to"), ("ACCUSE", 3, "accused"),
             ("ASSAULT", 4, "attacked")]
    sides = [("FRD", "Freedonia"), ("SYL", "Sylvania"), ("OST", "Osterlich")]
    for k in range(24):
        etype, quad, verb = kinds[k % 4]
        (acode, aname), (rcode, rname) = sides[k % 3], sides[(k + 1 + k // 3) % 3]
        if acode == rcode:
            rcode, rname = sides[(k + 2) % 3]
        place, iso3, lat, lon = PLACES[k % 4]
        month = f"{2023 + k // 12}-{k % 12 + 1:02d}"
        text = f"{aname} {verb} {rname} in {place} in {month}."
        at, p = text.index(verb), text.index(place)
        event = Event(story_id=f"g{k}", sentence_id=0, text=text, event_type=etype,
                      trigger=Trigger(verb, at, at + len(verb)), quad_class=quad, date=month, date_precision="month",
                      date_text=month, date_source="text", status="asserted",
                      actors=[Actor(text=aname, name=acode.title(), code=acode + "GOV", country=acode)],
                      recipients=[Actor(text=rname, name=rcode.title(), code=rcode + "GOV", country=rcode)],
                      location=Place(text=place, start=p, end=p + len(place), name=place, country=iso3, lat=lat,
                                     lon=lon, feature="city"))
        items.append((Article(id=f"g{k}", text=text, title=f"story g{k}", published=f"{month}-28"), [event]))
    with Store(db) as store:
        store.write_many(items)
        assert [m.id for m in store.sibling_mentions(s1.id)] == [again.id]  # the precondition: they merged
    return [e for _, events in items for e in events], s1, again


@needs_browser
def test_dashboard_in_chromium(tmp_path: Path, coder) -> None:  # pragma: no cover - needs a browser
    import uvicorn
    from playwright.sync_api import expect, sync_playwright

    db = tmp_path / "demo.duckdb"
    mentions, s1, again = _demo_store(db)
    dyad = [e for e in mentions if {"FRD", "SYL"} <= {a.country for a in e.actors + e.recipients}]
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db, coder=coder), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch_persistent_context(
                tmp_path / "profile", executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS,
                viewport={"width": 1400, "height": 900})
            page = browser.pages[0] if browser.pages else browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(f"http://127.0.0.1:{port}/")
            # first screen: every event, a timeline, the world's outlines with the event places on them
            expect(page.locator("#summary")).to_have_text(f"{len(mentions)} events")
            assert page.locator("#events tbody tr").count() == len(mentions)
            assert page.locator("#map path[data-iso3]").count() > 150
            assert page.locator("#map circle.spot").count() == len(PLACES)
            assert page.locator("#map path.hit").count() == len(PLACES)  # the four countries holding them
            assert page.locator("#timeline g.bar").count() >= 24  # one per month over 2023-2024
            page.screenshot(path=str(tmp_path / "dashboard-first.png"), full_page=True)
            assert page.get_attribute("#map", "viewBox") != "-180 -85 360 145"  # fitted to the four places
            page.click("#map-world")
            assert page.get_attribute("#map", "viewBox") == "-180 -85 360 145"
            page.click("#map-world")
            # a dyad
            page.fill("#f-a", "FRD")
            page.fill("#f-b", "SYL")
            page.click("#apply")
            expect(page.locator("#summary")).to_have_text(f"{len(dyad)} events")
            assert page.locator("#events tbody tr").count() == len(dyad)
            # a click on a month of the timeline filters to it
            march = [e for e in dyad if e.date.startswith("2024-03")]
            page.click('#timeline g.bar[data-period="2024-03"]')
            expect(page.locator("#summary")).to_have_text(f"{len(march)} events")
            assert page.input_value("#f-since") == page.input_value("#f-until") == "2024-03"
            # an event: its sentence with the evidence highlighted, and its other mention
            page.click(f'#events tbody tr[data-id="{s1.id}"]')
            expect(page.locator("#event-view mark.trigger")).to_have_text("talks")
            assert page.inner_text("#event-view mark.actor") == "Freedonia"
            assert page.inner_text("#event-view mark.recipient") == "Sylvania"
            assert page.inner_text("#event-view mark.date") == "March 3, 2024"
            assert page.inner_text("#event-view mark.place") == "Geneva"
            assert "Geneva (CHE) · confidence 0.9" in page.inner_text("#event-view dl")
            expect(page.locator("#mentions li")).to_have_count(1)
            assert again.text in page.inner_text("#mentions li")
            page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
            page.click("#mentions li")  # the other mention opens in its turn
            expect(page.locator("#event-view mark.trigger")).to_have_text("met")
            page.focus(f'#events tbody tr[data-id="{s1.id}"]')  # and a row opens from the keyboard
            page.keyboard.press("Enter")
            expect(page.locator("#event-view mark.trigger")).to_have_text("talks")
            # a pasted story is coded and its events listed; one opens with its evidence
            page.fill("#story", "The Kenyan president met Ethiopia's prime minister in Nairobi on 4 March 2024. "
                                "Later that day the two leaders signed a trade agreement.")
            page.fill("#published", "2024-03-05")
            page.click("#code")
            page.wait_for_selector("#coded li")
            assert "CONSULT" in page.inner_text("#coded")
            page.locator("#coded li").first.click()
            page.wait_for_selector("#event-view mark.trigger")
            page.screenshot(path=str(tmp_path / "dashboard-coded.png"), full_page=True)
            assert not errors, errors
            browser.close()
        assert (tmp_path / "dashboard.png").stat().st_size > 10_000
    finally:
        server.should_exit = True
        thread.join(timeout=5)
