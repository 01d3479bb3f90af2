"""Speaker resolution by salience and agreement: the current speaker of a passage, gender from first
names and earlier pronouns, descriptions ("the analyst") of the person speaking, and subjects that
can never speak. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from sitrep.gender import name_gender
from statements_support import covering, speaker_name
from statements_support import run_statements as _run

HEAD = "Talks stall again\n\nVIENNA, May 4 (Reuters) - "


def _speaker_of(sts, fragment: str) -> str:
    return speaker_name(covering(sts, fragment))


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Ingrid Solberg", "f"),
        ("Pavel Horak", "m"),
        ("Olena Petrenko", "f"),
        ("Dmitry Orlov", "m"),
        ("Xi Jinping", ""),  # no first-name evidence either way
        ("Kowalczyk", ""),  # a surname alone says nothing
    ],
)
def test_gender_of_a_first_name(name, gender):
    assert name_gender(name) == gender


def test_she_skips_the_nearer_man(extract):
    text = HEAD + (
        "Chancellor Ingrid Solberg met President Pavel Horak on Monday.\n\n"
        '"We agreed on a new route for the aid trucks," she said.'
    )
    assert "Solberg" in _speaker_of(_run(extract, text), "new route")


def test_he_is_the_current_speaker_not_a_name_in_his_quote(extract):
    text = HEAD + (
        'Former prime minister Gordon Blake said the summit had been "a lost day".\n\n'
        '"I told Dmitry Orlov that nobody in the room believed him. Orlov knew it," he said.\n\n'
        '"The sanctions will stay," he added.'
    )
    sts = _run(extract, text)
    assert "Blake" in _speaker_of(sts, "nobody in the room")
    assert "Blake" in _speaker_of(sts, "sanctions will stay")


def test_pronoun_follows_the_speaker_over_an_object_in_between(extract):
    text = HEAD + (
        "General Piotr Nowak said the front had not moved in a week.\n\n"
        "The general has advised Defence Minister Jan Wolski since the spring.\n\n"
        '"The rain helps the defenders," he said.'
    )
    assert "Nowak" in _speaker_of(_run(extract, text), "rain helps the defenders")


def test_gender_learnt_from_an_earlier_pronoun(extract):
    # neither first name tells the gender; "She said" makes Aalto a woman, so "he" is Ronan
    text = HEAD + (
        "Kim Aalto, the mediator, arrived with Pat Ronan. She said the first round had gone well.\n\n"
        "Aalto left early.\n\n"
        '"We need another week," he added.'
    )
    sts = _run(extract, text)
    assert "Aalto" in _speaker_of(sts, "first round")
    assert "Ronan" in _speaker_of(sts, "another week")


def test_description_of_the_person_speaking(extract):
    text = HEAD + (
        '"The corridor is open," said Dr. Marek Zielinski, director of the Centre for Border Studies.\n\n'
        "The analyst emphasized that the ceasefire was fragile."
    )
    assert "Zielinski" in _speaker_of(_run(extract, text), "ceasefire was fragile")


def test_unresolvable_pronoun_never_gives_a_place(extract):
    text = HEAD + (
        "Shelling of Kherson went on overnight and Kyiv sent more generators.\n\n"
        '"We have had no water for three days," she said.'
    )
    sts = _run(extract, text)
    name = _speaker_of(sts, "no water for three days")
    assert name not in {"Kherson", "Kyiv"}


def test_subject_inside_a_quotation_is_not_the_speaker(extract):
    text = HEAD + (
        'Minister Jan Berg told reporters: "Panic has reached its peak" but added that the talks would go on.'
    )
    assert "Berg" in _speaker_of(_run(extract, text), "the talks would go on")


def test_organisation_and_country_speakers_stay(extract):
    text = HEAD + "Russia said the convoy had crossed. The ministry said it would respond."
    sts = _run(extract, text)
    assert _speaker_of(sts, "convoy had crossed") == "Russia"
    assert "ministry" in _speaker_of(sts, "it would respond").lower()
