"""Figures as real war news writes them: percentages and shares, money, multipliers, distances,
figures with no noun after them, and who claims each (sentences written for sitrep)."""

from __future__ import annotations

import pytest


def _one(extract, text: str, surface: str):
    """The quantity whose text contains `surface`, checking spans against the text."""
    rep = extract(text)
    for q in rep.quantities:
        assert text[q.span[0] : q.span[1]] == q.text
    got = [q for q in rep.quantities if surface in q.text]
    assert got, (surface, [q.text for q in rep.quantities])
    return got[0]


# sentence, surface, low, high, qualifier, unit
PERCENT = [
    ("Support for the truce fell to 41 percent in May.", "41 percent", 41, 41, "exact", "percent"),
    ("About 52% of the respondents backed new talks.", "About 52%", 52, 52, "approximate", "percent"),
    ("Grain exports rose 18% to $4.2 billion last year.", "18%", 18, 18, "exact", "percent"),
    (
        "The party won 63.5 per cent of the vote in the port city.",
        "63.5 per cent",
        63.5,
        63.5,
        "exact",
        "percent",
    ),
    ("Turnout in the northern districts was only 27%.", "27%", 27, 27, "exact", "percent"),
    (
        "More than half of the residents have left the town.",
        "More than half",
        50,
        None,
        "more_than",
        "percent",
    ),
    ("A third of the harvest was lost to the fires.", "A third", 33.3, 33.3, "exact", "percent"),
    ("Four out of five voters said they backed the mayor.", "Four out of five", 80, 80, "exact", "percent"),
    ("Nearly two-thirds of households have no heating.", "two-thirds", 66.7, 66.7, "approximate", "percent"),
    ("Roughly a quarter of the fleet is in dry dock.", "a quarter", 25, 25, "approximate", "percent"),
    ("One in three schools in the province has a shelter.", "One in three", 33.3, 33.3, "exact", "percent"),
    ("About 2 in 3 farmers in the survey want the levy cut.", "2 in 3", 66.7, 66.7, "approximate", "percent"),
    ("Three in 10 nurses said they would leave within a year.", "Three in 10", 30, 30, "exact", "percent"),
]


@pytest.mark.parametrize(("text", "surface", "low", "high", "qualifier", "unit"), PERCENT)
def test_percentages_and_shares(extract, text, surface, low, high, qualifier, unit):
    q = _one(extract, text, surface)
    assert (q.low, q.high, q.qualifier, q.unit) == (low, high, qualifier, unit)


def test_a_change_from_one_share_to_another_is_two_figures(extract):
    qs = extract("Trust in the council grew from 35 to 48 percent over the winter.").quantities
    assert [(q.text, q.low, q.high, q.unit) for q in qs] == [
        ("35", 35, 35, "percent"),
        ("48 percent", 48, 48, "percent"),
    ]


def test_a_range_without_a_change_verb_stays_a_range(extract):
    q = _one(extract, "Between 20 and 30 percent of the wells are dry.", "20")
    assert (q.low, q.high, q.qualifier) == (20, 30, "range")


MONEY = [
    (
        "The fund holds approximately EUR 260 billion in frozen assets.",
        "260 billion",
        260e9,
        260e9,
        "approximate",
        "EUR",
    ),
    ("The council spent £221m on the new bridge.", "221m", 221_000_000, 221_000_000, "exact", "GBP"),
    ("The deal is worth $1.2bn to the shipyard.", "1.2bn", 1_200_000_000, 1_200_000_000, "exact", "USD"),
    (
        "Warsaw set aside PLN 5 billion for the border wall.",
        "5 billion",
        5_000_000_000,
        5_000_000_000,
        "exact",
        "PLN",
    ),
    (
        "The package is worth about $ 2 billion $ 450 million.",
        "2 billion $ 450 million",
        2_450_000_000,
        2_450_000_000,
        "approximate",
        "USD",
    ),
    (
        "Congress added $ 7 billion 300 million for the army.",
        "7 billion 300 million",
        7_300_000_000,
        7_300_000_000,
        "exact",
        "USD",
    ),
    (
        "It expects spending of around $12 billion to $15 billion.",
        "$12 billion to $15 billion",
        12e9,
        15e9,
        "range",
        "USD",
    ),
]


@pytest.mark.parametrize(("text", "surface", "low", "high", "qualifier", "currency"), MONEY)
def test_money(extract, text, surface, low, high, qualifier, currency):
    q = _one(extract, text, surface)
    assert (q.low, q.high, q.qualifier, q.unit, q.currency) == (low, high, qualifier, "money", currency)


MULTIPLIERS = [
    ("The plan brings a sevenfold increase in reserve troops.", "sevenfold", 7),
    ("Imports of drones are 30 times higher than last year.", "30 times", 30),
    ("The governor twice asked for more generators.", "twice", 2),
    ("The price of diesel has doubled since the spring.", "doubled", 2),
    ("Applications for shelters tripled in the capital.", "tripled", 3),
    ("Officials expect a 10-fold rise in claims.", "10-fold", 10),
]


@pytest.mark.parametrize(("text", "surface", "value"), MULTIPLIERS)
def test_multipliers(extract, text, surface, value):
    q = _one(extract, text, surface)
    assert (q.low, q.high, q.unit) == (value, value, "times")


@pytest.mark.parametrize(
    "text",
    [
        "The minister doubled down on his warning.",
        "Critics accused the board of double standards.",
        "He has visited the front many times.",
    ],
)
def test_idioms_with_multiplier_words_are_no_figures(extract, text):
    assert extract(text).quantities == []


DISTANCES = [
    ("Patrols watch the 600-mile border day and night.", "600", 600, "miles"),
    ("The depot lies some 40km from the front line.", "some 40km", 40, "km"),
    ("The rockets can reach targets 300 kilometers away.", "300 kilometers", 300, "km"),
    ("Troops took back 3.8 thousand square kilometers of farmland.", "3.8 thousand", 3800, "km2"),
]


@pytest.mark.parametrize(("text", "surface", "value", "unit"), DISTANCES)
def test_distances_and_areas(extract, text, surface, value, unit):
    q = _one(extract, text, surface)
    assert (q.low, q.unit) == (value, unit)


def test_a_conversion_in_brackets_is_the_same_figure(extract):
    qs = extract("The bombers flew some 2,100km (1,300 miles) to reach the coast.").quantities
    assert [(q.low, q.unit) for q in qs] == [(2100, "km")]


BARE = [
    ("The total of wounded reached 12 650 by the end of the week.", "12 650", 12650, 12650, "exact"),
    ("The army's total losses now exceed 210,000.", "exceed 210,000", 210000, None, "more_than"),
    ("The number of reservists on alert will rise to 150,000.", "150,000", 150000, 150000, "exact"),
    ("The brigade sent 900 men, including 300 who had never fought.", "300", 300, 300, "exact"),
]


@pytest.mark.parametrize(("text", "surface", "low", "high", "qualifier"), BARE)
def test_figures_without_a_noun_after_them(extract, text, surface, low, high, qualifier):
    q = _one(extract, text, surface)
    assert (q.low, q.high, q.qualifier) == (low, high, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "The alliance invoked Article 5 of its treaty.",
        "The 82nd Airborne Division is on standby.",
        "Leaders of the G7 met in the mountains.",
        "A 16-month-old war has emptied the villages.",
        "It is one of the oldest bridges in the region.",
        "He served in the 1990s as a border guard.",
    ],
)
def test_numbers_that_are_not_figures(extract, text):
    assert extract(text).quantities == []


CLAIMANTS = [
    ("About 400 families were evacuated, according to the regional governor.", "400", "governor"),
    ("According to the state grain agency, exports fell by 12% in June.", "12%", "grain agency"),
    ("Customs data show that 5,000 trucks crossed the border in May.", "5,000", "Customs data"),
    ("The survey found that 64% of voters oppose any concession.", "64%", "survey"),
    ("Kyiv says 14 drones were shot down overnight.", "14", "Kyiv"),
]


@pytest.mark.parametrize(("text", "surface", "claimant"), CLAIMANTS)
def test_claimant_from_the_sentence(extract, text, surface, claimant):
    q = _one(extract, text, surface)
    assert q.claimant is not None and claimant.lower() in q.claimant.name.lower()


def test_a_lede_attributed_in_the_next_sentence(extract):
    text = "The border guards seized 2,000 rifles this year. That's according to the customs service."
    q = _one(extract, text, "2,000")
    assert q.claimant is not None and "customs service" in q.claimant.name


def test_no_attribution_means_no_claimant(extract):
    rep = extract("KYIV (AP) — Some 90 families were evacuated from the island.", source="AP")
    assert rep.quantities and rep.quantities[0].claimant is None


def test_claimant_of_a_quote_continuation(extract):
    text = (
        '"We have lost 30 tanks in a week," General Oleh Marchenko said on Monday.\n\n'
        '"Another 12 are damaged beyond repair."'
    )
    q = _one(extract, text, "12")
    assert q.claimant is not None and "Marchenko" in q.claimant.name
