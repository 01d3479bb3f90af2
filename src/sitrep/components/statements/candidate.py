"""What the salience pass weighs: one candidate referent at one position, and the small helpers the
pronoun and description readers share (what a statement reports, the speaker a candidate names)."""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Speaker, Statement

KEEP = object()  # the speaker stays as the entities component resolved it


@dataclass
class Cand:
    """One thing a pronoun or description may refer to, at one position of the text."""

    pos: int
    key: str  # entity id, or "name:" + the unnamed speaker's name
    name: str
    entity: str | None
    kind: str  # PERSON | ORG | GPE | NORP | GROUP (an unnamed plural)
    strong: bool  # a speaker or a subject outside reported content
    head: str = ""  # head noun of an unnamed speaker ("spokesman")
    subject: bool = False  # a subject or speaker, inside reported content or not


def parts(st: Statement) -> list[tuple[int, int]]:
    """What a statement reports: the quotations of a direct one (its attribution may stand between
    them), else the whole content."""
    if st.kind == "direct":
        return [q.span for q in st.quotes if q.span is not None] or [st.content.span]
    return [st.content.span]


def to_speaker(named: Speaker | Cand, sp: Speaker) -> Speaker:
    """The person `named` names, at the mention `sp` was read from."""
    return Speaker(name=named.name, entity=named.entity, span=sp.span, text=sp.text)
