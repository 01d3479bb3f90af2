"""Stated positions: who is open to what (or rejects it), on which conditions."""

from __future__ import annotations

import warnings
from bisect import bisect_left

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...extensions import ensure_extensions
from ...model import Position
from ..shared.clauses import speaker_name, statement_at, subject_of
from ..shared.lexicon import StringFilter, cue_has, position_cues
from ..shared.parties import party_name
from ..shared.sides import same_party
from .affiliations import affiliated, english_spelling
from .conditions import condition_extent, find_marker, split_conditions
from .forecasts import DEONTIC, forecast, hedged, modal_of, question
from .holders import holder_of, is_party, is_self, no_party, reported_self, shares_word, speaker_holder
from .predicates import COMMITTING, UNWILLING, going_to, stance_of
from .referents import antecedent_of_object, asked_to_say
from .roles import named_holder
from .topics import free_topic, topic_in, topic_phrase, war_for_it, with_nominal

RELATIVES = {"which", "that", "it", "this"}  # what an elided refusal's object may be
ELIDED = {"rejects", "open_verb"}  # cue classes that may leave their object to the context
TOPIC_GLUE = {"the", "and", "for", "any", "all", "its", "their", "with", "from", "into", "this", "that"}
ANNOUNCED = {"aid", "weapons deliveries", "sanctions"}  # what an announcement commits to ("announced aid")
START_VERBS = {"begin", "start", "resume", "happen", "proceed", "restart", "take"}


def _modal(pred: Token) -> bool:
    return modal_of(pred) is not None or any(
        c.dep_ == "aux" and c.lower_ in ("ca", "can") for c in pred.children
    )


def _own_voice(pred: Token) -> bool:
    """ "We will support Ukraine": a commitment in the first person is the speaker's stated position."""
    subj = subject_of(pred)
    if subj is not None and subj.lower_ in ("he", "she", "they"):  # "Trump said he would end the war"
        return reported_self(pred) is not None
    return subj is not None and is_self(subj)


def _own_side(pred: Token) -> bool:
    """ "The US will provide further support, Biden said": an ongoing commitment voiced by the subject's own
    side (a stance); "Germany will send tanks, Scholz said" announces a single act (an event), and is none."""
    subj = subject_of(pred)
    if subj is None or subj.pos_ == "PRON" or not is_party(subj) or not _ongoing(pred):
        return False
    speaker = speaker_name(statement_at(pred.doc, pred.idx))
    return same_party(party_name(subj), speaker)


def _ongoing(pred: Token) -> bool:
    """ "will continue to support", "will keep sending", "will provide further support": carried on."""
    objs = [c for c in pred.children if c.dep_ in ("dobj", "xcomp")]
    near = [pred, *pred.children, *(g for c in objs for g in c.children)]
    return any(position_cues().get(t.lemma_.lower()) == "ongoing" for t in near)


def _nobody(pred: Token) -> bool:
    """ "No one in Kyiv favours a deal", "nobody wants war": a subject that denies every party."""
    verb = pred.head if pred.dep_ in ("acomp", "attr") else pred  # "no one is interested in talks"
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)  # its own, not a conjunct's
    if subj is None:
        return False
    return (
        subj.lower_ in ("nobody", "none")
        or subj.lower_ == "one"
        and any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)
    )


def _party_subject(pred: Token, stance: str) -> bool:
    """A commitment or refusal under a modal needs a party as subject ("it would be a disaster" has none);
    no position has a date or the generic "you" as its subject ("February 24 must end in a tribunal",
    "you can't help Ukraine by halves")."""
    subj = subject_of(pred)
    if subj is not None and (subj.ent_type_ in ("DATE", "TIME") or subj.lower_ == "you" and _modal(pred)):
        return False
    if stance not in ("committed", "rejects") or position_cues().get(pred.lemma_.lower()):
        return True
    if subj is None:
        # "there can be no impunity", an imperative refusal; "there will be consequences if ..."
        return stance == "rejects" or any(c.dep_ == "expl" for c in pred.children)
    return is_self(subj) or is_party(subj) or any(c.dep_ == "nsubjpass" for c in pred.children)


def _position(sent: Span, pred: Token, stance: str, comp: list[Token], n: int) -> tuple[Position, str] | None:
    """The position stated at `pred`, with its topic class from the lexicon ("weapons deliveries")."""
    comp = sorted(set(comp), key=lambda t: t.i)
    comp = antecedent_of_object(pred, comp) or comp  # "87% are against concessions, 9% are ready for them"
    hit = (
        topic_in(comp)
        or (topic_in([pred]) if _names_topic(pred) and comp else None)
        or free_topic(pred, comp)
        or _penalty(pred, stance)
    )
    if hit is None or pred.lemma_ == "announce" and hit[0] not in ANNOUNCED:
        return None  # "support Kyiv with artillery": the predicate itself may name the topic
    if asked_to_say(comp):
        return None  # "urged editors to note that Crimea was annexed": words asked for, no act
    hit = _asked_of(hit, comp)
    topic_head = hit[1]
    if topic_head is pred:
        comp = sorted({pred, *comp}, key=lambda t: t.i)
    if position_cues().get(pred.lower_) == "open_adj" and hit[0] == "war":
        return None  # "a large-scale invasion is possible": a forecast, not a stated position
    doc = sent.doc
    conditions: list[Span] = []
    negs: list[bool] = []
    marker = find_marker(sent, pred, stance)
    if marker is not None:
        first, end, neg = marker
        c0, c1 = condition_extent(sent, pred, first, end)
        if c1 > c0:
            conditions = split_conditions(doc[c0:c1])
            negs = [neg] * len(conditions)
        if first > topic_head.i:  # "keep supplying weapons as long as ...": the topic ends at the marker
            comp = [t for t in comp if t.i < first]
    if stance == "threatens" and not conditions:  # "would pay a heavy price for an invasion": its cause
        cause = next((c for c in pred.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        if cause is not None and cause.i + 1 <= cause.right_edge.i:
            conditions, negs = [doc[cause.i + 1 : cause.right_edge.i + 1]], [False]
    if stance == "committed" and cue_has(pred.lemma_, "nonagent"):
        return None  # "she would suffer the consequences": undergone, not chosen
    own_side = hit[0] != "war" and _own_side(pred)  # "will keep attacking ships": acts of war are events
    if stance == "committed" and not (conditions or _own_voice(pred) or own_side):
        return None  # "will impose sanctions" is a plan; "will impose sanctions if X" states a position
    if not _party_subject(pred, stance) or _nobody(pred):
        return None  # "it would be a disaster", "no one should expect a capitulation": no party's stance
    if (not conditions and hedged(pred)) or stance in ("committed", "rejects") and forecast(pred):
        return None  # "Putin will not stop at the Polish border, Sunak warned": said of another
    speaker_held = (
        stance in ("advocated", "threatens")  # "Russia will pay a heavy price, Biden warned": Biden's threat
        or (bool(conditions) and pred.lemma_ in START_VERBS)
        or (stance in ("rejects", "open") and modal_of(pred) in DEONTIC)  # "the US should not deploy": who
    )  # says so; "the international community should support the inquiry": asked by who says so
    if stance == "threatens" and not conditions:
        return None  # a threat holds only with what would bring it on ("if it invades")
    stance = "conditional" if conditions else "open" if stance in ("advocated", "committed") else stance
    holder = speaker_holder(pred) if speaker_held else holder_of(pred)
    if holder is None:
        return None
    holder = english_spelling(affiliated(doc, named_holder(doc, holder, pred.i)))  # "Narendra Modi (India)"
    if no_party(holder):
        return None  # "his", "reports": a pronoun or a text left unresolved names nobody
    st = statement_at(doc, pred.idx)
    start = min([pred.idx, topic_head.idx, *(c.start_char for c in conditions)])
    end_char = max(
        [pred.idx + len(pred), topic_head.idx + len(topic_head), *(c.end_char for c in conditions)]
    )
    named = with_nominal(_undergone(pred) or topic_phrase(comp, topic_head), topic_head)
    pos = Position(
        id=f"p{n}",
        holder=holder,
        topic=war_for_it(_asked_party(pred, speaker_held, named), comp),
        stance=stance,
        conditions=[c.text for c in conditions],
        condition_spans=[(c.start_char, c.end_char) for c in conditions],
        condition_negated=negs,
        statement=st.id if st is not None else None,
        span=(start, end_char),
    )
    return pos, hit[0]


def _penalty(pred: Token, stance: str) -> tuple[str, Token] | None:
    """ "would pay a heavy price": a threat's penalty is its topic."""
    obj = next((c for c in pred.children if c.dep_ == "dobj"), None)
    return ("sanctions", obj) if stance == "threatens" and obj is not None else None


def _asked_of(hit: tuple[str, Token], comp: list[Token]) -> tuple[str, Token]:
    """ "want NATO to deploy more troops": the party asked to act names no topic when what it is asked
    to do does ("deploy ... troops")."""
    head = hit[1]
    verb = head.head
    if head.dep_ not in ("nsubj", "dobj") or verb.pos_ != "VERB" or verb.i <= head.i:
        return hit
    inside = {t.i for t in comp}
    after = [
        t for t in verb.subtree if t.i > head.i and t.i in inside and t.i not in {s.i for s in head.subtree}
    ]
    return topic_in(after) or hit


def _asked_party(pred: Token, speaker_held: bool, topic: str) -> str:
    """ "Ukraine should become a member of NATO", Duda said: the party asked to act leads the topic
    ("Ukraine becoming a member of NATO"), the speaker holds the position."""
    subj = subject_of(pred)
    if not speaker_held or subj is None or subj.pos_ != "PROPN" or not is_party(subj):
        return topic
    name = subj.doc[subj.left_edge.i : subj.i + 1].text
    return topic if name.lower() in topic.lower() else f"{name} {topic}"


def _names_topic(pred: Token) -> bool:
    """Whether the predicate itself may name the topic: a verb ("support Kyiv"), or a noun someone
    conveys or pledges ("reiterated its support for Ukraine"), not one that is talked about ("Western
    support for Kiev would not change the course of the war")."""
    return pred.pos_ == "VERB" or (pred.pos_ == "NOUN" and pred.dep_ == "dobj")


def _conditional_start(tok: Token) -> tuple[str, list[Token]] | None:
    """ "talks can begin only if ...": a topic that starts under a condition is a conditional offer."""
    if tok.pos_ != "VERB" or tok.lemma_ not in START_VERBS:
        return None
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or find_marker(tok.sent, tok) is None:
        return None
    return "conditional", [t for t in subj.subtree]


def _candidates(doc: Doc) -> list[int]:
    """Indices of the tokens that may be a position predicate (a cue word, "unwilling", "negotiate",
    a start verb, a verb under a committing modal); `stance_of` is None on every other token."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    arr = doc.to_array([LOWER, LEMMA])
    mask = _LOWER_CUE.mask(strings, arr[:, 0]) | _LEMMA_CUE.mask(strings, arr[:, 1])
    found = set(np.flatnonzero(mask).tolist())
    modal = np.flatnonzero(_MODAL.mask(strings, arr[:, 0])).tolist()
    found.update(doc[i].head.i for i in modal if doc[i].dep_ == "aux")
    going = np.flatnonzero(_GOING.mask(strings, arr[:, 0])).tolist()
    found.update(c.i for i in going for c in doc[i].children if going_to(c))  # "are not going to give up"
    return sorted(found)


_LOWER_CUE = StringFilter(lambda w: w in position_cues() or w in UNWILLING)
_LEMMA_CUE = StringFilter(
    lambda w: w.lower() in position_cues() or w.lower() in ("negotiate", "talk") or w in START_VERBS
)
_MODAL = StringFilter(lambda w: w in COMMITTING)
_GOING = StringFilter(lambda w: w == "going")


def find_positions(doc: Doc) -> list[Position]:
    """Stated positions: who is open to what, on which conditions."""
    out: list[Position] = []
    seen: set[tuple[str, str, str, int]] = set()
    held: set[tuple[str, str, str]] = set()  # (holder, stance, topic class) already stated in the document
    cands = _candidates(doc)
    for sent in doc.sents:
        if question(sent):
            continue  # "Will Kyiv give up its NATO ambitions?": asked, not stated
        lo, hi = bisect_left(cands, sent.start), bisect_left(cands, sent.end)
        outer: list[tuple[set[int], Position]] = []  # earlier positions' complements in this sentence
        for tok in (doc[i] for i in cands[lo:hi]):
            if any(s <= tok.idx < e for p in out for s, e in p.condition_spans):
                continue  # "... if both parties agreed to release captives": part of a condition
            if _reason(tok):
                continue  # "not invited because Poland wants to invade": a reason given, not a stance stated
            if _hypothetical(tok):
                continue  # "troops on readiness in case Russia threatens an attack": no stance taken
            if _asked_whether(tok):
                continue  # "Asked whether Kyiv would accept a ceasefire, ...": a question, not a stance
            found = _conditional_start(tok) or stance_of(tok)
            if found is None:
                continue
            stance, whole = found
            for comp in _coordinated(whole):  # "demands to bar X from the EU and to give it guarantees": two
                try:
                    found_pos = _position(sent, tok, stance, comp, len(out) + 1)
                except Exception as exc:  # one bad item never costs the document
                    warnings.warn(
                        f"sitrep positions: skipped {tok.text!r} at {tok.idx}: {exc!r}", stacklevel=2
                    )
                    continue
                if found_pos is None and outer:
                    found_pos = _elided(tok, stance, comp, outer[-1][1], len(out) + 1)
                if found_pos is None:
                    continue
                pos, topic_class = found_pos
                host = next((p for c, p in outer if _nested(tok, c)), None)
                if host is not None:  # "urged both sides to agree to a ceasefire": the request's content
                    if _same_topic(host.topic, pos.topic):
                        continue
                    pos = pos.model_copy(update={"holder": host.holder})  # "Russia's demands to A and B"
                outer.append(({t.i for t in comp}, pos))
                key = (pos.holder.lower(), pos.topic.lower(), pos.stance, sent.start)
                again = (
                    pos.holder.split(" (")[0].lower(),
                    pos.stance,
                    topic_class,
                )  # "China (Beijing)": China
                if (
                    key in seen
                    or again in held
                    and _restated(pos, out)
                    or _same_span(pos, out)
                    or _echo(pos, out)
                ):
                    continue  # "reject nuclear weapons" after "warned against nuclear weapons": one
                seen.add(key)
                held.add(again)
                out.append(pos)
    return out


def _hypothetical(tok: Token) -> bool:
    """Whether `tok` is inside a condition ("in case Russia threatens ...", "if Kyiv accepts ...")."""
    cur = tok
    for _ in range(8):
        if cur.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in cur.children
        ):
            return True
        if cur.dep_ in ("acl", "relcl", "ccomp") and cur.head.lower_ in ("case", "event"):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _asked_whether(tok: Token) -> bool:
    """An indirect question: "whether Kyiv would accept a ceasefire", "asked if Moscow would talk"."""
    verb = tok.head if tok.dep_ in ("acomp", "attr", "xcomp") else tok
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
    return "whether" in marks or "if" in marks and verb.head.lemma_ in ("ask", "wonder")


def _coordinated(comp: list[Token]) -> list[list[Token]]:
    """The complement split at coordinated verbs ("to bar Georgia from the EU and to give it guarantees"):
    each verb asks for its own course of action; one part when there is no such coordination."""
    inside = {t.i for t in comp}
    tops = [t for t in comp if t.pos_ == "VERB" and t.head.i not in inside]
    heads = [
        c for v in tops for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB" and _infinitive_like(c)
    ]
    if not heads or not all(_has_object(v) for v in [*tops, *heads]):
        return [comp]  # "to arm and support the fighters": one object, one course of action
    cut = {s.i for h in heads for s in h.subtree}
    return [[t for t in comp if t.i not in cut], *(list(h.subtree)[:10] for h in heads)]


def _infinitive_like(verb: Token) -> bool:
    """A base-form verb ("and to give", "and give"), not a finite clause of its own ("and said")."""
    return verb.tag_ == "VB"


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "prep", "xcomp", "dative") for c in verb.children)


def _elided(
    pred: Token, stance: str, comp: list[Token], before: Position, n: int
) -> tuple[Position, str] | None:
    """ "X demanded A, but Y has refused", "called for A, which Y rejected": a refusal or acceptance with
    no object of its own (or only a relative pronoun) is about what the sentence's earlier position asks."""
    if stance not in ("rejects", "open") or pred.pos_ != "VERB" or pred.tag_ == "VBG":
        return None
    if pred.dep_ in ("acl", "amod") or pred.tag_ == "VBN" and not any(c.dep_ == "aux" for c in pred.children):
        return None  # "the terms proposed by Kyiv": a participle describes, it states nothing
    if any(t.lower_ not in RELATIVES for t in comp) or position_cues().get(pred.lemma_.lower()) not in ELIDED:
        return None
    holder = holder_of(pred)
    if holder is None or holder == before.holder:
        return None
    holder = english_spelling(holder)
    st = statement_at(pred.doc, pred.idx)
    pos = before.model_copy(
        update={
            "id": f"p{n}",
            "holder": holder,
            "stance": stance,
            "conditions": [],
            "condition_spans": [],
            "condition_negated": [],
            "statement": st.id if st is not None else None,
            "span": (pred.idx, pred.idx + len(pred)),
        }
    )
    return pos, f"elided {before.topic}"


def _restated(pos: Position, out: list[Position]) -> bool:
    """Whether the holder already stated this stance on a topic that shares a content word with this one
    ("reject the use of nuclear weapons" after "warned against nuclear weapons"); "sending tanks" after
    "sending jets" is another position of the same class."""
    name = pos.holder.split(" (")[0].lower()
    return any(
        p.holder.split(" (")[0].lower() == name and p.stance == pos.stance and _same_topic(p.topic, pos.topic)
        for p in out
    )


def _echo(pos: Position, out: list[Position]) -> bool:
    """The same stance on the same topic by a holder named alike ("event organizers", then "the French
    organizers": one position restated)."""
    return any(
        p.stance == pos.stance and shares_word(p.holder, pos.holder) and _mostly_same(p.topic, pos.topic)
        for p in out
    )


def _mostly_same(a: str, b: str) -> bool:
    """Whether two topics share at least half the content words of the shorter ("Russian President
    Vladimir Putin invited", "President Putin invited"; not "Russia to withdraw" and "Russia's invasion")."""
    wa, wb = _content_words(a), _content_words(b)
    return min(len(wa), len(wb)) > 1 and 2 * len(wa & wb) >= min(len(wa), len(wb))


def _reason(tok: Token) -> bool:
    """Whether `tok` is in a clause that gives a reason ("because Poland wants to invade")."""
    cur = tok
    for _ in range(8):
        if any(c.dep_ == "mark" and c.lower_ == "because" for c in cur.children):
            return True
        if cur.head.i == cur.i or cur.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "acomp", "aux", "dobj"):
            return False
        cur = cur.head
    return False


def _same_span(pos: Position, out: list[Position]) -> bool:
    return any(p.holder == pos.holder and p.span == pos.span for p in out)


def _undergone(pred: Token) -> str | None:
    """ "The war must be stopped": a passive verb that names the course of action keeps its subject
    ("war in Donbas stopped"), else the stance would read as one on the war itself."""
    subj = next((c for c in pred.children if c.dep_ == "nsubjpass"), None)
    if subj is None or pred.pos_ != "VERB" or topic_in([pred]) is None:
        return None
    cut = {s.i for t in subj.subtree if t.dep_ in ("relcl", "acl", "appos") for s in t.subtree}
    run: list[Token] = []
    for t in subj.subtree:  # the subject without its clauses: "war in Donbas"
        if t.i in cut or t.is_punct or (t.dep_ == "det" and not run):
            if run:
                break
            continue
        run.append(t)
    return f"{pred.doc[run[0].i : run[-1].i + 1].text} {pred.text}" if run else None


def _nested(tok: Token, comp: set[int]) -> bool:
    """Whether `tok` is part of what an earlier predicate asks for, not of a relative clause inside it
    ("wants to join NATO, which the Kremlin considers unacceptable" holds two positions)."""
    if tok.tag_ in ("VBD", "VBZ", "VBP"):
        return False  # "seeking to strengthen ties and offered to send grain": a finite verb of its own
    cur = tok
    while cur.i in comp:
        if cur.dep_ == "relcl" or cur.head.i == cur.i:
            return False
        cur = cur.head
    return tok.i in comp


def _same_topic(a: str, b: str) -> bool:
    """Whether two topic phrases share a content word."""
    return bool(_content_words(a) & _content_words(b))


def _content_words(text: str) -> set[str]:
    """A topic's words of three letters or more, without the glue ("aid", "war"; not "the", "for") and
    without the -ing verb that says what is done with it ("sending tanks", "sending jets": two)."""
    words = {w for w in text.lower().split() if len(w) > 2 and w not in TOPIC_GLUE}
    return {w for w in words if not w.endswith("ing")} or words


class PositionsComponent:
    """Sets `doc._.sitrep_positions`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.sitrep_positions = find_positions(doc)
        return doc


@Language.factory(
    "sitrep_positions",
    assigns=["doc._.sitrep_positions"],
    requires=["doc._.sitrep_statements"],
    default_config={},
)
def make_positions_component(nlp: Language, name: str) -> PositionsComponent:
    """Factory of the positions component."""
    ensure_extensions()
    return PositionsComponent()
