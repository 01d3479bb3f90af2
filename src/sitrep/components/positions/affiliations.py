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
    """`holder` with its state when it is a person the article introduces with one (a title with a state,
    "the Russian president", is resolved to its person before, by roles.named_holder)."""
    if "(" in holder or " and " in holder:
        return holder
    states = doc_memo(doc, "positions_affiliations", lambda: _states(doc))
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
