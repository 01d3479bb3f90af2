"""Claimants the parse hides: a figure in a quote no statement holds (the last quoted speaker's), in a
that-clause of the document a speaker issued ("the ministry said in a statement that 14 ..."), credited to
a statement with no author of its own ("..., the statement said": whoever spoke just before), or in a
sentence of quoted fragments that goes on with the last speaker's words ('Twenty of its ships were
"engaged in ..."' after '..., the organisation added').
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ...model import Claimant, Statement
from ...text import doc_text
from ..shared.clauses import memo_of
from .authors import antecedent, named
from .lexicon import issued_documents, publish_verbs, setting_verbs
from .subject import TALLY_NOUNS

_CLAUSES = frozenset({"acl", "ccomp", "relcl"})
_QUOTE_OPEN = re.compile(r"[\"“”]")
_QUOTED_WORDS = 6  # a quoted run this long is someone's words, not a phrase the writer sets off
NameOf = Callable[[Statement], "str | None"]  # a statement's speaker as a claimant's name


def issued(tok: Token) -> bool:
    """A document a party issues itself ('statement', 'communique'): its voice is whoever issued it."""
    return tok.lemma_.lower() in issued_documents() or tok.lower_ in issued_documents()


def tally_setting(verb: Token) -> bool:
    """'The governor put the death toll at 12': a verb that sets a tally's value, claimed by its subject."""
    return (
        verb.lemma_.lower() in setting_verbs()
        and any(c.dep_ == "dobj" and c.lemma_.lower() in TALLY_NOUNS for c in verb.children)
        and any(c.dep_ == "prep" and c.lower_ == "at" for c in verb.children)
    )


def that_clause_of_document(path: Sequence[Token]) -> bool:
    """The walk up from a figure reached a claim verb's prepositional phrase through a that-clause of the
    document noun in it ('said in a statement that 14 diplomats would be expelled'): the clause is what
    the verb claims, not the circumstances of the speech."""
    for k in range(1, len(path)):
        clause, noun = path[k - 1], path[k]
        if (
            clause.dep_ in _CLAUSES
            and noun.dep_ == "pobj"
            and issued(noun)
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        ):
            return True
    return False


def issuer(doc: Doc, head: Token, statements: Sequence[Statement]) -> str | None:
    """Who issued a statement that names no author ('..., the statement said'): the subject of an earlier
    'X released/issued a statement', else the named speaker of the last statement before it in the same
    or the previous paragraph (not a dateline read as one: 'LOS ANGELES'), else the last organisation."""
    if not issued(head):
        return _publisher(doc, head)
    for t in reversed(doc[max(0, head.i - 400) : head.i]):
        if t.lemma_ == head.lemma_ and t.dep_ == "dobj" and t.head.pos_ == "VERB":
            subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ == "PROPN":
                start = subj.left_edge.i + (subj.left_edge.pos_ == "DET")
                return _resolved(doc[start : subj.i + 1])  # "The BHPD released a statement ..."
            break
    speaking = memo_of(
        doc,
        f"speaking_{id(statements)}",
        statements,
        lambda: [st for st in statements if st.speaker is None or not _dateline(st.speaker.name)],
    )
    return antecedent(doc, head, "PERSON", speaking, any_type=True) or antecedent(doc, head, "ORG", speaking)


_PUBLISHED = frozenset(
    {"information", "data", "figure", "statistic", "report", "update", "summary", "estimate"}
)  # what a party puts out


_PUBLISHER_REACH = 120  # tokens back to look for "X published data ..."


def _publisher(doc: Doc, head: Token) -> str | None:
    """The party that put out the data a document noun with no author refers to, in the sentence before
    or its own ('The Ukrainian staff published information on losses. The presented data shows ...')."""
    sent = head.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    start = max(start, head.i - _PUBLISHER_REACH)  # a run-on "sentence" of thousands of tokens is not read
    if "\n\n" in doc_text(doc)[doc[start].idx : head.idx]:
        start = sent.start  # not across a paragraph
    verbs = publish_verbs()
    for t in reversed(doc[start : head.i]):
        if t.lemma_.lower() not in _PUBLISHED or t.dep_ != "dobj" or t.head.lemma_.lower() not in verbs:
            continue
        subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ not in ("PROPN", "NOUN"):
            return None
        first = subj.left_edge.i
        while first < subj.i and doc[first].pos_ in ("DET", "PUNCT"):
            first += 1
        return _resolved(doc[first : subj.i + 1])
    return None


def _resolved(phrase: Span) -> str:
    """The name the coreference gives a party's phrase when it is a name, else the phrase as written."""
    coref = phrase.doc._.sitrep_coref
    ent = coref.resolve(phrase) if coref is not None else None
    return str(ent.name) if ent is not None and named(str(ent.name)) else phrase.text


def _dateline(name: str) -> bool:
    """A wire dateline taken for a speaker: words all in capitals ('LOS ANGELES')."""
    return " " in name.strip() and name.isupper()


@lru_cache(maxsize=8)
def quote_regions(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges between paired double quotes (straight or curly), paragraph by paragraph."""
    out = []
    for para in re.finditer(r"[^\n]+", text):
        marks = [m.start() + para.start() for m in _QUOTE_OPEN.finditer(para.group())]
        for a, b in zip(marks[::2], marks[1::2], strict=False):
            out.append((a, b))
        if len(marks) % 2 == 1:
            out.append((marks[-1], para.end()))
    return tuple(out)


def in_quote(text: str, start: int, end: int) -> bool:
    """True when `[start, end)` lies inside a quoted region (regions are disjoint and in order: only the last
    one opening before `start` can hold it)."""
    regions = quote_regions(text)
    k = bisect_left(_starts(text), start) - 1
    return k >= 0 and end <= regions[k][1]


@lru_cache(maxsize=8)
def _starts(text: str) -> list[int]:
    """The start of each of `quote_regions(text)`, ascending."""
    return [a for a, _ in quote_regions(text)]


_Ends = tuple[list[int], list[Statement]]


def _by_content_end(doc: Doc, statements: Sequence[Statement], quoted: bool) -> _Ends:
    """Statements with a speaker (only direct or mixed ones when `quoted`) sorted by the end of their content,
    the first listed first among equal ends; sorted once per Doc and list."""

    def build() -> _Ends:
        kept = [
            (st.content.span[1], i, st)
            for i, st in enumerate(statements)
            if st.speaker is not None and (not quoted or st.kind in ("direct", "mixed"))
        ]
        kept.sort(key=lambda x: (x[0], x[1]))
        return [e for e, _, _ in kept], [st for _, _, st in kept]

    return memo_of(doc, f"content_ends_{quoted}_{id(statements)}", statements, build)


def _last_ending(
    ends: _Ends, lo: int, hi: int, ok: Callable[[Statement], bool] | None = None
) -> Statement | None:
    """The statement whose content ends last within `[lo, hi]` and passes `ok` (first listed of equals)."""
    keys, sts = ends
    found: Statement | None = None
    k = bisect_right(keys, hi) - 1
    while k >= 0 and keys[k] >= lo and (found is None or keys[k] == found.content.span[1]):
        if ok is None or ok(sts[k]):
            found = sts[k]  # walking back over equal ends: the first listed wins
        k -= 1
    return found


def continued_quote(
    doc: Doc, span: tuple[int, int], statements: Sequence[Statement], name_of: NameOf
) -> Claimant | None:
    """A figure in a quote no statement holds: the last quoted speaker's, two paragraphs back at most."""
    text = doc_text(doc)
    if not in_quote(text, span[0], span[1]):
        return None
    last = _last_ending(_by_content_end(doc, statements, True), -1, span[0])
    if last is None:
        return None
    if text.count("\n\n", last.content.span[1], span[0]) > 2 or last.speaker is None:
        return None
    name = name_of(last)
    return Claimant(name=name, statement=last.id) if name else None


def _cue_starts(doc: Doc, statements: Sequence[Statement]) -> list[int]:
    """Where each statement's cue starts, ascending; once per Doc and list."""
    key = f"cue_starts_{id(statements)}"
    return memo_of(doc, key, statements, lambda: sorted(st.cue.span[0] for st in statements))


def quoted_after(
    doc: Doc, at: int, sent: Span, statements: Sequence[Statement], name_of: NameOf
) -> Claimant | None:
    """A figure followed in its sentence by someone's quoted words (six words or more), with no attribution
    of its own, right after a sentence of the same paragraph whose statement has a speaker: that speaker's
    ('Twenty of its ships were "engaged in ..."' after '..., the organisation added')."""
    text = doc_text(doc)
    if sent.start == 0:
        return None
    regions = quote_regions(text)
    k = bisect_right(_starts(text), at)
    while k < len(regions) and regions[k][0] < sent.end_char:
        a, b = regions[k]
        if b <= sent.end_char and len(text[a:b].split()) >= _QUOTED_WORDS:
            break
        k += 1
    else:
        return None  # no quoted words, or only a phrase ('sanctioned for "supporting the invasion"')
    cues = _cue_starts(doc, statements)
    if bisect_left(cues, sent.end_char) > bisect_left(cues, sent.start_char):
        return None  # the sentence credits someone itself ('"...," said X, who won two prizes')
    prev = doc[sent.start - 1].sent
    if "\n" in text[prev.end_char : sent.start_char]:
        return None
    last = _last_ending(
        _by_content_end(doc, statements, False),
        prev.start_char,
        sent.start_char + 1,
        lambda st: st.cue.span[1] <= sent.start_char,
    )
    if last is None:
        return None
    name = name_of(last)
    return Claimant(name=name, statement=last.id) if name else None
