"""Speakers (issue 15, session 9): names after a description, companies typed persons, known roles."""

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


def test_bare_role_is_the_person_an_earlier_description_with_it_named(extract):
    text = (
        "Olaf Brandt arrived in Beijing on Sunday with a large delegation.\n\n"
        "During the talks, the German Chancellor insisted that China should press Moscow to end the war.\n\n"
        "The managers of several car makers travelled with the delegation, hoping to protect their"
        " business in China.\n\n"
        "Officials in Berlin expect no breakthrough on trade.\n\n"
        "The Chancellor in his opening remarks pointed out that the war harms the security of Europe.\n"
    )
    st = covering(run_statements(extract, text), "harms the security")
    assert speaker_name(st) == "Olaf Brandt"


def test_it_after_a_report_subject_is_the_report(extract):
    text = (
        "Investigators have sent their files to the prosecutor general and to the court in The Hague.\n\n"
        "The report covers the eleven months since the start of the invasion. It also documents that"
        " dozens of detainees were held without charge.\n"
    )
    st = covering(run_statements(extract, text), "dozens of detainees")
    assert speaker_name(st) == "report"


def test_he_is_never_the_namesake_of_a_unit(extract):
    text = (
        "Volunteers from Belarus fight near Bakhmut in the Kastus Kalinouski Regiment, a unit formed in"
        " March.\n\n"
        "More than 300 Belarusians have joined the Kastus Kalinouski ranks since then, and drills in"
        " Belarus continue.\n\n"
        '"Our soldiers are ready to hold the line for as long as needed," he told reporters.\n'
    )
    st = covering(run_statements(extract, text), "hold the line")
    assert "Kalinouski" not in speaker_name(st)
