"""Word-for-word copies: another printing of a stored text (other outlet, id, url or date) kept as a copy.

The document row stays the first printing (its id is the hash of the normalized text, so a copy
cannot be a second row); each other printing is a row of `copies` naming that document. Re-reading
the same printing (same id, outlet, url and date) adds nothing, and neither does the first printing.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import StoreError
from .db import Store

COPY_FIELDS = ("external_id", "source", "url", "published", "title", "path")
_SAME = ("external_id", "source", "url", "published")


def now() -> str:
    """The current UTC time as the store writes it."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


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


def copies(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """The copies recorded for a document, oldest first."""
    return store.rows(
        "SELECT external_id, source, url, published, title FROM copies WHERE doc_id = ?"
        " ORDER BY published, rowid",
        (doc_id,),
    )
