"""Record commands: ingest, search, statements, estimates, contradictions, timeline, export.

Each command parses its arguments, calls one function of the ingest pipeline or the query layer
(`sitrep.record.query`) and formats the result as a table, JSON or CSV.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import SitrepError
from ..store.db import Store, default_db_path


class Fmt(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFmt(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


DbOpt = Annotated[
    str | None,
    typer.Option("--db", help="Store file (default: $SITREP_DB or ./sitrep.db).", show_default=False),
]
FmtOpt = Annotated[Fmt, typer.Option("--format", "-f", help="Output format.")]


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"sitrep: error: {message}", err=True)
    raise typer.Exit(code)


def _open(db: str | None, readonly: bool = True) -> Store:
    try:
        return Store(db or default_db_path(), readonly=readonly)
    except SitrepError as exc:
        _fail(str(exc))
        raise  # unreachable


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def emit(rows: list[dict[str, Any]], fmt: Fmt, columns: Sequence[str], title: str | None = None) -> None:
    """Print rows as a rich table, a JSON list or CSV (with these columns for table and CSV)."""
    if fmt is Fmt.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt is Fmt.csv:
        w = csv.writer(sys.stdout)
        w.writerow(columns)
        for r in rows:
            w.writerow([_cell(r.get(c)) for c in columns])
    else:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        console = Console()
        if not console.is_terminal:
            console = Console(width=200)
        table = Table(title=title, show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*[Text(_cell(r.get(c))) for c in columns])
        console.print(table)


def _query(db: str | None, fn: Callable[[Store], Any]) -> Any:
    store = _open(db)
    try:
        return fn(store)
    except SitrepError as exc:
        _fail(str(exc))
    finally:
        store.close()


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive) or glob patterns.")],
    db: DbOpt = None,
    workers: Annotated[int, typer.Option(help="Extraction processes (1 = in this process).")] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Documents per nlp.pipe batch.")] = 32,
    field: Annotated[
        list[str] | None, typer.Option("--field", help="JSONL/CSV field mapping, e.g. --field text=body.")
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model (default: the pinned small one).")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", "-f", help="Summary format (table or json).")] = Fmt.table,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Read documents into the store: extract, de-duplicate wire copies, resolve entities across articles."""
    from ..ingest.pipeline import Ingest

    fields: dict[str, str] = {}
    for spec in field or []:
        name, sep, column = spec.partition("=")
        if not sep or name not in ("id", "text", "title", "published", "source", "url") or not column:
            _fail(
                f"--field {spec!r}: use NAME=COLUMN with NAME one of id, text, title, published, source, url"
            )
        fields[name] = column
    store = _open(db, readonly=False)
    run: Ingest | None = None
    try:
        with _progress(quiet) as progress:
            run = Ingest(
                store, batch_size=batch_size, workers=workers, model=model, fields=fields, progress=progress
            )
            summary = run.run(paths)
    except SitrepError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        stored = run.summary.new if run is not None else 0
        _fail(f"interrupted after storing {stored} new documents; run the same command to finish", 130)
    finally:
        store.close()
    data = summary.to_dict()
    if fmt is Fmt.json:
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
    else:
        typer.echo(
            f"read {data['read']} documents from {data['files']} files: {data['new']} new, "
            f"{data['duplicate']} duplicate, {len(data['failed'])} failed "
            f"({data['clusters']} stories, {data['entities']} entities) in {data['seconds']:.1f}s"
        )
        for f in data["failed"]:
            typer.echo(f"failed: {f['file']}: {f['reason']}")
    if data["failed"] and not (data["new"] or data["duplicate"]):
        raise typer.Exit(1)


class _progress:
    """A rich progress bar on standard error fed by ingest events (silent when not a terminal)."""

    def __init__(self, quiet: bool) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        console = Console(stderr=True)
        self.bar = Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=console,
            disable=quiet or not console.is_terminal,
            transient=False,
        )
        self.counts = {"new": 0, "duplicate": 0, "failed": 0}
        self.task = self.bar.add_task("", total=None)

    def __enter__(self) -> Callable[[str, int], None]:
        self.bar.start()
        return self.event

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()

    def event(self, name: str, n: int) -> None:
        if name == "files":
            self.bar.update(self.task, total=n)
        elif name == "file":
            self.bar.advance(self.task, n)
        else:
            self.counts[name] = self.counts.get(name, 0) + n
        c = self.counts
        self.bar.update(
            self.task, description=f"files  {c['new']} new, {c['duplicate']} dup, {c['failed']} failed"
        )


def search(
    text: Annotated[str, typer.Argument(help="Words to find (all must occur).")],
    db: DbOpt = None,
    limit: Annotated[int, typer.Option(help="At most this many documents.")] = 20,
    fmt: FmtOpt = Fmt.table,
) -> None:
    """Full-text search over stored documents."""
    from ..record import query

    rows = _query(db, lambda s: query.search(s, text, limit=limit))
    emit(rows, fmt, ["id", "published", "source", "title", "snippet"], title=f"search: {text}")


def statements(
    speaker: Annotated[str | None, typer.Option(help="Speaker name (any spelling or alias).")] = None,
    q: Annotated[str | None, typer.Option("--q", help="Words the statement must contain.")] = None,
    db: DbOpt = None,
    limit: Annotated[int, typer.Option(help="At most this many statements.")] = 100,
    fmt: FmtOpt = Fmt.table,
) -> None:
    """Statements in the store, by speaker and/or words."""
    from ..record import query

    rows = _query(db, lambda s: query.statements(s, speaker=speaker, q=q, limit=limit))
    emit(
        rows,
        fmt,
        ["published", "source", "speaker", "kind", "text", "copies", "document"],
        title="statements",
    )


def estimates(
    subject: Annotated[str | None, typer.Option(help="Keep series whose subject contains this.")] = None,
    outcome: Annotated[
        str | None, typer.Option(help="Keep series with these outcomes (killed+wounded).")
    ] = None,
    db: DbOpt = None,
    fmt: FmtOpt = Fmt.table,
) -> None:
    """Estimate series: every figure for the same thing, with who claimed it, where and when."""
    from ..record import query

    series = _query(db, lambda s: query.estimates(s, subject=subject, outcome=outcome))
    if fmt is Fmt.json:
        sys.stdout.write(json.dumps(series, ensure_ascii=False, indent=2) + "\n")
        return
    rows = [
        {
            "subject": s["subject"],
            "outcome": "+".join(s["outcome"]),
            **e,
            "reprints": ", ".join(r.get("source") or r["document"] for r in e["reprints"]),
        }
        for s in series
        for e in s["estimates"]
    ]
    emit(
        rows,
        fmt,
        [
            "subject",
            "outcome",
            "low",
            "high",
            "qualifier",
            "claimant",
            "source",
            "published",
            "text",
            "reprints",
            "document",
        ],
        title="estimates",
    )


def contradictions(db: DbOpt = None, fmt: FmtOpt = Fmt.table) -> None:
    """Claims that cannot all be true: non-overlapping figures and conflicting event statuses."""
    from ..record import query

    items = _query(db, query.contradictions)
    if fmt is Fmt.json:
        sys.stdout.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
        return
    rows = [
        {
            "kind": c["kind"],
            "reason": c["reason"],
            "documents": " ".join(sorted({i["document"] for i in c["items"]})),
        }
        for c in items
    ]
    emit(rows, fmt, ["kind", "reason", "documents"], title="contradictions")


def timeline(
    name: Annotated[str, typer.Argument(help="A place or an actor (any spelling or alias).")],
    db: DbOpt = None,
    fmt: FmtOpt = Fmt.table,
) -> None:
    """Events at a place or by/to an actor, and its statements, in time order."""
    from ..record import query

    rows = _query(db, lambda s: query.timeline(s, name))
    emit(
        rows,
        fmt,
        ["date", "kind", "type", "status", "actor", "place", "text", "source", "document"],
        title=f"timeline: {name}",
    )


def export(
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write.")],
    fmt: Annotated[
        ExportFmt, typer.Option("--format", "-f", help="jsonl, csv or parquet.")
    ] = ExportFmt.jsonl,
    table: Annotated[
        str | None,
        typer.Option(
            help="Table to export (documents, statements, quantities, events, positions, times, "
            "places, entities, estimates); default: whole reports for jsonl, documents otherwise."
        ),
    ] = None,
    db: DbOpt = None,
) -> None:
    """Export the store: whole reports as JSON Lines, or one table as CSV or Parquet."""
    from ..record.export import export_store

    store = _open(db)
    try:
        n = export_store(store, out, fmt.value, table)
    except SitrepError as exc:
        _fail(str(exc))
    finally:
        store.close()
    typer.echo(f"wrote {n} rows to {out}", err=True)


def register(app: typer.Typer) -> None:
    """Add the record commands to the sitrep CLI."""
    for fn in (ingest, search, statements, estimates, contradictions, timeline, export):
        app.command(fn.__name__)(fn)
