"""End-to-end accuracy on the held-out articles (tests/fixtures/heldout): sitrep vs a spaCy NER peer.

The gold (`gold.json`) was annotated blind, before sitrep ever ran on these articles. Matching rules:

- Quantity gold surfaces are located at their first whole-word occurrence in the text; a prediction
  matches when the spans overlap (each prediction and gold item used once, greedy, in text order).
  Times and places are annotated once per surface: a gold item is found when any whole-word
  occurrence of its surface is overlapped, and a prediction is correct when it overlaps an
  occurrence of some gold surface.
- Names (speakers, holders) are lenient-equal when the last word of one occurs as a word in the
  other, case-insensitively, or when an all-capitals gold name ("UN", "UNHCR") occurs among the
  initials of the other's capitalised words ("United Nations", "Office of the United Nations High
  Commissioner for Refugees").
- statements: a gold statement is found when a prediction's content span covers its content
  substring (2 characters of slack) with a lenient-equal speaker. A prediction is correct when it
  finds a gold statement, or when a gold statement with a lenient-equal speaker stands in the same
  paragraph (one quote split in two, or an extra clause by the same speaker). `canonical` is the
  share of found statements whose speaker name contains every word of the gold name; `kind` the
  share with the gold kind.
- quantities: `span` F1 on overlap alone; `full` F1 also needs equal low, high and qualifier (gold
  items with no bounds, like "dozens", check the qualifier only). Among span matches: `subject`
  is the share whose subject contains the gold keyword (gold None: any), `outcome` the share whose
  outcomes meet the gold outcomes (fled, displaced and evacuated count as one; gold [] needs []).
- times: `span` F1 on overlap; `full` F1 also needs a value that equals or refines the gold value
  ("2023-08-13TAF" for gold "2023-08-13").
- places: `span` F1 on overlap; `full` F1 also needs the gold ISO2 country (gold None: any).
- events: gold lists the key events only, so precision is a lower bound. A prediction matches a gold
  event when the type is equal, the gold actor keyword (None: any) occurs in the predicted actor,
  and (`full`) the status is equal; `typed` drops the status requirement.
- positions: match on holder (lenient, as speakers) and stance; `full` also needs the number of
  conditions.

The peer is spaCy's own NER on the same small model (CARDINAL/QUANTITY/MONEY/PERCENT as quantities,
DATE/TIME as times, GPE/LOC/FAC as places), scored on spans only (it resolves nothing).

    .venv/bin/python bench/bench_endtoend.py [--misses] [--only AREA]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # this checkout's sitrep first

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests" / "fixtures" / "heldout"
SAME_OUTCOME = {"fled": "displaced", "evacuated": "displaced", "displaced": "displaced"}

Counts = dict[
    str, list[int]
]  # metric -> [true positives over gold, gold, true positives over predicted, predicted]


def locate(text: str, surface: str) -> tuple[int, int]:
    """The first whole-word occurrence of `surface` in `text`."""
    m = re.search(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text)
    if m is None:
        raise ValueError(f"gold surface {surface!r} not in text")
    return m.start(), m.end()


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two [start, end) spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def words(s: str | None) -> list[str]:
    """Lower-case word tokens of a name."""
    return re.findall(r"[\w.'-]+", (s or "").lower().replace("’", "'"))


def initials(name: str) -> str:
    """Initials of the capitalised words of a name ("United Nations" -> "UN")."""
    return "".join(w[0] for w in re.findall(r"[A-Z][\w.'-]*", name.replace(".", "")))


def name_match(gold: str, pred: str | None) -> bool:
    """Lenient name equality: a shared last word, or an acronym among the other's initials."""
    g, p = words(gold), words(pred)
    if not g or not p:
        return False
    if gold.replace(".", "").isupper() and len(gold) > 1 and gold.replace(".", "") in initials(pred or ""):
        return True
    g = [w.removesuffix("'s") for w in g]
    p = [w.removesuffix("'s") for w in p]
    return g[-1] in p or p[-1] in g


def add(counts: Counts, metric: str, tp_gold: int, n_gold: int, tp_pred: int, n_pred: int) -> None:
    """Accumulate one article's counts for a metric."""
    c = counts.setdefault(metric, [0, 0, 0, 0])
    for i, v in enumerate((tp_gold, n_gold, tp_pred, n_pred)):
        c[i] += v


def pair(gold: list[Any], preds: list[Any], ok: Callable[[Any, Any], bool]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of gold items to predictions."""
    used: set[int] = set()
    out = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            if pi not in used and ok(g, p):
                used.add(pi)
                out.append((gi, pi))
                break
    return out


def locate_all(text: str, surface: str) -> list[tuple[int, int]]:
    """Every whole-word occurrence of `surface` in `text`."""
    return [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text)]


def score_mentions(
    counts: Counts,
    area: str,
    text: str,
    gold: list[dict],
    preds: list[dict],
    full_ok: Callable[[dict, dict], bool] | None,
    misses: list[str],
) -> None:
    """Scoring for areas annotated once per surface (times, places): any occurrence counts."""
    occ = [locate_all(text, g["surface"]) for g in gold]
    for metric, check in ((f"{area}.span", None), (f"{area}.full", full_ok)):
        if metric.endswith("full") and check is None:
            continue
        found: set[int] = set()
        good_p = 0
        for p in preds:
            ps = tuple(p["span"])
            hits = [gi for gi, spans in enumerate(occ) if any(overlaps(ps, s) for s in spans)]
            ok = [gi for gi in hits if check is None or check(gold[gi], p)]
            found.update(ok)
            good_p += bool(ok)
            if check is not None and hits and not ok:
                misses.append(
                    f"  {area} WRONG {gold[hits[0]]} -> {text[ps[0] : ps[1]]!r} "
                    + json.dumps({k: p.get(k) for k in ("value", "country", "name")})
                )
            if check is None and not hits:
                misses.append(f"  {area} EXTRA {text[ps[0] : ps[1]]!r}")
        add(counts, metric, len(found), len(gold), good_p, len(preds))
        if check is None:
            misses += [f"  {area} MISS {g['surface']!r}" for gi, g in enumerate(gold) if gi not in found]


def score_spans(
    counts: Counts,
    area: str,
    text: str,
    gold: list[dict],
    preds: list[dict],
    full_ok: Callable[[dict, dict], bool] | None,
    misses: list[str],
) -> list[tuple[int, int]]:
    """Span-overlap scoring (and optionally a stricter `full` check), one gold item per occurrence."""
    spans = [locate(text, g["surface"]) for g in gold]
    m = pair(list(range(len(gold))), preds, lambda gi, p: overlaps(spans[gi], tuple(p["span"])))
    add(counts, f"{area}.span", len(m), len(gold), len(m), len(preds))
    if full_ok is not None:
        good = [(gi, pi) for gi, pi in m if full_ok(gold[gi], preds[pi])]
        add(counts, f"{area}.full", len(good), len(gold), len(good), len(preds))
        matched = {gi for gi, _ in good}
        for gi, pi in m:
            if gi not in matched:
                p = preds[pi]
                misses.append(
                    f"  {area} WRONG {gold[gi]} -> {text[p['span'][0] : p['span'][1]]!r} "
                    + json.dumps({k: p.get(k) for k in ("low", "high", "qualifier", "value", "country")})
                )
    hit_g = {gi for gi, _ in m}
    hit_p = {pi for _, pi in m}
    misses += [f"  {area} MISS {g['surface']!r}" for gi, g in enumerate(gold) if gi not in hit_g]
    misses += [
        f"  {area} EXTRA {text[p['span'][0] : p['span'][1]]!r}"
        for pi, p in enumerate(preds)
        if pi not in hit_p
    ]
    return m


def quantity_ok(g: dict, p: dict) -> bool:
    """Bounds and qualifier as annotated."""
    if g["low"] is None and g["high"] is None and g["qualifier"] == "approximate":
        return p.get("qualifier") == "approximate" or bool(p.get("vague"))
    return (p.get("low"), p.get("high"), p.get("qualifier")) == (g["low"], g["high"], g["qualifier"])


def outcome_ok(g: list[str], p: list[str]) -> bool:
    """Outcomes meet (fled/displaced/evacuated alike); an empty gold wants none."""
    if not g:
        return not p
    return bool({SAME_OUTCOME.get(o, o) for o in g} & {SAME_OUTCOME.get(o, o) for o in p})


def score_article(rep: dict, text: str, gold: dict, counts: Counts, misses: list[str]) -> None:
    """Add one article's counts for every area."""
    # statements
    sts = rep["statements"]
    used: set[int] = set()
    tp = 0
    for g in gold["statements"]:
        gs = text.find(g["content"])
        gspan = (gs, gs + len(g["content"]))
        hit = None
        for i, s in enumerate(sts):
            c = s["content"]["span"]
            if (
                c[0] <= gspan[0] + 2
                and gspan[1] - 2 <= c[1]
                and name_match(g["speaker"], (s["speaker"] or {}).get("name"))
            ):
                hit = i
                break
        if hit is None:
            near = [
                ((s["speaker"] or {}).get("name"), s["content"]["text"][:50])
                for s in sts
                if overlaps(tuple(s["content"]["span"]), gspan)
            ]
            misses.append(f"  statement MISS {g['speaker']!r}: {g['content']!r} got {near}")
            continue
        tp += 1
        used.add(hit)
        s = sts[hit]
        add(
            counts,
            "statements.canonical",
            int(set(words(g["speaker"])) <= set(words(s["speaker"]["name"]))),
            1,
            0,
            0,
        )
        add(counts, "statements.kind", int(s["kind"] == g["kind"]), 1, 0, 0)
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text)]

    def para(pos: int) -> int:
        return next((i for i, (a, b) in enumerate(paras) if a <= pos < b), -1)

    gold_paras = [(g["speaker"], para(text.find(g["content"]))) for g in gold["statements"]]
    for i, s in enumerate(sts):
        name = (s["speaker"] or {}).get("name")
        if i not in used and any(
            pp == para(s["content"]["span"][0]) and name_match(gs, name) for gs, pp in gold_paras
        ):
            used.add(i)
    add(counts, "statements", tp, len(gold["statements"]), len(used), len(sts))
    misses += [
        f"  statement EXTRA {(s['speaker'] or {}).get('name')!r}: {s['content']['text'][:60]!r}"
        for i, s in enumerate(sts)
        if i not in used
    ]
    # quantities
    qs = rep["quantities"]
    m = score_spans(counts, "quantities", text, gold["quantities"], qs, quantity_ok, misses)
    for gi, pi in m:
        g, p = gold["quantities"][gi], qs[pi]
        subj_ok = g["subject"] is None or g["subject"].lower() in (p.get("subject") or "").lower()
        add(counts, "quantities.subject", int(subj_ok), 1, 0, 0)
        add(counts, "quantities.outcome", int(outcome_ok(g["outcome"], p.get("outcome") or [])), 1, 0, 0)
        if not subj_ok:
            misses.append(
                f"  quantity SUBJECT {g['surface']!r} want {g['subject']!r} got {p.get('subject')!r}"
            )
        if not outcome_ok(g["outcome"], p.get("outcome") or []):
            misses.append(f"  quantity OUTCOME {g['surface']!r} want {g['outcome']} got {p.get('outcome')}")
    # times and places
    score_mentions(
        counts,
        "times",
        text,
        gold["times"],
        rep["times"],
        lambda g, p: (p.get("value") or "").startswith(g["value"]),
        misses,
    )
    score_mentions(
        counts,
        "places",
        text,
        gold["places"],
        rep["places"],
        lambda g, p: g["country"] is None or p.get("country") == g["country"],
        misses,
    )
    # events
    evs = rep["events"]
    for metric, need_status in (("events.typed", False), ("events.full", True)):

        def ok(g: dict, p: dict, need: bool = need_status) -> bool:
            actor_ok = g["actor"] is None or g["actor"].lower() in (p.get("actor") or "").lower()
            return p["type"] == g["type"] and actor_ok and (not need or p["status"] == g["status"])

        m = pair(gold["events"], evs, ok)
        add(counts, metric, len(m), len(gold["events"]), len(m), len(evs))
        if need_status:
            hit = {gi for gi, _ in m}
            misses += [f"  event MISS {g}" for gi, g in enumerate(gold["events"]) if gi not in hit]
    misses.append("  events got " + "; ".join(f"{e['type']}/{e.get('actor')}/{e['status']}" for e in evs))
    # positions
    pos = rep["positions"]
    for metric, full in (("positions", False), ("positions.full", True)):

        def pok(g: dict, p: dict, full: bool = full) -> bool:
            return (
                name_match(g["holder"], p["holder"])
                and p["stance"] == g["stance"]
                and (not full or len(p["conditions"]) == g["conditions"])
            )

        m = pair(gold["positions"], pos, pok)
        add(counts, metric, len(m), len(gold["positions"]), len(m), len(pos))
    if gold["positions"] or pos:
        misses.append(
            f"  positions want {gold['positions']} got "
            + str([(p["holder"], p["stance"], p["conditions"]) for p in pos])
        )


def peer_article(doc: Any, text: str, gold: dict, counts: Counts) -> None:
    """spaCy NER spans as quantities, times and places (span scoring only)."""
    labels = {
        "quantities": {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"},
        "times": {"DATE", "TIME"},
        "places": {"GPE", "LOC", "FAC"},
    }
    for area, labs in labels.items():
        preds = [{"span": [e.start_char, e.end_char]} for e in doc.ents if e.label_ in labs]
        if area == "quantities":
            score_spans(counts, area, text, gold[area], preds, None, [])
        else:
            score_mentions(counts, area, text, gold[area], preds, None, [])


def prf(c: list[int]) -> tuple[float, float, float]:
    """Precision, recall, F1 from accumulated counts."""
    r = c[0] / c[1] if c[1] else 0.0
    p = c[2] / c[3] if c[3] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def run(only: str | None = None, show_misses: bool = False) -> Counts:
    """Score sitrep on every held-out article; print the table (and misses)."""
    import sitrep

    gold = json.loads((HELDOUT / "gold.json").read_text(encoding="utf-8"))["articles"]
    nlp = sitrep.load_pipeline()
    counts: Counts = {}
    peer: Counts = {}
    for name, g in gold.items():
        text = (HELDOUT / name).read_text(encoding="utf-8")
        rep = sitrep.extract(text, published=g["published"], nlp=nlp).to_dict()
        misses: list[str] = []
        score_article(rep, text, g, counts, misses)
        peer_article(nlp(text), text, g, peer)
        if show_misses:
            lines = [x for x in misses if only is None or x.strip().lower().startswith(only[:-1])]
            if lines:
                print(name)
                print("\n".join(lines))
    print(f"\nheld-out end-to-end: {len(gold)} articles ({HELDOUT.relative_to(ROOT)})")
    print(f"{'metric':24} {'P':>6} {'R':>6} {'F1':>6}   {'gold':>5} {'pred':>5}   peer(spaCy NER) P/R/F1")
    for metric in sorted(counts):
        c = counts[metric]
        p, r, f = prf(c)
        pp = peer.get(metric)
        peer_s = "   {:.3f}/{:.3f}/{:.3f}".format(*prf(pp)) if pp else ""
        if c[3] == 0 and c[2] == 0 and metric.count(".") and not metric.endswith(("span", "full", "typed")):
            print(f"{metric:24} {'':>6} {r:6.3f} {'':>6}   {c[1]:5d} {'':>5}   (share of matched)")
        else:
            print(f"{metric:24} {p:6.3f} {r:6.3f} {f:6.3f}   {c[1]:5d} {c[3]:5d}{peer_s}")
    return counts


def main() -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="list misses, wrong values and extras per article")
    ap.add_argument(
        "--only", help="with --misses: one area (statements, quantities, times, places, events, positions)"
    )
    a = ap.parse_args()
    if not (HELDOUT / "gold.json").is_file():
        print("no held-out set at", HELDOUT)
        return 0
    run(a.only, a.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
