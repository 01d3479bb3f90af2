"""Role descriptions as speakers ("the Russian president said", "the analyst emphasized"), read by the
salience pass: nationality words checked against what the text says of each person, the person
speaking when a bare role comes, and a lede that describes its speaker before naming them.

A description resolves to an earlier unnamed speaker with the same head noun ("a police spokesman" ...
"the spokesman"), to the entity the entities component links it to when its nationality words do not
contradict ("the American president" is not Poland's), or, for words that describe whoever is
speaking ("the expert", "the interlocutor", `data/cues_speaker_nouns.txt`), to the person speaking.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from spacy.tokens import Doc, Span, Token

from ...gender import name_gender
from ...model import Entity, Speaker, Statement
from ..entities.lexicon import generic_nouns
from .candidate import KEEP, Cand, parts, to_speaker
from .speaker import _lines, role_nouns

if TYPE_CHECKING:
    from .syntax import Ctx


class Reader(Protocol):
    """What the description rules read of the salience pass at the statement being resolved."""

    ctx: Ctx
    doc: Doc
    text: str
    entities: dict[str, Entity]
    mentions: list[Cand]
    spoken: list[Cand]
    nat_learned: dict[str, frozenset[str]]  # entity id -> the nationality a description gave it
    roles: dict[str, Speaker | None]  # role noun -> the one person descriptions with it named (None: several)

    def candidates(self, pos: int, skip: list[tuple[int, int]]) -> list[Cand]:
        """Candidates before `pos` within the window, nearest first."""
        ...

    def near(self, pos: int) -> int:
        """The start of the paragraph before the one holding `pos`."""
        ...


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


def nationality_words(span: Span) -> list[str]:
    """Capitalized nationality words of a description ("the American president" -> ["american"])."""
    table = _nationalities()
    return [t.lower_ for t in span if t.i != span.root.i and t.text[:1].isupper() and t.lower_ in table]


def nationality(
    text: str, ent: Entity, nat: list[str], own: tuple[int, int] | None = None, doc: Doc | None = None
) -> bool | None:
    """Whether an entity's titles, roles or the words of and before its mentions (other than the
    description `own` being resolved) name the nationality: True, False (another one), None (none)."""
    if not nat:
        return None
    want: set[str] = set()
    for w in nat:
        want |= _nationalities().get(w, frozenset({w}))
    context = " ".join([*ent.titles, *ent.roles, *ent.aliases, ent.name])
    names = _name_words(ent) if ent.type == "PERSON" else frozenset()
    for m in ent.mentions:
        s = m.span[0]
        if own is not None and s < own[1] and own[0] < m.span[1]:
            continue
        if names and not names & set(text[s : m.span[1]].lower().split()):
            continue  # another description linked to the person is what is in question, not evidence
        context += " " + premodifiers(text, s, doc, m.span[1]) + " " + text[s : m.span[1]]
    words = set(re.findall(r"[a-z][a-z.]*[a-z]|[a-z]", context.lower().replace("\u2019", "'")))
    words |= {" ".join(p) for p in zip(context.lower().split(), context.lower().split()[1:], strict=False)}
    if words & want:
        return True
    table = _nationalities()
    if any(w in table for w in words if w[:1].isalpha() and len(w) > 2):
        return False
    return None


def _name_words(ent: Entity) -> frozenset[str]:
    """The lower-cased words of a person's name and aliases ("vladimir", "putin")."""
    return frozenset(w for n in (ent.name, *ent.aliases) for w in n.lower().split() if w[:1].isalpha())


# what stands before a mention inside its own noun phrase: after the last clause break ("invasion of
# Ukraine, Mr Putin" says nothing of Putin's nationality; "Russian President Vladimir Putin" does)
_PHRASE_BREAK = re.compile(
    r"[.,;:!?()\"\u201c\u201d\u2014\u2013]|\s-\s|\b(?:in|on|with|by|for|and|to|from)\s"
)


def premodifiers(text: str, at: int, doc: Doc | None = None, end: int | None = None) -> str:
    """The last words before `at` that may modify a name: up to four, after the last clause break or
    preposition ("Ukrainian President", "Russia's foreign minister"); with the parse, only words that
    depend on the name ("The Russian leader thanked Modi" says nothing of Modi)."""
    if doc is not None:
        return _parsed_premodifiers(doc, at, at + 1 if end is None else end)
    before = text[max(0, at - 40) : at]
    breaks = list(_PHRASE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    return " ".join(before.split()[-4:])


def _parsed_premodifiers(doc: Doc, at: int, end: int) -> str:
    """The words right before the name at [at, end) inside its noun phrase: back to a clause break,
    a verb, a conjunction or a preposition other than "of" ("Foreign Minister of Russia X", "the head
    of the British government X"; "The Russian leader thanked X" gives nothing)."""
    span = doc.char_span(at, max(end, at + 1), alignment_mode="expand")
    if span is None or not len(span):
        return ""
    first = span[0].i
    start = first
    while start > 0 and first - start < 6:
        tok = doc[start - 1]
        if tok.is_punct and tok.text not in {"'", "\u2019"} or tok.pos_ in {"VERB", "AUX", "CCONJ", "SCONJ"}:
            break
        if tok.pos_ == "ADP" and tok.lower_ != "of" or "\n" in tok.whitespace_:
            break
        start -= 1
    return doc[start:first].text


def _definite_role(span: Span) -> bool:
    """Whether a description names one office holder: a singular role noun with "the" or a possessor
    ("the head of the mission", "its foreign minister", "Britain's most senior commander")."""
    root = span.root
    if role_nouns().get(root.lemma_.lower()) != "PERSON" or root.tag_ in {"NNS", "NNPS"}:
        return False
    return span[0].lower_ in {"the", "its", "his", "her", "their"} or any(
        c.dep_ == "poss" for c in root.children
    )


def _hearer(verb: Token) -> str:
    """The name a cue verb is told to ("tells the Daily Courier"), lower-cased; "" when none."""
    for c in verb.children:
        if c.dep_ in {"dobj", "dative", "iobj"} and c.pos_ == "PROPN":
            return " ".join(t.lower_ for t in c.subtree if t.pos_ == "PROPN")
    return ""


def _role(span: Span) -> bool:
    """Whether a description's head is a singular person role noun ("an expert", "a former officer")."""
    root = span.root
    return role_nouns().get(root.lemma_.lower()) == "PERSON" and root.tag_ not in {"NNS", "NNPS"}


def describe(r: Reader, st: Statement, sp: Speaker) -> Speaker | None | object:
    """The person a description speaker names, or KEEP for the entities component's answer."""
    if sp.span is None:
        return KEEP
    span = r.doc.char_span(sp.span[0], sp.span[1], alignment_mode="expand")
    if span is None or not len(span):
        return KEEP
    root = span.root
    head = root.lemma_.lower()
    if role_nouns().get(head) == "ORG":
        named = _named_org(r, span, sp)
        return _salient_org(r, st, sp, head) if named is KEEP else named
    if (role_nouns().get(head) != "PERSON" and head not in speaker_nouns()) or root.tag_ in {"NNS", "NNPS"}:
        return KEEP
    if _named_after_title(span):
        return KEEP  # a title with the name after it ("the President of Ukraine Jan Kowal")
    nat = nationality_words(span)
    cands = [c for c in r.candidates(sp.span[0], parts(st)) if c.kind == "PERSON"]
    linked = r.entities.get(sp.entity) if sp.entity else None
    if linked is not None and linked.name[:1].islower():
        linked = None  # an entity that is itself a description ("head of the EU executive") names no one
    linked_nat = _nationality_of(r, linked, nat, sp.span) if linked is not None else None
    same = next((c for c in cands if c.head == head and c.entity is None), None)
    bare = root.i == span[-1].i  # "the official", not "the commander of the brigade, Maj. X,"
    if linked is not None and same is not None and bare and same.pos >= r.near(sp.span[0]):
        # "a White House official told CNN ..., according to the official": the one just quoted, not
        # a named person the entities component linked the role to
        # (the name in the description's own sentence; "... the official said. Blinken said" is another)
        reach = min(sp.span[1] + 60, span.sent.end_char)
        named_near = [m for m in linked.mentions if same.pos < m.span[0] < reach]
        if all(sp.span[0] <= m.span[0] < sp.span[1] for m in named_near):
            return Speaker(name=same.name, entity=None, span=sp.span, text=sp.text)
    if linked is not None and bare and not nat and head not in speaker_nouns():
        # "..., Lukashenko said. The main thing, the president emphasized, ...": the one speaking, not
        # another president the entities component linked it to, when that one is not named since
        cur = current_speaker(r, sp.span[0], span)
        if cur is not None and cur.entity != linked.id and not _named_since(r, linked, cur.pos, sp.span[0]):
            return to_speaker(cur, sp)
    if linked is not None and (not nat or linked_nat):
        return KEEP  # the entities component's link stands
    if same is not None and linked is None:  # "a police spokesman" ... "the spokesman"
        return Speaker(name=same.name, entity=None, span=sp.span, text=sp.text)
    named = [c for c in cands if c.strong and c.entity is not None]
    if nat:  # "the American president": the latest person the text gives that nationality
        # the nationality is evidence enough to reach back past the pronoun window
        every = [c for c in r.mentions + r.spoken if c.pos < sp.span[0] and c.kind == "PERSON"]
        every = sorted((c for c in every if c.strong and c.entity is not None), key=lambda c: -c.pos)
        forms = _forms(nat)
        # the nearest person the text gives that nationality, named as subject or not ("the head of
        # the British government Boris Johnson met ...", then "The British prime minister said")
        people = [c for c in cands if c.entity is not None]
        fits = [c for c in people if _nationality_of(r, r.entities[c.entity or ""], nat, sp.span)]
        match = fits[0] if fits else None
        if match is None:
            match = next((c for c in every if r.nat_learned.get(c.entity or "", frozenset()) & forms), None)
        evidence = match is not None
        if match is None and named and named[0].pos >= r.near(sp.span[0]):
            # "Putin met the rabbis. The Russian leader said": the person just named, when nothing
            # the text says of them gives another nationality
            if _nationality_of(r, r.entities[named[0].entity or ""], nat, sp.span) is None:
                match = named[0]
        if match is None and linked_nat is False:  # a link to a person of another nationality
            name = re.sub(r"^(?:the|this|that)\s+", "", sp.text or "", flags=re.IGNORECASE)
            return Speaker(name=name, entity=None, span=sp.span, text=sp.text)
        if match is None:
            return KEEP
        if match.entity is not None and evidence:  # "the Russian leader" later in the text is this person too
            r.nat_learned[match.entity] = r.nat_learned.get(match.entity, frozenset()) | _forms(nat)
        return to_speaker(match, sp)
    if head not in speaker_nouns():
        current = current_speaker(r, sp.span[0], span)
        if current is None and bare:  # "the German Chancellor" named X before: "the Chancellor" is X
            seen = r.roles.get(head)
            return to_speaker(seen, sp) if seen is not None else KEEP
        return to_speaker(current, sp) if current is not None else KEEP
    if not named:
        return KEEP
    return to_speaker(named[0], sp)


def _named_since(r: Reader, ent: Entity, a: int, z: int) -> bool:
    """Whether an entity is mentioned outside quotations between two positions."""
    for m in ent.mentions:
        span = r.doc.char_span(m.span[0], m.span[1], alignment_mode="expand") if a < m.span[0] < z else None
        if span is not None and len(span) and not r.ctx.inside_quote(span[0]):
            return True
    return False


def learn_role(r: Reader, sp: Speaker, resolved: Speaker) -> None:
    """Remembers the person a description speaker named, under its role noun ("the German Chancellor"
    -> chancellor); a role that named two different people names nobody afterwards."""
    ent = r.entities.get(resolved.entity) if resolved.entity else None
    person = (ent is not None and ent.type == "PERSON") or bool(name_gender(resolved.name))
    if sp.span is None or not person:
        return
    span = r.doc.char_span(sp.span[0], sp.span[1], alignment_mode="expand")
    if span is None or not len(span) or role_nouns().get(span.root.lemma_.lower()) != "PERSON":
        return
    head = span.root.lemma_.lower()
    prev = r.roles.get(head, resolved)
    same = prev is not None and (prev.entity, prev.name) == (resolved.entity, resolved.name)
    r.roles[head] = resolved if same else None


def _named_org(r: Reader, span: Span, sp: Speaker) -> Speaker | object:
    """An organisation description holding its own name right before its noun ("the Reuters agency"):
    that name, not the organisation the entities component linked the description to."""
    for tok in span:
        if tok.i != span.root.i - 1 or tok.pos_ != "PROPN":
            continue  # the name right before the noun: "the UN rights office" is an office of its own
        for ent in r.entities.values():
            if ent.id == sp.entity or ent.type != "ORG":
                continue
            if any(m.span[0] <= tok.idx < m.span[1] for m in ent.mentions):
                return Speaker(name=ent.name, entity=ent.id, span=sp.span, text=sp.text)
    return KEEP


def _salient_org(r: Reader, st: Statement, sp: Speaker, head: str) -> Speaker | object:
    """ "The group says" after "the IMF said ... central banks, such as the Bank of England, ...": the
    organisation the text follows (the latest one speaking or the subject of a sentence), not the
    one named last in passing, when the noun may name any organisation and the linked one's name
    does not hold it."""
    if head not in generic_nouns() or sp.span is None:
        return KEEP
    linked = r.entities.get(sp.entity) if sp.entity else None
    if linked is not None and head in linked.name.lower():
        return KEEP
    best = next((c for c in r.candidates(sp.span[0], parts(st)) if c.kind == "ORG" and c.strong), None)
    if best is None or best.entity is None or (linked is not None and best.entity == linked.id):
        return KEEP
    return to_speaker(best, sp)


def _named_after_title(span: Span) -> bool:
    """Whether a description ends in a two-word name after its role noun ("the head of the agency
    Jan Kowal"): two capitalized proper nouns, neither a country, nationality nor role word."""
    if len(span) < 3 or span[-2].i <= span.root.i:
        return False
    table, roles = _nationalities(), role_nouns()
    if any(t.ent_type_ not in {"", "PERSON"} for t in span[-2:]) and not name_gender(span[-2:].text):
        return False  # "the head of the Ministry of Foreign Affairs" ends in an organisation
    return all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in table and t.lower_ not in roles
        for t in span[-2:]
    )


def _forms(nat: list[str]) -> frozenset[str]:
    """Every form naming the countries of nationality words ("indian" -> india, indian, ...)."""
    out: set[str] = set()
    for w in nat:
        out |= _nationalities().get(w, frozenset({w}))
    return frozenset(out)


def _nationality_of(r: Reader, ent: Entity, nat: list[str], own: tuple[int, int]) -> bool | None:
    """`nationality`, after what earlier descriptions of the document taught of the person: one
    described as Indian is not "the Russian leader"."""
    known = r.nat_learned.get(ent.id)
    if known and nat:
        return bool(known & _forms(nat))
    return nationality(r.text, ent, nat, own, r.doc)


def current_speaker(r: Reader, pos: int, span: Span) -> Cand | None:
    """The named person speaking when a bare role description comes ("Blinken said ... - Then the
    attack will start - said the head of diplomacy"): the latest speaker, a named person of this or
    the previous paragraph, with no other person the subject of a sentence in between. A description
    naming an organisation or place of its own ("the spokesman of the court") may be someone new,
    unless that name stands beside the person's mentions too."""
    floor = r.near(pos)
    spoken = [c for c in r.spoken if floor <= c.pos < pos and c.strong and c.kind == "PERSON"]
    if not spoken:
        return None
    cur = spoken[-1]
    if cur.entity is None and (cur.head or not cur.name[:1].isupper()):
        return None  # a description itself ("the spokesman"), not a person the tagger left unnamed
    others = [c for c in r.mentions if cur.pos < c.pos < pos and c.strong and c.kind == "PERSON"]
    if any(c.entity != cur.entity for c in others):
        return None
    if cur.entity is None:  # "Minister of Foreign Affairs of Lithuania Jan Kowal", no entity of its own
        context = cur.name.lower()
    else:
        ent = r.entities[cur.entity]
        context = " ".join([*ent.titles, *ent.roles, ent.name]).lower()
        for m in ent.mentions:
            context += " " + premodifiers(r.text, m.span[0]).lower()
    for tok in span:
        if tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.lower_ not in context:
            return None
    return cur


def lede_descriptions(r: Reader, order: Sequence[tuple[Statement, Token | None]]) -> None:
    """A lede that describes its speaker before naming them ("Britain's top commander has called
    on ...", then "Adm Jane Doe said"): a definite or possessive description in the body's first
    paragraph goes to the first person who speaks in the next three paragraphs, never one the text
    mentioned before it nor one of another nationality; the same description later goes to them."""
    paras = [p for p in r.ctx.paras if p[1] > r.ctx.body_start]
    if not paras:
        return
    lede, limit = paras[0], paras[min(3, len(paras) - 1)][1]
    # who speaks in the next paragraphs, or is the subject of the one right after the lede ("Mihai X,
    # Moldova's top diplomat, was in Washington to ...")
    after = paras[1] if len(paras) > 1 else lede
    named = r.spoken + [c for c in r.mentions if after[0] <= c.pos < after[1]]
    named.sort(key=lambda c: c.pos)
    resolved: dict[str, Speaker] = {}
    heard = {  # speaker position -> whom that speaker told
        o.speaker.span[0]: _hearer(v) for o, v in order if o.speaker and o.speaker.span and v is not None
    }
    for st, _verb in order:
        sp = st.speaker
        if sp is None or sp.entity is not None or sp.span is None or not sp.name:
            continue
        key = sp.name.lower()
        if key in resolved:
            st.speaker = to_speaker(resolved[key], sp)
            continue
        span = r.doc.char_span(sp.span[0], sp.span[1], alignment_mode="expand")
        if not lede[0] <= sp.span[0] < lede[1] or span is None:
            continue
        # "an expert tells the Courier", then "X told the Courier": the next one telling the same hearer
        hearer = _hearer(_verb) if _verb is not None and span[0].lower_ in {"a", "an"} else ""
        if not (_definite_role(span) or (hearer and _role(span))):
            continue
        nat = nationality_words(span)
        for c in r.spoken if hearer else named:
            if not sp.span[1] <= c.pos < limit or c.entity is None or c.kind != "PERSON" or not c.strong:
                continue
            if hearer and heard.get(c.pos) != hearer:
                continue
            ent = r.entities[c.entity]
            if any(m.span[0] < sp.span[0] for m in ent.mentions):
                continue
            if nat and nationality(r.text, ent, nat, sp.span, r.doc) is False:
                continue
            resolved[key] = Speaker(name=c.name, entity=c.entity, span=sp.span, text=sp.text)
            st.speaker = resolved[key]
            break
