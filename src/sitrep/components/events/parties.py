"""Actors that the parse leaves to the roles of states: sanctions and aid are acts of states ("Biden
announced sanctions" -> US), and a killing of one belligerent's soldiers told with no killer is the
other belligerent's ("1,200 Russian military were eliminated" -> Ukrainian forces)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ..shared.clauses import chunk_of
from ..shared.lexicon import cue_has, data_rows
from ..shared.sides import side_of
from ..shared.states import country_adjective

# event types that only states and blocs do: a person who announces them acts for the state
STATE_ACTS = {"sanction", "aid"}
PERSON_PRON = {"he", "she", "him", "her", "his"}


def side_display(side: str) -> str:
    """A side as news writes it: "us" -> "US", "north korea" -> "North Korea"."""
    return side.upper() if len(side) <= 3 else " ".join(w.capitalize() for w in side.split())


def state_for_person(tok: Token | None, name: str | None, etype: str) -> str | None:
    """The state a person acts for when the event is a state's act ("Biden mentioned possible
    sanctions" -> US): from the name itself or the entity's titles and roles ("US Vice President")."""
    if etype not in STATE_ACTS or tok is None or not name:
        return None
    if tok.ent_type_ != "PERSON" and tok.lower_ not in PERSON_PRON:
        return None
    names = [name]
    coref = getattr(tok.doc._, "sitrep_coref", None)
    if coref is not None:
        try:
            ent = coref.resolve(chunk_of(tok))
        except Exception:  # an unresolvable mention keeps the person
            ent = None
        if ent is not None:
            names += [*ent.titles, *ent.roles]
    for n in names:
        side = side_of(n)
        if side and side != "military":
            return side_display(side)
    return None


@lru_cache(maxsize=1)
def _opponents() -> dict[str, str]:
    out: dict[str, str] = {}
    for r in data_rows("events_belligerents.tsv"):
        if len(r) > 1:
            out[r[0].lower()], out[r[1].lower()] = r[1].lower(), r[0].lower()
    return out


def _doc_words(doc: Doc) -> frozenset[str]:
    """The lower-case words of the Doc, built once per Doc."""
    words = doc.user_data.get("sitrep_events_words")
    if words is None:
        words = frozenset(t.lower_ for t in doc)
        doc.user_data["sitrep_events_words"] = words
    return words


def opposing_forces(target: Token | None, etype: str) -> str | None:
    """The killer of one belligerent's soldiers or people when the text names none: the other side's
    forces (its state, for its people), if the text names the other side too."""
    if etype != "kill" or target is None:
        return None
    chunk = chunk_of(target)
    military = any(cue_has(t.lemma_, "force") or cue_has(t.lower_, "military") for t in chunk)
    casualty = target.dep_ in ("amod", "compound", "poss")  # "Russian losses", "Ukraine's dead"
    people = target.ent_type_ == "NORP" and target.tag_ in ("NNS", "NNPS")  # "Ukrainians are killed"
    if not (military or casualty or people):
        return None  # "a Russian journalist was killed": no side's war loss
    side = side_of(chunk.text)
    enemy = _opponents().get(side or "")
    if enemy is None:
        return None
    words = _doc_words(target.doc)
    adjective = country_adjective().get(enemy)
    if enemy not in words and (adjective is None or adjective.lower() not in words):
        return None
    if people and not (military or casualty):
        return side_display(enemy)  # "Ukrainians are killed daily": by the state at war with them
    return f"{adjective or side_display(enemy)} forces"
