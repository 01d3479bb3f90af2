"""Name mentions of the entities component: cleaned NER spans with titles, appositive roles and
evidence-based label fixes (descriptive mentions are in `entities_descriptors`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .lexicon import (
    DETERMINERS,
    NAME_CONNECTORS,
    NameTokens,
    aliases,
    compact_titles,
    country_names,
    cue_lemmas,
    fold_name,
    initials,
    is_acronym,
    is_core_place,
    is_known_place,
    nouns,
    title_heads,
)

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
APPOS_STOP = {",", ";", ":", "--", "\u2014", "\u2013", ")", "(", '"', "\u201c", "\u201d"}
APPOS_BAD_START = {"who", "which", "that", "and", "but", "or", "said", "says", "according", "while", "as"}
GEO_HEADS = {
    "river",
    "sea",
    "lake",
    "mountains",
    "mountain",
    "valley",
    "peninsula",
    "bay",
    "gulf",
    "strait",
    "island",
    "islands",
    "oblast",
    "province",
    "region",
    "desert",
    "canal",
}
LEFT_JUNK = {"(", '"', "'", "\u201c", "\u2018", "[", "-", "--"}
RIGHT_JUNK = {")", '"', "'", "\u201d", "\u2019", "]", "'s", "\u2019s", ",", ".", "-", "--"}


@dataclass
class Mention:
    """One mention: a name, an appositive role, a descriptive phrase or a defined acronym."""

    start: int  # character offsets of the mention surface
    end: int
    text: str
    label: str
    kind: str = "name"  # name | role | descriptor | acronym
    tok_start: int = 0
    tok_end: int = 0
    titles: list[str] = field(default_factory=list)
    gender: str = ""
    nationality: str = ""
    roles: list[Mention] = field(default_factory=list)
    nicknames: list[Mention] = field(default_factory=list)
    acronym: Mention | None = None
    strong: bool = False  # label backed by evidence (title, surname of a titled person, gazetteer)
    lead: int = -1  # first token of the title before the name, if any
    head: str = ""  # descriptor head noun
    modifiers: list[str] = field(default_factory=list)
    entity: int = -1


def _clean(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without leading articles/brackets and trailing punctuation or possessive;
    "Trump's 1995" (an owner before an uncapitalized rest) keeps only the owner."""
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].text in LEFT_JUNK):
        start += 1
    for k in range(start + 1, end - 1):
        possessive = doc[k].lower_ in {"'s", "\u2019s", "'", "\u2019"}
        if possessive and not any(t.is_title for t in doc[k + 1 : end]):
            end = k
            break
    while end > start and (doc[end - 1].text in RIGHT_JUNK or doc[end - 1].lower_ in NAME_CONNECTORS):
        end -= 1
    return start, end


def _merged_ents(doc: Doc, ctx: _DocWords | None = None) -> list[tuple[int, int, str]]:
    """NER spans of entity labels, with "The Economic Club of" + "New York" joined into one ORG."""
    ents = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        start = ent.start
        for t in ent:  # a span never crosses a line break or a sentence start; "(" ends a name
            if t.is_space or "\n" in t.text or t.text == "(" or (t.is_sent_start and t.i > start):
                if t.i > start:
                    ents.append((start, t.i, ent.label_))
                start = t.i + (0 if t.is_sent_start and not t.is_space and t.text != "(" else 1)
        if start < ent.end:
            ents.append((start, ent.end, ent.label_))
    out: list[tuple[int, int, str]] = []
    for s, e, lab in ents:
        if out:
            ps, pe, plab = out[-1]
            joinable = plab in {"ORG", "FAC"} and doc[pe - 1].lower_ in {"of", "for", "and", "&", "on"}
            if joinable and s == pe and lab in {"GPE", "LOC", "ORG", "FAC"}:
                out[-1] = (ps, e, plab)
                continue
            # a nickname in quotes splits a name: Robert C. "Bobby" + Scott
            if plab == lab == "PERSON" and s == pe + 1 and doc[pe].text in {'"', "\u201d"}:
                out[-1] = (ps, e, plab)
                continue
            # "Ukraine's General Staff": a country's possessive before a generic institution
            if (
                plab == "GPE"
                and lab == "ORG"
                and s == pe + 1
                and doc[pe].lower_ in {"'s", "\u2019s"}
                and e - s <= 3
                and nouns().get(doc[e - 1].lower_) == "ORG"
            ):
                out.append((ps, e, "ORG"))
                continue
        out.append((s, e, lab))
    return _titled_unlabelled(doc, out, ctx)


def _titled_unlabelled(
    doc: Doc, ents: list[tuple[int, int, str]], ctx: _DocWords | None = None
) -> list[tuple[int, int, str]]:
    """Add names the model missed after a lexicon title: "Col Souleymane Dembélé" (2-3 proper nouns)."""
    covered = {k for s, e, _l in ents for k in range(s, e)}
    table = compact_titles()
    ctx = ctx or _DocWords(doc)
    texts, lows = ctx.texts, ctx.lows
    extra = []
    for i in range(1, len(texts)):
        if i in covered or not texts[i][:1].isupper() or doc[i].pos_ != "PROPN":
            continue
        if not any("".join(lows[i - k : i]) in table for k in (1, 2, 3) if i - k >= 0):
            continue
        j = i
        while (
            j < len(doc)
            and j - i < 3
            and doc[j].pos_ == "PROPN"
            and doc[j].text[:1].isupper()
            and j not in covered
            and doc[j].is_alpha
        ):
            j += 1
        if j - i >= 2 and (j == len(doc) or not doc[j].text[:1].isupper()):
            extra.append((i, j, "PERSON"))
            covered.update(range(i, j))
    return sorted(ents + extra)


def lowered(doc: Doc) -> list[str]:
    """Every token's text lowercased, by token index (the pieces of a `compact` key)."""
    return [t.text.lower() for t in doc]


class _DocWords:
    """What `name_mentions` reads of a Doc again and again, read once: token texts, lowercased texts,
    sentence bounds by token and the folded names the NER tagged as places."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.texts = [t.text for t in doc]
        self.lows = [w.lower() for w in self.texts]
        self._sents: list[Span] | None = None
        self._sent_of: list[int] = []
        self._place_keys: set[str] | None = None

    def sent(self, i: int) -> Span:
        """The sentence of token i (as `doc[i].sent`)."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._sent_of = [k for k, s in enumerate(self._sents) for _ in range(len(s))]
        return self._sents[self._sent_of[i]]

    def sent_start(self, i: int) -> int:
        """The first token of token i's sentence."""
        return self.sent(i).start

    @property
    def place_keys(self) -> set[str]:
        """Folded texts of the NER's GPE and LOC spans."""
        if self._place_keys is None:
            self._place_keys = {fold_name(e.text) for e in self.doc.ents if e.label_ in {"GPE", "LOC"}}
        return self._place_keys


def _title_before(
    doc: Doc, i: int, floor: int, lows: list[str] | None = None
) -> tuple[int, tuple[str, ...], str] | None:
    """The longest lexicon title ending right before token i: (start token, descriptor nouns, gender)."""
    table = compact_titles()
    lows = lows if lows is not None else lowered(doc)
    for k in range(6, 0, -1):
        if i - k < floor:
            continue
        key = "".join(lows[i - k : i])
        if key in table and (k == 1 or not doc[i - k].is_punct):
            heads, gender = table[key]
            start = i - k
            # "Deputy Foreign Minister": extend over capitalized words not part of an entity
            while (
                start > floor
                and doc[start - 1].is_title
                and not doc[start - 1].ent_type_
                and not doc[start - 1].is_sent_start
                and doc[start - 1].lower_ not in DETERMINERS
                and i - start < 5
                and doc[start - 1].pos_ in {"PROPN", "ADJ", "NOUN"}
            ):
                start -= 1
            return start, heads, gender
    if i - 1 >= floor and doc[i - 1].lower_ in title_heads():
        return i - 1, (doc[i - 1].lower_,), ""
    return None


def _title_for_non_person(title: str, name: Span) -> bool:
    """True when a title before a non-PERSON span shows it is a person ("President Zelenskyy",
    "spokesperson Leni Kinzli"), not part of an institution's name ("General Assembly")."""
    words_ok = len(name) <= 3 and all(t.is_title and t.lower_ not in nouns() for t in name)
    if title[0].islower():  # a lowercase person noun cannot be part of a proper name
        return words_ok and len(name) >= 2 and nouns().get(title.split()[-1].lower()) == "PERSON"
    unambiguous = "." in title or " " in title or title.lower() in {"president", "premier", "chancellor"}
    return unambiguous and words_ok and len(name) <= 2


def _first_name_before(doc: Doc, i: int, lows: list[str] | None = None, ctx: _DocWords | None = None) -> int:
    """Start of a name whose first words the NER missed: "Gen. Valerii" + "Zaluzhnyi" -> "Valerii"."""
    j = i
    floor = ctx.sent_start(i) if ctx is not None else doc[i].sent.start
    while (
        j - 1 >= floor
        and j > i - 2
        and not doc[j - 1].ent_type_
        and doc[j - 1].pos_ == "PROPN"
        and doc[j - 1].is_title
        and doc[j - 1].lower_ not in compact_titles()
    ):
        j -= 1
    if j < i:
        title = _title_before(doc, j, floor, lows)
        if title is not None and doc[title[0]].is_title:
            return j
    return i


def _nationality(doc: Doc, i: int) -> str:
    """The NORP/GPE word right before a title ("Ukrainian President", "Ukraine's president")."""
    j = i - 1
    if j >= 0 and doc[j].lower_ in {"'s", "\u2019s"}:
        j -= 1
    if j >= 0 and doc[j].ent_type_ in {"NORP", "GPE"}:
        return doc[j].text
    return ""


def _is_cue_subject(span: Span) -> bool:
    """True when the span heads the subject of a speech verb ("X said", "X, the ..., said")."""
    root = span.root
    return root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in cue_lemmas()


def _person_noun(tok: Token) -> bool:
    """True for "chairman", "officer", "spokesman", "minister"..."""
    low = tok.lower_
    return nouns().get(low) == "PERSON" or nouns().get(tok.lemma_.lower()) == "PERSON" or low in title_heads()


def _role_segment(doc: Doc, s: int, e: int, name: tuple[int, int] = (0, 0)) -> bool:
    """True when tokens [s, e) read as a role phrase ("chairman of the ...", "the country's president");
    a common noun the parser attaches to the name as an apposition ("the wife of ...") also counts."""
    if not 1 <= e - s <= 16:
        return False
    seg = doc[s:e]
    if seg[0].lower_ in APPOS_BAD_START or seg[0].ent_type_ in {"PERSON", "DATE", "TIME", "CARDINAL"}:
        return False
    if any(t.tag_ in FINITE_TAGS or t.dep_ == "ROOT" for t in seg):
        return False
    roots = [t for t in seg if not (s <= t.head.i < e) or t.head.i == t.i]
    if any(t.ent_type_ == "PERSON" for t in roots):
        return False  # ", director Ali Badrakhan": another person, not a role
    if any(_person_noun(t) for t in roots):
        return True
    if any(t.dep_ == "appos" and t.pos_ == "NOUN" and name[0] <= t.head.i < name[1] for t in roots):
        return True
    # the head noun before the first preposition ("chairman of ...", "head of the agency")
    for t in seg:
        if t.pos_ == "ADP":
            break
        if t.pos_ in {"NOUN", "PROPN"} and _person_noun(t) and t.lower_ not in {"head"}:
            return True
    return False


def _nickname(doc: Doc, s: int, e: int) -> Span | None:
    """The name in ", known as Hemedti," / ", nicknamed ...," / ", also known as ...,"."""
    words = [t.lower_ for t in doc[s:e]]
    for cue in (["also", "known", "as"], ["known", "as"], ["nicknamed"], ["dubbed"]):
        n = len(cue)
        if words[:n] == cue and s + n < e and all(t.is_title or t.text in {"-", "'"} for t in doc[s + n : e]):
            span = doc[s + n : e]
            while len(span) and span[0].text in {'"', "\u201c"}:
                span = span[1:]
            while len(span) and span[-1].text in {'"', "\u201d"}:
                span = span[:-1]
            return span if len(span) else None
    return None


def _appositives(doc: Doc, m: Mention, ctx: _DocWords | None = None) -> None:
    """Roles from ", chairman of ...," after a name and "the country's president, X" before it."""
    sent = ctx.sent(m.tok_start) if ctx is not None else doc[m.tok_start].sent
    j = m.tok_end
    if j + 2 < sent.end and doc[j].text == "," and doc[j + 1].like_num and doc[j + 2].text == ",":
        j += 2  # "John Smith, 45, a teacher,": skip the age
    if j < sent.end and doc[j].text == ",":
        k = j + 1
        while k < sent.end and doc[k].text not in APPOS_STOP and doc[k].text != ".":
            k += 1
        stop_ok = k >= sent.end or doc[k].text in {",", ";", ")", "--", "\u2014", "."}
        nick = _nickname(doc, j + 1, k)
        if nick is not None and m.label == "PERSON":
            m.nicknames.append(
                Mention(
                    nick.start_char,
                    nick.end_char,
                    nick.text,
                    "PERSON",
                    "name",
                    nick.start,
                    nick.end,
                    strong=True,
                )
            )
        elif stop_ok and _role_segment(doc, j + 1, k, (m.tok_start, m.tok_end)):
            span = doc[j + 1 : k]
            m.roles.append(Mention(span.start_char, span.end_char, span.text, m.label, "role", j + 1, k))
    first = m.lead if m.lead >= 0 else m.tok_start
    if first - 1 > sent.start and doc[first - 1].text == ",":
        k = first - 1
        b = k
        while b > sent.start and doc[b - 1].text not in APPOS_STOP and doc[b - 1].tag_ not in FINITE_TAGS:
            b -= 1
        starts_ok = (
            doc[b].lower_ in DETERMINERS | {"its", "his", "her", "their"}
            or doc[b].ent_type_ in {"GPE", "NORP", "ORG"}
            or any(t.lower_ in {"'s", "\u2019s"} for t in doc[b:k])
        )
        if starts_ok and (b == sent.start or doc[b - 1].text in APPOS_STOP) and _role_segment(doc, b, k):
            span = doc[b:k]
            m.roles.append(Mention(span.start_char, span.end_char, span.text, m.label, "role", b, k))


def _acronym_after(doc: Doc, m: Mention) -> None:
    """An acronym defined in brackets right after a name: "the World Food Programme (WFP)"."""
    j = m.tok_end
    if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")" and is_acronym(doc[j + 1].text):
        t = doc[j + 1]
        if not _abbreviates(t.text, m.text):
            return
        m.acronym = Mention(t.idx, t.idx + len(t.text), t.text, m.label, "acronym", t.i, t.i + 1)


def _abbreviates(acronym: str, name: str) -> bool:
    """True when an acronym's letters are the initials, or in order among the capitals, of a name."""
    letters = acronym.replace(".", "").upper()
    if initials(name) == letters:
        return True
    caps = "".join(c for c in name if c.isupper())
    it = iter(caps)
    return len(caps) > 1 and caps[0] == letters[0] and all(ch in it for ch in letters)


def name_mentions(doc: Doc) -> list[Mention]:
    """Cleaned name mentions with titles, roles, defined acronyms and fixed labels."""
    raw: list[Mention] = []
    title_toks: set[int] = set()
    ctx = _DocWords(doc)
    lows = ctx.lows
    table = compact_titles()
    for s, e, label in _merged_ents(doc, ctx):
        s2, e2 = _clean(doc, s, e)
        if s2 >= e2:
            continue
        s2 = _first_name_before(doc, s2, lows, ctx)
        # a title inside the NER span ("President Volodymyr Zelenskyy")
        inner = None
        for k in range(min(5, e2 - s2 - 1) if label == "PERSON" else 0, 0, -1):
            if "".join(lows[s2 : s2 + k]) in table:
                inner = k
                break
        m = Mention(0, 0, "", label, "name", s2, e2)
        if inner:
            heads, gender = table["".join(lows[s2 : s2 + inner])]
            lead = s2
            for j in range(1, 4):  # "Lt." before a span that starts with "Gen."
                if s2 - j >= 0 and "".join(lows[s2 - j : s2 + inner]) in table:
                    lead = s2 - j
            title_toks.update(range(lead, s2))
            m.titles.append(doc[lead : s2 + inner].text)
            m.gender, m.tok_start, m.lead = gender, s2 + inner, lead
            m.nationality = _nationality(doc, lead)
            m.strong = label == "PERSON" or doc[s2].is_title
        else:
            found = _title_before(doc, s2, ctx.sent_start(s2), lows)
            if found and label != "PERSON" and not _title_for_non_person(doc[found[0] : s2].text, doc[s2:e2]):
                found = None
            if found and not (
                label in {"GPE", "LOC", "NORP"} and is_known_place(doc[s2:e2].text, strict=True)
            ):
                ts, heads, gender = found
                m.titles.append(doc[ts:s2].text)
                m.gender, m.nationality, m.strong = gender, _nationality(doc, ts), True
                title_toks.update(range(ts, s2))
                m.lead = ts
                if ts > 0 and (doc[ts - 1].ent_type_ == "ORG" or is_acronym(doc[ts - 1].text)):
                    # "Kremlin spokesman", "RSF commander": a role with its organisation
                    org_start = ts - 1
                    while org_start > 0 and doc[org_start].ent_iob_ == "I":
                        org_start -= 1
                    role = doc[org_start:s2]
                    m.roles.append(
                        Mention(role.start_char, role.end_char, role.text, "PERSON", "role", org_start, s2)
                    )
                if label != "PERSON":
                    m.label = "PERSON"
        if not any(w[:1].isupper() for w in ctx.texts[m.tok_start : e2]) and not (
            label in {"ORG", "NORP"} and nouns().get(lows[e2 - 1]) == "ORG"
        ):
            continue
        span = doc[m.tok_start : e2]
        m.start, m.end, m.text = span.start_char, span.end_char, span.text
        raw.append(m)
    mentions = [m for m in raw if not set(range(m.tok_start, m.tok_end)) <= title_toks]
    mentions += _missed_names(doc, mentions, title_toks, ctx)
    mentions.sort(key=lambda m: m.start)
    _fix_labels(doc, mentions, ctx)
    for m in mentions:
        if m.label in {"PERSON", "ORG"}:
            _appositives(doc, m, ctx)
        _acronym_after(doc, m)
    # an acronym defined in brackets is a mention of the name before it, not an entity of its own
    defined = {m.acronym.tok_start for m in mentions if m.acronym}
    nicks = {(n.tok_start, n.tok_end) for m in mentions for n in m.nicknames}
    return [
        m
        for m in mentions
        if not (m.tok_start in defined and m.tok_end - m.tok_start == 1)
        and (m.tok_start, m.tok_end) not in nicks
    ]


def _person_tokens(doc: Doc, mentions: list[Mention], texts: list[str] | None = None) -> NameTokens:
    """Tokens of titled or full (multi-word) person names: evidence that a word is a name."""
    texts = texts if texts is not None else [t.text for t in doc]
    people = [m for m in mentions if m.label == "PERSON" and (m.titles or m.tok_end - m.tok_start > 1)]
    people = [m for m in people if m.titles or not is_known_place(m.text)]
    return NameTokens([w for m in people for w in texts[m.tok_start : m.tok_end]])


def _next_word(doc: Doc, i: int) -> str:
    """The lowercased word at token i, skipping closing brackets and quotes."""
    while i < len(doc) and doc[i].text in {")", '"', "\u201d"}:
        i += 1
    return doc[i].lower_ if i < len(doc) else ""


def _missed_names(
    doc: Doc, mentions: list[Mention], skip: set[int], ctx: _DocWords | None = None
) -> list[Mention]:
    """Capitalized words the NER missed that are a known person's surname, a river or a known place."""
    ctx = ctx or _DocWords(doc)
    covered = set(skip)
    for m in mentions:
        covered.update(range(m.tok_start, m.tok_end))
    person_tokens = _person_tokens(doc, mentions, ctx.texts)
    out: list[Mention] = []
    for t in doc:
        if t.i in covered or t.ent_type_ or not t.is_title or t.is_stop or len(t.text) < 3:
            continue
        if t.pos_ not in {"PROPN", "NOUN"}:
            continue
        label = ""
        if t.text in person_tokens:
            label = "PERSON" if not is_known_place(t.text, strict=True) else ""
        if not label and t.pos_ == "PROPN" and _next_word(doc, t.i + 1) in GEO_HEADS:
            label = "LOC"
        elif (
            not label
            and t.pos_ == "PROPN"
            and is_known_place(t.text, strict=True)
            and _place_evidence(doc, t.i, t.i + 1, ctx)
        ):
            label = "GPE"
        if label:
            out.append(Mention(t.idx, t.idx + len(t.text), t.text, label, "name", t.i, t.i + 1, strong=True))
    return out


LOCATIVES = {
    "in",
    "near",
    "from",
    "to",
    "at",
    "around",
    "outside",
    "across",
    "into",
    "toward",
    "towards",
    "of",
    "inside",
    "through",
    "over",
    "on",
    "via",
    "between",
    "and",
}


def _place_evidence(doc: Doc, start: int, end: int, ctx: _DocWords | None = None) -> bool:
    """True when a known place name is used as a place here: a country, US state or listed region,
    or a city after a preposition, before ", <place>", or tagged as a place elsewhere in the text."""
    text = doc[start:end].text
    if is_core_place(text):
        return True
    if not is_known_place(text):
        return False
    if start > 0 and doc[start - 1].lower_ in LOCATIVES:
        return True
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ in {"GPE", "LOC"}:
        return True
    head = doc[end - 1]
    if head.dep_ == "compound" and head.head.pos_ == "NOUN" and head.head.i >= end:
        return True  # "the Rafah crossing", "our Kyiv bureau"
    return fold_name(text) in (ctx or _DocWords(doc)).place_keys


def _fix_labels(doc: Doc, mentions: list[Mention], ctx: _DocWords | None = None) -> None:
    """Relabel NER mistakes with evidence from the document and the gazetteer."""
    ctx = ctx or _DocWords(doc)
    person_tokens = _person_tokens(doc, mentions, ctx.texts)
    for m in mentions:
        toks = ctx.texts[m.tok_start : m.tok_end]
        canon = aliases().get(fold_name(m.text))
        if canon and not m.titles:  # "U.S." tagged as a person, "U.N." as a place
            m.label, m.strong = ("GPE" if fold_name(canon) in country_names() else "ORG"), True
            continue
        if m.strong or is_acronym(m.text) or len(fold_name(m.text)) < 3:
            continue
        if _next_word(doc, m.tok_end) in GEO_HEADS and m.label != "PERSON":
            m.label, m.strong = "LOC", True
            continue
        if (
            m.label == "PERSON"
            and m.tok_end - m.tok_start == 1
            and m.text not in person_tokens
            and _place_evidence(doc, m.tok_start, m.tok_end, ctx)
        ):
            m.label, m.strong = "GPE", True
            continue
        if (
            m.label in {"ORG", "NORP", "FAC"}
            and is_known_place(m.text, strict=True)
            and _place_evidence(doc, m.tok_start, m.tok_end, ctx)
        ):
            m.label, m.strong = "GPE", True
            continue
        if (
            m.label != "PERSON"
            and len(toks) <= 2
            and all(t in person_tokens for t in toks)
            and not is_known_place(m.text, strict=True)
        ):
            m.label, m.strong = "PERSON", True
            continue
        adjective = len(toks) == 1 and doc[m.tok_start].tag_ == "JJ"
        if m.label == "GPE" and adjective and not is_known_place(m.text):
            m.label = "NORP"  # "Ukrainian" tagged as a place
            continue
        if (
            m.label in {"GPE", "LOC", "NORP", "FAC"}
            and not is_known_place(m.text)
            and _is_cue_subject(doc[m.tok_start : m.tok_end])
        ):
            last = doc[m.tok_end - 1].lower_
            m.label = "ORG" if nouns().get(last) == "ORG" else "PERSON"
            m.strong = True


__all__ = ["Mention", "name_mentions", "fold_name"]
