"""Blind held-out sets in the realnews gold's own format, scored by score.py in all four areas, with peers.

Run: .venv/bin/python bench/bench_heldout.py [--set NAME[,NAME...]] [--area AREA] [--show] [--no-peers]
     [--errors FILE]  (times: write value misses, misses and extras there)

Each set is a folder bench/data/heldout/NAME/ holding `about.json` (the documents, how they were drawn
and annotated, and the commit of the first run) and `statements.jsonl`, `quantities.jsonl`,
`events.jsonl`, `positions.jsonl` in exactly the fields of ../shared/eval/realnews/dev_gold (offsets
and our own short labels; the articles come from corpus.jsonl at run time). The sets are annotated
by engineers who neither ran sitrep on those articles nor read its code, under the gold definitions
of ../shared/eval/realnews/README.md, calibrated on dev_gold. A set's first run is a blind estimate
of the held-out figures; every later run is in-sample for whoever has read its misses.

Scoring is score.py's own (`score_statements`, `score_quantities`, `score_events`,
`score_positions`), imported at run time, so the figures read like the held-out set's. Peers in the
same run: textacy's direct quotations (statements), quantulum3 (figures: spans only, no claimant),
the trigger-lexicon first cut (events, bench_events_fresh.naive) and the keyword first cut
(positions, bench_positions_fresh.naive). A set may also hold `times.jsonl` ({doc, span, text, type,
value}: TIMEX3 as in TimeBank, values against the publication date), scored as bench_times scores
TimeBank (TempEval-3: relaxed span overlap, value F1 where the values are equal) beside dateparser's
`search_dates`. Exits 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
REALNEWS = ROOT.parent / "shared" / "eval" / "realnews"
HELDOUT = ROOT / "bench" / "data" / "heldout"
AREAS = ("statements", "quantities", "events", "positions")
ALL_AREAS = (*AREAS, "times")


def load_set(folder: Path) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    """A set's about.json and its gold rows per area."""
    about = json.loads((folder / "about.json").read_text(encoding="utf-8"))
    gold: dict[str, list[dict[str, Any]]] = {}
    for area in ALL_AREAS:
        path = folder / f"{area}.jsonl"
        if path.exists():
            gold[area] = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return about, gold


def check_spans(docs: list[dict[str, Any]], gold: dict[str, list[dict[str, Any]]]) -> None:
    """Every gold span lies inside its article (a stale offset would score as a miss silently)."""
    text = {d["id"]: d["text"] for d in docs}
    for area, rows in gold.items():
        for r in rows:
            spans = r.get("content_spans") or [r.get("span") or r.get("trigger_span")]
            for s, e in spans:
                if not 0 <= s < e <= len(text[r["doc"]]):
                    raise SystemExit(f"{area}: span {s}-{e} outside document {r['doc']}")
            if area == "times" and text[r["doc"]][r["span"][0] : r["span"][1]] != r["text"]:
                raise SystemExit(f"times: span {r['span']} of {r['doc']} does not read {r['text']!r}")


def peers(area: str, score: Any, docs: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """The named peers' predictions for one area, in score.py's shape."""
    if area == "statements":
        return [("textacy", score.predict(docs, "textacy"))]
    if area == "quantities":
        from bench_figures import quantulum_predict

        found = quantulum_predict({d["id"]: d for d in docs})
        return [("quantulum3", {i: {"quantities": qs} for i, qs in found.items()})]
    if area == "events":
        from bench_events_fresh import naive

        return [("naive", naive(docs))]
    import sitrep
    from bench_positions_fresh import naive as naive_positions

    return [("naive", naive_positions(sitrep.load_pipeline(), docs))]


def times_report(docs: list[dict[str, Any]], rows: list[dict[str, Any]], errors: str | None) -> None:
    """TempEval-3 figures for sitrep's times and dateparser's on the articles' gold TIMEX3 rows."""
    from bench_times import dateparser_system, evaluate, sitrep_system

    by_doc: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_doc.setdefault(r["doc"], []).append(r)
    shaped = [
        {"id": d["id"], "published": d["published"], "text": d["text"], "timexes": by_doc.get(d["id"], [])}
        for d in docs
    ]
    evaluate("  sitrep", sitrep_system(), shaped, errors)
    evaluate("  dateparser", dateparser_system(), shaped)


def report(
    score: Any,
    area: str,
    docs: list[dict[str, Any]],
    gold: list[dict[str, Any]],
    systems: dict[str, dict[str, Any]],
    show: bool,
) -> None:
    """One line per system for one area (sitrep's misses and extras listed first with --show)."""
    fn = getattr(score, f"score_{area}")
    if show:
        print(f"-- {area}")
    for system, pred in systems.items():
        print(f"  {system:11} {fn(docs, gold, pred, show and system == 'sitrep')}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default=None, help="set folder names, comma-separated (default: every set)")
    ap.add_argument("--area", choices=ALL_AREAS, default=None)
    ap.add_argument("--errors", default=None, help="times: write the value misses, misses and extras here")
    ap.add_argument("--show", action="store_true", help="list every miss and extra (sitrep only)")
    ap.add_argument("--no-peers", action="store_true")
    args = ap.parse_args()
    if not (REALNEWS / "score.py").exists():
        print(f"held-out bench: {REALNEWS} is absent; nothing to measure")
        return 0
    from bench_positions_fresh import realnews_scorer

    score = realnews_scorer()
    corpus = {d["id"]: d for d in score.load(str(REALNEWS / "corpus.jsonl"))}
    names = args.set.split(",") if args.set else sorted(p.name for p in HELDOUT.glob("*") if p.is_dir())
    if not names:
        print(f"held-out bench: no set under {HELDOUT}")
        return 0
    pooled_docs: list[dict[str, Any]] = []
    time_docs: list[dict[str, Any]] = []
    pooled_gold: dict[str, list[dict[str, Any]]] = {a: [] for a in ALL_AREAS}
    pooled_pred: dict[str, dict[str, Any]] = {}
    for name in names:
        about, gold = load_set(HELDOUT / name)
        docs = [corpus[i] for i in about["docs"]]
        check_spans(docs, gold)
        words = sum(len(d["text"].split()) for d in docs)
        first = about.get("first_run", "not yet run")
        print(f"set {name}: {len(docs)} articles, {words} words; first run at {first}")
        if "times" in gold and args.area in (None, "times"):
            print("-- times (TIMEX3, TempEval-3 relaxed match)")
            times_report(docs, gold["times"], args.errors)
            pooled_gold["times"] += gold["times"]
            time_docs += docs
        if args.area == "times":
            pooled_docs += docs
            continue
        pred = {"sitrep": score.predict(docs)}
        for area in (a for a in AREAS if a in gold and args.area in (None, a)):
            got = dict(pred)
            if not args.no_peers:
                got.update(peers(area, score, docs))
            report(score, area, docs, gold[area], got, args.show)
            for system, p in got.items():
                pooled_pred.setdefault(f"{area}:{system}", {}).update(p)
            pooled_gold[area] += gold[area]
        pooled_docs += docs
    if len(names) > 1:
        print(f"all {len(names)} sets pooled: {len(pooled_docs)} articles")
        for area in (a for a in AREAS if pooled_gold[a]):
            got = {k.split(":", 1)[1]: v for k, v in pooled_pred.items() if k.startswith(f"{area}:")}
            report(score, area, pooled_docs, pooled_gold[area], got, False)
        if pooled_gold["times"]:
            print("  times (TIMEX3, TempEval-3 relaxed match)")
            times_report(time_docs, pooled_gold["times"], None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
