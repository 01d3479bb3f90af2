"""Position predicates: the words by which a party states that it is open to, asks for or refuses a
course of action ("ready to talk", "calls for sanctions", "rejects any concessions", "will not send
troops", "is against NATO membership", "X is unacceptable"), and the words that say what about."""

from __future__ import annotations

from spacy.tokens import Token

from ..shared.clauses import subject_of
from ..shared.lexicon import position_cues
from .conditions import find_marker
from .judgements import extraposed, in_interest, sole_way, time_for
from .negation import negated
from .topics import not_an_act, only_words, topic_in

UNWILLING = {"unwilling", "unready", "unprepared", "reluctant", "closed"}
# modal auxiliaries that make a verb a commitment or a refusal ("will not send", "cannot accept")
COMMITTING = {"will", "would", "shall", "can", "ca", "wo", "must", "should"}
ABOUT = ("to", "for", "on", "of", "about", "against")  # prepositions that say what a cue is about
CLAUSE_DEPS = ("relcl", "acl", "advcl")
FINITE = {"VBD", "VBZ", "VBP"}
# judgements whose denial flips the stance ("a truce is not possible", "would not be escalatory")
DENIABLE = {"acceptable", "possible", "escalatory", "counterproductive"}
UNDERGOES = {"pay", "face", "suffer", "bear"}  # a penalty undergone: "will pay a heavy price"
IN_OBJECT = {"participate", "engage", "invest", "join"}  # verbs whose "in" phrase is their object
DENIALS = {"deny", "dismiss"}  # verbs that deny a plan or an aim ("denies any intention to invade")
SETTING_PREPS = {"during", "after", "before", "since", "at", "in", "within", "throughout", "amid"}
Found = tuple[str, list[Token]]  # (stance, the words that say what the position is about)


def complement(pred: Token) -> list[Token]:
    """The words that say what the predicate is about: its object, to/for-phrase or infinitive."""
    out: list[Token] = []
    doc = pred.doc
    if pred.i + 1 < len(doc) and doc[pred.i + 1].lower_ == "for" and doc[pred.i + 1].dep_ == "mark":
        # "called for the deal to be restored"
        out.extend(doc[pred.i + 2 : min(pred.i + 8, pred.sent.end)])
        asked = doc[pred.i + 1].head  # "called for X to pay and for allies to impose sanctions": each asked
        if asked.head.i == pred.i and asked.i != pred.i:
            for v in (asked, *(c for c in asked.children if c.dep_ == "conj" and c.pos_ == "VERB")):
                out.extend(list(v.subtree)[:10])
    for c in pred.children:
        if c.dep_ == "prep" and (
            c.lower_ in ABOUT or c.lower_ == "in" and pred.pos_ == "ADJ"
        ):  # interested in
            out.extend([t for t in c.subtree if t.dep_ not in CLAUSE_DEPS][:10])
        elif c.dep_ in ("xcomp", "dobj", "ccomp", "prt", "attr"):
            out.extend(list(c.subtree)[:10])
            for g in c.children:  # "to comply with its obligations ..., to release the prisoners": each asked
                if g.dep_ in ("conj", "dep") and g.pos_ == "VERB" and c.dep_ == "xcomp":
                    out.extend(list(g.subtree)[:10])
    if any(c.dep_ in ("dobj", "prep") and c.lower_ not in SETTING_PREPS for c in pred.children):
        # "called on X to withdraw", parsed with the infinitive as an adverbial clause: what X is asked
        out.extend(
            t for c in pred.children if c.dep_ == "advcl" and _infinitive(c) for t in list(c.subtree)[:10]
        )
    for c in pred.children:  # "ruled out sending troops", the gerund parsed as an adverbial clause
        if c.dep_ == "advcl" and c.tag_ == "VBG" and _right_after(pred, c):
            out.extend(list(c.subtree)[:10])
    cut = {s.i for t in out if t.dep_ == "conj" and t.tag_ in FINITE for s in t.subtree}
    return sorted({t for t in out if t.i not in cut}, key=lambda t: t.i)  # "to A and offered B": not B


def _right_after(pred: Token, gerund: Token) -> bool:
    """Whether a gerund follows the predicate at once (or after its particle): its object, not a
    comment on it ("rejected the plan, saying ...")."""
    between = pred.doc[pred.i + 1 : gerund.i]
    return gerund.i > pred.i and all(t.dep_ == "prt" and t.head.i == pred.i for t in between)


def _asks_to(verb: Token) -> bool:
    """ "is pressing Congress to pass the aid": an object and what it is asked to do."""
    kids = list(verb.children)
    return any(c.dep_ == "dobj" for c in kids) and any(
        c.dep_ in ("xcomp", "ccomp") and _infinitive(c) for c in kids
    )


def _calls_to(call: Token, nxt: Token) -> bool:
    """ "called to suspend the fighting": the infinitive right after the verb is what it calls for."""
    return nxt.lower_ == "to" and nxt.head.head.i == call.i and _infinitive(nxt.head)


def _infinitive(verb: Token) -> bool:
    """A "to" infinitive: "to withdraw its troops"."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _averted(tok: Token) -> bool:
    """ "urged the media to avoid calling it a crisis", "called on X not to send troops": a call against."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp") and (negated(c) or position_cues().get(c.lemma_.lower()) == "averts"):
            return True
    return False


def judging_verb(adj: Token) -> Token | None:
    """The verb that calls its object what `adj` says: "described the votes as illegal", "called the
    vote illegitimate"; None for an adjective said of a subject."""
    cur = adj
    for _ in range(4):
        if cur.dep_ != "conj":
            break
        cur = cur.head
    if cur.dep_ in ("pobj", "pcomp", "amod") and cur.head.lower_ == "as" and cur.head.head.pos_ == "VERB":
        return cur.head.head
    if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cur.children):
        return cur.head if cur.head.pos_ == "VERB" else None  # "described them as premeditated, illegal"
    small = any(c.dep_ == "nsubj" for c in cur.children)  # "considers [NATO membership unacceptable]"
    if cur.dep_ in ("oprd", "ccomp") and cur.head.pos_ == "VERB":
        return cur.head if small or any(c.dep_ == "dobj" for c in cur.head.children) else None
    return None


def _no_object(tok: Token) -> bool:
    """ "accept no deal", "support no plan": the object is denied."""
    return any(
        c.dep_ == "dobj" and any(g.lower_ == "no" and g.dep_ == "det" for g in c.children)
        for c in tok.children
    )


def _modal(tok: Token) -> str | None:
    """The committing modal on a verb ("will", "cannot", "must"), if any."""
    for c in tok.children:
        if c.dep_ == "aux" and c.lower_ in COMMITTING:
            return c.lower_
    if going_to(tok):
        return "will"  # "we are not going to give up any territory"
    return None


def going_to(tok: Token) -> bool:
    """ "are going to give up": a verb under "going to", which commits like "will"."""
    head = tok.head
    return (
        tok.dep_ == "xcomp"
        and head.lower_ == "going"
        and head.i != tok.i
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    )


def stance_of(tok: Token) -> Found | None:
    """(stance, complement tokens) when `tok` is a position predicate."""
    cues = position_cues()
    lemma = tok.lemma_.lower()
    if tok.i >= 2 and tok.doc[tok.i - 2].lower_ == "yet" and tok.doc[tok.i - 1].lower_ == "to":
        return None  # "some are yet to condemn the invasion": not done
    if tok.dep_ == "pcomp" and cues.get(tok.head.head.lemma_.lower()) == "accuses":
        return None  # "accused Serbia of backing the gunmen": an accusation, no stated position
    cls = cues.get(lemma) or cues.get(tok.lower_)
    if cls and tok.pos_ == "VERB" and any(c.dep_ == "dobj" and not_an_act(c) for c in tok.children):
        return None  # "I support this statement", "rejected the accusation": a view of words, no act
    if tok.lower_ in UNWILLING:
        return "rejects", complement(tok)
    if cls == "open" and tok.pos_ == "VERB" and any(c.dep_ == "dobj" for c in tok.children):
        return None  # "the EU has prepared a package of sanctions": an act, not readiness
    if (
        cls == "open"
        and tok.pos_ in ("ADJ", "VERB")
        and tok.dep_
        in (
            "acomp",
            "amod",
            "xcomp",
            "ROOT",
            "ccomp",
            "conj",
            "advcl",
            "oprd",
            "attr",
        )
    ):
        return ("rejects" if negated(tok) else "open"), complement(tok)
    if cls == "open_verb" and tok.dep_ == "acl" and any(c.dep_ == "agent" for c in tok.children):
        return None  # "a commander sought by Kyiv for war crimes": a passive participle describes
    if cls == "open_verb" and tok.pos_ == "VERB" and not any(c.dep_ == "nsubjpass" for c in tok.children):
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else tok
        if lemma == "call" and nxt.lower_ not in ("for", "on", "upon") and not _calls_to(tok, nxt):
            return None  # "called for", "called on X to", "called to halt": not "called the mutiny treason"
        if lemma in ("insist", "press", "push", "appeal") and nxt.lower_ not in ("for", "on", "to"):
            if not _asks_to(tok):
                return None  # "insisted on", "pressed for", "pressing X to": not "pushed into the town"
        refused = negated(tok) or _averted(tok) or _no_object(tok)  # "would accept no deal that ..."
        return ("rejects" if refused else "open"), complement(tok)
    if cls in ("rejects", "criticizes") and tok.pos_ == "VERB":
        if lemma == "rule" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
            return None
        return ("open" if negated(tok) else "rejects"), complement(tok)
    not_open = tok.lower_ in DENIABLE and negated(tok)  # "membership is not acceptable": refused
    if cls in ("rejects_adj", "open_adj") and tok.pos_ == "ADJ" and (not_open or not negated(tok)):
        # "membership is unacceptable", "the West considers X unacceptable": what is judged
        judge = judging_verb(tok)  # "described them as illegal": what the verb's object is
        host = judge or tok.head
        subj = (
            []
            if judge
            else [t for c in host.children if c.dep_ in ("nsubj", "nsubjpass", "csubj") for t in c.subtree]
        )
        obj = [t for c in host.children if c.dep_ == "dobj" for t in c.subtree]
        obj = obj or [t for c in tok.children if judge and c.dep_ == "nsubj" for t in c.subtree]
        words = obj or subj
        if [t.lower_ for t in words] == ["it"] and tok.dep_ == "acomp":
            words = extraposed(host)  # "it is necessary to hold talks": what the infinitive names
        if words and words[0].lower_ in ("which", "that", "what") and words[0].head.dep_ == "relcl":
            ante = words[0].head.head  # "wants to join NATO, which the Kremlin considers unacceptable"
            ante = ante.head if ante.dep_ in ("dobj", "pobj") and ante.head.pos_ == "VERB" else ante
            clause = {t.i for t in words[0].head.subtree}
            words = [t for t in ante.subtree if t.i not in clause]
        denied = any(c.dep_ == "det" and c.lower_ == "no" for t in words[:1] for c in t.head.children)
        refused = (cls == "rejects_adj") != (denied or not_open)  # "no negotiations are possible": refused
        return ("rejects" if refused else "open"), words[:10]
    if cls == "time_for" and tok.pos_ == "NOUN":  # "it is not the time for war": refused
        return time_for(tok)
    if cls == "interest_in" and tok.dep_ == "pobj" and tok.head.lower_ == "in":  # "it is in our interest to"
        return in_interest(tok.head.head)
    if cls == "sole_way" and tok.pos_ == "NOUN":  # "negotiation is the only way to end the war"
        return sole_way(tok)
    if cls == "against" and tok.dep_ == "prep" and tok.head.lemma_ == "be":
        return ("open" if negated(tok.head) else "rejects"), [t for c in tok.children for t in c.subtree][
            :10
        ]  # "87% are against any concessions"
    if cls == "plan_noun" and tok.pos_ == "VERB" and _denied_by_verb(tok):  # "denies it plans to invade"
        return "rejects", [t for c in tok.children if c.dep_ in ("xcomp", "dobj") for t in c.subtree][:10]
    if cls == "plan_noun":  # "had no plans to evacuate the embassy" refuses; "plans to" is no stance
        denied = tok.pos_ == "NOUN" and (_denied(tok) or _denied_by_verb(tok))
        return (
            ("rejects", [t for c in tok.children if c.dep_ in ("acl", "prep") for t in c.subtree][:10])
            if denied
            else None
        )
    if cls in ("open_noun", "open_verb", "wants") and tok.pos_ == "NOUN" and _denied(tok):
        return None  # "has no need to attack": no stance stated
    if cls == "wants" and tok.pos_ == "VERB" and tok.dep_ == "relcl":
        return None  # "the weapons that the Ukrainians need to ...": a description of the weapons
    if cls == "wants" and tok.pos_ == "VERB" and tok.tag_ != "VBN":  # "Kyiv needs more shells"
        wanted = [t for t in complement(tok) if t.i > tok.i]  # what follows: not a parse's stray words
        return ("rejects" if negated(tok) else "open"), wanted
    if cls == "hopes" and tok.pos_ == "VERB":  # "hopes for a ceasefire", "hoping to export grain"
        hoped = [
            t
            for c in tok.children
            if (c.dep_ == "prep" and c.lower_ == "for")
            or (c.dep_ == "xcomp" and _infinitive(c))
            or _hoped_clause(c)
            for t in c.subtree
        ]
        return (("rejects" if negated(tok) else "open"), hoped[:10]) if hoped else None
    if cls in ("open_noun", "rejects_noun", "open_verb", "wants", "intent_noun") and tok.pos_ == "NOUN":
        refused = cls == "rejects_noun" or cls == "intent_noun" and (_denied(tok) or _denied_by_verb(tok))
        words = [
            t
            for c in tok.children
            if c.dep_ in ("acl", "prep", "ccomp", "relcl", "xcomp")
            and c.lower_ not in ("by", "from", "in", "at")
            for t in c.subtree
        ]
        if not words and cls == "intent_noun" and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            words = [  # "Russia's aim was to block ...": the aim is what the copula's complement says
                t for c in tok.head.children if c.dep_ in ("xcomp", "attr", "ccomp") for t in c.subtree
            ]
        if not words and tok.dep_ == "dobj":  # "signaled openness to talks", the phrase hung on the verb
            words = [
                t
                for c in tok.head.children
                if c.dep_ == "prep" and c.lower_ in ("to", "for")
                for t in c.subtree
            ]
        return ("rejects" if refused else "open"), words[:10]
    if lemma in ("negotiate", "talk") and tok.pos_ == "VERB" and negated(tok):
        return "rejects", [tok]
    if cls == "vote" and tok.pos_ == "VERB":  # "voted against the price cap", "voted for the resolution"
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("against", "for"):
                words = [t for t in c.subtree][1:11]
                return ("rejects" if c.lower_ == "against" else "open"), words
        return None
    if cls == "warns" and tok.pos_ == "VERB":
        # "Russia warned Israel against supplying arms": what the warning is against is refused
        against = [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "against" for t in c.subtree]
        return ("rejects", against[1:11]) if against else None
    if cls == "commits" and tok.pos_ == "VERB" and not negated(tok) and subject_of(tok) is not None:
        # "Japan pledged aid", "vowed to keep sending arms": a promise of a course of action states it
        promised = _promised(tok)
        if promised and _modal(tok) in ("must", "should"):  # "NATO must promise not to admit Ukraine": asked
            kids = [c for c in tok.children if c.dep_ in ("xcomp", "dobj")]
            asked = [t for c in kids for t in c.subtree if t.dep_ != "neg"]
            return ("rejects" if _averted(tok) else "advocated"), asked[:10]
        return ("open", promised[:10]) if promised else None
    return _committed(tok)


def _promised(verb: Token) -> list[Token]:
    """What a promise names: its object, or its infinitive with that verb's object ("vowed to send tanks"),
    not the manner ("vowed to respond with full force")."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ == "dobj":
            out.extend(c.subtree)
        elif c.dep_ == "xcomp":
            out.append(c)
            out.extend(_promised(c))
    return sorted(set(out), key=lambda t: t.i)


def _hoped_clause(c: Token) -> bool:
    """ "hoped dialogue would succeed", "hopes the talks will resume": a hoped clause about a course of
    action that goes on or starts (its own subject names the topic)."""
    if c.dep_ != "ccomp" or not any(a.dep_ == "aux" and a.lower_ in ("will", "would") for a in c.children):
        return False
    subj = next((a for a in c.children if a.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.pos_ == "NOUN" and topic_in([subj]) is not None  # "dialogue would"


def _denied_by_verb(tok: Token) -> bool:
    """ "denies any intention to invade", "denied it planned to attack": a plan or an aim denied."""
    return tok.dep_ in ("dobj", "ccomp", "xcomp") and tok.head.i != tok.i and tok.head.lemma_ in DENIALS


def _denied(noun: Token) -> bool:
    """ "no need to attack": the noun is denied."""
    return any(c.lower_ == "no" for c in noun.children)


def _object_like(c: Token) -> bool:
    """What a committed verb is about: its object, its passive subject ("borders should not be changed"),
    its prepositions other than the time or place of it ("during the meeting")."""
    if c.dep_ == "prep":  # "will not participate in the summit", "take part in talks": what is refused
        return c.lower_ not in SETTING_PREPS or c.lower_ == "in" and _in_object(c.head)
    if c.dep_ == "advcl" and _infinitive(c):
        return True  # "should act urgently to stop the pipeline": what the act is for
    # "should become a member of NATO", "must be held accountable"
    return c.dep_ in ("dobj", "xcomp", "prt", "nsubjpass", "attr", "oprd")


def _in_object(verb: Token) -> bool:
    """A verb whose "in" phrase is what it does, not where ("participate in", "take part in")."""
    part = any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)
    return part or verb.lemma_.lower() in IN_OBJECT


def _threat(tok: Token, modal: str) -> Found | None:
    """ "There will be consequences if Russia invades": a threat under a condition commits to a response
    (the component keeps it only with its condition); "any attempt to interfere would lead to
    consequences": the act the threat is against is refused."""
    if modal not in ("will", "would", "wo") or negated(tok):
        return None
    cues = position_cues()
    if tok.lemma_ == "be":
        attr = next((c for c in tok.children if c.dep_ == "attr"), None)
        if attr is None or cues.get(attr.lemma_.lower()) != "threat":
            return None
        if not any(c.dep_ == "expl" for c in tok.children):
            return None
        return "committed", list(attr.subtree)[:10]
    paid = _paid(tok)
    if paid is not None:
        return "threatens", [tok, *paid.subtree][:10]
    if cues.get(tok.lemma_.lower()) != "threat_verb":
        return None
    objs = [g for c in tok.children if c.dep_ in ("dobj", "prep") for g in (c, *c.children)]
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or not any(cues.get(g.lemma_.lower()) == "threat" for g in objs):
        return None
    return "rejects", list(subj.subtree)[:10]


def _paid(verb: Token) -> Token | None:
    """ "Russia will pay a heavy price", "Moscow would face severe consequences": the object of a penalty
    that a party is said to undergo (the speaker's threat against it), or None."""
    if verb.lemma_ not in UNDERGOES:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subj is None or obj is None or subj.lower_ in ("we", "i"):  # "we will pay any price": a resolve
        return None
    if subj.pos_ != "PRON" and subj.ent_type_ not in ("GPE", "ORG", "PERSON"):
        return None  # "ordinary Russians will pay the price": a forecast of hardship, no one's threat
    return obj if position_cues().get(obj.lemma_.lower()) == "threat" else None


def _committed(tok: Token) -> Found | None:
    """ "We will not send troops", "Kyiv cannot accept the loss of territory": a refused course of
    action; a commitment ("will impose sanctions") counts only under a condition or in the holder's own
    voice (see component); "there can be no impunity" refuses what it names."""
    if tok.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
        paid = _paid(tok) if _modal(tok) in ("will", "would", "wo") and not negated(tok) else None
        return ("threatens", [tok, *paid.subtree][:10]) if paid is not None else None  # "warnings that"
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ not in (
        "ROOT",
        "ccomp",
        "conj",
        "xcomp",
        "advcl",
        "parataxis",
    ):
        return None
    modal = _modal(tok)
    if modal is None or only_words(tok.lemma_):
        return None  # "would not comment on the possibility of ...": no course of action
    threat = _threat(tok, modal)
    if threat is not None:
        return threat
    if tok.lemma_ == "be":
        expl = any(c.dep_ == "expl" for c in tok.children)
        attr = next((c for c in tok.children if c.dep_ == "attr"), None)
        # "there will be no war" forecasts; "there can be no impunity", "swore there would be no troops" not
        normative = (
            modal in ("can", "ca", "must", "should") or position_cues().get(tok.head.lemma_) == "commits"
        )
        normative = normative or find_marker(tok.sent, tok, "rejects") is not None  # "no talks unless ..."
        if normative and expl and attr is not None and any(c.lower_ == "no" for c in attr.children):
            return "rejects", list(attr.subtree)[:10]  # "there can be no impunity for war crimes"
        return None
    verbs = [tok] + [  # "would not remain passive and threatened ...": a finite verb has no modal of its own
        c
        for c in tok.children
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.tag_ == "VB" and _modal(c) is None
    ]
    words = [
        t
        for v in verbs
        for t in [
            v,
            *(t for c in v.children if _object_like(c) for t in c.subtree),
        ]
    ]  # "must show restraint and create conditions to resume talks": the modal covers both verbs
    if negated(tok):
        return "rejects", words[:12]
    if modal in ("must", "should"):
        return "advocated", words[:12]  # "the West must send more air defence": the speaker asks for it
    return "committed", words[:12]
