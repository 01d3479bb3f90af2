"""What every response carries and what every request must pass: security headers, body and query
string caps, the write token, and the one error shape (`{"error": {"status", "message"}}` or a page)."""

from __future__ import annotations

import hmac
import html
import logging
from collections.abc import Callable

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .params import MAX_QUERY, ApiError

log = logging.getLogger("sitrep.web")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class Guard:
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
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        length = Headers(scope=scope).get("content-length")
        refusal = None
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            refusal = ApiError(413, f"request body larger than {self.max_body} bytes")
        elif len(scope.get("query_string", b"")) > 4 * MAX_QUERY:
            refusal = ApiError(414, "query string too long")
        if refusal is not None:
            await error_response(Request(scope), refusal, self.render)(scope, receive, send_secured)
            return
        started = False

        async def send_tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send_secured(message)

        try:
            await self.app(scope, receive, send_tracked)
        except Exception:  # noqa: BLE001 - any bug answers the one error shape, never a bare 500
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:  # too late for another answer: the client sees the connection end
                raise
            oops = ApiError(500, "internal error: the server could not answer this request")
            await error_response(Request(scope), oops, self.render)(scope, receive, send_secured)


def check_token(request: Request, token: str | None) -> None:
    if not token:
        raise ApiError(
            403, "writing is disabled: start the server with --token (or SITREP_TOKEN) to allow it"
        )
    given = request.headers.get("authorization", "")
    sent = given[7:].strip().encode("utf-8", "replace")  # bytes: compare_digest refuses non-ASCII str
    if not given.lower().startswith("bearer ") or not hmac.compare_digest(
        sent, token.encode("utf-8", "replace")
    ):
        raise ApiError(401, "a valid 'Authorization: Bearer <token>' header is required to write")


def error_response(request: Request, exc: ApiError, render: Callable[..., HTMLResponse]) -> Response:
    wants_json = request.url.path.startswith("/api/") or "application/json" in request.headers.get(
        "accept", ""
    )
    if wants_json:
        response: Response = JSONResponse(
            {"error": {"status": exc.status, "message": exc.message}}, status_code=exc.status
        )
    else:
        try:
            response = render("error.html", status=exc.status, error=exc)
        except Exception:  # noqa: BLE001 - the error page itself failed: a plain one, still escaped
            log.exception("the error page could not be rendered")
            body = f"<!doctype html><title>Error {exc.status}</title><h1>Error {exc.status}</h1>"
            response = HTMLResponse(body + f"<p>{html.escape(exc.message)}</p>", status_code=exc.status)
    for name, value in SECURITY_HEADERS.items():  # also outside the Guard (Starlette's last handler)
        response.headers[name] = value
    return response


def link_url(url: object) -> str | None:
    """`url` when it may become a link (http or https, no control characters), else None: a stored
    `javascript:` or `data:` URL is shown as no link at all."""
    if not isinstance(url, str):
        return None
    u = url.strip()
    if not u.lower().startswith(("http://", "https://")) or any(ord(ch) < 32 or ord(ch) == 127 for ch in u):
        return None
    return u
