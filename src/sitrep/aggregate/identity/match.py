"""Linking units to identities: blocking keys first, then the rules that decide within a key's candidates.

Nothing compares all pairs: every unit looks up only the identities filed under its own keys (a full
name's given+family key, the first letters of its given and family names, its family name and the
family name's first three letters; a
gazetteer place's name and country; an organisation's folded name and acronym), and decides among them:

- places: the same canonical gazetteer name in the same country within 50 km (duplicate entries of one
  city are one place), else the same gazetteer id;
- organisations and groups: the same folded name (the alias lexicon maps "EU"/"E.U." to "European
  Union"); an acronym joins the one full name it abbreviates when only one does;
- full names: given, middle and family names, suffix and gender all agree (`names.names_match`:
  spelling variants fold to one key; a vowel-only garble of the family name is accepted only together
  with an agreeing given name);
- a bare family name ("Putin", "Mr Biden"): the person of that family name named in full in the same
  document; else, across the corpus, the one person of that family name (of the title's gender) seen in
  the same period, or one with four times the documents of all others together; else a family-name
  identity of its own, absorbed later by the full name when one becomes unambiguous. A garbled bare
  family name ("Zełnski") joins a full name only when the article agrees (a shared title, or two of
  the identities it names among the full name's usual companions). A given name alone ("Hillary")
  that is nobody's family name follows the same rule over the people of that given name.

When unsure, units stay apart: a wrong merge corrupts every query about both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ...gazetteer import distance_km
from .authority import COMPANIONS, Authority, Identity
from .names import (
    genders_agree,
    is_given_name,
    middles_match,
    names_match,
    parse_person,
    surnames_match,
)
from .units import Unit

DOMINANCE = 4  # ... or one with this many times the documents of all the others together
SAME_PLACE_KM = 50.0


def _place(unit: Unit, auth: Authority) -> Identity:
    assert unit.place is not None
    for c in auth.candidates(unit.place.key, ("place",)):
        if c.lat is None or distance_km(c.lat, c.lon or 0.0, unit.place.lat, unit.place.lon) <= SAME_PLACE_KM:
            return c
    for c in auth.candidates(f"gz:{unit.place.gid}", ("place",)):
        return c
    return auth.create(unit, "place")


def _org(unit: Unit, auth: Authority) -> Identity:
    found = auth.candidates(f"og:{unit.org}", ("org", "surname")) if unit.org else []
    if found:
        return found[0]
    if unit.acro:  # "OSCE" and "Organization for Security and Co-operation in Europe"
        is_short = " " not in unit.surface.strip()
        other = [c for c in auth.candidates(f"ac:{unit.acro}", ("org",)) if (" " in c.name) == is_short]
        if not is_short:  # an acronym already spelled out as another name is not this one's
            other = [c for c in other if not _spelled_otherwise(c, unit.org)]
        if len(other) == 1:
            return other[0]
    return auth.create(unit, "org")


def _spelled_otherwise(ident: Identity, key: str) -> bool:
    """Whether an acronym's identity already holds a long name other than `key`."""
    from .names import org_key

    return any(" " in n and org_key(n) != key for n in ident.names)


def _group(unit: Unit, auth: Authority) -> Identity:
    found = auth.candidates(unit.keys()[0], ("group",))
    return found[0] if found else auth.create(unit, "group")


def _full_person(unit: Unit, auth: Authority) -> Identity:
    p = unit.person
    assert p is not None
    # the middle names an identity has been seen with settle it: "George Bush" seen as "George W. Bush"
    # is not "George H.W. Bush"
    exact = [c for c in auth.candidates(f"pn:{p.key}", ("person",)) if middles_match(p.middle, _middle(c))]
    if len(exact) == 1:  # filed under this very name (by its earlier mentions or a user's merge)
        return exact[0]
    for c in exact + auth.candidates(f"fs:{p.given[:2]}|{p.surname[:1]}", ("person",)):
        other = parse_person(c.name)
        if (
            other is not None
            and names_match(p, other)
            and middles_match(p.middle, _middle(c))
            and c.suffix == p.suffix
        ):
            return c
    return auth.create(unit, "person")


def _middle(ident: Identity) -> tuple[str, ...]:
    return tuple(ident.middle.split())


def _dominant(cands: list[Identity], date: str | None) -> Identity | None:
    near = [c for c in cands if c.seen_near(date)] or []
    if len(near) == 1:
        return near[0]
    if len(near) > 1:
        docs = [c.documents + len(c.new_docs) for c in near]
        best = max(range(len(near)), key=lambda i: docs[i])
        if docs[best] >= DOMINANCE * (sum(docs) - docs[best]):
            return near[best]
    return None


def bare_candidates(
    unit: Unit, auth: Authority, fuzzy: bool = True, context: set[str] | None = None
) -> list[Identity]:
    """Full-name people a bare family name could mean: the same family-name key or, with `fuzzy`, a
    vowel variant of it when the article agrees (a title both carry, or two of the identities the
    document names among the candidate's usual companions); of a gender the title allows."""
    p = unit.person
    assert p is not None
    exact = [c for c in auth.candidates(f"sn:{p.surname}", ("person",)) if c.surname == p.surname]
    pool = exact
    if not exact and fuzzy:
        pool = [
            c
            for c in auth.candidates(f"s3:{p.surname[:3]}", ("person",))
            if surnames_match(c.surname, p.surname)
            and (set(unit.titles) & set(c.titles) or len(set(context or ()) & _usual(c)) >= 2)
        ]
    return [c for c in pool if genders_agree(c.gender, p.title_gender)]


def _usual(ident: Identity) -> set[str]:
    return {i for i, _ in ident.companions.most_common(COMPANIONS)}


def _bare_person(
    unit: Unit, auth: Authority, local: dict[str, list[Identity]], context: set[str]
) -> Identity:
    p = unit.person
    assert p is not None
    mine = {
        c.id: c
        for c in local.get(unit.doc_id, [])
        if surnames_match(c.surname, p.surname) and genders_agree(c.gender, p.title_gender)
    }
    if len(mine) == 1:
        return next(iter(mine.values()))
    if len(mine) > 1:
        return _own_surname(unit, auth)
    hit = _dominant(bare_candidates(unit, auth, context=context), unit.published)
    if hit is not None:
        return hit
    if is_given_name(unit.surface.split()[-1]):
        # "Hillary", "Melania": a given name alone, when one person of that given (or family) name dominates
        key = p.surname
        same_doc = {c.id: c for c in local.get(unit.doc_id, []) if c.given == key}
        if len(same_doc) == 1:
            return next(iter(same_doc.values()))
        given = [
            c
            for c in auth.candidates(f"gv:{key}", ("person",))
            if c.given == key and genders_agree(c.gender, p.title_gender)
        ]
        hit = _dominant(given + bare_candidates(unit, auth, fuzzy=False), unit.published) if given else None
        if hit is not None:
            return hit
    if unit.place_hint is not None and (unit.maybe_place or not bare_candidates(unit, auth, fuzzy=False)):
        unit.kind, unit.place = "place", unit.place_hint
        return _place(unit, auth)
    if unit.maybe_org:
        unit.kind = "org"
        return _org(unit, auth)
    return _own_surname(unit, auth)


def _own_surname(unit: Unit, auth: Authority) -> Identity:
    assert unit.person is not None
    if unit.org:
        found = auth.candidates(f"og:{unit.org}", ("org", "surname"))
        if found:
            return found[0]
    for c in auth.candidates(f"sn:{unit.person.surname}", ("surname",)):
        if genders_agree(c.gender, unit.person.title_gender):
            return c
    return auth.create(unit, "surname")


def absorb_surnames(auth: Authority, touched: Iterable[Identity]) -> None:
    """Merge family-name identities into the one full name that now claims them unambiguously."""
    for full in list(touched):
        if full.kind != "person" or full.id not in auth.ids:
            continue
        for bare in auth.candidates(f"sn:{full.surname}", ("surname",)):
            if bare.types.get("PERSON", 0) * 2 < sum(bare.types.values()):
                continue  # mostly not typed as a person: a place or an organisation of that name
            probe = Unit(doc_id="", published=bare.last_seen, kind="person", surface=bare.name)
            probe.person = parse_person(bare.name)
            if probe.person is None:
                continue
            if _dominant(bare_candidates(probe, auth, fuzzy=False), bare.last_seen) is full:
                auth.merge(full, bare)


def reassign_bare_mentions(
    auth: Authority, pairs: list[tuple[Unit, Identity]]
) -> list[tuple[Unit, Identity]]:
    """A family name alone inside a full-named entity ("Trump" in Melania Trump's entity) goes to the
    person that family name denotes across the corpus in that period, when that is someone else."""
    out: list[tuple[Unit, Identity]] = []
    for unit, ident in pairs:
        if not unit.bare_mentions or unit.person is None or ident.kind != "person":
            continue
        probe = Unit(doc_id=unit.doc_id, published=unit.published, kind="person", surface=unit.person.surname)
        probe.person = parse_person(next(iter(unit.bare_mentions.values())))
        if probe.person is None:
            continue
        owner = _dominant(bare_candidates(probe, auth, fuzzy=False), unit.published)
        if owner is None or owner.id == ident.id:
            continue
        moved = Unit(
            doc_id=unit.doc_id, published=unit.published, kind="person", surface=probe.person.surface
        )
        moved.person = probe.person
        for rowid, surface in unit.bare_mentions.items():
            moved.mention_ids.append(rowid)
            moved.aliases[surface] += 1
            ident.mentions -= 1
            for counts in (ident.aliases, unit.aliases):
                counts[surface] -= 1
                if counts[surface] <= 0:
                    del counts[surface]
        gone = set(moved.mention_ids)
        unit.mention_ids = [m for m in unit.mention_ids if m not in gone]
        auth.attach(moved, owner)
        out.append((moved, owner))
    return out


def count_companions(auth: Authority, named: dict[str, list[str]]) -> None:
    """Count, for every identity, the other identities named in the same documents (the first
    COMPANIONS a document names, so that a long article costs no more than a short one)."""
    for ids in named.values():
        first = list(dict.fromkeys(ids))[:COMPANIONS]
        for i in first:
            if i in auth.ids:
                auth.ids[i].companions.update(j for j in first if j != i)
                auth.ids[i].changed = True


def resolve(units: list[Unit], auth: Authority) -> list[tuple[Unit, Identity]]:
    """Link every unit to an identity (creating identities as needed); returns (unit, identity) pairs."""
    auth.prefetch(k for u in units for k in u.lookup_keys())
    out: list[tuple[Unit, Identity]] = []
    local: dict[str, list[Identity]] = defaultdict(list)
    order = {"place": 0, "group": 0, "org": 0, "person": 1}
    staged = sorted(
        enumerate(units),
        key=lambda iu: (order[iu[1].kind], iu[1].kind == "person" and not iu[1].person.full, iu[0]),  # type: ignore[union-attr]
    )
    touched: list[Identity] = []
    named: dict[str, list[str]] = defaultdict(list)  # document -> identities its named units resolved to
    bare_started = False
    for _, unit in staged:
        if not bare_started and unit.kind == "person" and unit.person is not None and not unit.person.full:
            bare_started = True
            count_companions(auth, named)
        if unit.kind == "place":
            ident = _place(unit, auth)
        elif unit.kind == "group":
            ident = _group(unit, auth)
        elif unit.kind == "org":
            ident = _org(unit, auth)
        elif unit.person is not None and unit.person.full:
            ident = _full_person(unit, auth)
            local[unit.doc_id].append(ident)
            touched.append(ident)
        else:
            ident = _bare_person(unit, auth, local, set(named[unit.doc_id]))
        auth.attach(unit, ident)
        if not bare_started:
            named[unit.doc_id].append(ident.id)
        out.append((unit, ident))
    if not bare_started:
        count_companions(auth, named)
    absorb_surnames(auth, touched)
    out += reassign_bare_mentions(auth, out)
    for ident in auth.ids.values():
        if ident.changed:
            ident.choose_name()
    return [(u, auth.ids[auth.merged.get(i.id, i.id)]) for u, i in out]
