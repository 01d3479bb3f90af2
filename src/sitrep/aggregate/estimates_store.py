"""Estimate series materialized in the store: built at refresh, read back with an indexed lookup.

`refresh_estimates` recomputes, with `estimates.series_entries`, the series of every subject key a
write touched (triggers list the raw subjects in `estimates_dirty`, see store/schema.py) and stores
each series as its API JSON. `stored_series` answers a (subject, outcome) query from that table in
the order `estimate_series` gives; it returns None while the table is not current (subjects pending,
or the grouping rules changed since it was built), and callers then compute the series directly.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from ..store.db import Store
from .estimates import public, series_entries, subject_key

FORMAT = "1"  # bump when the series computation or its JSON changes: stores then rebuild in full
_STATE = "estimates_key"
_CHUNK = 500


@lru_cache(maxsize=1)
def series_version() -> str:
    """What the stored series depend on besides the record: the format and the subject synonyms (read
    once per process, as `estimates.subject_key` reads them)."""
    data = resources.files("sitrep").joinpath("data/record_subjects.tsv").read_bytes()
    return FORMAT + ":" + hashlib.sha1(data).hexdigest()[:16]


def dumps(data: Any) -> str:
    """JSON as the web API writes it (compact, UTF-8 kept)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)


def _chunks(items: list[Any]) -> list[list[Any]]:
    return [items[i : i + _CHUNK] for i in range(0, len(items), _CHUNK)]


def _order(row: dict[str, Any]) -> tuple[Any, ...]:
    """`store.rows.quantity_rows` order: published (nulls last), document order, seq."""
    return (row["published"] is None, row["published"] or "", row["doc_order"], row["seq"])


def refresh_estimates(store: Store, force: bool = False) -> int:
    """Recompute the stored series of the subjects written since the last refresh (all of them when
    `force`, on a new store version or when the grouping rules changed); return the series rewritten."""
    from ..store.rows import quantity_rows

    version = series_version()
    full = force or store.get_state(_STATE) != version
    with store.transaction() as con:
        dirty = [r[0] for r in con.execute("SELECT subject FROM estimates_dirty")]
        if not full and not dirty:
            return 0
        keys = sorted({subject_key(s) for s in dirty})
        known = con.execute("SELECT count(DISTINCT skey) FROM estimate_subjects").fetchone()[0]
        full = full or 2 * len(keys) >= known  # most series touched: one pass over every figure is cheaper
        if full:
            subjects = [
                r[0]
                for r in con.execute(
                    "SELECT DISTINCT subject FROM quantities WHERE subject IS NOT NULL AND subject != ''"
                )
            ]
            con.execute("DELETE FROM estimate_subjects")
            con.executemany(
                "INSERT INTO estimate_subjects (subject, skey) VALUES (?, ?)",
                [(s, subject_key(s)) for s in subjects],
            )
            rows = quantity_rows(store)
            con.execute("DELETE FROM estimate_series")
        else:
            con.executemany(
                "INSERT OR IGNORE INTO estimate_subjects (subject, skey) VALUES (?, ?)",
                [(s, subject_key(s)) for s in dirty],
            )
            subjects = []
            for chunk in _chunks(keys):
                marks = ",".join("?" * len(chunk))
                subjects += [
                    r[0]
                    for r in con.execute(
                        f"SELECT subject FROM estimate_subjects WHERE skey IN ({marks})", chunk
                    )
                ]
                con.execute(f"DELETE FROM estimate_series WHERE skey IN ({marks})", chunk)
            rows = []
            for chunk in _chunks(subjects):
                rows += quantity_rows(store, chunk)
            rows.sort(key=_order)
        found = series_entries(rows)
        con.executemany(
            "INSERT INTO estimate_series (skey, outcome, outcome_order, figures, json) VALUES (?,?,?,?,?)",
            [
                (
                    subject_key(s["subject"]),
                    "+".join(s["outcome"]),
                    "\x01".join(s["outcome"]),
                    len(s["estimates"]),
                    dumps(
                        {
                            "subject": s["subject"],
                            "outcome": s["outcome"],
                            "estimates": [public(e) for e in s["estimates"]],
                        }
                    ),
                )
                for s in found
            ],
        )
        con.execute("DELETE FROM estimates_dirty")
        con.execute("INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", (_STATE, version))
    return len(found)


def is_current(store: Store) -> bool:
    """Whether the stored series are exact for the store as it is now."""
    if store.scalar("SELECT 1 FROM estimates_dirty LIMIT 1") is not None:
        return False
    return store.get_state(_STATE) == series_version()


def stored_series(store: Store, subject: str | None = None, outcome: str | None = None) -> list[bytes] | None:
    """The JSON (UTF-8) of each stored series `estimate_series(rows, subject, outcome)` would give, in
    its order; None when the stored series are not current."""
    if not is_current(store):
        return None
    want = subject_key(subject) if subject else ""
    want_outcome = {o for o in re.split(r"[+,\s]+", outcome.lower()) if o} if outcome else set()
    # the keys come from the order index alone (a covering scan, no series read); then each match by rowid
    keys = store.con.execute(
        "SELECT rowid, outcome FROM estimate_series INDEXED BY estimate_series_order"
        " WHERE instr(skey, ?) > 0 ORDER BY figures DESC, skey, outcome_order",
        (want,),
    ).fetchall()
    ids = [r[0] for r in keys if not want_outcome or want_outcome <= set(r[1].split("+"))]
    text: dict[int, bytes] = {}
    for chunk in _chunks(ids):  # as stored, UTF-8 bytes (no decoding: the API sends them as they are)
        marks = ",".join("?" * len(chunk))
        text.update(
            store.con.execute(
                f"SELECT rowid, CAST(json AS BLOB) FROM estimate_series WHERE rowid IN ({marks})", chunk
            )
        )
    return [text[i] for i in ids]
