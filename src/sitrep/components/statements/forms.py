"""Attribution forms other than an active reporting verb: "Name: text" lines, quotes signed "\u2014 Name",
headlines, attribution nouns and adjectives, passive thought verbs and "in a poll" clauses."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.tokens import Token

from ...model import TextSpan
from ...quotes import count_marks, paragraph_spans
from .builder import ATTRIBUTION_ONLY, Builder
from .filters import claim_object
from .speaker import _lines, cue_lemma, cue_limits, cue_sections, sectioned

_NAME = r"[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|of|de|van|von|al|bin))*?"
_LABEL = re.compile(rf"[\"\u201c]?(?P<name>{_NAME})\s?:\s+(?P<content>\S.*)", re.S)
# A headline "Name: what they said" or "Name to audience: ..." ("Rubio: I Will Not Run", "Mayor to
# residents: stay indoors").
_HEAD_LABEL = re.compile(rf"(?P<name>{_NAME})(?:\s+[Tt]o\s+[^:\n]{{1,60}}?)?\s?:\s+(?P<content>\S[^\n]*)")
_DASH = re.compile(
    rf"[ \t]*(?P<dash>[\u2015\u2014\u2013]|--?)[ \t]*(?P<name>{_NAME})(?=[ \t]*(?:[,./(]|\n|$))"
)
# Labels that introduce something other than speech.
_NOT_SPEAKERS = {
    "note",
    "update",
    "updated",
    "editor",
    "editor's note",
    "photo",
    "photos",
    "video",
    "watch",
    "read",
    "read more",
    "related",
    "source",
    "sources",
    "caption",
    "correction",
    "clarification",
    "advertisement",
    "warning",
    "breaking",
    "exclusive",
    "analysis",
    "opinion",
    "live",
    "q",
    "a",
    "question",
    "answer",
    "when",
    "where",
    "what",
    "why",
    "how",
    "who",
    "date",
    "time",
    "location",
    "contact",
    "email",
    "tel",
    "phone",
    "the latest",
    "latest",
    "background",
    "timeline",
    "factbox",
    "explainer",
    "fact check",
    "key points",
}
_ENTITY_TYPES = {"PERSON", "ORG", "GPE", "NORP"}


@lru_cache(maxsize=1)
def _headline_re() -> re.Pattern[str]:
    """ "Name says ..." at the start of a short paragraph, verbs from `data/cues_headline.txt`."""
    alt = "|".join(sorted((re.escape(v) for v in _lines("cues_headline.txt")), key=len, reverse=True))
    return re.compile(
        rf"[\"\u201c]?(?P<name>{_NAME})\s+(?P<verb>(?i:{alt}))\b:?\s+(?P<content>[^\n]+?)[.\s]*$"
    )


def headline_statements(b: Builder) -> None:
    """The headline (the paragraph before the dateline, else the first) of the form "Name says what"."""
    text = b.text
    head = [p for p in paragraph_spans(text[: b.ctx.body_start]) if p[1] <= b.ctx.body_start]
    for p_start, p_end in head or b.ctx.paras[:1]:
        if len(text[p_start:p_end].split()) > 30:
            continue
        m = _headline_re().match(text, p_start, p_end)
        if not m or len(m.group("name").split()) > 5 or m.group("name").lower() in _NOT_SPEAKERS:
            continue
        n_start, n_end = m.span("name")
        mention = b.doc.char_span(n_start, n_end, alignment_mode="expand")
        if mention is None:
            continue
        v0, v1 = m.span("verb")
        if not _headline_content(b, v0, v1):
            continue
        speaker = b.ctx.speakers.from_mention(mention)
        if speaker is not None and m.group("verb").lower() in speaker.name.lower():
            speaker = speaker.model_copy(
                update={"name": m.group("name"), "entity": None}
            )  # NER took the verb
        b.add(
            TextSpan(text=text[v0:v1], span=(v0, v1)),
            speaker,
            m.start("content"),
            m.end("content"),
            None,
            0.7,
        )


def _headline_content(b: Builder, v0: int, v1: int) -> bool:
    """Whether a headline verb with a limited object reading has content ("denies the charge" has none)."""
    verb = b.doc.char_span(v0, v1, alignment_mode="expand")
    if verb is None:
        return True
    tok = verb.root
    limit = cue_limits().get(cue_lemma(tok)) or cue_limits().get(tok.lemma_.lower())
    if limit is None:
        return True
    if limit == "claim":
        return claim_object(tok)
    return any(c.dep_ == "ccomp" or (limit == "as" and c.lower_ == "as") for c in tok.rights)


def _headline_paras(b: Builder) -> list[tuple[int, int]]:
    """The paragraphs before the dateline (the headline), else the first paragraph."""
    head = [p for p in paragraph_spans(b.text[: b.ctx.body_start]) if p[1] <= b.ctx.body_start]
    return head or b.ctx.paras[:1]


def label_statements(b: Builder) -> None:
    """Paragraphs of the form "Name: what they said" (a transcript turn or a headline attribution)."""
    text = b.text
    heads = {p for p in _headline_paras(b) if len(text[p[0] : p[1]].split()) <= 30}
    for p_start, p_end in [*sorted(heads - set(b.ctx.paras)), *b.ctx.paras]:
        headline = (p_start, p_end) in heads
        m = (_HEAD_LABEL if headline else _LABEL).match(text, p_start, p_end)
        if not m or len(m.group("name").split()) > 5:
            continue
        name = m.group("name")
        if name.lower().rstrip(".") in _NOT_SPEAKERS or len(m.group("content").split()) < 3:
            continue
        n_start, n_end = m.span("name")
        transcript = name.isupper() and len(name) >= 2 and not headline
        ent = b.ctx.speakers.coref.entity_at(n_start, n_end) if b.ctx.speakers.coref is not None else None
        if not transcript and (ent is None or ent.type not in _ENTITY_TYPES):
            continue
        if not headline and _subhead(text[p_start:p_end]):
            # "Scholz: Russia made NATO a casus belli": a section title over the quote below; its
            # words are the named speaker's, so a cue inside ("I am convinced") makes no statement
            b.ctx.speech.append((m.start("content"), p_end))
            continue
        mention = b.doc.char_span(n_start, n_end, alignment_mode="expand")
        if mention is None:
            continue
        speaker = b.ctx.speakers.from_mention(mention)
        colon = text.index(":", n_end)  # after "Name" or "Name to audience"
        cue = TextSpan(text=":", span=(colon, colon + 1))
        c_start, c_end = m.start("content"), p_end
        if transcript:
            b.ctx.speech.append((c_start, c_end))
        b.add(cue, speaker, c_start, c_end, None, 0.8 if transcript else 0.6, direct=transcript)


def _subhead(para: str) -> bool:
    """A short paragraph with no sentence-final punctuation: a section title inside the article."""
    return len(para.split()) <= 16 and para.rstrip()[-1:] not in '.!?"\u201d\u2026'


def dash_statements(b: Builder) -> None:
    """Quotations signed with a dash: "\u201cWe will rebuild.\u201d \u2014 Olena Petrenko"."""
    text = b.text
    for q in b.ctx.quotes:
        if not q.closed:
            continue
        m = _DASH.match(text, q.end)
        if not m or len(m.group("name").split()) > 5:
            continue
        n_start, n_end = m.span("name")
        mention = b.doc.char_span(n_start, n_end, alignment_mode="expand")
        if mention is None or mention.root.pos_ not in {"PROPN", "NOUN"}:
            continue
        speaker = b.ctx.speakers.from_mention(mention)
        d0, d1 = m.span("dash")
        b.add(TextSpan(text=text[d0:d1], span=(d0, d1)), speaker, q.start, q.end, None, 0.7)


_COLON_ENTS = {"PERSON", "ORG"}


def colon_statements(b: Builder) -> None:
    """A quotation introduced by a name and a colon inside a sentence: "... pollster Ana Ruiz:
    \u201cTurnout decides it.\u201d", "More from Jones: \"...\"" (no verb of speech)."""
    text = b.text
    ents = b.ctx.speakers.ents
    ends = {ent.end_char: ent for ent in ents if ent.label_ in _COLON_ENTS}
    if not ends:
        return
    for q in b.ctx.quotes:
        if not q.closed:
            continue
        k = q.start
        while k > 0 and text[k - 1] in " \t\u00a0\n":
            k -= 1
        if k == 0 or text[k - 1] != ":" or text[k : q.start].count("\n") > 2:
            continue
        ent = ends.get(k - 1)
        if ent is None or len(ent) > 5 or b.ctx.in_dateline((ent.start_char, ent.end_char)):
            continue
        if _verb_object(ent.root):
            continue  # "X told the Telegraph:", "X says from Kyiv:": the verb's statement, not the name's
        speaker = b.ctx.speakers.from_mention(ent)
        b.add(TextSpan(text=":", span=(k - 1, k)), speaker, q.start, q.end, None, 0.6, direct=True)


def _verb_object(tok: Token) -> bool:
    """Whether a name is the hearer or place of a verb of speech, directly or through a preposition
    ("told the paper", "says from Kyiv"); "More from Jones" has no verb, and "did not surprise the
    analyst X" is no verb of speech."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif tok.dep_ not in {"dobj", "dative", "iobj"}:
        return False
    return head.pos_ in {"VERB", "AUX"} and head.i != tok.i and cue_lemma(head) in cue_sections()


_NOUN_MODES = {"speech": ("speech", 0.6), "thought": ("thought", 0.5), "intention": ("intention", 0.5)}
_NOUN_MODES["evidence"] = ("evidence", 0.55)
_HOLDER_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
# Verbs whose subject delivers the statement that is their object ("issued a warning that").
_DELIVER = {
    "issue",
    "make",
    "deliver",
    "express",
    "voice",
    "release",
    "publish",
    "give",
    "repeat",
    "reiterate",
    "post",
    "send",
    "file",
    "put",
    "raise",
    "share",
    "tweet",
    "offer",
    "announce",
}


@lru_cache(maxsize=1)
def noun_sections() -> dict[str, str]:
    """Attribution noun -> its section of `data/cues_nouns.txt` (speech, thought, intention, evidence)."""
    return sectioned("cues_nouns.txt", "speech")


@lru_cache(maxsize=1)
def speech_nouns() -> frozenset[str]:
    """Attribution nouns (all sections of `data/cues_nouns.txt`)."""
    return frozenset(noun_sections())


def noun_mode(lemma: str) -> str:
    """The statement mode of an attribution noun ("speech" when unknown)."""
    return _NOUN_MODES.get(noun_sections().get(lemma.lower(), "speech"), ("speech", 0.6))[0]


def noun_holder(noun: Token) -> Token | None:
    """Who holds the claim: possessor, "by"/"from" phrase, or a name before the noun ("a Kremlin claim")."""
    who = next((c for c in noun.children if c.dep_ == "poss"), None)
    if who is not None:
        return who
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in {"from", "by"}:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    for c in noun.lefts:
        if c.dep_ in {"compound", "amod", "nmod"} and c.ent_type_ in _HOLDER_ENTS:
            return c
    # "the ministry issued a warning that ...": the subject of the verb that delivers it
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in _DELIVER:
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None


def noun_statement(b: Builder, noun: Token) -> None:
    """ "Russia's claim that it had captured the village", "Moscow's plan to ...", "his remarks: \"...\"."""
    if b.ctx.inside_quote(noun):
        return
    section = noun_sections().get(noun.lemma_.lower()) or noun_sections().get(noun.lower_, "speech")
    mode, conf = _NOUN_MODES.get(section, ("speech", 0.6))
    who = noun_holder(noun)
    content: tuple[int, int] | None = None
    clause = next(
        (c for c in noun.children if c.dep_ in {"acl", "ccomp", "relcl"} and c.i > noun.i and _has_that(c)),
        None,
    )
    if clause is not None:
        start = b.doc[clause.left_edge.i + 1] if clause.left_edge.lower_ == "that" else clause.left_edge
        end = b.doc[clause.right_edge.i]
        content = (start.idx, end.idx + len(end.text))
    elif section == "intention" and who is not None:  # "Moscow's plan to annex the region"
        inf = next((c for c in noun.children if c.dep_ == "acl" and c.i > noun.i and _has_to(c)), None)
        if inf is not None:
            content = (inf.left_edge.idx, inf.right_edge.idx + len(inf.right_edge.text))
    elif section == "speech" and who is not None:  # "his remarks: \"...\""
        nxt = noun.i + 1
        if nxt < len(b.doc) and b.doc[nxt].text == ":":
            pos = b.doc[nxt].idx + 1
            rest = b.text[pos : pos + 4]
            q = b.ctx.quote_at(pos + len(rest) - len(rest.lstrip()))
            if q is not None and q.start >= pos and q.closed:
                content = (q.start, q.end)
        elif noun.dep_ == "dobj" and noun.head.lemma_.lower() in _DELIVER:
            content = _quote_after(b, noun)
            # the quotation of a statement its issuer "issued" is theirs even when the announcement
            # itself is reported ("X issued a statement, the office said"): above the nested cut
            conf = 0.65 if content is not None else conf
    if content is None:
        return
    if who is None and section not in {"speech", "evidence"}:
        return  # "the hope that ..." with nobody holding it is no attribution
    speaker = b.ctx.speakers.speaker(who) if who is not None else None
    cue = TextSpan(text=noun.text, span=(noun.idx, noun.idx + len(noun.text)))
    b.add(cue, speaker, content[0], content[1], None, conf, mode=mode)


def _quote_after(b: Builder, noun: Token) -> tuple[int, int] | None:
    """The quotation that opens the paragraph after the one a sentence ends ("X issued a statement.",
    then the statement in quotation marks); one short paragraph that only names the source of the
    announcement may stand between ("That's according to the president's office.")."""
    sent = noun.sent
    paras = b.ctx.paras
    k = bisect_right([s for s, _e in paras], noun.idx) - 1
    if k < 0 or b.text[sent.end_char : paras[k][1]].strip():
        return None  # the sentence does not end its paragraph
    for j in (k + 1, k + 2):
        if j >= len(paras):
            return None
        q = b.ctx.quote_at(paras[j][0])
        if q is not None and q.start == paras[j][0] and q.closed:
            return q.start, q.end
        p0, p1 = paras[j]
        if p1 - p0 > 200 or count_marks(b.text[p0:p1]) or not ATTRIBUTION_ONLY.match(b.text, p0, p1):
            return None
    return None


def in_source_statement(b: Builder, prep: Token) -> None:
    """ "In the latest poll, X leads Y by 5 points": the clause is the finding of the poll."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or b.ctx.inside_quote(prep) or noun_mode(pobj.lemma_) != "evidence":
        return
    head = prep.head
    if head.pos_ not in {"VERB", "AUX"} or cue_sections().get(head.lemma_.lower()) == "speech":
        return  # "in a report, the ministry said": the verb carries the statement
    span = b.host_clause(prep)
    if span is None or not any(t.dep_ in {"nsubj", "nsubjpass"} for t in span):
        return
    who = noun_holder(pobj)
    speaker = b.ctx.speakers.speaker(who) if who is not None else None
    cue = TextSpan(text=pobj.text, span=(pobj.idx, pobj.idx + len(pobj.text)))
    b.add(cue, speaker, span.start_char, span.end_char, None, 0.5, mode="evidence")


@lru_cache(maxsize=1)
def adjective_sections() -> dict[str, str]:
    """Stance adjective -> section ("thought" or "intention") from `data/cues_adjectives.txt`."""
    return sectioned("cues_adjectives.txt", "thought")


def adjective_statement(b: Builder, adj: Token) -> None:
    """ "She was sure (that) X would win", "is critical of the plan", "is determined to go": a held view."""
    section = adjective_sections().get(adj.lemma_.lower())
    if section is None or adj.dep_ != "acomp" or b.ctx.inside_quote(adj):
        return
    subj = next((c for c in adj.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in {"it", "that", "this"}:  # "it is clear that": nobody holds it
        return
    comp = next((c for c in adj.rights if c.dep_ in {"ccomp", "xcomp"}), None)
    if comp is None:  # "worried about losing the port"; "worried about the cost" is an attitude to a thing
        prep = next((c for c in adj.rights if c.dep_ == "prep" and c.lower_ in {"of", "about"}), None)
        comp = next((c for c in prep.children if c.dep_ == "pcomp"), None) if prep else None
    if comp is None:
        return
    start = comp.left_edge
    if start.lower_ == "that" and start.dep_ == "mark":
        start = b.doc[start.i + 1]
    end = comp.right_edge
    speaker = b.ctx.speakers.speaker(subj)
    cue = TextSpan(text=adj.text, span=(adj.idx, adj.idx + len(adj.text)))
    b.add(cue, speaker, start.idx, end.idx + len(end.text), None, 0.5, mode=section)


def passive_statement(b: Builder, verb: Token) -> None:
    """ "X is believed by analysts to ...": a thought its agent holds. With no agent ("X is expected
    to", "are known to have died") the text attributes it to no one, and a statement needs a source
    (the real-news definition; PolNeAR counts such implicit attributions, see README)."""
    lemma = cue_lemma(verb)
    if cue_sections().get(lemma) != "thought" or verb.dep_ in {"amod", "compound", "acl", "pobj"}:
        return
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    comp = next((c for c in verb.rights if c.dep_ == "xcomp"), None)
    if subj is None or comp is None or subj.lower_ in {"it", "there"}:
        return
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    who = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if who is None:
        return
    speaker = b.ctx.speakers.speaker(who)
    cue = TextSpan(text=verb.text, span=(verb.idx, verb.idx + len(verb.text)))
    start, end = subj.left_edge, comp.right_edge
    b.add(cue, speaker, start.idx, end.idx + len(end.text), verb, 0.5, mode="thought")


def _has_to(clause: Token) -> bool:
    """Whether a clause is a to-infinitive ("plan to annex")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _has_that(clause: Token) -> bool:
    """Whether a clause opens with the complementizer "that" (not a relative "that" subject)."""
    first = clause.left_edge
    return first.lower_ == "that" and first.dep_ == "mark"
