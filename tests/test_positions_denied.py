"""A plan or an aim that its party denies is a refusal (issue 15, session 9): "denies any intention to
invade", "denied plans to attack", "denies it is planning an attack". Sentences written for these tests."""

from __future__ import annotations

import pytest

from positions_support import positions_of

DENIED = [
    ("The Kremlin denies any intention to invade Ukraine.", "Kremlin", "invad"),
    ("Moscow has repeatedly denied plans to attack its neighbour.", "Russia", "attack"),
    ("Russia denies it is planning an attack on Ukraine.", "Russia", "attack"),
]


@pytest.mark.parametrize(("text", "holder", "topic"), DENIED)
def test_denied_plan_is_refused(extract, text, holder, topic):
    found = [(p.holder, p.stance) for p in positions_of(extract, text) if topic in p.topic]
    assert found and all(holder in h and stance == "rejects" for h, stance in found)


def test_plan_without_denial_is_no_stance(extract):
    assert positions_of(extract, "Russia is planning an attack on the port, officials believe.") == []
