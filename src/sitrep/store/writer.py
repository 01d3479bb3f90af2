"""The store's one writer: a report and its text as rows of the record tables, in one transaction."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..errors import StoreError
from ..model import Report
from .tables import TABLES, document_row, item_rows

if TYPE_CHECKING:
    from .db import Store


def now() -> str:
    """The current UTC time as the store writes it (ISO 8601, seconds)."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def write_report(store: Store, report: Report, text: str, meta: Mapping[str, Any] | None = None) -> bool:
    """Store one document and everything extracted from it, atomically; False if already stored.

    The row key is `report.document.id` (the hash of the normalized text when the caller gave
    no id). `meta` may carry `path` and `external_id`. INSERT OR IGNORE on the id makes re-ingest a
    no-op; the whole document commits in one transaction, so a crash leaves it absent or complete.
    """
    meta = meta or {}
    doc_id = report.document.id
    row = document_row(
        report,
        "store",
        external_id=meta.get("external_id"),
        text=text,
        path=meta.get("path"),
        ingested_at=now(),
    )
    try:
        with store.transaction() as con:
            if _insert(con, "documents", [row], "INSERT OR IGNORE") == 0:
                return False
            for table in (name for name, t in TABLES.items() if t.items is not None):
                rows = item_rows(table, report, "store")
                _insert(con, table, rows)
                if table == "statements":
                    _insert(con, "statements_fts", [_statement_fts(s) for s in rows])
            con.execute(
                "INSERT INTO documents_fts (doc_id, title, text) VALUES (?, ?, ?)",
                (doc_id, report.document.title or "", text),
            )
    except sqlite3.Error as exc:
        raise StoreError(f"{store.path}: writing document {doc_id}: {exc}") from exc
    return True


def _statement_fts(s: dict[str, Any]) -> dict[str, Any]:
    return {"doc_id": s["doc_id"], "seq": s["seq"], "speaker": s["speaker"] or "", "content": s["content"]}


def _insert(con: sqlite3.Connection, table: str, rows: list[dict[str, Any]], verb: str = "INSERT") -> int:
    """Insert rows (dicts with the same keys) into a table; return how many were inserted."""
    if not rows:
        return 0
    cols = list(rows[0])
    names = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" * len(cols))
    cur = con.executemany(
        f"{verb} INTO {table} ({names}) VALUES ({marks})", [tuple(r[c] for c in cols) for r in rows]
    )
    return cur.rowcount
