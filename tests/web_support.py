"""A real store and a real `sitrep serve` process on loopback, shared by the web and browser tests."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from sitrep.model import (
    Claimant,
    Document,
    Entity,
    Quantity,
    Report,
    Speaker,
    Statement,
    TextSpan,
)
from sitrep.store.db import Store

TOKEN = "test-token-3f9c"

HOSTILE = (
    "BEIRUT (Wire) — A statement posted online <script>document.title='pwned'</script> was removed.\n\n"
    "The group said its site showed <img src=x onerror=\"document.title='pwned'\"> before it went down."
)


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def estimate_report(
    text: str,
    published: str,
    source: str,
    speaker: str,
    figure: str,
    low: int | None,
    high: int | None,
    qualifier: str,
) -> Report:
    """A hand-built report with one statement and one casualty figure inside it."""
    doc = Document(
        id=f"est-{source.lower()}-{published}",
        source=source,
        published=published,
        title=f"{source} on losses",
    )
    content = _span(text, text.split(" said ", 1)[1].rstrip("."))
    cue = _span(text, "said")
    q_span = _span(text, figure)
    st = Statement(
        id="s1",
        speaker=Speaker(name=speaker, span=_span(text, speaker), text=speaker),
        cue=TextSpan(text="said", span=cue),
        kind="indirect",
        content=TextSpan(text=text[content[0] : content[1]], span=content),
    )
    q = Quantity(
        id="q1",
        text=figure,
        span=q_span,
        low=low,
        high=high,
        qualifier=qualifier,
        unit="people",
        subject="Russian soldiers",
        outcome=["killed", "wounded"],
        claimant=Claimant(name=speaker, statement="s1"),
    )
    ent = Entity(
        id="e1", name=speaker, type="PERSON", mentions=[TextSpan(text=speaker, span=_span(text, speaker))]
    )
    return Report(document=doc, entities=[ent], statements=[st], quantities=[q])


ESTIMATES = [
    (
        "Mark Milley said as many as 40,000 Russian soldiers were killed or wounded.",
        "2022-11-10",
        "Wire",
        "Mark Milley",
        "as many as 40,000",
        None,
        40000,
        "at_most",
    ),
    (
        "Oleksii Reznikov said more than 100,000 Russian soldiers were killed or wounded.",
        "2022-11-14",
        "Daily",
        "Oleksii Reznikov",
        "more than 100,000",
        100000,
        None,
        "more_than",
    ),
    (
        "Ben Wallace said between 90,000 and 100,000 Russian soldiers were killed or wounded.",
        "2022-12-01",
        "Times",
        "Ben Wallace",
        "between 90,000 and 100,000",
        90000,
        100000,
        "range",
    ),
]


def build_store(path: Path, extract: Any) -> dict[str, str]:
    """A store with one extracted article, one hostile article and three hand-built estimate reports."""
    ids: dict[str, str] = {}
    article = (
        Path(__file__).resolve().parents[1] / "examples" / "articles" / "04_kherson_withdrawal.txt"
    ).read_text()
    with Store(path) as store:
        report = extract(article, published="2022-11-10", source="Reuters", title="Kherson withdrawal")
        store.write_report(
            report, article, {"source": "Reuters", "published": "2022-11-10", "title": "Kherson withdrawal"}
        )
        ids["article"] = report.document.id
        hostile = extract(
            HOSTILE, published="2022-11-11", source="Wire", title="<script>alert(1)</script> headline"
        )
        store.write_report(
            hostile,
            HOSTILE,
            {"source": "Wire", "published": "2022-11-11", "title": "<script>alert(1)</script> headline"},
        )
        ids["hostile"] = hostile.document.id
        for text, published, source, speaker, figure, low, high, qual in ESTIMATES:
            r = estimate_report(text, published, source, speaker, figure, low, high, qual)
            store.write_report(r, text, {"source": source, "published": published, "title": r.document.title})
            ids[source] = r.document.id
    return ids


def free_port() -> int:
    """A TCP port on loopback that nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`sitrep serve` in a child process, stopped on exit."""

    def __init__(self, db: Path, token: str | None = TOKEN, workers: int = 1) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        cmd = [sys.executable, "-m", "sitrep.cli", "serve", "--db", str(db), "--port", str(self.port)]
        cmd += ["--workers", str(workers)] if workers > 1 else []
        env = {**os.environ, "SITREP_TOKEN": token or ""}
        self.proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.proc.stderr.read().decode()}")
            try:
                urllib.request.urlopen(self.base + "/api/stats", timeout=1).read()
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.2)
        raise RuntimeError("server did not start within 60 s")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()

    def request(
        self, path: str, method: str = "GET", body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body of one request (errors included)."""
        req = urllib.request.Request(self.base + path, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                return resp.status, dict(resp.headers), resp.read()
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers), exc.read()

    def json(self, path: str, **kw: Any) -> tuple[int, Any]:
        """Status and decoded JSON body."""
        status, _h, body = self.request(path, **kw)
        return status, json.loads(body)
