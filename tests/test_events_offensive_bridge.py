"""A bare attack mention takes the actor of the forces that massed, deployed or seized ground earlier in
the story (issue 15, session 8). Sentences written for these tests."""

from __future__ import annotations

from events_support import events_of


def test_attack_after_massing_takes_the_forces(extract) -> None:
    text = (
        "Belarusian troops massed near the Ukrainian border on Monday, officials in Kyiv said. "
        "Western officials said an attack could come within days."
    )
    attacks = [ev for ev in events_of(extract, text) if ev.type == "attack"]
    assert [ev.actor for ev in attacks] == ["Belarus"]  # the state whose troops massed, as the golds write it


def test_sanctions_borrow_no_forces(extract) -> None:
    text = (
        "Belarusian troops massed near the Ukrainian border on Monday, officials in Kyiv said. "
        "Western officials said sanctions could come within days."
    )
    assert all(ev.actor != "Belarusian troops" for ev in events_of(extract, text) if ev.type == "sanction")
