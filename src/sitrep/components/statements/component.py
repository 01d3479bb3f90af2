"""Direct, indirect and mixed speech with resolved speakers, cues, venues and dates.

Each reporting verb of `data/cues.txt` (and "according to") with a subject yields a statement:
- content after the cue: the quotation that follows "said:" / "said, \"", else the verb's clausal
  complement ("X said (that) ...");
- content before the cue ("..., he said", "\"...\" said X", the lead sentence "..., Gen. X, chairman
  of ..., said Wednesday."): everything from the start of the sentence, or of the quotation that
  ends there, possibly several sentences and paragraphs back; a quotation resumed after the cue
  ("\"A,\" he said, \"B.\"") joins the same statement.
The kind is `direct` when the content is one quotation, `mixed` when it holds quoted fragments,
`indirect` otherwise. Quotations no cue claims continue the statement just before them.
"""

from __future__ import annotations

import logging

from spacy import symbols as spacy_symbols
from spacy.attrs import IDX, LEMMA, LOWER, POS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...extensions import ensure_extensions
from ...model import Speaker, Statement, TextSpan
from ...quotes import Quote
from .filters import claim_object, coordinated_speaker, decline_of_speech, withheld
from .forms import (
    adjective_sections,
    adjective_statement,
    colon_statements,
    dash_statements,
    headline_statements,
    in_source_statement,
    label_statements,
    noun_holder,
    noun_mode,
    noun_statement,
    passive_statement,
    speech_nouns,
)
from .speaker import (
    cue_lemma,
    cue_lemmas,
    cue_limits,
    cue_mode,
    cue_sections,
    lemma_of_cue,
    object_cues,
    time_of,
    venue_of,
)
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
    finish,
    is_reporting,
    postposed_subject,
    subject_of,
    trim,
)

log = logging.getLogger(__name__)
_WHEN = {"DATE", "TIME"}
# Complements a cue outside speech may take when it has no clausal complement, by cue section.
_NONSPEECH_DEPS = {
    "thought": frozenset({"xcomp"}),
    "stance": frozenset({"dobj"}),
    "opinion": frozenset({"xcomp"}),
    "regard": frozenset({"dobj", "oprd", "prep"}),
    "intention": frozenset({"xcomp", "dobj"}),
    "evidence": frozenset(),
}


def _contentful(tok: Token) -> bool:
    """Whether a token can carry what was said (not a date, adverb or function word)."""
    return tok.pos_ in {"VERB", "AUX", "NOUN", "PROPN", "PRON", "NUM", "ADJ"} and tok.ent_type_ not in _WHEN


def _is_evidence(subj: Token) -> bool:
    """Whether a subject is a document, figure or recording ("polls", "the video", "an analysis")."""
    head = subj.head if subj.dep_ == "compound" else subj
    return noun_mode(head.lemma_) == "evidence" or noun_mode(head.lower_) == "evidence"


class _Builder:
    """Builds statements cue by cue."""

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.text = ctx.text  # Doc.text joins every token: Ctx reads it once
        self.items: list[tuple[Statement, Token | None]] = []

    # --- content ------------------------------------------------------------------------------
    def _quote_after(self, hi: int, sent: Span) -> Quote | None:
        """A quotation opening right after the attribution ("said: \"...", "said, \"...")."""
        pos = self.doc[hi - 1].idx + len(self.doc[hi - 1].text) if hi > 0 else 0
        rest = self.text[pos : pos + 8]
        colon = rest.lstrip().startswith(":")
        # After a colon the quotation may open the next paragraph ("Caddell continued:\n\n\"...").
        stripped = rest.lstrip(" ,:\u2014-\n\r\t" if colon else " ,:\u2014-")
        if not stripped or not self.ctx.mark_at(pos + len(rest) - len(stripped)):
            return None
        q = self.ctx.quote_at(pos + len(rest) - len(stripped))
        if q is not None and q.start >= pos and q.start - pos <= (7 if colon else 3):
            return q
        return None

    def _post_content(self, lo: int, hi: int, sent: Span) -> tuple[int, int] | None:
        """Content before a postposed attribution: from the start of the sentence or of its quotation."""
        prev = self.doc[lo - 1] if lo > 0 else None
        if lo <= sent.start or prev is None or not (prev.text in ATTR_PUNCT or self.ctx.single_close(prev)):
            return None
        end = self.doc[lo - 1].idx
        start = max(sent.start_char, self.ctx.para_of(end - 1)[0])
        before = self.ctx.quote_at(self.doc[lo - 1].idx) or self.ctx.quote_at(max(end - 1, 0))
        if before is not None:
            if before.start < start:
                start = before.start
            elif before.start > start:
                lead = self.text[start : before.start].rstrip()
                if lead and lead[-1] in SENT_END:  # a glued previous sentence
                    start = before.start
        if start < self.ctx.body_start:
            start = self.ctx.body_start
        if end <= start:
            return None
        # Content is a clause or a quotation, not a fronted phrase ("At the debate, she said").
        region = self.doc.char_span(start, end, alignment_mode="expand")
        quoted = bool(self.ctx.mark_at(start))
        if not quoted and (region is None or not any(_contentful(t) for t in region)):
            return None  # "Last month, the FBI warned ...", "Still, the paper reported ...": an adverbial
        finite = region is not None and any(t.tag_ in FINITE for t in region)
        tail = self._parenthetical_tail(hi, sent)
        if tail is not None:  # "But to prevent problems, he said, officials should be vigilant."
            tail_span = self.doc[tail : sent.end]
            if quoted or finite or any(t.tag_ in FINITE for t in tail_span):
                return start, tail_span.end_char
        # "People like Scott, he said." — the attribution closes the sentence
        closing = all(t.is_punct or t.is_space for t in self.doc[hi : sent.end])
        fronted = region is not None and len(region) and region[0].pos_ in {"ADP", "SCONJ"}
        return (start, end) if quoted or finite or (closing and not fronted) else None

    def _parenthetical_tail(self, hi: int, sent: Span) -> int | None:
        """First token of the clause resuming after a parenthetical ", he said," (None when none)."""
        if hi + 2 >= sent.end or self.doc[hi].text != ",":
            return None
        first = self.doc[hi + 1]
        if self.ctx.mark_at(first.idx) or first.lower_ in NOT_TAIL or first.tag_ == "VBG":
            return None
        words = [t for t in self.doc[hi + 1 : sent.end] if not t.is_punct]
        return hi + 1 if len(words) >= 2 else None

    def _split_resume(self, hi: int) -> Quote | None:
        """The second half of a split quotation: "\"A,\" he said, \"B.\"" resumes right after the cue."""
        if hi >= len(self.doc):
            return None
        tok = self.doc[hi]
        if tok.text not in {",", "\u2014", "--", "-", ":"}:
            return None
        pos = tok.idx + len(tok.text)
        rest = self.text[pos : pos + 4].lstrip()
        if not rest or not self.ctx.mark_at(pos + (len(self.text[pos : pos + 4]) - len(rest))):
            return None
        q = self.ctx.quote_at(pos + (len(self.text[pos : pos + 4]) - len(rest)))
        return q

    def _ccomp_content(self, verb: Token) -> tuple[int, int] | None:
        """The clausal complement after a cue, with coordinated clauses that carry their own subject."""
        comps = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
        if not comps:
            return None
        comp = comps[0]
        start = comp.left_edge
        end = comp.right_edge.i
        # "said on Monday (that) it would respond": the date belongs to the speech act
        if (
            start.lower_ in {"on", "late", "early"}
            and start.i + 1 < end
            and self.doc[start.i + 1].ent_type_ in _WHEN
        ):
            start = self.doc[start.i + 1]
        while start.i < end and start.ent_type_ in _WHEN:
            start = self.doc[start.i + 1]
        if start.i < end and start.is_punct:
            start = self.doc[start.i + 1]
        if start.dep_ == "mark" and start.lower_ == "that":
            start = self.doc[start.i + 1]
        for child in verb.rights:
            if child.dep_ == "conj" and child.i > end and child.lemma_.lower() not in self.ctx.cues:
                if any(c.dep_ in SUBJ for c in child.children):
                    end = child.right_edge.i
        span = self.doc[start.i : end + 1]
        return span.start_char, span.end_char

    def _to_content(self, verb: Token) -> tuple[int, int] | None:
        """ "pointed to the data", "referred to them as rebels": the object of "to" and an "as" phrase."""
        to = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "to"), None)
        obj = next((c for c in to.children if c.dep_ in {"pobj", "pcomp"}), None) if to is not None else None
        if obj is None:
            return None
        last = obj.right_edge
        for c in verb.rights:
            if c.i > last.i and c.dep_ == "prep" and c.lower_ == "as":
                last = c.right_edge
        span = self.doc[obj.left_edge.i : last.i + 1]
        if len(span) < 2:  # "a phrase used to refer to Pakistan" names a referent, says nothing
            return None
        return span.start_char, span.end_char

    def _object_content(self, verb: Token, deps: frozenset[str] | None = None) -> tuple[int, int] | None:
        """The object side of a communication verb: "denied targeting civilians", "urged X to vote"."""
        if deps is not None:  # thought, intention, evidence cues: only the complements they allow
            parts = [c for c in verb.rights if c.dep_ in deps and (c.dep_ != "prep" or c.lower_ == "as")]
            if "prep" in deps and not any(c.dep_ in {"oprd", "prep"} for c in parts):
                return None  # "sees the plan" is no view; "sees the plan as a threat" is
        else:
            parts = [
                c for c in verb.rights if c.dep_ in OBJ_DEPS or (c.dep_ == "prep" and c.lower_ in OBJ_PREPS)
            ]
            if not parts:  # "called for the strongholds to be hit": a for-clause
                parts = [
                    c
                    for c in verb.rights
                    if c.dep_ == "advcl" and c.left_edge.lower_ == "for" and c.left_edge.dep_ == "mark"
                ]
                if parts:
                    first = self.doc[parts[0].left_edge.i + 1]
                    span = self.doc[first.i : parts[0].right_edge.i + 1]
                    return (span.start_char, span.end_char) if len(span) >= 2 else None
        # A bare prepositional phrase is content after "called for", "warned against", "asked about";
        # "responded to X" names an addressee, not what was said.
        if not parts or (parts[0].dep_ == "prep" and parts[0].lower_ in {"to", "of"}):
            return None
        first, last = parts[0], parts[-1]
        span = self.doc[first.left_edge.i : last.right_edge.i + 1]
        # one word is content only when quoted, or a name a stance is about ("endorsed Clinton")
        named = deps == _NONSPEECH_DEPS["stance"] and span.root.pos_ == "PROPN"
        if (
            len(span) < 2
            and not named
            and not any(q.start <= span.start_char < q.end for q in self.ctx.quotes)
        ):
            return None
        return span.start_char, span.end_char

    # --- statements ---------------------------------------------------------------------------
    def _kind_and_content(
        self, start: int, end: int, skip: tuple[int, int] | None = None
    ) -> tuple[str, int, int, list[Quote]]:
        """Kind, trimmed content bounds and the quotations inside."""
        for q in self.ctx.quotes:  # a quotation that begins inside the content ends inside it too
            if start <= q.start < end < q.end and q.closed:
                end = q.end
            if q.start < start < q.end <= end and q.closed:
                start = q.start
        start, end = trim(self.text, start, end)
        inside = [q for q in self.ctx.quotes if q.inner_start < end and start < q.inner_end]
        if not inside:
            return "indirect", start, end, []
        outside = self.text[start:end]
        for q in inside:
            for s, e in q.parts:
                a, b = max(s, start) - start, min(e, end) - start
                if b > a:
                    outside = outside[:a] + " " * (b - a) + outside[b:]
        if skip is not None:
            a, b = max(skip[0], start) - start, min(skip[1], end) - start
            if b > a:
                outside = outside[:a] + " " * (b - a) + outside[b:]
        residue = "".join(ch for ch in outside if ch.isalnum())
        if not residue:
            return (
                "direct",
                *trim(self.text, max(start, inside[0].inner_start), min(end, inside[-1].inner_end)),
                inside,
            )
        if len(inside) >= 2 and len(residue) <= 40:  # "A," he said, "B" — the cue sits in the middle
            words = outside.split()
            if len(words) <= 6:
                a, b = trim(self.text, max(start, inside[0].inner_start), min(end, inside[-1].inner_end))
                return "direct", a, b, inside
        return "mixed", start, end, inside

    def _cut_coordinated(self, start: int, end: int) -> int:
        """The content end before a coordinated cue of the same speaker ("said X and added that Y",
        "told them X, adding: \"Y\""): that cue makes a statement of its own."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return end
        for tok in span[1:]:
            if tok.pos_ != "VERB" or tok.dep_ not in {"conj", "advcl"}:
                continue
            lemma = cue_lemma(tok)
            if lemma not in self.ctx.cues and lemma not in self.ctx.object_cues:
                continue
            prev = self.doc[tok.i - 1]
            gerund = tok.tag_ == "VBG" and prev.text == ","
            if not (gerund or (tok.dep_ == "conj" and prev.lower_ in {"and", "but"})):
                continue
            if any(c.dep_ in SUBJ for c in tok.children) or self.ctx.inside_quote(tok):
                continue
            return prev.idx
        last = span[-1]
        # "... in May and": the conjunct is outside
        if len(span) > 1 and last.dep_ == "cc" and last.head.i < last.i:
            return self.doc[last.i - 1].idx + len(self.doc[last.i - 1].text)
        return end

    def add(
        self,
        cue: TextSpan,
        speaker: Speaker | None,
        start: int,
        end: int,
        verb: Token | None,
        confidence: float,
        skip: tuple[int, int] | None = None,
        direct: bool = False,
        mode: str = "speech",
    ) -> None:
        """Adds one statement for content `[start, end)` (`skip`: the attribution inside a split quote)."""
        if speaker is not None and speaker.span is not None and self.ctx.in_dateline(speaker.span):
            return  # the dateline ("ADDIS ABABA --") is never a speaker: a misparse
        if verb is not None and start > verb.idx:
            end = self._cut_coordinated(start, end)
        kind, start, end, inside = self._kind_and_content(start, end, skip)
        if direct and kind == "indirect":
            kind = "direct"
        if end - start < 2 or not any(ch.isalpha() for ch in self.text[start:end]):
            return
        quotes = [
            TextSpan(text=self.text[max(s, start) : min(e, end)], span=(max(s, start), min(e, end)))
            for q in inside
            for s, e in q.parts
            if min(e, end) > max(s, start)
        ]
        st = Statement(
            id="",
            speaker=speaker,
            cue=cue,
            kind=kind,
            content=TextSpan(text=self.text[start:end], span=(start, end)),
            time=time_of(verb, self.ctx.times) if verb is not None else None,
            venue=venue_of(verb) if verb is not None else None,
            quotes=quotes,
            confidence=confidence if speaker is not None else min(confidence, 0.4),
            mode=mode,
        )
        self.items.append((st, verb))

    def from_verb(self, verb: Token) -> None:
        """A statement introduced by a reporting verb, if it has a subject and content."""
        if self.ctx.inside_quote(verb):
            return
        if not is_reporting(verb):
            passive_statement(self, verb)
            return
        if withheld(verb, self.text) or decline_of_speech(verb):  # "has not said", "asked not to be named"
            return
        subj = subject_of(verb)
        own = subj is not None and subj.head.i == verb.i
        if subj is None:
            subj = postposed_subject(verb)
            own = subj is not None
        if subj is None or subj.lower_ in {"there"} or self.ctx.in_dateline((subj.idx, subj.idx + 1)):
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
        speech = lemma in self.ctx.cues and section in {"speech", "thought", "quote-only"}
        # "..., the records show": a document or figure closes the sentence as its source
        speech = speech or (section == "evidence" and own and _is_evidence(subj))
        conf = self.ctx.cues.get(lemma, 0.7)
        cue = TextSpan(text=verb.text, span=(verb.idx, verb.idx + len(verb.text)))
        content: tuple[int, int] | None = None
        q_after = self._quote_after(hi, sent)
        # Only verbs of speech close a sentence as its attribution ("..., she said").
        post = self._post_content(lo, hi, sent) if own and speech else None
        ccomp = self._ccomp_content(verb)
        if section in _NONSPEECH_DEPS and ccomp is None:
            q_after = None  # a thought or intention takes a clause or object, never a quotation after
        if post is not None and ccomp is not None and ccomp[0] > verb.idx:
            if self.doc[lo - 1].text not in CLOSERS and not self.ctx.single_close(self.doc[lo - 1]):
                post = None  # "In Kyiv, officials said the ..." — the complement follows
        if section == "quote-only":  # "he continued: \"...\"", "\"...,\" she went on"
            ccomp = None
            if post is not None and not self.ctx.mark_at(post[0]):
                post = None
            if post is None and q_after is None:
                return
        skip = None
        if post is not None:
            content = post
            if post[1] > verb.idx:  # a parenthetical cue inside the content
                tail = self._parenthetical_tail(hi, sent)
                skip = (self.doc[lo].idx, self.doc[tail].idx if tail is not None else post[1])
            resume = self._split_resume(hi)
            if resume is not None and resume.start >= self.doc[hi - 1].idx:
                content = (content[0], resume.end)
                skip = (self.doc[lo].idx, resume.start)
        elif q_after is not None:
            content = (q_after.start, q_after.end)
        elif ccomp is not None:
            content = ccomp
        elif section in _NONSPEECH_DEPS:  # "wants to X", "supports the plan"; "found the bodies" is no claim
            deps = _NONSPEECH_DEPS[section]
            if section == "evidence" and _is_evidence(subj):  # "polls show a close race"
                deps = frozenset({"dobj"})
            content = self._object_content(verb, deps)
            conf = min(conf, 0.5)
            xcomp = any(c.dep_ == "xcomp" for c in verb.rights)
            if section == "opinion" and xcomp:
                mode = "intention"  # "agreed to withdraw" is a commitment, "agreed that" an opinion
        else:  # "denied targeting civilians", "told his aides to ...", "said as much"
            limit = cue_limits().get(lemma) or cue_limits().get(verb.lemma_.lower())
            if limit == "clausal" or (limit == "claim" and not claim_object(verb)):
                return  # "added 40 firms to the list", "rejected the proposal"
            as_deps = frozenset({"dobj", "prep"})
            content = self._to_content(verb) if limit == "to" else None
            if content is None:
                content = self._object_content(verb, as_deps if limit == "as" else None)
            conf = 0.4 if limit == "claim" else 0.5
        if content is None:
            return
        if verb.dep_ == "acl" and subj.i == verb.head.i and subj.lemma_.lower() in speech_nouns():
            subj = noun_holder(subj) or subj  # "a statement from the ministry saying ...": the ministry
        speaker = self.ctx.speakers.speaker(subj)
        self.add(cue, speaker, content[0], content[1], verb, conf, skip, mode=mode)

    def from_according(self, tok: Token) -> None:
        """ "according to X": the content is the clause the phrase attaches to."""
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None or self.ctx.inside_quote(tok):
            return
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return
        # "according to a report", "to documents seen by X", "to a poll": evidence, not speech
        mode = (
            "evidence"
            if noun_mode(pobj.lemma_) == "evidence" or noun_mode(pobj.lower_) == "evidence"
            else "speech"
        )
        # "according to a statement from the ministry" / "to a United Nations report": the ministry, the UN
        holder = noun_holder(pobj) if pobj.lemma_.lower() in speech_nouns() else None
        if holder is not None:
            pobj = holder
        elif pobj.lemma_.lower() in speech_nouns():
            for prep in pobj.children:
                if prep.dep_ == "prep" and prep.lower_ in {"from", "by", "of"}:
                    inner = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if inner is not None:
                        pobj = inner
                        break
        span = self.host_clause(tok)
        if span is None:
            return
        cue = TextSpan(text=self.text[tok.idx : to.idx + len(to.text)], span=(tok.idx, to.idx + len(to.text)))
        speaker = self.ctx.speakers.speaker(pobj)
        self.add(
            cue, speaker, span.start_char, span.end_char, None, 0.85 if mode == "speech" else 0.7, mode=mode
        )

    def host_clause(self, tok: Token) -> Span | None:
        """The clause a source phrase ("according to X", "in a poll") attaches to, without the phrase."""
        head = tok.head
        while head.dep_ not in {"ROOT"} and head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
            head = head.head
        clause = self.doc[head.left_edge.i : head.right_edge.i + 1]
        sent = tok.sent
        a, b = tok.left_edge.i, tok.right_edge.i + 1
        if clause.start >= a:
            start, end = b, max(clause.end, b)
        elif clause.end <= b or a - clause.start >= clause.end - b:
            start, end = clause.start, a
        else:
            start, end = b, clause.end
        start, end = max(start, sent.start), min(end, sent.end)
        if end <= start:
            return None
        span = self.doc[start:end]
        p_start, p_end = self.ctx.para_of(tok.idx)
        if span.start_char < p_start or span.end_char > p_end:
            cut = self.doc.char_span(
                max(span.start_char, p_start), min(span.end_char, p_end), alignment_mode="contract"
            )
            return cut if cut is not None and len(cut) else None
        return span

    def orphans(self) -> None:
        """Quotations no cue claimed continue the statement just before them (same or previous paragraph)."""
        taken = [it[0].content.span for it in self.items]
        ordered = sorted(self.items, key=lambda it: it[0].content.span[0])
        for q in self.ctx.quotes:
            if any(s <= q.inner_start < e or q.inner_start <= s < q.inner_end for s, e in taken):
                continue
            inner = self.text[q.inner_start : q.inner_end]
            if len(inner.split()) < 4:
                continue  # scare quotes, titles, names
            line_start = self.text.rfind("\n", 0, q.start) + 1
            lead = self.text[line_start : q.start].strip()
            if lead and lead[-1] not in ".!?":
                continue  # embedded in an unattributed sentence
            prev = [it for it in ordered if it[0].content.span[1] <= q.start and it[0].speaker is not None]
            if not prev:
                continue
            st, verb = prev[-1]
            gap = self.text[st.content.span[1] : q.start]
            if gap.count("\n") > 2 or len(gap) > 400:
                continue
            self.add(st.cue, st.speaker, q.start, q.end, None, 0.6)
            taken.append((q.start, q.end))


_CANDIDATE: dict[tuple[int, int, int], bool] = {}  # (POS, LEMMA, LOWER) hashes -> may start a statement
_POS_VERB = {spacy_symbols.VERB, spacy_symbols.AUX}


def _may_start(pos: int, lemma: str, low: str) -> bool:
    """Whether a word of this part of speech, lemma and form can open a statement (a cheap superset
    of the tests in `find_statements`, so that only such words become Token objects)."""
    if low in {"according", "in"}:
        return True
    lemma = lemma.lower()
    if pos in _POS_VERB:
        cues = cue_lemmas()
        return lemma_of_cue(lemma, low) in cues or lemma in object_cues()
    if pos == spacy_symbols.ADJ:
        return lemma in adjective_sections()
    return pos == spacy_symbols.NOUN and lemma in speech_nouns()


def _candidates(doc: Doc, body_start: int) -> list[int]:
    """Indices of the tokens after `body_start` that may open a statement."""
    strings = doc.vocab.strings
    out = []
    for i, (pos, lemma, low, idx) in enumerate(doc.to_array([POS, LEMMA, LOWER, IDX]).tolist()):
        if idx < body_start:
            continue
        key = (pos, lemma, low)
        hit = _CANDIDATE.get(key)
        if hit is None:
            hit = _CANDIDATE[key] = _may_start(pos, strings[lemma], strings[low])
        if hit:
            out.append(i)
    return out


def find_statements(doc: Doc) -> list[Statement]:
    """Direct, indirect and mixed speech with resolved speakers, cues, venues and dates."""
    ctx = Ctx(doc)
    b = _Builder(ctx)
    label_statements(b)
    dash_statements(b)
    colon_statements(b)
    for i in _candidates(doc, ctx.body_start):
        tok = doc[i]
        try:
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                b.from_according(tok)
            elif tok.pos_ in {"VERB", "AUX"} and (
                cue_lemma(tok) in ctx.cues or tok.lemma_.lower() in ctx.object_cues
            ):
                b.from_verb(tok)
            elif tok.lower_ == "in" and tok.dep_ == "prep":
                in_source_statement(b, tok)
            elif tok.pos_ == "ADJ" and tok.lemma_.lower() in adjective_sections():
                adjective_statement(b, tok)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in speech_nouns():
                noun_statement(b, tok)
        except Exception:  # one odd parse never costs the document its other statements
            log.debug("statement at %d skipped", tok.idx, exc_info=True)
    headline_statements(b)
    b.orphans()
    return finish(b.items)


class StatementsComponent:
    """Sets `doc._.sitrep_statements`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.sitrep_statements = find_statements(doc)
        return doc


@Language.factory(
    "sitrep_statements",
    assigns=["doc._.sitrep_statements"],
    requires=["doc._.sitrep_entities", "doc._.sitrep_times"],
    default_config={},
)
def make_statements_component(nlp: Language, name: str) -> StatementsComponent:
    """Factory of the statements component."""
    ensure_extensions()
    return StatementsComponent()
