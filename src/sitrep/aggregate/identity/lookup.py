"""Finding the identity a name denotes, for other aggregates and for queries.

Other aggregates (estimate series and contradictions keyed by referent) import two functions:

    from sitrep.aggregate.identity.lookup import identity_for, referent_key

    referent_key("Zelenskyy", "PERSON")        -> "sn:zelensky"        (no store needed)
    referent_key("Kiev", "GPE")                -> "pl:kyiv|UA"
    referent_key("Russian troops", "NORP")     -> "np:Russia"
    identity_for(store, "President Zelensky")  -> "person:volodymyr-zelensky" (or None)
    identity_for(store, "Russian troops", "NORP", country=True) -> "place:russia"
"""

from __future__ import annotations

from typing import Any

from ...store.db import Store
from .authority import Authority, NoMatch
from .match import _bare_person, _full_person, _group, _org, _place
from .names import clean_surface, fold, is_given_name, parse_person
from .persist import load_by_keys
from .units import Unit, classify, lexicon_kind, place_entry


def _guess_type(surface: str) -> str:
    lex = lexicon_kind(surface)
    if lex is not None:
        return "GPE" if lex[0] == "place" else "ORG"
    words = surface.split()
    person = parse_person(surface)
    if person is not None and (person.titles or (len(words) > 1 and is_given_name(words[0]))):
        return "PERSON"
    from ...gazetteer import load

    if load().demonym(words[0]) and len(words) <= 3:
        return "NORP"
    if place_entry(surface) is not None:
        return "GPE"
    return "PERSON" if person is not None and len(words) == 1 else "ORG"


def unit_for(name: str, type_hint: str | None = None) -> Unit | None:
    """The resolution unit a bare name (with an optional NER type) makes, or None if it is no name."""
    surface = clean_surface(name)
    if surface is None:
        return None
    if fold(surface).startswith("the ") and (type_hint or "") != "PERSON":
        surface = surface[4:]
    return classify(surface, (type_hint or _guess_type(surface)).upper())


def referent_key(name: str, type_hint: str | None = None) -> str | None:
    """The key a name is filed under: family name for people ("sn:zelensky"), gazetteer name and
    country for places ("pl:kyiv|UA"), folded name for organisations ("og:european union"), country
    for groups ("np:Russia"); equal keys are candidates for one identity, not a proof of it."""
    unit = unit_for(name, type_hint)
    if unit is None:
        return None
    keys = unit.keys()
    if unit.kind == "person" and unit.person is not None:
        return f"sn:{unit.person.surname}"
    return keys[0] if keys else None


def identity_for(
    store: Store, name: str, type_hint: str | None = None, *, country: bool = False
) -> str | None:
    """The id of the identity a name denotes in this store, by the rules that resolve mentions (a bare
    family name: the one dominant full name of that family name); with `country`, a group ("Russian
    troops") gives its country's identity. None when no identity is known for it."""
    unit = unit_for(name, type_hint)
    if unit is None:
        return None
    if unit.kind == "group" and country and unit.country:
        return identity_for(store, unit.country, "GPE")
    auth = Authority(load=lambda keys: load_by_keys(store, keys), readonly=True)
    auth.prefetch(unit.lookup_keys())
    try:
        if unit.kind == "place":
            return _place(unit, auth).id
        if unit.kind == "group":
            return _group(unit, auth).id
        if unit.kind == "org":
            return _org(unit, auth).id
        if unit.person is not None and unit.person.full:
            return _full_person(unit, auth).id
        return _bare_person(unit, auth, {}, set()).id
    except NoMatch:
        pass
    return by_alias(store, name)


def by_alias(store: Store, name: str) -> str | None:
    """The identity most documents name with exactly this alias (any letter case)."""
    found = store.scalar(
        "SELECT a.identity_id FROM identity_aliases a JOIN identities i ON i.id = a.identity_id"
        " WHERE a.alias = ? COLLATE NOCASE ORDER BY i.documents DESC, i.id LIMIT 1",
        (clean_surface(name) or name,),
    )
    return str(found) if found else None


def identities_named(store: Store, name: str) -> list[str]:
    """Every identity a query name may mean: the one it resolves to, or else each identity with that
    exact alias (most documents first)."""
    found = identity_for(store, name)
    if found is not None:
        return [found]
    rows = store.rows(
        "SELECT DISTINCT a.identity_id AS id FROM identity_aliases a"
        " JOIN identities i ON i.id = a.identity_id"
        " WHERE a.alias = ? COLLATE NOCASE ORDER BY i.documents DESC LIMIT 5",
        (clean_surface(name) or name,),
    )
    return [r["id"] for r in rows]


def aliases_of(store: Store, ids: list[str]) -> set[str]:
    """Every alias and display name of these identities."""
    if not ids:
        return set()
    marks = ",".join("?" * len(ids))
    rows = store.rows(
        f"SELECT alias FROM identity_aliases WHERE identity_id IN ({marks})"
        f" UNION SELECT name FROM identities WHERE id IN ({marks})",
        [*ids, *ids],
    )
    return {r["alias"] for r in rows}


def identity(store: Store, ident_id: str) -> dict[str, Any] | None:
    """One identity with its aliases (most used first) and the corrections recorded on it."""
    from .persist import COLUMNS

    rows = store.rows(f"SELECT {COLUMNS} FROM identities WHERE id = ?", (ident_id,))
    if not rows:
        return None
    return rows[0]
