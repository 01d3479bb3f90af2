"""Issue 16, web: a posted text over the ceiling is a 400 in the error shape and the server goes on; a
posted text over the chunk size is stored whole, with spans into the whole text; `sitrep serve` binds
loopback unless told otherwise. A real server on loopback over a real store file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from web_support import TOKEN, Server

pytest.importorskip("fastapi")

AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
PARAGRAPH = (
    "Officials in the port city said on Tuesday that {n} families had left their homes after the shelling. "
    '"We will rebuild the school before winter," the mayor, Anna Kowal, told reporters.'
)


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory) -> Server:
    """A server whose extraction refuses texts over 6,000 characters and cuts texts over 1,000."""
    db = tmp_path_factory.mktemp("weblimits") / "store.db"
    mp = pytest.MonkeyPatch()
    mp.setenv("SITREP_MAX_CHARS", "6000")
    mp.setenv("SITREP_CHUNK_CHARS", "1000")
    server = Server(db)  # the child process reads the limits from its environment
    mp.undo()
    yield server
    server.stop()


def post(server: Server, text: str) -> tuple[int, dict[str, object]]:
    status, data = server.json(
        "/api/documents", method="POST", body=json.dumps({"text": text}).encode(), headers=AUTH
    )
    return status, data


def test_a_post_over_the_ceiling_is_a_400_in_the_shape_and_the_server_goes_on(limited: Server) -> None:
    text = "\n\n".join(PARAGRAPH.format(n=n) for n in range(40))  # about 8,000 characters
    assert len(text) > 6000
    status, data = post(limited, text)
    assert status == 400, data
    error = data["error"]
    assert isinstance(error, dict) and error["status"] == 400
    assert "more than the limit of 6,000 (SITREP_MAX_CHARS)" in str(error["message"])
    status, data = post(limited, PARAGRAPH.format(n=12))
    assert status == 201, data
    assert limited.json("/api/stats")[0] == 200


def test_a_post_over_the_chunk_size_is_stored_whole_with_spans_into_it(limited: Server) -> None:
    text = "\n\n".join(PARAGRAPH.format(n=n) for n in range(100, 120))  # about 4,000 characters: 4+ chunks
    status, data = post(limited, text)
    assert status == 201, data
    status, doc = limited.json(f"/api/documents/{data['id']}")
    assert status == 200
    assert doc["text"] == text
    statements = doc["report"]["statements"]
    assert len(statements) >= 15  # one quotation per paragraph, in every chunk
    last = max(st["content"]["span"][0] for st in statements)
    assert last > 3000  # spans of the last chunks index the whole text, not their chunk
    for st in statements:
        s, e = st["content"]["span"]
        assert text[s:e] == st["content"]["text"]
    figures = doc["report"]["quantities"]
    assert {text[q["span"][0] : q["span"][1]] for q in figures} == {str(n) for n in range(100, 120)}


def _listeners(port: int) -> set[str]:
    """Local addresses (hex, as /proc/net/tcp and tcp6 give them) listening on `port`."""
    found: set[str] = set()
    for name in ("tcp", "tcp6"):
        table = Path("/proc/net") / name
        if not table.exists():
            continue
        for line in table.read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            addr, hexport = local.rsplit(":", 1)
            if state == "0A" and int(hexport, 16) == port:  # 0A: LISTEN
                found.add(addr)
    return found


def test_serve_binds_loopback_unless_told_otherwise(limited: Server) -> None:
    if not Path("/proc/net/tcp").exists():
        pytest.skip("no /proc/net/tcp to read listening sockets from")
    assert _listeners(limited.port) == {"0100007F"}  # 127.0.0.1 only, not 0.0.0.0 or ::
