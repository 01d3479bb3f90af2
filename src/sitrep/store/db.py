"""The record store's connection: one SQLite file, transactions, migrations, reads, the round-trip."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from ..errors import StoreError
from ..model import Document, Report
from .schema import MIGRATIONS, RECOUNT_COPIES
from .tables import ITEM_TABLES, TABLES
from .writer import now, write_report

DEFAULT_DB = "sitrep.db"

T = TypeVar("T")


def default_db_path() -> str:
    """The store file: $SITREP_DB, else `sitrep.db` in the working directory."""
    return os.environ.get("SITREP_DB") or DEFAULT_DB


class Store:
    """A sitrep record store in one SQLite file (WAL, foreign keys, versioned schema)."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, readonly: bool = False) -> None:
        self.path = str(path or default_db_path())
        self.readonly = readonly
        self._commits = 0
        self._memo: dict[tuple[str, tuple[int, int]], Any] = {}
        self._copies = False  # whether the schema counts statement copies (migration 5)
        try:
            if readonly:
                if not Path(self.path).exists():
                    raise StoreError(f"{self.path}: no such store (run 'sitrep ingest' first)")
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self.con = sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False)
            else:
                self.con = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            self.con.row_factory = sqlite3.Row
            self.con.isolation_level = None  # explicit transactions only
            self.con.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.con.execute("PRAGMA journal_mode = WAL")
                self.con.execute("PRAGMA synchronous = NORMAL")
                self.migrate()
                self._copies = self.scalar("SELECT 1 FROM sqlite_master WHERE name = 'copies_dirty'") == 1
                if self._copies and self.con.execute("SELECT 1 FROM copies_dirty LIMIT 1").fetchone():
                    with self.transaction():
                        pass  # recounts the copies a writer outside this class left pending
            else:
                self._check_schema()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {exc}") from exc

    # -- lifecycle -------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write transaction (BEGIN IMMEDIATE ... COMMIT, rolled back on error)."""
        try:
            self.con.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {exc}") from exc
        try:
            yield self.con
        except sqlite3.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: {exc}") from exc
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        else:
            try:
                self._recount_copies()
            except sqlite3.Error as exc:
                self.con.execute("ROLLBACK")
                raise StoreError(f"{self.path}: {exc}") from exc
            try:
                self.con.execute("COMMIT")
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: {exc}") from exc
            self._commits += 1

    def _recount_copies(self) -> None:
        """Recount `statements.copies`/`reprint` in the clusters this transaction touched (see schema)."""
        if self._copies and self.con.execute("SELECT 1 FROM copies_dirty LIMIT 1").fetchone():
            for sql in RECOUNT_COPIES:
                self.con.execute(sql)

    def _check_schema(self) -> None:
        try:
            row = self.con.execute("SELECT max(version) FROM migrations").fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: not a sitrep store ({exc})") from exc
        if row[0] is None or row[0] < MIGRATIONS[-1][0]:
            raise StoreError(f"{self.path}: store schema is out of date (open it once read-write)")

    def migrate(self) -> list[int]:
        """Apply pending migrations in order; return the versions applied now."""
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL)"
        )
        applied = []
        for version, name, script in MIGRATIONS:
            with self.transaction() as con:
                if con.execute("SELECT 1 FROM migrations WHERE version = ?", (version,)).fetchone():
                    continue
                for statement in _split_sql(script):
                    con.execute(statement)
                con.execute(
                    "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, now()),
                )
                applied.append(version)
        return applied

    def migrations(self) -> list[dict[str, Any]]:
        """The applied migrations, oldest first."""
        return self.rows("SELECT version, name, applied_at FROM migrations ORDER BY version")

    # -- reading helpers ---------------------------------------------------------------------------

    def rows(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[dict[str, Any]]:
        """Run a query and return its rows as dicts (sqlite3 errors become StoreError)."""
        try:
            return [dict(r) for r in self.con.execute(sql, params)]
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {exc}") from exc

    def scalar(self, sql: str, params: Iterable[Any] = ()) -> Any:
        """The first column of the first row of a query (None when there is no row)."""
        try:
            row = self.con.execute(sql, tuple(params)).fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {exc}") from exc
        return None if row is None else row[0]

    def get_state(self, key: str) -> str | None:
        """A value from the store's `state` table."""
        value: str | None = self.scalar("SELECT value FROM state WHERE key = ?", (key,))
        return value

    def set_state(self, key: str, value: str) -> None:
        """Set a value in the store's `state` table."""
        try:
            with self.transaction() as con:
                con.execute("INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", (key, value))
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {exc}") from exc

    def version(self) -> tuple[int, int]:
        """Changes to the file, by any connection: equal values mean nothing was committed in between."""
        return (int(self.scalar("PRAGMA data_version")), self._commits)

    def memo(self, name: str, compute: Callable[[], T]) -> T:
        """`compute()`, cached on this connection until the store changes (for aggregates in servers)."""
        key = (name, self.version())
        if key not in self._memo:
            self._memo = {k: v for k, v in self._memo.items() if k[1] == key[1]}
            while len(self._memo) >= 64:  # bounded: drop the oldest entry
                del self._memo[next(iter(self._memo))]
            self._memo[key] = compute()
        value: T = self._memo[key]
        return value

    def has_document(self, doc_id: str) -> bool:
        """Whether a document with this id is stored."""
        return self.scalar("SELECT 1 FROM documents WHERE id = ?", (doc_id,)) is not None

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of these document ids already stored."""
        ids = list(ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r["id"] for r in self.rows(f"SELECT id FROM documents WHERE id IN ({marks})", chunk))
        return found

    def count(self, table: str = "documents") -> int:
        """Rows in one of the store's tables."""
        if table not in _TABLES:
            raise StoreError(f"no table {table!r} in the store")
        return int(self.scalar(f"SELECT count(*) FROM {table}"))

    # -- the writer (store/writer.py) ------------------------------------------------------------

    def write_report(self, report: Report, text: str, meta: Mapping[str, Any] | None = None) -> bool:
        """Store one document and everything extracted from it, atomically; False if already stored
        (see `writer.write_report`: `meta` may carry `path` and `external_id`)."""
        return write_report(self, report, text, meta)

    # -- the round-trip ----------------------------------------------------------------------------

    def get_text(self, doc_id: str) -> str | None:
        """The stored text of a document."""
        text: str | None = self.scalar("SELECT text FROM documents WHERE id = ?", (doc_id,))
        return text

    def get_report(self, doc_id: str) -> Report | None:
        """The report stored for a document, equal to the one written (None if unknown)."""
        row = self.rows("SELECT json FROM documents WHERE id = ?", (doc_id,))
        if not row:
            return None

        def items(table: str) -> list[Any]:
            model = TABLES[table].model
            assert model is not None, table
            rows = self.rows(f"SELECT json FROM {table} WHERE doc_id = ? ORDER BY seq", (doc_id,))
            return [model.model_validate_json(r["json"]) for r in rows]

        return Report(
            document=Document.model_validate_json(row[0]["json"]), **{t: items(t) for t in ITEM_TABLES}
        )


# What `count` may count: the record tables and the store's own.
_TABLES = {
    *TABLES,
    "signatures",
    "identities",
    "identity_aliases",
    "identity_keys",
    "identity_overrides",
    "migrations",
    "state",
}


def _split_sql(script: str) -> list[str]:
    """Split a migration script into statements (a trigger's BEGIN ... END body stays whole)."""
    out, buf = [], ""
    for part in script.split(";"):
        buf += part + ";"
        if not sqlite3.complete_statement(buf):
            continue
        lines = [ln.split("--", 1)[0] for ln in buf.splitlines()]
        stmt = "\n".join(ln for ln in lines if ln.strip()).strip().rstrip(";").strip()
        if stmt:
            out.append(stmt)
        buf = ""
    return out
