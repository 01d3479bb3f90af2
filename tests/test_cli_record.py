"""The record commands as a user runs them: real processes, real SQLite files, our 36-document corpus."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "corpus"))
from build import build_corpus  # noqa: E402

pytestmark = pytest.mark.slow


def sitrep(*args: str, db: Path | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "sitrep.cli", *args]
    if db is not None:
        cmd += ["--db", str(db)]
    proc = subprocess.run(
        cmd, capture_output=True, text=True, timeout=600, env={**os.environ, "COLUMNS": "200"}
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"{cmd} -> {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """The corpus plus a bad file of every kind, ingested once; (db, corpus dir, first summary)."""
    root = tmp_path_factory.mktemp("record")
    corpus = root / "corpus"
    info = build_corpus(corpus)
    bad = corpus / "bad"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02\x03 binary")
    (bad / "latin1.txt").write_bytes("Caf\u00e9".encode("latin-1"))
    (bad / "empty.txt").write_bytes(b"")
    (bad / "broken.html").write_bytes(b"<html><body><div></div></body></html>")
    (bad / "broken.rss").write_bytes(b"<rss><channel><item>unclosed")
    (bad / "broken.warc").write_bytes(b"not a warc at all\r\n")
    with (bad / "huge.txt").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (corpus / "copy_of_c01.txt").write_text((corpus / "c01_soledar_kyiv.txt").read_text(encoding="utf-8"))
    db = root / "sitrep.db"
    summary = json.loads(sitrep("ingest", str(corpus), "--format", "json", "--batch-size", "8", db=db).stdout)
    return db, corpus, summary, info


def test_ingest_summary_counts_new_duplicate_and_failed(ingested):
    db, _, summary, info = ingested
    assert summary["new"] == info["documents"] == 36
    assert summary["duplicate"] == 1  # the exact copy of c01
    assert summary["read"] == 37
    failed = {Path(f["file"]).name: f["reason"] for f in summary["failed"]}
    assert set(failed) == {
        "binary.txt",
        "latin1.txt",
        "empty.txt",
        "broken.html",
        "broken.rss",
        "broken.warc#record1",  # the record that was cut, named
        "huge.txt",
    }
    assert "binary" in failed["binary.txt"] and "UTF-8" in failed["latin1.txt"]
    assert "empty" in failed["empty.txt"] and "20 MiB" in failed["huge.txt"]
    assert summary["clusters"] == info["stories"] == 12


def test_reingest_adds_nothing(ingested):
    db, corpus, _, _ = ingested
    again = json.loads(sitrep("ingest", str(corpus), "--format", "json", db=db).stdout)
    assert again["new"] == 0 and again["duplicate"] == 37
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 36
    assert con.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == 36
    con.close()


def test_table_summary_lists_failures_one_line_each(tmp_path):
    (tmp_path / "ok.txt").write_text("KYIV (AP) - Shelling killed three people on Monday, officials said.")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x00\x00")
    proc = sitrep("ingest", str(tmp_path), "--quiet", db=tmp_path / "s.db")
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("read 1 documents from 2 files: 1 new, 0 duplicate, 1 failed")
    assert lines[1] == f"failed: {tmp_path / 'bin.txt'}: binary data (NUL bytes), not text"


def test_estimates_json_shape(ingested):
    db = ingested[0]
    series = json.loads(sitrep("estimates", "--format", "json", db=db).stdout)
    assert isinstance(series, list)
    keys = {
        "low",
        "high",
        "qualifier",
        "claimant",
        "document",
        "source",
        "published",
        "text",
        "span",
        "reprints",
    }
    con = sqlite3.connect(db)
    for s in series:
        # fields may be added, never removed: a series is keyed by its referent (issue 14)
        assert {"subject", "outcome", "estimates", "key", "referent"} <= set(s)
        assert isinstance(s["outcome"], list) and s["key"].startswith(s["referent"]["counted"] + "|")
        for e in s["estimates"]:
            assert keys <= set(e)
            text = con.execute("SELECT text FROM documents WHERE id = ?", (e["document"],)).fetchone()[0]
            assert text[e["span"][0] : e["span"][1]] == e["text"]
            # every story is printed by three outlets: a claim is listed once, with its reprints
            # (+ the word-for-word copy, kept since issue 14)
            assert len({r["document"] for r in e["reprints"]}) <= 3
    con.close()
    csv_out = sitrep("estimates", "--format", "csv", db=db).stdout.splitlines()
    assert csv_out[0].startswith("subject,outcome,low,high,qualifier,claimant")


def test_contradictions_json_shape(ingested):
    db = ingested[0]
    items = json.loads(sitrep("contradictions", "--format", "json", db=db).stdout)
    assert isinstance(items, list)
    for c in items:
        assert {"kind", "reason", "items", "sides", "key"} <= set(c) and c["kind"] in ("quantity", "event")
        # one disagreement, every claim on each side: at least two sides, the items are their claims
        assert isinstance(c["reason"], str) and len(c["sides"]) >= 2 and len(c["items"]) >= 2


def test_search_statements_timeline_and_export(ingested, tmp_path):
    db = ingested[0]
    hits = json.loads(sitrep("search", "Soledar", "--format", "json", db=db).stdout)
    assert hits and all("Soledar" in h["snippet"] for h in hits)
    assert sitrep("statements", "--speaker", "Zelenskiy", "--format", "json", db=db).returncode == 0
    assert isinstance(json.loads(sitrep("timeline", "Kherson", "--format", "json", db=db).stdout), list)
    people = json.loads(sitrep("entities", "--type", "person", "--format", "json", db=db).stdout)
    assert people and all(p["type"] == "PERSON" and p["aliases"] for p in people)
    zel = json.loads(sitrep("entities", "Zelensk", "--format", "json", db=db).stdout)
    spellings = {"Zelenskyy", "Zelensky", "Zelenskiy"}
    assert any(len({w for a in z["aliases"] for w in a.split()} & spellings) >= 2 for z in zel), zel
    out = tmp_path / "docs.parquet"
    sitrep("export", "--format", "parquet", "--out", str(out), db=db)
    import pyarrow.parquet as pq

    table = pq.read_table(out)
    assert table.num_rows == 36 and "cluster_id" in table.column_names
    jl = tmp_path / "all.jsonl"
    sitrep("export", "--format", "jsonl", "--out", str(jl), db=db)
    assert len(jl.read_text().splitlines()) == 36


def test_query_errors_are_one_line(tmp_path):
    proc = sitrep("estimates", db=tmp_path / "missing.db", check=False)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"sitrep: error: {tmp_path / 'missing.db'}: no such store (run 'sitrep ingest' first)"
    ]
    proc = sitrep("ingest", str(tmp_path), "--field", "body", db=tmp_path / "x.db", check=False)
    assert proc.returncode == 2 and proc.stderr.startswith("sitrep: error: --field 'body'")


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def test_kill_9_mid_ingest_then_rerun_loses_and_duplicates_nothing(tmp_path):
    info = build_corpus(tmp_path / "corpus")
    db = tmp_path / "crash.db"
    cmd = [
        sys.executable,
        "-m",
        "sitrep.cli",
        "ingest",
        str(tmp_path / "corpus"),
        "--db",
        str(db),
        "--batch-size",
        "1",
        "--quiet",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while _count(db) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = _count(db)
    assert 0 < stored < info["documents"], "the kill should land mid-run"
    summary = json.loads(sitrep("ingest", str(tmp_path / "corpus"), "--format", "json", db=db).stdout)
    assert summary["new"] == info["documents"] - stored
    assert summary["duplicate"] == stored
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == info["documents"]
    assert con.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == info["documents"]
    assert con.execute("SELECT count(DISTINCT doc_id) FROM documents_fts").fetchone()[0] == info["documents"]
    assert con.execute("SELECT count(DISTINCT cluster_id) FROM documents").fetchone()[0] == info["stories"]
    # every document is complete: its statements are all there once (FTS rows match the table)
    assert (
        con.execute("SELECT count(*) FROM statements").fetchone()[0]
        == con.execute("SELECT count(*) FROM statements_fts").fetchone()[0]
    )
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
