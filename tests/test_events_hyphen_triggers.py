"""Triggers the tokenizer splits at a hyphen ("build-ups"), supplies counted by a quantity phrase ("vast
numbers of drones"), campaigns named by a military modifier and assassinations (issue 15, session 8).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from events_support import events_of

FOUND = [
    (
        "Lithuania began a large build-up of troops near the Belarusian border on Monday.",
        "build-up",
        "mobilize",
    ),
    (
        "Eastern allies have undertaken historic build-ups of their armies since 2022.",
        "build-ups",
        "mobilize",
    ),
    ("The pull-out of Chadian troops from the north began on Friday.", "pull-out", "retreat"),
    ("The junta has furnished the rebels with vast numbers of mortars and rifles.", "furnished", "aid"),
    (
        "Sudanese forces launched a new offensive campaign in Darfur on Tuesday.",
        "offensive campaign",
        "attack",
    ),
    ("The Kremlin ordered nuclear drills near the Finnish border on Monday.", "nuclear drills", "mobilize"),
    ("Gunmen tried to assassinate the governor of Kivu on Sunday, police said.", "assassinate", "kill"),
]


@pytest.mark.parametrize(("text", "trigger", "etype"), FOUND)
def test_trigger_found(extract, text: str, trigger: str, etype: str) -> None:
    assert (trigger, etype) in [(ev.trigger.text, ev.type) for ev in events_of(extract, text)]


def test_hyphenated_word_outside_the_lexicon_is_no_trigger(extract) -> None:
    text = "The follow-up of the summit in Minsk was quiet, diplomats said on Monday."
    assert not [ev for ev in events_of(extract, text) if "follow" in ev.trigger.text]


def test_furnishing_without_materiel_is_no_aid(extract) -> None:
    text = "The ministry furnished the reporters with a long list of names on Monday."
    assert not [ev for ev in events_of(extract, text) if ev.type == "aid"]
