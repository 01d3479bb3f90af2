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
from ..shared.clauses import speaker_name, statement_at, statement_with_cue, subject_of
from ..shared.lexicon import StringFilter, cue_has, position_cues
from ..shared.parties import governing_speech, party_name
from ..shared.sides import same_party
from .conditions import condition_extent, find_marker, split_conditions
from .predicates import COMMITTING, UNWILLING, stance_of
from .topics import topic_in, topic_phrase

START_VERBS = {"begin", "start", "resume", "happen", "proceed", "restart", "take"}
SELF = {"we", "i", "us", "our", "my"}
NON_PARTIES = {"this", "that", "there", "which", "what", "these", "those", "everything", "nothing"}
SHARES = {
    "majority",
    "minority",
    "percent",
    "per cent",
    "%",
    "share",
    "half",
    "third",
    "quarter",
    "most",
    "many",
}


def _self(tok: Token) -> bool:
    """The first person ("we", "I"; not "US")."""
    return tok.pos_ == "PRON" and tok.lower_ in SELF


def _own_voice(pred: Token) -> bool:
    """ "We will support Ukraine": a commitment in the first person is the speaker's stated position."""
    subj = subject_of(pred)
    return subj is not None and _self(subj)


def _party_subject(pred: Token, stance: str) -> bool:
    """A commitment or refusal under a modal needs a party as subject ("it would be a disaster" has none)."""
    if stance not in ("committed", "rejects") or position_cues().get(pred.lemma_.lower()):
        return True
    subj = subject_of(pred)
    if subj is None:
        return stance == "rejects"  # "there can be no impunity", an imperative refusal
    return _self(subj) or _is_party(subj) or any(c.dep_ == "nsubjpass" for c in pred.children)


def _is_party(tok: Token) -> bool:
    """Whether a subject can hold a position: not "it"/"this", not a topic ("the borders", "the war")."""
    if tok.lower_ in NON_PARTIES or tok.pos_ in ("NUM", "DET"):
        return False
    if tok.pos_ in ("PRON", "PROPN") or tok.ent_type_ in ("GPE", "ORG", "NORP", "PERSON"):
        return True  # "the EU", "NATO" are parties even though membership of them is a topic
    return topic_in([tok]) is None


def _holder(pred: Token) -> str | None:
    """The canonical name of whoever holds the position: the predicate's subject, else the speaker."""
    if pred.pos_ == "NOUN":  # "Russia's demands", "Western calls for talks", "made an appeal"
        owner = next((c for c in pred.children if c.dep_ in ("poss", "amod", "compound")), None)
        if owner is not None and (owner.dep_ == "poss" or owner.ent_type_ in ("NORP", "GPE", "ORG")):
            return party_name(owner)
    verb = pred.head if pred.dep_ in ("acomp", "attr", "oprd", "amod", "prep", "dobj") else pred
    if verb.lemma_ == "be" and position_cues().get(pred.lower_) in ("rejects_adj", "open_adj"):
        return _speaker_holder(pred)  # "membership is unacceptable": the subject is the topic
    subj = subject_of(verb)
    if subj is not None and (_self(subj) or not (_is_party(subj) or _counted(subj))):
        subj = None  # "borders should not be changed by force": the speaker holds it, not the borders
    if subj is None and verb.dep_ == "ccomp" and not _self(verb.head):
        gov = subject_of(verb.head)  # "Biden has sworn that there would be no troops": who swore it
        subj = gov if gov is not None and not _self(gov) and _is_party(gov) else None
    name = (_counted_name(subj) if _counted(subj) else party_name(subj)) if subj is not None else None
    speaker = speaker_name(statement_at(pred.doc, pred.idx) or statement_with_cue(pred.doc, pred))
    if name is None:
        return speaker
    voiced = speaker and subj is not None and not _person(subj) and not _shares_word(name, speaker)
    if voiced and same_party(name, speaker):
        return f"{name} ({speaker})"  # a body voiced by its own: "Russia (Sergei Lavrov)"
    return name


def _person(tok: Token) -> bool:
    return (
        tok.ent_type_ == "PERSON"
        or tok.lower_ in ("he", "she", "him", "her")
        or cue_has(tok.lemma_, "person_role")
    )


def _shares_word(a: str, b: str) -> bool:
    return bool({w for w in a.lower().split() if len(w) > 2} & {w for w in b.lower().split() if len(w) > 2})


def _counted(tok: Token | None) -> bool:
    """ "64% of Ukrainians", "the majority of respondents": a share of people holds the position."""
    return tok is not None and (tok.like_num or tok.lemma_.lower() in SHARES or tok.text == "%")


def _counted_name(tok: Token) -> str:
    """The share with what it counts ("absolute majority of Ukrainians - 87%"), at most ten words."""
    words = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl", "punct") or t.i <= tok.i][:10]
    return tok.doc[words[0].i : words[-1].i + 1].text if words else tok.text


def _position(sent: Span, pred: Token, stance: str, comp: list[Token], n: int) -> Position | None:
    comp = sorted(set(comp), key=lambda t: t.i)
    hit = topic_in(comp) or (topic_in([pred]) if pred.pos_ == "VERB" and comp else None)
    if hit is None:
        return None  # "support Kyiv with artillery": the predicate itself may name the topic
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
    if stance == "committed" and cue_has(pred.lemma_, "nonagent"):
        return None  # "she would suffer the consequences": undergone, not chosen
    if stance == "committed" and not (conditions or _own_voice(pred)) or not _party_subject(pred, stance):
        return None  # "will impose sanctions" is a plan; "will impose sanctions if X" states a position
    speaker_held = stance == "advocated" or (bool(conditions) and pred.lemma_ in START_VERBS)
    stance = "conditional" if conditions else "open" if stance in ("advocated", "committed") else stance
    holder = _speaker_holder(pred) if speaker_held else _holder(pred)
    if holder is None:
        return None
    st = statement_at(doc, pred.idx)
    start = min([pred.idx, topic_head.idx, *(c.start_char for c in conditions)])
    end_char = max(
        [pred.idx + len(pred), topic_head.idx + len(topic_head), *(c.end_char for c in conditions)]
    )
    return Position(
        id=f"p{n}",
        holder=holder,
        topic=topic_phrase(comp, topic_head),
        stance=stance,
        conditions=[c.text for c in conditions],
        condition_spans=[(c.start_char, c.end_char) for c in conditions],
        condition_negated=negs,
        statement=st.id if st is not None else None,
        span=(start, end_char),
    )


def _conditional_start(tok: Token) -> tuple[str, list[Token]] | None:
    """ "talks can begin only if ...": a topic that starts under a condition is a conditional offer."""
    if tok.pos_ != "VERB" or tok.lemma_ not in START_VERBS:
        return None
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or find_marker(tok.sent, tok) is None:
        return None
    return "conditional", [t for t in subj.subtree]


def _speaker_holder(tok: Token) -> str | None:
    """Who voices the sentence at `tok`: the subject of its reporting verb, else the statement's speaker."""
    cue = governing_speech(tok)
    if cue is not None:
        name = party_name(subject_of(cue))
        if name:
            return name
    return speaker_name(statement_at(tok.doc, tok.idx))


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
    return sorted(found)


_LOWER_CUE = StringFilter(lambda w: w in position_cues() or w in UNWILLING)
_LEMMA_CUE = StringFilter(
    lambda w: w.lower() in position_cues() or w.lower() in ("negotiate", "talk") or w in START_VERBS
)
_MODAL = StringFilter(lambda w: w in COMMITTING)


def find_positions(doc: Doc) -> list[Position]:
    """Stated positions: who is open to what, on which conditions."""
    out: list[Position] = []
    seen: set[tuple[str, str, str, int]] = set()
    cands = _candidates(doc)
    for sent in doc.sents:
        lo, hi = bisect_left(cands, sent.start), bisect_left(cands, sent.end)
        for tok in (doc[i] for i in cands[lo:hi]):
            found = _conditional_start(tok) or stance_of(tok)
            if found is None:
                continue
            stance, comp = found
            try:
                pos = _position(sent, tok, stance, comp, len(out) + 1)
            except Exception as exc:  # one bad item never costs the document
                warnings.warn(f"sitrep positions: skipped {tok.text!r} at {tok.idx}: {exc!r}", stacklevel=2)
                continue
            if pos is None:
                continue
            key = (pos.holder.lower(), pos.topic.lower(), pos.stance, sent.start)
            if key in seen or any(p.holder == pos.holder and p.span == pos.span for p in out):
                continue
            seen.add(key)
            out.append(pos)
    return out


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
