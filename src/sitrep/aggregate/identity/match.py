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

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ...gazetteer import distance_km
from .names import (
    genders_agree,
    is_given_name,
    middles_match,
    names_match,
    parse_person,
    slug,
    surnames_match,
)
from .units import Unit, canonical

PERIOD_DAYS = 366  # a bare family name looks for full names seen within this many days
DOMINANCE = 4  # ... or one with this many times the documents of all the others together
SAME_PLACE_KM = 50.0
COMPANIONS = 25  # an identity's usual companions: the identities most often named beside it


@dataclass
class Identity:
    """One real-world person, organisation, place or group, with what the record knows of it."""

    id: str
    kind: str  # person | surname | place | org | group
    name: str = ""
    names: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    aliases: Counter[str] = field(default_factory=Counter)
    titles: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    gazetteer_id: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    given: str = ""
    middle: str = ""
    surname: str = ""
    suffix: str = ""
    gender: str = ""
    first_seen: str | None = None
    last_seen: str | None = None
    mentions: int = 0
    documents: int = 0
    keys: set[str] = field(default_factory=set)
    companions: Counter[str] = field(default_factory=Counter)  # identities named in the same documents
    new_docs: set[str] = field(default_factory=set)
    changed: bool = False

    @property
    def type(self) -> str:
        """The NER type most of its mentions got (PERSON for people, whatever some mentions said)."""
        if self.kind in ("person", "surname") and self.types.get("PERSON"):
            return "PERSON"
        votes = self.types
        if self.kind == "place":
            votes = Counter({t: n for t, n in self.types.items() if t in ("GPE", "LOC", "FAC", "ORG")})
        if not votes:
            return {"place": "GPE", "group": "NORP", "org": "ORG"}.get(self.kind, "PERSON")
        return max(sorted(votes), key=lambda t: votes[t])

    def seen_near(self, date: str | None) -> bool:
        """Whether it was seen within PERIOD_DAYS of a date (True when either date is unknown)."""
        if not date or not self.first_seen or not self.last_seen:
            return True
        try:
            d = dt.date.fromisoformat(date[:10])
            lo, hi = dt.date.fromisoformat(self.first_seen[:10]), dt.date.fromisoformat(self.last_seen[:10])
        except ValueError:
            return True
        return (lo - d).days <= PERIOD_DAYS and (d - hi).days <= PERIOD_DAYS

    def choose_name(self) -> None:
        """The display name: a person's most frequent full name without a title, a listed organisation's
        canonical name, a place's gazetteer name, else the most frequent name form."""
        if not self.names:
            return
        if self.kind == "place" and self.name:
            return

        parsed = {n: parse_person(n) if self.kind in ("person", "surname") else None for n in self.names}
        spelled: Counter[str] = Counter()  # how often each spelling key is used, all forms together
        for n, p in parsed.items():
            spelled[p.key if p else n.lower()] += self.names[n]

        def rank(n: str) -> tuple[int, int, int, int, int, int]:
            p = parsed[n]
            full = int(bool(p and p.full))
            untitled = int(not (p and p.titles))
            spelling = spelled[p.key if p else n.lower()]
            return (full, untitled, spelling, self.names[n], int(n.isascii()), -len(n))

        best = max(sorted(self.names), key=rank)
        self.name = (canonical(best) or best) if self.kind == "org" else best


def _untitled(unit: Unit) -> str:
    """A unit's name without the titles before a person's name ("Gen. Mark Milley" -> "Mark Milley")."""
    if unit.person is None or not unit.person.titles:
        return unit.surface
    return " ".join(unit.surface.split()[len(unit.person.titles) :]) or unit.surface


class NoMatch(Exception):
    """Raised by a read-only authority where resolution would found a new identity."""


class Authority:
    """Identities filed under their blocking keys: the working set of one resolution pass.

    `load(keys)` is called with the keys a batch needs before it is matched (the store loads those
    identities from SQLite; a pure in-memory authority has nothing to load)."""

    def __init__(
        self,
        load: Callable[[Iterable[str]], Iterable[Identity]] | None = None,
        taken: Callable[[str], bool] | None = None,
        readonly: bool = False,
    ) -> None:
        self.readonly = readonly
        self.ids: dict[str, Identity] = {}
        self.by_key: dict[str, set[str]] = defaultdict(set)
        self.merged: dict[str, str] = {}  # absorbed identity -> the identity it joined
        self._load = load
        self._taken = taken
        self._loaded: set[str] = set()
        self.stored: set[str] = set()  # ids of identities loaded from the store

    def prefetch(self, keys: Iterable[str]) -> None:
        """Bring the identities filed under these keys into the working set."""
        want = [k for k in set(keys) if k not in self._loaded]
        self._loaded.update(want)
        if self._load is None or not want:
            return
        for ident in self._load(want):
            if ident.id not in self.ids and ident.id not in self.merged:
                self.stored.add(ident.id)
                self.add(ident)
            elif ident.id in self.ids:
                for k in ident.keys:
                    self.ids[ident.id].keys.add(k)
                    self.by_key[k].add(ident.id)

    def add(self, ident: Identity) -> None:
        """File an identity under its keys."""
        self.ids[ident.id] = ident
        for k in ident.keys:
            self.by_key[k].add(ident.id)

    def candidates(self, key: str, kinds: tuple[str, ...] = ()) -> list[Identity]:
        """Identities filed under a key (of these kinds), most documents first."""
        found = [self.ids[i] for i in self.by_key.get(key, ()) if i in self.ids]
        if kinds:
            found = [c for c in found if c.kind in kinds]
        return sorted(found, key=lambda c: (-c.documents - len(c.new_docs), c.id))

    def new_id(self, kind: str, name: str) -> str:
        """A readable id not in use ("person:volodymyr-zelensky", then "...-2")."""
        base = f"{kind}:{slug(name)}"
        n, out = 1, base
        while out in self.ids or out in self.merged or (self._taken is not None and self._taken(out)):
            n += 1
            out = f"{base}-{n}"
        return out

    def create(self, unit: Unit, kind: str | None = None) -> Identity:
        """A new identity founded by a unit."""
        if self.readonly:
            raise NoMatch(unit.surface)
        kind = kind or unit.kind
        if kind == "person" and unit.person and not unit.person.full:
            kind = "surname"
        name = unit.place.name if kind == "place" and unit.place else _untitled(unit)
        ident = Identity(id=self.new_id(kind, name), kind=kind, name=name)
        if unit.place is not None and kind == "place":
            p = unit.place
            ident.gazetteer_id, ident.country, ident.lat, ident.lon = p.gid, p.country, p.lat, p.lon
        if unit.person is not None and kind in ("person", "surname"):
            n = unit.person
            ident.given, ident.middle, ident.surname = n.given, " ".join(n.middle), n.surname
            ident.suffix, ident.gender = n.suffix, n.gender
        if kind == "group":
            ident.country = unit.country or None
        self.add(ident)
        return ident

    def attach(self, unit: Unit, ident: Identity) -> None:
        """Count a unit's mentions, names, types, titles and dates into an identity; file its keys."""
        ident.names[_untitled(unit)] += 1
        ident.types.update(unit.ner)
        ident.aliases.update(unit.aliases)
        ident.titles.update(unit.titles)
        ident.roles.update(unit.roles)
        ident.mentions += max(1, sum(unit.aliases.values()))
        ident.new_docs.add(unit.doc_id)
        if unit.published:
            d = unit.published[:10]
            ident.first_seen = min(ident.first_seen or d, d)
            ident.last_seen = max(ident.last_seen or d, d)
        if ident.kind == "person" and unit.person and not ident.gender:
            ident.gender = unit.person.gender
        if ident.kind == "person" and unit.person and unit.person.full and unit.person.middle:
            if not ident.middle or all(len(m) == 1 for m in ident.middle.split()):
                ident.middle = " ".join(unit.person.middle)  # the fullest middle names seen
        keys = unit.keys() if unit.kind == ident.kind or ident.kind != "place" else []
        if ident.kind == "surname" and unit.org:
            keys = [*keys, f"og:{unit.org}"]
        for k in keys:
            if k not in ident.keys:
                ident.keys.add(k)
                self.by_key[k].add(ident.id)
        ident.changed = True

    def merge(self, keep: Identity, gone: Identity) -> None:
        """Absorb one identity into another (the store moves its rows)."""
        for counter in ("names", "types", "aliases", "titles", "roles"):
            getattr(keep, counter).update(getattr(gone, counter))
        keep.mentions += gone.mentions
        keep.documents += gone.documents
        keep.new_docs |= gone.new_docs
        for d in (gone.first_seen, gone.last_seen):
            if d:
                keep.first_seen = min(keep.first_seen or d, d)
                keep.last_seen = max(keep.last_seen or d, d)
        for k in gone.keys:
            self.by_key[k].discard(gone.id)
            if k not in keep.keys:
                keep.keys.add(k)
                self.by_key[k].add(keep.id)
        del self.ids[gone.id]
        self.merged[gone.id] = keep.id
        for old, new in self.merged.items():
            if new == gone.id:
                self.merged[old] = keep.id
        keep.changed = True
        keep.choose_name()


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
