"""Benchmark corpora: real news from ../shared/eval where present, else our bundled examples."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "articles"


def news_corpus(n: int) -> tuple[list[str], str]:
    """`n` news texts and a description of where they come from."""
    texts: list[str] = []
    polnear = SHARED / "eval" / "polnear"
    for name in ("train.jsonl", "dev.jsonl"):
        path = polnear / name
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    if len(texts) >= n:
        return texts[:n], f"{n} PolNeAR news articles (../shared/eval/polnear)"
    base = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    if not base:
        raise SystemExit("no corpus: neither ../shared/eval/polnear nor examples/articles is present")
    texts = [base[i % len(base)] for i in range(n)]
    return texts, f"{n} texts cycled from {len(base)} bundled example articles (../shared absent)"
