"""Which events are found (issue 15, session 11): trigger verbs in every form. Sentences written for
these tests."""

from __future__ import annotations

import pytest


def found(extract, text: str) -> dict[str, str]:
    """Trigger text -> type of every event, with spans checked."""
    out = {}
    for ev in extract(text).events:
        s, e = ev.trigger.span
        assert text[s:e] == ev.trigger.text
        out[ev.trigger.text] = ev.type
    return out


BASE_FORMS = [
    # spaCy lists these base forms as stop words; their other forms were always matched
    ("Farmers wrote to the governor. We call on the governor to reopen the bridge.", "call on", "request"),
    ("The ministry said the army would move two brigades to the northern border.", "move", "deploy"),
    ("Rebels vowed to take control of the airport before the rains.", "take control", "seize"),
]


@pytest.mark.parametrize(("text", "trigger", "etype"), BASE_FORMS)
def test_a_trigger_verb_in_its_base_form_is_found(extract, text, trigger, etype):
    assert found(extract, text).get(trigger) == etype


SUPPLY_OF_AID = [
    ("Oslo already provides Tbilisi intelligence support.", "provides Tbilisi intelligence support"),
    ("The mayor said the region would provide further support for the villages.", "provide further support"),
    ("Rebels threatened reprisals if the neighbours sent any help to the garrison.", "sent any help"),
]


@pytest.mark.parametrize(("text", "trigger"), SUPPLY_OF_AID)
def test_a_supply_verb_with_a_noun_of_aid_is_one_aid_event(extract, text, trigger):
    events = found(extract, text)
    assert events.get(trigger) == "aid"
    assert len([t for t in events if events[t] == "aid"]) == 1


DESCRIPTIONS = [
    ("The senator praised all those volunteers who fight for their villages.", "fight"),
    ("It is unfair to the reservists who are fighting in the marshes, he said.", "fighting"),
    ("Europe cannot buy oil from a regime that threatens war, she said.", "threatens"),
]


@pytest.mark.parametrize(("text", "word"), DESCRIPTIONS)
def test_a_present_tense_relative_clause_describes_its_head(extract, text, word):
    assert word not in found(extract, text)


def test_a_past_or_dated_relative_clause_still_reports(extract):
    assert found(extract, "Police arrested the men who attacked the convoy.").get("attacked") == "attack"
    text = "Officials named the units that are shelling the port today."
    assert found(extract, text).get("shelling") == "attack"


def test_the_scene_of_a_killing_is_no_second_event(extract):
    text = "Nine villagers were killed in a suspected rebel attack on the market."
    events = found(extract, text)
    assert events.get("killed") == "kill"
    assert "attack" not in events


def test_an_attack_named_as_agent_stays_an_event(extract):
    events = found(extract, "Four fishermen were wounded by artillery shelling near the port on Monday.")
    assert events.get("shelling") == "attack"


def test_a_hyphenated_trigger_whose_tail_the_parse_makes_a_verb_is_found(extract):
    events = found(extract, "Moscow has long relied on sabre-rattling to scare its neighbours.")
    assert events.get("sabre-rattling") == "threaten"
