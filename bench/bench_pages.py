"""Size and latency of every web page and its JSON twin on a store of real news.

Builds (once) a store of the 423 articles in `../shared/eval/realnews/corpus.jsonl` with `sitrep ingest`
(about two minutes), starts `sitrep serve` on it and requests each page: once cold (the first request
for that URL: nothing cached) and then `--repeat` times warm, one at a time over a keep-alive
connection. Prints bytes, cold latency and warm median / p95 for each URL. The peer in the same run is
Datasette on the same SQLite file (its table pages and their JSON, where the `bench` extra installed it).

    .venv/bin/python bench/bench_pages.py [--db /tmp/rn17.db] [--repeat 30]
    .venv/bin/python bench/bench_pages.py --synthetic 100000 --db /tmp/pages100k.db   # the scale check

`--synthetic N` builds instead a store of N synthetic documents (bench_web's generator, each with a
located place) to check that page sizes and warm latency hold at that scale.

Targets (issue 17): every page under 200 KB and under 100 ms warm (p95 here).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # this checkout's sitrep first

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_web import free_port, wait_up  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "eval" / "realnews" / "corpus.jsonl"
MAX_BYTES = 200 * 1024
MAX_MS = 100.0


@dataclass
class Row:
    """One URL's answer: status, body size, and latency in milliseconds."""

    path: str
    status: int
    bytes: int
    cold: float
    median: float
    p95: float


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, int, float]:
    """Status, body bytes and milliseconds of one GET on a keep-alive connection."""
    t0 = time.perf_counter()
    conn.request("GET", path)
    resp = conn.getresponse()
    body = resp.read()
    return resp.status, len(body), (time.perf_counter() - t0) * 1000


def measure(port: int, paths: list[str], repeat: int) -> list[Row]:
    """Cold (first) and warm (`repeat` more) latency of each path, in order."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    out = []
    for path in paths:
        status, size, cold = get(conn, path)
        warm = sorted(get(conn, path)[2] for _ in range(repeat))
        p95 = warm[min(len(warm) - 1, int(len(warm) * 0.95))]
        out.append(Row(path, status, size, cold, statistics.median(warm), p95))
    conn.close()
    return out


def sample_ids(db: Path) -> dict[str, str]:
    """A document, a speaker and a place of the store to request pages for."""
    import sqlite3

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    doc = con.execute("SELECT id FROM documents ORDER BY length(text) DESC LIMIT 1").fetchone()[0]
    speaker = con.execute(
        "SELECT speaker FROM statements WHERE coalesce(speaker, '') != '' GROUP BY lower(speaker)"
        " ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    place = con.execute(
        "SELECT name FROM places WHERE feature = 'city' GROUP BY name ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    con.close()
    return {"doc": doc, "speaker": speaker, "place": place}


def sitrep_paths(ids: dict[str, str]) -> list[str]:
    doc, who, where = quote(ids["doc"]), quote(ids["speaker"]), quote(ids["place"])
    pages = [
        "/",
        "/documents",
        "/documents?offset=50",
        "/documents?from=2023-01&to=2023-06",
        f"/documents/{doc}",
        "/map",
        f"/map?place={where}",
        "/map?type=attack&from=2022-02&to=2022-03",
        "/estimates",
        "/estimates?offset=10",
        "/estimates?subject=soldiers&outcome=killed",
        "/contradictions",
        "/contradictions?kind=event&offset=20",
        f"/contradictions?party={who}",
        f"/people/{who}",
        f"/timeline/{where}",
        f"/search?q={where}",
    ]
    twins = ["/api/overview"] + ["/api" + p for p in pages[1:] if not p.startswith(("/people", "/search"))]
    twins += [f"/api/people/{who}", f"/api/search?q={where}", f"/api/statements?speaker={who}", "/api/stats"]
    return pages + twins + ["/map/world.svg"]


COORDS = {  # the synthetic reports' places (bench_web.PLACES), as a gazetteer locates them
    "Kherson": (46.64, 32.61),
    "Bakhmut": (48.6, 38.0),
    "Khartoum": (15.5, 32.56),
    "Gaza": (31.5, 34.47),
    "El Fasher": (13.63, 25.35),
    "Kharkiv": (49.99, 36.23),
}


def build_synthetic(db: Path, n: int) -> None:
    """`n` synthetic documents (bench_web.synthetic_report) with their event's place located."""
    import random

    from bench_web import synthetic_report
    from sitrep.aggregate import refresh
    from sitrep.model import Place
    from sitrep.store.db import Store

    print(f"building {db}: {n:,} synthetic documents", flush=True)
    rng = random.Random(7)
    t0 = time.perf_counter()
    with Store(db) as store:
        for i in range(n):
            report, text = synthetic_report(i, rng)
            name = report.events[0].place or "Gaza"
            at = text.index(name)
            lat, lon = COORDS[name]
            place = Place(
                text=name,
                span=(at, at + len(name)),
                name=name,
                country=None,
                lat=lat,
                lon=lon,
                feature="city",
            )
            report = report.model_copy(update={"places": [place]})
            d = report.document
            store.write_report(report, text, {"source": d.source, "published": d.published, "title": d.title})
        refresh(store)
    print(f"built in {time.perf_counter() - t0:.0f} s", flush=True)


def build(db: Path, corpus: Path) -> None:
    print(f"building {db} from {corpus} (sitrep ingest, a few minutes)", flush=True)
    subprocess.run([sys.executable, "-m", "sitrep.cli", "ingest", str(corpus), "--db", str(db)], check=True)


def report(name: str, rows: list[Row]) -> None:
    print(f"\n{name}")
    print(f"{'page':<58}{'status':>7}{'KB':>8}{'cold ms':>9}{'warm p50':>9}{'warm p95':>9}")
    for r in rows:
        print(
            f"{r.path[:57]:<58}{r.status:>7}{r.bytes / 1024:>8.1f}{r.cold:>9.1f}{r.median:>9.1f}{r.p95:>9.1f}"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", default="/tmp/rn17.db", help="store of the corpus (built when missing)")
    ap.add_argument("--repeat", type=int, default=30, help="warm requests per page")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="JSONL to build the store from")
    ap.add_argument("--synthetic", type=int, default=0, help="build N synthetic documents instead")
    args = ap.parse_args()
    if args.synthetic and not Path(args.db).exists():
        build_synthetic(Path(args.db), args.synthetic)
    elif not args.corpus.is_file():
        print(f"bench_pages: {args.corpus} is absent (it lives in ../shared); nothing to measure")
        return 0
    try:
        import fastapi  # noqa: F401
    except ImportError:
        print("bench_pages: the 'web' extra is needed (./scripts/setup installs it)")
        return 0
    db = Path(args.db)
    if not db.exists():
        build(db, args.corpus)
    ids = sample_ids(db)
    procs: list[subprocess.Popen[bytes]] = []
    try:
        port = free_port()
        env = {**os.environ, "SITREP_TOKEN": ""}
        cmd = [sys.executable, "-m", "sitrep.cli", "serve", "--db", str(db), "--port", str(port)]
        procs.append(subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        wait_up(f"http://127.0.0.1:{port}/api/stats", procs[0])
        rows = measure(port, sitrep_paths(ids), args.repeat)
        report(f"sitrep serve, {db} ({json.dumps(ids, ensure_ascii=False)})", rows)
        datasette = Path(sys.executable).parent / "datasette"
        if shutil.which(str(datasette)):
            dport = free_port()
            procs.append(
                subprocess.Popen(
                    [str(datasette), "serve", "--immutable", str(db), "--port", str(dport)],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            wait_up(f"http://127.0.0.1:{dport}/-/versions.json", procs[1])
            name = db.stem
            peer = [
                f"/{name}/{t}{fmt}" for t in ("documents", "statements", "places") for fmt in ("", ".json")
            ]
            peer_rows = measure(dport, peer, args.repeat)
            report("peer: datasette on the same file (its default table pages, 100 rows)", peer_rows)
        else:
            print("\npeer: datasette is not installed (the 'bench' extra); no peer figures")
        bad = [r for r in rows if r.status != 200]
        big = [r for r in rows if r.bytes > MAX_BYTES]
        slow = [r for r in rows if r.p95 >= MAX_MS]
        largest = max(rows, key=lambda r: r.bytes)
        slowest = max(rows, key=lambda r: r.p95)
        coldest = max(rows, key=lambda r: r.cold)
        print(
            f"\n{len(rows)} sitrep URLs: largest {largest.bytes / 1024:.1f} KB ({largest.path}),"
            f" slowest warm p95 {slowest.p95:.1f} ms ({slowest.path}),"
            f" slowest cold {coldest.cold:.0f} ms ({coldest.path})"
        )
        for label, found in (("not 200", bad), ("over 200 KB", big), ("p95 >= 100 ms warm", slow)):
            if found:
                print(f"  {label}: " + ", ".join(r.path for r in found))
        ok = not (bad or big or slow)
        print(f"TARGET (issue 17: every page < 200 KB and < 100 ms warm): {'MET' if ok else 'NOT MET'}")
    finally:
        for p in procs:
            p.terminate()
            p.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
