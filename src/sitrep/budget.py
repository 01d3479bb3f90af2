"""A time budget for extracting one text: a watchdog that stops a pipeline run that never ends.

No text should take long (100,000 characters of dense news take about 4 s), but one pathological parse
can send a component's loop round forever, and then a whole batch stops with no message. The watchdog
raises `TimeBudgetExceeded` in the thread that runs the pipeline (CPython's asynchronous exception:
it lands at the next Python bytecode, so a loop in Python code is stopped; a long call into compiled
code is stopped when it returns). The caller turns it into an `InputError` naming the document, and
the batch goes on.

The budget is `$SITREP_TIME_BUDGET` seconds per 100,000 characters of text (default 60), never less
than that for a short text; 0 turns the watchdog off. It works in any thread (the CLI's main thread,
the web server's worker threads, Dask's threads).
"""

from __future__ import annotations

import ctypes
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_SECONDS = 60.0


class TimeBudgetExceeded(BaseException):
    """Raised in the extracting thread when its text's time budget has run out (a BaseException, so no
    `except Exception` inside a component swallows it and goes on looping)."""


def budget_seconds(chars: int) -> float:
    """Seconds allowed for `chars` characters of text (0.0: no budget)."""
    raw = os.environ.get("SITREP_TIME_BUDGET", "").strip()
    try:
        per = float(raw) if raw else DEFAULT_SECONDS
    except ValueError:
        per = DEFAULT_SECONDS
    if per <= 0:
        return 0.0
    return per * max(1.0, chars / 100_000)


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Schedule `exc` in the thread (None clears a scheduled one)."""
    obj = ctypes.py_object(exc) if exc is not None else None
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), obj)


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Run the block with a watchdog: after `seconds` (0: never), `TimeBudgetExceeded` is raised in it."""
    if seconds <= 0:
        yield
        return
    thread_id = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                _raise_in(thread_id, TimeBudgetExceeded)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    start = time.monotonic()
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["done"] = True
            fired = state["fired"]
        if fired:  # the block ended as the watchdog fired: drop the exception not yet delivered
            _raise_in(thread_id, None)
    if time.monotonic() - start > seconds:
        # a block that ran past its budget is over it, whether or not the watchdog's thread got to run
        # (on a loaded machine it may not before a short block ends)
        raise TimeBudgetExceeded
