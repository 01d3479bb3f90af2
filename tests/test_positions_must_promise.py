"""A promise that someone must make is asked of them by the speaker (issue 15, session 9): "Russian
officials said NATO must promise not to admit Ukraine" is the officials' refusal of Ukraine's
membership, not NATO's openness. Sentences written for these tests."""

from __future__ import annotations

from positions_support import positions_of


def test_must_promise_not_is_the_speakers_refusal(extract):
    text = "Russian officials said NATO must promise not to allow Ukraine to join the alliance."
    found = [(p.holder, p.stance) for p in positions_of(extract, text)]
    assert found == [("Russian officials", "rejects")]


def test_plain_pledge_is_the_subjects(extract):
    found = [
        (p.holder, p.stance) for p in positions_of(extract, "Japan pledged $500 million in aid to Ukraine.")
    ]
    assert found == [("Japan", "open")]
