"""The overview, the map and the paged list pages (documents, estimates, disagreements), each with its
JSON twin built from the same context; and the small maps on the document and timeline pages.

Every list is paged with a small default page and a cap, so a response stays small however large the
record grows; contexts are cached until the store changes (`Stores.cached`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup
from starlette.datastructures import QueryParams

from ..record import geo, overview
from .chart import claimant_colours, series_svg
from .mapsvg import fit_box, marker_map, world_svg
from .params import ApiError, limit_param, offset_param, text_param
from .sparkline import sparkline
from .stores import Stores

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
# (default, largest) rows of one page of each list
PAGE = {"documents": (50, 200), "estimates": (10, 50), "contradictions": (10, 100), "passages": (25, 100)}
CHART_FIGURES = 40  # the newest figures one series' chart draws on the estimates page
TABLE_FIGURES = 10  # the newest figures its table lists
SERIES_FIGURES = (50, 1000)  # (default, largest) figures of one series in a JSON answer, the newest
REASON_CHARS = 400  # a disagreement's reason names every claim: at thousands of claims, 20 KB
SIDE_CLAIMS = (3, 200)  # (default, largest) claims listed on each side of one disagreement


def date_param(value: str | None, name: str) -> str | None:
    """An ISO date prefix (YYYY, YYYY-MM or YYYY-MM-DD), or None."""
    if value is None or not value.strip():
        return None
    if not _DATE.match(value.strip()):
        raise ApiError(400, f"{name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD")
    return value.strip()


def page_params(p: QueryParams, which: str) -> tuple[int, int]:
    """(limit, offset) of a list page, the limit capped for that list."""
    default, cap = PAGE[which]
    limit = limit_param(p.get("limit"), default)
    if limit > cap:
        raise ApiError(400, f"limit must be at most {cap} on this list")
    return limit, offset_param(p.get("offset"))


def pager(path: str, p: QueryParams, total: int, limit: int, offset: int) -> dict[str, Any]:
    """Links to the previous and next pages, keeping the other parameters."""
    keep = [(k, v) for k, v in p.multi_items() if k not in ("offset", "limit") and v]

    def href(at: int) -> str:
        args = keep + ([("offset", str(at))] if at else []) + ([("limit", str(limit))] if limit else [])
        return path + ("?" + urlencode(args) if args else "")

    return {
        "total": total,
        "first": offset + 1 if total else 0,
        "last": min(offset + limit, total),
        "prev": href(max(offset - limit, 0)) if offset > 0 else None,
        "next": href(offset + limit) if offset + limit < total else None,
    }


def newest_figures(series: dict[str, Any], n: int) -> dict[str, Any]:
    """A series with only its newest `n` figures; when some are left out, `figures` says how many it has."""
    ests = series.get("estimates") or []
    if len(ests) <= n:
        return series
    return {**series, "figures": len(ests), "estimates": ests[-n:]}


def trim_disagreement(c: dict[str, Any], n: int) -> dict[str, Any]:
    """A disagreement with at most `n` claims on each side (and in `items`, the claims kept) and its
    reason cut to `REASON_CHARS`; a side that had more says how many in `claims_total`, the whole in
    `items_total`."""
    sides = c.get("sides") or []
    every = c.get("items") or []
    reason = str(c.get("reason") or "")
    if len(reason) > REASON_CHARS:
        c = {**c, "reason": reason[:REASON_CHARS].rsplit(" ", 1)[0] + " …"}
    if not any(len(side.get("claims") or []) > n for side in sides) and len(every) <= n * 2:
        return c
    kept = [
        {**side, "claims": side["claims"][:n], "claims_total": len(side["claims"])}
        if len(side.get("claims") or []) > n
        else side
        for side in sides
    ]
    items = [it for side in kept for it in side.get("claims") or []] if sides else every[: 2 * n]
    return {**c, "sides": kept, "items": items, "items_total": len(every)}


def passage_href(document: str, span: list[int] | tuple[int, int]) -> str:
    """The article page focused on a passage."""
    return f"/documents/{quote(str(document), safe='')}?at={int(span[0])}-{int(span[1])}#at"


def json_href(request: Request) -> str:
    """The page's JSON twin: the same path and parameters under /api/."""
    query = request.url.query
    return "/api" + request.url.path + ("?" + query if query else "")


def _dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str).encode()


def _list_response(body: bytes, page: dict[str, Any], request: Request) -> Response:
    """A JSON list with its paging in headers (`X-Total-Count`, `Link`): the body keeps its documented
    shape."""
    nav = pager(request.url.path, request.query_params, page["total"], page["limit"], page["offset"])
    links = [f'<{nav[k]}>; rel="{k}"' for k in ("prev", "next") if nav[k]]
    headers = {"X-Total-Count": str(page["total"])} | ({"Link": ", ".join(links)} if links else {})
    return Response(body, media_type="application/json", headers=headers)


def install(app: FastAPI, env: Any, stores: Stores, render: Callable[..., HTMLResponse]) -> None:
    """Add the overview, map and list routes to `app`, and the small-map helpers to the templates."""

    def cached(key: str, args: tuple[Any, ...], compute: Callable[[], Any], single: bool = False) -> Any:
        return stores.cached(key, args, compute, single=single)

    def every_disagreement() -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = cached(
            "disagreements", (), lambda: overview.disagreements(stores.reader()), single=True
        )
        return found

    # ---- contexts -----------------------------------------------------------------------------------

    def overview_ctx() -> dict[str, Any]:
        def compute() -> dict[str, Any]:
            ctx = overview.overview(stores.reader())
            ctx["disagreements"] = [trim_disagreement(c, 2) for c in ctx["disagreements"]]
            ctx["places"] = geo.place_markers(stores.reader(), limit=40)
            return ctx

        found: dict[str, Any] = cached("overview", (), compute, single=True)
        return found

    def documents_ctx(p: QueryParams) -> dict[str, Any]:
        limit, offset = page_params(p, "documents")
        args = (
            text_param(p.get("source"), "source"),
            date_param(p.get("from"), "from"),
            date_param(p.get("to"), "to"),
        )
        found: dict[str, Any] = cached(
            "documents_page",
            (limit, offset, *args),
            lambda: overview.documents_page(stores.reader(), limit, offset, *args),
        )
        return found

    def estimates_ctx(p: QueryParams) -> dict[str, Any]:
        limit, offset = page_params(p, "estimates")
        subject, outcome = text_param(p.get("subject"), "subject"), text_param(p.get("outcome"), "outcome")
        figures = limit_param(p.get("figures"), SERIES_FIGURES[0])
        if figures > SERIES_FIGURES[1]:
            raise ApiError(400, f"figures must be at most {SERIES_FIGURES[1]}")

        def compute() -> dict[str, Any]:
            page = overview.estimates_page(stores.reader(), subject, outcome, limit, offset)
            return {**page, "series": [newest_figures(s, figures) for s in page["series"]]}

        found: dict[str, Any] = cached("estimates_page", (subject, outcome, limit, offset, figures), compute)
        return {**found, "subject": subject or "", "outcome": outcome or ""}

    def contradictions_ctx(p: QueryParams) -> dict[str, Any]:
        limit, offset = page_params(p, "contradictions")
        kind, party = text_param(p.get("kind"), "kind"), text_param(p.get("party"), "party")
        if kind not in (None, "quantity", "event"):
            raise ApiError(400, "kind must be quantity or event")
        claims = limit_param(p.get("claims"), SIDE_CLAIMS[0])
        if claims > SIDE_CLAIMS[1]:
            raise ApiError(400, f"claims must be at most {SIDE_CLAIMS[1]}")

        def compute() -> dict[str, Any]:
            r = stores.reader()
            found = None if party else overview.stored_disagreements_page(r, kind, limit, offset)
            if found is None:  # a party filter, or not refreshed: the whole list, filtered here
                found = overview.disagreements_page(every_disagreement(), kind, party, limit, offset)
            return {
                **found,
                "contradictions": [trim_disagreement(c, claims) for c in found["contradictions"]],
            }

        page: dict[str, Any] = cached("contradictions_page", (kind, party, limit, offset, claims), compute)
        return {**page, "kind": kind or "", "party": party or ""}

    def map_ctx(p: QueryParams) -> dict[str, Any]:
        limit, offset = page_params(p, "passages")
        f = {
            "from": date_param(p.get("from"), "from"),
            "to": date_param(p.get("to"), "to"),
            "type": text_param(p.get("type"), "type"),
            "place": text_param(p.get("place"), "place"),
        }

        def compute() -> dict[str, Any]:
            r = stores.reader()
            return {
                "filters": f,
                "types": geo.event_types(r),
                "places": [] if f["type"] else geo.place_markers(r, f["from"], f["to"], f["place"]),
                "events": geo.event_markers(r, f["from"], f["to"], f["type"], f["place"]),
                "passages": geo.passages(r, f["place"], f["from"], f["to"], f["type"], limit, offset)
                if f["place"]
                else None,
            }

        found: dict[str, Any] = cached("map", (*f.values(), limit, offset), compute)
        return found

    # ---- markers ------------------------------------------------------------------------------------

    def map_markers(ctx: dict[str, Any]) -> list[dict[str, Any]]:
        f = ctx["filters"]
        keep = {k: v for k, v in f.items() if v and k != "place"}
        out = []
        for m in ctx["places"]:
            out.append(
                {
                    **m,
                    "kind": "place",
                    "count": m["stories"],
                    "href": "/map?" + urlencode({**keep, "place": m["name"]}),
                    "title": f"{m['name']}: named in {m['stories']} stories ({m['mentions']} mentions)",
                }
            )
        for m in ctx["events"]:
            types = ", ".join(f"{t} {n}" for t, n in sorted(m["types"].items(), key=lambda kv: -kv[1])[:5])
            out.append(
                {
                    **m,
                    "kind": "event",
                    "count": m["stories"],
                    "href": "/map?" + urlencode({**keep, "place": m["name"]}),
                    "title": f"{m['name']}: {m['events']} events in {m['stories']} stories ({types})",
                }
            )
        return out

    def doc_map(report: Any) -> Markup:
        """A small map of a document's places; each marker jumps to the place's first mention."""
        marks: dict[str, dict[str, Any]] = {}
        for i, pl in enumerate(getattr(report, "places", None) or []):
            if pl.lat is None or pl.lon is None:
                continue
            m = marks.setdefault(
                pl.name, {"name": pl.name, "lat": pl.lat, "lon": pl.lon, "count": 0, "href": f"#place-{i}"}
            )
            m["count"] += 1
            m["title"] = f"{pl.name}: {m['count']} mention(s)"
        if not marks:
            return Markup("")
        box = fit_box((m["lat"], m["lon"]) for m in marks.values())
        return marker_map(list(marks.values()), box, width=420, css_class="map small", labels=5)

    def timeline_map(name: str, items: list[dict[str, Any]]) -> Markup:
        """A small map of the places a timeline's events happened at, each linked to the map's passages."""
        counts: dict[str, int] = {}
        for t in items:
            if t.get("place"):
                counts[t["place"]] = counts.get(t["place"], 0) + 1
        if not counts:
            counts[name] = 1
        found = cached(
            "coordinates", tuple(sorted(counts)), lambda: geo.coordinates(stores.reader(), list(counts))
        )
        marks = [
            {
                "name": n,
                "lat": ll[0],
                "lon": ll[1],
                "count": counts[n],
                "href": "/map?" + urlencode({"place": n}),
                "title": f"{n}: {counts[n]} item(s)",
                "kind": "event",
            }
            for n, ll in found.items()
        ]
        if not marks:
            return Markup("")
        box = fit_box((m["lat"], m["lon"]) for m in marks)
        return marker_map(marks, box, width=420, css_class="map small", labels=5)

    env.globals.update(
        doc_map=doc_map, timeline_map=timeline_map, passage_href=passage_href, sparkline=sparkline
    )

    # ---- routes ------------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse)
    def page_overview() -> HTMLResponse:
        ctx = overview_ctx()
        marks = [
            {
                **m,
                "kind": "place",
                "count": m["stories"],
                "href": "/map?" + urlencode({"place": m["name"]}),
                "title": f"{m['name']}: named in {m['stories']} stories",
            }
            for m in ctx["places"]
        ]
        return render(
            "overview.html", **ctx, world=marker_map(marks, width=560, css_class="map small", labels=6)
        )

    @app.get("/api/overview")
    async def api_overview() -> Response:
        body = await stores.cached_async("overview.json", (), lambda: _dumps(overview_ctx()))
        return Response(body, media_type="application/json")

    @app.get("/documents", response_class=HTMLResponse)
    def page_documents(request: Request) -> HTMLResponse:
        p = request.query_params
        ctx = documents_ctx(p)
        nav = pager("/documents", p, ctx["total"], ctx["limit"], ctx["offset"])
        filters = {k: p.get(k) or "" for k in ("source", "from", "to")}
        record = cached("summary", (), lambda: overview.summary(stores.reader()))
        return render(
            "index.html", **ctx, nav=nav, filters=filters, record=record, json_href=json_href(request)
        )

    @app.get("/api/documents")
    def api_documents(request: Request) -> Response:
        return Response(_dumps(documents_ctx(request.query_params)), media_type="application/json")

    @app.get("/estimates", response_class=HTMLResponse)
    def page_estimates(request: Request) -> HTMLResponse:
        p = request.query_params
        ctx = estimates_ctx(p)
        charts = []
        for s in ctx["series"]:
            shown = {**s, "estimates": s["estimates"][-CHART_FIGURES:]}
            newest = list(reversed(s["estimates"][-TABLE_FIGURES:]))
            charts.append((s, series_svg(shown), claimant_colours(shown), newest))
        nav = pager("/estimates", p, ctx["total"], ctx["limit"], ctx["offset"])
        return render(
            "estimates.html",
            **ctx,
            charts=charts,
            nav=nav,
            json_href=json_href(request),
            chart_figures=CHART_FIGURES,
        )

    async def paged_list(
        request: Request, name: str, filters: tuple[str, ...], context: Callable[..., Any], items: str
    ) -> Response:
        """A JSON list page (`context(params)[items]`), cached as bytes, paging in its headers."""
        p = request.query_params
        key = tuple(p.get(k) for k in (*filters, "limit", "offset"))
        ctx = await stores.cached_async(name + ".page", key, lambda: context(p))
        body = await stores.cached_async(name + ".json", key, lambda: _dumps(ctx[items]))
        return _list_response(body, ctx, request)

    @app.get("/api/estimates")
    async def api_estimates(request: Request) -> Response:
        filters = ("subject", "outcome", "figures")
        return await paged_list(request, "estimates", filters, estimates_ctx, "series")

    @app.get("/contradictions", response_class=HTMLResponse)
    def page_contradictions(request: Request) -> HTMLResponse:
        p = request.query_params
        ctx = contradictions_ctx(p)
        nav = pager("/contradictions", p, ctx["total"], ctx["limit"], ctx["offset"])
        return render("contradictions.html", **ctx, nav=nav, json_href=json_href(request))

    @app.get("/api/contradictions")
    async def api_contradictions(request: Request) -> Response:
        filters = ("kind", "party", "claims")
        return await paged_list(request, "contradictions", filters, contradictions_ctx, "contradictions")

    @app.get("/map", response_class=HTMLResponse)
    def page_map(request: Request) -> HTMLResponse:
        p = request.query_params
        ctx = map_ctx(p)
        marks = map_markers(ctx)
        box = fit_box(((m["lat"], m["lon"]) for m in marks), min_span=30) if ctx["filters"]["place"] else None
        css = "map focus" if box else "map"  # one place: a smaller view, its passages in sight
        svg = marker_map(marks, box, width=960, css_class=css, labels=10, label="map of places and events")
        nav = (
            pager("/map", p, ctx["passages"]["total"], ctx["passages"]["limit"], ctx["passages"]["offset"])
            if ctx["passages"]
            else None
        )
        return render(
            "map.html",
            **ctx,
            svg=svg,
            nav=nav,
            top_places=ctx["places"][:20],
            top_events=ctx["events"][:20],
            json_href=json_href(request),
        )

    @app.get("/api/map")
    def api_map(request: Request) -> Response:
        return Response(_dumps(map_ctx(request.query_params)), media_type="application/json")

    @app.get("/map/world.svg")
    def world(z: int = 1) -> Response:
        return Response(
            world_svg(z), media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"}
        )
