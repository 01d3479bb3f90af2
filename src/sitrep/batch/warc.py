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
    """Article records of a WARC/WET file, numbered in file order; those before `first` are not parsed.

    The file is checked as `sitrep ingest` checks it (`ingest.warcscan`): a record cut before its
    declared length or lying in a gzip member whose trailer is cut or wrong is an error row naming the
    record, as is every record after it; a cut header, or bytes after the last whole record, add an
    error row of their own. Rows are numbered the same whether or not they are parsed.
    """
    from ..ingest.gzcheck import bad_member
    from ..ingest.warcscan import scan

    with fsspec.open(url, "rb") as fh:
        bad = bad_member(fh)  # warcio never reads a member's CRC and length: a cut trailer passes it
        size = fh.seek(0, 2)
        fh.seek(0)
        row = 0
        for e in scan(fh, size, bad):
            where = f"{url}#{row}"
            if e.rec is None:  # a cut header, or the file itself: a row of its own
                yield Record(row, None, f"WARC record {e.n}: {e.problem}" if e.n else e.problem)
                row += 1
                continue
            target = e.rec.rec_headers.get_header("WARC-Target-URI")
            kind = _kind(e.rec)
            try:
                if kind is None:  # not an article, but a cut one means the file is cut there
                    e.check(where)
                    continue
                if not parse or row < first:
                    yield Record(row, None)
                    row += 1
                    continue
                raw = e.body(where)
            except InputError as exc:
                yield Record(row, None, f"WARC record {e.n}: {str(exc).removeprefix(where + ': ')}", target)
                row += 1
                continue
            date = (e.rec.rec_headers.get_header("WARC-Date") or "")[:10] or None
            try:
                body = raw.decode("utf-8")
            except UnicodeDecodeError:
                body = raw.decode("latin-1")
            try:
                rec = _article(kind, body, where, target, date)
            except InputError as exc:
                yield Record(row, None, str(exc).removeprefix(f"{where}: "), target)
            else:
                yield Record(row, {**rec.item(), "external_id": rec.external_id}, None, target)
            row += 1
