"""Document metadata: id, publication date and title from the caller, the wire dateline from the text."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import ensure_extensions
from ..model import Document
from ..text import document_id, find_dateline, paragraphs


def read_document(doc: Doc) -> Document:
    """The document record: caller metadata plus the dateline found at the head of the text."""
    meta = doc._.sitrep_meta or {}
    published = meta.get("published")
    dateline = find_dateline(doc.text)
    return Document(
        id=meta.get("id") or document_id(doc.text),
        title=meta.get("title"),
        source=meta.get("source"),
        url=meta.get("url"),
        published=published.isoformat() if published else None,
        dateline=dateline.place if dateline else None,
        dateline_span=dateline.span if dateline else None,
        body_start=dateline.body_start if dateline else 0,
    )


class DocumentComponent:
    """Sets `doc._.sitrep_document`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.sitrep_document = read_document(doc)
        return doc


@Language.factory(
    "sitrep_document",
    assigns=["doc._.sitrep_document"],
    default_config={},
)
def make_document_component(nlp: Language, name: str) -> DocumentComponent:
    """Factory of the document-metadata component."""
    ensure_extensions()
    return DocumentComponent()


def segment(doc: Doc) -> Doc:
    """Mark sentence starts the parser must respect: the body after a wire dateline and every paragraph.

    Without this, the small model parses "LONDON (Reuters) - Russia said ..." as one sentence with
    "LONDON" as a second subject of "said", and runs a headline without a full stop into the lead.
    """
    starts = {start for start, _end in paragraphs(doc.text)}
    dateline = find_dateline(doc.text)
    if dateline is not None:
        starts.add(dateline.body_start)
    for token in doc[1:]:
        if token.idx in starts:
            token.is_sent_start = True
    return doc


@Language.factory(
    "sitrep_segment",
    assigns=["token.is_sent_start"],
    default_config={},
)
def make_segment_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Factory of the segmenter: runs before the parser (see `segment`)."""
    return segment
