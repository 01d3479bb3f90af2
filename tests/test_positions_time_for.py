"""What it is, or is not, the time for is asked for or refused by whoever says so (issue 15, session 10):
"it was not the time for war", "now is the time to send tanks"; other uses of 'time' state nothing.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from positions_support import positions_of

SAID = [
    ("The Indian leader told the Kremlin that it was not the time for war.", "leader", "rejects", "war"),
    ("Now is the time to send tanks, the foreign minister Jan Novak said.", "Novak", "open", "tanks"),
    ("It is time for talks, the president Ivan Horak said.", "Horak", "open", "talks"),
    ("This is not the time for a ceasefire, the general Tom Hale said.", "Hale", "rejects", "ceasefire"),
]


@pytest.mark.parametrize(("text", "holder", "stance", "topic"), SAID)
def test_time_for(extract, text, holder, stance, topic):
    found = [p for p in positions_of(extract, text) if topic in p.topic]
    assert found and all(holder in p.holder and p.stance == stance for p in found)


def test_time_for_lunch_is_no_position(extract):
    assert positions_of(extract, "It was time for lunch, the soldier said.") == []
