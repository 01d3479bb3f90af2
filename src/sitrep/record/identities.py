"""Read-side views of the identity layer: the entities list, one identity, a person's page.

Shared by `sitrep entities`, `/api/entities`, `/entities`, `/people/NAME` and `/api/people/NAME`.
"""

from __future__ import annotations

import json
from typing import Any

from ..store.db import Store
from .query import like_escape

_FIELDS = (
    "id, name, type, kind, gazetteer_id, country, first_seen, last_seen, mentions, documents, titles, roles"
)
_KINDS = {"place": "kind = 'place'", "person": "type = 'PERSON'", "people": "type = 'PERSON'"}


def _shape(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows as the API gives them: aliases (most used first) with their counts, titles and roles."""
    if not rows:
        return rows
    ids = [r["id"] for r in rows]
    aliases: dict[str, list[tuple[str, int]]] = {i: [] for i in ids}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for a in store.rows(
            f"SELECT identity_id, alias, count FROM identity_aliases WHERE identity_id IN ({marks})"
            " ORDER BY identity_id, count DESC, alias",
            chunk,
        ):
            aliases[a["identity_id"]].append((a["alias"], a["count"]))
    for r in rows:
        r["aliases"] = [a for a, _ in aliases[r["id"]]]
        r["alias_counts"] = dict(aliases[r["id"]])
        for field in ("titles", "roles"):
            counts = json.loads(r[field]) if r.get(field) else {}
            r[field] = sorted(counts, key=lambda k: (-counts[k], k))
    return rows


def _where(type: str | None, q: str | None) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if type:
        clause = _KINDS.get(type.lower())
        if clause:
            where.append(clause)
        else:
            where.append("type = ?")
            params.append(type.upper())
    if q:
        where.append(
            "(name LIKE ? ESCAPE '\\' OR id IN"
            " (SELECT identity_id FROM identity_aliases WHERE alias LIKE ? ESCAPE '\\'))"
        )
        pattern = f"%{like_escape(q)}%"  # a % or _ in the query matches only itself
        params += [pattern, pattern]
    return ("WHERE " + " AND ".join(where)) if where else "", params


def entities(
    store: Store, type: str | None = None, q: str | None = None, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Identities, most documents first: `[{"id", "name", "type", "kind", "aliases", "alias_counts",
    "documents", "mentions", "first_seen", "last_seen", "titles", "roles", "gazetteer_id", "country"}]`.
    `type`: an NER type (PERSON, ORG, GPE, LOC, NORP, ...) or "place" (every gazetteer place);
    `q`: part of the name or of any alias; `limit` 0: all."""
    clause, params = _where(type, q)
    page = " LIMIT ? OFFSET ?" if limit > 0 else ""
    rows = store.rows(
        f"SELECT {_FIELDS} FROM identities {clause} ORDER BY documents DESC, id{page}",
        [*params, *([limit, offset] if limit > 0 else [])],
    )
    return _shape(store, rows)


def count(store: Store, type: str | None = None, q: str | None = None) -> int:
    """How many identities `entities` lists without a limit."""
    clause, params = _where(type, q)
    return int(store.scalar(f"SELECT count(*) FROM identities {clause}", params))


def identity(store: Store, ident_id: str) -> dict[str, Any] | None:
    """One identity in the `entities` shape, plus the corrections recorded on it."""
    rows = store.rows(f"SELECT {_FIELDS} FROM identities WHERE id = ?", (ident_id,))
    if not rows:
        return None
    out = _shape(store, rows)[0]
    out["corrections"] = store.rows(
        "SELECT action, identity, other, alias, created_at FROM identity_overrides"
        " WHERE identity = ? OR other = ? ORDER BY seq",
        (ident_id, ident_id),
    )
    return out


def person(store: Store, name: str) -> dict[str, Any] | None:
    """The identity a name denotes (see aggregate.identity.lookup), in the `identity` shape."""
    from ..aggregate.identity.lookup import identities_named

    found = identities_named(store, name)
    return identity(store, found[0]) if found else None
