"""`sitrep serve`: the HTTP JSON API and the web UI over a store."""

from __future__ import annotations

import os

import typer

from .errors import SitrepError


def register(app: typer.Typer) -> None:
    """Add the `serve` command to the CLI."""

    @app.command()
    def serve(
        db: str = typer.Option(None, "--db", help="Store file (default: $SITREP_DB or sitrep.db)."),
        host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind (loopback by default)."),
        port: int = typer.Option(8000, "--port", help="TCP port."),
        token: str = typer.Option(
            None,
            "--token",
            envvar="SITREP_TOKEN",
            help="Token that write requests must send as 'Authorization: Bearer ...'; "
            "without it the server is read-only.",
        ),
    ) -> None:
        """Serve the JSON API (/api/...) and the web UI for a store."""
        from .cli import fail

        try:
            import uvicorn

            from .store.db import default_db_path
            from .web import create_app

            application = create_app(db or default_db_path(), token=token or None)
        except (SitrepError, ImportError) as exc:
            fail(str(exc))
            return
        if host not in ("127.0.0.1", "localhost", "::1"):
            typer.echo(f"sitrep: warning: serving on {host}, reachable from other machines", err=True)
        typer.echo(
            f"sitrep: serving {db or default_db_path()} on http://{host}:{port}/ "
            f"({'writes need the token' if token else 'read-only'})",
            err=True,
        )
        uvicorn.run(application, host=host, port=port, log_level=os.environ.get("SITREP_LOG", "warning"))
