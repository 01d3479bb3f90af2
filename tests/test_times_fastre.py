"""The fast scan of the time rules finds exactly what the plain patterns find."""

from __future__ import annotations

import re

import pytest

from sitrep.components.times.fastre import (
    EXOTIC_CASE,
    first_char_guard,
    guarded,
    lowered,
    may_match,
    required_words,
    scan_plan,
)
from sitrep.components.times.rules import RULES

TEXT = (
    "KHARKIV, March 3 - Shelling resumed early on Tuesday morning, two days after talks in the city "
    "broke down; officials said 1,200 people had left since late February and the 1990s-era bridge "
    "was hit at 3:30 pm local time. A year earlier, in the third quarter of 2021, the plant ran every "
    "day. Next week the council meets again, about three weeks ahead of the winter, the mayor said "
    "on 12/03/2022. In the 19th century the town had 40,000 people; decades ago it was smaller."
)


def _all(p: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in p.finditer(text)]


@pytest.mark.parametrize("variant", [str, str.upper, str.lower, str.swapcase])
def test_guarded_rules_find_the_same_matches(variant) -> None:
    text = variant(TEXT)
    for _name, pattern, _handler in RULES:
        assert _all(guarded(pattern), text) == _all(pattern, text)


def test_guard_admits_only_possible_first_characters() -> None:
    p = re.compile(r"(?<!\w)(?:(?i:early|late)\s+)?(May|June)\s+(\d{1,2})")
    guard = first_char_guard(p)
    assert guard is not None
    fast = re.compile(guard)
    assert [c for c in "eElLMJ" if fast.match(c)] == list("eElLMJ")
    assert not fast.match("m") and not fast.match("1") and not fast.match(" ")
    text = "It opened in June 3, closed LATE May 21 and again may 4."
    assert _all(guarded(p), text) == _all(p, text) and len(_all(p, text)) == 2


def test_patterns_it_cannot_analyse_are_kept() -> None:
    for src in (r"a?", r".x", r"(a)?(?(1)b|c)", r"(?i)x*"):
        p = re.compile(src)
        assert guarded(p) is p


def test_required_words_are_needed_for_a_match() -> None:
    p = re.compile(r"(?i:(\d+|a few)\s+(days|weeks)\s+(ago|later))")
    clauses = required_words(p)
    assert frozenset({"days", "weeks"}) in clauses and frozenset({"ago", "later"}) in clauses
    assert may_match(clauses, lowered("Three WEEKS AGO the road reopened."))
    assert not may_match(clauses, lowered("Three weeks before the road reopened."))


def test_exotic_case_letters_switch_the_word_test_off() -> None:
    # "ſ" (long s) matches "s" case-insensitively but does not lower-case to it
    p = re.compile(r"(?i:(\d+)\s+days)")
    _fast, clauses = scan_plan(p)
    text = "4 dayſ"
    assert p.search(text) and lowered(text) is None and may_match(clauses, lowered(text))


def test_exotic_case_set_is_complete() -> None:
    """Every non-ASCII character `re` matches to an ASCII letter ignoring case is in EXOTIC_CASE."""
    letters = re.compile(r"(?i)[a-z]")
    found = {chr(cp) for cp in range(0x80, 0x110000) if letters.fullmatch(chr(cp))}
    assert found == set(EXOTIC_CASE)
