"""Resolution units: what one document says about one referent, read from its entity, mention and place rows.

A unit is an in-document entity (its name and every compatible mention surface), a mention surface the
document's coreference put in an entity it does not fit ("Zelenska" inside "Volodymyr Zelensky",
"Belarus" inside "Belarus Alaxandr Lukashenko": split off as units of their own), or a place row no
entity covers. Each unit gets a kind (person, place, org, group) from its name, its NER type, the
gazetteer and the alias lexicon; `match.py` then links it to an identity.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ...gazetteer import Entry, load
from .names import (
    PersonName,
    acronym,
    clean_surface,
    fold,
    given_gender,
    is_acronym,
    is_given_name,
    name_like,
    names_match,
    org_key,
    parse_person,
    surnames_match,
)
from .names import _data_lines as data_lines

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
GROUP_TYPES = frozenset({"NORP"})
# an ORG-typed name is read as a place only when it names a facility or a well-known place
# (countries, capitals, big cities: gazetteer prior >= 5.5, i.e. about 300,000 people)
_PLACE_PRIOR = 5.5


_AREAS = frozenset({"region", "state", "admin1", "county", "province", "oblast"})


@dataclass(frozen=True)
class PlaceRef:
    """A gazetteer entry a unit refers to."""

    gid: str
    name: str
    country: str | None
    lat: float
    lon: float
    feature: str
    prior: float = 0.0

    @property
    def key(self) -> str:
        """The blocking key: canonical name, country and whether it is an area or a point (duplicate
        gazetteer entries of one city share it; the region named after the city does not)."""
        area = "a" if self.feature in _AREAS else ""
        return f"pl:{fold(self.name)}|{self.country or ''}{'|a' if area else ''}"

    @property
    def ner(self) -> str:
        """The NER type a place of this feature class gets."""
        if self.feature == "facility":
            return "FAC"
        if self.feature in ("country", "city", "state", "region", "county", "town", "admin1"):
            return "GPE"
        return "LOC"


@dataclass
class Unit:
    """One referent as one document names it (see the module docstring)."""

    doc_id: str
    published: str | None
    kind: str  # person | place | org | group
    surface: str  # its best name in the document
    ner: Counter[str] = field(default_factory=Counter)
    aliases: Counter[str] = field(default_factory=Counter)
    titles: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    person: PersonName | None = None
    place: PlaceRef | None = None
    place_hint: PlaceRef | None = None  # a bare name that is also a gazetteer place
    org: str = ""  # org key (lexicon canonical when known)
    acro: str = ""
    country: str = ""  # a group's country ("Ukrainians" -> Ukraine)
    maybe_org: bool = False  # a one-word name typed ORG/GPE: a family name if a person claims it
    maybe_place: bool = False  # a one-word minor place name ("Obama", "Carson"): a person's if one dominates
    bare_mentions: dict[int, str] = field(default_factory=dict)  # mentions by the family name alone
    entity: tuple[str, int] | None = None  # the entity row whose main unit this is
    mention_ids: list[int] = field(default_factory=list)
    mention_surfaces: dict[int, str] = field(default_factory=dict)  # mention rowid -> its alias
    place_rows: list[tuple[str, int]] = field(default_factory=list)

    def keys(self) -> list[str]:
        """The blocking keys an identity holding this unit is filed under."""
        if self.kind == "person" and self.person:
            p = self.person
            out = [f"sn:{p.surname}", f"s3:{p.surname[:3]}"]
            if p.full:
                out += [f"pn:{p.key}", f"fs:{p.given[:2]}|{p.surname[:1]}", f"gv:{p.given}"]
            return out
        if self.kind == "place" and self.place:
            return [self.place.key, f"gz:{self.place.gid}"]
        if self.kind == "group":
            return [f"np:{self.country or self.org}"]
        out = [f"og:{self.org}"] if self.org else []
        return out + ([f"ac:{self.acro}"] if self.acro else [])

    def lookup_keys(self) -> list[str]:
        """The keys whose identities resolving this unit may look at (a subset of the store)."""
        if self.kind == "person" and self.person:
            p = self.person
            if p.full:
                return [f"pn:{p.key}", f"fs:{p.given[:2]}|{p.surname[:1]}", f"sn:{p.surname}"]
            out = [f"sn:{p.surname}", f"s3:{p.surname[:3]}", f"gv:{p.surname}"]
            out += [f"og:{self.org}"] if self.org else []
            if self.place_hint:
                out += [self.place_hint.key, f"gz:{self.place_hint.gid}"]
            return out
        return self.keys()


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    """Folded alias or canonical name -> canonical name (data/entities_aliases.tsv)."""
    out: dict[str, str] = {}
    for ln in data_lines("entities_aliases.tsv"):
        canonical, _, rest = ln.partition("\t")
        for name in [canonical, *rest.split("|")]:
            if name.strip():
                out[fold(name.strip())] = canonical.strip()
    return out


@lru_cache(maxsize=1)
def _org_heads() -> frozenset[str]:
    return frozenset(data_lines("gazetteer_org_heads.txt"))


def canonical(surface: str) -> str | None:
    """The lexicon's canonical name for an alias ("EU" -> "European Union"), if it lists it."""
    return _lexicon().get(fold(surface))


@lru_cache(maxsize=1 << 15)
def place_entry(name: str) -> PlaceRef | None:
    """The gazetteer entry a name most likely means (main names first, then the highest prior)."""
    found = load().lookup(name)
    if not found:
        return None
    entry, _ = max(found, key=lambda em: (em[1], em[0].prior))
    return _ref(entry)


def _ref(e: Entry) -> PlaceRef:
    return PlaceRef(e.gid, e.name, e.country, e.lat, e.lon, e.feature, e.prior)


def row_place(row: dict[str, Any]) -> PlaceRef | None:
    """The gazetteer entry a place row was resolved to."""
    if not row.get("gazetteer_id"):
        return None
    return PlaceRef(
        row["gazetteer_id"],
        row["name"],
        row.get("country"),
        row.get("lat") or 0.0,
        row.get("lon") or 0.0,
        row.get("feature") or "",
    )


def lexicon_kind(surface: str) -> tuple[str, str] | None:
    """('place', canonical) for a listed country alias ("U.S."), ('org', canonical) for a listed
    organisation or bloc ("EU", "Nato"): a bloc is never the continent a gazetteer may file it under."""
    name = canonical(surface)
    if name is None:
        return None
    entry = place_entry(name)
    if entry and entry.feature == "country" and fold(entry.name) == fold(name):
        return ("place", name)
    return ("org", name)


def person_shaped(surface: str) -> bool:
    """A name typed ORG, GPE or NORP that reads as a person's: 2-4 capitalized words, no organisation
    head word, the first a known given name ("Volodymyr Zelenskiy" typed ORG)."""
    words = surface.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return False
    if any(w.lower() in _org_heads() for w in words):
        return False
    return is_given_name(words[0])


def strip_name_prefix(surface: str, aliases: set[str]) -> str:
    """A person's name with a word glued before it dropped: a country, facility or big city ("Belarus
    Alaxandr Lukashenko", "Kremlin Dmitry Peskov": a caption, a lost comma) or a headline adjective
    ("Billionaire Donald Trump"): the rest must be a person's name, its first word a known given
    name, or (after a place) its last word a one-word alias of the same entity."""
    words = surface.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words[1:]):
        return surface
    rest = words[1:]
    entry = place_entry(words[0])
    if (
        entry is not None
        and len(words) >= 3
        and (entry.feature in ("country", "facility") or entry.prior >= _PLACE_PRIOR)
    ):
        if (is_given_name(rest[0]) or rest[-1] in aliases) and parse_person(" ".join(rest)) is not None:
            return " ".join(rest)
        return surface
    first = words[0].rstrip(".")
    if (
        len(first) > 2
        and first.isalpha()
        and not first.isupper()
        and not is_given_name(first)
        and parse_person(words[0]) is not None
        and parse_person(surface) is not None
        and not parse_person(surface).titles  # type: ignore[union-attr]
        and is_given_name(rest[0])
    ):
        return " ".join(rest)
    return surface


def _group_country(surface: str) -> str:
    g = load()
    words = surface.split()
    country = g.demonym(surface) or g.demonym(surface.rstrip("s"))
    if not country and len(words) > 1:  # "Russian troops", "Ukrainian forces"
        country = g.demonym(words[0])
    return country or ""


def classify(surface: str, ner: str, place: PlaceRef | None = None) -> Unit | None:
    """A unit (without rows) for one name with its NER type, or None when it is no name."""
    unit = Unit(doc_id="", published=None, kind="org", surface=surface)
    unit.ner[ner] += 1
    lex = lexicon_kind(surface)
    if lex is not None:
        kind, name = lex
        if kind == "place":
            unit.kind, unit.place = "place", place_entry(name)
        else:
            unit.org, unit.acro = org_key(name), acronym(name)
        return unit
    if ner in GROUP_TYPES and not person_shaped(surface):
        unit.kind, unit.country, unit.org = "group", _group_country(surface), org_key(surface).rstrip("s")
        return unit
    if ner in PLACE_TYPES and _alternate_only(surface):
        ner = "PERSON"  # "Stalin" read as Donetsk's old name: a family name first, if a person has it
    if (
        ner == "PERSON"
        and len(surface.split()) > 1
        and any(w.lower() in _org_heads() for w in surface.split())
    ):
        ner = "ORG"  # "Hillary Clinton Foundation" typed PERSON
    if ner == "PERSON" or (ner in _NAMED_TYPES and person_shaped(surface)):
        person = parse_person(surface)
        if person is None:
            return None
        unit.kind, unit.person = "person", person
        if not person.full and " " not in surface.strip():
            unit.place_hint = place or place_entry(surface)
            unit.org = org_key(surface)
        return unit
    one_word = _one_word(surface)
    if ner in PLACE_TYPES or ner == "ORG":
        entry = place or place_entry(surface)
        known = place_entry(surface)
        if entry is not None and (
            ner in PLACE_TYPES
            or place is not None  # the places component read this very span as a place
            or entry.feature in ("facility", "country")
            or (known is not None and known.prior >= _PLACE_PRIOR)
        ):
            unit.kind, unit.place = "place", entry
            person = parse_person(surface) if one_word else None
            if person is not None and _minor_place(entry, known):  # "Obama", "Carson", "Reno"
                unit.kind, unit.person, unit.place_hint, unit.maybe_place = "person", person, entry, True
            return unit
    unit.org, unit.acro = org_key(surface), acronym(surface)
    if not unit.org:
        return None
    if ner in _NAMED_TYPES and one_word:
        person = parse_person(surface)  # "Zelenskiy" typed ORG: a family name if a person has it
        if person is not None:
            unit.kind, unit.person, unit.maybe_org = "person", person, True
    return unit


_NAMED_TYPES = frozenset({"ORG", "NORP", "GPE", "LOC", "FAC"})
# a one-word place name smaller than this may be a person's family name ("Obama", a town in Japan)
_MINOR_PRIOR = 6.0


def _not_a_person(surface: str) -> bool:
    """A name typed PERSON that holds an organisation's head word, or starts with a place name that is
    no given name ("York Times", "China Sea")."""
    words = surface.split()
    if len(words) < 2:
        return False
    if any(w.lower() in _org_heads() for w in words):
        return True
    first = place_entry(words[0])
    return first is not None and first.prior >= _PLACE_PRIOR and not is_given_name(words[0])


def _one_word(surface: str) -> bool:
    word = surface.strip()
    return " " not in word and word.isalpha() and word[:1].isupper() and not is_acronym(word)


def _minor_place(entry: PlaceRef, known: PlaceRef | None) -> bool:
    """A town or city small enough for its name to be read as a person's when a person dominates."""
    prior = known.prior if known is not None else entry.prior
    return entry.feature in ("city", "town", "facility") and prior < _MINOR_PRIOR


def compatible(alias: str, unit: Unit) -> bool:
    """Whether a mention surface may join a unit: the same person by name parts, the same gazetteer
    place, the same organisation by key, acronym or lexicon, the same group by country."""
    if fold(alias) == fold(unit.surface):
        return True
    if unit.kind == "person" and unit.person:
        other = parse_person(alias)
        if other is None:
            return False
        if other.full:
            return names_match(other, unit.person)
        me = unit.person
        first = me.surface.split()[len(me.titles)] if len(me.surface.split()) > len(me.titles) else ""
        if other.surname == me.given and len(me.given) > 1 and is_given_name(first):  # "Ursula"
            return not other.title_gender or other.title_gender == given_gender(first)
        return surnames_match(other.surname, me.surname) and (
            not other.title_gender or not me.gender or other.title_gender == me.gender
        )
    if unit.kind == "place" and unit.place:
        entry = place_entry(alias)
        lex = lexicon_kind(alias)
        if (lex and lex[0] == "org") or _alternate_only(alias):
            return False
        return entry is not None and (entry.key == unit.place.key or entry.gid == unit.place.gid)
    if unit.kind == "group":
        return bool(unit.country) and _group_country(alias) == unit.country
    lex_a, lex_u = canonical(alias), canonical(unit.surface)
    if lex_a and lex_u:
        return lex_a == lex_u
    if is_acronym(alias) and unit.acro:
        return fold(alias).replace(" ", "") == unit.acro
    return org_key(alias) == unit.org


def _covering(spans: list[tuple[int, int, Unit]], starts: list[int], start: int, end: int) -> Unit | None:
    """The unit of a mention overlapping [start, end) (mentions are short: a few to look back at)."""
    i = bisect.bisect_left(starts, end)
    for s, t, u in reversed(spans[max(0, i - 8) : i]):
        if s < end and start < t:
            return u
    return None


def _alternate_only(surface: str) -> bool:
    """A one-word name the gazetteer knows only as another name of a place (never its main name)."""
    if " " in surface or not surface.isalpha():
        return False
    found = load().lookup(surface)
    return bool(found) and not any(main for _, main in found)


def _name(surface: str) -> str | None:
    cleaned = clean_surface(surface)
    return cleaned if cleaned is not None and name_like(cleaned) else None


def document_units(
    doc_id: str, published: str | None, entities: list[dict[str, Any]], places: list[dict[str, Any]]
) -> list[Unit]:
    """The units of one document from its entity rows ({seq, name, type, titles, roles, aliases,
    mentions: [{rowid, text, start, end}]}) and place rows ({seq, text, start, end, gazetteer_id, ...})."""
    units: list[Unit] = []
    spans: list[tuple[int, int, Unit]] = []
    place_at = {(p["start"], p["end"]): row_place(p) for p in places}
    for e in entities:
        surfaces = {m["text"] for m in e["mentions"]} | set(e.get("aliases") or [])
        cleaned = {s: _name(s) for s in surfaces | {e["name"]}}
        named = cleaned[e["name"]] is not None
        name = cleaned[e["name"]] or next((c for m in e["mentions"] if (c := cleaned[m["text"]])), None)
        if name is None:
            continue
        ner = e["type"]
        stripped = name
        if ner == "PERSON" or person_shaped(name) or len(name.split()) >= 3:
            stripped = strip_name_prefix(name, {c for c in cleaned.values() if c})
        if stripped != name:  # the glued word is dropped from the alias too
            cleaned = {k: (stripped if v == name else v) for k, v in cleaned.items()}
            name, ner = stripped, "PERSON"
        first = e["mentions"][0] if e["mentions"] else None
        hint = place_at.get((first["start"], first["end"])) if first else None
        main = classify(name, ner, hint)
        if main is None:
            continue
        main.doc_id, main.published, main.entity = doc_id, published, (doc_id, e["seq"])
        main.titles.update(t for t in e.get("titles") or [] if t)
        main.roles.update(r for r in e.get("roles") or [] if r)
        units.append(main)
        split: dict[str, Unit] = {}
        for m in e["mentions"] or [{"rowid": None, "text": e["name"], "start": -1, "end": -1}]:
            surface = cleaned.get(m["text"])
            target: Unit | None = main if (named or surface is not None) else None
            if surface is not None and not compatible(surface, main):
                target = split.get(fold(surface))
                if target is None:
                    target = classify(surface, e["type"], place_at.get((m["start"], m["end"])))
                    if target is not None:
                        target.doc_id, target.published = doc_id, published
                        split[fold(surface)] = target
                        units.append(target)
            if target is None:
                continue  # a description inside an entity that has no name of its own
            if target is main and surface is not None and main.person is not None and main.person.full:
                bare = parse_person(surface)  # "Trump" alone (not "Mrs. Trump"): checked against the corpus
                if (
                    bare is not None
                    and not bare.full
                    and not bare.title_gender
                    and bare.surname == main.person.surname
                    and m.get("rowid")
                ):
                    main.bare_mentions[m["rowid"]] = surface
            if surface is not None:
                target.aliases[surface] += 1  # descriptions ("the president") count, as no alias
            if m.get("rowid") is not None:
                target.mention_ids.append(m["rowid"])
                if surface is not None:
                    target.mention_surfaces[m["rowid"]] = surface
            if m["start"] >= 0:
                spans.append((m["start"], m["end"], target))
        if not main.aliases:
            main.aliases[name] += 1
    spans.sort(key=lambda stu: (stu[0], stu[1]))
    starts = [s for s, _, _ in spans]
    for p in places:
        owner = _covering(spans, starts, p["start"], p["end"])
        if owner is not None:
            owner.place_rows.append((doc_id, p["seq"]))
            continue
        surface = _name(p["text"]) or p["name"]
        ref = row_place(p)
        lex = lexicon_kind(surface)
        ner = "ORG" if lex and lex[0] == "org" else (ref.ner if ref else "GPE")
        unit = classify(surface, ner, ref)
        if unit is None:
            continue
        if unit.kind == "place" and ref is not None and not lex:
            unit.place = ref
        unit.doc_id, unit.published = doc_id, published
        unit.aliases[surface] += 1
        unit.place_rows.append((doc_id, p["seq"]))
        units.append(unit)
    return units
