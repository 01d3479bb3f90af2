"""Read throughput and latency of the HTTP JSON API under a bounded concurrent load on loopback.

Builds a store of N synthetic documents (default 10,000) through the real writer, starts
`sitrep serve` on it and, as the peer in the same run, Datasette on the same SQLite file (where
installed: the `bench` extra), then drives each endpoint from a separate client process with a fixed
number of concurrent connections for a fixed time. Prints requests/s, p50 and p99 latency, and the
server's CPU time per request.

Each case runs twice: **cold**, the first request for each of its distinct queries (nothing cached:
every answer is computed from SQLite), sent `--concurrency` at a time; then **warm**, the same
queries repeated for `--seconds`, as a running server sees them. The client is a separate process
on the same machine, so on a small machine it competes with the server for CPU.

    .venv/bin/python bench/bench_web.py [--docs 10000] [--seconds 8] [--concurrency 8] [--workers 1]

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
import urllib.parse
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
        secs = time.perf_counter() - t0
        refresh_cost(store)
    return secs


def refresh_cost(store: Store) -> None:
    """Print the CPU cost of rebuilding the stored estimate series: all of them, and one subject's."""
    from sitrep.aggregate.estimates_store import refresh_estimates

    c0 = time.process_time()
    n = refresh_estimates(store, force=True)
    full = time.process_time() - c0
    with store.transaction() as con:  # as after an ingest whose figures all fall in one series' month
        con.execute("INSERT INTO claims_dirty (key, bucket) SELECT key, bucket FROM claim_keys LIMIT 1")
    c0 = time.process_time()
    one = refresh_estimates(store)
    part = time.process_time() - c0
    figures = store.scalar("SELECT sum(figures) FROM estimate_series")
    print(
        f"estimate series refresh: all {n} series ({figures:,} figures) {full:.2f} s CPU; "
        f"one series' month ({one} key and month) {part:.2f} s CPU"
    )


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


class _Connection:
    """One keep-alive HTTP/1.1 connection: a minimal GET client (httpx costs the client ~3 ms of CPU per
    request, more than the server it measures; this costs a tenth of that)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, target: str) -> tuple[int, bytes]:
        """Status and body of `GET target` (reconnecting when the server closed the connection)."""
        for attempt in (0, 1):
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
            assert self.reader is not None
            try:
                self.writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode())
                head = await self.reader.readuntil(b"\r\n\r\n")
            except (ConnectionError, asyncio.IncompleteReadError):
                self.close()
                if attempt:
                    raise
                continue
            lines = head.decode("latin-1").split("\r\n")
            status = int(lines[0].split(" ", 2)[1])
            headers = {
                k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)
            }
            if headers.get("transfer-encoding", "").lower() == "chunked":
                body = b""
                while True:
                    size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                    body += await self.reader.readexactly(size + 2)
                    if size == 0:
                        break
            else:
                body = await self.reader.readexactly(int(headers.get("content-length", "0")))
            if headers.get("connection", "").lower() == "close":
                self.close()
            return status, body
        raise ConnectionError("no answer")

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def _drive(urls: list[str], seconds: float, concurrency: int) -> dict[str, float]:
    """`seconds` > 0: random picks from `urls` until time is up; 0: each URL once, in order."""
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds
    once = list(reversed(urls)) if seconds <= 0 else None
    cpu0 = time.process_time()
    first = urllib.parse.urlsplit(urls[0])
    targets = {u: urllib.parse.urlsplit(u)._replace(scheme="", netloc="").geturl() for u in urls}

    async def worker(seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        conn = _Connection(first.hostname or "127.0.0.1", first.port or 80)
        while once if once is not None else time.perf_counter() < stop:
            url = once.pop() if once is not None else rng.choice(urls)
            t0 = time.perf_counter()
            try:
                status, _body = await asyncio.wait_for(conn.get(targets[url]), 60)
                errors += status != 200
            except (OSError, ValueError, asyncio.TimeoutError, asyncio.IncompleteReadError):
                errors += 1
                conn.close()
            latencies.append(time.perf_counter() - t0)
        conn.close()

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
        "max": latencies[-1] * 1000 if n else float("nan"),
        "errors": errors,
        "client_cpu_ms": (time.process_time() - cpu0) * 1000 / max(n, 1),
    }


def _client(urls: list[str], seconds: float, concurrency: int, out: mp.Queue) -> None:
    out.put(asyncio.run(_drive(urls, seconds, concurrency)))


def _server_cpu(proc: subprocess.Popen | None) -> float:
    """CPU seconds used so far by a server process and its children (0 when psutil is missing)."""
    try:
        import psutil
    except ImportError:
        return 0.0
    if proc is None:
        return 0.0
    p = psutil.Process(proc.pid)
    return sum(sum(q.cpu_times()[:2]) for q in [p, *p.children(recursive=True)])


def run_client(
    urls: list[str], seconds: float, concurrency: int, server: subprocess.Popen
) -> dict[str, float]:
    """Drive `urls` from a separate process (so the client does not share the server's interpreter)."""
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=_client, args=(urls, seconds, concurrency, q))
    p.start()
    cpu0 = _server_cpu(server)
    res = q.get()
    p.join()
    res["server_cpu_ms"] = (_server_cpu(server) - cpu0) * 1000 / max(res["requests"], 1)
    return res


def cold(urls: list[str], concurrency: int, server: subprocess.Popen) -> dict[str, float]:
    """The first request for each distinct URL (nothing cached yet), `concurrency` at a time."""
    return run_client(urls, 0, concurrency, server)


def warm(urls: list[str], seconds: float, concurrency: int, server: subprocess.Popen) -> dict[str, float]:
    """`urls` picked at random for `seconds`, after each was requested once (steady state)."""
    for u in urls[:60]:
        urllib.request.urlopen(u, timeout=60).read()
    return run_client(urls, seconds, concurrency, server)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--seconds", type=float, default=8.0)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--workers", type=int, default=1, help="sitrep serve --workers")
    args = ap.parse_args()
    try:
        import fastapi  # noqa: F401
    except ImportError:
        print("bench_web: the 'web' extra is needed (./scripts/setup installs it)")
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
            [sys.executable, "-m", "sitrep.cli", "serve", "--db", str(db), "--port", str(port)]
            + (["--workers", str(args.workers)] if args.workers > 1 else []),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        servers.append(sitrep)
        base = f"http://127.0.0.1:{port}"
        wait_up(base + "/api/stats", sitrep)
        rng = random.Random(3)
        q = urllib.parse.quote
        docs = [f"bench{i:07d}" for i in rng.sample(range(args.docs), min(args.docs, 400))]
        words = ("Kherson", "Gaza", "troops", "refugees", "Bakhmut", "Khartoum", "civilians", "soldiers")
        # name: (warm URLs, cold URLs): the cold list holds the warm ones plus more distinct queries,
        # each requested once before the warm run (pages 1 and 2, more outcomes, more words)
        cases = {
            "statements by speaker": (
                [f"{base}/api/statements?speaker={q(s)}&limit=50" for s in SPEAKERS],
                [
                    f"{base}/api/statements?speaker={q(s)}&limit=50{page}"
                    for page in ("", "&offset=50")
                    for s in SPEAKERS
                ],
            ),
            "estimates by subject": (
                [f"{base}/api/estimates?subject={q(s)}" for s in SUBJECTS],
                [
                    f"{base}/api/estimates?subject={q(s)}{o}"
                    for o in ("", "&outcome=killed", "&outcome=wounded")
                    for s in SUBJECTS
                ],
            ),
            "one document": (
                [f"{base}/api/documents/{d}" for d in docs[:200]],
                [f"{base}/api/documents/{d}" for d in docs],
            ),
            "full-text search": (
                [f"{base}/api/search?q={w}" for w in words[:4]],
                [f"{base}/api/search?q={w}" for w in words],
            ),
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
                "one document": [f"{dbase}/documents.json?id={d}&_shape=array" for d in docs[:200]],
            }
        print(
            f"load: {args.concurrency} concurrent connections, client in its own process; cold = the first"
            f" request for each distinct query; warm = {args.seconds:.0f} s of repeats"
        )
        head = f"{'case':<23}{'server':<10}{'phase':<6}{'requests':>9}{'req/s':>7}{'p50 ms':>8}{'p99 ms':>8}"
        print(head + f"{'max ms':>8}{'errors':>7}{'srv cpu':>8}{'cli cpu':>8}  (cpu: ms per request)")
        results: dict[tuple[str, str], dict[str, float]] = {}
        for name, (urls, cold_urls) in cases.items():
            rows = [
                ("sitrep", "cold", cold(cold_urls, args.concurrency, sitrep)),
                ("sitrep", "warm", warm(urls, args.seconds, args.concurrency, sitrep)),
            ]
            if name in peer_cases:
                rows.append(("datasette", "warm", warm(peer_cases[name], args.seconds, args.concurrency, ds)))
            for who, phase, r in rows:
                if who == "sitrep":
                    results[(name, phase)] = r
                print(
                    f"{name:<23}{who:<10}{phase:<6}{r['requests']:>9,}{r['rps']:>7.0f}{r['p50']:>8.1f}"
                    f"{r['p99']:>8.1f}{r['max']:>8.1f}{r['errors']:>7}{r['server_cpu_ms']:>8.2f}{r['client_cpu_ms']:>8.2f}"
                )
        print(
            "datasette is the peer: a generic JSON view of the same SQLite file"
            " (no alias resolution, no aggregates, no wire-copy dedup)"
        )
        verdicts = []
        for name in ("statements by speaker", "estimates by subject"):
            for phase in ("warm", "cold"):
                r = results[(name, phase)]
                ok = r["rps"] >= 200 and r["p99"] < 100 and not r["errors"]
                verdicts.append(ok)
                print(
                    f"target {name}, {phase}: {r['rps']:.0f} req/s (>= 200), p99 {r['p99']:.1f} ms (< 100):"
                    f" {'met' if ok else 'NOT met'}"
                )
        print(
            "TARGET (issue 7: >= 200 req/s and p99 < 100 ms for estimate and statement queries,"
            f" cold and warm): {'MET' if all(verdicts) else 'NOT MET'}"
        )
    finally:
        for p in servers:
            p.terminate()
            p.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
