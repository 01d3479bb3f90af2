"""WARC and WET input for batch runs: HTML responses through trafilatura, plain-text records as they are."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import fsspec

from .batch_io import Record


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


def _html_item(html: str, url: str | None, crawl_date: str | None) -> tuple[dict[str, Any] | None, str | None]:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return None, "no article text found in the HTML"
    return {"text": text, "title": getattr(doc, "title", None), "url": url,
            "source": getattr(doc, "sitename", None),
            "published": getattr(doc, "date", None) or crawl_date}, None


def warc_records(url: str, parse: bool = True) -> Iterator[Record]:
    """Article records of a WARC/WET file, numbered in file order."""
    from warcio.archiveiterator import ArchiveIterator

    with fsspec.open(url, "rb") as fh:
        row = 0
        for record in ArchiveIterator(fh):
            kind = _kind(record)
            if kind is None:
                continue
            if not parse:
                yield Record(row, None)
                row += 1
                continue
            target = record.rec_headers.get_header("WARC-Target-URI")
            date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
            raw = record.content_stream().read()
            charset = "utf-8"
            try:
                body = raw.decode(charset)
            except UnicodeDecodeError:
                body = raw.decode("latin-1")
            if kind == "html":
                item, error = _html_item(body, target, date)
            else:
                item, error = {"text": body, "url": target, "published": date}, None
            yield Record(row, item, error, url=target)
            row += 1
