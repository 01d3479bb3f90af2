"""Issue 16, web: every error is the one shape with the security headers, paging out of range is 400,
only http(s) URLs become links, the API docs load nothing from outside, LIKE patterns are escaped,
the token can come from a file and never shows on a command line, listeners bind loopback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from web_support import TOKEN, Server, build_store, estimate_report, free_port

pytest.importorskip("fastapi")

from sitrep.model import Document, Report  # noqa: E402
from sitrep.store.db import Store  # noqa: E402

BIG = "9223372036854775808"
SECURITY = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options")


def secured(headers: dict[str, str]) -> bool:
    names = {k.lower() for k in headers}
    return all(h.lower() in names for h in SECURITY)


def strict_json(body: bytes) -> object:
    def refuse(name: str) -> object:
        raise ValueError(f"not JSON: {name}")

    return json.loads(body, parse_constant=refuse)


@pytest.fixture(scope="module")
def served(tmp_path_factory, extract):
    db = tmp_path_factory.mktemp("webrel") / "store.db"
    ids = build_store(db, extract)
    with Store(db) as store:
        for name, url in (
            ("js", "javascript:alert(document.domain)"),
            ("data", "data:text/html,<b>x</b>"),
            ("web", "https://example.org/story"),
        ):
            text = f"Officials said the {name} link story was published."
            r = Report(document=Document(id=f"link-{name}", url=url))
            store.write_report(r, text, {"url": url, "source": "Links"})
            ids[name] = r.document.id
        # a figure stored by a version that let infinity through: no page or JSON may break on it
        text = "Mark Milley said as many as 40,000 Russian soldiers were killed or wounded."
        r = estimate_report(
            text, "2022-11-20", "Old", "Mark Milley", "as many as 40,000", None, 40000, "at_most"
        )
        r.document.id = "legacy-inf"
        r.quantities[0].high = float("inf")
        store.write_report(r, text, {"source": "Old", "published": "2022-11-20"})
    server = Server(db)
    yield server, ids
    server.stop()


@pytest.mark.parametrize(
    "path",
    [
        f"/documents?offset={BIG}",
        f"/api/documents?offset={BIG}",
        f"/api/statements?offset={BIG}",
        f"/api/search?q=Kherson&offset={BIG}",
        "/api/documents?offset=-1",
        f"/api/documents?limit={BIG}",
    ],
)
def test_paging_out_of_range_is_400_in_the_error_shape(served, path):
    server, _ids = served
    status, headers, body = server.request(path, headers={"Accept": "application/json"})
    assert status == 400, body[:200]
    data = strict_json(body)
    assert (
        data["error"]["status"] == 400
        and "offset" in data["error"]["message"]
        or "limit" in data["error"]["message"]
    )
    assert secured(headers)


def test_the_overview_never_answers_500_to_a_huge_offset(served):
    server, _ids = served
    status, _h, _b = server.request(f"/?offset={BIG}")
    assert status in (200, 400)


def test_errors_carry_the_security_headers_and_the_shape(served):
    server, _ids = served
    for path in ("/api/documents/nope", "/api/nowhere", "/documents/nope"):
        status, headers, body = server.request(path)
        assert status == 404
        assert secured(headers), path
        if path.startswith("/api/"):
            assert strict_json(body) == {
                "error": {"status": 404, "message": strict_json(body)["error"]["message"]}
            }


def test_only_http_urls_become_links(served):
    server, ids = served
    for name in ("js", "data"):
        status, _h, body = server.request(f"/documents/{ids[name]}")
        assert status == 200
        assert b"javascript:" not in body and b'href="data:' not in body
    _s, _h, body = server.request(f"/documents/{ids['web']}")
    assert b'href="https://example.org/story"' in body


def test_api_docs_are_served_from_the_package_with_no_outside_script(served):
    server, _ids = served
    status, headers, body = server.request("/api/docs")
    assert status == 200 and "text/html" in {k.lower(): v for k, v in headers.items()}["content-type"]
    page = body.decode()
    assert "/api/statements" in page and "/api/openapi.json" in page
    assert "cdn" not in page.lower() and "swagger-ui-bundle" not in page
    import re

    for tag in re.findall(r"<script[^>]*>", page):
        assert re.search(r'src="/static/', tag), tag  # no inline script, nothing from another host
    csp = {k.lower(): v for k, v in headers.items()}["content-security-policy"]
    assert "script-src 'self'" in csp
    status, _h, spec = server.request("/api/openapi.json")
    assert status == 200 and "/api/statements" in strict_json(spec)["paths"]


def test_like_wildcards_in_speaker_match_only_themselves(served):
    server, _ids = served
    for pattern in ("%", "_", "M%y", "Mar_ Milley"):
        status, data = server.json(f"/api/statements?speaker={urllib.request.quote(pattern)}")
        assert status == 200 and data["statements"] == [], pattern
    status, data = server.json("/api/statements?speaker=Milley")
    assert status == 200 and data["statements"]


def test_a_stored_infinity_breaks_no_chart_or_page(served):
    server, _ids = served
    status, _h, body = server.request("/estimates")
    assert status == 200 and b"<svg" in body


def test_a_lone_surrogate_in_a_post_is_stored_cleaned(served):
    server, _ids = served
    body = (
        b'{"text": "Officials in Kyiv said \\ud800 the talks would resume on Monday.", "title": "T\\udfff"}'
    )
    status, data = server.json(
        "/api/documents",
        method="POST",
        body=body,
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    assert status in (200, 201), data
    status, doc = server.json(f"/api/documents/{data['id']}")
    assert "\ufffd the talks" in doc["text"] and doc["title"] == "T\ufffd"


def test_a_non_ascii_token_is_refused_not_crashed(served):
    server, _ids = served
    status, headers, body = server.request(
        "/api/documents", method="POST", body=b'{"text": "x"}', headers={"Authorization": "Bearer caf\xe9"}
    )
    assert status == 401 and strict_json(body)["error"]["status"] == 401


def test_an_unhandled_error_is_a_500_in_the_shape_with_the_headers(tmp_path):
    from fastapi.testclient import TestClient

    from sitrep.web.app import create_app

    Store(tmp_path / "s.db").close()
    app = create_app(str(tmp_path / "s.db"))

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("a bug")

    @app.get("/boom")
    def boom_page() -> None:
        raise RuntimeError("a bug")

    client = TestClient(app, raise_server_exceptions=False)
    r = client.get("/api/boom")
    assert r.status_code == 500
    assert r.json() == {
        "error": {"status": 500, "message": "internal error: the server could not answer this request"}
    }
    assert secured(dict(r.headers))
    r = client.get("/boom", headers={"Accept": "text/html"})
    assert r.status_code == 500 and "text/html" in r.headers["content-type"] and "Error 500" in r.text
    assert secured(dict(r.headers))


def test_a_chart_never_raises():
    from sitrep.web.chart import series_svg

    for low, high in ((float("inf"), None), (None, float("nan")), (1e308, 1e308), ("x", None), (5, 10**400)):
        svg = series_svg(
            {"subject": "s", "estimates": [{"low": low, "high": high, "published": "2022-11-10"}]}
        )
        assert isinstance(str(svg), str)


def _cmdlines() -> list[bytes]:
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                out.append((d / "cmdline").read_bytes())
            except OSError:
                pass
    return out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("workers", [1, 2])
def test_token_file_serves_writes_and_the_token_is_on_no_command_line(tmp_path, workers):
    db = tmp_path / "s.db"
    Store(db).close()
    secret = "file-token-7a1e0c"
    (tmp_path / "token").write_text(secret + "\n")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "SITREP_TOKEN"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sitrep.cli",
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
            "--token-file",
            str(tmp_path / "token"),
            "--workers",
            str(workers),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=1).read()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    why = proc.stderr.read().decode() if proc.poll() is not None else "no start"
                    raise AssertionError(why) from None
                time.sleep(0.2)
        assert not any(secret.encode() in c for c in _cmdlines())
        req = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/documents",
            method="POST",
            data=b'{"text": "Officials said the convoy arrived."}',
            headers={"Authorization": f"Bearer {secret}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=120) as resp:
            assert resp.status == 201
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_token_file_errors_are_one_line(tmp_path):
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "sitrep.cli",
            "serve",
            "--db",
            str(tmp_path / "s.db"),
            "--token-file",
            str(tmp_path / "missing"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2
    assert run.stderr.strip().startswith("sitrep: error: --token-file") and "cannot read" in run.stderr
    assert "Traceback" not in run.stderr


def test_the_dask_dashboard_binds_loopback(monkeypatch):
    pytest.importorskip("distributed")
    import distributed

    from sitrep.batch.cluster import local_cluster

    seen: dict[str, object] = {}

    class Fake:
        def __init__(self, **kwargs: object) -> None:
            seen.update(kwargs)

    monkeypatch.setattr(distributed, "LocalCluster", Fake)
    local_cluster(1, dashboard=True)
    assert seen["host"] == "127.0.0.1" and seen["dashboard_address"] == "127.0.0.1:0"
