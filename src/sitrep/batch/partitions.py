"""Batch inputs: expand paths, globs and fsspec URLs into partitions, and read their records.

Formats: JSON Lines (.jsonl/.ndjson/.json), CSV (.csv/.tsv), Parquet (.parquet/.pq) and WARC/WET
(.warc, .warc.gz, .wet.gz), each optionally compressed (.gz, .bz2, .xz, .zst) except WARC, which
handles its own gzip members. A partition is one file, or a `[start, stop)` row range of one file
when `--partition-size` splits it; its id is derived from the URL and range, so reruns and retries
name their output the same way.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import fsspec

from ..errors import InputError

TEXT_KEYS = ("text", "body", "content", "maintext", "article")
PUBLISHED_KEYS = ("published", "date", "published_at", "date_publish", "publish_date", "pubdate")
ID_KEYS = ("id", "doc_id", "document_id")
META_KEYS = ("title", "source", "url")
COMPRESSIONS = (".gz", ".bz2", ".xz", ".zst")
FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".warc": "warc",
    ".wet": "warc",
    ".arc": "warc",
}


@dataclass(frozen=True)
class Partition:
    """One unit of work: a file (or a row range of it) and the id its outputs are named after."""

    id: str
    url: str
    fmt: str
    start: int = 0
    stop: int | None = None  # None: to the end of the file


@dataclass(frozen=True)
class Record:
    """One input row: the item for `extract_many`, or why it cannot be one."""

    row: int
    item: dict[str, Any] | None
    error: str | None = None
    url: str | None = None
    external_id: str | None = None  # the input's own id, kept for error rows


def detect_format(url: str) -> str:
    """The input format from a file name, looking through a compression suffix."""
    name = url.lower().rsplit("/", 1)[-1]
    for comp in COMPRESSIONS:
        if name.endswith(comp):
            name = name[: -len(comp)]
            break
    for suffix, fmt in FORMATS.items():
        if name.endswith(suffix):
            return fmt
    raise InputError(f"{url}: unknown input format (expected .jsonl, .csv, .tsv, .parquet or .warc[.gz])")


def _is_supported(url: str) -> bool:
    try:
        detect_format(url)
    except InputError:
        return False
    return True


def expand_inputs(inputs: list[str]) -> list[str]:
    """Full URLs of the input files: paths, globs, directories (recursively) or fsspec URLs, sorted."""
    urls: list[str] = []
    for spec in inputs:
        fs, path = fsspec.core.url_to_fs(spec)
        if any(c in path for c in "*?["):
            found = [p for p in fs.glob(path) if fs.isfile(p)]
        elif fs.isdir(path):
            found = [p for p in fs.find(path) if _is_supported(p)]
        elif fs.exists(path):
            found = [path]
        else:
            raise InputError(f"{spec}: no such file")
        if not found:
            raise InputError(f"{spec}: matches no input files")
        urls.extend(fs.unstrip_protocol(p) for p in sorted(found))
    return list(dict.fromkeys(urls))


def partition_id(url: str, start: int = 0, stop: int | None = None) -> str:
    """A deterministic, file-name-safe id: the file's stem, a hash of its URL, and the row range."""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", url.rsplit("/", 1)[-1])[:60]
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:8]
    base = f"{stem}-{digest}"
    return base if stop is None and start == 0 else f"{base}-r{start:09d}"


def count_records(url: str, fmt: str) -> int:
    """How many rows a file holds, as `read_partition` numbers them."""
    if fmt == "parquet":
        import pyarrow.parquet as pq

        with fsspec.open(url, "rb") as fh:
            rows: int = pq.ParquetFile(fh).metadata.num_rows
            return rows
    return sum(1 for _ in _raw_rows(url, fmt, parse=False))


def make_partitions(inputs: list[str], partition_size: int | None = None) -> list[Partition]:
    """The partitions of the inputs: one per file, or row ranges of `partition_size` rows."""
    parts: list[Partition] = []
    for url in expand_inputs(inputs):
        fmt = detect_format(url)
        if not partition_size:
            parts.append(Partition(partition_id(url), url, fmt))
            continue
        n = count_records(url, fmt)
        for start in range(0, max(n, 1), partition_size):
            stop = min(start + partition_size, n)
            parts.append(Partition(partition_id(url, start, stop), url, fmt, start, stop))
    return parts


def _first(row: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for k in keys:
        if k in row and row[k] is not None and row[k] != "":
            return row[k]
    return None


def normalize_item(row: dict[str, Any]) -> dict[str, Any]:
    """Raw fields from a row with loosely named columns (text/body, published/date, id/doc_id, ...)."""
    text = next((row[k] for k in TEXT_KEYS if k in row), None)
    raw: dict[str, Any] = {"text": text, "published": _first(row, PUBLISHED_KEYS), "id": _first(row, ID_KEYS)}
    for key in META_KEYS:
        raw[key] = _first(row, (key,))
    return raw


def to_record(row: int, raw: dict[str, Any], where: str) -> Record:
    """A Record whose item is keyed like `sitrep ingest` keys the store (id = hash of the text,
    the input's own id as `external_id`), or the reason the row cannot be one."""
    from ..ingest.records import make_record

    text = raw.get("text")
    url = raw.get("url") if isinstance(raw.get("url"), str) else None
    ext = None if raw.get("id") is None else str(raw["id"])
    if text is None:
        return Record(row, None, f"no text field (one of {', '.join(TEXT_KEYS)})", url, ext)
    if not isinstance(text, str):
        return Record(row, None, f"text must be a string, not {type(text).__name__}", url, ext)
    try:
        rec = make_record(text, where, **{k: v for k, v in raw.items() if k != "text"})
    except InputError as exc:
        return Record(row, None, str(exc).removeprefix(where + ": "), url, ext)
    return Record(row, {**rec.item(), "external_id": rec.external_id}, None, url, ext)


def _open_text(url: str) -> fsspec.core.OpenFile:
    return fsspec.open(url, "rt", encoding="utf-8", compression="infer", newline="")


def _raw_rows(url: str, fmt: str, parse: bool = True, first: int = 0) -> Iterator[Record]:
    """Every row of a file in order; rows before `first` (all with parse=False) are counted, not parsed."""
    if fmt == "jsonl":
        with _open_text(url) as fh:
            row = 0
            for line in fh:
                if not line.strip():
                    continue
                yield _json_record(row, line, f"{url}:{row}") if parse and row >= first else Record(row, None)
                row += 1
    elif fmt in ("csv", "tsv"):
        with _open_text(url) as fh:
            reader = csv.DictReader(fh, delimiter="\t" if fmt == "tsv" else ",")
            for row, rec in enumerate(reader):
                keep = parse and row >= first
                yield to_record(row, normalize_item(rec), f"{url}:{row}") if keep else Record(row, None)
    elif fmt == "parquet":
        import pyarrow.parquet as pq

        with fsspec.open(url, "rb") as fh:
            pf = pq.ParquetFile(fh)
            row = 0
            for batch in pf.iter_batches(batch_size=1024):
                if not parse or row + batch.num_rows <= first:  # count without converting the rows
                    for _ in range(batch.num_rows):
                        yield Record(row, None)
                        row += 1
                    continue
                for rec in batch.to_pylist():
                    keep = row >= first
                    yield to_record(row, normalize_item(rec), f"{url}:{row}") if keep else Record(row, None)
                    row += 1
    elif fmt == "warc":
        from .warc import warc_records

        yield from warc_records(url, parse=parse, first=first)
    else:
        raise InputError(f"{url}: unsupported format {fmt!r}")


def _json_record(row: int, line: str, where: str) -> Record:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        return Record(row, None, f"line is not JSON ({exc.msg} at column {exc.colno})")
    if isinstance(value, str):
        value = {"text": value}
    if not isinstance(value, dict):
        return Record(row, None, f"expected a JSON object with 'text', not {type(value).__name__}")
    return to_record(row, normalize_item(value), where)


def read_partition(part: Partition) -> Iterator[Record]:
    """The records of one partition (rows `[start, stop)` of its file)."""
    for rec in _raw_rows(part.url, part.fmt, first=part.start):  # rows before the range are not parsed
        if rec.row < part.start:
            continue
        if part.stop is not None and rec.row >= part.stop:
            break
        yield rec


def write_jsonl(items: list[dict[str, Any]], path: str) -> None:
    """Write items as JSON Lines (for generated corpora and tests)."""
    buf = io.StringIO()
    for item in items:
        buf.write(json.dumps(item, ensure_ascii=False) + "\n")
    with fsspec.open(path, "wt", encoding="utf-8", compression="infer") as fh:
        fh.write(buf.getvalue())
