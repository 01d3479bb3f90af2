"""Statements on real war news, judged by hand: sitrep vs textacy on 65 articles of the unlabelled corpus.

Usage: .venv/bin/python bench/bench_statements_judged.py [--show] [--round N|s6-fresh]

bench/data/statements_judged.jsonl holds our judgements of every statement sitrep gave for articles
drawn at random from ../shared/eval/realnews/corpus.jsonl, excluding the dev articles, in rounds:
round 1 (2026-12-05, issue 15): 30 articles, seed 15015; round 2 (same day, second engineer): 20 more,
seed 15016, excluding round 1 and word-for-word copies, judged on the output of commit c6c1967 before
any change of that round (so round 2's first figure is out of sample); round 3 (session 5): 15 more,
seed 15017, excluding dev, rounds 1-2 and copies, judged on commit 7f33400's output before any change
of that round (out of sample: precision 0.823, speaker 0.863); round "s6-fresh" (session 6): 10 more,
seed 15018, same exclusions, judged on commit fc529f7's output, with every statement the article makes
that sitrep missed (verdict "missed"; beliefs, passives, link teasers and negated speech are not listed),
so that round also gives recall; round "s7-fresh" (session 7): 10 more the same way, seed 15019,
articles of at least 1,400 characters (as every dev article), every id under bench/data excluded,
judged on commit 97c2eed's output (out of sample: precision 0.772, speaker 0.893, recall 0.917); its
judgements also say whether the content span is whole ("content": ok) or cut short or overlong
(partial); round "s8-fresh" (session 8): 8 more, seed 8080, texts over 300 characters, the same exclusions
and the first 30 ids of seeds 808 and 8008 (other engineers' rounds), judged on commit 9a46b8c's output
(out of sample: precision 0.908, speaker 0.684, recall 0.868). A line with "docs" lists one
round's documents ("round" absent means 1); every judgement carries its round the same way.
Each judgement gives the content span,
whether the text really attributes a statement there (a claim, quote, belief, intention or finding
with a holder, as the realnews gold defines statements, beliefs included: "statement"; else "none"),
and, for statements, who made it (`true_speaker`; "A|B" where a name and a description both name
the speaker, as "William Burns|head of the CI"). Only precision can be read from it: statements
sitrep never gave were not annotated.

Prints, per system: predictions, how many meet a judged item (content overlapping by half of the
shorter span, one-to-one), precision (judged "statement" among those), and for sitrep the speaker
right (the name shares a word with the true speaker) among those. Predictions no judgement covers
(output changed since) are counted apart. Exits 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # this checkout's sitrep first

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "eval" / "realnews" / "corpus.jsonl"
JUDGED = ROOT / "bench" / "data" / "statements_judged.jsonl"
STOP = {
    "the",
    "a",
    "an",
    "of",
    "mr",
    "mrs",
    "ms",
    "dr",
    "s",
    "and",
    "in",
    "on",
    "for",
    "to",
    "said",
    "he",
    "she",
}


def _words(s: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (s or "").lower()) if w not in STOP and len(w) > 1}


def _match(pred: list[tuple[int, int]], judged: list[tuple[int, int]]) -> dict[int, int]:
    """Prediction index -> judged index, one-to-one, greedy by shared characters (half the shorter)."""
    pairs = []
    for i, (a, b) in enumerate(pred):
        for j, (c, d) in enumerate(judged):
            inter = min(b, d) - max(a, c)
            if inter > 0 and inter >= 0.5 * min(b - a, d - c):
                pairs.append((inter, i, j))
    out: dict[int, int] = {}
    used: set[int] = set()
    for _inter, i, j in sorted(pairs, reverse=True):
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def _sitrep(docs: list[dict[str, Any]]) -> dict[str, list[tuple[tuple[int, int], str]]]:
    import sitrep

    out = {}
    for d in docs:
        rep = sitrep.extract(d["text"], published=d["published"])
        out[d["id"]] = [(st.content.span, st.speaker.name if st.speaker else "") for st in rep.statements]
    return out


def _textacy(docs: list[dict[str, Any]]) -> dict[str, list[tuple[tuple[int, int], str]]] | None:
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    import sitrep

    nlp = sitrep.load_pipeline()
    out = {}
    for d in docs:
        doc = nlp.make_doc(d["text"])
        for _name, proc in nlp.pipeline[:6]:  # the base model's tagger, parser, NER; no sitrep components
            doc = proc(doc)
        try:
            quotes = list(direct_quotations(doc))
        except ValueError:  # textacy gives up on an odd number of quote marks
            quotes = []
        out[d["id"]] = [
            (
                (q.content[0].idx, q.content[-1].idx + len(q.content[-1].text)),
                " ".join(t.text for t in q.speaker),
            )
            for q in quotes
        ]
    return out


def _score(
    name: str, pred: dict[str, list[tuple[tuple[int, int], str]]], judged: list[dict[str, Any]], show: bool
) -> None:
    n = met = real = spk_ok = spk_n = missed = 0
    for doc, items in pred.items():
        missed += sum(1 for j in judged if j["doc"] == doc and j["verdict"] == "missed")
        rows = [j for j in judged if j["doc"] == doc and j["verdict"] != "missed"]
        m = _match([s for s, _n in items], [tuple(j["span"]) for j in rows])
        n += len(items)
        for i, j in m.items():
            met += 1
            row = rows[j]
            if row["verdict"] != "statement":
                if show:
                    print(f"  {name} none {doc[:24]} {items[i][0]}")
                continue
            real += 1
            spk_n += 1
            ok = any(_words(items[i][1]) & _words(alt) for alt in row["true_speaker"].split("|"))
            spk_ok += ok
            if show and not ok:
                print(f"  {name} speaker {doc[:24]} got {items[i][1]!r}, judged {row['true_speaker']!r}")
    prec = real / met if met else 0.0
    spk = spk_ok / spk_n if spk_n else 0.0
    counts = f"predicted {n:4d}  judged {met:4d}  unjudged {n - met:4d}"
    recall = f"  recall {real / (real + missed):.3f} ({missed} missed)" if missed and name == "sitrep" else ""
    print(f"{name:10s} {counts}  precision {prec:.3f}  speaker {spk:.3f}{recall}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print every wrong item")
    ap.add_argument(
        "--round", default="", help="score one round only, as 2 or s6-fresh (default: each, then all)"
    )
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"bench_statements_judged: {CORPUS} is absent (no ../shared here); nothing to do.")
        return 0
    lines = [json.loads(ln) for ln in JUDGED.read_text(encoding="utf-8").splitlines() if ln.strip()]
    rounds = {str(ln.get("round", 1)): ln["docs"] for ln in lines if "docs" in ln}
    judged = [ln for ln in lines if "docs" not in ln]
    wanted = {i for ids in rounds.values() for i in ids}
    docs = [d for d in (json.loads(ln) for ln in CORPUS.open(encoding="utf-8")) if d["id"] in wanted]
    print(f"statements judged by hand: {len(judged)} items in {len(docs)} articles of the unlabelled corpus")
    systems = [("sitrep", _sitrep(docs))]
    peer = _textacy(docs)
    if peer is None:
        print("textacy    not installed (pip install 'sitrep[bench]')")
    else:
        systems.append(("textacy", peer))
    parts = [(f"round {r}", set(ids), r) for r, ids in sorted(rounds.items()) if args.round in ("", r)]
    if not args.round:
        parts.append(("all", wanted, ""))
    for label, ids, r in parts:
        print(f"-- {label}: {len(ids)} articles")
        rows = [j for j in judged if r in ("", str(j.get("round", 1)))]
        for name, pred in systems:
            _score(name, {d: v for d, v in pred.items() if d in ids}, rows, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
