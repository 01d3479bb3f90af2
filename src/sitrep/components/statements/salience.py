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
paragraph and a few before it. A pronoun that finds nobody keeps the entities component's answer
only when that is a person (for "he"/"she"), never a place or a common noun. Descriptions ("the
Russian president said") are read by `descriptions.py`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.attrs import DEP, IDX, LEMMA, TAG
from spacy.tokens import Span, Token

from ...gender import name_gender
from ...model import Entity, Speaker, Statement
from .candidate import KEEP, Cand, parts, to_speaker
from .descriptions import (
    describe,
    learn_role,
    lede_descriptions,
    nationality,
    nationality_words,
    speaker_nouns,
)
from .spanindex import Covers, Points
from .speaker import _lines, cue_lemma, cue_sections, role_nouns, word_set
from .verbs import source_tail

if TYPE_CHECKING:
    from .syntax import Ctx

_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_PERSONAL = {"he", "she", "him", "her", "his"}
_GROUP = {"they", "them", "their"}
_THING = {"it", "its"}
_LOOKBACK_PARAS = 4
_LOOKBACK_CHARS = 3000


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Single-word titles before personal names ("Patriarch", "Gen"), from `data/titles.txt`."""
    words = (line.split("\t")[0].strip().lower().rstrip(".") for line in _lines("titles.txt"))
    return frozenset(w for w in words if w and " " not in w)


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
        self._kinds: dict[str, str] = {}
        self._units: set[str] | None = None
        self._starts = ctx.doc.to_array([IDX]).tolist()
        self.nat_learned: dict[str, frozenset[str]] = {}
        self.roles: dict[str, Speaker | None] = {}
        # what a closing source clause relays (", an Ukrinform correspondent reports"): the outlet's
        # account of another's words, so the one it quotes stays the speaker the reader follows
        relay = word_set("cues_relay.txt")
        self.tails = {
            id(st) for st, v in items if v is not None and cue_lemma(v) in relay and source_tail(v, ctx.cues)
        }
        self.contents = sorted(
            (p for st, _v in items if id(st) not in self.tails for p in parts(st)), key=lambda p: p[0]
        )
        self.covers = Covers(self.contents)
        # cues of reported speech: one who relays another's words ("reports X said") is no speaker the
        # reader follows; a wish or deed inside the content ("there are fears the summit threatens to")
        # relays nobody
        self.cues = Points([o.cue.span[0] for o, _v in items if _relayed(o)])
        self.times = Counter(id(o) for o, _v in items)  # how often each statement is an item
        self.mentions = sorted(self._mention_candidates() + self._document_subjects(), key=lambda c: c.pos)
        self.mention_pos = [c.pos for c in self.mentions]
        self.spoken: list[Cand] = []
        self.unnamed: dict[str, tuple[str, str]] = {}  # unnamed speaker's name -> (kind, head)

    # --- candidates ---------------------------------------------------------------------------
    def _in_quote(self, pos: int) -> bool:
        return any(s <= pos < e for q in self.ctx.quotes if q.closed for s, e in q.parts)

    def _in_content(self, pos: int) -> bool:
        return self.covers.covers(pos)

    def _mention_candidates(self) -> list[Cand]:
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
                anysubj = bool(subject) or root.dep_ in {"nsubj", "nsubjpass"} or _leads(span)
                out.append(Cand(s, ent.id, ent.name, ent.id, self.kind(ent), strong, subject=anysubj))
        out.sort(key=lambda c: c.pos)
        return out

    def _document_subjects(self) -> list[Cand]:
        """Documents that are the subject of a sentence outside quotations ("The report covers ..."):
        candidates for a later "it" (kind DOC), named by their phrase without its determiner."""
        out = []
        nouns, strings = word_set("cues_document_subjects.txt"), self.doc.vocab.strings
        nsubj, nn = strings.add("nsubj"), strings.add("NN")
        for i, (dep, tag, lemma) in enumerate(self.doc.to_array([DEP, TAG, LEMMA]).tolist()):
            if dep != nsubj or tag != nn or strings[lemma].lower() not in nouns:
                continue
            tok = self.doc[i]
            if self._in_quote(tok.idx) or tok.idx < self.ctx.body_start:
                continue
            words = [t for t in tok.lefts if t.dep_ in {"compound", "amod", "nmod"} and t.i == tok.i - 1]
            name = " ".join([*(t.text for t in words), tok.text])
            strong = _main_subject(tok) and not self._in_content(tok.idx)
            out.append(Cand(tok.idx, "doc:" + name.lower(), name, None, "DOC", strong, subject=True))
        return out

    def kind(self, ent: Entity) -> str:
        """An entity's type for agreement (`_kind`), a one-word "person" the text calls a company
        ("energy giant Gazprom") or a "person" naming a unit ("the Kastus Kalinouski Regiment") an
        organisation; read once per entity."""
        known = self._kinds.get(ent.id)
        if known is None:
            known = self._kinds[ent.id] = _kind(ent)
            if known == "PERSON" and not _first_name_gender(ent.name):
                one_word = " " not in ent.name.strip()
                if (
                    (ent.name.split() and set(ent.name.split()) <= self._namesakes())
                    or any(
                        (one_word and self._org_before(m.span[0])) or self._unit_after(m.span[1])
                        for m in ent.mentions
                    )
                    or any(_role_type(role) == "ORG" for role in ent.roles)
                ):
                    known = self._kinds[ent.id] = "ORG"
        return known

    def _namesakes(self) -> set[str]:
        """Name words of units and institutions named after a person ("Kastus Kalinouski Regiment")."""
        if self._units is None:
            self._units = set()
            units = word_set("cues_named_after.txt")
            for e in self.entities.values():
                words = e.name.split()
                if e.type == "ORG" and len(words) > 1 and words[-1].lower() in units:
                    self._units.update(w for w in words[:-1] if w[:1].isupper())
        return self._units

    def _unit_after(self, end: int) -> bool:
        """Whether a name is followed by a capitalized unit or institution noun ("Kalinouski Regiment")."""
        i = bisect_left(self._starts, end)
        if i >= len(self._starts) or self._starts[i] > end + 1:
            return False
        word = self.doc[i]
        return word.text[:1].isupper() and word.lower_ in word_set("cues_named_after.txt")

    def _org_before(self, pos: int) -> bool:
        """Whether the word right before a name is a company or organisation noun ("giant Gazprom")."""
        i = bisect_left(self._starts, pos) - 1
        if i < 0:
            return False
        word = self.doc[i]
        lemma = word.lemma_.lower()
        company = lemma in word_set("cues_org_modifiers.txt") or role_nouns().get(lemma) == "ORG"
        return word.pos_ == "NOUN" and company

    def _nationality_fits(self, ent: Entity, span: Span) -> bool:
        """Whether a description's nationality words ("the US president") are confirmed for the entity
        it was linked to; a description without any always fits."""
        nat = nationality_words(span)
        return not nat or bool(nationality(self.text, ent, nat, (span.start_char, span.end_char), self.doc))

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
                    new = self._pronoun(st, sp, word, _verb)
                elif word.split()[0] in {"the", "this", "that"}:
                    new = describe(self, st, sp)
                    if isinstance(new, Speaker):
                        learn_role(self, sp, new)
                    elif new is KEEP and sp.entity is not None:
                        learn_role(self, sp, sp)
                elif word.split()[0] in {"our", "my"} and " " in word and sp.entity:
                    # "our expert group": the writer's own side, no organisation the text names
                    new = Speaker(name=sp.text.split(" ", 1)[1], entity=None, span=sp.span, text=sp.text)
            if new is not KEEP:
                st.speaker = new  # type: ignore[assignment]
            elif sp is not None and sp.entity is None:
                st.speaker = self._family_name(sp)
            if st.speaker is not None and not st.speaker.name:  # a pronoun nobody fits
                st.speaker = None
            if st.speaker is None:
                st.confidence = min(st.confidence, 0.4)
            self._remember(st)
        lede_descriptions(self, order)

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
            kind, head = self.kind(ent), ""
        else:
            # a pronoun resolved to an unnamed speaker ("He stressed") goes on with that speaker's kind
            kind, head = self._unnamed_kind(sp)
            if not kind:
                kind, head = self.unnamed.get(sp.name.lower(), ("", ""))
            if not kind:
                return
            self.unnamed.setdefault(sp.name.lower(), (kind, head))
        if kind == "PERSON" and id(st) in self.tails:
            return  # ", an Ukrinform correspondent reports": the reporter is never the "he" who speaks next
        key = ent.id if ent is not None else "name:" + sp.name.lower()
        own = parts(st)
        # a speaker inside what another is reported to have said is no one the reader follows, and
        # nor is one who only reports another's words ("our correspondent reports X said ...")
        reported = self.covers.covers(pos, own)
        at, times = st.cue.span[0], self.times[id(st)]
        times = times if _relayed(st) else 0
        relays = any(self.cues.count(a, z) - (times if a <= at < z else 0) > 0 for a, z in own)
        self.spoken.append(Cand(pos, key, sp.name, sp.entity, kind, not (reported or relays), head, True))

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
            if person:
                return "PERSON", ""
            # a one-word name the tagger typed as nothing ("Gazprom says"): it spoke, and no title or
            # first name makes it a person, so "it" may refer back to it
            return ("ORG", "") if len(span) == 1 and not root.ent_type_ else ("", "")
        head = root.lemma_.lower()
        typ = role_nouns().get(head) or role_nouns().get(root.lower_)
        if typ is None and head not in speaker_nouns():
            return "", ""
        if root.tag_ in {"NNS", "NNPS"}:
            return "GROUP", head
        return (typ or "PERSON"), head

    def window(self, pos: int) -> int:
        """The first character a search back from `pos` may reach."""
        paras = [p for p in self.ctx.paras if p[0] <= pos]
        start = paras[-_LOOKBACK_PARAS][0] if len(paras) >= _LOOKBACK_PARAS else 0
        return max(start, pos - _LOOKBACK_CHARS)

    def near(self, pos: int) -> int:
        """The start of the paragraph before the one holding `pos` (of that one when it is the first)."""
        paras = [p for p in self.ctx.paras if p[0] <= pos]
        return paras[-2][0] if len(paras) >= 2 else 0

    def candidates(self, pos: int, skip: list[tuple[int, int]]) -> list[Cand]:
        """Candidates before `pos` within the window, nearest first, outside the `skip` ranges."""
        floor = self.window(pos)
        cands = [c for c in self.mentions + self.spoken if floor <= c.pos < pos]
        cands = [c for c in cands if not any(s <= c.pos < e for s, e in skip)]
        # a speaker and the mention it was read from share a position: the speaker comes first
        cands.sort(key=lambda c: (c.pos, c.key.startswith("name:")), reverse=True)
        return cands

    def _fits(self, c: Cand, word: str) -> bool:
        if word in _PERSONAL:
            if c.kind != "PERSON":
                return False
            want = _PRONOUN_GENDER[word]
            have = self.gender(c.key, self.entities.get(c.entity) if c.entity else None)
            return not have or have == want
        if word in _THING:
            return c.kind in {"ORG", "GPE", "DOC"}
        return c.kind in {"ORG", "GPE", "NORP", "GROUP"}

    def _hearers(self, verb: Token | None) -> set[str]:
        """Entities named as the cue's hearer or object ("He told Blinken that ..."): never who "he" is."""
        out: set[str] = set()
        if verb is None:
            return out
        for c in verb.children:
            if c.dep_ not in {"dobj", "dative", "iobj"} and not (c.dep_ == "prep" and c.lower_ == "to"):
                continue
            lo, hi = c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)
            i = bisect_left(self.mention_pos, lo)
            while i < len(self.mentions) and self.mentions[i].pos < hi:
                out.add(self.mentions[i].key)
                i += 1
        return out

    def _pronoun(
        self, st: Statement, sp: Speaker, word: str, verb: Token | None = None
    ) -> Speaker | None | object:
        pos = sp.span[0] if sp.span is not None else st.cue.span[0]
        hearers = self._hearers(verb)
        cands = [c for c in self.candidates(pos, parts(st)) if c.key not in hearers]
        best = next((c for c in cands if c.strong and self._fits(c, word)), None)
        if best is None:  # a subject inside reported content before any other mention
            best = next((c for c in cands if c.subject and self._fits(c, word)), None)
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
        return to_speaker(best, sp)

    def _is_person(self, sp: Speaker) -> bool:
        """Whether the entities component's answer for a pronoun is a person."""
        ent = self.entities.get(sp.entity) if sp.entity else None
        return ent is not None and ent.type == "PERSON" and self.kind(ent) == "PERSON"


def _relayed(st: Statement) -> bool:
    """Whether a statement is speech a speaker may relay: said, told, reported (not a belief, wish or
    an object-reading cue such as 'threatens to')."""
    return st.mode == "speech" and st.confidence >= 0.7


def _anchor(st: Statement) -> int:
    """Where a statement's speaker is mentioned (its cue when the speaker has no mention)."""
    if st.speaker is not None and st.speaker.span is not None:
        return st.speaker.span[0]
    return st.cue.span[0]


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


def _leads(span: Span) -> bool:
    """Whether a name is the first person its sentence names and no object: the subject a garbled
    parse missed ("Prime Minister X during a meeting with Y was to say")."""
    if span.root.dep_ in {"pobj", "dobj", "poss", "appos"}:
        return False
    return not any(t.ent_type_ == "PERSON" for t in span.doc[span.sent.start : span.start])


def _role_type(role: str) -> str:
    """The type of the first role noun of an apposition ("a company registered in Buryatia" -> ORG)."""
    nouns = role_nouns()
    return next((nouns[w] for w in role.lower().split() if w in nouns), "")


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
