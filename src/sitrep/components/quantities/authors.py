"""Who stands behind a credited source that is not a name: the author of a document ("the Sunday report
of the General Staff", "a survey conducted by KIIS", "in the ministry's update"), the named party a
description refers to ("the company" -> the company named just before, "the spokesman" -> "spokesman
for the local police" at his first mention), and whether a name is only the outlet or its dateline.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ...gender import name_gender
from ...model import Entity, Statement
from ...text import doc_text
from ..shared.clauses import doc_memo, memo_of
from ..shared.spans import SpanCover
from .lexicon import description_nouns, document_nouns, generic_documents

# a content that is an infinitive ("refused to lift limits on 15 countries"): an intention, no claim
INFINITIVE = re.compile(r"(?:not )?to [a-z]")
_AUTHOR_PREPS = {"of", "by", "from"}
_NEWCOMER = {"former", "another", "other", "second", "one", "unnamed", "anonymous", "senior"}
_WINDOW = 1500  # characters back to look for the antecedent of a description (about three paragraphs)
# a heading line over a speech reprinted in full: "Speech by X at Y", "Full text of the address of X"
_SPEECH_HEADING = re.compile(
    r"^(?:(?:The )?[Ff]ull text of (?:the )?)?(?:[Ss]peech|[Aa]ddress|[Rr]emarks|[Ss]tatement) (?:by|of) "
    r"((?:the )?[A-Z][^\n.:]{2,80}?)(?: (?:at|to|on|before|in) [^\n.]{0,80})?$",
    re.M,
)
# "Full text of Zelensky's speech at ...", "Transcript of Biden's address" (often glued to the speech's
# first sentence), or a line of its own: "Putin's speech at the Valdai forum"
_SPEECH_HEADING_POSS = re.compile(
    r"^(?:(?:(?:The )?(?:[Ff]ull )?(?:[Tt]ext|[Tt]ranscript) of )"
    r"((?:the )?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})['’]s? "
    r"(?:full )?(?:speech|address|remarks|statement)\b"
    r"|((?:the )?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})['’]s? (?:full )?(?:speech|address|remarks) "
    r"(?:at|to|on|before|in) [^\n.!?]{0,80}$)",
    re.M,
)
_AGENCY = re.compile(r"\(([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,2})\)\s*[-–—]")  # "(BelTA) –" in a dateline


def is_document(tok: Token) -> bool:
    """True for a noun naming a document or dataset ('report', 'survey', 'data')."""
    return tok.pos_ in ("NOUN", "PROPN") and (
        tok.lemma_.lower() in document_nouns() or tok.lower_ in document_nouns()
    )


def generic_document(tok: Token) -> bool:
    """True for a document noun that says nothing without its author ('report', 'communication')."""
    return tok.lemma_.lower() in generic_documents() or tok.lower_ in generic_documents()


def own_author(doc: Doc, head: Token) -> Token | None:
    """The author a document phrase names itself: 'report of X', 'data from X', 'survey by X', 'a survey
    conducted by X', "X's report", 'the KIIS survey'."""
    for c in head.children:
        if c.dep_ == "poss" and c.pos_ == "PROPN":
            return c
        if c.dep_ == "prep" and c.lower_ in _AUTHOR_PREPS:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and (
                pobj.pos_ == "PROPN"
                or pobj.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
                or _qualified_body(pobj)
            ):
                return pobj
        if c.dep_ == "acl":
            for g in c.children:
                if g.dep_ == "agent":
                    pobj = next((x for x in g.children if x.dep_ == "pobj"), None)
                    if pobj is not None:
                        return pobj
        if c.dep_ == "compound" and c.ent_type_ in ("ORG", "PERSON") and c.pos_ == "PROPN":
            return c
    return None


def _qualified_body(tok: Token) -> bool:
    """A common noun a name or nationality qualifies ('Japanese intelligence', 'Ukrainian officials',
    'the Kyiv city administration'): a body that can author a document, unlike 'the data of last year'."""
    return tok.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "compound", "nmod", "poss")
        and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG"))
        for c in tok.children
    )


def author_phrase(doc: Doc, author: Token) -> Span:
    """The author's name: its flat proper-noun phrase ('the General Staff of the Ukrainian Armed Forces')."""
    toks = [t for t in author.subtree if t.dep_ not in ("relcl", "acl", "appos", "punct", "advcl")]
    start = min(t.i for t in toks)
    end = max(t.i for t in toks) + 1
    while start < author.i and doc[start].pos_ in ("DET", "PUNCT"):
        start += 1
    while end - 1 > author.i and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


def _window_start(doc: Doc, at: int, window: int) -> int:
    """The first token starting at or after character `at - window` (token starts indexed once per Doc)."""
    starts: list[int] = doc_memo(doc, "token_starts", lambda: [t.idx for t in doc])
    return bisect_left(starts, at - window)


def document_author(doc: Doc, head: Token) -> Span | None:
    """The author of the document `head` names: its own ('report of X'), else that of an earlier mention
    of the same document noun that names one ('the Sunday report' after 'the Sunday report of X')."""
    own = own_author(doc, head)
    if own is not None:
        return author_phrase(doc, own)
    lem = head.lemma_.lower()
    mods = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound", "nmod")}
    best: Token | None = None
    for t in doc[_window_start(doc, head.idx, 4 * _WINDOW) : head.i]:
        if t.lemma_.lower() != lem or t.pos_ not in ("NOUN", "PROPN"):
            continue
        tm = {c.lower_ for c in t.children if c.dep_ in ("amod", "compound", "nmod")}
        if mods and tm and not (mods & tm):
            continue  # "the Sunday report" is not "the monthly report"
        got = own_author(doc, t)
        if got is not None:
            best = got
    return author_phrase(doc, best) if best is not None else None


def description_type(head: Token) -> str | None:
    """'PERSON' or 'ORG' when `head` is a description noun ('the company', 'the spokesman'), else None."""
    if head.pos_ != "NOUN":
        return None
    typ = description_nouns().get(head.lower_) or description_nouns().get(head.lemma_.lower())
    return typ if typ in ("PERSON", "ORG") else None


def bare_description(head: Token) -> bool:
    """'the company', 'the Russian tycoon', 'the head of state': a description that can only point back;
    not one that says whose it is or names more ('the prime minister's office', 'the company's lawyer',
    'Aramco officials', 'a spokesman for the police')."""
    for c in head.children:
        if c.dep_ in ("poss", "compound", "nmod"):
            return False
        if c.dep_ == "prep" and c.i > head.i and head.lemma_ != "author":
            pobj = [g for g in c.children if g.dep_ == "pobj"]
            if not (pobj and pobj[0].pos_ == "NOUN" and not list(pobj[0].children)):
                return False  # "head of state" is one title; "spokesman for the police" says whose
    return not any(t.pos_ == "PROPN" and t.ent_type_ != "NORP" for t in head.subtree if t.i < head.i)


def first_mention(doc: Doc, head: Token) -> Span | None:
    """An earlier indefinite mention of the same description that says more: 'a spokesman for the local
    police' before 'the spokesman'."""
    lem = head.lemma_.lower()
    for t in doc[_window_start(doc, head.idx, _WINDOW) : head.i]:
        if t.lemma_.lower() != lem or t.pos_ != "NOUN":
            continue
        if not any(c.lower_ in ("a", "an") for c in t.children):
            continue
        prep = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at")), None)
        if prep is not None and prep.right_edge.i > prep.i:
            return doc[t.i : prep.right_edge.i + 1]
    return None


def is_authors(head: Token) -> bool:
    """'the authors of the letter': whoever issued a document spoken of before."""
    return head.lemma_.lower() == "author" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and is_document(g) for g in c.children)
        for c in head.children
    )


def antecedent(
    doc: Doc, head: Token, typ: str, statements: Sequence[Statement], any_type: bool = False
) -> str | None:
    """The name of the party a description refers to: for a person the speaker of the last statement
    before it (a named person in the same or the previous paragraph; any named speaker with `any_type`),
    for an organisation the last organisation named before it."""
    at = head.idx
    entities = doc._.sitrep_entities or []
    ents: dict[str, Entity] = memo_of(doc, "entities_by_id", entities, lambda: {e.id: e for e in entities})
    if typ == "PERSON":
        if any(c.lower_ in _NEWCOMER for c in head.children):
            return None  # "the former Russian official", "another official": someone not named before
        text = doc_text(doc)

        def fits(st: Statement) -> bool:
            sp = st.speaker
            if (
                sp is None
                or not named(sp.name, person=not any_type)
                or not st.cue.span[1] <= at < st.cue.span[1] + _WINDOW
            ):
                return False
            if text.count("\n\n", st.cue.span[1], at) > 1:
                return False
            ent = ents.get(sp.entity or "")
            if any_type or ent is not None:
                return any_type or (ent is not None and ent.type == "PERSON")
            at_name = doc.char_span(*sp.span, alignment_mode="expand") if sp.span is not None else None
            return at_name is not None and len(at_name) > 0 and at_name.root.ent_type_ == "PERSON"

        ends, ordered = _by_cue_end(doc, statements)
        last: Statement | None = None
        k = bisect_right(ends, at) - 1  # a fitting cue ends at or before `at`, within the window
        while k >= 0 and ends[k] > at - _WINDOW and (last is None or ends[k] == last.cue.span[1]):
            if fits(ordered[k]):
                last = ordered[k]  # walking back over equal ends: the first listed wins, as max() did
            k -= 1
        if last is None:
            return None
        assert last.speaker is not None
        return last.speaker.name
    ends_m, order_m, mentions = _mentions_by_end(doc, entities, typ)
    best: tuple[int, int, Entity] | None = None  # (start, order, entity): latest start, first listed
    for k in range(bisect_right(ends_m, at - _WINDOW), bisect_right(ends_m, at)):
        start, order, e = mentions[k]
        if best is None or start > best[0] or (start == best[0] and order < best[1]):
            best = (start, order, e)
    return best[2].name if best is not None else None


def _by_cue_end(doc: Doc, statements: Sequence[Statement]) -> tuple[list[int], list[Statement]]:
    """Statements sorted by where their cue ends (the first listed first among equals), once per list."""

    def build() -> tuple[list[int], list[Statement]]:
        order = sorted(range(len(statements)), key=lambda i: (statements[i].cue.span[1], i))
        return [statements[i].cue.span[1] for i in order], [statements[i] for i in order]

    return memo_of(doc, f"statements_by_cue_end_{id(statements)}", statements, build)


_Mentions = tuple[list[int], list[int], list[tuple[int, int, Entity]]]


def _mentions_by_end(doc: Doc, entities: list[Entity], typ: str) -> _Mentions:
    """The mentions of named entities of type `typ`, sorted by their end: (ends, order, (start, order,
    entity)), `order` being the mention's place in entity-then-mention order; once per entity list."""

    def build() -> _Mentions:
        rows: list[tuple[int, int, int, Entity]] = []
        n = 0
        for e in entities:
            if e.type != typ or not named(e.name):
                n += len(e.mentions)
                continue
            for m in e.mentions:
                rows.append((m.span[1], n, m.span[0], e))
                n += 1
        rows.sort(key=lambda r: (r[0], r[1]))
        return [r[0] for r in rows], [r[1] for r in rows], [(r[2], r[1], r[3]) for r in rows]

    return memo_of(doc, f"mentions_by_end_{typ}", entities, build)


def named(name: str, person: bool = False) -> bool:
    """True for a proper name ('Aramco', 'Ukrainian media community'), not a description entity ('the
    company'); with `person`, only a name ending in a capitalised word ('Andrii Deshchytsia', not
    'Ukrainian ambassador')."""
    words = name.split()
    if not words or words[0].lower() in ("the", "a", "an"):
        return False
    return words[-1][:1].isupper() if person else any(w[:1].isupper() for w in words)


def is_outlet(doc: Doc, name: str) -> bool:
    """True when `name` is only the outlet publishing the story or the agency of its dateline
    ('MOSCOW, 16 August (BelTA) - ...')."""
    key = _fold(name)
    if not key:
        return False
    meta = doc._.sitrep_document
    outlets = {_fold(getattr(meta, "source", None) or "")}
    head = (getattr(meta, "dateline", None) or "") + " " + doc_text(doc)[: min(len(doc_text(doc)), 160)]
    outlets.update(_fold(m.group(1)) for m in _AGENCY.finditer(head))
    return key in outlets - {""}


def _fold(s: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", s.lower()))


@lru_cache(maxsize=8)
def _speech_headings(text: str) -> tuple[tuple[int, int, int], ...]:
    """(end of the heading, start and end of the speaker's name) of every speech heading in `text`."""
    out = [(m.end(), m.start(1), m.end(1)) for m in _SPEECH_HEADING.finditer(text)]
    for m in _SPEECH_HEADING_POSS.finditer(text):
        g = 1 if m.group(1) else 2
        out.append((m.end(), m.start(g), m.end(g)))
    return tuple(sorted(out))


def speech_heading(doc: Doc, at: int) -> Span | None:
    """The speaker named by the last heading before `at` over a speech reprinted in full ('Speech by the
    President of Ukraine at the Munich Security Conference', "Full text of Zelensky's speech"), as a span
    of the text."""
    heads = [h for h in _speech_headings(doc_text(doc)) if h[0] <= at]
    if not heads:
        return None
    who = doc.char_span(heads[-1][1], heads[-1][2], alignment_mode="expand")
    return who if who is not None and len(who) else None


def last_person(doc: Doc, at: int) -> Entity | None:
    """The person last named (by a full name) before character `at`, within the window."""
    best: tuple[int, Entity] | None = None
    for e in doc._.sitrep_entities or []:
        if e.type != "PERSON" or not named(e.name, person=True):
            continue
        for m in e.mentions:
            if m.span[1] <= at and at - m.span[1] < 2 * _WINDOW and (best is None or m.span[0] > best[0]):
                best = (m.span[0], e)
    return best[1] if best is not None else None


def apposed_person(doc: Doc, start: int, end: int, titled: bool = False) -> str | None:
    """The person named in apposition between characters `start` and `end` ('The co-organizer of the
    rally, Michal Meisner, noted'): proper names set off by commas, before the cue, that the entity layer
    or the parser takes for a person; with `titled`, also the names closing a title set off so ('the
    author of the study, the gynecologist Olesia Kushnarenko, ...')."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) > 25:
        return None
    commas = [t.i for t in span if t.text == ","]
    if titled:  # only an apposition right after the title: "the head of the clinic, the surgeon X, ..."
        lead = doc[span.start : commas[0]] if commas else span
        close = len(lead) <= 6 and not any(t.pos_ in ("VERB", "AUX") for t in lead)
        commas = commas[:2] if commas and close else []
    for a, b in zip(commas, commas[1:], strict=False):
        first = a + 1
        while titled and first < b - 1 and doc[first].pos_ != "PROPN":
            first += 1
        name = doc[first:b]
        if not 1 <= len(name) <= 4 or any(t.pos_ != "PROPN" for t in name):
            continue
        coref = doc._.sitrep_coref
        ent = coref.entity_at(name.start_char, name.end_char) if coref is not None else None
        if ent is not None and ent.type == "PERSON" and named(str(ent.name), person=True):
            return str(ent.name)
        person = any(t.ent_type_ == "PERSON" for t in name) or name_gender(name.text) != ""
        if person and named(name.text, person=True):
            return name.text  # the tagger's PERSON, or a known first name ("Ihor Terekhov" tagged ORG)
    return None


def claiming_statements(doc: Doc, statements: list[Statement], body: int) -> list[Statement]:
    """The statements whose speaker can claim a figure in their content; sifted once per Doc and list,
    not once per figure."""
    index: dict[tuple[int, int, int], list[Statement]] = doc_memo(doc, "claiming_statements", dict)
    key = (id(statements), len(statements), body)
    found = index.get(key)
    if found is not None:
        return found
    text = doc_text(doc)
    found = index[key] = []
    for st in statements:
        if st.speaker is None or not any(c.isalpha() for c in st.speaker.name):
            continue  # no speaker, or a quote mark read as one
        if st.speaker.span is not None and st.speaker.span[0] < body:
            continue  # a dateline misparsed as the speaker ("KYIV, Oct 3 (Reuters) - The head ... said")
        if st.mode == "thought" and st.kind != "direct" or INFINITIVE.match(text, st.content.span[0]):
            continue  # "politicians worry that ...", "refused to lift limits on 15 countries": no claim
        found.append(st)
    return found


_Covered = tuple[list[Statement], SpanCover]


def claiming_cover(doc: Doc, statements: list[Statement], body: int) -> _Covered:
    """`claiming_statements` with an index of their contents' spans (which hold a figure: read per figure)."""
    index: dict[tuple[int, int, int], _Covered] = doc_memo(doc, "claiming_cover", dict)
    key = (id(statements), len(statements), body)
    found = index.get(key)
    if found is None:
        claiming = claiming_statements(doc, statements, body)
        found = index[key] = (claiming, SpanCover(st.content.span for st in claiming))
    return found
