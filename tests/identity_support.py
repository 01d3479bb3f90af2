"""Hand-built reports for the identity tests: articles we wrote, with entities, places and statements."""

from __future__ import annotations

from pathlib import Path

from sitrep.model import Document, Entity, Place, Report, Speaker, Statement, TextSpan
from sitrep.store.db import Store


def _span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def article(
    doc_id: str,
    published: str,
    text: str,
    people: list[tuple[str, str, list[str]]],
    places: list[tuple[str, str, str, str]] = (),  # type: ignore[assignment]
    said: str | None = None,
) -> tuple[Report, str]:
    """A report: entities (name, type, surfaces in order), places (surface, name, gazetteer id, country)
    and, with `said`, one statement by the first entity whose content is the text after `said`."""
    entities = []
    for n, (name, type_, surfaces) in enumerate(people):
        at, mentions = 0, []
        for s in surfaces:
            span = _span(text, s, at)
            mentions.append(TextSpan(text=s, span=span))
            at = span[1]
        entities.append(Entity(id=f"e{n}", name=name, type=type_, mentions=mentions))
    place_items = [
        Place(
            text=s,
            span=_span(text, s),
            name=name,
            gazetteer_id=gid,
            country=country,
            feature="city",
            lat=50.0,
            lon=30.0,
        )
        for s, name, gid, country in places
    ]
    statements = []
    if said:
        cue = _span(text, said)
        content = (cue[1] + 1, len(text) - 1)
        first = entities[0]
        statements.append(
            Statement(
                id="s1",
                speaker=Speaker(
                    name=first.name, entity=first.id, span=first.mentions[0].span, text=first.name
                ),
                cue=TextSpan(text=said, span=cue),
                kind="indirect",
                content=TextSpan(text=text[content[0] : content[1]], span=content),
            )
        )
    doc = Document(id=doc_id, published=published, source="Test Wire", title=doc_id)
    return Report(document=doc, entities=entities, places=place_items, statements=statements), text


ARTICLES = [
    article(
        "a1",
        "2022-03-01",
        "President Volodymyr Zelensky said the capital Kyiv would hold.",
        [("Volodymyr Zelensky", "PERSON", ["Volodymyr Zelensky"])],
        [("Kyiv", "Kyiv", "sitrep:kyiv", "UA")],
        said="said",
    ),
    article(
        "a2",
        "2022-03-02",
        "Volodymyr Zelenskiy told reporters in Kiev that talks had stalled.",
        [("Volodymyr Zelenskiy", "ORG", ["Volodymyr Zelenskiy"])],
        [("Kiev", "Kyiv", "sitrep:kyiv", "UA")],
        said="told reporters",
    ),
    article(
        "a3",
        "2022-03-03",
        "Zelenskyy said his wife Olena Zelenska had visited Kharkiv. Zelenska met doctors.",
        [
            ("Zelenskyy", "PERSON", ["Zelenskyy"]),
            ("Olena Zelenska", "PERSON", ["Olena Zelenska", "Zelenska"]),
        ],
        [("Kharkiv", "Kharkiv", "sitrep:kharkiv", "UA")],
        said="said",
    ),
    article(
        "a4",
        "2022-03-04",
        "Bill Clinton and William Jefferson Clinton were both named in the European Union note.",
        [
            ("Bill Clinton", "PERSON", ["Bill Clinton"]),
            ("William Jefferson Clinton", "PERSON", ["William Jefferson Clinton"]),
            ("European Union", "ORG", ["European Union"]),
        ],
    ),
]


def write(path: Path, articles: list[tuple[Report, str]]) -> None:
    """Write reports and their texts to the store (no aggregation)."""
    with Store(path) as store:
        for r, text in articles:
            store.write_report(r, text, {"published": r.document.published})
