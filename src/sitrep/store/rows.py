"""Row readers over the record tables that the aggregates build on (the store's read primitives)."""

from __future__ import annotations

from typing import Any

from .db import Store


def quantity_rows(store: Store, subjects: list[str] | None = None) -> list[dict[str, Any]]:
    """Every stored quantity (or those whose subject is one of `subjects`) with its document's outlet,
    date and wire-copy cluster."""
    where, params = "", []
    if subjects is not None:
        where = f" AND q.subject IN ({','.join('?' * len(subjects))})"
        params = list(subjects)
    return store.rows(
        'SELECT q.doc_id AS document, q.seq, q.id, q.text, q.start, q."end", q.low, q.high, q.qualifier,'
        " q.unit, q.subject, q.outcome, q.claimant, q.place, q.time, q.vague, q.derived_from,"
        " d.source, d.published, coalesce(d.cluster_id, d.id) AS cluster, d.rowid AS doc_order"
        " FROM quantities q JOIN documents d ON d.id = q.doc_id"
        f" WHERE q.subject IS NOT NULL AND q.subject != '' AND q.derived_from IS NULL{where}"
        " ORDER BY d.published NULLS LAST, d.rowid, q.seq",
        params,
    )


def event_rows(store: Store, names: list[str] | None = None) -> list[dict[str, Any]]:
    """Stored events (optionally those whose actor, target or place is one of `names`)."""
    where, params = "", []
    if names:
        marks = ",".join("?" * len(names))
        low = [n.lower() for n in names]
        where = (
            f" WHERE lower(e.actor) IN ({marks}) OR lower(e.target) IN ({marks})"
            f" OR lower(e.place) IN ({marks})"
        )
        params = low * 3
    return store.rows(
        "SELECT e.doc_id AS document, e.seq, e.id, e.type, e.actor, e.target, e.place, e.time, e.status,"
        ' e.source AS claimed_by, e.trigger, e.start, e."end", e.negated,'
        " d.source, d.published, d.title, coalesce(d.cluster_id, d.id) AS cluster"
        f" FROM events e JOIN documents d ON d.id = e.doc_id{where}"
        " ORDER BY d.published NULLS LAST, d.rowid, e.seq",
        params,
    )
