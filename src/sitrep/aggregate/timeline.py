"""Timelines: what happened at a place or to/by an actor, and what they said, in time order."""

from __future__ import annotations

import re
from typing import Any

from ..store.db import Store

_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")


def names_for(store: Store, name: str) -> list[str]:
    """Every surface name of the identities a name denotes (see identity.lookup), with the name itself."""
    from .identity.lookup import aliases_of, identities_named

    return sorted({name} | aliases_of(store, identities_named(store, name)))


def _when(value: str | None, published: str | None) -> str | None:
    m = _ISO.match(value or "")
    return m.group(0) if m else published


def build_timeline(store: Store, name: str) -> list[dict[str, Any]]:
    """Events whose actor, target or place is `name` (any alias) and statements by it, sorted by date."""
    from ..store.rows import event_rows

    names = names_for(store, name)
    out: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    for e in event_rows(store, names):
        key: tuple[Any, ...] = ("event", e["cluster"], e["type"], e["status"], e["trigger"])
        if key in seen:
            continue
        seen.add(key)
        out.append(
            {
                "date": _when(e.get("time"), e.get("published")),
                "kind": "event",
                "type": e["type"],
                "status": e["status"],
                "actor": e.get("actor"),
                "target": e.get("target"),
                "place": e.get("place"),
                "text": e["trigger"],
                "span": [e["start"], e["end"]],
                "document": e["document"],
                "source": e.get("source"),
                "published": e.get("published"),
                "title": e.get("title"),
            }
        )
    marks = ",".join("?" * len(names))
    rows = store.rows(
        'SELECT s.doc_id AS document, s.speaker, s.content, s.start, s."end", s.time_value, d.source,'
        " d.published, d.title, coalesce(d.cluster_id, d.id) AS cluster"
        " FROM statements s JOIN documents d ON d.id = s.doc_id"
        f" WHERE lower(s.speaker) IN ({marks})",
        [n.lower() for n in names],
    )
    for s in rows:
        key = ("statement", s["cluster"], s["content"])
        if key in seen:
            continue
        seen.add(key)
        out.append(
            {
                "date": _when(s.get("time_value"), s.get("published")),
                "kind": "statement",
                "type": "statement",
                "status": None,
                "actor": s["speaker"],
                "target": None,
                "place": None,
                "text": s["content"],
                "span": [s["start"], s["end"]],
                "document": s["document"],
                "source": s.get("source"),
                "published": s.get("published"),
                "title": s.get("title"),
            }
        )
    out.sort(key=lambda x: (x["date"] or "9999", x["document"], x["span"][0]))
    return out
