"""Vote tallies: "the final vote was 79 to 18", "by a vote of 311 to 112", "voted 366-9" are two figures,
the votes for and the votes against, not a range, a score or a model number."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...numbers import Amount
from .lexicon import lemma, vote_words

_JOINS = ("to", "-", "–", "—")
_MOST = 1000  # no chamber or assembly counts more votes than this


def _count(tok: Token) -> int | None:
    """The whole number a token writes (digits only, no scale), or None."""
    text = tok.text.replace(",", "")
    if len(text) > len(str(_MOST)) or not text.isdigit():
        return None  # never int() of thousands of digits (Python refuses over 4,300)
    return int(text) if int(text) <= _MOST else None


def _cued(doc: Doc, first: int) -> bool:
    """A vote word among the six words before the tally's first number, or above it in the parse."""
    sent = doc[first].sent
    if any(lemma(t) in vote_words() for t in doc[max(sent.start, first - 6) : first]):
        return True
    return any(lemma(x) in vote_words() for x in list(doc[first].ancestors)[:3])


def vote_side(doc: Doc, a: Amount) -> str | None:
    """'for' when the amount is the first number of a vote tally, 'against' when it is the second."""
    if a.end - a.start != 1 or _count(doc[a.start]) is None:
        return None
    i = a.start
    j = i + 1
    if j < len(doc) and doc[j].lower_ == "votes":
        j += 1  # "143 votes to 5"
    if j + 1 < len(doc) and doc[j].text in _JOINS and _count(doc[j + 1]) is not None and _cued(doc, i):
        return "for"
    k = i - 1
    if k >= 1 and doc[k].text in _JOINS:
        first = k - 1 - (doc[k - 1].lower_ == "votes" and k >= 2)
        if first >= 0 and _count(doc[first]) is not None and _cued(doc, first):
            return "against"
    return None
