"""The identity tables in the store: loading identities by key, saving what a resolution pass changed.

Tables (schema in store/schema.py, documented in docs/schema.md): `identities` (one row per identity:
name, type, kind, gazetteer id, country, name parts, counts, first and last seen, and JSON counters of
types, titles, roles, name forms and usual companions), `identity_aliases` (identity, alias, count),
`identity_keys` (blocking key -> identity) and `identity_overrides` (users' merges and splits). Links:
`entities.global_id`, `places.global_id` and `mentions.global_id` name the identity of each row;
`statements.speaker_identity`, `quantities.claimant_identity`, `events.actor_identity` and
`events.target_identity` the identity of the speaker, claimant, actor and target.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from ...store.db import Store
from .authority import COMPANIONS, Identity
from .units import Unit

_COUNTERS = ("types", "titles", "roles", "names", "companions")
_KEEP = {"types": 0, "titles": 20, "roles": 20, "names": 30, "companions": 2 * COMPANIONS}
COLUMNS = (
    "id, kind, name, type, gazetteer_id, country, lat, lon, given, middle, surname, suffix, gender,"
    " first_seen, last_seen, mentions, documents, types, titles, roles, names, companions"
)


def _counter(text: str | None) -> Counter[str]:
    return Counter(json.loads(text)) if text else Counter()


def _dump(counter: Counter[str], keep: int) -> str:
    items = counter.most_common(keep or None)
    return json.dumps(dict(items), ensure_ascii=False)


def from_row(r: dict[str, Any]) -> Identity:
    """An identity as stored (its aliases and keys stay in their tables: counted as deltas here)."""
    ident = Identity(id=r["id"], kind=r["kind"], name=r["name"])
    for name in ("gazetteer_id", "country", "lat", "lon", "first_seen", "last_seen"):
        setattr(ident, name, r[name])
    for name in ("given", "middle", "surname", "suffix", "gender"):
        setattr(ident, name, r[name] or "")
    ident.mentions, ident.documents = r["mentions"], r["documents"]
    for name in _COUNTERS:
        setattr(ident, name, _counter(r[name]))
    return ident


def load_by_keys(store: Store, keys: Iterable[str]) -> list[Identity]:
    """The identities filed under any of these keys, with the keys they are filed under among them."""
    keys = list(keys)
    out: dict[str, Identity] = {}
    for i in range(0, len(keys), 500):
        chunk = keys[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows = store.rows(
            f"SELECT k.key AS key, {', '.join('i.' + c.strip() for c in COLUMNS.split(','))}"
            f" FROM identity_keys k JOIN identities i ON i.id = k.identity_id WHERE k.key IN ({marks})",
            chunk,
        )
        for r in rows:
            ident = out.get(r["id"])
            if ident is None:
                ident = out[r["id"]] = from_row(r)
            ident.keys.add(r["key"])
    return list(out.values())


def identity_exists(store: Store, ident_id: str) -> bool:
    """Whether an identity id is in use."""
    return store.scalar("SELECT 1 FROM identities WHERE id = ?", (ident_id,)) is not None


def save(con: sqlite3.Connection, idents: Iterable[Identity]) -> None:
    """Write changed identities, their alias-count deltas and their keys."""
    rows, aliases, keys = [], [], []
    for ident in idents:
        if not ident.changed:
            continue
        rows.append(
            (
                ident.id, ident.kind, ident.name, ident.type, ident.gazetteer_id, ident.country, ident.lat,
                ident.lon, ident.given, ident.middle, ident.surname, ident.suffix, ident.gender,
                ident.first_seen, ident.last_seen, ident.mentions, ident.documents + len(ident.new_docs),
                *(_dump(getattr(ident, c), _KEEP[c]) for c in _COUNTERS),
            )
        )  # fmt: skip
        aliases += [(ident.id, a, n) for a, n in ident.aliases.items()]
        keys += [(k, ident.id) for k in ident.keys]
    marks = ",".join("?" * len(COLUMNS.split(",")))
    con.executemany(f"INSERT OR REPLACE INTO identities ({COLUMNS}) VALUES ({marks})", rows)
    con.executemany(
        "INSERT INTO identity_aliases (identity_id, alias, count) VALUES (?, ?, ?)"
        " ON CONFLICT (identity_id, alias) DO UPDATE SET count = count + excluded.count",
        aliases,
    )
    con.executemany("INSERT OR IGNORE INTO identity_keys (key, identity_id) VALUES (?, ?)", keys)


def link_rows(con: sqlite3.Connection, pairs: Sequence[tuple[Unit, str]]) -> None:
    """Point each unit's entity, mention and place rows at its identity."""
    entities, mentions, places = [], [], []
    for unit, ident_id in pairs:
        if unit.entity is not None:
            entities.append((ident_id, *unit.entity))
        mentions += [(ident_id, m) for m in unit.mention_ids]
        places += [(ident_id, d, s) for d, s in unit.place_rows]
    con.executemany("UPDATE entities SET global_id = ? WHERE doc_id = ? AND seq = ?", entities)
    con.executemany("UPDATE mentions SET global_id = ? WHERE rowid = ?", mentions)
    con.executemany("UPDATE places SET global_id = ? WHERE doc_id = ? AND seq = ?", places)


LINKS = (
    ("entities", "global_id"),
    ("places", "global_id"),
    ("mentions", "global_id"),
    ("statements", "speaker_identity"),
    ("quantities", "claimant_identity"),
    ("events", "actor_identity"),
    ("events", "target_identity"),
)


def move_links(con: sqlite3.Connection, gone: str, keep: str) -> None:
    """Every row linked to one identity now links to another (a merge)."""
    for table, column in LINKS:
        con.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (keep, gone))
    con.execute(
        "INSERT INTO identity_aliases (identity_id, alias, count)"
        " SELECT ?, alias, count FROM identity_aliases WHERE identity_id = ? AND true"
        " ON CONFLICT (identity_id, alias) DO UPDATE SET count = count + excluded.count",
        (keep, gone),
    )
    con.execute(
        "INSERT OR IGNORE INTO identity_keys (key, identity_id) SELECT key, ? FROM identity_keys"
        " WHERE identity_id = ?",
        (keep, gone),
    )
    for table in ("identity_aliases", "identity_keys"):
        con.execute(f"DELETE FROM {table} WHERE identity_id = ?", (gone,))
    con.execute("DELETE FROM identities WHERE id = ?", (gone,))


def recount(con: sqlite3.Connection, ident_id: str) -> None:
    """Recompute an identity's document and mention counts, dates and aliases from its linked rows
    (after a merge or a split: the incremental counters cannot tell shared documents apart)."""
    docs = con.execute(
        "SELECT count(*), min(d.published), max(d.published) FROM documents d WHERE d.id IN"
        " (SELECT doc_id FROM entities WHERE global_id = ?1"
        " UNION SELECT doc_id FROM places WHERE global_id = ?1"
        " UNION SELECT doc_id FROM mentions WHERE global_id = ?1)",
        (ident_id,),
    ).fetchone()
    from .names import clean_surface, name_like

    aliases: Counter[str] = Counter()
    for (text,) in con.execute(
        "SELECT text FROM mentions WHERE global_id = ?1"
        " UNION ALL SELECT text FROM places WHERE global_id = ?1",
        (ident_id,),
    ):
        surface = clean_surface(text)
        if surface and name_like(surface):
            aliases[surface] += 1
    con.execute("DELETE FROM identity_aliases WHERE identity_id = ?", (ident_id,))
    con.executemany(
        "INSERT INTO identity_aliases (identity_id, alias, count) VALUES (?, ?, ?)",
        [(ident_id, a, n) for a, n in aliases.items()],
    )
    con.execute(
        "UPDATE identities SET documents = ?, first_seen = ?, last_seen = ?, mentions = ? WHERE id = ?",
        (docs[0], docs[1], docs[2], sum(aliases.values()), ident_id),
    )
