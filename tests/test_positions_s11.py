"""Session 11 (issue 15): a topic phrase runs across the quotation marks of a quoted fragment ('would
"use all means" to defend ...'), and a topic verb keeps the clause it takes as its object ("help the
authorities return men"). Sentences written for these tests."""

from __future__ import annotations

from positions_support import positions_of

POLL = (
    "In the poll, 80% of Estonians were against any territorial concessions, while 12% were ready for them."
)


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


def test_object_pronoun_takes_up_earlier_topic(extract):
    """ "... ready for them": the object pronoun is about the topic named before it (session 11b)."""
    text = POLL
    found = positions_of(extract, text)
    ready = [p for p in found if p.stance == "open"]
    assert ready and ready[0].topic == "territorial concessions"


def test_object_pronoun_from_sentence_before(extract):
    text = (
        "The minister said he had asked Moscow for the tactical nuclear weapons."
        ' "I demanded them back," he said.'
    )
    found = positions_of(extract, text)
    assert found and any("nuclear weapons" in p.topic for p in found)


def test_object_pronoun_for_a_party_is_not_a_topic(extract):
    text = "We will not send troops to Ukraine, but we will support it in many ways, the president said."
    found = positions_of(extract, text)
    assert not any(p.topic == "Ukraine" for p in found)


def test_bare_share_counts_the_group_named_before(extract):
    text = POLL
    found = positions_of(extract, text)
    assert any(p.holder == "12% of Estonians" for p in found)
