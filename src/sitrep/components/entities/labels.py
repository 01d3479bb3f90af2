"""Label evidence for name mentions: names the NER missed (a titled person's surname, a river, a known
place) and NER labels relabelled from the document and the gazetteer."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .lexicon import (
    NameTokens,
    aliases,
    country_names,
    cue_lemmas,
    fold_name,
    is_acronym,
    is_core_place,
    is_known_place,
    nouns,
)
from .mentions import DocWords, Mention

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


def _is_cue_subject(span: Span) -> bool:
    """True when the span heads the subject of a speech verb ("X said", "X, the ..., said")."""
    root = span.root
    return root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in cue_lemmas()


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


def missed_names(
    doc: Doc, mentions: list[Mention], skip: set[int], ctx: DocWords | None = None
) -> list[Mention]:
    """Capitalized words the NER missed that are a known person's surname, a river or a known place."""
    ctx = ctx or DocWords(doc)
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


def _place_evidence(doc: Doc, start: int, end: int, ctx: DocWords | None = None) -> bool:
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
    return fold_name(text) in (ctx or DocWords(doc)).place_keys


def fix_labels(doc: Doc, mentions: list[Mention], ctx: DocWords | None = None) -> None:
    """Relabel NER mistakes with evidence from the document and the gazetteer."""
    ctx = ctx or DocWords(doc)
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
