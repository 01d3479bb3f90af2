"""The records of the entities component: a `Mention` (name, role, descriptor or acronym) and
`DocWords`, what the mention finders read of a Doc again and again, read once."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .lexicon import fold_name


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


class DocWords:
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
