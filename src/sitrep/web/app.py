"""The HTTP JSON API and the web UI: thin views over the store's query layer (`sitrep.record.query`).

Every page has a JSON twin under `/api/` built from the same context function. Reads use one read-only
SQLite connection per worker thread; writes (`POST /api/documents`) go through one writer behind a lock
and need the operator's token. Article text is untrusted: templates autoescape, and the Content
Security Policy forbids inline script, so an ingested `<script>` or `onerror=` can never run.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputError, SitrepError, StoreError
from ..record import query
from ..render import format_count
from ..store.db import Store
from .apidocs import install as install_api_docs
from .entities import install as install_entities
from .highlight import highlight, person_href, speaker_colours
from .pages import install as install_pages
from .pages import pager
from .params import MAX_QUERY, ApiError, focus_param, limit_param, offset_param, text_param
from .security import Guard, check_token, error_response, link_url
from .stores import Stores, run_in_thread

HERE = Path(__file__).resolve().parent
MAX_BODY = 2 * 1024 * 1024  # bytes accepted in one request body


def create_app(db: str, token: str | None = None, max_body: int = MAX_BODY) -> FastAPI:
    """The web app over the store file `db`; writes need `token` (writes are refused when it is None)."""
    app = FastAPI(title="sitrep", version="1", docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    stores = Stores(db)
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True))
    env.globals.update(person_href=person_href, link_url=link_url)
    env.filters["num"] = format_count
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def render(template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(template).render(**ctx), status_code=status)

    app.add_middleware(Guard, max_body=max_body, render=render)
    install_api_docs(app, render)  # /api/docs rendered here: no CDN, no inline script

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc, render)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(request, ApiError(exc.status_code, str(exc.detail)), render)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return error_response(
            request, ApiError(400, f"{where}: {first.get('msg', 'invalid request')}"), render
        )

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return error_response(request, ApiError(503, f"store unavailable: {exc}"), render)

    # the overview, the map and the paged lists (documents, estimates, disagreements): web/pages.py
    install_pages(app, env, stores, render)
    install_entities(app, stores, render)  # /entities, /entities/ID and their JSON twins

    # ---- contexts shared by pages and their JSON twins --------------------------------------------

    def document_ctx(doc_id: str) -> dict[str, Any]:
        if len(doc_id) > MAX_QUERY:  # a document id is 16 hex digits; a copy's own id may be longer
            raise ApiError(404, "no such document")
        doc = query.document(stores.reader(), doc_id)
        if doc is None:
            raise ApiError(404, f"no document {doc_id!r}")
        return doc

    def statements_ctx(request: Request) -> dict[str, Any]:
        p = request.query_params
        speaker, q = text_param(p.get("speaker"), "speaker"), text_param(p.get("q"), "q")
        limit, offset = limit_param(p.get("limit"), 100), offset_param(p.get("offset"))
        rows = stores.cached(
            "statements",
            (speaker, q, limit, offset),
            lambda: query.statements(stores.reader(), speaker=speaker, q=q, limit=limit, offset=offset),
        )
        return {"speaker": speaker, "q": q, "limit": limit, "offset": offset, "statements": rows}

    def search_ctx(request: Request) -> dict[str, Any]:
        p = request.query_params
        q = text_param(p.get("q"), "q")
        limit, offset = limit_param(p.get("limit"), 20), offset_param(p.get("offset"))
        hits = (
            stores.cached(
                "search",
                (q, limit, offset),
                lambda: query.search(stores.reader(), q, limit=limit, offset=offset),
            )
            if q
            else []
        )
        stmts = (
            stores.cached(
                "statements", (None, q, limit, 0), lambda: query.statements(stores.reader(), q=q, limit=limit)
            )
            if q
            else []
        )
        return {"q": q, "documents": hits, "statements": stmts}

    def timeline_ctx(name: str, request: Request) -> dict[str, Any]:
        """A page of a timeline (100 items by default), the whole computed once per store version."""
        name = text_param(name, "name", required=True) or ""
        p = request.query_params
        limit, offset = limit_param(p.get("limit"), 100), offset_param(p.get("offset"))
        found = stores.cached("timeline", (name,), lambda: query.timeline(stores.reader(), name))
        page = found[offset : offset + limit]
        return {"name": name, "total": len(found), "limit": limit, "offset": offset, "timeline": page}

    # ---- JSON API -----------------------------------------------------------------------------------

    def stats_ctx() -> dict[str, int]:
        stats: dict[str, int] = stores.cached("stats", (), lambda: query.stats(stores.reader()))
        return stats

    @app.get("/api/stats")
    async def api_stats() -> Response:
        body = await stores.cached_async("stats.json", (), lambda: _dumps(stats_ctx()))
        return Response(body, media_type="application/json")

    @app.get("/api/documents/{doc_id:path}")
    def api_document(doc_id: str) -> Response:
        body = stores.cached("document.json", (doc_id,), lambda: _dumps(document_ctx(doc_id)))
        return Response(body, media_type="application/json")

    @app.get("/api/statements")
    async def api_statements(request: Request) -> Response:
        p = request.query_params
        key = (p.get("speaker"), p.get("q"), p.get("limit"), p.get("offset"))
        body = await stores.cached_async("statements.json", key, lambda: _dumps(statements_ctx(request)))
        return Response(body, media_type="application/json")

    @app.get("/api/search")
    async def api_search(request: Request) -> Response:
        p = request.query_params
        key = (p.get("q"), p.get("limit"), p.get("offset"))
        body = await stores.cached_async("search.json", key, lambda: _dumps(search_ctx(request)))
        return Response(body, media_type="application/json")

    @app.get("/api/timeline/{name}")
    def api_timeline(name: str, request: Request) -> Response:
        return _json(timeline_ctx(name, request))

    @app.post("/api/documents", status_code=201)
    async def api_ingest(request: Request) -> JSONResponse:
        check_token(request, token)
        body = await request.body()
        if len(body) > max_body:
            raise ApiError(413, f"request body larger than {max_body} bytes")
        try:
            data = json.loads(body)
        except ValueError as exc:
            raise ApiError(400, f"body is not JSON: {exc}") from None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise ApiError(400, 'body must be a JSON object with a string "text"')
        result = await run_in_thread(lambda: _ingest_one(stores, data))
        return JSONResponse(result, status_code=201 if result["new"] else 200)

    # ---- pages ----------------------------------------------------------------------------------------

    @app.get("/documents/{doc_id:path}", response_class=HTMLResponse)
    def page_document(doc_id: str, request: Request) -> HTMLResponse:
        focus = focus_param(request.query_params.get("at"))

        def page() -> bytes:  # rendered once per document and focus until the store changes
            doc = document_ctx(doc_id)
            from ..model import Report

            report = Report.model_validate(doc["report"]) if doc.get("report") else None
            body = highlight(doc["text"], report, focus) if report else doc["text"]
            colours = speaker_colours(report) if report else {}
            return bytes(render("document.html", doc=doc, report=report, body=body, colours=colours).body)

        return HTMLResponse(stores.cached("document.html", (doc_id, focus), page))

    @app.get("/people/{name}", response_class=HTMLResponse)
    def page_person(name: str, request: Request) -> HTMLResponse:
        name = text_param(name, "name", required=True) or ""
        limit = limit_param(request.query_params.get("limit"), 200)
        rows, entity = person_ctx(name, limit)
        return render("person.html", name=name, statements=rows, entity=entity)

    def person_ctx(name: str, limit: int) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
        """A person's statements and cross-article entity, cached until the store changes."""
        found: tuple[list[dict[str, Any]], dict[str, Any] | None] = stores.cached(
            "person",
            (name, limit),
            lambda: (
                query.statements(stores.reader(), speaker=name, limit=limit),
                query.person(stores.reader(), name),
            ),
        )
        return found

    @app.get("/api/people/{name}")
    def api_person(name: str) -> Response:
        name = text_param(name, "name", required=True) or ""
        rows, entity = person_ctx(name, 200)
        return _json(
            {
                "name": name,
                "entity": entity,
                "statements": rows,
            }
        )

    @app.get("/search", response_class=HTMLResponse)
    def page_search(request: Request) -> HTMLResponse:
        return render("search.html", **search_ctx(request))

    @app.get("/timeline/{name}", response_class=HTMLResponse)
    def page_timeline(name: str, request: Request) -> HTMLResponse:
        ctx = timeline_ctx(name, request)
        nav = pager(request.url.path, request.query_params, ctx["total"], ctx["limit"], ctx["offset"])
        return render("timeline.html", **ctx, nav=nav)

    return app


def _dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str).encode()


def _json(data: Any) -> Response:
    """A JSON response serialized in one pass (the query layer already returns plain data)."""
    return Response(_dumps(data), media_type="application/json")


def _ingest_one(stores: Stores, data: dict[str, Any]) -> dict[str, Any]:
    from ..api import extract
    from ..text import clean_text

    # cleaned at the door, one for one (a JSON "\ud800" cannot be stored): spans index the stored text
    text = clean_text(data["text"])
    meta: dict[str, Any] = {
        k: clean_text(data[k]) for k in ("title", "source", "url") if isinstance(data.get(k), str)
    }
    try:
        report = extract(text, published=data.get("published"), **meta)
    except InputError as exc:
        raise ApiError(400, str(exc)) from None

    own_id = (
        (clean_text(data["id"]).strip() or None) if isinstance(data.get("id"), str) else None
    )  # its own id

    def write(s: Store) -> tuple[bool, bool]:
        from ..aggregate.estimates_store import refresh_estimates
        from ..aggregate.identity.refresh import refresh_identities
        from ..store.copies import write_or_copy

        # the same text posted again from another outlet, id, url or date is kept as a copy of it
        done = write_or_copy(s, report, text, {"external_id": own_id})
        refresh_estimates(s)  # only this document's subjects: the stored series stay current
        refresh_identities(s)  # only the identities this document's names hit
        return done

    new, copy = stores.write(write)
    doc_id = report.document.id
    return {"id": doc_id, "new": bool(new), "copy": bool(copy), "url": f"/documents/{doc_id}"}


__all__ = ["create_app", "ApiError", "SitrepError"]
