"""What a figure refers to (`Quantity.referent`): counted thing, side, place, scope, countable.

Sentences written for these tests; each row names the figure's surface and the referent parts expected.
"""

from __future__ import annotations

import pytest

from sitrep.referents import counted_of, referent_from_subject, side_of

CASES = [
    # surface, sentence, expected referent parts
    (
        "more than 90,000",
        "Moscow has gathered more than 90,000 troops along the frontier with Ukraine, officials said.",
        {"counted": "soldier", "side": "Russia", "place": "Ukraine", "scope": "as_of", "countable": True},
    ),
    (
        "2,500",
        "The Pentagon will move 2,500 soldiers to Lithuania next month.",
        {"counted": "soldier", "place": "Lithuania", "countable": True},
    ),
    (
        "4,000",
        "Washington sent another 4,000 troops to Estonia this week.",
        {"counted": "soldier", "side": "United States", "scope": "change"},
    ),
    (
        "about 450",
        "The army says it is losing about 450 Russian soldiers a day in the fighting near Bakhmut.",
        {"counted": "soldier", "side": "Russia", "scope": "per_period", "period": "P1D"},
    ),
    (
        "some 31,000",
        "Since March 3, some 31,000 refugees have crossed into Moldova, the agency said.",
        {"counted": "refugee", "scope": "since", "countable": True},
    ),
    (
        "12,000",
        "Syria's 12,000 fighters were moved to the coast.",
        {"side": "Syria"},
    ),
    (
        "1,200",
        "A poll of 1,200 adults found most backed the plan.",
        {"countable": False},
    ),
    (
        "Some 64",
        "Some 64 percent of Estonians back higher defence spending, a survey found.",
        {"countable": False},
    ),
    (
        "two",
        "The two leaders met in Geneva on Friday.",
        {"countable": False},
    ),
    (
        "three",
        "Diplomats from three countries walked out of the talks.",
        {"counted": "country", "countable": False},
    ),
    (
        "$900 million",
        "The government announced $900 million in aid for farmers.",
        {"countable": False},
    ),
    (
        "At least 14",
        "At least 14 civilians were killed in Kherson when shells hit a market, the governor said.",
        {"counted": "civilian", "place": "Kherson", "scope": "as_of", "countable": True},
    ),
    (
        "2,000",
        "Some 9,000 people fled the city, including 2,000 children, officials said.",
        {"countable": False},
    ),
    (
        "more than 80,000",
        "Moscow has massed more than 80,000 troops on the Ukrainian border.",
        {"side": "Russia", "place": "Ukraine"},
    ),
    (
        "600",
        "According to a senior White House official, 600 troops arrived overnight.",
        {"place": None},
    ),
    (
        "about 60,000",
        "Belarus will not take part. Moscow has stationed about 60,000 soldiers near the border.",
        {"side": "Russia", "place": "Belarus"},
    ),
    (
        "some 45,000",
        "The Kremlin denies it will invade Georgia, but Moscow massed some 45,000 troops on its doorstep.",
        {"side": "Russia", "place": "Georgia"},
    ),
    (
        "roughly 9,000",
        "Armenia says roughly 9,000 soldiers of Azerbaijan are camped along the frontier.",
        {"side": "Azerbaijan", "place": "Armenia"},
    ),
    (
        "about 3,500",
        "Syria has suffered about 3,500 casualties in the fighting this year, the monitor said.",
        {"side": "Syria", "counted": "person"},
    ),
    (
        "400",
        "Sudan has 400 prisoners of war, the ministry said.",
        {"side": None},
    ),
    (
        "212,400",
        "In Chad the number of people forcibly displaced rose by 212,400 to stand at 1.1 million.",
        {"scope": "change"},
    ),
    (
        "20,000",
        "If Turkey sends 20,000 soldiers into Iraq, the talks will collapse.",
        {"countable": False},
    ),
    (
        "8,000",
        "We will fight on, no matter whether 8,000 or 80,000 soldiers stand on the border.",
        {"countable": False},
    ),
    (
        "25 miles",
        "The convoy stopped 25 miles from Kharkiv.",
        {"countable": False},
    ),
    (
        "about 4,000",
        "Officials estimated Iran had sent about 4,000 fighters; Iraq's own militia totals about 9,000.",
        {"side": "Iran"},
    ),
    (
        "about 9,000",
        "Officials estimated Iran had sent about 4,000 fighters; Iraq's own militia totals about 9,000.",
        {"side": None},
    ),
]


@pytest.mark.parametrize("surface, text, expected", CASES, ids=[c[0] for c in CASES])
def test_referent_parts(extract, surface, text, expected):
    report = extract(text, published="2023-03-10")
    found = [q for q in report.quantities if q.text == surface or q.text.startswith(surface + " ")]
    assert found, [q.text for q in report.quantities]
    q = found[0]
    assert text[q.span[0] : q.span[1]] == q.text
    assert q.referent is not None
    got = q.referent.model_dump()
    assert {k: got[k] for k in expected} == expected


def test_a_place_carries_its_gazetteer_id(extract):
    report = extract("At least 14 civilians were killed in Kherson on Tuesday.", published="2023-03-10")
    ref = report.quantities[0].referent
    assert ref is not None and ref.place == "Kherson" and ref.place_id


def test_every_figure_has_a_referent(extract):
    text = (
        "KYIV (Reuters) - Russia has massed 100,000 troops near the border, and 3,000 people fled the "
        "city on Monday, the mayor said. Two world wars began in Europe."
    )
    report = extract(text, published="2022-02-01")
    assert report.quantities and all(q.referent is not None for q in report.quantities)


@pytest.mark.parametrize(
    "subject, counted, side",
    [
        ("Russian troops", "soldier", "Russia"),
        ("the Ukrainian servicemen", "soldier", "Ukraine"),
        ("service members", "soldier", None),
        ("civilians in Mariupol", "civilian", None),
        ("American citizens", "citizen", "United States"),
        ("children", "child", None),
        ("casualties", "person", None),
    ],
)
def test_a_subject_alone_names_what_is_counted(subject, counted, side):
    ref = referent_from_subject(subject, "people", [])
    assert (ref.counted, ref.side) == (counted, side)


def test_words_of_the_lexicons():
    assert counted_of("troop").counted == counted_of("member", "service").counted == "soldier"
    assert not counted_of("country").countable and counted_of("tank").arms and counted_of("troop").military
    assert side_of("Kremlin") == "Russia" and side_of("us") is None and side_of("U.S.") == "United States"
