"""Fuzz the extractor: many generated texts through `sitrep.extract_many`, counting crashes, invalid spans,
the slowest input and peak memory (issue 16's probe, kept).

    .venv/bin/python bench/bench_fuzz.py [--n 100000] [--workers 2] [--seed 16] [--max-chars 100000]
    .venv/bin/python bench/bench_fuzz.py --only 97375,39743 [--repeat 3]   # re-time inputs by index

Inputs (deterministic per seed and index): real-news-like mutations (slices of our example and fixture
articles, and of ../shared/eval/realnews when present, with characters inserted, deleted, duplicated,
quote marks flipped, huge numerals, lone surrogates, control and bidi characters, sentences repeated),
random Unicode (any code point, surrogates included), pathological runs (quote marks, brackets, emoji,
digits, spaces, line breaks, "He said" repeated; up to --max-chars), and edge cases (blank, one
character). Most are short (median a few hundred characters); one in about 400 is long (10,000 to
--max-chars characters).

Short inputs go through `extract_many` (with `on_error`) in batches; a batch slower than the threshold
is rerun one text at a time to find the slow one. Long inputs are extracted one at a time and timed.
A crash is any exception out of `extract_many` or an `InputError` caused by the pipeline failing
("extraction failed"); refusals (empty text) are counted apart. A span is invalid unless
0 <= start <= end <= len(text) and text[start:end] == surface, for every item of every report (text
as cleaned at the door: lone surrogates become U+FFFD one for one). Peak memory is the largest
resident set of a worker process. Times are wall and CPU seconds of the worker (CPU is what the text
cost; wall also counts other work on a shared machine).
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import random
import resource
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # this checkout's sitrep first

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SLOW = 5.0  # seconds: the issue's bar for any input under 100,000 characters

QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb`\u201e"
MARKS = QUOTES + "()[]{}<>.,;:!?-\u2013\u2014/\\|@#$%^&*_+=~"
SPECIAL = [
    "\ud800",
    "\udfff",
    "\ud83d",
    "\u200f",
    "\u202e",
    "\u2066",
    "\u200b",
    "\ufeff",
    "\x00",
    "\x1b",
    "\u0301",
    "\u05d0",
    "\u0627",
    "\U0001f600",
    "\U0001f1fa\U0001f1e6",
    "\ufffd",
    "\u2028",
    "\u3000",
    "\xa0",
    "\t",
    "\r",
]


def _corpus() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "articles").glob("*.txt"))]
    texts += [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))
    ]
    real = EVAL / "realnews" / "corpus.jsonl"
    if real.is_file():
        with real.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    texts.append(json.loads(line)["text"])
    return [t for t in texts if t.strip()]


def _size(rng: random.Random, max_chars: int) -> int:
    if rng.random() < 1 / 400:
        return min(max_chars, int(10 ** rng.uniform(4, max(4.0, math.log10(max_chars)))))
    return min(max_chars, int(10 ** rng.uniform(0, 3.3)))


def _random_unicode(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.5:
            out.append(chr(rng.randint(32, 126)))
        elif r < 0.6:
            out.append(" ")
        elif r < 0.7:
            out.append(rng.choice(SPECIAL))
        elif r < 0.8:
            out.append(rng.choice(MARKS))
        else:
            out.append(chr(rng.randint(0, 0x10FFFF)))
    return "".join(out)[: max(n, 1)]


def _run(rng: random.Random, n: int) -> str:
    kind = rng.random()
    if kind < 0.5:
        unit = rng.choice(list(QUOTES + "()[]-.,!?#*\U0001f600\u05d0 \n") + ["0", "9", "a", "\u200f"])
        return unit * max(1, n // len(unit))
    if kind < 0.8:
        unit = rng.choice(
            [
                '"a" ',
                "' ",
                "He said ",
                "Officials said ",
                "one two three thousand million ",
                "123,",
                "(AP) \u2014 ",
                "40,000 killed ",
                '"We will," he said. ',
                "\u201c",
                "a\u0301",
                "http://x.y/",
            ]
        )
        return (unit * (n // len(unit) + 1))[:n]
    units = [rng.choice(MARKS) * rng.randint(1, 50) for _ in range(20)]
    return "".join(rng.choice(units) for _ in range(max(1, n // 25)))[:n]


def _mutate(rng: random.Random, text: str, n: int) -> str:
    start = rng.randrange(0, max(1, len(text) - 1))
    piece = text[start : start + n]
    if len(piece) < n and rng.random() < 0.5:
        piece = (piece + "\n\n") * (n // max(1, len(piece) + 2) + 1)
        piece = piece[:n]
    chars = list(piece)
    for _ in range(rng.randint(0, 8)):
        op = rng.random()
        i = rng.randrange(0, len(chars) + 1)
        if op < 0.25:
            chars[i:i] = list(rng.choice(SPECIAL + list(MARKS)))
        elif op < 0.4 and chars:
            del chars[i : i + rng.randint(1, 20)]
        elif op < 0.55:
            chars[i:i] = list(str(rng.choice([10**15 + 1, 2**64, 10**308])) + "9" * rng.randint(0, 400))
        elif op < 0.7 and chars:
            seg = chars[i : i + rng.randint(1, 200)]
            chars[i:i] = seg * rng.randint(1, 30)
        elif op < 0.85:
            chars = [rng.choice(QUOTES) if c in QUOTES and rng.random() < 0.5 else c for c in chars]
        else:
            chars[i:i] = list(_random_unicode(rng, rng.randint(1, 40)))
    return "".join(chars)


def generate(seed: int, i: int, corpus: list[str], max_chars: int) -> tuple[str, str]:
    """(generator name, text) of input `i`."""
    rng = random.Random(seed * 1_000_003 + i)
    n = _size(rng, max_chars)
    r = rng.random()
    if r < 0.45:
        kind, text = "news", _mutate(rng, rng.choice(corpus), n)
    elif r < 0.65:
        kind, text = "unicode", _random_unicode(rng, n)
    elif r < 0.80:
        kind, text = "run", _run(rng, n)
    elif r < 0.90:
        kind, text = "mixed", _mutate(rng, rng.choice(corpus), n // 2) + _run(rng, n // 2)
    else:
        kind, text = (
            "edge",
            rng.choice(["", " ", "\n\n", "a", ".", '"', "\ud800", "0" * n, " " * n, "\x00" * 3]),
        )
    return kind, text[:max_chars]


def bad_spans(text: str, report: Any) -> int:
    """The number of (span, surface) pairs of a report that do not index `text`."""
    bad = 0
    stack: list[Any] = [report.to_dict()]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            span = node.get("span")
            if span is not None and isinstance(node.get("text"), str):
                s, e = span
                if not (0 <= s <= e <= len(text)) or text[s:e] != node["text"]:
                    bad += 1
            elif span is not None:
                s, e = span
                bad += not (0 <= s <= e <= len(text))
            for s, e in node.get("condition_spans") or []:
                bad += not (0 <= s <= e <= len(text))
            stack.extend(v for v in node.values() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            stack.extend(v for v in node if isinstance(v, (dict, list)))
    return bad


def _tally() -> dict[str, Any]:
    """The counters a shard keeps and the whole run adds up."""
    return {
        "inputs": 0,
        "chars": 0,
        "reports": 0,
        "refused": 0,
        "crashes": [],
        "bad_spans": [],
        "slowest": [],
    }


def _worker(args: tuple[int, int, int, int, int, int]) -> dict[str, Any]:
    """Run inputs first..last-1 (every `step`-th from `first`): the figures of this share."""
    seed, first, last, step, max_chars, batch_size = args
    import os

    import sitrep
    from sitrep.ingest.pipeline import _die_with_parent

    _die_with_parent(os.getppid())  # a stopped bench leaves no worker behind
    from sitrep.errors import InputError
    from sitrep.text import clean_text

    nlp = sitrep.load_pipeline()
    list(sitrep.extract_many(["Kyiv (AP) \u2014 He said 40,000 died on Monday."], nlp=nlp))
    corpus = _corpus()
    out = _tally()

    def timed_one(kind: str, text: str, i: int) -> None:
        w0, c0 = time.perf_counter(), time.process_time()
        errs: list[InputError] = []
        try:
            reports = list(sitrep.extract_many([text], nlp=nlp, on_error=lambda _j, e: errs.append(e)))
        except Exception as exc:  # noqa: BLE001 - counted as a crash
            reports, errs = [], []
            out["crashes"].append(
                {"i": i, "kind": kind, "chars": len(text), "error": f"{type(exc).__name__}: {exc}"[:300]}
            )
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        out["slowest"].append({"i": i, "kind": kind, "chars": len(text), "wall": wall, "cpu": cpu})
        out["slowest"] = sorted(out["slowest"], key=lambda s: -s["cpu"])[:10]
        settle(kind, text, i, reports, errs)

    def settle(kind: str, text: str, i: int, reports: list[Any], errs: list[Any]) -> None:
        for e in errs:
            if e.__cause__ is not None:
                out["crashes"].append({"i": i, "kind": kind, "chars": len(text), "error": str(e)[:300]})
            else:
                out["refused"] += 1
        for r in reports:
            out["reports"] += 1
            n = bad_spans(clean_text(text), r)
            if n:
                out["bad_spans"].append({"i": i, "kind": kind, "chars": len(text), "bad": n})

    batch: list[tuple[int, str, str]] = []

    def flush() -> None:
        if not batch:
            return
        w0, c0 = time.perf_counter(), time.process_time()
        errs: dict[int, Any] = {}
        try:
            reports = list(
                sitrep.extract_many(
                    [t for _i, _k, t in batch],
                    nlp=nlp,
                    batch_size=batch_size,
                    on_error=lambda j, e: errs.__setitem__(j, e),
                )
            )
        except Exception:  # noqa: BLE001 - find the input: one at a time
            for i, kind, text in batch:
                timed_one(kind, text, i)
            batch.clear()
            return
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        if cpu > SLOW or wall > 4 * SLOW:  # some input of this batch may be slow: time each alone
            for i, kind, text in batch:
                timed_one(kind, text, i)
            batch.clear()
            return
        it = iter(reports)
        for j, (i, kind, text) in enumerate(batch):
            settle(kind, text, i, [] if j in errs else [next(it)], [errs[j]] if j in errs else [])
        biggest = max(batch, key=lambda b: len(b[2]))
        out["slowest"].append(
            {
                "i": biggest[0],
                "kind": biggest[1],
                "chars": len(biggest[2]),
                "wall": wall,
                "cpu": cpu,
                "batch": len(batch),
            }
        )
        out["slowest"] = sorted(out["slowest"], key=lambda s: -s["cpu"])[:10]
        batch.clear()

    for i in range(first, last, step):
        kind, text = generate(seed, i, corpus, max_chars)
        out["inputs"] += 1
        out["chars"] += len(text)
        if len(text) > 2000:
            flush()
            timed_one(kind, text, i)
        else:
            batch.append((i, kind, text))
            if len(batch) >= batch_size:
                flush()
    flush()
    out["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def issue_cases() -> dict[str, str]:
    """The inputs issue 16 names, at the sizes it names (and the worst we found), by name."""
    news = "\n\n".join(_corpus()[:5])
    return {
        "19,000 quote marks": "'" * 19_000,
        "40,000 quote marks": "'" * 40_000,
        "40,000 double quotes": '"' * 40_000,
        "100,000 emoji": "\U0001f600" * 100_000,
        "one 100,000-character token": "a" * 100_000,
        "100,000 digits": "7" * 100_000,
        "'123,' x 25,000": "123," * 25_000,
        "'He said ' x 12,500": "He said " * 12_500,
        "'Officials said ' x 6,666": "Officials said " * 6_666,
        "number words x 3,225": "one two three thousand million " * 3_225,
        "100,000 random control characters": "".join(
            chr(random.Random(i).randint(0, 31)) for i in range(100_000)
        ),
        "RTL and bidi marks": "\u05d0\u05d1 \u200f" * 20_000,
        "a 309-digit figure": "Officials said " + "9" * 309 + " soldiers were killed.",
        "lone surrogates": "Kyiv said \ud800 it would \udfff hold." * 100,
        "news, 100,000 characters": (news * (100_000 // len(news) + 1))[:100_000],
        "news, 990,000 characters": (news * (990_000 // len(news) + 1))[:990_000],
    }


def run_cases() -> None:
    """Each named case alone: characters, CPU and wall seconds, items found, spans checked."""
    import sitrep
    from sitrep.text import clean_text

    nlp = sitrep.load_pipeline()
    list(sitrep.extract_many(["Kyiv (AP) \u2014 He said 40,000 died on Monday."], nlp=nlp))
    for name, text in issue_cases().items():
        w0, c0 = time.perf_counter(), time.process_time()
        try:
            r = sitrep.extract(text, nlp=nlp)
            bad = bad_spans(clean_text(text), r)
            got = f"{len(r.statements)} statements, {len(r.quantities)} figures, {bad} bad spans"
        except Exception as exc:  # noqa: BLE001 - printed
            got = f"{type(exc).__name__}: {exc}"
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        took = f"{cpu:7.2f} s CPU {wall:7.2f} s wall"
        print(f"  {name:36s} {len(text):>9,} chars {took}  {got}  (peak {rss:,.0f} MiB)", flush=True)


def retime(seed: int, max_chars: int, only: list[int], repeat: int) -> None:
    """Inputs by index, each extracted `repeat` times on its own (as the run times a long input): the
    run's slowest re-timed when the machine is quiet, since CPU time grows under a heavy shared load."""
    import sitrep

    nlp = sitrep.load_pipeline()
    list(sitrep.extract_many(["Kyiv (AP) \u2014 He said 40,000 died on Monday."], nlp=nlp))
    corpus = _corpus()
    for i in only:
        kind, text = generate(seed, i, corpus, max_chars)
        cpus = []
        for _ in range(repeat):
            c0 = time.process_time()
            list(sitrep.extract_many([text], nlp=nlp, on_error=lambda _j, _e: None))
            cpus.append(time.process_time() - c0)
        print(f"  #{i} {kind} {len(text):,} chars: CPU s " + ", ".join(f"{c:.2f}" for c in cpus), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--max-chars", type=int, default=100_000)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--shards", type=int, default=0, help="split the run into this many pieces (progress)")
    ap.add_argument("--cases", action="store_true", help="only the inputs issue 16 names, one at a time")
    ap.add_argument("--only", default="", help="re-time these input indexes (comma-separated), one at a time")
    ap.add_argument("--repeat", type=int, default=3, help="with --only: extractions per input")
    args = ap.parse_args()
    if args.only:
        retime(args.seed, args.max_chars, [int(x) for x in args.only.split(",")], args.repeat)
        return
    if args.cases:
        run_cases()
        return
    shards = max(args.shards, args.workers)
    jobs = [(args.seed, k, args.n, shards, args.max_chars, args.batch_size) for k in range(shards)]
    t0 = time.perf_counter()
    total = {**_tally(), "peak_rss_mib": 0.0}
    ctx = mp.get_context("spawn")
    with ctx.Pool(args.workers, maxtasksperchild=1) as pool:
        for part in pool.imap_unordered(_worker, jobs):
            for key in ("inputs", "chars", "reports", "refused"):
                total[key] += part[key]
            total["crashes"] += part["crashes"]
            total["bad_spans"] += part["bad_spans"]
            total["slowest"] = sorted(total["slowest"] + part["slowest"], key=lambda s: -s["cpu"])[:10]
            total["peak_rss_mib"] = max(total["peak_rss_mib"], part["peak_rss_mib"])
            elapsed = time.perf_counter() - t0
            top = total["slowest"][0] if total["slowest"] else {"cpu": 0.0, "wall": 0.0, "chars": 0}
            print(
                f"  ... {total['inputs']:,} inputs in {elapsed:,.0f} s ({total['inputs'] / elapsed:.1f}/s), "
                f"{len(total['crashes'])} crashes, {len(total['bad_spans'])} with invalid spans, "
                f"slowest {top['chars']:,} chars {top['cpu']:.2f} s CPU ({top['wall']:.2f} s wall), "
                f"peak {total['peak_rss_mib']:,.0f} MiB",
                flush=True,
            )
            for c in part["crashes"][:3]:
                print(f"      crash #{c['i']} {c['kind']} {c['chars']:,} chars: {c['error']}", flush=True)
            for b in part["bad_spans"][:3]:
                print(
                    f"      invalid spans #{b['i']} {b['kind']} {b['chars']:,} chars: {b['bad']}", flush=True
                )
    elapsed = time.perf_counter() - t0
    print(
        f"sitrep fuzz: {total['inputs']:,} inputs ({total['chars']:,} characters) in {elapsed:,.0f} s "
        f"with {args.workers} worker(s): {total['inputs'] / elapsed:.1f} inputs/s"
    )
    print(f"  reports {total['reports']:,}, refused {total['refused']:,} (blank text)")
    print(f"  crashes {len(total['crashes'])}")
    for c in total["crashes"][:10]:
        print(f"    #{c['i']} {c['kind']} {c['chars']:,} chars: {c['error']}")
    print(f"  inputs with invalid spans {len(total['bad_spans'])}")
    for b in total["bad_spans"][:10]:
        print(f"    #{b['i']} {b['kind']} {b['chars']:,} chars: {b['bad']} spans")
    print("  slowest (one input, or the batch it was in):")
    for s in total["slowest"][:5]:
        where = f" (batch of {s['batch']}, longest shown)" if s.get("batch") else ""
        took = f"{s['cpu']:.2f} s CPU, {s['wall']:.2f} s wall"
        print(f"    #{s['i']} {s['kind']} {s['chars']:,} chars: {took}{where}")
    over = [s for s in total["slowest"] if s["cpu"] > SLOW and not s.get("batch")]
    print(f"  inputs over {SLOW:.0f} s CPU: {len(over)}")
    print(f"  peak memory (largest worker RSS): {total['peak_rss_mib']:,.0f} MiB")
    sys.exit(1 if total["crashes"] or total["bad_spans"] else 0)


if __name__ == "__main__":
    main()
