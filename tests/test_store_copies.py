"""Wire copies of a statement counted at write time (`statements.copies`/`reprint`, migration 5).

Every check compares the query layer with a plain-Python count over the same rows: one printing per
(cluster, speaker, content), the first by publication date (undated first), document order and seq.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from sitrep.record import query
from sitrep.store import Store
from sitrep.store import db as store_db

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "corpus"))
from synth import report  # noqa: E402

LINE = "the port would stay closed until the inspections ended"
OTHER = "the convoy had reached the northern checkpoint at dawn"


def _write(store: Store, tag: str, published: str | None, said: list[tuple[str, str]]) -> str:
    """One document by outlet `tag` carrying each (speaker, content); its id."""
    body = " ".join(f"{who} said {what}." for who, what in said)
    text = f"ODESA ({tag}) \u2014 {body} Filed by {tag}."
    r = report(text, source=tag, published=published, statements=[(w, "said", c) for w, c in said])
    r = r.model_copy(update={"document": r.document.model_copy(update={"id": f"doc-{tag}"})})
    assert store.write_report(r, text)
    return r.document.id


def _cluster(store: Store, mapping: dict[str, str | None]) -> None:
    with store.transaction() as con:
        pairs = [(c, d) for d, c in mapping.items()]
        con.executemany("UPDATE documents SET cluster_id = ? WHERE id = ?", pairs)


def _expected(store: Store) -> list[tuple[str, str, str, int]]:
    """(document, statement id, speaker, copies) of every first printing, counted in Python."""
    rows = store.rows(
        "SELECT s.doc_id, s.id, s.seq, s.speaker, s.content, d.published, d.rowid AS o,"
        " coalesce(d.cluster_id, d.id) AS cluster FROM statements s JOIN documents d ON d.id = s.doc_id"
    )
    groups: dict[tuple[str, str, str], list[dict]] = {}
    for r in rows:
        groups.setdefault((r["cluster"], r["speaker"], r["content"]), []).append(r)
    out = []
    for members in groups.values():
        members.sort(key=lambda r: (r["published"] is not None, r["published"] or "", r["o"], r["seq"]))
        first = members[0]
        out.append((first["doc_id"], first["id"], first["speaker"], len(members)))
    return sorted(out)


def _listed(store: Store) -> list[tuple[str, str, str, int]]:
    rows = query.statements(store, limit=500)
    return sorted((r["document"], r["id"], r["speaker"], r["copies"]) for r in rows)


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / "copies.db")
    yield s
    s.close()


def _corpus(store: Store) -> dict[str, str]:
    return {
        "ap": _write(store, "AP", "2023-03-02", [("Oleh Kiper", LINE), ("Oleh Kiper", OTHER)]),
        "ledger": _write(store, "Ledger", "2023-03-03", [("Oleh Kiper", LINE), ("Oleh Kiper", OTHER)]),
        "undated": _write(store, "Undated", None, [("Oleh Kiper", LINE)]),
        "times": _write(store, "Times", "2023-03-01", [("Oleh Kiper", LINE), ("Oleh Kiper", LINE)]),
    }


def test_each_statement_is_listed_once_per_cluster_with_its_copies(store):
    d = _corpus(store)
    # before clustering, each document is its own cluster; a line said twice in one document counts 2
    assert _listed(store) == _expected(store)
    assert ("doc-Times", "s0", "Oleh Kiper", 2) in _listed(store)
    _cluster(store, {d["ledger"]: d["ap"], d["undated"]: d["ap"]})
    assert _listed(store) == _expected(store)
    # the undated copy sorts first in its cluster (as it always has); the dated reprint is not listed
    assert ("doc-Undated", "s0", "Oleh Kiper", 3) in _listed(store)
    assert ("doc-AP", "s1", "Oleh Kiper", 2) in _listed(store)
    assert not any(doc == "doc-Ledger" for doc, *_ in _listed(store))
    every = query.statements(store, copies=True, limit=500)
    assert len(every) == 7 and {r["copies"] for r in every if r["text"] == OTHER} == {2}


def test_counts_follow_documents_moving_between_clusters_and_deletion(store):
    d = _corpus(store)
    _cluster(store, {d["ledger"]: d["ap"], d["undated"]: d["ap"]})
    _cluster(store, {d["undated"]: None, d["ledger"]: d["times"]})  # re-clustered
    assert _listed(store) == _expected(store)
    assert ("doc-Times", "s0", "Oleh Kiper", 3) in _listed(store)
    with store.transaction() as con:
        con.execute("DELETE FROM documents WHERE id = ?", (d["times"],))
    assert _listed(store) == _expected(store)
    assert ("doc-Ledger", "s0", "Oleh Kiper", 1) in _listed(store)
    assert store.scalar("SELECT count(*) FROM copies_dirty") == 0


def test_a_writer_outside_the_store_class_is_counted_at_read_time_then_fixed(store):
    d = _corpus(store)
    con = sqlite3.connect(store.path)  # plain SQLite: the triggers note the change, nobody recounts
    con.execute("UPDATE documents SET cluster_id = ? WHERE id IN (?, ?)", (d["ap"], d["ap"], d["ledger"]))
    con.commit()
    con.close()
    reader = Store(store.path, readonly=True)
    assert reader.scalar("SELECT count(*) FROM copies_dirty") > 0
    assert _listed(reader) == _expected(reader)  # exact, counted by the query itself meanwhile
    assert not any(doc == "doc-Ledger" for doc, *_ in _listed(reader))
    Store(store.path).close()  # the next read-write open settles the counts
    assert reader.scalar("SELECT count(*) FROM copies_dirty") == 0
    assert _listed(reader) == _expected(reader)
    reader.close()


def test_a_store_from_before_the_counts_is_migrated_with_them(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    monkeypatch.setattr(store_db, "MIGRATIONS", store_db.MIGRATIONS[:4])
    old = Store(path)
    d = _corpus(old)
    _cluster(old, {d["ledger"]: d["ap"]})
    assert "copies" not in {r["name"] for r in old.rows("PRAGMA table_info(statements)")}
    old.close()
    monkeypatch.undo()
    with pytest.raises(Exception, match="out of date"):
        Store(path, readonly=True)
    new = Store(path)
    assert [m["version"] for m in new.migrations()][-1] == store_db.MIGRATIONS[-1][0] >= 6
    assert _listed(new) == _expected(new)
    assert ("doc-AP", "s0", "Oleh Kiper", 2) in _listed(new)
    new.close()


def test_a_page_lists_newest_first_undated_last_then_ingest_order(store):
    _corpus(store)
    listed = [(r["document"], r["id"]) for r in query.statements(store, copies=True, limit=500)]
    assert listed == [
        ("doc-Ledger", "s0"),
        ("doc-Ledger", "s1"),
        ("doc-AP", "s0"),
        ("doc-AP", "s1"),
        ("doc-Times", "s0"),
        ("doc-Times", "s1"),
        ("doc-Undated", "s0"),
    ]
    page = query.statements(store, speaker="Oleh Kiper", copies=True, limit=2, offset=3)
    assert [(r["document"], r["id"]) for r in page] == listed[3:5]
    assert [r["published"] for r in page] == ["2023-03-02", "2023-03-01"]


def test_estimates_for_a_subject_equal_the_series_over_every_row(store):
    from sitrep.aggregate import refresh

    figures = [
        ("AP", "2023-03-02", "12 Ukrainian civilians", 12, "Ukrainian civilians", ["killed"]),
        ("Ledger", "2023-03-03", "40 Russian soldiers", 40, "Russian soldiers", ["killed", "wounded"]),
        ("Times", "2023-03-04", "15 Ukrainian civilians", 15, "Ukrainian civilians", ["killed"]),
        ("Post", "2023-03-05", "300 Russian troops", 300, "Russian troops", ["wounded"]),
    ]
    for tag, day, surface, n, subject, outcome in figures:
        text = f"KHARKIV ({tag}) \u2014 Officials said {surface} were hurt."
        q = {"text": surface.split()[0], "low": n, "high": n, "subject": subject, "outcome": outcome}
        r = report(text, source=tag, published=day, quantities=[q])
        assert store.write_report(r, text)
    computed = {
        (subject, outcome): query.computed_estimates(store, subject, outcome)
        for subject in (None, "civilians", "soldiers", "Russian soldiers", "nobody")
        for outcome in (None, "killed", "wounded")
    }
    refresh(store)
    for (subject, outcome), expected in computed.items():
        assert query.estimates(store, subject=subject, outcome=outcome) == expected
        grouped = query.estimate_groups(store)
        assert query.computed_estimates(store, subject, outcome, groups=grouped) == expected
    subjects = [s["subject"] for s in query.estimates(store, subject="soldiers")]
    assert subjects == ["Russian soldiers", "Russian troops"]
