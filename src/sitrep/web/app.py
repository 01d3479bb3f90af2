"""The HTTP JSON API and the web UI: thin views over the store's query layer (`sitrep.record.query`).

Every page has a JSON twin under `/api/` built from the same context function. Reads use one read-only
SQLite connection per worker thread; writes (`POST /api/documents`) go through one writer behind a lock
and need the operator's token. Article text is untrusted: templates autoescape, and the Content
Security Policy forbids inline script, so an ingested `<script>` or `onerror=` can never run.
"""

from __future__ import annotations

import hmac
import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import InputError, SitrepError, StoreError
from ..record import query
from ..render import format_count
from ..store.db import Store
from .chart import claimant_colours, series_svg
from .highlight import highlight, person_href, speaker_colours

HERE = Path(__file__).resolve().parent
MAX_BODY = 2 * 1024 * 1024  # bytes accepted in one request body
MAX_LIMIT = 500  # rows in one page
MAX_QUERY = 200  # characters of a search or name parameter
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


class ApiError(Exception):
    """An error answered as `{"error": {"status", "message"}}` (or an error page for HTML routes)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _limit(value: str | None, default: int) -> int:
    if value is None or value == "":
        return default
    try:
        n = int(value)
    except ValueError:
        raise ApiError(400, f"limit must be a whole number, not {value[:20]!r}") from None
    if not 1 <= n <= MAX_LIMIT:
        raise ApiError(400, f"limit must be between 1 and {MAX_LIMIT}")
    return n


def _offset(value: str | None) -> int:
    if value is None or value == "":
        return 0
    try:
        n = int(value)
    except ValueError:
        raise ApiError(400, f"offset must be a whole number, not {value[:20]!r}") from None
    if n < 0:
        raise ApiError(400, "offset must not be negative")
    return n


def _text(value: str | None, name: str, required: bool = False) -> str | None:
    if value is None or not value.strip():
        if required:
            raise ApiError(400, f"{name} is required")
        return None
    if len(value) > MAX_QUERY:
        raise ApiError(400, f"{name} is longer than {MAX_QUERY} characters")
    return value.strip()


class Stores:
    """Read-only connections, one per thread, and one locked writer; all on the same SQLite file."""

    def __init__(self, path: str) -> None:
        self.path = path
        Store(path).close()  # create and migrate the file if needed
        _warm_up()
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._cache: dict[tuple[str, tuple[Any, ...]], tuple[int, Any]] = {}
        self._cache_lock = threading.Lock()
        self._computing: dict[tuple[str, tuple[Any, ...]], threading.Lock] = {}
        self._watch = Store(path, readonly=True)  # only asked for PRAGMA data_version, under the lock
        self._seen = self._watch.scalar("PRAGMA data_version")
        self._epoch = 0

    def reader(self) -> Store:
        """This thread's read-only store."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.path, readonly=True)
        return store

    def generation(self) -> int:
        """Changes whenever anything commits to the file, from any connection or process (microseconds)."""
        with self._cache_lock:
            seen = self._watch.scalar("PRAGMA data_version")
            if seen != self._seen:
                self._seen, self._epoch = seen, self._epoch + 1
                self._cache.clear()
            return self._epoch

    def peek(self, key: str, args: tuple[Any, ...]) -> tuple[int, Any]:
        """(generation, cached value or None) for `key(args)` as of now."""
        gen = self.generation()
        with self._cache_lock:
            hit = self._cache.get((key, args))
        return gen, (hit[1] if hit and hit[0] == gen else None)

    def keep(self, key: str, args: tuple[Any, ...], gen: int, value: Any) -> None:
        """Remember `value`, computed at generation `gen` (bounded: at most 1024 entries)."""
        with self._cache_lock:
            if gen != self._epoch:
                return
            if len(self._cache) >= 1024:
                self._cache.clear()
            self._cache[(key, args)] = (gen, value)

    def cached(
        self, key: str, args: tuple[Any, ...], compute: Callable[[], Any], single: bool = False
    ) -> Any:
        """`compute()` memoized until the store changes (a commit by any connection or process).

        `single`: concurrent misses wait for one computation instead of each doing it (for the
        expensive store-wide aggregates)."""
        gen, value = self.peek(key, args)
        if value is not None:
            return value
        if not single:
            value = compute()
            self.keep(key, args, gen, value)
            return value
        with self._cache_lock:
            lock = self._computing.setdefault((key, args), threading.Lock())
        with lock:
            gen, value = self.peek(key, args)
            if value is None:
                value = compute()
                self.keep(key, args, gen, value)
        return value

    async def cached_async(self, key: str, args: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        """`cached` for async routes: a hit is answered at once, a miss is computed in a worker thread."""
        gen, value = self.peek(key, args)
        if value is None:
            value = await _run_in_thread(compute)
            self.keep(key, args, gen, value)
        return value

    def write(self, fn: Callable[[Store], Any]) -> Any:
        """Run `fn` with the one writer."""
        with self._write_lock:
            store = Store(self.path)
            try:
                return fn(store)
            finally:
                store.close()


_SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class _Guard:
    """Refuses oversized bodies and query strings; adds the security headers to every response.

    Plain ASGI (not Starlette's BaseHTTPMiddleware, which adds a task group and two memory streams per
    request, about a third of a cached answer's cost).
    """

    def __init__(self, app: ASGIApp, max_body: int, render: Callable[..., HTMLResponse]) -> None:
        self.app, self.max_body, self.render = app, max_body, render

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        length = Headers(scope=scope).get("content-length")
        refusal = None
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            refusal = ApiError(413, f"request body larger than {self.max_body} bytes")
        elif len(scope.get("query_string", b"")) > 4 * MAX_QUERY:
            refusal = ApiError(414, "query string too long")
        if refusal is not None:
            await _error(Request(scope), refusal, self.render)(scope, receive, send_secured)
            return
        await self.app(scope, receive, send_secured)


def create_app(db: str, token: str | None = None, max_body: int = MAX_BODY) -> FastAPI:
    """The web app over the store file `db`; writes need `token` (writes are refused when it is None)."""
    app = FastAPI(
        title="sitrep", version="1", docs_url="/api/docs", redoc_url=None, openapi_url="/api/openapi.json"
    )
    stores = Stores(db)
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True))
    env.globals.update(person_href=person_href)
    env.filters["num"] = format_count
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def render(template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(template).render(**ctx), status_code=status)

    app.add_middleware(_Guard, max_body=max_body, render=render)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return _error(request, exc, render)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, ApiError(exc.status_code, str(exc.detail)), render)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(request, ApiError(400, f"{where}: {first.get('msg', 'invalid request')}"), render)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return _error(request, ApiError(503, f"store unavailable: {exc}"), render)

    # ---- contexts shared by pages and their JSON twins --------------------------------------------

    def documents_ctx(request: Request) -> dict[str, Any]:
        p = request.query_params
        page = query.documents(
            stores.reader(),
            limit=_limit(p.get("limit"), 50),
            offset=_offset(p.get("offset")),
            source=_text(p.get("source"), "source"),
        )
        return {**page, "stats": stats_ctx()}

    def document_ctx(doc_id: str) -> dict[str, Any]:
        if len(doc_id) > 64:
            raise ApiError(404, "no such document")
        doc = query.document(stores.reader(), doc_id)
        if doc is None:
            raise ApiError(404, f"no document {doc_id!r}")
        return doc

    def statements_ctx(request: Request) -> dict[str, Any]:
        p = request.query_params
        speaker, q = _text(p.get("speaker"), "speaker"), _text(p.get("q"), "q")
        limit, offset = _limit(p.get("limit"), 100), _offset(p.get("offset"))
        rows = stores.cached(
            "statements",
            (speaker, q, limit, offset),
            lambda: query.statements(stores.reader(), speaker=speaker, q=q, limit=limit, offset=offset),
        )
        return {"speaker": speaker, "q": q, "limit": limit, "offset": offset, "statements": rows}

    def estimates_ctx(request: Request) -> list[dict[str, Any]]:
        p = request.query_params
        subject, outcome = _text(p.get("subject"), "subject"), _text(p.get("outcome"), "outcome")
        series: list[dict[str, Any]] = stores.cached(
            "estimates",
            (subject, outcome),
            lambda: query.estimates(stores.reader(), subject=subject, outcome=outcome, groups=groups),
        )
        return series

    def estimates_body(request: Request) -> bytes:
        """The `/api/estimates` answer: the stored series' JSON joined as stored (no parse, no dump)."""
        p = request.query_params
        subject, outcome = _text(p.get("subject"), "subject"), _text(p.get("outcome"), "outcome")
        found = query.estimates_json(stores.reader(), subject, outcome)
        if found is None:  # not refreshed since the last write: computed from the quantities
            return _dumps(estimates_ctx(request))
        return b"[" + b",".join(found) + b"]"

    def groups() -> dict[str, list[dict[str, Any]]]:
        """The figures grouped by subject: store-wide, computed by one thread per store version (only
        while the stored series are not current)."""
        found: dict[str, list[dict[str, Any]]] = stores.cached(
            "estimate_groups", (), lambda: query.estimate_groups(stores.reader()), single=True
        )
        return found

    def contradictions_ctx() -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = stores.cached(
            "contradictions", (), lambda: query.contradictions(stores.reader())
        )
        return found

    def search_ctx(request: Request) -> dict[str, Any]:
        p = request.query_params
        q = _text(p.get("q"), "q")
        limit, offset = _limit(p.get("limit"), 20), _offset(p.get("offset"))
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

    def timeline_ctx(name: str) -> dict[str, Any]:
        name = _text(name, "name", required=True) or ""
        return {"name": name, "timeline": query.timeline(stores.reader(), name)}

    # ---- JSON API -----------------------------------------------------------------------------------

    def stats_ctx() -> dict[str, int]:
        stats: dict[str, int] = stores.cached("stats", (), lambda: query.stats(stores.reader()))
        return stats

    @app.get("/api/stats")
    async def api_stats() -> Response:
        body = await stores.cached_async("stats.json", (), lambda: _dumps(stats_ctx()))
        return Response(body, media_type="application/json")

    @app.get("/api/documents")
    def api_documents(request: Request) -> Response:
        return _json(documents_ctx(request))

    @app.get("/api/documents/{doc_id}")
    def api_document(doc_id: str) -> Response:
        return _json(document_ctx(doc_id))

    @app.get("/api/statements")
    async def api_statements(request: Request) -> Response:
        p = request.query_params
        key = (p.get("speaker"), p.get("q"), p.get("limit"), p.get("offset"))
        body = await stores.cached_async("statements.json", key, lambda: _dumps(statements_ctx(request)))
        return Response(body, media_type="application/json")

    @app.get("/api/estimates")
    async def api_estimates(request: Request) -> Response:
        p = request.query_params
        key = (p.get("subject"), p.get("outcome"))
        body = await stores.cached_async("estimates.json", key, lambda: estimates_body(request))
        return Response(body, media_type="application/json")

    @app.get("/api/contradictions")
    async def api_contradictions() -> Response:
        body = await stores.cached_async("contradictions.json", (), lambda: _dumps(contradictions_ctx()))
        return Response(body, media_type="application/json")

    @app.get("/api/search")
    async def api_search(request: Request) -> Response:
        p = request.query_params
        key = (p.get("q"), p.get("limit"), p.get("offset"))
        body = await stores.cached_async("search.json", key, lambda: _dumps(search_ctx(request)))
        return Response(body, media_type="application/json")

    @app.get("/api/timeline/{name}")
    def api_timeline(name: str) -> Response:
        return _json(timeline_ctx(name))

    @app.post("/api/documents", status_code=201)
    async def api_ingest(request: Request) -> JSONResponse:
        _check_token(request, token)
        body = await request.body()
        if len(body) > max_body:
            raise ApiError(413, f"request body larger than {max_body} bytes")
        try:
            data = json.loads(body)
        except ValueError as exc:
            raise ApiError(400, f"body is not JSON: {exc}") from None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise ApiError(400, 'body must be a JSON object with a string "text"')
        result = await _run_in_thread(lambda: _ingest_one(stores, data))
        return JSONResponse(result, status_code=201 if result["new"] else 200)

    # ---- pages ----------------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse)
    def page_index(request: Request) -> HTMLResponse:
        return render("index.html", **documents_ctx(request))

    @app.get("/documents/{doc_id}", response_class=HTMLResponse)
    def page_document(doc_id: str, request: Request) -> HTMLResponse:
        doc = document_ctx(doc_id)
        from ..model import Report

        report = Report.model_validate(doc["report"]) if doc.get("report") else None
        focus = _focus(request.query_params.get("at"))
        body = highlight(doc["text"], report, focus) if report else doc["text"]
        colours = speaker_colours(report) if report else {}
        return render("document.html", doc=doc, report=report, body=body, colours=colours)

    @app.get("/people/{name}", response_class=HTMLResponse)
    def page_person(name: str, request: Request) -> HTMLResponse:
        name = _text(name, "name", required=True) or ""
        rows = query.statements(
            stores.reader(), speaker=name, limit=_limit(request.query_params.get("limit"), 200)
        )
        entity = query.person(stores.reader(), name)
        return render("person.html", name=name, statements=rows, entity=entity)

    @app.get("/api/people/{name}")
    def api_person(name: str) -> Response:
        name = _text(name, "name", required=True) or ""
        return _json(
            {
                "name": name,
                "entity": query.person(stores.reader(), name),
                "statements": query.statements(stores.reader(), speaker=name, limit=200),
            }
        )

    @app.get("/estimates", response_class=HTMLResponse)
    def page_estimates(request: Request) -> HTMLResponse:
        series = estimates_ctx(request)
        charts = [(s, series_svg(s), claimant_colours(s)) for s in series]
        return render(
            "estimates.html",
            charts=charts,
            subject=request.query_params.get("subject") or "",
            outcome=request.query_params.get("outcome") or "",
        )

    @app.get("/contradictions", response_class=HTMLResponse)
    def page_contradictions() -> HTMLResponse:
        return render("contradictions.html", contradictions=contradictions_ctx())

    @app.get("/search", response_class=HTMLResponse)
    def page_search(request: Request) -> HTMLResponse:
        return render("search.html", **search_ctx(request))

    @app.get("/timeline/{name}", response_class=HTMLResponse)
    def page_timeline(name: str) -> HTMLResponse:
        return render("timeline.html", **timeline_ctx(name))

    return app


def _warm_up() -> None:
    """Import and compile now what the first estimates request would (modules, subject synonyms)."""
    from ..aggregate.estimates import subject_key
    from ..aggregate.estimates_store import series_version

    subject_key("the soldiers")
    series_version()


def _dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str).encode()


def _json(data: Any) -> Response:
    """A JSON response serialized in one pass (the query layer already returns plain data)."""
    return Response(_dumps(data), media_type="application/json")


def _focus(value: str | None) -> tuple[int, int] | None:
    if not value or len(value) > 24:
        return None
    try:
        a, b = (int(x) for x in value.split("-", 1))
    except ValueError:
        return None
    return (a, b) if 0 <= a < b else None


def _check_token(request: Request, token: str | None) -> None:
    if not token:
        raise ApiError(
            403, "writing is disabled: start the server with --token (or SITREP_TOKEN) to allow it"
        )
    given = request.headers.get("authorization", "")
    if not given.lower().startswith("bearer ") or not hmac.compare_digest(given[7:].strip(), token):
        raise ApiError(401, "a valid 'Authorization: Bearer <token>' header is required to write")


def _ingest_one(stores: Stores, data: dict[str, Any]) -> dict[str, Any]:
    from ..api import extract

    meta = {k: data.get(k) for k in ("title", "source", "url") if isinstance(data.get(k), str)}
    try:
        report = extract(data["text"], published=data.get("published"), **meta)
    except InputError as exc:
        raise ApiError(400, str(exc)) from None

    def write(s: Store) -> bool:
        from ..aggregate.estimates_store import refresh_estimates

        written = s.write_report(report, data["text"], {**meta, "published": report.document.published})
        refresh_estimates(s)  # only this document's subjects: the stored series stay current
        return written

    new = stores.write(write)
    return {"id": report.document.id, "new": bool(new), "url": f"/documents/{report.document.id}"}


async def _run_in_thread(fn: Callable[[], Any]) -> Any:
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(fn)


def _error(request: Request, exc: ApiError, render: Callable[..., HTMLResponse]) -> Response:
    wants_json = request.url.path.startswith("/api/") or "application/json" in request.headers.get(
        "accept", ""
    )
    if wants_json:
        response: Response = JSONResponse(
            {"error": {"status": exc.status, "message": exc.message}}, status_code=exc.status
        )
    else:
        response = render("error.html", status=exc.status, error=exc)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


__all__ = ["create_app", "ApiError", "SitrepError"]
