"""Connections to the store file for the server: read-only ones per thread, one locked writer, and a
cache of answers kept until anything commits to the file."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from ..store.db import Store


class Stores:
    """Read-only connections, one per thread, and one locked writer; all on the same SQLite file."""

    def __init__(self, path: str) -> None:
        self.path = path
        Store(path).close()  # create and migrate the file if needed
        _warm_up()
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._cache: dict[tuple[str, tuple[Any, ...]], tuple[int, Any]] = {}
        self._cache_lock = threading.Lock()
        self._computing: dict[tuple[str, tuple[Any, ...]], threading.Lock] = {}
        self._watch = Store(path, readonly=True)  # only asked for PRAGMA data_version, under the lock
        self._seen = self._watch.scalar("PRAGMA data_version")
        self._epoch = 0

    def reader(self) -> Store:
        """This thread's read-only store."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.path, readonly=True)
        return store

    def generation(self) -> int:
        """Changes whenever anything commits to the file, from any connection or process (microseconds)."""
        with self._cache_lock:
            seen = self._watch.scalar("PRAGMA data_version")
            if seen != self._seen:
                self._seen, self._epoch = seen, self._epoch + 1
                self._cache.clear()
            return self._epoch

    def peek(self, key: str, args: tuple[Any, ...]) -> tuple[int, Any]:
        """(generation, cached value or None) for `key(args)` as of now."""
        gen = self.generation()
        with self._cache_lock:
            hit = self._cache.get((key, args))
        return gen, (hit[1] if hit and hit[0] == gen else None)

    def keep(self, key: str, args: tuple[Any, ...], gen: int, value: Any) -> None:
        """Remember `value`, computed at generation `gen` (bounded: at most 1024 entries)."""
        with self._cache_lock:
            if gen != self._epoch:
                return
            if len(self._cache) >= 1024:
                self._cache.clear()
            self._cache[(key, args)] = (gen, value)

    def cached(
        self, key: str, args: tuple[Any, ...], compute: Callable[[], Any], single: bool = False
    ) -> Any:
        """`compute()` memoized until the store changes (a commit by any connection or process).

        `single`: concurrent misses wait for one computation instead of each doing it (for the
        expensive store-wide aggregates)."""
        gen, value = self.peek(key, args)
        if value is not None:
            return value
        if not single:
            value = compute()
            self.keep(key, args, gen, value)
            return value
        with self._cache_lock:
            lock = self._computing.setdefault((key, args), threading.Lock())
        with lock:
            gen, value = self.peek(key, args)
            if value is None:
                value = compute()
                self.keep(key, args, gen, value)
        return value

    async def cached_async(self, key: str, args: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        """`cached` for async routes: a hit is answered at once, a miss is computed in a worker thread."""
        gen, value = self.peek(key, args)
        if value is None:
            value = await run_in_thread(compute)
            self.keep(key, args, gen, value)
        return value

    def write(self, fn: Callable[[Store], Any]) -> Any:
        """Run `fn` with the one writer."""
        with self._write_lock:
            store = Store(self.path)
            try:
                return fn(store)
            finally:
                store.close()


def _warm_up() -> None:
    """Import and compile now what the first estimates request would (modules, subject synonyms)."""
    from ..aggregate.estimates import subject_key
    from ..aggregate.estimates_store import series_version

    subject_key("the soldiers")
    series_version()


async def run_in_thread(fn: Callable[[], Any]) -> Any:
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(fn)
