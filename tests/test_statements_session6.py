"""Statements, session 6 of issue 15: a cue in an "as" clause set off by commas attributes the clause it
modifies; a cue the parse hangs under the quotation it introduces keeps the name before it; cues inside
a "Name: text" section title make no statements; an acronym glued to the next sentence is split. Every
sentence here was written for these tests."""

from __future__ import annotations

from statements_support import covering, speaker_name
from statements_support import run_statements as _run

HEAD = "Harbour talks stall\n\nGDANSK, May 4 (AP) - "


def test_as_clause_before_the_clause_it_attributes(extract):
    text = HEAD + "As the harbour master Olga Brenner noted, the cranes have stood idle since March."
    st = covering(_run(extract, text), "cranes have stood idle")
    assert "Brenner" in speaker_name(st)
    assert "noted" not in st.content.text


def test_as_clause_inside_and_after_the_clause(extract):
    text = HEAD + (
        "The strike at the terminal entered its third week.\n\n"
        "The ferry, as the port authority said on Monday, will sail again in June.\n\n"
        "Repairs will take a month, as the engineer Tomas Lind told reporters."
    )
    sts = _run(extract, text)
    assert "port authority" in speaker_name(covering(sts, "will sail again"))
    st = covering(sts, "Repairs will take a month")
    assert "Lind" in speaker_name(st)
    assert "told reporters" not in st.content.text


def test_as_we_reported_and_described_as_are_no_attributions(extract):
    text = HEAD + (
        "As we reported on Friday, the cranes have stood idle since March.\n\n"
        "Brenner described the strike as the cause of the delay and other officials assessed how long "
        "it would last."
    )
    sts = _run(extract, text)
    assert not [s for s in sts if "cranes have stood idle" in s.content.text]
    assert not [s for s in sts if s.content.text.startswith("Brenner described")]


def test_cue_hung_under_its_quotation_keeps_the_name_before_it(extract):
    text = HEAD + (
        "Speaking after new phone talks between Mr Kowal and Mr Nowak, the ministry's top foreign policy "
        'advisor Jan Wisniewski told a conference call: "Hysteria has reached its peak" but added that '
        '"the presidents have agreed to continue contacts at all levels".'
    )
    sts = _run(extract, text)
    assert speaker_name(covering(sts, "Hysteria has reached its peak")) == "Jan Wisniewski"
    assert speaker_name(covering(sts, "continue contacts")) == "Jan Wisniewski"


def test_cue_inside_a_section_title_makes_no_statement(extract):
    text = HEAD + (
        "The talks in the port ended on Monday without a deal.\n\n"
        "Olga Brenner: Right now I am convinced that the owners have made a decision\n\n"
        "Brenner said the owners had decided to sell the terminal."
    )
    sts = _run(extract, text)
    assert not [s for s in sts if "owners have made a decision" in s.content.text]
    assert speaker_name(covering(sts, "decided to sell")) == "Olga Brenner"


def test_acronym_glued_to_the_next_sentence_is_split(extract):
    text = HEAD + (
        "The minister Olga Brenner wrote to the board of the EBRD.Lind also confirmed once again that the "
        "terminal will be sold."
    )
    st = covering(_run(extract, text), "terminal will be sold")
    assert "EBRD" not in st.content.text
    assert "Lind" in speaker_name(st)


def test_according_to_before_a_coordinated_clause_keeps_to_its_own_side(extract):
    text = HEAD + (
        "A ceasefire has been agreed for the port of Berdyansk, according to the regional governor, but "
        "troops are reported to be advancing toward the town."
    )
    st = next(s for s in _run(extract, text) if s.cue.text == "according to")
    assert st.content.text == "A ceasefire has been agreed for the port of Berdyansk"


def test_recall_post_and_highlight_need_a_claim_object(extract):
    text = HEAD + (
        "Several countries recalled their ambassadors on Monday.\n\n"
        "Brenner posted a short video on social media.\n\n"
        "Harbour officials highlight the damaged cranes.\n\n"
        "Lind recalled that the port had closed once before, in 1981."
    )
    sts = _run(extract, text)
    assert not [s for s in sts if s.content.text in {"their ambassadors", "a short video on social media"}]
    assert not [s for s in sts if "damaged cranes" in s.content.text]
    assert "Lind" in speaker_name(covering(sts, "port had closed once before"))
