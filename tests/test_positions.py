"""Positions: who is open to what, on which conditions, or refuses it."""

from __future__ import annotations

import pytest


def positions_of(extract, text: str):
    report = extract(text)
    for pos in report.positions:
        assert len(pos.conditions) == len(pos.condition_spans) == len(pos.condition_negated)
        for cond, (s, e) in zip(pos.conditions, pos.condition_spans, strict=True):
            assert text[s:e] == cond
        if pos.span is not None:
            assert 0 <= pos.span[0] < pos.span[1] <= len(text)
    return report.positions


CASES = [
    # (text, holder contains, topic: the phrase that names it, stance, number of conditions)
    (
        "Armenia's prime minister said he was open to peace talks with Azerbaijan.",
        "armenia",
        "peace talks with Azerbaijan",
        "open",
        0,
    ),
    (
        "The Houthis said they were ready to negotiate with Saudi Arabia.",
        "houthis",
        "negotiating with Saudi Arabia",
        "open",
        0,
    ),
    ("Hamas is willing to extend the truce, a spokesman said.", "hamas", "extending the truce", "open", 0),
    (
        "The junta rejected any ceasefire talks with the rebels.",
        "junta",
        "ceasefire talks with the rebels",
        "rejects",
        0,
    ),
    ("Moscow has ruled out negotiations with Kyiv.", "russia", "negotiations with Kyiv", "rejects", 0),
    (
        "The Kremlin said it was not open to talks on those terms.",
        "kremlin",
        "talks on those terms",
        "rejects",
        0,
    ),
    (
        "The government refused to negotiate with the M23 rebels.",
        "government",
        "negotiating with the M23 rebels",
        "rejects",
        0,
    ),
]


@pytest.mark.parametrize(("text", "holder", "topic", "stance", "n"), CASES)
def test_open_and_rejecting_positions(extract, text, holder, topic, stance, n):
    found = positions_of(extract, text)
    assert found, "no position found"
    pos = found[0]
    assert holder in pos.holder.lower()
    assert pos.topic == topic
    assert pos.stance == stance
    assert len(pos.conditions) == n


def test_three_coordinated_conditions_are_three(extract):
    text = (
        "Ukraine's foreign minister said on Monday that Kyiv was open to peace talks, but only on the "
        "condition that Russia withdraw its troops, release all prisoners and pay for the reconstruction."
    )
    (pos,) = positions_of(extract, text)
    assert pos.stance == "conditional"
    assert pos.conditions == [
        "Russia withdraw its troops",
        "release all prisoners",
        "pay for the reconstruction",
    ]
    assert pos.condition_negated == [False, False, False]
    assert "kyiv" in pos.holder.lower() or "ukraine" in pos.holder.lower()


@pytest.mark.parametrize(
    ("text", "conditions"),
    [
        (
            "Azerbaijan is ready to sign a peace deal provided that Armenia recognises its borders.",
            ["Armenia recognises its borders"],
        ),
        (
            "The opposition said it was willing to negotiate as long as the arrests stopped"
            " and the bill was dropped.",
            ["the arrests stopped", "the bill was dropped"],
        ),
        (
            "Tigrayan leaders said they were open to talks if federal troops left the region.",
            ["federal troops left the region"],
        ),
    ],
)
def test_condition_markers(extract, text, conditions):
    (pos,) = positions_of(extract, text)
    assert pos.stance == "conditional"
    assert pos.conditions == conditions


def test_unless_is_a_negated_condition_of_an_offer(extract):
    (pos,) = positions_of(extract, "Israel said it was open to a truce unless Hamas fired more rockets.")
    assert pos.stance == "conditional"
    assert pos.conditions == ["Hamas fired more rockets"]
    assert pos.condition_negated == [True]


def test_refusal_until_or_unless_is_a_conditional_offer(extract):
    (pos,) = positions_of(
        extract, "Georgia's opposition will not negotiate until the foreign agents law is withdrawn."
    )
    assert pos.stance == "conditional"
    assert pos.conditions == ["the foreign agents law is withdrawn"]
    assert pos.condition_negated == [False]
    (pos,) = positions_of(extract, "Serbia will not negotiate unless Kosovo withdraws its special police.")
    assert pos.stance == "conditional" and pos.condition_negated == [False]


def test_talks_can_begin_only_if(extract):
    found = positions_of(
        extract, "Kyiv's negotiator said talks could begin only if Russian troops left Ukraine."
    )
    assert found and found[0].stance == "conditional"
    assert found[0].conditions == ["Russian troops left Ukraine"]


def test_position_in_a_statement_names_the_statement(extract):
    text = "Russia has said it is open to talks, and this week it moved troops to the border."
    report = extract(text)
    (pos,) = [p for p in report.positions if "talks" in p.topic]
    assert "russia" in pos.holder.lower()
    if report.statements:
        assert pos.statement in {s.id for s in report.statements}


def test_no_position_without_a_topic(extract):
    assert not positions_of(extract, "The soldiers said they were ready to fight for every street.")
