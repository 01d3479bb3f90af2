"""Negation of a position predicate ("will not negotiate", "is not acceptable")."""

from __future__ import annotations

from spacy.tokens import Token

NEGATORS = {"not", "n't", "never", "no"}


def negated(tok: Token) -> bool:
    """A negation on the predicate (or on the copula or verb it complements)."""
    heads = [tok, tok.head] if tok.dep_ in ("acomp", "xcomp", "attr") else [tok]
    return any(
        c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in ("advmod", "neg"))
        for h in heads
        for c in h.children
    )
