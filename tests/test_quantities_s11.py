"""Session 11 (issue 15): which figures are found, with their bounds. Sentences written for these tests."""

from __future__ import annotations

from typing import Any


def _figures(extract: Any, text: str) -> dict[str, tuple[Any, Any, str]]:
    return {q.text: (q.low, q.high, q.unit) for q in extract(text, published="2024-03-01").quantities}


def test_a_figure_glued_to_its_noun_is_found(extract):
    got = _figures(extract, "The general said Moscow had gathered over 60,000soldiers near the river.")
    assert got.get("over 60,000") == (60000, None, "people")


def test_units_and_ordinals_glued_to_a_number_stay_whole(extract):
    got = _figures(extract, "The shells landed 25km from the plant, and $4bn was pledged on the 21st.")
    assert got.get("25km") == (25, 25, "km")
    assert got.get("$4bn") == (4000000000, 4000000000, "money")


def test_shares_n_in_m_with_digits_and_words(extract):
    text = "Seven in 10 Estonians back the plan; 3 in 4 Latvians agree, while roughly two in five oppose it."
    got = _figures(extract, text)
    assert got.get("Seven in 10") == (70, 70, "percent")
    assert got.get("3 in 4") == (75, 75, "percent")
    assert got.get("roughly two in five") == (40, 40, "percent")


def test_n_in_m_days_is_no_share(extract):
    got = _figures(extract, "The brigade lost 4 in 12 days of fighting near the town.")
    assert all(v[2] != "percent" for v in got.values())


def test_a_bare_number_after_a_percentage_is_a_percentage(extract):
    text = "Trust in the army stood at 81 percent in March and 77 in October, a survey showed."
    got = _figures(extract, text)
    assert got.get("81 percent") == (81, 81, "percent")
    assert got.get("77") == (77, 77, "percent")


def test_a_bare_number_followed_by_a_noun_is_not_a_percentage(extract):
    text = "Some 52% of voters in 14 regions backed him, the commission said."
    got = _figures(extract, text)
    assert got.get("14", (0, 0, ""))[2] != "percent"


def test_vague_quantifier_with_two_scale_words(extract):
    got = _figures(extract, "A used rifle sells for several hundred thousand hryvnias on the black market.")
    assert got.get("several hundred thousand") == (300000, 900000, "money")


def test_a_small_number_is_vague(extract):
    got = _figures(extract, "Only a small number of residents stayed behind in the village.")
    assert got.get("a small number") == (2, 9, "people")


def test_the_two_as_subject_counts_people(extract):
    got = _figures(extract, "Both ministers flew to Ankara. The two discussed grain exports for an hour.")
    assert got.get("two") == (2, 2, "people")


def test_the_two_as_object_of_a_preposition_is_not_counted(extract):
    got = _figures(extract, "He spoke about the relations between the two for an hour.")
    assert "two" not in got


def test_a_count_inside_a_compound_modifier(extract):
    got = _figures(extract, "A 60-truck column and a 400-strong battalion moved towards the town.")
    assert got.get("60") == (60, 60, "vehicles")
    assert got.get("400") == (400, 400, "people")


def test_a_hyphenated_calibre_counts_nothing(extract):
    got = _figures(extract, "The army showed a 152-mm howitzer at the parade.")
    assert "152" not in got


def test_a_title_case_headline_number_word_counts(extract):
    got = _figures(extract, "Kyiv Says Four Russian Helicopters Downed Over Azov\n\nThe army said so.")
    assert got.get("Four", (0, 0, ""))[:2] == (4, 4)


def test_a_number_word_inside_a_name_stays_out(extract):
    got = _figures(extract, "The Group of Seven leaders met in Hiroshima, and Minsk Two collapsed.")
    assert "Seven" not in got and "Two" not in got


def test_trillions_is_vague(extract):
    got = _figures(extract, "The sanctions have cost the economy trillions of rubles, the study says.")
    assert got.get("trillions", (0, 0, ""))[0] == 2000000000000


def test_a_hundred_and_fifty_is_one_figure(extract):
    got = _figures(extract, "A hundred and fifty soldiers were sent to the island.")
    assert got.get("A hundred and fifty") == (150, 150, "people")


def test_a_bare_number_as_subject_counts(extract):
    got = _figures(extract, "Of the 30 detained, 8 were minors, the police said.")
    assert got.get("8", (0, 0, ""))[:2] == (8, 8)


def test_ratios_with_a_colon_or_to_one(extract):
    got = _figures(extract, "Losses ran at 5:1 early on, and Russia outguns Ukraine six to one.")
    assert got.get("5:1") == (5, 5, "times")
    assert got.get("six to one") == (6, 6, "times")


def test_a_clock_time_is_no_ratio(extract):
    got = _figures(extract, "The talks began at 9:45 on Monday.")
    assert "9:45" not in got


def test_a_share_after_a_name_is_no_label(extract):
    got = _figures(extract, "The poll had Kaja 41%, Marek 33% and Iwona 9% in the first round.")
    assert got.get("33%") == (33, 33, "percent")
    assert got.get("9%") == (9, 9, "percent")


def _outcomes(extract: Any, text: str) -> dict[str, list[str]]:
    return {q.text: list(q.outcome) for q in extract(text, published="2024-03-01").quantities}


def test_a_participle_after_a_bare_number_is_its_own_outcome(extract):
    got = _outcomes(extract, "Three people were killed and 27 injured when the missile hit a market.")
    assert got.get("27") == ["wounded"]


def test_refugees_fled_and_deported_people(extract):
    got = _outcomes(extract, "The war has created 6 million refugees, and Russia deported 9,000 children.")
    assert got.get("6 million") == ["fled"]
    assert got.get("9,000") == ["deported"]


def test_currency_codes_before_a_sum(extract):
    got = _figures(extract, "Stockholm pledged SEK 4 billion and Prague CZK 12 billion in aid.")
    assert got.get("4 billion") == (4000000000, 4000000000, "money")
    assert got.get("12 billion") == (12000000000, 12000000000, "money")


def test_one_in_every_n(extract):
    got = _figures(extract, "Officials say one in every four shells fails to explode.")
    assert got.get("one in every four") == (25, 25, "percent")


def test_a_points_lead_in_a_compound(extract):
    got = _figures(extract, "The challenger has opened a 9-point lead in the latest survey.")
    assert got.get("9", (0, 0, ""))[:2] == (9, 9)


def test_and_a_half_with_a_scale(extract):
    got = _figures(extract, "Two and a half million people left, and a million and a half stayed behind.")
    assert got.get("Two and a half million", (0, 0, ""))[:2] == (2500000, 2500000)
    assert got.get("a million and a half", (0, 0, ""))[:2] == (1500000, 1500000)


def test_a_vulgar_fraction_and_a_couple_dozen(extract):
    got = _figures(extract, "About 1½ million residents remain, and a couple dozen tanks were hit.")
    assert got.get("About 1½ million", (0, 0, ""))[:2] == (1500000, 1500000)
    assert got.get("a couple dozen", (0, 0, ""))[:2] == (24, 24)


def test_two_and_a_half_years_is_a_duration(extract):
    assert _figures(extract, "The siege lasted two and a half years before the city fell.") == {}


def test_an_age_bracket_is_no_figure(extract):
    text = "Support was 61% overall but only 38% among those over 70; pensioners over 80 were not asked."
    got = _figures(extract, text)
    assert "over 70" not in got and "over 80" not in got
    assert got.get("38%") == (38, 38, "percent")


def test_a_model_number_after_a_count_is_no_figure(extract):
    got = _figures(extract, "Berlin delivered 18 Leopard 2 tanks to the brigade.")
    assert "18" in got and "2" not in got
