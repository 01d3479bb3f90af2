"""Quantities: cases found by the held-out end-to-end set (informants, conversions, decimals, signs)."""

from __future__ import annotations

import pytest


def _quantities(extract, sentence):
    rep = extract(sentence)
    for q in rep.quantities:
        assert sentence[q.span[0] : q.span[1]] == q.text
    return rep.quantities


@pytest.mark.parametrize(
    "sentence",
    [
        "The attack happened near the town, according to two officials who asked not to be named.",
        "American warplanes struck radar sites overnight, two U.S. officials said.",
        "Two officials who spoke on condition of anonymity said the talks had stalled.",
    ],
)
def test_informant_counts_are_not_claims(extract, sentence):
    assert _quantities(extract, sentence) == []


def test_an_informant_noun_with_a_relative_clause_of_its_own_is_still_counted(extract):
    qs = _quantities(
        extract, "The State Department designated three officials it said were involved in the case."
    )
    assert [(q.text, q.subject) for q in qs] == [("three", "officials")]


def test_a_bracketed_conversion_is_not_a_second_claim(extract):
    qs = _quantities(extract, "He said Russian forces had advanced up to 10km (6 miles) into the region.")
    assert [q.text for q in qs] == ["up to 10km"]


@pytest.mark.parametrize(
    "sentence, surface, low",
    [
        (
            "The United Nations said roughly 1.87 million Gazans have been forced from their homes.",
            "roughly 1.87 million",
            1870000,
        ),
        ("Some 1.25 million people have fled the fighting.", "Some 1.25 million", 1250000),
    ],
)
def test_two_decimals_before_a_scale_word_are_no_clock_time(extract, sentence, surface, low):
    q = next(q for q in _quantities(extract, sentence) if q.text == surface)
    assert (q.low, q.high, q.qualifier) == (low, low, "approximate")
    assert "displaced" in q.outcome or "fled" in q.outcome


def test_a_bound_before_a_currency_sign(extract):
    (q,) = _quantities(extract, "A donor conference raised pledges of about $1.5 billion.")
    assert (q.text, q.low, q.qualifier, q.unit, q.currency) == (
        "about $1.5 billion",
        1500000000,
        "approximate",
        "money",
        "USD",
    )


@pytest.mark.parametrize(
    "sentence, surface, outcome",
    [
        ("It said its troops had neutralised around 30 assailants.", "around 30", "killed"),
        (
            "Violence has forced more than two million people from their homes.",
            "more than two million",
            "displaced",
        ),
        ("The group said its fighters had seized dozens of weapons.", "dozens", "captured"),
        ("We received 26 bodies and more than 55 wounded, the doctor said.", "26", "killed"),
        ("We received 26 bodies and more than 55 wounded, the doctor said.", "more than 55", "wounded"),
    ],
)
def test_outcomes_from_wire_vocabulary(extract, sentence, surface, outcome):
    q = next(q for q in _quantities(extract, sentence) if q.text == surface)
    assert q.outcome == [outcome]


def test_a_number_before_a_compound_noun_is_no_designation(extract):
    qs = _quantities(extract, "Troops found three tunnel shafts near the crossing.")
    assert [q.text for q in qs] == ["three"]


def test_one_speaker_is_an_informant_but_one_casualty_a_claim(extract):
    assert _quantities(extract, "One woman said she hid under the bodies of her relatives.") == []
    (q,) = _quantities(extract, "One soldier was killed, officials said.")
    assert (q.text, q.low, q.outcome) == ("One", 1, ["killed"])
