"""Judgements that refuse (issue 15, session 9): a denied "acceptable" or "possible" refuses what it
judges ("membership is not acceptable", "a ceasefire is not possible"), and a clause as the judged
subject is the topic ("sending tanks is unacceptable"); "not necessary" refuses nothing. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from positions_support import positions_of

REFUSED = [
    ("The Kremlin said Ukraine's membership in NATO is not acceptable.", "Kremlin", "membership"),
    ("The minister said sending tanks to Ukraine is unacceptable.", "minister", "tanks"),
    ("Scholz said that a ceasefire along the current front line is not possible.", "Scholz", "ceasefire"),
]


@pytest.mark.parametrize(("text", "holder", "topic"), REFUSED)
def test_refusing_judgement(extract, text, holder, topic):
    found = [p for p in positions_of(extract, text) if topic in p.topic]
    assert found and all(holder in p.holder and p.stance == "rejects" for p in found)


def test_not_necessary_refuses_nothing(extract):
    assert positions_of(extract, "It is not necessary to send more troops, the general said.") == []
