"""Copies found by any id and counted with their outlets: a document asked for by the id its input gave
(the original of a copy included), a copy's own id holding "/" asked for URL-encoded, and the overview
counting the outlets that only ran a copy. A real SQLite store and `sitrep serve` on loopback."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

import pytest

from sitrep.model import Document, Report
from sitrep.record import overview, query
from sitrep.store import Store
from sitrep.store.copies import add_copies
from web_support import Server

# our own short wire story, printed by the wire and run word for word by two papers; a second story
# printed once by the paper that copied the first
STORY = "KHARKIV - Officials said on Monday that repairs to the city's main water line would take a week."
OTHER = "KYIV - The city council said on Monday that 14 new bus routes would open next month."
SLASH_ID = "wire/2022/08/kharkiv-water"


def _write(store: Store, doc_id: str, text: str, source: str, external_id: str) -> None:
    report = Report(document=Document(id=doc_id, source=source, published="2022-08-01", title=text[:20]))
    assert store.write_report(report, text, {"external_id": external_id})


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("copies_lookup") / "store.db"
    with Store(db) as store:
        _write(store, "doc-story", STORY, "Wire", "wire-100")
        _write(store, "doc-other", OTHER, "Kyiv Daily", "kd-7")
        added = add_copies(
            store,
            [
                ("doc-story", {"external_id": "kd-3", "source": "Kyiv Daily", "published": "2022-08-02"}),
                ("doc-story", {"external_id": SLASH_ID, "source": "Lviv Post", "published": "2022-08-03"}),
            ],
        )
        assert added == 2
    return db


def test_lookups_by_input_id_use_indexes_not_scans(store_path: Path) -> None:
    with Store(store_path, readonly=True) as store:
        for sql in (
            "SELECT id FROM documents WHERE external_id = ? ORDER BY rowid LIMIT 1",
            "SELECT doc_id FROM copies WHERE external_id = ? ORDER BY rowid LIMIT 1",
        ):
            plan = " ".join(str(r[-1]) for r in store.con.execute("EXPLAIN QUERY PLAN " + sql, ("x",)))
            assert "USING INDEX" in plan and "SCAN" not in plan.replace("USING INDEX", ""), plan
        # the original by its own input id, a copy by its own, sitrep's id as before; unknown is None
        by_wire, by_copy = query.document(store, "wire-100"), query.document(store, SLASH_ID)
        assert by_wire is not None and by_copy is not None
        assert by_wire["id"] == by_copy["id"] == "doc-story" and "requested_copy" not in by_wire
        assert by_copy["requested_copy"]["source"] == "Lviv Post"
        assert query.document(store, "kd-7")["id"] == "doc-other"  # type: ignore[index]
        assert query.document(store, "wire-101") is None


def test_overview_counts_the_outlets_of_copies(store_path: Path) -> None:
    with Store(store_path, readonly=True) as store:
        rec = overview.summary(store)
        assert (rec["documents"], rec["stories"], rec["outlets"]) == (2, 2, 3)  # Lviv Post ran a copy only
        top = {o["source"]: (o["documents"], o["copies"], o["printings"]) for o in rec["top_outlets"]}
        assert top == {"Kyiv Daily": (1, 1, 2), "Wire": (1, 0, 1), "Lviv Post": (0, 1, 1)}
        assert [o["source"] for o in rec["top_outlets"]][0] == "Kyiv Daily"
        # an outlet's documents include the ones it ran as a copy
        listed = overview.documents_page(store, source="Lviv Post")
        assert (listed["total"], [d["id"] for d in listed["documents"]]) == (1, ["doc-story"])
        assert overview.documents_page(store, source="Kyiv Daily")["total"] == 2


@pytest.fixture(scope="module")
def server(store_path: Path):
    pytest.importorskip("fastapi")
    srv = Server(store_path)
    yield srv
    srv.stop()


def test_served_ids_with_a_slash_and_input_ids(server: Server, store_path: Path) -> None:
    encoded = quote(SLASH_ID, safe="")
    assert "%2F" in encoded
    status, doc = server.json(f"/api/documents/{encoded}")
    assert status == 200 and doc["id"] == "doc-story" and doc["requested_copy"]["external_id"] == SLASH_ID
    status, _h, page = server.request(f"/documents/{encoded}")
    assert status == 200 and "word-for-word copy printed by Lviv Post on 2022-08-03" in page.decode()
    status, doc = server.json("/api/documents/wire-100")  # the original by the id its input gave
    assert status == 200 and doc["id"] == "doc-story" and doc["external_id"] == "wire-100"
    assert {(r["source"], r["external_id"]) for r in doc["reprints"]} == {
        ("Kyiv Daily", "kd-3"),
        ("Lviv Post", SLASH_ID),
    }
    assert server.request("/documents/wire-100")[0] == 200
    assert server.json(f"/api/documents/{quote('wire/2022/none', safe='')}")[0] == 404
    assert server.request("/documents/wire/2022/none")[0] == 404
    status, over = server.json("/api/overview")
    assert status == 200 and over["record"]["outlets"] == 3, over.get("record")
    status, _h, home = server.request("/")
    html = home.decode()
    assert status == 200 and "<strong>3</strong> outlets" in html and "Lviv Post" in html
    with sqlite3.connect(store_path) as con:  # nothing was written by reading
        assert con.execute("SELECT count(*) FROM copies").fetchone()[0] == 2
