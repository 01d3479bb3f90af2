"""`sitrep entities`: identities across articles; `entities merge ID ID` and `entities split ID ALIAS`
record a user's correction, which survives later ingests and a rebuild (`entities rebuild`)."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import SitrepError
from .record import DbOpt, Fmt, FmtOpt, _fail, _open, _query, emit

COLUMNS = ["id", "name", "type", "documents", "first_seen", "last_seen", "aliases"]


def entities(
    words: Annotated[
        list[str] | None,
        typer.Argument(
            help="Part of a name or alias to list; or 'merge KEEP OTHER' (OTHER joins KEEP), 'split ID ALIAS'"
            " (the alias gets an identity of its own), 'rebuild' (resolve every document again).",
            show_default=False,
        ),
    ] = None,
    type: Annotated[
        str | None,
        typer.Option("--type", help="person, org, gpe, loc, norp, or place (any gazetteer place)."),
    ] = None,
    db: DbOpt = None,
    limit: Annotated[int, typer.Option(help="At most this many identities (0: all).")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many first.")] = 0,
    fmt: FmtOpt = Fmt.table,
) -> None:
    """People, organisations, places and groups across articles, each with every spelling merged into it."""
    from ..record import identities

    words = words or []
    if words and words[0] in ("merge", "split", "rebuild"):
        _correct(words, db, fmt)
        return
    if len(words) > 1:
        _fail("give one name to look for (quote it if it has spaces), or merge/split/rebuild")
    q = words[0] if words else None
    rows = _query(db, lambda s: identities.entities(s, type=type, q=q, limit=limit, offset=offset))
    emit(rows, fmt, COLUMNS, title="entities")


def _correct(words: list[str], db: str | None, fmt: Fmt) -> None:
    from ..aggregate.identity import overrides
    from ..aggregate.identity.refresh import refresh_identities

    action, args = words[0], words[1:]
    if (action == "rebuild" and args) or (action != "rebuild" and len(args) != 2):
        usage = {"merge": "KEEP OTHER", "split": "ID ALIAS"}.get(action, "")
        _fail(f"usage: sitrep entities {action} {usage}".strip())
    store = _open(db, readonly=False)
    try:
        if action == "merge":
            row = overrides.merge_identities(store, args[0], args[1])
            typer.echo(f"merged {args[1]} into {args[0]} ({row['name']})", err=True)
        elif action == "split":
            row = overrides.split_identity(store, args[0], args[1])
            typer.echo(f"split {args[1]!r} off {args[0]} as {row['id']}", err=True)
        else:
            n = refresh_identities(store, force=True)
            typer.echo(f"{n} identities", err=True)
    except SitrepError as exc:
        _fail(str(exc))
    finally:
        store.close()


def register(app: typer.Typer) -> None:
    """Add `entities` to the sitrep CLI."""
    app.command("entities")(entities)
