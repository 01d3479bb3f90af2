"""numbers.py: numerals, number words, vague quantifiers and bounding words to values."""

from __future__ import annotations

import pytest

from sitrep.numbers import parse_amount, parse_number, parse_numeral, read_amount, split_words


@pytest.mark.parametrize(
    "text, value",
    [
        ("1,351", 1351),
        ("1.5 million", 1_500_000),
        ("forty thousand", 40_000),
        ("a dozen", 12),
        ("two dozen", 24),
        ("half a million", 500_000),
        ("twenty-five", 25),
        ("one hundred and twenty", 120),
        ("three hundred thousand", 300_000),
        ("40k", 40_000),
        ("1.5bn", 1_500_000_000),
        ("seventeen", 17),
        ("a hundred", 100),
        ("2.4 billion", 2_400_000_000),
        ("soldiers", None),
        ("first", None),
        ("T-72", None),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text, low, high, qualifier, vague",
    [
        ("1,351", 1351, 1351, "exact", False),
        ("as many as 40,000", None, 40000, "at_most", False),
        ("up to 300,000", None, 300000, "at_most", False),
        ("no more than 60", None, 60, "at_most", False),
        ("well over 100,000", 100000, None, "more_than", False),
        ('"well over" 100,000', 100000, None, "more_than", False),
        ("more than 300", 300, None, "more_than", False),
        ("over 90", 90, None, "more_than", False),
        ("at least 51", 51, None, "at_least", False),
        ("no fewer than 18", 18, None, "at_least", False),
        ("10 or more", 10, None, "at_least", False),
        ("fewer than 200", None, 200, "less_than", False),
        ("less than 50", None, 50, "less_than", False),
        ("under 1,000", None, 1000, "less_than", False),
        ("about 500", 500, 500, "approximate", False),
        ("some 1,500", 1500, 1500, "approximate", False),
        ("roughly 8,000", 8000, 8000, "approximate", False),
        ("around 70", 70, 70, "approximate", False),
        ("nearly 200", 200, 200, "approximate", False),
        ("almost 3,000", 3000, 3000, "approximate", False),
        ("an estimated 200,000", 200000, 200000, "approximate", False),
        ("nearly half a million", 500000, 500000, "approximate", False),
        ("20,000 to 30,000", 20000, 30000, "range", False),
        ("2,000-3,000", 2000, 3000, "range", False),
        ("2,000–3,000", 2000, 3000, "range", False),
        ("between 20 and 30", 20, 30, "range", False),
        ("from 5,000 to 7,000", 5000, 7000, "range", False),
        ("two or three", 2, 3, "range", False),
        ("20 to 30 million", 20_000_000, 30_000_000, "range", False),
        ("dozens", 24, 99, "range", True),
        ("scores", 40, 99, "range", True),
        ("several", 3, 9, "range", True),
        ("hundreds", 200, 999, "range", True),
        ("thousands", 2000, 9999, "range", True),
        ("tens of thousands", 20000, 99999, "range", True),
        ("hundreds of thousands", 200000, 999999, "range", True),
        ("several hundred", 300, 900, "range", True),
        ("a few dozen", 24, 60, "range", True),
        ("at least dozens", 24, None, "at_least", True),
    ],
)
def test_parse_amount(text, low, high, qualifier, vague):
    a = parse_amount(text)
    assert a is not None
    assert (a.low, a.high, a.qualifier, a.vague) == (low, high, qualifier, vague)


@pytest.mark.parametrize("text", ["soldiers", "between them", "from Kyiv", "the first", "World War I"])
def test_not_an_amount(text):
    assert parse_amount(text) is None


def test_hedging_bound_words_are_reported():
    assert parse_amount("up to 2,000").hedges == ("up to",)
    assert parse_amount("an estimated 3 million").hedges == ("an estimated",)
    assert parse_amount("as many as 40,000").hedges == ()


def test_read_amount_returns_word_offsets():
    words = split_words("He said as many as 40,000 civilians died")
    a = read_amount(words, 2)
    assert (a.start, a.end, a.core_start) == (2, 6, 5)
    assert words[a.start : a.end] == ["as", "many", "as", "40,000"]


def test_parse_numeral():
    assert parse_numeral("1,351") == 1351
    assert parse_numeral("+3") == 3
    assert parse_numeral("M142") is None
    assert isinstance(parse_numeral("1.5"), float)
