"""Cross-article identities: the identity checks on real war news and on PolNeAR, and the cost of adding
1,000 documents to stores of 10,000 and 50,000 documents.

    .venv/bin/python bench/bench_identity.py [--skip-polnear] [--sizes 10000,50000] [--keep DIR]

1. Ingests ../shared/eval/realnews/corpus.jsonl into a fresh store and scores identity_dev.json on
   `sitrep entities --limit 0 --format json` (the same rows, through `record.identities.entities`):
   for each group, the number of identities whose aliases contain one of its variants as an exact
   surface (mean over groups; a group is whole when one identity holds every variant found);
   wrong merges are cannot pairs whose two names are aliases of one identity.
2. The same measure on our own checks for PolNeAR dev+train (2016 US politics),
   bench/data/identity_polnear.json (surface forms only).
3. Stores of 10,000 and 50,000 documents cloned from the real-news store (each clone renames a third
   of the full-named people, so identities keep growing), resolved, then 1,000 more documents added
   and resolved incrementally; the peer is resolving the whole store again, as sitrep did before.

Peer for 1 and 2: one identity per distinct (NER type, entity name) and per gazetteer entry, with the
in-document coreference aliases: what the record has without cross-article resolution.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REALNEWS = SHARED / "eval" / "realnews"
POLNEAR = SHARED / "eval" / "polnear"
CHECKS = ROOT / "bench" / "data" / "identity_polnear.json"
sys.path.insert(0, str(ROOT / "src"))

from sitrep.aggregate.identity.refresh import refresh_identities  # noqa: E402
from sitrep.record import identities as views  # noqa: E402
from sitrep.store import Store  # noqa: E402


def ingest(paths: list[Path], db: Path) -> Store:
    """A fresh store with these JSONL files ingested (extraction, clusters, identities)."""
    from sitrep.ingest.pipeline import Ingest

    store = Store(db)
    t = time.perf_counter()
    summary = Ingest(store, batch_size=32).run([str(p) for p in paths])
    print(f"  ingested {summary.new} documents in {time.perf_counter() - t:.0f} s", flush=True)
    return store


def naive_identities(store: Store) -> list[dict[str, Any]]:
    """The peer: one identity per (type, entity name) and per gazetteer entry, aliases from coreference."""
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in store.rows(
        "SELECT e.type, e.name, m.text FROM entities e"
        " JOIN mentions m ON m.doc_id = e.doc_id AND m.entity_id = e.id"
    ):
        groups[(r["type"], r["name"])].update({r["name"], r["text"]})
    for r in store.rows("SELECT text, name, gazetteer_id FROM places"):
        groups[("PLACE", r["gazetteer_id"] or r["name"])].update({r["name"], r["text"]})
    return [{"id": f"{t}:{n}", "aliases": sorted(a)} for (t, n), a in groups.items()]


def score(idents: list[dict[str, Any]], checks: dict[str, Any]) -> dict[str, Any]:
    """Mean identities per group, whole groups, variants found, wrong merges over cannot pairs."""
    holders: dict[str, set[str]] = defaultdict(set)
    for i in idents:
        for alias in set(i["aliases"]):
            holders[alias].add(i["id"])
    per_group, whole, found, total, detail = [], 0, 0, 0, []
    for g in checks["groups"]:
        hit = set().union(*(holders.get(v, set()) for v in g["variants"]))
        present = [v for v in g["variants"] if v in holders]
        per_group.append(len(hit))
        whole += len(hit) == 1
        found += len(present)
        total += len(g["variants"])
        if len(hit) != 1:
            detail.append(f"{g['entity']}: {len(hit)} identities")
    wrong = [f"{a} + {b}" for a, b in checks["cannot"] if holders.get(a, set()) & holders.get(b, set())]
    return {
        "groups": len(per_group),
        "mean": sum(per_group) / max(1, len(per_group)),
        "whole": whole,
        "found": found,
        "variants": total,
        "wrong": wrong,
        "pairs": len(checks["cannot"]),
        "detail": detail,
    }


def report(name: str, store: Store, checks: dict[str, Any]) -> None:
    t = time.perf_counter()
    ours = views.entities(store, limit=0)
    listing = time.perf_counter() - t
    for label, idents in (("sitrep identities", ours), ("peer: name strings", naive_identities(store))):
        s = score(idents, checks)
        print(
            f"  {label:<20} identities/group {s['mean']:.2f}  whole {s['whole']}/{s['groups']}"
            f"  wrong merges {len(s['wrong'])}/{s['pairs']}  (variants found {s['found']}/{s['variants']};"
            f" {len(idents)} identities)"
        )
        for line in s["detail"][:12] + [f"wrong: {w}" for w in s["wrong"]]:
            print(f"      {line}")
    print(f"  ({name}: listing all {len(ours)} identities took {listing * 1000:.0f} ms)")


# ---- scale ------------------------------------------------------------------------------------------

CLONED = ("documents", "entities", "mentions", "places", "statements", "quantities", "events")
SYLLABLES = ["ko", "va", "len", "mar", "chen", "dor", "ri", "sha", "tu", "bel", "ni", "ova", "ske", "lin"]


def _columns(con: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in con.execute(f"PRAGMA table_info({table})")]


def load_source(db: Path) -> tuple[dict[str, list[tuple[Any, ...]]], dict[str, list[str]]]:
    """The rows of the tables resolution reads, and their columns."""
    con = sqlite3.connect(db)
    rows, cols = {}, {}
    for table in CLONED:
        cols[table] = [c for c in _columns(con, table)]
        order = "rowid" if table != "documents" else "published, rowid"
        rows[table] = con.execute(f"SELECT {', '.join(cols[table])} FROM {table} ORDER BY {order}").fetchall()
    con.close()
    return rows, cols


def clone(
    db: Path, src: dict[str, list[tuple[Any, ...]]], cols: dict[str, list[str]], first: int, n: int
) -> None:
    """Write documents first..first+n-1: copies of the source documents under new ids and dates, a third
    of each copy's full-named people renamed (a new family name per copy)."""
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode = WAL")
    docs = src["documents"]
    by_doc: dict[str, dict[str, list[tuple[Any, ...]]]] = defaultdict(lambda: defaultdict(list))
    for table in CLONED[1:]:
        di = cols[table].index("doc_id")
        for r in src[table]:
            by_doc[r[di]][table].append(r)
    out: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for k in range(first, first + n):
        doc = docs[k % len(docs)]
        old_id = doc[cols["documents"].index("id")]
        new_id = f"{old_id}-c{k}"
        rng = random.Random(k)
        renames: dict[str, str] = {}
        ni, ti = cols["entities"].index("name"), cols["entities"].index("type")
        for e in by_doc[old_id]["entities"]:
            words = str(e[ni]).split()
            last = words[-1] if words else ""
            if (
                e[ti] == "PERSON"
                and len(words) >= 2
                and last.isalpha()
                and len(last) >= 3
                and k >= len(docs)
                and rng.random() < 0.33
            ):
                renames[words[-1]] = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()

        pattern = re.compile(r"\b(" + "|".join(map(re.escape, renames)) + r")\b") if renames else None

        def fix(value: Any, renames: dict[str, str] = renames, pattern: Any = pattern) -> Any:
            if isinstance(value, str) and pattern is not None:
                value = pattern.sub(lambda m: renames[m.group(1)], value)
            return value

        day = 1 + (k // len(docs)) % 28
        d = list(doc)
        d[cols["documents"].index("id")] = new_id
        d[cols["documents"].index("published")] = f"20{22 + (k // 10000) % 3}-{1 + k % 12:02d}-{day:02d}"
        d[cols["documents"].index("text")] = ""
        out["documents"].append(tuple(d))
        for table in CLONED[1:]:
            di = cols[table].index("doc_id")
            for r in by_doc[old_id][table]:
                row = [fix(v) for v in r]
                row[di] = new_id
                out[table].append(tuple(row))
    with con:
        for table in CLONED:
            marks = ",".join("?" * len(cols[table]))
            names = ", ".join(f'"{c}"' for c in cols[table])
            con.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", out[table])
        for (dirty,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND (name LIKE '%dirty' OR name LIKE '%pending')"
        ).fetchall():
            con.execute(f"DELETE FROM {dirty}")  # the other aggregates' work queues: not measured here
    con.close()


def scale(source: Path, sizes: list[int], keep: Path | None) -> None:
    src, cols = load_source(source)
    print(f"  source: {len(src['documents'])} real-news documents; each clone renames a third of its people")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            db = (keep or Path(tmp)) / f"identity_{size}.db"
            reuse = db.exists()
            store = Store(db)
            if not reuse:
                t = time.perf_counter()
                for first in range(0, size, 5000):
                    clone(db, src, cols, first, min(5000, size - first))
                t_clone = time.perf_counter() - t
                t = time.perf_counter()
                refresh_identities(store)
                t_base = time.perf_counter() - t
                print(
                    f"  {size:,} documents: cloned in {t_clone:.0f} s, resolved in {t_base:.0f} s"
                    f" ({t_base / size * 1000:.1f} ms a document)"
                )
            base_ids = int(store.scalar("SELECT count(*) FROM identities"))
            added = store.scalar("SELECT count(*) FROM documents")
            clone(db, src, cols, int(added), 1000)
            t = time.perf_counter()
            refresh_identities(store)
            t_add = time.perf_counter() - t
            ids = int(store.scalar("SELECT count(*) FROM identities"))
            print(
                f"  {size:,} + 1,000 documents: incremental {t_add:.1f} s"
                f" ({base_ids:,} -> {ids:,} identities)"
            )
            if size <= 10_000:
                t = time.perf_counter()
                refresh_identities(store, force=True)
                print(f"      peer, resolving the whole store again: {time.perf_counter() - t:.1f} s")
            store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--skip-polnear", action="store_true", help="skip the PolNeAR checks (ingest ~10 min)")
    ap.add_argument("--sizes", default="10000,50000", help="store sizes for the cost of adding 1,000 (or '')")
    ap.add_argument("--keep", type=Path, help="directory to keep (and reuse) the stores in")
    ap.add_argument("--scale-only", type=Path, metavar="STORE", help="only part 3, cloning this store")
    args = ap.parse_args()
    if not (REALNEWS / "corpus.jsonl").exists():
        print("bench_identity: ../shared/eval/realnews is absent; nothing to measure")
        return
    keep: Path | None = args.keep
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.scale_only:
        print("3. cost of adding 1,000 documents")
        scale(args.scale_only, sizes, keep)
        return
    with tempfile.TemporaryDirectory() as tmp:
        where = keep or Path(tmp)
        where.mkdir(parents=True, exist_ok=True)
        print("1. real war news, identity_dev.json")
        db = where / "realnews.db"
        store = Store(db) if keep and db.exists() else ingest([REALNEWS / "corpus.jsonl"], db)
        report("realnews", store, json.loads((REALNEWS / "identity_dev.json").read_text(encoding="utf-8")))
        store.close()
        if not args.skip_polnear and (POLNEAR / "dev.jsonl").exists():
            print("2. PolNeAR dev+train, bench/data/identity_polnear.json")
            pdb = where / "polnear.db"
            pol = (
                Store(pdb)
                if keep and pdb.exists()
                else ingest([POLNEAR / "dev.jsonl", POLNEAR / "train.jsonl"], pdb)
            )
            report("polnear", pol, json.loads(CHECKS.read_text(encoding="utf-8")))
            pol.close()
        if sizes:
            print("3. cost of adding 1,000 documents")
            scale(db, sizes, keep)


if __name__ == "__main__":
    main()
