"""The record tables, defined once: columns, types, keys, nullability and how each row is read from a report.

The SQLite store (`store/schema.py` migrations, `store/writer.py`) and the batch Parquet output
(`batch/schema.py`) both take their column names, types and row builders from here, so a column has
one name and one representation wherever it is written. Some columns exist on one side only (`STORE`:
kept by the store, such as wire-copy clusters; `BATCH`: flattened for Parquet readers, such as lists
of strings); every other column is on both. `create_sql(table)` is the DDL of a table in the current
schema: the migrations must produce exactly that (tests/test_store.py checks), so a change here comes
with a new migration.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

from ..model import Document, Entity, Event, Place, Position, Quantity, Report, Statement, Time

Side = Literal["store", "batch"]
STORE: tuple[Side, ...] = ("store",)
BATCH: tuple[Side, ...] = ("batch",)
BOTH: tuple[Side, ...] = ("store", "batch")

# Logical types and their SQLite declarations (the Arrow types are in batch/schema.py). A bool is an
# INTEGER 0/1 in SQLite; a list of strings exists in Parquet only.
TEXT, INT, INT32, REAL, BOOL, STRINGS = "text", "int", "int32", "real", "bool", "strings"
SQL_TYPES = {TEXT: "TEXT", INT: "INTEGER", INT32: "INTEGER", REAL: "REAL", BOOL: "INTEGER"}

Reader = Callable[[Any], Any]

# The report's item lists, in the report's order: one table each (mentions hang off entities).
ITEM_TABLES: tuple[str, ...] = tuple(f for f in Report.model_fields if f not in ("schema_", "document"))


def dump(item: BaseModel) -> str:
    """The `sitrep/1` JSON of an item, as the `json` column keeps it."""
    return item.model_dump_json(by_alias=True)


def outcome_key(outcome: Iterable[str]) -> str:
    """Outcomes as one string, sorted, lowercased and joined with '+' ('killed+wounded'): the one
    representation of `quantities.outcome` in the store and in Parquet."""
    return "+".join(sorted({o.strip().lower() for o in outcome if o and o.strip()}))


def _float(value: float | None) -> float | None:
    return None if value is None else float(value)


def _path(path: str) -> Reader:
    """A reader of a dotted attribute path ('speaker.name', 'cue.span.0'); None once a step is None."""
    steps: list[str | int] = [int(s) if s.isdigit() else s for s in path.split(".")]
    if len(steps) == 1:
        name = str(steps[0])
        return lambda item: getattr(item, name)

    def read(item: Any) -> Any:
        for step in steps:
            if item is None:
                return None
            if isinstance(step, int):
                item = item[step] if step < len(item) else None  # no first mention: no span
            else:
                item = getattr(item, step)
        return item

    return read


@dataclass(frozen=True)
class Column:
    """One column: logical type, nullability, the sides that hold it and how its value is read.

    `read` is a dotted path into the item (default: the attribute of the column's name) or a function
    of the item; None means the writer gives the value (`doc_id`, `seq`, where the text came from) or
    the store fills it later (`cluster_id`, `global_id`, statement copies) and it is left out of rows.
    """

    name: str
    type: str = TEXT
    read: str | Reader | None = ""
    nullable: bool = True
    sides: tuple[Side, ...] = BOTH
    default: str | None = None  # SQL DEFAULT
    references: str | None = None  # SQL foreign key clause
    reader: Reader | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.type == STRINGS and "store" in self.sides:
            raise ValueError(f"{self.name}: a list of strings has no SQLite column")
        read = self.read
        fn = None if read is None else _path(read or self.name) if isinstance(read, str) else read
        object.__setattr__(self, "reader", fn)


@dataclass(frozen=True)
class Table:
    """One record table: its columns in order, primary key, the model its `json` holds and its items."""

    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    model: type[BaseModel] | None = None
    items: Callable[[Report], Sequence[Any]] | None = None  # the report's items, one row each

    def on(self, side: Side) -> list[Column]:
        """The columns this side holds, in order."""
        return [c for c in self.columns if side in c.sides]

    def readers(self, side: Side) -> list[tuple[str, Reader]]:
        """(name, reader) of the columns this side reads from an item."""
        return [(c.name, c.reader) for c in self.on(side) if c.reader is not None]


def _doc_id(sides: tuple[Side, ...] = BOTH) -> Column:
    return Column("doc_id", TEXT, None, False, sides, references="documents(id) ON DELETE CASCADE")


def _item(
    name: str, model: type[BaseModel], columns: list[Column], after_json: Sequence[Column] = ()
) -> Table:
    """An item table: `doc_id`, `seq` (position in the report's list), its columns, `json`, then any
    columns a later migration appended (`after_json`)."""
    head = [_doc_id(), Column("seq", INT32, None, nullable=False)]
    tail = [Column("json", read=dump, nullable=False), *after_json]
    return Table(
        name,
        (*head, *columns, *tail),
        primary_key=("doc_id", "seq"),
        model=model,
        items=lambda report: getattr(report, name),
    )


def _span(name: str, path: str, nullable: bool = True, sides: tuple[Side, ...] = BOTH) -> list[Column]:
    """`<name>_start`, `<name>_end` (or `start`, `end` without a name) read from a span at `path`."""
    head = f"{name}_" if name else ""
    return [
        Column(f"{head}start", INT, f"{path}.0", nullable, sides),
        Column(f"{head}end", INT, f"{path}.1", nullable, sides),
    ]


def _surface() -> list[Column]:
    """`text`, `start`, `end`: an item that is a stretch of the text (a figure, a time, a place)."""
    return [Column("text", nullable=False), *_span("", "span", nullable=False)]


def _given(
    *names: str, kind: str = TEXT, nullable: bool = True, sides: tuple[Side, ...] = BOTH
) -> list[Column]:
    """Columns the writer gives (or the store fills later), not read from the item."""
    return [Column(n, kind, None, nullable, sides) for n in names]


def _json_list(path: str) -> Reader:
    """A list of TextSpans or spans at `path` as a JSON string (Parquet keeps nested lists as JSON)."""
    read = _path(path)

    def to_json(item: Any) -> str:
        return json.dumps(
            [v.model_dump(mode="json") if isinstance(v, BaseModel) else list(v) for v in read(item)]
        )

    return to_json


DOCUMENTS = Table(
    "documents",
    (
        Column("id", nullable=False),  # sitrep document id: hash of the normalized text
        *_given("external_id"),  # the id the input gave, if any
        *_given("partition", nullable=False, sides=BATCH),  # the batch partition that read it
        *(Column(n) for n in ("title", "source", "url", "published", "dateline")),
        *_span("dateline", "dateline_span"),
        Column("body_start", INT, nullable=False, default="0"),
        *_given("text", nullable=False),
        *_given("text_chars", kind=INT, nullable=False, sides=BATCH),  # len(text)
        *_given(*(f"n_{t}" for t in ITEM_TABLES), kind=INT32, nullable=False, sides=BATCH),  # items
        *_given("schema", nullable=False, sides=BATCH),  # the report's schema ('sitrep/1')
        *_given("path"),  # the file (and record) the text came from
        *_given("row", kind=INT, nullable=False, sides=BATCH),  # its row in that file
        *_given("ingested_at", nullable=False, sides=STORE),
        *_given("cluster_id", sides=STORE),  # wire-copy cluster: id of its first document (aggregation)
        Column("json", read=dump, nullable=False),  # the Document
    ),
    primary_key=("id",),
    model=Document,
)

ENTITIES = _item(
    "entities",
    Entity,
    [
        Column("id", nullable=False),  # entity id inside the document
        Column("name", nullable=False),
        Column("type", nullable=False),
        *_span("", "mentions.0.span", sides=STORE),  # first mention
        *_given("global_id", sides=STORE),  # its identity (identities.id; aggregation)
        *(Column(n, STRINGS, nullable=False, sides=BATCH) for n in ("titles", "roles", "aliases")),
        Column("n_mentions", INT32, lambda e: len(e.mentions), nullable=False, sides=BATCH),
        Column("mentions_json", read=_json_list("mentions"), nullable=False, sides=BATCH),
    ],
)

# One row per entity mention, read from (entity, mention) pairs (store only: Parquet keeps them in
# `entities.mentions_json`).
MENTIONS = Table(
    "mentions",
    (
        _doc_id(STORE),
        Column("entity_id", TEXT, "0.id", False, STORE),
        Column("text", TEXT, "1.text", False, STORE),
        *_span("", "1.span", nullable=False, sides=STORE),
        *_given("global_id", sides=STORE),  # migration 8: its identity (aggregation)
    ),
    items=lambda report: [(e, m) for e in report.entities for m in e.mentions],
)

STATEMENTS = _item(
    "statements",
    Statement,
    [
        Column("id", nullable=False),
        Column("speaker", read="speaker.name"),
        Column("speaker_entity", read="speaker.entity"),
        Column("speaker_text", read="speaker.text", sides=BATCH),  # the mention used (may be a pronoun)
        *_span("speaker", "speaker.span", sides=BATCH),
        Column("kind", nullable=False),
        Column("cue", read="cue.text"),
        *_span("cue", "cue.span"),
        Column("content", read="content.text", nullable=False),
        *_span("", "content.span", nullable=False),
        Column("time_text", read="time.text", sides=BATCH),
        Column("time_value", read="time.value"),
        *_span("time", "time.span", sides=BATCH),
        Column("venue"),
        Column("quotes_json", read=_json_list("quotes"), nullable=False, sides=BATCH),
        Column("confidence", REAL),
    ],
    # migrations 5 and 6: printings in its wire-copy cluster, 1 unless it is the first printing, and
    # its document's date, kept by the store (see schema.py)
    after_json=[
        Column("copies", INT, None, nullable=False, sides=STORE, default="1"),
        Column("reprint", INT, None, nullable=False, sides=STORE, default="0"),
        Column("published", TEXT, None, sides=STORE),
        Column("speaker_identity", TEXT, None, sides=STORE),  # migration 8 (aggregation)
    ],
)

QUANTITIES = _item(
    "quantities",
    Quantity,
    [
        Column("id", nullable=False),
        *_surface(),
        Column("low", REAL, lambda q: _float(q.low)),
        Column("high", REAL, lambda q: _float(q.high)),
        *(Column(n) for n in ("qualifier", "unit", "currency", "subject")),
        Column("outcome", read=lambda q: outcome_key(q.outcome)),  # outcomes sorted, joined with '+'
        Column("hedged", BOOL),
        Column("hedges", STRINGS, nullable=False, sides=BATCH),
        Column("vague", BOOL),
        Column("claimant", read="claimant.name"),
        Column("claimant_statement", read="claimant.statement"),
        *(Column(n) for n in ("place", "time", "derived_from")),
    ],
    after_json=_given("claimant_identity", sides=STORE),  # migration 8 (aggregation)
)

TIMES = _item(
    "times",
    Time,
    [
        *_surface(),
        Column("type", nullable=False),
        Column("value"),
        Column("mod"),
    ],
)

PLACES = _item(
    "places",
    Place,
    [
        *_surface(),
        Column("name", nullable=False),
        Column("country"),
        Column("lat", REAL),
        Column("lon", REAL),
        Column("feature"),
        Column("gazetteer_id"),
        Column("confidence", REAL),
    ],
    after_json=[Column("global_id", read=None, sides=STORE)],  # migration 2 (aggregation)
)

EVENTS = _item(
    "events",
    Event,
    [
        Column("id", nullable=False),
        Column("type", nullable=False),
        *(Column(n) for n in ("actor", "target", "place", "time")),
        Column("status", nullable=False),
        Column("source"),  # who claims it
        Column("statement"),
        Column("trigger", read="trigger.text", nullable=False),
        *_span("", "trigger.span", nullable=False),
        Column("quantities", STRINGS, nullable=False, sides=BATCH),  # ids of its figures
        Column("negated", BOOL),
    ],
    after_json=_given("actor_identity", "target_identity", sides=STORE),  # migration 8 (aggregation)
)

POSITIONS = _item(
    "positions",
    Position,
    [
        Column("id"),
        Column("holder", nullable=False),
        Column("topic", nullable=False),
        Column("stance", nullable=False),
        Column("conditions", STRINGS, nullable=False, sides=BATCH),
        Column("condition_spans_json", read=_json_list("condition_spans"), nullable=False, sides=BATCH),
        Column("statement"),
        *_span("", "span"),
    ],
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (DOCUMENTS, ENTITIES, MENTIONS, STATEMENTS, QUANTITIES, TIMES, PLACES, EVENTS, POSITIONS)
}


def document_row(report: Report, side: Side, **given: Any) -> dict[str, Any]:
    """The `documents` row of a report for one side; `given` holds the columns not read from the
    `Document` (text, where it came from, ...)."""
    unknown = set(given) - {c.name for c in DOCUMENTS.on(side) if c.reader is None}
    if unknown:
        raise KeyError(f"documents has no given {side} column {', '.join(sorted(unknown))}")
    return {**{name: read(report.document) for name, read in DOCUMENTS.readers(side)}, **given}


def item_rows(table: str, report: Report, side: Side) -> list[dict[str, Any]]:
    """The rows of one item table of a report for one side (`doc_id`, `seq` and the read columns)."""
    t = TABLES[table]
    assert t.items is not None, table
    readers = t.readers(side)
    doc_id = report.document.id
    if "seq" not in t.primary_key:  # mentions: no position of their own
        return [{"doc_id": doc_id, **{n: read(item) for n, read in readers}} for item in t.items(report)]
    return [
        {"doc_id": doc_id, "seq": seq, **{n: read(item) for n, read in readers}}
        for seq, item in enumerate(t.items(report))
    ]


def create_sql(table: Table) -> str:
    """The SQLite DDL of a record table in the current schema."""
    cols = table.on("store")
    single = table.primary_key if len(table.primary_key) == 1 else ()
    lines = []
    for c in cols:
        parts = [f'"{c.name}"', SQL_TYPES[c.type]]
        if c.name in single:
            parts.append("PRIMARY KEY")  # as migration 1 declared it (SQLite does not add NOT NULL)
        elif not c.nullable:
            parts.append("NOT NULL")
        if c.default is not None:
            parts.append(f"DEFAULT {c.default}")
        if c.references:
            parts.append(f"REFERENCES {c.references}")
        lines.append(" ".join(parts))
    if len(table.primary_key) > 1:
        lines.append(f"PRIMARY KEY ({', '.join(table.primary_key)})")
    return f"CREATE TABLE {table.name} (\n    " + ",\n    ".join(lines) + "\n)"
