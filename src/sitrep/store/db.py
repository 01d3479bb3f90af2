"""The record store: one SQLite file, migrations, one writer and the report round-trip."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from ..errors import StoreError
from ..model import Document, Entity, Event, Place, Position, Quantity, Report, Statement, Time
from .schema import MIGRATIONS, RECOUNT_COPIES

DEFAULT_DB = "sitrep.db"

T = TypeVar("T")


def default_db_path() -> str:
    """The store file: $SITREP_DB, else `sitrep.db` in the working directory."""
    return os.environ.get("SITREP_DB") or DEFAULT_DB


def _dump(item: BaseModel) -> str:
    return item.model_dump_json(by_alias=True)


def _outcome_key(outcome: Iterable[str]) -> str:
    return "+".join(sorted({o.strip().lower() for o in outcome if o and o.strip()}))


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
                    (version, name, _now()),
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

    # -- the writer --------------------------------------------------------------------------------

    def write_report(self, report: Report, text: str, meta: Mapping[str, Any] | None = None) -> bool:
        """Store one document and everything extracted from it, atomically; False if already stored.

        The row key is `report.document.id` (the hash of the normalized text when the caller gave
        no id). `meta` may carry `path` and `external_id`. INSERT OR IGNORE on the id makes re-ingest a
        no-op; the whole document commits in one transaction, so a crash leaves it absent or complete.
        """
        meta = meta or {}
        d = report.document
        try:
            with self.transaction() as con:
                cur = con.execute(
                    "INSERT OR IGNORE INTO documents (id, external_id, title, source, url, published,"
                    " dateline, dateline_start, dateline_end, body_start, text, path, ingested_at, json)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        d.id,
                        meta.get("external_id"),
                        d.title,
                        d.source,
                        d.url,
                        d.published,
                        d.dateline,
                        d.dateline_span[0] if d.dateline_span else None,
                        d.dateline_span[1] if d.dateline_span else None,
                        d.body_start,
                        text,
                        meta.get("path"),
                        _now(),
                        _dump(d),
                    ),
                )
                if cur.rowcount == 0:
                    return False
                self._write_items(con, d.id, report)
                con.execute(
                    "INSERT INTO documents_fts (doc_id, title, text) VALUES (?, ?, ?)",
                    (d.id, d.title or "", text),
                )
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: writing document {d.id}: {exc}") from exc
        return True

    def _write_items(self, con: sqlite3.Connection, doc_id: str, r: Report) -> None:
        _insert(
            con,
            "entities",
            [
                {
                    "doc_id": doc_id,
                    "seq": seq,
                    "id": e.id,
                    "name": e.name,
                    "type": e.type,
                    "start": e.mentions[0].span[0] if e.mentions else None,
                    "end": e.mentions[0].span[1] if e.mentions else None,
                    "json": _dump(e),
                }
                for seq, e in enumerate(r.entities)
            ],
        )
        _insert(
            con,
            "mentions",
            [
                {"doc_id": doc_id, "entity_id": e.id, "text": m.text, "start": m.span[0], "end": m.span[1]}
                for e in r.entities
                for m in e.mentions
            ],
        )
        stmts = [
            {
                "doc_id": doc_id,
                "seq": seq,
                "id": s.id,
                "speaker": s.speaker.name if s.speaker else None,
                "speaker_entity": s.speaker.entity if s.speaker else None,
                "kind": s.kind,
                "cue": s.cue.text,
                "cue_start": s.cue.span[0],
                "cue_end": s.cue.span[1],
                "content": s.content.text,
                "start": s.content.span[0],
                "end": s.content.span[1],
                "time_value": s.time.value if s.time else None,
                "venue": s.venue,
                "confidence": s.confidence,
                "json": _dump(s),
            }
            for seq, s in enumerate(r.statements)
        ]
        _insert(con, "statements", stmts)
        _insert(
            con,
            "statements_fts",
            [
                {"doc_id": doc_id, "seq": s["seq"], "speaker": s["speaker"] or "", "content": s["content"]}
                for s in stmts
            ],
        )
        _insert(
            con,
            "quantities",
            [
                {
                    "doc_id": doc_id,
                    "seq": seq,
                    "id": q.id,
                    "text": q.text,
                    "start": q.span[0],
                    "end": q.span[1],
                    "low": q.low,
                    "high": q.high,
                    "qualifier": q.qualifier,
                    "unit": q.unit,
                    "currency": q.currency,
                    "subject": q.subject,
                    "outcome": _outcome_key(q.outcome),
                    "hedged": int(q.hedged),
                    "vague": int(q.vague),
                    "claimant": q.claimant.name if q.claimant else None,
                    "claimant_statement": q.claimant.statement if q.claimant else None,
                    "place": q.place,
                    "time": q.time,
                    "derived_from": q.derived_from,
                    "json": _dump(q),
                }
                for seq, q in enumerate(r.quantities)
            ],
        )
        _insert(
            con,
            "events",
            [
                {
                    "doc_id": doc_id,
                    "seq": seq,
                    "id": e.id,
                    "type": e.type,
                    "actor": e.actor,
                    "target": e.target,
                    "place": e.place,
                    "time": e.time,
                    "status": e.status,
                    "source": e.source,
                    "statement": e.statement,
                    "trigger": e.trigger.text,
                    "start": e.trigger.span[0],
                    "end": e.trigger.span[1],
                    "negated": int(e.negated),
                    "json": _dump(e),
                }
                for seq, e in enumerate(r.events)
            ],
        )
        _insert(
            con,
            "positions",
            [
                {
                    "doc_id": doc_id,
                    "seq": seq,
                    "id": p.id,
                    "holder": p.holder,
                    "topic": p.topic,
                    "stance": p.stance,
                    "statement": p.statement,
                    "start": p.span[0] if p.span else None,
                    "end": p.span[1] if p.span else None,
                    "json": _dump(p),
                }
                for seq, p in enumerate(r.positions)
            ],
        )
        _insert(
            con,
            "times",
            [
                {
                    "doc_id": doc_id,
                    "seq": seq,
                    "text": t.text,
                    "start": t.span[0],
                    "end": t.span[1],
                    "type": t.type,
                    "value": t.value,
                    "mod": t.mod,
                    "json": _dump(t),
                }
                for seq, t in enumerate(r.times)
            ],
        )
        _insert(
            con,
            "places",
            [
                {
                    "doc_id": doc_id,
                    "seq": seq,
                    "text": p.text,
                    "start": p.span[0],
                    "end": p.span[1],
                    "name": p.name,
                    "country": p.country,
                    "lat": p.lat,
                    "lon": p.lon,
                    "feature": p.feature,
                    "gazetteer_id": p.gazetteer_id,
                    "confidence": p.confidence,
                    "json": _dump(p),
                }
                for seq, p in enumerate(r.places)
            ],
        )

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

        def items(table: str, model: Any) -> list[Any]:
            rows = self.rows(f"SELECT json FROM {table} WHERE doc_id = ? ORDER BY seq", (doc_id,))
            return [model.model_validate_json(r["json"]) for r in rows]

        return Report(
            document=Document.model_validate_json(row[0]["json"]),
            entities=items("entities", Entity),
            statements=items("statements", Statement),
            quantities=items("quantities", Quantity),
            times=items("times", Time),
            places=items("places", Place),
            events=items("events", Event),
            positions=items("positions", Position),
        )


_TABLES = {
    "documents",
    "entities",
    "mentions",
    "statements",
    "quantities",
    "events",
    "positions",
    "times",
    "places",
    "signatures",
    "global_entities",
    "migrations",
    "state",
}


def _insert(con: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert rows (dicts with the same keys) into a table."""
    if not rows:
        return
    cols = list(rows[0])
    names = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" * len(cols))
    con.executemany(
        f"INSERT INTO {table} ({names}) VALUES ({marks})", [tuple(r[c] for c in cols) for r in rows]
    )


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


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
