"""The statement builder every attribution form writes to: content bounds and kind, the quotations
inside, the cut before a coordinated cue, the clause a source phrase attaches to, orphan quotations."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ...model import Speaker, Statement, TextSpan
from ...quotes import Quote
from .speaker import cue_lemma, time_of, venue_of
from .syntax import SUBJ, Ctx, trim

ATTRIBUTION_ONLY = re.compile(r"(?:That|This|It)(?:'s|\u2019s|\s+is|\s+was)\s+according\s+to\b", re.I)
SOURCE_ONLY = re.compile(r"according\s+to\s+[^.;:!?\"\u201c\u201d]{1,80}", re.I)  # "According to AP" alone


class Builder:
    """Builds statements cue by cue."""

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.text = ctx.text  # Doc.text joins every token: Ctx reads it once
        self.items: list[tuple[Statement, Token | None]] = []

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
        if self.ctx.in_shouted(cue.span[0]):
            return  # a capitals line linking another story ("POPE SAYS HE WILL HELP") reports nothing here
        if verb is not None and start > verb.idx:
            end = self._cut_coordinated(start, end)
        kind, start, end, inside = self._kind_and_content(start, end, skip)
        if ATTRIBUTION_ONLY.match(self.text, start, end) or SOURCE_ONLY.fullmatch(self.text, start, end):
            return  # "Ukrinform reports that's according to X", "According to AP, X said": no content
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
            taken.append((q.start, q.end))
            if _resumes(st, gap, q.start):  # "\"A,\" said X. \"B.\"": one quotation interrupted by its cue
                a = st.content.span[0]
                a, z = trim(self.text, a, q.inner_end)
                st.content = TextSpan(text=self.text[a:z], span=(a, z))
                st.quotes.append(TextSpan(text=self.text[q.inner_start : z], span=(q.inner_start, z)))
                continue
            self.add(st.cue, st.speaker, q.start, q.end, None, 0.6)


def _resumes(st: Statement, gap: str, q_start: int) -> bool:
    """Whether a quotation resumes a direct statement in the same paragraph right after its postposed
    attribution sentence (the gap holds the cue and little more, and no paragraph break)."""
    c0 = st.cue.span[0]
    return (
        st.kind == "direct"
        and "\n" not in gap
        and len(gap) <= 160
        and st.content.span[1] <= c0 < q_start
        and bool(st.quotes)
    )
