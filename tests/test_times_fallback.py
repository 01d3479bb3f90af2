"""The dateparser fallback: bare years skip dateparser and give what dateparser gives."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.components.times.fallback import _parse, normalize_absolute

DCT = dt.date(2022, 11, 10)


@pytest.mark.parametrize("year", ["1000", "1648", "1963", "1999", "2007", "2016", "2099"])
def test_a_bare_year_reads_as_itself_like_dateparser(year: str) -> None:
    assert normalize_absolute(year, DCT) == year
    assert _parse(year, DCT) == year  # the shortcut agrees with dateparser
    assert normalize_absolute(year, None) == year


def test_years_outside_the_shortcut_still_go_to_dateparser() -> None:
    assert normalize_absolute("2150", DCT) == _parse("2150", DCT)
    assert normalize_absolute(" 2016", DCT) == _parse(" 2016", DCT)


def test_cached_phrases_give_the_same_value_twice() -> None:
    first = normalize_absolute("March 2019", DCT)
    assert first == "2019-03"
    assert normalize_absolute("March 2019", DCT) == first
    assert normalize_absolute("12 May 2021", DCT) == "2021-05-12"
