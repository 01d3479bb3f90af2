"""Statements, second round of issue 15: hyphenated compounds are no cues, a capitalised pronoun after a
closing quote opens a sentence, a person named at the end of an office's phrase is the speaker, and a
description with a nationality goes to the person just named. Every sentence here was written for
these tests."""

from __future__ import annotations

from statements_support import covering, speaker_name
from statements_support import run_statements as _run

HEAD = "Border talks resume\n\nGENEVA, March 2 (AP) - "


def test_hyphenated_compound_is_no_cue(extract):
    text = HEAD + "Militia leaders in the self-declared enclave said the curfew would be lifted on Friday."
    sts = _run(extract, text)
    assert [s.cue.text for s in sts] == ["said"]
    assert "curfew would be lifted" in sts[0].content.text
    assert "leaders" in speaker_name(sts[0]).lower()


def test_so_called_reads_no_statement(extract):
    text = HEAD + "The so-called buffer zone now runs along the river, officials said."
    sts = _run(extract, text)
    assert [s.cue.text for s in sts] == ["said"]


def test_capital_pronoun_after_a_glued_quote_opens_a_sentence(extract):
    text = HEAD + (
        "Prime Minister Harald Lindqvist spoke to reporters. He called the blockade "
        '"an act of pure spite."He announced "targeted tariffs" on imports from the neighbour.'
    )
    sts = _run(extract, text)
    announced = next(s for s in sts if s.cue.text == "announced")
    assert "targeted tariffs" in announced.content.text
    assert "pure spite" not in announced.content.text
    assert "Lindqvist" in speaker_name(announced)
    assert all(not speaker_name(s).startswith('"') for s in sts)


def test_a_lowercase_pronoun_after_a_quote_still_attributes_it(extract):
    text = HEAD + 'Harald Lindqvist spoke after the meeting. "The convoy will cross at dawn," he said.'
    st = covering(_run(extract, text), "convoy will cross")
    assert st.cue.text == "said"
    assert "Lindqvist" in speaker_name(st)


def test_name_at_the_end_of_an_office_phrase_is_the_speaker(extract):
    text = HEAD + (
        "Latvia's envoy to the OSCE Marta Ozolina has rejected the accusation.\n\n"
        'She described the charge as "a fabrication from start to finish".'
    )
    sts = _run(extract, text)
    assert speaker_name(covering(sts, "the accusation")) == "Marta Ozolina"
    assert speaker_name(covering(sts, "the charge")) == "Marta Ozolina"


def test_office_of_an_institution_is_not_a_person(extract):
    text = HEAD + "The ambassador to the United Nations Security Council said talks would resume."
    sts = _run(extract, text)
    assert "Security Council" not in speaker_name(covering(sts, "talks would resume"))


def test_description_with_nationality_goes_to_the_person_just_named(extract):
    text = HEAD + (
        "Tomas Valenta met the mayors of the border towns on Tuesday.\n\n"
        'The Czech leader said he was "determined to reopen every crossing".'
    )
    sts = _run(extract, text)
    assert "Valenta" in speaker_name(covering(sts, "reopen every crossing"))


def test_description_never_takes_a_person_of_another_nationality(extract):
    text = HEAD + (
        "Ukrainian President Volodymyr Zelensky met the mayors of the border towns on Tuesday.\n\n"
        'The Polish leader said he was "determined to reopen every crossing".'
    )
    sts = _run(extract, text)
    assert "Zelensky" not in speaker_name(covering(sts, "reopen every crossing"))


def test_warned_of_reads_what_is_warned_of(extract):
    text = (
        HEAD
        + "Admiral Kerstin Bolander warned of a long contest between the two blocs over the shipping lanes."
    )
    st = covering(_run(extract, text), "long contest between the two blocs")
    assert st.cue.text == "warned"
    assert not st.content.text.startswith("of ")
    assert "Bolander" in speaker_name(st)


def test_lede_description_goes_to_the_person_named_after_it(extract):
    text = (
        "Fleet chief urges allies to hold firm\n\nOSLO, May 3 (AP) - Norway's most senior naval commander "
        'has called on allies to "hold the line" in the Arctic.\n\n'
        "Vice Admiral Lars Berntsen said at a conference that the northern waters were "
        '"busier than at any time since the Cold War".\n\n'
        '"We see more submarines every season," the commander said.'
    )
    sts = _run(extract, text)
    assert "Berntsen" in speaker_name(covering(sts, "hold the line"))
    assert "Berntsen" in speaker_name(covering(sts, "more submarines"))


def test_indefinite_lede_source_stays_anonymous(extract):
    text = (
        "Talks resume\n\nOSLO, May 3 (AP) - "
        "A senior naval officer said the patrols would double next year.\n\n"
        'Defence Minister Lars Berntsen said the budget was "not yet settled".'
    )
    sts = _run(extract, text)
    assert "Berntsen" not in speaker_name(covering(sts, "patrols would double"))


def test_office_description_skips_a_person_with_another_office(extract):
    text = (
        "Summit opens\n\nVIENNA, May 4 (AP) - "
        "Secretary General Jens Stoltenberg opened the session on Monday.\n\n"
        "In a later speech, the head of the parliament warned that the bloc could not depend on one supplier."
    )
    assert "Stoltenberg" not in speaker_name(covering(_run(extract, text), "depend on one supplier"))


def test_she_for_a_country_when_no_woman_is_named(extract):
    text = (
        "Moscow answers\n\nWARSAW, May 4 (PAP) - Russia announced on Tuesday that it would cut gas "
        'deliveries to the region. She said the decision was a response to "hostile steps".'
    )
    assert speaker_name(covering(_run(extract, text), "hostile steps")) == "Russia"


def test_she_stays_with_the_woman_named_before_the_country(extract):
    text = (
        "Moscow answers\n\nWARSAW, May 4 (PAP) - Spokeswoman Maria Zakharova spoke in Moscow on Monday.\n\n"
        "Russia announced on Tuesday that it would cut gas deliveries to the region. "
        'She said the decision was a response to "hostile steps".'
    )
    sts = _run(extract, text)
    assert "Zakharova" in speaker_name(covering(sts, "hostile steps"))
    assert all(s.content.text != "on Monday" for s in sts)  # a time is no topic of "spoke"


def test_stance_of_a_described_group_or_inside_a_report_is_no_statement(extract):
    text = HEAD + (
        "There are those who favor a quick deal with the junta.\n\n"
        "Senator Paul Okafor urged the allies to keep supporting the coalition and oppose the junta."
    )
    sts = _run(extract, text)
    assert [s.cue.text for s in sts] == ["urged"]


def test_a_stance_with_a_noun_object_is_no_statement(extract):
    # session 11: "supports the plan" is an attitude, not something communicated (real-news convention)
    text = HEAD + "The opposition party supports the ceasefire plan drafted by the mediators."
    assert not [s for s in _run(extract, text) if s.cue.text == "supports"]
