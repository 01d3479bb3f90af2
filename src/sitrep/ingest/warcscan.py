"""A WARC (or WARC.gz) walked record by record with the checks `sitrep ingest` and `sitrep batch` share.

warcio yields what it can parse and says nothing of what it could not: a record cut before its
declared Content-Length comes out short, a gzip member whose CRC/length trailer is cut or wrong comes
out whole-looking (`gzcheck`), a cut header becomes a record of no known type, and bytes after the last
whole record are dropped. `scan` turns each of these into a problem naming the record (or the file),
so that both readers report them and store nothing truncated as complete.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from ..errors import InputError
from .gzcheck import BadMember

WARC_TYPES = frozenset(
    {"warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion", "continuation"}
)
_CORRUPT = (zlib.error, OSError, EOFError, ValueError)  # what warcio raises on a damaged body


@dataclass(frozen=True)
class Entry:
    """One step of a scan: a record (`rec`, the n-th of the file, starting at compressed offset `at`),
    or a `problem` with no record: a record whose header is cut (n >= 1), or the file itself (n == 0)."""

    n: int
    rec: Any
    at: int
    bad: BadMember | None = None
    problem: str | None = None

    def check(self, where: str) -> None:
        """Raise InputError naming `where` when the record is cut or lies in a bad gzip member."""
        check_whole(self.rec, where, self.bad, self.at)

    def body(self, where: str, limit: int | None = None) -> bytes:
        """The record's payload (at most `limit` bytes), once it is known to be whole."""
        try:
            data: bytes = self.rec.content_stream().read(limit)
        except _CORRUPT as exc:
            raise InputError(f"{where}: corrupt record ({type(exc).__name__}: {exc})") from exc
        self.check(where)
        return data


def scan(fh: BinaryIO, size: int, bad: BadMember | None) -> Iterator[Entry]:
    """The records of the WARC in `fh` (`size` bytes; `bad`: its first bad gzip member, if any), then,
    where the parser fails or bytes remain after the last whole record, one Entry for the file."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        archive = ArchiveIterator(fh)
        for n, rec in enumerate(archive, 1):
            at = archive.offset  # where the record starts (get_record_offset() would read it through)
            if rec.rec_type not in WARC_TYPES or rec.rec_headers.get_header("Content-Length") is None:
                yield Entry(n, None, at, problem="truncated or corrupt WARC record header; not read")
                continue
            yield Entry(n, rec, at, bad)
        end = archive.offset
    except (ArchiveLoadFailed, *_CORRUPT) as exc:
        if bad is not None:  # warcio quotes the damaged bytes it met; the gzip check says what they are
            where = f"{bad.reason} at offset {bad.start:,}{_of(fh, bad.start)}"
            yield Entry(0, None, -1, problem=f"malformed WARC: {where}; nothing from there on is read")
        else:
            yield Entry(0, None, -1, problem=f"malformed WARC ({_printable(str(exc))})")
        return
    except Exception as exc:  # noqa: BLE001 - warcio fails in many ways on a damaged file
        yield Entry(0, None, -1, problem=f"malformed WARC ({type(exc).__name__}: {exc})")
        return
    if end < size:
        rest = f"{size - end:,} bytes after offset {end:,} are not a whole record"
        yield Entry(0, None, end, problem=f"truncated or corrupt WARC: {rest}{_of(fh, end)}")


def _of(fh: BinaryIO, offset: int) -> str:
    """' (the record of URI)' for the record whose header starts at `offset`, read however far it goes
    (a cut gzip member is decompressed as far as it can be), or '' where no target URI is found."""
    try:
        fh.seek(offset)
        data = fh.read(1 << 16)
    except (*_CORRUPT, AttributeError):
        return ""
    if data[:2] == b"\x1f\x8b":  # decompressed piece by piece: a wrong CRC at the end keeps the head
        d, head = zlib.decompressobj(16 + zlib.MAX_WBITS), b""
        try:
            for i in range(0, len(data), 64):
                head += d.decompress(data[i : i + 64])
        except zlib.error:
            pass
        data = head
    text = data.split(b"\r\n\r\n", 1)[0].decode("utf-8", "replace")
    m = re.search(r"^WARC-Target-URI:\s*(\S+)", text, re.MULTILINE | re.IGNORECASE)
    return f" (the record of {_printable(m.group(1))})" if m else ""


def _printable(text: str) -> str:
    """One line of at most 200 characters with every unprintable character as '?' (warcio quotes the
    damaged bytes it met)."""
    return "".join(c if c.isprintable() else "?" for c in " ".join(text.split()))[:200]


def check_whole(rec: Any, where: str, bad: BadMember | None = None, at: int = 0) -> None:
    """Refuse a WARC record whose block ends before its declared Content-Length, or which starts (at
    compressed offset `at`) in a gzip member whose trailer is cut or wrong (`bad`)."""
    raw = rec.raw_stream
    try:
        while raw.read(1 << 16):
            pass
    except _CORRUPT as exc:
        raise InputError(f"{where}: corrupt record ({type(exc).__name__}: {exc})") from exc
    missing = getattr(raw, "limit", 0) or 0
    if missing > 0:
        declared = int(rec.rec_headers.get_header("Content-Length") or 0)
        raise InputError(
            f"{where}: truncated record ({declared - missing:,} of {declared:,} bytes); not stored"
        )
    if bad is not None and bad.holds(at):
        raise InputError(f"{where}: {bad.reason} at offset {bad.start:,}; not stored")
