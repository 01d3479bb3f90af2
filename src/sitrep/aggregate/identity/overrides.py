"""Users' corrections: merging two identities and splitting an alias off one, recorded in
`identity_overrides` so that they survive later ingests and a full rebuild.

A merge moves every row of the second identity to the first (its keys too, so later mentions resolve
to the first). A split moves the rows whose surface is the alias to an identity of their own and
records the rule: every later mention with that surface that resolves to the first identity is
redirected to the split one. A rebuild applies splits as it resolves and replays merges at the end.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ...errors import InputError
from ...store.db import Store
from ...store.writer import now
from .authority import Authority
from .names import clean_surface, fold, slug
from .persist import COLUMNS, from_row, move_links, recount
from .units import Unit

_JSON_COUNTERS = ("types", "titles", "roles", "names", "companions")


def _identity(con: sqlite3.Connection, ident_id: str) -> dict[str, Any] | None:
    cur = con.execute(f"SELECT {COLUMNS} FROM identities WHERE id = ?", (ident_id,))
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row, strict=True)) if row else None


def _merge(con: sqlite3.Connection, keep: str, gone: str) -> bool:
    a, b = _identity(con, keep), _identity(con, gone)
    if a is None or b is None or keep == gone:
        return False
    ia, ib = from_row(a), from_row(b)
    for name in _JSON_COUNTERS:
        getattr(ia, name).update(getattr(ib, name))
    ia.choose_name()
    con.execute(
        "UPDATE identities SET name = ?, types = ?, titles = ?, roles = ?, names = ?, companions = ?"
        " WHERE id = ?",
        (ia.name, *(json.dumps(dict(getattr(ia, n)), ensure_ascii=False) for n in _JSON_COUNTERS), keep),
    )
    move_links(con, gone, keep)
    recount(con, keep)
    return True


def _record(con: sqlite3.Connection, action: str, ident: str, other: str, alias: str | None) -> None:
    con.execute(
        "INSERT INTO identity_overrides (action, identity, other, alias, created_at) VALUES (?, ?, ?, ?, ?)",
        (action, ident, other, alias, now()),
    )


def merge_identities(store: Store, keep: str, gone: str) -> dict[str, Any]:
    """Merge identity `gone` into `keep` and record it; returns the merged identity's row."""
    with store.transaction() as con:
        for ident in (keep, gone):
            if _identity(con, ident) is None:
                raise InputError(f"no identity {ident!r} (see 'sitrep entities')")
        if keep == gone:
            raise InputError("merge needs two different identities")
        _merge(con, keep, gone)
        _record(con, "merge", keep, gone, None)
        row = _identity(con, keep)
    assert row is not None
    return row


def split_identity(store: Store, ident_id: str, alias: str) -> dict[str, Any]:
    """Move the rows of identity `ident_id` named `alias` to a new identity and record the rule."""
    key = fold(alias)
    with store.transaction() as con:
        row = _identity(con, ident_id)
        if row is None:
            raise InputError(f"no identity {ident_id!r} (see 'sitrep entities')")
        known = [
            a for (a,) in con.execute("SELECT alias FROM identity_aliases WHERE identity_id = ?", (ident_id,))
        ]
        if key not in {fold(a) for a in known}:
            raise InputError(f"{ident_id!r} has no alias {alias!r} (its aliases: {', '.join(sorted(known))})")
        target = _new_split(con, row, alias)
        _move_alias(con, ident_id, key, target)
        _record(con, "split", ident_id, target, alias)
        for i in (ident_id, target):
            recount(con, i)
        out = _identity(con, target)
    assert out is not None
    return out


def _new_split(con: sqlite3.Connection, row: dict[str, Any], alias: str, ident_id: str | None = None) -> str:
    kind = "surname" if row["kind"] == "person" and " " not in alias.strip() else row["kind"]
    if ident_id is None:
        base = f"{kind}:{slug(alias)}"
        ident_id, n = base, 1
        while con.execute("SELECT 1 FROM identities WHERE id = ?", (ident_id,)).fetchone():
            n += 1
            ident_id = f"{base}-{n}"
    con.execute(
        "INSERT OR IGNORE INTO identities (id, kind, name, type, mentions, documents, types, titles, roles,"
        " names, companions) VALUES (?, ?, ?, ?, 0, 0, ?, '{}', '{}', ?, '{}')",
        (ident_id, kind, alias, row["type"], f'{{"{row["type"]}": 1}}', f'{{"{alias}": 1}}'),
    )
    return ident_id


def _move_alias(con: sqlite3.Connection, source: str, key: str, target: str) -> None:
    for table, text_col in (("mentions", "text"), ("places", "text"), ("entities", "name")):
        rows = con.execute(f"SELECT rowid, {text_col} FROM {table} WHERE global_id = ?", (source,)).fetchall()
        ids = [(target, r) for r, t in rows if fold(clean_surface(t) or t) == key]
        con.executemany(f"UPDATE {table} SET global_id = ? WHERE rowid = ?", ids)
    for table, text_col, id_col in (
        ("statements", "speaker", "speaker_identity"),
        ("quantities", "claimant", "claimant_identity"),
        ("events", "actor", "actor_identity"),
        ("events", "target", "target_identity"),
    ):
        rows = con.execute(f"SELECT rowid, {text_col} FROM {table} WHERE {id_col} = ?", (source,)).fetchall()
        ids = [(target, r) for r, t in rows if t and fold(clean_surface(t) or t) == key]
        con.executemany(f"UPDATE {table} SET {id_col} = ? WHERE rowid = ?", ids)


def split_rules(con: sqlite3.Connection) -> dict[str, dict[str, str]]:
    """Recorded splits: identity -> {folded alias: the identity it was split to}."""
    out: dict[str, dict[str, str]] = {}
    for ident, alias, target in con.execute(
        "SELECT identity, alias, other FROM identity_overrides WHERE action = 'split' ORDER BY seq"
    ):
        out.setdefault(ident, {})[fold(alias)] = target
    return out


def apply_splits(
    con: sqlite3.Connection, auth: Authority, pairs: list[tuple[Unit, str]], rules: dict[str, dict[str, str]]
) -> tuple[list[tuple[list[int], str]], set[str]]:
    """Redirect the units (or single mentions) a recorded split claims; returns the mention rows to move
    and the identities whose counts must be recounted."""
    moved: list[tuple[list[int], str]] = []
    changed: set[str] = set()
    for n, (unit, ident) in enumerate(pairs):
        rule = rules.get(ident)
        if not rule:
            continue
        target = rule.get(fold(unit.surface))
        if target is not None:
            _ensure(con, auth, ident, target, unit.surface)
            pairs[n] = (unit, target)
            changed |= {ident, target}
            continue
        by_target: dict[str, list[int]] = {}
        for rowid, surface in unit.mention_surfaces.items():
            t = rule.get(fold(surface))
            if t is not None:
                _ensure(con, auth, ident, t, surface)
                by_target.setdefault(t, []).append(rowid)
        moved += [(ids, t) for t, ids in by_target.items()]
        changed |= {ident, *by_target}
    return moved, changed


def _ensure(con: sqlite3.Connection, auth: Authority, source: str, target: str, alias: str) -> None:
    if con.execute("SELECT 1 FROM identities WHERE id = ?", (target,)).fetchone():
        return
    ident = auth.ids.get(source)
    row = {"kind": ident.kind if ident else "org", "type": ident.type if ident else "ORG"}
    _new_split(con, row, alias, target)


def replay_merges(con: sqlite3.Connection) -> int:
    """Apply the recorded merges again (after a rebuild); returns how many applied."""
    done = 0
    for keep, gone in con.execute(
        "SELECT identity, other FROM identity_overrides WHERE action = 'merge' ORDER BY seq"
    ).fetchall():
        done += _merge(con, keep, gone)
    return done


def overrides(store: Store) -> list[dict[str, Any]]:
    """The recorded corrections, oldest first."""
    return store.rows(
        "SELECT seq, action, identity, other, alias, created_at FROM identity_overrides ORDER BY seq"
    )
