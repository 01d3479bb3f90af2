"""The entities pages: every identity across articles (paged, filtered by name and type) and one
identity with the spellings merged into it, each with its JSON twin under /api/."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response

from ..record import identities
from .params import ApiError, limit_param, offset_param, text_param
from .stores import Stores

PAGE, MAX_PAGE = 50, 500  # identities on one page by default, at most
TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "place")


def install(app: FastAPI, stores: Stores, render: Callable[..., HTMLResponse]) -> None:
    """Add /entities, /entities/ID and their JSON twins to the app."""

    def list_ctx(request: Request) -> dict[str, Any]:
        p = request.query_params
        q, type_ = text_param(p.get("q"), "q"), text_param(p.get("type"), "type")
        limit, offset = limit_param(p.get("limit"), PAGE), offset_param(p.get("offset"))
        if limit > MAX_PAGE:
            raise ApiError(400, f"limit must be at most {MAX_PAGE}")

        def compute() -> dict[str, Any]:
            store = stores.reader()
            rows = identities.entities(store, type=type_, q=q, limit=limit, offset=offset)
            total = identities.count(store, type=type_, q=q)
            return {"q": q, "type": type_, "limit": limit, "offset": offset, "total": total, "entities": rows}

        found: dict[str, Any] = stores.cached("entities", (q, type_, limit, offset), compute)
        return found

    def one_ctx(ident_id: str) -> dict[str, Any]:
        if len(ident_id) > 200:
            raise ApiError(404, "no such identity")
        found = identities.identity(stores.reader(), ident_id)
        if found is None:
            raise ApiError(404, f"no identity {ident_id!r}")
        return found

    @app.get("/api/entities")
    def api_entities(request: Request) -> Response:
        return _json(list_ctx(request))

    @app.get("/api/entities/{ident_id:path}")
    def api_entity(ident_id: str) -> Response:
        return _json(one_ctx(ident_id))

    @app.get("/entities", response_class=HTMLResponse)
    def page_entities(request: Request) -> HTMLResponse:
        ctx = list_ctx(request)
        return render("entities.html", **ctx, types=TYPES, nav=_nav(ctx), json_href=_api(request))

    @app.get("/entities/{ident_id:path}", response_class=HTMLResponse)
    def page_entity(ident_id: str, request: Request) -> HTMLResponse:
        return render("entity.html", entity=one_ctx(ident_id), json_href=_api(request))


def _nav(ctx: dict[str, Any]) -> dict[str, Any]:
    """Previous and next page links of the entities list, keeping its filters."""
    keep = [(k, ctx[k]) for k in ("q", "type") if ctx.get(k)]
    limit, offset, total = ctx["limit"], ctx["offset"], ctx["total"]

    def href(at: int) -> str:
        args = keep + ([("offset", at)] if at else []) + ([("limit", limit)] if limit != PAGE else [])
        return "/entities" + ("?" + urlencode(args) if args else "")

    return {
        "first": offset + 1 if total else 0,
        "last": min(offset + limit, total),
        "prev": href(max(offset - limit, 0)) if offset > 0 else None,
        "next": href(offset + limit) if offset + limit < total else None,
    }


def _api(request: Request) -> str:
    query = request.url.query
    return "/api" + request.url.path + ("?" + query if query else "")


def _json(data: Any) -> Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str).encode()
    return Response(body, media_type="application/json")
