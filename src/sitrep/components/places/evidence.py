"""The candidate `Mention` record, and what a candidate search keeps over one Doc with the tests a name
must pass there: after a locative, naming a group, prominent, an acronym, well known enough alone."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ...gazetteer import Gazetteer
from ...text import doc_text

ADMIN_FEATURES = frozenset({"country", "state", "continent", "region"})
ALT_MARGIN = 0.5  # an alternate name counts as strong from a city of about 300,000 people
STRONG_PRIOR = 4.5  # a town of about 30,000 people, or any region, state, country or supplement entry
LOCATIVE_PRIOR = 3.0  # any town, when a locative preposition comes right before the name
LOCATIVES = frozenset(
    "in near outside around toward towards into across from at through via between inside within".split()
)


@dataclass
class Mention:
    """A stretch of text that may name a place, with what is known about how it was found."""

    start: int
    end: int
    key: str  # text to look up in the gazetteer
    source: str  # dateline | ent | scan | demonym
    label: str = ""
    features: frozenset[str] | None = None  # restriction from a cue word
    country_hint: str | None = None  # "KYIV, Ukraine": the country the dateline names


def _person_surnames(doc: Doc) -> set[str]:
    """Lower-cased first and last words of multi-word PERSON entities ("Lloyd Austin" -> austin)."""
    names: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            names.add(ent[-1].lower_)
            names.add(ent[0].lower_)
    return names


class NameEvidence:
    """A Doc's tokens, the characters candidates have taken, and the tests on a name in its context."""

    def __init__(self, doc: Doc, gaz: Gazetteer, demonyms: bool = False) -> None:
        self.doc = doc
        self.gaz = gaz
        self.demonyms = demonyms
        self.text = doc_text(doc)
        self.toks = list(doc)  # indexing a list is much cheaper than indexing the Doc
        self.taken = [False] * (len(self.text) + 1)
        self.mentions: list[Mention] = []
        self.surnames = _person_surnames(doc)
        self.texts = [t.text for t in self.toks]
        self.lower_words = {w for w in self.texts if w.islower()}

    def _span_text(self, i: int, j: int) -> str:
        """`doc[i:j].text`, sliced from the document text."""
        if j <= i:
            return ""
        last = self.toks[j - 1]
        return self.text[self.toks[i].idx : last.idx + len(last.text)]

    def _free(self, s: int, e: int) -> bool:
        return not any(self.taken[s:e])

    def _take(self, m: Mention) -> None:
        for k in range(m.start, m.end):
            self.taken[k] = True
        self.mentions.append(m)

    def _cue_fits(self, key: str, features: frozenset[str]) -> bool:
        """Whether a cue's feature restriction names a plausible reading of `key` ("U.S. city" does not)."""
        cands = self.gaz.lookup(key)
        if not cands:
            return False
        best = max(e.prior for e, _m in cands)
        fitting = [e.prior for e, _m in cands if e.feature in features]
        return bool(fitting) and max(fitting) >= best - 3.0

    def _locative(self, i: int, j: int | None = None) -> bool:
        """Whether a locative preposition ("in", "near the") precedes token `i`, or a place noun
        ("crossing", "front") follows the name ending before token `j`."""
        doc = self.toks
        k = i - 1
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        if k >= 0 and (doc[k].lower_ in LOCATIVES or doc[k].lower_ in self.gaz.locative_verbs):
            return True  # "near the X", "have fled X"
        if k >= 1 and doc[k].lower_ == "of" and (doc[k - 1].lower_, "before") in self.gaz.cue_nouns:
            return True  # "the town of X"
        if k >= 1 and doc[k].text == "," and doc[k - 1].lower_ == "capital":
            return True  # "the regional capital, X"
        j = i + 1 if j is None else j
        return j < len(doc) and doc[j].lower_ in self.gaz.place_nouns

    def _group(self, i: int, j: int) -> bool:
        """Whether tokens `[i, j)` name a group: "the Wagner group", "Fano, a local militia"."""
        doc = self.toks
        if j < len(doc) and doc[j].lower_ in self.gaz.group_nouns:
            return True
        if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in {"a", "an", "the"}:
            for t in doc[j + 2 : j + 5]:  # ", a local militia": the appositive the parse may misattach
                if t.lower_ in self.gaz.group_nouns:
                    return True
                if t.is_punct or t.pos_ not in {"ADJ", "NOUN", "PROPN"}:
                    break
        return any(
            c.dep_ == "appos" and c.lower_ in self.gaz.group_nouns for t in doc[i:j] for c in t.children
        )

    def _prominent(self, key: str) -> bool:
        """A country, state, region or sea, or a city of some 300,000 people."""
        return any(
            m and (e.feature not in {"city", "county"} or e.prior >= 5.5) for e, m in self.gaz.lookup(key)
        )

    def _acronym(self, text: str) -> bool:
        """An all-capitals short word naming only minor places: an acronym ("NATO", "OAS"), not a place."""
        if not (text.isupper() and len(text.replace(".", "")) <= 5):
            return False
        return not any(e.feature in ADMIN_FEATURES or e.prior >= 6.0 for e, _m in self.gaz.lookup(text))

    def _strong(self, key: str, i: int | None = None) -> bool:
        """Whether a name is well known enough to be taken as a place on the gazetteer's word alone.

        Only main names count: alternate names ("Human" for Uman) are too often ordinary words. After
        a locative preposition ("near Tokmak") any town will do.
        """
        floor = STRONG_PRIOR
        if i is not None and self._locative(i):
            floor = LOCATIVE_PRIOR
        return any((m and e.prior >= floor) or e.prior >= 5.0 + ALT_MARGIN for e, m in self.gaz.lookup(key))
