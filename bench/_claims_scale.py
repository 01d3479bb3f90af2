"""The cost of adding 1,000 documents to stores of 10,000, 50,000 and 100,000 documents (--scale).

Stores are grown from a pool of real reports (the corpus store bench_claims.py ingested, read back with
their referents) and synthetic ones (bench/synthetic.py articles, extracted once), each document a copy
of a pool report under its own id, outlet and date, its figures moved by up to 10%. Documents arrive in
date order, 60 a day, as a news feed does. At each size: writing 1,000 more documents, then the claims
refresh that keeps series and disagreements (`refresh_estimates`: only the keys and months the new
documents touch); the peer in the same run is rebuilding them all (`refresh_estimates(force=True)`).
Answer sizes: every series as `/api/estimates` sends it, the largest series, every disagreement.

Each cost is given as CPU seconds of this process (`time.process_time`: the writer and the refresh run
in it, SQLite included), which is what the text costs whatever else runs on the machine, and wall
seconds beside it. `peer_max`: sizes above it skip the peer's full rebuild (it alone grows with the store).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

from sitrep.aggregate.estimates_store import refresh_estimates
from sitrep.model import Report
from sitrep.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # this checkout's sitrep first

PER_DAY = 60
START = dt.date(2022, 1, 1)
BATCH = 1000
SYNTHETIC = 200
OUTLETS = [f"Outlet {i}" for i in range(40)]


def pool(real_db: Path) -> list[tuple[Report, str]]:
    """The reports clones are made from: every real one in the corpus store plus synthetic ones."""
    sys.path.insert(0, str(Path(__file__).parent))
    from sitrep import extract_many
    from synthetic import synthetic_corpus

    out = []
    with Store(real_db, readonly=True) as store:
        for row in store.rows("SELECT id FROM documents ORDER BY rowid"):
            report, text = store.get_report(row["id"]), store.get_text(row["id"])
            if report is not None and text is not None:
                out.append((report, text))
    items = synthetic_corpus(SYNTHETIC, seed=14)
    texts = {it["id"]: it["text"] for it in items}
    out += [(r, texts[r.document.id]) for r in extract_many(items)]
    return out


def _moved(value: Any, factor: float) -> Any:
    if value is None:
        return None
    moved = value * factor
    return round(moved) if isinstance(value, int) else moved


def clone(base: tuple[Report, str], i: int, rng: random.Random) -> tuple[Report, str]:
    """Document `i` of a grown store: a pool report under a new id, outlet and date."""
    report, text = base
    day = START + dt.timedelta(days=i // PER_DAY)
    doc = report.document.model_copy(
        update={"id": f"scale-{i:07d}", "published": day.isoformat(), "source": OUTLETS[i % len(OUTLETS)]}
    )
    factor = 1 + rng.uniform(-0.1, 0.1)
    quantities = [
        q.model_copy(update={"low": _moved(q.low, factor), "high": _moved(q.high, factor)})
        for q in report.quantities
    ]
    return report.model_copy(update={"document": doc, "quantities": quantities}), text


Cost = tuple[float, float]  # (CPU seconds of this process, wall seconds)


def _write(store: Store, base: list[tuple[Report, str]], first: int, count: int, rng: random.Random) -> None:
    for i in range(first, first + count):
        report, text = clone(base[i % len(base)], i, rng)
        store.write_report(report, text)


def _timed(fn: Any) -> tuple[Cost, Any]:
    c, t = time.process_time(), time.perf_counter()
    out = fn()
    return (time.process_time() - c, time.perf_counter() - t), out


def _cost(c: Cost, fmt: str = ".1f") -> str:
    return f"{c[0]:{fmt}} s ({c[1]:{fmt}} s)"


def sizes_of(store: Store) -> dict[str, float]:
    """Answer sizes in KB: every series, the largest series, every disagreement."""
    series = store.con.execute("SELECT coalesce(sum(length(json)), 0), coalesce(max(length(json)), 0)"
                               " FROM estimate_series").fetchone()  # fmt: skip
    found = store.con.execute("SELECT count(*), coalesce(sum(length(json)), 0) FROM disagreements").fetchone()
    return {"series_kb": series[0] / 1024, "largest_kb": series[1] / 1024, "disagreements": found[0],
            "disagreements_kb": found[1] / 1024}  # fmt: skip


def scale(real_db: Path, sizes: list[int], peer_max: int | None = None) -> None:
    """Grow a store through `sizes` and print the cost of adding 1,000 documents at each (CPU, wall)."""
    print(f"\nbuilding the pool (real reports + {SYNTHETIC} synthetic articles extracted) ...")
    base = pool(real_db)
    rng = random.Random(14)
    print(f"pool: {len(base)} reports; stores grow 60 documents a day from {START}")
    print("\ncosts: CPU seconds of this process (wall seconds)")
    print(
        "\n| store | write 1,000 docs | claims refresh (key-months touched) | per added doc"
        " | peer: rebuild all | series | all series | largest series | disagreements |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "scale.db") as store:
        have = 0
        for size in sizes:
            while have < size:
                step = min(10_000, size - have)
                _write(store, base, have, step, rng)
                refresh_estimates(store)
                have += step
            write_c, _ = _timed(partial(_write, store, base, have, BATCH, rng))
            refresh_c, touched = _timed(lambda: refresh_estimates(store))
            have += BATCH
            s = sizes_of(store)
            series = store.scalar("SELECT count(*) FROM estimate_series")
            peer = "not run"
            if peer_max is None or size <= peer_max:
                peer = _cost(_timed(lambda: refresh_estimates(store, force=True))[0])
            per = tuple(1000 * (w + r) / BATCH for w, r in zip(write_c, refresh_c, strict=True))
            print(
                f"| {size:,} + 1,000 | {_cost(write_c)} | {_cost(refresh_c)} ({touched:,}) |"
                f" {per[0]:.1f} ms ({per[1]:.1f} ms) | {peer} | {series:,} |"
                f" {s['series_kb']:,.0f} KB | {s['largest_kb']:,.0f} KB |"
                f" {s['disagreements']:,} ({s['disagreements_kb']:,.0f} KB) |",
                flush=True,
            )
