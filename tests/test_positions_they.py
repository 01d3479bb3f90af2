"""A "they" as holder takes up the plural or coordinated subject of its sentence or the one before
(issue 15, session 9), not the last state named ("... the crisis in Myanmar. They called for ..." is
the ministers' call). Sentences written for these tests."""

from __future__ import annotations

import pytest

from positions_support import positions_of

THEY = [
    (
        "The Quad foreign ministers said they were worried about the crisis in Myanmar. "
        "They called for an end to violence.",
        "ministers",
    ),
    ("Germany and France held talks with Poland. They called for a ceasefire.", "Germany and France"),
]


@pytest.mark.parametrize(("text", "holder"), THEY)
def test_they_takes_up_the_plural_subject(extract, text, holder):
    held = [p.holder for p in positions_of(extract, text)]
    assert held and all(holder in h for h in held)


def test_he_takes_up_a_states_office(extract):
    text = "Hungary's prime minister met the delegation. He rejected any new sanctions on Russian gas."
    held = [p.holder for p in positions_of(extract, text)]
    assert held == ["Hungary's prime minister"]


def test_alliance_full_name_is_shortened(extract):
    held = [
        p.holder for p in positions_of(extract, "The North Atlantic Treaty Organization is ready to talk.")
    ]
    assert held == ["NATO"]
