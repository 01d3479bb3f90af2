"""A hope that talks or a truce will go ahead is openness to them (issue 15, session 9; the fresh gold
takes "Putin said he hoped dialogue would succeed" so): only when the hoped clause's subject names a
course of action. Sentences written for these tests."""

from __future__ import annotations

import pytest

from positions_support import positions_of

HOPES = [
    ("I hope the talks will resume soon, the envoy said.", "envoy", "talks"),
    ("The president said he hoped the ceasefire would hold.", "president", "ceasefire"),
]


@pytest.mark.parametrize(("text", "holder", "topic"), HOPES)
def test_hope_for_a_course_of_action(extract, text, holder, topic):
    found = [p for p in positions_of(extract, text) if topic in p.topic]
    assert found and all(holder in p.holder and p.stance == "open" for p in found)


def test_hope_about_another_party_is_none(extract):
    text = "Putin hoped that China would help him soften the sanctions, the CIA chief said."
    assert all("China" not in p.topic for p in positions_of(extract, text))
