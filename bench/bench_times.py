"""Time expressions on TimeBank (TempEval-3 scoring): sitrep vs dateparser's `search_dates`.

Relaxed match = any span overlap (one-to-one); value F1 counts a match only where values are equal.
Usage: .venv/bin/python bench/bench_times.py [--limit N] [--errors FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # this checkout's sitrep first

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_times_judged import expression_class  # noqa: E402  (the classes the judged sample uses)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "eval" / "timebank" / "timebank.jsonl"

Item = tuple[int, int, str, str | None]  # start, end, TYPE, value


def load(limit: int | None) -> list[dict]:
    """The TimeBank documents (first `limit`)."""
    docs = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    return docs[:limit] if limit else docs


def dct_of(doc: dict) -> dt.date:
    """The document creation time as a date."""
    return dt.date.fromisoformat(doc["published"][:10])


def sitrep_system():  # type: ignore[no-untyped-def]
    """A function text, dct -> items, running the spaCy model with sitrep's document and times components."""
    import spacy

    import sitrep.components.document.component  # noqa: F401
    import sitrep.components.times.component  # noqa: F401
    from sitrep.api import make_doc
    from sitrep.extensions import ensure_extensions
    from sitrep.pipeline import FALLBACK_MODELS

    ensure_extensions()
    nlp = None
    for name in FALLBACK_MODELS:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        raise SystemExit("no spaCy model installed")
    nlp.add_pipe("sitrep_document")
    nlp.add_pipe("sitrep_times")

    def run(text: str, dct: dt.date) -> list[Item]:
        doc = nlp(make_doc(nlp, text, dct))
        return [(t.span[0], t.span[1], t.type.upper(), t.value) for t in doc._.sitrep_times]

    return run


def dateparser_system():  # type: ignore[no-untyped-def]
    """A function text, dct -> items from dateparser's `search_dates` alone (values at day granularity)."""
    from dateparser.search import search_dates

    def run(text: str, dct: dt.date) -> list[Item]:
        base = dt.datetime(dct.year, dct.month, dct.day)
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(text, languages=["en"], settings=settings) or []
        items: list[Item] = []
        pos = 0
        for surface, when in found:
            start = text.find(surface, pos)
            if start < 0:
                start = text.find(surface)
                if start < 0:
                    continue
            end = start + len(surface)
            pos = end
            value = granular(surface, when)
            items.append((start, end, "DATE", value))
        return items

    return run


MONTHS = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")


def granular(surface: str, when: dt.datetime) -> str:
    """Format dateparser's datetime at the granularity the surface states (day unless month or year alone)."""
    if re.fullmatch(r"\D*\b\d{4}\b\D*", surface) and not MONTHS.search(surface):
        return f"{when.year:04d}"
    if MONTHS.search(surface) and not re.search(r"(?<!\d)\d{1,2}(?!\d)", surface):
        return f"{when.year:04d}-{when.month:02d}"
    return when.date().isoformat()


def match(gold: list[Item], pred: list[Item]) -> list[tuple[Item, Item]]:
    """One-to-one pairs of overlapping gold and predicted items (largest overlap first)."""
    pairs = []
    for g in gold:
        for p in pred:
            ov = min(g[1], p[1]) - max(g[0], p[0])
            if ov > 0:
                pairs.append((ov, g, p))
    pairs.sort(key=lambda x: -x[0])
    used_g: set[Item] = set()
    used_p: set[Item] = set()
    out = []
    for _, g, p in pairs:
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            out.append((g, p))
    return out


def f1(p: float, r: float) -> float:
    """Harmonic mean."""
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(name: str, system, docs: list[dict], errors_path: str | None = None) -> dict:  # type: ignore[no-untyped-def]
    """Score one system and print its figures with a per-type breakdown."""
    n_gold = n_pred = n_match = n_value = 0
    by_type: Counter[str] = Counter()
    by_type_match: Counter[str] = Counter()
    by_type_value: Counter[str] = Counter()
    by_class: Counter[str] = Counter()
    by_class_value: Counter[str] = Counter()
    errors = []
    t0 = time.perf_counter()
    for doc in docs:
        text = doc["text"]
        gold = [(t["span"][0], t["span"][1], t["type"], t["value"]) for t in doc["timexes"]]
        pred = system(text, dct_of(doc))
        pairs = match(gold, pred)
        n_gold += len(gold)
        n_pred += len(pred)
        n_match += len(pairs)
        matched_g = {g for g, _ in pairs}
        matched_p = {p for _, p in pairs}
        for g in gold:
            by_type[g[2]] += 1
        for g, p in pairs:
            by_type_match[g[2]] += 1
            cls = expression_class(text[g[0] : g[1]]) or "other"
            by_class[cls] += 1
            if g[3] == p[3]:
                n_value += 1
                by_type_value[g[2]] += 1
                by_class_value[cls] += 1
            else:
                errors.append(
                    f"VALUE\t{doc['published'][:10]}\t{text[g[0] : g[1]]!r}\t{g[3]}\t"
                    f"{text[p[0] : p[1]]!r}\t{p[3]}"
                )
        for g in gold:
            if g not in matched_g:
                errors.append(
                    f"MISS\t{doc['published'][:10]}\t{text[g[0] : g[1]]!r}\t{g[2]}\t{g[3]}\t"
                    f"{text[max(0, g[0] - 40) : g[1] + 20]!r}"
                )
        for p in pred:
            if p not in matched_p:
                errors.append(
                    f"FP\t{doc['published'][:10]}\t{text[p[0] : p[1]]!r}\t{p[2]}\t{p[3]}\t"
                    f"{text[max(0, p[0] - 40) : p[1] + 20]!r}"
                )
    secs = time.perf_counter() - t0
    ep, er = (n_match / n_pred if n_pred else 0.0), (n_match / n_gold if n_gold else 0.0)
    vp, vr = (n_value / n_pred if n_pred else 0.0), (n_value / n_gold if n_gold else 0.0)
    print(
        f"{name:<22} extraction P {ep:.3f} R {er:.3f} F1 {f1(ep, er):.3f} | value P {vp:.3f} R {vr:.3f} "
        f"F1 {f1(vp, vr):.3f} | gold {n_gold} predicted {n_pred} ({secs:.1f}s)"
    )
    for typ in sorted(by_type):
        n = by_type[typ]
        print(
            f"    {typ:<9} gold {n:>5}  found {by_type_match[typ] / n:.3f}  "
            f"value correct {by_type_value[typ] / n:.3f}"
        )
    print("    value right of matched, by class of expression:")
    for cls in sorted(by_class):
        right, total = by_class_value[cls], by_class[cls]
        print(f"      {cls:<15} {right:>4} / {total:<4} {right / total:.3f}")
    if errors_path:
        Path(errors_path).write_text("\n".join(errors) + "\n", encoding="utf-8")
    return {"value_f1": f1(vp, vr), "extraction_f1": f1(ep, er)}


def main(argv: list[str] | None = None) -> int:
    """Run both systems on TimeBank and print their figures side by side."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument(
        "--errors", default=None, help="write sitrep's misses, false positives and wrong values here"
    )
    ap.add_argument("--no-peer", action="store_true", help="skip dateparser (quicker iterations)")
    args = ap.parse_args(argv)
    if not DATA.is_file():
        print(f"TimeBank not found at {DATA}; nothing to benchmark (it lives in ../shared/eval/timebank).")
        return 0
    docs = load(args.limit)
    print(
        f"TimeBank: {len(docs)} documents, {sum(len(d['timexes']) for d in docs)} TIMEX3 (relaxed span match)"
    )
    evaluate("sitrep", sitrep_system(), docs, args.errors)
    if not args.no_peer:
        evaluate("dateparser.search_dates", dateparser_system(), docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
