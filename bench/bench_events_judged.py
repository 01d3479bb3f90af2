"""Events on real war news, judged by hand: today's output re-scored against bench/data/events_judged.jsonl.

Usage: .venv/bin/python bench/bench_events_judged.py [--round s7-fresh] [--show]

bench/data/events_judged.jsonl holds judgements of the events sitrep gave for random articles of
../shared/eval/realnews/corpus.jsonl (rounds: 1 has no "round" key; s5-*, s6-fresh, s7-fresh, ...),
each with event_ok, actor_ok and status_ok as the round's "about" line defines them; rows with
"missed": true are happenings the judge found that sitrep did not give. The same article may be
judged in several rounds (s5-before/after/final): the latest judgement of a span wins.

Each event sitrep gives today is met to a judged row of its article by overlapping trigger span and
the same type (else any type). Prints per round: events given, met, unjudged (new since the
judgement), good (event_ok) and bad among met, precision over met, actor and status right among
good ones whose actor/status is unchanged since judged (changed ones are counted apart), and the
misses found now. Exits 0 with a message when ../shared is absent.
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
JUDGED = ROOT / "bench" / "data" / "events_judged.jsonl"


def _words(s: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (s or "").lower()) if len(w) > 1 and w != "the"}


def _same_actor(a: str | None, b: str | None) -> bool:
    return (not a and not b) or bool(_words(a) & _words(b))


def _meet(ev: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    a, b = ev["span"]
    hits = [r for r in rows if r["span"][0] < b and a < r["span"][1]]
    same = [r for r in hits if r["type"] == ev["type"]]
    return (same or hits or [None])[0]


def _events(docs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    import sitrep

    out = {}
    for d in docs:
        rep = sitrep.extract(d["text"], published=d["published"])
        out[d["id"]] = [
            {
                "span": list(e.trigger.span),
                "trigger": e.trigger.text,
                "type": e.type,
                "actor": e.actor,
                "status": e.status,
            }
            for e in rep.events
            if e.trigger is not None
        ]
    return out


def _score(label: str, rows: list[dict[str, Any]], pred: dict[str, list[dict[str, Any]]], show: bool) -> None:
    docs = sorted({r["doc"] for r in rows})
    latest: dict[tuple[str, int, int, str], dict[str, Any]] = {}
    for r in rows:
        if not r.get("missed"):
            latest[(r["doc"], r["span"][0], r["span"][1], r["type"])] = r
    judged = list(latest.values())
    missed = [r for r in rows if r.get("missed")]
    n = met = good = act_ok = act_n = st_ok = st_n = changed = 0
    for doc in docs:
        for ev in pred.get(doc, []):
            n += 1
            row = _meet(ev, [r for r in judged if r["doc"] == doc])
            if row is None:
                if show:
                    print(f"  new  {doc[:24]} {ev['trigger']!r} {ev['type']} {ev['actor']!r} {ev['status']}")
                continue
            met += 1
            if show == 2:
                print(f"  met  {doc[:24]} {ev['trigger']!r} {ev['type']} ok={row['event_ok']}")
            if not row["event_ok"] or row["type"] != ev["type"]:
                if show:
                    print(f"  bad  {doc[:24]} {ev['trigger']!r} {ev['type']} {row.get('note', '')}")
                continue
            good += 1
            if _same_actor(ev["actor"], row["actor"]):
                act_n += 1
                act_ok += bool(row["actor_ok"])
            else:
                changed += 1
                if show:
                    was, now = row["actor"], ev["actor"]
                    print(f"  actor changed {doc[:24]} {ev['trigger']!r}: {was!r} -> {now!r}")
            if ev["status"] == row["status"]:
                st_n += 1
                st_ok += bool(row["status_ok"])
            else:
                changed += 1
                if show:
                    print(f"  status changed {doc[:24]} {ev['trigger']!r}: {row['status']} -> {ev['status']}")
    found = sum(1 for m in missed if _meet(m, pred.get(m["doc"], [])) is not None)
    prec = good / met if met else 0.0
    print(
        f"{label:10s} given {n:4d} met {met:4d} unjudged {n - met:3d} good {good:4d} bad {met - good:4d} "
        f"precision {prec:.3f} actor {act_ok}/{act_n} status {st_ok}/{st_n} changed {changed} "
        f"misses found {found}/{len(missed)}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--round", default="", help="one round only, as 1 or s7-fresh")
    ap.add_argument("--show", action="count", default=0, help="print bad, new, changed (twice: all)")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"bench_events_judged: {CORPUS} is absent (no ../shared here); nothing to do.")
        return 0
    lines = [json.loads(ln) for ln in JUDGED.read_text(encoding="utf-8").splitlines() if ln.strip()]
    rows = [ln for ln in lines if "about" not in ln]
    for r in rows:
        r["round"] = str(r.get("round", 1))
    rounds = sorted({r["round"] for r in rows})
    wanted = {r["doc"] for r in rows if args.round in ("", r["round"])}
    docs = [d for d in (json.loads(ln) for ln in CORPUS.open(encoding="utf-8")) if d["id"] in wanted]
    pred = _events(docs)
    for rnd in rounds:
        if args.round in ("", rnd):
            _score(rnd, [r for r in rows if r["round"] == rnd], pred, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
