"""A holder named in a translated Polish report keeps the English spelling of the name (issue 15,
session 9): "Wołodymyr Zełenski" is Volodymyr Zelensky, "Ławrow" is Lavrov; a Polish surname that is
no such variant stays as written. Sentences written for these tests."""

from __future__ import annotations

import pytest

from positions_support import positions_of
from sitrep.components.positions.affiliations import english_spelling


@pytest.mark.parametrize(
    ("name", "english"),
    [
        ("Wołodymyr Zełenski", "Volodymyr Zelensky"),
        ("President Wołodymyr Zelnski", "President Volodymyr Zelensky"),
        ("Siergiej Ławrow (Russia)", "Sergei Lavrov (Russia)"),
        ("Radosław Sikorski", "Radosław Sikorski"),
    ],
)
def test_english_spelling(name, english):
    assert english_spelling(name) == english


def test_polish_spelling_of_holder(extract):
    text = "Wołodymyr Zełenski rejected any ceasefire that would leave Russian troops on Ukrainian land."
    holders = [p.holder for p in positions_of(extract, text) if "ceasefire" in p.topic]
    assert holders and all("Zelensky" in h for h in holders)
