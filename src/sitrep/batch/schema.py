"""The Parquet schema of batch output: one explicit Arrow schema per table, flatteners and the way back.

Every row carries `document_id`; spans are `<name>_start`/`<name>_end` int64 pairs; lists of strings
are Arrow lists; nested lists of spans are JSON strings. Each item row also keeps `item_json`, the
exact `sitrep/1` JSON of the item, so `rows_to_reports` rebuilds the very same `Report`.
The tables and their columns are documented in docs/dask.md; change both together.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pyarrow as pa
from pydantic import BaseModel

from ..model import Document, Entity, Event, Place, Position, Quantity, Report, Statement, Time

S, INT, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
STRS = pa.list_(pa.string())

# Columns every item table starts with: the document, the item's position in its list.
_ITEM_HEAD = [("document_id", S), ("ordinal", pa.int32())]
_ITEM_TAIL = [("item_json", S)]

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            ("document_id", S),
            ("external_id", S),
            ("partition", S),
            ("input", S),
            ("row", INT),
            ("title", S),
            ("source", S),
            ("url", S),
            ("published", S),
            ("dateline", S),
            ("dateline_start", INT),
            ("dateline_end", INT),
            ("body_start", INT),
            ("text", S),
            ("text_chars", INT),
            ("n_entities", pa.int32()),
            ("n_statements", pa.int32()),
            ("n_quantities", pa.int32()),
            ("n_times", pa.int32()),
            ("n_places", pa.int32()),
            ("n_events", pa.int32()),
            ("n_positions", pa.int32()),
            ("schema", S),
            ("item_json", S),
        ]
    ),
    "entities": pa.schema(
        _ITEM_HEAD
        + [
            ("id", S),
            ("name", S),
            ("type", S),
            ("titles", STRS),
            ("roles", STRS),
            ("aliases", STRS),
            ("n_mentions", pa.int32()),
            ("mentions_json", S),
        ]
        + _ITEM_TAIL
    ),
    "statements": pa.schema(
        _ITEM_HEAD
        + [
            ("id", S),
            ("speaker_name", S),
            ("speaker_entity", S),
            ("speaker_text", S),
            ("speaker_start", INT),
            ("speaker_end", INT),
            ("cue_text", S),
            ("cue_start", INT),
            ("cue_end", INT),
            ("kind", S),
            ("content_text", S),
            ("content_start", INT),
            ("content_end", INT),
            ("time_text", S),
            ("time_value", S),
            ("time_start", INT),
            ("time_end", INT),
            ("venue", S),
            ("quotes_json", S),
            ("confidence", F),
        ]
        + _ITEM_TAIL
    ),
    "quantities": pa.schema(
        _ITEM_HEAD
        + [
            ("id", S),
            ("text", S),
            ("start", INT),
            ("end", INT),
            ("low", F),
            ("high", F),
            ("qualifier", S),
            ("unit", S),
            ("currency", S),
            ("subject", S),
            ("outcome", STRS),
            ("hedged", B),
            ("hedges", STRS),
            ("vague", B),
            ("claimant_name", S),
            ("claimant_statement", S),
            ("place", S),
            ("time", S),
            ("derived_from", S),
        ]
        + _ITEM_TAIL
    ),
    "times": pa.schema(
        _ITEM_HEAD
        + [("text", S), ("start", INT), ("end", INT), ("type", S), ("value", S), ("mod", S)]
        + _ITEM_TAIL
    ),
    "places": pa.schema(
        _ITEM_HEAD
        + [
            ("text", S),
            ("start", INT),
            ("end", INT),
            ("name", S),
            ("country", S),
            ("lat", F),
            ("lon", F),
            ("feature", S),
            ("gazetteer_id", S),
            ("confidence", F),
        ]
        + _ITEM_TAIL
    ),
    "events": pa.schema(
        _ITEM_HEAD
        + [
            ("id", S),
            ("type", S),
            ("actor", S),
            ("target", S),
            ("place", S),
            ("time", S),
            ("status", S),
            ("source", S),
            ("statement", S),
            ("trigger_text", S),
            ("trigger_start", INT),
            ("trigger_end", INT),
            ("quantities", STRS),
            ("negated", B),
        ]
        + _ITEM_TAIL
    ),
    "positions": pa.schema(
        _ITEM_HEAD
        + [
            ("id", S),
            ("holder", S),
            ("topic", S),
            ("stance", S),
            ("conditions", STRS),
            ("condition_spans_json", S),
            ("statement", S),
            ("start", INT),
            ("end", INT),
        ]
        + _ITEM_TAIL
    ),
    "errors": pa.schema(
        [
            ("partition", S),
            ("input", S),
            ("row", INT),
            ("document_id", S),
            ("external_id", S),
            ("url", S),
            ("error_type", S),
            ("reason", S),
        ]
    ),
}

TABLES: tuple[str, ...] = tuple(SCHEMAS)
ITEM_TABLES: tuple[str, ...] = (
    "entities",
    "statements",
    "quantities",
    "times",
    "places",
    "events",
    "positions",
)
_ITEM_TYPES: dict[str, type[BaseModel]] = {
    "entities": Entity,
    "statements": Statement,
    "quantities": Quantity,
    "times": Time,
    "places": Place,
    "events": Event,
    "positions": Position,
}


def _span(span: tuple[int, int] | None, prefix: str) -> dict[str, int | None]:
    start, end = span if span else (None, None)
    head = f"{prefix}_" if prefix else ""
    return {f"{head}start": start, f"{head}end": end}


def _num(value: float | int | None) -> float | None:
    return None if value is None else float(value)


def _entity(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "titles": e.titles,
        "roles": e.roles,
        "aliases": e.aliases,
        "n_mentions": len(e.mentions),
        "mentions_json": json.dumps([m.model_dump(mode="json") for m in e.mentions]),
    }


def _statement(s: Statement) -> dict[str, Any]:
    sp, t = s.speaker, s.time
    return {
        "id": s.id,
        "speaker_name": sp.name if sp else None,
        "speaker_entity": sp.entity if sp else None,
        "speaker_text": sp.text if sp else None,
        **_span(sp.span if sp else None, "speaker"),
        "cue_text": s.cue.text,
        **_span(s.cue.span, "cue"),
        "kind": s.kind,
        "content_text": s.content.text,
        **_span(s.content.span, "content"),
        "time_text": t.text if t else None,
        "time_value": t.value if t else None,
        **_span(t.span if t else None, "time"),
        "venue": s.venue,
        "quotes_json": json.dumps([q.model_dump(mode="json") for q in s.quotes]),
        "confidence": s.confidence,
    }


def _quantity(q: Quantity) -> dict[str, Any]:
    c = q.claimant
    return {
        "id": q.id,
        "text": q.text,
        **_span(q.span, ""),
        "low": _num(q.low),
        "high": _num(q.high),
        "qualifier": q.qualifier,
        "unit": q.unit,
        "currency": q.currency,
        "subject": q.subject,
        "outcome": q.outcome,
        "hedged": q.hedged,
        "hedges": q.hedges,
        "vague": q.vague,
        "claimant_name": c.name if c else None,
        "claimant_statement": c.statement if c else None,
        "place": q.place,
        "time": q.time,
        "derived_from": q.derived_from,
    }


def _time(t: Time) -> dict[str, Any]:
    return {"text": t.text, **_span(t.span, ""), "type": t.type, "value": t.value, "mod": t.mod}


def _place(p: Place) -> dict[str, Any]:
    return {
        "text": p.text,
        **_span(p.span, ""),
        "name": p.name,
        "country": p.country,
        "lat": p.lat,
        "lon": p.lon,
        "feature": p.feature,
        "gazetteer_id": p.gazetteer_id,
        "confidence": p.confidence,
    }


def _event(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.type,
        "actor": e.actor,
        "target": e.target,
        "place": e.place,
        "time": e.time,
        "status": e.status,
        "source": e.source,
        "statement": e.statement,
        "trigger_text": e.trigger.text,
        **_span(e.trigger.span, "trigger"),
        "quantities": e.quantities,
        "negated": e.negated,
    }


def _position(p: Position) -> dict[str, Any]:
    return {
        "id": p.id,
        "holder": p.holder,
        "topic": p.topic,
        "stance": p.stance,
        "conditions": p.conditions,
        "condition_spans_json": json.dumps([list(s) for s in p.condition_spans]),
        "statement": p.statement,
        **_span(p.span, ""),
    }


_FLATTEN: dict[str, Callable[[Any], dict[str, Any]]] = {
    "entities": _entity,
    "statements": _statement,
    "quantities": _quantity,
    "times": _time,
    "places": _place,
    "events": _event,
    "positions": _position,
}


def document_row(
    report: Report,
    text: str,
    partition: str,
    row: int,
    input_url: str | None = None,
    external_id: str | None = None,
) -> dict[str, Any]:
    """The `documents` row of one report (`input`: the file read; `external_id`: the input's own id)."""
    d = report.document
    return {
        "document_id": d.id,
        "external_id": external_id,
        "partition": partition,
        "input": input_url,
        "row": row,
        "title": d.title,
        "source": d.source,
        "url": d.url,
        "published": d.published,
        "dateline": d.dateline,
        **_span(d.dateline_span, "dateline"),
        "body_start": d.body_start,
        "text": text,
        "text_chars": len(text),
        **{f"n_{t}": len(getattr(report, t)) for t in ITEM_TABLES},
        "schema": report.schema_,
        "item_json": d.model_dump_json(),
    }


def report_rows(report: Report) -> dict[str, list[dict[str, Any]]]:
    """The item rows of one report, keyed by table (documents and errors excluded)."""
    doc_id = report.document.id
    out: dict[str, list[dict[str, Any]]] = {}
    for table in ITEM_TABLES:
        out[table] = [
            {
                "document_id": doc_id,
                "ordinal": i,
                **_FLATTEN[table](item),
                "item_json": item.model_dump_json(),
            }
            for i, item in enumerate(getattr(report, table))
        ]
    return out


def to_arrow(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows as an Arrow table with exactly the declared schema (missing keys become nulls)."""
    schema = SCHEMAS[table]
    columns = {name: [r.get(name) for r in rows] for name in schema.names}
    return pa.Table.from_pydict(columns, schema=schema)


def rows_to_reports(
    documents: Iterable[Mapping[str, Any]], items: Mapping[str, Iterable[Mapping[str, Any]]]
) -> list[tuple[Report, dict[str, Any]]]:
    """Rebuild `(Report, documents row)` pairs from rows (needing document_id, ordinal, item_json)."""
    grouped: dict[str, dict[str, list[tuple[int, str]]]] = {}
    for table, rows in items.items():
        for r in rows:
            grouped.setdefault(r["document_id"], {}).setdefault(table, []).append(
                (r["ordinal"], r["item_json"])
            )
    out = []
    for drow in documents:
        parts = grouped.get(drow["document_id"], {})
        lists = {
            t: [
                _ITEM_TYPES[t].model_validate_json(j) for _, j in sorted(parts.get(t, []), key=lambda x: x[0])
            ]
            for t in ITEM_TABLES
        }
        report = Report(document=Document.model_validate_json(drow["item_json"]), **lists)
        out.append((report, dict(drow)))
    return out
