"""Quantities: bounds, subjects, outcomes, hedges, claimants and what is not a quantity."""

from __future__ import annotations

import pytest

from sitrep.api import make_doc
from sitrep.components.quantities.component import find_quantities
from sitrep.model import Speaker, Statement, TextSpan

# sentence, surface, low, high, qualifier, subject, outcome
CLAIMS = [
    (
        "Officials said 2,731 civilians had been killed in the region.",
        "2,731",
        2731,
        2731,
        "exact",
        "civilians",
        ["killed"],
    ),
    (
        "As many as 9,000 villagers were displaced by the floods.",
        "As many as 9,000",
        None,
        9000,
        "at_most",
        "villagers",
        ["displaced"],
    ),
    (
        "Well over 70,000 soldiers have been wounded, the ministry said.",
        "Well over 70,000",
        70000,
        None,
        "more_than",
        "soldiers",
        ["wounded"],
    ),
    (
        "At least 18 police officers were injured in the riots.",
        "At least 18",
        18,
        None,
        "at_least",
        "police officers",
        ["wounded"],
    ),
    (
        "More than 640 detainees were freed on Friday.",
        "More than 640",
        640,
        None,
        "more_than",
        "detainees",
        ["released"],
    ),
    ("Fewer than 90 residents stayed behind.", "Fewer than 90", None, 90, "less_than", "residents", []),
    (
        "No more than 35 fighters are left in the ruins.",
        "No more than 35",
        None,
        35,
        "at_most",
        "fighters",
        [],
    ),
    (
        "About 700 people were arrested across the country.",
        "About 700",
        700,
        700,
        "approximate",
        "people",
        ["arrested"],
    ),
    (
        "Nearly 4,000 homes were damaged by the shelling.",
        "Nearly 4,000",
        4000,
        4000,
        "approximate",
        "homes",
        ["damaged"],
    ),
    (
        "Almost 600 peacekeepers were deployed to the buffer zone.",
        "Almost 600",
        600,
        600,
        "approximate",
        "peacekeepers",
        ["deployed"],
    ),
    (
        "An estimated 30,000 Syrian soldiers are stationed in the north.",
        "An estimated 30,000",
        30000,
        30000,
        "approximate",
        "Syrian soldiers",
        ["deployed"],
    ),
    (
        "Seventy-two miners are missing after the blast.",
        "Seventy-two",
        72,
        72,
        "exact",
        "miners",
        ["missing"],
    ),
    (
        "Some 2.3 million people fled the fighting.",
        "Some 2.3 million",
        2300000,
        2300000,
        "approximate",
        "people",
        ["fled"],
    ),
    (
        "Between 40 and 60 hostages were rescued by commandos.",
        "Between 40 and 60",
        40,
        60,
        "range",
        "hostages",
        ["rescued"],
    ),
    (
        "From 8,000 to 10,000 troops were sent to the border.",
        "From 8,000 to 10,000",
        8000,
        10000,
        "range",
        "troops",
        ["deployed"],
    ),
    (
        "Local officials said 300-400 families were evacuated.",
        "300-400",
        300,
        400,
        "range",
        "families",
        ["evacuated"],
    ),
    (
        "Dozens of journalists were detained during the march.",
        "Dozens",
        24,
        99,
        "range",
        "journalists",
        ["detained"],
    ),
    ("Hundreds of civilians died in the siege.", "Hundreds", 200, 999, "range", "civilians", ["killed"]),
    (
        "Tens of thousands of people were evacuated from the coast.",
        "Tens of thousands",
        20000,
        99999,
        "range",
        "people",
        ["evacuated"],
    ),
    ("Several medics were captured near the front.", "Several", 3, 9, "range", "medics", ["captured"]),
    (
        "The strikes killed 14 civilians and wounded 37 others.",
        "14",
        14,
        14,
        "exact",
        "civilians",
        ["killed"],
    ),
    ("The strikes killed 14 civilians and wounded 37 others.", "37", 37, 37, "exact", "others", ["wounded"]),
    (
        "More than 500 casualties arrived at the hospital.",
        "More than 500",
        500,
        None,
        "more_than",
        "casualties",
        ["killed", "wounded"],
    ),
    (
        "The ministry said 80 Russian paratroopers and 12 officers were captured.",
        "12",
        12,
        12,
        "exact",
        "Russian officers",
        ["captured"],
    ),
    (
        "Moscow has sent 10,000 conscripts to the front, officials said.",
        "10,000",
        10000,
        10000,
        "exact",
        "Russian conscripts",
        ["deployed"],
    ),
    (
        "The government pledged $2.5 billion in humanitarian aid.",
        "$2.5 billion",
        2500000000,
        2500000000,
        "exact",
        "humanitarian aid",
        [],
    ),
    (
        "About 30 percent of the city has no electricity.",
        "About 30 percent",
        30,
        30,
        "approximate",
        "city",
        [],
    ),
    ("The death toll climbed to 112 on Sunday.", "112", 112, 112, "exact", None, ["killed"]),
    ("A dozen drones were shot down over the capital.", "A dozen", 12, 12, "exact", "drones", ["destroyed"]),
    ("Half a million people have no running water.", "Half a million", 500000, 500000, "exact", "people", []),
]


@pytest.mark.parametrize("sentence, surface, low, high, qualifier, subject, outcome", CLAIMS)
def test_claims(extract, sentence, surface, low, high, qualifier, subject, outcome):
    report = extract(sentence)
    found = [q for q in report.quantities if q.text == surface]
    assert found, [q.text for q in report.quantities]
    q = found[0]
    assert sentence[q.span[0] : q.span[1]] == surface
    assert (q.low, q.high, q.qualifier) == (low, high, qualifier)
    assert q.subject == subject
    assert q.outcome == outcome


SHARED_NUMBER = (
    "Aid groups say up to 25,000 civilians and well over 60,000 soldiers have been killed or wounded."
)


def test_shared_outcomes_give_two_claims(extract):
    qs = extract(SHARED_NUMBER).quantities
    assert [(q.subject, q.outcome) for q in qs] == [
        ("civilians", ["killed", "wounded"]),
        ("soldiers", ["killed", "wounded"]),
    ]
    assert (qs[0].high, qs[0].qualifier, qs[1].low, qs[1].qualifier) == (25000, "at_most", 60000, "more_than")
    assert qs[0].hedged and "up to" in qs[0].hedges
    assert not qs[1].hedged


@pytest.mark.parametrize(
    "sentence, hedge",
    [
        ("At least 20 people were reportedly killed in the raid.", "reportedly"),
        ("The blast may have killed 40 workers.", "may have"),
        ("Around 300 fighters are probably still in the mine.", "probably"),
        ("Up to 1,000 civilians were possibly trapped.", "up to"),
        ("An estimated 5,000 Iraqi soldiers died.", "an estimated"),
    ],
)
def test_hedges(extract, sentence, hedge):
    q = extract(sentence).quantities[0]
    assert q.hedged and hedge in q.hedges


def test_plain_claim_is_not_hedged(extract):
    q = extract("Police arrested 41 protesters on Monday.").quantities[0]
    assert not q.hedged and q.hedges == []


def test_vague_keeps_surface(extract):
    q = extract("Scores of tanks were abandoned in the mud.").quantities[0]
    assert q.vague and q.text == "Scores" and (q.low, q.high) == (40, 99)
    assert q.unit == "vehicles"


@pytest.mark.parametrize(
    "sentence",
    [
        "The war began in 2014 and escalated in 2022.",
        "Talks resumed on 14 March at 09:30 in Vienna.",
        "The meeting ended at 6 p.m. without a deal.",
        "Shelling continued for several days.",
        "The 3rd Army crossed the river.",
        "He fought in World War II as a young man.",
        "Journalists can call +44 20 7946 0958 for accreditation.",
        "Satellite images showed T-90 tanks and Su-34 bombers.",
        "The unit fires HIMARS M142 rockets.",
        "One of the commanders resigned.",
        "One day the sirens stopped.",
        "No one was hurt in the fire.",
        "She said she was 100 percent certain.",
        "Maria Lopez, 52, a nurse, said the ward was full.",
        "The 61-year-old minister resigned on Friday.",
        "The Airbus 320 landed in Warsaw.",
        "The Group of Twenty met in Bali.",
        "He was jailed for 8 years.",
    ],
)
def test_not_quantities(extract, sentence):
    assert extract(sentence).quantities == []


def test_unit_from_a_compound_modifier(extract):
    q = extract("Rebels shot down 2 helicopter gunships.").quantities[0]
    assert (q.unit, q.subject, q.outcome) == ("aircraft", "helicopter gunships", ["destroyed"])


def test_units_and_currency(extract):
    qs = extract(
        "The brigade lost 40 tanks, 6 helicopters and 2 boats, a loss of 30 million euros."
    ).quantities
    assert [q.unit for q in qs] == ["vehicles", "aircraft", "vessels", "money"]
    assert qs[-1].currency == "EUR"


def _doc(nlp, text):
    return nlp(make_doc(nlp, text, published="2022-11-10"))


def test_claimant_is_the_speaker_of_the_enclosing_statement(nlp):
    text = "The mayor said 250 people were evacuated. The river rose by night."
    doc = _doc(nlp, text)
    content = "250 people were evacuated"
    s = text.index(content)
    st = Statement(
        id="s9",
        speaker=Speaker(name="Anna Kovalenko"),
        cue=TextSpan(text="said", span=(10, 14)),
        kind="indirect",
        content=TextSpan(text=content, span=(s, s + len(content))),
    )
    q = find_quantities(doc, statements=[st])[0]
    assert q.claimant.name == "Anna Kovalenko" and q.claimant.statement == "s9"


def test_no_claimant_without_attribution(nlp):
    doc = _doc(nlp, "Some 90 families were evacuated from the island.")
    q = find_quantities(doc, statements=[])[0]
    assert q.claimant is None


def test_claimant_from_the_pipeline_statements(extract):
    text = "General Ana Ruiz said 3,000 troops had been deployed to the valley."
    q = extract(text).quantities[0]
    assert "Ruiz" in q.claimant.name


def test_elliptical_follow_up(extract):
    text = (
        "The general said more than 50,000 Russian soldiers have been killed or wounded. "
        '"The same thing probably on the Ukrainian side," he added.'
    )
    qs = extract(text).quantities
    assert len(qs) == 2
    copy = qs[1]
    assert copy.derived_from == qs[0].id
    assert copy.subject == "Ukrainian soldiers" and copy.low == 50000 and copy.hedged
    assert text[copy.span[0] : copy.span[1]] == copy.text


@pytest.mark.parametrize(
    "sentence",
    [
        "In nineteen ninety-four the border was closed.",
        "Police searched the flat at 212 Harbour St. on Monday.",
        "One contrary view came from the opposition.",
        "Growth slowed over the past several quarters.",
        "The treaty secures the base for at least 20 more years.",
        "The 1994 agreement was never ratified.",
        "The laptop runs on the 8086 processor.",
        "The No. 2 party in parliament walked out.",
        "The ceasefire starts at 1800 local time.",
    ],
)
def test_more_non_quantities(extract, sentence):
    assert extract(sentence).quantities == []


@pytest.mark.parametrize(
    "sentence, surface, low, high, qualifier, unit, subject",
    [
        ("Rebels hold 15% to 20% of the province.", "15% to 20%", 15, 20, "range", "percent", "province"),
        (
            "The plan will cost $5 million to $7 million.",
            "$5 million to $7 million",
            5_000_000,
            7_000_000,
            "range",
            "money",
            None,
        ),
        (
            "The donor gave a hundred thirty million dollars.",
            "a hundred thirty million",
            130_000_000,
            130_000_000,
            "exact",
            "money",
            None,
        ),
        (
            "Engineers built a fifty million dollar hospital.",
            "fifty million",
            50_000_000,
            50_000_000,
            "exact",
            "money",
            "hospital",
        ),
        ("Troops seized eight of the rebels' arms depots.", "eight", 8, 8, "exact", "items", "arms depots"),
        ("Nine of its soldiers were captured.", "Nine", 9, 9, "exact", "people", "soldiers"),
        ("Police found 900 pounds of explosives.", "900 pounds", 900, 900, "exact", "lb", "explosives"),
    ],
)
def test_units_ranges_and_partitives(extract, sentence, surface, low, high, qualifier, unit, subject):
    found = [q for q in extract(sentence).quantities if q.text == surface]
    assert found, [q.text for q in extract(sentence).quantities]
    q = found[0]
    assert sentence[q.span[0] : q.span[1]] == surface
    assert (q.low, q.high, q.qualifier, q.unit, q.subject) == (low, high, qualifier, unit, subject)


def test_place_and_time_from_the_same_sentence(nlp):
    from sitrep.model import Place, Time

    text = "On Tuesday, 14 soldiers were killed in Kharkiv. Rain fell in Lviv on Friday."
    doc = _doc(nlp, text)
    doc._.sitrep_places = [
        Place(
            text="Kharkiv", span=(39, 46), name="Kharkiv", country="UA", lat=50.0, lon=36.2, feature="city"
        ),
        Place(text="Lviv", span=(61, 65), name="Lviv", country="UA", lat=49.8, lon=24.0, feature="city"),
    ]
    doc._.sitrep_times = [
        Time(text="Tuesday", span=(3, 10), type="date", value="2022-11-08"),
        Time(text="Friday", span=(69, 75), type="date", value="2022-11-04"),
    ]
    q = find_quantities(doc, statements=[])[0]
    assert (q.place, q.time) == ("Kharkiv", "2022-11-08")


@pytest.mark.parametrize(
    "sentence, surface, outcome",
    [
        ("The landslide claimed at least 90 lives.", "at least 90", ["killed"]),
        ("Two medics were among 15 people hurt in the blast.", "Two", ["wounded"]),
        ("Five sailors are missing and presumed dead.", "Five", ["missing", "killed"]),
        ("The storm wrecked 80 boats and forced thousands of people to flee.", "80", []),
        ("A gunman opened fire, killing 9 people and wounding 12.", "12", ["wounded"]),
    ],
)
def test_outcome_constructions(extract, sentence, surface, outcome):
    q = next(q for q in extract(sentence).quantities if q.text == surface)
    assert q.outcome == outcome


def test_sums_and_index_values(extract):
    qs = extract(
        "The company lost $7.2 million and presented claims for $2 billion damages. The index fell to 437.68."
    ).quantities
    assert [(q.text, q.outcome) for q in qs] == [("$7.2 million", ["lost"]), ("$2 billion", [])]


@pytest.mark.parametrize(
    "sentence, outcome",
    [
        ("Air defences shot down 14 drones overnight.", ["destroyed"]),
        ("Police shot 3 protesters in the square.", []),
        ("About 700 soldiers were taken prisoner.", ["captured"]),
    ],
)
def test_particle_outcomes(extract, sentence, outcome):
    assert extract(sentence).quantities[0].outcome == outcome


def test_impersonal_hedge(extract):
    q = extract("It is possible that 40 soldiers died in the crossing.").quantities[0]
    assert q.hedged and q.hedges == ["possible"]


def test_the_outlet_is_no_claimant(extract):
    wire = extract("KYIV, Ukraine (AP) — At least 12 civilians were killed in shelling overnight.")
    assert wire.quantities[0].claimant is None
    named = extract("At least 12 civilians were killed in shelling overnight.", source="Reuters")
    assert named.quantities[0].claimant is None and named.document.source == "Reuters"
