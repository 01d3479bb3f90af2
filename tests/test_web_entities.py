"""The entities pages and their JSON twins on a real server over a real store, and the entities page in
headless Chromium (Debian's package): filter by name, open an identity, see the spellings merged."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from identity_support import ARTICLES, write
from sitrep.aggregate import refresh
from sitrep.store.db import Store
from web_support import Server


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("entities") / "store.db"
    write(db, ARTICLES)
    with Store(db) as store:
        refresh(store)
    srv = Server(db)
    yield srv
    srv.stop()


def test_api_entities_lists_identities_with_their_spellings(server: Server) -> None:
    status, page = server.json("/api/entities?q=Zelensk&type=PERSON")
    assert status == 200 and page["total"] == 2
    first = page["entities"][0]
    assert first["name"] == "Volodymyr Zelensky" and first["documents"] == 3
    assert {"Volodymyr Zelenskiy", "Zelenskyy"} <= set(first["aliases"])
    assert page["entities"][1]["name"] == "Olena Zelenska"
    status, places = server.json("/api/entities?type=place")
    assert {e["name"] for e in places["entities"]} == {"Kyiv", "Kharkiv"}
    status, one = server.json("/api/entities/" + quote(first["id"], safe=""))
    assert status == 200 and one["alias_counts"]["Zelenskyy"] == 1 and one["corrections"] == []


def test_api_people_gathers_every_variant(server: Server) -> None:
    status, body = server.json("/api/people/Zelenskiy")
    assert status == 200
    assert {s["document"] for s in body["statements"]} == {"a1", "a2", "a3"}
    assert "Volodymyr Zelensky" in body["entity"]["aliases"]


def test_entities_errors_keep_the_api_shape(server: Server) -> None:
    status, body = server.json("/api/entities/person:nobody")
    assert status == 404 and body["error"]["status"] == 404
    status, body = server.json("/api/entities?limit=100000")
    assert status == 400 and "limit" in body["error"]["message"]


def test_entities_page_is_linked_and_lists_identities(server: Server) -> None:
    status, _h, html = server.request("/")
    assert b'href="/entities"' in html
    status, _h, html = server.request("/entities?q=Kiev")
    assert status == 200 and b"Kyiv" in html and b"Zelensky" not in html


sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("SITREP_ARTIFACTS", Path(__file__).resolve().parents[1] / "test-artifacts"))


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_entities_page_in_a_browser(server: Server) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(server.base + "/entities")
        page.click("nav >> text=Entities")
        assert page.locator("table.entities tbody tr").count() >= 6
        page.fill("form.filters input[name=q]", "Zelenskiy")
        page.click("form.filters button[type=submit]")
        rows = page.locator("table.entities tbody tr")
        assert rows.count() == 1
        page.screenshot(path=str(ARTIFACTS / "entities.png"), full_page=True)
        page.click("a.identity")
        assert page.locator("h1.entity-name").inner_text() == "Volodymyr Zelensky"
        spellings = page.locator("table.aliases").inner_text()
        assert "Volodymyr Zelenskiy" in spellings and "Zelenskyy" in spellings
        page.screenshot(path=str(ARTIFACTS / "entity.png"), full_page=True)
        browser.close()
