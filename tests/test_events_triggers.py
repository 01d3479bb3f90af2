"""Broad trigger words with selectional checks, passing mentions of an ongoing war, and actors found
across sentences (issue 15). Sentences written for these tests."""

from __future__ import annotations

import pytest

from events_support import triggers_of

FOUND = [
    # (text, trigger, type)
    ("Belarus massed 30,000 troops near the Polish border.", "massed", "mobilize"),
    ("Norway will supply Kyiv with ammunition and two air defence systems.", "supply", "aid"),
    ("Canada announced new military aid to Ukraine on Monday.", "aid", "aid"),
    ("The chancellor warned Moscow of severe consequences.", "warned", "threaten"),
    ("The governor denounced the shelling of the hospital.", "denounced", "accuse"),
    ("The general staff reported heavy Russian losses near Avdiivka.", "losses", "kill"),
    ("Georgia moved two battalions to the northern frontier.", "moved", "deploy"),
    ("The mayor asked the United Nations to send observers.", "asked", "request"),
    (
        "The minister launched a special military operation in the east.",
        "special military operation",
        "attack",
    ),
    ("Tanks were hit by drones near Kupiansk.", "hit", "attack"),
]


@pytest.mark.parametrize(("text", "trigger", "etype"), FOUND)
def test_broad_words_are_events_with_the_right_arguments(extract, text, trigger, etype):
    found = triggers_of(extract, text)
    assert trigger in found, found
    assert found[trigger][0] == etype


NOT_FOUND = [
    # (text, word that must not be a trigger)
    ("Protesters gathered outside the embassy on Sunday.", "gathered"),  # people, not troops
    ("The company will supply the town with electricity.", "supply"),  # no weapons or aid
    ("The minister warned that prices would rise.", "warned"),  # a statement, no party warned
    ("The bank reported heavy economic losses in the quarter.", "losses"),  # money, not people
    ("The report moved quickly through parliament.", "moved"),  # nothing military moves
    ("He asked whether the bridge was open.", "asked"),  # a question, not an appeal
    ("Investors will pay in advance for the shares.", "advance"),  # "in advance"
]


@pytest.mark.parametrize(("text", "word"), NOT_FOUND)
def test_broad_words_without_their_arguments_are_no_events(extract, text, word):
    assert word not in triggers_of(extract, text)


def test_a_passing_mention_of_the_ongoing_war_is_no_new_event(extract):
    text = (
        "Grain exports from Odesa have fallen by half since Russia's invasion of Ukraine. "
        "The Kremlin denied that its invasion had caused the shortage."
    )
    found = triggers_of(extract, text)
    assert [t for t in found if t == "invasion"] == ["invasion"]
    assert found["invasion"][2] == "denied"  # the denial makes the second mention news


def test_launching_or_dating_the_war_makes_it_news(extract):
    found = triggers_of(
        extract, "Russia launched its invasion of Ukraine on 24 February 2022, officials said."
    )
    assert found["invasion"][0] == "attack"


def test_a_bare_mention_takes_the_actor_of_the_earlier_one(extract):
    text = (
        "Analysts had warned for months about a Russian invasion of Georgia. "
        "The foreign minister said an invasion of Georgia would bring sanctions."
    )
    events = [e for e in extract(text).events if e.trigger.text == "invasion"]
    assert events and events[-1].actor == "Russia"  # a war of aggression is the state's act (session 9)


def test_victims_name_who_died_not_who_killed(extract):
    found = triggers_of(extract, "Officials counted 40 civilian victims in Izium.")
    assert found["victims"][0] == "kill"
    assert found["victims"][1] is None


def test_an_onlooker_is_no_actor(extract):
    found = triggers_of(extract, "The Kremlin condemned the supply of western weapons to the border guards.")
    assert found["supply"][0] == "aid"
    assert found["supply"][1] != "Kremlin"


def test_troops_massed_in_the_passive_are_the_actor(extract):
    found = triggers_of(extract, "For weeks, Belarusian troops have been concentrated near the border.")
    assert found["concentrated"][1] == "Belarusian troops"
