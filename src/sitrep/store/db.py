"""The record store: one SQLite file, migrations, one writer and the report round-trip."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..model import Document, Entity, Event, Place, Position, Quantity, Report, Statement, Time
from .schema import MIGRATIONS

DEFAULT_DB = "sitrep.db"


def default_db_path() -> str:
    """The store file: $SITREP_DB, else `sitrep.db` in the working directory."""
    return os.environ.get("SITREP_DB") or DEFAULT_DB


def _dump(item: Any) -> str:
    return item.model_dump_json(by_alias=True)


def _outcome_key(outcome: Iterable[str]) -> str:
    return "+".join(sorted({o.strip().lower() for o in outcome if o and o.strip()}))


class Store:
    """A sitrep record store in one SQLite file (WAL, foreign keys, versioned schema)."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, readonly: bool = False) -> None:
        self.path = str(path or default_db_path())
        self.readonly = readonly
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
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        else:
            try:
                self.con.execute("COMMIT")
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: {exc}") from exc

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

    def rows(self, sql: str, params: Iterable[Any] | Mapping[str, Any] = ()) -> list[dict[str, Any]]:
        """Run a query and return its rows as dicts (sqlite3 errors become StoreError)."""
        try:
            return [dict(r) for r in self.con.execute(sql, params)]  # type: ignore[arg-type]
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {exc}") from exc

    def scalar(self, sql: str, params: Iterable[Any] = ()) -> Any:
        """The first column of the first row of a query (None when there is no row)."""
        try:
            row = self.con.execute(sql, tuple(params)).fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {exc}") from exc
        return None if row is None else row[0]

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
                        d.id, meta.get("external_id"), d.title, d.source, d.url, d.published, d.dateline,
                        d.dateline_span[0] if d.dateline_span else None,
                        d.dateline_span[1] if d.dateline_span else None,
                        d.body_start, text, meta.get("path"), _now(), _dump(d),
                    ),
                )
                if cur.rowcount == 0:
                    return False
                self._write_items(con, d.id, report)
                con.execute(
                    "INSERT INTO documents_fts (doc_id, title, text) VALUES (?, ?, ?)", (d.id, d.title or "", text)
                )
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: writing document {d.id}: {exc}") from exc
        return True

    def _write_items(self, con: sqlite3.Connection, doc_id: str, r: Report) -> None:
        for seq, e in enumerate(r.entities):
            first = e.mentions[0].span if e.mentions else (None, None)
            con.execute(
                'INSERT INTO entities (doc_id, seq, id, name, type, start, "end", json) VALUES (?,?,?,?,?,?,?,?)',
                (doc_id, seq, e.id, e.name, e.type, first[0], first[1], _dump(e)),
            )
            con.executemany(
                'INSERT INTO mentions (doc_id, entity_id, text, start, "end") VALUES (?,?,?,?,?)',
                [(doc_id, e.id, m.text, m.span[0], m.span[1]) for m in e.mentions],
            )
        for seq, s in enumerate(r.statements):
            sp = s.speaker
            con.execute(
                "INSERT INTO statements (doc_id, seq, id, speaker, speaker_entity, kind, cue, cue_start, cue_end,"
                ' content, start, "end", time_value, venue, confidence, json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
                (
                    doc_id, seq, s.id, sp.name if sp else None, sp.entity if sp else None, s.kind,
                    s.cue.text, s.cue.span[0], s.cue.span[1], s.content.text, s.content.span[0],
                    s.content.span[1], s.time.value if s.time else None, s.venue, s.confidence, _dump(s),
                ),
            )
            con.execute(
                "INSERT INTO statements_fts (doc_id, seq, speaker, content) VALUES (?,?,?,?)",
                (doc_id, seq, sp.name if sp else "", s.content.text),
            )
        for seq, q in enumerate(r.quantities):
            con.execute(
                'INSERT INTO quantities (doc_id, seq, id, text, start, "end", low, high, qualifier, unit, currency,'
                " subject, outcome, hedged, vague, claimant, claimant_statement, place, time, derived_from, json)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc_id, seq, q.id, q.text, q.span[0], q.span[1], q.low, q.high, q.qualifier, q.unit,
                    q.currency, q.subject, _outcome_key(q.outcome), int(q.hedged), int(q.vague),
                    q.claimant.name if q.claimant else None, q.claimant.statement if q.claimant else None,
                    q.place, q.time, q.derived_from, _dump(q),
                ),
            )
        for seq, ev in enumerate(r.events):
            con.execute(
                "INSERT INTO events (doc_id, seq, id, type, actor, target, place, time, status, source, statement,"
                ' trigger, start, "end", negated, json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
                (
                    doc_id, seq, ev.id, ev.type, ev.actor, ev.target, ev.place, ev.time, ev.status, ev.source,
                    ev.statement, ev.trigger.text, ev.trigger.span[0], ev.trigger.span[1], int(ev.negated),
                    _dump(ev),
                ),
            )
        for seq, p in enumerate(r.positions):
            con.execute(
                'INSERT INTO positions (doc_id, seq, id, holder, topic, stance, statement, start, "end", json)'
                " VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    doc_id, seq, p.id, p.holder, p.topic, p.stance, p.statement,
                    p.span[0] if p.span else None, p.span[1] if p.span else None, _dump(p),
                ),
            )
        con.executemany(
            'INSERT INTO times (doc_id, seq, text, start, "end", type, value, mod, json) VALUES (?,?,?,?,?,?,?,?,?)',
            [
                (doc_id, seq, t.text, t.span[0], t.span[1], t.type, t.value, t.mod, _dump(t))
                for seq, t in enumerate(r.times)
            ],
        )
        con.executemany(
            'INSERT INTO places (doc_id, seq, text, start, "end", name, country, lat, lon, feature, gazetteer_id,'
            " confidence, json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    doc_id, seq, p.text, p.span[0], p.span[1], p.name, p.country, p.lat, p.lon, p.feature,
                    p.gazetteer_id, p.confidence, _dump(p),
                )
                for seq, p in enumerate(r.places)
            ],
        )

    # -- the round-trip ----------------------------------------------------------------------------

    def get_text(self, doc_id: str) -> str | None:
        """The stored text of a document."""
        return self.scalar("SELECT text FROM documents WHERE id = ?", (doc_id,))

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
    "documents", "entities", "mentions", "statements", "quantities", "events", "positions", "times", "places",
    "signatures", "global_entities", "migrations",
}


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _split_sql(script: str) -> list[str]:
    """Split a migration script into statements (our scripts hold no ';' inside literals)."""
    out = []
    for part in script.split(";"):
        lines = [ln.split("--", 1)[0] for ln in part.splitlines()]
        stmt = "\n".join(ln for ln in lines if ln.strip()).strip()
        if stmt:
            out.append(stmt)
    return out
