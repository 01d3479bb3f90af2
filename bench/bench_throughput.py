"""Throughput and peak memory of sitrep against bare spaCy on the same model and texts.

    .venv/bin/python bench/bench_throughput.py [--docs 500] [--batch-size 32]

Each mode runs in a fresh process (so peak RSS is its own), after loading the model and one
warm-up batch: `bare` is `nlp.pipe` of the base model alone; `sitrep` is `sitrep.extract_many`
(the base model plus every sitrep component, and the report building); `sitrep-single` is
`sitrep.extract` one document at a time. Target: sitrep >= 0.75 of bare spaCy's docs/s.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # this checkout's sitrep first

sys.path.insert(0, str(Path(__file__).parent))
from _corpus import news_corpus  # noqa: E402

MODES = ("bare", "sitrep", "sitrep-single")


def run_mode(mode: str, n: int, batch_size: int) -> dict[str, float]:
    import sitrep
    from sitrep.pipeline import DEFAULT_MODEL

    texts, _ = news_corpus(n)
    if mode == "bare":
        import spacy

        nlp = spacy.load(DEFAULT_MODEL)
        list(nlp.pipe(texts[:20], batch_size=batch_size))
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
    else:
        nlp = sitrep.load_pipeline()
        list(sitrep.extract_many(texts[:20], nlp=nlp, batch_size=batch_size))
        t0 = time.perf_counter()
        if mode == "sitrep":
            for _ in sitrep.extract_many(texts, nlp=nlp, batch_size=batch_size):
                pass
        else:
            for t in texts:
                sitrep.extract(t, nlp=nlp)
    seconds = time.perf_counter() - t0
    words = sum(len(t.split()) for t in texts)
    return {
        "seconds": seconds,
        "docs_per_s": n / seconds,
        "words_per_s": words / seconds,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.docs, args.batch_size)))
        return 0
    _, where = news_corpus(args.docs)
    print(f"corpus: {where}")
    results = {}
    for mode in MODES:
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--mode",
                mode,
                "--docs",
                str(args.docs),
                "--batch-size",
                str(args.batch_size),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        results[mode] = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"{'mode':<15}{'docs/s':>10}{'words/s':>12}{'seconds':>10}{'peak RSS MiB':>14}")
    for mode, r in results.items():
        print(
            f"{mode:<15}{r['docs_per_s']:>10.1f}{r['words_per_s']:>12.0f}{r['seconds']:>10.1f}"
            f"{r['peak_rss_mib']:>14.0f}"
        )
    ratio = results["sitrep"]["docs_per_s"] / results["bare"]["docs_per_s"]
    print(f"sitrep / bare spaCy throughput (nlp.pipe): {ratio:.2f}  (target >= 0.75)")
    print(f"reproduce: .venv/bin/python bench/bench_throughput.py --docs {args.docs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
