"""Attribution benchmark: sitrep's statements vs textacy's `direct_quotations` on PolNeAR dev.

Data: `../shared/eval/polnear/dev.jsonl` (PolNeAR, Newell et al. 2018; see its README). Gold items
are attributions with a source mention span, a cue span and one or more content spans; sources are
text mentions ("he", "a source"), not resolved names.

Matching rule (documented, applied identically to both systems):
- Content match: a predicted content span `[s, e)` matches a gold attribution when the characters
  they share (gold = the union of its content spans) are at least 50% of the shorter of the two.
  Predictions and gold items are paired one-to-one, greedily by shared characters.
  This rule forgives a prediction that runs far past its gold (a whole paragraph for one clause)
  and a fragment of a long gold quote, so a strict row is printed too: shared characters at least
  50% of the LONGER span (both boundaries roughly right). The headline figure stays the lenient
  rule, as before, so that runs stay comparable.
- Speaker correct: the predicted speaker's mention span overlaps the gold source span, or the
  predicted (resolved) speaker name contains the head (last word) of the gold source text, case
  folded. Gold attributions without a source (implicit ones) count any speaker as correct.
- Also printed: content recall on the subset of gold attributions whose cue is a verb of speech
  (PolNeAR also annotates thoughts, intentions and evidence: "believes", "wants", "shows").
- Content P/R/F1 counts content matches; pair P/R/F1 counts content matches whose speaker is also
  correct; speaker accuracy = correct speakers / content matches.
- Rows: sitrep with every mode (speech, thought, intention, evidence), sitrep restricted to
  `mode == "speech"`, and textacy; for the whole split and for its two halves (articles 0-41 were
  used for tuning the cue lexicons, 42-83 much less so).

Usage: `.venv/bin/python bench/bench_attribution.py [--limit N] [--split dev|train] [--misses N]`
(`--split train` reads `train.jsonl`, 840 articles: study misses there, confirm on dev.)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # this checkout's sitrep first

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "eval" / "polnear"

COMPONENTS = ("sitrep_document", "sitrep_entities", "sitrep_times", "sitrep_statements")


@dataclass
class Pred:
    """One predicted attribution: content span, speaker mention span and speaker name."""

    content: tuple[int, int]
    speaker_span: tuple[int, int] | None
    speaker_name: str
    mode: str = "speech"


@dataclass
class Score:
    """Running counts for one system."""

    gold: int = 0
    pred: int = 0
    content: int = 0
    pairs: int = 0
    speech_gold: int = 0  # gold attributions whose cue is a verb of speech (say, tell, according to, ...)
    speech_hit: int = 0

    def line(self, name: str) -> str:
        """One printed row of figures."""

        def prf(hit: int) -> tuple[float, float, float]:
            p = hit / self.pred if self.pred else 0.0
            r = hit / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        cp, cr, cf = prf(self.content)
        pp, pr, pf = prf(self.pairs)
        acc = self.pairs / self.content if self.content else 0.0
        return (
            f"{name:<22} {self.pred:>6} {cp:>6.3f} {cr:>6.3f} {cf:>6.3f}   "
            f"{pp:>6.3f} {pr:>6.3f} {pf:>6.3f}   {acc:>6.3f}"
        )


def _head(source_text: str) -> str:
    words = re.findall(r"[\w'\u2019-]+", source_text or "")
    return words[-1].lower() if words else ""


def score_doc(
    preds: list[Pred],
    gold: list[dict],
    speech: list[bool],
    score: Score,
    hits: set[int] | None = None,
    strict: bool = False,
) -> None:
    """Adds one document's matches to `score` (`hits` collects the indices of matched gold items;
    `strict`: the shared characters must be half of the longer span, not of the shorter)."""
    pick = max if strict else min
    score.gold += len(gold)
    score.speech_gold += sum(speech)
    score.pred += len(preds)
    gsets = []
    for g in gold:
        chars: set[int] = set()
        for s, e in g["content"]:
            chars.update(range(s, e))
        gsets.append(chars)
    cands = []
    for pi, p in enumerate(preds):
        pchars = set(range(*p.content))
        for gi, gchars in enumerate(gsets):
            shared = len(pchars & gchars)
            if shared and shared >= 0.5 * pick(len(pchars), len(gchars)):
                cands.append((shared, pi, gi))
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _shared, pi, gi in sorted(cands, reverse=True):
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        score.content += 1
        score.speech_hit += speech[gi]
        if hits is not None:
            hits.add(gi)
        if speaker_ok(preds[pi], gold[gi]):
            score.pairs += 1


def speaker_ok(p: Pred, g: dict) -> bool:
    """The documented speaker rule."""
    src = g.get("source")
    if not src:
        return True
    if p.speaker_span and p.speaker_span[0] < src[1] and src[0] < p.speaker_span[1]:
        return True
    head = _head(g.get("source_text", ""))
    return bool(head) and head in (p.speaker_name or "").lower()


def speech_flags(doc, gold: list[dict]) -> list[bool]:
    """Which gold attributions have a verb of speech as cue (strong cue lexicon, or "according to")."""
    from sitrep.components.statements.speaker import cue_lemmas

    strong = {lemma for lemma, w in cue_lemmas().items() if w >= 0.9}
    flags = []
    for g in gold:
        span = doc.char_span(*g["cue"], alignment_mode="expand") if g.get("cue") else None
        flags.append(
            span is not None
            and (any(t.lemma_.lower() in strong for t in span) or span.text.lower().startswith("according"))
        )
    return flags


def sitrep_preds(nlp, item: dict):
    """sitrep's statements on one article, and the processed Doc."""
    from sitrep.api import make_doc

    doc = nlp(make_doc(nlp, item["text"], item.get("published")))
    out = []
    for st in doc._.sitrep_statements or []:
        sp = st.speaker
        out.append(
            Pred(
                tuple(st.content.span),
                tuple(sp.span) if sp and sp.span else None,
                sp.name if sp else "",
                getattr(st, "mode", "speech"),
            )
        )
    return out, doc


def textacy_preds(doc) -> list[Pred]:
    """textacy's direct quotations on the same parse (it gives up on some documents)."""
    from textacy.extract.triples import direct_quotations

    out = []
    try:
        for dq in direct_quotations(doc):
            sp = dq.speaker
            span = (sp[0].idx, sp[-1].idx + len(sp[-1].text)) if sp else None
            name = " ".join(t.text for t in sp) if sp else ""
            out.append(Pred((dq.content.start_char, dq.content.end_char), span, name))
    except Exception as exc:  # textacy raises on odd numbers of quote marks
        print(f"  textacy failed on a document: {type(exc).__name__}: {str(exc)[:80]}", file=sys.stderr)
    return out


def _print_block(title: str, rows: list[tuple[str, Score]]) -> None:
    """One table of figures with the speech-verb recall of each row."""
    gold = rows[0][1].gold
    sgold = rows[0][1].speech_gold
    print(f"{title}: {gold} gold attributions, {sgold} with a verb-of-speech cue")
    print(
        f"  {'system':<22} {'pred':>6} {'P':>6} {'R':>6} {'F1':>6}   "
        f"{'pairP':>6} {'pairR':>6} {'pairF1':>6}   {'spkAcc':>6}   {'R(speech)':>9}"
    )
    for name, sc in rows:
        sr = sc.speech_hit / sc.speech_gold if sc.speech_gold else 0.0
        print(f"  {sc.line(name)}   {sr:>9.3f}")


def main(argv: list[str] | None = None) -> int:
    """Runs both systems on the split and prints their figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--split", default="dev", help="dev (default) or train")
    ap.add_argument("--misses", type=int, default=0, help="print the N commonest cues of missed gold")
    args = ap.parse_args(argv)
    path = DATA / f"{args.split}.jsonl"
    if not path.exists():
        print(f"bench_attribution: {path} is absent (no ../shared/eval/polnear here); nothing to do.")
        return 0
    items = [json.loads(ln) for ln in path.open(encoding="utf-8") if ln.strip()]
    if args.limit:
        items = items[: args.limit]

    from collections import Counter

    from sitrep.pipeline import build_pipeline

    nlp = build_pipeline(components=COMPONENTS)
    half = (len(items) + 1) // 2
    systems = ("sitrep (all modes)", "sitrep (mode=speech)", "textacy direct_quot.", "sitrep strict overlap")
    scores = {(part, name): Score() for part in ("all", "a", "b") for name in systems}
    missed: Counter[str] = Counter()
    t0 = time.perf_counter()
    for n, item in enumerate(items):
        gold = [g for g in item["attributions"] if g.get("content")]
        preds, doc = sitrep_preds(nlp, item)
        speech = speech_flags(doc, gold)
        runs = {
            systems[0]: preds,
            systems[1]: [p for p in preds if p.mode == "speech"],
            systems[2]: textacy_preds(doc),  # the same spaCy parse
            systems[3]: preds,
        }
        for name, ps in runs.items():
            for part in ("all", "a" if n < half else "b"):
                hits: set[int] = set()
                score_doc(ps, gold, speech, scores[(part, name)], hits, strict=name == systems[3])
                if args.misses and part == "all" and name == systems[0]:
                    missed.update(
                        (g.get("cue_text") or "-").lower() for gi, g in enumerate(gold) if gi not in hits
                    )
    secs = time.perf_counter() - t0
    print(f"PolNeAR {args.split}: {len(items)} articles ({secs:.0f}s)")
    print(
        "rule: content overlap >= 50% of the shorter span (strict row: of the longer span); "
        "speaker: mention overlap or name has source head"
    )
    titles = {
        "all": f"all {len(items)} articles",
        "a": f"articles 0-{half - 1} (tuning half)",
        "b": f"articles {half}-{len(items) - 1} (less-tuned half)",
    }
    for part in ("all", "a", "b"):
        _print_block(titles[part], [(name, scores[(part, name)]) for name in systems])
    if args.misses:
        print("commonest cues of missed gold attributions:")
        print("  " + ", ".join(f"{c} {k}" for c, k in missed.most_common(args.misses)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
