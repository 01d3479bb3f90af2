"""The ingest run through the Python API: stored ids skipped before extraction, worker processes, failures."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import sitrep.api
from sitrep.ingest import read_paths
from sitrep.ingest.pipeline import Ingest
from sitrep.store import Store

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "corpus"))
from build import originals  # noqa: E402


@pytest.fixture()
def corpus(tmp_path):
    """Four of our stories with their sidecars."""
    d = tmp_path / "corpus"
    d.mkdir()
    for src in originals()[:4]:
        (d / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
        meta = src.with_name(src.name + ".meta.json")
        (d / meta.name).write_text(meta.read_text(encoding="utf-8"), encoding="utf-8")
    return d


def test_stored_documents_are_skipped_before_extraction(corpus, tmp_path, monkeypatch, nlp):
    store = Store(tmp_path / "s.db")
    first = sorted(corpus.glob("*.txt"))[0]
    Ingest(store).run([str(first)], aggregate=False)
    seen: list[str] = []
    real = sitrep.api.extract_many

    def counting(items, **kw):
        items = list(items)
        seen.extend(i["id"] for i in items)
        return real(items, **kw)

    monkeypatch.setattr(sitrep.api, "extract_many", counting)
    summary = Ingest(store).run([str(corpus)])
    assert summary.new == 3 and summary.duplicate == 1
    stored_first = store.rows("SELECT id FROM documents WHERE path = ?", (str(first),))[0]["id"]
    assert stored_first not in seen and len(seen) == 3
    # metadata from the sidecars reached the store
    row = store.rows("SELECT title, source, published FROM documents WHERE path = ?", (str(first),))[0]
    assert row["source"] and row["published"] and row["title"]
    store.close()


def test_reports_from_worker_processes_equal_in_process_ones(corpus, tmp_path, nlp):
    store = Store(tmp_path / "w.db")
    summary = Ingest(store, workers=2, batch_size=2).run([str(corpus)])
    assert summary.new == 4 and not summary.failed
    records = [r for r in read_paths([str(corpus)])]
    expected = list(sitrep.api.extract_many([r.item() for r in records], nlp=nlp))
    for report in expected:
        assert store.get_report(report.document.id) == report
    store.close()


def test_a_bad_date_in_metadata_fails_only_its_document(corpus, tmp_path, nlp):
    bad = sorted(corpus.glob("*.txt"))[1]
    (corpus / (bad.name + ".meta.json")).write_text('{"published": "last Tuesday"}', encoding="utf-8")
    store = Store(tmp_path / "d.db")
    summary = Ingest(store).run([str(corpus)])
    assert summary.new == 3
    [f] = summary.failed
    assert f.path == str(bad) and "'last Tuesday' is not a date" in f.reason
    store.close()
