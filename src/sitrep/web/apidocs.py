"""The API's documentation page, rendered on the server from the app's own OpenAPI document.

FastAPI's default `/api/docs` loads Swagger UI from a CDN and starts it with an inline script, which
the server's own Content Security Policy forbids (and the README promises nothing from a CDN): this
page is plain HTML from a template in the package, with the machine-readable document beside it at
`/api/openapi.json`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

METHODS = ("get", "post", "put", "patch", "delete")


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per path and method: what the page lists."""
    rows = []
    for path, item in sorted(spec.get("paths", {}).items()):
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            rows.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary") or "",
                    "description": (op.get("description") or "").strip(),
                    "parameters": [
                        {"name": p.get("name"), "in": p.get("in"), "required": bool(p.get("required"))}
                        for p in op.get("parameters", [])
                    ],
                    "responses": sorted(op.get("responses", {})),
                }
            )
    return rows


def install(app: FastAPI, render: Callable[..., HTMLResponse], path: str = "/api/docs") -> None:
    """Serve the documentation page at `path` (create the app with `docs_url=None`)."""

    @app.get(path, include_in_schema=False, response_class=HTMLResponse)
    def api_docs() -> HTMLResponse:
        spec = app.openapi()
        return render(
            "api_docs.html",
            info=spec.get("info", {}),
            operations=[op for op in operations(spec) if op["path"].startswith("/api/")],
            openapi_url=app.openapi_url,
        )
