"""Events on real war news, scored by score.py's own matching: the dev gold, and our blind annotations.

Run: .venv/bin/python bench/bench_events_fresh.py [--set dev|fresh4] [--show]

`dev` is ../shared/eval/realnews/dev_gold/events.jsonl (in-sample: the rules were written from it).
`fresh4` is bench/data/events_fresh_gold.jsonl: the 10 corpus articles of positions set fresh4 (seed 808;
dev, every id under bench/data and copies excluded), annotated by reading under the gold's definition in
session 8 by an engineer who did not run sitrep on them. Its first run is a blind held-out estimate; the
runs after it are in-sample for whoever reads its misses. Articles come from corpus.jsonl at run time
(the gold file holds offsets and short labels only). Matching and figures are score.py's `score_events`
(trigger spans overlap, one to one; type, status and actor of those found), imported at run time.
The peer ("naive") is the usual first cut: every verb of sitrep's trigger lexicon is a `reported` event
of its lexicon type, with its nominal subject as actor.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
REALNEWS = ROOT.parent / "shared" / "eval" / "realnews"
FRESH = ROOT / "bench" / "data" / "events_fresh_gold.jsonl"
sys.path.insert(0, str(ROOT / "bench"))

from bench_positions_fresh import realnews_scorer  # noqa: E402  (score.py loaded the same way)


def fresh_gold(name: str) -> tuple[list[str], list[dict[str, Any]]]:
    """The document ids (in file order) and gold events of one annotated set."""
    ids: list[str] = []
    gold: list[dict[str, Any]] = []
    with FRESH.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("set") != name or "doc" not in row:  # the header line says what the set is
                continue
            gold.append(row)
            if row["doc"] not in ids:
                ids.append(row["doc"])
    return ids, gold


def naive(docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The peer's events: trigger-lexicon verbs, `reported`, nominal subject as actor."""
    import spacy

    from sitrep.components.events.lexicon import triggers
    from sitrep.pipeline import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL)
    lex = triggers()
    out: dict[str, dict[str, Any]] = {}
    for d in docs:
        events = []
        for tok in nlp(d["text"]):
            if tok.pos_ == "VERB" and tok.lemma_.lower() in lex:
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                span = [tok.idx, tok.idx + len(tok.text)]
                events.append(
                    {
                        "type": lex[tok.lemma_.lower()][0],
                        "trigger": {"text": tok.text, "span": span},
                        "actor": subj.text if subj is not None else None,
                        "status": "reported",
                    }
                )
        out[d["id"]] = {"events": events}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="dev", choices=["dev", "fresh4"])
    ap.add_argument("--show", action="store_true", help="list every miss and extra")
    args = ap.parse_args()
    if not (REALNEWS / "score.py").exists():
        print(f"events fresh bench: {REALNEWS} is absent; nothing to measure")
        return 0
    score = realnews_scorer()
    if args.set == "dev":
        docs = score.load(str(REALNEWS / "dev.jsonl"))
        gold = score.load(str(REALNEWS / "dev_gold" / "events.jsonl"))
    else:
        corpus = {d["id"]: d for d in score.load(str(REALNEWS / "corpus.jsonl"))}
        ids, gold = fresh_gold(args.set)
        docs = [corpus[i] for i in ids]
    print(f"events, set {args.set}: {len(docs)} articles, {len(gold)} gold events")
    print(f"  sitrep: {score.score_events(docs, gold, score.predict(docs), args.show)}")
    print(f"  naive:  {score.score_events(docs, gold, naive(docs), False)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
