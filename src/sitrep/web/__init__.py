"""sitrep's HTTP JSON API and web UI (the `web` extra: `pip install 'sitrep[web]'`)."""

from __future__ import annotations

import os

from ..errors import MissingExtraError


def create_app(db: str, token: str | None = None):  # type: ignore[no-untyped-def]
    """The FastAPI app serving the store file `db` (see `sitrep.web.app.create_app`)."""
    try:
        from .app import create_app as _create
    except ImportError as exc:  # FastAPI, Jinja2 or uvicorn missing
        raise MissingExtraError("the web UI", "web") from exc
    return _create(db, token=token)


def app_from_env():  # type: ignore[no-untyped-def]
    """The app for one worker of `sitrep serve --workers N` ($SITREP_SERVE_DB, $SITREP_SERVE_TOKEN)."""
    return create_app(os.environ["SITREP_SERVE_DB"], token=os.environ.get("SITREP_SERVE_TOKEN") or None)
