"""Mentions that report no happening because of the clause around them: questions, unrealized deeds
that nobody in particular would do, descriptions of a class ("companies criticized for ..."), and
topics of talk ("talked about sanctions")."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token

from ...text import doc_text
from ..shared.clauses import doc_memo, subject_of
from ..shared.lexicon import cue_has
from .activity import generic_activity
from .actors import is_party
from .mentions import DEMAND_VERBS, published_on
from .status import clause_verb

# marks of an adverbial clause whose content the question takes as given ("since X did Y, why ...?")
_GIVEN_MARKS = {"since", "because", "as", "after", "when", "while", "although", "though"}
# pronouns that stand for a class of people or things ("those detained", "others who fled")
_CLASS_PRONOUNS = {"those", "others", "anyone", "everyone", "people", "whoever", "all"}
# prepositions that make a noun the subject matter of talk ("talks about sanctions", "a debate on aid")
_TOPIC_PREPS = {"about", "regarding", "concerning"}
# a verb's own subject, passive or agent: the deed is someone's, named or not
_OWN_ARGUMENTS = {"nsubj", "nsubjpass", "auxpass", "csubj", "agent", "expl"}
_CLOSING = {'"', "”", "’", "'", ")"}
_BREAKS = {".", "!", "?", "…", ";", "...", ":"}


def interrogative(tok: Token) -> bool:
    """The trigger stands in a question ("Will Russia accept ...?", "Lukashenko agreed to be a puppet?"):
    asked, not reported. The question runs from the last stop, ellipsis or semicolon of its sentence; a
    clause the question takes as given ("Since Russia encourages them, why ...?") still reports its event."""
    sent = tok.sent
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in _CLOSING), None)
    if last is None or last.text != "?" or tok.i > last.i:
        return False
    if any(t.text in _BREAKS for t in tok.doc[tok.i + 1 : last.i]):
        return False  # "We don't need your sanctions ... why would we need them?": the question is after
    cur = tok
    for _ in range(12):
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _GIVEN_MARKS for c in cur.children):
            return False
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return True


def unrealized_by_nobody(tok: Token, status: str, actor: str | None) -> bool:
    """A speculated verb with nobody to do it ("corridors to evacuate civilians", "the goal is to fight
    hegemony", "failed to provide"): a purpose, plan or possibility in general, not a party's act the
    story reports. Nouns go through `generic.hypothesis`."""
    if status != "speculated" or actor is not None or tok.pos_ != "VERB":
        return False
    if any(c.dep_ in _OWN_ARGUMENTS for c in tok.children):
        return False  # "if Belarus were attacked", "allow Ukraine to fall": someone is acted on or acts
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
        return False  # "an order to arrest", "western efforts to support": a party's plan, named by its noun
    if tok.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in tok.head.children):
        return False  # "allow Ukraine to fall", "forced them to retreat": the object would do it
    subj = subject_of(tok)  # "if both parties agreed to release more captives": theirs, though unnamed
    return subj is None or subj.pos_ in ("PRON", "DET") or not is_party(subj)


def class_description(tok: Token, actor: str | None) -> bool:
    """A verb that describes the members of a class rather than reporting what happened to them: a
    relative or reduced relative clause on a bare plural or a class pronoun, with nobody named as doing
    it ("companies criticized for their stance", "those whose fathers were killed")."""
    if actor is not None or tok.pos_ != "VERB" or tok.dep_ not in ("relcl", "acl"):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False  # "western efforts to support Ukraine": a purpose, not a description
    head = tok.head
    if head.lower_ in _CLASS_PRONOUNS:
        return True
    if head.tag_ not in ("NNS", "NNPS") or head.ent_type_:
        return False
    return not any(c.dep_ in ("det", "poss", "nummod") for c in head.children)


def talk_topic(tok: Token) -> bool:
    """A nominal event that is what people talk about ("they talked about economic support",
    "questions about sanctions"), not a happening the sentence reports."""
    if tok.pos_ == "VERB":
        return False
    role = tok
    while role.dep_ == "conj" and role.head.i != role.i:
        role = role.head
    if role.dep_ != "pobj" or role.head.lower_ not in _TOPIC_PREPS:
        return False
    gov = role.head.head
    return gov.pos_ in ("VERB", "NOUN") and any(cue_has(gov.lemma_, c) for c in ("speech", "topical"))


def demanded(tok: Token) -> bool:
    """A verb in what someone demands ("Kyiv demands that Moscow withdraws its troops", "the demand that
    the talks resume"): the content of a demand, a position rather than a happening."""
    if tok.pos_ != "VERB":
        return False
    role = tok
    while role.dep_ == "conj" and role.head.i != role.i and role.head.pos_ in ("VERB", "AUX"):
        role = role.head
    clause = role.dep_ == "ccomp" or (
        role.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in role.children)
    )  # "the demand that Moscow withdraw its troops"
    if not clause:
        return False
    gov = role.head
    return cue_has(gov.lemma_, "request") or gov.lemma_ in DEMAND_VERBS


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def narrated_past(tok: Token) -> bool:
    """A past-tense clause in a paragraph that a year at least two before publication dates ("In 1939 the
    Soviets demanded a base. When Finland refused, the Red Army invaded."): history told, not news."""
    published = published_on(tok.doc)
    if published is None:
        return False
    verb = _tensed(tok)
    if verb.tag_ not in ("VBD", "VBN") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBP", "VBZ", "MD") for c in verb.children
    ):
        return False  # "has seized", "are asked", "will sign": told in the present or future
    if tok.sent.start in doc_memo(tok.doc, "recent_sents", lambda: _recent_sentences(tok.doc)):
        return False  # "died during combat operations on Sunday", "were recently engaged": news
    newlines, year_ends, year_values = doc_memo(tok.doc, "year_marks", lambda: _year_marks(tok.doc))
    k = bisect_left(newlines, tok.idx)
    para_start = newlines[k - 1] + 1 if k else 0
    sent = tok.sent
    opening = tok.doc[sent.start : min(sent.start + 4, sent.end)].text  # "In 1939, ..."
    in_opening = [int(y) for y in _YEAR.findall(opening)]
    if in_opening:
        year = in_opening[-1]
    else:  # the last year of the paragraph's earlier sentences (indexed once per Doc, not per trigger)
        j = bisect_right(year_ends, sent.start_char) - 1
        if j < 0 or year_ends[j] - 4 < para_start:
            return False
        year = year_values[j]
    return bool(year < int(published.year) - 1)


def _recent_sentences(doc: Doc) -> frozenset[int]:
    """Starts of the sentences with a deictic time word of the report's days (cue class `recent`; not a
    possessive "today's"), found once per Doc."""
    return frozenset(
        sent.start
        for sent in doc.sents
        if any(cue_has(t.lower_, "recent") and not any(c.dep_ == "case" for c in t.children) for t in sent)
    )


def _tensed(tok: Token) -> Token:
    """The verb that carries the tense of the trigger's clause: a nominal's clause verb ("colluded in
    the occupation of X"), an infinitive's or a participle's governing verb ("was forced to evacuate",
    "forced the army to withdraw")."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else clause_verb(tok)
    for _ in range(3):
        if verb.tag_ not in ("VB", "VBG") or verb.dep_ not in ("xcomp", "advcl") or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb


def _year_marks(doc: Doc) -> tuple[list[int], list[int], list[int]]:
    """The Doc's line breaks, and the end offset and value of each year it writes, in text order."""
    text = doc_text(doc)
    newlines = [m.start() for m in re.finditer("\n", text)]
    years = list(_YEAR.finditer(text))
    return newlines, [m.end() for m in years], [int(m.group(1)) for m in years]


def no_happening(tok: Token, status: str, actor: str | None) -> bool:
    """Whether the clause around the trigger makes the mention report no happening."""
    return (
        interrogative(tok)
        or unrealized_by_nobody(tok, status, actor)
        or class_description(tok, actor)
        or talk_topic(tok)
        or demanded(tok)
        or narrated_past(tok)
        or generic_activity(tok)
    )


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def dated_ahead(doc: Doc, when: str | None) -> bool:
    """The event's time lies after the publication date ("tasked with capturing the town by May 9",
    "will escalate in the near future"): a plan or forecast, not (yet) a happening."""
    if not when:
        return False
    if when == "FUTURE_REF":
        return True
    published = published_on(doc)
    if published is None or _DAY.fullmatch(when) is None:
        return False
    try:
        return dt.date.fromisoformat(when) > published
    except ValueError:
        return False  # "2023-02-30"
