"""The ingest run: read, skip stored documents before extraction, extract in batches, write atomically."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from ..api import finite_report
from ..errors import InputError
from ..model import Report
from ..store.db import Store
from . import discover, read_path
from .records import Failure, Record

Progress = Callable[[str, int], None]  # (event, count): "file", "new", "duplicate", "failed"


@dataclass
class Summary:
    """What one ingest run did."""

    read: int = 0
    new: int = 0
    duplicate: int = 0
    failed: list[Failure] = field(default_factory=list)
    files: int = 0
    seconds: float = 0.0
    extract_seconds: float = 0.0
    clusters: int | None = None
    entities: int | None = None
    copies: int = 0  # duplicates that were another printing (outlet, id, url or date) of a stored text

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data."""
        return {
            "files": self.files,
            "read": self.read,
            "new": self.new,
            "duplicate": self.duplicate,
            "failed": [{"file": f.path, "reason": f.reason} for f in self.failed],
            "seconds": round(self.seconds, 3),
            "clusters": self.clusters,
            "entities": self.entities,
            "copies": self.copies,
        }


def _chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    for r in records:
        chunk.append(r)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_WORKER_NLP: Any = None
PR_SET_PDEATHSIG = 1  # prctl(2) option: the signal this process gets when its parent dies


def _die_with_parent(parent: int) -> None:
    """End this worker when the ingest that started it ends, however it ends (kill -9 included): the
    kernel sends SIGKILL on the parent's death (Linux), and a watchdog thread polls the parent pid
    elsewhere (and in case the parent died before the signal was armed)."""
    import ctypes
    import signal
    import sys
    import threading

    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                os._exit(1)
            time.sleep(1.0)

    threading.Thread(target=watch, name="sitrep-parent-watchdog", daemon=True).start()


def _worker_init(model: str | None, parent: int | None = None) -> None:
    global _WORKER_NLP
    from ..pipeline import load_pipeline

    if parent is not None:
        _die_with_parent(parent)
    _WORKER_NLP = load_pipeline(model) if model else load_pipeline()


def _worker_extract(items: list[dict[str, Any]], batch_size: int) -> list[tuple[str, str | None, str | None]]:
    """Extract in a worker process: [(id, report JSON or None, error or None)]."""
    from ..api import extract_many

    errors: dict[int, str] = {}
    reports = {
        r.document.id: r.to_json()
        for r in extract_many(
            items,
            nlp=_WORKER_NLP,
            batch_size=batch_size,
            on_error=lambda i, exc: errors.__setitem__(i, str(exc)),
        )
    }
    return [(it["id"], reports.get(it["id"]), errors.get(i)) for i, it in enumerate(items)]


class Ingest:
    """One ingest run into a store."""

    def __init__(
        self,
        store: Store,
        *,
        batch_size: int = 32,
        workers: int = 1,
        model: str | None = None,
        fields: Mapping[str, str] | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.store = store
        self.batch_size = max(1, batch_size)
        self.workers = max(1, workers)
        self.model = model
        self.fields = fields
        self.progress = progress or (lambda event, n: None)
        self.summary = Summary()
        self._seen: set[str] = set()
        self._copies: list[tuple[str, dict[str, Any]]] = []  # (document id, metadata) of duplicates

    def _fail(self, failure: Failure) -> None:
        self.summary.failed.append(failure)
        self.progress("failed", 1)

    def _new_records(self, paths: Iterable[str]) -> Iterator[Record]:
        """Records not stored yet (and not seen earlier in this run), checked before any extraction."""
        files = list(discover(paths))
        self.progress("files", len([f for f in files if not isinstance(f, Failure)]))

        def records() -> Iterator[Record]:
            for f in files:
                if isinstance(f, Failure):
                    self._fail(f)
                    continue
                self.summary.files += 1
                try:
                    for item in read_path(f, self.fields):
                        if isinstance(item, Failure):
                            self._fail(item)
                        else:
                            yield item
                except OSError as exc:
                    self._fail(Failure(str(f), f"cannot read ({exc.strerror or exc})"))
                except Exception as exc:  # noqa: BLE001 - a reader's crash fails its file, not the run
                    self._fail(Failure(str(f), f"cannot read ({type(exc).__name__}: {exc})"))
                self.progress("file", 1)

        for chunk in _chunks(records(), 256):
            self.summary.read += len(chunk)
            known = self.store.known_ids(r.id for r in chunk)
            for r in chunk:
                if r.id in known or r.id in self._seen:
                    self._copies.append((r.id, r.to_dict()))
                    self.summary.duplicate += 1
                    self.progress("duplicate", 1)
                    continue
                self._seen.add(r.id)
                yield r

    def _write(self, record: Record, report: Report) -> None:
        report = finite_report(report)
        meta = {"path": record.path, "external_id": record.external_id}
        if self.store.write_report(report, record.text, meta):
            self.summary.new += 1
            self.progress("new", 1)
        else:
            self._copies.append((record.id, record.to_dict()))
            self.summary.duplicate += 1
            self.progress("duplicate", 1)

    def run(self, paths: Iterable[str], aggregate: bool = True) -> Summary:
        """Ingest every input under `paths`; then recompute wire-copy clusters and global entities."""
        t0 = time.perf_counter()
        records = self._new_records(paths)
        if self.workers > 1:
            self._run_pool(records)
        else:
            self._run_local(records)
        self.record_copies()
        if aggregate:
            self.finish()
        self.summary.seconds = time.perf_counter() - t0
        return self.summary

    def record_copies(self) -> None:
        """Keep every duplicate that is another printing of a stored text as a copy of it."""
        from ..store.copies import add_copies

        self.summary.copies += add_copies(self.store, self._copies)
        self._copies = []

    def finish(self) -> None:
        """Recompute clusters of wire copies and cross-article entities when documents were added."""
        from ..aggregate import refresh

        self.summary.clusters, self.summary.entities = refresh(self.store)

    def _run_local(self, records: Iterator[Record]) -> None:
        from ..api import extract_many
        from ..pipeline import load_pipeline

        nlp = None
        for chunk in _chunks(records, self.batch_size):
            if nlp is None:  # loaded only when there is something new to extract
                nlp = load_pipeline(self.model) if self.model else load_pipeline()
            by_id = {r.id: r for r in chunk}

            def on_error(i: int, exc: InputError, chunk: list[Record] = chunk) -> None:
                self._fail(Failure(chunk[i].path, str(exc).split(": ", 1)[-1]))

            t = time.perf_counter()
            for report in extract_many(
                [r.item() for r in chunk], nlp=nlp, batch_size=self.batch_size, on_error=on_error
            ):
                self.summary.extract_seconds += time.perf_counter() - t
                self._write(by_id[report.document.id], report)
                t = time.perf_counter()

    def _run_pool(self, records: Iterator[Record]) -> None:
        import multiprocessing as mp
        from concurrent.futures.process import BrokenProcessPool

        ctx = mp.get_context("spawn")
        with ProcessPoolExecutor(
            self.workers, mp_context=ctx, initializer=_worker_init, initargs=(self.model, os.getpid())
        ) as pool:
            pending: list[tuple[Future[Any], dict[str, Record]]] = []

            def drain(limit: int) -> None:
                while len(pending) > limit:
                    fut, by_id = pending.pop(0)
                    try:
                        results = fut.result()
                    except Exception:  # noqa: BLE001 - a worker died (killed, out of memory): redo its chunk here
                        self._run_local(iter(by_id.values()))
                        continue
                    for doc_id, payload, error in results:
                        rec = by_id[doc_id]
                        if payload is None:
                            self._fail(Failure(rec.path, (error or "extraction failed").split(": ", 1)[-1]))
                        else:
                            self._write(rec, Report.model_validate_json(payload))

            for chunk in _chunks(records, self.batch_size):
                try:
                    fut = pool.submit(_worker_extract, [r.item() for r in chunk], self.batch_size)
                except BrokenProcessPool:  # a worker was killed: the rest is extracted here
                    drain(0)
                    self._run_local(iter(chunk))
                    self._run_local(records)
                    return
                pending.append((fut, {r.id: r for r in chunk}))
                drain(self.workers * 2)
            drain(0)


def ingest(paths: Iterable[str], store: Store, **options: Any) -> Summary:
    """Ingest files, directories or globs into a store; see `Ingest` for the options."""
    return Ingest(store, **options).run(paths)
