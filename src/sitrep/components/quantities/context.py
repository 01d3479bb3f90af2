"""What a count counts (subject, unit), what happened to it (outcome) and how it is hedged."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ...numbers import QUOTES, Amount
from ..shared.clauses import children_with, conjuncts
from .lexicon import hedge_lexicon, lemma, outcome_lexicon
from .subject import Counted

REPORTING = {
    "say",
    "tell",
    "add",
    "report",
    "state",
    "announce",
    "claim",
    "estimate",
    "note",
    "write",
    "warn",
    "insist",
    "confirm",
    "deny",
    "according",
    "believe",
    "think",
    "suggest",
    "show",
    "indicate",
}
CLIMB_DEPS = {
    "nsubj",
    "nsubjpass",
    "dobj",
    "pobj",
    "attr",
    "appos",
    "npadvmod",
    "conj",
    "prep",
    "nummod",
    "quantmod",
    "compound",
    "amod",
    "nmod",
    "agent",
    "dative",
    "oprd",
    "acomp",
    "advmod",
    "pcomp",
}
VAGUE_HEADS = {"dozens", "scores", "hundreds", "thousands", "millions", "several"}
TALLY_NOUNS = {"number", "toll", "tally", "count", "total", "figure"}
CLIMB_PREPS = {"of", "including", "among", "to", "at", "as", "by"}
STRONG_NOUN_OUTCOMES = {"killed", "wounded", "missing", "fled"}  # "refugees": fled, as the gold reads it
_SUBJECT = frozenset({"nsubj"})
_MODIFIERS = frozenset({"amod", "acl", "compound", "relcl"})
_NUMMOD = frozenset({"nummod"})
_COMPLEMENTS = frozenset({"oprd", "xcomp", "acomp"})
# the children of a verb that can say what happened to its count (the others are never read)
# a figure's outcome words come from its own coordination ("killed, wounded or missing"): the conjuncts
# nearest it on each side, not a run of hundreds a list or a garbled text coordinates
NEAR_CONJUNCTS = 8
_OUTCOME_CHILDREN = frozenset({"prep", "acomp", "oprd", "xcomp", "attr", "nsubj", "nsubjpass", "dobj"})


def _climb(tok: Token) -> list[Token]:
    """The token and its governors up to the clause's reporting verb or root."""
    chain = [tok]
    seen = {tok.i}
    x = tok
    for _ in range(8):
        if x.dep_ == "ROOT" or x.head.i in seen:
            break
        if x.dep_ not in CLIMB_DEPS and x.dep_ not in ("xcomp", "acl", "relcl", "advcl", "ccomp"):
            break
        if x.dep_ in ("ccomp", "advcl", "relcl") and x.pos_ in ("VERB", "AUX"):
            break
        if x.dep_ == "conj" and x.pos_ in ("VERB", "AUX"):
            break  # "... were killed and 240 were taken": the second verb has its own count
        if x.dep_ == "pobj" and x.head.lower_ not in CLIMB_PREPS:
            break  # "in raids across 21 provinces": a place, not the counted
        x = x.head
        if x.pos_ == "VERB" and x.lemma_.lower() in REPORTING and x.lemma_.lower() not in hedge_lexicon():
            break
        chain.append(x)
        seen.add(x.i)
    return chain


def _lex_hits(tok: Token) -> tuple[list[str], bool] | None:
    lex = outcome_lexicon()
    lem = lemma(tok)
    for c in tok.children:
        if c.dep_ in ("prt", "dobj", "oprd") and f"{lem}_{c.lower_}" in lex:
            return lex[f"{lem}_{c.lower_}"]  # "shot down", "taken prisoner"
    if tok.i + 1 < len(tok.doc) and f"{lem}_{tok.doc[tok.i + 1].lower_}" in lex:
        return lex[f"{lem}_{tok.doc[tok.i + 1].lower_}"]
    if lem in lex:
        return lex[lem]
    if tok.lower_ in lex:
        return lex[tok.lower_]
    return None


def _own_number(doc: Doc, a: Amount, x: Token) -> Callable[[Token], bool]:
    """For a conjunct `cc` after verb `x`: True when it has its own count ('killed 3 and wounded 6'), a
    number between the two or in its subject or object, so its outcome is not ours. The words after `x`
    are read once for all its conjuncts (a coordination of thousands would otherwise cost their square)."""
    scanned, first = x.i, -1  # words x.i .. scanned-1 read; `first` the first number among them, else -1

    def numeric(t: Token) -> bool:
        return (t.like_num or t.lower_ in VAGUE_HEADS) and not (a.start <= t.i < a.end)

    def own(cc: Token) -> bool:
        nonlocal scanned, first
        while first < 0 and scanned < cc.i:
            if numeric(doc[scanned]):
                first = scanned
            scanned += 1
        return 0 <= first < cc.i or any(
            numeric(t)
            for c in cc.children
            if c.dep_ in ("dobj", "nsubjpass", "npadvmod", "nsubj")
            for t in c.subtree
        )

    return own


def _lexical_verb(doc: Doc, a: Amount, counted: Counted) -> Token | None:
    """An outcome verb beside the phrase when the parse misses it: 'amassed 20,000 troops'."""
    sent = doc[a.start].sent
    j = a.start - 1
    while (
        j >= sent.start
        and a.start - j <= 3
        and (doc[j].pos_ in ("ADV", "AUX", "PART") or doc[j].text in QUOTES)
    ):
        j -= 1
    if j >= sent.start and doc[j].pos_ == "VERB" and _lex_hits(doc[j]):
        return doc[j]
    k = counted.span.end if counted.span is not None else a.end
    while (
        k < sent.end
        and k - a.end <= 6
        and (
            doc[k].pos_ in ("ADV", "AUX", "PART")
            or doc[k].text in QUOTES
            or (doc[k].tag_ == "VBN" and doc[k].lemma_.lower() in REPORTING)
        )
    ):
        k += 1
    if (
        k < sent.end
        and doc[k].pos_ in ("VERB", "ADJ")
        and _lex_hits(doc[k])
        and doc[k].tag_ in ("VBN", "VBD", "JJ")
    ):
        return doc[k]
    return None


def find_outcome(doc: Doc, a: Amount, counted: Counted) -> tuple[list[str], Token | None, Token | None]:
    """Outcomes of the counted ('killed', 'wounded'), the verb's own-side subject and the claim's verb."""
    anchor = counted.head if counted.head is not None else doc[a.end - 1]
    outcomes: list[str] = []
    side: Token | None = None
    verb: Token | None = None

    def add(found: tuple[list[str], bool] | None) -> bool:
        if not found:
            return False
        for o in found[0]:
            if o not in outcomes:
                outcomes.append(o)
        return True

    # a participle right after a bare number: "five people were killed and 18 injured", "more than a
    # dozen wounded" (its own outcome, not the coordinated count's)
    nxt = doc[a.end] if a.end < len(doc) else None
    if counted.head is None and nxt is not None and nxt.tag_ in ("VBN", "JJ") and add(_lex_hits(nxt)):
        return outcomes, side, nxt
    # the counted noun's own modifiers: "wounded soldiers", "12 people killed"
    if counted.head is not None:
        for c in children_with(counted.head, _MODIFIERS):
            if c.i != a.end - 1 and not (a.start <= c.i < a.end):
                if add(_lex_hits(c)):
                    for cc in conjuncts(c, near=NEAR_CONJUNCTS):
                        add(_lex_hits(cc))
        if outcomes:
            return outcomes, side, None
    lexical = _lexical_verb(doc, a, counted)
    for x in _climb(anchor)[1:] if counted.head is not None else _climb(anchor):
        if a.start <= x.i < a.end and x is not anchor:
            continue
        if (
            x.pos_ == "NOUN"
            and x is not anchor
            and any(not (a.start <= c.i < a.end) for c in children_with(x, _NUMMOD))
        ):
            continue  # another count's noun ("26 bodies and more than 55 wounded") says nothing of this one
        if x.pos_ == "VERB" and x.lemma_.lower() in REPORTING and x.lemma_.lower() not in outcome_lexicon():
            # "were reported killed", "are believed dead": the reporting verb's complement says what happened
            for c in children_with(x, _COMPLEMENTS):
                if add(_lex_hits(c)):
                    verb = c
            break
        found = _lex_hits(x) if not (a.start <= x.i < a.end) else None
        if found and x.pos_ in ("VERB", "NOUN", "ADJ", "AUX"):
            add(found)
            verb = x
            own = _own_number(doc, a, x)
            for cc in conjuncts(x, near=NEAR_CONJUNCTS):
                if cc.i > x.i and not own(cc):
                    if not add(_lex_hits(cc)):
                        # "missing and presumed dead"
                        for g in cc.children:
                            if g.dep_ in ("oprd", "acomp", "xcomp"):
                                add(_lex_hits(g))
            if found[1]:
                for c in children_with(x, _SUBJECT):
                    side = c
            break
        if x.pos_ in ("VERB", "AUX"):
            for c in children_with(x, _OUTCOME_CHILDREN):
                if c.dep_ == "prep" and c.lower_ == "among":
                    # "among the dead", "among 11 people hurt"
                    pobjs = [g for g in c.children if g.dep_ == "pobj"]
                    if any(add(_lex_hits(g)) for g in pobjs) or any(
                        add(_lex_hits(m)) for g in pobjs for m in g.children if m.dep_ in ("acl", "amod")
                    ):
                        break
                if c.dep_ in ("acomp", "oprd", "xcomp", "attr") and c.i not in range(a.start, a.end):
                    if add(_lex_hits(c)):
                        break
                if (
                    c.dep_ in ("nsubj", "nsubjpass", "dobj")
                    and c.i != anchor.i
                    and c.i not in range(a.start, a.end)
                ):
                    if c.dep_ != "dobj" and add(_lex_hits(c)):
                        break
                    # "the death toll rose to 73", "put the number of wounded at 3,400"
                    for cc in c.children:
                        if cc.dep_ == "compound" and add(_lex_hits(cc)):
                            break
                        if cc.dep_ == "prep" and cc.lower_ == "of" and c.lemma_.lower() in TALLY_NOUNS:
                            if any(
                                add(_lex_hits(g)) for g in cc.children if g.dep_ == "pobj" and g.i != anchor.i
                            ):
                                break
            if outcomes:
                break
    if (
        not outcomes
        and lexical is not None
        and lexical.i != (counted.head.i if counted.head is not None else -1)
    ):
        verb = lexical
        found = _lex_hits(lexical)
        add(found)
        own = _own_number(doc, a, lexical)
        for cc in conjuncts(lexical, near=NEAR_CONJUNCTS):
            if cc.i > lexical.i and not own(cc):
                add(_lex_hits(cc))
        if found and found[1] and lexical.i < a.start:
            subj = [c for c in lexical.children if c.dep_ == "nsubj"]
            j = lexical.i - 1
            while not subj and j >= lexical.sent.start and lexical.i - j <= 3:
                if doc[j].pos_ == "PROPN" or doc[j].ent_type_ in ("GPE", "NORP"):
                    subj = [doc[j]]
                j -= 1
            side = subj[0] if subj else None
    if not outcomes and counted.head is not None and verb is None:
        # "claimed 2,500 lives": a verb and object that together mean an outcome
        gov = counted.head.head if counted.head.dep_ in ("dobj", "nsubjpass") else None
        if gov is not None:
            add(outcome_lexicon().get(f"{gov.lemma_.lower()}+{lemma(counted.head)}"))
    if not outcomes and counted.head is not None:
        # "forced two million people from their homes", "people forced from their homes": the verb's
        # preposition and its object
        holders = [counted.head]
        if counted.tally and counted.head.dep_ == "pobj":
            holders.append(counted.head.head.head)  # "the number of people forced from their homes"
        verbs = [c for h in holders for c in h.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
        if counted.head.dep_ in ("dobj", "nsubjpass"):
            verbs.append(counted.head.head)
        for c in (g for v in verbs for g in v.children):
            if c.dep_ == "prep":
                for g in c.children:
                    if g.dep_ == "pobj":
                        add(outcome_lexicon().get(f"{c.lower_}+{lemma(g)}"))
    if not outcomes and counted.head is not None:
        found = _lex_hits(counted.head)  # "deaths", "casualties": the noun itself says what happened
        if found and set(found[0]) <= STRONG_NOUN_OUTCOMES:
            add(found)
    return outcomes, side, verb


def find_hedges(doc: Doc, a: Amount, counted: Counted, verb: Token | None = None) -> list[str]:
    """Hedge words of the clause that makes the claim ('probably', 'may have', 'believed to')."""
    hedges = list(a.hedges)
    lex = hedge_lexicon()
    anchor = counted.head if counted.head is not None else doc[a.end - 1]
    chain = _climb(verb if verb is not None else anchor)
    seen: set[int] = set()
    for x in chain:
        if x.pos_ in ("VERB", "AUX") and lemma(x) in lex and lex[lemma(x)] == "verb" and x.i not in seen:
            if x.lemma_.lower() != "report" or x.tag_ == "VBN":
                hedges.append(x.text.lower() + (" to" if any(c.dep_ == "xcomp" for c in x.children) else ""))
                seen.add(x.i)
        for c in x.children:
            if c.i in seen or a.start <= c.i < a.end:
                continue
            kind = lex.get(c.lower_)
            if kind == "adverb" and c.dep_ in ("advmod", "npadvmod", "parataxis") and c.lower_ != "roughly":
                hedges.append(c.lower_)
                seen.add(c.i)
            elif kind == "modal" and c.dep_ == "aux":
                nxt = doc[c.i + 1] if c.i + 1 < len(doc) else None
                hedges.append(c.lower_ + (" have" if nxt is not None and nxt.lower_ == "have" else ""))
                seen.add(c.i)
    top = chain[-1]
    if top.dep_ in ("ccomp", "csubj") and top.head.pos_ in ("AUX", "VERB"):
        # "it is possible that 40 soldiers died"
        for c in top.head.children:
            if c.dep_ in ("acomp", "attr") and lex.get(c.lower_) in ("adjective", "adverb"):
                hedges.append(c.lower_)
    out: list[str] = []
    for h in hedges:
        if h not in out:
            out.append(h)
    return out
