"""Time expressions: found with exact spans and normalized TIMEX3-style against the publication date."""

from __future__ import annotations

import pytest

from sitrep.components.times.calendar import duration, month_year, season_year, weekday_date

PUB = "2022-11-10"  # a Thursday

CASES = [
    # weekdays: past by default, the publication day itself, forward with future tense or "next"
    ("Officials said on Tuesday that the convoy had left.", PUB, "Tuesday", "date", "2022-11-08"),
    ("The ministry announced the move on Wednesday.", PUB, "Wednesday", "date", "2022-11-09"),
    ("The general spoke to reporters Thursday.", PUB, "Thursday", "date", "2022-11-10"),
    ("Rebels shelled the port on Saturday, the mayor said.", PUB, "Saturday", "date", "2022-11-05"),
    ("The two delegations will meet on Monday in Geneva.", PUB, "Monday", "date", "2022-11-14"),
    ("The envoys are scheduled to return Friday.", PUB, "Friday", "date", "2022-11-11"),
    ("Talks resume next Tuesday, a spokesman said.", PUB, "next Tuesday", "date", "2022-11-15"),
    ("Sirens sounded late Tuesday across the capital.", PUB, "late Tuesday", "date", "2022-11-08"),
    ("Two blasts were heard Tuesday night near the airport.", PUB, "Tuesday night", "time", "2022-11-08TNI"),
    # deictic words
    ("The curfew was lifted today.", PUB, "today", "date", "2022-11-10"),
    ("The bridge was hit yesterday afternoon.", PUB, "yesterday afternoon", "time", "2022-11-09TAF"),
    ("The mayor left the city yesterday.", PUB, "yesterday", "date", "2022-11-09"),
    ("A new round of talks opens tomorrow.", PUB, "tomorrow", "date", "2022-11-11"),
    ("The front is now quiet, residents say.", PUB, "now", "date", "PRESENT_REF"),
    ("Drones struck the depot overnight.", PUB, "overnight", "time", "2022-11-09TNI"),
    ("Shelling resumed in the morning.", PUB, "the morning", "time", "2022-11-10TMO"),
    ("Power was cut last night in three districts.", PUB, "last night", "time", "2022-11-09TNI"),
    # calendar units relative to the publication date
    ("Prices rose sharply this week.", PUB, "this week", "date", "2022-W45"),
    ("Exports fell last month, the bank said.", PUB, "last month", "date", "2022-10"),
    ("The harvest was poor last year.", PUB, "last year", "date", "2021"),
    ("A census is planned next year.", PUB, "next year", "date", "2023"),
    ("The plan was approved earlier this month.", PUB, "earlier this month", "date", "2022-11"),
    ("The dam was built two years ago.", PUB, "two years ago", "date", "2020"),
    ("The ceasefire collapsed three days ago.", PUB, "three days ago", "date", "2022-11-07"),
    # months, dates, years, decades
    ("The offensive began in March.", PUB, "March", "date", "2022-03"),
    ("The city fell in May after a long siege.", PUB, "May", "date", "2022-05"),
    ("The troops withdrew on Nov. 9 after heavy losses.", PUB, "Nov. 9", "date", "2022-11-09"),
    (
        "The decree was signed on November 9, 2022, in the capital.",
        PUB,
        "November 9, 2022",
        "date",
        "2022-11-09",
    ),
    ("The border was redrawn on 24 February 2022.", PUB, "24 February 2022", "date", "2022-02-24"),
    ("The peninsula was annexed in 2014.", PUB, "2014", "date", "2014"),
    ("The region was at peace in the 1990s.", PUB, "the 1990s", "date", "199"),
    ("Growth slowed in August 2021 and never recovered.", PUB, "August 2021", "date", "2021-08"),
    ("Output fell in the third quarter of 2021.", PUB, "the third quarter of 2021", "date", "2021-Q3"),
    ("Third-quarter output fell 4 percent.", PUB, "Third-quarter", "date", "2022-Q3"),
    ("Revenue fell 8 percent in the year ended June 30.", PUB, "the year", "duration", "P1Y"),
    ("Prices rose sharply over the year, traders said.", PUB, "the year", "date", "2022"),
    # seasons
    ("The army is preparing for the winter.", PUB, "the winter", "date", "2022-WI"),
    ("Analysts expected a spring offensive that never came.", PUB, "spring", "date", "2022-SP"),
    ("Fighting eased last summer, monitors said.", PUB, "last summer", "date", "2022-SU"),
    # durations
    ("The siege could last several weeks, officials warned.", PUB, "several weeks", "duration", "PXW"),
    ("The convoy waited for three days at the border.", PUB, "three days", "duration", "P3D"),
    ("He served a 10-year sentence.", PUB, "10-year", "duration", "P10Y"),
    ("The blackout lasted 24 hours.", PUB, "24 hours", "duration", "PT24H"),
    ("The strike dragged on for a couple of years.", PUB, "a couple of years", "duration", "P2Y"),
    ("The war is now in its ninth month.", PUB, "ninth month", "duration", None),
    ("Talks stalled in the past two months.", PUB, "the past two months", "duration", "P2M"),
    # sets
    ("Officials publish casualty figures daily.", PUB, "daily", "set", "XXXX-XX-XX"),
    ("The council meets every week.", PUB, "every week", "set", "P1W"),
    ("The ministry gives a daily briefing on losses.", PUB, "daily", "set", "XXXX-XX-XX"),
    ("Inspectors visit the plant twice a month.", PUB, "twice a month", "set", "P1M"),
    ("Refugees earn $300 a year on average.", PUB, "a year", "set", "P1Y"),
    # intervals
    (
        "The referendums were held Sept. 23-27 in four regions.",
        PUB,
        "Sept. 23-27",
        "interval",
        "2022-09-23/2022-09-27",
    ),
    ("The 2014-2016 talks failed.", PUB, "2014-2016", "interval", "2014/2016"),
    # times of day
    ("The curfew started at 10 p.m. Wednesday.", PUB, "10 p.m. Wednesday", "time", "2022-11-09T22:00"),
    # reference words
    ("The rebels recently seized two villages.", PUB, "recently", "date", "PAST_REF"),
    ("Peace talks may resume in the future.", PUB, "the future", "date", "FUTURE_REF"),
    # war-news phrasings
    (
        "Blasts shook the city in the early hours of Wednesday.",
        PUB,
        "the early hours of Wednesday",
        "time",
        "2022-11-09TMO",
    ),
    (
        "On the night of Nov. 9, sappers crossed the river.",
        PUB,
        "the night of Nov. 9",
        "time",
        "2022-11-09TNI",
    ),
    ("Strikes on the grid intensified in mid-October.", PUB, "mid-October", "date", "2022-10"),
    ("Troops crossed the river for the first time since 2014.", PUB, "2014", "date", "2014"),
    ("In the past 24 hours, 30 towns were shelled.", PUB, "the past 24 hours", "duration", "PT24H"),
    ("The drones struck at 2 a.m. local time.", PUB, "2 a.m. local time", "time", "2022-11-10T02:00"),
    ("Crowds gathered in the square last weekend.", PUB, "last weekend", "date", "2022-W44-WE"),
    (
        "The general said the army will use the lull to regroup for a spring offensive.",
        PUB,
        "spring",
        "date",
        "2023-SP",
    ),
    ("The invasion began in February and has not let up.", PUB, "February", "date", "2022-02"),
    ("Elections are due in January, officials said.", PUB, "January", "date", "2023-01"),
    ("The port has been blockaded for months.", PUB, "months", "duration", "PXM"),
    ("The city survived a months-long siege.", PUB, "months-long", "duration", "PXM"),
    ("A decade ago, the bridge was rebuilt.", PUB, "A decade ago", "date", "2012"),
    ("The ministry had been due to report on Friday.", PUB, "Friday", "date", "2022-11-04"),
    ("Troops must leave the city by Friday.", PUB, "Friday", "date", "2022-11-11"),
    ("The army could launch a new offensive in March.", PUB, "March", "date", "2023-03"),
    ("The convoy may have left on Tuesday.", PUB, "Tuesday", "date", "2022-11-08"),
    ("Veterans recalled the spring of 1999 in Kosovo.", PUB, "the spring of 1999", "date", "1999-SP"),
    ("The city was founded in nineteen forty-four.", PUB, "nineteen forty-four", "date", "1944"),
    # no publication date: relative values stay unresolved
    ("The minister resigned on Tuesday.", None, "Tuesday", "date", "XXXX-WXX-2"),
    ("The talks collapsed yesterday.", None, "yesterday", "date", None),
    ("Markets are calm now.", None, "now", "date", "PRESENT_REF"),
    ("The treaty was signed on Nov. 9, 2022.", None, "Nov. 9, 2022", "date", "2022-11-09"),
]

NOT_TIMES = [
    ("Veterans of World War II gathered in the square.", "World War II"),
    ("Veterans of World War I gathered in the square.", "World War I"),
    ("The attacks of 9/11 changed the region.", "9/11"),
    ("The 93rd Mechanized Brigade held the line.", "93rd"),
    ("Prime Minister Theresa May met the envoy.", "May"),
    ("The protests recalled the Arab Spring.", "Spring"),
    ("Officials said the rebels may withdraw.", "may"),
    ("The brigade lost 2014 soldiers, the report said.", "2014"),
    ("The fall of the city shocked the capital.", "fall"),
    ("Good evening, this is the news.", "evening"),
    ("A 38-year-old volunteer was killed.", "38-year"),
    ("The mayor, 52 years old, was detained.", "52 years"),
    ("A second convoy reached the city.", "second"),
    ("The company raised its quarterly dividend.", "quarterly"),
    ("The hotline is staffed 24/7 by volunteers.", "24/7"),
    ("The bakery opened on Feb. 30, the flyer said.", "Feb. 30"),
    ("Iraq imports about three-quarters of its food.", "quarters"),
    ("The morning talk show hosted the minister.", "morning"),
]


def _times(extract, text: str, published: str | None):
    report = extract(text, published=published)
    for t in report.times:
        assert text[t.span[0] : t.span[1]] == t.text
    return report.times


@pytest.mark.parametrize(("text", "published", "surface", "typ", "value"), CASES)
def test_time_expressions(extract, text, published, surface, typ, value):
    times = _times(extract, text, published)
    hits = [t for t in times if t.text == surface]
    assert hits, f"{surface!r} not found in {[t.text for t in times]}"
    assert hits[0].type == typ
    assert hits[0].value == value


@pytest.mark.parametrize(("text", "surface"), NOT_TIMES)
def test_not_time_expressions(extract, text, surface):
    times = _times(extract, text, PUB)
    assert not any(surface in t.text for t in times), [t.text for t in times]


def test_spans_are_exact_sorted_and_disjoint(extract):
    text = (
        "KYIV, Ukraine (AP) — Russian forces pulled back from the west bank on Wednesday, a day after the "
        "defense minister ordered the retreat on Tuesday. Fighting has raged for several weeks, and "
        "officials "
        "expect the front to freeze over the winter. Casualty figures are updated daily; last month alone, "
        "both sides lost thousands. Talks will open on Monday, nine months after the invasion in February."
    )
    times = _times(extract, text, PUB)
    starts = [t.span[0] for t in times]
    assert starts == sorted(starts)
    for a, b in zip(times, times[1:], strict=False):
        assert a.span[1] <= b.span[0]
    got = {t.text: t.value for t in times}
    assert got["Wednesday"] == "2022-11-09"
    assert got["Tuesday"] == "2022-11-08"
    assert got["Monday"] == "2022-11-14"
    assert got["several weeks"] == "PXW"
    assert got["February"] == "2022-02"


def test_anaphoric_days_follow_the_last_date(extract):
    text = (
        "Troops crossed the border on Feb. 24, 2022. The next day, missiles hit the capital. "
        "Two days later, the mayor fled."
    )
    got = {t.text: t.value for t in _times(extract, text, PUB)}
    assert got["Feb. 24, 2022"] == "2022-02-24"
    assert got["The next day"] == "2022-02-25"
    assert got["Two days later"] == "P2D"  # TIMEX3: a duration anchored to the last date


def test_following_year_follows_the_last_year(extract):
    text = "The war in the east began in 2014. The following year, a ceasefire was signed."
    got = {t.text: t.value for t in _times(extract, text, PUB)}
    assert got["The following year"] == "2015"


def test_anaphoric_day_without_anchor_stays_unresolved(extract):
    got = {t.text: t.value for t in _times(extract, "The next day, the shelling stopped.", PUB)}
    assert got["The next day"] is None


def test_calendar_helpers():
    import datetime as dt

    thu = dt.date(2022, 11, 10)
    assert weekday_date(thu, 1, "past") == dt.date(2022, 11, 8)
    assert weekday_date(thu, 3, "past") == thu
    assert weekday_date(thu, 0, "future") == dt.date(2022, 11, 14)
    assert month_year(thu, 3, "past") == 2022
    assert month_year(thu, 3, "future") == 2023
    assert season_year(thu, "WI", "past") == 2022
    assert duration(None, "W") == "PXW"
    assert duration(24, "TH") == "PT24H"
