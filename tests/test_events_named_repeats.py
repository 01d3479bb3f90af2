"""The same noun with the same actor names one happening again, whatever the status (issue 15, session
8); a figure, a time or a place tells two apart. Sentences written for these tests."""

from __future__ import annotations

from events_support import events_of

_TWICE = (
    "Belarusian deployments near the Polish border alarmed Warsaw on Monday. "
    "Lithuania's foreign minister said Belarusian deployments were a provocation."
)
_TWO_DAYS = (
    "Belarusian deployments near the Polish border alarmed Warsaw on Monday. "
    "On Friday, Belarusian deployments near the Lithuanian border followed."
)


def _deployments(extract, text: str) -> list[str]:
    return [ev.trigger.text for ev in events_of(extract, text) if ev.type == "deploy"]


def test_same_noun_same_actor_is_one_event(extract) -> None:
    assert _deployments(extract, _TWICE) == ["deployments"]


def test_another_day_is_another_event(extract) -> None:
    assert _deployments(extract, _TWO_DAYS) == ["deployments", "deployments"]
