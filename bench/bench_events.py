"""Events and positions benchmark: sitrep vs a naive trigger-verb baseline on our annotated articles.

Run: .venv/bin/python bench/bench_events.py [--split dev|test|fresh|blind2|blind3|all] [--show]

Articles and annotations: bench/data/events/articles.jsonl (written and annotated by us; see the
README beside it). Events match on (type, actor, place, status); positions on (holder, stance,
number of conditions). The peer ("naive") is the usual first cut: every trigger-lexicon verb is a
`reported` event with its nsubj as actor and the first GPE/LOC of its sentence as place; every
sentence with "open/ready/willing ... talks" is an `open` position of the root's subject.
There is no public event-annotated news in ../shared/eval (checked at run time).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.components.events.lexicon import triggers  # noqa: E402
from sitrep.components.positions.holders import display  # noqa: E402
from sitrep.components.positions.lexicon import position_topics  # noqa: E402
from sitrep.components.shared.sides import same_name  # noqa: E402
from sitrep.components.shared.states import capital_country  # noqa: E402

DATA = ROOT / "bench" / "data" / "events" / "articles.jsonl"
SHARED_EVAL = ROOT.parent / "shared" / "eval"
TEST_FROM = "ev025"
FRESH_FROM = "ev049"  # written after the rules were final: the only split never used for development


def name_ok(gold: str | None, got: str | None) -> bool:
    """Gold (with "/" alternatives) and system names denote the same thing; None matches None.

    A capital and its state are one actor ("Moscow" and "Russia"), as in CAMEO/PLOVER actor coding:
    the annotations predate sitrep naming the state, so both sides are compared as states, with the
    short names news writes (positions' `display`: "United States" and "US" alike, as `holder_ok`).
    """
    if gold is None or got is None:
        return gold is None and got is None
    return any(same_name(display(_state(alt.strip())), display(_state(got))) for alt in gold.split("/"))


def _state(name: str) -> str:
    """The state a capital stands for, else the name itself."""
    return capital_country().get(name.lower(), name)


def ev_ok(g: dict, s: dict) -> bool:
    return (
        g["type"] == s["type"]
        and g["status"] == s["status"]
        and name_ok(g["actor"], s["actor"])
        and name_ok(g["place"], s["place"])
    )


def holder_ok(gold: str | None, got: str | None) -> bool:
    """As `name_ok`, with positions' short names on both sides ("United States", "Washington" -> "US")."""
    if gold is None or got is None:
        return gold is None and got is None
    return any(same_name(display(_state(alt.strip())), display(_state(got))) for alt in gold.split("/"))


def pos_ok(g: dict, s: dict) -> bool:
    return (
        holder_ok(g["holder"], s["holder"])
        and g["stance"] == s["stance"]
        and g["conditions"] == s["conditions"]
    )


def match(gold: list[dict], got: list[dict], ok: Callable[[dict, dict], bool]) -> int:
    """Greedy one-to-one matches."""
    used: set[int] = set()
    n = 0
    for g in gold:
        for i, s in enumerate(got):
            if i not in used and ok(g, s):
                used.add(i)
                n += 1
                break
    return n


def sitrep_run(nlp, art: dict) -> tuple[list[dict], list[dict]]:
    """sitrep's events and positions for one article."""
    import sitrep

    rep = sitrep.extract(art["text"], published=art["published"], nlp=nlp)
    ev = [
        {"type": e.type, "actor": e.actor, "place": e.place, "status": e.status, "trigger": e.trigger.text}
        for e in rep.events
    ]
    pos = [
        {"holder": p.holder, "stance": p.stance, "conditions": len(p.conditions), "topic": p.topic}
        for p in rep.positions
    ]
    return ev, pos


def naive_run(base, art: dict) -> tuple[list[dict], list[dict]]:
    """The peer: trigger verbs as reported events (nsubj actor); open/ready/willing + topic as positions."""
    doc = base(art["text"])
    lex = triggers()
    topics = {seq[-1] for seq, _ in position_topics()}
    ev, pos = [], []
    for sent in doc.sents:
        place = next((e.text for e in sent.ents if e.label_ in ("GPE", "LOC")), None)
        for tok in sent:
            if tok.pos_ == "VERB" and tok.lemma_.lower() in lex:
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                ev.append(
                    {
                        "type": lex[tok.lemma_.lower()][0],
                        "actor": subj.text if subj is not None else None,
                        "place": place,
                        "status": "reported",
                    }
                )
        lemmas = {t.lemma_.lower() for t in sent}
        if lemmas & {"open", "ready", "willing"} and lemmas & topics:
            subj = next((t for t in sent if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
            if subj is not None:
                pos.append({"holder": subj.text, "stance": "open", "conditions": 0})
    return ev, pos


def prf(tp: int, n_sys: int, n_gold: int) -> str:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.2f}  R {r:.2f}  F1 {f:.2f}  ({tp} matched, {n_sys} found, {n_gold} gold)"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=("dev", "test", "fresh", "blind2", "blind3", "all"), default="all")
    ap.add_argument("--show", action="store_true", help="print each article's misses and extras")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"no benchmark data at {DATA}; nothing to measure")
        return 0
    arts = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.split in ("dev", "test", "fresh"):
        arts = [a for a in arts if "split" not in a]  # named splits (blind2) are not id ranges
    if args.split in ("blind2", "blind3"):
        arts = [a for a in arts if a.get("split") == args.split]
    elif args.split == "dev":
        arts = [a for a in arts if a["id"] < TEST_FROM]
    elif args.split == "test":
        arts = [a for a in arts if TEST_FROM <= a["id"] < FRESH_FROM]
    elif args.split == "fresh":
        arts = [a for a in arts if a["id"] >= FRESH_FROM]

    import sitrep

    nlp = sitrep.load_pipeline()
    base = nlp  # the same parse for both, so that only the rules differ
    totals: dict[str, list[int]] = {}

    def add(key: str, tp: int, ns: int, ng: int) -> None:
        t = totals.setdefault(key, [0, 0, 0])
        t[0] += tp
        t[1] += ns
        t[2] += ng

    for art in arts:
        date.fromisoformat(art["published"])
        for name, run in (("sitrep", lambda a: sitrep_run(nlp, a)), ("naive", lambda a: naive_run(base, a))):
            ev, pos = run(art)
            add(f"{name} events", match(art["events"], ev, ev_ok), len(ev), len(art["events"]))
            add(
                f"{name} events (type only)",
                match(art["events"], ev, lambda g, s: g["type"] == s["type"]),
                len(ev),
                len(art["events"]),
            )
            add(
                f"{name} events (type+status)",
                match(art["events"], ev, lambda g, s: g["type"] == s["type"] and g["status"] == s["status"]),
                len(ev),
                len(art["events"]),
            )
            add(f"{name} positions", match(art["positions"], pos, pos_ok), len(pos), len(art["positions"]))
            if args.show and name == "sitrep":
                print(f"--- {art['id']}")
                for e in ev:
                    print("   sys ", e, "OK" if any(ev_ok(g, e) for g in art["events"]) else "")
                for g in art["events"]:
                    print("   gold", g, "" if any(ev_ok(g, e) for e in ev) else "MISSED")
                for p in pos:
                    print("   sysP", p)
                for g in art["positions"]:
                    print("   goldP", g, "" if any(pos_ok(g, p) for p in pos) else "MISSED")
    print(f"events/positions benchmark: {len(arts)} articles ({args.split}) from {DATA.relative_to(ROOT)}")
    print(f"command: .venv/bin/python bench/bench_events.py --split {args.split}")
    for key, (tp, ns, ng) in totals.items():
        print(f"  {key:32s} {prf(tp, ns, ng)}")
    if not any((SHARED_EVAL / d).exists() for d in ("acled", "plover", "events")):
        print("  (no public event-annotated news under ../shared/eval: nothing else to score)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
