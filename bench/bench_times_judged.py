"""Time values judged by reading on real war news (../shared/eval/realnews/corpus.jsonl).

`dump` samples corpus articles (fixed seed, never dev ids, only articles naming a weekday or a
month-day) and prints sitrep's calendar-relative times (weekdays, month-days without a year, months,
"last/next/this", "ago", "yesterday", ...) with their sentence, for a reader to fill in `gold`;
`score` prints value precision per judged round and per class of expression, re-using a judged
`gold` for the same span when a later round gives a new value.
Usage: .venv/bin/python bench/bench_times_judged.py dump --seed 61 --round s6-before [--n 10] > FILE
       (or `dump --docs ID,ID,... --round NAME`: those corpus articles, e.g. a figures batch)
       (fill in "gold" in FILE by reading "context") bench/bench_times_judged.py add FILE
       .venv/bin/python bench/bench_times_judged.py score
       .venv/bin/python bench/bench_times_judged.py rescore   (today's code on every judged span)
The judged file keeps ids, spans, the time's own words and values, never the articles' sentences.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # this checkout's sitrep first

ROOT = Path(__file__).resolve().parents[1]
REALNEWS = ROOT.parent / "shared" / "eval" / "realnews"
JUDGED = ROOT / "bench" / "data" / "times_judged.jsonl"

WEEKDAY = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|Jun\.|July|Jul\.|"
    r"Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
MONTH_DAY = re.compile(rf"\b{MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}")
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def expression_class(surface: str) -> str | None:
    """The class of a calendar-relative expression, or None for those the DCT does not decide."""
    low = surface.lower()
    if YEAR.search(surface):
        return None
    if WEEKDAY.search(surface):
        return "weekday"
    if re.search(r"\bcentur", low):
        return None
    if MONTH_DAY.search(surface) or re.search(r"\bthe\s+\d{1,2}(?:st|nd|rd|th)\b", low):
        return "month-day"
    if re.search(rf"\b{MONTH}\b", surface):
        return "month"
    if re.search(r"\b(?:yesterday|today|tonight|tomorrow)\b", low):
        return "deictic"
    if re.search(r"\bago\b|\bearlier\b|\bfrom now\b", low):
        return "ago"
    if re.search(
        r"\b(?:last|next|this|past|coming|previous)\s+(?:week|month|year|weekend|spring|summer|"
        r"autumn|fall|winter|quarter)",
        low,
    ):
        return "last/next/this"
    if re.search(r"\b(?:spring|summer|autumn|fall|winter)\b", low):
        return "season"
    return None


def dated(text: str) -> bool:
    """Whether a text names a weekday or a month-day."""
    return bool(WEEKDAY.search(text) or MONTH_DAY.search(text))


def sample(seed: int, n: int) -> list[dict]:
    """`n` corpus articles outside dev that name a weekday or a month-day, in a fixed random order."""
    dev = {json.loads(line)["id"] for line in (REALNEWS / "dev.jsonl").open(encoding="utf-8") if line.strip()}
    rows = [json.loads(line) for line in (REALNEWS / "corpus.jsonl").open(encoding="utf-8") if line.strip()]
    rows = [r for r in rows if r["id"] not in dev and dated(r["text"])]
    rng = random.Random(seed)
    rng.shuffle(rows)
    seen: set[str] = set()
    out = []
    for r in rows:
        if r["text"] in seen:
            continue  # a wire copy under another id
        seen.add(r["text"])
        out.append(r)
        if len(out) == n:
            break
    return out


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around a span (cut at . ! ? or a newline), the span bracketed."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right_cands = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_cands) + 1 if right_cands else len(text)
    return (text[left:start] + "[[" + text[start:end] + "]]" + text[end:right]).strip()


def chosen(ids: list[str]) -> list[dict]:
    """The corpus articles with these ids, in the order given."""
    rows = {}
    for line in (REALNEWS / "corpus.jsonl").open(encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            rows[r["id"]] = r
    return [rows[i] for i in ids]


def dump(seed: int, n: int, round_name: str, docs: list[str] | None = None) -> int:
    """Print one JSON line per calendar-relative time sitrep finds in the sample, `gold` left null."""
    import sitrep

    known = judged_gold()
    arts = chosen(docs) if docs else sample(seed, n)
    nlp = sitrep.load_pipeline()
    for art in arts:
        report = sitrep.extract(art["text"], published=art["published"], nlp=nlp)
        wd = dt.date.fromisoformat(art["published"]).strftime("%a")
        for t in report.times:
            cls = expression_class(t.text)
            if cls is None:
                continue
            key = (art["id"], t.span[0], t.span[1])
            row = {
                "round": round_name,
                "seed": seed,
                "doc": art["id"],
                "published": f"{art['published']} {wd}",
                "span": list(t.span),
                "text": t.text,
                "class": cls,
                "value": t.value,
                "gold": known.get(key),
                "context": sentence_of(art["text"], *t.span),
            }
            print(json.dumps(row, ensure_ascii=False))
    return 0


def judged_rows() -> list[dict]:
    """The judged items (the header line left out)."""
    if not JUDGED.is_file():
        return []
    rows = [json.loads(line) for line in JUDGED.open(encoding="utf-8") if line.strip()]
    return [r for r in rows if "round" in r]


def judged_gold() -> dict[tuple[str, int, int], str | None]:
    """(doc, start, end) -> the value a reader judged right, from any round."""
    return {(r["doc"], r["span"][0], r["span"][1]): r["gold"] for r in judged_rows() if "gold" in r}


def add(path: str) -> int:
    """Append a judged dump to the judged file, without the sentences (they stay out of the repository)."""
    rows = [json.loads(line) for line in Path(path).open(encoding="utf-8") if line.strip()]
    with JUDGED.open("a", encoding="utf-8") as fh:
        for r in rows:
            r.pop("context", None)
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} judged items added to {JUDGED}")
    return 0


def score() -> int:
    """Value precision per round and per class of expression."""
    rows = judged_rows()
    if not rows:
        print(f"no judged items at {JUDGED}")
        return 0
    by_round: dict[str, list[dict]] = {}
    for r in rows:
        by_round.setdefault(r["round"], []).append(r)
    for name, items in by_round.items():
        right = sum(1 for r in items if r["value"] == r["gold"])
        docs = len({r["doc"] for r in items})
        precision = right / len(items)
        print(f"{name:<12} {docs:>2} articles  {len(items):>3} times  value precision {precision:.3f}")
        total: Counter[str] = Counter(r["class"] for r in items)
        ok: Counter[str] = Counter(r["class"] for r in items if r["value"] == r["gold"])
        for cls in sorted(total):
            print(f"    {cls:<15} {ok[cls]:>3} / {total[cls]:<3} {ok[cls] / total[cls]:.3f}")
    return 0


def rescore() -> int:
    """Today's code on every judged article: value precision per round on the judged spans it still
    finds (a span judged in several rounds keeps its latest gold), and how many times it now gives on
    spans nobody judged. `score` shows each round as it was dumped; this shows what the code does now."""
    import sitrep

    gold: dict[tuple[str, int, int], tuple[str, str | None]] = {}
    for r in judged_rows():
        if "gold" in r:
            gold[(r["doc"], r["span"][0], r["span"][1])] = (r["round"], r["gold"])
    nlp = sitrep.load_pipeline()
    right: Counter[str] = Counter()
    found: Counter[str] = Counter()
    unjudged = 0
    for art in chosen(sorted({k[0] for k in gold})):
        for t in sitrep.extract(art["text"], published=art["published"], nlp=nlp).times:
            if expression_class(t.text) is None:
                continue
            hit = gold.get((art["id"], t.span[0], t.span[1]))
            if hit is None:
                unjudged += 1
                continue
            found[hit[0]] += 1
            right[hit[0]] += t.value == hit[1]
    for name in sorted(found):
        print(
            f"{name:<12} {found[name]:>3} judged spans found  value precision {right[name] / found[name]:.3f}"
        )
    total = sum(found.values())
    print(
        f"all rounds   {total:>3} of {len(gold)} judged spans found  value precision "
        f"{sum(right.values()) / max(total, 1):.3f}; {unjudged} times on spans nobody judged"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Dump a sample to judge, or score the judged file."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--seed", type=int, default=0)
    d.add_argument("--docs", default="", help="comma-separated corpus ids instead of a seeded sample")
    d.add_argument("--n", type=int, default=10)
    d.add_argument("--round", required=True)
    a = sub.add_parser("add")
    a.add_argument("file")
    sub.add_parser("score")
    sub.add_parser("rescore")
    args = ap.parse_args(argv)
    if not (REALNEWS / "corpus.jsonl").is_file():
        print(f"real-news corpus not found under {REALNEWS}; nothing to judge")
        return 0
    if args.cmd == "dump":
        return dump(args.seed, args.n, args.round, [i for i in args.docs.split(",") if i])
    if args.cmd == "add":
        return add(args.file)
    return rescore() if args.cmd == "rescore" else score()


if __name__ == "__main__":
    sys.exit(main())
