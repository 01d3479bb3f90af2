"""Elliptical follow-ups: "Same thing probably on the Ukrainian side." copies the claim before it."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from ...model import Claimant, Quantity
from ...text import doc_text
from .lexicon import demonyms, hedge_lexicon, is_nationality

SAME_NOUNS = {
    "thing",
    "things",
    "number",
    "numbers",
    "figure",
    "figures",
    "toll",
    "count",
    "story",
    "goes",
    "true",
    "applies",
    "holds",
    "situation",
    "picture",
    "losses",
}
SIDE_NOUNS = {"side", "sides", "army", "forces", "military", "troops", "camp", "front"}


def _swap_nationality(subject: str | None, adj: str, side_noun: str) -> str:
    """'Russian soldiers' -> 'Ukrainian soldiers'; without a nationality: 'Ukrainian side'."""
    if subject:
        words = subject.split()
        known = {v.lower() for v in demonyms().values()}
        for k, w in enumerate(words):
            if w.lower() in known:
                words[k] = adj
                return " ".join(words)
    return f"{adj} {side_noun}"


def find_followups(
    doc: Doc, claims: list[Quantity], claimant: Callable[[tuple[int, int]], Claimant | None]
) -> list[Quantity]:
    """Hedged copies of earlier claims for sentences that say 'same thing on the X side'."""
    out: list[Quantity] = []
    n = len(claims)
    for sent in doc.sents:
        toks = list(sent)
        same = next((t for t in toks if t.lower_ == "same"), None)
        if same is None or any(sent.start_char <= q.span[0] < sent.end_char for q in claims):
            continue  # (the scan of all claims only for the rare sentence that says "same")
        nxt = [t for t in toks if same.i < t.i <= same.i + 3 and t.lower_ in SAME_NOUNS]
        if not nxt:
            continue
        nat = next((t for t in toks if t.i > same.i and (is_nationality(t) or t.lower_ in demonyms())), None)
        if nat is None:
            continue
        adj = demonyms().get(nat.lower_, nat.text)
        side = next((t.lower_ for t in toks if t.i > nat.i and t.lower_ in SIDE_NOUNS), "side")
        before = [q for q in claims[:n] if q.span[1] <= sent.start_char and sent.start_char - q.span[1] < 600]
        if not before:
            continue
        source = next(
            (q for q in reversed(before) if q.subject and adj.lower() not in q.subject.lower()), before[-1]
        )
        hedges = [t.lower_ for t in toks if hedge_lexicon().get(t.lower_) in ("adverb", "modal")]
        start, end = same.idx, nxt[0].idx + len(nxt[0])
        if same.i > sent.start and doc[same.i - 1].lower_ == "the":
            start = doc[same.i - 1].idx
        subject = _swap_nationality(source.subject, adj, side)
        out.append(
            source.model_copy(
                update={
                    "id": f"q{n + len(out) + 1}",
                    "text": doc_text(doc)[start:end],
                    "span": (start, end),
                    "subject": subject,
                    "hedged": bool(hedges) or source.hedged,
                    "hedges": hedges or list(source.hedges),
                    "claimant": claimant((start, end)),
                    "derived_from": source.id,
                }
            )
        )
    return out
