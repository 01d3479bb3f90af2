"""Weekdays, month-days and days of the month in the right week and year (issue 15, session 6): the
clause's tense, "is to" and "would", participles, headlines, anchors to a day named before. Sentences
written for these tests; 2023-05-10 is a Wednesday."""

from __future__ import annotations

import pytest

PUBLISHED = "2023-05-10"

CASES = [
    # (text, time expression, value)
    # the future of a reported past, and "is to"
    ("The minister said the talks would resume on Friday.", "Friday", "2023-05-12"),
    ("The minister said the talks would have resumed on Friday.", "Friday", "2023-05-05"),
    ("The brigade is to rotate out of the line on Friday.", "Friday", "2023-05-12"),
    # capitalised "Last", "This", "Next" and the day's own span
    ("Last Wednesday, drones hit the port.", "Last Wednesday", "2023-05-03"),
    ("Next Monday the envoys meet again.", "Next Monday", "2023-05-15"),
    # a verb spelt the same in both tenses, or a plural form after a singular subject, is past
    ("Drones hit the depot on Monday.", "Monday", "2023-05-08"),
    ("The shelling cut power to the district on Sunday.", "Sunday", "2023-05-07"),
    # a participle with its own time is past: the main clause's "would" does not move it
    ("Under the deal, announced Monday, the fighters would leave the plant.", "Monday", "2023-05-08"),
    ("The brigade's record advance set on Sept. 6 still stands.", "Sept. 6", "2022-09-06"),
    ("In the fiscal year ended Jan. 31, arms exports doubled.", "Jan. 31", "2023-01-31"),
    # a deadline preposition dates the verb, not the noun before it ("flights by August")
    ("The army will double its drone units along the border by December.", "December", "2023-12"),
    ("The ministry has a plan to repair the bridge by February.", "February", "2024-02"),
    # "until" after a past verb is the nearest such day, not the next
    ("The curfew lasted until Sunday.", "Sunday", "2023-05-07"),
    ("The curfew will last until Sunday.", "Sunday", "2023-05-14"),
    # a month-day with a relative year is one expression
    ("The offensive began on Feb. 24 last year.", "Feb. 24 last year", "2022-02-24"),
    ("Elections are planned for 3 March next year.", "3 March next year", "2024-03-03"),
    # "Saturday, April 25:" before a colon is still one date
    (
        "The council said in a statement on Saturday, May 6: the shelling must stop.",
        "Saturday, May 6",
        "2023-05-06",
    ),
    # "hopes to", a passive infinitive, a present arrangement, a deadline that "expires"
    ("The government hopes to reopen the airport by Friday.", "Friday", "2023-05-12"),
    ("The new governor is expected to be sworn in Sunday.", "Sunday", "2023-05-14"),
    ("The defence ministers are meeting Thursday in Brussels.", "Thursday", "2023-05-11"),
    ("The runoff vote is Sunday.", "Sunday", "2023-05-14"),
    ("The runoff vote was Sunday.", "Sunday", "2023-05-07"),
    ("The ultimatum expires at noon Friday.", "noon Friday", "2023-05-12T12:00"),
    ("The decree, signed on Dec. 2, takes effect on Jan. 1.", "Jan. 1", "2024-01-01"),
    # "since" looks back, with or without a verb
    ("Thousands of strikes since Jan. 3, and no end in sight.", "Jan. 3", "2023-01-03"),
    ("Two ships since October 2 and a third expected soon.", "October 2", "2022-10-02"),
    # a season as a noun's modifier is the nearest one ahead when it is close
    ("Kyiv is preparing a spring offensive.", "spring", "2023-SP"),
]

PUBLISHED_JANUARY = [
    ("Allies sent tanks for Ukraine to mount its spring counter-offensive.", "spring", "2023-SP"),
]


def test_games_named_for_a_season_are_no_time(extract):
    report = extract("The leaders last met at the Winter Olympic Games in Beijing.", published=PUBLISHED)
    assert not [t for t in report.times if "Winter" in t.text]


def _value(extract, text: str, surface: str, published: str) -> str | None:
    report = extract(text, published=published)
    found = [t for t in report.times if t.text == surface]
    assert found, [(t.text, t.value) for t in report.times]
    s, e = found[0].span
    assert text[s:e] == surface
    return found[0].value


@pytest.mark.parametrize(("text", "surface", "value"), CASES)
def test_week_and_year_from_the_clause(extract, text, surface, value):
    assert _value(extract, text, surface, PUBLISHED) == value


@pytest.mark.parametrize(("text", "surface", "value"), PUBLISHED_JANUARY)
def test_season_ahead_in_winter(extract, text, surface, value):
    assert _value(extract, text, surface, "2023-01-24") == value


ANCHORED = [
    # "the Friday before", "the previous Friday", "the following Monday": from the day named before
    ("Talks opened on May 4. The delegations had met the Monday before.", "Monday before", "2023-05-01"),
    (
        "Talks opened on April 20. The delegations had met the previous Friday.",
        "the previous Friday",
        "2023-04-14",
    ),
    ("Talks opened on April 20. They resumed the following Monday.", "the following Monday", "2023-04-24"),
    # "on the 24th": the month of the day named before, else the publication date's month
    ("Fighting broke out on April 2 and the town fell on the 4th.", "the 4th", "2023-04-04"),
    ("The ceasefire collapsed on the 24th.", "the 24th", "2023-04-24"),
    ("The vote will be held on the 24th.", "the 24th", "2023-05-24"),
    ("The ceasefire collapsed on the 8th, the monitors said.", "the 8th", "2023-05-08"),
]


@pytest.mark.parametrize(("text", "surface", "value"), ANCHORED)
def test_days_from_the_day_named_before(extract, text, surface, value):
    assert _value(extract, text, surface, PUBLISHED) == value


def test_the_24th_of_a_unit_is_no_day(extract):
    text = "Soldiers of the 24th Mechanized Brigade held the line on the 24th Mechanized front."
    report = extract(text, published=PUBLISHED)
    assert not [t for t in report.times if "24th" in t.text]


def test_headline_present_reports_the_past(extract):
    text = "Russia shells Kharkiv on Monday\n\nRussian artillery hit the city centre, officials said."
    assert _value(extract, text, "Monday", PUBLISHED) == "2023-05-08"


def test_body_present_action_is_scheduled(extract):
    text = "Kyiv (AP) -- The prime minister travels to Vilnius on Friday for the summit."
    assert _value(extract, text, "Friday", PUBLISHED) == "2023-05-12"


def test_quote_tense_decides_inside_the_quote(extract):
    text = (
        'The commander said on Tuesday: "We will cross the river on Friday." '
        'He added: "We crossed it on Friday."'
    )
    report = extract(text, published=PUBLISHED)
    fridays = [t.value for t in report.times if t.text == "Friday"]
    assert fridays == ["2023-05-12", "2023-05-05"]


def test_a_verb_before_a_day_is_no_part_of_it(extract):
    text = "The drills, which began on Thursday, will end on Sunday."
    assert _value(extract, text, "Sunday", PUBLISHED) == "2023-05-14"
