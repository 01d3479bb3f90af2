"""Session 11 (issue 15): a topic phrase runs across the quotation marks of a quoted fragment ('would
"use all means" to defend ...'), and a topic verb keeps the clause it takes as its object ("help the
authorities return men"). Sentences written for these tests."""

from __future__ import annotations

from positions_support import positions_of


def test_topic_runs_across_quoted_fragment(extract):
    text = (
        'In a speech, Ivan Petrov raised the stakes, saying he would "use every means" to protect the border'
        " regions."
    )
    found = positions_of(extract, text)
    assert found and any(p.topic.startswith("using every means to protect") for p in found)
    assert all('"' not in p.topic for p in found)


def test_topic_verb_keeps_its_clause(extract):
    text = "Latvia and Estonia said they are prepared to help Ukrainian officials return draft evaders."
    found = positions_of(extract, text)
    assert found and any("return draft evaders" in p.topic for p in found)


def test_asked_only_to_say_is_no_position(extract):
    """ "called on X to state that ...": the words asked for are no course of action (session 11b)."""
    text = (
        "In an open letter, the journalists' union called on foreign editors to state clearly that the"
        " sanctions on Moscow have been justified."
    )
    assert positions_of(extract, text) == []


def test_asked_to_act_is_still_a_position(extract):
    text = "The union called on the government to impose sanctions on Moscow."
    found = positions_of(extract, text)
    assert found and any("sanctions" in p.topic for p in found)
