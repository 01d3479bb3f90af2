"""Gzip members checked to their end: the 8-byte trailer (CRC-32 and length) that warcio never reads.

A WARC.gz is a series of gzip members, usually one per record. warcio stops decompressing a member
when its deflate stream ends, so a file cut inside the last member's trailer, or a trailer whose CRC
or length does not match, still yields a whole-looking record. Reading each member through zlib in
gzip mode to its end verifies both: a member whose trailer is missing never reaches end of stream,
and a wrong CRC or length raises. What it cannot see is a file cut exactly between two members: every
member there is whole, and the record check (`warcscan.check_whole`) or the WARC parser speaks for it.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 16


@dataclass(frozen=True)
class BadMember:
    """The first gzip member that does not end as it should: the file offset where it starts, and why.
    Nothing from there on is trusted (after a wrong CRC, where the next member starts is a guess)."""

    start: int
    reason: str

    def holds(self, offset: int) -> bool:
        """Whether a record starting at this compressed offset lies in or after the bad member."""
        return offset >= self.start


def bad_member(src: Path | BinaryIO) -> BadMember | None:
    """The first gzip member of `src` (a path, or a binary file read from its start: `sitrep batch`
    opens fsspec URLs) whose trailer is missing or wrong; None when every member is whole or the file
    is not gzipped."""
    if isinstance(src, Path):
        with src.open("rb") as fh:
            return _first_bad(fh)
    return _first_bad(src)


def _first_bad(fh: BinaryIO) -> BadMember | None:
    if fh.read(2) != GZIP_MAGIC:
        return None
    fh.seek(0)
    start = 0  # file offset of the current member
    read = 0  # bytes of the file zlib has consumed
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        while data := fh.read(_CHUNK):
            while data:
                d.decompress(data, _CHUNK)  # output bounded per call: the rest waits in unconsumed_tail
                read += len(data) - len(d.unconsumed_tail) - len(d.unused_data)
                if d.eof:  # the trailer matched: the next member starts here
                    data, start = d.unused_data, read
                    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
                else:
                    data = d.unconsumed_tail
    except zlib.error as exc:
        return BadMember(start, f"corrupt gzip member ({_plain(exc)})")
    if read > start:  # a member that never reached its end
        return BadMember(start, "gzip member cut before its end (CRC and length trailer missing)")
    return None


def _plain(exc: zlib.error) -> str:
    """zlib's message without its 'Error -3 while decompressing data: ' prefix."""
    return str(exc).split(": ", 1)[-1]
