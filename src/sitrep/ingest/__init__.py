"""Ingest: find input files (files, directories, globs), read them into Records, run the pipeline, store."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from .readers import read_csv, read_feed, read_html, read_jsonl, read_txt, read_warc
from .records import Failure, Record, make_record

__all__ = ["Failure", "Record", "discover", "make_record", "read_path", "read_paths", "reader_for"]

KINDS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".warc": "warc",
    ".arc": "warc",
}


def reader_for(path: Path) -> str | None:
    """The kind of reader a file name calls for (None for files ingest does not read, such as sidecars)."""
    name = path.name.lower()
    if name.endswith(".meta.json") or name.startswith("."):
        return None
    if name.endswith(".gz"):
        return "warc" if name.endswith((".warc.gz", ".arc.gz")) else None
    return KINDS.get(path.suffix.lower())


def discover(paths: Iterable[str]) -> Iterator[Path | Failure]:
    """Input files from files, directories (recursive, known kinds only) and glob patterns, in order."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from _walk(p)
        elif p.exists():
            yield p
        elif any(c in raw for c in "*?["):
            matches = sorted(glob.glob(raw, recursive=True))
            files = [Path(m) for m in matches if Path(m).is_file() and reader_for(Path(m))]
            if not files:
                yield Failure(raw, "no files match this pattern")
            yield from files
        else:
            yield Failure(raw, "no such file or directory")


def _walk(top: Path) -> Iterator[Path | Failure]:
    """The readable files under a directory (sorted), and a failure for every directory that cannot
    be listed (an unreadable one is never skipped in silence)."""
    found: list[Path | Failure] = []

    def unreadable(exc: OSError) -> None:
        found.append(Failure(str(exc.filename or top), f"cannot read directory ({exc.strerror or exc})"))

    for root, _dirs, names in os.walk(top, onerror=unreadable):
        for name in names:
            f = Path(root) / name
            if reader_for(f) and not any(part.startswith(".") for part in f.parts[-3:]) and f.is_file():
                found.append(f)
    return iter(sorted(found, key=lambda f: f if isinstance(f, Path) else Path(f.path)))


def read_path(path: Path, fields: Mapping[str, str] | None = None) -> Iterator[Record | Failure]:
    """The records of one file, by its kind (unknown kinds are read as plain text)."""
    kind = reader_for(path) or "text"
    if kind == "text":
        yield from read_txt(path)
    elif kind == "html":
        yield from read_html(path)
    elif kind == "feed":
        yield from read_feed(path)
    elif kind == "jsonl":
        yield from read_jsonl(path, fields)
    elif kind == "csv":
        yield from read_csv(path, fields)
    else:
        yield from read_warc(path)


def read_paths(paths: Iterable[str], fields: Mapping[str, str] | None = None) -> Iterator[Record | Failure]:
    """Every record (or failure) from files, directories and globs."""
    for item in discover(paths):
        if isinstance(item, Failure):
            yield item
        else:
            try:
                yield from read_path(item, fields)
            except OSError as exc:
                yield Failure(str(item), f"cannot read ({exc.strerror or exc})")
