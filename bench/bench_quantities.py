"""Quantity benchmark: sitrep vs quantulum3 on our own gold set and on the public TimeBank counts.

Usage: .venv/bin/python bench/bench_quantities.py [--limit N]

(a) bench/data/quantities_gold.tsv: sentences we wrote and annotated (several claims per sentence,
    and sentences with none). Prints claim precision/recall, value-and-bounds exact match
    (low, high, qualifier) and subject/outcome match.
(b) ../shared/eval/quantities/timebank_counts.tsv over ../shared/eval/timebank/timebank.jsonl,
    scored as its README says (found = span overlap; bounds-right; strict-right with outcome).
    Skipped with a message when ../shared is absent.
quantulum3 has no subject, outcome or bound words: its ranges come back as value ± uncertainty, read
here as low/high with qualifier "range", and everything else as "exact".
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # this checkout's sitrep first

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "bench" / "data" / "quantities_gold.tsv"
PUBLIC = SHARED / "eval" / "quantities" / "timebank_counts.tsv"
TIMEBANK = SHARED / "eval" / "timebank" / "timebank.jsonl"
DETS = ("the ", "a ", "an ", "its ", "their ", "his ", "her ")


def _num(x: str) -> float | None:
    return None if x in ("-", "") else float(x)


def _norm_subject(s: str | None) -> str:
    s = (s or "").lower().strip()
    for d in DETS:
        if s.startswith(d):
            s = s[len(d) :]
    return s


def read_gold(limit: int | None) -> dict[str, list[dict]]:
    """sentence -> gold claims (empty list for a sentence with no quantity)."""
    out: dict[str, list[dict]] = {}
    lines = [x for x in GOLD.read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")][1:]
    for line in lines:
        sent, surface, low, high, qual, subj, outc = (line.split("\t") + [""] * 7)[:7]
        claims = out.setdefault(sent, [])
        if surface != "-":
            start = sent.find(surface)
            claims.append(
                {
                    "span": (start, start + len(surface)),
                    "low": _num(low),
                    "high": _num(high),
                    "qualifier": qual,
                    "subject": None if subj == "-" else subj,
                    "outcome": set() if outc in ("-", "") else set(outc.split(",")),
                }
            )
        if limit and len(out) >= limit:
            break
    return out


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when two [start, end) spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def sitrep_predict(texts: list[str]) -> list[list[dict]]:
    """sitrep's quantities for each text as plain dicts."""
    import sitrep

    nlp = sitrep.load_pipeline()
    out = []
    for text in texts:
        r = sitrep.extract(text, published="2022-11-10", nlp=nlp)
        out.append(
            [
                {
                    "span": tuple(q.span),
                    "low": q.low,
                    "high": q.high,
                    "qualifier": q.qualifier,
                    "subject": q.subject,
                    "outcome": set(q.outcome),
                    "vague": q.vague,
                    "text": q.text,
                }
                for q in r.quantities
            ]
        )
    return out


def quantulum_predict(texts: list[str]) -> list[list[dict]]:
    """quantulum3's quantities for each text (dimensionless numbers included)."""
    from quantulum3 import classifier, parser

    # The shipped unit classifier is a pickle that the installed scikit-learn cannot load
    # (ModuleNotFoundError: _loss); quantulum3's own no-classifier disambiguation is used instead.
    classifier.USE_CLF = False
    out = []
    for text in texts:
        preds = []
        for q in parser.parse(text):
            unc = getattr(q, "uncertainty", None)
            if unc:
                low, high, qual = q.value - unc, q.value + unc, "range"
            else:
                low = high = q.value
                qual = "exact"
            preds.append(
                {
                    "span": tuple(q.span),
                    "low": low,
                    "high": high,
                    "qualifier": qual,
                    "subject": None,
                    "outcome": set(),
                    "vague": False,
                    "text": q.surface,
                }
            )
        out.append(preds)
    return out


def _same(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and abs(float(a) - float(b)) < 1e-6)


def score_gold(gold: dict[str, list[dict]], preds: list[list[dict]]) -> dict[str, float]:
    """Claim P/R, bounds exact match, subject and outcome match on the gold set."""
    n_gold = n_pred = tp_pred = tp_gold = bounds = subj = outc = 0
    for claims, pred in zip(gold.values(), preds, strict=True):
        n_gold += len(claims)
        n_pred += len(pred)
        tp_pred += sum(any(overlaps(p["span"], g["span"]) for g in claims) for p in pred)
        for g in claims:
            match = [p for p in pred if overlaps(p["span"], g["span"])]
            if not match:
                continue
            tp_gold += 1
            p = match[0]
            bounds += (
                _same(p["low"], g["low"]) and _same(p["high"], g["high"]) and p["qualifier"] == g["qualifier"]
            )
            subj += _norm_subject(p["subject"]) == _norm_subject(g["subject"])
            outc += p["outcome"] == g["outcome"]
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "precision": tp_pred / max(n_pred, 1),
        "recall": tp_gold / max(n_gold, 1),
        "bounds_all": bounds / max(n_gold, 1),
        "bounds_found": bounds / max(tp_gold, 1),
        "subject_all": subj / max(n_gold, 1),
        "outcome_all": outc / max(n_gold, 1),
    }


def _accept(field: str, value: float | None, vague: bool) -> bool:
    alts = field.split("|")
    for alt in alts:
        if alt == "vague" and vague:
            return True
        if alt == "-" and value is None:
            return True
        if alt not in ("vague", "-") and value is not None and abs(float(alt) - float(value)) < 1e-6:
            return True
    return False


def score_public(preds_for: callable) -> dict[str, float] | None:
    """Found / bounds-right / strict-right on the TimeBank count expressions (README's scoring)."""
    if not (PUBLIC.is_file() and TIMEBANK.is_file()):
        return None
    docs = {}
    for line in TIMEBANK.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        docs[d["id"]] = d["text"]
    rows = [
        r.split("\t") for r in PUBLIC.read_text(encoding="utf-8").splitlines() if r and not r.startswith("#")
    ]
    ids = sorted({r[0] for r in rows})
    preds = dict(zip(ids, preds_for([docs[i] for i in ids]), strict=True))
    found = bounds = strict = years = 0
    for doc_id, sent_start, surface, low, high, quals, outcome in rows:
        text = docs[doc_id]
        s = text.find(surface, int(sent_start))
        span = (s, s + len(surface))
        match = [p for p in preds[doc_id] if overlaps(p["span"], span)]
        if not match:
            continue
        found += 1
        p = match[0]
        ok = (
            _accept(low, p["low"], p["vague"])
            and _accept(high, p["high"], p["vague"])
            and p["qualifier"] in quals.split("|")
        )
        bounds += ok
        want = {"kill": "killed", "wound": "wounded"}.get(outcome)
        strict += ok and (want is None or want in p["outcome"])
    for doc_id in ids:
        years += sum(
            1 for p in preds[doc_id] if str(p["text"]).strip().isdigit() and 1900 <= int(p["text"]) <= 2030
        )
    n = len(rows)
    return {
        "expressions": n,
        "found": found / n,
        "bounds_right": bounds / n,
        "strict_right": strict / n,
        "years_as_counts": years,
    }


def main() -> int:
    """Run both sets for sitrep and quantulum3 and print a table."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None, help="score only the first N gold sentences")
    args = ap.parse_args()
    gold = read_gold(args.limit)
    texts = list(gold)
    print(
        f"(a) own gold set: {len(texts)} sentences, {sum(len(c) for c in gold.values())} claims ({GOLD.name})"
    )
    print(f"{'system':11} {'P':>5} {'R':>5} {'bounds':>7} {'bounds|found':>12} {'subject':>8} {'outcome':>8}")
    for name, fn in (("sitrep", sitrep_predict), ("quantulum3", quantulum_predict)):
        s = score_gold(gold, fn(texts))
        na = name == "quantulum3"
        print(
            f"{name:11} {s['precision']:5.2f} {s['recall']:5.2f} {s['bounds_all']:7.2f} "
            f"{s['bounds_found']:12.2f} {'n/a' if na else format(s['subject_all'], '.2f'):>8} "
            f"{'n/a' if na else format(s['outcome_all'], '.2f'):>8}"
        )
    print("bounds = (low, high, qualifier) exact over all gold claims; bounds|found over claims found.")
    print("quantulum3 has no subject or outcome fields (n/a).")
    print()
    if not (PUBLIC.is_file() and TIMEBANK.is_file()):
        print(f"(b) public set absent ({PUBLIC}); skipped.")
        return 0
    print("(b) public TimeBank count expressions (../shared/eval/quantities/timebank_counts.tsv)")
    print(f"{'system':11} {'found':>6} {'bounds':>7} {'strict':>7} {'years':>6}")
    for name, fn in (("sitrep", sitrep_predict), ("quantulum3", quantulum_predict)):
        s = score_public(fn)
        print(
            f"{name:11} {s['found']:6.2f} {s['bounds_right']:7.2f} {s['strict_right']:7.2f} "
            f"{s['years_as_counts']:6d}"
        )
    print(
        f"over {s['expressions']} expressions; "
        "years = year-like numbers returned as counts in those documents."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
