"""Where things happen: places and events with coordinates, counted for a map, and the passages at a place.

Places carry the coordinates the gazetteer gave them; an event's place is a name, placed where the
same document's place of that name is (else where that name is anywhere in the record). Counts are of
stories (wire copies of one story count once), so a story reprinted by ten outlets is not ten dots.
"""

from __future__ import annotations

from typing import Any

from ..store.db import Store
from .overview import _date_filters

MAX_MARKERS = 300  # places (and as many event places) one map draws, the most reported first


def _names(place: str) -> list[str]:
    """The spellings a place filter matches through the name indexes ("kyiv" -> Kyiv)."""
    return sorted({place, place.title(), place.lower(), place.upper()})


def event_types(store: Store) -> list[dict[str, Any]]:
    """Every event type in the record with its number of events (for the map's filter)."""
    return store.rows("SELECT type, count(*) AS events FROM events GROUP BY type ORDER BY events DESC, type")


def place_markers(
    store: Store,
    date_from: str | None = None,
    date_to: str | None = None,
    place: str | None = None,
    limit: int = MAX_MARKERS,
) -> list[dict[str, Any]]:
    """Places mentioned (one marker per resolved place), most stories first:
    `{"name", "country", "lat", "lon", "mentions", "stories"}`."""
    where, params = _date_filters("d.published", date_from, date_to)
    if place:
        names = _names(place)
        where.append(f"p.name IN ({','.join('?' * len(names))})")
        params += names
    clause = "".join(f" AND {w}" for w in where)
    return store.rows(
        "SELECT min(p.name) AS name, min(p.country) AS country, round(avg(p.lat), 3) AS lat,"
        " round(avg(p.lon), 3) AS lon, count(*) AS mentions,"
        " count(DISTINCT coalesce(d.cluster_id, d.id)) AS stories"
        " FROM places p JOIN documents d ON d.id = p.doc_id"
        f" WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL{clause}"
        " GROUP BY coalesce(p.global_id, p.name) ORDER BY stories DESC, mentions DESC, name LIMIT ?",
        [*params, limit],
    )


def _event_where(
    date_from: str | None, date_to: str | None, event_type: str | None, place: str | None
) -> tuple[str, list[Any]]:
    where, params = _date_filters("d.published", date_from, date_to)
    if event_type:
        where.append("e.type = ?")
        params.append(event_type)
    if place:
        names = [n.lower() for n in _names(place)]
        where.append(f"lower(e.place) IN ({','.join('?' * len(names))})")
        params += names
    return "".join(f" AND {w}" for w in where), params


def event_markers(
    store: Store,
    date_from: str | None = None,
    date_to: str | None = None,
    event_type: str | None = None,
    place: str | None = None,
    limit: int = MAX_MARKERS,
) -> list[dict[str, Any]]:
    """Events by place, most stories first:
    `{"name", "lat", "lon", "events", "stories", "types": {type: n}}`."""
    clause, params = _event_where(date_from, date_to, event_type, place)
    rows = store.rows(
        "SELECT g.name, g.type, g.events, g.stories,"
        " (SELECT p.lat FROM places p WHERE p.doc_id = g.doc AND p.name = g.name AND p.lat IS NOT NULL"
        "  AND p.lon IS NOT NULL LIMIT 1) AS lat,"
        " (SELECT p.lon FROM places p WHERE p.doc_id = g.doc AND p.name = g.name AND p.lat IS NOT NULL"
        "  AND p.lon IS NOT NULL LIMIT 1) AS lon"
        " FROM (SELECT e.place AS name, e.type, count(*) AS events, min(e.doc_id) AS doc,"
        " count(DISTINCT coalesce(d.cluster_id, d.id)) AS stories"
        " FROM events e JOIN documents d ON d.id = e.doc_id"
        f" WHERE coalesce(e.place, '') != ''{clause} GROUP BY e.place, e.type) AS g",
        params,
    )
    by_place: dict[str, dict[str, Any]] = {}
    for r in rows:
        m = by_place.setdefault(
            r["name"], {"name": r["name"], "lat": None, "lon": None, "events": 0, "stories": 0, "types": {}}
        )
        m["events"] += r["events"]
        m["stories"] += r["stories"]
        m["types"][r["type"]] = r["events"]
        if m["lat"] is None and r["lat"] is not None:
            m["lat"], m["lon"] = r["lat"], r["lon"]
    markers = sorted(by_place.values(), key=lambda m: (-m["stories"], -m["events"], m["name"]))[:limit]
    missing = [m for m in markers if m["lat"] is None]
    found = coordinates(store, [m["name"] for m in missing])
    for m in missing:
        m["lat"], m["lon"] = found.get(m["name"], (None, None))
    return [m for m in markers if m["lat"] is not None]


def coordinates(store: Store, names: list[str]) -> dict[str, tuple[float, float]]:
    """The coordinates of each place name the record has located (one indexed lookup per name)."""
    out: dict[str, tuple[float, float]] = {}
    for name in dict.fromkeys(names):
        row = store.rows(
            "SELECT lat, lon FROM places WHERE name = ? AND lat IS NOT NULL AND lon IS NOT NULL LIMIT 1",
            (name,),
        )
        if row:
            out[name] = (row[0]["lat"], row[0]["lon"])
    return out


def passages(
    store: Store,
    place: str,
    date_from: str | None = None,
    date_to: str | None = None,
    event_type: str | None = None,
    limit: int = 25,
    offset: int = 0,
) -> dict[str, Any]:
    """The passages at a place, newest first: events there (of `event_type`, if given) and, without a
    type, every mention of it; `{"total", "limit", "offset", "passages": [{"kind", "document", "span",
    "text", "snippet", ...}]}`, the page chosen before any document text is read."""
    clause, params = _event_where(date_from, date_to, event_type, place)
    parts = [
        "SELECT 'event' AS kind, e.doc_id AS doc, e.start AS s, e.\"end\" AS t, e.type AS what, e.status,"
        f" d.published FROM events e JOIN documents d ON d.id = e.doc_id WHERE 1{clause}"
    ]
    all_params = list(params)
    if not event_type:
        where, mparams = _date_filters("d.published", date_from, date_to)
        names = _names(place)
        mention = "".join(f" AND {w}" for w in where)
        parts.append(
            "SELECT 'mention' AS kind, p.doc_id, p.start, p.\"end\", p.name, NULL, d.published"
            f" FROM places p JOIN documents d ON d.id = p.doc_id"
            f" WHERE p.name IN ({','.join('?' * len(names))}){mention}"
        )
        all_params += names + mparams
    union = " UNION ALL ".join(parts)
    total = store.scalar(f"SELECT count(*) FROM ({union})", all_params)
    rows = store.rows(
        'SELECT page.kind, page.doc AS document, page.s AS start, page.t AS "end", page.what, page.status,'
        " page.published, d.source, d.title, substr(d.text, page.s + 1, page.t - page.s) AS text,"
        " substr(d.text, max(page.s - 79, 1), min(page.s, 80)) AS before,"
        " substr(d.text, page.t + 1, 80) AS after"
        f" FROM (SELECT * FROM ({union}) ORDER BY published DESC, doc, s LIMIT ? OFFSET ?) AS page"
        " JOIN documents d ON d.id = page.doc ORDER BY page.published DESC, page.doc, page.s",
        [*all_params, limit, offset],
    )
    for r in rows:
        r["span"] = [r.pop("start"), r.pop("end")]
    return {"total": total, "limit": limit, "offset": offset, "passages": rows}
