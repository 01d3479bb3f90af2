"""Which mentions are events (session 5): one event per happening (headings, links and repeats are no new
events), and no events for advice, figures of speech, counting frames, opinions and general hypotheses.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from events_support import events_of


def _kinds(extract, text: str) -> list[tuple[str, str]]:
    return [(ev.type, ev.trigger.text) for ev in events_of(extract, text)]


def test_a_heading_repeating_the_body_is_no_second_event(extract):
    text = (
        "Rebels capture Bakhmut\n\n"
        "Rebel fighters captured the town of Bakhmut on Monday, the regional governor said.\n"
    )
    events = events_of(extract, text)
    seizes = [ev for ev in events if ev.type == "seize"]
    assert len(seizes) == 1
    assert seizes[0].trigger.span[0] > text.index("\n")  # the body mention, not the heading


def test_a_read_also_link_names_another_story(extract):
    text = (
        "The council met on Tuesday to discuss the harvest.\n\n"
        "Read also: Army shells villages near the lake\n\n"
        "Farmers said the rain came late this year.\n"
    )
    assert [k for k in _kinds(extract, text) if k[0] == "attack"] == []


def test_a_speculated_happening_discussed_twice_is_one_event(extract):
    text = (
        "Officials in Chisinau fear that Russia could invade Moldova this winter. "
        "Such an invasion would be a disaster for the region, the prime minister said."
    )
    attacks = [ev for ev in events_of(extract, text) if ev.type == "attack"]
    assert len(attacks) == 1
    assert attacks[0].status == "speculated"


def test_two_reported_attacks_on_different_places_stay_two(extract):
    text = (
        "Russian forces shelled Kharkiv on Monday night. "
        "On Tuesday, Russian forces shelled Odesa, local officials said."
    )
    attacks = [ev for ev in events_of(extract, text) if ev.type == "attack"]
    assert len(attacks) == 2


def test_a_definite_mention_of_the_same_happening_lends_its_arguments(extract):
    text = (
        "Militants attacked a police post in Kidal on Sunday. "
        "The attack was condemned by the United Nations on Monday."
    )
    attacks = [ev for ev in events_of(extract, text) if ev.type == "attack"]
    assert len(attacks) == 1
    assert attacks[0].trigger.text == "attacked"


MENTIONS = [
    # (text, trigger, whether it is an event): mentions that name no happening, then the same words
    # where they do
    ("Many analysts believe that Ukraine should try to retake the peninsula.", "retake", False),
    ("Some senators argue the country should not deploy troops abroad.", "deploy", False),
    ("The scandal destroyed trust between the two governments.", "destroyed", False),
    ("The minister said the war is a threat to the principles of international law.", "threat", False),
    ("The toll includes the dead and the wounded, the ministry said.", "wounded", False),
    ("The army does not say how many of them were killed.", "killed", False),
    ('"I fully agree with the president," the mayor told reporters.', "agree", False),
    ("The treaty promises military help in the event of an invasion.", "invasion", False),
    (
        "Russian forces invaded Ukraine. A tribunal could try Putin for the crime of aggression.",
        "aggression",
        False,
    ),
    ("Ukrainian troops retook the village of Robotyne last week.", "retook", True),
    ("The United States will deploy 2,000 troops to Romania.", "deploy", True),
    ("A missile destroyed a grain warehouse in Izmail.", "destroyed", True),
    ("The two sides agreed on a prisoner exchange, the mediators said.", "agreed", True),
    ("Officials counted 40 civilian victims in Izium.", "victims", True),
]


@pytest.mark.parametrize("text,trigger,is_event", MENTIONS)
def test_which_mentions_name_a_happening(extract, text, trigger, is_event):
    assert (trigger in [t for _, t in _kinds(extract, text)]) == is_event
