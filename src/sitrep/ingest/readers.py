"""Readers: plain text (+ sidecar metadata), HTML, RSS/Atom, JSON Lines, CSV and WARC -> Records.

Each reader yields `Record`s and `Failure`s; one bad file or record never stops the others.
"""

from __future__ import annotations

import csv
import html as htmllib
import io
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ..errors import InputError
from ..io import MAX_BYTES, decode_text, read_text
from .gzcheck import bad_member
from .records import Failure, Record, make_record
from .warcscan import scan

Item = Record | Failure
FIELDS = ("id", "text", "title", "published", "source", "url")
MAX_CONTAINER_BYTES = 4 * 1024**3  # JSONL/CSV/WARC corpora are streamed; each document still <= MAX_BYTES


def _too_big(path: Path, limit: int = MAX_BYTES) -> Failure | None:
    size = path.stat().st_size
    if size > limit:
        return Failure(str(path), f"larger than {limit // (1024 * 1024)} MiB ({size / 1024**2:.0f} MiB)")
    return None


def _fail(exc: InputError, path: Path) -> Failure:
    msg = str(exc)
    prefix = f"{path}: "
    return Failure(str(path), msg[len(prefix) :] if msg.startswith(prefix) else msg)


def sidecar(path: Path) -> Path | None:
    """The metadata sidecar of a text file: `<file>.meta.json` or `<stem>.meta.json`."""
    for candidate in (path.with_name(path.name + ".meta.json"), path.with_name(path.stem + ".meta.json")):
        if candidate.is_file():
            return candidate
    return None


def read_txt(path: Path) -> Iterator[Item]:
    """A plain-text article, with title/published/source/url from its sidecar when there is one."""
    try:
        text = read_text(str(path))
        meta: dict[str, Any] = {}
        side = sidecar(path)
        if side is not None:
            try:
                meta = json.loads(side.read_text(encoding="utf-8"))
            except (ValueError, OSError) as exc:
                raise InputError(f"{path}: bad metadata sidecar {side.name} ({exc})") from exc
            if not isinstance(meta, dict):
                raise InputError(f"{path}: metadata sidecar {side.name} is not a JSON object")
        yield make_record(text, str(path), **meta)
    except InputError as exc:
        yield _fail(exc, path)


_TAG = re.compile(r"<[A-Za-z!/?][^>]*>")


def html_to_record(markup: str, where: str, url: str | None = None, **meta: Any) -> Record:
    """Main text, title, date and byline of an HTML page (trafilatura)."""
    try:
        import trafilatura
    except ImportError as exc:  # trafilatura 2.x needs lxml_html_clean (lxml >= 5.2 split it out)
        raise InputError(f"{where}: reading HTML needs trafilatura and lxml-html-clean ({exc})") from exc

    if not _TAG.search(markup):
        raise InputError(f"{where}: not HTML (no tags found)")
    try:
        doc = trafilatura.bare_extraction(
            markup, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise InputError(f"{where}: malformed HTML ({type(exc).__name__}: {exc})") from exc
    if doc is None:
        raise InputError(f"{where}: malformed HTML or no main text found")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    lines = [ln.strip() for ln in (data.get("text") or "").splitlines() if ln.strip()]
    title = data.get("title")
    if lines and title and lines[0] == title.strip():
        lines = lines[1:]
    if not lines:
        raise InputError(f"{where}: no main text found in the HTML")
    host = data.get("sitename") or data.get("hostname") or (urlparse(url).hostname if url else None)
    return make_record(
        "\n\n".join(lines),
        where,
        title=meta.get("title") or title,
        published=meta.get("published") or data.get("date"),
        source=meta.get("source") or host,
        url=url or data.get("url"),
        byline=data.get("author"),
        id=meta.get("id"),
    )


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


def decode_html(data: bytes, where: str, charset: str | None = None) -> str:
    """HTML bytes as text: UTF-8, else the charset the page (or its HTTP header) declares."""
    try:
        return decode_text(data, where)
    except InputError:
        m = _CHARSET.search(data[:4096])
        declared = charset or (m.group(1).decode("ascii") if m else None)
        if not declared or declared.lower().replace("-", "") == "utf8" or b"\x00" in data[:8192]:
            raise
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(f"{where}: cannot decode as declared charset {declared!r} ({exc})") from exc


_OPEN_HTML = re.compile(r"<html[\s>]", re.I)
_CLOSE_HTML = re.compile(r"</(?:html|body)\s*>", re.I)


def check_complete_html(markup: str, where: str) -> None:
    """Refuse a page cut off before its end: it opens `<html>` but closes neither it nor `<body>`."""
    if _OPEN_HTML.search(markup[:4096]) and not _CLOSE_HTML.search(markup[-65536:]):
        raise InputError(f"{where}: truncated HTML (the page opens <html> but never closes it)")


def read_html(path: Path) -> Iterator[Item]:
    """An HTML page (one cut off before `</html>` is refused, not stored in part)."""
    try:
        if (big := _too_big(path)) is not None:
            yield big
            return
        markup = decode_html(path.read_bytes(), str(path))
        check_complete_html(markup, str(path))
        yield html_to_record(markup, str(path))
    except InputError as exc:
        yield _fail(exc, path)


_BLOCK = re.compile(r"</?(?:p|div|br|li|h[1-6]|blockquote)[^>]*>", re.I)


def strip_html(fragment: str) -> str:
    """Plain text from an HTML fragment (feed content): blocks become paragraphs, tags dropped."""
    text = _BLOCK.sub("\n\n", fragment)
    text = htmllib.unescape(_TAG.sub("", text))
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paras if p)


def read_feed(path: Path) -> Iterator[Item]:
    """The entries of an RSS or Atom feed file."""
    import feedparser

    try:
        if (big := _too_big(path)) is not None:
            yield big
            return
        data = path.read_bytes()
        decode_text(data, str(path))  # binary, empty and undecodable files fail here
    except InputError as exc:
        yield _fail(exc, path)
        return
    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # noqa: BLE001 - a parser crash is one failed file, not a failed run
        yield Failure(str(path), f"malformed feed ({type(exc).__name__}: {exc})")
        return
    if not parsed.entries:
        why = getattr(parsed, "bozo_exception", None)
        yield Failure(str(path), f"malformed feed ({why})" if why else "no entries in the feed")
        return
    outlet = parsed.feed.get("title")
    items: list[Item] = []
    notes: list[Failure] = []
    entries = list(parsed.entries)
    broken = _xml_error(parsed)
    if broken and not _FEED_END.search(data[-4096:]):
        # cut off: the last entry may be partial, so it is reported, not stored
        notes.append(
            Failure(f"{path}#entry{len(entries)}", f"the feed is truncated in this entry ({broken})")
        )
        entries.pop()
    elif broken:
        notes.append(
            Failure(str(path), f"malformed feed ({broken}); the {len(entries)} entries read are kept")
        )
    for i, entry in enumerate(entries):
        where = f"{path}#entry{i + 1}"
        content = entry.get("content") or []
        body = content[0].get("value") if content else entry.get("summary") or entry.get("description")
        try:
            items.append(
                make_record(
                    strip_html(body or ""),
                    where,
                    title=entry.get("title"),
                    source=outlet,
                    published=entry.get("published") or entry.get("updated"),
                    url=entry.get("link"),
                    id=entry.get("id"),
                )
            )
        except InputError as exc:
            items.append(Failure(where, str(exc).removeprefix(where + ": ")))
    if parsed.get("bozo") and not any(isinstance(i, Record) for i in items):
        yield Failure(str(path), f"malformed feed ({parsed.get('bozo_exception')})")
        return
    yield from items
    yield from notes


_FEED_END = re.compile(rb"</(?:[\w.-]+:)?(?:rss|feed|RDF)\s*>\s*$")


def _xml_error(parsed: Any) -> str | None:
    """The well-formedness error feedparser recovered from, if any (not its encoding notices)."""
    from xml.sax import SAXException

    exc = parsed.get("bozo_exception") if parsed.get("bozo") else None
    return f"{exc}" if isinstance(exc, SAXException) else None


def _mapped(row: Mapping[str, Any], fields: Mapping[str, str]) -> dict[str, Any]:
    return {name: row.get(fields.get(name, name)) for name in FIELDS}


def read_jsonl(path: Path, fields: Mapping[str, str] | None = None) -> Iterator[Item]:
    """JSON Lines (one object per line; or a .json file holding a list of objects)."""
    fields = fields or {}
    try:
        if (big := _too_big(path, MAX_CONTAINER_BYTES)) is not None:
            yield big
            return
        if path.suffix.lower() == ".json":
            data = json.loads(decode_text(path.read_bytes(), str(path)))
            rows = data if isinstance(data, list) else [data]
            lines: Iterator[tuple[int, Any]] = iter(enumerate(rows, 1))
        else:
            lines = _json_lines(path)
        for n, row in lines:
            where = f"{path}:{n}"
            if isinstance(row, Failure):
                yield row
                continue
            if not isinstance(row, dict):
                yield Failure(where, "not a JSON object")
                continue
            try:
                m = _mapped(row, fields)
                if m["text"] is None:
                    raise InputError(f"{where}: no '{fields.get('text', 'text')}' field")
                yield make_record(m.pop("text"), where, **m)
            except InputError as exc:
                yield Failure(where, str(exc).removeprefix(where + ": "))
            except (TypeError, ValueError, OverflowError) as exc:  # a field of a type no reader expects
                yield Failure(where, f"unusable record ({type(exc).__name__}: {exc})")
    except InputError as exc:
        yield _fail(exc, path)
    except ValueError as exc:
        yield Failure(str(path), f"invalid JSON ({exc})")


def _json_lines(path: Path) -> Iterator[tuple[int, Any]]:
    with path.open("rb") as fh:
        head = fh.read(8192)
        if b"\x00" in head:
            raise InputError(f"{path}: binary data (NUL bytes), not text")
        fh.seek(0)
        for n, raw in enumerate(fh, 1):
            where = f"{path}:{n}"
            if not raw.strip():
                continue
            if len(raw) > MAX_BYTES:
                yield n, Failure(where, f"record larger than {MAX_BYTES // (1024 * 1024)} MiB")
                continue
            if n > 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                yield n, json.loads(raw.decode("utf-8-sig" if n == 1 else "utf-8"))
            except RecursionError:
                yield n, Failure(where, "invalid JSON (nested too deeply)")
            except UnicodeDecodeError as exc:
                yield (
                    n,
                    Failure(where, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})"),
                )
            except ValueError as exc:
                yield n, Failure(where, f"invalid JSON ({exc})")


def read_csv(path: Path, fields: Mapping[str, str] | None = None) -> Iterator[Item]:
    """A CSV (or TSV) corpus with a header row."""
    fields = fields or {}
    try:
        if (big := _too_big(path, MAX_CONTAINER_BYTES)) is not None:
            yield big
            return
        text = decode_text(path.read_bytes(), str(path))
    except InputError as exc:
        yield _fail(exc, path)
        return
    csv.field_size_limit(MAX_BYTES)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    text_field = fields.get("text", "text")
    if not reader.fieldnames or text_field not in reader.fieldnames:
        yield Failure(str(path), f"no '{text_field}' column (columns: {', '.join(reader.fieldnames or [])})")
        return
    # A file cut off mid-row: inside a quoted field (an odd number of quote marks: they pair up in
    # CSV, escapes included), or before the row's last field with no final line break.
    open_quote = text.count('"') % 2 == 1
    ends_cleanly = text.endswith(("\n", "\r")) and not open_quote
    try:
        for n, row in enumerate(reader, 2):
            where = f"{path}:{n}"
            try:
                if not ends_cleanly and _at_end(reader, text) and (open_quote or None in row.values()):
                    raise InputError(f"{where}: the file ends in the middle of this row (truncated)")
                m = _mapped(row, fields)
                yield make_record(m.pop("text"), where, **m)
            except InputError as exc:
                yield Failure(where, str(exc).removeprefix(where + ": "))
    except csv.Error as exc:
        yield Failure(f"{path}:{reader.line_num}", f"malformed CSV ({exc})")


def _at_end(reader: csv.DictReader[str], text: str) -> bool:
    """True when the row just read was the file's last."""
    return reader.line_num >= text.count("\n") + (0 if text.endswith("\n") else 1)


def read_warc(path: Path) -> Iterator[Item]:
    """HTML responses in a WARC (or gzipped WARC) file.

    A record cut off before its declared length, a record in a gzip member whose CRC/length trailer
    is cut or wrong (`gzcheck`), and bytes after the last whole record (a record whose header was cut,
    a corrupt gzip member), are reported as failures naming them (`warcscan`); a cut record is never
    stored in part.
    """
    if (big := _too_big(path, MAX_CONTAINER_BYTES)) is not None:
        yield big
        return
    found = problems = 0
    bad = bad_member(path)  # warcio never reads a member's CRC and length: a cut trailer passes it
    with path.open("rb") as fh:
        for e in scan(fh, path.stat().st_size, bad):
            if e.rec is None:
                problems += 1
                yield Failure(f"{path}#record{e.n}" if e.n else str(path), e.problem or "unreadable")
                continue
            ctype = (e.rec.http_headers.get_header("Content-Type") or "") if e.rec.http_headers else ""
            if e.rec.rec_type != "response" or "html" not in ctype.lower():
                try:
                    e.check(f"{path}#record{e.n}")
                except InputError as exc:  # a record we skip, cut off: the file is cut there
                    problems += 1
                    yield Failure(f"{path}#record{e.n}", str(exc).removeprefix(f"{path}#record{e.n}: "))
                continue
            url = e.rec.rec_headers.get_header("WARC-Target-URI")
            where = f"{path}#{url or e.n}"
            found += 1
            try:
                body = e.body(where, MAX_BYTES + 1)
                if len(body) > MAX_BYTES:
                    raise InputError(f"{where}: larger than {MAX_BYTES // (1024 * 1024)} MiB")
                m = re.search(r"charset=([A-Za-z0-9_\-]+)", ctype)
                yield html_to_record(decode_html(body, where, m.group(1) if m else None), where, url=url)
            except InputError as exc:
                yield Failure(where, str(exc).removeprefix(where + ": "))
            except (OSError, EOFError, ValueError) as exc:  # a body that cannot be decoded
                yield Failure(where, f"corrupt record ({type(exc).__name__}: {exc})")
    if not found and not problems:
        yield Failure(str(path), "no HTML response records in the WARC")
