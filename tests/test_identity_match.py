"""The identity layer's names, units and matching rules, on entity and place rows we wrote ourselves."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.aggregate.identity.authority import Authority, Identity
from sitrep.aggregate.identity.match import resolve
from sitrep.aggregate.identity.names import (
    acronym,
    clean_surface,
    name_like,
    parse_person,
    surnames_match,
    token_key,
)
from sitrep.aggregate.identity.units import Unit, document_units


def ent(seq: int, name: str, type_: str, *surfaces: str, titles: tuple[str, ...] = ()) -> dict[str, Any]:
    """An entity row with one mention per surface (the name itself when none is given)."""
    mentions = [
        {"rowid": seq * 100 + i, "text": s, "start": seq * 1000 + i * 20, "end": seq * 1000 + i * 20 + len(s)}
        for i, s in enumerate(surfaces or (name,))
    ]
    return {
        "seq": seq,
        "name": name,
        "type": type_,
        "titles": list(titles),
        "roles": [],
        "aliases": [],
        "mentions": mentions,
    }


def place(
    seq: int, text: str, name: str, gid: str, start: int, country: str | None = None, feature: str = "city"
) -> dict[str, Any]:
    return {
        "seq": seq,
        "text": text,
        "start": start,
        "end": start + len(text),
        "name": name,
        "country": country,
        "lat": 0.0,
        "lon": 0.0,
        "feature": feature,
        "gazetteer_id": gid,
    }


def run(
    docs: list[tuple[str, str, list[dict[str, Any]], list[dict[str, Any]]]], auth: Authority | None = None
) -> tuple[Authority, list[tuple[Unit, Identity]]]:
    auth = auth or Authority()
    units = [u for doc_id, date, ents, places in docs for u in document_units(doc_id, date, ents, places)]
    return auth, resolve(units, auth)


def owner(pairs: list[tuple[Unit, Identity]], alias: str) -> set[str]:
    """Ids of the identities holding this exact alias."""
    return {i.id for u, i in pairs if alias in u.aliases}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zelenskyy", "Zelensky"),
        ("Zelenskiy", "Zełenski"),
        ("ZELENSKI", "Zelensky"),
        ("Wołodymyr", "Volodymyr"),
        ("Kharkov", "Harkov"),
        ("Sergei", "Sergey"),
        ("Aleksandr", "Alexsandr"),
    ],
)
def test_spelling_variants_share_a_key(a: str, b: str) -> None:
    assert token_key(a) == token_key(b)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("zelensky", "zelnsky", True),  # a vowel dropped by a machine translation
        ("zelensky", "zelansky", True),
        ("zelensky", "zelenska", False),  # his wife's family name: another person
        ("ivanov", "ivanova", False),
        ("clinton", "clifton", False),  # a consonant differs: another name
        ("miley", "miler", False),
    ],
)
def test_family_names_match_only_by_vowel_garbles_of_one_gender(a: str, b: str, same: bool) -> None:
    assert surnames_match(a, b) is same


def test_surfaces_are_cleaned_and_descriptions_are_no_names() -> None:
    assert clean_surface("Kharkiv.-") == "Kharkiv"
    assert clean_surface("E.U.") == "E.U."
    assert clean_surface("Mariupol's") == "Mariupol"
    assert clean_surface("Olena] Zelenska") is None
    assert clean_surface("Jan Kowalski Piotr Nowak/Agency") is None
    assert name_like("Kremlin") and not name_like("a close aide of the president")
    assert acronym("E.U.") == "eu" and acronym("North Atlantic Treaty Organization") == "nato"


def test_person_names_split_into_parts() -> None:
    p = parse_person("Gen. Mark A. Milley")
    assert p is not None and (p.given, p.middle, p.surname) == ("mark", ("a",), "miley")
    jr = parse_person("Donald Trump Jr.")
    assert jr is not None and jr.suffix == "jr" and jr.key != parse_person("Donald Trump").key  # type: ignore[union-attr]
    assert parse_person("Bashar al-Assad").surname == parse_person("Assad").surname  # type: ignore[union-attr]
    assert parse_person("Mrs Clinton").title_gender == "f"  # type: ignore[union-attr]


def test_transliterations_and_garbles_of_one_president_are_one_identity() -> None:
    auth, pairs = run(
        [
            (
                "d1",
                "2022-03-01",
                [ent(0, "Volodymyr Zelensky", "PERSON", "Volodymyr Zelensky", "Zelensky")],
                [],
            ),
            ("d2", "2022-03-02", [ent(0, "Volodymyr Zelenskiy", "ORG")], []),
            (
                "d3",
                "2022-03-03",
                [ent(0, "Wołodymyr Zełenski", "PERSON", "Wołodymyr Zełenski", "Zełenski")],
                [],
            ),
            ("d4", "2022-03-04", [ent(0, "Wołodymyr Zelnski", "PERSON")], []),
            ("d5", "2022-03-05", [ent(0, "Zelenskyy", "PERSON", titles=("President",))], []),
        ]
    )
    ids = {i.id for _, i in pairs}
    assert len(ids) == 1
    (ident,) = [auth.ids[i] for i in ids]
    assert ident.type == "PERSON" and ident.name == "Volodymyr Zelensky"


def test_a_wife_and_a_husband_sharing_a_family_name_stay_apart() -> None:
    # in-document coreference wrongly put "Zelenska" into the president's entity in d2
    _, pairs = run(
        [
            ("d1", "2022-03-01", [ent(0, "Olena Zelenska", "PERSON", "Olena Zelenska", "Zelenska")], []),
            (
                "d2",
                "2022-03-02",
                [ent(0, "Volodymyr Zelensky", "PERSON", "Volodymyr Zelensky", "Zelenska")],
                [],
            ),
        ]
    )
    assert owner(pairs, "Olena Zelenska") != owner(pairs, "Volodymyr Zelensky")
    assert owner(pairs, "Zelenska") == owner(pairs, "Olena Zelenska")


def test_people_sharing_a_name_part_stay_apart_and_a_bare_family_name_follows_its_document() -> None:
    _, pairs = run(
        [
            (
                "d1",
                "1999-12-01",
                [ent(0, "Elian Gonzalez", "PERSON"), ent(1, "Lazaro Gonzalez", "PERSON")],
                [],
            ),
            (
                "d2",
                "1999-12-02",
                [ent(0, "Juan Miguel Gonzalez", "PERSON", "Juan Miguel Gonzalez", "Gonzalez")],
                [],
            ),
            ("d3", "1998-01-05", [ent(0, "Hillary Clinton", "PERSON"), ent(1, "Bill Clinton", "PERSON")], []),
            ("d4", "1998-01-06", [ent(0, "Bill Clinton", "PERSON"), ent(1, "Clinton", "PERSON")], []),
        ]
    )
    people = [owner(pairs, n) for n in ("Elian Gonzalez", "Lazaro Gonzalez", "Juan Miguel Gonzalez")]
    assert len(set().union(*people)) == 3
    assert owner(pairs, "Hillary Clinton") != owner(pairs, "Bill Clinton")
    d4 = {i.id for u, i in pairs if u.doc_id == "d4"}
    assert d4 == owner(pairs, "Bill Clinton")


def test_a_bare_family_name_joins_the_one_full_name_of_its_period() -> None:
    docs = [(f"d{n}", f"2022-05-{n + 1:02d}", [ent(0, "Vladimir Putin", "PERSON")], []) for n in range(3)]
    docs.append(("d9", "2022-06-01", [ent(0, "Mr Putin", "PERSON"), ent(1, "Putin", "ORG")], []))
    _, pairs = run(docs)
    assert len({i.id for _, i in pairs}) == 1


def test_a_person_glued_to_a_country_is_neither_the_country_nor_joined_to_it() -> None:
    doc = [
        ent(0, "Belarus Alexander Lukashenko", "GPE", "Belarus Alexander Lukashenko", "Belarus", "Lukashenko")
    ]
    _, pairs = run([("d1", "2022-02-01", doc, []), ("d2", "2022-02-02", [ent(0, "Belarus", "GPE")], [])])
    assert owner(pairs, "Lukashenko") == owner(pairs, "Alexander Lukashenko")
    assert owner(pairs, "Belarus") and owner(pairs, "Belarus") != owner(pairs, "Lukashenko")


def test_a_bloc_is_not_the_continent_and_a_country_is_one_identity_whatever_its_type() -> None:
    docs = [
        (
            "d1",
            "2022-01-01",
            [ent(0, "European Union", "ORG", "European Union", "EU")],
            [place(0, "Europe", "Europe", "geonames:6255148", 5000, feature="continent")],
        ),
        # the gazetteer files "EU" under Europe: the place row must still join the bloc
        (
            "d2",
            "2022-01-02",
            [ent(0, "Ukraine", "GPE")],
            [
                place(0, "EU", "Europe", "sitrep:europe", 7000, feature="continent"),
                place(1, "Ukraine", "Ukraine", "geonames:690791", 0, country="UA", feature="country"),
            ],
        ),
        (
            "d3",
            "2022-01-03",
            [ent(0, "Ukrainian", "NORP"), ent(1, "Kremlin", "ORG"), ent(2, "Vladimir Putin", "PERSON")],
            [place(0, "Ukraine.-", "Ukraine", "geonames:690791", 9000, country="UA", feature="country")],
        ),
    ]
    auth, pairs = run(docs)
    assert owner(pairs, "EU") == owner(pairs, "European Union") != owner(pairs, "Europe")
    assert (
        len(owner(pairs, "Ukraine")) == 1
        and "Ukraine.-" not in auth.ids[next(iter(owner(pairs, "Ukraine")))].aliases
    )
    assert owner(pairs, "Ukrainian") != owner(pairs, "Ukraine")
    (group,) = [auth.ids[i] for i in owner(pairs, "Ukrainian")]
    assert group.country == "Ukraine"
    assert owner(pairs, "Kremlin") != owner(pairs, "Vladimir Putin")


def test_spellings_of_one_city_are_one_place() -> None:
    docs = [
        ("d1", "2022-01-01", [ent(0, "Kiev", "GPE")], []),
        ("d2", "2022-01-02", [ent(0, "Kyiv", "GPE")], []),
        ("d3", "2022-01-03", [ent(0, "Kharkov", "GPE"), ent(1, "Kharkiv", "LOC")], []),
    ]
    _, pairs = run(docs)
    assert len(owner(pairs, "Kiev") | owner(pairs, "Kyiv")) == 1
    assert len(owner(pairs, "Kharkov") | owner(pairs, "Kharkiv")) == 1


def test_an_acronym_joins_the_one_name_it_abbreviates() -> None:
    docs = [
        ("d1", "2022-01-01", [ent(0, "Organization for Security and Co-operation in Europe", "ORG")], []),
        ("d2", "2022-01-02", [ent(0, "OSCE", "ORG")], []),
        (
            "d3",
            "2022-01-03",
            [ent(0, "Nato", "ORG"), ent(1, "North Atlantic Treaty Organization", "ORG")],
            [],
        ),
    ]
    _, pairs = run(docs)
    assert owner(pairs, "OSCE") == owner(pairs, "Organization for Security and Co-operation in Europe")
    assert owner(pairs, "Nato") == owner(pairs, "North Atlantic Treaty Organization")


def test_adding_documents_later_gives_the_same_identities_as_all_at_once() -> None:
    docs = [
        ("d1", "2022-03-01", [ent(0, "Volodymyr Zelensky", "PERSON"), ent(1, "Kyiv", "GPE")], []),
        ("d2", "2022-03-02", [ent(0, "Zelenskiy", "PERSON"), ent(1, "Kiev", "GPE")], []),
        ("d3", "2022-03-03", [ent(0, "Olena Zelenska", "PERSON"), ent(1, "NATO", "ORG")], []),
        (
            "d4",
            "2022-03-04",
            [ent(0, "Zelenska", "PERSON"), ent(1, "North Atlantic Treaty Organization", "ORG")],
            [],
        ),
    ]
    _, once = run(docs)
    auth = Authority()
    _, first = run(docs[:2], auth)
    _, later = run(docs[2:], auth)

    def partition(pairs: list[tuple[Unit, Identity]]) -> set[frozenset[str]]:
        groups: dict[str, set[str]] = {}
        for u, i in pairs:
            groups.setdefault(i.id, set()).update(u.aliases)
        return {frozenset(g) for g in groups.values()}

    assert partition(once) == partition(first + later)


def _many(
    name: str, n: int, start: int = 0
) -> list[tuple[str, str, list[dict[str, Any]], list[dict[str, Any]]]]:
    return [
        (f"{name}{k}", f"2016-03-{k + 1:02d}", [ent(0, name, "PERSON")], []) for k in range(start, start + n)
    ]


def test_a_given_name_alone_joins_the_one_person_it_denotes_in_the_period() -> None:
    docs = _many("Hillary Clinton", 6) + _many("Bill Clinton", 1, 6)
    docs.append(("x", "2016-04-01", [ent(0, "Hillary", "PERSON")], []))
    docs.append(("y", "2016-04-02", [ent(0, "Tim Kaine", "PERSON")], []))
    docs.append(("z", "2016-04-03", [ent(0, "Timothy M. Kaine", "PERSON")], []))
    _, pairs = run(docs)
    assert owner(pairs, "Hillary") == owner(pairs, "Hillary Clinton")
    assert owner(pairs, "Tim Kaine") == owner(pairs, "Timothy M. Kaine")


def test_a_small_town_sharing_a_politicians_name_is_the_politician_and_a_capital_stays_a_place() -> None:
    docs = _many("Barack Obama", 5)
    docs.append(("o", "2016-04-01", [ent(0, "Obama", "GPE")], []))
    docs.append(("k", "2016-04-02", [ent(0, "Kiev", "PERSON")], []))
    _, pairs = run(docs)
    assert owner(pairs, "Obama") == owner(pairs, "Barack Obama")
    assert owner(pairs, "Kiev") and all(i.startswith("place:") for i in owner(pairs, "Kiev"))


def test_a_family_name_alone_goes_to_its_dominant_bearer_and_headline_words_are_dropped() -> None:
    docs = _many("Donald Trump", 6)
    docs.append(("m", "2016-04-01", [ent(0, "Melania Trump", "PERSON", "Melania Trump", "Trump")], []))
    docs.append(("b", "2016-04-02", [ent(0, "Billionaire Donald Trump", "PERSON")], []))
    docs.append(("t", "2016-04-03", [ent(0, "Trump Tower", "PERSON", "Trump Tower", "Trump")], []))
    auth, pairs = run(docs)
    donald = owner(pairs, "Donald Trump")
    assert owner(pairs, "Trump") == donald
    assert owner(pairs, "Melania Trump") != donald and owner(pairs, "Trump Tower") != donald
    assert {i.id for u, i in pairs if u.doc_id == "b"} == donald


def test_a_father_and_son_told_apart_by_middle_initials_stay_apart() -> None:
    docs = [
        ("b1", "2016-01-01", [ent(0, "George Bush", "PERSON")], []),
        ("b2", "2016-01-02", [ent(0, "George W. Bush", "PERSON")], []),
        ("b3", "2016-01-03", [ent(0, "George H.W. Bush", "PERSON")], []),
        ("b4", "2016-01-04", [ent(0, "George W Bush", "PERSON")], []),
    ]
    _, pairs = run(docs)
    assert owner(pairs, "George W. Bush") == owner(pairs, "George Bush") == owner(pairs, "George W Bush")
    assert owner(pairs, "George H.W. Bush") != owner(pairs, "George W. Bush")
