"""An announced package of aid, arms or sanctions is a stated course of action (issue 15, session 9):
"announced an extra $25m in military assistance" is open to aid; an announced withdrawal or meeting is
an event, no position. Sentences written for these tests."""

from __future__ import annotations

import pytest

from positions_support import positions_of

ANNOUNCED = [
    ("Morrison also announced an extra $25m in military assistance for Ukraine.", "Morrison", "assistance"),
    ("The EU announced a new package of sanctions against Russia.", "EU", "sanctions"),
]


@pytest.mark.parametrize(("text", "holder", "topic"), ANNOUNCED)
def test_announced_package(extract, text, holder, topic):
    found = [p for p in positions_of(extract, text) if topic in p.topic]
    assert found and all(holder in p.holder and p.stance == "open" for p in found)


@pytest.mark.parametrize(
    "text",
    [
        "Russia announced the withdrawal of its troops from Kherson.",
        "The ministry announced a meeting with envoys.",
    ],
)
def test_announced_event_is_no_position(extract, text):
    assert positions_of(extract, text) == []
