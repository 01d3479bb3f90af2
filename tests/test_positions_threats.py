"""A threat that another party will pay a penalty is the speaker's conditional position (issue 15,
session 9): "Russia would pay a heavy price if it invaded", "will face severe consequences if it uses
chemical weapons"; a penalty with no cause named, or a hardship people will bear, is none. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from positions_support import positions_of

THREATS = [
    ("Biden warned that Russia would pay a heavy price if it invaded Ukraine.", "Biden", "price"),
    ("Moscow will face severe consequences if it uses chemical arms, Truss said.", "Truss", "consequence"),
    ('"They will pay a steep price for doing so," the president said.', "president", "price"),
    ("EU leaders repeated warnings that Moscow would pay a high price for an attack.", "leaders", "price"),
]


@pytest.mark.parametrize(("text", "holder", "topic"), THREATS)
def test_threat_is_the_speakers_condition(extract, text, holder, topic):
    found = [p for p in positions_of(extract, text) if topic in p.topic]
    assert found and all(holder in p.holder and p.stance == "conditional" and p.conditions for p in found)


@pytest.mark.parametrize(
    "text",
    [
        "Ordinary Russians will pay the price for the war, the economist said.",
        "Russia will pay a heavy price, the minister said.",
    ],
)
def test_no_threat_without_cause_or_party(extract, text):
    assert positions_of(extract, text) == []
