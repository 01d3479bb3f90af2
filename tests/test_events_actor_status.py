"""Actors through appositions and acronyms, statuses of speech acts, inverted conditions and factive
verbs under negation (issue 15, session 6). Sentences written for these tests."""

from __future__ import annotations

from events_support import events_of


def _by_trigger(extract, text: str) -> dict[str, tuple[str | None, str | None, str]]:
    return {ev.trigger.text: (ev.actor, ev.target, ev.status) for ev in events_of(extract, text)}


def test_us_in_capitals_is_the_state_not_the_speakers_we(extract):
    text = "US sanctions on Belarus will be tougher than before, the senator told reporters."
    assert _by_trigger(extract, text)["sanctions"][0] == "US"


def test_a_description_in_apposition_acts_through_its_name(extract):
    text = (
        "One of the loudest critics of the government, a senior lawyer, Petro Hnatiuk, urged the deputies "
        "to vote against the bill."
    )
    actor, _, status = _by_trigger(extract, text)["urged"]
    assert actor == "Petro Hnatiuk"
    assert status == "reported"  # the outlet reports his appeal: it is no claim of his


def test_an_inverted_condition_is_speculated(extract):
    text = "Were Iran to ship drones to Venezuela, the senator said, Washington would respond."
    found = _by_trigger(extract, text)
    assert found["ship"][2] == "speculated"


def test_a_negated_factive_verb_does_not_deny_its_object(extract):
    text = "The mayor did not ignore the shelling of Kharkiv by Russian artillery last week."
    found = _by_trigger(extract, text)
    assert found["shelling"][2] == "reported"
