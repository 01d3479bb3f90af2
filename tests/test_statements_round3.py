"""Statements, third round of issue 15: a role description goes to the person speaking, a country
named near a mention is no nationality of that person, a family name alone is the person named in
full before, a fronted participle is never the speaker, the outlet's ", X has learned" is no content,
a short quotation naming a forum is no content, and day-month wire datelines are datelines. Every
sentence here was written for these tests."""

from __future__ import annotations

from sitrep.text import find_dateline
from statements_support import covering, speaker_name
from statements_support import run_statements as _run

HEAD = "Border talks resume\n\nGENEVA, March 2 (AP) - "


def test_bare_role_description_goes_to_the_person_speaking(extract):
    text = HEAD + (
        "Foreign Minister Aldo Ferretti said the convoy had crossed the border at dawn.\n\n"
        '"The shelling has stopped for now. We will see tomorrow," the head of diplomacy said.'
    )
    st = covering(_run(extract, text), "shelling has stopped")
    assert "Ferretti" in speaker_name(st)


def test_role_description_naming_another_body_stays_apart(extract):
    text = HEAD + (
        "Foreign Minister Aldo Ferretti said the convoy had crossed the border at dawn.\n\n"
        '"No ruling has been made," the spokesman of the Vandor Tribunal said.'
    )
    st = covering(_run(extract, text), "No ruling has been made")
    assert "Ferretti" not in speaker_name(st)


def test_a_country_near_a_mention_is_no_nationality(extract):
    text = HEAD + (
        "Throughout the war in Ukraine, Vladimir Putin has cast the fighting as a defence.\n\n"
        "The Russian president said on Tuesday that the offensive would continue."
    )
    st = covering(_run(extract, text), "offensive would continue")
    assert speaker_name(st) == "Vladimir Putin"


def test_family_name_alone_is_the_person_named_before(extract):
    text = HEAD + (
        "Governor Marcus Whitfield has questioned the aid package.\n\n"
        'Whitfield had said that "more money" was not the answer. He argued that the war '
        "could not be won from Washington."
    )
    sts = _run(extract, text)
    assert speaker_name(covering(sts, "more money")) == "Marcus Whitfield"
    assert speaker_name(covering(sts, "could not be won")) == "Marcus Whitfield"


def test_fronted_participle_is_never_the_speaker(extract):
    text = HEAD + (
        "Speaking in Lyon - the city of his birth - Mr Delacroix hinted that he could seek a second term."
    )
    st = covering(_run(extract, text), "second term")
    assert "Delacroix" in speaker_name(st)
    assert "Speaking" not in speaker_name(st)


def test_outlet_learning_is_no_content(extract):
    text = (
        "VILNIUS, 4 March (BNS) - The border will stay closed to freight, interior minister "
        "Rasa Kalvaitis said on television on 3 March, BNS has learned."
    )
    sts = _run(extract, text)
    st = covering(sts, "border will stay closed")
    assert "has learned" not in st.content.text
    assert all(s.content.text != "BNS has learned" for s in sts)


def test_a_short_quotation_naming_a_forum_is_no_content(extract):
    text = HEAD + (
        'The neighbours are making a grave mistake, President Ivo Marek said at the congress "Our Land!" '
        "in the capital on Saturday."
    )
    st = covering(_run(extract, text), "grave mistake")
    assert "Our Land" not in st.content.text
    assert "Marek" in speaker_name(st)


def test_day_month_dateline_is_a_dateline():
    text = "MINSK, 26 February (BelTA) \u2013 The talks will be held in Gomel."
    d = find_dateline(text)
    assert d is not None and d.place == "MINSK" and d.date == "26 February"
    assert text[d.body_start :].startswith("The talks")
