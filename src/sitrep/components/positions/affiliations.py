"""The state a person speaks for, as the article introduces them ("Indian Prime Minister Narendra Modi",
"Hungary's foreign minister Peter Szijjarto"): a person holding a position is shown with it,
"Narendra Modi (India)", as news readers and the record name such holders."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..shared.clauses import doc_memo
from ..shared.lexicon import cue_has, data_rows
from ..shared.states import state_of

LOOK_BACK = 5  # tokens before a name searched for its title and state


def affiliated(doc: Doc, holder: str) -> str:
    """`holder` with its state when it is a person the article introduces with one; a title with a
    state ("Russian president", "Ukraine's foreign minister") is the person introduced so."""
    if "(" in holder or " and " in holder:
        return holder
    states = doc_memo(doc, "positions_affiliations", lambda: _states(doc))
    titled = doc_memo(doc, "positions_titled", lambda: _titled(doc))
    key = _title_key(holder)
    named = titled.get(key) if key is not None else None
    if named is not None:
        return f"{named[0]} ({named[1]})"
    words = holder.split()
    state = states.get(words[-1].lower()) if words else None
    if state is None or state.lower() in holder.lower():
        return holder
    return f"{holder} ({state})"


@lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    """Name word -> its English spelling (`positions_spellings.tsv`)."""
    return {r[0]: r[1] for r in data_rows("positions_spellings.tsv") if len(r) == 2}


def english_spelling(holder: str) -> str:
    """The holder's name words as English spells them ("Wołodymyr Zełenski" -> "Volodymyr Zelensky")."""
    table = _spellings()
    return re.sub(r"[^\W\d_]+", lambda m: table.get(m.group(), m.group()), holder)


def _states(doc: Doc) -> dict[str, str]:
    """Surname (lower case) -> state, from each person mention with a state and a title before it."""
    out: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 1:
            continue
        state = _introduced(doc, ent)
        if state is not None:
            out.setdefault(ent[-1].lower_, state)
    return out


def _title_key(holder: str) -> tuple[str, str] | None:
    """(state, title word) of a holder named only by them ("Russian president", "Ukraine's foreign
    minister" -> ("Russia", "president"), ("Ukraine", "minister"))."""
    words = holder.replace("\u2019s", "").replace("'s", "").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not 2 <= len(words) <= 4 or not cue_has(words[-1].lower(), "person_role"):
        return None
    state = state_of(words[0])
    return (state, words[-1].lower()) if state else None


def _titled(doc: Doc) -> dict[tuple[str, str], tuple[str, str]]:
    """(state, title word) -> (full name, state) of each person the article introduces with both
    ("Russian President Vladimir Putin"); a title two people share names neither."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    taken: set[tuple[str, str]] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2:
            continue
        state = _introduced(doc, ent)
        title = _title_before(doc, ent)
        if state is None or title is None:
            continue
        key = (state, title)
        if key in out and out[key][0] != ent.text:
            taken.add(key)
        out.setdefault(key, (ent.text, state))
    return {k: v for k, v in out.items() if k not in taken}


def _title_before(doc: Doc, ent: Span) -> str | None:
    """The title word right before a name ("President" in "Russian President Vladimir Putin")."""
    for tok in reversed(doc[max(ent.sent.start, ent.start - 2) : ent.start]):
        if cue_has(tok.lemma_, "person_role") or cue_has(tok.lower_, "person_role"):
            return tok.lower_
    return None


def _introduced(doc: Doc, ent: Span) -> str | None:
    """The state in "<state or people> ['s] <title words> <name>" right before the name, if any."""
    before = doc[max(ent.sent.start, ent.start - LOOK_BACK) : ent.start]
    titled = False
    for tok in reversed(before):
        if cue_has(tok.lemma_, "person_role") or cue_has(tok.lower_, "person_role"):
            titled = True
            continue
        if tok.lower_ in ("'s", "\u2019s", "-") or tok.is_title and not tok.ent_type_:
            continue  # "Hungary's foreign minister", "Prime Minister"
        if titled and tok.ent_type_ in ("NORP", "GPE"):
            return state_of(tok.text) or (tok.text if tok.ent_type_ == "GPE" else None)
        if not tok.is_lower or tok.is_punct:
            return None
    return None
