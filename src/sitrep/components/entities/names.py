"""Name mentions of the entities component: cleaned NER spans with titles, appositive roles, nicknames
and defined acronyms (label fixes are in `labels.py`, descriptive mentions in `descriptors.py`)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .labels import fix_labels, missed_names
from .lexicon import (
    DETERMINERS,
    NAME_CONNECTORS,
    compact_titles,
    initials,
    is_acronym,
    is_known_place,
    nouns,
    title_heads,
)
from .mentions import DocWords, Mention

_PARTICLES = {"von", "van", "der", "den", "de", "da", "di", "du", "ter", "ten"}  # inside family names
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
APPOS_STOP = {",", ";", ":", "--", "\u2014", "\u2013", ")", "(", '"', "\u201c", "\u201d"}
APPOS_BAD_START = {"who", "which", "that", "and", "but", "or", "said", "says", "according", "while", "as"}
LEFT_JUNK = {"(", '"', "'", "\u201c", "\u2018", "[", "-", "--"}
RIGHT_JUNK = {")", '"', "'", "\u201d", "\u2019", "]", "'s", "\u2019s", ",", ".", "-", "--"}


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


def _merged_ents(doc: Doc, ctx: DocWords | None = None) -> list[tuple[int, int, str]]:
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
            # a family name after a particle typed apart: "Ursula von der" + "Leyen" (read as a place)
            particle = doc[pe - 1].lower_ in _PARTICLES
            if plab == "PERSON" and s == pe and e - s == 1 and doc[s].is_title and particle:
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
    doc: Doc, ents: list[tuple[int, int, str]], ctx: DocWords | None = None
) -> list[tuple[int, int, str]]:
    """Add names the model missed after a lexicon title: "Col Souleymane Dembélé" (2-3 proper nouns)."""
    covered = {k for s, e, _l in ents for k in range(s, e)}
    table = compact_titles()
    ctx = ctx or DocWords(doc)
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


def _first_name_before(doc: Doc, i: int, lows: list[str] | None = None, ctx: DocWords | None = None) -> int:
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


def _appositives(doc: Doc, m: Mention, ctx: DocWords | None = None) -> None:
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
    ctx = DocWords(doc)
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
    mentions += missed_names(doc, mentions, title_toks, ctx)
    mentions.sort(key=lambda m: m.start)
    fix_labels(doc, mentions, ctx)
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
