"""Read throughput and latency of the HTTP JSON API under a bounded concurrent load on loopback.

Builds a store of N synthetic documents (default 10,000) through the real writer, starts
`sitrep serve` on it and, as the peer in the same run, Datasette on the same SQLite file (where
installed: the `bench` extra), then drives each endpoint from a separate client process with a fixed
number of concurrent connections for a fixed time. Prints requests/s, p50 and p99 latency.

    .venv/bin/python bench/bench_web.py [--docs 10000] [--seconds 8] [--concurrency 8]

Targets (issue 7): >= 200 requests/s with p99 < 100 ms for estimate and statement queries.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sitrep.aggregate import refresh  # noqa: E402
from sitrep.model import Claimant, Document, Entity, Event, Quantity, Report, Speaker, Statement, TextSpan  # noqa: E402
from sitrep.store.db import Store  # noqa: E402

SPEAKERS = [
    f"{first} {last}"
    for first in ("Anna", "Boris", "Carla", "Dmytro", "Elena", "Farid", "Grace", "Hamid")
    for last in ("Kovalenko", "Petrov", "Smith", "Haddad", "Novak", "Okafor")
]
SUBJECTS = [
    "Russian soldiers",
    "Ukrainian civilians",
    "Sudanese civilians",
    "Palestinians",
    "troops",
    "refugees",
]
OUTCOMES = [["killed"], ["killed", "wounded"], ["displaced"], ["wounded"]]
PLACES = ["Kherson", "Bakhmut", "Khartoum", "Gaza", "El Fasher", "Kharkiv"]


def synthetic_report(i: int, rng: random.Random) -> tuple[Report, str]:
    """One document with three statements, two figures and an event, spans consistent with its text."""
    parts: list[str] = []
    statements, quantities = [], []
    pos = 0
    for k in range(3):
        who = rng.choice(SPEAKERS)
        n = rng.randrange(10, 200_000)
        subject, outcome, place = rng.choice(SUBJECTS), rng.choice(OUTCOMES), rng.choice(PLACES)
        figure = f"more than {n:,}" if k % 2 else f"{n:,}"
        sentence = f"{who} said {figure} {subject} were {' or '.join(outcome)} near {place} in report {i}."
        s0 = pos
        content_start = s0 + len(who) + len(" said ")
        content = sentence[len(who) + len(" said ") : -1]
        sid = f"s{k + 1}"
        statements.append(
            Statement(
                id=sid,
                speaker=Speaker(name=who, span=(s0, s0 + len(who)), text=who),
                cue=TextSpan(text="said", span=(s0 + len(who) + 1, s0 + len(who) + 5)),
                kind="indirect",
                content=TextSpan(text=content, span=(content_start, content_start + len(content))),
            )
        )
        if k < 2:
            q0 = content_start
            quantities.append(
                Quantity(
                    id=f"q{k + 1}",
                    text=figure,
                    span=(q0, q0 + len(figure)),
                    low=n,
                    high=None if k % 2 else n,
                    qualifier="more_than" if k % 2 else "exact",
                    subject=subject,
                    outcome=outcome,
                    claimant=Claimant(name=who, statement=sid),
                    place=place,
                )
            )
        parts.append(sentence)
        pos += len(sentence) + 1
    text = " ".join(parts)
    published = f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}"
    trig = text.index("were")
    events = [
        Event(
            id="v1",
            type="attack",
            actor=None,
            place=quantities[0].place,
            status="alleged",
            source=statements[0].speaker.name,
            trigger=TextSpan(text="were", span=(trig, trig + 4)),
        )
    ]
    ents = [
        Entity(
            id=f"e{j}",
            name=s.speaker.name,
            type="PERSON",
            mentions=[TextSpan(text=s.speaker.name, span=s.speaker.span)],
        )
        for j, s in enumerate(statements)
        if s.speaker and s.speaker.span
    ]
    doc = Document(id=f"bench{i:07d}", title=f"Report {i}", source=f"Outlet {i % 40}", published=published)
    return Report(
        document=doc, entities=ents, statements=statements, quantities=quantities, events=events
    ), text


def build_store(path: Path, n: int) -> float:
    """Write `n` synthetic documents through the store's writer; seconds taken."""
    rng = random.Random(7)
    t0 = time.perf_counter()
    with Store(path) as store:
        for i in range(n):
            report, text = synthetic_report(i, rng)
            d = report.document
            store.write_report(report, text, {"source": d.source, "published": d.published, "title": d.title})
        refresh(store)  # wire-copy clusters and cross-article names, as `sitrep ingest` leaves them
    return time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer")


async def _drive(urls: list[str], seconds: float, concurrency: int) -> dict[str, float]:
    import httpx

    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:

        async def worker(seed: int) -> None:
            nonlocal errors
            rng = random.Random(seed)
            while time.perf_counter() < stop:
                url = rng.choice(urls)
                t0 = time.perf_counter()
                try:
                    r = await client.get(url)
                    await r.aread()
                    if r.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        await asyncio.gather(*(worker(k) for k in range(concurrency)))
        wall = time.perf_counter() - t0
    latencies.sort()
    n = len(latencies)
    return {
        "requests": n,
        "rps": n / wall,
        "p50": latencies[n // 2] * 1000 if n else float("nan"),
        "p99": latencies[min(n - 1, int(n * 0.99))] * 1000 if n else float("nan"),
        "errors": errors,
    }


def _client(urls: list[str], seconds: float, concurrency: int, out: mp.Queue) -> None:
    out.put(asyncio.run(_drive(urls, seconds, concurrency)))


def load(urls: list[str], seconds: float, concurrency: int) -> dict[str, float]:
    """Drive `urls` from a separate process (so the client does not share the server's interpreter)."""
    for u in urls[:60]:  # steady state: each distinct query once, as a running server would have seen it
        urllib.request.urlopen(u, timeout=60).read()
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=_client, args=(urls, seconds, concurrency, q))
    p.start()
    res = q.get()
    p.join()
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--seconds", type=float, default=8.0)
    ap.add_argument("--concurrency", type=int, default=8)
    args = ap.parse_args()
    try:
        import fastapi  # noqa: F401
        import httpx  # noqa: F401
    except ImportError:
        print("bench_web: the 'web' and 'dev' extras are needed (./scripts/setup installs them)")
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="sitrep-bench-web-"))
    db = tmp / "store.db"
    secs = build_store(db, args.docs)
    print(
        f"store: {args.docs:,} synthetic documents written in {secs:.1f} s ({args.docs / secs:,.0f} docs/s), "
        f"{db.stat().st_size / 2**20:.0f} MiB"
    )
    servers: list[subprocess.Popen] = []
    try:
        port = free_port()
        env = {**os.environ, "SITREP_TOKEN": ""}
        sitrep = subprocess.Popen(
            [sys.executable, "-m", "sitrep.cli", "serve", "--db", str(db), "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        servers.append(sitrep)
        base = f"http://127.0.0.1:{port}"
        wait_up(base + "/api/stats", sitrep)
        rng = random.Random(3)
        q = urllib.parse.quote
        cases = {
            "statements by speaker": [f"{base}/api/statements?speaker={q(s)}&limit=50" for s in SPEAKERS],
            "estimates by subject": [f"{base}/api/estimates?subject={q(s)}" for s in SUBJECTS],
            "one document": [f"{base}/api/documents/bench{rng.randrange(args.docs):07d}" for _ in range(200)],
            "full-text search": [
                f"{base}/api/search?q={w}" for w in ("Kherson", "Gaza", "troops", "refugees")
            ],
        }
        peer_cases: dict[str, list[str]] = {}
        if shutil.which("datasette", path=str(Path(sys.executable).parent)):
            dport = free_port()
            ds = subprocess.Popen(
                [
                    str(Path(sys.executable).parent / "datasette"),
                    "serve",
                    str(db),
                    "--port",
                    str(dport),
                    "--setting",
                    "sql_time_limit_ms",
                    "5000",
                    "--immutable",
                    str(db),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            servers.append(ds)
            dbase = f"http://127.0.0.1:{dport}/store"
            wait_up(dbase + ".json", ds)
            peer_cases = {
                "statements by speaker": [
                    f"{dbase}/statements.json?speaker={q(s)}&_size=50&_shape=array" for s in SPEAKERS
                ],
                "one document": [
                    f"{dbase}/documents.json?id=bench{rng.randrange(args.docs):07d}&_shape=array"
                    for _ in range(200)
                ],
            }
        print(
            f"load: {args.concurrency} concurrent connections, {args.seconds:.0f} s per case,"
            " client in its own process"
        )
        print(f"{'case':<24}{'server':<11}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
        for name, urls in cases.items():
            rows = [("sitrep", load(urls, args.seconds, args.concurrency))]
            if name in peer_cases:
                rows.append(("datasette", load(peer_cases[name], args.seconds, args.concurrency)))
            for who, r in rows:
                print(
                    f"{name:<24}{who:<11}{r['requests']:>9,}{r['rps']:>9.0f}{r['p50']:>9.1f}{r['p99']:>9.1f}{r['errors']:>8}"
                )
        print(
            "datasette is the peer: a generic JSON view of the same SQLite file"
            " (no alias resolution, no aggregates)"
        )
    finally:
        for p in servers:
            p.terminate()
            p.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    import urllib.parse

    raise SystemExit(main())
