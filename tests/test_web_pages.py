"""The overview, the map and the paged lists against a real `sitrep serve` process and a real store."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from pages_support import DOCUMENTS, OPENINGS, OUTLETS, TOWN_REPORTS, TOWNS, build_pages_store
from web_support import Server

pytest.importorskip("fastapi")


@pytest.fixture(scope="module")
def served(tmp_path_factory, extract):
    db = tmp_path_factory.mktemp("pages") / "store.db"
    ids = build_pages_store(db, extract)
    server = Server(db)
    yield server, ids
    server.stop()


def _all_pages(server, path: str, key: str, limit: int) -> list[dict]:
    """Every row of a paged JSON list, page by page."""
    rows, offset = [], 0
    while True:
        status, page = server.json(f"{path}{'&' if '?' in path else '?'}limit={limit}&offset={offset}")
        assert status == 200, page
        rows += page[key]
        offset += limit
        if offset >= page["total"]:
            return rows


def test_overview_says_what_the_record_holds(served):
    server, ids = served
    status, ov = server.json("/api/overview")
    assert status == 200
    rec = ov["record"]
    assert rec["documents"] == DOCUMENTS
    assert rec["stories"] <= rec["documents"]
    assert rec["first"] == "2022-11-10" and rec["last"] == "2023-02-10"
    assert {o["source"] for o in rec["top_outlets"]} >= set(OUTLETS)
    # The most-reported series, with its newest figure and a sparkline's points in date order.
    soldiers = [s for s in ov["figures"] if s["subject"].lower() == "russian soldiers"]
    assert soldiers, ov["figures"]
    assert soldiers[0]["newest"]["text"] == "at most 40,000"
    assert soldiers[0]["newest"]["claimant"] == "Mark Milley"
    assert [p[0] for p in soldiers[0]["points"]] == ["2022-11-10", "2022-11-14", "2022-12-01", "2022-12-02"]
    # Newest disagreement first; each item points at its passage.
    assert ov["disagreements"] and ov["disagreements_total"] >= len(ov["disagreements"])
    dates = [c["newest"] or "" for c in ov["disagreements"]]
    assert dates == sorted(dates, reverse=True)
    for c in ov["disagreements"]:
        for it in c["items"]:
            status, doc = server.json(f"/api/documents/{it['document']}")
            s, e = it["span"]
            assert doc["text"][s:e] == it["text"]
    # People quoted in the record's last week (the newest statements are from 2022-12-02).
    assert ov["quoted"]["until"] == "2022-12-02" and ov["quoted"]["since"] == "2022-11-26"
    people = {p["name"]: p for p in ov["quoted"]["people"]}
    assert list(people) == ["Ben Wallace", "Mark Milley"]
    latest = people["Mark Milley"]["latest"]
    status, doc = server.json(f"/api/documents/{latest['document']}")
    assert doc["text"][latest["span"][0] : latest["span"][1]] == latest["text"]


def test_overview_page_links_items_to_pages_and_passages(served):
    server, _ids = served
    status, headers, body = server.request("/")
    html = body.decode()
    assert status == 200 and "What the record holds" in html
    assert 'href="/people/Ben%20Wallace"' in html
    assert re.search(r'href="/documents/est-tribune-2022-12-02\?at=\d+-\d+#at"', html)
    assert 'href="/estimates?subject=Russian%20soldiers' in html
    assert '<svg class="spark"' in html and '<svg class="map small"' in html
    assert " style=" not in html  # the CSP forbids inline style: SVG presentation attributes only


def test_documents_are_paged_without_gaps_and_labelled(served):
    server, ids = served
    every = _all_pages(server, "/api/documents", "documents", 7)
    assert len(every) == DOCUMENTS == len({d["id"] for d in every})
    dates = [d["published"] or "" for d in every]
    assert dates == sorted(dates, reverse=True)
    by_id = {d["id"]: d for d in every}
    assert by_id["town-002"]["label"] == "Shelling in Khartoum, report 2"  # its title
    # no title: its first sentence
    assert (
        by_id["town-003"]["label"] == "Shelling hit the centre of Goma early on Monday, residents reported."
    )
    assert (
        by_id["town-007"]["label"]
        == "Artillery hit the northern district of Goma late on Tuesday, the mayor said."
    )


@pytest.mark.parametrize(
    "query, expected",
    [
        ("source=Courier", {f"town-{i:03d}" for i in range(TOWN_REPORTS) if i % 3 == 1}),
        ("from=2023-01-02&to=2023-01-04", {"town-000", "town-001", "town-002"}),
        ("from=2023-02", {f"town-{i:03d}" for i in range(30, TOWN_REPORTS)}),
        ("source=Courier&from=2023-01-03&to=2023-01-05", {"town-001"}),
    ],
)
def test_documents_filter_by_outlet_and_date(served, query, expected):
    server, _ids = served
    assert {d["id"] for d in _all_pages(server, f"/api/documents?{query}", "documents", 5)} == expected


def test_estimates_are_paged_with_headers_and_filtered(served):
    server, _ids = served
    status, headers, body = server.request("/api/estimates?limit=1")
    headers = {k.lower(): v for k, v in headers.items()}
    assert status == 200
    total = int(headers["x-total-count"])
    assert total >= 1
    first = server.json("/api/estimates?limit=1")[1]
    assert len(first) == 1 and first[0]["subject"].lower() == "russian soldiers"  # most figures first
    if total > 1:
        assert 'rel="next"' in headers["link"] and "offset=1" in headers["link"]
        second = server.json("/api/estimates?limit=1&offset=1")[1]
        assert second != first
    status, series = server.json("/api/estimates?subject=" + quote("russian soldiers") + "&outcome=wounded")
    assert status == 200 and [s["subject"].lower() for s in series] == ["russian soldiers"]
    assert server.json("/api/estimates?subject=soldiers&outcome=displaced")[1] == []


def test_contradictions_are_paged_and_filtered(served):
    server, _ids = served
    status, headers, _body = server.request("/api/contradictions?limit=1")
    total = int({k.lower(): v for k, v in headers.items()}["x-total-count"])
    every = []
    for offset in range(total):
        every += server.json(f"/api/contradictions?limit=1&offset={offset}")[1]
    assert len(every) == total and server.json("/api/contradictions?limit=100")[1] == every
    quantity = server.json("/api/contradictions?kind=quantity&limit=100")[1]
    assert quantity and all(c["kind"] == "quantity" for c in quantity)
    milley = server.json("/api/contradictions?party=milley&limit=100")[1]
    assert milley and all(any("Milley" in p for p in c["parties"]) for c in milley)
    assert server.json("/api/contradictions?party=nobody-at-all")[1] == []


def test_map_counts_places_and_events_at_their_coordinates(served):
    server, _ids = served
    status, m = server.json("/api/map")
    assert status == 200
    places = {p["name"]: p for p in m["places"]}
    for town, _country, lat, lon in TOWNS:
        assert places[town]["lat"] == lat and places[town]["lon"] == lon
        assert places[town]["stories"] == TOWN_REPORTS // len(TOWNS)
        assert places[town]["mentions"] == 2 * TOWN_REPORTS // len(TOWNS)
    events = {e["name"]: e for e in m["events"]}
    assert events["Goma"]["types"] == {"attack": TOWN_REPORTS // len(TOWNS)}
    assert "attack" in {t["type"] for t in m["types"]}
    # filters: an event type hides the places; a time range counts only its documents
    typed = server.json("/api/map?type=attack&from=2023-01-02&to=2023-01-05")[1]
    assert typed["places"] == [] and sum(e["events"] for e in typed["events"]) == 4
    assert server.json("/api/map?type=no-such-type")[1]["events"] == []


def test_map_place_filter_lists_its_passages(served):
    server, _ids = served
    status, m = server.json("/api/map?place=goma&limit=4")
    assert status == 200
    assert [p["name"] for p in m["places"]] == ["Goma"]
    page = m["passages"]
    assert page["total"] == 3 * TOWN_REPORTS // len(TOWNS)  # two mentions and one event per report
    assert len(page["passages"]) == 4
    for x in page["passages"]:
        status, doc = server.json(f"/api/documents/{x['document']}")
        s, e = x["span"]
        assert doc["text"][s:e] == x["text"]
        assert doc["text"][max(s - 80, 0) : s] == x["before"]
    events_only = server.json("/api/map?place=Goma&type=attack")[1]["passages"]
    assert events_only["total"] == TOWN_REPORTS // len(TOWNS)
    assert {x["text"] for x in events_only["passages"]} <= set(OPENINGS)


def test_map_page_draws_markers_over_the_world_outline(served):
    server, _ids = served
    status, headers, body = server.request("/map")
    html = body.decode()
    assert status == 200 and '<svg class="map"' in html
    assert html.count('class="marker place"') == len(server.json("/api/map")[1]["places"])
    assert 'href="/map?place=Khartoum"' in html
    assert '<image href="/map/world.svg?z=1"' in html and " style=" not in html
    status, headers, body = server.request("/map?place=Goma")
    assert status == 200 and "Passages at Goma" in body.decode()
    status, headers, svg = server.request("/map/world.svg?z=4")
    assert status == 200 and headers["content-type"].startswith("image/svg+xml")
    from sitrep.web.mapdata import world_path

    if not world_path().is_file():
        pytest.skip("the world outline is not built (./scripts/setup builds it)")
    assert svg.count(b"<path ") >= 170 and b"<title>Ukraine</title>" in svg


def test_document_and_timeline_pages_carry_a_small_map(served):
    server, _ids = served
    status, _h, body = server.request("/documents/town-003")
    html = body.decode()
    assert status == 200 and '<svg class="map small"' in html and 'href="#place-0"' in html
    status, _h, body = server.request("/timeline/Goma")
    assert status == 200 and 'href="/map?place=Goma"' in body.decode()


@pytest.mark.parametrize(
    "path, status",
    [
        ("/api/documents?from=last-week", 400),
        ("/api/documents?limit=201", 400),
        ("/api/estimates?limit=51", 400),
        ("/api/contradictions?kind=rumour", 400),
        ("/api/map?to=2023-13-99x", 400),
        ("/api/map?limit=0", 400),
    ],
)
def test_bad_list_parameters_are_refused(served, path, status):
    server, _ids = served
    got, body = server.json(path)
    assert got == status and body["error"]["status"] == status and body["error"]["message"]


@pytest.mark.parametrize(
    "path", ["/", "/documents", "/map", "/estimates", "/contradictions", "/map?place=Odesa"]
)
def test_new_pages_render_with_their_pager_and_json_link(served, path):
    server, _ids = served
    status, headers, body = server.request(path)
    html = body.decode()
    assert status == 200 and "<main>" in html and "script-src 'self'" in headers["content-security-policy"]
    assert " style=" not in html


def test_documents_page_pages_forward_and_back(served):
    server, _ids = served
    _s, _h, body = server.request("/documents?limit=10")
    html = body.decode()
    assert f"1–10 of {DOCUMENTS} documents" in html
    nxt = re.search(r'<a class="next" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert nxt == "/documents?offset=10&limit=10"
    _s, _h, body = server.request(nxt)
    assert f"11–20 of {DOCUMENTS} documents" in body.decode()


def test_timeline_is_paged(served):
    server, _ids = served
    status, whole = server.json("/api/timeline/Goma?limit=500")
    assert status == 200 and whole["total"] == len(whole["timeline"]) >= TOWN_REPORTS // len(TOWNS)
    status, page = server.json("/api/timeline/Goma?limit=3&offset=2")
    assert page["total"] == whole["total"] and page["timeline"] == whole["timeline"][2:5]
    _s, _h, body = server.request("/timeline/Goma?limit=3")
    assert f"1–3 of {whole['total']} items" in body.decode()
