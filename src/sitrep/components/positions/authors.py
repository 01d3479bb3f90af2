"""Authors of opinion pieces and letters: an unattributed "we must ..." in a letter is its signer's, in an
op-ed its author's. Letters end with a line holding the writer's name (and often a line with a town);
op-eds end with a line introducing the author ("Jane Doe is the founder of ...")."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from ...gender import first_name_gender
from ..shared.clauses import doc_memo
from ..shared.lexicon import DATA

NORMATIVE = {"must", "should", "ought"}
UNNAMED = "the author"  # the holder of an opinion piece's own stance when the text does not name its author

_NAME = r"[A-Z][\w'\u2019.-]+(?: (?:[A-Z][\w'\u2019.-]+|de|van|von|der|al)){1,3}"
NAME_LINE = re.compile(rf"^(?:(?:Dr|Prof|Professor|Rev|Sir|Lord|Lady|Baroness)\.? )?{_NAME}$")
BIO_LINE = re.compile(rf"^(?P<name>{_NAME}),? (?:is|was|has been|serves as) ")
MIN_BODY = 150  # characters of text a signature must close: a letter, not a list of names
BIO_FROM_END = 3  # the bio line is among the last paragraphs


def author_at(doc: Doc, char: int, pred: Token | None = None) -> str | None:
    """The signer of the letter holding character `char`, or the op-ed's author (named, or "the author"
    when the predicate `pred` is in the author's own normative voice: "we must", "sanctions should")."""
    for start, end, name in doc_memo(doc, "positions_authors", lambda: _signed(doc)):
        if start <= char < end:
            return name if name != UNNAMED or pred is not None and _normative(pred) else None
    return None


def _normative(pred: Token) -> bool:
    """Whether the predicate (or the verb whose infinitive it is) says what must or should be done, or
    has a first-person subject: "we must do more", "Putin should be viewed as", "we need to"."""
    cur = pred
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in NORMATIVE for c in cur.children):
            return True
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("we", "i") for c in cur.children):
            return True
        if cur.dep_ not in ("xcomp", "conj") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


@lru_cache(maxsize=1)
def _opinion_marks() -> re.Pattern[str]:
    """The opinion-page boilerplate of data/positions_opinion.txt as one case-insensitive pattern."""
    lines = (DATA / "positions_opinion.txt").read_text(encoding="utf-8").splitlines()
    marks = [re.escape(ln.strip()) for ln in lines if ln.strip() and not ln.startswith("#")]
    return re.compile(r"\b(?:" + "|".join(marks) + r")\b", re.IGNORECASE)


def _opinion(doc: Doc) -> bool:
    """Whether the text prints an opinion page's disclaimer or banner ("The views expressed are the
    author's")."""
    return _opinion_marks().search(doc.text) is not None


def _signed(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, name) of each passage a signature or an author line closes."""
    text = doc.text
    lines = [(m.start(), m.group().strip()) for m in re.finditer(r"[^\n]+", text)]
    out: list[tuple[int, int, str]] = []
    prev = 0
    for start, line in lines:
        if NAME_LINE.match(line) and start - prev >= MIN_BODY and _person(doc, start, start + len(line)):
            out.append((prev, start, line))
            prev = start + len(line)
    if out:
        return out
    for start, line in lines[-BIO_FROM_END:]:
        m = BIO_LINE.match(line)
        if m and _person(doc, start, start + len(m.group("name"))):
            return [(0, start, m.group("name"))]
    if _opinion(doc):  # an op-ed that does not name its author: "the author" holds its own stances
        return [(0, len(text), UNNAMED)]
    return []


def _person(doc: Doc, start: int, end: int) -> bool:
    """Whether the characters are a person's name: spaCy reads them so, or they start with a first name."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return any(t.ent_type_ == "PERSON" for t in span) or bool(first_name_gender(span[0].text))
