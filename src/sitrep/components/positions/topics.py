"""What a position is about: a topic from `positions_topics.tsv` among the predicate's complement words
(which makes it a position on war and peace at all) and the phrase that names it ("talks with the West",
"Ukraine's membership in NATO", "sending troops to Ukraine")."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..shared.lexicon import cue_has, data_rows
from .lexicon import position_topics

LEAD_STRIP = {
    "to",
    "for",
    "on",
    "of",
    "about",
    "against",
    "in",
    "that",
    "any",
    "a",
    "an",
    "the",
    "all",
    "further",
    "more",
}
TRAIL_STRIP = {",", ".", ";", ":", "and", "or", "but", "-", '"', "'", "\u201d", "\u2019", "(", ")", "\u2018"}
TRAIL_STRIP |= {
    "of",
    "the",
    "a",
    "an",
    "to",
    "in",
    "on",
    "with",
    "for",
    "as",
    "at",
    "by",
    "which",
    "that",
    "its",
    "such",
}
STOP_DEPS = {"relcl", "advcl", "acl", "ccomp", "parataxis", "appos", "mark"}
MAX_WORDS = 9
OTHER_VERB = {"up", "down"}  # particles that make another verb of a topic verb
ACTED_ON = {"dobj", "prep", "prt", "xcomp", "ccomp", "attr", "oprd", "dative", "advmod"}  # a verb's matter
ACTION_NOUN_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ure", "al", "ing")  # nouns that name acts
NAMED = {"ORG", "FAC", "PERSON"}  # names whose inner words name no topic
CONCESSIVE = {"despite", "because", "although", "though", "regardless"}  # reasons are no part of it


def topic_in(toks: list[Token]) -> tuple[str, Token] | None:
    """The first topic (from the topics lexicon) named by `toks`, with its head token."""
    lemmas = [t.lemma_.lower() for t in toks]
    by_first = _topics_by_first()
    for i in range(len(toks)):
        if toks[i].pos_ == "VERB" and _other_verb(toks[i]) and tuple(lemmas[i : i + 2]) not in _phrasal():
            continue  # "talk up a conflict", "ended up in Minsk": another verb ("give up" is a topic)
        if toks[i].ent_iob_ == "I" and toks[i].ent_type_ in NAMED:
            continue  # "the International Atomic Energy Agency" is a name, not a position on energy
        for seq, topic in by_first.get(lemmas[i], ()):  # only sequences that start with this lemma
            if tuple(lemmas[i : i + len(seq)]) == seq:
                return topic, toks[i + len(seq) - 1]
    return None


def free_topic(pred: Token, comp: list[Token]) -> tuple[str, Token] | None:
    """A course of action a strong cue names though no topic of the lexicon is in it ("urged Moscow to
    reopen the port", "refused to hand over the plant"): the complement's head verb or noun, when the cue
    is one that only ever takes a course of action (`free` in positions_free.tsv) and the head is no
    speech or thought ("declined to comment")."""
    if pred.lemma_.lower() not in _free_cues() or not comp:
        return None
    inside = {t.i for t in comp}
    tops = [t for t in comp if t.head.i not in inside and t.pos_ in ("VERB", "NOUN")]
    if not tops:
        return None
    head = tops[0]
    if head.lemma_.lower() in _free_cues().get("~not", set()) or cue_has(head.lemma_, "speech"):
        return None
    if head.pos_ == "VERB" and not any(c.dep_ in ACTED_ON for c in head.children):
        return None  # "refused to do so", "urged them to act": no course of action named
    if any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in head.children):
        return None  # "urged Islamabad to halt them": what is asked is named elsewhere
    if head.pos_ == "NOUN" and not head.lower_.endswith(ACTION_NOUN_ENDINGS):
        return None  # "rejected the argument", "called on people": no act
    return f"free {head.lemma_.lower()}", head


def only_words(lemma: str) -> bool:
    """Whether a verb only says or thinks ("would not comment on", "can't imagine"): no course of action
    under a modal (`say` rows of positions_free.tsv, and the status cues' speech verbs)."""
    return lemma.lower() in _free_cues().get("~say", set()) or cue_has(lemma, "speech")


def not_an_act(tok: Token) -> bool:
    """Whether a word names words or a view, not a course of action ("statement", "claim", "argument")."""
    return tok.lemma_.lower() in _free_cues().get("~not", set()) and tok.pos_ == "NOUN"


@lru_cache(maxsize=1)
def _free_cues() -> dict[str, set[str]]:
    """Cue lemma -> "free", and "~not" -> the heads that are no course of action (`positions_free.tsv`)."""
    out: dict[str, set[str]] = {}
    for r in data_rows("positions_free.tsv"):
        if len(r) > 1:
            key = {"not": "~not", "say": "~say"}.get(r[1], r[0].lower())
            out.setdefault(key, set()).add(r[0].lower())
    return out


def _own_verb(head: Token, inside: set[int]) -> Token | None:
    """The verb a topic head is the object of, when that verb is one of several coordinated requests."""
    cur = head
    for _ in range(6):
        cur = cur.head
        if cur.i not in inside:
            return None
        if cur.pos_ == "VERB":
            return cur if cur.dep_ in ("conj", "dep") else None
    return None


def _in_clause(tok: Token, head: Token) -> bool:
    """Whether `tok` belongs to a clause (relative, adverbial, ...) that starts after the topic head."""
    cur = tok
    for _ in range(12):
        if cur.left_edge.i <= head.i <= cur.right_edge.i or cur.head.i == cur.i:
            return False  # up to a phrase that holds the head: no clause of its own
        if _clause(cur, head) and cur.i > head.i and not (cur.dep_ == "acl" and cur.tag_ == "VB"):
            return True
        cur = cur.head
    return False


def _clause(tok: Token, head: Token) -> bool:
    """Whether `tok` heads a clause of its own, not the clause a topic verb takes as its object ("help the
    authorities return men": what the help is)."""
    own = tok.dep_ == "ccomp" and tok.head.i == head.i and head.pos_ == "VERB"
    return tok.dep_ in STOP_DEPS and not own


def _other_verb(verb: Token) -> bool:
    return any(c.dep_ == "prt" and c.lower_ in OTHER_VERB for c in verb.children)


@lru_cache(maxsize=1)
def _phrasal() -> frozenset[tuple[str, ...]]:
    """The lexicon's verb + particle topics ("give up"), which a particle does not make another verb."""
    return frozenset(seq for seq, _t in position_topics() if len(seq) == 2 and seq[1] in OTHER_VERB)


@lru_cache(maxsize=1)
def _topics_by_first() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """`position_topics()` grouped by first lemma, longest first within each group."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for seq, topic in position_topics():
        if seq:
            out.setdefault(seq[0], []).append((seq, topic))
    return out


def topic_phrase(comp: list[Token], head: Token) -> str:
    """The phrase that names the topic: the complement words, without embedded clauses, trimmed."""
    inside = {t.i for t in comp}
    cut: set[int] = set()
    for t in comp:
        if t.dep_ == "acl" and t.head.i == head.i and t.tag_ == "VB":
            continue  # "pressure to send missiles", "efforts to end the war": what the noun is about
        if (_clause(t, head) or t.lower_ in CONCESSIVE) and t.i > head.i:
            cut.update(s.i for s in t.subtree)  # "sanctions, which would hurt ...": no clause
        elif t.i > head.i and _in_clause(t, head):
            cut.add(t.i)  # "a truce, which both sides rejected" cut after ten words: the clause's head is out
    words = [t for t in comp if t.i not in cut and not (t.dep_ == "prt" and t.head.i not in inside)]
    run: list[Token] = []
    doc = head.doc
    for t in words:  # one contiguous run around the topic head
        if run and t.i != run[-1].i + 1 and not _quotes_between(doc, run[-1].i, t.i):
            if run[-1].i >= head.i:
                break
            run = []
        run.append(t)
    verb = _own_verb(head, {t.i for t in run})
    if verb is not None and run and verb.left_edge.i > run[0].i:
        run = [t for t in run if t.i >= verb.left_edge.i]  # "to comply with X, to release prisoners"
    while run and (run[0].lower_ in LEAD_STRIP or run[0].is_punct):
        run.pop(0)
    while run and (run[-1].lower_ in TRAIL_STRIP or run[-1].is_space):
        run.pop()
    if len(run) > MAX_WORDS:
        keep = max(0, min(head.i - run[0].i - 2, len(run) - MAX_WORDS))
        run = run[keep : keep + MAX_WORDS]
        while run and run[0].lower_ in LEAD_STRIP and run[0].i < head.i:
            run.pop(0)  # "Moscow to ensure a withdrawal" cut to "to ensure ...": "ensuring ..."
    if not run:
        return head.text
    if len(run) == 1 and run[0].pos_ == "VERB":
        return _nominals().get(run[0].lemma_.lower(), run[0].text)  # "ready to talk" -> talks
    text = _without_quotes(doc, run[0].i, run[-1].i + 1, {t.i for t in run})
    first = run[0]
    lemma = first.lemma_.lower()
    if first.tag_ == "VB" and first.lower_ == lemma and first.is_alpha and _nominals().get(lemma) != lemma:
        return gerund(first.lower_) + text[len(first.text) :]  # "send troops" -> "sending troops"
    return text


def _quotes_between(doc: Doc, a: int, b: int) -> bool:
    """Whether only quotation marks lie between tokens `a` and `b` ('would "use all means" to defend'):
    the phrase goes on across them."""
    return b > a + 1 and all(doc[k].is_quote for k in range(a + 1, b))


def _without_quotes(doc: Doc, start: int, end: int, kept: set[int]) -> str:
    """The text of tokens start..end, without the quotation marks the run stepped over."""
    parts: list[str] = []
    for k in range(start, end):
        t = doc[k]
        if k in kept or not t.is_quote:
            parts.append(t.text_with_ws)
        elif t.whitespace_ and parts and not parts[-1].endswith(" "):
            parts.append(" ")  # 'means" to': the space after the mark stays
    return "".join(parts).strip()


def with_nominal(topic: str, head: Token) -> str:
    """The topic with the noun of its verb when the phrase names the act by the verb ("attempt to
    interfere" -> "attempt to interfere (interference)"), not a gerund ("negotiating with"): the course of
    action as the record and its readers name it."""
    noun = _nominals().get(head.lemma_.lower()) if head.pos_ == "VERB" and head.tag_ == "VB" else None
    if not noun or noun.lower() in topic.lower() or noun.lower() == head.lemma_.lower():
        return topic
    if topic.lower().startswith(gerund(head.lemma_.lower())):
        return topic  # "negotiating with the rebels": the act is named already
    return f"{topic} ({noun})"


_CVC = re.compile(r"^[^aeiou]*[aeiou][bdgklmnprtvz]$")


def gerund(verb: str) -> str:
    """The -ing form of a base verb ("send" -> "sending", "make" -> "making", "stop" -> "stopping"): a
    course of action named as the gold and news name it ("refused to send troops": sending troops)."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        return verb[:-1] + "ing"
    if _CVC.match(verb):
        return verb + verb[-1] + "ing"
    return verb + "ing"


@lru_cache(maxsize=1)
def _nominals() -> dict[str, str]:
    """Verb lemma -> the noun that names its course of action (`positions_nominals.tsv`)."""
    return {r[0].lower(): r[1] for r in data_rows("positions_nominals.tsv") if len(r) > 1}


CONFLICT_NOUNS = {"war", "conflict", "fighting", "invasion", "aggression", "hostility"}
IT_DEPS = ("dobj", "nsubj", "nsubjpass")  # "end it", "it must end", "it must be stopped"
ENDING_VERBS = {"end", "stop", "halt", "finish"}
LOOK_BACK_TOKENS = 120  # how far back "it" may take up the war it ends


def war_for_it(topic: str, comp: list[Token]) -> str:
    """ "seeking ways to end it", "we want it all to end": an "it" that ends or stops is the war or
    conflict the text named last before it (within a few sentences); other topics are returned as they are."""
    it = next(
        (t for t in comp if t.lower_ == "it" and t.dep_ in IT_DEPS and t.head.lemma_.lower() in ENDING_VERBS),
        None,
    )
    if it is None or not re.search(r"\bit\b", topic, re.IGNORECASE):
        return topic
    doc = it.doc
    for i in range(it.i - 1, max(-1, it.i - LOOK_BACK_TOKENS), -1):
        if doc[i].lemma_.lower() in CONFLICT_NOUNS and doc[i].pos_ == "NOUN":
            return re.sub(r"\bit\b", f"the {doc[i].text.lower()}", topic, count=1, flags=re.IGNORECASE)
    return topic
