"""The record store: a plain SQLite file with versioned schema, one writer and a query layer."""

from __future__ import annotations

from .db import DEFAULT_DB, Store, default_db_path
from .schema import MIGRATIONS

__all__ = ["DEFAULT_DB", "MIGRATIONS", "Store", "default_db_path"]
