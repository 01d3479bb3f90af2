"""`_nested` walks up from a token through the heads inside an earlier predicate's span; it must stop at the
sentence root (spaCy makes a new Token object for every `.head`, so an identity test never ends the loop)."""

from __future__ import annotations

import threading

from spacy.language import Language

from sitrep.components.positions.component import _nested


def test_walk_up_stops_at_the_root_inside_the_span(nlp: Language) -> None:
    doc = nlp("Talks with Moscow about a ceasefire.")
    root = next(t for t in doc if t.head.i == t.i)
    assert root.tag_ not in ("VBD", "VBZ", "VBP")
    answer: list[bool] = []
    walker = threading.Thread(target=lambda: answer.append(_nested(doc[3], {t.i for t in doc})), daemon=True)
    walker.start()
    walker.join(timeout=20)
    assert not walker.is_alive(), "the walk up the heads did not stop at the root"
    assert answer == [False]
