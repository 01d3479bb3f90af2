"""Reading the rows resolution needs: per document, its entities with their mentions and its places."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from ...store.db import Store
from .units import Unit, document_units

CHUNK = 400


def _chunks(ids: Sequence[str]) -> Iterator[list[str]]:
    for i in range(0, len(ids), CHUNK):
        yield list(ids[i : i + CHUNK])


def _list(text: str | None) -> list[str]:
    return json.loads(text) if text and text != "[]" else []


def document_rows(store: Store, doc_ids: Sequence[str]) -> Iterator[dict[str, Any]]:
    """{doc_id, published, entities, places} for each document, in the order given."""
    for chunk in _chunks(doc_ids):
        marks = ",".join("?" * len(chunk))
        dates = {
            r["id"]: r["published"]
            for r in store.rows(f"SELECT id, published FROM documents WHERE id IN ({marks})", chunk)
        }
        ents: dict[str, list[dict[str, Any]]] = {d: [] for d in chunk}
        by_id: dict[tuple[str, str], dict[str, Any]] = {}
        for r in store.rows(
            "SELECT doc_id, seq, id, name, type, json_extract(json, '$.titles') AS titles,"
            " json_extract(json, '$.roles') AS roles, json_extract(json, '$.aliases') AS aliases"
            f" FROM entities WHERE doc_id IN ({marks}) ORDER BY doc_id, seq",
            chunk,
        ):
            row = {
                "seq": r["seq"],
                "name": r["name"],
                "type": r["type"],
                "titles": _list(r["titles"]),
                "roles": _list(r["roles"]),
                "aliases": _list(r["aliases"]),
                "mentions": [],
            }
            ents[r["doc_id"]].append(row)
            by_id[(r["doc_id"], r["id"])] = row
        for m in store.rows(
            f'SELECT rowid, doc_id, entity_id, text, start, "end" FROM mentions WHERE doc_id IN ({marks})'
            " ORDER BY doc_id, start",
            chunk,
        ):
            owner = by_id.get((m["doc_id"], m["entity_id"]))
            if owner is not None:
                owner["mentions"].append(m)
        places: dict[str, list[dict[str, Any]]] = {d: [] for d in chunk}
        for p in store.rows(
            'SELECT doc_id, seq, text, start, "end", name, country, lat, lon, feature, gazetteer_id'
            f" FROM places WHERE doc_id IN ({marks}) ORDER BY doc_id, seq",
            chunk,
        ):
            places[p["doc_id"]].append(p)
        for d in chunk:
            if d in dates:
                yield {"doc_id": d, "published": dates[d], "entities": ents[d], "places": places[d]}


def units_of(store: Store, doc_ids: Sequence[str]) -> list[Unit]:
    """The resolution units of these documents (see units.document_units)."""
    out: list[Unit] = []
    for doc in document_rows(store, doc_ids):
        out.extend(document_units(doc["doc_id"], doc["published"], doc["entities"], doc["places"]))
    return out
