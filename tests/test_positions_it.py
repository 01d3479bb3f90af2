"""An "it" that is ended or stopped in a position's topic is the war or conflict the text named just
before (issue 15, session 9): "we want it all to end" after "the conflict in Ukraine" is about ending
the conflict. Sentences written for these tests."""

from __future__ import annotations

from positions_support import positions_of


def test_it_that_ends_is_the_conflict(extract):
    text = "I know your worries about the conflict in Ukraine. We want it all to end soon, Putin said."
    topics = [p.topic for p in positions_of(extract, text)]
    assert topics and all("conflict" in t for t in topics)


def test_other_it_stays(extract):
    text = "The grain deal expires soon. We want to extend it, the minister said."
    assert all("conflict" not in p.topic and "war" not in p.topic for p in positions_of(extract, text))
