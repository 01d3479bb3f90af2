"""The read side: one function per view over the store and its aggregates, shared by the CLI, the web
pages and the API.

Every function takes an open `Store` and returns plain JSON-ready data (dicts and lists).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from ..store.copies import copies, copy_named, document_named
from ..store.db import Store

DOC_COLUMNS = "id, external_id, title, source, url, published, dateline, path, ingested_at, cluster_id"


def documents(store: Store, limit: int = 50, offset: int = 0, source: str | None = None) -> dict[str, Any]:
    """A page of documents, newest first: `{"total", "limit", "offset", "documents": [...]}`."""
    where, params = ("WHERE source = ?", [source]) if source else ("", [])
    total = store.scalar(f"SELECT count(*) FROM documents {where}", params)
    rows = store.rows(
        f"SELECT {DOC_COLUMNS}, length(text) AS chars FROM documents {where}"
        " ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return {"total": total, "limit": limit, "offset": offset, "documents": rows}


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """One document with its text, its report, its wire copies (other documents of its cluster) and
    its `reprints` (word-for-word copies: other printings of this very text, `"copy": true`). Asked
    for by sitrep's id, or by the id its input gave (`external_id`); the id of a copy gives the document
    it copies, with that printing as `requested_copy`. None if unknown."""
    sql = f"SELECT {DOC_COLUMNS}, text FROM documents WHERE id = ?"
    rows = store.rows(sql, (doc_id,))
    named = None if rows else document_named(store, doc_id)
    if named is not None:
        rows = store.rows(sql, (named,))
    printing = None if rows else copy_named(store, doc_id)
    if printing is not None:
        rows = store.rows(sql, (printing.pop("doc_id"),))
    if not rows:
        return None
    doc = rows[0]
    doc_id = doc["id"]
    if printing is not None:
        doc["requested_copy"] = {**printing, "copy": True}
    doc["reprints"] = [{**c, "copy": True} for c in copies(store, doc_id)]
    report = store.get_report(doc_id)
    doc["report"] = report.to_dict() if report else None
    doc["copies"] = (
        store.rows(
            "SELECT id, source, published, title FROM documents WHERE cluster_id = ? AND id != ?"
            " ORDER BY published, id",
            (doc["cluster_id"], doc_id),
        )
        if doc["cluster_id"]
        else []
    )
    return doc


_STATEMENT_COLUMNS = (
    's.doc_id AS document, s.id, s.speaker, s.kind, s.cue, s.content AS text, s.start, s."end", s.venue,'
    " s.time_value AS time, d.source, d.published, d.title"
)
# A page of statements, newest first then in ingest order: the page's rowids come from a covering
# index (`statements_by_speaker`, `statements_recent`), so only its own rows are read in full. Each
# statement is listed once (its first printing) through `statements.reprint`, kept at write time.
# (DESC puts undated statements last, as `NULLS LAST` would, without giving up the index order.)
_STATEMENTS = (
    f"SELECT {_STATEMENT_COLUMNS}, s.copies"
    " FROM (SELECT s.rowid AS r FROM statements s{hint} WHERE {where}"
    " ORDER BY s.published DESC, s.rowid LIMIT ? OFFSET ?) AS page"
    " CROSS JOIN statements s ON s.rowid = page.r JOIN documents d ON d.id = s.doc_id"
    " ORDER BY s.published DESC, s.rowid"
)
# The same, counting wire copies now (only while a writer outside `Store` has left counts pending).
_STATEMENTS_COUNTING = (
    f"SELECT * FROM (SELECT {_STATEMENT_COLUMNS}, s.rowid AS o,"
    " row_number() OVER (PARTITION BY coalesce(d.cluster_id, d.id), s.speaker, s.content"
    " ORDER BY d.published, d.rowid, s.seq) AS nth,"
    " count(*) OVER (PARTITION BY coalesce(d.cluster_id, d.id), s.speaker, s.content) AS copies"
    " FROM statements s JOIN documents d ON d.id = s.doc_id WHERE {where})"
    " WHERE {first} ORDER BY published DESC, o LIMIT ? OFFSET ?"
)


def statements(
    store: Store,
    speaker: str | None = None,
    q: str | None = None,
    limit: int = 100,
    offset: int = 0,
    copies: bool = False,
) -> list[dict[str, Any]]:
    """Statements, optionally by a speaker (any alias of the same person) and/or matching full-text `q`.

    A statement reprinted in wire copies is listed once (its first printing) with `copies`, the number
    of documents carrying it; `copies=True` lists every printing. Both come from `statements.copies`
    and `statements.reprint`, which the store keeps current as documents and clusters change.
    """
    where: list[str] = []
    params: list[Any] = []
    hint = ""
    if speaker:
        from ..aggregate.identity.lookup import identities_named

        ids = identities_named(store, speaker)
        names = speaker_names(store, speaker, ids)
        marks = ",".join("?" * len(names))
        lowered = [n.lower() for n in names]
        if ids:  # a known identity: its statements, and unlinked ones under any of its spellings
            id_marks = ",".join("?" * len(ids))
            where.append(
                f"(s.speaker_identity IN ({id_marks})"
                f" OR (s.speaker_identity IS NULL AND lower(s.speaker) IN ({marks})))"
            )
            params += [*ids, *lowered]
        elif store.scalar(f"SELECT 1 FROM statements WHERE lower(speaker) IN ({marks}) LIMIT 1", lowered):
            where.append(f"lower(s.speaker) IN ({marks})")  # an exact name: through the index
            params += lowered
            hint = " INDEXED BY statements_by_speaker"  # not the date index, whatever the planner guesses
        else:  # nothing by that exact name: any speaker whose name contains it (a full scan)
            where.append(f"(lower(s.speaker) IN ({marks}) OR s.speaker LIKE ? ESCAPE '\\')")
            params += lowered + [f"%{like_escape(speaker)}%"]  # "%" and "_" are letters of the name
            hint = " NOT INDEXED"  # one pass over the table beats a lookup per row in date order
    if q:
        where.append(
            "(s.doc_id, s.seq) IN (SELECT doc_id, seq FROM statements_fts WHERE statements_fts MATCH ?)"
        )
        params.append(fts_query(q))
    if store.scalar("SELECT 1 FROM copies_dirty LIMIT 1"):  # a writer outside Store left counts pending
        first = "1" if copies else "nth = 1"
        sql = _STATEMENTS_COUNTING.format(where=" AND ".join(where) or "1", first=first)
    else:
        where += [] if copies else ["s.reprint = 0"]
        sql = _STATEMENTS.format(where=" AND ".join(where) or "1", hint=hint)
    rows = store.rows(sql, [*params, limit, offset])
    for r in rows:
        r["span"] = [r.pop("start"), r.pop("end")]
        r.pop("o", None)
        r.pop("nth", None)
    return rows


def speaker_names(store: Store, name: str, ids: list[str] | None = None) -> list[str]:
    """Every surface name of the identity (or identities) a name denotes, including the name itself."""
    from ..aggregate.timeline import names_for

    if ids is None:
        return names_for(store, name)
    from ..aggregate.identity.lookup import aliases_of

    return sorted({name} | aliases_of(store, ids))


def person(store: Store, name: str) -> dict[str, Any] | None:
    """The identity a name denotes, with its aliases and their counts (see record.identities)."""
    from .identities import person as find

    return find(store, name)


def search(store: Store, text: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Full-text search over documents (title and text), best match first, with a snippet."""
    return _fts_documents(store, fts_query(text), limit, offset)


def _fts_documents(store: Store, match: str, limit: int, offset: int) -> list[dict[str, Any]]:
    return store.rows(
        "SELECT d.id, d.title, d.source, d.published, d.cluster_id,"
        " snippet(documents_fts, 2, '[', ']', ' … ', 12) AS snippet, bm25(documents_fts) AS score"
        " FROM documents_fts JOIN documents d ON d.id = documents_fts.doc_id"
        " WHERE documents_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?",
        (match, limit, offset),
    )


_WORD = re.compile(r"\w+(?:['\u2019]\w+)*", re.UNICODE)


def fts_query(text: str) -> str:
    """A safe FTS5 query from user text: each word quoted, all required ("a b" -> '"a" "b"')."""
    words = _WORD.findall(text)
    return " ".join('"' + w.replace('"', "") + '"' for w in words) or '""'


def estimate_groups(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every series computed now, by key (memoized per store version): what a server computes once
    while the stored series are not current, and passes back as `groups=`."""
    from ..aggregate.estimates_store import computed

    return {s["key"]: [s] for s in store.memo("claims", lambda: computed(store))[0]}


def estimates(
    store: Store,
    subject: str | None = None,
    outcome: str | None = None,
    groups: dict[str, list[dict[str, Any]]] | Callable[[], dict[str, list[dict[str, Any]]]] | None = None,
) -> list[dict[str, Any]]:
    """Estimate series: the figures claimed for one referent over time, reprints counted once (see
    aggregate.estimates). `subject` keeps series about what it names ("Russian troops": soldiers of
    Russia); `outcome` keeps series whose outcomes include every outcome named.

    Read from the series stored at the last refresh (an indexed lookup) when they are current;
    otherwise computed from the claims (`groups`, from `estimate_groups`, saves recomputing them).
    """
    found = estimates_json(store, subject, outcome)
    if found is not None:
        return [json.loads(t) for t in found]
    return computed_estimates(store, subject, outcome, groups)


def estimates_json(
    store: Store, subject: str | None = None, outcome: str | None = None
) -> list[bytes] | None:
    """The JSON (UTF-8) of each series `estimates` answers, from the stored series; None if not current."""
    from ..aggregate.estimates_store import stored_series

    return stored_series(store, subject, outcome)


def computed_estimates(
    store: Store,
    subject: str | None = None,
    outcome: str | None = None,
    groups: dict[str, list[dict[str, Any]]] | Callable[[], dict[str, list[dict[str, Any]]]] | None = None,
) -> list[dict[str, Any]]:
    """`estimates` computed from the claims now (what the stored series must equal)."""
    from ..aggregate.estimates import matches, public

    if groups is None:
        groups = estimate_groups(store)
    elif callable(groups):
        groups = groups()
    every = [s for members in groups.values() for s in members]
    return [public(s) for s in every if matches(s, subject, outcome)]


def contradictions(store: Store) -> list[dict[str, Any]]:
    """Disagreements, newest first: claims about one referent that cannot all hold, each reported once
    with every claim on each side (see aggregate.contradictions and docs/schema.md)."""
    from ..aggregate.estimates_store import computed, stored_disagreements

    def compute() -> list[dict[str, Any]]:
        found = stored_disagreements(store)
        return found if found is not None else store.memo("claims", lambda: computed(store))[1]

    return store.memo("contradictions", compute)


def timeline(store: Store, name: str) -> list[dict[str, Any]]:
    """Events and dated statements about a place or actor, in time order (see aggregate.timeline)."""
    from ..aggregate.timeline import build_timeline

    return build_timeline(store, name)


def entities(
    store: Store, type: str | None = None, q: str | None = None, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Identities (people, organisations, places, groups), most documents first, with their aliases."""
    from .identities import entities as listing

    return listing(store, type=type, q=q, limit=limit, offset=offset)


def stats(store: Store) -> dict[str, int]:
    """Row counts of the main tables."""
    tables = ["documents", "entities", "statements", "quantities", "events", "positions", "times", "places"]
    out = {t: store.count(t) for t in tables}
    out["clusters"] = int(store.scalar("SELECT count(DISTINCT coalesce(cluster_id, id)) FROM documents") or 0)
    out["identities"] = int(store.scalar("SELECT count(*) FROM identities"))
    return out


def like_escape(value: str) -> str:
    """`value` for a LIKE pattern with ESCAPE '\\': its own %, _ and \\ match only themselves."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
