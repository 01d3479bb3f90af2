"""Nothing dropped on any path that stores documents: the same text from two outlets (or filed again
under a new id and date) read through `sitrep load` (batch parts) or POST /api/documents keeps the
first as the document and the other printing as its copy; the document page and its JSON list the
copies, a copy's id answers with its original, and the estimates list it among the reprints."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from sitrep.record import query
from sitrep.store import Store
from sitrep.store.copies import copies
from web_support import TOKEN, Server

# our own wire story: one text, printed by two outlets a day apart
TEXT = (
    "ODESA \u2014 The regional administration said at least 9 civilians were killed in Odesa on Tuesday "
    "when drones struck a grain warehouse near the port, and 21 more were wounded.\n\n"
    "Firefighters worked through the night to contain the blaze, the administration said."
)
OTHER = (
    "LVIV \u2014 City officials said on Wednesday that a new shelter for displaced families opened in a "
    "former school, with beds for 300 people."
)
AP = {
    "id": "ap-901",
    "text": TEXT,
    "published": "2022-07-12",
    "source": "AP",
    "url": "https://ap.example/901",
}
STAR = {
    "id": "star-55",
    "text": TEXT,
    "published": "2022-07-13",
    "source": "Toronto Star",
    "url": "https://star.example/55",
}
LONG_ID = "urn:newsml:ap.example:20220715:odesa-port-warehouse-drone-strike-civilians-killed-wounded-refiled"


def _jsonl(path: Path, rows: list[dict]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def _reprint_sources(store: Store) -> list[tuple[str, bool]]:
    return [
        (r["source"], r.get("copy", False))
        for s in query.estimates(store)
        for e in s["estimates"]
        for r in e["reprints"]
    ]


# -- sitrep load ------------------------------------------------------------------------------------------


def test_load_keeps_the_other_outlet_as_a_copy_and_stays_idempotent(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from sitrep.batch.load import load_into_store
    from sitrep.batch.run import run_batch

    out, db = tmp_path / "out", tmp_path / "s.db"
    feed = _jsonl(tmp_path / "feed.jsonl", [AP, {"id": "lviv-1", "text": OTHER}, STAR])
    run_batch([feed], str(out))  # one partition holding both printings of the text
    counts = load_into_store(str(out), str(db))
    assert (counts["new"], counts["duplicate"], counts["copies"]) == (2, 1, 1)
    with Store(db) as store:
        [doc] = store.rows("SELECT id, source, published, external_id FROM documents WHERE source = 'AP'")
        assert (doc["published"], doc["external_id"]) == ("2022-07-12", "ap-901")
        assert [
            (c["source"], c["published"], c["external_id"], c["url"]) for c in copies(store, doc["id"])
        ] == [("Toronto Star", "2022-07-13", "star-55", "https://star.example/55")]
        # the first printing's items are stored once, not once per printing in the partition
        report = store.get_report(doc["id"])
        assert report is not None and len({q.id for q in report.quantities}) == len(report.quantities) > 0
        assert store.scalar("SELECT count(*) FROM quantities WHERE doc_id = ?", (doc["id"],)) == len(
            report.quantities
        )
        assert ("Toronto Star", True) in _reprint_sources(store)
        stories = store.scalar("SELECT count(DISTINCT coalesce(cluster_id, id)) FROM documents")
        assert stories == 2  # the copy is no story of its own

    again = load_into_store(str(out), str(db))  # the same parts again: nothing new, no second copy row
    assert (again["new"], again["copies"]) == (0, 0)

    # the wire files the story again under a new id and date: a later batch, loaded into the same store
    refiled = _jsonl(tmp_path / "refiled.jsonl", [{"id": "ap-977", "text": TEXT, "published": "2022-07-15"}])
    run_batch([refiled], str(tmp_path / "out2"))
    assert load_into_store(str(tmp_path / "out2"), str(db))["copies"] == 1
    with Store(db) as store:
        assert store.count("documents") == 2
        ids = [c["external_id"] for c in copies(store, doc["id"])]
        assert ids == ["star-55", "ap-977"]


# -- POST /api/documents, the document page and its JSON -----------------------------------------------


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    pytest.importorskip("fastapi")
    db = tmp_path_factory.mktemp("copies_web") / "store.db"
    Store(db).close()
    server = Server(db)
    yield server, db
    server.stop()


def _post(server: Server, item: dict) -> tuple[int, dict]:
    body = json.dumps(item).encode()
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    status, _h, raw = server.request("/api/documents", method="POST", body=body, headers=headers)
    return status, json.loads(raw)


def test_post_keeps_both_outlets_and_the_pages_show_them(served) -> None:
    server, db = served
    status, first = _post(server, AP)
    assert status == 201 and first["new"] and not first["copy"]
    status, second = _post(server, STAR)
    assert status == 200 and (second["id"], second["new"], second["copy"]) == (first["id"], False, True)
    status, again = _post(server, STAR)  # the same printing posted twice: still one copy
    assert status == 200 and (again["new"], again["copy"]) == (False, False)
    # the same text under the wire's own new id and date, with a URL that must not become a link
    refiled = {**AP, "id": LONG_ID, "published": "2022-07-15", "url": "javascript:alert(1)"}
    assert _post(server, refiled)[1]["copy"] is True

    doc_id = first["id"]
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
        assert con.execute("SELECT count(*) FROM copies").fetchone()[0] == 2

    status, doc = server.json(f"/api/documents/{doc_id}")
    assert status == 200 and (doc["source"], doc["external_id"]) == ("AP", "ap-901")
    assert [(r["source"], r["published"], r["external_id"], r["copy"]) for r in doc["reprints"]] == [
        ("Toronto Star", "2022-07-13", "star-55", True),
        ("AP", "2022-07-15", LONG_ID, True),
    ]
    assert "requested_copy" not in doc

    # a copy's own id answers with its original, naming the printing asked for
    status, via_copy = server.json("/api/documents/star-55")
    assert status == 200 and via_copy["id"] == doc_id and via_copy["text"] == TEXT
    assert (via_copy["requested_copy"]["source"], via_copy["requested_copy"]["copy"]) == (
        "Toronto Star",
        True,
    )
    assert server.json("/api/documents/nobody-1")[0] == 404
    status, via_long = server.json(f"/api/documents/{LONG_ID}")  # a wire's id longer than a document id
    assert (
        status == 200 and via_long["id"] == doc_id and via_long["requested_copy"]["published"] == "2022-07-15"
    )

    status, _h, page = server.request(f"/documents/{doc_id}")
    html = page.decode()
    assert status == 200 and "Also printed word for word" in html
    assert "Toronto Star" in html and "2022-07-13" in html and "star-55" in html
    assert 'href="https://star.example/55"' in html and 'href="https://ap.example/901"' in html
    assert "javascript:alert(1)" in html and 'href="javascript:' not in html  # shown, never a link
    status, _h, page = server.request("/documents/star-55")
    assert status == 200 and "word-for-word copy printed by Toronto Star on 2022-07-13" in page.decode()
    assert server.request("/documents/nobody-1")[0] == 404

    # the estimates list the other printings among the figure's reprints
    status, series = server.json("/api/estimates")
    reprints = [r for s in series for e in s["estimates"] for r in e["reprints"]]
    assert status == 200 and {(r["source"], r["copy"]) for r in reprints} == {
        ("Toronto Star", True),
        ("AP", True),
    }
    assert all(e["source"] == "AP" for s in series for e in s["estimates"])  # counted once, as AP
