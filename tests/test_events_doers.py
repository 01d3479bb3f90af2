"""Who does a gerund after a preposition, an infinitive of purpose or plan, and a description in
apposition to a name (issue 15, session 8). Sentences written for these tests."""

from __future__ import annotations

import pytest

from events_support import events_of

ACTORS = [
    # a gerund after "by": the verb's subject does it
    ("Moldova responded by shelling the depot near Tiraspol on Monday.", "shelling", "Moldova"),
    # after a passive, the one it was done to; a description in apposition takes its name
    (
        "Anna Petrova, a teacher at the lyceum who was dismissed for criticizing the war, left for Riga.",
        "criticizing",
        "Anna Petrova",
    ),
    # "for" after an object: the object did it
    ("The junta punished the editor for criticizing the generals.", "criticizing", "editor"),
    # an infinitive of purpose: who was sent does it
    ("Two Chadian battalions were sent to the border to fight the rebels.", "fight", "Chadian battalions"),
    # the subject of the verb whose object the plan is
    ("Minsk announced plans to withdraw its troops from the border.", "withdraw", "Belarus"),
    # an order to arrest: whoever issued it
    ("On Sunday the court in Bamako issued an order to arrest the former minister.", "arrest", "court"),
]


@pytest.mark.parametrize(("text", "trigger", "actor"), ACTORS)
def test_actor(extract, text: str, trigger: str, actor: str) -> None:
    found = [ev for ev in events_of(extract, text) if trigger in ev.trigger.text]
    assert found, f"no event at {trigger!r}"
    assert actor in (found[0].actor or "")


def test_participle_the_parse_took_for_a_verb_lends_no_object(extract) -> None:
    text = "Officials from Minsk made trips to occupied Ukraine to urge students there to enroll in Belarus."
    for ev in events_of(extract, text):
        if ev.trigger.text == "urge":
            assert ev.actor != "Ukraine"
