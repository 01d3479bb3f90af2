"""Statements, session 8 of issue 15: precision on real news. What a perception verb saw is no view
("saw the army take back three villages"), and an object that only names who was addressed is no content
("told his audience"); a passive thought with no agent ("is expected to") has no source, so it is no
statement under the real-news definition. Every sentence here was written for these tests."""

from __future__ import annotations

from statements_support import covering, speaker_name
from statements_support import run_statements as _run


def _cues(sts: list, word: str) -> list:
    return [s for s in sts if s.cue.text == word]


def test_perception_is_no_view(extract):
    text = (
        "The spring offensive then saw the army take back three villages near the river.\n\n"
        "It is hard to see the garrison holding out through the winter. Let us see if the council "
        "can agree on the budget.\n\n"
        "The minister sees the deal as a trap. The general sees that the front will hold until spring."
    )
    sts = _run(extract, text)
    assert not [s for s in sts if s.cue.text in {"saw", "see"}], [(s.cue.text, s.content.text) for s in sts]
    assert speaker_name(covering(sts, "the deal as a trap")) == "minister"
    assert speaker_name(covering(sts, "the front will hold")) == "general"


def test_a_hearer_alone_is_no_content(extract):
    text = (
        "General Tom Reyes told his audience in Washington. The mayor briefed reporters on Monday.\n\n"
        "The envoy told them the truth about the talks. Anna Lind told reporters that the bridge was gone."
    )
    sts = _run(extract, text)
    assert not [s for s in sts if "audience" in s.content.text or "reporters" in s.content.text]
    assert covering(sts, "the truth about the talks").cue.text == "told"
    assert speaker_name(covering(sts, "the bridge was gone")) == "Anna Lind"


def test_agentless_passive_thought_has_no_source(extract):
    text = (
        "The bridge is expected to reopen next week. Two drivers are known to have died.\n\n"
        "The rebels are believed by Western officials to hold the airport."
    )
    sts = _run(extract, text)
    assert not _cues(sts, "expected") and not _cues(sts, "known")
    assert speaker_name(covering(sts, "to hold the airport")) == "Western officials"


def test_according_to_a_standard_is_no_source(extract):
    text = (
        "The regime works according to its own logic of fear. The troops withdrew according to the "
        "scenario drawn up in Moscow.\n\n"
        "According to the ministry, the troops withdrew. According to the draft document, the troops "
        "will withdraw by May."
    )
    sts = _run(extract, text)
    assert speaker_name(covering(sts, "the troops withdrew")) == "ministry"
    assert covering(sts, "will withdraw by May").mode == "evidence"
    assert not [s for s in sts if "logic" in s.content.text or "regime" in s.content.text]
    assert not [s for s in sts if "scenario" in s.content.text or "withdrew according" in s.content.text]


def test_quoted_as_saying_names_the_passive_subject(extract):
    text = (
        "Li Wei exchanged views on the war during the talks, according to a statement from his ministry. "
        'Anna Berg spoke next.\n\n"Many people believe the United States is afraid," Li was quoted as saying.'
    )
    st = covering(_run(extract, text), "Many people believe")
    assert st.cue.text == "saying" and speaker_name(st) == "Li Wei"


def test_the_official_is_the_official_just_quoted(extract):
    text = (
        "US Secretary of State Anna Berg said she had raised concerns with the Chinese minister. After the "
        'meeting, a US official said "neither side held back".\n\n'
        '"We were very open about where our differences are," the official said.\n\n'
        "Berg said the Chinese leader had made it clear that he stood by the partnership."
    )
    sts = _run(extract, text)
    assert speaker_name(covering(sts, "very open")) == "US official"
    assert speaker_name(covering(sts, "stood by the partnership")) == "Anna Berg"


def test_a_pronoun_is_not_the_hearer_of_its_own_verb(extract):
    text = (
        'Secretary of State John Berg said he had raised concerns with Li Wei. "We see no signs of change," '
        "Berg said.\n\nLi Wei exchanged views on the war during the talks, according to a statement released "
        "by his ministry.\n\nHe also told Berg that relations were in danger."
    )
    assert speaker_name(covering(_run(extract, text), "relations were in danger")) == "Li Wei"


def test_it_goes_back_to_an_untyped_one_word_speaker(extract):
    text = (
        "Gazprom says it is cutting daily gas deliveries through the pipeline from Wednesday.\n\n"
        "JOIN US ON TELEGRAM! Follow our coverage of the war.\n\n"
        "It says in a statement that it is halting one of the last two turbines."
    )
    assert speaker_name(covering(_run(extract, text), "halting one of")) == "Gazprom"


def test_a_speaker_read_as_the_object_after_a_quotation(extract):
    text = (
        "\u201cRussia is probably the only country on earth,\u201d tweeted the exiled dissident Ivan Petrov, "
        "\u201cwhere people run because their army invaded someone else.\u201d"
    )
    st = covering(_run(extract, text), "only country on earth")
    assert st.cue.text == "tweeted" and speaker_name(st) == "Ivan Petrov"


def test_dashes_around_an_aside_are_no_quotation(extract):
    text = (
        "In the south \u2014 where Kyiv has vowed a major counter-offensive to retake the region \u2014 the "
        "authorities said Ukrainian forces stopped a Russian push in several villages."
    )
    sts = _run(extract, text)
    assert speaker_name(covering(sts, "Ukrainian forces stopped")) == "authorities"
    assert not [
        s
        for s in sts
        if s.speaker is not None and s.speaker.name == "authorities" and "south" in s.content.text
    ]
