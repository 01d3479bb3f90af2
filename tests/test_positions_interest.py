"""What it is, or is not, in a party's interest to do is the sayer's stance (issue 15, session 10): "it is
not in the interest of the US to defend X" refuses defending it, "it is in the interest of Serbia to
refrain from joining sanctions" refuses joining them. Sentences written for these tests."""

from __future__ import annotations

import pytest

from positions_support import positions_of

SAID = [
    ('"It is not in the interest of Canada to send troops to Moldova," said Mr Smith.',
     "Smith", "rejects", "troops"),
    ("It is in Europe's interest to keep sanctions in place, the minister Anna Berg said.",
     "Berg", "open", "sanctions"),
    ("The minister Ivan Petrovic said it is in the interest of Serbia to refrain from joining sanctions.",
     "Petrovic", "rejects", "sanctions"),
]


@pytest.mark.parametrize(("text", "holder", "stance", "topic"), SAID)
def test_in_interest(extract, text, holder, stance, topic):
    found = [p for p in positions_of(extract, text) if topic in p.topic]
    assert found and all(holder in p.holder and p.stance == stance for p in found)


def test_an_interest_in_a_region_is_no_position(extract):
    assert positions_of(extract, "Russia has an interest in the region, the analyst said.") == []
