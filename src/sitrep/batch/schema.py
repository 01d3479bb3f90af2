"""The Parquet schema of batch output: Arrow schemas and rows from the record tables (store/tables.py),
the way back to reports, and the reading of parts written with the names of earlier releases.

The item tables have the store's columns, with the same names and values, plus what only Parquet
keeps (lists of strings, nested lists as JSON, the batch partition); `json` is the exact `sitrep/1`
JSON of the item, so `rows_to_reports` rebuilds the very same `Report`. docs/dask.md lists the tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pyarrow as pa

from ..model import Document, Report
from ..store import tables as record
from ..store.tables import BOOL, INT, INT32, REAL, STRINGS, TEXT, Table, item_rows, outcome_key

ARROW_TYPES: dict[str, pa.DataType] = {
    TEXT: pa.string(),
    INT: pa.int64(),
    INT32: pa.int32(),
    REAL: pa.float64(),
    BOOL: pa.bool_(),
    STRINGS: pa.list_(pa.string()),
}


def arrow_schema(table: Table) -> pa.Schema:
    """The Arrow schema of a record table's Parquet parts: its batch columns, typed and nullable as
    the table defines them."""
    return pa.schema([pa.field(c.name, ARROW_TYPES[c.type], nullable=c.nullable) for c in table.on("batch")])


ITEM_TABLES = record.ITEM_TABLES
S = pa.string()
SCHEMAS: dict[str, pa.Schema] = {
    **{name: arrow_schema(record.TABLES[name]) for name in ("documents", *ITEM_TABLES)},
    # rows that could not be read or extracted (batch only, not a record table)
    "errors": pa.schema(
        [
            ("partition", S),
            ("input", S),
            ("row", pa.int64()),
            ("document_id", S),
            ("external_id", S),
            ("url", S),
            ("error_type", S),
            ("reason", S),
        ]
    ),
}
TABLES: tuple[str, ...] = tuple(SCHEMAS)

# Columns that releases before the shared table definitions wrote under other names (old -> new).
_ITEM_RENAMES = {"document_id": "doc_id", "ordinal": "seq", "item_json": "json"}
RENAMED: dict[str, dict[str, str]] = {
    "documents": {"document_id": "id", "input": "path", "item_json": "json"},
    **{t: _ITEM_RENAMES for t in ITEM_TABLES},
    "statements": {
        **_ITEM_RENAMES,
        "speaker_name": "speaker",
        "cue_text": "cue",
        "content_text": "content",
        "content_start": "start",
        "content_end": "end",
    },
    "quantities": {**_ITEM_RENAMES, "claimant_name": "claimant"},
    "events": {**_ITEM_RENAMES, "trigger_text": "trigger", "trigger_start": "start", "trigger_end": "end"},
}


def document_row(
    report: Report,
    text: str,
    partition: str,
    row: int,
    input_url: str | None = None,
    external_id: str | None = None,
) -> dict[str, Any]:
    """The `documents` row of one report (`input_url`: the file read, kept as `path`; `external_id`:
    the input's own id)."""
    return record.document_row(
        report,
        "batch",
        external_id=external_id,
        partition=partition,
        text=text,
        text_chars=len(text),
        **{f"n_{t}": len(getattr(report, t)) for t in ITEM_TABLES},
        schema=report.schema_,
        path=input_url,
        row=row,
    )


def report_rows(report: Report) -> dict[str, list[dict[str, Any]]]:
    """The item rows of one report, keyed by table (documents and errors excluded)."""
    return {table: item_rows(table, report, "batch") for table in ITEM_TABLES}


def to_arrow(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows as an Arrow table with exactly the declared schema (missing keys become nulls)."""
    schema = SCHEMAS[table]
    columns = {name: [r.get(name) for r in rows] for name in schema.names}
    return pa.Table.from_pydict(columns, schema=schema)


def upgrade(table: str, data: pa.Table) -> pa.Table:
    """A part as read from a file, with the declared schema: columns an earlier release named otherwise
    renamed, `quantities.outcome` lists joined as the store keeps them (`outcome_key`), columns the file
    lacks as nulls."""
    renamed = RENAMED.get(table, {})
    data = data.rename_columns([renamed.get(n, n) for n in data.column_names])
    schema = SCHEMAS[table]
    columns = []
    for f in schema:
        if f.name not in data.column_names:
            columns.append(pa.nulls(data.num_rows, f.type))
            continue
        column = data.column(f.name)
        if f.name == "outcome" and pa.types.is_list(column.type):  # written as a list before
            column = pa.chunked_array([[outcome_key(v or []) for v in column.to_pylist()]], f.type)
        columns.append(column.cast(f.type))
    return pa.Table.from_arrays(columns, schema=schema)


def rows_to_reports(
    documents: Iterable[Mapping[str, Any]], items: Mapping[str, Iterable[Mapping[str, Any]]]
) -> list[tuple[Report, dict[str, Any]]]:
    """Rebuild `(Report, documents row)` pairs from rows (documents needing id and json, items doc_id,
    seq and json)."""
    grouped: dict[str, dict[str, list[tuple[int, str]]]] = {}
    for table, rows in items.items():
        for r in rows:
            grouped.setdefault(r["doc_id"], {}).setdefault(table, []).append((r["seq"], r["json"]))
    out = []
    for drow in documents:
        parts = grouped.get(drow["id"], {})
        lists = {}
        for t in ITEM_TABLES:
            model = record.TABLES[t].model
            assert model is not None, t
            lists[t] = [model.model_validate_json(j) for _, j in sorted(parts.get(t, []), key=lambda x: x[0])]
        report = Report(document=Document.model_validate_json(drow["json"]), **lists)
        out.append((report, dict(drow)))
    return out
