"""Place-mention candidates: the dateline, spaCy entities (also mislabelled ones), a gazetteer scan,
names a place noun frames, state abbreviations and demonyms (the tests on a name are in `evidence.py`)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ...gazetteer import normalize
from .evidence import ADMIN_FEATURES, STRONG_PRIOR, Mention, NameEvidence

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# cue word after or before a name -> the features it asks for
REGION_FEATURES = frozenset({"region", "state"})
CUES_AFTER = {
    "region": REGION_FEATURES,
    "regions": REGION_FEATURES,
    "oblast": REGION_FEATURES,
    "province": REGION_FEATURES,
    "governorate": REGION_FEATURES,
    "district": REGION_FEATURES,
    "prefecture": REGION_FEATURES,
    "state": REGION_FEATURES,
    "county": REGION_FEATURES,
    "river": frozenset({"river"}),
    "city": frozenset({"city"}),
}
CUES_BEFORE = {
    ("city", "of"): frozenset({"city"}),
    ("state", "of"): REGION_FEATURES,
    ("province", "of"): REGION_FEATURES,
    ("region", "of"): REGION_FEATURES,
}
TITLES = frozenset(
    "mr mrs ms dr gen general lt col maj capt sgt adm president minister secretary sen senator rep "
    "gov governor mayor judge prof professor sir lord lady king queen prince princess pope saint st "
    "spokesman spokeswoman spokesperson ambassador chancellor premier commander chief officer "
    "hurricane typhoon cyclone storm tropical operation".split()
)
CONNECTORS = frozenset({"of", "and", "de", "del", "la", "le", "al", "el", "upon", "on", "-"})
MAX_WORDS = 6
_ABBREV_AFTER = re.compile(
    r",\s+([A-Z][A-Za-z]?\.(?:[A-Z][a-z]?\.)*|[A-Z][a-z]{1,4}\.|[A-Z]{2})(?=[\s,;:)\]]|$)"
)
_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")
TAIL_LABELS = frozenset({"FAC", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT"})
FOREIGN_CONNECTORS = frozenset({"de", "du", "des", "la", "le", "del", "di", "da", "dos", "das"})
_ARTICLE_NAME = re.compile(r"^(?:al|el|ad|as|ash|an|ar|az)-[A-Z]\w+$")  # "Jisr al-Shughur"


def _is_cap(tok: Token) -> bool:
    return bool(tok.text) and tok.text[0].isupper()


def _trim(span: Span) -> tuple[int, int] | None:
    """Token index range of `span` without a leading article and a trailing possessive."""
    i, j = span.start, span.end
    while i < j and span.doc[i].lower_ in {"the", "a", "an"}:
        i += 1
    while j > i and (span.doc[j - 1].text in {"'s", "\u2019s", "'", "\u2019", ".", ","}):
        j -= 1
    return (i, j) if i < j else None


def _cue(doc: Doc | list[Token], i: int, j: int) -> tuple[frozenset[str] | None, int, int]:
    """Features asked for by a cue word right after `[i, j)` or by "city of" before it; widened bounds."""
    if j < len(doc) and doc[j].lower_ in CUES_AFTER:
        return CUES_AFTER[doc[j].lower_], i, j + 1
    if i >= 2 and (doc[i - 2].lower_, doc[i - 1].lower_) in CUES_BEFORE:
        return CUES_BEFORE[(doc[i - 2].lower_, doc[i - 1].lower_)], i, j
    if i >= 1 and doc[i - 1].lower_ == "river" and _is_cap(doc[i]):
        return frozenset({"river"}), i, j
    return None, i, j


def _titled(doc: Doc | list[Token], i: int) -> bool:
    """Whether the token before index `i` is a title ("Gen.", "President") or the name is "X said"-like."""
    return i > 0 and doc[i - 1].lower_.rstrip(".") in TITLES


class CandidateFinder(NameEvidence):
    """Finds place-mention candidates in a Doc without overlaps (earlier sources win)."""

    def find(self, dateline_span: tuple[int, int] | None, dateline: str | None) -> list[Mention]:
        """All candidates in text order."""
        if dateline_span and dateline:
            self._dateline(dateline_span, dateline)
        for ent in self.doc.ents:
            self._entity(ent)
        self._scan()
        self._cued_unknowns()
        self._abbreviations()
        if self.demonyms:
            self._demonyms()
        return sorted(self.mentions, key=lambda m: m.start)

    def _dateline(self, span: tuple[int, int], place: str) -> None:
        text = self.text
        start = text.find(place.split(",")[0].strip(), span[0], span[1])
        if start < 0:
            return
        parts = [p.strip() for p in place.split(",")]
        city = parts[0]
        hint = parts[1] if len(parts) > 1 else None
        hint_cc = None
        if hint:
            hs = text.find(hint, start + len(city), span[1])
            found = self.gaz.lookup(self.gaz.abbreviations.get(hint, hint))
            ranked = sorted(found, key=lambda c: -c[0].prior)
            if ranked:
                hint_cc = ranked[0][0].country
                if hs >= 0:
                    key = self.gaz.abbreviations.get(hint, hint)
                    feats = REGION_FEATURES if key != hint and "," not in key else None
                    self._take(Mention(hs, hs + len(hint), key, "dateline_region", features=feats))
        if self.gaz.known(city):
            self._take(Mention(start, start + len(city), city, "dateline", country_hint=hint_cc))

    def _entity(self, ent: Span) -> None:
        label = ent.label_
        if label not in PLACE_LABELS | {"ORG", "PERSON", "NORP"}:
            return
        bounds = _trim(ent)
        if bounds is None:
            return
        i, j = bounds
        doc = self.toks
        if label == "NORP":
            return  # demonyms are handled on their own
        if label == "PERSON":
            if _titled(doc, i) or (j - i == 1 and doc[i].lower_ in self.surnames):
                return
            if j - i > 1 and not self._locative(i, j) and not self._prominent(self._span_text(i, j)):
                return  # a full personal name, unless it follows "in"/"near" ("near Khan Younis")
                # or is a country or region ("Mali, Burkina Faso and Niger")
            if j < len(doc) and _is_cap(doc[j]):
                return  # "Kherson Smith"-like: a first name
        surface = doc[i:j]
        if not any(_is_cap(t) for t in surface):
            return  # "the west bank" of a river is no West Bank
        if self._group(i, j):
            return
        features, ci, cj = _cue(doc, i, j)
        key = self._span_text(i, j)
        if features and cj > j and self.gaz.known(self._span_text(ci, cj)):
            key, i, j, features = self._span_text(ci, cj), ci, cj, None
        elif features and not self._cue_fits(key, features):
            features = None
        elif features and cj > j:
            i, j = ci, cj
        if not self.gaz.known(key):
            return  # the scan may still find a known part of it
        cands = self.gaz.lookup(key)
        if self._acronym(key):
            return
        if not any(m or e.prior >= 5.0 for e, m in cands):
            return  # only a minor place's alternate name ("Turtle Rock" for Beloit)
        if normalize(key) in self.gaz.stoplist and max(e.prior for e, _m in cands) < STRONG_PRIOR:
            return  # "West", "Central": a word, unless a well-known place bears it
        if label in {"ORG", "PERSON"} and not self._strong(key, i):
            return
        if label == "PERSON" and not self._locative(i, j) and not self._prominent(key):
            return  # "Harvey", "Murray": the model's person reading stands unless "in"/"near" precede
        s, e = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
        if self._free(s, e):
            self._take(Mention(s, e, key, "ent", label, features))

    def _scan(self) -> None:
        doc = self.toks
        n = len(doc)
        i = 0
        ents_by_token = {}
        for ent in self.doc.ents:
            for k in range(ent.start, ent.end):
                ents_by_token[k] = ent
        texts = self.texts
        while i < n:
            if not (texts[i] and texts[i][0].isupper()):
                i += 1  # the cheap test first: most tokens are not capitalised
                continue
            tok = doc[i]
            if not _is_cap(tok) or tok.is_punct or self.taken[tok.idx] or tok.lower_ in {"the", "a", "an"}:
                i += 1
                continue
            match = self._longest(i, ents_by_token)
            if match is None:
                self._prefix(tok)
                i += 1
                continue
            j, key = match
            if j < 0:  # a place name heading a newspaper-like title: skip the whole name
                i = -j
                continue
            features, ci, cj = _cue(doc, i, j)
            if features and not self._cue_fits(key, features):
                features = None
            elif features and cj > j:
                j = cj
            s, e = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
            if self._free(s, e):
                self._take(
                    Mention(
                        s, e, key, "scan", ents_by_token[i].label_ if i in ents_by_token else "", features
                    )
                )
            i = j

    def _cued_unknowns(self) -> None:
        """Names the gazetteer lacks but a place noun frames: "the town of Pauktaw", "Reasi district"."""
        doc = self.toks
        cue_nouns = self.gaz.cue_nouns
        for tok in doc:
            lower = tok.lower_
            before = cue_nouns.get((lower, "before"))
            after = cue_nouns.get((lower, "after"))
            if not (before or after):
                continue
            if (
                before
                and tok.i + 2 < len(doc)
                and doc[tok.i + 1].lower_ == "of"
                and tok.i > 0
                and doc[tok.i - 1].lower_ in {"the", "a"}
            ):
                j = self._name_end(tok.i + 2)
                if j > tok.i + 2:
                    self._unknown(tok.i + 2, j, before)
            if after and tok.i > 0 and (f"{doc[tok.i - 1].lower_} {lower}", "after") not in cue_nouns:
                i = self._name_start(tok.i)
                if i < tok.i and (
                    i == 0
                    or doc[i - 1].lower_ in {"the", "in", "of", "near", "at", "from", "to"}
                    or doc[i - 1].lower_ in self.gaz.locative_verbs
                ):
                    self._unknown(i, tok.i, after)

    def _name_end(self, i: int) -> int:
        """End of a capitalised name starting at token `i` (connectors inside it allowed)."""
        doc = self.toks
        j = i
        while (
            j < len(doc)
            and j - i < 4
            and (
                (_is_cap(doc[j]) and doc[j].is_alpha)
                or (j > i and _ARTICLE_NAME.match(doc[j].text))
                or (j > i and doc[j].text in {"al-", "el-", "-"})
                or (j > i and doc[j].lower_ in {"al", "el"} and j + 1 < len(doc) and _is_cap(doc[j + 1]))
            )
        ):
            j += 1
        while j > i and not (_is_cap(doc[j - 1]) or _ARTICLE_NAME.match(doc[j - 1].text)):
            j -= 1
        return j

    def _name_start(self, j: int) -> int:
        """Start of a capitalised name ending right before token `j`."""
        doc = self.toks
        i = j
        while (
            i > 0
            and j - i < 4
            and (
                (_is_cap(doc[i - 1]) and doc[i - 1].is_alpha)
                or (i < j and doc[i - 1].text in {"al-", "el-", "-"})
            )
        ):
            i -= 1
        while i < j and not _is_cap(doc[i]):
            i += 1
        if i < j and doc[i].is_sent_start:
            return j  # "Camp ..." at a sentence start: no telling a name from a capitalised word
        return i

    def _unknown(self, i: int, j: int, feature: str) -> None:
        """Record tokens `[i, j)` as an unlisted place when nothing marks them as a person or group."""
        doc = self.doc
        span = doc[i:j]
        if any(t.pos_ != "PROPN" and not t.is_punct for t in span if t.lower_ not in {"al", "el"}):
            return
        if any(t.ent_type_ in {"ORG", "NORP", "DATE", "CARDINAL"} for t in span):
            return
        if span[-1].lower_ in self.surnames or _titled(doc, i) or self.gaz.demonym(span.text):
            return
        s, e = span.start_char, span.end_char
        if self._free(s, e):
            self._take(Mention(s, e, span.text, "cue", span[0].ent_type_, frozenset({feature})))

    def _prefix(self, tok: Token) -> None:
        """A place at the head of one unsplit token: "Venezuela's", "U.S.-led", "Kremlin-backed"."""
        text = tok.text
        prefix = next((text[: -len(p)] for p in _POSSESSIVE if text.endswith(p)), None)
        if prefix is None and "-" in text.strip("-"):
            prefix = text.split("-")[0]
        if not prefix or len(prefix) < 2 or normalize(prefix) in self.gaz.stoplist:
            return
        if not (prefix[0].isupper() and self._strong(prefix)):
            return
        s, e = tok.idx, tok.idx + len(prefix)
        if self._free(s, e):
            self._take(Mention(s, e, prefix, "scan", "PREFIX"))

    def _longest(self, i: int, ents_by_token: dict[int, Span]) -> tuple[int, str] | None:
        """The longest acceptable gazetteer name starting at token `i`: (end token, key)."""
        doc = self.toks
        limit = min(len(doc), i + MAX_WORDS)
        j = i + 1
        best = None
        while j <= limit:
            last = doc[j - 1]
            if j - 1 > i and not (_is_cap(last) or last.lower_ in CONNECTORS):
                break
            if _is_cap(last) and not last.is_punct:
                text = self._span_text(i, j)
                verdict = self._acceptable(i, j, text, ents_by_token)
                if verdict is None:
                    return (-j, text)
                if verdict:
                    best = (j, text)
            j += 1
        return best

    def _acceptable(self, i: int, j: int, text: str, ents_by_token: dict[int, Span]) -> bool | None:
        """Whether tokens `[i, j)` may be taken as a place; None when they head a title to skip whole."""
        doc = self.toks
        if not self.gaz.known(text):
            return False  # every other test ends in False or needs a known name ("None" below does)
        key = normalize(text)
        if j - i == 1 and (
            key in self.gaz.stoplist
            or doc[i].like_num
            or len(key) < 2
            or (len(key) < 3 and not text.isupper())
        ):
            return False
        if not any(t.pos_ == "PROPN" or (t.is_upper and len(t) > 1) for t in doc[i:j]):
            return False
        if doc[i].is_sent_start and j - i == 1 and doc[i].pos_ != "PROPN":
            return False
        ent = ents_by_token.get(i)
        if ent is not None:
            if ent.label_ == "PERSON" and (key in self.surnames or _titled(doc, ent.start)):
                return False
            if ent.label_ == "PERSON" and not (self._locative(i, j) or self._prominent(text)):
                return False
            if (
                ent.label_ == "PERSON"
                and len(ent) > 1
                and not (ent.start == i and ent.end == j and (self._locative(i, j) or self._prominent(text)))
            ):
                return False  # part of a personal name ("Paris Hilton"), unless the whole follows "near"
            head = ent.start + 1 if ent[0].lower_ == "the" else ent.start
            titled = ent.label_ in {"ORG", "WORK_OF_ART", "PRODUCT"}
            if titled and head == i and ent.end > j and self.gaz.known(text):
                rest = {t.lower_ for t in doc[j : ent.end]}
                if rest & self.gaz.title_heads:
                    return None  # "Washington Post", "New York Times": the name of something else
                admin = any(
                    m and e.feature in ADMIN_FEATURES and e.prior >= 6.0 for e, m in self.gaz.lookup(text)
                )
                if not admin and not rest & self.gaz.org_heads:
                    return False  # "Paris Hilton" mislabelled ORG: a place word before a name
        if key in self.surnames or _titled(doc, i) or self._group(i, j):
            return False
        if (
            ent is not None
            and ent.label_ in TAIL_LABELS
            and i >= 2
            and doc[i - 1].lower_ in FOREIGN_CONNECTORS
            and ent.start < i - 1
        ):
            return False  # "the Champ de Mars": the end of a longer foreign name, not Mars
        if j - i == 1 and i > 0 and _is_cap(doc[i - 1]) and self.taken[doc[i - 1].idx]:
            return False  # "Black Sea Fleet": a word that continues a place's name, not a second place
        if j - i == 1 and (doc[i].lower_ in self.lower_words or self._acronym(text)):
            return False  # the word is used in lower case elsewhere: a common noun ("Salt", "Wave")
        if not self.gaz.known(text):
            return False
        return self._strong(text, i) or (ent is not None and ent.label_ in PLACE_LABELS)

    def _abbreviations(self) -> None:
        """State and province abbreviations right after a place and a comma ("Bethesda, Md.")."""
        text = self.text
        for m in list(self.mentions):
            hit = _ABBREV_AFTER.match(text, m.end)
            if not hit:
                continue
            abbr = hit.group(1)
            key = self.gaz.abbreviations.get(abbr) or self.gaz.abbreviations.get(abbr + ".")
            if key is None:
                continue
            s, e = hit.start(1), hit.end(1)
            if "," in key and normalize(key.split(",")[0]) == normalize(m.key):
                same = [o for o in self.mentions if o.start == s and o.end == e]
                if same or self._free(s, e):
                    self.mentions = [o for o in self.mentions if o not in same]
                    m.end, m.key, m.features = e, key, None  # "Washington, D.C." is one name
                    for k in range(s, e):
                        self.taken[k] = True
                    continue
            if self._free(s, e):
                feats = None if "," in key else REGION_FEATURES
                self._take(Mention(s, e, key, "scan", "ABBR", feats))

    def _demonyms(self) -> None:
        doc = self.doc
        for i, tok in enumerate(doc):
            if not _is_cap(tok) or self.taken[tok.idx]:
                continue
            for width in (2, 1):
                if i + width > len(doc):
                    continue
                span = doc[i : i + width]
                target = self.gaz.demonym(span.text)
                if target and self._free(span.start_char, span.end_char):
                    self._take(Mention(span.start_char, span.end_char, target, "demonym", "NORP"))
                    break
