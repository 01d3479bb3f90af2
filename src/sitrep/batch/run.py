"""Batch extraction on Dask: partitions in, partitioned Parquet tables out.

`run_batch` expands the inputs into partitions (`batch_io`), runs `process_partition` on each (on Dask
workers when given a client, else in this process) and returns a `BatchSummary`. Each worker loads the
spaCy pipeline once (`SitrepWorkerPlugin` preloads it; `worker_pipeline` caches it per process).
Every output file is written to a temporary name and renamed, and named after its partition, so a
retried or re-run task overwrites its own files and never duplicates rows.
"""

from __future__ import annotations

import csv
import gc
import json
import os
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

import fsspec
import pyarrow.parquet as pq

from ..api import extract_many, make_doc
from ..errors import InputError, SitrepError
from ..model import Report
from ..pipeline import load_pipeline
from ..report import build_report
from .cluster import local_cluster as local_cluster  # re-exported
from .cluster import start_client as start_client  # re-exported
from .partitions import Partition, Record, make_partitions, read_partition
from .schema import TABLES, document_row, report_rows, to_arrow

if TYPE_CHECKING:
    from spacy.language import Language

MANIFESTS = "_manifests"
_ITEM_PREFIX = re.compile(r"^item \d+( \([^)]*\))?: ")
_LOCK = threading.Lock()
_LOADS: dict[str, int] = {}


def worker_pipeline(model: str | None = None) -> Language:
    """The pipeline of this process, built and warmed up at most once per model (thread-safe).

    The warm-up runs short articles through every component, so lexicons and gazetteers that
    components load lazily are loaded here, at worker start, rather than inside the first task.
    Then the objects alive (the model's ~700k) move to the permanent generation (`gc.freeze`), which
    full collections skip: measured 0.33 instead of 0.65 CPU-s each, one per ~1,000 short articles.
    (In a caller's own process that also pins its objects alive at that moment: cycles among them
    are no longer collected.)
    """
    key = model or ""
    with _LOCK:
        nlp = load_pipeline(model)
        if key not in _LOADS:
            from .warmup import WARMUP_ARTICLES

            list(extract_many(list(WARMUP_ARTICLES), nlp=nlp))
            _LOADS[key] = 1
            gc.collect()
            gc.freeze()
        return nlp


def load_count() -> dict[str, int]:
    """How many times each model was loaded in this process (1 each when caching works)."""
    return dict(_LOADS)


try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # the dask extra is not installed: in-process runs still work
    WorkerPlugin = object  # type: ignore[misc,assignment]


class SitrepWorkerPlugin(WorkerPlugin):
    """Loads the sitrep pipeline when a worker starts, so tasks find it ready."""

    name = "sitrep-pipeline"

    def __init__(self, model: str | None = None) -> None:
        self.model = model

    async def setup(self, worker: Any) -> None:
        """Build the pipeline in a thread, off the worker's event loop."""
        import asyncio

        await asyncio.get_running_loop().run_in_executor(None, worker_pipeline, self.model)


@dataclass
class PartitionResult:
    """What one partition produced."""

    partition: str
    documents: int = 0
    failed: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    worker_pid: int = 0


def _write_table(
    fs: fsspec.AbstractFileSystem, root: str, table: str, part_id: str, rows: list[dict[str, Any]]
) -> None:
    """Write one table's rows of one partition atomically: a hidden temporary file, then a rename."""
    folder = f"{root}/{table}"
    final = f"{folder}/part-{part_id}.parquet"
    arrow = to_arrow(table, rows)
    if not _is_local(fs):  # object stores publish a key only when its upload completes
        with fs.open(final, "wb") as fh:
            pq.write_table(arrow, fh, compression="zstd")
        return
    os.makedirs(folder, exist_ok=True)
    tmp = f"{folder}/.part-{part_id}.{uuid.uuid4().hex}.tmp"
    try:
        pq.write_table(arrow, tmp, compression="zstd")
        os.replace(tmp, final)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def _is_local(fs: fsspec.AbstractFileSystem) -> bool:
    protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
    return protocol in ("file", "local")


def _item(rec: Record) -> dict[str, Any]:
    """The article of a readable record (callers pass only records `read_partition` could read)."""
    if rec.item is None:
        raise InputError(rec.error or "unreadable row")
    return rec.item


def _extract_chunk(
    nlp: Language, records: list[Record], batch_size: int
) -> list[tuple[Record, Report | None, str | None]]:
    """(record, report or None, error) for each record, isolating documents that make the pipeline fail."""
    items = [_item(r) for r in records]
    failed: dict[int, str] = {}
    try:
        reports = list(
            extract_many(
                items, nlp=nlp, batch_size=batch_size, on_error=lambda i, exc: failed.__setitem__(i, str(exc))
            )
        )
    except Exception:  # one document broke a component: retry one by one to find it
        out: list[tuple[Record, Report | None, str | None]] = []
        for rec in records:
            try:
                out.append((rec, _extract_one(nlp, _item(rec)), None))
            except Exception as exc:  # noqa: BLE001 - any failure is recorded, the rest carries on
                out.append((rec, None, f"{type(exc).__name__}: {exc}"))
        return out
    ok = iter(reports)
    return [(rec, None, failed[i]) if i in failed else (rec, next(ok), None) for i, rec in enumerate(records)]


def _extract_one(nlp: Language, item: dict[str, Any]) -> Report:
    """`extract` of one item; `make_doc` checks that its text is a string."""
    meta: dict[str, Any] = {k: item.get(k) for k in ("title", "source", "url", "id")}
    return build_report(nlp(make_doc(nlp, item.get("text"), item.get("published"), **meta)))


def process_partition(
    part: Partition, out: str, model: str | None = None, batch_size: int = 32, chunk: int = 256
) -> dict[str, Any]:
    """Extract one partition and write its tables under `out`; returns a `PartitionResult` as a dict."""
    t0 = time.perf_counter()
    nlp = worker_pipeline(model)
    tables: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    result = PartitionResult(part.id, worker_pid=os.getpid())

    def error_row(rec: Record, reason: str, kind: str) -> None:
        item = rec.item or {}
        url = rec.url or item.get("url")
        tables["errors"].append(
            {
                "partition": part.id,
                "input": part.url,
                "row": rec.row,
                "document_id": item.get("id"),
                "external_id": rec.external_id,
                "url": url if isinstance(url, str) else None,
                "error_type": kind,
                "reason": reason,
            }
        )

    def flush(batch: list[Record]) -> None:
        for rec, report, error in _extract_chunk(nlp, batch, batch_size):
            if report is None:
                error_row(rec, _ITEM_PREFIX.sub("", error or "unknown error"), "extract")
                continue
            item = _item(rec)
            tables["documents"].append(
                document_row(report, item["text"], part.id, rec.row, part.url, item.get("external_id"))
            )
            for table, rows in report_rows(report).items():
                tables[table].extend(rows)

    pending: list[Record] = []
    try:
        for rec in read_partition(part):
            if rec.item is None:
                error_row(rec, rec.error or "unreadable row", "read")
                continue
            pending.append(rec)
            if len(pending) >= chunk:
                flush(pending)
                pending = []
        flush(pending)
    except (OSError, EOFError, InputError, ValueError, csv.Error) as exc:  # the file is unreadable or corrupt
        error_row(Record(-1, None), f"{part.url}: {exc}", "partition")
    fs, root = fsspec.core.url_to_fs(out)
    for table in TABLES:
        _write_table(fs, root, table, part.id, tables[table])
    result.documents = len(tables["documents"])
    result.failed = len(tables["errors"])
    result.rows = {t: len(rows) for t, rows in tables.items()}
    result.seconds = time.perf_counter() - t0
    _write_manifest(fs, root, part, result)
    return asdict(result)


def _write_manifest(
    fs: fsspec.AbstractFileSystem, root: str, part: Partition, result: PartitionResult
) -> None:
    """The partition's completion record, written last (its presence means every table file is there)."""
    path = f"{root}/{MANIFESTS}/{part.id}.json"
    data = json.dumps({"partition": asdict(part), "result": asdict(result)}, indent=1)
    if _is_local(fs):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.{uuid.uuid4().hex}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(data)
        os.replace(tmp, path)
    else:
        with fs.open(path, "w") as fh:
            fh.write(data)


@dataclass
class BatchSummary:
    """The run summary: counts, time and throughput."""

    partitions: int
    documents: int
    failed: int
    seconds: float
    rows: dict[str, int]
    workers: int = 1
    dashboard: str | None = None

    @property
    def docs_per_second(self) -> float:
        """Extracted documents per wall-clock second."""
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data."""
        return {**asdict(self), "docs_per_second": round(self.docs_per_second, 2)}


def _summarize(
    results: Iterable[dict[str, Any]], seconds: float, workers: int, dashboard: str | None
) -> BatchSummary:
    results = list(results)
    rows: dict[str, int] = {t: 0 for t in TABLES}
    for r in results:
        for t, n in r["rows"].items():
            rows[t] += n
    return BatchSummary(
        len(results),
        sum(r["documents"] for r in results),
        sum(r["failed"] for r in results),
        seconds,
        rows,
        workers,
        dashboard,
    )


def run_batch(
    inputs: list[str],
    out: str,
    *,
    client: Any = None,
    partition_size: int | None = None,
    model: str | None = None,
    batch_size: int = 32,
    retries: int = 3,
    resume: bool = False,
    on_done: Callable[[dict[str, Any]], None] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> BatchSummary:
    """Extract every partition of `inputs` into Parquet tables under `out`, on `client` or in-process.

    With `resume`, partitions that already have a manifest under `out` (complete) are skipped.
    """
    parts = make_partitions(inputs, partition_size)
    if not parts:
        raise InputError("no input partitions")
    fs, root = fsspec.core.url_to_fs(out)
    fs.makedirs(root, exist_ok=True)
    if resume:
        done = {p.rsplit("/", 1)[-1].removesuffix(".json") for p in fs.glob(f"{root}/{MANIFESTS}/*.json")}
        parts = [p for p in parts if p.id not in done]
    if on_start:
        on_start(len(parts))
    t0 = time.perf_counter()
    results: list[dict[str, Any]] = []
    if client is None:
        worker_pipeline(model)
        t0 = time.perf_counter()
        for part in parts:
            results.append(process_partition(part, out, model, batch_size))
            if on_done:
                on_done(results[-1])
        return _summarize(results, time.perf_counter() - t0, 1, None)
    from distributed import as_completed

    futures = [
        client.submit(
            process_partition,
            p,
            out,
            model,
            batch_size,
            key=f"sitrep-partition-{p.id}",
            retries=retries,
            pure=False,
        )
        for p in parts
    ]
    try:
        for fut in as_completed(futures):  # type: ignore[no-untyped-call]  # distributed leaves it unannotated
            if fut.status == "error":
                raise SitrepError(f"partition {fut.key} failed after {retries} retries: {fut.exception()}")
            results.append(fut.result())
            if on_done:
                on_done(results[-1])
    finally:
        for fut in futures:
            fut.release()
    workers = len(client.scheduler_info().get("workers", {}))
    return _summarize(results, time.perf_counter() - t0, workers, getattr(client, "dashboard_link", None))


def cleanup_temporaries(out: str) -> int:
    """Remove temporary files a killed worker left behind (local outputs only); returns how many."""
    fs, root = fsspec.core.url_to_fs(out)
    if not _is_local(fs):
        return 0
    n = 0
    for table in (*TABLES, MANIFESTS):
        folder = os.path.join(root, table)
        if os.path.isdir(folder):
            for name in os.listdir(folder):
                if name.endswith(".tmp"):
                    os.remove(os.path.join(folder, name))
                    n += 1
    return n
