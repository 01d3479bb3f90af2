"""Who claims a figure when the credited source is no plain name: the author of a report named earlier,
a description pointing back to a named party, an acronym spelled out, the authors of a letter; and
never the outlet or its dateline's agency (sentences written for sitrep)."""

from __future__ import annotations

import pytest


def _claimant(extract, text: str, surface: str) -> str | None:
    """The claimant name of the figure whose text contains `surface`, checking spans against the text."""
    rep = extract(text)
    for q in rep.quantities:
        assert text[q.span[0] : q.span[1]] == q.text
    got = [q for q in rep.quantities if surface in q.text]
    assert got, (surface, [q.text for q in rep.quantities])
    return got[0].claimant.name if got[0].claimant is not None else None


# text, figure, a word the claimant must hold
NAMED = [
    (
        "The monthly report of the Baltic Shipping Council came out on Tuesday.\n\n"
        "According to the monthly report, 41 ships were delayed at the straits.",
        "41",
        "Baltic Shipping Council",
    ),
    (
        "In the weekly report of the Regional Health Board, it was reported that 27 patients were moved.",
        "27",
        "Regional Health Board",
    ),
    (
        "The Baltic Journalists Union said on Monday that it had sent an open letter to editors.\n\n"
        "The authors of the letter also said that nine reporters had been detained.",
        "nine",
        "Baltic Journalists Union",
    ),
    (
        "A spokesman for the border guard said the crossing was closed.\n\n"
        "The spokesman specified that 12 trucks were turned back.",
        "12",
        "border guard",
    ),
    (
        "The Ministry of Defence (MoD) published its assessment on Friday.\n\n"
        "The MoD said 40 armoured vehicles had been lost near the river.",
        "40",
        "Ministry of Defence",
    ),
    (
        "Several polls from independent institutes (Norstat, Kantar) have reported that about 70 percent "
        "of voters back the plan.",
        "70 percent",
        "polls",
    ),
]


@pytest.mark.parametrize(("text", "surface", "claimant"), NAMED)
def test_the_party_behind_a_credited_source(extract, text, surface, claimant):
    got = _claimant(extract, text, surface)
    assert got is not None and claimant.lower() in got.lower(), got


def test_a_description_speaker_is_the_party_named_before(extract):
    text = (
        "Norvik Steel reported a loss for the year on Thursday.\n\n"
        "The company said it expects to cut 300 jobs in the spring."
    )
    assert _claimant(extract, text, "300") == "Norvik Steel"


def test_a_pronoun_read_as_a_title_is_the_person_speaking_before(extract):
    text = (
        '"Our shelters are full," Mayor Anna Kowalczyk said on Sunday.\n\n'
        '"We opened 45 new ones this week," she said.'
    )
    got = _claimant(extract, text, "45")
    assert got is not None and "Kowalczyk" in got


def test_a_bare_report_with_no_author_is_no_claimant(extract):
    assert _claimant(extract, "According to the report, 18 bridges were damaged in the floods.", "18") is None


def test_the_agency_of_the_dateline_is_no_claimant(extract):
    text = "MINSK, 3 May (BelTA) - According to BelTA, about 60 people were evacuated from the village."
    assert _claimant(extract, text, "60") is None


def test_a_new_unnamed_person_keeps_the_description(extract):
    text = (
        '"We will not retreat," General Ivan Petrenko said.\n\n'
        "A former Russian official said that two generals had been dismissed."
    )
    got = _claimant(extract, text, "two")
    assert got is None or "Petrenko" not in got


# text, figure, outcome (a side's losses and victims are its killed and wounded)
OUTCOMES = [
    (
        "The army's losses in the battle reached 1,200 soldiers, the ministry said.",
        "1,200",
        ["killed", "wounded"],
    ),
    ("The number of victims among the defenders rose to 350 people.", "350", ["killed", "wounded"]),
    ("The staff said 640 enemy soldiers were eliminated during the last day.", "640", ["killed", "wounded"]),
]


@pytest.mark.parametrize(("text", "surface", "outcome"), OUTCOMES)
def test_losses_and_victims_are_casualties(extract, text, surface, outcome):
    rep = extract(text)
    got = [q for q in rep.quantities if surface in q.text]
    assert got and sorted(got[0].outcome) == outcome, [(q.text, q.outcome) for q in rep.quantities]


NOT_CLAIMED = [
    "Some suggested that 40 percent of the grain had already left the port.",
    '"The warrant can be executed in 120 countries of the world" - added in the communication.',
    "Local officials worry that the 300 tanks promised in spring will arrive too late.",
    "The chancellor refused to lift export limits on the 15 countries that own 2,000 such tanks.",
]


@pytest.mark.parametrize("text", NOT_CLAIMED)
def test_a_worry_or_a_refusal_claims_no_figure(extract, text):
    rep = extract(text)
    assert rep.quantities
    for q in rep.quantities:
        assert text[q.span[0] : q.span[1]] == q.text
        assert q.claimant is None, (q.text, q.claimant)


def test_a_speech_reprinted_in_full_is_its_speakers(extract):
    text = (
        "Minister Anna Kowal spoke at the summit in Vilnius on Tuesday. Below is the full text of her "
        "address.\n\n"
        "Speech by the Foreign Minister of Estonia at the Vilnius Summit\n\n"
        "Friends! Our country has 400 kilometres of border with Russia. We have trained 12,000 reservists."
    )
    assert _claimant(extract, text, "12,000") == "Anna Kowal"
    assert _claimant(extract, text, "400") == "Anna Kowal"


def test_a_figure_before_the_heading_is_not_the_speeches(extract):
    text = (
        "About 300 delegates came to Vilnius on Tuesday.\n\n"
        "Speech by the Foreign Minister of Estonia at the Vilnius Summit\n\n"
        "Friends! We have trained 12,000 reservists."
    )
    assert _claimant(extract, text, "300") is None


def test_a_business_description_points_back_to_the_person(extract):
    text = (
        "Russian businessman Oleg Petrov said on Monday that the war was a disaster for the country.\n\n"
        "The Russian tycoon, who built a chain of bakeries, wrote that 80% of his staff oppose it."
    )
    got = _claimant(extract, text, "80%")
    assert got is not None and "Petrov" in got
