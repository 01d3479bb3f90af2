"""Positions (issue 15, session 10): whose voice an uncued sentence right after a quotation is, and whose
desire a possessive pronoun names. Sentences written for these tests."""

from __future__ import annotations

from positions_support import positions_of


def _about(found, word):
    return [p for p in found if word in p.topic.lower()]


def test_an_uncued_demand_after_a_quotation_is_its_speakers(extract):
    text = (
        'Moldovan Prime Minister Dorin Recean spoke in Chisinau on Friday. "We are worried about the '
        'border," Recean said.\n\n'
        "The parties to the dispute must show restraint and create conditions to resume negotiations."
    )
    found = _about(positions_of(extract, text), "negotiat")
    assert found
    assert "recean" in found[0].holder.lower()


def test_a_demand_far_from_any_quotation_has_no_speaker(extract):
    text = (
        '"We are worried about the border," Recean said.\n\n'
        + "The weather in the capital stayed mild through the week.\n\n" * 6
        + "The parties to the dispute must show restraint and create conditions to resume negotiations."
    )
    assert not [p for p in positions_of(extract, text) if "recean" in p.holder.lower()]


def test_their_desire_is_the_desire_of_who_expressed_it(extract):
    text = "The leaders of the Nordic states expressed their desire to increase military aid to Georgia."
    found = _about(positions_of(extract, text), "aid")
    assert found
    assert "leaders" in found[0].holder.lower()


def test_held_accountable_is_a_demand(extract):
    text = (
        "The Baltic foreign ministers said the Belarusian leadership must be held accountable for the "
        "deportations."
    )
    found = _about(positions_of(extract, text), "accountable")
    assert found
    assert "ministers" in found[0].holder.lower()
    assert found[0].stance == "open"


def test_seeking_to_hold_a_party_accountable(extract):
    text = "Canada said on Monday it was seeking to hold the junta accountable for the massacre in the north."
    found = _about(positions_of(extract, text), "accountable")
    assert found
    assert "canada" in found[0].holder.lower()


def test_what_a_third_party_should_support_is_asked_by_who_says_so(extract):
    text = "The Arab League should support a ceasefire in Sudan without delay, the senator from Ohio said."
    found = _about(positions_of(extract, text), "ceasefire")
    assert found
    assert "senator" in found[0].holder.lower()
    assert found[0].stance == "open"


def test_reports_hold_no_position(extract):
    text = (
        "According to reports in two Latvian newspapers, the Kremlin actively pursued a policy of seeking to "
        "push Berlin to take positions that would benefit Moscow, including supporting the removal of "
        "sanctions on the pipeline."
    )
    assert not [p for p in positions_of(extract, text) if "report" in p.holder.lower()]


def test_a_bare_pronoun_or_text_names_no_party():
    from sitrep.components.positions.holders import no_party

    assert no_party("his") and no_party("reports") and no_party("the letter")
    assert not no_party("the author") and not no_party("Ukraine") and not no_party("his government")


def test_a_supporter_of_talks_is_open_to_them(extract):
    text = "Kazakhstan has always been a supporter of negotiations between the two sides, its minister said."
    found = _about(positions_of(extract, text), "negotiations")
    assert found
    assert "kazakhstan" in found[0].holder.lower()
    assert found[0].stance == "open"


def test_it_must_be_stopped_takes_up_the_aggression(extract):
    text = (
        '"The aggression against Georgia must be stopped. It must be stopped by all of us together," the '
        "Estonian president said."
    )
    found = positions_of(extract, text)
    assert found
    assert not [p for p in found if p.topic.lower().startswith("it ")]


def test_an_office_with_a_state_is_the_person_introduced_so(extract):
    text = (
        "Hungary's foreign minister Peter Szijjarto arrived in Minsk. Hungary's foreign minister rejected "
        "any new sanctions on Belarus."
    )
    (pos,) = _about(positions_of(extract, text), "sanctions")
    assert pos.holder == "Peter Szijjarto (Hungary)"


def test_what_a_party_will_not_take_part_in(extract):
    text = "Poland will not take part in any summit with Russia, the president said."
    found = _about(positions_of(extract, text), "summit")
    assert found and found[0].stance == "rejects"
    text = "The Baltic states will not participate in meetings of the council with Belarus, she said."
    found = _about(positions_of(extract, text), "meetings")
    assert found and "baltic" in found[0].holder.lower()
