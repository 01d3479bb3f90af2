"""Which trigger mentions are new events: not a historical mention, not the topic of a position, not
a repeated or background mention of a happening already on record (split from `events/component.py`)."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Token

from ...model import Event
from ..shared.lexicon import cue_has, position_cues
from ..shared.states import is_country, state_of
from .args import clause_tokens
from .triggers import match_trigger

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
COMMUNICATIVE = {"request", "threaten", "accuse", "reject", "agree"}
DEMAND_VERBS = {"push", "press", "appeal", "ask", "hope", "wait", "lobby", "plead"}
POSITION_TYPES = {"negotiate", "ceasefire", "agree"}
_BOUNDS = {"since", "than"}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _anchors(date_tok: Token) -> bool:
    """Whether a date word dates its clause ("in 2014") rather than bounding a comparison ("since 2019")."""
    cur = date_tok
    for _ in range(4):
        if cur.dep_ == "pobj":
            return cur.head.lower_ in ("in", "on", "during", "at", "by", "of")
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return True


def published_on(doc: Doc) -> dt.date | None:
    """The document's publication date (api.parse_published made it a date), if it has one."""
    published: dt.date | None = (doc._.sitrep_meta or {}).get("published")
    return published


def historical(tok: Token, verb: Token) -> bool:
    """Whether the mention is anchored in the past: a named historical event or an earlier year."""
    doc = tok.doc
    published = published_on(doc)
    # a verb's own clause, not clauses hung on it or on its acting subject ("Moscow, which seized it in
    # 2014, shelled ...", "troops massed ..., sparking the worst crisis since the Cold War"); what was
    # acted on is still dated by its own clauses ("the armistice that ended the war in 1953 was signed")
    own = set(tok.subtree)
    if tok.pos_ in ("VERB", "AUX"):
        own = set(clause_tokens(tok))
        own.update(t for c in tok.children if c.dep_ in ("nsubjpass", "dobj") for t in c.subtree)
    scope = own | ({*clause_tokens(verb)} if verb is not tok else set())
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # "Soviet officials sought land and requested a base": the shared subject
        scope.update(t for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)
    # "the largest deployment since the collapse of the USSR in 1991", "more than in World War II": a
    # bound of comparison dates nothing
    bound = {
        t
        for p in scope
        if p.dep_ == "prep" and p.lower_ in _BOUNDS and not p.is_ancestor(tok)
        for t in p.subtree
    }
    for t in scope - bound:
        if t.ent_type_ == "EVENT" and not _recurring(t):
            return True
        if _bygone(t):
            return True
        if published is not None and t.ent_type_ == "DATE" and _anchors(t):
            m = _YEAR.search(t.text)
            if m and int(m.group(1)) < published.year:
                return True
    return False


def _bygone(tok: Token) -> bool:
    """A party or place of a past era ("Soviet officials", "the Red Army", "Nazi Germany", "the battle
    for Stalingrad"; cue class `bygone`): its acts are history. Not as the first part of a hyphenated
    modifier ("Soviet-era tanks", "Soviet-made rifles") or after "former", "ex-", "post-" ("the former
    Soviet republic"), which describe today's things."""
    if not cue_has(tok.lower_, "bygone"):
        return False
    doc = tok.doc
    if tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_:
        return False
    before = [t.lower_ for t in doc[max(0, tok.i - 2) : tok.i]]
    return not ({"former", "ex", "post"} & set(before))


def _recurring(tok: Token) -> bool:
    """A named event that comes back every year ("since the New Year", "before Easter", "Victory Day"):
    it dates the present, not history. Words in cue class `recurring`."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is not None and any(cue_has(t.lower_, "recurring") for t in ent)


def family(etype: str) -> frozenset[str]:
    return frozenset(next((f for f in FAMILIES if etype in f), {etype}))


def skip_as_topic(tok: Token, verb: Token, etype: str) -> bool:
    """Whether a mention is the topic of a demand, offer or refusal rather than an event."""
    if tok.pos_ != "VERB" and etype in COMMUNICATIVE and etype != "request" and tok.dep_ == "pobj":
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


def setting_antecedent(tok: Token, events: list[Event]) -> Event | None:
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


SETTING_PREPS = {"after", "before", "since", "following", "during", "amid", "amidst", "into", "throughout"}
SETTING_MARKS = {"since", "after", "before", "as", "when", "while", "once"}


def in_setting(tok: Token) -> bool:
    """Whether `tok` sits in a phrase that dates or frames its clause ("since the invasion began")."""
    cur = tok
    for _ in range(8):
        if cur.dep_ == "pobj" and cur.head.lower_ in SETTING_PREPS:
            return True
        if cur.dep_ in ("advcl", "pcomp") and any(
            c.dep_ == "mark" and c.lower_ in SETTING_MARKS for c in cur.children
        ):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def occurring(tok: Token) -> bool:
    """ "launched its invasion", "the offensive began": the clause makes the happening itself news."""
    role = tok
    while role.dep_ == "conj" and role.head.i != role.i:
        role = role.head
    if role.dep_ in ("dobj", "nsubjpass", "nsubj"):
        head = role.head
        return any(cue_has(head.lemma_, c) for c in ("implicative", "occur", "outbreak"))
    return False


def standing(tok: Token) -> bool:
    """A noun with a modifier of continuation ("the current sanctions", "continuous support")."""
    return any(c.dep_ == "amod" and cue_has(c.lower_, "standing") for c in tok.children)


def _particular(tok: Token) -> bool:
    """A noun with a modifier that singles out one happening: an adjective, a possessor or an article
    ("Russian aggression", "possible aggression", "an invasion", "its invasion")."""
    return any(c.dep_ in ("amod", "poss", "det", "compound", "nmod") for c in tok.children)


def evaded(tok: Token) -> bool:
    """ "helping Moscow skirt sanctions", "imported despite sanctions": measures in force that someone gets
    round (cue class `evade`, verbs and prepositions), not measures the story reports being taken. Only
    measures: "despite relentless attacks" is news of the attacks."""
    found = match_trigger(tok)
    if found is None or found[0] != "sanction":
        return False
    role = tok
    while role.dep_ == "conj" and role.head.i != role.i:
        role = role.head
    if role.dep_ in ("dobj", "pobj", "nsubjpass"):
        return cue_has(role.head.lemma_.lower(), "evade")
    return False


def war_setting(tok: Token) -> bool:
    """ "after Russia's attack on Ukraine", "since invading Ukraine", "prior to the assault on Ukraine": an
    attack on a whole country in a phrase that dates the clause is the war the story is set in."""
    found = match_trigger(tok)
    if found is None or found[0] != "attack" or not _setting(tok):
        return False
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    objs += [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("on", "against", "of")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(o.ent_type_ == "GPE" and is_country(o.text) for o in objs)


def _setting(tok: Token) -> bool:
    """`in_setting`, and a verb right under a setting preposition ("since invading Ukraine")."""
    return in_setting(tok) or (tok.dep_ == "pcomp" and tok.head.lower_ in SETTING_PREPS)


def background(tok: Token, status: str, time: str | None) -> bool:
    """A passing mention of the war a story is set in ("since Russia's invasion of Ukraine", "free from
    Russian aggression"): news only where the clause launches, begins or dates it, or where its very
    occurrence is denied, disputed or speculated. A nominal mention with a modifier of continuation ("the
    current sanctions", "continued US support for Kyiv", cue class `standing`) is such a state of affairs
    whatever its noun."""
    if tok.pos_ != "VERB" and status in ("reported", "alleged", "announced"):
        if standing(tok) or evaded(tok):
            return True
    if status in ("reported", "alleged", "announced") and war_setting(tok):
        return True
    if tok.pos_ == "VERB" or not cue_has(tok.lemma_, "background"):
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN" and status != "denied":
        # "the crime of aggression", "its war of aggression": a name for the war, not news; "in the case
        # of (a) Russian aggression", "the effects of possible aggression": one foreseen, a happening
        return not (status == "speculated" and _particular(tok))
    if status not in ("reported", "alleged", "announced"):
        return False
    if in_setting(tok):
        return True
    return not (occurring(tok) or time is not None)


# the types whose actor a bare offensive mention takes: the forces that massed, deployed or seized ground
# are the ones an "attack" or "invasion" in the same story is expected from
_OFFENSIVE = frozenset({"attack", "mobilize", "deploy", "seize"})
_LENDERS = {"attack": _OFFENSIVE, "seize": _OFFENSIVE}
# types that many parties do in one story (sanctioning states): a bare mention names none of them
_MANY_HANDS = {"sanction"}


def bridged_actor(etype: str, target: str | None, events: list[Event]) -> str | None:
    """The actor of the latest earlier event of the same type with a compatible target: a bare "an
    invasion of Ukraine" or "the attacks" after "Russia's invasion of Ukraine" (bridging coreference)."""
    if etype in _MANY_HANDS:
        return None  # "sanctions" after "Western sanctions" elsewhere: many states sanction, each its own
    lenders = _LENDERS.get(etype, frozenset({etype}))
    for ev in reversed(events):
        if ev.type not in lenders or not ev.actor:
            continue
        if target and ev.target and not _share_word(target, ev.target):
            continue
        return _side_state(ev.actor) if ev.type != etype else ev.actor
    return None


def _side_state(actor: str) -> str:
    """ "Russian troops" massed, so the invasion expected is Russia's: the state whose forces they are
    (the real-news golds name an unnamed invasion or attack by the state, not by its massed troops)."""
    words = actor.split()
    if len(words) == 2 and cue_has(words[1].lower(), "force"):
        return state_of(words[0]) or actor
    return actor


def _share_word(a: str, b: str) -> bool:
    words = {w for w in a.lower().split() if len(w) > 3}
    return bool(words & {w for w in b.lower().split() if len(w) > 3})
