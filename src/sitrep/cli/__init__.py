"""The `sitrep` command line (typer): `main` holds the app and `extract`; one module per command group
(`record`: ingest and queries, `batch`: Dask runs, `web`: serve). Commands are thin calls below.
"""

from __future__ import annotations

from .main import app, main

__all__ = ["app", "main"]
