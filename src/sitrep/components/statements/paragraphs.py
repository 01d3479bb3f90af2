"""One statement per paragraph of a quotation that runs over several paragraphs.

A quotation of several paragraphs ("A.\n\n"B.\n\n"C," she said) is one statement per paragraph, each
with the quotation's speaker: the paragraph that holds the cue keeps it as its own, the others are
continuations. A continuation gives way to any statement of its paragraph that another cue made
("he said: "A.\n\n"B," he added": B is what was added), so a paragraph is reported once.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from ...model import Statement, TextSpan
from .builder import Builder
from .syntax import trim

Item = tuple[Statement, Token | None]


def _para_index(starts: list[int], pos: int) -> int:
    """Index of the paragraph whose start is the last at or before `pos`."""
    return max(bisect_right(starts, pos) - 1, 0)


def _piece(b: Builder, st: Statement, a: int, z: int) -> Statement | None:
    """The part `[a, z)` of statement `st`, its kind read from the quotations inside."""
    a, z = trim(b.text, a, z)
    if z - a < 2 or not any(ch.isalpha() for ch in b.text[a:z]):
        return None
    quotes = []
    outside = list(b.text[a:z])
    for q in st.quotes:
        qa, qz = max(q.span[0], a), min(q.span[1], z)
        if qz > qa:
            quotes.append(TextSpan(text=b.text[qa:qz], span=(qa, qz)))
            outside[qa - a : qz - a] = " " * (qz - qa)
    words = "".join(outside).split()
    # '"A," he said, "B."': an attribution of a few words between quotations leaves the piece direct
    residue = any(ch.isalnum() for ch in outside) and not (len(quotes) >= 2 and len(words) <= 6)
    kind = "indirect" if not quotes else ("mixed" if residue else "direct")
    return st.model_copy(
        update={"content": TextSpan(text=b.text[a:z], span=(a, z)), "quotes": quotes, "kind": kind}
    )


def _distance(st: Statement) -> int:
    """Characters from the cue to the content (a cue after the content counts from further away)."""
    gap = st.content.span[0] - st.cue.span[1]
    return gap if gap >= 0 else 100_000 + st.cue.span[0] - st.content.span[1]


def split_paragraphs(b: Builder) -> None:
    """Each quoted statement that runs over paragraphs becomes one statement per paragraph; a
    paragraph whose cue stands outside it yields to a statement another cue made there."""
    paras = b.ctx.paras
    if not paras:
        return
    starts = [s for s, _e in paras]
    own: list[tuple[Item, int]] = []  # (item, first paragraph index)
    cont: list[tuple[Item, int]] = []
    for st, verb in b.items:
        c0, c1 = st.content.span
        i0, i1 = _para_index(starts, c0), _para_index(starts, max(c0, c1 - 1))
        cue_para = _para_index(starts, st.cue.span[0])
        quoted = st.kind != "indirect"
        if i0 == i1 or not quoted:
            target = cont if st.kind == "direct" and cue_para != i0 else own
            target.append(((st, verb), i0))
            continue
        for k in range(i0, i1 + 1):
            p0, p1 = paras[k]
            piece = _piece(b, st, max(c0, p0), min(c1, p1))
            if piece is not None:
                (own if k == cue_para else cont).append(((piece, verb), k))
    by_para: dict[int, list[tuple[int, int]]] = {}
    for (st, _v), _k in own:
        c0, c1 = st.content.span
        for k in range(_para_index(starts, c0), _para_index(starts, max(c0, c1 - 1)) + 1):
            by_para.setdefault(k, []).append(st.content.span)
    kept = [item for item, _k in own]
    # the nearest attribution before a paragraph claims it first (the last cue said before it)
    cont.sort(key=lambda c: (c[1], _distance(c[0][0])))
    for item, k in cont:
        s, e = item[0].content.span
        taken = by_para.setdefault(k, [])
        if any(min(e, oe) - max(s, os_) >= 0.5 * min(e - s, oe - os_) for os_, oe in taken):
            continue
        taken.append((s, e))
        kept.append(item)
    b.items = kept
