"""Syntax helpers of the statements component: document context, subjects of cues, attribution bounds."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from ...model import Statement
from ...quotes import (
    Quote,
    count_marks,
    find_quotes,
    find_single_quotes,
    mark_before,
    mark_len,
    paragraph_spans,
)
from ...text import doc_text
from ..shared.spans import merged_spans
from .speaker import SpeakerResolver, cue_lemma, cue_lemmas, cue_sections, object_cues

ATTR_PUNCT = {",", '"', "\u201d", "''", "\u2019\u2019", "\u2014", "\u2013", "--", "-", ";"}
CLOSERS = {'"', "\u201d", "''", "\u2019\u2019"}
TRIM = " \t\r\n,;:\u2014\u2013-"
SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}
SENT_END = ".!?"
FINITE = {"VBD", "VBZ", "VBP", "MD"}
NOT_TAIL = {
    "and",
    "but",
    "while",
    "adding",
    "citing",
    "as",
    "although",
    "because",
    "though",
    "who",
    "which",
    "when",
    "where",
    "after",
    "before",
    "in",
    "at",
    "on",
    "during",
    "according",
    "referring",
    "noting",
    "whereas",
    "since",
    "so",
    "or",
    "even",
    "if",
    "than",
}
OBJ_DEPS = {"dobj", "xcomp", "oprd", "ccomp", "attr"}
OBJ_PREPS = {"for", "on", "about", "of", "against", "to"}


def _shouted(line: str) -> bool:
    """A line of four words or more and no lower-case letter."""
    return (
        len(line.split()) >= 4 and not any(c.islower() for c in line) and sum(c.isalpha() for c in line) >= 15
    )


class Ctx:
    """Per-document state: quotes, speaker resolver, cue lexicon."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        meta_doc = getattr(doc._, "sitrep_document", None)
        self.body_start = getattr(meta_doc, "body_start", 0) or 0
        span = getattr(meta_doc, "dateline_span", None)
        # The dateline runs from its first character to the body; the body must not start before it.
        self.dateline = (span[0], max(span[1], self.body_start)) if span else None
        self.text = doc_text(doc)
        self.quotes = find_quotes(self.text, self.body_start)
        self._starts = doc.to_array([IDX]).tolist()  # no Token objects
        singles = find_single_quotes(self.text, self.body_start, doubles=self.quotes)
        singles = [q for q in singles if self._cue_beside(q)]
        self.single_marks = {q.start for q in singles} | {q.end - 1 for q in singles}
        self.quotes = sorted(self.quotes + singles, key=lambda q: q.start)
        self.paras = paragraph_spans(self.text, self.body_start)
        # body lines in capitals after the first paragraph: links to other stories and cross-heads
        # ("POPE SAYS HE'S WILLING TO HELP"), never speech reported in this story
        self.shouted = [(s, e) for s, e in self.paras[1:] if _shouted(self.text[s:e])]
        self.speech: list[tuple[int, int]] = []  # transcript turns: cues inside belong to the turn
        self.claimed: set[int] = set()  # cue verbs another form has read already (dash quotations)
        self.cues = cue_lemmas()
        self.object_cues = object_cues()
        self.speakers = SpeakerResolver(doc)
        self.times = list(getattr(doc._, "sitrep_times", None) or [])
        self._inside: tuple[list[int], list[int]] = ([], [])  # see inside_quote
        self._inside_of: list[Quote] | None = None

    def _cue_beside(self, q: Quote) -> bool:
        """Whether a verb of speech stands within a few words before or after a single-quoted stretch
        (‘...,’ she said / told reporters: ‘...’), which makes it a quotation, not apostrophes."""
        doc, speech = self.doc, cue_sections()
        i = bisect_left(self._starts, q.start)
        j = bisect_left(self._starts, q.end)
        window = [*doc[max(0, i - 6) : i], *doc[j : j + 6]]
        if any(t.text in {".", "!", "?"} for t in doc[j : j + 1]):
            window = list(doc[max(0, i - 6) : i])
        return any(t.pos_ in {"VERB", "AUX"} and speech.get(cue_lemma(t)) == "speech" for t in window)

    def single_close(self, tok: Token) -> bool:
        """Whether a token is the closing mark of an accepted single-quoted quotation."""
        return tok.text in {"'", "\u2019"} and tok.idx in self.single_marks

    def mark_at(self, pos: int) -> int:
        """Length of a quotation mark at `pos`: a double mark, or one of an accepted single-quoted stretch."""
        return mark_len(self.text, pos) or (1 if pos in self.single_marks else 0)

    def in_dateline(self, span: tuple[int, int]) -> bool:
        """Whether `span` overlaps the wire dateline ("ADDIS ABABA, Nov 2 (Reuters) -")."""
        d = self.dateline
        return d is not None and span[0] < d[1] and d[0] < span[1]

    def in_shouted(self, pos: int) -> bool:
        """Whether character `pos` lies in a body line written in capitals."""
        return any(s <= pos < e for s, e in self.shouted)

    def para_of(self, pos: int) -> tuple[int, int]:
        """The paragraph holding character `pos`."""
        for s, e in self.paras:
            if s <= pos < e:
                return s, e
        return self.body_start, len(self.text)

    def quote_at(self, pos: int) -> Quote | None:
        """The quote whose marks enclose character `pos`."""
        for q in self.quotes:
            if q.start <= pos < q.end:
                return q
        return None

    def inside_quote(self, tok: Token) -> bool:
        """Whether a token stands inside a closed quotation (a cue there belongs to the quote)."""
        if self._inside_of is not self.quotes:  # the closed quotations' parts, merged, once per list
            self._inside = merged_spans(p for q in self.quotes if q.closed for p in q.parts)
            self._inside_of = self.quotes
        k = bisect_right(self._inside[0], tok.idx) - 1
        if k >= 0 and tok.idx < self._inside[1][k]:
            return True
        return any(s <= tok.idx < e for s, e in self.speech)


def postposed_subject(verb: Token) -> Token | None:
    """The speaker phrase before a final cue that the parse missed (", Gen. X, chairman of Y, said")."""
    doc = verb.doc
    i = verb.i - 1
    if i > 0 and doc[i].text == ",":
        i -= 1
    if i <= verb.sent.start or doc[i].is_punct:
        return None
    tok = doc[i]
    for _ in range(12):
        head = tok.head
        if head.i >= verb.i or head.i <= verb.sent.start or head.pos_ in {"VERB", "AUX"} or head.i == tok.i:
            break
        tok = head
    if tok.pos_ not in {"PROPN", "NOUN"}:
        return None
    left = tok.left_edge.i
    while (
        left < tok.i
        and doc[left].dep_ not in {"compound", "det", "amod", "poss", "nmod", "flat"}
        and doc[left].i < tok.i
    ):
        left += 1
    first = min(left, tok.i)
    if first - 1 > verb.sent.start and doc[first - 1].text in ATTR_PUNCT:
        return tok
    return None


def inverted_object(verb: Token) -> Token | None:
    """The speaker a parse read as the object of a cue right after a quotation ("\u201c...,\u201d tweeted
    the dissident Ivan Petrov, \u201c...\u201d"): a noun phrase starting right after the verb, which
    follows the closing mark (and its comma)."""
    doc = verb.doc
    i = verb.i - 1
    if i > 0 and doc[i].text == ",":
        i -= 1
    if i < 1 or doc[i].text not in CLOSERS:
        return None
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None or obj.left_edge.i != verb.i + 1 or obj.pos_ not in {"NOUN", "PROPN"}:
        return None
    return obj


def _outer_cue(conj: Token) -> Token | None:
    """The cue verb whose clausal complement a coordinated cue verb was attached into, if any."""
    if cue_lemma(conj) not in cue_sections() and cue_lemma(conj) not in object_cues():
        return None
    tok = conj.head
    for _ in range(6):
        if tok.dep_ == "ccomp" and tok.head.pos_ == "VERB" and cue_lemma(tok.head) in cue_sections():
            return tok.head
        if tok.dep_ not in {"ccomp", "conj", "advcl", "xcomp", "acomp"} or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, inherited along conjunctions and participles ("..., saying")."""
    tok = verb
    for _ in range(3):
        # two subjects before one verb (a headline run into the sentence, "... Won't Trigger War
        # Kallas said"): the nearer one
        for child in sorted(tok.children, key=lambda c: (c.i > tok.i, -c.i if c.i < tok.i else c.i)):
            if child.dep_ == "csubj" and child.tag_ == "VBG":
                return _swallowed_subject(child, tok)
            if child.dep_ in {"nsubj", "csubj"}:
                return child  # a relative pronoun ("who said") is resolved by the speaker resolver
        head = tok.head
        # "told X that he agrees ... and said ...": a cue coordinated into the complement of another
        # cue is the outer speaker's second act, a parse that attaches it to the inner verb
        # "said that X is Y, adding that ...": a participle attached inside the complement
        gerund = tok.dep_ == "advcl" and tok.tag_ == "VBG"
        outer = _outer_cue(tok) if tok.dep_ == "conj" or gerund else None
        if outer is not None:
            tok = outer
            continue
        if tok.dep_ in {"conj", "advcl", "xcomp"} and head.pos_ in {"VERB", "AUX"} and head.i != tok.i:
            tok = head
            continue
        # "began by saying", "criticized for saying": through the preposition to its verb
        if tok.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
            tok = head.head
            if head.lower_ == "as":  # "X was quoted as saying": the passive subject spoke
                quoted = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
                if quoted is not None:
                    return quoted
            continue
        if tok.dep_ in {"relcl", "acl"} and tok.head.pos_ in {"NOUN", "PROPN"}:
            return tok.head  # "the ministry, which said", "a statement saying"
        # "..., the government said, though stressed that ...": the parse hangs the first cue under
        # the second, which has no subject of its own
        said = next(
            (
                c
                for c in tok.children
                if c.dep_ == "parataxis" and c.i < tok.i and cue_lemma(c) in cue_sections()
            ),
            None,
        )
        if said is not None:
            return next((c for c in said.children if c.dep_ == "nsubj"), None)
        break
    return None


def _swallowed_subject(gerund: Token, verb: Token) -> Token | None:
    """ "Speaking in Volgograd - the modern name for Stalingrad - Mr Putin hinted": a fronted participle
    parsed as the clause's subject has swallowed the name that closes it, right before the verb; the
    participle itself is never the speaker."""
    edge = gerund.right_edge
    if edge.i == verb.i - 1 and edge.pos_ == "PROPN" and edge.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
        return edge
    return None


def _participle_of_source(verb: Token) -> bool:
    """ "a statement saying (that) ...", "polls showing a tight race": a present participle that
    modifies its source noun and takes a clause (or, for evidence, an object)."""
    if verb.tag_ != "VBG" or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if verb.sent.root.pos_ not in {"VERB", "AUX"}:  # the participle swallowed the main verb: a misparse
        return False
    deps = {c.dep_ for c in verb.rights}
    return "ccomp" in deps or (cue_sections().get(cue_lemma(verb)) == "evidence" and "dobj" in deps)


def is_reporting(verb: Token) -> bool:
    """Filters cue-lemma tokens that are not acts of reporting: passives, modifiers, "said to be"."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.dep_ in {"amod", "compound", "nmod", "pobj"}:
        return False
    if verb.dep_ == "acl" and not _participle_of_source(verb):
        return False
    deps = {c.dep_ for c in verb.children}
    if deps & {"auxpass", "nsubjpass"}:  # "is said to be", "it is said that", "was told"
        return False
    if any(c.dep_ == "aux" and c.lemma_ == "do" for c in verb.children) and verb.sent.text.rstrip().endswith(
        "?"
    ):
        return False  # "What did Lavrov say?", "How does he explain the war?": a question, not a report
    after = verb.doc[verb.i + 1 : verb.i + 3]
    if (
        len(after) == 2
        and after[0].lower_ == "to"
        and after[1].lemma_ in {"be", "have"}
        and "aux" not in deps
    ):
        return False  # "a city said to be of strategic importance": hearsay, no speaker
    if verb.lemma_ == "point" and not any(c.lower_ in {"out", "to"} for c in verb.children):
        return False
    return True


def quoted_as(verb: Token, subj: Token) -> bool:
    """Whether `subj` is the passive subject a cue follows "as" under ("X was quoted as saying")."""
    prep = verb.head
    return (
        verb.dep_ == "pcomp"
        and prep.lower_ == "as"
        and subj.dep_ == "nsubjpass"
        and subj.head.i == prep.head.i
    )


def attribution_bounds(verb: Token, subj: Token) -> tuple[int, int]:
    """Token range `[lo, hi)` of "subject + cue + its trailing modifiers" (time, venue, object)."""
    lo = min(verb.i, subj.left_edge.i)
    hi = max(verb.i, subj.right_edge.i) + 1
    for child in verb.rights:
        if child.dep_ in {"ccomp", "punct", "conj", "cc", "parataxis"}:
            break
        if child.i >= hi - 1 or child.left_edge.i <= hi:
            hi = max(hi, child.right_edge.i + 1)
    return lo, hi


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """`[start, end)` without surrounding punctuation, and without unmatched quote marks at the ends."""
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM + ".":
        end -= 1
    for _ in range(2):
        odd = count_marks(text[start:end]) % 2
        if odd and start < end and mark_len(text, start):
            start += mark_len(text, start)
        elif odd and end > start and mark_before(text, end):
            end -= mark_before(text, end)
        while start < end and text[start] in TRIM:
            start += 1
        while end > start and text[end - 1] in TRIM + ".":
            end -= 1
    return start, end


class _Cover:
    """Spans, queried for whether any of them contains a given span."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _e in ordered]
        self.reach: list[int] = []
        for _s, e in ordered:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)

    def covers(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end


def finish(items: list[tuple[Statement, Token | None]]) -> list[Statement]:
    """Drops duplicate contents (the earlier cue wins), orders by position, numbers s1, s2, ..."""
    kept: list[Statement] = []
    # "some content span contains [c0, c1)" is "the widest end among spans starting at or before c0
    # reaches c1": sorted starts and running maximum ends answer it in log time (a text of thousands
    # of statements would otherwise cost time squared)
    strong = _Cover([st.content.span for st, _v in items if st.confidence >= 0.7])
    contents = _Cover([st.content.span for st, _v in items])
    kept_by_cue: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for st, _verb in items:
        c0, c1 = st.cue.span
        nested = contents.covers(c0, c1)
        in_strong = strong.covers(c0, c1)
        if (nested and st.cue.text.lower().startswith("according")) or (in_strong and st.confidence <= 0.6):
            # "X said ..., according to its summary", "his lawyer said he will refuse to answer":
            # the enclosing statement covers it
            continue
        s, e = st.content.span
        dup = False
        for os_, oe in kept_by_cue.get(st.cue.span, ()):  # a duplicate shares the cue
            overlap = min(e, oe) - max(s, os_)
            if overlap > 0 and overlap >= 0.8 * min(e - s, oe - os_):
                dup = True
                break
        if not dup:
            kept.append(st)
            kept_by_cue.setdefault(st.cue.span, []).append(st.content.span)
    kept.sort(key=lambda st: (st.content.span[0], st.cue.span[0]))
    for i, st in enumerate(kept, 1):
        st.id = f"s{i}"
    return kept
