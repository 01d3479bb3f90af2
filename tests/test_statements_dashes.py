"""Quotations set off by dashes ("- text - she said"), as machine translations from Polish give them,
ledes attributed afterwards ("That's according to ..."), section subheads and quotations resumed after
their attribution sentence. Every sentence here was written for these tests."""

from __future__ import annotations

from statements_support import covering as _covering
from statements_support import run_statements as _run
from statements_support import speaker_name as _speaker

HEAD = "Floods in the south\n\nNOWY TARG, May 4 (PAP) - "


def test_dash_quote_with_the_speaker_after_the_verb(extract):
    text = HEAD + (
        "The river rose by two metres overnight.\n\n"
        "- The bridge will be closed until Friday. Our engineers are already on site - said Mayor "
        "Tomasz Wilk from the town council in an interview with the local radio.\n\n"
        "The council will meet again on Monday."
    )
    sts = _run(extract, text)
    st = _covering(sts, "The bridge will be closed until Friday")
    assert st.content.text == ("The bridge will be closed until Friday. Our engineers are already on site")
    assert "Wilk" in _speaker(st)
    assert st.kind == "direct"
    assert st.cue.text == "said"


def test_dash_quote_glued_to_the_previous_sentence_and_a_pronoun(extract):
    text = HEAD + (
        "Mayor Tomasz Wilk visited the flooded school on Tuesday.\n\n"
        "Wilk was asked whether the school would open in September.- Nobody expected so much water. "
        "We will need the whole summer - he replied."
    )
    sts = _run(extract, text)
    st = _covering(sts, "Nobody expected so much water")
    assert st.content.text == "Nobody expected so much water. We will need the whole summer"
    assert "Wilk" in _speaker(st)
    assert not any("whether the school" in s.content.text for s in sts if s.cue.text == "replied")


def test_dash_quote_interrupted_by_its_attribution_is_one_statement(extract):
    text = HEAD + "Heavy rain - said Wilk - is the main problem this year, not the old dam."
    sts = _run(extract, text)
    st = _covering(sts, "Heavy rain")
    assert "is the main problem this year" in st.content.text
    assert "Wilk" in _speaker(st)
    assert len([s for s in sts if s.cue.text == "said"]) == 1
    assert st.speaker is not None and st.speaker.name != "Heavy rain"


def test_dash_lede_without_an_opening_dash(extract):
    text = (
        "The dam at Czorsztyn will hold for another week - said the regional governor Anna Kowal.\n\n"
        "Rescue teams from three districts have arrived."
    )
    sts = _run(extract, text)
    st = _covering(sts, "will hold for another week")
    assert st.content.text == "The dam at Czorsztyn will hold for another week"
    assert "Kowal" in _speaker(st)


def test_cue_inside_a_dash_quote_is_no_statement_of_its_own(extract):
    text = HEAD + (
        "Governor Anna Kowal spoke after the meeting.\n\n"
        "- I think the water will fall by Sunday. People believe us - she said."
    )
    sts = _run(extract, text)
    assert [s.cue.text for s in sts] == ["said"]
    assert "Kowal" in _speaker(sts[0])


def test_mentions_inside_a_dash_quote_are_not_the_speaker(extract):
    text = HEAD + (
        "General Piotr Nowak commented on the talks on the radio.\n\n"
        "- Washington will not blink. Joe Biden has made that clear to everyone - he said."
    )
    sts = _run(extract, text)
    st = _covering(sts, "Washington will not blink")
    assert "Nowak" in _speaker(st)


def test_lede_attributed_in_the_next_paragraph(extract):
    text = (
        "Grain exports through the western ports fell by a third in March.\n\n"
        "That's according to the State Customs Service, Ukrinform reports.\n\n"
        "Traders expect a better April."
    )
    sts = _run(extract, text)
    st = _covering(sts, "Grain exports through the western ports")
    assert st.content.text == "Grain exports through the western ports fell by a third in March"
    assert "Customs" in _speaker(st)
    assert not any(s.content.text.startswith("That's according to") for s in sts)


def test_subhead_label_is_no_statement(extract):
    text = HEAD + (
        "The governor met the mayors on Monday.\n\n"
        "Kowal: The dam will hold\n\n"
        "- The dam will hold, and we are ready for more rain - said Governor Anna Kowal."
    )
    sts = _run(extract, text)
    assert [s.cue.text for s in sts] == ["said"]


def test_quotation_resumed_after_its_attribution_sentence_joins_it(extract):
    text = HEAD + (
        '"We will not leave our houses," said farmer Jan Horak. "The water will go down."\n\n'
        "The army brought sandbags."
    )
    sts = _run(extract, text)
    quoted = [s for s in sts if "We will not leave" in s.content.text or "go down" in s.content.text]
    assert len(quoted) == 1, [(s.cue.text, s.content.text) for s in sts]
    st = quoted[0]
    assert "The water will go down" in st.content.text
    assert len(st.quotes) == 2
    assert "Horak" in _speaker(st)


def test_hyphens_inside_words_open_no_quotation(extract):
    text = HEAD + "Most families are housed by low- and middle-income towns, not the cities, Wilk noted."
    st = _covering(_run(extract, text), "Most families")
    assert st.content.text == "Most families are housed by low- and middle-income towns, not the cities"
    assert "Wilk" in _speaker(st)


def test_said_to_be_is_no_report(extract):
    text = HEAD + "A town said to be of great importance to the region, Lysove has had no power for a week."
    assert _run(extract, text) == []
