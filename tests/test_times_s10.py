"""Time expressions added in session 10: fractional and vague durations, spans around them."""

from __future__ import annotations

import pytest

from sitrep.components.times.calendar import mixed_duration

PUB = "2023-03-15"  # a Wednesday

CASES = [
    # a half as the next smaller unit, as TimeBank writes it
    ("The siege lasted two-and-a-half years.", "two-and-a-half years", "duration", "P2Y6M"),
    ("Talks stalled for a year and a half before the deal.", "a year and a half", "duration", "P1Y6M"),
    ("The shelling went on for 2 1/2 hours.", "2 1/2 hours", "duration", "PT2H30M"),
    ("The sirens wailed for a minute and a half.", "a minute and a half", "duration", "PT1M30S"),
    # a half back from the publication date, in months
    ("The bridge was blown up a year and a half ago.", "a year and a half ago", "date", "2021-09"),
    ("The bridge was blown up two-and-a-half years ago.", "two-and-a-half years ago", "date", "2020-09"),
    # vague references
    ("In previous years the parade drew crowds.", "previous years", "date", "PAST_REF"),
    ("Troops will stay for the foreseeable future.", "the foreseeable future", "date", "FUTURE_REF"),
    # a habit running since a month: the month is a point, not a recurring one
    ("I often travel by night train since November.", "November", "date", "2022-11"),
    ("The parade is usually held in May.", "May", "date", "XXXX-05"),
    # vague stretches: the phase of a period, "over the years", "days later", decades and centuries
    ("In the early days of the war, the army fell back.", "the early days", "duration", "PXD"),
    ("Hundreds were captured in the first hours of the push.", "the first hours", "duration", "PTXH"),
    ("Over the years the village changed hands twice.", "the years", "duration", "PXY"),
    ("In the days after the raid, families fled west.", "the days", "duration", "PXD"),
    ("Fuel will be scarce in the months to come.", "the months to come", "duration", "PXM"),
    ("Days later the governor resigned.", "Days later", "duration", "PXD"),
    ("Months after the invasion, the town is still cut off.", "Months", "duration", "PXM"),
    ("The blast came just hours after the talks ended.", "hours", "duration", "PTXH"),
    ("In the hours before the raid, phones went dead.", "the hours", "duration", "PTXH"),
    ("During weeks of talks, the army massed troops.", "weeks", "duration", "PXW"),
    ("The envoy resigned that same day.", "that same day", "date", None),
    ("Eight years later the front has barely moved.", "Eight years", "duration", "P8Y"),
    ("The valley has been disputed for decades.", "decades", "duration", "PXE"),
    ("The two peoples have traded here for centuries.", "centuries", "duration", "PXC"),
]


@pytest.mark.parametrize(("text", "surface", "typ", "value"), CASES)
def test_time_expressions_s10(extract, text, surface, typ, value):
    times = extract(text, published=PUB).times
    hits = [t for t in times if t.text == surface]
    assert hits, f"{surface!r} not found in {[(t.text, t.value) for t in times]}"
    assert (hits[0].type, hits[0].value) == (typ, value)


def test_early_hours_of_a_day_stay_one_time(extract):
    times = extract("Drones struck in the early hours of the morning.", published=PUB).times
    assert [t.text for t in times if "hours" in t.text] == [], [t.text for t in times]


def test_coordinated_weekday_nights_are_days_not_a_set(extract):
    times = extract("On Monday and Tuesday nights, crowds filled the square.", published=PUB).times
    assert [(t.text, t.type, t.value) for t in times][-1] == ("Tuesday nights", "time", "2023-03-14TNI")
    times = extract("The market opens on Friday nights.", published=PUB).times
    assert [(t.type, t.value) for t in times] == [("set", "XXXX-WXX-5TNI")]
    times = extract("New trains will leave on Monday and Tuesday nights from May 2.", published=PUB).times
    assert ("Tuesday nights", "set") in [(t.text, t.type) for t in times]


def test_deictics_set_against_each_other_are_past_present_future(extract):
    times = extract('"The city today may be the whole region tomorrow," he warned.', published=PUB).times
    assert [(t.text, t.value) for t in times] == [("today", "PRESENT_REF"), ("tomorrow", "FUTURE_REF")]
    times = extract('"We needed the shells yesterday, not tomorrow," she said.', published=PUB).times
    assert [t.value for t in times] == ["PAST_REF", "FUTURE_REF"]
    times = extract("The envoy arrived yesterday and will leave tomorrow.", published=PUB).times
    assert [t.value for t in times] == ["2023-03-14", "2023-03-16"]
    times = extract("A clear signal must be sent today and tomorrow.", published=PUB).times
    assert [t.value for t in times] == ["2023-03-15", "2023-03-16"]


def test_joined_months_fall_in_one_year(extract):
    times = extract("The port was blockaded in March and April.", published="2023-03-20").times
    assert [(t.text, t.value) for t in times] == [("March", "2022-03"), ("April", "2022-04")]
    times = extract("Convoys were stopped in December and January.", published="2023-03-20").times
    assert [t.value for t in times] == ["2022-12", "2023-01"]


def test_long_hours_are_no_stretch(extract):
    times = extract("Nurses worked long hours after the strike.", published=PUB).times
    assert not times, [t.text for t in times]


def test_days_of_an_era_are_no_time(extract):
    times = extract("Those were the days of the old empire.", published=PUB).times
    assert not times, [t.text for t in times]


def test_mixed_duration():
    assert mixed_duration(2.5, "Y") == "P2Y6M"
    assert mixed_duration(1.5, "TH") == "PT1H30M"
    assert mixed_duration(2.5, "D") == "P2DT12H"
    assert mixed_duration(0.5, "Y") is None
    assert mixed_duration(1.5, "W") is None
