"""Word-for-word copies: another printing of a stored text (other outlet, id, url or date) kept as a copy.

The document row stays the first printing (its id is the hash of the normalized text, so a copy
cannot be a second row); each other printing is a row of `copies` naming that document. Re-reading
the same printing (same id, outlet, url and date) adds nothing, and neither does the first printing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import StoreError
from ..model import Report
from .db import Store
from .writer import now

COPY_FIELDS = ("external_id", "source", "url", "published", "title", "path")
_SAME = ("external_id", "source", "url", "published")


def add_copies(store: Store, copies: Iterable[tuple[str, Mapping[str, Any]]]) -> int:
    """Record each (document id, metadata) as a copy of that stored document unless it is the document's
    own printing or already recorded; return the copies added."""
    items = list(copies)
    if not items:
        return 0
    added = 0
    try:
        with store.transaction() as con:
            for doc_id, meta in items:
                own = con.execute(
                    "SELECT external_id, source, url, published FROM documents WHERE id = ?", (doc_id,)
                ).fetchone()
                if own is None:
                    continue  # not stored (its extraction failed): nothing to be a copy of
                if all((own[i] or None) == (meta.get(f) or None) for i, f in enumerate(_SAME)):
                    continue  # the document's own printing, read again
                cur = con.execute(
                    "INSERT OR IGNORE INTO copies (doc_id, external_id, source, url, published, title, path,"
                    " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (doc_id, *(meta.get(f) for f in COPY_FIELDS), now()),
                )
                added += cur.rowcount
    except sqlite3.Error as exc:
        raise StoreError(f"{store.path}: recording copies: {exc}") from exc
    return added


def printing(report: Report, meta: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The copy metadata of one printing: outlet, url, date and title from the report's document, its
    own id (`external_id`) and `path` from the writer's `meta`."""
    meta = meta or {}
    d = report.document
    return {
        "external_id": meta.get("external_id"),
        "source": d.source,
        "url": d.url,
        "published": d.published,
        "title": d.title,
        "path": meta.get("path"),
    }


def write_or_copy(
    store: Store, report: Report, text: str, meta: Mapping[str, Any] | None = None
) -> tuple[bool, bool]:
    """Store a report (`Store.write_report`); when its text is stored already, keep this printing as a
    copy of it instead. Returns (written, copy recorded): both False when this printing was known."""
    if store.write_report(report, text, meta):
        return True, False
    return False, add_copies(store, [(report.document.id, printing(report, meta))]) > 0


def copies(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """The copies recorded for a document, oldest first."""
    return store.rows(
        "SELECT external_id, source, url, published, title FROM copies WHERE doc_id = ?"
        " ORDER BY published, rowid",
        (doc_id,),
    )


def copy_named(store: Store, external_id: str) -> dict[str, Any] | None:
    """The first copy recorded under this id of its own, with the stored document it copies (`doc_id`);
    None when no copy has that id (index `copies_external_id`)."""
    rows = store.rows(
        "SELECT doc_id, external_id, source, url, published, title FROM copies WHERE external_id = ?"
        " ORDER BY rowid LIMIT 1",
        (external_id,),
    )
    return rows[0] if rows else None


def document_named(store: Store, external_id: str) -> str | None:
    """The stored document whose own printing came under this id (the first such, index
    `documents_external_id`), or None."""
    value = store.scalar(
        "SELECT id FROM documents WHERE external_id = ? ORDER BY rowid LIMIT 1", (external_id,)
    )
    return str(value) if value is not None else None
