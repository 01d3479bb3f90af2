"""A "today" that means the present at large is PRESENT_REF; a month the rules leave to the fallback keeps
the year the month rule would give."""

from __future__ import annotations

from typing import Any

import pytest

PUB = "2022-11-10"  # a Thursday


def _value(report: Any, surface: str) -> str | None:
    hits = [t for t in report.times if t.text == surface]
    assert hits, [t.text for t in report.times]
    return hits[0].value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the present at large: a simple present or a present modal, nothing else dated beside it
        ("Today the continent faces a danger it has not known for decades.", "PRESENT_REF"),
        ("Few countries can afford such an army today, the analyst argued.", "PRESENT_REF"),
        ("Should the union admit a country at war today?", "PRESENT_REF"),
        # the publication day: a past or future verb, a speech verb, a scheduled act, another day beside it
        ("The curfew was lifted today.", "2022-11-10"),
        ("The spokesman said today that the talks had failed.", "2022-11-10"),
        ("The foreign ministers meet in Brussels today.", "2022-11-10"),
        ("The leaders will send a clear signal today and tomorrow.", "2022-11-10"),
        ("Today is the last day of the ceasefire.", "2022-11-10"),
        ("Nobody knows whatever happens today at the border.", "2022-11-10"),
    ],
)
def test_generic_today(extract: Any, text: str, value: str) -> None:
    assert _value(extract(text, published=PUB), "today" if "today" in text else "Today") == value


def test_month_left_to_the_fallback_takes_the_near_year(extract: Any) -> None:
    text = "Mild weather starting in late February and into March turns the fields to mud."
    report = extract(text, published="2022-02-04")
    months = {t.text: t.value for t in report.times}
    assert months.get("March") == "2022-03", months


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The parade, which is usually held on May 9, was cancelled this year.", "May 9", "XXXX-05-09"),
        ("The marshes usually freeze in January.", "January", "XXXX-01"),
        ("The army often attacked in the spring.", "the spring", "XXXX-SP"),
        ("The fleet was modernized in March.", "March", "2022-03"),
        ("The parade was held on May 9.", "May 9", "2022-05-09"),
    ],
)
def test_habitual_adverb_makes_a_time_recur(extract: Any, text: str, surface: str, value: str) -> None:
    assert _value(extract(text, published=PUB), surface) == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("In 2014, Russia annexed Crimea on March 18 after a disputed vote.", "March 18", "2014-03-18"),
        ("The Soviet army invaded Afghanistan in 1979, on December 24.", "December 24", "1979-12-24"),
        (
            "Back in October 2004 the president signed a decree, and on November 3 he awarded it.",
            "November 3",
            "2004-11-03",
        ),
        # another clause's year does not carry over
        (
            "Under a plan approved in 2019 that set no limit, the bank had bought shares through Sept. 29.",
            "Sept. 29",
            "2022-09-29",
        ),
    ],
)
def test_a_past_month_day_takes_the_year_stated_in_its_clause(
    extract: Any, text: str, surface: str, value: str
) -> None:
    assert _value(extract(text, published=PUB), surface) == value
