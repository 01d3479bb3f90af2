"""Events with actor, target, place, time and status (reported, announced, alleged, denied, ...)."""

from __future__ import annotations

import warnings
from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...extensions import ensure_extensions
from ...model import Event, TextSpan
from ..shared.clauses import body_start, children_with, doc_memo, name_of, subject_of
from ..shared.lexicon import cue_has
from ..shared.parties import party_name
from .actors import (
    ARG_PREPS,
    actor_of,
    described_speaker,
    display_actor,
    first_person,
    is_party,
    pair_name,
    state_actors,
)
from .args import CLAUSAL, PLACE_PREPS, clause_tokens, places_in, time_of
from .binding import appositive_name
from .checks import COMPASS, DIPLOMATS, ORDER_VERBS, accusation_conjunct, speech_conjunct
from .corefer import merge_repeats
from .generic import hypothesis, idle_fight, not_happening
from .mentions import (
    COMMUNICATIVE,
    DEFINITE,
    background,
    bridged_actor,
    family,
    historical,
    occurring,
    setting_antecedent,
    skip_as_topic,
)
from .mood import dated_ahead, no_happening
from .parties import (
    credit_unnamed,
    group_for_leader,
    name_enemies,
    opposing_forces,
    state_for_person,
    unnamed_sanctioners,
)
from .status import Factuality, clause_verb, factuality
from .triggers import match_trigger, trigger_candidates

TERRITORIAL = {"seize", "retreat"}
# acts of speech toward others: when the trigger is a statement's own cue, the outlet reports the act
# ("X urged Y to ..."); a refusal or an agreement stays the speaker's word about its own deed
SPEECH_ACTS = {"request", "threaten", "accuse"}
SCENE_PREPS = {"in", "during"}
LOCATIVE = {"in", "near", "at", "around", "outside", "inside", "across", "from", "into", "toward", "towards"}


# children read by `_place`, through the per-Doc memo (a head the parse gave a hundred children is asked
# about once per event on it, not walked each time)
_PLACE_CHILDREN = frozenset({"prep", "dobj", "nsubjpass", "advmod", "npadvmod", "conj"})
_PREP = frozenset({"prep"})


def _compass_children(tok: Token, verb: Token) -> list[Token]:
    """Compass words ("west of Aleppo") among the children of `tok` and `verb`, in document order."""
    doc = tok.doc
    by_head: dict[int, list[int]] = doc_memo(doc, "compass", lambda: _compass_by_head(doc))
    found = sorted({*by_head.get(tok.i, ()), *by_head.get(verb.i, ())})
    return [doc[i] for i in found]


def _compass_by_head(doc: Doc) -> dict[int, list[int]]:
    """The compass words of `doc` by the index of their head (the root's own excluded)."""
    index: dict[int, list[int]] = {}
    for t in doc:
        if t.lower_ in COMPASS and t.head.i != t.i:
            index.setdefault(t.head.i, []).append(t.i)
    return index


def _place(tok: Token, verb: Token, etype: str, actor_tok: Token | None) -> str | None:
    """The place of the event: a place in its prepositional phrases or object, else in its clause."""
    doc = tok.doc
    avoid = (set(actor_tok.subtree) - set(tok.subtree)) if actor_tok is not None else set()
    # the trigger's own phrases, nearest first
    near: list[Token] = []
    for c in children_with(tok, _PLACE_CHILDREN):
        if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
            near.extend(t for t in clause_tokens(c))
        elif c.dep_ in ("dobj", "nsubjpass") and etype in TERRITORIAL | {"attack", "fight", "displace"}:
            near.extend(clause_tokens(c))
        elif c.dep_ in ("advmod", "npadvmod", "conj") and c.pos_ in ("PROPN",):
            near.extend(clause_tokens(c))
    found = [p for p in places_in(doc, near) if p[2] not in avoid]
    if not found and tok.dep_ == "conj" and tok.head.pos_ == "VERB":
        # "crossed into the Kursk region and captured several villages"
        scope = [t for c in children_with(tok.head, _PREP) if c.lower_ in LOCATIVE for t in clause_tokens(c)]
        found = [p for p in places_in(doc, scope) if p[2] not in avoid]
    if not found:  # "launched an offensive west of Aleppo": a compass adverb with its of-phrase
        scope = [t for c in _compass_children(tok, verb) for t in clause_tokens(c)]
        found = [p for p in places_in(doc, scope) if p[2] not in avoid]
    if not found and verb is not tok:
        scope = [t for c in children_with(verb, _PREP) if c.lower_ in PLACE_PREPS for t in clause_tokens(c)]
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
    quantities = getattr(doc._, "sitrep_quantities", None) or []
    if not quantities or not toks:
        return []
    chars = sorted({t.idx for t in toks})
    # figures by start, built once per Doc: only those that can reach the tokens are looked at (a text
    # of thousands of events and figures would otherwise cost their product)
    key = (id(quantities), len(quantities))
    index = doc.user_data.get("sitrep_events_figures")
    if index is None or index[0] != key:
        order = sorted(range(len(quantities)), key=lambda k: quantities[k].span[0])
        longest = max(q.span[1] - q.span[0] for q in quantities)
        index = (key, [quantities[k].span[0] for k in order], order, longest)
        doc.user_data["sitrep_events_figures"] = index
    _key, starts, order, longest = index
    lo, hi = bisect_left(starts, chars[0] - longest), bisect_left(starts, chars[-1] + 1)
    hits = []
    for k in order[lo:hi]:
        q = quantities[k]
        i = bisect_left(chars, q.span[0])  # the first token start at or after the figure's start
        if i < len(chars) and chars[i] < q.span[1]:
            hits.append(k)
    return [quantities[k].id for k in sorted(hits)]


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
    mentioned: list[Event] = []
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
            ev = _event(doc, tok, m, mentioned, by_token)
        except Exception as exc:  # one bad item never costs the document
            warnings.warn(f"sitrep events: skipped trigger {tok.text!r} at {tok.idx}: {exc!r}", stacklevel=2)
            continue
        if ev is None:
            continue
        if _toll_tail(tok, ev, by_token):
            continue  # "five killed and 18 injured": one toll of one happening
        mentioned.append(ev)  # background mentions too: later mentions find their actor there
        by_token[tok.i] = ev
        if not background(tok, ev.status, ev.time):
            ev.id = f"v{len(events) + 1}"
            events.append(ev)
    doc.user_data.pop("sitrep_events_cache", None)
    named = credit_unnamed(name_enemies(group_for_leader(state_actors(merge_repeats(doc, events)))))
    return unnamed_sanctioners(doc, named)


def _toll_tail(tok: Token, ev: Event, by_token: dict[int, Event]) -> bool:
    """ "at least five people were killed and 18 injured", "left ten dead and a dozen wounded": the injured
    of a toll joined by "and" to its dead (no verb between) are the same happening, not a second one."""
    if ev.type != "kill" or not cue_has(tok.lemma_.lower(), "injury"):
        return False
    for i in range(tok.i - 1, max(tok.sent.start, tok.i - 10) - 1, -1):
        earlier = by_token.get(i)
        if earlier is not None:
            between = tok.doc[i + 1 : tok.i]
            joined = any(t.lower_ == "and" for t in between) and not any(t.pos_ == "VERB" for t in between)
            if earlier.type == "kill" and joined:
                by_token[tok.i] = earlier
                return True
            return False
    return False


def _scene_of(tok: Token, verb: Token, etype: str, by_token: dict[int, Event]) -> Event | None:
    """The event of the verb before a nominal trigger that is the verb's scene ("twelve were killed in the
    attack", "was blown up in a suspected Russian strike", "died during an overnight skirmish"): one
    happening of the same family, told by its verb; the noun is no second event. Not "by" (the agent:
    "killed by Russian shelling" names the attack)."""
    if tok.pos_ == "VERB" or tok.dep_ != "pobj" or tok.head.lower_ not in SCENE_PREPS:
        return None
    if tok.head.head.i != verb.i or verb.i > tok.i:
        return None
    found = by_token.get(verb.i)
    return found if found is not None and found.type in family(etype) else None


def _event(
    doc: Doc, tok: Token, m: tuple[str, int, int], events: list[Event], by_token: dict[int, Event]
) -> Event | None:
    """The event at trigger `tok`, or None when the mention is no (new, current) event."""
    etype, first, last = m
    verb = clause_verb(tok)
    if historical(tok, verb) or skip_as_topic(tok, verb, etype) or not_happening(tok, etype):
        return None
    definite = tok.pos_ != "VERB" and any(
        c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in tok.children
    )
    antecedent = None
    if definite and not any(c.dep_ == "prep" for c in tok.children) and not occurring(tok):
        fam = family(etype)
        antecedent = next((e for e in reversed(events) if e.type in fam), None)
    actor_tok, target_tok = actor_of(tok, verb, etype)
    actor_tok = appositive_name(actor_tok) or actor_tok
    subj_ev = by_token.get(actor_tok.i) if actor_tok is not None else None
    if subj_ev is not None and subj_ev.type == etype and tok.pos_ == "VERB":
        by_token[tok.i] = subj_ev
        return None  # "Russian attacks destroyed a TV tower": one attack, named twice
    if subj_ev is not None:
        actor_tok = None  # "The fighting killed 27": an event is no actor
    actor = pair_name(actor_tok) if actor_tok is not None and actor_tok.head.lower_ == "between" else None
    if actor_tok is not None and not is_party(actor_tok):
        actor_tok = None  # "the number includes the dead": no party acted
    actor = actor or first_person(actor_tok) or described_speaker(actor_tok) or party_name(actor_tok)
    # "..., killing 12": a participle or conjunct continues its head event
    head_ev = None
    if tok.dep_ in ("advcl", "conj", "xcomp") and tok.pos_ == "VERB":
        head_ev = by_token.get(tok.head.i)
        if head_ev is None:  # "An airstrike destroyed the consulate, killing seven"
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            head_ev = by_token.get(subj.i) if subj is not None else None
    head_ev = head_ev or subj_ev or setting_antecedent(tok, events)
    setting = tok.dep_ == "pobj" and tok.head.lower_ in ARG_PREPS
    if head_ev is None and tok.pos_ != "VERB" and verb is not tok and setting:
        head_ev = by_token.get(verb.i)  # "killed 22 soldiers in an ambush": the killers ambushed
    scene = _scene_of(tok, verb, etype, by_token)
    if scene is not None:
        by_token[tok.i] = scene
        return None  # "were killed in a Russian attack": the killing is the event the sentence reports
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
    # before bridging: a general hypothesis ("to justify an invasion", "the stage for further aggression")
    # borrows no actor to become a happening; a predicted one the clause is about keeps it ("invasion
    # could be weeks away")
    named = actor
    if actor is None and actor_tok is None and tok.pos_ != "VERB":
        actor = bridged_actor(etype, name_of(target_tok), events)  # "an invasion" after "Russia's invasion"
    if actor is None:
        actor = opposing_forces(target_tok, etype)  # "1,260 Russian military were eliminated"
    elif actor_tok is not None:
        actor = state_for_person(actor_tok, actor, etype) or actor  # "Biden announced sanctions"
    fact = factuality(tok, actor, speech_act=etype in SPEECH_ACTS)
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
    role = tok
    while role.dep_ == "conj" and role.head.i != role.i:
        role = role.head  # "the bombing of Mariupol or slaughter in Bucha should lead to ..."
    if role.dep_ in ("nsubj", "nsubjpass"):
        named = actor
    if hypothesis(tok, fact.status, named, target) or no_happening(tok, fact.status, actor):
        return None
    if idle_fight(tok, etype, fact.status):
        return None
    if etype in TERRITORIAL and target is not None and place is not None and target in place:
        target = None
    if (
        etype in ("retreat", "deploy", "mobilize")
        and target_tok is not None
        and cue_has(target_tok.lower_, "force")
    ):
        target = None  # "withdrew its troops": what moves, not a target
    when = time_of(doc, scope)
    # "troops surrounded the city, (...) in the coming days": a vague future reference the parse hung on a
    # past-tense verb belongs to another clause
    past = when == "FUTURE_REF" and tok.tag_ == "VBD"
    if fact.status in ("reported", "alleged", "announced") and dated_ahead(doc, when) and not past:
        fact.status = "speculated"  # "tasked with capturing the town by May 9": not yet done
    return Event(
        id=f"v{len(events) + 1}",
        type=etype,
        actor=display_actor(actor_tok, actor, etype, tok),
        target=target,
        place=place,
        time=when,
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
