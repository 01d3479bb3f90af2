"""Outcomes and courses of action as topics (issue 15, session 9): training troops, victory, liberating
land, funding; a readiness stated with a passive participle ("are committed to") is its subject's; a
subject that denies every party ("no one", "nobody") holds no position. Sentences written for these tests."""

from __future__ import annotations

import pytest

from positions_support import positions_of

HELD = [
    ("Britain offered to train Ukrainian pilots.", "UK", "training"),
    ("The Ukrainians are committed to victory on the battlefield.", "Ukrain", "victory"),
    ("The senator is seeking $20bn in extra funding for Kyiv.", "senator", "funding"),
]


@pytest.mark.parametrize(("text", "holder", "topic"), HELD)
def test_outcome_topic(extract, text, holder, topic):
    found = [p for p in positions_of(extract, text) if topic in p.topic]
    assert found and all(holder in p.holder and p.stance == "open" for p in found)


@pytest.mark.parametrize(
    "text",
    [
        "No one in Kyiv favours a peace deal at any price.",
        "Nobody wants a ceasefire on these terms.",
        "Here no one is interested in sanctions or a cold war.",
    ],
)
def test_nobody_holds_no_position(extract, text):
    assert positions_of(extract, text) == []


def test_boast_of_winning_is_no_position(extract):
    assert positions_of(extract, "Together we will win, the president told the crowd.") == []


def test_a_people_is_shown_with_its_state(extract):
    held = [p.holder for p in positions_of(extract, "The Russians want to talk, the analyst said.")]
    assert held == ["Russians (Russia)"]
