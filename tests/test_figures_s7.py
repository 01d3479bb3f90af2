"""Figures seen on unseen real news (issue 15, session 7), on sentences written for the tests."""

from __future__ import annotations

from typing import Any


def _figures(report: Any) -> dict[str, Any]:
    return {q.text: q for q in report.quantities}


def test_a_couple_of_a_scale_word_is_about_two_of_it(extract: Any) -> None:
    got = _figures(extract("The battalion lost a couple of hundred men, and a couple of dozen tanks burned."))
    assert got["a couple of hundred"].low == 200 and got["a couple of hundred"].high == 200
    assert got["a couple of hundred"].qualifier == "approximate"
    assert got["a couple of dozen"].low == 24
