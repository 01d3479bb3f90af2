"""Who a claimant is by name: a statement's speaker as the record names it (a description read as the
entity it refers to, "he" as the person speaking), and the name a source phrase gives ("the ministry" as
the ministry the story named)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ...model import Entity, Statement
from ...numbers import QUOTES
from ...text import doc_text
from ..shared.clauses import doc_memo
from ..shared.names import article_name
from .authors import (
    antecedent,
    apposed_person,
    bare_description,
    description_type,
    document_author,
    first_mention,
    generic_document,
    is_authors,
    is_document,
    named,
)
from .issuers import issuer

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "this", "that", "which", "who", "them", "him", "her"}
_QUANTIFIERS = {
    "some",
    "many",
    "others",
    "several",
    "most",
    "all",
    "both",
    "few",
    "none",
    "someone",
    "everyone",
}
_DETS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"}


def speaker_name(doc: Doc, st: Statement, statements: Sequence[Statement] = ()) -> str | None:
    """The statement's speaker name, or what a description speaker refers to ('the company': Aramco; 'a
    survey conducted by KIIS': the institute; 'the outlet Important Stories': the name after it; 'he'
    read as 'the head of state': the person speaking just before)."""
    sp = st.speaker
    assert sp is not None
    coref = doc._.sitrep_coref
    span = doc.char_span(sp.span[0], sp.span[1], alignment_mode="expand") if sp.span is not None else None
    if coref is None or span is None or not len(span):
        return display(doc, sp.name)
    if not named(sp.name) and sp.span is not None and sp.span[1] < st.cue.span[0]:
        apposed = apposed_person(doc, sp.span[1], st.cue.span[0])  # "The co-organizer, Michal Meisner, noted"
        if apposed is not None:
            return display(doc, apposed)
    after_cue = sp.span is not None and st.cue.span[1] <= sp.span[0] < sp.span[1] <= st.content.span[1]
    if sp.span is not None and after_cue and sp.text and not named(sp.text):
        end = min(st.content.span[1], sp.span[1] + 120)
        apposed = apposed_person(doc, sp.span[1], end, titled=True)
        if apposed is not None:  # "According to the author of the study, the gynecologist X, ..."
            return display(doc, apposed)
    root = span.root
    if root.pos_ == "NOUN" and span.end < len(doc) and doc[span.end].pos_ == "PROPN":
        ent = coref.entity_at(doc[span.end].idx, doc[span.end].idx + len(doc[span.end].text))
        if ent is not None and named(str(ent.name)) and ent.type in ("ORG", "PERSON"):
            return display(doc, str(ent.name))  # "the Russian-language outlet Important Stories"
    proper = any(t.pos_ == "PROPN" and t.ent_type_ != "NORP" for t in span)
    described = not proper and (
        is_document(root)
        or is_authors(root)
        or (description_type(root) is not None and bare_description(root))
    )
    if root.lower_ in _QUANTIFIERS and len(span) == 1:
        return None  # "some suggested ...", "many say ...": nobody in particular
    if root.lower_ in ("he", "she") and not named(sp.name, person=True):
        return antecedent(doc, root, "PERSON", statements) or sp.name
    if named(sp.name) and (not described or (sp.entity is not None and not is_document(root))):
        return display(doc, sp.name)  # a description the statements component tied to an entity
    if described and is_document(root):
        return source_name(doc, span, root, statements)  # None for "the report" with no author anywhere
    return source_name(doc, span, root, statements) or sp.name


def phrase_of(doc: Doc, head: Token) -> Span:
    """The noun phrase of `head` without determiners, relative clauses, appositions or trailing commas."""
    toks = [head]
    for c in head.subtree:
        if c.i == head.i:
            continue
        anc = c
        while anc.head.i != head.i and anc.i != head.i:
            anc = anc.head
        if anc.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis"):
            if not (anc.dep_ in ("cc", "conj") and anc.i < head.i):
                continue
        toks.append(c)
    toks.sort(key=lambda t: t.i)
    start, end = toks[0].i, toks[-1].i + 1
    # keep a contiguous run around the head
    while start < head.i and (doc[start].lower_ in _DETS or doc[start].is_punct or doc[start].text in QUOTES):
        start += 1
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].text in QUOTES):
        end -= 1
    return doc[start:end]


def display(doc: Doc, name: str) -> str:
    """An acronym's spelled-out form when the document gives one ('KIIS' -> 'Kyiv International ...',
    'MoD' -> 'Ministry of Defense'); looked up once per Doc and acronym (the search reads the whole text,
    and a claimant is named once per figure). A lexicon canonical the article never spells out is shown
    as the article writes it ('North Atlantic Treaty Organization' -> 'NATO')."""
    name = article_name(doc, name)
    caps_of = "".join(c for c in name if c.isupper())
    if not (name.isalpha() and 2 <= len(name) <= 6 and name[:1].isupper() and len(caps_of) >= 2):
        return name
    spelled: dict[str, str] = doc_memo(doc, "acronyms_spelled", dict)
    if name not in spelled:
        spelled[name] = _spelled_out(doc, name, caps_of)
    return spelled[name]


def _spelled_out(doc: Doc, name: str, caps_of: str) -> str:
    for ent in doc._.sitrep_entities or []:
        if ent.name != name:
            continue
        for alias in ent.aliases:
            initials = "".join(w[0] for w in alias.split() if w[:1].isupper())
            if initials == caps_of:
                return str(alias)
    text = doc_text(doc)
    for m in re.finditer(
        r"((?:[A-Z][\w’'-]*\s+(?:(?:of|for|and|the)\s+)*)+)\(" + re.escape(name) + r"\)", text
    ):
        words = m.group(1).split()
        initials = "".join(w[0] for w in words if w[:1].isupper())
        if initials.endswith(caps_of):
            caps = [i for i, w in enumerate(words) if w[:1].isupper()]
            return " ".join(words[caps[len(caps) - len(caps_of)] :])
    return name


def source_name(
    doc: Doc, phrase: Span, head: Token | None = None, statements: Sequence[Statement] = ()
) -> str | None:
    """The canonical name of a credited source: its entity's name (through appositions and 'by X'), the
    author of a document it names, the party a description refers to, else the phrase; None for a bare
    pronoun or a bare 'report'."""
    if len(phrase) == 0:
        return None
    coref = doc._.sitrep_coref
    root = head if head is not None else phrase.root
    if coref is not None:
        whole = doc[head.left_edge.i : head.right_edge.i + 1] if head is not None else phrase
        ent = coref.resolve(whole) if len(whole) <= 30 else None
        if ent is None and head is not None:
            ent = _agent(doc, head)
        if ent is None:
            ent = coref.resolve(phrase)
        if ent is not None and named(str(ent.name)):
            return display(doc, str(ent.name))
    if phrase.root.lower_ in PRONOUNS | _QUANTIFIERS or phrase.root.pos_ == "PRON":
        return None
    if is_document(root):
        author = document_author(doc, root)
        if author is not None:
            return source_name(doc, author, author.root, statements)
        who = issuer(doc, root, statements)
        if who is not None:
            return display(doc, who)  # "..., the statement said": whoever spoke just before
        if generic_document(root) and not any(t.pos_ == "PROPN" for t in phrase):
            return None  # "according to the report", "added in the communication": no author anywhere
    typ = "PERSON" if is_authors(root) else description_type(root)
    if typ is not None and bare_description(root):
        fuller = first_mention(doc, root)
        if fuller is not None:
            return fuller.text  # "the spokesman" after "a spokesman for the local police"
        found = antecedent(doc, root, typ, statements, any_type=is_authors(root))
        if found is not None:
            return display(doc, found)
    text = phrase.text.strip(" ,;:-–—'\"“”‘’")
    if phrase[0].lower_ in _DETS:
        text = text.split(" ", 1)[-1]
    return text or None


def _agent(doc: Doc, head: Token) -> Entity | None:
    """'a survey conducted by the Kyiv institute': the organisation behind a document noun."""
    coref = doc._.sitrep_coref
    bys = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "by"]
    bys += [g for c in head.children if c.dep_ == "acl" for g in c.children if g.dep_ == "agent"]
    for by in bys:  # "an investigation by the outlet Important Stories", "a survey conducted by KIIS"
        pobj = next((x for x in by.children if x.dep_ == "pobj"), None)
        if pobj is None:
            continue
        got = coref.resolve(doc[pobj.left_edge.i : pobj.i + 1])
        if got is None:
            got = next(
                (coref.entity_at(t.idx, t.idx + len(t.text)) for t in pobj.subtree if t.pos_ == "PROPN"), None
            )
        if isinstance(got, Entity):
            return got
    return None
