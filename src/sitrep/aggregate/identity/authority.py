"""The identities of a resolution pass: each identity's names, keys, documents and companions, and the
authority that files them under their blocking keys (so a unit reads only its own keys' candidates), merges
two identities and records what merged into what. The rules that decide a match are in `match.py`."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .names import (
    parse_person,
    slug,
)
from .units import Unit, canonical

PERIOD_DAYS = 366  # a bare family name looks for full names seen within this many days
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


def untitled(unit: Unit) -> str:
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
        name = unit.place.name if kind == "place" and unit.place else untitled(unit)
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
        ident.names[untitled(unit)] += 1
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
