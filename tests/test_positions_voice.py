"""Whose stance it is, and when a sentence states none (issue 15): questions, forecasts about another
party, hopes, things and relative clauses as subjects, requests nested in requests, what is said inside
a condition or an accusation. Sentences written for these tests."""

from __future__ import annotations

import pytest

from positions_support import positions_of

NO_STANCE = [
    "Will Hungary ever agree to send weapons to Kyiv?",  # a question
    "Putin will not stop at Warsaw, the Polish prime minister warned.",  # a forecast about another
    "If Moscow wins, its army will not stop at the Dniester, the Moldovan president warned.",
    "History will not forget the crimes of this war.",  # a thing as subject
    "The equipment supports Ukrainian defence.",
    "They will punish those who support the invasion, the minister said.",  # describes others
    "I hope the weather will improve soon, the envoy said.",  # a hope about no course of action
    "Kyiv accused Minsk of backing the invasion.",  # an accusation
    "The EU has prepared a package of sanctions.",  # an act, not readiness
    "Voicing opposition to the war can lead to prison.",  # nobody's opposition
    "We will be dealing with more pressure on the border, the analyst said.",  # a progressive future
    "The winner might be unwilling to negotiate with anyone, the analyst said.",  # a guess
]


@pytest.mark.parametrize("text", NO_STANCE)
def test_no_stated_position(extract, text):
    assert positions_of(extract, text) == []


HELD = [
    # (text, holder contains, a word of the topic, stance)
    (
        "Estonian diplomats will not attend the ceremony in Moscow, the Estonian foreign minister said.",
        "estonia",
        "attend",
        "rejects",
    ),  # the speaker's own side: a refusal, not a forecast
    ("Many voters believe that the country should not send troops abroad.", "voters", "troops", "rejects"),
    (
        "Borders must not be changed by force, the Czech president said.",
        "czech president",
        "borders",
        "rejects",
    ),
    ("The peace proposal is unacceptable for Moscow, the analyst said.", "russia", "proposal", "rejects"),
    (
        "The United States and its allies are prepared to defend every inch of alliance territory.",
        "us and its allies",
        "defend",
        "open",
    ),
]


@pytest.mark.parametrize(("text", "holder", "topic_word", "stance"), HELD)
def test_holder_and_stance(extract, text, holder, topic_word, stance):
    found = [p for p in positions_of(extract, text) if topic_word in p.topic.lower()]
    assert found, positions_of(extract, text)
    assert holder in found[0].holder.lower()
    assert found[0].stance == stance


def test_holders_are_named_as_news_names_them(extract):
    (pos,) = positions_of(extract, "The European Union is ready to impose new sanctions on Minsk.")
    assert pos.holder == "EU"


def test_a_request_inside_a_request_is_one_position(extract):
    (pos,) = positions_of(extract, "The Vatican urged both sides to agree to a ceasefire.")
    assert pos.holder == "Vatican" and "ceasefire" in pos.topic


def test_what_is_said_inside_a_condition_is_no_position(extract):
    (pos,) = positions_of(extract, "Qatar is willing to mediate if both sides agree to release prisoners.")
    assert pos.holder == "Qatar" and pos.stance == "conditional"
    assert pos.conditions == ["both sides agree to release prisoners"]


def test_the_second_demand_keeps_its_owner(extract):
    text = "Belgrade ignored Pristina's demands to halt the exercises and give Kosovo security guarantees."
    found = positions_of(extract, text)
    assert found and all(p.holder == "Kosovo" for p in found)


def test_a_topic_named_by_a_bare_verb_is_named_as_a_noun(extract):
    (pos,) = positions_of(extract, "Belarus says it is ready to negotiate.")
    assert pos.topic == "negotiations" and pos.stance == "open"


def test_a_reason_is_no_part_of_the_topic(extract):
    text = "The Iranians signal that they want to talk despite the fact that the offer is poor."
    found = [p for p in positions_of(extract, text) if p.topic == "talks"]
    assert found and found[0].holder.startswith("Iran")


def test_a_passive_course_of_action_keeps_its_verb(extract):
    text = "The war in Donbas, which has lasted for years, must be ended now, the Estonian minister said."
    (pos,) = positions_of(extract, text)
    assert pos.topic == "war in Donbas ended" and pos.stance == "open"
