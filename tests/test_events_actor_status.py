"""Actors through appositions, acronyms, states and belligerents; statuses of speech acts, inverted
conditions, settings and factive verbs under negation (issue 15, session 6). Sentences written for
these tests."""

from __future__ import annotations

import pytest

from events_support import events_of


def _by_trigger(extract, text: str) -> dict[str, tuple[str | None, str | None, str]]:
    return {ev.trigger.text: (ev.actor, ev.target, ev.status) for ev in events_of(extract, text)}


ACTORS = [
    # (text, trigger, actor)
    # "US" in capitals is the state, never the speaker's "us"
    ("US sanctions on Belarus will be tougher than before, the senator told reporters.", "sanctions", "US"),
    # sanctions are a state's act: the leader who imposes them acts for the state
    ("Joe Biden announced new sanctions on Belarusian potash exporters on Tuesday.", "sanctions", "US"),
    # ... other deeds stay the person's
    ("Joe Biden threatened Minsk with consequences on Tuesday.", "threatened", "Joe Biden"),
    # a belligerent's killing told without a killer: no guess outside the war
    ("A Russian businessman was killed in Vienna, police in Ukraine and Austria said.", "killed", None),
    # ... a belligerent's people killed: the state at war with them
    ("Ukrainians are being killed every day, the Latvian minister said, blaming Russia.", "killed", "Russia"),
    # "between the two sides" names nobody: the host holds the talks
    (
        "The rebellion ended on Sunday after Kazakhstan held negotiations between the two sides.",
        "negotiations",
        "Kazakhstan",
    ),
    # a side adjective the tagger left untyped
    (
        "Moscow raised taxes to pay for the war and for western sanctions on its banks.",
        "sanctions",
        "Western",
    ),
    # the supply of a side's weapons is that side's aid
    ("The Kremlin condemned the delivery of western howitzers to Ukraine last month.", "delivery", "Western"),
]


@pytest.mark.parametrize("text,trigger,actor", ACTORS)
def test_actor(extract, text, trigger, actor):
    assert _by_trigger(extract, text)[trigger][0] == actor


STATUSES = [
    # (text, trigger, status)
    (
        "Were Iran to ship drones to Venezuela, the senator said, Washington would respond.",
        "ship",
        "speculated",
    ),
    # a factive verb keeps its object under negation
    (
        "The mayor did not ignore the shelling of Kharkiv by Russian artillery last week.",
        "shelling",
        "reported",
    ),
    # "following" parsed as a verb still sets a known scene
    (
        "The ministry said on Monday it had lost contact with the colonel following his failed mutiny "
        "against the defence minister.",
        "mutiny",
        "reported",
    ),
]


@pytest.mark.parametrize("text,trigger,status", STATUSES)
def test_status(extract, text, trigger, status):
    assert _by_trigger(extract, text)[trigger][2] == status


def test_a_description_in_apposition_acts_through_its_name(extract):
    text = (
        "One of the loudest critics of the government, a senior lawyer, Petro Hnatiuk, urged the deputies "
        "to vote against the bill."
    )
    actor, _, status = _by_trigger(extract, text)["urged"]
    assert actor == "Petro Hnatiuk"
    assert status == "reported"  # the outlet reports his appeal: it is no claim of his


def test_a_belligerents_losses_told_without_a_killer_are_the_other_sides(extract):
    text = (
        "According to the daily report of the Ukrainian General Staff, 940 Russian soldiers were "
        "eliminated over the past day near Bakhmut."
    )
    actor, _, status = _by_trigger(extract, text)["eliminated"]
    assert actor == "Ukrainian forces"
    assert status == "announced"  # Ukraine's own staff tells of Ukraine's deed
