"""Text helpers shared by components: the Doc's text, normalization, ids, paragraphs and datelines."""

from __future__ import annotations

import hashlib
import re
import unicodedata
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_WS = re.compile(r"\s+")
_TEXTS: dict[int, tuple[weakref.ref[Doc], str]] = {}


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined from the tokens once per Doc (`Doc.text` joins every token on each call; every
    component needs the text, and a Doc's text never changes). Kept while the Doc lives."""
    key = id(doc)
    hit = _TEXTS.get(key)
    if hit is not None and hit[0]() is doc:
        return hit[1]
    text = doc.text

    def forget(_ref: object) -> None:
        _TEXTS.pop(key, None)

    _TEXTS[key] = (weakref.ref(doc, forget), text)
    return text


def normalize_for_id(text: str) -> str:
    """The text folded for identity: NFC, quotes and dashes unified, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_FOLD)
    return _WS.sub(" ", text).strip().lower()


_FOLD = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)


def document_id(text: str) -> str:
    """A stable id for a document: the first 16 hex digits of the SHA-256 of its normalized text."""
    return hashlib.sha256(normalize_for_id(clean_text(text)).encode("utf-8")).hexdigest()[:16]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """`[start, end)` spans of the non-empty paragraphs (separated by blank lines), whitespace trimmed."""
    spans = []
    start = 0
    for m in [*_BLANK_LINE.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[start:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk) - len(chunk.rstrip())
            spans.append((start + lead, end - trail))
        if m:
            start = m.end()
    return spans


_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


# Wire datelines: "WASHINGTON --", "KYIV, Ukraine (AP) —", "LONDON (Reuters) -",
# "MOSCOW, Nov 9 (Reuters) -", "UNITED NATIONS, March 3 (AFP) –", "MINSK, 26 February (BelTA) –".
_PLACE = r"[A-Z][A-Z.'\u2019\-]*(?:[ \-][A-Z][A-Z.'\u2019\-]*){0,3}"
_REGION = r"[A-Z][A-Za-z.'\u2019\-]*(?: [A-Z][A-Za-z.'\u2019\-]*){0,3}"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE})"
    rf"(?:,\s+(?P<region>(?!{_MONTH}\s+\d){_REGION}))?"
    rf"(?:,?\s+(?P<date>{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH}))?"
    r"(?:\s*\((?P<agency>[A-Za-z][A-Za-z .&\-]{0,40})\))?"
    r"\s*(?P<dash>--|\u2014|\u2013|-|:)\s+"
)


@dataclass(frozen=True)
class Dateline:
    """A wire dateline at the head of a story."""

    place: str  # "KYIV, Ukraine" as written, without agency or date
    span: tuple[int, int]  # the whole dateline, dash included
    place_span: tuple[int, int]  # the city's characters
    agency: str | None
    date: str | None  # "Nov 9" as written
    body_start: int  # first character of the story after the dateline


def find_dateline(text: str, search_chars: int = 400) -> Dateline | None:
    """The dateline at the start of the text or of one of its first paragraphs, if any."""
    for start, _end in paragraphs(text[:search_chars]) or [(0, 0)]:
        lead = len(text[start:]) - len(text[start:].lstrip())
        m = _DATELINE.match(text, start + lead)
        if not m:
            continue
        place = m.group("place")
        # An all-capitals city of at least two letters; a lone capital word followed by a
        # sentence ("I -") or a headline in capitals is not a dateline.
        letters = re.sub(r"[^A-Za-z]", "", place)
        if len(letters) < 3 or not letters.isupper():
            continue
        if m.group("dash") == ":" and not m.group("agency"):
            continue
        place_text = place + (", " + m.group("region") if m.group("region") else "")
        return Dateline(
            place=place_text,
            span=(m.start(), m.end() - (len(m.group()) - len(m.group().rstrip()))),
            place_span=(m.start("place"), m.end("place")),
            agency=m.group("agency"),
            date=m.group("date"),
            body_start=m.end(),
        )
    return None


_UNENCODABLE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def clean_text(text: str) -> str:
    """The text with every code point UTF-8 cannot encode (lone surrogates, as JSON's "\\ud800" and
    Python strings allow) replaced one for one by U+FFFD: same length, so spans still index the text."""
    if text.isascii():
        return text
    return _UNENCODABLE.sub(REPLACEMENT, text)
