"""Reading input files into text, with errors that name the file and the problem."""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import InputError

MAX_BYTES = 20 * 1024 * 1024


def decode_text(data: bytes, where: str) -> str:
    """UTF-8 text from bytes, refusing binary data, undecodable bytes and empty text."""
    if not data.strip():
        raise InputError(f"{where}: the file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from exc
    if not text.strip():
        raise InputError(f"{where}: the file is empty")
    return text


def read_text(path: str, max_bytes: int = MAX_BYTES) -> str:
    """The text of a file, or of standard input for '-'."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        where = "<stdin>"
    else:
        p = Path(path)
        where = str(p)
        if not p.exists():
            raise InputError(f"{where}: no such file")
        if p.is_dir():
            raise InputError(f"{where}: is a directory, not a file")
        try:
            with p.open("rb") as fh:
                data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(f"{where}: cannot read ({exc.strerror})") from exc
    if len(data) > max_bytes:
        raise InputError(f"{where}: larger than {max_bytes // (1024 * 1024)} MiB")
    return decode_text(data, where)
