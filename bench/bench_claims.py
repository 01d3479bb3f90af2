"""Claims on real news: estimate series and disagreements, scored against our own judgements.

Ingests ../shared/eval/realnews/corpus.jsonl (423 real war-news articles; the outlet's country as the
outlet, as the corpus gives no outlet name) into a fresh store, prints the number of series and
disagreements, and scores them with the judgements in bench/data/claims_judged.jsonl, made by reading
each figure's article (seeded random samples; document ids and spans, a few words of each figure):

- pairs of figures in one series: same referent or not (precision: same / judged pairs in a series);
- disagreements: genuine or not (precision), and whether each is reported once.

The peer, in the same run: the grouping sitrep had before referents (a series per folded subject head
noun and outcome set), with its own judged sample of pairs. Then, with `--scale`, the cost of adding
1,000 documents to stores of 10,000, 50,000 and 100,000 documents (bench/_claims_scale.py).

    .venv/bin/python bench/bench_claims.py [--db STORE] [--scale [--sizes A,B] [--peer-max N]] [--sample N]

`--sample N` prints N seeded random unjudged pairs (and every unjudged disagreement) to judge.
Exits 0 with a message when ../shared/eval is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "eval" / "realnews" / "corpus.jsonl"
JUDGED = ROOT / "bench" / "data" / "claims_judged.jsonl"
sys.path.insert(0, str(ROOT / "src"))

from sitrep.aggregate import refresh  # noqa: E402
from sitrep.aggregate.claims import quantity_rows  # noqa: E402
from sitrep.ingest.pipeline import Ingest  # noqa: E402
from sitrep.record import query  # noqa: E402
from sitrep.store import Store  # noqa: E402

Figure = tuple[str, int, int]  # document id, span start, span end


def ingest(db: Path, corpus: Path) -> float:
    """Ingest the real corpus (outlet = the outlet's country); seconds taken."""
    t = time.perf_counter()
    with Store(db) as store:
        Ingest(store, fields={"source": "outlet_country"}).run([str(corpus)])
    return time.perf_counter() - t


def _fig(e: dict[str, Any]) -> Figure:
    return (e["document"], e["span"][0], e["span"][1])


def series_pairs(series: list[dict[str, Any]]) -> list[tuple[Figure, Figure]]:
    """Every pair of figures that share a series."""
    return [
        (_fig(a), _fig(b)) for s in series for a, b in combinations(s["estimates"], 2) if _fig(a) != _fig(b)
    ]


_LEAD = re.compile(r"^(?:the|some|about|around|at least|more than|over|nearly|almost|up to)\s+")


def peer_series(store: Store) -> list[dict[str, Any]]:
    """The grouping before referents: figures by folded subject (synonyms of data/record_subjects.tsv)
    and outcome set, wire copies of one figure counted once."""
    synonyms = [
        ln.split("\t")
        for ln in (ROOT / "src/sitrep/data/record_subjects.tsv").read_text().splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    groups: dict[tuple[str, str], dict[tuple[Any, ...], dict[str, Any]]] = defaultdict(dict)
    for r in quantity_rows(store):
        if r["vague"] or (r["low"] is None and r["high"] is None) or r["derived_from"] or not r["subject"]:
            continue
        s = " ".join(re.findall(r"[a-z0-9]+", r["subject"].lower()))
        prev = None
        while prev != s:
            prev, s = s, _LEAD.sub("", s)
        for a, b in synonyms:
            s = re.sub(rf"\b{re.escape(a.strip())}\b", b.strip(), s)
        ident = (r["cluster"], r["low"], r["high"], r["qualifier"], r["claimant"] or r["source"])
        groups[(s, r["outcome"] or "")].setdefault(
            ident, {"document": r["document"], "span": [r["start"], r["end"]]}
        )
    return [{"estimates": list(g.values())} for g in groups.values()]


def load_judged() -> dict[str, Any]:
    """The judgements: pairs (ours and the peer's) by figure pair, disagreements by their claims."""
    pairs: dict[str, dict[frozenset[Figure], bool]] = {"pair": {}, "peer_pair": {}}
    disagreements: list[tuple[set[Figure], bool]] = []
    if JUDGED.exists():
        for line in JUDGED.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            j = json.loads(line)
            if j["kind"] in pairs:
                figures = frozenset((tuple(j["a"][:3]), tuple(j["b"][:3])))
                pairs[j["kind"]][figures] = bool(j["same"])  # type: ignore[index]
            else:
                disagreements.append(({tuple(c[:3]) for c in j["claims"]}, bool(j["genuine"])))  # type: ignore[misc]
    return {"pairs": pairs, "disagreements": disagreements}


def score_pairs(
    pairs: list[tuple[Figure, Figure]], judged: dict[frozenset[Figure], bool]
) -> tuple[int, int, int]:
    """(judged pairs present, of which same referent, pairs in all)."""
    hits = [judged[frozenset(p)] for p in pairs if frozenset(p) in judged]
    return len(hits), sum(hits), len(pairs)


def _same_dispute(judged: set[Figure], found: set[Figure]) -> bool:
    """A judged disagreement is the one found when they share most of the claims of the smaller (one
    that gained or lost claims is still the one judged; one sharing a single claim of two is not)."""
    return len(judged & found) * 2 > min(len(judged), len(found))


def score_disagreements(
    found: list[dict[str, Any]], judged: list[tuple[set[Figure], bool]]
) -> dict[str, Any]:
    """Precision over judged disagreements, and whether each genuine one is reported once."""
    verdicts, matched = [], defaultdict(int)
    for d in found:
        claims = {_fig(c) for c in d["items"]}
        hit = [i for i, (js, _) in enumerate(judged) if _same_dispute(js, claims)]
        for i in hit:
            matched[i] += 1
        if hit:
            verdicts.append(judged[hit[0]][1])
    seen: dict[Figure, int] = defaultdict(int)
    for d in found:
        for c in {_fig(c) for c in d["items"]}:
            seen[c] += 1
    return {
        "found": len(found),
        "judged": len(verdicts),
        "genuine": sum(verdicts),
        "repeated": sum(1 for i, n in matched.items() if n > 1 and judged[i][1]),
        "claims_in_two": sum(1 for n in seen.values() if n > 1),
    }


def context(store: Store, fig: Figure, width: int = 110) -> str:
    text = store.get_text(fig[0]) or ""
    a, b = max(0, fig[1] - width), min(len(text), fig[2] + width)
    return (text[a : fig[1]] + "[[" + text[fig[1] : fig[2]] + "]]" + text[fig[2] : b]).replace("\n", " ")


def print_sample(
    store: Store, n: int, judged: dict[str, Any], series: list[dict[str, Any]], peer: list[dict[str, Any]]
) -> None:
    """A seeded random sample of unjudged pairs (ours, then the peer's) and every unjudged disagreement."""
    for kind, groups in (("pair", series), ("peer_pair", peer)):
        todo = [p for p in series_pairs(groups) if frozenset(p) not in judged["pairs"][kind]]
        random.Random(14).shuffle(todo)
        for a, b in todo[:n]:
            print(json.dumps({"kind": kind, "a": list(a), "b": list(b)}))
            print("   A:", context(store, a))
            print("   B:", context(store, b))
    for d in query.contradictions(store):
        claims = {_fig(c) for c in d["items"]}
        if any(_same_dispute(js, claims) for js, _ in judged["disagreements"]):
            continue
        print(json.dumps({"kind": "disagreement", "claims": [list(c) for c in sorted(claims)]}))
        print("   ", d["reason"][:300])
        for c in sorted(claims)[:6]:
            print("    -", context(store, c, 80))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="the store of the corpus (ingested first when the file does not exist)")
    ap.add_argument("--scale", action="store_true", help="also measure adding 1,000 documents at scale")
    ap.add_argument("--sizes", default="10000,50000,100000", help="store sizes for --scale")
    ap.add_argument("--peer-max", type=int, help="skip the peer's full rebuild for stores above this size")
    ap.add_argument("--sample", type=int, default=0, help="print N unjudged pairs to judge")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help=argparse.SUPPRESS)
    args = ap.parse_args()
    corpus = args.corpus
    if not corpus.exists():
        print(f"bench_claims: {corpus} is absent; nothing to measure")
        return
    tmp = tempfile.TemporaryDirectory()
    db = Path(args.db) if args.db else Path(tmp.name) / "realnews.db"
    if not db.exists():
        print(f"ingesting {corpus.name} ... {ingest(db, corpus):.0f} s")
    with Store(db) as store:
        refresh(store)
        series = query.estimates(store)
        found = query.contradictions(store)
        peer = peer_series(store)
        judged = load_judged()
        if args.sample:
            print_sample(store, args.sample, judged, series, peer)
            return
        copies = store.scalar("SELECT count(*) FROM copies")
        stories = store.scalar("SELECT count(DISTINCT coalesce(cluster_id, id)) FROM documents")
        print(f"documents {store.count('documents')}, word-for-word copies kept {copies}, stories {stories}")
    ours = score_pairs(series_pairs(series), judged["pairs"]["pair"])
    theirs = score_pairs(series_pairs(peer), judged["pairs"]["peer_pair"])
    print("\n| grouping | series | with 2+ figures | pairs in a series | judged pairs | same referent |")
    print("|---|---|---|---|---|---|")
    for name, groups, (n, same, total) in (
        ("sitrep (referent keys)", series, ours),
        ("peer: subject head noun", peer, theirs),
    ):
        multi = sum(1 for s in groups if len(s["estimates"]) > 1)
        share = f"{same / n:.2f} ({same}/{n})" if n else "-"
        print(f"| {name} | {len(groups)} | {multi} | {total} | {n} | {share} |")
    d = score_disagreements(found, judged["disagreements"])
    kinds = defaultdict(int)
    for x in found:
        kinds[x["kind"]] += 1
    precision = f"{d['genuine'] / d['judged']:.2f} ({d['genuine']}/{d['judged']})" if d["judged"] else "-"
    print(
        f"\ndisagreements {d['found']} ({dict(kinds)}); judged {d['judged']}, genuine precision {precision}"
    )
    print(
        f"genuine disagreements reported more than once: {d['repeated']};"
        f" claims in two disagreements: {d['claims_in_two']}"
    )
    if args.scale:
        from _claims_scale import scale

        scale(db, [int(x) for x in args.sizes.split(",")], args.peer_max)


if __name__ == "__main__":
    main()
