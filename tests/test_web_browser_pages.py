"""The overview, the map and paging in headless Chromium (Debian's package) against a real server.

Screenshots go to `test-artifacts/` (or $SITREP_ARTIFACTS), as in test_web_browser.py.
"""

from __future__ import annotations

import pytest

from pages_support import DOCUMENTS, build_pages_store
from test_web_browser import ARTIFACTS, new_page, served_in_chromium


@pytest.fixture(scope="module")
def site(tmp_path_factory, extract):
    db = tmp_path_factory.mktemp("ui_pages") / "store.db"
    ids = build_pages_store(db, extract)
    with served_in_chromium(db) as (server, browser):
        yield server, ids, browser


def open_page(browser, url: str):
    """A page at `url`, loaded, with the dialogs it opened and the CSP refusals it logged."""
    page, dialogs = new_page(browser)
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, dialogs, blocked


def test_overview_shows_the_record_and_links_to_passages(site):
    server, _ids, browser = site
    page, dialogs, blocked = open_page(browser, f"{server.base}/")
    holds = page.locator("section.holds").inner_text()
    assert f"{DOCUMENTS} documents" in holds and "2022-11-10" in holds and "2023-02-10" in holds
    assert page.locator("section.series svg.spark").count() >= 1
    assert page.locator("section.holds svg.map a.marker").count() >= 4
    assert "Mark Milley" in page.locator("section.quoted").inner_text()
    page.screenshot(path=str(ARTIFACTS / "overview.png"), full_page=True)
    assert blocked == [] and dialogs == []
    # The newest figure of a series opens its passage in the article.
    page.locator("section.series a.passage").first.click()
    page.wait_for_url("**/documents/**")
    assert page.locator("mark.focus").count() == 1
    page.go_back()
    page.locator("section.quoted a.person").first.click()
    page.wait_for_url("**/people/**")
    assert page.locator("h1.person-name").inner_text() in ("Ben Wallace", "Mark Milley")
    page.close()


def test_map_draws_the_world_and_markers_that_open_passages(site):
    server, _ids, browser = site
    page, _dialogs, blocked = open_page(browser, f"{server.base}/map")
    box = page.locator("svg.map").bounding_box()
    assert box and box["width"] > 600 and box["height"] > 250
    assert page.locator("svg.map a.marker.place").count() >= 4
    assert page.locator("svg.map a.marker.event").count() >= 4
    assert page.request.get(f"{server.base}/map/world.svg").ok  # the outline under the markers
    page.screenshot(path=str(ARTIFACTS / "map.png"), full_page=True)
    assert blocked == []
    # A marker opens the passages at its place; a passage opens its article at the passage.
    # (the place's and its events' markers coincide and open the same passages: click the one on top)
    page.locator("svg.map a.marker", has=page.locator("title", has_text="Goma")).last.click()
    page.wait_for_url("**/map?place=Goma**")
    assert "Passages at Goma" in page.locator("main").inner_text()
    assert page.locator("ol.passages li").count() >= 10
    page.screenshot(path=str(ARTIFACTS / "map-place.png"), full_page=True)
    page.locator("ol.passages a.passage").first.click()
    page.wait_for_url("**/documents/**")
    assert page.locator("mark.focus").count() == 1
    assert page.locator("aside.panel svg.map.small").count() == 1
    page.close()


def test_map_filters_by_event_type_and_dates(site):
    server, _ids, browser = site
    page, _dialogs = new_page(browser)
    page.goto(f"{server.base}/map")
    page.select_option("select[name=type]", "attack")
    page.fill("input[name=from]", "2023-01-02")
    page.fill("input[name=to]", "2023-01-05")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/map?**type=attack**")
    assert page.locator("svg.map a.marker.place").count() == 0
    assert page.locator("svg.map a.marker.event").count() == 4  # one attack in each town in those days
    page.close()


def test_documents_page_forward_and_back(site):
    server, _ids, browser = site
    page, _dialogs = new_page(browser)
    page.goto(f"{server.base}/documents?limit=10")
    first_page = page.locator("table.documents tbody tr").all_inner_texts()
    assert (
        len(first_page) == 10
        and f"1–10 of {DOCUMENTS} documents" in page.locator("nav.pager").first.inner_text()
    )
    page.locator("nav.pager a.next").first.click()
    page.wait_for_url("**offset=10**")
    second_page = page.locator("table.documents tbody tr").all_inner_texts()
    assert len(second_page) == 10 and not set(first_page) & set(second_page)
    page.screenshot(path=str(ARTIFACTS / "documents.png"), full_page=True)
    page.locator("nav.pager a.prev").first.click()
    page.wait_for_url("**/documents?limit=10")
    assert page.locator("table.documents tbody tr").all_inner_texts() == first_page
    # Filter by outlet, then page within the filter.
    page.fill("input[name=source]", "Herald")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**source=Herald**")
    outlets = {r.split("\t")[1] for r in page.locator("table.documents tbody tr").all_inner_texts()}
    assert outlets == {"Herald"}
    page.close()


def test_estimates_and_contradictions_are_paged(site):
    server, _ids, browser = site
    page, _dialogs = new_page(browser)
    page.goto(f"{server.base}/estimates?limit=1")
    assert page.locator("section.series").count() == 1
    assert "Russian soldiers" in page.locator("section.series h2").inner_text()
    page.goto(f"{server.base}/contradictions?kind=quantity")
    assert page.locator("section.contradiction").count() >= 1
    assert all("QUANTITY" in t.upper() for t in page.locator("section.contradiction h2").all_inner_texts())
    page.close()
