"""Statements that are not: withheld speech, anonymity formulas, non-speech objects; speakers of titles."""

from __future__ import annotations

import pytest


def _check(text: str, statements) -> None:
    for st in statements:
        assert text[st.content.span[0] : st.content.span[1]] == st.content.text
        assert text[st.cue.span[0] : st.cue.span[1]] == st.cue.text
        if st.speaker is not None and st.speaker.span is not None:
            assert text[st.speaker.span[0] : st.speaker.span[1]] == st.speaker.text


def _run(extract, text: str):
    sts = extract(text).statements
    _check(text, sts)
    return sts


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The mayor has not said whether she will seek a second term.", "said"),
        ("The commander did not say how many soldiers were lost.", "say"),
        ("The ministry declined to say whether the convoy had crossed the border.", "say"),
        ("Officials would not say when the port would reopen.", "say"),
        ("The governor never said the dam was safe.", "said"),
        ("Rebel fighters attacked the airport before dawn.", "attacked"),
        ("The strait closures are adding about a week to tanker voyages.", "adding"),
        ("The Treasury added 120 firms to its sanctions list on Tuesday.", "added"),
        ("The cabinet rejected the offer from the mining company.", "rejected"),
        ("Serbia denies the charge.", "denies"),
    ],
)
def test_no_statement_from_cue(extract, text, cue):
    sts = _run(extract, text)
    assert not [s for s in sts if s.cue.text == cue], [(s.cue.text, s.content.text) for s in sts]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Shelling went on through the night, according to two diplomats who asked not to be named.",
            "Shelling went on",
        ),
        (
            "Two aides, who spoke on condition of anonymity because they were not authorized to "
            "discuss the talks, said the ceasefire had collapsed.",
            "ceasefire had collapsed",
        ),
        ("Three officers, speaking anonymously, said the convoy was hit twice.", "convoy was hit"),
    ],
)
def test_anonymity_formulas_are_no_statements(extract, text, kept):
    sts = _run(extract, text)
    assert [s for s in sts if kept in s.content.text]
    for s in sts:
        low = s.content.text.lower()
        assert "named" not in low and "anonymity" not in low and "authorized" not in low, s.content.text


def test_participle_clause_is_the_statement_not_the_object(extract):
    text = "Orban dismissed the plan, saying it would ruin farmers."
    sts = _run(extract, text)
    assert [s.content.text for s in sts] == ["it would ruin farmers"]
    assert sts[0].speaker.name == "Orban"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The army denied the allegations of looting in the village.", "allegations of looting"),
        ("The ministry denied reports that troops had crossed the river.", "troops had crossed the river"),
        ("The senator attacked the bill as a giveaway to the banks.", "giveaway to the banks"),
        ("\u201cThe wells are dry,\u201d he added.", "The wells are dry"),
        ("The envoy added that talks would resume next week.", "talks would resume next week"),
    ],
)
def test_cues_that_stay(extract, text, content):
    sts = _run(extract, text)
    assert [s for s in sts if content in s.content.text], [s.content.text for s in sts]


def test_future_speech_act_inside_a_statement_is_not_one(extract):
    text = 'Peskov said Moscow would respond "in a proportionate way".'
    sts = _run(extract, text)
    assert len(sts) == 1
    assert sts[0].speaker.name == "Peskov" and sts[0].cue.text == "said"


def test_first_conjunct_of_a_run_over_subject_speaks(extract):
    text = (
        "An airstrike on a market in the north of the country destroyed dozens of stalls, killing at "
        "least 14 people, most of them traders, a local official and residents said on Friday."
    )
    sts = _run(extract, text)
    st = next(s for s in sts if s.cue.text == "said")
    assert st.speaker.name == "local official"
    assert st.content.text.startswith("An airstrike on a market")
    assert st.content.text.endswith("most of them traders")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Minister of Foreign Affairs Dmytro Kuleba told reporters the aid would continue.", "Dmytro Kuleba"),
        ("Head of the Presidential Office Andriy Yermak said the talks were over.", "Andriy Yermak"),
        ("UN Secretary-General Antonio Guterres said the attack was unacceptable.", "Antonio Guterres"),
    ],
)
def test_person_closing_a_title_phrase_is_the_speaker(extract, text, name):
    sts = _run(extract, text)
    assert sts and sts[0].speaker.name == name


def test_organisation_of_phrase_keeps_its_name(extract):
    sts = _run(extract, "The Ministry of Defence said the drills had ended.")
    assert sts[0].speaker.name.lower() == "ministry of defence"
