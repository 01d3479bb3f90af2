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
