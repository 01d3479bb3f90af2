"""Actors that the parse leaves to the roles of states: sanctions and aid are acts of states ("Biden
announced sanctions" -> US), and a killing of one belligerent's soldiers told with no killer is the
other belligerent's ("1,200 Russian military were eliminated" -> Ukrainian forces)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ...model import Event
from ...text import doc_text
from ..shared.clauses import chunk_of
from ..shared.lexicon import cue_has, data_rows
from ..shared.sides import side_of
from ..shared.states import country_adjective
from .actors import FORCE_TYPES

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


# acts of force whose unnamed doer the story's leading belligerent is taken for; a build-up (mobilize)
# is credited to the state, as the real-news dev gold writes "Russia" for an unnamed build-up
_CREDITED = {"attack", "kill", "seize"}
_BUILD_UP = {"mobilize"}
_COUNTED = {"attack", "seize", "mobilize", "deploy"}


def leading_belligerent(events: list[Event]) -> str | None:
    """The side of a two-state war (`events_belligerents.tsv`) named as the doer of more of the story's
    attacks, captures and troop moves than its opponent. Killings are left out: a tally of the other
    side's dead ("1,260 Russian military were eliminated") credits the killing to the side that reports
    it; and so are appeals, aid and talks, which a defender's outlet tells mostly of its own side."""
    tally: dict[str, int] = {}
    for ev in events:
        side = side_of(ev.actor) if ev.type in _COUNTED else None
        if side in _opponents():
            tally[side] = tally.get(side, 0) + 1
    if not tally:
        return None
    side, count = max(tally.items(), key=lambda kv: kv[1])
    return side if count > tally.get(_opponents()[side], 0) else None


def name_enemies(events: list[Event]) -> list[Event]:
    """ "The enemy", "the occupiers" as an event's actor name the other side of the war: the opponent of
    the speaker's side ("the enemy attacked with drones", said a Ukrainian general), else the story's
    leading belligerent; its forces on an act of force, its state otherwise. (A target is left as
    written: "one must destroy one's enemy" names nobody.)"""
    leading = leading_belligerent(events)
    for ev in events:
        name = ev.actor
        if not name or not any(cue_has(w.strip(".,'’s"), "enemy") for w in name.lower().split()):
            continue
        side = _opponents().get(side_of(ev.source) or "") if ev.source else None
        side = side or leading
        if side is None:
            continue
        adjective = country_adjective().get(side)
        forces = ev.type in FORCE_TYPES and adjective is not None
        ev.actor = f"{adjective} forces" if forces else side_display(side)
    return events


@lru_cache(maxsize=1)
def _group_leaders() -> dict[str, str]:
    """Surname of an armed group's leader -> the group (`events_group_leaders.tsv`)."""
    return {r[0].lower(): r[1] for r in data_rows("events_group_leaders.tsv") if len(r) > 1}


def group_for_leader(events: list[Event]) -> list[Event]:
    """An act of force credited to an armed group's leader by name is the group's ("Prigozhin's
    aggression" -> Wagner Group); his threats, demands and words stay his."""
    leaders = _group_leaders()
    for ev in events:
        if ev.actor and ev.type in FORCE_TYPES:
            group = next((leaders[w] for w in ev.actor.lower().split() if w in leaders), None)
            ev.actor = group or ev.actor
    return events


def credit_unnamed(events: list[Event]) -> list[Event]:
    """An attack, killing or capture told with no doer ("civilians were killed during the occupation",
    "the city was captured"), or a build-up of troops no side is named for, in a story whose acts of
    force are mostly one belligerent's, is that belligerent's (its forces; its state for a build-up),
    unless its target is that side's own."""
    side = leading_belligerent(events)
    if side is None:
        return events
    adjective = country_adjective().get(side)
    for ev in events:
        if ev.status == "denied":
            continue
        bare = ev.actor is None or (ev.type in _BUILD_UP and _bare_force(ev.actor))
        if not bare or ev.type not in _CREDITED | _BUILD_UP or side_of(ev.target) == side:
            continue
        if any(cue_has(w, "uncredited") for w in ev.trigger.text.lower().split()):
            continue  # "the Uyghur genocide", "the liberation of Kherson": not the leading side's
        if ev.type in _BUILD_UP:
            ev.actor = side_display(side)
        else:
            ev.actor = f"{adjective} forces" if adjective else side_display(side)
    return events


def _bare_force(actor: str) -> bool:
    """ "soldiers", "troops": a force no side is named for."""
    words = actor.lower().split()
    return len(words) == 1 and cue_has(words[0], "force")


@lru_cache(maxsize=1)
def _sanctioners() -> dict[str, str]:
    """Side -> who sanctions it when the text names nobody (`events_sanctioners.tsv`)."""
    return {r[0].lower(): r[1] for r in data_rows("events_sanctioners.tsv") if len(r) > 1}


def unnamed_sanctioners(doc: Doc, events: list[Event]) -> list[Event]:
    """Sanctions told with no sanctioner ("the Kremlin being sanctioned over its invasion", "imposing
    further sanctions on Russia") whose sentence names the sanctioned side are the sanctioners news
    means (`events_sanctioners.tsv`: Western countries for Russia), unless the sentence's sides have
    different sanctioners or the sanctions are only denied. Not after a named sanctioner: the story's own
    sanctioner ("Japan imposed sanctions on Belarus ... sanctions have not hurt") may be meant."""
    table = _sanctioners()
    text = doc_text(doc)
    for ev in events:
        if ev.type == "sanction" and ev.actor is not None:
            return events
        if ev.actor is not None or ev.type != "sanction" or ev.status == "denied":
            continue
        start, end = ev.trigger.span
        if "sanction" not in text[start:end].lower():
            continue  # a blockade or an expulsion: no coalition's act
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        sides = {side_of(ev.target)} if ev.target else set()
        sides |= {side_of(t.text) for t in span.sent if t.pos_ in ("PROPN", "ADJ", "NOUN")}
        hit = {table[s] for s in sides if s in table}
        if len(hit) == 1:
            ev.actor = hit.pop()
    return events
