"""Giving up named land is a concession; a capital the tagger read as an adjective is still its state."""

from __future__ import annotations


def _found(nlp, text: str) -> list[tuple[str, str, str]]:
    return [(p.holder, p.stance, p.topic) for p in nlp(text)._.sitrep_positions]


def test_never_give_up_a_named_region(nlp) -> None:
    found = _found(nlp, "Tbilisi will never give up Abkhazia, the Georgian premier said.")
    assert any(s == "rejects" and "Abkhazia" in t for _h, s, t in found), found


def test_a_particle_still_makes_another_verb(nlp) -> None:
    assert _found(nlp, "The minister gave up smoking last year.") == []


def test_capital_holder_is_its_state(nlp) -> None:
    found = _found(nlp, "Kyiv demands the withdrawal of all Russian troops.")
    assert any(h.startswith("Ukraine") and "withdrawal" in t for h, _s, t in found), found


def test_resolve_names_a_course_of_action_outside_the_topic_list(nlp) -> None:
    found = _found(nlp, "The mayor of Sumy said he was determined to keep the city free.")
    assert any(s == "open" and "keeping the city free" in t for _h, s, t in found), found


def test_a_promise_to_comment_later_is_no_course_of_action(nlp) -> None:
    assert _found(nlp, "The ministry promised to comment later.") == []
