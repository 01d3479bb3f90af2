"""`sitrep serve`: the HTTP JSON API and the web UI over a store."""

from __future__ import annotations

import os
import sys

import typer

from ..errors import SitrepError


def _read_token(path: str) -> str:
    """The token in a file (its first line, whitespace trimmed), or a one-line error and exit 2."""
    from .main import fail

    try:
        if path == "-":
            line = sys.stdin.readline()
        else:
            with open(path, encoding="utf-8") as fh:
                line = fh.readline()
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"--token-file {path}: cannot read ({getattr(exc, 'strerror', None) or exc})")
        raise  # unreachable: fail exits
    token = line.strip()
    if not token:
        fail(f"--token-file {path}: the file holds no token")
    return token


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
            "without it the server is read-only. On the command line it is visible to every user "
            "of the machine (ps): prefer $SITREP_TOKEN or --token-file.",
        ),
        token_file: str = typer.Option(
            None,
            "--token-file",
            help="Read the write token from this file (its first line; '-' for standard input).",
        ),
        workers: int = typer.Option(
            1,
            "--workers",
            min=1,
            help="Worker processes. Each keeps its own read connections and cache; a commit to the "
            "store by any of them (or by 'sitrep ingest') refreshes every worker's cache.",
        ),
    ) -> None:
        """Serve the JSON API (/api/...) and the web UI for a store."""
        from .main import fail

        if token_file:
            if token:
                fail("give the token once: --token/$SITREP_TOKEN or --token-file, not both")
            token = _read_token(token_file)
        elif token and any(a == "--token" or a.startswith("--token=") for a in sys.argv[1:]):
            typer.echo(
                "sitrep: warning: a --token on the command line is visible to every user of this machine "
                "(ps); use $SITREP_TOKEN or --token-file",
                err=True,
            )
        try:
            import uvicorn

            from ..store.db import default_db_path
            from ..web import create_app

            path = db or default_db_path()
            application = create_app(path, token=token or None)  # checks and migrates the store first
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
        log_level = os.environ.get("SITREP_LOG", "warning")
        if workers == 1:
            uvicorn.run(application, host=host, port=port, log_level=log_level)
            return
        os.environ["SITREP_SERVE_DB"] = path  # read by each worker's sitrep.web.app_from_env
        os.environ["SITREP_SERVE_TOKEN"] = token or ""
        factory = "sitrep.web:app_from_env"
        uvicorn.run(factory, factory=True, workers=workers, host=host, port=port, log_level=log_level)
