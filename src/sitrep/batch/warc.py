"""WARC and WET input for batch runs: HTML responses through trafilatura, plain-text records as they are."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import fsspec

from ..errors import InputError
from .partitions import Record

if TYPE_CHECKING:
    from ..ingest.records import Record as Article


def _kind(record: Any) -> str | None:
    """'html' or 'text' for records that carry an article, else None."""
    rtype = record.rec_type
    if rtype == "response":
        ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
        return "html" if "html" in ctype.lower() else None
    if rtype in ("conversion", "resource"):
        ctype = record.rec_headers.get_header("Content-Type") or ""
        return "text" if ctype.startswith("text/plain") or rtype == "conversion" else None
    return None


def _article(kind: str, body: str, where: str, url: str | None, crawl_date: str | None) -> Article:
    """An ingest Record from an HTML page (trafilatura, as `sitrep ingest` reads it) or a text record."""
    from ..ingest.readers import html_to_record
    from ..ingest.records import make_record

    if kind == "html":
        rec = html_to_record(body, where, url=url)
        rec.published = rec.published or crawl_date  # the crawl date stands in when the page gives none
        return rec
    return make_record(body, where, url=url, published=crawl_date)


def warc_records(url: str, parse: bool = True, first: int = 0) -> Iterator[Record]:
    """Article records of a WARC/WET file, numbered in file order; those before `first` are not parsed."""
    from warcio.archiveiterator import ArchiveIterator

    with fsspec.open(url, "rb") as fh:
        row = 0
        for record in ArchiveIterator(fh):
            kind = _kind(record)
            if kind is None:
                continue
            if not parse or row < first:
                yield Record(row, None)
                row += 1
                continue
            target = record.rec_headers.get_header("WARC-Target-URI")
            date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
            raw = record.content_stream().read()
            try:
                body = raw.decode("utf-8")
            except UnicodeDecodeError:
                body = raw.decode("latin-1")
            try:
                rec = _article(kind, body, f"{url}#{row}", target, date)
            except InputError as exc:
                yield Record(row, None, str(exc).removeprefix(f"{url}#{row}: "), target)
            else:
                yield Record(row, {**rec.item(), "external_id": rec.external_id}, None, target)
            row += 1
