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


def _claimant(report: Any, surface: str) -> str | None:
    q = _figures(report)[surface]
    return q.claimant.name if q.claimant is not None else None


def test_that_clause_of_a_statement_is_what_the_speaker_said(extract: Any) -> None:
    report = extract("Norway's foreign ministry said in a statement that 14 diplomats would be expelled.")
    assert "ministry" in (_claimant(report, "14") or "")


def test_a_statement_without_author_speaks_for_whoever_spoke_before(extract: Any) -> None:
    text = (
        'The governor of the region said the city had been shelled overnight. "We will rebuild," '
        "Governor Olena Marchuk said. At least 35 homes were damaged, the statement said."
    )
    assert _claimant(extract(text), "At least 35") == "Olena Marchuk"


def test_setting_of_a_speech_is_still_no_claim(extract: Any) -> None:
    report = extract("The minister said at a meeting attended by 40 ambassadors that talks would go on.")
    assert _claimant(report, "40") is None


def test_quoted_words_after_a_statement_go_on_with_its_speaker(extract: Any) -> None:
    text = (
        "The coast guard said on Monday that the storm had passed. Nine of its boats were still "
        '"searching the northern coast for the missing fishermen and their crews," and more would follow.'
    )
    assert _claimant(extract(text), "Nine") == "coast guard"


def test_a_quoted_phrase_or_a_sentence_with_its_own_speaker_is_no_continuation(extract: Any) -> None:
    text = (
        "The coast guard said on Monday that the storm had passed. Nine boats were sent to what officials "
        'called "a rescue".'
    )
    assert _claimant(extract(text), "Nine") is None


def test_pct_and_hyphenated_percent_are_shares(extract: Any) -> None:
    got = _figures(extract("Inflation hit 15 pct in May, and fuel prices saw a 20-percent rise."))
    assert got["15 pct"].unit == "percent" and got["15 pct"].low == 15
    assert got["20-percent"].unit == "percent" and got["20-percent"].low == 20


def test_a_quarter_of_a_million_and_a_factor_of_four(extract: Any) -> None:
    got = _figures(extract("A quarter of a million people fled, and shelling rose by a factor of four."))
    assert got["A quarter of a million"].low == 250000 and got["A quarter of a million"].unit == "people"
    assert got["a factor of four"].low == 4 and got["a factor of four"].unit == "times"


def test_putting_a_toll_at_a_figure_claims_it(extract: Any) -> None:
    assert _claimant(extract("The regional governor put the death toll at 12."), "12") == "regional governor"
    assert _claimant(extract("Russia put 20 tanks on the border."), "20") is None


def test_a_statement_speaks_for_whoever_released_it(extract: Any) -> None:
    text = (
        'Kharkiv City Council released a statement on Sunday. "We will rebuild," Mayor Ihor Terekhov said. '
        "At least 35 homes were damaged, the statement said."
    )
    assert "Kharkiv City Council" in (_claimant(extract(text), "At least 35") or "")
