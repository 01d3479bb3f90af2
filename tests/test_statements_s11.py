"""Speakers and claimants (issue 15, session 11): a party the alias lexicon knows by a long canonical form
is shown the way the article names it."""

from __future__ import annotations

from statements_support import covering, run_statements, speaker_name

ACRONYM_ONLY = (
    "Brussels, June 4.\n\n"
    "NATO said on Tuesday that its fighter jets would patrol the skies over the Baltic states all summer.\n\n"
    "The alliance added that 40,000 troops were on high alert along its eastern flank.\n"
)


def test_speaker_named_as_the_article_writes_it(extract):
    st = covering(run_statements(extract, ACRONYM_ONLY), "fighter jets")
    assert speaker_name(st) == "NATO"
    assert st.speaker.entity is not None  # still the same entity for the record


def test_dotted_abbreviation_loses_its_dots(extract):
    text = "The U.S. said on Monday that the new sanctions would take effect within a week.\n"
    st = covering(run_statements(extract, text), "sanctions")
    assert speaker_name(st) == "US"


def test_spelled_out_name_stays(extract):
    text = (
        "The United States said on Monday that the new sanctions would take effect within a week. "
        "The United States also promised more aid.\n"
    )
    st = covering(run_statements(extract, text), "sanctions")
    assert speaker_name(st) == "United States"


def test_claimant_named_as_the_article_writes_it(extract):
    got = {q.text: q for q in extract(ACRONYM_ONLY, published="2023-06-04").quantities}
    fig = got["40,000"]
    assert fig.claimant is not None and fig.claimant.name == "NATO"


def test_the_form_at_the_statement_wins(extract):
    text = (
        "The US sent more air defence systems in May, and the US promised more in June. "
        "The United States said on Monday that the new sanctions would take effect within a week.\n"
    )
    st = covering(run_statements(extract, text), "sanctions")
    assert speaker_name(st) == "United States"


def test_capitals_line_linking_another_story_is_no_statement(extract):
    text = (
        "Kyiv, May 2.\n\n"
        "The mayor said the water supply was restored on Sunday.\n\n"
        "GENERAL SAYS THE ARMY WILL HOLD THE RIVER LINE UNTIL WINTER\n\n"
        "Repairs to the bridge are expected to take a month, the mayor added.\n"
    )
    sts = run_statements(extract, text)
    assert not [s for s in sts if "RIVER LINE" in s.content.text]
    assert covering(sts, "water supply")


def test_an_aim_is_labelled_an_intention_and_a_bare_sought_object_no_statement(extract):
    text = (
        "Riga, March 9.\n\n"
        "The port authority sought additional berths for grain ships, and its director wants to double"
        " the capacity by spring.\n\n"
        "The director said the first berth would open in April.\n"
    )
    sts = run_statements(extract, text)
    assert not [s for s in sts if "additional berths" in s.content.text]
    assert [s.mode for s in sts if "double" in s.content.text] == ["intention"]
    assert covering(sts, "first berth")


def test_attribution_pointing_back_with_this(extract):
    text = (
        "Kyiv, March 9.\n\n"
        "The occupiers are moving reserves toward the southern front to stall the advance.\n\n"
        "The Ukrainian Navy said this in a morning update, Ukrinform reports.\n"
    )
    sts = run_statements(extract, text)
    st = covering(sts, "moving reserves")
    assert "Navy" in speaker_name(st) and st.cue.text == "said"
    assert not [s for s in sts if "Navy said this" in s.content.text]  # the outlet's relay is no statement


def test_passive_attribution_pointing_back(extract):
    text = (
        "Kharkiv, March 9.\n\n"
        "Overnight the enemy shelled nine villages of the district, wounding two civilians. This was reported"
        " by the head of the regional military administration on Telegram.\n"
    )
    st = covering(run_statements(extract, text), "nine villages")
    assert "head" in speaker_name(st) and st.cue.text == "reported"
    got = {q.text: q for q in extract(text, published="2024-03-09").quantities}
    assert got["nine"].claimant is not None and "head" in got["nine"].claimant.name


def test_informed_about_it_credits_the_sentence_before(extract):
    text = (
        "Berlin, March 9.\n\n"
        "The two men had been treated in a clinic near Munich. The Ministry of Foreign Affairs of Ukraine"
        " informed about it.\n"
    )
    st = covering(run_statements(extract, text), "treated in a clinic")
    assert "Ministry" in speaker_name(st)


def test_said_so_credits_the_sentence_before(extract):
    text = (
        "Tallinn, May 3.\n\n"
        "The ferry line to Helsinki will run twice a day from June. The port authority said so on Monday.\n"
    )
    sts = run_statements(extract, text)
    st = covering(sts, "ferry line")
    assert "port authority" in speaker_name(st).lower() and st.cue.text == "said"
