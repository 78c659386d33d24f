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

CHROMIUM = Path("/usr/bin/chromium")
HAVE_BROWSER = importlib.util.find_spec("playwright") is not None and CHROMIUM.exists()
needs_browser = pytest.mark.skipif(not HAVE_BROWSER, reason="needs the playwright package and /usr/bin/chromium")


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


@needs_browser
def test_dashboard_in_chromium(tmp_path: Path, coder) -> None:  # pragma: no cover - needs a browser
    import uvicorn
    from playwright.sync_api import sync_playwright

    from test_api import _events  # the invented store of test_api (pytest puts tests/ on sys.path)
    from whodid.store import Store

    db = tmp_path / "demo.duckdb"
    with Store(db) as store:
        for article, events in _events():
            store.write(article, events)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db, coder=coder), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM))
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector("#events tbody tr")
            assert page.locator("#events tbody tr").count() == 5
            page.fill("#f-a", "FRD")
            page.fill("#f-b", "SYL")
            page.click("#apply")
            page.wait_for_function("document.querySelectorAll('#events tbody tr').length === 3")
            page.locator("#events tbody tr").first.click()
            page.wait_for_selector("#event-view mark.trigger")
            assert page.inner_text("#event-view mark.trigger") == "talks"
            page.fill("#story", "Freedonia and Sylvania held talks in Geneva on March 3, 2024.")
            page.fill("#published", "2024-03-04")
            page.click("#code")
            page.wait_for_selector("#coded li")
            page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=5)
