"""Document metadata: id, publication date and title from the caller, the wire dateline from the text."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ...extensions import ensure_extensions
from ...model import Document
from ...text import doc_text, document_id, find_dateline, paragraphs


def read_document(doc: Doc) -> Document:
    """The document record: caller metadata plus the dateline found at the head of the text."""
    meta = doc._.sitrep_meta or {}
    published = meta.get("published")
    text = doc_text(doc)
    dateline = find_dateline(text)
    return Document(
        id=meta.get("id") or document_id(text),
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
    text = doc_text(doc)
    starts = {start for start, _end in paragraphs(text)}
    dateline = find_dateline(text)
    if dateline is not None:
        starts.add(dateline.body_start)
    idx = doc.to_array(IDX).tolist() if len(doc) else []
    hits = []
    for start in sorted(starts):
        i = bisect_left(idx, start)
        if 0 < i < len(idx) and idx[i] == start:  # a token starts there (never the first token)
            hits.append(i)
    if not hits:
        return doc
    if doc.has_annotation("DEP"):  # too late: the token setter raises spaCy's own error
        for i in hits:
            doc[i].is_sent_start = True
        return doc
    # one write of the SENT_START column: the token setter checks the whole Doc for a parse per call
    flags = doc.to_array(SENT_START)
    flags[hits] = 1
    doc.from_array(SENT_START, flags)  # type: ignore[arg-type]  # spaCy's stub wants Ints2d
    return doc


@Language.factory(
    "sitrep_segment",
    assigns=["token.is_sent_start"],
    default_config={},
)
def make_segment_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Factory of the segmenter: runs before the parser (see `segment`)."""
    return segment
