"""The `sitrep` command line: thin commands over the Python API."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from ..errors import SitrepError

app = typer.Typer(
    name="sitrep",
    help="Read news reports about wars and crises into a sourced, queryable record.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class ExtractFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


@app.callback()
def _root() -> None:
    """Read news reports about wars and crises into a sourced, queryable record."""


def fail(message: str) -> None:
    """Print one line to standard error and exit non-zero."""
    typer.echo(f"sitrep: error: {message}", err=True)
    raise typer.Exit(2)


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="Text files to read ('-' for standard input).")],
    published: Annotated[
        str | None, typer.Option("--published", "-p", help="Publication date, YYYY-MM-DD.")
    ] = None,
    title: Annotated[str | None, typer.Option(help="Document title.")] = None,
    source: Annotated[str | None, typer.Option(help="Outlet or source name.")] = None,
    url: Annotated[str | None, typer.Option(help="Document URL.")] = None,
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.json,
    model: Annotated[
        str | None, typer.Option(help="spaCy model to use (default: the pinned small one).")
    ] = None,
) -> None:
    """Extract statements, quantities, events, positions, times and places from news texts."""
    from ..api import extract_many, parse_published
    from ..io import read_text
    from ..pipeline import load_pipeline

    try:
        date = parse_published(published, "--published")
    except SitrepError as exc:
        fail(str(exc))
    items, failed = [], 0
    unreadable: set[str] = set()
    for path in files:
        try:
            items.append(
                {
                    "text": read_text(path),
                    "published": date,
                    "title": title,
                    "source": source or (None if path == "-" else None),
                    "url": url,
                }
            )
        except SitrepError as exc:
            typer.echo(f"sitrep: error: {exc}", err=True)
            failed += 1
            unreadable.add(path)
    if not items:
        raise typer.Exit(2)
    try:
        nlp = load_pipeline(model)
    except SitrepError as exc:
        fail(str(exc))
    names = [path for path in files if path not in unreadable]

    def refused(i: int, exc: SitrepError) -> None:  # one line naming the file; the others go on
        nonlocal failed
        failed += 1
        reason = str(exc).split(": ", 1)[-1] if str(exc).startswith("item ") else str(exc)
        typer.echo(f"sitrep: error: {names[i]}: {reason}", err=True)

    reports = extract_many(items, nlp=nlp, on_error=refused)
    if fmt is ExtractFormat.table:
        from ..render import print_report

        for report in reports:
            print_report(report)
    elif fmt is ExtractFormat.json and len(items) == 1:
        for report in reports:
            sys.stdout.write(report.to_json(indent=2) + "\n")
    else:
        for report in reports:
            sys.stdout.write(report.to_json() + "\n")
    if failed:
        raise typer.Exit(1)


# Command groups that live in their own modules (record, batch, web); each exposes register(app).
_COMMAND_MODULES = ("sitrep.cli.record", "sitrep.cli.entities", "sitrep.cli.batch", "sitrep.cli.web")


def _register_command_modules() -> None:
    """Add the commands of every command module that is present (a missing module is skipped)."""
    import importlib
    import importlib.util

    for name in _COMMAND_MODULES:
        if importlib.util.find_spec(name) is None:
            continue
        importlib.import_module(name).register(app)


_register_command_modules()


def main() -> None:
    """Console entry point."""
    app()


if __name__ == "__main__":
    main()
