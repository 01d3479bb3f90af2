"""Export the store: whole reports as JSON Lines, or one flat table as CSV or Parquet (pandas, DuckDB)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..store.db import Store

TABLES = (
    "documents",
    "entities",
    "statements",
    "quantities",
    "events",
    "positions",
    "times",
    "places",
    "estimates",
)
_DOC_COLS = ", ".join(
    [
        "id",
        "external_id",
        "title",
        "source",
        "url",
        "published",
        "dateline",
        "body_start",
        "path",
        "ingested_at",
        "cluster_id",
        "text",
    ]
)


def table_rows(store: Store, table: str) -> list[dict[str, Any]]:
    """The rows of one exportable table (item tables joined with their document's outlet and date)."""
    if table not in TABLES:
        raise StoreError(f"cannot export {table!r}: choose one of {', '.join(TABLES)}")
    if table == "documents":
        return store.rows(f"SELECT {_DOC_COLS} FROM documents ORDER BY published, id")
    if table == "estimates":
        from .query import estimates

        return [
            {
                "key": s["key"],
                "subject": s["subject"],
                "outcome": "+".join(s["outcome"]),
                **{k: v for k, v in e.items() if k != "span"},
                "start": e["span"][0],
                "end": e["span"][1],
                "reprints": json.dumps(e["reprints"], ensure_ascii=False),
            }
            for s in estimates(store)
            for e in s["estimates"]
        ]
    rows = store.rows(
        f"SELECT t.*, d.source AS doc_source, d.published AS doc_published FROM {table} t"
        " JOIN documents d ON d.id = t.doc_id ORDER BY t.doc_id, t.rowid"
    )
    return rows


def export_store(store: Store, out: Path, fmt: str, table: str | None = None) -> int:
    """Write the export file; return the number of rows (or reports) written."""
    out = Path(out)
    try:
        if fmt == "jsonl" and table is None:
            n = 0
            with out.open("w", encoding="utf-8") as fh:
                for r in store.rows("SELECT id, path, text FROM documents ORDER BY published, id"):
                    report = store.get_report(r["id"])
                    assert report is not None
                    data = report.to_dict()
                    data["text"] = r["text"]
                    data["path"] = r["path"]
                    fh.write(json.dumps(data, ensure_ascii=False) + "\n")
                    n += 1
            return n
        rows = table_rows(store, table or "documents")
        if fmt == "jsonl":
            with out.open("w", encoding="utf-8") as fh:
                for row in rows:
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif fmt == "csv":
            cols = list(rows[0]) if rows else []
            with out.open("w", encoding="utf-8", newline="") as fh:
                w = csv.DictWriter(fh, fieldnames=cols)
                w.writeheader()
                w.writerows(rows)
        elif fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.Table.from_pylist(rows) if rows else pa.table({}), out)
        else:
            raise StoreError(f"unknown export format {fmt!r} (jsonl, csv or parquet)")
    except OSError as exc:
        raise StoreError(f"{out}: cannot write ({exc.strerror or exc})") from exc
    return len(rows)
