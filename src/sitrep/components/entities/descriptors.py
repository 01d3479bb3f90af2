"""Descriptive mentions of the entities component: "the general", "the Ukrainian leader", "the ministry"."""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

from spacy.tokens import Doc, Span

from .lexicon import DETERMINERS, nouns
from .mentions import Mention


def descriptor_mentions(doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
    """Definite descriptive noun phrases ("the general", "the Ukrainian leader", "the ministry")."""
    out: list[Mention] = []
    spans = sorted(taken)
    starts = [s for s, _e in spans]
    reach = list(accumulate((e for _s, e in spans), max))  # the furthest end among the first k spans
    for chunk in doc.noun_chunks:
        m = descriptor(chunk)
        if m is None:
            continue
        root = chunk.root
        r0 = root.idx
        k = bisect_left(starts, r0 + len(root.text))  # spans starting before the root's end
        if k and reach[k - 1] > r0:  # ... one of which ends after its start: the root is taken
            continue
        out.append(m)
    return out


def descriptor(chunk: Span) -> Mention | None:
    """A descriptive mention for a definite noun phrase whose head is a descriptor noun, else None."""
    root = chunk.root
    head = root.lower_ if root.lower_ in nouns() else root.lemma_.lower()
    typ = nouns().get(head)
    if typ is None or root.ent_type_ in {"PERSON"}:
        return None
    first = chunk[0]
    if any(t.is_punct and t.text not in {"-", "'s", "\u2019s"} for t in chunk):
        return None
    poss = [t for t in root.children if t.dep_ == "poss"]
    if first.lower_ != "the" and not poss:
        return None
    if typ == "PERSON" and (root.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "prep" for c in root.children)):
        return None
    if typ == "GPE" and root.tag_ in {"NNS", "NNPS"}:
        return None
    nxt = root.i + 1
    doc = chunk.doc
    if nxt < len(doc) and doc[nxt].ent_type_ == "PERSON":
        return None  # "the spokesman Dmitry Peskov": a title, handled with the name
    start = chunk[0]
    mods = [t.text for t in chunk if t.i != root.i and t.lower_ not in DETERMINERS and not t.is_punct]
    m = Mention(
        start.idx,
        chunk.end_char,
        doc[start.i : chunk.end].text,
        typ,
        "descriptor",
        start.i,
        chunk.end,
        head=head,
        modifiers=mods,
    )
    # "The army said ...", "Israel's military": may stand for an organisation of their own
    owner = any(p.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"} for p in poss)
    definite = first.lower_ == "the" and not poss
    m.strong = typ == "ORG" and (owner or (definite and root.dep_ in {"nsubj", "nsubjpass"}))
    return m
