"""A source standing alone before its figures ('According to figures checked by the BBC since May.') credits
the sentence after it; a complete sentence with its own verb does not."""

from __future__ import annotations


def test_a_lone_according_to_credits_the_next_sentence(extract):
    text = (
        "Losses among senior officers grew in the spring. According to figures checked by the BBC since May. "
        "Four colonels and 19 majors were killed. Nine more officers were wounded in a separate strike."
    )
    got = {q.text: q for q in extract(text, published="2023-07-11").quantities}
    assert got["Four"].claimant is not None and got["Four"].claimant.name == "BBC"
    assert got["19"].claimant is not None and got["19"].claimant.name == "BBC"
    assert got["Nine"].claimant is None  # only the sentence right after it


def test_a_full_sentence_with_according_to_credits_only_itself(extract):
    text = (
        "According to the regional governor, the shelling stopped at noon. "
        "Six houses were damaged in the village."
    )
    got = {q.text: q for q in extract(text, published="2023-07-11").quantities}
    assert got["Six"].claimant is None
