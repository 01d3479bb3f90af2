"""Keeping identities current: new documents are resolved in batches against the identities their keys
hit, never the whole store; a rebuild resolves every document again, in the same order, and replays
the users' corrections."""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Sequence

from ...store.db import Store
from .authority import Authority
from .match import resolve
from .names import clean_surface, fold
from .overrides import apply_splits, replay_merges, split_rules
from .persist import identity_exists, link_rows, load_by_keys, move_links, recount, save
from .rows import units_of
from .units import Unit

BATCH = 1000  # documents resolved together (one transaction each)
STATE = "identities_through"  # the last documents.rowid resolved


def refresh_identities(store: Store, force: bool = False) -> int:
    """Resolve the documents added since the last refresh (every document when `force`); return the
    number of identities."""
    if force:
        clear_identities(store)
    last = int(store.get_state(STATE) or 0)
    docs = store.rows("SELECT rowid AS r, id FROM documents WHERE rowid > ? ORDER BY rowid", (last,))
    for i in range(0, len(docs), BATCH):
        batch = docs[i : i + BATCH]
        resolve_documents(store, [d["id"] for d in batch], state=str(batch[-1]["r"]))
    if force:
        with store.transaction() as con:
            replay_merges(con)
    return int(store.scalar("SELECT count(*) FROM identities"))


def clear_identities(store: Store) -> None:
    """Forget every identity and link (the users' corrections are kept, to be replayed)."""
    from .persist import LINKS

    with store.transaction() as con:
        for table in ("identities", "identity_aliases", "identity_keys"):
            con.execute(f"DELETE FROM {table}")
        for table, column in LINKS:
            con.execute(f"UPDATE {table} SET {column} = NULL WHERE {column} IS NOT NULL")
        con.execute("DELETE FROM state WHERE key = ?", (STATE,))


def resolve_documents(
    store: Store, doc_ids: Sequence[str], state: str | None = None
) -> list[tuple[Unit, str]]:
    """Resolve the units of these documents and write identities and links in one transaction."""
    units = units_of(store, doc_ids)
    auth = Authority(load=lambda keys: load_by_keys(store, keys), taken=lambda i: identity_exists(store, i))
    pairs = [(u, i.id) for u, i in resolve(units, auth)]
    with store.transaction() as con:
        rules = split_rules(con)
        moved, split = apply_splits(con, auth, pairs, rules) if rules else ([], set())
        absorbed = [(gone, keep) for gone, keep in auth.merged.items() if gone in auth.stored]
        for gone, keep in absorbed:
            move_links(con, gone, keep)
        save(con, auth.ids.values())
        link_rows(con, pairs)
        for rowids, target in moved:
            con.executemany(
                "UPDATE mentions SET global_id = ? WHERE rowid = ?", [(target, m) for m in rowids]
            )
        link_items(con, doc_ids, pairs)
        for ident in {k for _, k in absorbed} | split:
            recount(con, ident)
        if state is not None:
            con.execute("INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", (STATE, state))
    return pairs


def _doc_names(pairs: Sequence[tuple[Unit, str]]) -> dict[str, dict[str, str]]:
    """Per document: folded name or alias -> the identity most of its mentions link to."""
    votes: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for unit, ident in pairs:
        for alias, n in [(unit.surface, 1), *unit.aliases.items()]:
            votes[unit.doc_id][fold(alias)][ident] += n
    return {d: {k: c.most_common(1)[0][0] for k, c in names.items()} for d, names in votes.items()}


def _name_identity(names: dict[str, str], name: str | None) -> str | None:
    if not name:
        return None
    surface = clean_surface(name) or name
    key = fold(surface)
    return names.get(key) or (names.get(key[4:]) if key.startswith("the ") else None)


def link_items(con: sqlite3.Connection, doc_ids: Sequence[str], pairs: Sequence[tuple[Unit, str]]) -> None:
    """Link statements' speakers, figures' claimants and events' actors and targets in these documents
    to identities: through the speaker's entity where the row has one, else by the name in the document."""
    names = _doc_names(pairs)
    for i in range(0, len(doc_ids), 400):
        chunk = list(doc_ids[i : i + 400])
        marks = ",".join("?" * len(chunk))
        con.execute(
            "UPDATE statements SET speaker_identity = (SELECT e.global_id FROM entities e"
            " WHERE e.doc_id = statements.doc_id AND e.id = statements.speaker_entity)"
            f" WHERE doc_id IN ({marks}) AND speaker_entity IS NOT NULL",
            chunk,
        )
        updates: list[tuple[str, str, str, str | None, int]] = []
        for table, name_col, id_col in (
            ("statements", "speaker", "speaker_identity"),
            ("quantities", "claimant", "claimant_identity"),
            ("events", "actor", "actor_identity"),
            ("events", "target", "target_identity"),
        ):
            rows = con.execute(
                f"SELECT rowid, doc_id, {name_col} FROM {table} WHERE doc_id IN ({marks})"
                f" AND {name_col} IS NOT NULL AND {id_col} IS NULL",
                chunk,
            ).fetchall()
            for rowid, doc_id, name in rows:
                found = _name_identity(names.get(doc_id, {}), name)
                if found is not None:
                    updates.append((table, id_col, found, None, rowid))
        for table, id_col, found, _, rowid in updates:
            con.execute(f"UPDATE {table} SET {id_col} = ? WHERE rowid = ?", (found, rowid))
