"""Batch extraction on Dask: single-process against LocalCluster with 1 and 2 workers, same corpus, one run.

    .venv/bin/python bench/bench_batch.py [--docs 2000] [--partition-size 100] [--corpus synthetic|news]

Modes, each timed after the model is loaded and warmed up (on clusters by the worker plugin; the
"startup" column is that one-off cost per process, not counted in docs/s):
  peer    `sitrep.extract_many` in this process on the first --peer-docs articles, results discarded
          (no Parquet): the ceiling;
  single  `run_batch` in this process (extraction + Parquet tables, no Dask);
  dask-1  `run_batch` on a LocalCluster of 1 worker process (1 thread);
  dask-2  the same with 2 worker processes.
Parallel efficiency = docs/s at 2 workers / (2 x docs/s of a reference): printed against `single`
and against `dask-1`. Peak memory is the highest RSS sampled (psutil, every 0.2 s) per process.
Targets: efficiency >= 0.8 at 2 workers; <= 1 GiB per worker. On a shared machine wall-clock
efficiency measures the neighbours too, so docs per CPU-second (user+system time of the processes
doing the work) is printed as well: it shows the Dask and Parquet overhead independent of load.
The corpus is the seeded synthetic
wire corpus (`synthetic`), or PolNeAR news from ../shared/eval cycled to --docs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # this checkout's sitrep first

sys.path.insert(0, str(Path(__file__).parent))

GIB = 1024**3


def sched_threads(pid: int) -> dict[str, tuple[float, float]]:
    """Per thread: seconds on a CPU and seconds runnable but waiting for one (Linux schedstat)."""
    out: dict[str, tuple[float, float]] = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as fh:
                run, wait, _ = (int(x) for x in fh.read().split())
        except (OSError, ValueError):
            continue
        out[tid] = (run / 1e9, wait / 1e9)
    return out


class RssSampler:
    """Samples the RSS of some processes in a thread and keeps each one's peak."""

    def __init__(self, pids: list[int], every: float = 0.2) -> None:
        self.procs = {pid: psutil.Process(pid) for pid in pids}
        self.peak = dict.fromkeys(pids, 0)
        self.every, self._stop = every, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for pid, proc in self.procs.items():
                try:
                    self.peak[pid] = max(self.peak[pid], proc.memory_info().rss)
                except psutil.Error:
                    pass
            self._stop.wait(self.every)

    def __enter__(self) -> RssSampler:
        self._run_once()
        self.cpu0 = self._cpu()
        self.sched0 = {pid: sched_threads(pid) for pid in self.procs}
        self.t0 = time.perf_counter()
        self._thread.start()
        return self

    def _cpu(self) -> float:
        total = 0.0
        for proc in self.procs.values():
            t = proc.cpu_times()
            total += t.user + t.system
        return total

    def _run_once(self) -> None:
        for pid, proc in self.procs.items():
            self.peak[pid] = max(self.peak[pid], proc.memory_info().rss)

    def __exit__(self, *exc: object) -> None:
        self.cpu = self._cpu() - self.cpu0  # CPU seconds the processes spent inside the block
        self.wall = time.perf_counter() - self.t0
        self.threads: dict[
            int, tuple[float, float]
        ] = {}  # pid -> (run, wait for a CPU) of its busiest thread inside the block
        for pid in self.procs:
            now, before = sched_threads(pid), self.sched0[pid]
            deltas = [
                (r - before.get(t, (0.0, 0.0))[0], w - before.get(t, (0.0, 0.0))[1])
                for t, (r, w) in now.items()
            ]
            if deltas:
                self.threads[pid] = max(deltas)
        self._stop.set()
        self._thread.join()
        self._run_once()


def corpus(kind: str, n: int) -> tuple[list[dict[str, Any]], str]:
    """`n` items and a description of them."""
    from synthetic import synthetic_corpus

    if kind == "news":
        from _corpus import news_corpus

        texts, where = news_corpus(n)
        return [{"text": t, "id": f"news-{i}"} for i, t in enumerate(texts)], where
    return synthetic_corpus(n), f"{n} synthetic wire articles (synthetic, seed 7)"


def run_peer(items: list[dict[str, Any]]) -> dict[str, Any]:
    import sitrep
    from sitrep.batch.run import worker_pipeline

    t0 = time.perf_counter()
    nlp = worker_pipeline()  # the same load + warm-up a worker does
    startup = time.perf_counter() - t0
    with RssSampler([os.getpid()]) as mem:
        t0 = time.perf_counter()
        n = sum(1 for _ in sitrep.extract_many(items, nlp=nlp))
        secs = time.perf_counter() - t0
    return {
        "docs": n,
        "seconds": secs,
        "peak_rss": list(mem.peak.values()),
        "cpu": mem.cpu,
        "startup": startup,
    }


def run_single(path: str, out: str, partition_size: int) -> dict[str, Any]:
    from sitrep.batch.run import run_batch

    with RssSampler([os.getpid()]) as mem:
        s = run_batch([path], out, partition_size=partition_size)
    return {
        "docs": s.documents,
        "failed": s.failed,
        "seconds": s.seconds,
        "peak_rss": list(mem.peak.values()),
        "cpu": mem.cpu,
        "work_threads": [(*mem.threads[os.getpid()], mem.wall)] if mem.threads else [],
    }


def run_cluster(workers: int, path: str, out: str, partition_size: int) -> dict[str, Any]:
    from distributed import Client

    from sitrep.batch.run import SitrepWorkerPlugin, local_cluster, run_batch

    with local_cluster(workers, silence_logs=40) as cluster, Client(cluster) as client:  # no dashboard
        t0 = time.perf_counter()
        client.register_plugin(SitrepWorkerPlugin())
        startup = time.perf_counter() - t0
        pids = list(client.run(os.getpid).values())
        with RssSampler([*pids, os.getpid()]) as mem:  # CPU includes this process: client and scheduler
            s = run_batch([path], out, client=client, partition_size=partition_size)
    return {
        "docs": s.documents,
        "failed": s.failed,
        "seconds": s.seconds,
        "peak_rss": [mem.peak[p] for p in pids],
        "cpu": mem.cpu,
        "startup": startup,
        "work_threads": [(*mem.threads[p], mem.wall) for p in pids if p in mem.threads],
    }


def thread_figures(r: dict[str, Any]) -> str:
    """Per worker process: its task thread's idle share and its share waiting for a CPU, of the wall time."""
    out = []
    for run, wait, wall in r.get("work_threads", []):
        idle = max(0.0, wall - run - wait) / wall
        out.append(f"{idle:.0%}/{wait / wall:.0%}")
    return ", ".join(out) or "-"


def run_mode(mode: str, args: argparse.Namespace) -> dict[str, Any]:
    """One mode's figures, in this process (so no mode inherits another's model, heap or threads)."""
    if mode == "peer":
        items, _ = corpus(args.corpus, args.docs)
        return run_peer(items[: args.peer_docs])
    if mode == "single":
        from sitrep.batch.run import worker_pipeline

        worker_pipeline()  # load and warm the model first, as the workers' plugin does (not timed)
        return run_single(args.path, args.out, args.partition_size)
    return run_cluster(int(mode.split("-")[1]), args.path, args.out, args.partition_size)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--partition-size", type=int, default=100)
    ap.add_argument("--corpus", choices=("synthetic", "news"), default="synthetic")
    ap.add_argument("--peer-docs", type=int, default=500, help="documents for the peer (its docs/s only)")
    ap.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    ap.add_argument("--mode", help=argparse.SUPPRESS)  # internal: run one mode, print its figures as JSON
    ap.add_argument("--path", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args)))
        return
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("bench_batch: the dask extra is not installed (pip install 'sitrep[dask]'); nothing to measure")
        return
    from sitrep.batch.partitions import write_jsonl

    items, where = corpus(args.corpus, args.docs)
    chars = sum(len(it["text"]) for it in items)
    tmp = Path(tempfile.mkdtemp(prefix="sitrep-bench-batch-"))
    try:
        path = str(tmp / "corpus.jsonl")
        write_jsonl(items, path)
        load0 = os.getloadavg()
        print(f"corpus: {where}; {chars / len(items):.0f} chars/article; partitions of {args.partition_size}")
        print(f"machine: {os.cpu_count()} cores, load average {load0[0]:.1f} at start (shared machine)")
        results: dict[str, dict[str, Any]] = {}
        for mode in ("peer", "single", "dask-1", "dask-2"):  # each in a fresh process of its own
            cmd = [sys.executable, __file__, "--mode", mode, "--path", path]
            cmd += ["--out", str(tmp / f"out-{mode}")]
            cmd += ["--docs", str(args.docs), "--partition-size", str(args.partition_size)]
            cmd += ["--corpus", args.corpus, "--peer-docs", str(args.peer_docs)]
            done = subprocess.run(cmd, check=True, capture_output=True, text=True)
            results[mode] = json.loads(done.stdout.strip().splitlines()[-1])
        load1 = os.getloadavg()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(
        f"{'mode':<8} {'docs':>6} {'seconds':>8} {'docs/s':>8} {'kchars/s':>9} {'CPU s':>7} "
        f"{'docs/CPU-s':>10} {'cores':>5} "
        f"{'startup s':>9} {'peak RSS per process (MiB)':>28}  {'idle/CPU-wait per worker':>24}"
    )
    for mode, r in results.items():
        r["docs_per_s"] = r["docs"] / r["seconds"]
        r["kchars_per_s"] = chars * r["docs"] / len(items) / r["seconds"] / 1000
        rss = ", ".join(f"{b / 2**20:.0f}" for b in r["peak_rss"])
        startup = f"{r['startup']:.1f}" if "startup" in r else "-"
        r["docs_per_cpu_s"] = r["docs"] / r["cpu"] if r["cpu"] else 0.0
        r["cores"] = r["cpu"] / r["seconds"]  # CPUs the mode obtained on average: 1 and 2 on a quiet machine
        print(
            f"{mode:<8} {r['docs']:>6} {r['seconds']:>8.1f} {r['docs_per_s']:>8.1f} "
            f"{r['kchars_per_s']:>9.1f} "
            f"{r['cpu']:>7.1f} {r['docs_per_cpu_s']:>10.1f} {r['cores']:>5.2f} {startup:>9} {rss:>28}  "
            f"{thread_figures(r):>24}"
        )
    d1, d2, single = (results[m]["docs_per_s"] for m in ("dask-1", "dask-2", "single"))
    eff_single, eff_d1 = d2 / (2 * single), d2 / (2 * d1)
    worst = max(max(results[m]["peak_rss"]) for m in ("dask-1", "dask-2"))
    print(
        f"parallel efficiency at 2 workers: {eff_single:.2f} vs single-process, {eff_d1:.2f} vs 1 worker "
        f"(target >= 0.80: {'met' if min(eff_single, eff_d1) >= 0.8 else 'NOT met'})"
    )
    cpu_eff = results["dask-2"]["docs_per_cpu_s"] / results["single"]["docs_per_cpu_s"]
    print(
        "CPU efficiency of 2 workers (docs per CPU-second vs single-process; load-independent): "
        f"{cpu_eff:.2f}"
    )
    threads = results["dask-2"].get("work_threads", [])
    if threads:
        idle = sum(max(0.0, wall - run - wait) for run, wait, wall in threads) / sum(t[2] for t in threads)
        wait = sum(t[1] for t in threads) / sum(t[2] for t in threads)
        print(
            f"2 workers' task threads: idle {idle:.0%} of wall time (no task, waiting on the GIL or I/O), "
            f"waiting for a CPU {wait:.0%} (other processes had it: ~0% on a quiet machine)"
        )
        print(
            f"expected wall-clock efficiency on a quiet machine (CPU efficiency x busy share): "
            f"{cpu_eff * (1 - idle):.2f}"
        )
    cores = results["dask-2"]["cores"] / results["single"]["cores"]
    print(
        f"CPUs obtained, 2 workers against single-process: {cores:.2f}x (2x on a quiet machine; near 1x when "
        "other sessions saturate the cores: Linux's autogroup scheduler shares CPU per session, not process)"
    )
    print(
        f"peak memory per worker: {worst / 2**20:.0f} MiB "
        f"(target <= 1024 MiB: {'met' if worst <= GIB else 'NOT met'})"
    )
    print(
        f"peer sitrep.extract_many (no Parquet, this process): {results['peer']['docs_per_s']:.1f} docs/s; "
        f"batch overhead in-process: {1 - single / results['peer']['docs_per_s']:.0%}"
    )
    print(
        f"load average at end: {load1[0]:.1f} "
        f"(2 workers on {os.cpu_count()} shared cores: contention lowers wall-clock efficiency)"
    )
    if args.json:
        print(
            json.dumps(
                {
                    "docs": args.docs,
                    "chars_per_doc": chars / len(items),
                    "efficiency_vs_single": eff_single,
                    "efficiency_vs_dask1": eff_d1,
                    "peak_worker_rss": worst,
                    "load": [load0, load1],
                    **{m: {k: v for k, v in r.items()} for m, r in results.items()},
                }
            )
        )


if __name__ == "__main__":
    main()
