"""Places: gazetteer lookup, disambiguation in context, exact spans, non-places and datelines."""

from __future__ import annotations

import pytest

from sitrep.components.places.component import find_places
from sitrep.gazetteer import distance_km, load, normalize
from sitrep.pipeline import build_pipeline


@pytest.fixture(scope="module")
def parse():
    """Base model plus the document and places components (the places tests need nothing else)."""
    nlp = build_pipeline(components=("sitrep_document", "sitrep_places"))

    def run(text: str):
        return nlp(text)

    return run


def places_of(parse, text: str, demonyms: bool = False):
    """Places found in `text`, every span checked against the text."""
    doc = parse(text)
    found = find_places(doc, demonyms=demonyms)
    for p in found:
        assert text[p.span[0] : p.span[1]] == p.text
        assert 0.0 < p.confidence <= 1.0
    return found


def the(places, surface: str):
    """The one place whose text contains `surface`."""
    hits = [p for p in places if surface in p.text]
    assert hits, f"{surface!r} not found among {[p.text for p in places]}"
    return hits[0]


RESOLVE = [
    # (text, surface, country, feature, lat, lon)
    ("Shelling hit Kherson on Tuesday, local officials said.", "Kherson", "UA", "city", 46.64, 32.61),
    ("Fighting went on across the Kherson region overnight.", "Kherson region", "UA", "region", 46.6, 33.5),
    (
        "Authorities in the Kherson oblast ordered an evacuation.",
        "Kherson oblast",
        "UA",
        "region",
        46.6,
        33.5,
    ),
    (
        "Troops pulled back to the east bank of the Dnieper after weeks of shelling.",
        "Dnieper",
        "UA",
        "river",
        46.6,
        32.7,
    ),
    ("Moscow seized Crimea in 2014 and has held it since.", "Crimea", "UA", "peninsula", 45.3, 34.4),
    ("Naval drones were seen off the Black Sea coast on Friday.", "Black Sea", None, "sea", 43.0, 35.0),
    ("Aid convoys entered the Gaza Strip on Sunday.", "Gaza Strip", "PS", "region", 31.42, 34.37),
    (
        "Thousands of families fled Darfur for neighbouring Chad last year.",
        "Darfur",
        "SD",
        "region",
        13.5,
        24.0,
    ),
    ("Federal troops pushed into Tigray in November.", "Tigray", "ET", "region", 14.0, 39.0),
    (
        "Tankers slowed near the Strait of Hormuz after the seizure.",
        "Strait of Hormuz",
        None,
        "strait",
        26.57,
        56.25,
    ),
    ("Ice closed ports on the Sea of Azov for a week.", "Sea of Azov", None, "sea", 46.0, 36.5),
    ("Officials in Kyiv said air defences were active.", "Kyiv", "UA", "city", 50.45, 30.52),
    ("The envoy spoke at a dinner in New York on Monday.", "New York", "US", "city", 40.71, -74.01),
    ("Israeli jets flew over the Golan Heights at dawn.", "Golan Heights", "SY", "region", 33.0, 35.75),
    ("Negotiators met in Washington for a third round.", "Washington", "US", "city", 38.9, -77.04),
    ("Artillery pounded the city of Donetsk for hours.", "Donetsk", "UA", "city", 48.0, 37.8),
    (
        "Shelling was reported in the Donetsk region on Thursday.",
        "Donetsk region",
        "UA",
        "region",
        48.0,
        37.8,
    ),
    (
        "The ministry said the U.S. would send more air defence systems.",
        "U.S.",
        "US",
        "country",
        39.76,
        -98.5,
    ),
    ("Talks resumed in Paris, where the mediators keep an office.", "Paris", "FR", "city", 48.85, 2.35),
    ("Heavy rain flooded parts of Sudan's capital, Khartoum.", "Khartoum", "SD", "city", 15.55, 32.53),
]


@pytest.mark.parametrize("text,surface,country,feature,lat,lon", RESOLVE)
def test_resolves_place(parse, text, surface, country, feature, lat, lon):
    p = the(places_of(parse, text), surface)
    assert p.text == surface
    assert p.country == country
    assert p.feature == feature
    assert distance_km(p.lat, p.lon, lat, lon) < 100, (p.lat, p.lon)
    assert p.gazetteer_id


DISAMBIGUATE = [
    # (text, surface, expected country)
    ("Georgia accused Russia of moving troops closer to Tbilisi.", "Georgia", "GE"),
    ("Voters in Atlanta and across Georgia lined up before the polls opened.", "Georgia", "US"),
    ("The protest moved from Birmingham to Montgomery, Alabama, by nightfall.", "Birmingham", "US"),
    ("Trains from Birmingham to London were cancelled because of the strike.", "Birmingham", "GB"),
    ("Rockets were fired from Lebanon toward northern Israel, near Tripoli.", "Tripoli", "LB"),
    (
        "Militias fought for control of Tripoli, the Libyan capital, near Misrata and Benghazi.",
        "Tripoli",
        "LY",
    ),
]


@pytest.mark.parametrize("text,surface,country", DISAMBIGUATE)
def test_disambiguates_by_context(parse, text, surface, country):
    assert the(places_of(parse, text), surface).country == country


def test_georgia_state_is_a_state(parse):
    p = the(
        places_of(parse, "Storms cut power in Savannah and Atlanta, and Georgia declared an emergency."),
        "Georgia",
    )
    assert (p.country, p.feature) == ("US", "state")


NOT_PLACES = [
    ("Paris Hilton arrived late to the premiere.", "Paris"),
    ("Army Gen. Mark Milley said the winter could slow the fighting.", "Milley"),
    ("Defense Secretary Lloyd Austin met reporters. Austin said the aid would continue.", "Austin"),
    ("The Washington Post first reported the decision.", "Washington"),
    ("Jordan Henderson scored twice in the second half.", "Jordan"),
    ("Florence Nightingale nursed soldiers in the Crimean War hospitals.", "Florence"),
]


@pytest.mark.parametrize("text,word", NOT_PLACES)
def test_people_and_titles_are_not_places(parse, text, word):
    assert not [p for p in places_of(parse, text) if word in p.text]


def test_person_named_like_a_town_beside_a_real_place(parse):
    found = places_of(parse, "Lloyd Austin flew to Brussels. Austin will meet allies there.")
    assert [p.text for p in found] == ["Brussels"]
    assert found[0].country == "BE"


def test_demonyms_off_by_default(parse):
    text = "Ukrainian forces advanced as Russian units withdrew."
    assert places_of(parse, text) == []


def test_demonyms_on_request(parse):
    text = "Ukrainian forces advanced as Russian units withdrew."
    found = places_of(parse, text, demonyms=True)
    assert [(p.text, p.country) for p in found] == [("Ukrainian", "UA"), ("Russian", "RU")]


DATELINES = [
    ("KYIV, Ukraine (AP) — Missiles struck the capital before dawn.", "KYIV", "UA", 50.45, 30.52),
    ("WASHINGTON -- The Pentagon announced a new aid package on Friday.", "WASHINGTON", "US", 38.9, -77.04),
    ("ODESA, Ukraine (Reuters) - Grain ships left the port on Monday.", "ODESA", "UA", 46.48, 30.73),
    ("BEIRUT (AP) — Power cuts spread across Lebanon on Sunday.", "BEIRUT", "LB", 33.89, 35.5),
]


@pytest.mark.parametrize("text,surface,country,lat,lon", DATELINES)
def test_dateline_is_a_place(parse, text, surface, country, lat, lon):
    found = places_of(parse, text)
    p = the(found, surface)
    assert p.span[0] == text.index(surface)
    assert p.country == country and p.feature == "city"
    assert distance_km(p.lat, p.lon, lat, lon) < 50


def test_dateline_country_part_is_a_place_too(parse):
    text = "KYIV, Ukraine (AP) — Missiles struck the capital before dawn."
    assert [p.text for p in places_of(parse, text)][:2] == ["KYIV", "Ukraine"]


def test_every_mention_of_an_article_resolves(parse):
    text = (
        "KHARKIV, Ukraine (AP) — Russian shelling hit Kharkiv and nearby Izium on Wednesday, the regional "
        "governor said, as fighting spread along the Siverskyi Donets.\n\n"
        "Officials in Kyiv asked Washington and Brussels for more air defence. In Moscow, the Kremlin said "
        "operations in the Donbas would go on, while ships in the Black Sea stayed near Sevastopol.\n"
    )
    found = places_of(parse, text)
    names = {p.text: p for p in found}
    for surface in (
        "KHARKIV",
        "Kharkiv",
        "Izium",
        "Siverskyi Donets",
        "Kyiv",
        "Washington",
        "Brussels",
        "Moscow",
        "Donbas",
        "Black Sea",
        "Sevastopol",
    ):
        assert surface in names, f"{surface} missing from {sorted(names)}"
    assert names["Siverskyi Donets"].feature == "river"
    assert names["Donbas"].country == "UA"
    assert names["Brussels"].country == "BE"
    starts = [p.span[0] for p in found]
    assert starts == sorted(starts)
    assert len(set(map(tuple, (p.span for p in found)))) == len(found)


def test_the_component_stores_places_on_the_doc(parse):
    doc = parse("Aid reached Mariupol by sea.")
    assert [p.text for p in doc._.sitrep_places] == ["Mariupol"]


@pytest.mark.parametrize(
    "raw,key",
    [
        ("the U.S.", "us"),
        ("Zaporizhzhia", "zaporizhzhia"),
        ("Côte d’Ivoire", "cote d'ivoire"),
        ("The  Gambia", "gambia"),
    ],
)
def test_normalize(raw, key):
    assert normalize(raw) == key


def test_gazetteer_loads_once_and_covers_the_supplement():
    g = load()
    assert load() is g
    for name in ("Crimea", "Donbas", "Sea of Azov", "West Bank", "Sahel", "Kashmir", "Sinai", "Persian Gulf"):
        assert g.lookup(name), name
    assert g.demonym("Ukrainian") == "Ukraine"


ABBREVIATED = [
    ("Protesters gathered in Bethesda, Md., on Saturday.", "Md.", "Maryland"),
    ("ALBUQUERQUE, N.M. (AP) — Wildfires forced evacuations on Tuesday.", "N.M.", "New Mexico"),
]


@pytest.mark.parametrize("text,surface,name", ABBREVIATED)
def test_state_abbreviation_after_a_place(parse, text, surface, name):
    p = the(places_of(parse, text), surface)
    assert (p.name, p.country, p.feature) == (name, "US", "state")


@pytest.mark.parametrize(
    "text,surface,country",
    [
        ("Venezuela\u2019s oil output fell again in March.", "Venezuela", "VE"),
        ("The U.S.-led coalition struck depots overnight.", "U.S.", "US"),
    ],
)
def test_place_inside_a_possessive_or_hyphenated_token(parse, text, surface, country):
    p = the(places_of(parse, text), surface)
    assert p.text == surface and p.country == country


def test_seed_article_places(extract, shared_dir):
    """The founding article: Kherson the city, Crimea, the Dnieper river, New York in the US."""
    text = (shared_dir / "seed" / "000_a22741b4526f3b3c.txt").read_text(encoding="utf-8")
    report = extract(text)
    by_text: dict[str, list] = {}
    for p in report.places:
        assert text[p.span[0] : p.span[1]] == p.text
        by_text.setdefault(p.text, []).append(p)
    assert all(p.country == "UA" and p.feature == "city" for p in by_text["Kherson"])
    assert any("river" == p.feature for t, ps in by_text.items() if "Dnieper" in t for p in ps)
    assert any(p.feature == "peninsula" for t, ps in by_text.items() if "Crimea" in t for p in ps)
    assert by_text["New York"][0].country == "US"
    assert by_text["WASHINGTON"][0].name == "Washington, D.C."


@pytest.mark.parametrize(
    "text,surface,country,feature",
    [
        ("KHARTOUM, Sudan (AP) — Shelling resumed in the capital.", "Sudan", "SD", "country"),
        ("BAMAKO, Mali (Reuters) - The junta extended the curfew.", "Mali", "ML", "country"),
    ],
)
def test_dateline_country_is_the_country(parse, text, surface, country, feature):
    p = the(places_of(parse, text), surface)
    assert (p.country, p.feature) == (country, feature)


def test_lower_case_river_bank_is_not_the_west_bank(parse):
    text = "Russian troops crossed to the east bank of the Dnieper, leaving the west bank to Ukraine."
    assert not [p for p in places_of(parse, text) if p.name == "West Bank"]


@pytest.mark.parametrize(
    "text,surface,country",
    [
        ("Shelling was reported near Tokmak overnight.", "Tokmak", "UA"),
        ("Families sheltered in Khan Younis after the evacuation order.", "Khan Younis", "PS"),
        ("Rockets were fired toward Sderot on Saturday.", "Sderot", "IL"),
        ("Troops dug in around Chasiv Yar as the assault slowed.", "Chasiv Yar", "UA"),
    ],
)
def test_small_towns_after_a_locative_preposition(parse, text, surface, country):
    p = the(places_of(parse, text), surface)
    assert p.text == surface and p.country == country


def test_full_personal_name_after_a_preposition_stays_a_person(parse):
    text = "The award went to Jackson Browne at the ceremony."
    assert not [p for p in places_of(parse, text) if "Jackson" in p.text]


@pytest.mark.parametrize(
    "text",
    [
        "NATO allies met in Brussels on Wednesday.",
        "The OAS observers left before the count.",
    ],
)
def test_acronyms_are_not_towns(parse, text):
    assert [p.text for p in places_of(parse, text)] in ([], ["Brussels"])


def test_one_reading_per_name_in_a_document(parse):
    text = (
        "Georgia's election officials finished the recount on Friday. In Atlanta and Savannah, "
        "volunteers checked ballots, and Georgia's governor certified the result."
    )
    found = [p for p in places_of(parse, text) if p.text == "Georgia"]
    assert len(found) == 2
    assert {(p.country, p.feature) for p in found} == {("US", "state")}


def test_washington_dc_among_states_is_the_capital(parse):
    text = "The tour stopped in Alaska, Hawaii, Florida and Washington, D.C., before ending in Texas."
    p = the(places_of(parse, text), "Washington")
    assert p.text == "Washington, D.C."
    assert (p.name, p.feature) == ("Washington, D.C.", "city")


@pytest.mark.parametrize("text", ["", "   \n\n  ", "THE END", "— — —", "In. On. At."])
def test_degenerate_texts_yield_no_places_and_no_errors(parse, text):
    assert places_of(parse, text) == []


def test_all_capitals_headline_still_resolves_countries(parse):
    found = places_of(parse, "UKRAINE SAYS RUSSIA SHELLED KHARKIV\n\nOfficials gave no figures.")
    assert {"UA", "RU"} <= {p.country for p in found}


def test_word_continuing_a_place_name_is_not_another_place(parse):
    found = places_of(parse, "The Black Sea Fleet and the Pacific Fleet were ordered to sea.")
    assert [p.text for p in found] == ["Black Sea", "Pacific"]


@pytest.mark.parametrize(
    "text",
    [
        "Hamas fighters clashed with troops, a Hezbollah official said.",
        "Wagner mercenaries and the Azov Regiment fought for weeks.",
        "Reuters and the AP reported, citing Tass and Interfax.",
        "President Biden spoke with Chancellor Scholz and President Macron.",
    ],
)
def test_groups_agencies_and_leaders_are_not_places(parse, text):
    assert places_of(parse, text) == []


@pytest.mark.parametrize(
    "text,surface",
    [
        ("Aid deliveries through the Rafah crossing fell sharply in March.", "Rafah"),
        ("Heavy fighting continued on the Bakhmut front all week.", "Bakhmut"),
    ],
)
def test_place_noun_after_a_name_makes_it_a_place(parse, text, surface):
    assert the(places_of(parse, text), surface).text == surface
