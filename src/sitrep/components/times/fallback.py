"""spaCy DATE/TIME entities the rules missed, normalized with dateparser where it can (absolute dates)."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from .lexicon import lexicon, norm
from .rules import Cand

MONTH_WORDS = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?")


def _granular(text: str, when: dt.datetime) -> str:
    """The parsed date at the granularity the text states: day, month or year."""
    has_month = bool(MONTH_WORDS.search(text)) or bool(re.search(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", text))
    has_day = bool(re.search(r"(?<!\d)\d{1,2}(?:st|nd|rd|th)?(?!\d)", text)) or bool(
        re.search(r"[./-]", text)
    )
    if has_month and has_day:
        return when.date().isoformat()
    if has_month:
        return f"{when.year:04d}-{when.month:02d}"
    return f"{when.year:04d}"


_BARE_YEAR = re.compile(r"(?:1\d|20)\d\d")


def normalize_absolute(text: str, dct: dt.date | None) -> str | None:
    """TIMEX3 value of an absolute date phrase via dateparser, or None when it cannot tell."""
    if not (re.search(r"\b\d{4}\b", text) or MONTH_WORDS.search(text)):
        return None  # neither a month nor a year: dateparser would guess
    if _BARE_YEAR.fullmatch(text):
        return text  # dateparser reads a bare year 1000-2099 as that year (tests/test_times_fallback.py)
    if dct is None:
        return _parse(text, None)  # relative to today: not cached
    return _parse_cached(text, dct)


@lru_cache(maxsize=4096)
def _parse_cached(text: str, dct: dt.date) -> str | None:
    """`_parse` for a fixed DCT (the same phrase recurs across a batch of articles)."""
    return _parse(text, dct)


def _parse(text: str, dct: dt.date | None) -> str | None:
    """dateparser's reading of `text` at the granularity the text states, or None."""
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a core dependency
        return None
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first"}
    if dct:
        settings["RELATIVE_BASE"] = dt.datetime(dct.year, dct.month, dct.day)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            when = dateparser.parse(text, languages=["en"], settings=settings)
        except Exception:  # noqa: BLE001 - one odd phrase never costs the document
            return None
    return _granular(text, when) if when else None


def _near_month(mon: int, dct: dt.date, direction: str) -> str:
    """A month named without a year ("into March") read as the month rule reads it: the latest past one
    in a past clause, the next one in a future clause, else the next within two months or the last."""
    ahead = (mon - dct.month) % 12
    if direction == "future" or (direction != "past" and 0 < ahead <= 2):
        return f"{dct.year + (1 if mon < dct.month else 0):04d}-{mon:02d}"
    return f"{dct.year if mon <= dct.month else dct.year - 1:04d}-{mon:02d}"


def entity_candidates(
    doc: Doc, taken: list[Cand], dct: dt.date | None, direction: Callable[[int, int], str] | None = None
) -> list[Cand]:
    """DATE/TIME entities overlapping no rule match whose value dateparser can give."""
    skip = {norm(w) for w in lexicon()["not_times"]}
    out: list[Cand] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = ent.start_char, ent.end_char
        if any(c.start < end and start < c.end for c in taken) or norm(ent.text) in skip:
            continue
        text = ent.text
        lead = re.match(r"(?i)(?:the|about|around|some|nearly|almost|until|since|by)\s+", text)
        if lead:
            start += lead.end()
            text = text[lead.end() :]
        if re.fullmatch(r"\d{1,3}(?:[.,]\d+)?", text.strip()):
            continue  # a bare small number tagged DATE by the model is rarely a date
        value = normalize_absolute(text, dct)
        if value and value[:4] not in text and (dct is None or abs(int(value[:4]) - dct.year) > 1):
            value = None  # dateparser invented a year the text does not state ("32 May" -> 1932)
        if value and dct and re.fullmatch(r"\d{4}-\d\d", value) and not re.search(r"\d{4}", text):
            value = _near_month(int(value[5:]), dct, direction(start, end) if direction else "present")
        if value:
            out.append(Cand(start, end, "date", value, None, "entity"))
    return out
