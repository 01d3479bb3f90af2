"""Series and disagreements kept in the store by referent key and month, refreshed where claims changed.

Every figure and event of a new document gets its key (`claims.quantity_key`, `claims.event_key`)
and month (`estimates.bucket`: the month the claim is about) in `claim_keys`. The (key, month) pairs a
write touches (new claims; a document's cluster, date or outlet changed; a copy recorded; a document
deleted) are listed in `claims_dirty` (triggers, store/schema.py), and `refresh_estimates` recomputes
only those: each touched month of a series (`series_parts`), then the series row joined from its
months' stored JSON (`estimate_series`), and the disagreements of the touched months and the months
next to them (`disagreements`; a disagreement belongs to the month of its first claim and is found
among the claims of that month and the two around it). News arrives in date order, so adding documents
costs what their months hold, not what the store holds, and nothing compares claims across keys.

Readers take the stored rows while they are current (`is_current`: nothing pending, built by these
rules, `series_version`); otherwise `computed` gives the same answer from the claims.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import defaultdict
from functools import lru_cache
from typing import Any

from ..numbers import DATA
from ..store.db import Store
from .claims import attach_parties, event_key, event_rows, quantity_key, quantity_rows
from .contradictions import event_disagreements, quantity_disagreements
from .estimates import (
    assemble,
    bucket,
    build_series,
    matches,
    outcome_wanted,
    part,
    public,
    public_estimate,
    sort_key,
    subject_key,
)

FORMAT = "20"  # bump when keys, series or disagreements change: stores then rebuild in full
_STATE = "claims_key"
_CHUNK = 200
_DATA_FILES = (
    "referent_counted.tsv",
    "referent_sides.tsv",
    "referent_outcomes.tsv",
    "gazetteer_demonyms.tsv",
    "events_affiliations.tsv",
    "events_offices.tsv",
    "disagreements_noncommittal.txt",
    "disagreements_forecast.txt",
    "claims_parties.tsv",
)
Rows = dict[str, dict[str, list[dict[str, Any]]]]  # key -> month -> rows


@lru_cache(maxsize=1)
def series_version() -> str:
    """What the stored keys depend on besides the record: this format and the lexicons keys read."""
    digest = hashlib.sha1()
    for name in _DATA_FILES:
        digest.update((DATA / name).read_bytes())
    return FORMAT + ":" + digest.hexdigest()[:16]


def dumps(data: Any) -> str:
    """Strict JSON as the web API writes it (compact, UTF-8 kept): a non-finite number is null."""
    return json.dumps(finite(data), ensure_ascii=False, separators=(",", ":"), default=str, allow_nan=False)


def finite(data: Any) -> Any:
    """`data` with every NaN or infinite float (an old store may hold an infinite bound) as None."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {k: finite(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [finite(v) for v in data]
    return data


def _finite_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Claim rows with a non-finite bound (written by an older release) nulled before they are keyed
    or any series or disagreement is built from them, as `api.finite_report` does for new reports."""
    for r in rows:
        for k, v in r.items():
            if isinstance(v, float) and not math.isfinite(v):
                r[k] = None
    return rows


def _chunks(items: list[Any], size: int = _CHUNK) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _marks(items: list[Any]) -> str:
    return ",".join("?" * len(items))


def month_after(month: str, step: int) -> str:
    """The month `step` months after "YYYY-MM" ("" stays "")."""
    if not month:
        return ""
    y, m = int(month[:4]), int(month[5:7]) - 1 + step
    return f"{y + m // 12:04d}-{m % 12 + 1:02d}"


def _near(month: str, reach: int) -> list[str]:
    return sorted({month_after(month, s) for s in range(-reach, reach + 1)})


# -- computing a key's months ---------------------------------------------------------------------------


def series_parts(
    key: str, months: dict[str, list[dict[str, Any]]], wanted: set[str]
) -> dict[str, dict[str, Any]]:
    """The stored form of the wanted months of a figure key: {month: part} (months without rows absent)."""
    return {m: part(months[m]) for m in sorted(wanted) if months.get(m)}


def month_disagreements(
    key: str, kind: str, months: dict[str, list[dict[str, Any]]], month: str
) -> list[dict[str, Any]]:
    """The disagreements of a key that belong to `month`: found among the claims of that month and the
    two around it, kept when their first claim is in it; numbered within the month (`n`)."""
    rows = [r for m in _near(month, 1) for r in months.get(m, [])]
    if not rows:
        return []
    if kind == "q":
        found = quantity_disagreements(build_series(key, rows))
    else:
        found = event_disagreements(key, rows)
    kept = [d for d in found if (d["from"] or "")[:7] == month]
    for n, d in enumerate(kept, 1):
        d["month"], d["n"] = month, n
    return kept


def _attach_copies(store: Store, rows: list[dict[str, Any]]) -> None:
    docs = sorted({r["document"] for r in rows})
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for chunk in _chunks(docs, 500):
        for c in store.rows(
            "SELECT doc_id, external_id, source, url, published FROM copies"
            f" WHERE doc_id IN ({_marks(chunk)}) ORDER BY published, rowid",
            chunk,
        ):
            doc = c.pop("doc_id")
            found[doc].append({"document": doc, **c, "copy": True})
    for r in rows:
        r["copies"] = found.get(r["document"], [])


def _group(rows: list[dict[str, Any]], kind: str, into: dict[str, Rows]) -> None:
    for r in rows:
        key = r.get("key") or (quantity_key(r) if kind == "q" else event_key(r))
        if key:
            into[kind].setdefault(key, defaultdict(list))[bucket(r)].append(r)


# -- refresh ----------------------------------------------------------------------------------------------


def _key_documents(store: Store, docs: list[str]) -> None:
    """Key the claims of these documents, replacing their old keys (the triggers mark both dirty)."""
    marks = _marks(docs)
    store.con.execute(f"DELETE FROM claim_keys WHERE doc_id IN ({marks})", docs)
    out: list[tuple[str, str, int, str, str]] = []
    for r in _finite_rows(quantity_rows(store, f"q.doc_id IN ({marks})", docs)):
        key = quantity_key(r)
        if key:
            out.append((r["document"], "q", r["seq"], key, bucket(r)))
    for e in event_rows(store, f"e.doc_id IN ({marks})", docs):
        key = event_key(e)
        if key:
            out.append((e["document"], "e", e["seq"], key, bucket(e)))
    store.con.executemany(
        "INSERT INTO claim_keys (doc_id, kind, seq, key, bucket) VALUES (?, ?, ?, ?, ?)", out
    )
    store.con.executemany(
        "INSERT OR IGNORE INTO claims_dirty (key, bucket) VALUES (?, ?)", [(o[3], o[4]) for o in out]
    )


def _load(store: Store, pairs: list[tuple[str, str]]) -> dict[str, Rows]:
    """Rows of these (key, month) pairs: {"q": figures, "e": events}, by key and month."""
    out: dict[str, Rows] = {"q": {}, "e": {}}
    loaded: list[dict[str, Any]] = []
    for chunk in _chunks(pairs, 400):
        where = f"(k.key, k.bucket) IN (VALUES {','.join(['(?, ?)'] * len(chunk))})"
        params = [x for p in chunk for x in p]
        q = _finite_rows(quantity_rows(store, where, params, keyed=True))
        e = event_rows(store, where, params, keyed=True)
        _group(q, "q", out)
        _group(e, "e", out)
        loaded += q + e
    _attach_copies(store, loaded)
    attach_parties(store, loaded)
    return out


def _write_series(store: Store, keys: list[str]) -> None:
    """Rebuild the series row of each key from its stored months (JSON joined, not re-read)."""
    for key in keys:
        stored = store.con.execute(
            "SELECT meta, entries, figures FROM series_parts WHERE key = ? ORDER BY bucket", (key,)
        ).fetchall()
        store.con.execute("DELETE FROM estimate_series WHERE skey = ?", (key,))
        if not stored:
            continue
        metas = [{**json.loads(m), "estimates": []} for m, _, _ in stored]
        head = public(assemble(key, metas))
        text = dumps(head)[: -len("[]}")] + "[" + ",".join(e for _, e, _ in stored) + "]}"
        store.con.execute(
            "INSERT INTO estimate_series (skey, outcome, outcome_order, figures, json) VALUES (?,?,?,?,?)",
            (
                key,
                "+".join(head["outcome"]),
                "\x01".join(head["outcome"]),
                sum(f for _, _, f in stored),
                text,
            ),
        )


def _store_parts(store: Store, key: str, months: dict[str, list[dict[str, Any]]], wanted: set[str]) -> None:
    store.con.executemany(
        "DELETE FROM series_parts WHERE key = ? AND bucket = ?", [(key, m) for m in sorted(wanted)]
    )
    for m, p in series_parts(key, months, wanted).items():
        meta = {k: v for k, v in p.items() if k != "estimates"}
        text = ",".join(dumps(public_estimate(e)) for e in p["estimates"])
        store.con.execute(
            "INSERT INTO series_parts (key, bucket, figures, meta, entries) VALUES (?, ?, ?, ?, ?)",
            (key, m, len(p["estimates"]), dumps(meta), text),
        )


def refresh_estimates(store: Store, force: bool = False) -> int:
    """Key new documents' claims and recompute the (key, month) pairs touched since the last refresh
    (everything when `force` or when the rules changed); return the pairs touched."""
    version = series_version()
    full = force or store.get_state(_STATE) != version
    with store.transaction() as con:
        if full:
            for table in ("claim_keys", "claims_dirty", "series_parts", "estimate_series", "disagreements"):
                con.execute(f"DELETE FROM {table}")
            con.execute("INSERT OR IGNORE INTO claims_pending (doc_id) SELECT id FROM documents")
        pending = [r[0] for r in con.execute("SELECT doc_id FROM claims_pending")]
        for chunk in _chunks(pending, 500):
            _key_documents(store, chunk)
        con.execute("DELETE FROM claims_pending")
        dirty = [
            (r[0], r[1]) for r in con.execute("SELECT key, bucket FROM claims_dirty ORDER BY key, bucket")
        ]
        by_key: dict[str, set[str]] = defaultdict(set)
        for key, month in dirty:
            by_key[key].add(month)
        keys = sorted(by_key)
        for chunk in _chunks(keys):
            need = sorted({(k, m) for k in chunk for d in by_key[k] for m in _near(d, 2)})
            rows = _load(store, need)
            for key in chunk:
                touched = by_key[key]
                kind = "q" if "|" in key and key.count("|") == 5 else "e"
                months = rows[kind].get(key, {})
                if kind == "q":
                    _store_parts(store, key, months, touched)
                recheck = sorted({m for d in touched for m in _near(d, 1)})
                con.executemany(
                    "DELETE FROM disagreements WHERE key = ? AND bucket = ?", [(key, m) for m in recheck]
                )
                con.executemany(
                    "INSERT INTO disagreements (key, bucket, n, kind, newest, claims, json)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [
                        (key, m, d["n"], d["kind"], d["to"], len(d["items"]), dumps(d))
                        for m in recheck
                        for d in month_disagreements(key, kind, months, m)
                    ],
                )
            _write_series(store, [k for k in chunk if k.count("|") == 5])
        con.execute("DELETE FROM claims_dirty")
        con.execute("INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", (_STATE, version))
    return len(dirty)


# -- reading --------------------------------------------------------------------------------------------


def is_current(store: Store) -> bool:
    """Whether the stored series and disagreements are exact for the store as it is now."""
    for table in ("claims_pending", "claims_dirty"):
        if store.scalar(f"SELECT 1 FROM {table} LIMIT 1") is not None:
            return False
    return store.get_state(_STATE) == series_version()


def stored_series_ids(
    store: Store, subject: str | None = None, outcome: str | None = None
) -> list[int] | None:
    """The rowids of the stored series `estimates` answers, in its order (read from the order index
    alone: no series JSON); None when the stored series are not current."""
    if not is_current(store):
        return None
    want = subject_key(subject) if subject else ""
    want_outcome = outcome_wanted(outcome)
    keys = store.con.execute(
        "SELECT rowid, skey, outcome FROM estimate_series INDEXED BY estimate_series_order"
        " WHERE instr(skey, ?) > 0 ORDER BY figures DESC, skey",
        (want,),
    ).fetchall()
    return [
        r[0]
        for r in keys
        if not want_outcome or want_outcome <= set(r[2].split("+")) or want_outcome == {r[1].split("|")[2]}
    ]


def series_json(store: Store, ids: list[int]) -> list[bytes]:
    """The stored JSON (UTF-8, not decoded: the API sends it as it is) of the series `ids`, in order."""
    text: dict[int, bytes] = {}
    for chunk in _chunks(ids, 500):
        text.update(
            store.con.execute(
                f"SELECT rowid, CAST(json AS BLOB) FROM estimate_series WHERE rowid IN ({_marks(chunk)})",
                chunk,
            )
        )
    return [text[i] for i in ids]


def stored_series(store: Store, subject: str | None = None, outcome: str | None = None) -> list[bytes] | None:
    """The JSON (UTF-8) of each stored series `estimates` answers, most figures first, then key; None
    when the stored series are not current."""
    ids = stored_series_ids(store, subject, outcome)
    return None if ids is None else series_json(store, ids)


def newest_first(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Disagreements in stored order: newest last day first (undated last), then key, month, number."""
    dated = sorted((d for d in found if d["to"]), key=lambda d: (d["key"], d["month"], d["n"]))
    dated.sort(key=lambda d: d["to"], reverse=True)
    return dated + sorted((d for d in found if not d["to"]), key=lambda d: (d["key"], d["month"], d["n"]))


def stored_disagreements(store: Store) -> list[dict[str, Any]] | None:
    """Every stored disagreement, newest first; None when they are not current."""
    if not is_current(store):
        return None
    rows = store.con.execute("SELECT json FROM disagreements ORDER BY newest DESC, key, bucket, n").fetchall()
    return [json.loads(r[0]) for r in rows]


def computed(store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(series in order, disagreements newest first) computed from every claim now, month by month as
    the refresh keeps them: what the stored rows must equal."""
    rows: dict[str, Rows] = {"q": {}, "e": {}}
    q, e = _finite_rows(quantity_rows(store)), event_rows(store)
    _attach_copies(store, q + e)
    attach_parties(store, e)
    _group(q, "q", rows)
    _group(e, "e", rows)
    series = []
    found: list[dict[str, Any]] = []
    for kind, keyed in rows.items():
        for key, months in keyed.items():
            if kind == "q":
                parts = series_parts(key, months, set(months))
                series.append(assemble(key, [parts[m] for m in sorted(parts)]))
            for m in sorted(months):
                found += month_disagreements(key, kind, months, m)
    series.sort(key=sort_key)
    return series, newest_first(found)


def computed_series(
    store: Store, subject: str | None = None, outcome: str | None = None
) -> list[dict[str, Any]]:
    """The series `stored_series` answers, computed now."""
    return [public(s) for s in computed(store)[0] if matches(s, subject, outcome)]
