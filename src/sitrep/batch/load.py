"""Reading batch output back: Parquet tables to `Report`s, and `sitrep load` into the SQLite store."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import fsspec
import pyarrow.parquet as pq

from ..errors import InputError
from ..model import Report
from .schema import ITEM_TABLES, rows_to_reports, upgrade


def partition_ids(out: str) -> list[str]:
    """The partitions that have a documents file under a batch output folder, sorted."""
    fs, root = fsspec.core.url_to_fs(out)
    if not fs.isdir(f"{root}/documents"):
        raise InputError(f"{out}: not a sitrep batch output (no documents/ folder)")
    names = [p.rsplit("/", 1)[-1] for p in fs.glob(f"{root}/documents/part-*.parquet")]
    return sorted(n[len("part-") : -len(".parquet")] for n in names)


def read_table(out: str, table: str, part_id: str | None = None) -> list[dict[str, Any]]:
    """The rows of one table (of one partition, or of all), with the declared schema (parts written by
    earlier releases are read under today's column names: see `schema.upgrade`)."""
    fs, root = fsspec.core.url_to_fs(out)
    pattern = f"{root}/{table}/part-{part_id or '*'}.parquet"
    rows: list[dict[str, Any]] = []
    for path in sorted(fs.glob(pattern)):
        with fs.open(path, "rb") as fh:
            rows.extend(upgrade(table, pq.read_table(fh)).to_pylist())
    return rows


def iter_reports(out: str) -> Iterator[tuple[Report, dict[str, Any]]]:
    """Every `(Report, documents row)` of a batch output, partition by partition (bounded memory).

    A text printed twice in one partition (two rows, one id) has its items written twice: each
    printing's report gets the first printing's items once, as the store keeps them."""
    for pid in partition_ids(out):
        docs = read_table(out, "documents", pid)
        items = {t: _first_printing(read_table(out, t, pid)) for t in ITEM_TABLES}
        yield from rows_to_reports(docs, items)


def _first_printing(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Item rows keeping the first of each (document id, seq): rows follow their documents' order."""
    seen: set[tuple[Any, Any]] = set()
    out = []
    for r in rows:
        key = (r["doc_id"], r.get("seq"))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def load_into_store(out: str, db: str, aggregate: bool = True) -> dict[str, int]:
    """Write every report of a batch output into the store at `db`, then (as `sitrep ingest` does)
    refresh the record (wire-copy clusters, cross-article entities, stored estimate series);
    returns new/duplicate/copies/clusters/entities. A text stored already under another id, outlet,
    url or date is kept as a copy of it (`store.copies`), as `sitrep ingest` keeps it."""
    from ..store import Store
    from ..store.copies import write_or_copy

    counts = {"new": 0, "duplicate": 0, "copies": 0}
    with Store(db) as store:
        for report, row in iter_reports(out):
            meta = {"path": row.get("path"), "external_id": row.get("external_id")}
            written, copied = write_or_copy(store, report, row["text"], meta)
            counts["new" if written else "duplicate"] += 1
            counts["copies"] += copied
        if aggregate:  # the same refresh as `sitrep ingest`: clusters, entities, stored estimate series
            from ..aggregate import refresh

            counts["clusters"], counts["entities"] = refresh(store)
    return counts
