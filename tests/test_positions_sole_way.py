"""A course of action called the only or best way is asked for by whoever says so (issue 15, session 10):
"negotiation is the only way to end the war", "the only solution is a ceasefire"; a bare "this is the
only way" or a denied one states nothing. Sentences written for these tests."""

from __future__ import annotations

import pytest

from positions_support import positions_of

ASKED = [
    ("Negotiation is the only way to end the war, the cardinal Pietro Rossi said.", "Rossi", "Negotiation"),
    ("The only solution is a ceasefire, the Turkish president said.", "president", "ceasefire"),
    ("The only way out is to negotiate with Moscow, the prime minister Viktor Orban said.",
     "Orban", "negotiat"),
    ("The Baltic leaders insisted that pushing back the invasion was the only way to restore peace.",
     "leaders", "pushing back"),
]


@pytest.mark.parametrize(("text", "holder", "topic"), ASKED)
def test_only_way_is_asked_for(extract, text, holder, topic):
    found = [p for p in positions_of(extract, text) if topic in p.topic]
    assert found and all(holder in p.holder and p.stance == "open" for p in found)


@pytest.mark.parametrize(
    "text",
    [
        '"This is the only way," the president Anna Lind said.',
        "Sanctions are not the only way to pressure Moscow, the minister said.",
        "The bridge is the only way to reach the city, the governor said.",
    ],
)
def test_no_course_of_action(extract, text):
    assert positions_of(extract, text) == []
