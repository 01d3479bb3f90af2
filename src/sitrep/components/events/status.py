"""Factuality of an event trigger: negation, modality, dispute and attribution read off the parse."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ...model import Statement
from ..shared.clauses import (
    children_with,
    chunk_of,
    name_of,
    speaker_name,
    statement_at,
    statement_with_cue,
    subject_of,
)
from ..shared.lexicon import cue_has
from ..shared.sides import same_party
from .args import speaker_aliases

# relations through which a complement clause or object hangs from a reporting verb
COMPLEMENT = {"ccomp", "xcomp", "dobj", "pcomp", "parataxis", "advcl", "oprd", "attr", "acomp"}
NOMINAL_UP = {
    "dobj",
    "pobj",
    "prep",
    "nsubj",
    "nsubjpass",
    "attr",
    "appos",
    "conj",
    "npadvmod",
    "oprd",
    "dative",
}
CONDITION_MARKS = {"if", "unless", "whether", "once"}
INVERTING = {"were", "had", "should"}  # auxiliaries that front a condition ("Were X to ...")
# marks of an adverbial clause that sets the scene of a report rather than being its content
SETTING_MARKS = {"as", "while", "when", "after", "before", "since", "because", "although", "though"}
TEMPORAL_PREPS = {"after", "before", "since", "following", "during", "amid", "amidst", "throughout"}


@dataclass
class Factuality:
    """What the parse says about whether, and on whose word, an event happened."""

    status: str = "reported"
    source: str | None = None
    statement: str | None = None
    negated: bool = False


def clause_verb(trigger: Token) -> Token:
    """The verb (or predicate) of the clause in which `trigger` stands."""
    cur = trigger
    hops = 0
    while cur.pos_ not in ("VERB", "AUX") or cur is trigger and trigger.pos_ not in ("VERB", "AUX"):
        if cur.head.i == cur.i or cur.dep_ not in NOMINAL_UP or hops > 6:
            return cur
        cur = cur.head
        hops += 1
    return cur


def _is_negated(tok: Token) -> bool:
    """ "did not attack", "never attacked", "no attack"; and a verb whose subject is nobody ("no one
    attacked the convoy", "nobody was killed": cue class `nobody`)."""
    for c in tok.children:
        if c.dep_ == "neg" or c.lower_ in ("never", "no") and c.dep_ in ("det", "advmod"):
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "VERB":
            if cue_has(c.lower_, "nobody") or (
                c.lower_ == "one" and any(g.lower_ == "no" for g in c.children)
            ):
                return True
    return False


_MODAL_CHILDREN = frozenset({"aux", "auxpass", "amod", "advmod", "mark", "acomp"})


def _has_modal(tok: Token) -> bool:
    for c in children_with(tok, _MODAL_CHILDREN):  # a verb's only children that can make it modal
        if c.dep_ in ("aux", "auxpass") and cue_has(c.lower_, "modal"):
            return True
        if c.dep_ in ("amod", "advmod") and cue_has(c.lower_, "modal"):
            return True
        if c.dep_ == "amod" and any(g.dep_ == "advmod" and cue_has(g.lower_, "modal") for g in c.children):
            return True  # "a possibly precedent-setting attack", "a potentially devastating offensive"
        if c.dep_ == "mark" and c.lower_ in CONDITION_MARKS:
            return True
        if c.dep_ == "mark" and c.lower_ == "as" and tok.head.lower_ == "long":
            return True  # "as long as Putin occupies an inch of Ukraine": a condition
        if c.dep_ == "acomp" and cue_has(c.lower_, "modal"):
            return True  # "further sanctions are imminent", "an attack is likely"
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("AUX", "VERB"):
        # the trigger is the subject: "Additional sanctions are imminent", "an attack is likely"
        return any(c.dep_ == "acomp" and cue_has(c.lower_, "modal") for c in tok.head.children)
    return False


def _infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _disputed(trigger: Token, verb: Token) -> bool:
    """Whether the event is called fake, staged, feigned or a ruse."""
    if any(
        c.dep_ in ("amod", "compound") and (cue_has(c.lemma_, "dispute") or cue_has(c.lower_, "dispute"))
        for c in trigger.children
    ):
        return True
    if verb is not trigger and cue_has(verb.lemma_, "dispute") and not cue_has(verb.lemma_, "implicative"):
        return True
    if trigger.dep_ in ("nsubj", "nsubjpass"):
        head = trigger.head
        if trigger.dep_ == "nsubjpass" and cue_has(head.lemma_, "dispute"):
            return True
        for c in head.children:
            if c.dep_ in ("attr", "acomp", "oprd") and cue_has(c.lemma_, "dispute"):
                return True
    return False


def _local_announcement(trigger: Token, actor: str | None) -> tuple[bool, str | None]:
    """Announced in the noun phrase ("the announced retreat"): (by the actor, by another announcer)."""
    for c in trigger.children:
        if c.dep_ == "amod" and cue_has(c.lemma_, "announce"):
            return True, None
        if c.dep_ == "acl" and cue_has(c.lemma_, "announce"):
            agent = subject_of(c)
            who = name_of(agent) if agent is not None else None
            if who is None or same_party(who, actor):
                return True, None
            return False, who
    return False, None


def _attribution(verb: Token) -> tuple[Token | None, Token | None]:
    """The nearest reporting, announcing or denying verb governing `verb`'s clause, and its subject."""
    cur = verb
    for _ in range(12):
        if cur is not verb or cur.pos_ in ("VERB", "NOUN"):
            for cls in ("deny", "announce", "speech"):
                if cue_has(cur.lemma_, cls) and cur.pos_ in ("VERB", "NOUN") and cur is not verb:
                    return cur, subject_of(cur)
        if cur.head.i == cur.i:
            break
        if cur.dep_ == "conj" and cur.tag_ == "VBD" and cur.head.tag_ == "VBG":
            break  # "denied targeting X and blamed Y": the finite verb goes with the cue, not the gerund
        if _setting_clause(cur):
            break  # "..., the council said, as fighting intensified": a scene, not what was said
        if cur.dep_ == "conj" and any(cue_has(cur.head.lemma_, c) for c in ("speech", "announce", "deny")):
            break  # "denied X and blamed Kyiv": coordinated with the cue, not under it
        if cur.dep_ in ("conj",) and cur.head.pos_ in ("VERB", "AUX"):
            # "X said A and B": B sits under the same verb as A; a coordinated main clause does not
            cur = cur.head
            continue
        if cur.dep_ not in COMPLEMENT | NOMINAL_UP | {"acl", "relcl", "prep", "pobj", "dep"}:
            break
        cur = cur.head
    return None, None


def _setting_clause(cur: Token) -> bool:
    """An adverbial clause that frames its head ("as fighting intensified", "..., blaming Kyiv")."""
    if cur.dep_ == "prep" and cur.lower_ in SETTING_MARKS and any(c.dep_ == "pcomp" for c in cur.children):
        return True  # "As fighting intensifies, ..." parsed as a preposition with a clause
    if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SETTING_MARKS for c in cur.children):
        return True
    # a participle adjunct set off by a comma, without a subject of its own, is the head's agent acting
    if cur.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in cur.children):
        return False
    doc = cur.doc
    if cur.dep_ == "acl" or cur.i > cur.head.i:  # "..., said the dictator, blaming Kyiv"
        return cur.dep_ in ("advcl", "acl") and cur.i > cur.head.i and doc[cur.i - 1].text == ","
    last = max(t.i for t in cur.subtree)  # "Speaking after the talks, the adviser said ..."
    return cur.dep_ == "advcl" and last + 1 < len(doc) and doc[last + 1].text == ","


def _media(name: str | None) -> bool:
    """Whether a speaker is a news outlet: it reports a side's deeds, it does not announce them."""
    if not name:
        return False
    words = name.lower().replace("'s", " ").split()
    return any(cue_has(w, "media") for w in words) and "state" not in words


def _speaks_for(speaker: str | None, aliases: list[str], actor: str | None) -> bool:
    """Whether the speaker is the actor or speaks for its side ("Ukrainian President X" for Ukraine)."""
    if _media(speaker):
        return False
    return any(same_party(name, actor) for name in [speaker, *aliases] if name)


def _absent(trigger: Token) -> bool:
    """ "There are no signs of a withdrawal", "saw no evidence of an attack": the event is denied."""
    if trigger.dep_ != "pobj" or trigger.head.lower_ != "of":
        return False
    noun = trigger.head.head
    if not cue_has(noun.lemma_, "absence"):
        return False
    if any(c.lower_ in ("no", "without") for c in noun.children):
        return True
    return noun.head.lower_ == "without" or (noun.dep_ in ("dobj", "attr") and _is_negated(noun.head))


def _plan_negated(trigger: Token) -> bool:
    """ "Moscow is not going to attack anyone", "does not intend to invade": a negated plan denies its
    deed."""
    head = trigger.head
    if trigger.dep_ != "xcomp" or head.i == trigger.i:
        return False
    return cue_has(head.lemma_, "plan") and _is_negated(head)


def _occurrence_negated(trigger: Token, verb: Token) -> bool:
    """ "The attack did not happen": a negated verb of occurrence denies its subject event."""
    return trigger.dep_ in ("nsubj", "nsubjpass") and (cue_has(verb.lemma_, "occur") or verb.lemma_ == "be")


def _negation_reaches(trigger: Token, verb: Token) -> bool:
    """Whether a negated verb denies the event of its argument: a verb trigger's own controller ("did
    not try to attack"), a copula ("this is not an invasion") or a verb that carries out, makes or
    meets a nominal event (cue class `realize`: "did not launch an offensive", "sanctions were not
    imposed"); not a verb of attitude, judgement or description ("does not support the aggression",
    "will not tolerate his invasion", "do not call it a war"), nor a factive one ("those who do not
    notice the aggression")."""
    if cue_has(verb.lemma_, "factive"):
        return False
    return trigger.pos_ in ("VERB", "AUX") or verb.lemma_ == "be" or cue_has(verb.lemma_, "realize")


def factuality(trigger: Token, actor: str | None, speech_act: bool = False) -> Factuality:
    """Status, source, statement and negation of the event at `trigger`; `speech_act` for an appeal,
    threat or accusation, which the outlet reports when its trigger is a statement's own cue."""
    doc = trigger.doc
    verb = clause_verb(trigger)
    out = Factuality()
    st = statement_at(doc, trigger.idx)
    if st is not None:
        out.statement = st.id
        out.source = speaker_name(st)
    # the verb of which the trigger is the object may itself announce or deny it
    cue, cue_subj = (None, None)
    if verb is not trigger and trigger.dep_ in ("dobj", "nsubjpass") and verb.head is not None:
        for cls in ("deny", "announce"):
            if cue_has(verb.lemma_, cls) and not cue_has(verb.lemma_, "command"):
                cue, cue_subj = verb, subject_of(verb)  # an order is the act itself, which the outlet reports
    if cue is None:
        cue, cue_subj = _attribution(verb)
    cue_speaker = None
    cue_st = None
    aliases: list[str] = []
    if st is not None:
        aliases = speaker_aliases(doc, st)
    if cue is not None:
        cue_st = statement_with_cue(doc, cue)
        cue_speaker = speaker_name(cue_st) or name_of(cue_subj)
        aliases = speaker_aliases(doc, cue_st) + ([chunk_of(cue_subj).text] if cue_subj is not None else [])
        if cue_speaker:
            out.source = cue_speaker
        if cue_st is not None:
            out.statement = cue_st.id
    argument = trigger.dep_ in ("dobj", "nsubjpass", "xcomp", "attr") or _occurrence_negated(trigger, verb)
    negated = (
        _is_negated(trigger)
        or (verb is not trigger and argument and _is_negated(verb) and _negation_reaches(trigger, verb))
        or _absent(trigger)
        or _plan_negated(trigger)
    )  # a factive verb keeps its object under negation: "those who do not notice the aggression"
    if negated and _conditional(verb):
        out.status, out.negated = "speculated", True  # "if Russia decides not to invade": a supposition
        return out
    if negated or (cue is not None and cue_has(cue.lemma_, "deny")):
        out.status, out.negated = "denied", True
        return out
    if _disputed(trigger, verb):
        out.status = "disputed"
        return out
    if speech_act and st is None and trigger.pos_ == "VERB" and statement_with_cue(doc, trigger) is not None:
        out.status, out.source = "reported", None  # "X urged Y to ...": the outlet reports the act of speech
        return out
    announced, announcer = _local_announcement(trigger, actor)
    if announced:
        out.status = "announced"
        return out
    temporal = _in_setting(trigger)
    speculative = _has_modal(trigger) or (verb is not trigger and not temporal and _has_modal(verb))
    if not temporal:  # "during the battle of X", "after the invasion": a setting, whatever the verb's mood
        speculative = speculative or _verb_speculative(trigger, verb) or _cue_ahead(cue)
    if cue is not None and cue_has(cue.lemma_, "announce") and _speaks_for(cue_speaker, aliases, actor):
        out.status = "announced"
        return out
    if not speculative and _presupposed(trigger, verb, st):
        out.status, out.source, out.statement = "reported", None, None
        return out
    if not speculative and _hearsay(trigger) and not cue_speaker:
        out.status = "alleged"  # "there have been reports of secret talks": on nobody's named word
        return out
    return _attributed(out, speculative, cue_speaker, cue_st, st, aliases, actor, announcer)


def _cue_ahead(cue: Token | None) -> bool:
    """The report itself is yet to be made ("Russia is expected to declare that the regions have been
    annexed", "Moscow will announce that ..."): what it would say is speculated."""
    if cue is None or cue.pos_ != "VERB":
        return False
    if any(c.dep_ == "aux" and cue_has(c.lower_, "modal") for c in cue.children):
        return True
    gov = cue.head
    return cue.dep_ == "xcomp" and gov.i != cue.i and (cue_has(gov.lemma_, "intent") or _has_modal(gov))


def _presupposed(trigger: Token, verb: Token, st: Statement | None) -> bool:
    """The outlet takes the happening as given: a known happening as a setting ("following his short-lived
    rebellion", "during the battle of X"), a reduced relative in its own words ("equipment captured in
    Ukraine"), or the object of a factive
    verb of judgement the outlet reports ("the regime criticizes the supply of weapons"); not inside a
    direct quotation, which stays the speaker's word."""
    if st is not None and st.kind == "direct":
        return False
    if _in_setting(trigger):
        # a known happening ("his rebellion", "the battle of X"), not a new one ("during a rocket attack")
        return any(c.dep_ == "poss" or c.lower_ in ("the", "this", "that") for c in trigger.children)
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        return st is None and not any(c.dep_ == "auxpass" for c in trigger.children)
    if verb.i == trigger.i or not cue_has(verb.lemma_, "factive"):
        return False
    if any(s.content.span[0] <= verb.idx < s.content.span[1] for s in _statements_of(trigger)):
        return False  # "X said the regime criticizes ...": X's word
    role = trigger
    while role.dep_ in ("pobj", "prep") and role.head.i != role.i:
        role = role.head
    return role.dep_ == "dobj" and role.head.i == verb.i


def _in_setting(trigger: Token) -> bool:
    """The object of a temporal preposition ("after the invasion", "following his rebellion", which the
    parser may read as a verb)."""
    if trigger.dep_ == "pobj" and trigger.head.lower_ in TEMPORAL_PREPS:
        return True
    return (
        trigger.dep_ == "dobj"
        and trigger.head.lower_ == "following"
        and trigger.head.dep_ in ("prep", "advcl")
    )


def _statements_of(tok: Token) -> list[Statement]:
    return list(getattr(tok.doc._, "sitrep_statements", None) or [])


def _hearsay(trigger: Token) -> bool:
    """ "reports of talks", "allegations of torture", "forces are reported to be attempting an advance":
    the happening is someone's unnamed claim."""
    cur = clause_verb(trigger)
    for _ in range(3):
        if cur.dep_ != "xcomp" or cur.head.i == cur.i:
            break
        cur = cur.head
        passive = any(c.dep_ == "auxpass" for c in cur.children)
        if passive and cue_has(cur.lemma_, "speech") and not any(c.dep_ == "agent" for c in cur.children):
            return True
    if trigger.dep_ != "pobj" or trigger.head.lower_ != "of":
        return False
    return cue_has(trigger.head.head.lemma_, "hearsay")


def _verb_speculative(trigger: Token, verb: Token) -> bool:
    """Whether the clause around the trigger makes it unrealized: a modal, an intention, a purpose."""
    speculative = False
    conj_head = verb
    while conj_head.dep_ == "conj" and conj_head.head.i != conj_head.i and not speculative:
        conj_head = conj_head.head  # "only if X withdraws and releases ...": the mark sits on the first verb
        speculative = _has_modal(conj_head)
    speculative = speculative or _inverted_condition(conj_head) or _prospect(trigger)
    gov = verb.head if verb.dep_ in ("xcomp", "ccomp", "advcl", "acl") else None
    controlled = verb.dep_ == "xcomp" or (verb.dep_ == "ccomp" and _infinitive(verb))
    if gov is not None and controlled and (cue_has(gov.lemma_, "intent") or _has_modal(gov)):
        speculative = True  # "plans to attack", "would keep attacking", "expects the EU to impose"
    if verb is not trigger and trigger.dep_ == "dobj" and cue_has(verb.lemma_, "intent"):
        speculative = True
    if _foreseen(trigger):
        speculative = True  # "warned of a lightning strike", "predicts an offensive"
    # What the infinitive brings about: "to seize X". Only the verb itself counts: reading its object or
    # "for" object too ("to regroup for an offensive") was measured on the real-news dev set and lowered
    # status 0.776 -> 0.759 and actor 0.738 -> 0.729 (those terms compared Tokens by identity, never true).
    if (
        verb is trigger
        and _infinitive(verb)
        and verb.dep_ in ("advcl", "acl", "xcomp", "relcl")
        and not (gov is not None and cue_has(gov.lemma_, "implicative"))
    ):
        speculative = True  # "to punish X", "sent troops to seize Y"; not "to offset the costs of sanctions"
    return speculative


def _conditional(verb: Token) -> bool:
    """The clause, or the clause it completes, is a condition ("if Russia decides not to invade")."""
    cur = verb
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in cur.children):
            return True
        if cur.dep_ not in ("xcomp", "ccomp", "conj") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _foreseen(trigger: Token) -> bool:
    """The event is what a warning, forecast or fear is of ("warned of a strike", "fear an invasion")."""
    if trigger.dep_ == "dobj":
        gov = trigger.head
    elif trigger.dep_ == "pobj" and trigger.head.lower_ in ("of", "about", "against"):
        gov = trigger.head.head
        if gov.dep_ == "pobj" and gov.head.dep_ == "prep":
            gov = gov.head.head  # "warned for months about an invasion", the about-phrase on "months"
    else:
        return False
    return gov.pos_ in ("VERB", "ADJ") and cue_has(gov.lemma_, "foresee")  # "afraid of an assault"


def _prospect(trigger: Token) -> bool:
    """The event is what a chance, choice, aim or effort is of ("the chances of retaking the south",
    "the choice between withdrawing and fighting on", "an effort to seize land"): not yet a happening."""
    cur = trigger
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ in ("pobj", "pcomp") and cur.head.lower_ in ("of", "for", "between", "at"):
        noun = cur.head.head
    elif cur.dep_ == "acl" and _infinitive(cur):
        noun = cur.head
    else:
        return False
    return noun.pos_ == "NOUN" and cue_has(noun.lemma_, "prospect")


def _inverted_condition(verb: Token) -> bool:
    """ "Were China to sell weapons, ...", "Had the army retreated, ...": a condition with the auxiliary
    before its subject and no "if"."""
    for cand in (verb, verb.head):
        if cand.dep_ != "advcl":
            continue
        if cand.pos_ == "AUX" and cand.lower_ in INVERTING:
            aux: Token | None = cand
        else:
            aux = next(
                (c for c in cand.children if c.dep_ in ("aux", "auxpass") and c.lower_ in INVERTING), None
            )
        subj = next((c for c in cand.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if aux is not None and subj is not None and aux.i < subj.i:
            return True
    return False


def _attributed(
    out: Factuality,
    speculative: bool,
    cue_speaker: str | None,
    cue_st: Statement | None,
    st: Statement | None,
    aliases: list[str],
    actor: str | None,
    announcer: str | None,
) -> Factuality:
    """Speculated, alleged, announced or reported, once negation and dispute are ruled out."""
    # A belief or intention ("X believes / wants ...") is nobody's claim that the event happened.
    holder_st = cue_st if cue_st is not None else st
    held = holder_st is not None and getattr(holder_st, "mode", "speech") in ("thought", "intention")
    if speculative or held:
        out.status = "speculated"
        return out
    if announcer:
        out.status, out.source = "alleged", announcer
        return out
    speaker = cue_speaker or out.source
    if speaker:
        out.status = "announced" if _speaks_for(speaker, aliases, actor) else "alleged"
    return out
