"""Verbs that name a kind of activity, a habit, a text's wording or a standing state of affairs rather
than a happening (issue 15, session 8), and the deeds next to them that stay events. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from events_support import events_of


def _triggers(extract, text: str) -> list[str]:
    """The words of the triggers found in `text`."""
    return [w for ev in events_of(extract, text) for w in ev.trigger.text.split()]


DROPPED = [
    # a gerund under an adjective: a capability
    (
        "Moldovan gunboats are now able to reach the river ports and capable of shelling the docks.",
        "shelling",
    ),
    # a gerund under a noun: a kind of deed
    ("The junta kept to its old policy of not criticizing the generals in Niamey.", "criticizing"),
    # a noun event inside such a gerund's phrase
    ("For Paris, putting limits on military aid to Kyiv is the wiser course.", "aid"),
    # a gerund as the subject: an aim
    ("For the rebels, capturing the airport near Goma is the main goal this year.", "capturing"),
    # a habit in the present tense
    ("The governor routinely threatens the northern tribes with reprisals on state television.", "threatens"),
    # the wording of a standing text
    ("Chad abstained in the vote on two UN resolutions condemning the coup in Niamey.", "condemning"),
    # a danger described, not an act of threatening
    ("Diplomats in Tallinn said the new junta is a grave threat to the whole region.", "threat"),
    # a situation or an event menaces: a danger, not an act
    ("The feud between the two clans threatens to boil over, elders in Gao said.", "threatens"),
    ("Moldova is threatened by a Russian attack, the minister said.", "threatened"),
    # nobody would do it
    ("The West wants a war, but no one in Minsk plans to fight against it, the envoy said.", "fight"),
    # a state of affairs that goes on
    ("Diplomats said the current sanctions on Minsk had hurt the potash trade badly.", "sanctions"),
]

KEPT = [
    # a gerund under the object of an accusation stays: the parse hangs it on the object
    ("Baku accused the Armenian rebels of shelling the village of Tovuz on Sunday.", "shelling"),
    # a gerund under the object of an accusation, the object a conjunct, keeps the noun event it holds
    ("Minsk accused Poland and its allies of ignoring Belarus's demands to close the camps.", "demands"),
    # a gerund under another event's noun is that event's content, kept
    ("As for the threats of introducing sanctions, the minister said Minsk was not afraid.", "sanctions"),
    # a gerund with its own doer stays
    (
        "Officials confirmed reports of Sudanese troops shelling the market in El Fasher on Monday.",
        "shelling",
    ),
    # a past deed is still a happening the story reports, frequency adverb or not
    ("The army often shelled the ridge above Kalehe last week, officials said.", "shelled"),
    # a gerund set off by dashes after a name is an aside, not a subject
    ("Officials say that Iran - supporting Russia - is now on the wrong side of history.", "supporting"),
    # a party's threat to do something is an act
    ("Minsk's threat to close the border alarmed Vilnius on Monday.", "threat"),
    # a party that threatens acts
    ("Minsk threatened Vilnius with new tariffs on Monday.", "threatened"),
    # a past deed denied stays on record
    ("No one attacked the convoy near Gao, the ministry said.", "attacked"),
    # new sanctions stay
    ("The European Union imposed new sanctions on Minsk on Friday.", "sanctions"),
]


@pytest.mark.parametrize(("text", "trigger"), DROPPED)
def test_activity_is_no_event(extract, text: str, trigger: str) -> None:
    assert trigger not in _triggers(extract, text)


@pytest.mark.parametrize(("text", "trigger"), KEPT)
def test_deed_stays_an_event(extract, text: str, trigger: str) -> None:
    assert trigger in _triggers(extract, text)


def test_fighting_in_passing_is_background(extract) -> None:
    text = "The length of the fighting in Sudan has emptied the coffers of the state, the minister said."
    assert "fighting" not in _triggers(extract, text)


def test_fighting_that_breaks_out_is_news(extract) -> None:
    assert "fighting" in _triggers(extract, "Heavy fighting erupted in Khartoum, witnesses said.")


def test_deed_of_nobody_is_denied(extract) -> None:
    events = [ev for ev in events_of(extract, "No one attacked the convoy near Gao, the ministry said.")]
    assert [(ev.trigger.text, ev.status, ev.negated) for ev in events] == [("attacked", "denied", True)]
