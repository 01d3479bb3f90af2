"""Holders named by their office: "the Ukrainian president" is the person the article names with that
office ("Ukraine's president, Volodymyr Zelenskiy"); a surname alone is the full name given earlier."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ..shared.clauses import doc_memo
from ..shared.lexicon import cue_has, data_rows
from ..shared.states import country_adjective, state_of

DETS = {"the", "a", "its", "their"}
PLURAL_ROLES = {"officials", "leaders", "ministers"}


@lru_cache(maxsize=1)
def _extra_roles() -> frozenset[str]:
    """Office nouns beyond the person_role class (`positions_roles.txt`)."""
    return frozenset(r[0].lower() for r in data_rows("positions_roles.txt") if r)


def is_role(word: str) -> bool:
    """Whether `word` (lower case) heads the title of a one-person office ("president", "chancellor")."""
    return word != "official" and (cue_has(word, "person_role") or word in _extra_roles())


def _state(word: str) -> str | None:
    """The country a word names ("Ukrainian", "Ukraine's" -> "ukraine"), else None."""
    w = word.replace("’", "'").removesuffix("'s").strip()
    if not w:
        return None
    found = state_of(w) or (w if w.lower() in country_adjective() else None)
    return found.lower() if found else None


# (token index, office noun, country or None, other title words, the person's name)
Entry = tuple[int, str, "str | None", frozenset[str], str]


def _name_at(tok: Token) -> str | None:
    """The proper-noun run ending at `tok` without titles or country words ("Volodymyr Zelenskiy")."""
    if tok.pos_ != "PROPN" or tok.ent_type_ in ("GPE", "NORP", "LOC", "DATE"):
        return None
    end = tok.i
    start = end
    doc = tok.doc
    while start >= 1 and doc[start - 1].pos_ == "PROPN" and start <= doc[start - 1].head.i <= end:
        prev = doc[start - 1]
        if is_role(prev.lower_) or _state(prev.text):
            break
        start -= 1
    name = doc[start : end + 1].text
    return name if any(c.isupper() for c in name[:1]) else None


def _entries(doc: Doc) -> list[Entry]:
    """Every office noun the article ties to a named person, in text order."""
    out: list[Entry] = []
    for t in doc:
        word = t.lower_ if t.pos_ == "PROPN" else t.lemma_.lower()
        if t.pos_ not in ("NOUN", "PROPN") or not is_role(word):
            continue
        person: Token | None = None
        if t.dep_ in ("compound", "appos") and t.head.pos_ == "PROPN" and t.head.i != t.i:
            person = t.head  # "President Volodymyr Zelenskiy", "Zelenskiy, Ukraine's president"
        else:
            person = next((c for c in t.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        after = person is None
        if after:  # "the President of Ukraine Volodymyr Zelensky" (as the parser reads it)
            of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            person = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        name = _name_at(person) if person is not None else None
        if person is None or name is None:
            continue
        lo = t.left_edge.i if t.dep_ != "compound" else min(t.left_edge.i, person.left_edge.i)
        words = [doc[i] for i in range(lo, t.i)]
        words += [doc[i] for i in range(t.i + 1, person.i)] if after else []  # "of Ukraine"
        state = next((s for s in (_state(w.text) for w in words) if s), None)
        title = frozenset(w.lower_ for w in words if w.is_alpha)
        out.append((t.i, word, state, title, name))
    return out


def _full_names(doc: Doc) -> dict[str, str]:
    """Surname -> the one full name the article gives with it ("Zelenskiy" -> "Volodymyr Zelenskiy")."""
    found: dict[str, set[str]] = {}
    officers = {e[4] for e in doc_memo(doc, "positions_roles", lambda: _entries(doc))}
    names = [e.name for e in getattr(doc._, "sitrep_entities", None) or [] if e.type == "PERSON"]
    for name in [*names, *officers]:  # a person or a name given an office ("Rosneft Germany": neither)
        words = name.split()
        if 1 < len(words) <= 4 and all(w[:1].isupper() for w in words):
            found.setdefault(words[-1], set()).add(name)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def named_holder(doc: Doc, holder: str, at: int) -> str:
    """The person a holder named by office refers to ("the Ukrainian president" -> the one the article names
    as Ukraine's president, the mention nearest before token `at`), a surname's full name; else `holder`."""
    words = holder.split()
    if "(" in holder or not words:
        return holder
    if len(words) == 1 and words[0][:1].isupper() and not is_role(words[0].lower()) and not _state(words[0]):
        return doc_memo(doc, "positions_full_names", lambda: _full_names(doc)).get(words[0], holder)
    words = [w for w in words if w.lower() not in DETS]
    role = words[-1].lower() if words else ""
    if not is_role(role) or role in PLURAL_ROLES:
        return holder
    mods = words[:-1]
    states = [s for s in (_state(w) for w in mods) if s]
    if len(states) + sum(1 for w in mods if w[:1].islower()) != len(mods):
        return holder  # "Kremlin spokesman", "Trump adviser": a name inside, not a bare office
    state = states[0] if states else None
    rest = {w.lower() for w in mods if not _state(w)}
    cands = [
        e for e in doc_memo(doc, "positions_roles", lambda: _entries(doc))
        if e[1] == role and rest <= e[3] and (state is None or e[2] == state)
    ]
    if not cands:
        return holder
    before = [e for e in cands if e[0] < at]
    return (before[-1] if before else cands[0])[4]


def office_antecedent(pron: Token) -> str | None:
    """ "The Ukrainian president spoke in Canberra. He called for ...": a "he"/"she" the coreference left
    open, whose sentence (or the one before) has as subject a bare office or a name the article gives a
    person's office, is that person (the entity tagger may have typed the name as an organisation)."""
    if pron.lower_ not in ("he", "she"):
        return None
    doc = pron.doc
    sent = pron.sent
    prev = doc[sent.start - 1].sent if sent.start > 0 else None
    for s in (sent, prev):
        if s is None:
            continue
        subj = next((c for c in s.root.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.i >= pron.i:
            continue
        if subj.pos_ == "PROPN" and subj.ent_type_ in ("PERSON", "ORG", ""):
            people = {e[4] for e in doc_memo(doc, "positions_roles", lambda: _entries(doc))}
            name = next((p for p in people if p.split()[-1] == subj.text), None)
            return name
        if subj.pos_ != "NOUN" or subj.tag_ != "NN" or not is_role(subj.lemma_.lower()):
            return None
        office = doc[subj.left_edge.i : subj.i + 1].text
        found = named_holder(doc, office, subj.i)
        mods = [c for c in subj.children if c.dep_ in ("poss", "amod", "compound")]
        whose = any(c.pos_ in ("PROPN", "ADJ") for c in mods)
        return found if found != office or whose else None  # "Hungary's prime minister ... He rejected"
    return None
