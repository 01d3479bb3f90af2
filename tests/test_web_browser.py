"""The web UI in headless Chromium (Debian's package) against a real server and store.

Screenshots go to `test-artifacts/` at the repository root (or $SITREP_ARTIFACTS).
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

from web_support import Server, build_store

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed (./scripts/setup installs it)", allow_module_level=True)

ARTIFACTS = Path(os.environ.get("SITREP_ARTIFACTS", Path(__file__).resolve().parents[1] / "test-artifacts"))
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def served_in_chromium(db: Path):
    """`sitrep serve` on the store `db` and a headless Chromium, both stopped on exit."""
    server = Server(db)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            yield server, browser
            browser.close()
    finally:
        server.stop()


@pytest.fixture(scope="module")
def site(tmp_path_factory, extract):
    db = tmp_path_factory.mktemp("ui") / "store.db"
    ids = build_store(db, extract)
    with served_in_chromium(db) as (server, browser):
        yield server, ids, browser


def new_page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return page, dialogs


def test_click_a_statement_lands_on_its_speaker(site):
    server, ids, browser = site
    page, _ = new_page(browser)
    page.goto(f"{server.base}/documents/{ids['Wire']}")
    statement = page.locator("a.hl.statement").first
    assert statement.is_visible()
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)
    statement.click()
    page.wait_for_url("**/people/**")
    assert page.locator("h1.person-name").inner_text() == "Mark Milley"
    assert "as many as 40,000" in page.locator("ul.statements").inner_text()
    page.screenshot(path=str(ARTIFACTS / "person.png"), full_page=True)
    page.close()


def test_extracted_article_shows_highlights_and_panel(site):
    server, ids, browser = site
    page, _ = new_page(browser)
    page.goto(f"{server.base}/documents/{ids['article']}")
    assert page.locator("aside.panel").is_visible()
    assert page.locator(".article-text .hl").count() > 0
    page.close()


def test_estimates_chart_renders(site):
    server, _ids, browser = site
    page, _ = new_page(browser)
    page.goto(f"{server.base}/estimates")
    chart = page.locator("svg.chart").first
    box = chart.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 100
    assert page.locator("svg.chart circle").count() >= 3
    page.screenshot(path=str(ARTIFACTS / "estimates.png"), full_page=True)
    # A point links to the figure's passage in its article.
    page.locator("svg.chart a.point").first.click()
    page.wait_for_url("**/documents/**")
    assert page.locator("mark.focus").count() == 1
    page.close()


def test_hostile_article_does_not_run_its_payloads(site):
    server, ids, browser = site
    page, dialogs = new_page(browser)
    page.goto(f"{server.base}/documents/{ids['hostile']}")
    page.wait_for_timeout(500)
    assert page.title() != "pwned" and dialogs == []
    assert "<script>" in page.locator(".article-text").inner_text()
    page.screenshot(path=str(ARTIFACTS / "hostile.png"), full_page=True)
    for path in ("/", "/documents"):  # the overview, and the list that shows the hostile title
        page.goto(f"{server.base}{path}")
        page.wait_for_timeout(300)
        assert dialogs == [] and page.title() != "pwned"
    page.close()
