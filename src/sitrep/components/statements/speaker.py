"""Speakers, venues and dates of statements: helpers of the statements component."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from ...gender import name_gender
from ...model import Entity, Speaker, TimeRef

DATA = Path(__file__).resolve().parents[2] / "data"

PRONOUNS = {
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "him",
    "her",
    "them",
    "us",
    "me",
    "who",
    "which",
    "that",
}
PERSON_PRONOUNS = {"he", "she", "i", "we", "who"}
GROUP_PRONOUNS = {"it", "they", "which", "we"}
NAME_DEPS = {"compound", "flat", "nmod", "amod", "poss", "case", "det", "nummod", "quantmod"}
# "Gen.", "Sen."... are handled by the NER span or the entities resolver; these are dropped
# from a fallback phrase only at its start.
_LEADING_DROP = {"DET", "PRON"}


@lru_cache(maxsize=1)
def role_nouns() -> dict[str, str]:
    """Head nouns of descriptions -> PERSON | ORG | GPE (`data/entities_nouns.tsv`)."""
    out: dict[str, str] = {}
    for line in _lines("entities_nouns.tsv"):
        cols = line.split("\t")
        if len(cols) >= 2:
            out[cols[0].strip().lower()] = cols[1].strip()
    return out


def _lines(name: str) -> list[str]:
    """Non-comment lines of a data file."""
    path = DATA / name
    if not path.exists():
        return []
    return [
        ln.strip()
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]


@lru_cache(maxsize=32)
def word_set(name: str) -> frozenset[str]:
    """The lower-cased non-comment lines of a data file of words, read once."""
    return frozenset(w.lower() for w in _lines(name))


# Sections of `data/cues.txt`: section -> (mode, confidence).
_SECTIONS = {
    "speech": ("speech", 0.9),
    "thought": ("thought", 0.6),
    "stance": ("thought", 0.55),
    "opinion": ("thought", 0.6),
    "regard": ("thought", 0.55),
    "intention": ("intention", 0.55),
    "evidence": ("evidence", 0.6),
    "quote-only": ("speech", 0.7),
}


def sectioned(name: str, first: str) -> dict[str, str]:
    """Lower-cased entry -> its `[section]` in a data file (entries before any header: `first`)."""
    out: dict[str, str] = {}
    section = first
    for line in _lines(name):
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        out.setdefault(line.lower(), section)
    return out


@lru_cache(maxsize=1)
def cue_sections() -> dict[str, str]:
    """Cue lemma -> its section of `data/cues.txt` (speech, thought, stance, intention, evidence)."""
    return sectioned("cues.txt", "speech")


@lru_cache(maxsize=1)
def cue_lemmas() -> dict[str, float]:
    """Cue lemma -> confidence: 0.9 for verbs of speech, lower for thought, intention and evidence."""
    return {lemma: _SECTIONS.get(sec, ("speech", 0.6))[1] for lemma, sec in cue_sections().items()}


def cue_mode(lemma: str) -> str:
    """The statement mode of a cue lemma ("speech" for verbs of speech and unknown lemmas)."""
    return _SECTIONS.get(cue_sections().get(lemma.lower(), "speech"), ("speech", 0.9))[0]


def cue_lemma(tok: Token) -> str:
    """The cue lemma of a verb: spaCy's lemma, or one recovered from the inflection when the small
    model's lemma is no cue ("hopes" -> "hop" -> "hope")."""
    return lemma_of_cue(tok.lemma_.lower(), tok.lower_)


def lemma_of_cue(lemma: str, low: str) -> str:
    """`cue_lemma` on strings: the lower-cased spaCy lemma and the lower-cased word."""
    known = cue_sections()
    if lemma in known or lemma in object_cues():
        return lemma
    for suffix, add in (
        ("ies", "y"),
        ("es", "e"),
        ("es", ""),
        ("s", ""),
        ("ed", "e"),
        ("ed", ""),
        ("d", ""),
        ("ing", "e"),
        ("ing", ""),
    ):
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            cand = low[: len(low) - len(suffix)] + add
            if cand in known:
                return cand
    return lemma


@lru_cache(maxsize=1)
def object_cues() -> frozenset[str]:
    """Lemmas of communication verbs whose object is the content (`data/cues_object.txt`)."""
    return frozenset(ln.lower() for ln in _lines("cues_object.txt"))


@lru_cache(maxsize=1)
def cue_limits() -> dict[str, str]:
    """Cue lemma -> what its object reading needs ("claim", "as", "clausal"), from `data/cues_limits.tsv`."""
    out: dict[str, str] = {}
    for line in _lines("cues_limits.tsv"):
        parts = line.split("\t")
        if len(parts) == 2:
            out[parts[0].strip().lower()] = parts[1].strip().lower()
    return out


@lru_cache(maxsize=1)
def venue_patterns() -> list[re.Pattern[str]]:
    """Compiled venue patterns from `data/venues.txt`."""
    pats = []
    for line in _lines("venues.txt"):
        # Named-venue patterns rely on capitals and so are compiled case-sensitively.
        flags = 0 if line.startswith("^at (?:[Tt]he ") else re.IGNORECASE
        pats.append(re.compile(line, flags))
    return pats


def mention_span(tok: Token) -> Span:
    """The name phrase of a subject: its head with determiners, compounds and possessors, no appositives."""
    doc = tok.doc
    if tok.lower_ in PRONOUNS:
        return doc[tok.i : tok.i + 1]
    start = tok.i
    for child in sorted(tok.lefts, key=lambda c: -c.i):
        if (
            child.dep_ in NAME_DEPS
            and child.i == start - 1
            or (child.dep_ in NAME_DEPS and child.right_edge.i == start - 1)
        ):
            start = child.left_edge.i
        else:
            break
    end = tok.i + 1
    # "the Ministry of Defence", "the head of the agency"
    for child in tok.rights:
        if child.i != end:
            break
        if child.dep_ in {"compound", "flat"}:
            end = child.right_edge.i + 1
        elif child.dep_ == "prep" and child.lower_ in {"of", "for"} and child.right_edge.i - child.i <= 6:
            if not any(t.text in {",", "(", "\u2014"} for t in doc[child.i : child.right_edge.i + 1]):
                end = child.right_edge.i + 1
        else:
            break
    for i in range(tok.i - 1, start - 1, -1):  # a name phrase never runs over a line break
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            start = i + 1
            break
    while start < tok.i and doc[start].is_punct:
        start += 1
    return doc[start:end]


def _ner_name(span: Span, ents: tuple[Span, ...] | None = None) -> Span | None:
    """The named-entity span (person, organisation, place) covering the head of `span`, if any."""
    root = span.root
    for ent in span.doc.ents if ents is None else ents:
        if ent.start <= root.i < ent.end and ent.label_ in {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}:
            return ent
    return None


def clean_phrase(span: Span) -> str:
    """A speaker name from a phrase with no entity: determiners and possessive pronouns dropped."""
    toks = list(span)
    while toks and (toks[0].pos_ in _LEADING_DROP or toks[0].lower_ in {"the", "a", "an"}) and len(toks) > 1:
        toks = toks[1:]
    if not toks:
        return span.text
    return span.doc[toks[0].i : toks[-1].i + 1].text


_ARTICLE = re.compile(r"^(?:the|a|an)\s+(?=\S)", re.IGNORECASE)


def canonical_name(name: str) -> str:
    """A speaker name without its leading article ("the defence ministry" -> "defence ministry");
    the casing stays as the entity or the text gives it."""
    return _ARTICLE.sub("", name.strip(), count=1) or name


def _ends_with(ent: Entity, span: Span) -> bool:
    """Whether a mention of `ent` closes `span` (after its first word)."""
    return any(span.start_char < m.span[0] and m.span[1] == span.end_char for m in ent.mentions)


def _title_person(mention: Span, ents: tuple[Span, ...] | None = None) -> Span | None:
    """A person name closing a title phrase ("Minister of Foreign Affairs Sergei Lavrov"), by NER."""
    for ent in mention.doc.ents if ents is None else ents:
        if ent.label_ == "PERSON" and ent.end == mention.end and ent.start > mention.start and len(ent) >= 2:
            return ent
    return None


class SpeakerResolver:
    """Turns subject tokens into `Speaker`s, through `doc._.sitrep_coref` with local fallbacks."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.coref = getattr(doc._, "sitrep_coref", None)
        self.entities: list[Entity] = list(getattr(doc._, "sitrep_entities", None) or [])
        self.history: list[tuple[int, Speaker, bool]] = []  # (char, speaker, is_person)
        self._ents: tuple[Span, ...] | None = None

    @property
    def ents(self) -> tuple[Span, ...]:
        """`doc.ents`, built once (each read of `Doc.ents` makes new Span objects)."""
        if self._ents is None:
            self._ents = tuple(self.doc.ents)
        return self._ents

    def _full_name(self, ent: Entity, before: int) -> Entity:
        """A surname-only person entity upgraded to an earlier full-name entity ending with it."""
        if " " in ent.name.strip() or ent.type not in {"PERSON", "ORG", "GPE", "NORP"}:
            return ent
        for other in self.entities:
            if other is ent or other.type != "PERSON" or not other.mentions:
                continue
            if other.mentions[0].span[0] < before and other.name.split()[-1] == ent.name:
                return other
        return ent

    def _entity(self, span: Span, pronoun: bool) -> Entity | None:
        if self.coref is None:
            return None
        try:
            ent = self.coref.resolve(span)
        except Exception:  # the resolver is another component's; never lose the document to it
            return None
        if ent is None:
            return None
        if not pronoun:
            root = span.root
            # Accept only an entity mentioned at the head ("Ukraine's General Staff" is not Ukraine),
            # or a person named at the end of a title phrase ("UN High Commissioner for Refugees X Y").
            at_head = any(
                m.span[0] < root.idx + len(root.text) and root.idx < m.span[1] for m in ent.mentions
            )
            if not at_head and not (ent.type == "PERSON" and _ends_with(ent, span)):
                return None
        return self._full_name(ent, span.start_char)

    def speaker(self, subj: Token) -> Speaker | None:
        """The speaker a subject token names or refers to; None when a pronoun cannot be resolved."""
        if (
            subj.lower_ in {"who", "which", "that"}
            and subj.head.dep_ == "relcl"
            and subj.head.head.i != subj.head.i
        ):
            ante = self.from_mention(mention_span(subj.head.head))  # "the study, which notes ..."
            if ante is None:
                return None
            return ante.model_copy(update={"span": (subj.idx, subj.idx + len(subj.text)), "text": subj.text})
        sp = self.from_mention(mention_span(subj))
        if sp is not None and sp.entity is None and subj.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}:
            named = self._named_apposition(subj) or self._name_after_comma(subj)
            if named is None and subj.pos_ == "NOUN":
                named = self._name_after_post_head(subj) or self._name_before_verb(subj)
            if named is not None:
                return named
        return sp

    def _name_after_post_head(self, subj: Token) -> Speaker | None:
        """A person named at the end of a role's prepositional phrase, as news copy writes an office
        without a comma: "Russia's ambassador to the US Anatoly Antonov" is Anatoly Antonov."""
        if role_nouns().get(subj.lemma_.lower()) != "PERSON":
            return None
        prep = next(
            (c for c in subj.rights if c.dep_ == "prep" and c.lower_ in {"to", "of", "at", "in"}), None
        )
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if obj is None or obj.pos_ != "PROPN" or obj.i < 2:
            return None
        first = subj.doc[obj.i - 1]
        if first.pos_ != "PROPN" or first.head.i != obj.i or not name_gender(f"{first.text} {obj.text}"):
            return None
        # "the US Anatoly Antonov": the office's object stands before the name
        if subj.doc[obj.i - 2].pos_ != "PROPN":
            return None
        span = subj.doc[first.i : obj.i + 1]
        ent = next((e for e in self.entities if e.type == "PERSON" and e.name.endswith(span.text)), None)
        name = canonical_name(ent.name) if ent is not None else span.text
        sp = Speaker(
            name=name, entity=ent.id if ent else None, span=(span.start_char, span.end_char), text=span.text
        )
        self.history.append((span.start_char, sp, True))
        return sp

    def _name_before_verb(self, subj: Token) -> Speaker | None:
        """A person named last in a long title subject, right before the verb: "former Danish premier
        and deputy head of the council Lars Berg said" is Lars Berg (a first name must be known)."""
        verb = subj.head
        if role_nouns().get(subj.lemma_.lower()) != "PERSON" or not subj.i < verb.i - 2:
            return None
        first, last = subj.doc[verb.i - 2], subj.doc[verb.i - 1]
        if not (subj.i < first.i and last.i <= subj.right_edge.i):
            return None
        if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in (first, last)):
            return None
        text = subj.doc[first.i : last.i + 1].text
        if not name_gender(text):
            return None
        ent = next((e for e in self.entities if e.type == "PERSON" and e.name.endswith(last.text)), None)
        span = (first.idx, last.idx + len(last.text))
        name = canonical_name(ent.name) if ent else text
        sp = Speaker(name=name, entity=ent.id if ent else None, span=span, text=text)
        self.history.append((span[0], sp, True))
        return sp

    def _named_apposition(self, subj: Token) -> Speaker | None:
        """A person named in apposition to a common-noun subject, following a chain of appositions."""
        tok = subj
        for _ in range(3):
            app = next((c for c in tok.children if c.dep_ == "appos"), None)
            if app is None:
                return None
            if app.pos_ == "PROPN":
                sp = self.from_mention(mention_span(app))
                ent = next((e for e in self.entities if e.id == sp.entity), None) if sp is not None else None
                if sp is not None and ent is not None and ent.type == "PERSON":
                    return sp
            tok = app
        return None

    def _name_after_comma(self, subj: Token) -> Speaker | None:
        """A person named after a description and a comma, behind at most a few title words, however
        the parse attached the name: "according to former astronaut and Navy captain, Sen. Mark X."
        and "Kansas' favorite son, General and later President Dwight X, remarked" are those people."""
        if subj.pos_ != "NOUN":
            return None
        doc, sent_end = subj.doc, subj.sent.end
        comma = next((t for t in doc[subj.i + 1 : min(subj.i + 8, sent_end)] if t.text == ","), None)
        if comma is None or any(
            t.pos_ in {"VERB", "AUX"} or t.ent_type_ == "PERSON" for t in doc[subj.i : comma.i]
        ):
            return None
        for tok in doc[comma.i + 1 : min(comma.i + 7, sent_end)]:
            if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B":
                end = tok.i + 1
                while end < sent_end and doc[end].ent_iob_ == "I":
                    end += 1
                after = doc[end] if end < sent_end else None
                if after is not None and after.text not in {",", ".", ";"} and after.i != subj.head.i:
                    return None
                return self.from_mention(doc[tok.i : end])
            titled = tok.text[:1].isupper() or role_nouns().get(tok.lemma_.lower()) == "PERSON"
            if not (titled or tok.lower_ in {"and", "later", "former"} or tok.pos_ == "ADJ"):
                return None  # only title words stand between the comma and the name
        return None

    def from_mention(self, mention: Span) -> Speaker | None:
        """The speaker a name phrase (or a one-word pronoun) stands for."""
        subj = mention.root
        pronoun = len(mention) == 1 and subj.lower_ in PRONOUNS
        ent = self._entity(mention, pronoun)
        span = (mention.start_char, mention.end_char)
        if ent is not None:
            sp = Speaker(name=canonical_name(ent.name), entity=ent.id, span=span, text=mention.text)
            self.history.append((span[0], sp, ent.type == "PERSON"))
            return sp
        if pronoun:
            want_person = subj.lower_ in PERSON_PRONOUNS
            for _pos, prev, is_person in reversed(self.history):
                if is_person == want_person or subj.lower_ == "we":
                    return Speaker(name=prev.name, entity=prev.entity, span=span, text=mention.text)
            # no antecedent yet: a nameless placeholder that the salience pass resolves or drops
            return Speaker(name="", entity=None, span=span, text=mention.text)
        ner = _ner_name(mention, self.ents)
        titled = _title_person(mention, self.ents) if ner is None or ner.root.i != mention.root.i else None
        if titled is not None:
            ner = titled
            name = titled.text
        else:
            name = ner.text if ner is not None and ner.root.i == mention.root.i else clean_phrase(mention)
        is_person = (ner is not None and ner.label_ == "PERSON") or (
            mention.root.pos_ == "PROPN" and ner is None and mention.root.ent_type_ == "PERSON"
        )
        sp = Speaker(name=canonical_name(name), entity=None, span=span, text=mention.text)
        self.history.append((span[0], sp, is_person))
        return sp


_SPEAKING = {"speak", "talk", "appear", "address", "write", "post", "testify", "answer", "reply", "respond"}


def venue_of(cue: Token, stop: int | None = None) -> str | None:
    """The venue phrase attached to a cue verb ("at a news conference", "in a statement"), if any."""
    doc = cue.doc
    children = list(cue.children)
    for child in list(children):  # "Speaking at a news conference, X said": the participle's phrases
        if child.dep_ == "advcl" and child.lemma_.lower() in _SPEAKING:
            children.extend(c for c in child.children if c.dep_ == "prep")
    for child in children:
        if child.dep_ not in {"prep", "agent", "advcl", "npadvmod", "dative"}:
            continue
        if stop is not None and child.i >= stop:
            continue
        phrase = doc[child.i : child.right_edge.i + 1]
        if child.i < cue.i:
            phrase = doc[child.left_edge.i : child.right_edge.i + 1]
        text = phrase.text.strip(" ,.;")
        for pat in venue_patterns():
            if pat.search(text):
                # Cut a trailing clause ("..., where he also said") from the phrase.
                return re.split(r",\s", text)[0]
    return None


def time_of(cue: Token, times: list[Any]) -> TimeRef | None:
    """The date of the speech act: a time expression attached to or right beside the cue verb."""
    if not times:
        return None
    doc = cue.doc
    ranges: list[tuple[int, int]] = []
    for child in cue.children:
        if child.dep_ in {"npadvmod", "prep", "advmod", "tmod", "obl"} and abs(child.i - cue.i) <= 4:
            sub = doc[child.left_edge.i : child.right_edge.i + 1]
            if len(sub) <= 6:
                ranges.append((sub.start_char, sub.end_char))
    nxt = doc[cue.i + 1 : min(len(doc), cue.i + 3)]
    if len(nxt):
        ranges.append((nxt.start_char, nxt.end_char))
    for s, e in ranges:
        for t in times:
            ts, te = t.span
            if ts < e and s < te and getattr(t, "type", "date") in {"date", "time"}:
                return TimeRef(text=t.text, value=t.value, span=(ts, te))
    return None
