"""Batch extraction: a 2-process LocalCluster against single-process extraction, bad rows, a killed worker."""

from __future__ import annotations

import csv
import gc
import json
import os
import sys
import threading
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from sitrep.batch.load import iter_reports, load_into_store, partition_ids, read_table  # noqa: E402
from sitrep.batch.partitions import make_partitions, read_partition, write_jsonl  # noqa: E402
from sitrep.batch.run import (  # noqa: E402
    SitrepWorkerPlugin,
    cleanup_temporaries,
    load_count,
    local_cluster,
    process_partition,
    run_batch,
)
from sitrep.batch.schema import ITEM_TABLES, TABLES, document_row, report_rows, to_arrow  # noqa: E402
from sitrep.store import Store  # noqa: E402
from synthetic import synthetic_corpus  # noqa: E402

N_DOCS = 48
BAD_LINES = [
    json.dumps({"id": "bad-empty", "text": "   "}),
    json.dumps({"id": "bad-number", "text": 42}),
    "{this is not json",
    json.dumps(["a", "list"]),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[dict]]:
    """48 synthetic articles spread over JSON Lines, CSV and Parquet, plus four bad rows in the JSONL."""
    root = tmp_path_factory.mktemp("corpus")
    items = synthetic_corpus(N_DOCS)
    write_jsonl(items[:24], str(root / "a.jsonl"))
    with (root / "a.jsonl").open("a", encoding="utf-8") as fh:  # bad rows in the middle of a partition
        fh.write("\n".join(BAD_LINES) + "\n")
    write_jsonl(items[24:28], str(root / "a2.jsonl.gz"))
    with (root / "b.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(items[0]))
        w.writeheader()
        w.writerows(items[28:38])
    cols = {k: [it[k] for it in items[38:]] for k in items[0]}
    pq.write_table(pa.table(cols), root / "c.parquet")
    return root, items


def _extract_all(items: list[dict]) -> dict[str, dict]:
    """Single-process extraction of every item with `sitrep.extract_many`, keyed by document id."""
    import sitrep

    return {r.document.id: r.to_dict() for r in sitrep.extract_many(items)}


@pytest.fixture(scope="module")
def reference(corpus, client) -> dict[str, dict]:
    """Single-process `sitrep.extract_many` over the same articles, in one call, keyed by document id.

    As in `sitrep ingest`, the document id is the hash of the text; the input's id is the external id.
    The call runs in one worker process, so the reference sees the same code and PYTHONHASHSEED as
    the batch (dask pins one seed for its workers; the test process has its own).
    """
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    _, items = corpus
    plain = [{k: v for k, v in it.items() if k != "id"} for it in items]
    reports = client.submit(_extract_all, plain, pure=False).result()
    assert len(reports) == N_DOCS
    return reports


def assert_same_reports(got: dict[str, dict], want: dict[str, dict]) -> None:
    """Equal report sets, naming the first differing document and field when not."""
    assert sorted(got) == sorted(want)
    for doc_id, report in want.items():
        for key, value in report.items():
            assert got[doc_id][key] == value, f"document {doc_id}: {key} differs"


@pytest.fixture(scope="module")
def client():
    """A real LocalCluster as `sitrep batch` starts it (`local_cluster`: two worker processes, one
    thread each, Dask's periodic work thinned), the model preloaded by the plugin."""
    from distributed import Client

    with local_cluster(2) as cluster:
        with Client(cluster) as c:
            c.register_plugin(SitrepWorkerPlugin())
            yield c


def inputs(root: Path) -> list[str]:
    return [str(root / "*.jsonl"), str(root / "*.jsonl.gz"), str(root / "b.csv"), str(root / "c.parquet")]


def output_reports(out: Path) -> dict[str, dict]:
    """The reports rebuilt from the Parquet tables, asserting no document appears twice."""
    reports = [r for r, _ in iter_reports(str(out))]
    ids = [r.document.id for r in reports]
    assert len(ids) == len(set(ids)), "duplicate documents in the output"
    return {r.document.id: r.to_dict() for r in reports}


def test_cluster_output_matches_single_process(corpus, reference, client, tmp_path):
    root, items = corpus
    out = tmp_path / "out"
    summary = run_batch(inputs(root), str(out), client=client, partition_size=6)
    assert summary.workers == 2
    assert summary.documents == N_DOCS
    assert summary.failed == len(BAD_LINES)
    assert_same_reports(output_reports(out), reference)
    # the model was built once in each worker process, not once per task
    assert list(client.run(load_count).values()) == [{"": 1}, {"": 1}]
    # the model's objects were moved out of the collected generations once it was loaded
    assert all(n > 100_000 for n in client.run(gc.get_freeze_count).values())
    for table in TABLES:
        assert sorted(p.name for p in (out / table).iterdir()) == [
            f"part-{p}.parquet" for p in partition_ids(str(out))
        ]


def test_parquet_rows_carry_spans_into_the_text(corpus, client, tmp_path):
    root, _ = corpus
    out = tmp_path / "out"
    run_batch([str(root / "c.parquet")], str(out), client=client)
    texts = {d["id"]: d["text"] for d in read_table(str(out), "documents")}
    assert len(texts) == N_DOCS - 38
    checked = 0
    for table, surface, prefix in (
        ("times", "text", ""),
        ("places", "text", ""),
        ("quantities", "text", ""),
        ("statements", "cue", "cue_"),
        ("statements", "content", ""),
    ):
        for row in read_table(str(out), table):
            assert texts[row["doc_id"]][row[f"{prefix}start"] : row[f"{prefix}end"]] == row[surface]
            checked += 1
    assert checked > 0
    docs = read_table(str(out), "documents")
    assert {d["published"] for d in docs} == {it["published"] for it in synthetic_corpus(N_DOCS)[38:]}


def test_bad_rows_land_in_errors_and_the_rest_is_written(corpus, tmp_path):
    root, items = corpus
    out = tmp_path / "out"
    summary = run_batch([str(root / "a.jsonl")], str(out))  # in-process, one partition holding the bad rows
    assert summary.documents == 24 and summary.failed == 4
    errors = {e["row"]: e for e in read_table(str(out), "errors")}
    assert sorted(errors) == [24, 25, 26, 27]
    assert errors[24]["external_id"] == "bad-empty" and "empty" in errors[24]["reason"]
    assert errors[25]["external_id"] == "bad-number" and "must be a string" in errors[25]["reason"]
    assert "not JSON" in errors[26]["reason"]
    assert "JSON object" in errors[27]["reason"]
    assert {d["external_id"] for d in read_table(str(out), "documents")} == {it["id"] for it in items[:24]}


def test_retried_partition_overwrites_instead_of_duplicating(corpus, tmp_path):
    root, _ = corpus
    out = tmp_path / "out"
    part = make_partitions([str(root / "b.csv")], partition_size=4)[1]
    first = process_partition(part, str(out))
    second = process_partition(part, str(out))
    assert first["rows"] == second["rows"] and first["documents"] == 4
    assert len(read_table(str(out), "documents")) == 4
    assert [p.name for p in (out / "documents").iterdir()] == [f"part-{part.id}.parquet"]


def test_resume_skips_complete_partitions(corpus, tmp_path):
    root, _ = corpus
    out = tmp_path / "out"
    first = run_batch([str(root / "b.csv")], str(out), partition_size=4)
    assert first.partitions == 3 and first.documents == 10
    lost = partition_ids(str(out))[1]
    (out / "_manifests" / f"{lost}.json").unlink()  # as if its worker died before finishing
    (out / "documents" / f"part-{lost}.parquet").unlink()
    again = run_batch([str(root / "b.csv")], str(out), partition_size=4, resume=True)
    assert again.partitions == 1 and again.documents == 4
    assert len({d["id"] for d in read_table(str(out), "documents")}) == 10


def test_partitions_are_deterministic_and_cover_every_row(corpus):
    root, _ = corpus
    a = make_partitions(inputs(root), partition_size=5)
    b = make_partitions(inputs(root), partition_size=5)
    assert a == b
    assert len({p.id for p in a}) == len(a)
    by_file: dict[str, list] = {}
    for p in a:
        by_file.setdefault(p.url, []).append((p.start, p.stop))
    assert by_file[next(u for u in by_file if u.endswith("a.jsonl"))] == [
        (0, 5),
        (5, 10),
        (10, 15),
        (15, 20),
        (20, 25),
        (25, 28),
    ]


def test_rows_before_a_partition_are_counted_not_parsed(corpus, monkeypatch):
    """A worker skips to its row range without parsing what lies before it (no quadratic re-parsing)."""
    import sitrep.batch.partitions as bio

    root, _ = corpus
    parsed: list[int] = []
    real = bio.to_record

    def counting(row, raw, where):
        parsed.append(row)
        return real(row, raw, where)

    monkeypatch.setattr(bio, "to_record", counting)
    for name in ("a.jsonl", "b.csv", "c.parquet"):
        parts = make_partitions([str(root / name)], partition_size=3)
        last = parts[-1]
        parsed.clear()
        rows = [r.row for r in read_partition(last)]
        assert rows == list(range(last.start, last.stop))
        assert parsed == [r for r in rows if name != "a.jsonl" or r < 24], name  # bad lines are not items


def test_cli_batch_then_load_is_idempotent(corpus, tmp_path):
    import typer

    from sitrep.cli.batch import register
    from sitrep.store import Store

    root, _ = corpus
    app = typer.Typer()
    register(app)
    runner = CliRunner()
    out, db = tmp_path / "out", tmp_path / "s.db"
    res = runner.invoke(
        app, ["batch", str(root / "b.csv"), "--out", str(out), "--local-workers", "0", "--json"]
    )
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout.strip().splitlines()[-1])
    assert summary["documents"] == 10 and summary["failed"] == 0
    for _ in range(2):
        res = runner.invoke(app, ["load", str(out), "--db", str(db)])
        assert res.exit_code == 0, res.output
    with Store(str(db)) as store:
        assert store.count("documents") == 10
        report, _ = next(iter_reports(str(out)))
        assert store.get_report(report.document.id).to_dict() == report.to_dict()
        # `sitrep load` refreshes the record like `sitrep ingest`: the stored estimate series are
        # current, so estimate queries read them instead of recomputing
        assert store.scalar("SELECT count(*) FROM claims_dirty") == 0
        assert store.scalar("SELECT count(*) FROM claim_keys") > 0  # the loaded claims were keyed by referent
        series = store.rows("SELECT * FROM estimate_series ORDER BY skey, outcome")
        keys = store.rows("SELECT * FROM claim_keys ORDER BY doc_id, kind, seq")
        from sitrep.aggregate import refresh

        refresh(store, force=True)  # what a full recomputation gives is what the load left
        assert store.rows("SELECT * FROM estimate_series ORDER BY skey, outcome") == series
        assert store.rows("SELECT * FROM claim_keys ORDER BY doc_id, kind, seq") == keys


# Parts written by the release before the shared table definitions (store/tables.py): `document_id`,
# `ordinal`, `item_json`, `speaker_name`, `content_text`, `trigger_text`, outcome as a list, ...
# (three examples/articles documents through `sitrep batch` at that release).
V1_OUTPUT = Path(__file__).parent / "fixtures" / "batch_v1"


def _without_new_nulls(row: dict) -> dict:
    """A row with its item JSON parsed and null-valued fields dropped (optional fields added later)."""
    item = {k: v for k, v in json.loads(row["json"]).items() if v is not None}
    return {**row, "json": item}


def test_parts_of_the_previous_release_are_read_under_todays_names(tmp_path):
    out = str(V1_OUTPUT)
    old = pq.read_table(next((V1_OUTPUT / "statements").glob("*.parquet")))
    assert {"document_id", "ordinal", "item_json", "content_text"} <= set(old.column_names)
    pairs = list(iter_reports(out))
    assert len(pairs) == 3
    # every old part reads as exactly what this release writes for the same reports
    for table in ITEM_TABLES:
        want = [r for report, _ in pairs for r in to_arrow(table, report_rows(report)[table]).to_pylist()]
        # an item's JSON gains the optional fields added since (e.g. "referent": null); the rest is equal
        assert [_without_new_nulls(r) for r in read_table(out, table)] == [
            _without_new_nulls(r) for r in want
        ]
    for report, row in pairs:
        again = document_row(
            report, row["text"], row["partition"], row["row"], row["path"], row["external_id"]
        )
        assert to_arrow("documents", [again]).to_pylist() == [row]
    outcomes = [q["outcome"] for q in read_table(out, "quantities")]
    assert "killed+wounded" in outcomes and "" in outcomes  # lists joined as the store keeps them
    assert all(row["path"] == "file:///tmp/v1.jsonl" for _, row in pairs)  # `input` before
    # and `sitrep load` stores them as it stores today's
    db = tmp_path / "s.db"
    counts = load_into_store(out, str(db))
    assert counts["new"] == 3
    with Store(str(db)) as store:
        for report, row in pairs:
            assert store.get_report(report.document.id) == report
            assert store.rows("SELECT path FROM documents WHERE id = ?", (report.document.id,)) == [
                {"path": row["path"]}
            ]
        stored = store.rows("SELECT doc_id, seq, outcome, claimant FROM quantities ORDER BY doc_id, seq")
        read = read_table(out, "quantities")
        assert stored == [
            {k: r[k] for k in ("doc_id", "seq", "outcome", "claimant")}
            for r in sorted(read, key=lambda r: (r["doc_id"], r["seq"]))
        ]


def test_warc_html_and_text_records(tmp_path):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    items = synthetic_corpus(3, seed=11)
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for it in items[:2]:
            paras = "".join(f"<p>{p}</p>" for p in it["text"].split("\n\n"))
            html = (
                f"<html><head><title>{it['title']}</title></head><body><article><h1>{it['title']}</h1>"
                f"{paras}</article></body></html>"
            )
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            w.write_record(
                w.create_warc_record(
                    it["url"], "response", payload=io.BytesIO(html.encode()), http_headers=http
                )
            )
        w.write_record(
            w.create_warc_record(
                items[2]["url"],
                "conversion",
                warc_content_type="text/plain",
                payload=io.BytesIO(items[2]["text"].encode()),
            )
        )
        w.write_record(
            w.create_warc_record(
                "https://example.org/empty",
                "conversion",
                warc_content_type="text/plain",
                payload=io.BytesIO(b"  "),
            )
        )
    out = tmp_path / "out"
    summary = run_batch([str(path)], str(out))
    assert summary.documents == 3 and summary.failed == 1
    docs = sorted(read_table(str(out), "documents"), key=lambda d: d["row"])
    assert [d["url"] for d in docs] == [it["url"] for it in items]
    assert docs[0]["text"].startswith(items[0]["text"].split(" - ")[0])  # the headline is not glued on top
    assert read_table(str(out), "errors")[0]["url"] == "https://example.org/empty"


class KillOnce(distributed.WorkerPlugin):
    """Kills its worker process shortly after the `nth` partition task starts there, once per marker."""

    name = "kill-once"

    def __init__(self, marker: str, nth: int = 2, delay: float = 0.05) -> None:
        self.marker, self.nth, self.delay, self.started = marker, nth, delay, 0

    def transition(self, key, start, finish, **kwargs) -> None:
        if finish != "executing" or not str(key).startswith("sitrep-partition"):
            return
        self.started += 1
        if self.started == self.nth and not os.path.exists(self.marker):
            Path(self.marker).write_text(str(os.getpid()))
            threading.Timer(self.delay, os._exit, (1,)).start()


def test_killed_worker_loses_and_duplicates_nothing(corpus, reference, client, tmp_path):
    root, _ = corpus
    out, marker = tmp_path / "out", tmp_path / "killed"
    pids_before = set(client.run(os.getpid).values())
    client.register_plugin(KillOnce(str(marker)))
    try:
        summary = run_batch(inputs(root), str(out), client=client, partition_size=3)
    finally:
        client.unregister_worker_plugin(KillOnce.name)
    assert marker.exists(), "no worker was killed"
    assert int(marker.read_text()) in pids_before
    assert summary.documents == N_DOCS and summary.failed == len(BAD_LINES)
    cleanup_temporaries(str(out))
    got = output_reports(out)  # asserts no document twice
    assert sorted(got) == sorted(reference)
    # Documents done by the surviving worker must equal the reference exactly; the replacement worker
    # imported sitrep afresh, so in a checkout being edited its code may be newer than the reference's.
    manifests = [json.loads(p.read_text()) for p in (out / "_manifests").iterdir()]
    survivor = {m["partition"]["id"] for m in manifests if m["result"]["worker_pid"] in pids_before}
    assert survivor
    same = {d["id"] for d in read_table(str(out), "documents") if d["partition"] in survivor}
    assert_same_reports({k: got[k] for k in same}, {k: reference[k] for k in same})
    ids = partition_ids(str(out))
    assert len(ids) == len(make_partitions(inputs(root), partition_size=3))
    assert sorted(p.name for p in (out / "_manifests").iterdir()) == sorted(f"{i}.json" for i in ids)
    assert len(read_table(str(out), "errors")) == len(BAD_LINES)
