"""Time expressions added in session 11: days listed beside a month-day."""

from __future__ import annotations

PUB = "2023-03-15"  # a Wednesday


def _times(extract, text, published=PUB):
    return [(t.text, t.type, t.value) for t in extract(text, published=published).times]


def test_day_listed_after_a_month_day_is_its_own_date(extract):
    assert _times(extract, "Envoys met in Vienna on March 2 and 3, officials said.") == [
        ("March 2", "date", "2023-03-02"),
        ("3", "date", "2023-03-03"),
    ]
    assert ("9", "date", "2023-03-09") in _times(extract, "Both sides may vote on March 8 or 9.")


def test_day_listed_before_a_day_month_is_its_own_date(extract):
    assert _times(extract, "Envoys met in Vienna on 2 and 3 March.") == [
        ("2", "date", "2023-03-02"),
        ("3 March", "date", "2023-03-03"),
    ]


def test_a_count_after_a_month_day_is_no_day(extract):
    assert _times(extract, "On March 2 and 3 villages were shelled.") == [("March 2", "date", "2023-03-02")]


def test_range_of_days_before_the_month_is_an_interval(extract):
    assert _times(extract, "The crossing was shut on 6-11 February.") == [
        ("6-11 February", "interval", "2023-02-06/2023-02-11")
    ]


def test_the_coming_weeks_are_the_future_at_large(extract):
    assert _times(extract, "Ammunition may run short in the coming weeks.") == [
        ("the coming weeks", "date", "FUTURE_REF")
    ]
    assert ("coming months", "date", "FUTURE_REF") in _times(extract, "Prices will rise in coming months.")
    assert _times(extract, "Aid arrived over the next few days.")[0][1:] == ("duration", "PXD")


def test_daily_and_annually_take_unspecified_calendar_values(extract):
    assert _times(extract, "The governor posts the losses daily.") == [("daily", "set", "XXXX-XX-XX")]
    assert _times(extract, "The plant can make 500 drones annually.") == [("annually", "set", "XXXX")]
    assert _times(extract, "The council meets every week.") == [("every week", "set", "P1W")]


def test_for_some_time_is_an_unstated_stretch(extract):
    assert _times(extract, "For some time, the envoys avoided the subject.") == [
        ("some time", "duration", "PXM")
    ]
    assert _times(extract, "The envoy left some time ago.") == [("some time ago", "date", "PAST_REF")]


def test_age_of_an_event_is_its_duration_not_a_persons(extract):
    assert _times(extract, "Allies fear the 3-year-old war will spread.") == [
        ("3-year-old", "duration", "P3Y")
    ]
    assert _times(extract, "The six-month-old truce held.") == [("six-month-old", "duration", "P6M")]
    assert _times(extract, "The 71-year-old general resigned.") == []


def test_the_recent_event_is_past_ref(extract):
    assert _times(extract, "Kyiv thanked Warsaw for the recent delivery of tanks.") == [
        ("recent", "date", "PAST_REF")
    ]
    assert _times(extract, "A recent poll found support falling.") == []


def test_at_the_time_is_the_past_moment_spoken_of(extract):
    assert _times(extract, "The bridge was not guarded at the time, he said.") == [
        ("the time", "date", "PAST_REF")
    ]
    assert _times(extract, "At the time of the raid, the mayor was away.") == []
    assert _times(extract, "At the same time, the talks went on.") == []


def test_fixed_date_holidays_are_dates(extract):
    got = _times(extract, "Moscow will hold a parade on Victory Day.", published="2023-05-02")
    assert got == [("Victory Day", "date", "2023-05-09")]
    got = _times(extract, "Drones struck the city on New Year's Eve.", published="2023-01-03")
    assert got == [("New Year's Eve", "date", "2022-12-31")]
    assert _times(extract, "The parade is usually held on Victory Day.")[0][2] == "XXXX-05-09"
    assert _times(extract, "Kyiv marked Independence Day.") == []


def test_since_then_is_the_time_named_before(extract):
    got = _times(extract, "The alliance made that promise in 2008. Since then, nothing has moved.")
    assert got == [("2008", "date", "2008"), ("then", "date", "2008")]
    assert _times(extract, "Since then, the talks have stalled.") == []
