"""Speakers (issue 15, session 10): relayed quotes, unnamed titled speakers, names after a colon,
fronted subjects of dash quotations."""

from __future__ import annotations

from statements_support import covering, run_statements, speaker_name

RELAYED = (
    "Kyiv, March 3.\n\n"
    '"We will not give up a single village. This is our land," Defence Minister of Estonia Hanno Pevkur'
    " wrote on Facebook, an Ukrinform correspondent reports.\n\n"
    'He stressed that "the allies must move faster with air defence."\n\n'
    "According to the minister, the next package will include artillery shells.\n"
)


def test_pronoun_after_a_relayed_quote_is_the_one_quoted(extract):
    st = covering(run_statements(extract, RELAYED), "move faster with air defence")
    assert "Pevkur" in speaker_name(st)


def test_description_after_an_unnamed_titled_speaker(extract):
    st = covering(run_statements(extract, RELAYED), "artillery shells")
    assert "Pevkur" in speaker_name(st)


def test_hearer_before_a_colon_is_no_speaker(extract):
    text = (
        "The general spoke at length about the front. Colonel Michel Goya told the Telegraph:"
        ' "The Russians are running out of tanks faster than they can build them."\n'
    )
    sts = run_statements(extract, text)
    names = {speaker_name(s) for s in sts if "running out of tanks" in s.content.text}
    assert names == {"Michel Goya"}


def test_dash_quote_subject_before_a_venue(extract):
    text = (
        "Warsaw, May 2.\n\n"
        "Radoslaw Sikorski met his Hungarian counterpart on Monday.\n\n"
        "- We will not accept this - the head of Polish diplomacy on TVN24 pointed out.\n\n"
        "- Sanctions will stay - Sikorski in Polsat News said.\n"
    )
    sts = run_statements(extract, text)
    assert "TVN24" not in speaker_name(covering(sts, "will not accept this"))
    assert speaker_name(covering(sts, "Sanctions will stay")) == "Radoslaw Sikorski"
