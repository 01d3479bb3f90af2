"""Speakers by salience and agreement: pronoun and description speakers re-read in text order.

After all statements of a document are built, the speakers whose mention is a pronoun ("he said")
or a definite description ("the analyst emphasized") are resolved again, in reading order, against
what the reader has in mind at that point:

- the speakers of the statements before it (so "he said" in a quote paragraph goes on with the
  person speaking, and a chain of "he added" stays with them);
- the subjects of sentences outside quotations and outside what others are reported to have said
  (a name inside a quotation, or inside the content being attributed, is never its speaker);
- then any other mention outside quotations.

Candidates must agree: "he"/"she" need a person whose gender (title, first name from the names
lexicon, or an earlier "he"/"she" that named them) does not contradict; "it" an organisation or
country; "they" a group, an organisation or a country. The search looks back over the pronoun's
paragraph and a few before it. A description resolves to an earlier unnamed speaker with the same
head noun ("a police spokesman" ... "the spokesman"), to the entity the entities component links
it to when its nationality words do not contradict ("the American president" is not Poland's), or,
for words that describe whoever is speaking ("the expert", "the interlocutor", `data/
cues_speaker_nouns.txt`), to the person speaking. A pronoun that finds nobody keeps the entities
component's answer only when that is a person (for "he"/"she"), never a place or a common noun.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ...gender import name_gender
from ...model import Entity, Speaker, Statement
from .spanindex import Covers, Points
from .speaker import _lines, cue_lemma, cue_sections, role_nouns
from .verbs import source_tail

if TYPE_CHECKING:
    from .syntax import Ctx

_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_PERSONAL = {"he", "she", "him", "her", "his"}
_GROUP = {"they", "them", "their"}
_THING = {"it", "its"}
_LOOKBACK_PARAS = 4
_LOOKBACK_CHARS = 3000
KEEP = object()  # the speaker stays as the entities component resolved it


@dataclass
class _Cand:
    """One thing a pronoun or description may refer to, at one position of the text."""

    pos: int
    key: str  # entity id, or "name:" + the unnamed speaker's name
    name: str
    entity: str | None
    kind: str  # PERSON | ORG | GPE | NORP | GROUP (an unnamed plural)
    strong: bool  # a speaker or a subject outside reported content
    head: str = ""  # head noun of an unnamed speaker ("spokesman")


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Single-word titles before personal names ("Patriarch", "Gen"), from `data/titles.txt`."""
    words = (line.split("\t")[0].strip().lower().rstrip(".") for line in _lines("titles.txt"))
    return frozenset(w for w in words if w and " " not in w)


@lru_cache(maxsize=1)
def speaker_nouns() -> frozenset[str]:
    """Nouns by which a text describes whoever is speaking ("the expert"), `data/cues_speaker_nouns.txt`."""
    return frozenset(w.lower() for w in _lines("cues_speaker_nouns.txt"))


@lru_cache(maxsize=1)
def _nationalities() -> dict[str, frozenset[str]]:
    """A nationality word or country name (lower case) -> every form naming the same country."""
    groups: dict[str, set[str]] = {}
    for line in _lines("gazetteer_demonyms.tsv"):
        cols = line.split("\t")
        if len(cols) == 2:
            groups.setdefault(cols[1].strip().lower(), set()).add(cols[0].strip().lower())
    for line in _lines("entities_aliases.tsv"):
        canon, _, rest = line.partition("\t")
        key = canon.strip().lower()
        if key in groups:
            groups[key].update(a.strip().lower() for a in rest.split("|") if a.strip())
    out: dict[str, frozenset[str]] = {}
    for country, forms in groups.items():
        every = frozenset(forms | {country})
        for form in every:
            out[form] = every
    return out


def _nationality_words(span: Span) -> list[str]:
    """Capitalized nationality words of a description ("the American president" -> ["american"])."""
    table = _nationalities()
    return [t.lower_ for t in span if t.i != span.root.i and t.text[:1].isupper() and t.lower_ in table]


class Salience:
    """Re-resolves pronoun and description speakers of a document's statements, in reading order."""

    def __init__(self, ctx: Ctx, items: list[tuple[Statement, Token | None]]) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.text = ctx.text
        self.items = items
        self.entities: dict[str, Entity] = {e.id: e for e in ctx.speakers.entities}
        self.coref = ctx.speakers.coref
        self.learned: dict[str, str] = {}
        self.contents = sorted((p for st, _v in items for p in _parts(st)), key=lambda p: p[0])
        self.covers = Covers(self.contents)
        self.cues = Points([o.cue.span[0] for o, _v in items])
        self.times = Counter(id(o) for o, _v in items)  # how often each statement is an item
        self.mentions = self._mention_candidates()
        self.spoken: list[_Cand] = []

    # --- candidates ---------------------------------------------------------------------------
    def _in_quote(self, pos: int) -> bool:
        return any(s <= pos < e for q in self.ctx.quotes if q.closed for s, e in q.parts)

    def _in_content(self, pos: int) -> bool:
        return self.covers.covers(pos)

    def _mention_candidates(self) -> list[_Cand]:
        """Entity mentions outside quotations, subjects marked strong unless inside reported content."""
        out = []
        for ent in self.entities.values():
            for m in ent.mentions:
                s, e = m.span
                if self._in_quote(s) or self.ctx.in_dateline((s, e)):
                    continue
                span = self.doc.char_span(s, e, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                root = span.root
                if root.pos_ == "NOUN" and not self._nationality_fits(ent, span):
                    continue  # "The US president" linked to Putin: a description of someone else
                subject = _main_subject(root) or self._label(s, e)
                if subject and root.dep_ == "nsubj" and source_tail(root.head, self.ctx.cues):
                    subject = False  # ", BelTA has learned": the outlet, not a speaker the reader follows
                strong = subject and not self._in_content(s)
                out.append(_Cand(s, ent.id, ent.name, ent.id, _kind(ent), strong))
        out.sort(key=lambda c: c.pos)
        return out

    def _nationality_fits(self, ent: Entity, span: Span) -> bool:
        """Whether a description's nationality words ("the US president") are confirmed for the entity
        it was linked to; a description without any always fits."""
        nat = _nationality_words(span)
        return not nat or bool(self._nationality(ent, nat, (span.start_char, span.end_char)))

    def _label(self, s: int, e: int) -> bool:
        """A name that opens a paragraph as its label ("Kamala Harris: ...")."""
        para = self.ctx.para_of(s)
        return para[0] == s and self.text[e : e + 2].lstrip().startswith(":")

    def gender(self, key: str, entity: Entity | None) -> str:
        """What is known of a candidate's gender: title, first name, or an earlier pronoun."""
        if key in self.learned:
            return self.learned[key]
        if entity is None:
            return ""
        g = self.coref.gender(entity.id) if self.coref is not None and hasattr(self.coref, "gender") else ""
        return g or (name_gender(entity.name) if entity.type == "PERSON" else "")

    # --- resolution ---------------------------------------------------------------------------
    def run(self) -> None:
        """Resolves pronoun and description speakers, statement by statement in reading order."""
        order = sorted(self.items, key=lambda it: _anchor(it[0]))
        for st, _verb in order:
            sp = st.speaker
            new: Speaker | None | object = KEEP
            if sp is not None and sp.span is not None and sp.text:
                word = sp.text.lower()
                if word in _PERSONAL | _GROUP | _THING:
                    new = self._pronoun(st, sp, word)
                elif word.split()[0] in {"the", "this", "that"}:
                    new = self._description(st, sp)
            if new is not KEEP:
                st.speaker = new  # type: ignore[assignment]
            elif sp is not None and sp.entity is None:
                st.speaker = self._family_name(sp)
            if st.speaker is not None and not st.speaker.name:  # a pronoun nobody fits
                st.speaker = None
            if st.speaker is None:
                st.confidence = min(st.confidence, 0.4)
            self._remember(st)
        self._lede_descriptions(order)

    def _lede_descriptions(self, order: list[tuple[Statement, Token | None]]) -> None:
        """A lede that describes its speaker before naming them ("Britain's top commander has called
        on ...", then "Adm Jane Doe said"): a definite or possessive description in the body's first
        paragraph goes to the first person who speaks in the next three paragraphs, never one the text
        mentioned before it nor one of another nationality; the same description later goes to them."""
        paras = [p for p in self.ctx.paras if p[1] > self.ctx.body_start]
        if not paras:
            return
        lede, limit = paras[0], paras[min(3, len(paras) - 1)][1]
        resolved: dict[str, Speaker] = {}
        for st, _verb in order:
            sp = st.speaker
            if sp is None or sp.entity is not None or sp.span is None or not sp.name:
                continue
            key = sp.name.lower()
            if key in resolved:
                st.speaker = _to_speaker(resolved[key], sp)
                continue
            span = self.doc.char_span(sp.span[0], sp.span[1], alignment_mode="expand")
            if not lede[0] <= sp.span[0] < lede[1] or span is None or not _definite_role(span):
                continue
            nat = _nationality_words(span)
            for c in self.spoken:
                if not sp.span[1] <= c.pos < limit or c.entity is None or c.kind != "PERSON" or not c.strong:
                    continue
                ent = self.entities[c.entity]
                if any(m.span[0] < sp.span[0] for m in ent.mentions):
                    continue
                if nat and self._nationality(ent, nat, sp.span) is False:
                    continue
                resolved[key] = Speaker(name=c.name, entity=c.entity, span=sp.span, text=sp.text)
                st.speaker = resolved[key]
                break

    def _family_name(self, sp: Speaker) -> Speaker:
        """A speaker named by a family name alone that no entity took ("DeSantis had said") is the one
        person of the document with that family name mentioned before it."""
        name = sp.name.strip()
        if not name[:1].isupper() or " " in name or sp.span is None:
            return sp
        people = {
            e.id: e
            for e in self.entities.values()
            if e.type == "PERSON"
            and " " in e.name
            and e.name.split()[-1] == name
            and any(m.span[0] < sp.span[0] for m in e.mentions)
        }
        if len(people) != 1:
            return sp
        ent = next(iter(people.values()))
        return Speaker(name=ent.name, entity=ent.id, span=sp.span, text=sp.text)

    def _remember(self, st: Statement) -> None:
        """The statement's speaker becomes the most salient candidate at its mention."""
        sp = st.speaker
        if sp is None:
            return
        pos = sp.span[0] if sp.span is not None else st.cue.span[0]
        ent = self.entities.get(sp.entity) if sp.entity else None
        if ent is not None:
            kind, head = _kind(ent), ""
        else:
            kind, head = self._unnamed_kind(sp)
            if not kind:
                return
        key = ent.id if ent is not None else "name:" + sp.name.lower()
        own = _parts(st)
        # a speaker inside what another is reported to have said is no one the reader follows, and
        # nor is one who only reports another's words ("our correspondent reports X said ...")
        reported = self.covers.covers(pos, own)
        at, times = st.cue.span[0], self.times[id(st)]
        relays = any(self.cues.count(a, z) - (times if a <= at < z else 0) > 0 for a, z in own)
        self.spoken.append(_Cand(pos, key, sp.name, sp.entity, kind, not (reported or relays), head))

    def _unnamed_kind(self, sp: Speaker) -> tuple[str, str]:
        """(PERSON | ORG | GROUP, head noun) of an unnamed speaker, ("", "") when it is neither."""
        if sp.span is None:
            return "", ""
        span = self.doc.char_span(sp.span[0], sp.span[1], alignment_mode="expand")
        if span is None or not len(span):
            return "", ""
        root = span.root
        if root.pos_ == "PRON":
            return "", ""
        if root.pos_ == "PROPN":  # a name the entities component left alone ("the Russian Patriarch Kirill")
            titled = any(t.lower_.rstrip(".") in _title_words() for t in span)
            if root.ent_type_ in {"ORG", "GPE", "NORP"} and not titled and not _first_name_gender(span.text):
                return root.ent_type_, ""
            person = titled or root.ent_type_ == "PERSON" or bool(_first_name_gender(span.text))
            return ("PERSON", "") if person else ("", "")
        head = root.lemma_.lower()
        typ = role_nouns().get(head) or role_nouns().get(root.lower_)
        if typ is None and head not in speaker_nouns():
            return "", ""
        if root.tag_ in {"NNS", "NNPS"}:
            return "GROUP", head
        return (typ or "PERSON"), head

    def _window(self, pos: int) -> int:
        """The first character a search back from `pos` may reach."""
        paras = [p for p in self.ctx.paras if p[0] <= pos]
        start = paras[-_LOOKBACK_PARAS][0] if len(paras) >= _LOOKBACK_PARAS else 0
        return max(start, pos - _LOOKBACK_CHARS)

    def _near(self, pos: int) -> int:
        """The start of the paragraph before the one holding `pos` (of that one when it is the first)."""
        paras = [p for p in self.ctx.paras if p[0] <= pos]
        return paras[-2][0] if len(paras) >= 2 else 0

    def _candidates(self, pos: int, skip: list[tuple[int, int]]) -> list[_Cand]:
        """Candidates before `pos` within the window, nearest first, outside the `skip` ranges."""
        floor = self._window(pos)
        cands = [c for c in self.mentions + self.spoken if floor <= c.pos < pos]
        cands = [c for c in cands if not any(s <= c.pos < e for s, e in skip)]
        # a speaker and the mention it was read from share a position: the speaker comes first
        cands.sort(key=lambda c: (c.pos, c.key.startswith("name:")), reverse=True)
        return cands

    def _fits(self, c: _Cand, word: str) -> bool:
        if word in _PERSONAL:
            if c.kind != "PERSON":
                return False
            want = _PRONOUN_GENDER[word]
            have = self.gender(c.key, self.entities.get(c.entity) if c.entity else None)
            return not have or have == want
        if word in _THING:
            return c.kind in {"ORG", "GPE"}
        return c.kind in {"ORG", "GPE", "NORP", "GROUP"}

    def _pronoun(self, st: Statement, sp: Speaker, word: str) -> Speaker | None | object:
        pos = sp.span[0] if sp.span is not None else st.cue.span[0]
        cands = self._candidates(pos, _parts(st))
        best = next((c for c in cands if c.strong and self._fits(c, word)), None)
        if best is None:
            best = next((c for c in cands if self._fits(c, word)), None)
        if best is None and word == "she":
            # Polish and Russian call a country "she", and machine translation keeps it: with no woman
            # (nor anyone of unknown gender) to be found, the country speaking in this paragraph
            para = self.ctx.para_of(pos)[0]
            best = next(
                (c for c in cands if c.kind == "GPE" and c.strong and c.pos >= para and c in self.spoken),
                None,
            )
        if best is None:  # nobody fits: a "he" the entities component gave a place or a noun stays unnamed
            return KEEP if word not in _PERSONAL or self._is_person(sp) else None
        if word in _PRONOUN_GENDER and best.key not in self.learned:
            if not self.gender(best.key, self.entities.get(best.entity) if best.entity else None):
                self.learned[best.key] = _PRONOUN_GENDER[word]
        return Speaker(name=best.name, entity=best.entity, span=sp.span, text=sp.text)

    def _is_person(self, sp: Speaker) -> bool:
        """Whether the entities component's answer for a pronoun is a person."""
        ent = self.entities.get(sp.entity) if sp.entity else None
        return ent is not None and ent.type == "PERSON"

    def _description(self, st: Statement, sp: Speaker) -> Speaker | None | object:
        if sp.span is None:
            return KEEP
        span = self.doc.char_span(sp.span[0], sp.span[1], alignment_mode="expand")
        if span is None or not len(span):
            return KEEP
        root = span.root
        head = root.lemma_.lower()
        if (role_nouns().get(head) != "PERSON" and head not in speaker_nouns()) or root.tag_ in {
            "NNS",
            "NNPS",
        }:
            return KEEP
        nat = _nationality_words(span)
        cands = [c for c in self._candidates(sp.span[0], _parts(st)) if c.kind == "PERSON"]
        linked = self.entities.get(sp.entity) if sp.entity else None
        if linked is not None and linked.name[:1].islower():
            linked = None  # an entity that is itself a description ("head of the EU executive") names no one
        linked_nat = self._nationality(linked, nat, sp.span) if linked is not None else None
        if linked is not None and (not nat or linked_nat):
            return KEEP  # the entities component's link stands
        same = next((c for c in cands if c.head == head and c.entity is None), None)
        if same is not None and linked is None:  # "a police spokesman" ... "the spokesman"
            return Speaker(name=same.name, entity=None, span=sp.span, text=sp.text)
        named = [c for c in cands if c.strong and c.entity is not None]
        if nat:  # "the American president": the latest person the text gives that nationality
            match = next(
                (c for c in named if self._nationality(self.entities[c.entity or ""], nat, sp.span)), None
            )
            if match is None and named and named[0].pos >= self._near(sp.span[0]):
                # "Putin met the rabbis. The Russian leader said": the person just named, when nothing
                # the text says of them gives another nationality
                if self._nationality(self.entities[named[0].entity or ""], nat, sp.span) is None:
                    match = named[0]
            if match is None and linked_nat is False:  # a link to a person of another nationality
                name = re.sub(r"^(?:the|this|that)\s+", "", sp.text or "", flags=re.IGNORECASE)
                return Speaker(name=name, entity=None, span=sp.span, text=sp.text)
            return _to(match, sp) if match is not None else KEEP
        if head not in speaker_nouns():
            current = self._current_speaker(sp.span[0], span)
            return _to(current, sp) if current is not None else KEEP
        if not named:
            return KEEP
        return _to(named[0], sp)

    def _current_speaker(self, pos: int, span: Span) -> _Cand | None:
        """The named person speaking when a bare role description comes ("Blinken said ... - Then the
        attack will start - said the head of diplomacy"): the latest speaker, a named person of this or
        the previous paragraph, with no other person the subject of a sentence in between. A description
        naming an organisation or place of its own ("the spokesman of the court") may be someone new,
        unless that name stands beside the person's mentions too."""
        floor = self._near(pos)
        spoken = [c for c in self.spoken if floor <= c.pos < pos and c.strong and c.kind == "PERSON"]
        if not spoken or spoken[-1].entity is None:
            return None
        cur = spoken[-1]
        others = [c for c in self.mentions if cur.pos < c.pos < pos and c.strong and c.kind == "PERSON"]
        if any(c.entity != cur.entity for c in others):
            return None
        ent = self.entities[cur.entity or ""]
        context = " ".join([*ent.titles, *ent.roles, ent.name]).lower()
        for m in ent.mentions:
            context += " " + _premodifiers(self.text, m.span[0]).lower()
        for tok in span:
            if tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.lower_ not in context:
                return None
        return cur

    def _nationality(self, ent: Entity, nat: list[str], own: tuple[int, int] | None = None) -> bool | None:
        """Whether an entity's titles, roles or the words of and before its mentions (other than the
        description `own` being resolved) name the nationality: True, False (another one), None (none)."""
        if not nat:
            return None
        want: set[str] = set()
        for w in nat:
            want |= _nationalities().get(w, frozenset({w}))
        context = " ".join([*ent.titles, *ent.roles, *ent.aliases, ent.name])
        for m in ent.mentions:
            s = m.span[0]
            if own is not None and s < own[1] and own[0] < m.span[1]:
                continue
            context += " " + _premodifiers(self.text, s) + " " + self.text[s : m.span[1]]
        words = set(re.findall(r"[a-z][a-z.]*[a-z]|[a-z]", context.lower().replace("\u2019", "'")))
        words |= {
            " ".join(p) for p in zip(context.lower().split(), context.lower().split()[1:], strict=False)
        }
        if words & want:
            return True
        table = _nationalities()
        if any(w in table for w in words if w[:1].isalpha() and len(w) > 2):
            return False
        return None


# what stands before a mention inside its own noun phrase: after the last clause break ("invasion of
# Ukraine, Mr Putin" says nothing of Putin's nationality; "Russian President Vladimir Putin" does)
_PHRASE_BREAK = re.compile(
    r"[.,;:!?()\"\u201c\u201d\u2014\u2013]|\s-\s|\b(?:in|on|with|by|for|and|to|from)\s"
)


def _premodifiers(text: str, at: int) -> str:
    """The last words before `at` that may modify a name: up to four, after the last clause break or
    preposition ("Ukrainian President", "Russia's foreign minister")."""
    before = text[max(0, at - 40) : at]
    breaks = list(_PHRASE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    return " ".join(before.split()[-4:])


def _parts(st: Statement) -> list[tuple[int, int]]:
    """What a statement reports: the quotations of a direct one (its attribution may stand between
    them), else the whole content."""
    if st.kind == "direct":
        return [q.span for q in st.quotes if q.span is not None] or [st.content.span]
    return [st.content.span]


def _anchor(st: Statement) -> int:
    """Where a statement's speaker is mentioned (its cue when the speaker has no mention)."""
    if st.speaker is not None and st.speaker.span is not None:
        return st.speaker.span[0]
    return st.cue.span[0]


def _definite_role(span: Span) -> bool:
    """Whether a description names one office holder: a singular role noun with "the" or a possessor
    ("the head of the mission", "its foreign minister", "Britain's most senior commander")."""
    root = span.root
    if role_nouns().get(root.lemma_.lower()) != "PERSON" or root.tag_ in {"NNS", "NNPS"}:
        return False
    return span[0].lower_ in {"the", "its", "his", "her", "their"} or any(
        c.dep_ == "poss" for c in root.children
    )


def _to_speaker(named: Speaker, sp: Speaker) -> Speaker:
    """The person `named` names, at the mention `sp` was read from."""
    return Speaker(name=named.name, entity=named.entity, span=sp.span, text=sp.text)


def _to(c: _Cand, sp: Speaker) -> Speaker:
    """The speaker `c` names, at the mention `sp` was read from."""
    return Speaker(name=c.name, entity=c.entity, span=sp.span, text=sp.text)


def _main_subject(tok: Token) -> bool:
    """Whether a token is the subject of its sentence's main clause (or of a clause coordinated with
    it, or of a cue verb): "Biden was asked whether Putin had decided" makes Biden salient, not Putin."""
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":  # "was commented by spokesman X"
        return cue_lemma(tok.head.head) in cue_sections()
    if tok.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT" or cue_lemma(tok.head) in cue_sections()


def _kind(ent: Entity) -> str:
    """An entity's type for agreement: a name with a known first name is a person whatever its label
    ("Ursula von der Leyen" read as an organisation)."""
    if ent.type != "PERSON" and " " in ent.name and _first_name_gender(ent.name):
        return "PERSON"
    return ent.type


def _first_name_gender(name: str) -> str:
    """The gender of the first name in a name that may carry a prefix ("Gazeta.pl Pawel Zalewski")."""
    words = name.split()
    return name_gender(name) or (name_gender(" ".join(words[-2:])) if len(words) > 2 else "")
