"""Stated aims and hopes for a course of action; resisting one refuses it."""

from __future__ import annotations


def _found(nlp, text: str) -> list[tuple[str, str, str]]:
    return [(p.holder, p.stance, p.topic) for p in nlp(text)._.sitrep_positions]


def test_an_aim_is_what_the_copula_says(nlp) -> None:
    found = _found(nlp, "Serbia's aim was to block Kosovo's membership of the Council of Europe.")
    assert any(h == "Serbia" and "Kosovo" in t for h, _s, t in found), found


def test_hoping_to_names_the_course_of_action(nlp) -> None:
    found = _found(nlp, "Georgia is hoping to export more wine through the Black Sea ports.")
    assert any(h == "Georgia" and s == "open" and "export" in t for h, s, t in found), found


def test_a_hope_in_a_clause_is_no_position(nlp) -> None:
    assert _found(nlp, "Estonia hopes the new package will change minds in Moscow.") == []


def test_resisting_a_course_of_action_refuses_it(nlp) -> None:
    found = _found(nlp, "India, which has so far resisted imposing sanctions on Moscow, abstained.")
    assert any(h == "India" and s == "rejects" and "sanctions" in t for h, s, t in found), found


def test_ready_to_meet_the_other_side(nlp) -> None:
    found = _found(nlp, "Erdogan said he was ready to meet Assad in Moscow.")
    assert any(s == "open" and "meeting Assad" in t for _h, s, t in found), found


def test_a_meeting_that_happened_is_no_position(nlp) -> None:
    assert _found(nlp, "Erdogan met Assad in Moscow on Monday.") == []
