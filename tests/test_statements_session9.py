"""Speakers (issue 15, session 9): a name after a description and a comma; a company typed a person."""

from __future__ import annotations

from statements_support import covering, run_statements, speaker_name


def test_name_after_description_and_comma_with_according_to(extract):
    text = (
        "The collision between the two jets was caused by reckless flying, according to former test"
        " pilot and Air Force colonel, Sen. Mark Hollis."
    )
    st = covering(run_statements(extract, text), "reckless flying")
    assert speaker_name(st) == "Mark Hollis"


def test_name_after_description_title_words_between(extract):
    text = (
        "Poland's favourite daughter, diplomat and later minister Anna Kowalska, remarked after the war"
        " that peace must be defended every day."
    )
    st = covering(run_statements(extract, text), "peace must be defended")
    assert speaker_name(st) == "Anna Kowalska"


def test_description_then_comma_and_another_clause_keeps_description(extract):
    text = "The spokesman said, as Maria Nowak listened, that the talks would resume on Monday."
    st = covering(run_statements(extract, text), "talks would resume")
    assert speaker_name(st) != "Maria Nowak"


def test_it_refers_back_to_a_company_the_tagger_calls_a_person(extract):
    text = (
        "Russian energy giant Gazprom says it will cut the flow through the pipeline by half from Friday.\n\n"
        "FOLLOW US ON TWITTER for more news from the region.\n\n"
        "It says in a statement that one more turbine needs repairs in Canada.\n"
    )
    st = covering(run_statements(extract, text), "turbine needs repairs")
    assert speaker_name(st) == "Gazprom"
