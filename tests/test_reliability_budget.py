"""The time budget (issue 16): a pipeline run that never ends is stopped, named, and the batch goes on."""

from __future__ import annotations

import threading
import time

import pytest
from spacy.language import Language

import sitrep
from sitrep import budget
from sitrep.budget import TimeBudgetExceeded, budget_seconds, time_budget
from sitrep.errors import InputError


def _spin() -> None:
    n = 0
    while True:  # a loop that never ends, like a walk up the parse that misses the root
        n += 1


def test_a_loop_that_never_ends_is_stopped_in_the_calling_thread() -> None:
    start = time.monotonic()
    with pytest.raises(TimeBudgetExceeded), time_budget(0.3):
        _spin()
    assert time.monotonic() - start < 10


def test_the_watchdog_works_in_a_worker_thread_too() -> None:
    caught: list[BaseException] = []

    def work() -> None:
        try:
            with time_budget(0.3):
                _spin()
        except TimeBudgetExceeded as exc:
            caught.append(exc)

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive()
    assert len(caught) == 1


def test_no_exception_arrives_after_a_block_that_finished_in_time() -> None:
    with time_budget(0.2):
        total = sum(range(1000))
    time.sleep(0.5)  # past the budget: the cancelled watchdog must not fire into later code
    assert total == 499500


def test_an_except_exception_inside_the_loop_does_not_swallow_the_stop() -> None:
    def stubborn() -> None:
        while True:
            try:
                _spin()
            except Exception:  # noqa: BLE001, S112 - what a careless component might do
                continue

    with pytest.raises(TimeBudgetExceeded), time_budget(0.3):
        stubborn()


def test_the_budget_grows_with_the_text_and_zero_turns_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_TIME_BUDGET", "30")
    assert budget_seconds(500) == 30
    assert budget_seconds(400_000) == 120
    monkeypatch.setenv("SITREP_TIME_BUDGET", "0")
    assert budget_seconds(400_000) == 0
    with time_budget(0):
        time.sleep(0.05)


def test_extract_many_names_each_document_over_budget_and_goes_on(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [
        "KYIV, March 3 - Ukraine's army said 40 soldiers were wounded on Tuesday.",
        "The mayor said about 2,000 people had fled the town by Friday.",
    ]
    monkeypatch.setenv("SITREP_TIME_BUDGET", "0.000001")
    errors: list[tuple[int, InputError]] = []
    reports = list(sitrep.extract_many(texts, nlp=nlp, on_error=lambda i, e: errors.append((i, e))))
    assert reports == []
    assert [i for i, _ in errors] == [0, 1]
    assert all("time budget" in str(e) for _, e in errors)
    with pytest.raises(InputError, match="time budget"):
        sitrep.extract(texts[0], nlp=nlp)
    monkeypatch.delenv("SITREP_TIME_BUDGET")
    again = list(sitrep.extract_many(texts, nlp=nlp))  # the pipeline is intact after being stopped
    assert [[q.low for q in r.quantities] for r in again] == [[40], [2000]]


def test_a_block_past_its_budget_is_over_it_even_if_the_watchdog_never_ran(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Late:  # a watchdog thread the loaded machine never schedules before the block ends
        def __init__(self, _seconds: float, _fire: object) -> None:
            self.daemon = True

        def start(self) -> None:
            pass

        def cancel(self) -> None:
            pass

    monkeypatch.setattr(budget.threading, "Timer", Late)
    with pytest.raises(TimeBudgetExceeded), time_budget(0.01):
        time.sleep(0.05)
    with time_budget(5.0):  # and one that ended in time passes
        time.sleep(0.01)
