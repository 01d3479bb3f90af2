"""Statements a reporting verb introduces: content after the cue (a quotation or the
clausal complement), before it (a postposed or parenthetical attribution), or the object of the verb."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Span, Token

from ...model import TextSpan
from ...quotes import Quote
from .builder import Builder
from .descriptions import speaker_nouns
from .filters import (
    circumstance,
    claim_object,
    coordinated_speaker,
    decline_of_speech,
    hearer_only,
    perceived,
    prep_content,
    topic_only,
    withheld,
)
from .forms import noun_holder, noun_mode, noun_sections, passive_statement, speech_nouns
from .speaker import cue_lemma, cue_limits, cue_mode, cue_sections, role_nouns
from .syntax import (
    ATTR_PUNCT,
    CLOSERS,
    FINITE,
    NOT_TAIL,
    OBJ_DEPS,
    OBJ_PREPS,
    SENT_END,
    SUBJ,
    Ctx,
    attribution_bounds,
    inverted_object,
    is_reporting,
    postposed_subject,
    quoted_as,
    subject_of,
)

_WHEN = {"DATE", "TIME"}
# Complements a cue outside speech may take when it has no clausal complement, by cue section.
_NONSPEECH_DEPS = {
    "thought": frozenset({"xcomp"}),
    "stance": frozenset(),
    "opinion": frozenset({"xcomp"}),
    "regard": frozenset({"dobj", "oprd", "prep"}),
    "intention": frozenset({"xcomp"}),
    "evidence": frozenset(),
}


def _agent_noun(noun: Token) -> bool:
    """Whether a common noun can name who speaks: a role, a speaker description or an attribution
    noun ("the minister", "the expert", "the report"); "the reference", "the shift" cannot."""
    words = {noun.lemma_.lower(), noun.lower_}
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in noun.children):
        return True  # "His Czech counterpart, Jan Kowal, said": the one named beside the noun
    return bool(words & (role_nouns().keys() | speaker_nouns() | noun_sections().keys()))


def _country(subj: Token) -> bool:
    """Whether a subject names a country or city ("Russia", "Berlin"): what it aims, hopes or agrees
    to do, with no clause of its own, is the writer's account of its policy."""
    return subj.pos_ == "PROPN" and subj.ent_type_ == "GPE"


def _contentful(tok: Token) -> bool:
    """Whether a token can carry what was said (not a date, adverb or function word)."""
    return tok.pos_ in {"VERB", "AUX", "NOUN", "PROPN", "PRON", "NUM", "ADJ"} and tok.ent_type_ not in _WHEN


def _is_evidence(subj: Token) -> bool:
    """Whether a subject is a document, figure or recording ("polls", "the video", "an analysis")."""
    head = subj.head if subj.dep_ == "compound" else subj
    return noun_mode(head.lemma_) == "evidence" or noun_mode(head.lower_) == "evidence"


def _quote_after(b: Builder, hi: int, sent: Span) -> Quote | None:
    """A quotation opening right after the attribution ("said: \"...", "said, \"...")."""
    pos = b.doc[hi - 1].idx + len(b.doc[hi - 1].text) if hi > 0 else 0
    rest = b.text[pos : pos + 8]
    colon = rest.lstrip().startswith(":")
    # After a colon the quotation may open the next paragraph ("Caddell continued:\n\n\"...").
    stripped = rest.lstrip(" ,:\u2014-\n\r\t" if colon else " ,:\u2014-")
    if not stripped or not b.ctx.mark_at(pos + len(rest) - len(stripped)):
        return None
    q = b.ctx.quote_at(pos + len(rest) - len(stripped))
    if q is None or q.start < pos or q.start - pos > (7 if colon else 3):
        return None
    if rest[: q.start - pos].strip() == "" and _quoted_name(b, q):
        return None
    return q


def _quoted_name(b: Builder, q: Quote) -> bool:
    """'said at the forum "This Is Our History!"': a short quotation right after the noun of a
    prepositional phrase is that thing's name, not what was said."""
    gap = b.text[max(0, q.start - 3) : q.start]
    mark = b.doc.char_span(q.start, q.start + 1, alignment_mode="expand")
    if mark is None or not len(mark) or mark[0].i == 0 or not gap or not gap[-1].isspace():
        return False
    last = b.doc[mark[0].i - 1]
    if last.pos_ != "NOUN" or last.dep_ != "pobj" or b.text[last.idx + len(last.text) : q.start].strip():
        return False
    return len(b.text[q.start : q.end].split()) <= 6


_NAMED: WeakKeyDictionary[Ctx, tuple[list[Quote], list[Quote]]] = WeakKeyDictionary()


def _named_quotes(b: Builder) -> list[Quote]:
    """The closed quotations that are a thing's name (`_quoted_name`), found once per list of quotations
    (dash quotations extend it), not once per cue (a long text has hundreds of each)."""
    hit = _NAMED.get(b.ctx)
    if hit is None or hit[0] is not b.ctx.quotes:
        hit = _NAMED[b.ctx] = (b.ctx.quotes, [q for q in b.ctx.quotes if q.closed and _quoted_name(b, q)])
    return hit[1]


def _post_content(b: Builder, lo: int, hi: int, sent: Span) -> tuple[int, int] | None:
    """Content before a postposed attribution: from the start of the sentence or of its quotation."""
    prev = b.doc[lo - 1] if lo > 0 else None
    if lo <= sent.start or prev is None or not (prev.text in ATTR_PUNCT or b.ctx.single_close(prev)):
        return None
    first = b.doc[lo]
    if first.pos_ == "PRON" and first.text[:1].isupper() and first.lower_ != "i":
        return None  # 'peace."He announced': a capital pronoun opens a new sentence, not an attribution
    end = b.doc[lo - 1].idx
    start = max(sent.start_char, b.ctx.para_of(end - 1)[0])
    before = b.ctx.quote_at(b.doc[lo - 1].idx) or b.ctx.quote_at(max(end - 1, 0))
    if before is not None:
        if before.start < start:
            start = before.start
        elif before.start > start:
            lead = b.text[start : before.start].rstrip()
            if lead and lead[-1] in SENT_END:  # a glued previous sentence
                start = before.start
    if start < b.ctx.body_start:
        start = b.ctx.body_start
    if end <= start:
        return None
    # Content is a clause or a quotation, not a fronted phrase ("At the debate, she said").
    region = b.doc.char_span(start, end, alignment_mode="expand")
    quoted = bool(b.ctx.mark_at(start))
    tail = _parenthetical_tail(b, hi, sent)
    if not quoted and (region is None or not any(_contentful(t) for t in region)):
        if (
            tail is not None
            and region is not None
            and all(t.is_punct or t.pos_ in {"CCONJ", "ADV"} for t in region)
        ):
            tail_span = b.doc[tail : sent.end]  # "But, she added, drones are unlikely to ..."
            if any(t.tag_ in FINITE for t in tail_span):
                return tail_span.start_char, tail_span.end_char
        return None  # "Last month, the FBI warned ...", "Still, the paper reported ...": an adverbial
    if not quoted and region is not None and _adverbial(region, lo, hi):
        return None  # "In a call that lasted an hour, the president warned of ...": the cue's own phrase
    finite = region is not None and any(t.tag_ in FINITE for t in region)
    if tail is not None:  # "But to prevent problems, he said, officials should be vigilant."
        tail_span = b.doc[tail : sent.end]
        if quoted or finite or any(t.tag_ in FINITE for t in tail_span):
            return start, tail_span.end_char
    # "People like Scott, he said." — the attribution closes the sentence
    closing = all(t.is_punct or t.is_space for t in b.doc[hi : sent.end])
    fronted = region is not None and len(region) and region[0].pos_ in {"ADP", "SCONJ"}
    return (start, end) if quoted or finite or (closing and not fronted) else None


def _adverbial(region: Span, lo: int, hi: int) -> bool:
    """Whether a stretch before the attribution is a phrase of the cue verb itself: it opens with a
    preposition and every word hangs from the attribution as a prepositional or adverbial modifier."""
    if region[0].pos_ != "ADP":
        return False
    roots = [t for t in region if not region.start <= t.head.i < region.end]
    return bool(roots) and all(
        lo <= t.head.i < hi and t.dep_ in {"prep", "advmod", "npadvmod", "agent"} for t in roots
    )


def _parenthetical_tail(b: Builder, hi: int, sent: Span) -> int | None:
    """First token of the clause resuming after a parenthetical ", he said," (None when none)."""
    if hi + 2 >= sent.end or b.doc[hi].text != ",":
        return None
    first = b.doc[hi + 1]
    if b.ctx.mark_at(first.idx) or first.lower_ in NOT_TAIL or first.tag_ == "VBG":
        return None
    words = [t for t in b.doc[hi + 1 : sent.end] if not t.is_punct]
    if len(words) <= 5 and any(t.pos_ in {"VERB", "AUX"} and source_tail(t, b.ctx.cues) for t in words):
        return None  # ", the agency has learned": how the outlet came by it, no resumed content
    return hi + 1 if len(words) >= 2 else None


def _split_resume(b: Builder, hi: int) -> Quote | None:
    """The second half of a split quotation: "\"A,\" he said, \"B.\"" resumes right after the cue."""
    if hi >= len(b.doc):
        return None
    tok = b.doc[hi]
    if tok.text not in {",", "\u2014", "--", "-", ":"}:
        return None
    pos = tok.idx + len(tok.text)
    rest = b.text[pos : pos + 4].lstrip()
    if not rest or not b.ctx.mark_at(pos + (len(b.text[pos : pos + 4]) - len(rest))):
        return None
    q = b.ctx.quote_at(pos + (len(b.text[pos : pos + 4]) - len(rest)))
    return q


def _ccomp_content(b: Builder, verb: Token) -> tuple[int, int] | None:
    """The clausal complement after a cue, with coordinated clauses that carry their own subject
    (none for what a perception verb saw: "saw Russia take back the initiative")."""
    comps = [
        c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and not source_tail(c, b.ctx.cues)
    ]
    if comps and perceived(verb, comps[0]):
        return None
    named = _named_quotes(b)
    comps = [c for c in comps if not any(q.start <= c.idx < q.end for q in named)]
    if not comps:
        return None
    comp = comps[0]
    start = comp.left_edge
    end = comp.right_edge.i
    # "said on Monday (that) it would respond": the date belongs to the speech act
    if (
        start.lower_ in {"on", "late", "early"}
        and start.i + 1 < end
        and b.doc[start.i + 1].ent_type_ in _WHEN
    ):
        start = b.doc[start.i + 1]
    while start.i < end and start.ent_type_ in _WHEN:
        start = b.doc[start.i + 1]
    if start.i < end and start.is_punct:
        start = b.doc[start.i + 1]
    if start.dep_ == "mark" and start.lower_ == "that":
        start = b.doc[start.i + 1]
    for child in verb.rights:
        if child.dep_ == "conj" and child.i > end and child.lemma_.lower() not in b.ctx.cues:
            if any(c.dep_ in SUBJ for c in child.children):
                end = child.right_edge.i
    span = b.doc[start.i : end + 1]
    return span.start_char, span.end_char


def source_tail(comp: Token, cues: dict[str, float]) -> bool:
    """ "..., X said on Friday, the agency has learned": a closing clause in which the outlet says how
    it came by the statement (a reporting verb or "learn" with nothing of its own to report)."""
    if comp.lemma_.lower() != "learn" and cue_lemma(comp) not in cues:
        return False
    if any(c.dep_ in {"ccomp", "dobj", "xcomp", "prep"} and c.i > comp.i for c in comp.children):
        return False
    own = [c.left_edge.i for c in comp.lefts if c.dep_ in {"nsubj", "aux"}]
    start = min([*own, comp.i])
    return start > 0 and comp.doc[start - 1].text == ","


def _embedded_stance(b: Builder, verb: Token) -> bool:
    """A stance verb that describes a group ("those who favor appeasement") or sits inside what another
    cue reports ("urged the US to continue to support Ukraine"): no statement of its own."""
    if verb.dep_ == "relcl":
        return True
    anc = verb
    for _ in range(4):
        if anc.head.i == anc.i or anc.dep_ not in {"xcomp", "conj"}:
            return False
        anc = anc.head
        if anc.pos_ in {"VERB", "AUX"} and cue_lemma(anc) in b.ctx.cues and cue_lemma(anc) != cue_lemma(verb):
            return True
    return False


def _as_clause(
    b: Builder, verb: Token, subj: Token, section: str
) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """ "As the mayor added, the bridge stays shut": a cue in an "as" clause with no object of its own
    attributes the clause it modifies. The outlet's own "as we reported" is no one's statement."""
    if section not in {"speech", "thought"} or verb.dep_ != "advcl" or subj.lower_ in {"we", "i"}:
        return None
    mark, doc = verb.left_edge, verb.doc
    if mark.lower_ != "as" or mark.dep_ != "mark" or mark.head.i != verb.i:
        return None
    before = doc[mark.i - 1] if mark.i > verb.sent.start else None
    after = doc[verb.right_edge.i + 1] if verb.right_edge.i + 1 < len(doc) else None
    if (before is not None and before.text not in {",", "\u2014", "-", "("}) or (
        after is not None and not after.is_punct and not verb.right_edge.is_punct
    ):
        return None  # "described the pact as the source ... historians assessed": no clause set apart
    tell = verb.lemma_.lower() == "tell"  # "as she told reporters": the object is the audience
    if any(
        (c.dep_ in OBJ_DEPS and not (tell and c.dep_ == "dobj")) or c.dep_ == "ccomp" for c in verb.children
    ):
        return None  # "as he described the attack": the object is what was said
    span = b.host_clause(verb)
    if span is None:
        return None
    head, own = verb.head, verb.doc[verb.left_edge.i : verb.right_edge.i + 1]
    if head.left_edge.i < own.start and own.end <= head.right_edge.i:  # "The army, as X said, will stay"
        a, z = max(head.left_edge.idx, b.ctx.para_of(verb.idx)[0]), span.end_char
        return (a, z), (own.start_char, own.end_char)
    return (span.start_char, span.end_char), None


def _object_content(b: Builder, verb: Token, deps: frozenset[str] | None = None) -> tuple[int, int] | None:
    """The object side of a communication verb: "denied targeting civilians", "urged X to vote"."""
    if deps is not None:  # thought, intention, evidence cues: only the complements they allow
        parts = [c for c in verb.rights if c.dep_ in deps and (c.dep_ != "prep" or c.lower_ == "as")]
        if "prep" in deps and not any(c.dep_ in {"oprd", "prep"} for c in parts):
            return None  # "sees the plan" is no view; "sees the plan as a threat" is
    else:
        parts = [
            c
            for c in verb.rights
            if c.dep_ in OBJ_DEPS or (c.dep_ == "prep" and c.lower_ in OBJ_PREPS and not circumstance(c))
        ]
        if not parts:  # "called for the strongholds to be hit": a for-clause
            parts = [
                c
                for c in verb.rights
                if c.dep_ == "advcl" and c.left_edge.lower_ == "for" and c.left_edge.dep_ == "mark"
            ]
            if parts:
                first = b.doc[parts[0].left_edge.i + 1]
                span = b.doc[first.i : parts[0].right_edge.i + 1]
                return (span.start_char, span.end_char) if len(span) >= 2 else None
    # A bare prepositional phrase is content after "called for", "warned against", "asked about";
    # "responded to X" names an addressee, not what was said.
    if not parts or (parts[0].dep_ == "prep" and parts[0].lower_ in {"to", "of"}) or topic_only(parts):
        return None
    first, last = parts[0], parts[-1]
    span = b.doc[first.left_edge.i : last.right_edge.i + 1]
    # one word is content only when quoted, or a name a stance is about ("endorsed Clinton")
    named = deps == _NONSPEECH_DEPS["stance"] and span.root.pos_ == "PROPN"
    if len(span) < 2 and not named and not any(q.start <= span.start_char < q.end for q in b.ctx.quotes):
        return None
    return span.start_char, span.end_char


def _outer_subject(b: Builder, verb: Token) -> Token | None:
    """The subject of the nearest cue verb above `verb` outside quotations: a verb coordinated into a
    quotation takes the subject of the cue that introduced it, never a quoted one."""
    tok = verb
    for _ in range(6):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if b.ctx.inside_quote(tok) or cue_lemma(tok) not in b.ctx.cues:
            continue
        subj = subject_of(tok)
        if subj is not None and not b.ctx.inside_quote(subj):
            return subj
    # a parse that hangs the introducing cue under the quotation: the cue before it in the sentence
    for tok in reversed(b.doc[verb.sent.start : verb.i]):
        if b.ctx.inside_quote(tok) or tok.pos_ != "VERB" or cue_lemma(tok) not in b.ctx.cues:
            continue
        subj = subject_of(tok)
        if subj is None and tok.i > 0 and b.doc[tok.i - 1].pos_ in {"PROPN", "NOUN"}:
            subj = b.doc[tok.i - 1]  # "... Yury Ushakov told a conference call:"
        return subj if subj is not None and not b.ctx.inside_quote(subj) else None
    return None


def _hung_subject(b: Builder, verb: Token) -> Token | None:
    """ "..., the adviser Anna Kowal told a news call: \"The crisis is over\"": a parse that hangs the
    cue under the verb of the quotation it introduces, and its subject elsewhere, leaves the name
    right before the cue as the speaker."""
    if verb.dep_ not in {"ccomp", "parataxis"} or not b.ctx.inside_quote(verb.head) or verb.i == 0:
        return None
    prev = b.doc[verb.i - 1]
    if (
        prev.pos_ != "PROPN"
        or prev.ent_type_ not in {"PERSON", "ORG", "NORP", "GPE"}
        or b.ctx.inside_quote(prev)
    ):
        return None
    return prev


def verb_statement(b: Builder, verb: Token) -> None:
    """A statement introduced by a reporting verb, if it has a subject and content."""
    if b.ctx.inside_quote(verb) or verb.i in b.ctx.claimed:
        return
    if not is_reporting(verb):
        passive_statement(b, verb)
        return
    if withheld(verb, b.text) or decline_of_speech(verb):  # "has not said", "asked not to be named"
        return
    subj = subject_of(verb)
    if subj is not None and subj.is_punct:  # a quote mark parsed as the subject ("...,'' said X")
        nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        subj = nxt if nxt is not None and nxt.pos_ == "PROPN" else None
    if subj is not None and b.ctx.inside_quote(subj):  # "told X: \"Panic is here\" but added ..."
        subj = _outer_subject(b, verb)
    own = subj is not None and (subj.head.i == verb.i or quoted_as(verb, subj))
    if subj is None:
        subj = postposed_subject(verb) or inverted_object(verb)
        own = subj is not None
    if subj is None:
        subj = _hung_subject(b, verb)
    if subj is None or subj.lower_ in {"there", "you"} or b.ctx.in_dateline((subj.idx, subj.idx + 1)):
        return
    sent = verb.sent
    if own:  # "A strike killed 26 people, a health official and witnesses said"
        subj = coordinated_speaker(verb, subj) or subj
    lo, hi = attribution_bounds(verb, subj)
    if subj.i > verb.i and not own:  # inherited subject after the verb: impossible
        return
    if subj.i < verb.i and not own:  # inherited subject: attribution starts at the verb
        lo = verb.i
    lemma = cue_lemma(verb)
    section = cue_sections().get(lemma, "speech")
    mode = cue_mode(lemma)
    # Verbs of speech and thought close a sentence as its attribution ("..., she said / believes").
    speech = lemma in b.ctx.cues and section in {"speech", "thought", "quote-only"}
    # "..., the records show": a document or figure closes the sentence as its source
    speech = speech or (section == "evidence" and own and _is_evidence(subj))
    conf = b.ctx.cues.get(lemma, 0.7)
    cue = TextSpan(text=verb.text, span=(verb.idx, verb.idx + len(verb.text)))
    content: tuple[int, int] | None = None
    q_after = _quote_after(b, hi, sent)
    # Only verbs of speech close a sentence as its attribution ("..., she said").
    post = _post_content(b, lo, hi, sent) if own and speech else None
    ccomp = _ccomp_content(b, verb)
    if section in _NONSPEECH_DEPS and ccomp is None:
        q_after = None  # a thought or intention takes a clause or object, never a quotation after
    if post is not None and ccomp is not None and ccomp[0] > verb.idx:
        if b.doc[lo - 1].text not in CLOSERS and not b.ctx.single_close(b.doc[lo - 1]):
            post = None  # "In Kyiv, officials said the ..." — the complement follows
    if section == "quote-only":  # "he continued: \"...\"", "\"...,\" she went on"
        ccomp = None
        if post is not None and not b.ctx.mark_at(post[0]):
            post = None
        if post is None and q_after is None:
            return
    skip = None
    if post is not None:
        content = post
        if post[1] > verb.idx:  # a parenthetical cue inside the content
            tail = _parenthetical_tail(b, hi, sent)
            skip = (b.doc[lo].idx, b.doc[tail].idx if tail is not None else post[1])
        resume = _split_resume(b, hi)
        if resume is not None and resume.start >= b.doc[hi - 1].idx:
            content = (content[0], resume.end)
            skip = (b.doc[lo].idx, resume.start)
    elif q_after is not None:
        content = (q_after.start, q_after.end)
    elif ccomp is not None:
        content = ccomp
    elif (as_clause := _as_clause(b, verb, subj, section)) is not None:
        content, skip = as_clause
    elif section in _NONSPEECH_DEPS:  # "wants to X", "supports the plan"; "found the bodies" is no claim
        deps = _NONSPEECH_DEPS[section]
        if section == "stance" and _embedded_stance(b, verb):
            return  # "those who favor appeasement", "urged the US to support Ukraine": no stance of its own
        if section == "evidence" and _is_evidence(subj):  # "polls show a close race"
            deps = frozenset({"dobj"})
        content = _object_content(b, verb, deps)
        conf = min(conf, 0.5)
        xcomp = any(c.dep_ == "xcomp" for c in verb.rights)
        if xcomp and section != "evidence" and _country(subj):
            return  # "Russia aims to link up ...", "Berlin has agreed to send": policy, told by the writer
        if section == "opinion" and xcomp:
            mode = "intention"  # "agreed to withdraw" is a commitment, "agreed that" an opinion
    else:  # "denied targeting civilians", "told his aides to ...", "said as much"
        limit = cue_limits().get(lemma) or cue_limits().get(verb.lemma_.lower())
        if limit == "clausal" or (limit == "claim" and not claim_object(verb)):
            return  # "added 40 firms to the list", "rejected the proposal"
        if hearer_only(verb):
            return  # "told his audience": who was addressed, not what was said
        as_deps = frozenset({"dobj", "prep"})
        content = prep_content(b, verb, limit) if limit in {"to", "of"} else None
        if content is None:
            content = _object_content(b, verb, as_deps if limit == "as" else None)
        conf = 0.4 if limit == "claim" else 0.5
    if content is None:
        return
    if verb.dep_ == "acl" and subj.i == verb.head.i and subj.lemma_.lower() in speech_nouns():
        subj = noun_holder(subj) or subj  # "a statement from the ministry saying ...": the ministry
    elif subj.pos_ == "NOUN" and not _agent_noun(subj):
        # "his only explicit reference was to say ...": the possessor speaks, not the reference
        subj = next((c for c in subj.children if c.dep_ == "poss"), subj)
    speaker = b.ctx.speakers.speaker(subj)
    b.add(cue, speaker, content[0], content[1], verb, conf, skip, mode=mode)
