"""`sitrep serve --workers 2`: every worker process answers from its cache, and a commit to the store
by another process (here the test itself, like `sitrep ingest`) refreshes every worker's answers."""

from __future__ import annotations

import pytest

from sitrep.store.db import Store

pytest.importorskip("fastapi")

from web_support import ESTIMATES, Server, estimate_report  # noqa: E402


def _write(db, rows) -> None:
    with Store(db) as store:
        for text, published, source, speaker, figure, low, high, qual in rows:
            r = estimate_report(text, published, source, speaker, figure, low, high, qual)
            store.write_report(r, text, {"source": source, "published": published})


def test_workers_share_nothing_but_all_see_a_new_commit(tmp_path):
    db = tmp_path / "w.db"
    _write(db, ESTIMATES[:2])
    server = Server(db, token=None, workers=2)
    try:
        for _ in range(12):  # fresh connections, spread over both workers; answers now cached
            assert server.json("/api/stats")[1]["documents"] == 2
            assert server.json("/api/statements?speaker=Ben%20Wallace")[1]["statements"] == []
        _write(db, ESTIMATES[2:])
        for _ in range(12):
            assert server.json("/api/stats")[1]["documents"] == 3
            [row] = server.json("/api/statements?speaker=Ben%20Wallace")[1]["statements"]
            assert row["source"] == "Times" and row["copies"] == 1
            series = server.json("/api/estimates?subject=Russian%20soldiers")[1]
            assert len(series[0]["estimates"]) == 3
    finally:
        server.stop()
