"""The actor and target of an event trigger read off the parse (split from `events/component.py`)."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from ...model import Event
from ...text import doc_text
from ..entities.lexicon import aliases, fold_name
from ..shared.clauses import chunk_of, speaker_at, speaker_name, statement_at, subject_of
from ..shared.lexicon import cue_has, data_rows
from ..shared.parties import party_name
from ..shared.sides import side_of
from ..shared.states import capital_country, country_adjective, state_of
from .binding import NAMED, bound_possessive, spoken_doer
from .lexicon import triggers

ARG_PREPS = {"to", "into", "with", "in", "during"}
ACCUSING = {"accuse", "blame", "charge", "condemn", "criticize", "criticise", "denounce"}
# "thanked the army for liberating X": the object of thanks or praise did it
CREDITING = {"thank", "praise", "congratulate", "commend", "credit", "honour", "honor", "reward"}
# types whose of-phrase names who acts ("the withdrawal of Russian troops"), not a target
INTRANSITIVE = {"retreat", "mobilize", "deploy", "protest", "displace", "fight", "negotiate"}
# types that two parties do together ("talks between Putin and Biden")
SYMMETRIC = {"negotiate"}
# types whose troops move of their own accord when the text puts them in the passive
MOVES = {"mobilize", "deploy", "retreat"}
# prepositions whose gerund the verb's own subject does ("responded by shelling", "left after signing")
GERUND_PREPS = {"by", "for", "after", "before", "without", "while", "through", "upon", "on"}
# types done by force: a seat of government doing them is its state ("the Kremlin launched" -> Russia)
# types only states and blocs do: a people named as their doer is their state ("the Americans sent aid")
STATE_TYPES = {"aid", "sanction"}
FORCE_TYPES = {"attack", "fight", "kill", "seize", "retreat", "mobilize", "deploy", "arrest", "displace"}
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,5}$")
# a dotted acronym inside a name ("U.S. Treasury"): written as news labels it ("US Treasury")
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,4}(?!\w)")


def is_party(tok: Token) -> bool:
    """Whether a token can name who acted: not a common noun of a quantity, kind, document or thing
    ("the number includes ...", "the equipment supports ..."), unless a name stands in its phrase."""
    if tok.pos_ != "NOUN" or not any(cue_has(w, "nonparty") for w in (tok.lemma_.lower(), tok.lower_)):
        return True
    return any(t.ent_type_ in NAMED or t.pos_ == "PROPN" for t in chunk_of(tok))


def is_side(tok: Token) -> bool:
    """Whether a modifier names a side ("Russian", "western", "NATO", "Poland's")."""
    return tok.ent_type_ in ("NORP", "GPE", "ORG") or side_of(tok.text) not in (None, "military")


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def first_person(tok: Token | None) -> str | None:
    """ "we started the operation", said a minister: the speaker's state when the speaker speaks for one
    (the side lexicons), else the speaker; "I ordered ...": the speaker; the status then reads the event
    as the side's own word."""
    if tok is None or tok.lower_ not in ("we", "our", "us", "i", "my", "me"):
        return None
    if tok.text.isupper() and tok.lower_ != "i":
        return None  # "US sanctions": the state, not "us"
    name = speaker_name(statement_at(tok.doc, tok.idx))
    if not name:
        return None
    if tok.lower_ in ("i", "my", "me"):
        return name  # "'I demanded them back,' he said": the speaker in person
    side = side_of(name)
    states = {v.lower(): v for v in capital_country().values()}
    return states.get(side, name) if side and side != "military" else name


def described_speaker(tok: Token | None) -> str | None:
    """A description that is a statement's speaker ("the head of the Commission warned ...") names the
    person the statements component resolved it to."""
    if tok is None or tok.pos_ != "NOUN" or any(t.ent_type_ in ("PERSON", "ORG") for t in chunk_of(tok)):
        return None  # a name names itself; "the Belarusian leader" is a description
    if any(cue_has(tok.lemma_, c) or cue_has(tok.lower_, c) for c in ("force", "military", "government")):
        return None  # "Poland's army has reported ...", "the Russian regime": named by their state
    name = speaker_at(tok.doc, tok.idx)
    return name if name and any(w[:1].isupper() for w in name.split()) else None


def display_actor(
    tok: Token | None, name: str | None, etype: str, trigger: Token | None = None
) -> str | None:
    """The actor as news writes it: an acronym the text uses stays one ("US", not "United States") unless
    the text introduces it with its full name, and
    a seat of government acting by force is its state ("the Kremlin launched an offensive" -> Russia);
    a state's adjective on an act of state (a war, a demand, a sanction, a captivity) is the state."""
    if not name:
        return name
    on_trigger = tok is not None and trigger is not None and tok.head.i == trigger.i
    if on_trigger and tok is not None and trigger is not None and tok.dep_ in ("amod", "compound"):
        state = state_of(tok.text)
        if state and (etype in _STATE_ACTS or cue_has(trigger.lemma_, "background")):
            return state  # "the imminent Russian invasion", "Russian security demands", "Russian captivity"
    if tok is not None and tok.pos_ == "ADJ" and name == tok.text and name.islower():
        name = name.capitalize()  # "western sanctions" -> Western
    people = tok is not None and tok.ent_type_ == "NORP" and tok.tag_ in ("NNS", "NNPS")
    nation = state_of(tok.text) if tok is not None and people and etype in STATE_TYPES else None
    if nation is not None:
        return _state_names().get(nation, nation)  # "the Germans supported Ukraine": the state's act
    demonym = _demonym_state(tok, name)
    if demonym is not None:
        return demonym
    if tok is not None and _ACRONYM.match(tok.text):
        short = tok.text.replace(".", "")
        defined = re.search(re.escape(name) + r"\s*\(" + re.escape(tok.text) + r"\)", doc_text(tok.doc))
        if short != name and _initials(name) == short and defined is None:
            return short  # unless the text introduces it: "the Rapid Support Forces (RSF)"
    if etype in FORCE_TYPES:
        return _seats().get(name.lower(), name)
    return name


def _demonym_state(tok: Token | None, name: str) -> str | None:
    """A plural demonym noun stays as written ("Ukrainians attack", not its entity's "Ukrainian"); a
    demonym modifier whose entity took another form ("an alleged Russian cyber-attack" -> "Russians")
    keeps the modifier's adjective, which `state_actors` then renders as its state."""
    if tok is None:
        return None
    adjectives = _adjectives()
    if tok.ent_type_ == "NORP" and tok.tag_ in ("NNS", "NNPS") and tok.lower_[:-1] in adjectives:
        return tok.text if tok.text.lower() != name.lower() else None
    single = not any(ch in name for ch in " -")  # "Russian-Belarusian exercises" stay joint
    if tok.dep_ in ("amod", "compound") and tok.lower_ in adjectives and name.lower() != tok.lower_:
        return tok.text[:1].upper() + tok.text[1:] if single else None
    return None


def state_actors(events: list[Event]) -> list[Event]:
    """An actor that is a bare demonym names its state's armed forces on an act of force ("Russian
    shelling", "wounded by Russian bombardments" -> Russian forces, as the real-news dev gold writes
    them) and its state on any other act (Russia), and a state takes the name news writes for it (US);
    run after repeats are merged, which compare actors as the text writes them."""
    adjectives = _adjectives()
    for ev in events:
        words = (ev.actor or "").split()
        if len(words) == 2 and words[0].lower() in adjectives and words[1].lower() == "side":
            ev.actor = state_of(words[0]) or ev.actor  # "the Russian side denies ...": the state
        pair = (ev.actor or "").split("-")
        if len(pair) == 2 and all(p.lower() in adjectives for p in pair):
            ev.actor = " and ".join(state_of(p) or p for p in pair)  # "Russian-Belarusian exercises"
        if ev.actor and ev.actor.lower() in adjectives:
            if ev.type in FORCE_TYPES:  # "Russian shelling": the state's armed forces, as the gold names them
                ev.actor = f"{ev.actor[:1].upper()}{ev.actor[1:]} forces"
            else:
                ev.actor = state_of(ev.actor) or ev.actor
        if ev.actor:
            name = _country_name(ev.actor)
            ev.actor = _state_names().get(name, name)  # "United States" -> US, however reached
            ev.actor = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), ev.actor)  # "U.S. Treasury" -> US
    return events


@lru_cache(maxsize=1)
def _adjectives() -> frozenset[str]:
    """Every country adjective, lower case ("russian")."""
    return frozenset(a.lower() for a in country_adjective().values())


def _country_name(actor: str) -> str:
    """A state's lexicon name for a short form of it, for the states `events_state_names.tsv` names ("UK",
    "Britain" -> United Kingdom, "U.S." -> United States: statements show a party as the article writes
    it, events name a state as the gold does); any other actor unchanged ("EU" stays)."""
    canon = aliases().get(fold_name(actor))
    return canon if canon is not None and canon in _state_names() else actor


@lru_cache(maxsize=1)
def _state_names() -> dict[str, str]:
    """State -> the name news writes for it (`events_state_names.tsv`: United States -> US)."""
    return {r[0]: r[1] for r in data_rows("events_state_names.tsv") if len(r) > 1}


# acts only a state does as such: with a demonym ("Russian demands") the state is the actor, while on a
# battlefield act ("Russian shelling") the demonym stays, as annotators write "Russian forces"
_STATE_ACTS = {"request", "sanction", "threaten", "accuse", "negotiate", "agree", "reject", "arrest"}


@lru_cache(maxsize=1)
def _seats() -> dict[str, str]:
    """Seat of government (lower case) -> its state as written in `events_seats.tsv`."""
    return {r[0].lower(): r[1] for r in data_rows("events_seats.tsv") if len(r) > 1}


def actor_of(tok: Token, verb: Token, etype: str) -> tuple[Token | None, Token | None]:
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
        rel = tok
        while rel.dep_ == "conj" and rel.head.i != rel.i and rel.head.pos_ in ("VERB", "AUX"):
            rel = rel.head  # "Trump, who has opposed aid and criticised X": the conjunct shares the relative
        if subj is not None and subj.lower_ in ("that", "which", "who") and rel.dep_ == "relcl":
            subj = rel.head
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
            if ctrl is not None and any(cue_has(ctrl.lemma_, c) for c in ("instrument", "materiel")):
                ctrl = None  # "used Iranian drones to strike Odesa": the user strikes, not the drones
            if ctrl is not None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                subj = ctrl  # object control: "forced Russian troops to retreat"
        ctl = tok  # "accused Russia of planning to invade": the accused plans and would invade
        while subj is None and ctl.dep_ == "xcomp" and ctl.head.i != ctl.i and ctl.head.pos_ == "VERB":
            ctl = ctl.head
        if subj is None and ctl.dep_ == "pcomp" and ctl.head.lower_ in ("of", "for"):
            gov = ctl.head.head  # "accused X of sending", with "of" on the verb or on its object X
            if gov.dep_ == "dobj" and gov.head.lemma_ in ACCUSING | CREDITING:
                subj = gov
            elif gov.lemma_ in ACCUSING or gov.lemma_ in CREDITING:
                subj = next((c for c in gov.children if c.dep_ == "dobj"), None)
        stopped = ctl.dep_ == "pcomp" and ctl.head.lower_ == "from" and ctl.head.head.pos_ == "VERB"
        if subj is None and stopped:
            # "dissuade Putin from invading", "stop Moscow from annexing": the object would have done it
            subj = next((c for c in ctl.head.head.children if c.dep_ == "dobj"), None)
        agent_gerund = ctl.dep_ == "pcomp" and ctl.head.dep_ == "agent"
        if subj is None and agent_gerund:
            # "were killed by Russian shelling": the shelling's side, not the passive's subject
            subj = _side_modifier(ctl)
        elif subj is None and ctl.dep_ == "pcomp" and ctl.tag_ == "VBG" and ctl.head.lower_ in GERUND_PREPS:
            subj = _gerund_doer(ctl.head)  # "responded by shelling X", "was fired for criticizing the war"
        if subj is None and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            # a gerund the tagger took for a verb ("Russian shelling hit the school", "Israel's bombing")
            subj = _side_modifier(tok)
        own = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        if subj is None and infinitive and tok.tag_ == "VB" and not own:
            subj = _purpose_doer(tok)  # "made trips to urge students", "their efforts to arrest"
        if subj is None and tok.dep_ in ("advcl", "acl") and not infinitive and tok.tag_ == "VBG":
            # "..., calling on the West to act": a participle adjunct acts for its head's subject
            subj = subject_of(tok.head) if tok.head.pos_ in ("VERB", "AUX") else None
            gov = tok.head
            marked = any(c.dep_ == "mark" for c in tok.children)  # "while refusing", not "..., fighting"
            while marked and subj is not None and _happening(subj) and gov.dep_ in ("ccomp", "xcomp"):
                gov = gov.head  # "he hoped dialogue would succeed, while refusing ...": he refuses
                subj = subject_of(gov)
        passive = any(c.dep_ in ("nsubjpass", "agent") for c in tok.children)
        target = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if not passive and subj is not None and any(c.dep_ == "auxpass" for c in tok.children):
            passive, target = True, subj  # "if Ukraine were to be invaded": the subject is acted on
        if passive:
            by = [g for c in tok.children if c.dep_ == "agent" for g in c.children]
            subj = next((g for g in by if g.dep_ in ("pobj", "pcomp")), None)
            if subj is not None and _happening(subj):
                side = _side_modifier(subj)  # "wounded by Russian bombardments": the happening's side did it
                subj = side if side is not None else subj
            if subj is None and etype in MOVES and target is not None and cue_has(target.lemma_, "force"):
                return target, None  # "troops have been concentrated at the border": the troops move
        if subj is not None and subj.pos_ in ("VERB", "AUX"):
            subj = None  # "what Putin will not do is invade X": the parse's verb is nobody
        return subj, target
    target = None
    of_obj = None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "against", "of"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if c.lower_ == "of" and obj is not None:
                of_obj = obj
            target = obj if c.lower_ != "of" or target is None else target
    if (
        etype == "aid"
        and of_obj is not None
        and any(cue_has(of_obj.lemma_, c) for c in ("instrument", "materiel"))
    ):
        side = next(
            (c for c in of_obj.children if c.dep_ in ("amod", "compound", "poss") and is_side(c)), None
        )
        if side is not None:
            return side, target  # "the supply of western weapons": the side whose weapons they are
    if etype == "displace" and of_obj is not None:
        return None, of_obj  # "the deportation of children", "the evacuation of civilians": the displaced
    if etype in MOVES and of_obj is not None and _ordered(tok, of_obj):
        return subject_of(tok.head), of_obj  # "ordered a mobilisation of 300,000 reservists": who ordered
    if of_obj is not None and (etype in INTRANSITIVE or (target is not None and target is not of_obj)):
        # "the withdrawal of Russian troops", "attacks of nationalists on civilians": who acts
        return of_obj, (target if target is not of_obj else None)
    source = _from_party(tok, etype)
    if source is not None:
        return source, target  # "the growing support for Ukraine from NATO", "sanctions from the EU"
    announcer = _announcer(tok)
    if announcer is not None:
        return announcer, target  # "Putin's announcement of a partial mobilization"
    pair = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    if pair is not None and etype in SYMMETRIC:
        first = next((g for g in pair.children if g.dep_ == "pobj"), None)
        named = first is not None and any(
            t.pos_ == "PROPN" or t.ent_type_ in NAMED for t in [first, *first.conjuncts]
        )
        gov = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok  # "rounds of talks"
        hosted = gov.dep_ == "dobj" and cue_has(gov.head.lemma_, "host") and subject_of(gov.head) is not None
        if first is not None and named and not hosted:
            return first, target  # "talks between Putin and Biden": both act (see `pair_name`)
        # "Belarus hosted talks between Russia and Ukraine": the host, the verb's subject, below
        # "Belarus held negotiations between the two sides": the host, the verb's subject, below
    if etype == "kill":
        # "Russian losses", "civilian victims": the modifier names who died, not who killed
        side = next((c for c in tok.children if c.dep_ in ("amod", "compound", "poss")), None)
        return None, side if target is None else target
    for c in tok.children:
        if c.dep_ == "poss":
            bound = bound_possessive(c)
            if bound is not None:
                return bound, target  # "unless Kyiv and its allies meet its demands": not Kyiv's
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
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound")]
    for c in mods:  # a typed name first: "Additional EU sanctions" is the EU's, not "Additional"'s
        if c.ent_type_ in ("NORP", "GPE", "ORG"):
            return c, target
    for c in mods:
        if c.pos_ == "PROPN" and not (c.is_sent_start and c.tag_ in ("JJ", "NNP") and not c.ent_type_):
            return c, target
        if c.dep_ == "amod" and c.pos_ == "ADJ" and side_of(c.text) not in (None, "military"):
            return c, target  # "western sanctions": the side the tagger left untyped
    side = _weapon_side(tok)
    if side is not None:
        return side, target  # "Ukrainian missile strikes": the side on the weapon's compound
    role = tok
    while role.dep_ == "conj" and role.head.i != role.i and role.head.pos_ in ("NOUN", "PROPN"):
        role = role.head  # "launched missile and artillery attacks": the conjunct shares the object's role
    if verb is not tok and role.dep_ in ("dobj", "attr", "oprd") and verb.pos_ in ("VERB", "AUX"):
        if _onlooker(verb) and verb.lemma_.lower() not in _DECLARING:
            return None, target  # "the regime criticizes the supply of weapons": not the supplier
        return _doer(verb), target  # "launched an offensive", "the generals who carried out the attacks"
    if (
        tok.dep_ == "pobj"
        and (tok.head.lower_ == "of" or (tok.head.lower_ == "in" and etype in _IN_AMOUNTS))
        and tok.head.head.dep_ == "dobj"
        and verb.pos_ == "VERB"
        and (not _onlooker(verb) or verb.lemma_.lower() in _DECLARING)
    ):
        return subject_of(verb), target  # "adopted a package of sanctions", "announced $2bn in aid"
    return spoken_doer(tok, etype), target  # "the consuls wrote in an open appeal"


# verbs by which a party makes its own act known: the object event is the subject's ("Washington
# announced new sanctions", "unveiled $2bn in military aid"), unlike a report of others' deeds
_DECLARING = {"announce", "unveil"}
# types counted in money or kind after "in" ("$2.8bn in military aid", "$5m in sanctions relief")
_IN_AMOUNTS = {"aid"}


# types whose from-phrase is where it happens or whom it takes from ("withdrawal from Kherson")
_FROM_PLACE = {"retreat", "displace", "deploy", "mobilize", "seize", "concede", "arrest"}


def _side_modifier(tok: Token) -> Token | None:
    """The side named in a noun's adjective or possessor ("Russian shelling", "Israel's bombing"), or in
    that of the weapon compound before it ("Ukrainian missile strikes", "Russian drone attacks")."""
    side = next((c for c in tok.children if c.dep_ in ("amod", "poss") and is_side(c)), None)
    return side if side is not None else _weapon_side(tok)


def _weapon_side(tok: Token) -> Token | None:
    """The side named on a common-noun compound of the event noun: "Ukrainian missile strikes" (the parse
    hangs the adjective on "missile"), "Russia's drone attacks"."""
    for c in tok.children:
        if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < tok.i:
            side = next((g for g in c.children if g.dep_ in ("amod", "poss") and is_side(g)), None)
            if side is not None:
                return side
    return None


def _ordered(tok: Token, of_obj: Token) -> bool:
    """A troop move of a bare count of forces, no side named, as a verb's object ("ordered a partial
    mobilisation of 300,000 reservists"): the verb's subject moved them."""
    if tok.dep_ != "dobj" or tok.head.pos_ != "VERB" or subject_of(tok.head) is None:
        return False
    counted = any(c.dep_ == "nummod" for c in of_obj.children)
    return counted and cue_has(of_obj.lemma_, "force") and _side_modifier(of_obj) is None


def _happening(tok: Token) -> bool:
    """Whether a noun (or a gerund the tagger took for a verb) names a happening, which cannot act."""
    return tok.pos_ in ("NOUN", "VERB") and tok.lemma_.lower() in triggers()


def _doer(verb: Token) -> Token | None:
    """The verb's subject, a relative pronoun standing for its antecedent ("the generals who carried out
    the attacks" -> the generals)."""
    subj = subject_of(verb)
    if subj is not None and subj.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
        # not a copula: "targeted homes, which was an attack on Ukraine" names no attacker
        head = verb.head  # nor a happening, a forecast or a thing ("warnings that increased ...")
        agent = not _happening(head) and not cue_has(head.lemma_, "prospect") and is_party(head)
        return head if verb.lemma_ != "be" and agent else None
    return subj


def _purpose_doer(tok: Token) -> Token | None:
    """Who would do an infinitive of purpose or plan: the subject of the verb it serves ("troops were sent
    to hold the line", "made trips to occupied areas to urge ..."), the possessor of the noun it
    completes ("their efforts to arrest"), or the subject of the verb whose object that noun is ("Russia
    announced plans to withdraw", "the court issued an order to arrest")."""
    head = tok.head
    if head.i == tok.i:
        return None
    if tok.dep_ == "advcl" and head.pos_ in ("VERB", "AUX"):
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        if obj is not None and (obj.ent_type_ in ("PERSON", "NORP") or cue_has(obj.lemma_, "force")):
            return obj  # "sent two battalions to hold the line", "brought Lenin to the table to sign"
        if head.tag_ != "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
            return None  # "trips to occupied Ukraine to urge": a participle the parse took for a verb
        return next((c for c in head.children if c.dep_ == "nsubjpass"), None) or subject_of(head)
    if tok.dep_ != "acl" or head.pos_ != "NOUN":
        return None
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    if head.dep_ == "dobj" and head.head.pos_ == "VERB":
        return subject_of(head.head)
    return None


def _gerund_doer(prep: Token) -> Token | None:
    """Who does a gerund after "by", "for", "after" ... on a verb: the object of "punished X for"; else
    the verb's subject, passive included ("was fired for criticizing": the one fired), a relative
    pronoun standing for its antecedent."""
    gov = prep.head
    if gov.pos_ not in ("VERB", "AUX") or prep.i == gov.i:
        return None
    obj = next((c for c in gov.children if c.dep_ == "dobj"), None)
    if prep.lower_ == "for" and obj is not None:
        return obj
    subj = next((c for c in gov.children if c.dep_ == "nsubjpass"), None) or subject_of(gov)
    if subj is not None and subj.lower_ in ("who", "which", "that") and gov.dep_ == "relcl":
        return gov.head
    return subj


def _from_party(tok: Token, etype: str) -> Token | None:
    """The party in a nominal event's from-phrase ("support from NATO", "an attack from Belarus")."""
    if etype in _FROM_PLACE:
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and (obj.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") or is_side(obj)):
                return obj
    return None


def _announcer(tok: Token) -> Token | None:
    """The possessor of an announcement, order or plan whose of-object the event is ("Putin's
    announcement of a mobilization", "the president's order of a withdrawal")."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return None
    noun = tok.head.head
    if noun.pos_ != "NOUN" or not (cue_has(noun.lemma_, "announce") or cue_has(noun.lemma_, "intent")):
        return None
    return next((c for c in noun.children if c.dep_ == "poss"), None)


def _onlooker(verb: Token) -> bool:
    """A verb whose subject watches, judges or suffers an event rather than doing it."""
    low = verb.lemma_.lower()
    return low in ACCUSING or cue_has(low, "nonagent") or cue_has(low, "speech") or cue_has(low, "deny")


def pair_name(first: Token) -> str | None:
    """ "between Putin and Biden" -> "Putin and Biden": the parties of a symmetric event."""
    names = [n for n in (party_name(t) for t in [first, *first.conjuncts]) if n]
    return " and ".join(dict.fromkeys(names)) or None
