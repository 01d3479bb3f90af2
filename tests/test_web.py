"""The HTTP JSON API against a real `sitrep serve` process on loopback with a real SQLite store."""

from __future__ import annotations

import http.client
import json
from urllib.parse import quote

import pytest

from web_support import TOKEN, Server, build_store

pytest.importorskip("fastapi")


@pytest.fixture(scope="module")
def served(tmp_path_factory, extract):
    db = tmp_path_factory.mktemp("web") / "store.db"
    ids = build_store(db, extract)
    server = Server(db)
    yield server, ids
    server.stop()


def test_documents_list_and_one_document(served):
    server, ids = served
    status, page = server.json("/api/documents?limit=2")
    assert status == 200
    assert page["total"] == 5 and len(page["documents"]) == 2 and page["limit"] == 2
    status, doc = server.json(f"/api/documents/{ids['article']}")
    assert status == 200
    assert doc["source"] == "Reuters" and doc["report"]["schema"] == "sitrep/1"
    text = doc["text"]
    for st in doc["report"]["statements"]:
        s, e = st["content"]["span"]
        assert text[s:e] == st["content"]["text"]


def test_statements_by_speaker_and_search(served):
    server, _ids = served
    status, body = server.json("/api/statements?speaker=" + quote("Milley"))
    assert status == 200
    assert [s["speaker"] for s in body["statements"]] == ["Mark Milley"]
    status, body = server.json("/api/search?q=" + quote("Kherson"))
    assert status == 200 and body["documents"], body
    assert all("id" in d for d in body["documents"])


def test_estimates_series_shape(served):
    server, ids = served
    status, series = server.json("/api/estimates?subject=" + quote("Russian soldiers"))
    assert status == 200
    ours = [s for s in series if s["subject"].lower() == "russian soldiers"]
    assert ours, series
    figures = {(e["low"], e["high"], e["qualifier"], e["claimant"]) for e in ours[0]["estimates"]}
    assert (None, 40000, "at_most", "Mark Milley") in figures
    assert (100000, None, "more_than", "Oleksii Reznikov") in figures
    assert (90000, 100000, "range", "Ben Wallace") in figures
    for e in ours[0]["estimates"]:
        assert {"document", "source", "published", "text", "span", "reprints"} <= set(e)


def test_contradictions_endpoint(served):
    server, _ids = served
    status, items = server.json("/api/contradictions")
    assert status == 200 and isinstance(items, list)
    for c in items:
        assert c["kind"] in ("quantity", "event") and c["reason"]
    # 40,000 at most vs more than 100,000 from different claimants cannot both hold.
    assert any(c["kind"] == "quantity" for c in items), items


@pytest.mark.parametrize(
    "path, status",
    [
        ("/api/documents/nope", 404),
        ("/api/no-such-route", 404),
        ("/api/statements?limit=100000", 400),
        ("/api/statements?limit=ten", 400),
        ("/api/documents?offset=-1", 400),
        ("/api/search?q=" + "x" * 300, 400),
    ],
)
def test_errors_have_one_json_shape(served, path, status):
    server, _ids = served
    got, body = server.json(path)
    assert got == status
    assert set(body) == {"error"} and body["error"]["status"] == status and body["error"]["message"]


def test_writing_needs_the_token(served):
    server, _ids = served
    body = json.dumps(
        {"text": "GENEVA (Wire) — Aid officials said 300 families fled the town on Sunday."}
    ).encode()
    headers = {"Content-Type": "application/json"}
    status, answer = server.json("/api/documents", method="POST", body=body, headers=headers)
    assert status == 401 and answer["error"]["status"] == 401
    status, answer = server.json(
        "/api/documents", method="POST", body=body, headers={**headers, "Authorization": "Bearer wrong"}
    )
    assert status == 401
    status, answer = server.json(
        "/api/documents", method="POST", body=body, headers={**headers, "Authorization": f"Bearer {TOKEN}"}
    )
    assert status == 201 and answer["new"] is True
    again, answer2 = server.json(
        "/api/documents", method="POST", body=body, headers={**headers, "Authorization": f"Bearer {TOKEN}"}
    )
    assert again == 200 and answer2 == {**answer, "new": False}
    status, doc = server.json(f"/api/documents/{answer['id']}")
    assert status == 200 and doc["published"] is None


def test_bad_bodies_are_refused(served):
    server, _ids = served
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    status, answer = server.json("/api/documents", method="POST", body=b"{not json", headers=auth)
    assert status == 400 and "JSON" in answer["error"]["message"]
    status, answer = server.json(
        "/api/documents", method="POST", body=json.dumps({"text": "  "}).encode(), headers=auth
    )
    assert status == 400 and "empty" in answer["error"]["message"]
    # An oversized body is refused from its Content-Length, before it is read.
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    conn.putrequest("POST", "/api/documents")
    for k, v in {**auth, "Content-Length": str(3 * 1024 * 1024)}.items():
        conn.putheader(k, v)
    conn.endheaders()
    resp = conn.getresponse()
    assert resp.status == 413 and json.loads(resp.read())["error"]["status"] == 413
    conn.close()


def test_pages_escape_untrusted_text_and_forbid_inline_script(served):
    server, ids = served
    status, headers, body = server.request(f"/documents/{ids['hostile']}")
    html = body.decode()
    assert status == 200
    assert "<script>document.title" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=" in html
    assert "script-src 'self'" in headers["content-security-policy"]
    status, _h, body = server.request("/documents")  # the list of documents (`/` is the overview)
    assert (
        "<script>alert(1)</script>" not in body.decode()
        and "&lt;script&gt;alert(1)&lt;/script&gt;" in body.decode()
    )


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/documents",
        "/estimates",
        "/contradictions",
        "/search?q=Kherson",
        "/people/" + quote("Mark Milley"),
        "/timeline/Kherson",
    ],
)
def test_pages_render(served, path):
    server, _ids = served
    status, headers, body = server.request(path)
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert b"<main>" in body


def test_read_only_without_a_token(tmp_path, extract):
    db = tmp_path / "ro.db"
    build_store(db, extract)
    server = Server(db, token=None)
    try:
        status, answer = server.json(
            "/api/documents",
            method="POST",
            body=b'{"text": "x"}',
            headers={"Content-Type": "application/json"},
        )
        assert status == 403 and "--token" in answer["error"]["message"]
    finally:
        server.stop()
