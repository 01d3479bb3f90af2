"""Judgements of a course of action (issue 15, session 10): 'escalatory' or 'counterproductive' refuses
what it judges and its denial accepts it ("training troops there would not be escalatory"); 'critical',
'crucial', 'vital' ask for it; an extraposed 'it' stands for its infinitive ("it is vital to keep
talking"); a headline run into a sentence does not become its speaker. Sentences written for these tests."""

from __future__ import annotations

import pytest

from positions_support import positions_of

JUDGED = [
    ("The defence minister Anna Berg said that training Polish troops in Ukraine would not be escalatory.",
     "Berg", "open", "training"),
    ("Lavrov said that sending long-range missiles to Kyiv would be escalatory.",
     "Lavrov", "rejects", "missiles"),
    ("Scholz said supplying fighter jets would be counterproductive.", "Scholz", "rejects", "jets"),
    ("The general Tom Hale said that more air defence for Ukraine will be critical this winter.",
     "Hale", "open", "air defence"),
    ("The foreign minister Jan Novak said it is vital to keep talking to Moscow.",
     "Novak", "open", "talking"),
]


@pytest.mark.parametrize(("text", "holder", "stance", "topic"), JUDGED)
def test_judged_course_of_action(extract, text, holder, stance, topic):
    found = [p for p in positions_of(extract, text) if topic in p.topic]
    assert found and all(holder in p.holder and p.stance == stance for p in found)


def test_judged_state_of_affairs_is_no_position(extract):
    text = "The governor Oleh Ivanenko said the situation in the city is critical."
    assert positions_of(extract, text) == []


def test_headline_run_into_sentence_is_not_holder(extract):
    text = (
        "Shelling went on overnight, officials said.\n\nMore Stories Latvia's PM: EU Troop Training in "
        "Poland Won't Spark Conflict With Russia Karins said that training Ukraine's forces in Latvia "
        "would not be escalatory."
    )
    found = [p for p in positions_of(extract, text) if "training" in p.topic]
    assert found and all("Karins" in p.holder for p in found)
