"""Stored estimate series: built at refresh, equal to `estimate_series` computed on the same store."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

from sitrep.aggregate import refresh
from sitrep.aggregate.estimates import estimate_series
from sitrep.aggregate.estimates_store import is_current, refresh_estimates, stored_series
from sitrep.record import query
from sitrep.store import Store
from sitrep.store import db as store_db

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "corpus"))
from synth import report  # noqa: E402

SUBJECTS = ["Russian soldiers", "the Russian troops", "civilians", "Sudanese civilians", "children", "the"]
OUTCOMES = [["killed"], ["killed", "wounded"], ["displaced"], [], ["wounded"]]
OUTLETS = ["Reuters", "AP", "BBC", "Al Jazeera", None]
CLAIMANTS = ["Gen. Mark Milley", "Milley", "the health ministry", "Médecins Sans Frontières", None]
QUERIES = [
    (None, None),
    ("russian soldiers", None),
    ("Russian troops", "killed"),
    ("civilians", "killed,wounded"),
    ("sudanese", None),
    (None, "displaced"),
    ("nobody at all", None),
    ("the", None),
    ("soldiers", "wounded killed"),
]


def _doc(rng: random.Random, i: int) -> tuple[str, dict]:
    """One article with two figures (its text holds each figure's surface once)."""
    quantities, sentences = [], []
    for k in range(2):
        n = rng.choice([12, 40, 100, 1500, 100_000]) + (0 if rng.random() < 0.6 else i)
        surface = f"{'at least ' if k else ''}{n:,}"
        subject, outcome = rng.choice(SUBJECTS), rng.choice(OUTCOMES)
        sentences.append(f"Item {i}.{k}: {surface} {subject} were {' and '.join(outcome) or 'counted'}.")
        quantities.append(
            {
                "text": surface,
                "low": n,
                "high": None if k else n,
                "qualifier": "at_least" if k else "exact",
                "subject": subject,
                "outcome": outcome,
                "claimant": rng.choice(CLAIMANTS),
            }
        )
    return " ".join(sentences), {"quantities": quantities}


def _write(store: Store, rng: random.Random, first: int, count: int) -> None:
    for i in range(first, first + count):
        text, items = _doc(rng, i)
        published = rng.choice(["2024-03-01", "2024-03-02", "2024-03-03", None])
        store.write_report(report(text, source=rng.choice(OUTLETS), published=published, **items), text)
        if rng.random() < 0.3:  # a wire copy: the same story in another outlet, a day later or the same day
            copy = text + " (Reprinted.)"
            store.write_report(report(copy, source="Ledger", published=published, **items), copy)


def _assert_same(store: Store) -> None:
    assert is_current(store)
    rows = query.quantity_rows(store)
    for subject, outcome in QUERIES:
        direct = estimate_series(rows, subject, outcome)
        assert query.estimates(store, subject, outcome) == direct, (subject, outcome)
        assert query.computed_estimates(store, subject, outcome) == direct
        text = stored_series(store, subject, outcome)
        assert (
            text is not None
            and b"[" + b",".join(text) + b"]"
            == json.dumps(direct, ensure_ascii=False, separators=(",", ":")).encode()
        )


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / "est.db")
    yield s
    s.close()


def test_stored_series_equal_the_direct_computation_after_each_ingest(store):
    rng = random.Random(7)
    _write(store, rng, 0, 40)
    assert stored_series(store) is None  # written but not refreshed: readers compute
    refresh(store)
    total = store.count("quantities")
    assert total > 80 and store.scalar("SELECT count(*) FROM estimate_series") > 10
    _assert_same(store)
    before = {
        r["skey"]: r["json"]
        for r in store.rows("SELECT skey || '|' || outcome AS skey, json FROM estimate_series")
    }

    # a second ingest adds figures to existing series (and wire copies of earlier stories)
    _write(store, rng, 40, 15)
    extra = "Item x: 77 civilians were killed."
    store.write_report(
        report(
            extra,
            source="AP",
            published="2024-03-01",
            quantities=[
                {
                    "text": "77",
                    "low": 77,
                    "high": 77,
                    "qualifier": "exact",
                    "subject": "civilians",
                    "outcome": ["killed"],
                    "claimant": "Médecins Sans Frontières",
                }
            ],
        ),
        extra,
    )
    assert not is_current(store)
    assert query.estimates(store, "civilians", "killed") == estimate_series(
        query.quantity_rows(store), "civilians", "killed"
    )
    refresh(store)
    _assert_same(store)
    after = {
        r["skey"]: r["json"]
        for r in store.rows("SELECT skey || '|' || outcome AS skey, json FROM estimate_series")
    }
    assert after["civilians|killed"] != before["civilians|killed"] and "77" in after["civilians|killed"]


def test_refresh_recomputes_only_the_subjects_written(store):
    rng = random.Random(3)
    _write(store, rng, 0, 20)
    refresh(store)
    text = "Item y: 9 children were displaced."
    q = {
        "text": "9",
        "low": 9,
        "high": 9,
        "qualifier": "exact",
        "subject": "children",
        "outcome": ["displaced"],
    }
    store.write_report(report(text, source="BBC", published="2024-03-05", quantities=[q]), text)
    assert [r["subject"] for r in store.rows("SELECT subject FROM estimates_dirty")] == ["children"]
    rewritten = refresh_estimates(store)
    assert rewritten == store.scalar("SELECT count(*) FROM estimate_series WHERE skey = 'children'")
    assert rewritten < store.scalar("SELECT count(*) FROM estimate_series") / 2
    assert refresh_estimates(store) == 0  # nothing pending
    _assert_same(store)
    # deleting a document (cascading to its figures) marks its subjects too
    with store.transaction() as con:
        con.execute("DELETE FROM documents WHERE source = 'BBC' AND published = '2024-03-05'")
    assert not is_current(store)
    refresh_estimates(store)
    _assert_same(store)


def test_an_existing_store_migrates_and_is_built_at_the_next_refresh(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    monkeypatch.setattr(store_db, "MIGRATIONS", store_db.MIGRATIONS[:6])
    old = Store(path)
    _write(old, random.Random(5), 0, 15)
    assert old.scalar("SELECT 1 FROM sqlite_master WHERE name = 'estimate_series'") is None
    old.close()
    monkeypatch.undo()
    with Store(path) as s:
        assert s.scalar("SELECT max(version) FROM migrations") == 7
        assert s.scalar("SELECT count(*) FROM estimates_dirty") > 0 and stored_series(s) is None
        rows = query.quantity_rows(s)
        assert query.estimates(s, "civilians") == estimate_series(rows, "civilians")  # computed meanwhile
        refresh(s)
        _assert_same(s)
