"""Named selectional checks for broad trigger words (fourth column of `events_triggers.tsv`).

A word like "mass", "supply", "warn" or "losses" is an event only with the right arguments: troops
massed, weapons supplied, a party warned, people lost. Each check reads the trigger's dependents and
the word classes of `events_cues.tsv` (force, instrument, materiel, aid_kind, generic, captive).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..shared.lexicon import cue_has
from .checks import objects_of, territory

PARTY_LABELS = {"GPE", "NORP", "ORG", "PERSON"}


# heads of quantity phrases whose of-object is what is counted ("numbers of drones", "tons of aid")
_QUANTITY_HEADS = {
    "number",
    "amount",
    "quantity",
    "ton",
    "tonne",
    "batch",
    "shipment",
    "lot",
    "supply",
    "stock",
}


def _is_force(t: Token) -> bool:
    """Troops, soldiers, an army (or a number of them): who can be massed, moved or deployed."""
    return cue_has(t.lemma_, "force") or cue_has(t.lower_, "force") or cue_has(t.lower_, "military")


def _materiel(t: Token) -> bool:
    """Weapons, ammunition, equipment, aid: what one side delivers to another."""
    return cue_has(t.lemma_, "instrument") or cue_has(t.lemma_, "materiel") or cue_has(t.lower_, "materiel")


def _party(t: Token) -> bool:
    return t.ent_type_ in PARTY_LABELS or cue_has(t.lemma_, "person_role")


def _arguments(tok: Token) -> list[Token]:
    """Subject, objects, agent and of/with-objects of `tok`, with their conjuncts and of-heads."""
    out = objects_of(tok)
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            out.append(c)
        if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "with", "of"):
            out.extend(g for g in c.children if g.dep_ == "pobj")
    if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
        out.append(tok.head)  # "the troops massed on the border", "weapons supplied by X"
    if tok.pos_ in ("NOUN", "PROPN"):
        out.extend(c for c in tok.children if c.dep_ in ("compound", "amod"))  # "weapons supplies"
    # "furnished Russia with vast numbers of drones": the of-object of a quantity phrase
    out += [
        g
        for o in out
        if o.lemma_ in _QUANTITY_HEADS
        for c in o.children
        if c.lower_ == "of"
        for g in c.children
    ]
    return out + [g for o in out for g in o.conjuncts]


def _force(tok: Token) -> bool:
    return any(_is_force(a) for a in _arguments(tok))


def _force_object(tok: Token) -> bool:
    """ "committed 120 battalions", "placed 1,000 troops"; not "forces committed abuses"."""
    objs = objects_of(tok)
    objs += [g for o in objs for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    mods = [c for o in objs for c in o.children if c.dep_ in ("compound", "nmod")]
    return any(_is_force(t) for t in objs + mods)


def _materiel_arg(tok: Token) -> bool:
    return any(_materiel(a) for a in _arguments(tok))


def _party_object(tok: Token) -> bool:
    """ "helped Ukraine", "support for Kyiv": a state or group is helped."""
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    objs += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "to") for g in c.children]
    return any(o.ent_type_ in ("GPE", "NORP", "ORG") for o in objs + [g for o in objs for g in o.conjuncts])


def _aid(tok: Token) -> bool:
    """ "military aid", "humanitarian assistance", "aid to Ukraine", "weapons aid"."""
    if any(
        c.dep_ in ("amod", "compound") and (cue_has(c.lower_, "aid_kind") or _materiel(c))
        for c in tok.children
    ):
        return True
    if any(c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE") for c in tok.children):
        return True
    return _party_object(tok)


def _warning(tok: Token) -> bool:
    """ "warned Moscow", "warned of severe costs", "warned against escalation", "warned that any attempt
    to interfere would lead to consequences", "warned that if X, they would impose sanctions"; not "warned
    of a lightning strike", "warned the president about the coming invasion" (foreseeing another's act),
    nor "warned that prices would rise"."""
    about = [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("of", "about")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if about:
        return any(cue_has(g.lemma_.lower(), "consequence") for g in about)
    if any(c.dep_ == "prep" and c.lower_ == "against" for c in tok.children):
        return True
    content = [t for c in tok.children if c.dep_ == "ccomp" for t in c.subtree]
    if any(cue_has(t.lemma_.lower(), "consequence") for t in content):
        return True
    conditional = any(t.lower_ in ("if", "unless", "case", "attempt") for t in content)
    future = any(t.dep_ == "aux" and t.lower_ in ("will", "would", "'ll") for t in content)
    speaker = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if conditional and future and speaker is not None and _party(speaker):
        return True  # a party's own conditional response, not a forecast by "pessimists"
    return any(c.dep_ in ("dobj", "dative") and _party(c) for c in tok.children)


def _appeal(tok: Token) -> bool:
    """ "asked Kyiv to", "encouraged diplomats to", "asked for help"."""
    if any(
        c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in tok.children
    ):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children)


def _ground(tok: Token) -> bool:
    return any(territory(o) for o in objects_of(tok))


def _people_subject(tok: Token) -> bool:
    """ "100,000 people crossed into Poland": people move, not troops."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and (cue_has(subj.lemma_, "generic") or subj.like_num or subj.pos_ == "NUM")


def _casualty(tok: Token) -> bool:
    """ "Russian losses", "losses in manpower", "civilian victims"; not "economic losses"."""
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "poss") and (
            c.ent_type_ in ("NORP", "GPE") or cue_has(c.lower_, "casualty_kind") or _is_force(c)
        ):
            return True
        if c.dep_ == "prep" and c.lower_ in ("in", "among", "of"):
            if any(
                _is_force(g) or cue_has(g.lemma_, "generic") or cue_has(g.lemma_, "casualty_kind")
                for g in c.children
            ):
                return True
    return False


def _has_object(tok: Token) -> bool:
    """ "slammed the decision": a verb of criticism needs what it criticizes."""
    return any(c.dep_ in ("dobj", "ccomp") for c in tok.children) and not any(
        c.dep_ == "nsubj" and cue_has(c.lemma_, "instrument") for c in tok.children
    )


def _military(tok: Token) -> bool:
    """ "military exercises", "joint drills", "Russian exercises", "tactical nuclear weapons exercises",
    "maneuvers with the participation of Russian troops"."""
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss")]
    mods += [g for c in mods if c.dep_ == "compound" for g in c.children if g.dep_ in ("amod", "compound")]
    if any(
        cue_has(c.lower_, "military")
        or c.ent_type_ in ("NORP", "GPE")
        or cue_has(c.lower_, "aid_kind")
        or cue_has(c.lemma_.lower(), "drill_kind")
        for c in mods
    ):
        return True
    # "maneuvers with (the participation of) Russian troops", "exercises of the army", "drills in the
    # Black Sea": held by forces, or at a named place
    return any(
        cue_has(t.lemma_, "force")
        or cue_has(t.lower_, "military")
        or (c.lower_ in ("in", "near", "off") and t.ent_type_ in ("GPE", "LOC", "FAC"))
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("with", "of", "by", "involving", "in", "near", "off")
        for t in c.subtree
        if t.dep_ == "pobj"
    )


def _determined(tok: Token) -> bool:
    """ "an advance towards the city", "the Russian advance"; not "in advance", "advance notice"."""
    if tok.dep_ in ("compound", "amod") or (tok.dep_ == "pobj" and tok.head.lower_ == "in"):
        return False
    return any(c.dep_ in ("det", "poss", "amod", "compound", "prep") for c in tok.children)


def _not_venture(tok: Token) -> bool:
    """A withdrawal of forces, not of businesses or from a deal ("western firms withdrew from Russia",
    "the US withdrew from the talks", "the withdrawal of foreign companies")."""
    froms = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children]
    return not any(cue_has(a.lemma_, "venture") for a in _arguments(tok) + froms)


def _between_parties(tok: Token) -> bool:
    """ "a dialogue with the West", "Russian-American dialogue"; not "continue dialogue", "through
    dialogue", "a path of dialogue": a channel or a means, no talks held by anyone in particular."""
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in tok.children):
        return True
    return any(c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in PARTY_LABELS for c in tok.children)


def _left_so(tok: Token) -> bool:
    """ "the strikes left ten people dead": the state a verb of leaving puts its object in."""
    return tok.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and tok.head.lemma_.lower() == "leave"


def _held(tok: Token) -> bool:
    """ "negotiations between the two sides", "Russian-Ukrainian negotiations", "the negotiations", "Kyiv
    and Moscow resumed negotiations"; not "all wars end with negotiations", "a supporter of negotiations",
    "conditions to resume negotiations": negotiation as a means, held by no one in particular."""
    modified = any(
        c.dep_ in ("det", "poss", "amod", "compound", "nummod")
        or (c.dep_ == "prep" and c.lower_ in ("on", "over"))
        for c in tok.children
    )
    if modified or _between_parties(tok):
        return True
    head = tok.head
    return tok.dep_ in ("dobj", "nsubjpass") and any(
        c.dep_ == "nsubj" and c.ent_type_ in PARTY_LABELS for c in head.children
    )


def _made_request(tok: Token) -> bool:
    """A demand or request someone makes: any verb; a noun in the plural or with a determiner ("its
    demands", "an appeal"); not market demand ("weaker demand from China") nor a request for comment."""
    if tok.pos_ == "VERB":
        return True
    if any(g.lemma_.lower() == "comment" for c in tok.children if c.lower_ == "for" for g in c.children):
        return False
    return tok.tag_ in ("NNS", "NNPS") or any(c.dep_ in ("det", "poss") for c in tok.children)


CHECKS: dict[str, Callable[[Token], bool]] = {
    "force": _force,
    "force_object": _force_object,
    "materiel": _materiel_arg,
    "party_object": _party_object,
    "aid": _aid,
    "warning": _warning,
    "appeal": _appeal,
    "ground": _ground,
    "people_subject": _people_subject,
    "casualty": _casualty,
    "has_object": _has_object,
    "military": _military,
    "determined": _determined,
    "not_venture": _not_venture,
    "between_parties": _between_parties,
    "left_so": _left_so,
    "held": _held,
    "made_request": _made_request,
}


def fits(tok: Token, check: str) -> bool:
    """Whether `tok` passes the named check (an unknown name passes: the lexicon may run ahead)."""
    test = CHECKS.get(check)
    return test is None or test(tok)
