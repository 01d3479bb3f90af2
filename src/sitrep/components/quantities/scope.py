"""The scope of a figure in time and in its whole, read from cue words around it (`data/referent_scope.tsv`):
a change ("rose by"), a count since a date, per period ("a day"), a total, a share, or part of another
figure ("including 5.9 million"). Each cue is looked up among a few sets of words around the figure, each
set's runs of n words built once per figure."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ...model import Quantity
from ...referents import ScopeCue, scope_lexicon
from ..shared.clauses import doc_memo
from .lexicon import source_words

PEOPLE_UNITS = {"people"}


def part_of(doc: Doc, fig: Span) -> bool:
    """A figure that counts part of another: "including 5.9 million", "among them 12 children" (and a
    figure coordinated with one)."""
    tok = fig.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    heads = {tok.head.lower_} if tok.dep_ == "pobj" else set()
    before = Words(doc[max(fig.sent.start, fig.start - 2) : fig.start])
    return any(before.has(phrase) or (len(phrase) == 1 and phrase[0] in heads) for phrase in scope_cues()[2])


class Words:
    """Some tokens' words and lemmas, whose runs of n are built once per n: every phrase of the scope
    lexicon is looked up in the same clause (a clause of hundreds of words would cost that many times
    the lexicon's size per figure)."""

    def __init__(self, tokens: Iterable[Token]) -> None:
        toks = list(tokens)
        self._seqs = ([t.lower_ for t in toks], [t.lemma_.lower() for t in toks])
        self._grams: dict[int, set[tuple[str, ...]]] = {}

    def has(self, phrase: tuple[str, ...]) -> bool:
        """True when `phrase` is a run of the words, or of the lemmas."""
        return phrase in self.grams(len(phrase))

    def grams(self, n: int) -> set[tuple[str, ...]]:
        """Every run of `n` words, and of `n` lemmas."""
        grams = self._grams.get(n)
        if grams is None:
            grams = {tuple(seq[i : i + n]) for seq in self._seqs for i in range(len(seq) - n + 1)}
            self._grams[n] = grams
        return grams


_Phrase = tuple[str, ...]
_ByWhere = dict[str, dict[int, dict[_Phrase, int]]]  # where -> phrase length -> phrase -> place in order


@lru_cache(maxsize=1)
def scope_cues() -> tuple[list[tuple[_Phrase, ScopeCue]], _ByWhere, tuple[_Phrase, ...]]:
    """The scope lexicon in its order (without "part" cues); its phrases by where they are looked for and
    length, each with its place in that order; and the "part" phrases."""
    ordered = [(phrase, cue) for phrase, cue in scope_lexicon().items() if cue.scope != "part"]
    by_where: _ByWhere = {}
    for k, (phrase, cue) in enumerate(ordered):
        by_where.setdefault(cue.where, {}).setdefault(len(phrase), {})[phrase] = k
    part = tuple(phrase for phrase, cue in scope_lexicon().items() if cue.scope == "part")
    return ordered, by_where, part


def _since(doc: Doc, clause: list[Token], anchor: Token) -> tuple[bool, str | None]:
    """Whether the figure counts since a time ("since February 24"), and that time's value: a "since"
    in its clause, or on a verb above it ("Since February 24, Ukraine says 15,000 ... were killed")."""
    speech = source_words().get("speech", frozenset())
    above = [c for v in anchor.ancestors if v.lemma_.lower() in speech for c in v.children]
    for t in [*clause, *above]:
        if t.lower_ != "since" or t.dep_ not in ("prep", "mark"):
            continue
        sub = t.subtree if t.dep_ == "prep" else t.head.subtree
        toks = list(sub)
        lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1])
        for tm in doc._.sitrep_times or []:
            if lo <= tm.span[0] and tm.span[1] <= hi and tm.value and tm.type == "date":
                return True, tm.value
        return True, None
    return False, None


def _clause_words(doc: Doc, clause: list[Token]) -> Words:
    """The clause's words, built once per Doc and clause (figures under one verb share it)."""
    index: dict[tuple[int, ...], Words] = doc_memo(doc, "scope_clauses", dict)
    key = tuple(t.i for t in clause)
    found = index.get(key)
    if found is None:
        found = index[key] = Words(clause)
    return found


def find_scope(
    doc: Doc, q: Quantity, fig: Span, words: Span | None, clause: list[Token]
) -> tuple[str | None, str | None]:
    """(scope, period) from the cue words around the figure."""
    since, start = _since(doc, clause, fig.root)
    end = words.end if words is not None else fig.end
    sent = fig.sent
    places = {
        "before": Words(doc[max(sent.start, fig.start - 2) : fig.start]),
        "near": Words([*doc[max(sent.start, fig.start - 2) : fig.start], *doc[fig.end : end]]),
        "after": Words(doc[end : min(sent.end, end + 3)]),
        "clause": _clause_words(doc, clause),
    }
    before_fig = [t for t in doc[max(sent.start, fig.start - 1) : fig.start]]
    ordered, by_where, _part_cues = scope_cues()
    hits: set[int] = set()  # the cues found, by their place in the lexicon's order
    for where, by_length in by_where.items():
        if where == "by":
            # "rose by 331,600": the verb the "by" hangs on, which may not be the counted noun's
            if before_fig and before_fig[-1].lower_ in ("by", "of"):
                verb = Words([before_fig[-1].head])
                hits.update(
                    k
                    for phrases in by_length.values()
                    for phrase, k in phrases.items()
                    if places["clause"].has(phrase) or verb.has(phrase)
                )
            continue
        for n, phrases in by_length.items():
            grams = places[where].grams(n)
            hits.update(k for phrase, k in phrases.items() if phrase in grams)
    found: tuple[str, str | None] | None = None
    for k in sorted(hits):
        cue = ordered[k][1]
        if cue.where == "by" or cue.scope == "change":
            return "change", None
        if found is None or (found[0] != "per_period" and cue.scope == "per_period"):
            found = (cue.scope, cue.period)
    if found and found[0] == "per_period":
        return found
    if since or (found and found[0] == "since"):
        return "since", start
    if q.unit == "percent":
        return "share", None
    if found:
        return found
    if q.outcome or q.unit in PEOPLE_UNITS:
        return "as_of", None
    return None, None
