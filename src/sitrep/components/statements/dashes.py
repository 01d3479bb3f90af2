"""Quotations set off by dashes, the form machine translations from Polish (and some wire copy) give:

    - The bridge will hold. We are ready - said Mayor Jan Wilk in an interview.
    Wilk was asked about the dam.- Nobody expected it - he replied.
    Heavy rain - said Wilk - is the main problem.

A closing dash is a dash followed by a short attribution clause with a cue verb ("said X", "he
added", "the chancellor emphasized") that ends the sentence, or that another dash ends when the
quotation resumes after it. The quotation opens at the nearest dash that starts the paragraph or
follows a sentence end ("... in Beijing.- At this stage ..."), else at the start of the sentence;
a quotation in quote marks just before the dash is taken whole. Dashes inside quote marks, or in
the middle of a sentence ("- and it will last for some time -"), open nothing.

Each quotation found is registered as a quote (so the cue verbs inside it make no statements of
their own, and names inside it are not taken as the speaker) and its cue verb is claimed, so the
verb-by-verb reading does not read it a second time.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ...model import Speaker, TextSpan
from ...quotes import Quote
from .builder import Builder
from .filters import compound_part
from .speaker import PRONOUNS, cue_lemma, cue_sections, mention_span

# a dash with a space before it, or glued between a word and a lowercase cue clause
_DASH = re.compile(
    r"(?:(?<=\S)[ \t]+[-\u2013\u2014][ \t]*"  # "... state - said X", "... state -said X"
    r"|(?<=[\w.,!?\"\u201d])[-\u2013](?=[a-z]))"  # "... the country-he said" (not "low- and")
)
_SENT_END = ".!?\u2026"
_CLOSE_MARKS = '"\u201d\u00bb'
_MAX_CLAUSE = 60  # tokens of an attribution clause (", indicating that ..." may follow the speaker)
_MAX_SUBJECT = 8  # tokens before the cue verb ("the head of the Russian Ministry of Foreign Affairs")
_SUBJECT_POS = {"PRON", "PROPN", "NOUN", "DET", "ADJ", "ADP", "NUM", "CCONJ", "PART"}


def _sentence_end_before(text: str, pos: int, floor: int) -> int:
    """Start of the sentence holding `pos`: just after the last sentence end before it (a full stop
    glued to the next word counts: "in Beijing.Sullivan said"), or `floor`."""
    k = pos - 1
    while k > floor:
        ch = text[k - 1]
        if ch in _SENT_END and (text[k].isspace() or text[k].isupper() or text[k] in '-\u2013\u2014"\u201c'):
            # "Dr." or "U.S." is no sentence end: a one- or two-letter word before the stop
            word = re.search(r"(\w+)\W?$", text[max(floor, k - 6) : k - 1])
            if ch != "." or word is None or len(word.group(1)) > 2 or word.group(1).islower():
                return k
        k -= 1
    return floor


def _opening(text: str, close: int, floor: int) -> int | None:
    """Where the dash quotation closed at `close` opens: just after a dash at the start of the
    paragraph or right after a sentence end, scanning back; None when there is no such dash."""
    k = close - 1
    while k >= floor:
        ch = text[k]
        if ch in "-\u2013\u2014":
            before = text[floor:k].rstrip(" \t")
            after = text[k + 1 : k + 2]
            if (not before or before[-1] in _SENT_END + _CLOSE_MARKS + ")") and after != "-":
                return k + 1
        k -= 1
    return None


class _Clause:
    """The attribution clause after a closing dash: its cue verb, speaker token and extent."""

    def __init__(self, verb: Token, subject: Token | None, end: int, resumes: int | None) -> None:
        self.verb = verb
        self.subject = subject
        self.end = end  # character offset where the clause ends
        self.resumes = resumes  # where the quotation resumes after a second dash, if it does


def _clause(b: Builder, start: int, p_end: int, glued: bool = False) -> _Clause | None:
    """The attribution clause starting at character `start` (just after a closing dash), if any;
    `glued`: the dash has no space before it."""
    doc, text = b.doc, b.text
    first = doc.char_span(start, min(p_end, start + 1), alignment_mode="expand")
    if first is None:
        return None
    i = first.start
    toks: list[Token] = []
    end = p_end
    resumes = None
    for tok in doc[i : min(len(doc), i + _MAX_CLAUSE)]:
        if tok.idx >= p_end:
            break
        spaced = tok.i > 0 and (bool(tok.doc[tok.i - 1].whitespace_) or bool(tok.whitespace_))
        if tok.text in {"-", "\u2013", "\u2014", "--"} and toks and spaced:
            end = tok.idx
            rest = text[tok.idx + len(tok.text) : p_end].lstrip()
            resumes = p_end - len(rest) if rest else None
            break
        if tok.text in {".", "!", "?", "...", "\u2026"} or (
            tok.text.endswith(".") and tok.i > i and len(tok) > 3
        ):
            end = tok.idx
            break
        toks.append(tok)
    else:
        if toks and toks[-1].idx + len(toks[-1].text) < p_end:
            return None  # the clause runs on: no attribution
    if not toks:
        return None
    verb_at = next((k for k, t in enumerate(toks) if _is_cue(t)), None)
    if verb_at is None or verb_at > _MAX_SUBJECT:
        return None
    verb = toks[verb_at]
    if _said_to_be(toks, verb_at) or _takes_clause(toks, verb_at) or compound_part(verb):
        return None  # ... or "the self-declared republics": a compound, not a dash and a cue
    before = toks[:verb_at]
    if glued and (len(before) > 1 or (before and before[0].pos_ != "PRON")):
        return None  # "the country-he said" is an attribution; "middle-income countries, X noted" is not
    if before:
        if any(t.pos_ not in _SUBJECT_POS for t in before):
            return None
        heads = [t for t in before if t.pos_ in {"PRON", "PROPN", "NOUN"}]
        if not heads:
            return None
        subject: Token | None = _fronted_subject(before) if before[-1].pos_ != "ADP" else None
        if subject is not None and subject.pos_ == "NOUN" and before[0].lower_ not in {"the", "this", "that"}:
            if not any(t.pos_ == "PROPN" for t in before):
                return None  # "- the troops arrived -": a bare noun phrase must be definite
    else:
        subject = _postposed(toks[verb_at + 1 :])
    return _Clause(verb, subject, end, resumes)


def _is_cue(tok: Token) -> bool:
    """Whether a token is a cue verb that can close a dash quotation."""
    if tok.pos_ not in {"VERB", "AUX"} and tok.tag_ not in {"VBD", "VBZ", "VBN"}:
        return False
    return cue_sections().get(cue_lemma(tok)) in {"speech", "quote-only", "thought", "opinion", "evidence"}


def _takes_clause(toks: list[Token], k: int) -> bool:
    """ "- warned that the forces ...", "- I think that X would do the same -": the verb after the dash
    takes a clause of its own, so the dash opens no attribution but a sentence or an aside."""
    rest = [t for t in toks[k + 1 : k + 4] if t.pos_ not in {"ADV", "PART"} and t.dep_ != "prt"]
    if rest and (rest[0].lower_ == "that" or rest[0].tag_ in {"VBD", "VBZ", "VBP", "MD"}):
        return True
    # "— the authorities said Ukrainian forces stopped a push": the parse gives the verb a clause of
    # its own within the clause, so the dashes set off an aside, not a quotation
    verb = toks[k]
    return any(c.dep_ == "ccomp" and verb.i < c.i <= toks[-1].i for c in verb.children)


def _said_to_be(toks: list[Token], k: int) -> bool:
    """ "- said to be exhausted -": a hearsay modifier, not an attribution."""
    return k + 1 < len(toks) and toks[k + 1].lower_ == "to"


def _fronted_subject(before: list[Token]) -> Token:
    """The subject among the words before the cue, as translated copy orders them ("the head of
    Polish diplomacy on TVN24 pointed out"): a person named last before any phrase of place or
    venue, else the head of the first noun phrase (whose "of" phrase the mention takes along)."""
    nouns = {"PRON", "PROPN", "NOUN"}
    cut = len(before)
    for k, t in enumerate(before):
        if t.pos_ == "ADP" and t.lower_ not in {"of", "for"} and any(u.pos_ in nouns for u in before[:k]):
            cut = k
            break
    heads = [t for t in before[:cut] if t.pos_ in nouns]
    if heads[-1].ent_type_ == "PERSON" or heads[-1].pos_ == "PRON":
        return heads[-1]
    first = next(k for k, t in enumerate(before) if t.pos_ in nouns | {"ADJ", "NUM"})
    run = before[first:cut]
    k = 0
    while k < len(run) and run[k].pos_ in nouns | {"ADJ", "NUM", "PART"}:
        k += 1
    found = [t for t in run[:k] if t.pos_ in nouns]
    return found[-1] if found else heads[-1]


def _postposed(rest: list[Token]) -> Token | None:
    """The speaker after the cue verb ("said on TVN24 Dr. Adam Eberhardt, director of ..."): the
    first noun phrase that is not the object of a preposition nor a particle."""
    in_pp = False
    for tok in rest:
        if tok.text == ",":
            if in_pp:
                in_pp = False
                continue
            return None
        if tok.pos_ == "ADP" and tok.dep_ != "prt":
            in_pp = True
            continue
        if tok.pos_ in {"PART", "ADV"} or tok.dep_ == "prt":
            continue
        if tok.pos_ in {"PROPN", "NOUN", "PRON"}:
            if in_pp:
                # "on TVN24 Dr. Adam Eberhardt": a title or a name after the preposition's object
                nxt = tok.i + 1
                if (
                    nxt < len(tok.doc)
                    and tok.doc[nxt].pos_ == "PROPN"
                    and tok.pos_ == "PROPN"
                    and tok.ent_iob_ == "B"
                ):
                    continue
                if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B" and tok.i > rest[0].i:
                    prev = tok.doc[tok.i - 1]
                    if prev.pos_ in {"PROPN", "NOUN"} and prev.ent_type_ != "PERSON":
                        return _phrase_head(tok)
                continue
            return _phrase_head(tok)
        if tok.pos_ == "DET":
            in_pp = in_pp and False
            continue
        if tok.pos_ in {"VERB", "AUX"}:
            return None
    return None


def _phrase_head(tok: Token) -> Token:
    """The last word of the name or noun phrase that starts at `tok` ("Dr. Adam Eberhardt" -> Eberhardt)."""
    doc = tok.doc
    k = tok.i
    while k + 1 < len(doc) and (
        doc[k + 1].pos_ == "PROPN"
        or (doc[k + 1].pos_ == "NOUN" and doc[k].pos_ in {"ADJ", "NOUN", "DET", "PROPN"})
    ):
        k += 1
    return doc[k]


def _span(b: Builder, start: int, end: int) -> Span | None:
    return b.doc.char_span(start, end, alignment_mode="expand")


def dash_quote_statements(b: Builder) -> None:
    """Statements of dash-set quotations; registers each as a quote and claims its cue verb."""
    text = b.text
    for p_start, p_end in b.ctx.paras:
        floor = p_start
        for m in _DASH.finditer(text, p_start, p_end):
            d0, d1 = m.start(), m.end()
            if d0 < floor or d0 <= p_start or b.ctx.quote_at(d0) is not None:
                continue
            lead = text[p_start:d0].rstrip(" \t")
            if not lead or lead[-1] in _SENT_END:  # a dash after a sentence end opens a quotation
                continue
            clause = _clause(b, d1, p_end, glued=not text[d0].isspace())
            if clause is None or b.ctx.inside_quote(clause.verb):
                continue
            close = d0
            while close > floor and text[close - 1] in " \t":
                close -= 1
            before = (
                b.ctx.quote_at(close - 1) if close > floor and text[close - 1] in _CLOSE_MARKS + "'" else None
            )
            if before is not None and before.start >= floor:
                start = before.start
            else:
                opening = _opening(text, close, floor)
                start = opening if opening is not None else _sentence_end_before(text, close, floor)
            while start < close and text[start] in " \t":
                start += 1
            if close - start < 3 or not any(ch.isalpha() for ch in text[start:close]):
                continue
            end = close
            parts = [(start, close)]
            if clause.resumes is not None:  # "Heavy rain - said Wilk - is the main problem."
                resume_end = _sentence_end_after(text, clause.resumes, p_end)
                parts.append((clause.resumes, resume_end))
                end = resume_end
            quote = Quote(start=start, end=end, parts=parts, closed=True)
            b.ctx.quotes = sorted([*b.ctx.quotes, quote], key=lambda q: q.start)
            b.ctx.claimed.add(clause.verb.i)
            verb = clause.verb
            speaker = _speaker(b, clause, d1)
            cue = TextSpan(text=verb.text, span=(verb.idx, verb.idx + len(verb.text)))
            skip = (close, clause.resumes) if clause.resumes is not None else None
            b.add(cue, speaker, start, end, None, 0.85, skip=skip, direct=True)
            floor = max(floor, clause.end if clause.resumes is None else end)


def _sentence_end_after(text: str, pos: int, p_end: int) -> int:
    """End of the sentence that starts at `pos` (before its final stop), within the paragraph."""
    for k in range(pos, p_end):
        if text[k] in _SENT_END and (k + 1 >= p_end or not text[k + 1].isalnum() or text[k + 1].isupper()):
            return k
    return p_end


def _speaker(b: Builder, clause: _Clause, start: int) -> Speaker | None:
    """The speaker the clause names: its subject's name phrase, kept inside the clause."""
    subj = clause.subject
    if subj is None:
        return None
    if subj.lower_ in PRONOUNS:
        return b.ctx.speakers.speaker(subj)
    mention = mention_span(subj)
    lo = max(mention.start, clause.verb.i + 1 if subj.i > clause.verb.i else mention.start)
    while lo < subj.i and (b.doc[lo].idx < start or b.doc[lo].is_punct):
        lo += 1
    return b.ctx.speakers.from_mention(b.doc[lo : max(mention.end, subj.i + 1)])
