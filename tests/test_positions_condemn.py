"""Condemnation verbs state a refusal; a participle after "he said," is the speaker's."""

from __future__ import annotations


def _found(nlp, text: str) -> list[tuple[str, str, str]]:
    return [(p.holder, p.stance, p.topic) for p in nlp(text)._.sitrep_positions]


def test_denounce_refuses_what_it_names(nlp) -> None:
    found = _found(nlp, "Belarus denounced the delivery of Polish jets to Ukraine.")
    assert any(h == "Belarus" and s == "rejects" and "jets" in t for h, s, t in found), found


def test_participle_after_said_is_the_speakers(nlp) -> None:
    text = (
        "Lukashenko spoke in Minsk on Friday. \"Warsaw is pushing Europe into war,\" he said, "
        "lashing out at Poland for supplying tanks to Kyiv."
    )
    found = _found(nlp, text)
    assert any(h == "Lukashenko" and s == "rejects" and "tanks" in t for h, s, t in found), found
    assert not any(h == "Poland" for h, _s, _t in found), found


def test_a_missile_that_slammed_into_a_building_holds_nothing(nlp) -> None:
    assert _found(nlp, "A Russian missile slammed into a weapons depot near Lviv.") == []
