"""What the record holds at a glance, and the paged list views (documents, estimate series, disagreements).

Every list is paged in SQL (LIMIT/OFFSET over an index, the page's rows read in full only after the page
is chosen) except the disagreements, which `query.contradictions` computes store-wide in Python and
this module filters and slices (until they are stored as rows).
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..store.db import Store
from . import query

# a sentence ends at . ! or ? (with its closing quote) before a capital, a digit or an opening quote
_SENTENCE_END = re.compile(r"([.!?][\"'\u201d\u2019)]?)\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])|\n")
_SHORT_CAPITAL = re.compile(r"(?:^|\s)[A-Z][a-z]{0,2}\.$")  # "Gen." "Mr." "No." "J.": not a sentence end
LABEL_CHARS = 160  # a first sentence longer than this is cut at a word
SPARK_POINTS = 60  # the newest figures a sparkline draws


def first_sentence(text: str, limit: int = LABEL_CHARS) -> str:
    """The first sentence (or line) of a text, cut at a word past `limit` characters."""
    text = text.strip()
    head = text
    for m in _SENTENCE_END.finditer(text):
        end = m.end(1) if m.group(1) else m.start()
        if m.group(1) and _SHORT_CAPITAL.search(text[max(0, end - 6) : end].rstrip("\"'\u201d\u2019)")):
            continue
        head = text[:end]
        break
    head = head.strip()
    if len(head) > limit:
        head = head[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    return head


def _date_filters(column: str, date_from: str | None, date_to: str | None) -> tuple[list[str], list[Any]]:
    """`column` within [date_from, date_to] (ISO prefixes: a year, a month or a day, both inclusive)."""
    where, params = [], []
    if date_from:
        where.append(f"{column} >= ?")
        params.append(date_from)
    if date_to:
        where.append(f"{column} < ?")
        params.append(date_to + "\uffff")  # "2022-03" takes in every day of March
    return where, params


def documents_page(
    store: Store,
    limit: int = 50,
    offset: int = 0,
    source: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> dict[str, Any]:
    """A page of documents, newest first, each with a `label`: its title, else its first sentence.

    `{"total", "limit", "offset", "documents": [...]}`; filters: outlet (`source`) and publication dates.
    """
    where, params = _date_filters("published", date_from, date_to)
    if source:  # its own printings and the documents it ran a word-for-word copy of
        where.append("(source = ? OR id IN (SELECT doc_id FROM copies WHERE source = ?))")
        params += [source, source]
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    total = store.scalar(f"SELECT count(*) FROM documents {clause}", params)
    rows = store.rows(
        f"SELECT {query.DOC_COLUMNS}, length(d.text) AS chars,"
        " CASE WHEN coalesce(d.title, '') = '' THEN substr(d.text, d.body_start + 1, 600) END AS lead"
        f" FROM (SELECT rowid AS r FROM documents {clause} ORDER BY published DESC, rowid DESC"
        " LIMIT ? OFFSET ?) AS page CROSS JOIN documents d ON d.rowid = page.r"
        " ORDER BY d.published DESC, d.rowid DESC",
        [*params, limit, offset],
    )
    for r in rows:
        lead = r.pop("lead")
        r["label"] = r["title"] or (first_sentence(lead) if lead else "") or r["id"]
    return {"total": total, "limit": limit, "offset": offset, "documents": rows}


def summary(store: Store) -> dict[str, Any]:
    """Documents, stories (wire copies grouped), date range and outlets of the whole record. Outlets
    count every printing: an outlet that only ran a word-for-word copy of another's text is one, and
    each top outlet's `printings` are its `documents` and its `copies`."""
    row = store.rows(
        "SELECT count(*) AS documents, count(DISTINCT coalesce(cluster_id, id)) AS stories FROM documents"
    )[0]
    row["outlets"] = store.scalar(
        "SELECT count(*) FROM (SELECT source FROM documents UNION SELECT source FROM copies)"
        " WHERE source IS NOT NULL AND source != ''"
    )
    row["first"] = store.scalar("SELECT min(published) FROM documents WHERE published IS NOT NULL")
    row["last"] = store.scalar("SELECT max(published) FROM documents")
    row["undated"] = store.scalar("SELECT count(*) FROM documents WHERE published IS NULL")
    row["top_outlets"] = store.rows(
        "SELECT source, sum(doc) AS documents, sum(1 - doc) AS copies, count(*) AS printings"
        " FROM (SELECT source, 1 AS doc FROM documents UNION ALL SELECT source, 0 FROM copies)"
        " WHERE source IS NOT NULL AND source != '' GROUP BY source ORDER BY printings DESC, source LIMIT 8"
    )
    return row


def most_quoted(store: Store, days: int = 7, limit: int = 5) -> dict[str, Any]:
    """The people quoted most in the last `days` days of the record (up to its newest statement, not the
    wall clock: a record of past news has its own "this week"), each with their latest statement."""
    newest = store.scalar("SELECT max(published) FROM statements WHERE reprint = 0")
    if not newest:
        return {"since": None, "until": None, "people": []}
    since = store.scalar("SELECT date(?, ?)", (newest, f"-{days - 1} days"))
    people = store.rows(
        "SELECT min(speaker) AS name, count(*) AS statements FROM statements"
        " WHERE reprint = 0 AND published >= ? AND coalesce(speaker, '') != ''"
        " GROUP BY lower(speaker) ORDER BY statements DESC, name LIMIT ?",
        (since, limit),
    )
    for p in people:
        latest = store.rows(
            'SELECT s.doc_id AS document, s.kind, s.content AS text, s.start, s."end", s.published,'
            " d.source, d.title FROM statements s INDEXED BY statements_by_speaker"
            " JOIN documents d ON d.id = s.doc_id"
            " WHERE lower(s.speaker) = lower(?) AND s.reprint = 0 ORDER BY s.published DESC, s.rowid LIMIT 1",
            (p["name"],),
        )
        if latest:
            st = latest[0]
            st["span"] = [st.pop("start"), st.pop("end")]
            p["latest"] = st
    return {"since": since, "until": newest, "people": people}


def estimates_page(
    store: Store, subject: str | None = None, outcome: str | None = None, limit: int = 10, offset: int = 0
) -> dict[str, Any]:
    """A page of estimate series (most figures first), `{"total", "limit", "offset", "series": [...]}`,
    filtered as `query.estimates` filters; only the page's series are read from the store."""
    from ..aggregate.estimates_store import series_json, stored_series_ids

    ids = stored_series_ids(store, subject, outcome)
    if ids is None:  # not refreshed since the last write: computed now, then sliced
        every = query.computed_estimates(store, subject, outcome)
        page = every[offset : offset + limit]
        return {"total": len(every), "limit": limit, "offset": offset, "series": page}
    series = [json.loads(t) for t in series_json(store, ids[offset : offset + limit])]
    return {"total": len(ids), "limit": limit, "offset": offset, "series": series}


def newest_figures(store: Store, series: int = 5) -> list[dict[str, Any]]:
    """The most-reported series, each with its newest figure and the points of a sparkline
    (`[published, value]`, the middle of each figure's bounds, in date order)."""
    out = []
    for s in estimates_page(store, limit=series)["series"]:
        ests = [e for e in s.get("estimates", []) if e.get("low") is not None or e.get("high") is not None]
        if not ests:
            continue
        dated = sorted(ests, key=lambda e: e.get("published") or "")
        points = [[e.get("published"), _middle(e)] for e in dated[-SPARK_POINTS:]]
        out.append(
            {
                "subject": s["subject"],
                "outcome": s["outcome"],
                "figures": len(ests),
                "newest": dated[-1],
                "points": points,
            }
        )
    return out


def _middle(e: dict[str, Any]) -> float:
    lo, hi = e.get("low"), e.get("high")
    if lo is not None and hi is not None:
        return (float(lo) + float(hi)) / 2
    return float(lo if lo is not None else hi or 0)


def _newest(c: dict[str, Any]) -> str:
    """The last day a disagreement's claims are about (`to`), else its newest claim's publication."""
    return str(c.get("to") or max((str(it.get("published") or "") for it in c.get("items", [])), default=""))


def _parties(c: dict[str, Any]) -> list[str]:
    found = []
    for it in c.get("items", []):
        for key in ("claimant", "source"):
            if it.get(key) and it[key] not in found:
                found.append(str(it[key]))
    return found


def disagreements(store: Store) -> list[dict[str, Any]]:
    """Every contradiction (as `query.contradictions`), newest first, each with its `parties` and `newest`."""
    out = [{**c, "parties": _parties(c), "newest": _newest(c) or None} for c in query.contradictions(store)]
    out.sort(key=lambda c: c["newest"] or "", reverse=True)
    return out


def disagreements_page(
    every: list[dict[str, Any]],
    kind: str | None = None,
    party: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> dict[str, Any]:
    """A page of `disagreements(store)`, filtered by kind and by a party (claimant or outlet) name part."""
    want = party.lower() if party else None
    found = [
        c
        for c in every
        if (not kind or c.get("kind") == kind) and (not want or any(want in p.lower() for p in c["parties"]))
    ]
    return {
        "total": len(found),
        "limit": limit,
        "offset": offset,
        "contradictions": found[offset : offset + limit],
    }


def stored_disagreements_page(
    store: Store, kind: str | None = None, limit: int = 20, offset: int = 0
) -> dict[str, Any] | None:
    """A page of the disagreements stored at refresh, newest first, read through their order index
    (only the page's JSON is decoded); None when they are not current."""
    from ..aggregate.estimates_store import is_current

    if not is_current(store):
        return None
    where, params = ("WHERE kind = ?", [kind]) if kind else ("", [])
    total = store.scalar(f"SELECT count(*) FROM disagreements {where}", params)
    rows = store.rows(
        f"SELECT json FROM disagreements INDEXED BY disagreements_newest {where}"
        " ORDER BY newest DESC, key, bucket, n LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    found = [json.loads(r["json"]) for r in rows]
    page = [{**c, "parties": _parties(c), "newest": _newest(c) or None} for c in found]
    return {"total": total, "limit": limit, "offset": offset, "contradictions": page}


def overview(store: Store, every_disagreement: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The landing view: what the record holds, the newest disagreements, the most quoted people of its
    last week, and the newest figures of the most-reported series."""
    newest = stored_disagreements_page(store, limit=5)
    if newest is None:  # not current: from the whole list
        newest = disagreements_page(every_disagreement or disagreements(store), limit=5)
    return {
        "record": summary(store),
        "disagreements": newest["contradictions"],
        "disagreements_total": newest["total"],
        "quoted": most_quoted(store),
        "figures": newest_figures(store),
    }
