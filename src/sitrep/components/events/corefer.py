"""Mentions of one happening: a story names each happening once as an event, at its first full mention
in the body; later mentions of the same type with compatible arguments and status, and headings,
captions and "Read also" links, are no new events (the real-news annotation
counts each happening once, as event-coding projects such as ACLED and PLOVER do)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ...model import Event
from ..shared.sides import same_party

# status classes: a repeat with another class is news of its own ("Moscow denied the strike")
_CLASS = {"reported": "fact", "alleged": "fact", "announced": "fact"}
ANAPHORIC = {"the", "this", "that", "these", "those", "such"}
_LINK = re.compile(r"\s*(read also|see also|read more|more on this|related|watch)\s*:", re.IGNORECASE)
_LABEL = re.compile(r"\s*([^\n.:!?\"“”]{3,80}):\s+\S")
_END = (".", "!", '"', "”", "’", "'", ")", ";", ",")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    for m in re.finditer(r"\n", text + "\n"):
        if text[start : m.start()].strip():
            out.append((start, m.start()))
        start = m.end()
    return out


def headings(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(heading spans, link spans): short paragraphs without a closing full stop (headlines, subheads,
    captions), lead-in labels ("Siege of X continues: ..."), and "Read also: ..." links to other stories."""
    heads: list[tuple[int, int]] = []
    links: list[tuple[int, int]] = []
    for s, e in _paragraphs(text):
        para = text[s:e].strip()
        if _LINK.match(para):
            links.append((s, e))
            continue
        words = len(para.split())
        if words <= 14 and (not para.endswith(_END) or (para.endswith("?") and words <= 10)):
            heads.append((s, e))
            continue
        m = _LABEL.match(text, s, e)
        if m is not None and len(m.group(1).split()) <= 8 and m.end(1) < e:
            heads.append((s, m.end(1)))
    return heads, links


def _inside(spans: list[tuple[int, int]], ev: Event) -> bool:
    a = ev.trigger.span[0]
    return any(s <= a < e for s, e in spans)


def _words(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", s.lower()) if len(w) > 3}


def _compatible(a: str | None, b: str | None, party: bool = False) -> bool:
    if not a or not b:
        return True
    if party:
        return same_party(a, b) or bool(_words(a) & _words(b))
    return a.lower() == b.lower() or bool(_words(a) & _words(b))


def same_happening(first: Event, later: Event, any_status: bool = False) -> bool:
    """Whether `later` mentions the happening `first` records: same type, same status class (unless
    `any_status`), and no argument that tells them apart (another actor, target, place, time or figure)."""
    if first.type != later.type:
        return False
    if not any_status and _CLASS.get(first.status, first.status) != _CLASS.get(later.status, later.status):
        return False
    if first.quantities and later.quantities and set(first.quantities) != set(later.quantities):
        return False
    return (
        _compatible(first.actor, later.actor, party=True)
        and _compatible(first.target, later.target, party=True)
        and _compatible(first.place, later.place)
        and (not first.time or not later.time or first.time == later.time)
    )


def _anaphoric(doc: Doc, ev: Event) -> bool:
    """A definite nominal mention ("the attack", "this invasion"): it points back rather than reporting
    a new happening. Verbs and indefinite or possessive nouns may report another attack of the same war."""
    span = doc.char_span(*ev.trigger.span, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.pos_ in ("VERB", "AUX") or ev.quantities:
        return False
    return any(c.dep_ == "det" and c.lower_ in ANAPHORIC for c in root.children)


def _noun(doc: Doc, ev: Event) -> str:
    """The lemma of a nominal trigger's head ("deployments" -> "deployment"), else ""."""
    span = doc.char_span(*ev.trigger.span, alignment_mode="expand")
    if span is None or span.root.pos_ not in ("NOUN", "PROPN"):
        return ""
    return span.root.lemma_.lower()


def _verbal(doc: Doc, ev: Event) -> bool:
    span = doc.char_span(*ev.trigger.span, alignment_mode="expand")
    return span is not None and span.root.pos_ in ("VERB", "AUX")


def merge_repeats(doc: Doc, events: list[Event]) -> list[Event]:
    """The events that are first mentions in the body. Headlines, captions, lead-in labels and "Read also"
    links name no event of their own: they repeat the body or point to another story (on the real-news
    dev and judged rounds every event found in one was wrong). A war story reports many attacks, so a
    factual mention repeats an earlier one only as a definite noun ("the attack"); a speculated, denied
    or disputed happening is one however often it is discussed. The same noun with the same actor
    ("Russia's deployments" ... "the deployments" Russia made) is one happening named again, whatever
    the status, unless a figure, time, place or target tells them apart, a later mention denies or
    disputes it, or a plan is then reported done. A kept event takes the arguments it lacks from its
    repeats ("Russia's invasion" after "an invasion")."""
    heads, links = headings(doc.text)
    ranked = sorted(events, key=lambda ev: ev.trigger.span[0])
    kept: list[Event] = []
    named: dict[tuple[str, str, str], Event] = {}  # (type, noun lemma, actor) -> its first mention
    for ev in ranked:
        if _inside(links, ev) or _inside(heads, ev):
            continue  # a headline or caption names a happening its story reports, or one of another story
        repeat = _CLASS.get(ev.status) != "fact" or _anaphoric(doc, ev)
        first = next((k for k in kept if same_happening(k, ev)), None) if repeat else None
        noun = _noun(doc, ev)
        key = (ev.type, noun, (ev.actor or "").lower())
        if first is None and noun and ev.actor and ev.status not in ("denied", "disputed"):
            first = named.get(key)  # "Russia's deployments ... the deployments of Russia": one happening
            if first is not None and (
                not same_happening(first, ev, any_status=True)
                or (_CLASS.get(first.status) != "fact" and _CLASS.get(ev.status) == "fact")
            ):
                first = None  # a plan, then its doing: news of its own
        if first is None:
            kept.append(ev)
            if noun and ev.actor:
                named.setdefault(key, ev)
            continue
        if not _verbal(doc, first):  # a verb without an actor left it unnamed on purpose (a passive)
            first.actor = first.actor or ev.actor
        first.target = first.target or ev.target
        first.place = first.place or ev.place
        first.time = first.time or ev.time
    kept.sort(key=lambda ev: ev.trigger.span[0])
    for i, ev in enumerate(kept, 1):
        ev.id = f"v{i}"
    return kept
