"""Clustering of name mentions into entities, and linking of descriptive mentions to them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import (
    aliases,
    compact_titles,
    country_names,
    fold_name,
    generic_nouns,
    initials,
    is_acronym,
    nouns,
    same_name_token,
    title_tokens,
    titles,
)
from .mentions import Mention

LABEL_ORDER = ["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"]


@dataclass
class Cluster:
    """The mentions of one entity while the document is read."""

    mentions: list[Mention] = field(default_factory=list)
    votes: dict[str, int] = field(default_factory=dict)
    titles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    acronyms: set[str] = field(default_factory=set)
    gender: str = ""
    nationality: list[str] = field(default_factory=list)

    @property
    def type(self) -> str:
        """The label with the most (evidence-weighted) votes."""
        return max(self.votes, key=lambda k: (self.votes[k], -LABEL_ORDER.index(k)))

    @property
    def names(self) -> list[Mention]:
        """Name mentions (not roles, descriptors or acronyms)."""
        return [m for m in self.mentions if m.kind == "name"]

    @property
    def last(self) -> int:
        """Start of the latest mention."""
        return max(m.start for m in self.mentions)

    def full_tokens(self) -> list[str]:
        """Tokens of the longest name."""
        best = max(self.names, key=lambda m: (len(m.text.split()), -m.start), default=None)
        return best.text.split() if best else []

    def add(self, m: Mention) -> None:
        """Add a name mention with its titles, roles and acronym."""
        self.mentions.append(m)
        self.votes[m.label] = self.votes.get(m.label, 0) + (3 if m.strong or m.titles else 1)
        for t in m.titles:
            if t not in self.titles:
                self.titles.append(t)
        for nick in m.nicknames:
            self.mentions.append(nick)
        for r in m.roles:
            self.mentions.append(r)
            for w in r.text.lower().split():  # "a spokeswoman for ...": the role's gender
                self.gender = self.gender or compact_titles().get(w, ((), ""))[1]
            if r.text not in self.roles:
                self.roles.append(r.text)
        if m.acronym:
            self.mentions.append(m.acronym)
            self.acronyms.add(m.acronym.text.replace(".", ""))
        self.gender = self.gender or m.gender
        if m.nationality:
            self.nationality.append(m.nationality)

    def descriptors(self) -> set[str]:
        """Nouns by which "the <noun>" may refer to this entity."""
        words: set[str] = set()
        table = titles()
        for t in self.titles:
            heads, _ = table.get(tuple(title_tokens(t)), ((), ""))
            words.update(heads)
            words.update(w.strip(".").lower() for w in re.split(r"[\s\-]+", t))
        for r in self.roles:  # the role's head words: "chairman" of "chairman of the Joint Chiefs"
            head = re.split(r"\b(?:of|for|to|at|in|on|with|from|who|that)\b|,", r, maxsplit=1)[0]
            words.update(w.lower() for w in re.findall(r"[A-Za-z\-]+", head)[-2:])
        if self.type == "ORG":
            for m in self.names:
                words.update(w.lower() for w in m.text.split())
        return words

    def context_words(self) -> set[str]:
        """Folded 5-letter stems of capitalized words before its titles and in its roles."""
        text = " ".join(self.nationality + self.roles)
        return {fold_name(w)[:5] for w in re.findall(r"[A-Za-z.]+", text) if w[:1].isupper()}


def _key(m: Mention) -> str:
    """Comparison key of a non-person name: alias-canonical, folded, demonym plural dropped."""
    key = fold_name(m.text)
    canon = aliases().get(key)
    if canon:
        return fold_name(canon)
    if m.label == "NORP" and len(key) > 4 and key.endswith("s") and not key.endswith("ss"):
        key = key[:-1]
    return key


def _person_match(m: Mention, c: Cluster) -> int:
    """How a person mention names the cluster's person: 2 surname or full name (spelling variants
    allowed), 1 first name only ("LeBron" after "LeBron James"), 0 not at all."""
    return _person_match_tokens(m.text.split(), c.full_tokens())


def _person_match_tokens(toks: list[str], full: list[str]) -> int:
    """`_person_match` on the mention's words and the words of the cluster's longest name."""
    if not toks or not full:
        return 0
    if len(toks) == 1:
        if same_name_token(toks[0], full[-1]):
            return 2
        return 1 if len(full) > 1 and fold_name(toks[0]) == fold_name(full[0]) else 0
    if len(full) == 1:
        return 2 if same_name_token(toks[-1], full[0]) else 0
    short, long_ = (toks, full) if len(toks) < len(full) else (full, toks)
    tail = long_[-len(short) :]
    if len(short) < len(long_) and all(same_name_token(a, b) for a, b in zip(short, tail, strict=True)):
        return 2  # "De Blasio" and "Bill de Blasio"
    return 2 if same_name_token(toks[-1], full[-1]) and same_name_token(toks[0], full[0]) else 0


class _Seen:
    """What `cluster_names` compares against in one cluster, refreshed after each mention is added."""

    __slots__ = ("type", "names", "last", "full", "_full_key", "folds", "keys", "key_words", "_read")

    def __init__(self, c: Cluster) -> None:
        self.names: list[Mention] = []
        self.last = -1
        self.full: list[str] = []
        self._full_key: tuple[int, int] | None = None
        self.folds: set[str] = set()
        self.keys: set[str] = set()
        self.key_words: list[list[str]] = []
        self._read = 0  # how many of the cluster's mentions are taken into account
        self.update(c)

    def update(self, c: Cluster) -> None:
        """Take in the mentions added to the cluster since the last update."""
        self.type = c.type
        for m in c.mentions[self._read :]:
            self.last = max(self.last, m.start)
            if m.kind != "name":
                continue
            self.names.append(m)
            words = m.text.split()
            full_key = (len(words), -m.start)  # the longest name, the first one on a tie
            if self._full_key is None or full_key > self._full_key:
                self.full, self._full_key = words, full_key
            self.folds.add(fold_name(m.text))
            key = _key(m)
            self.keys.add(key)
            self.key_words.append(key.split())
        self._read = len(c.mentions)


def _other_match(m: Mention, c: Cluster, seen: _Seen | None = None, key: str | None = None) -> bool:
    """True when an organisation/place/group mention names the cluster's entity."""
    seen = seen or _Seen(c)
    key = _key(m) if key is None else key
    if key in seen.keys:
        return True
    names = seen.names
    bare = m.text.replace(".", "")
    if is_acronym(m.text) and seen.type in {"ORG", "GPE"}:
        if bare in c.acronyms or any(
            initials(n.text) == bare or (len(bare) >= 3 and initials(n.text).endswith(bare))
            for n in names
            if not is_acronym(n.text)
        ):
            return True
        canon = aliases().get(fold_name(m.text))
        if canon and any(initials(n.text) == initials(canon) for n in names):
            return True
    if m.label == "ORG" and seen.type == "ORG":
        mt = key.split()
        if len(mt) >= 2 or nouns().get(mt[-1] if mt else "") == "ORG":
            for nt in seen.key_words:
                if len(nt) > len(mt) and nt[-len(mt) :] == mt:
                    return True
    return False


def cluster_names(mentions: list[Mention]) -> list[Cluster]:
    """Group name mentions into entities, most recent compatible entity first.

    A bare surname shared by several people ("Clinton") goes to the one named most often so far."""
    clusters: list[Cluster] = []
    seen: list[_Seen] = []  # parallel to `clusters`
    for m in sorted(mentions, key=lambda x: x.start):
        target = -1
        if m.label == "PERSON":
            toks, best_key = m.text.split(), None
            for k, s in enumerate(seen):
                if s.type != "PERSON":
                    continue
                score = _person_match_tokens(toks, s.full)
                if score and (best_key is None or (score, len(s.names), s.last) > best_key):
                    target, best_key = k, (score, len(s.names), s.last)
        if target < 0 and clusters:
            fold, key = fold_name(m.text), None
            for k in sorted(range(len(clusters)), key=lambda k: -seen[k].last):
                s = seen[k]
                if m.label != "PERSON" and s.type != "PERSON":
                    key = _key(m) if key is None else key
                    ok = _other_match(m, clusters[k], s, key)
                else:
                    ok = fold in s.folds
                if ok:
                    target = k
                    break
        if target < 0:
            clusters.append(Cluster())
            clusters[-1].add(m)
            seen.append(_Seen(clusters[-1]))
        else:
            clusters[target].add(m)
            seen[target].update(clusters[target])
    return clusters


def link_descriptor(d: Mention, clusters: list[Cluster]) -> Cluster | None:
    """The most recent entity before a descriptive mention that fits its head noun and modifiers."""
    best, best_pos = None, -1
    for c in clusters:
        before = [m.start for m in c.mentions if m.start < d.start]
        if not before or max(before) <= best_pos:
            continue
        if not _fits(d, c):
            continue
        best, best_pos = c, max(before)
    return best


def _fits(d: Mention, c: Cluster) -> bool:
    """True when the cluster can be "the <modifiers> <head>" of a descriptive mention."""
    if d.label == "GPE":
        return c.type == "GPE" and any(fold_name(n.text) in country_names() for n in c.names)
    if c.type != d.label:
        return False
    if not (d.label == "ORG" and d.head in generic_nouns()) and d.head not in c.descriptors():
        return False
    ctx = c.context_words()
    for mod in d.modifiers:
        if mod[:1].isupper() and ctx and fold_name(mod)[:5] not in ctx:
            return False
    if d.label == "ORG" and d.head not in generic_nouns():  # "the health ministry" is not "Defense Ministry"
        words = {fold_name(w)[:5] for n in c.names for w in n.text.split()}
        if any(fold_name(mod)[:5] not in words for mod in d.modifiers if mod.isalpha()):
            return False
    return True
