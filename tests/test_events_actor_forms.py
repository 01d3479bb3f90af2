"""Actors as news writes them and statuses of unattributed reports (session 5). Sentences written for
these tests."""

from __future__ import annotations

import pytest

from events_support import events_of


def _by_trigger(extract, text: str) -> dict[str, tuple[str | None, str | None, str]]:
    return {ev.trigger.text: (ev.actor, ev.target, ev.status) for ev in events_of(extract, text)}


ACTORS = [
    # (text, trigger, actor)
    ("The US has moved 3,000 troops to Lithuania.", "moved", "US"),
    ("Last month the EU imposed new sanctions on Belarusian banks.", "imposed new sanctions", "EU"),
    ("The Kremlin launched a new offensive in the east on Thursday.", "offensive", "Russia"),
    ("The sanctions were condemned by the Kremlin on Monday.", "condemned", "Kremlin"),
    (
        "Zelensky thanked the Ukrainian military for liberating the village.",
        "liberating",
        "Ukrainian military",
    ),
]


@pytest.mark.parametrize("text,trigger,actor", ACTORS)
def test_actor_as_news_writes_it(extract, text, trigger, actor):
    assert _by_trigger(extract, text)[trigger][0] == actor


def test_a_subject_acted_on_is_the_target(extract):
    found = _by_trigger(extract, "Washington warned of severe costs if Moldova were to be invaded.")
    assert found["invaded"][0] is None
    assert found["invaded"][1] == "Moldova"


def test_a_noun_of_no_party_is_no_actor(extract):
    found = _by_trigger(
        extract, "The total number of casualties includes the dead. The equipment supports Kyiv's army."
    )
    assert all(actor not in ("number", "equipment") for actor, _, _ in found.values())


def test_a_description_speaking_names_its_speaker(extract):
    text = (
        "Alexander Lukashenko met reporters in Minsk on Friday. "
        '"Nobody here wanted this war," said the Belarusian leader, blaming the West.'
    )
    found = _by_trigger(extract, text)
    assert found["blaming"][0] == "Alexander Lukashenko"


def test_reports_of_a_happening_are_alleged(extract):
    found = _by_trigger(
        extract, "There have been reports of secret talks between Turkish and Syrian officials."
    )
    assert found["talks"][2] == "alleged"


def test_we_in_a_ministers_quote_is_the_ministers_state_announcing(extract):
    text = (
        '"We struck three ammunition depots near Kherson overnight," '
        "Ukrainian Defence Minister Oleksii Reznikov said."
    )
    actor, _, status = _by_trigger(extract, text)["struck"]
    assert actor == "Ukraine"
    assert status == "announced"


STATUSES = [
    # (text, trigger, status): the outlet takes a setting, a reduced relative or the object of a verb of
    # judgement as given; an attempt happened
    (
        "The State Department said it did not know where he was after his short-lived rebellion.",
        "rebellion",
        "reported",
    ),
    ("The regime criticizes the supply of western weapons to Kyiv.", "supply", "reported"),
    ("Russian forces are reported to be attempting an advance on the town.", "advance", "alleged"),
]


@pytest.mark.parametrize("text,trigger,status", STATUSES)
def test_status_of_presupposed_and_attempted_happenings(extract, text, trigger, status):
    assert _by_trigger(extract, text)[trigger][2] == status
