"""Positions as war news states them (issue 15): weapons, troops, membership, concessions, sanctions,
in refusals, demands, judgements and commitments. Sentences written for these tests."""

from __future__ import annotations

import pytest

from positions_support import positions_of

CASES = [
    # (text, holder contains, a word of the topic, stance)
    ("Hungary will not send weapons to Ukraine, its foreign minister said.", "hungary", "weapons", "rejects"),
    ("Most Finns are against any territorial concessions to Moscow.", "finns", "concessions", "rejects"),
    ("Georgia wants to join the European Union.", "georgia", "join", "open"),
    ("Moldova's demands for security guarantees were ignored.", "moldova", "guarantees", "open"),
    (
        "The parliament urged foreign media to avoid calling the war a conflict.",
        "parliament",
        "calling",
        "rejects",
    ),
    (
        "We will support Kyiv with more artillery, the Dutch defence minister said.",
        "minister",
        "support",
        "open",
    ),
    (
        "Latvia's president said there can be no impunity for the deportations.",
        "latvia",
        "impunity",
        "rejects",
    ),
    ("63% of Poles support sending more tanks to Ukraine.", "63% of poles", "tanks", "open"),
    ("The Baltic states say the West must send more air defence systems to Kyiv.", "baltic", "send", "open"),
]


@pytest.mark.parametrize(("text", "holder", "topic_word", "stance"), CASES)
def test_stated_positions(extract, text, holder, topic_word, stance):
    found = [p for p in positions_of(extract, text) if topic_word in p.topic.lower()]
    assert found, f"no position about {topic_word!r}: {positions_of(extract, text)}"
    pos = found[0]
    assert holder in pos.holder.lower()
    assert pos.stance == stance


def test_what_the_kremlin_considers_unacceptable(extract):
    text = "Armenia wants to join NATO, which the Kremlin considers unacceptable."
    found = positions_of(extract, text)
    kremlin = [p for p in found if "kremlin" in p.holder.lower()]
    assert kremlin and kremlin[0].stance == "rejects"
    assert "nato" in kremlin[0].topic.lower()
    assert any("armenia" in p.holder.lower() and p.stance == "open" for p in found)


def test_a_threat_under_a_condition_is_a_conditional_position(extract):
    text = (
        "The EU will impose new sanctions on Minsk in the event of another forced landing, "
        "the commission said."
    )
    (pos,) = [p for p in positions_of(extract, text) if "sanctions" in p.topic]
    assert pos.stance == "conditional"
    assert pos.conditions == ["another forced landing"]


def test_a_plan_without_condition_or_own_voice_is_no_position(extract):
    assert not positions_of(extract, "Analysts say Russia will send more troops to the south.")


def test_even_if_is_no_condition(extract):
    found = positions_of(extract, "Lithuania is ready to send troops even if the alliance hesitates.")
    assert found and found[0].stance == "open" and not found[0].conditions


def test_an_undergone_consequence_is_no_commitment(extract):
    assert not positions_of(extract, "If the talks fail, the region would suffer new sanctions.")


def test_a_forecast_is_no_position(extract):
    assert not positions_of(extract, "A wider war is possible next year, the analyst said.")
