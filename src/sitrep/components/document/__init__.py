"""Document metadata and segmentation: id, publication date, title and wire dateline; paragraph
sentence starts set before the parser (`sitrep_segment`) and the document record (`sitrep_document`).
"""

from __future__ import annotations

from .component import make_document_component, make_segment_component, read_document

__all__ = [
    "make_document_component",
    "make_segment_component",
    "read_document",
]
