"""`/api/estimates` and the estimates page answered from the series stored at refresh."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from sitrep.aggregate import refresh
from sitrep.aggregate.estimates_store import is_current
from sitrep.record import query
from sitrep.store import Store
from web_support import TOKEN, Server, build_store

pytest.importorskip("fastapi")

QUERIES = [
    (None, None),
    ("Russian soldiers", None),
    ("russian troops", "killed"),
    ("soldiers", "wounded,killed"),
]


@pytest.fixture(scope="module")
def served(tmp_path_factory, extract):
    db = tmp_path_factory.mktemp("web_est") / "store.db"
    build_store(db, extract)
    with Store(db) as store:
        refresh(store)  # as `sitrep ingest` leaves the store
    server = Server(db)
    yield server, db
    server.stop()


def _url(subject, outcome):
    args = [f"subject={quote(subject)}" if subject else "", f"outcome={quote(outcome)}" if outcome else ""]
    return "/api/estimates?" + "&".join(a for a in args if a)


def _same_as_computed(server, db):
    with Store(db, readonly=True) as store:
        assert is_current(store)
        for subject, outcome in QUERIES:
            status, series = server.json(_url(subject, outcome))
            assert status == 200
            assert series == query.computed_estimates(store, subject, outcome), (subject, outcome)
    return series


def test_api_answers_the_stored_series_as_computed(served):
    server, db = served
    _same_as_computed(server, db)
    status, every = server.json("/api/estimates")
    assert any(s["subject"].lower() == "russian soldiers" for s in every)
    status, _headers, html = server.request("/estimates?subject=" + quote("Russian soldiers"))
    assert status == 200 and "Russian soldiers" in html.decode()


def test_a_posted_document_keeps_the_stored_series_current(served):
    server, db = served
    text = "KYIV (Reuters) - More than 180,000 Russian soldiers have been killed or wounded, officials said."
    body = json.dumps({"text": text, "published": "2023-02-01", "source": "Reuters"}).encode()
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"}
    status, answer = server.json("/api/documents", method="POST", body=body, headers=headers)
    assert status == 201 and answer["new"]
    _same_as_computed(server, db)
    with Store(db, readonly=True) as store:
        figures = [e["low"] for s in query.estimates(store, "Russian soldiers") for e in s["estimates"]]
    assert 180000 in figures
