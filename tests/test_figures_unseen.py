"""Figures and claimants that unseen real news showed missing (issue 15, session 6): speeches reprinted
under a "Full text of X's speech" heading, a speaker described first and named in apposition, vague
money, numbers listed as alternatives, and labels such as "day 48" (sentences written for sitrep)."""

from __future__ import annotations

import pytest


def _figures(extract, text: str) -> list:
    rep = extract(text)
    for q in rep.quantities:
        assert text[q.span[0] : q.span[1]] == q.text
    return rep.quantities


def _one(extract, text: str, surface: str):
    got = [q for q in _figures(extract, text) if surface in q.text]
    assert got, (surface, [q.text for q in _figures(extract, text)])
    return got[0]


# text, figure, a word the claimant must hold
CLAIMED = [
    (
        "Full text of Petrenko's speech at the Vilnius Forum Friends, we are tired of waiting.\n\n"
        "Every night 40 shells fall on our villages. We have lost thousands of homes.",
        "40",
        "Petrenko",
    ),
    (
        "Transcript of Mayor Novak's address to the city council\n\n"
        "We opened 12 shelters this winter. Nobody will be left in the cold.",
        "12",
        "Novak",
    ),
    (
        "The co-organizer of the march, Petra Dvorakova, noted that at least 3,000 people had signed up.",
        "3,000",
        "Petra Dvorakova",
    ),
    (
        "The head of the regional fire service, Tomas Berger, said that 14 houses had burned down.",
        "14",
        "Tomas Berger",
    ),
]


@pytest.mark.parametrize(("text", "surface", "claimant"), CLAIMED)
def test_claimant(extract, text: str, surface: str, claimant: str) -> None:
    q = _one(extract, text, surface)
    assert q.claimant is not None and claimant in q.claimant.name


def test_speech_heading_needs_a_heading(extract) -> None:
    """A figure after a plain news paragraph about a speech keeps no speaker from the word 'speech'."""
    text = "The minister's speech at the forum was short.\n\nThe city has 12 shelters, the outlet found."
    q = _one(extract, text, "12")
    assert q.claimant is None or "minister" not in q.claimant.name.lower()


@pytest.mark.parametrize(
    ("text", "surface", "low", "high"),
    [
        ("The assembly approved billions of dollars in aid for farmers.", "billions", 2e9, 999999999999),
        (
            "The state lost hundreds of millions of euros in the scheme.",
            "hundreds of millions",
            2e8,
            999999999,
        ),
    ],
)
def test_vague_money(extract, text: str, surface: str, low: float, high: float) -> None:
    q = _one(extract, text, surface)
    assert q.vague and q.low == low and q.high == high


def test_listed_alternatives_are_not_a_range(extract) -> None:
    text = "Whether they send 20,000, 80,000 or 2 million soldiers to the border, we will hold."
    got = {q.text: (q.low, q.high) for q in _figures(extract, text)}
    assert got.get("80,000") == (80000, 80000)
    assert got.get("2 million") == (2000000, 2000000)


def test_or_range_without_a_list(extract) -> None:
    q = _one(extract, "Two or three villages were shelled overnight.", "or")
    assert (q.low, q.high, q.qualifier) == (2, 3, "range")


@pytest.mark.parametrize(
    "text",
    [
        "On day 48 of the war, the governor visited the port.",
        "Day 100 of the siege began with shelling.",
        "In week 3, the talks stalled.",
    ],
)
def test_day_label_is_no_figure(extract, text: str) -> None:
    assert _figures(extract, text) == []


def test_day_with_a_count_is_a_figure(extract) -> None:
    q = _one(extract, "On the first day 48 people were evacuated.", "48")
    assert q.low == 48


def test_apposed_name_the_tagger_misses(extract) -> None:
    """'The governor of X, Name Surname, wrote': the name in apposition, even when its first word is
    tagged a place."""
    text = "The governor of Kherson, Oleksandr Prokudin, wrote on Telegram that 5 civilians were killed."
    q = _one(extract, text, "5")
    assert q.claimant is not None and q.claimant.name.endswith("Prokudin")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The agency counted 8.2 million refugees in the region.", "8.2 million", 8200000),
        ("Farmers exported 0.3 million tonnes of grain.", "0.3 million", 300000),
    ],
)
def test_decimal_times_scale_is_exact(extract, text: str, surface: str, value: int) -> None:
    q = _one(extract, text, surface)
    assert q.low == value and q.high == value


def test_share_of_a_counted_whole(extract) -> None:
    """'Less than half of the 43 heads of state': the share and the whole are two figures; 'the first
    half of 2022' stays a time."""
    got = {q.text: q for q in _figures(extract, "Less than half of the 43 heads of state came.")}
    assert got["Less than half"].high == 50 and got["43"].low == 43
    assert _figures(extract, "In the first half of 2022, exports fell.") == []


def test_subjectless_said_after_an_apposed_name(extract) -> None:
    """The parse leaves 'said' without a subject; the name set off by commas before it claims."""
    text = "In a post on Telegram, the mayor of Kharkiv, Ihor Terekhov, said 9 people were injured."
    q = _one(extract, text, "9")
    assert q.claimant is not None and q.claimant.name == "Ihor Terekhov"


def test_count_before_an_acronym_compound(extract) -> None:
    """'three US-made launchers' counts launchers; the acronym is no model number."""
    q = _one(extract, "The army said it had destroyed three US-made launchers.", "three")
    assert q.low == 3
