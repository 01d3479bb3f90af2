"""The record store on real SQLite files: schema, writer, round-trip, query layer and export."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

from sitrep.errors import StoreError
from sitrep.record import query
from sitrep.record.export import export_store
from sitrep.store import MIGRATIONS, Store
from sitrep.store.tables import TABLES, create_sql

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "corpus"))
from synth import full_report, report  # noqa: E402


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / "sitrep.db")
    yield s
    s.close()


def test_schema_is_migrated_once_with_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "s.db"
    s = Store(path)
    assert [m["version"] for m in s.migrations()] == [v for v, _, _ in MIGRATIONS]
    assert s.scalar("PRAGMA journal_mode") == "wal"
    assert s.scalar("PRAGMA foreign_keys") == 1
    s.close()
    again = Store(path)
    assert again.migrate() == []  # nothing pending on reopen
    tables = {r["name"] for r in again.rows("SELECT name FROM sqlite_master WHERE type IN ('table')")}
    for t in [
        "documents",
        "entities",
        "statements",
        "quantities",
        "events",
        "positions",
        "times",
        "places",
        "documents_fts",
        "statements_fts",
        "migrations",
        "identities",
        "identity_aliases",
        "identity_keys",
        "identity_overrides",
    ]:
        assert t in tables
    again.close()


def test_round_trip_returns_the_report_written(store):
    r, text = full_report()
    assert store.write_report(r, text, {"path": "a.txt"})
    back = store.get_report(r.document.id)
    assert back == r
    assert store.get_text(r.document.id) == text
    q = store.rows('SELECT text, start, "end", low, high, outcome, claimant FROM quantities')[0]
    assert text[q["start"] : q["end"]] == q["text"] == "more than 100,000"
    assert q["outcome"] == "killed+wounded" and q["claimant"] == "Mark Milley"
    for table, col in [
        ("statements", "content"),
        ("events", "trigger"),
        ("times", "text"),
        ("places", "text"),
    ]:
        row = store.rows(f'SELECT {col} AS surface, start, "end" FROM {table}')[0]
        assert text[row["start"] : row["end"]] == row["surface"]


def _shape(con: sqlite3.Connection, table: str) -> tuple[list[tuple], list[tuple]]:
    """(name, type, notnull, default, pk) of each column in order, and the foreign keys."""
    columns = [tuple(r)[1:] for r in con.execute(f"PRAGMA table_info({table})")]
    keys = [tuple(r)[2:] for r in con.execute(f"PRAGMA foreign_key_list({table})")]
    return columns, keys


def test_migrations_build_exactly_the_tables_defined_once(store):
    """The record tables a store migrates to are those `store/tables.py` defines, to the column."""
    fresh = sqlite3.connect(":memory:")
    for table in TABLES.values():
        fresh.execute(create_sql(table))
    for name in TABLES:
        assert _shape(store.con, name) == _shape(fresh, name), name


def test_store_rows_and_parquet_rows_share_names_and_values(store):
    """A column on both sides has one name and one value: the store's row of an item is the Parquet row
    of the same item, but for the columns one side keeps alone (bools are 0/1 in SQLite)."""
    from sitrep.batch.schema import ITEM_TABLES, SCHEMAS, document_row, report_rows, to_arrow

    r, text = full_report()
    store.write_report(r, text, {"path": "a.txt", "external_id": "x1"})
    parquet = {t: to_arrow(t, rows).to_pylist() for t, rows in report_rows(r).items()}
    parquet["documents"] = to_arrow("documents", [document_row(r, text, "p0", 0, "a.txt", "x1")]).to_pylist()
    for table in ("documents", *ITEM_TABLES):
        shared = [c.name for c in TABLES[table].on("store") if "batch" in c.sides]
        assert shared and set(shared) <= set(SCHEMAS[table].names)
        names = ", ".join(f'"{c}"' for c in shared)
        stored = store.rows(f"SELECT {names} FROM {table} ORDER BY rowid")
        written = [
            {c: row[c] if not isinstance(row[c], bool) else int(row[c]) for c in shared}
            for row in parquet[table]
        ]
        assert stored == written and stored, table


def test_writer_is_idempotent_on_document_id(store):
    r, text = full_report()
    assert store.write_report(r, text) is True
    assert store.write_report(r, text) is False
    assert store.count("documents") == 1
    assert store.count("quantities") == 1
    assert store.scalar("SELECT count(*) FROM documents_fts") == 1


def test_a_failing_write_leaves_nothing_behind(store):
    r, text = full_report()
    store.con.execute(
        "CREATE TRIGGER boom BEFORE INSERT ON places BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
    )
    with pytest.raises(StoreError, match="disk on fire"):
        store.write_report(r, text)
    assert store.count("documents") == 0 and store.count("quantities") == 0 and store.count("entities") == 0


def test_sqlite_errors_become_store_errors(tmp_path):
    bad = tmp_path / "not.db"
    bad.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="not.db"):
        Store(bad)
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.db", readonly=True)
    s = Store(tmp_path / "ok.db")
    with pytest.raises(StoreError):
        s.rows("SELECT nope FROM documents")
    s.close()


def test_env_var_names_the_default_store(tmp_path, monkeypatch):
    from sitrep.store import default_db_path

    monkeypatch.setenv("SITREP_DB", str(tmp_path / "env.db"))
    assert default_db_path() == str(tmp_path / "env.db")


def _two_docs(store):
    t1 = "WASHINGTON (AP) \u2014 Gen. Mark Milley said the war could end in talks. Milley spoke in New York."
    t2 = "KYIV (Reuters) - Milley said Ukraine had suffered heavy losses in the east near Bakhmut."
    r1 = report(
        t1,
        published="2022-11-09",
        source="AP",
        title="Milley on talks",
        people=[("Mark Milley", ["Mark Milley", "Milley"])],
        statements=[("Mark Milley", "said", "the war could end in talks")],
    )
    r2 = report(
        t2,
        published="2022-11-10",
        source="Reuters",
        people=[("Milley", ["Milley"])],
        statements=[("Milley", "said", "Ukraine had suffered heavy losses in the east near Bakhmut")],
    )
    store.write_report(r1, t1)
    store.write_report(r2, t2)
    from sitrep.aggregate.resolve import resolve_entities

    resolve_entities(store)
    return r1, r2


def test_statements_by_speaker_cover_every_spelling_of_the_person(store):
    _two_docs(store)
    rows = query.statements(store, speaker="Gen. Milley")
    assert {r["text"] for r in rows} == {
        "the war could end in talks",
        "Ukraine had suffered heavy losses in the east near Bakhmut",
    }
    assert all(r["span"][1] > r["span"][0] for r in rows)
    assert [r["text"] for r in query.statements(store, speaker="Milley", q="Bakhmut")] == [
        "Ukraine had suffered heavy losses in the east near Bakhmut"
    ]
    assert query.statements(store, speaker="Peskov") == []
    assert all(r["copies"] == 1 for r in rows)
    [milley] = query.entities(store, type="person", q="Milley")
    assert milley["id"] == "person:mark-milley" and milley["documents"] == 2
    assert set(milley["aliases"]) == {"Mark Milley", "Milley"}


def test_search_finds_documents_and_survives_fts_syntax(store):
    r1, _ = _two_docs(store)
    hits = query.search(store, "talks New York")
    assert [h["id"] for h in hits] == [r1.document.id]
    assert "[talks]" in hits[0]["snippet"]
    assert query.search(store, 'AND OR "( NEAR') == []  # user text never reaches FTS as syntax


def test_documents_paging_and_document_detail(store):
    r1, r2 = _two_docs(store)
    page = query.documents(store, limit=1)
    assert page["total"] == 2 and [d["id"] for d in page["documents"]] == [r2.document.id]  # newest first
    assert [d["id"] for d in query.documents(store, limit=1, offset=1)["documents"]] == [r1.document.id]
    detail = query.document(store, r1.document.id)
    assert detail["report"]["document"]["id"] == r1.document.id and detail["text"].startswith("WASHINGTON")
    assert query.document(store, "nope") is None


def test_export_parquet_csv_and_jsonl_are_readable(store, tmp_path):
    import pyarrow.parquet as pq

    r, text = full_report()
    store.write_report(r, text)
    n = export_store(store, tmp_path / "q.parquet", "parquet", "quantities")
    table = pq.read_table(tmp_path / "q.parquet")
    assert n == table.num_rows == 1
    assert table.column("text").to_pylist() == ["more than 100,000"]
    export_store(store, tmp_path / "docs.parquet", "parquet")
    assert pq.read_table(tmp_path / "docs.parquet").column("id").to_pylist() == [r.document.id]
    try:
        import pandas as pd
    except ImportError:
        pd = None
    if pd is not None:
        assert pd.read_parquet(tmp_path / "docs.parquet")["id"].tolist() == [r.document.id]
    export_store(store, tmp_path / "e.parquet", "parquet", "estimates")
    assert pq.read_table(tmp_path / "e.parquet").column("subject").to_pylist() == ["Russian soldiers"]
    export_store(store, tmp_path / "all.jsonl", "jsonl")
    line = json.loads((tmp_path / "all.jsonl").read_text().splitlines()[0])
    assert line["schema"] == "sitrep/1" and line["text"] == text
    export_store(store, tmp_path / "s.csv", "csv", "statements")
    assert "content" in (tmp_path / "s.csv").read_text().splitlines()[0]
    with pytest.raises(StoreError, match="cannot export"):
        export_store(store, tmp_path / "x.csv", "csv", "signatures")


def test_store_file_opens_in_plain_sqlite(store):
    r, text = full_report()
    store.write_report(r, text)
    con = sqlite3.connect(store.path)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    con.close()


def test_memoized_aggregates_follow_writes_from_other_connections(tmp_path):
    path = tmp_path / "m.db"
    reader, writer = Store(path), Store(path)
    calls = []

    def compute():
        calls.append(1)
        return reader.count("documents")

    assert reader.memo("n", compute) == 0 and reader.memo("n", compute) == 0
    assert len(calls) == 1  # cached while nothing changes
    r, text = full_report()
    writer.write_report(r, text)
    assert reader.memo("n", compute) == 1 and len(calls) == 2  # another connection committed
    t2 = text + " More."
    r2 = r.model_copy(update={"document": r.document.model_copy(update={"id": "other"})})
    reader_own = reader.write_report(r2, t2)
    assert reader_own and reader.memo("n", compute) == 2  # its own commit too
    reader.close()
    writer.close()


def test_a_reprinted_statement_is_listed_once_with_its_copies(store):
    from sitrep.aggregate.dedup import cluster_documents

    t = "WASHINGTON (AP) \u2014 Gen. Mark Milley said the war could end in talks, speaking on Monday."
    for text, src in [(t, "AP"), (t + "\n\n(Reprinted by the Ledger.)", "Ledger")]:
        r = report(
            text,
            source=src,
            published="2022-11-09",
            statements=[("Mark Milley", "said", "the war could end in talks")],
        )
        store.write_report(r, text)
    cluster_documents(store)
    [once] = query.statements(store, speaker="Milley")
    assert once["source"] == "AP" and once["copies"] == 2
    assert [r["source"] for r in query.statements(store, speaker="Milley", copies=True)] == ["AP", "Ledger"]
