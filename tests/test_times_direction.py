"""Weekdays and month-days resolved against the publication date in the direction of their clause
(issue 15). Sentences written for these tests; 2023-05-10 is a Wednesday."""

from __future__ import annotations

import pytest

PUBLISHED = "2023-05-10"

CASES = [
    # (text, time expression, value)
    ("The prime minister travels to Vilnius on Friday for the summit.", "Friday", "2023-05-12"),
    ("The prime minister travelled to Vilnius on Friday for the summit.", "Friday", "2023-05-05"),
    ("The ministry says on Monday that the convoy reached Kherson.", "Monday", "2023-05-08"),
    ("Tuesday's strikes knocked out power in three districts.", "Tuesday", "2023-05-09"),
    ("The governor's remarks Sunday raise doubts about the evacuation.", "Sunday", "2023-05-07"),
    ("The envoy will also go to Warsaw, including probably on Thursday.", "Thursday", "2023-05-11"),
    # a month-day against the clause's tense, far from the publication date, is in another year
    ("The referendum was held on Nov. 3 under heavy guard.", "Nov. 3", "2022-11-03"),
    ("The parliament will vote on the treaty on Feb. 2.", "Feb. 2", "2024-02-02"),
    # near dates keep the year, whatever the tense ("said it would vote on June 1")
    ("The council said it would vote on June 1.", "June 1", "2023-06-01"),
    ("Troops entered the village on April 28.", "April 28", "2023-04-28"),
]


@pytest.mark.parametrize(("text", "surface", "value"), CASES)
def test_direction_from_the_clause(extract, text, surface, value):
    report = extract(text, published=PUBLISHED)
    found = [t for t in report.times if t.text == surface]
    assert found, [(t.text, t.value) for t in report.times]
    s, e = found[0].span
    assert text[s:e] == surface
    assert found[0].value == value
