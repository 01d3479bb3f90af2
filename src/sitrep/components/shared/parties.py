"""Canonical party names read by events (actors) and positions (holders): owners of forces, sides of
weapons, pronouns resolved to the speaker of the reporting verb above them."""

from __future__ import annotations

from spacy.tokens import Token

from .clauses import body_start, chunk_of, name_of, speaker_name, statement_with_cue, subject_of
from .lexicon import cue_has
from .states import capital_country, country_adjective, state_of

PERSON_PRON = {"he", "she", "his", "her", "him"}
GROUP_PRON = {"it", "its", "they", "their", "them"}


def governing_speech(tok: Token) -> Token | None:
    """The nearest reporting verb whose complement contains `tok` (not crossing another clause's subject)."""
    cur = tok
    for _ in range(12):
        h = cur.head
        if h.i == cur.i:
            return None
        if h.pos_ == "VERB" and (
            cue_has(h.lemma_, "speech") or cue_has(h.lemma_, "announce") or cue_has(h.lemma_, "deny")
        ):
            if cur.dep_ in ("ccomp", "xcomp", "advcl", "parataxis", "dep", "conj", "pcomp", "prep"):
                return h
        cur = h
    return None


def _speaker_of(cue: Token) -> tuple[str | None, Token | None]:
    st = statement_with_cue(cue.doc, cue)
    subj = subject_of(cue)
    return (speaker_name(st) or name_of(subj)), subj


def _is_person(tok: Token) -> bool:
    the = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    if tok.tag_ in ("NNS", "NNPS") or (tok.pos_ == "PROPN" and tok.lower_.endswith("s") and the):
        return False  # "the Houthis", "the Kurds": a group, whatever the entity tagger guessed
    if tok.ent_type_ == "PERSON" or tok.lower_ in PERSON_PRON:
        return True
    if tok.ent_type_:
        return False  # the tagger's own label wins over a guess from the entity list
    if cue_has(tok.lemma_, "person_role"):
        return True  # "the army chief said his troops ..."
    coref = getattr(tok.doc._, "sitrep_coref", None)
    if coref is None:
        return False
    try:
        ent = coref.resolve(chunk_of(tok))
    except Exception:
        return False
    return ent is not None and ent.type == "PERSON"


def party_name(tok: Token | None) -> str | None:
    """The canonical name of the party at `tok`, or None for no party (a weapon, a crowd, a dateline)."""
    if tok is None or tok.idx < body_start(tok.doc) or tok.ent_type_ in ("DATE", "TIME"):
        return None  # "Tuesday's attack", "said Saturday sanctions ...": a day is no party
    low = tok.lower_
    if cue_has(tok.lemma_, "force") or cue_has(low, "force") or cue_has(low, "military"):
        side = next(
            (c for c in tok.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")),
            None,
        )
        if side is not None and chunk_of(tok).start < side.i:
            return chunk_of(tok)[
                side.i - chunk_of(tok).start :
            ].text  # "Russian troops", not the whole phrase
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ == "PROPN":
            adjective = country_adjective().get((state_of(owner.text) or owner.text).lower())
            if adjective is not None:
                return f"{adjective} {tok.text}"  # "Russia's military" -> "Russian military"
        if owner is not None:
            return party_name(owner)
    if cue_has(tok.lemma_, "instrument"):
        side = next(
            (
                c
                for c in tok.children
                if c.dep_ in ("amod", "compound", "poss")
                and (
                    c.ent_type_ in ("NORP", "GPE", "ORG") or c.dep_ == "poss" or cue_has(c.lower_, "military")
                )
            ),
            None,
        )  # "Russian missiles", "Army warplanes": the side that fires them
        return party_name(side) if side is not None else None
    if cue_has(tok.lemma_, "generic") or cue_has(low, "generic") or tok.pos_ == "NUM":
        return None
    if any(
        c.dep_ == "det" and c.lower_ in ("no", "any", "each", "every", "both", "either") for c in tok.children
    ):
        return None
    if low in PERSON_PRON | GROUP_PRON:
        cue = governing_speech(tok)
        if cue is not None:
            name, subj = _speaker_of(cue)
            if name and subj is not None and subj is not tok:
                is_person = _is_person(subj)
                if (low in PERSON_PRON) == is_person:
                    return _as_state(name)
    if cue_has(tok.lemma_, "government") or cue_has(low, "government"):
        side = next((c for c in tok.children if c.dep_ in ("amod", "compound") and state_of(c.text)), None)
        if side is not None:
            return state_of(side.text)  # "the Russian regime", "Estonian diplomats": the state
    name = name_of(tok)
    return _as_state(name) if tok.pos_ == "PROPN" else name


def _as_state(name: str | None) -> str | None:
    """A capital standing for its state names the state ("Moscow launched ..." -> Russia)."""
    if name is not None and name.lower() in capital_country():
        return capital_country()[name.lower()]
    return name
