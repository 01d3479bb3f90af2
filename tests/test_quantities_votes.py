"""Vote tallies are two figures, the votes for and against; scores, ranges and model numbers stay as
they were."""

from __future__ import annotations

import pytest


def _figures(report):
    return [(q.text, q.low, q.unit, q.subject) for q in report.quantities]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("The chamber backed the loan on Friday. The final vote was 212 to 31.", "212", "31"),
        ("The assembly approved the motion by a vote of 98 to 4 after a long debate.", "98", "4"),
        ("Deputies voted 301-12 to extend martial law.", "301", "12"),
        ("The sanctions bill passed 61-38 in the upper house.", "61", "38"),
        ("The court ruled by a 7-2 vote.", "7", "2"),  # once a non-figure here; votes count people
    ],
)
def test_a_vote_tally_gives_the_votes_for_and_against(extract, text, first, second):
    got = {q.text: q for q in extract(text).quantities}
    assert got[first].unit == "votes" and got[first].subject == "votes for"
    assert got[second].unit == "votes" and got[second].subject == "votes against"
    assert got[first].low == int(first) and got[second].low == int(second)
    assert not got[first].referent.countable  # a vote is no running total of anything


def test_a_tally_keeps_its_claimant(extract):
    text = "The final vote was 57 to 40, the speaker's office said on Monday."
    got = {q.text: q for q in extract(text).quantities}
    assert got["57"].claimant is not None and "speaker" in got["57"].claimant.name.lower()
    assert got["40"].claimant is not None


@pytest.mark.parametrize(
    "text",
    [
        "Kharkiv won the cup final 3-1 on Sunday evening.",  # a score: no vote word
        "Between 40 to 60 people were wounded in the strike.",  # a range, not a tally
        "Two Su-25 jets and a T-72 were destroyed near the river.",  # model numbers
    ],
)
def test_numbers_without_a_vote_are_no_tally(extract, text):
    assert all(q.unit != "votes" for q in extract(text).quantities), _figures(extract(text))


def test_a_number_of_thousands_of_digits_in_a_tally_is_no_figure_and_no_error(extract, caplog):
    huge = "7" * 6000
    report = extract(f"The final vote was 12-{huge} and the motion failed; then {huge} to 4.")
    assert all(len(q.text) < 100 for q in report.quantities)
    assert "Exceeds the limit" not in caplog.text
