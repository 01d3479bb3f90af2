"""A share of a poll's respondents ('73 percent say ...', 'with 68 percent of Democrats saying ...') is
the poll's finding: its claimant is the last poll the story named before it, by its author."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ...model import Claimant, Statement
from ..shared.clauses import doc_memo
from .authors import named
from .lexicon import claim_verbs, poll_words
from .naming import phrase_of, source_name

_SHARE = frozenset({"percent", "%", "pct", "per"})
_BACK = 6  # poll mentions to walk back for one named by its author ("the new poll" after "a Post-ABC poll")
_NAME_WORDS = 6  # longer describes the poll ("survey in nine EU member states - Finland, ..."): no name
_UP = frozenset({"nummod", "compound", "quantmod", "nmod", "amod", "advmod"})


def _polls(doc: Doc) -> list[int]:
    """Where the story names a poll or survey (token indices, ascending); found once per Doc."""
    nouns = poll_words("noun")
    return doc_memo(
        doc, "poll_mentions", lambda: [t.i for t in doc if t.pos_ == "NOUN" and t.lemma_.lower() in nouns]
    )


def respondents_poll(doc: Doc, tok: Token, statements: Sequence[Statement] = ()) -> Claimant | None:
    """The poll behind a share of respondents that is the subject of what they say or think."""
    x = tok
    for _ in range(4):
        if x.dep_ not in _UP or x.head.i == x.i:
            break
        x = x.head
    if x.lower_ not in _SHARE and "%" not in tok.text:
        return None
    while x.dep_ == "conj" and x.head.i != x.i:
        x = x.head  # "68 percent of Democrats and 70 percent of Republicans saying"
    verb = x.head
    if x.dep_ != "nsubj" or verb.lemma_.lower() not in poll_words("verb") | claim_verbs():
        return None
    polls = _polls(doc)
    k = bisect_left(polls, tok.i) - 1
    first: str | None = None
    for j in range(k, max(k - _BACK, -1), -1):  # the nearest poll the story names by its author
        poll = doc[polls[j]]
        name = source_name(doc, phrase_of(doc, poll), poll, statements)
        if name and named(name) and len(name.split()) <= _NAME_WORDS:
            return Claimant(name=name)
        first = first or name
    return Claimant(name=first) if first else None  # "the new poll": the poll all the same
