"""Who claims a figure: the speaker of the statement that holds it, else the source the sentence
credits ("according to X", "X said/found/showed ..."), else a source credited right after
("That's according to X"), else the speaker of the quote a figure continues; nobody otherwise.

A figure nobody is credited with has no claimant (None): the outlet is the document's `source`,
not a claimant.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from ...model import Claimant, Statement
from ...numbers import QUOTES
from ...text import doc_text
from ..shared.clauses import children_with, doc_memo
from .authors import (
    apposed_person,
    claiming_cover,
    document_author,
    is_document,
    is_outlet,
    last_person,
    named,
    speech_heading,
)
from .issuers import continued_quote, in_quote, quoted_after, tally_setting, that_clause_of_document
from .lexicon import claim_verbs, description_nouns
from .naming import PRONOUNS, display, phrase_of, source_name, speaker_name
from .polls import respondents_poll

_CONTENT_DEPS = {"ccomp", "dobj", "xcomp", "oprd", "attr", "acomp", "advcl", "parataxis", "conj", "dep"}
_CLAUSE_CHILDREN = frozenset({"parataxis", "ccomp", "conj"})  # clauses of a root that may claim
_SETTING_PREPS = {"at", "in", "during", "alongside", "after", "before", "to", "from", "by", "near", "between"}
_SETTING_PREPS.add("among")
_GLUED = re.compile(r"[a-z)][.!?][A-Z]|;")


def _in_subject(st: Statement, span: tuple[int, int], sent_start: int) -> bool:
    """True when `span` lies between the speaker's start and the cue of its own sentence: a figure of the
    subject ('polling across 10 countries suggests', 'Russia - which has massed 100,000 troops - calls'),
    not of what the speaker says."""
    sp = st.speaker
    if sp is None or sp.span is None:
        return False
    return sent_start <= sp.span[0] <= span[0] and sp.span[1] <= st.cue.span[0] and span[1] <= st.cue.span[0]


def _statement_claimant(
    doc: Doc, span: tuple[int, int], statements: list[Statement], body: int, sent_start: int = 0
) -> Claimant | None:
    """The speaker of the innermost statement whose content holds `span` (not in its subject)."""
    claiming, cover = claiming_cover(doc, statements, body)
    held = [h for h in cover.holding(span[0], span[1]) if not _in_subject(claiming[h[2]], span, sent_start)]
    best = claiming[min(held, key=lambda h: (h[1] - h[0], h[2]))[2]] if held else None  # innermost, first
    if best is None or best.speaker is None or _background(doc, best, span):
        return None
    name = speaker_name(doc, best, statements)
    return Claimant(name=name, statement=best.id) if name else None


def _background(doc: Doc, st: Statement, span: tuple[int, int]) -> bool:
    """True for a figure the writer adds in a relative clause on the object of an unquoted cue ('the Pope
    decried a strike on a mall that left 18 dead'): what the speaker did is the verb, not the count."""
    if st.kind == "direct" or in_quote(doc_text(doc), span[0], span[1]):
        return False
    cue = doc.char_span(st.cue.span[0], st.cue.span[1], alignment_mode="expand")
    fig = doc.char_span(span[0], span[1], alignment_mode="expand")
    if cue is None or fig is None or not len(cue) or not len(fig):
        return False
    verb, x = cue.root, fig.root
    clause = False
    for _ in range(12):
        if x.head.i == x.i:
            return False
        if x.head.i == verb.i:
            return clause and x.dep_ == "dobj"
        clause = clause or x.dep_ == "relcl"
        x = x.head
    return False


def _according_to(doc: Doc, sent: Span, at: int, statements: Sequence[Statement] = ()) -> Claimant | None:
    """The source of 'according to X' anywhere in the sentence of the figure at character `at`."""
    if "according" not in doc_text(doc)[sent.start_char : sent.end_char].lower():
        return None  # read once as text, not word by word for every figure of a long sentence
    for t in sent:
        if t.lower_ != "according" or t.i + 1 >= sent.end or doc[t.i + 1].lower_ != "to":
            continue
        to = doc[t.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            k = to.i + 1
            while k < sent.end and doc[k].pos_ in ("DET", "ADJ", "PROPN", "NOUN", "PART") and k - to.i < 8:
                k += 1
            if k == to.i + 1:
                continue
            phrase = doc[to.i + 1 : k]
        else:
            phrase = phrase_of(doc, pobj)
        lo, hi = sorted((t.idx, at))
        if _GLUED.search(doc_text(doc), lo, hi + 1):
            continue  # "... the border.According to X, ...": another sentence the segmenter ran together
        name = source_name(doc, phrase, pobj, statements)
        if name:
            return Claimant(name=name)
    return None


def _claim_clauses(root: Token) -> list[Token]:
    """The sentence root and its clauses (`_CLAUSE_CHILDREN`) whose lemma is a claim verb, in order; read
    once per sentence (a root with a hundred coordinated clauses is not walked again for each figure)."""
    doc = root.doc
    index: dict[int, tuple[int, ...]] = doc_memo(doc, "claim_clauses", dict)
    found = index.get(root.i)
    if found is None:
        verbs = claim_verbs()
        clauses = [root, *children_with(root, _CLAUSE_CHILDREN)]
        found = index[root.i] = tuple(v.i for v in clauses if v.lemma_.lower() in verbs)
    return [doc[i] for i in found]


def _claim_verb(doc: Doc, tok: Token, statements: Sequence[Statement] = ()) -> Claimant | None:
    """The subject of a claim verb ('says', 'found', 'showed', 'estimates') whose content holds the figure,
    or of one attributing the whole sentence after it ('..., customs data show.')."""
    verbs = claim_verbs()
    x = tok
    path = [tok]
    for _ in range(12):
        if x.head.i == x.i:
            break
        child, x = x, x.head
        path.append(x)
        setting = tally_setting(x)  # "put the death toll at 12"
        if not _verb_like(x) or (x.lemma_.lower() not in verbs and not setting):
            continue
        if not setting and not _content_child(child, tok) and not that_clause_of_document(path):
            return None  # "two officials said", "said at a news conference alongside four leaders"
        return _subject_claimant(doc, x, tok, statements)
    root = tok.sent.root
    for v in _claim_clauses(root):
        if v is not root and not _holds(v, tok) and any(c.dep_ == "ccomp" for c in v.children):
            if not _one_document(root, v):
                continue  # 'officials described ... as thousands of troops massed, but X said she would not'
        if v.i > tok.i and v.pos_ in ("VERB", "AUX") and v.dep_ != "ccomp":
            return _subject_claimant(
                doc, v, tok, statements
            )  # "..., 14 drones were downed, the air force said."
        if v.dep_ == "ccomp" and v.i > tok.i and root.i < tok.i:
            return _subject_claimant(doc, v, tok, statements)
    return _tail_attribution(doc, tok) or _dash_attribution(doc, tok, statements)


def _one_document(root: Token, v: Token) -> bool:
    """True when a later claim verb goes on in the voice of the document the sentence opened with ('It
    documents 77 cases ..., and the report finds ...'): its subject a document, the root's 'it' or one."""
    sv = next((c for c in v.children if c.dep_ == "nsubj"), None)
    sr = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return sv is not None and is_document(sv) and sr is not None and (sr.lower_ == "it" or is_document(sr))


def _holds(v: Token, tok: Token) -> bool:
    """True when `tok` is in the subtree of `v` (its edges bound the subtree of a projective parse)."""
    return v.left_edge.i <= tok.i <= v.right_edge.i


def _dash_claims(doc: Doc) -> list[int]:
    """Where a dash is followed by a claim verb ('- estimates'), ascending; found once per Doc."""

    def build() -> list[int]:
        verbs = claim_verbs()
        return [t.i for t in doc[:-1] if t.text in ("-", "–", "—") and doc[t.i + 1].lemma_.lower() in verbs]

    return doc_memo(doc, "dash_claims", build)


def _dash_attribution(doc: Doc, tok: Token, statements: Sequence[Statement] = ()) -> Claimant | None:
    """'... is 899 soldiers - estimates the British Ministry of Defence.': a dash, a claim verb, then the
    source (the inverted attribution of translated copy)."""
    sent = tok.sent
    dashes = _dash_claims(doc)
    for k in dashes[bisect_left(dashes, tok.i + 1) : bisect_left(dashes, min(sent.end - 2, tok.i + 30))]:
        j = k + 2
        while j < sent.end and doc[j].pos_ in ("DET", "ADJ", "PROPN", "NOUN", "ADP", "PART") and j - k < 12:
            if doc[j].pos_ == "ADP" and doc[j].lower_ != "of" or "." in doc[j].text:
                break
            j += 1
        while j > k + 2 and doc[j - 1].pos_ in ("ADP", "DET"):
            j -= 1
        if j == k + 2:
            return None
        phrase = doc[k + 2 : j]
        return Claimant(name=source_name(doc, phrase, phrase.root, statements) or phrase.text)
    return None


def _tail_attribution(doc: Doc, tok: Token) -> Claimant | None:
    """'..., Chinese and Ukrainian customs data show.': a source and a claim verb closing the sentence
    after a comma, read from the words when the parse misses the verb (once per sentence: a figure
    before the comma gets the sentence's answer)."""
    sent = tok.sent
    index: dict[int, tuple[int, Claimant | None]] = doc_memo(doc, "tail_attribution", dict)
    found = index.get(sent.start)
    if found is None:
        found = index[sent.start] = _sentence_tail(doc, sent)
    comma, claimant = found
    return claimant.model_copy() if claimant is not None and comma > tok.i else None


def _sentence_tail(doc: Doc, sent: Span) -> tuple[int, Claimant | None]:
    """(the comma before a sentence's closing attribution, its claimant), or (-1, None)."""
    end = sent.end
    while end > sent.start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].text in QUOTES
    ):
        end -= 1
    if end - 1 <= sent.start or doc[end - 1].lemma_.lower() not in claim_verbs():
        return -1, None
    k = end - 2
    while k > sent.start - 1 and not (doc[k].text in (",", "-", "–", "—") and not doc[k + 1].is_punct):
        if doc[k].pos_ in ("VERB", "AUX") or end - k > 9:
            return -1, None
        k -= 1
    if k <= sent.start - 1 or k + 1 >= end - 1:
        return -1, None
    return k, _tail_claimant(doc, doc[k + 1 : end - 1])


def _tail_claimant(doc: Doc, phrase: Span) -> Claimant | None:
    """The claimant a closing attribution's words name."""
    coref = doc._.sitrep_coref
    last = phrase[-1]
    ent = (
        coref.entity_at(last.idx, last.idx + len(last.text))
        if coref is not None and last.pos_ == "PROPN"
        else None
    )
    if ent is not None:
        return Claimant(name=display(doc, str(ent.name)))
    if last.pos_ == "PRON" or last.lower_ in PRONOUNS:
        return None
    return Claimant(name=phrase.text)


def _content_child(child: Token, tok: Token) -> bool:
    """True when the claim verb's child on the way to the figure is what the verb claims, not its subject or
    the circumstances of the speech ('said at a news conference alongside four leaders')."""
    if child.dep_ in _CONTENT_DEPS:
        return True
    if child.dep_ in ("advmod", "npadvmod"):
        return child.i != tok.i  # "up 46%", not "twice said"
    return child.dep_ == "prep" and child.lower_ not in _SETTING_PREPS


def _subject_claimant(
    doc: Doc, verb: Token, tok: Token | None = None, statements: Sequence[Statement] = ()
) -> Claimant | None:
    """The claimant named by the subject of a claim verb (or the name right before a subjectless one
    after the figure: '... inside the plant, Myhailo Vershynin, chief of police, told CNN')."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    coref = doc._.sitrep_coref
    if subj is None and tok is not None and coref is not None and tok.i < verb.i:
        window = range(verb.i - 1, max(tok.i, verb.i - 12), -1)
        for label in ("PERSON", "ORG"):
            for k in window:
                if doc[k].ent_type_ == label and doc[k].pos_ == "PROPN":
                    ent = coref.entity_at(doc[k].idx, doc[k].idx + len(doc[k].text))
                    return Claimant(name=display(doc, str(ent.name))) if ent is not None else None
        return None
    if subj is None and tok is not None and tok.i > verb.i:
        apposed = apposed_person(doc, verb.sent.start_char, verb.idx)  # "the mayor, Ihor Terekhov, said"
        if apposed is not None:
            return Claimant(name=display(doc, apposed))
    if subj is None or subj.lower_ == "it":
        # "In the report of X, it was reported that ...", or a document the parse left without its verb
        return _document_setting(doc, verb, statements) or _document_before(doc, verb, statements)
    name = source_name(doc, phrase_of(doc, subj), subj, statements)
    return Claimant(name=name) if name else None


def _verb_like(x: Token) -> bool:
    """A verb, or a claim verb the tagger read as a noun at the root of its clause ('X forecasts that')."""
    if x.pos_ in ("VERB", "AUX"):
        return True
    return (
        x.dep_ == "ROOT"
        and any(c.dep_ == "nsubj" for c in x.children)
        and any(c.dep_ == "ccomp" for c in x.children)
    )


def _document_before(doc: Doc, verb: Token, statements: Sequence[Statement]) -> Claimant | None:
    """A subjectless claim verb after a document noun the parse attached elsewhere ('several polls from
    ... (names) have reported that ...'): that document, or its author."""
    sent = verb.sent
    for k in range(verb.i - 1, max(sent.start, verb.i - 30) - 1, -1):
        t = doc[k]
        if t.pos_ == "VERB" and t.dep_ not in ("amod", "acl", "relcl"):
            return None  # another clause's verb: its subject is not ours
        if is_document(t) and t.dep_ not in ("compound", "pobj"):
            name = source_name(doc, phrase_of(doc, t), t, statements)
            return Claimant(name=name) if name else None
    return None


def _document_setting(doc: Doc, verb: Token, statements: Sequence[Statement]) -> Claimant | None:
    """The author of the document a subjectless claim verb is set in: 'In X's report, it was said ...'."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is not None and is_document(pobj):
            author = document_author(doc, pobj)
            name = source_name(doc, author, author.root, statements) if author is not None else None
            if name:
                return Claimant(name=name)
    return None


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _per_sentence(
    doc: Doc,
    rule: Callable[[Doc, Span, Sequence[Statement]], Claimant | None],
    sent: Span,
    statements: Sequence[Statement],
) -> Claimant | None:
    """`rule`'s claimant for a sentence, found once per sentence and statement list (each figure of the
    sentence gets its own copy)."""
    index: dict[tuple[str, int, int], Claimant | None] = doc_memo(doc, "claimant_per_sentence", dict)
    key = (rule.__name__, sent.start, id(statements))
    if key not in index:
        index[key] = rule(doc, sent, statements)
    found = index[key]
    return found.model_copy() if found is not None else None


def _credited_before(doc: Doc, sent: Span, statements: Sequence[Statement] = ()) -> Claimant | None:
    """'According to data confirmed by the BBC since June 4.' standing alone before the sentence (translated
    copy often cuts a source from its figures) credits that sentence."""
    prev = doc[sent.start - 1].sent if sent.start > 0 else None
    if (
        prev is None
        or prev[0].lower_ != "according"
        or len(prev) > 25
        or any(t.tag_ in _FINITE for t in prev)
    ):
        return None
    return _according_to(doc, prev, prev.start_char, statements)


def _credited_after(doc: Doc, sent: Span, statements: Sequence[Statement] = ()) -> Claimant | None:
    """'That's according to X.' opening the next sentence credits the one before."""
    if sent.end >= len(doc):
        return None
    nxt = doc[sent.end].sent
    head = [t.lower_ for t in nxt[:6]]
    if "according" not in head or len(nxt) > 45:
        return None
    if head[0] not in ("that", "this", "that's", "this's", "according", "all", "these", "those"):
        return None
    return _according_to(doc, nxt, nxt.start_char, statements)


def _transcript(doc: Doc, at: int) -> Claimant | None:
    """A figure in a speech reprinted in full under a heading: the speaker the heading names."""
    who = speech_heading(doc, at)
    if who is None:
        return None
    if (
        description_nouns().get(who.root.lower_) == "PERSON"
    ):  # "Speech by the President of Ukraine": the person named
        ent = last_person(doc, who.start_char)  # in the lede above it
    else:
        ent = doc._.sitrep_coref.resolve(who) if doc._.sitrep_coref is not None else None
    name = str(ent.name) if ent is not None and named(str(ent.name)) else who.text
    return Claimant(name=display(doc, name)) if name[:1].isupper() else None


def find_claimant(
    doc: Doc, span: tuple[int, int], tok: Token, statements: list[Statement]
) -> Claimant | None:
    """Who claims the figure at `span` (its first token `tok`), or None when nobody is credited (the
    outlet or its dateline's agency is never a claimant)."""
    meta = doc._.sitrep_document
    body = getattr(meta, "body_start", 0) or 0
    sent = tok.sent

    def name_of(st: Statement) -> str | None:
        return speaker_name(doc, st, statements)

    rules: tuple[Callable[[], Claimant | None], ...] = (
        lambda: _statement_claimant(doc, span, statements, body, sent.start_char),
        lambda: _according_to(doc, sent, span[0], statements),
        lambda: respondents_poll(doc, tok, statements),
        lambda: _claim_verb(doc, tok, statements),
        lambda: continued_quote(doc, span, statements, name_of),
        lambda: quoted_after(doc, span[0], sent, statements, name_of),
        lambda: _per_sentence(doc, _credited_after, sent, statements),
        lambda: _per_sentence(doc, _credited_before, sent, statements),
        lambda: _transcript(doc, span[0]),
    )
    for rule in rules:
        got = rule()
        if got is not None and not is_outlet(doc, got.name):
            return got
    return None
