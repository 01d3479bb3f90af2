"""Events with actor, target, place, time and status (reported, announced, alleged, denied, ...)."""

from __future__ import annotations

import re
import warnings

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...extensions import ensure_extensions
from ...model import Event, TextSpan
from ..shared.clauses import body_start, name_of, subject_of
from ..shared.lexicon import cue_has, position_cues
from ..shared.parties import party_name
from .args import CLAUSAL, PLACE_PREPS, clause_tokens, places_in, time_of
from .checks import COMPASS, DIPLOMATS, ORDER_VERBS, accusation_conjunct, speech_conjunct
from .status import Factuality, clause_verb, factuality
from .triggers import match_trigger, trigger_candidates

DEFINITE = {"the", "this", "that", "its", "their", "his", "her"}
# types that refer to the same happening when mentioned again ("the attack" after "killed 12")
FAMILIES = [
    {"attack", "fight", "kill"},
    {"retreat", "deploy", "mobilize"},
    {"accuse"},
    {"sanction"},
    {"negotiate", "ceasefire", "agree"},
    {"seize"},
    {"arrest"},
    {"protest"},
    {"displace"},
]
# types whose direct object is territory rather than a target
TERRITORIAL = {"seize", "retreat"}
LOCATIVE = {"in", "near", "at", "around", "outside", "inside", "across", "from", "into", "toward", "towards"}
COMMUNICATIVE = {"request", "threaten", "accuse", "reject", "agree"}
ARG_PREPS = {"to", "into", "with", "in", "during"}
DEMAND_VERBS = {"push", "press", "appeal", "ask", "hope", "wait", "lobby", "plead"}
ACCUSING = {"accuse", "blame", "charge", "condemn", "criticize", "criticise", "denounce"}
# types whose of-phrase names who acts ("the withdrawal of Russian troops"), not a target
INTRANSITIVE = {"retreat", "mobilize", "deploy", "protest", "displace", "fight", "negotiate"}
# types that two parties do together ("talks between Putin and Biden")
SYMMETRIC = {"negotiate", "fight", "agree", "ceasefire"}
POSITION_TYPES = {"negotiate", "ceasefire", "agree"}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _anchors(date_tok: Token) -> bool:
    """Whether a date word dates its clause ("in 2014") rather than bounding a comparison ("since 2019")."""
    cur = date_tok
    for _ in range(4):
        if cur.dep_ == "pobj":
            return cur.head.lower_ in ("in", "on", "during", "at", "by", "of")
        if cur.head is cur:
            break
        cur = cur.head
    return True


def _historical(tok: Token, verb: Token) -> bool:
    """Whether the mention is anchored in the past: a named historical event or an earlier year."""
    doc = tok.doc
    published = (doc._.sitrep_meta or {}).get("published") if doc._.sitrep_meta else None
    scope = set(tok.subtree) | ({*clause_tokens(verb)} if verb is not tok else set())
    for t in scope:
        if t.ent_type_ == "EVENT":
            return True
        if published is not None and t.ent_type_ == "DATE" and _anchors(t):
            m = _YEAR.search(t.text)
            if m and int(m.group(1)) < published.year:
                return True
    return False


def _actor(tok: Token, verb: Token, etype: str) -> tuple[Token | None, Token | None]:
    """(actor token, target token) of the event at `tok`."""
    if tok.pos_ == "VERB" and tok.lemma_ == "fall":  # "the town fell to the rebels": the town is taken
        taker = next(
            (
                g
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ == "to"
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        return taker, next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if tok.pos_ == "VERB":
        subj = subject_of(tok)
        if subj is not None and subj.lower_ in ("that", "which", "who") and tok.dep_ == "relcl":
            subj = tok.head
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if (
            subj is None
            and tok.dep_ == "acl"
            and not infinitive
            and (tok.tag_ in ("VBG", "VBD") or any(c.dep_ == "dobj" for c in tok.children))
        ):
            subj = tok.head  # "forces advancing on X"; a main clause misparsed after a dateline
        if subj is not None and tok.dep_ == "xcomp":
            ctrl = next((c for c in tok.head.children if c.dep_ == "dobj"), None)
            if ctrl is not None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                subj = ctrl  # object control: "forced Russian troops to retreat"
        if subj is None and tok.dep_ == "pcomp" and tok.head.lower_ in ("of", "for"):
            gov = tok.head.head  # "accused X of sending", with "of" on the verb or on its object X
            if gov.dep_ == "dobj" and gov.head.lemma_ in ACCUSING:
                subj = gov
            elif gov.lemma_ in ACCUSING:
                subj = next((c for c in gov.children if c.dep_ == "dobj"), None)
        if subj is None and tok.dep_ in ("advcl", "acl") and not infinitive and tok.tag_ == "VBG":
            # "..., calling on the West to act": a participle adjunct acts for its head's subject
            subj = subject_of(tok.head) if tok.head.pos_ in ("VERB", "AUX") else None
        passive = any(c.dep_ == "nsubjpass" for c in tok.children)
        target = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if passive:
            subj = next(
                (g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None
            )
        return subj, target
    target = None
    of_obj = None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "against", "of"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if c.lower_ == "of" and obj is not None:
                of_obj = obj
            target = obj if c.lower_ != "of" or target is None else target
    if of_obj is not None and (etype in INTRANSITIVE or (target is not None and target is not of_obj)):
        # "the withdrawal of Russian troops", "attacks of nationalists on civilians": who acts
        return of_obj, (target if target is not of_obj else None)
    pair = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    if pair is not None and etype in SYMMETRIC:
        first = next((g for g in pair.children if g.dep_ == "pobj"), None)
        if first is not None:
            return first, target  # "talks between Putin and Biden": both act (see `_pair_name`)
    for c in tok.children:
        if c.dep_ == "poss":
            if c.pos_ == "PRON" and verb is not tok and tok.dep_ == "dobj":
                return subject_of(verb) or c, target  # "Israel resumed its bombardment"
            return c, target
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            return next((g for g in c.children if g.dep_ == "pobj"), None), target
        if c.dep_ == "acl":
            for g in c.children:
                if g.dep_ == "agent":
                    return next((p for p in g.children if p.dep_ == "pobj"), None), target
    for c in tok.children:
        if c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN"):
            return c, target
    role = tok
    while role.dep_ == "conj" and role.head is not role and role.head.pos_ in ("NOUN", "PROPN"):
        role = role.head  # "launched missile and artillery attacks": the conjunct shares the object's role
    if verb is not tok and role.dep_ in ("dobj", "attr", "oprd") and verb.pos_ in ("VERB", "AUX"):
        return subject_of(verb), target
    if verb is not tok and tok.dep_ == "pobj" and tok.head.head is verb and tok.head.lower_ in ARG_PREPS:
        return subject_of(
            verb
        ), target  # "agreed to a truce", "responded with shelling", "killed in an ambush"
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.dep_ == "dobj"
        and verb.pos_ == "VERB"
    ):
        return subject_of(verb), target  # "adopted a package of sanctions"
    return None, target


def _pair_name(first: Token) -> str | None:
    """ "between Putin and Biden" -> "Putin and Biden": the parties of a symmetric event."""
    names = [n for n in (party_name(t) for t in [first, *first.conjuncts]) if n]
    return " and ".join(dict.fromkeys(names)) or None


def _place(tok: Token, verb: Token, etype: str, actor_tok: Token | None) -> str | None:
    """The place of the event: a place in its prepositional phrases or object, else in its clause."""
    doc = tok.doc
    avoid = (set(actor_tok.subtree) - set(tok.subtree)) if actor_tok is not None else set()
    # the trigger's own phrases, nearest first
    near: list[Token] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
            near.extend(t for t in clause_tokens(c))
        elif c.dep_ in ("dobj", "nsubjpass") and etype in TERRITORIAL | {"attack", "fight", "displace"}:
            near.extend(clause_tokens(c))
        elif c.dep_ in ("advmod", "npadvmod", "conj") and c.pos_ in ("PROPN",):
            near.extend(clause_tokens(c))
    found = [p for p in places_in(doc, near) if p[2] not in avoid]
    if not found and tok.dep_ == "conj" and tok.head.pos_ == "VERB":
        # "crossed into the Kursk region and captured several villages"
        scope = [
            t
            for c in tok.head.children
            if c.dep_ == "prep" and c.lower_ in LOCATIVE
            for t in clause_tokens(c)
        ]
        found = [p for p in places_in(doc, scope) if p[2] not in avoid]
    if not found:  # "launched an offensive west of Aleppo": a compass adverb with its of-phrase
        scope = [t for h in {tok, verb} for c in h.children if c.lower_ in COMPASS for t in clause_tokens(c)]
        found = [p for p in places_in(doc, scope) if p[2] not in avoid]
    if not found and verb is not tok:
        scope = [
            t for c in verb.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS for t in clause_tokens(c)
        ]
        found = [p for p in places_in(doc, scope) if p[2] not in avoid]
    if not found:
        scope = [t for t in clause_tokens(verb) if t.dep_ == "pobj" and t.head.lower_ in LOCATIVE]
        scope = [t2 for t in scope for t2 in clause_tokens(t)]
        found = [p for p in places_in(doc, scope) if p[2] not in avoid]
    if not found:
        return None
    return min(found, key=lambda p: abs(p[0] - tok.i))[1]


def _quantities(doc: Doc, toks: list[Token]) -> list[str]:
    """Ids of the quantities standing on one of `toks`."""
    chars = {t.idx for t in toks}
    out = []
    for q in getattr(doc._, "sitrep_quantities", None) or []:
        if any(q.span[0] <= c < q.span[1] for c in chars):
            out.append(q.id)
    return out


def _family(etype: str) -> frozenset[str]:
    return frozenset(next((f for f in FAMILIES if etype in f), {etype}))


def _skip_as_topic(tok: Token, verb: Token, etype: str) -> bool:
    """Whether a mention is the topic of a demand, offer or refusal rather than an event."""
    if tok.pos_ != "VERB" and etype in COMMUNICATIVE and tok.dep_ == "pobj":
        return True  # "fell short of its demands": a demand mentioned, not made
    if tok.pos_ != "VERB" and tok.dep_ == "pobj" and tok.head.lower_ in ("to", "for"):
        gov = tok.head.head
        if gov.pos_ in ("ADJ", "NOUN") or cue_has(gov.lemma_, "request") or gov.lemma_ in DEMAND_VERBS:
            return True  # "open to talks", "a window for negotiation", "called for a ceasefire"
    if tok.pos_ != "VERB":
        gov = verb if verb is not tok else tok.head
        for g in (gov, gov.head):
            if cue_has(g.lemma_, "request") or position_cues().get(g.lemma_) == "rejects":
                return True
            if g.pos_ == "ADJ" and position_cues().get(g.lemma_) == "open" and etype in POSITION_TYPES:
                return True  # "ready to hold talks"
    else:
        if etype == "retreat" and any(
            c.dep_ in ("dobj", "nsubjpass") and cue_has(c.lemma_, "document") for c in tok.children
        ):
            return True  # "the bill was withdrawn": no troops move
        if (
            tok.dep_ == "xcomp"
            and (tok.head.lemma_ in ("refuse", "reject") or tok.head.pos_ == "ADJ")
            and etype in POSITION_TYPES
        ):
            return True  # "refused to negotiate", "ready to negotiate": a position
        if tok.dep_ == "xcomp" and tok.head.lemma_ in ("refuse", "decline"):
            return True  # "refused to release the hostages": the refusal is the event
        if tok.lemma_ in ("negotiate", "talk", "mediate") and any(c.dep_ == "neg" for c in tok.children):
            return True  # "will not negotiate": a position
    return False


def _setting_antecedent(tok: Token, events: list[Event]) -> Event | None:
    """ "26 civilians were killed in the strikes": the earlier event that "the strikes" mentions again."""
    if tok.pos_ != "VERB":
        return None
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in ("in", "during", "by"):
            continue
        for g in c.children:
            if g.dep_ != "pobj" or not any(
                d.dep_ in ("det", "poss") and d.lower_ in DEFINITE for d in g.children
            ):
                continue
            m = match_trigger(g)
            if m is not None:
                return next((e for e in reversed(events) if e.type == m[0]), None)
    return None


def _following_quantities(doc: Doc, tok: Token, last: int) -> list[str]:
    """Quantities right after a verb whose object the parse lost ("amassed 20,000 to 30,000 troops")."""
    if tok.pos_ != "VERB":
        return []
    window = []
    for t in doc[last + 1 : min(last + 5, tok.sent.end)]:
        if t.pos_ in ("VERB", "AUX") or t.is_punct:
            break
        window.append(t)
    return _quantities(doc, window[:2])


def find_events(doc: Doc) -> list[Event]:
    """Events with actor, target, place, time and status."""
    events: list[Event] = []
    by_token: dict[int, Event] = {}
    consumed: set[int] = set()
    start_char = body_start(doc)
    for tok in (doc[i] for i in trigger_candidates(doc)):
        if tok.idx < start_char or tok.i in consumed:
            continue
        m = match_trigger(tok)
        if m is None:
            continue
        consumed.update(range(m[1], m[2] + 1))
        try:
            ev = _event(doc, tok, m, events, by_token)
        except Exception as exc:  # one bad item never costs the document
            warnings.warn(f"sitrep events: skipped trigger {tok.text!r} at {tok.idx}: {exc!r}", stacklevel=2)
            continue
        if ev is not None:
            events.append(ev)
            by_token[tok.i] = ev
    doc.user_data.pop("sitrep_events_cache", None)
    return events


def _event(
    doc: Doc, tok: Token, m: tuple[str, int, int], events: list[Event], by_token: dict[int, Event]
) -> Event | None:
    """The event at trigger `tok`, or None when the mention is no (new, current) event."""
    etype, first, last = m
    verb = clause_verb(tok)
    if _historical(tok, verb) or _skip_as_topic(tok, verb, etype):
        return None
    definite = tok.pos_ != "VERB" and any(
        c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in tok.children
    )
    antecedent = None
    if definite and not any(c.dep_ == "prep" for c in tok.children):
        fam = _family(etype)
        antecedent = next((e for e in reversed(events) if e.type in fam), None)
    actor_tok, target_tok = _actor(tok, verb, etype)
    subj_ev = by_token.get(actor_tok.i) if actor_tok is not None else None
    if subj_ev is not None:
        actor_tok = None  # "The fighting killed 27": an event is no actor
    actor = _pair_name(actor_tok) if actor_tok is not None and actor_tok.head.lower_ == "between" else None
    actor = actor or party_name(actor_tok)
    # "..., killing 12": a participle or conjunct continues its head event
    head_ev = None
    if tok.dep_ in ("advcl", "conj", "xcomp") and tok.pos_ == "VERB":
        head_ev = by_token.get(tok.head.i)
        if head_ev is None:  # "An airstrike destroyed the consulate, killing seven"
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            head_ev = by_token.get(subj.i) if subj is not None else None
    head_ev = head_ev or subj_ev or _setting_antecedent(tok, events)
    setting = tok.dep_ == "pobj" and tok.head.lower_ in ARG_PREPS
    if head_ev is None and tok.pos_ != "VERB" and verb is not tok and setting:
        head_ev = by_token.get(verb.i)  # "killed 22 soldiers in an ambush": the killers ambushed
    purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    if head_ev is not None and tok.dep_ in ("xcomp", "advcl") and purpose:
        if head_ev.type == etype or (head_ev.type == "protest" and etype in COMMUNICATIVE):
            return None  # "marched to protest", "rallied to demand the departure of ...": one event
    agentless = tok.pos_ == "VERB" and any(c.dep_ == "nsubjpass" for c in tok.children)
    if tok.dep_ == "advcl" and agentless:
        head_ev = None  # "clashed with police after he was detained": another happening, no inherited actor
    if actor is None and head_ev is not None and (actor_tok is None or subj_ev is not None):
        actor = head_ev.actor
    if antecedent is not None:
        actor = antecedent.actor
    fact = factuality(tok, actor)
    if (
        etype == "displace"
        and tok.dep_ == "xcomp"
        and any(c.dep_ == "dobj" and c.lemma_.lower() in DIPLOMATS for c in tok.head.children)
    ):
        etype, place_off = "sanction", True  # "ordered France's ambassador to leave": an expulsion
        actor = party_name(subject_of(tok.head)) or actor
        fact = factuality(tok.head, actor)
    else:
        place_off = False
    if etype == "displace" and tok.dep_ == "xcomp" and tok.head.lemma_ in ORDER_VERBS:
        # "Israel ordered residents to leave Rafah": a forced displacement by whoever gave the order
        actor = party_name(subject_of(tok.head)) or actor
        fact = factuality(tok.head, actor)
    cue = (speech_conjunct(tok) or accusation_conjunct(tok)) if etype in COMMUNICATIVE else None
    if cue is not None:  # "Putin said the strikes were retaliation and threatened a harsher response"
        actor = party_name(subject_of(cue)) or actor
        fact = Factuality(status="denied" if fact.negated else "reported", negated=fact.negated)
    if antecedent is not None and fact.status not in ("disputed", "denied"):
        by_token[tok.i] = antecedent
        return None  # "the retreat" again: the same event, mentioned anew
    place = None if place_off else _place(tok, verb, etype, actor_tok)
    if place is None and head_ev is not None:
        place = head_ev.place
    if place is None and antecedent is not None:
        place = antecedent.place
    scope = clause_tokens(tok) + (
        [verb, *[t for c in verb.children if c.dep_ in ("npadvmod", "prep") for t in c.subtree]]
        if verb is not tok
        else []
    )
    span_doc = doc[first : last + 1]
    if last > first and target_tok is not None and first <= target_tok.i <= last:
        # "fired tear gas at demonstrators": the object is the weapon; the target follows "at"/"on"
        target_tok = next(
            (
                g
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in ("at", "on", "against")
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
    target = name_of(target_tok)
    if etype in TERRITORIAL and target is not None and place is not None and target in place:
        target = None
    if (
        etype in ("retreat", "deploy", "mobilize")
        and target_tok is not None
        and cue_has(target_tok.lower_, "force")
    ):
        target = None  # "withdrew its troops": what moves, not a target
    return Event(
        id=f"v{len(events) + 1}",
        type=etype,
        actor=actor,
        target=target,
        place=place,
        time=time_of(doc, scope),
        status=fact.status,
        source=fact.source,
        statement=fact.statement,
        trigger=TextSpan(text=span_doc.text, span=(span_doc.start_char, span_doc.end_char)),
        quantities=_quantities(doc, [t for t in clause_tokens(tok) if t.dep_ not in CLAUSAL])
        or _following_quantities(doc, tok, last)
        or (head_ev.quantities if head_ev is not None and tok.dep_ == "conj" else []),
        negated=fact.negated,
    )


class EventsComponent:
    """Sets `doc._.sitrep_events`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.sitrep_events = find_events(doc)
        return doc


@Language.factory(
    "sitrep_events",
    assigns=["doc._.sitrep_events"],
    requires=["doc._.sitrep_statements", "doc._.sitrep_quantities", "doc._.sitrep_places"],
    default_config={},
)
def make_events_component(nlp: Language, name: str) -> EventsComponent:
    """Factory of the events component."""
    ensure_extensions()
    return EventsComponent()
