"""Series and disagreements kept by referent key and month: built at refresh, equal to the computation
over every claim, and refreshed only where documents added claims."""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path

import pytest

from sitrep.aggregate import refresh
from sitrep.aggregate.estimates_store import computed, is_current, refresh_estimates, stored_series
from sitrep.record import query
from sitrep.store import Store
from sitrep.store import db as store_db

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "corpus"))
from synth import report  # noqa: E402

REFERENTS = [
    ({"counted": "soldier", "side": "Russia", "scope": "as_of"}, ["killed"], "Russian soldiers"),
    (
        {"counted": "soldier", "side": "Russia", "scope": "per_period", "period": "P1D"},
        ["killed"],
        "Russian troops",
    ),
    ({"counted": "civilian", "side": "Ukraine", "scope": "as_of"}, ["killed"], "Ukrainian civilians"),
    ({"counted": "refugee", "side": "Ukraine", "scope": "as_of"}, [], "refugees"),
    ({"counted": "country", "countable": False}, [], "countries"),
]
OUTLETS = ["Reuters", "AP", "BBC", None]
CLAIMANTS = ["Gen. Mark Milley", "Milley", "the health ministry", "Kremlin", None]
QUERIES = [(None, None), ("Russian troops", None), ("russian soldiers", "killed"), ("civilians", None),
           ("refugees", "fled"), ("nobody at all", None)]  # fmt: skip
START = dt.date(2022, 2, 1)


def _doc(rng: random.Random, i: int, day: dt.date) -> tuple[str, dict]:
    quantities, events, sentences = [], [], []
    for k in range(2):
        ref, outcome, subject = rng.choice(REFERENTS)
        n = rng.choice([12, 40, 100, 1500, 100_000]) + (0 if rng.random() < 0.6 else i)
        surface = f"{'at least ' if k else ''}{n:,}"
        sentences.append(f"Item {i}.{k}: {surface} {subject} were {' and '.join(outcome) or 'counted'}.")
        quantities.append(
            {
                **{"text": surface, "low": n, "high": None if k else n, "subject": subject},
                **{"qualifier": "at_least" if k else "exact", "outcome": outcome, "referent": ref},
                **{"claimant": rng.choice(CLAIMANTS), "time": day.isoformat()},
            }
        )
    if rng.random() < 0.5:
        status = rng.choice(["alleged", "denied"])
        who = "Kremlin" if status == "denied" else rng.choice(["Joe Biden", "Rishi Sunak"])
        sentences.append(f"Item {i}.e: an offensive was {status}.")
        events.append({"type": "attack", "trigger": "offensive", "status": status, "actor": "Russia",
                       "source": who, "negated": status == "denied"})  # fmt: skip
    return " ".join(sentences), {"quantities": quantities, "events": events}


def _write(store: Store, rng: random.Random, first: int, count: int, start: dt.date = START) -> None:
    for i in range(first, first + count):
        day = start + dt.timedelta(days=rng.randrange(0, 70))
        text, items = _doc(rng, i, day)
        store.write_report(report(text, source=rng.choice(OUTLETS), published=day.isoformat(), **items), text)
        if rng.random() < 0.3:  # a wire copy: the same story in another outlet
            copy = text + " (Reprinted.)"
            store.write_report(report(copy, source="Ledger", published=day.isoformat(), **items), copy)


def _assert_same(store: Store) -> None:
    assert is_current(store)
    series, found = computed(store)
    for subject, outcome in QUERIES:
        expected = query.computed_estimates(store, subject, outcome)
        assert query.estimates(store, subject, outcome) == expected, (subject, outcome)
        text = stored_series(store, subject, outcome)
        assert text is not None and [json.loads(t) for t in text] == expected
    assert query.contradictions(store) == json.loads(json.dumps(found, default=str))


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / "claims.db")
    yield s
    s.close()


def test_stored_series_and_disagreements_equal_the_computation_after_each_ingest(store):
    rng = random.Random(7)
    _write(store, rng, 0, 60)
    assert stored_series(store) is None  # written, not refreshed: readers compute
    refresh(store)
    assert store.scalar("SELECT count(*) FROM estimate_series") >= 4
    assert store.scalar("SELECT count(*) FROM disagreements") >= 1
    _assert_same(store)
    assert not any(s["key"].startswith("country") for s in query.estimates(store))  # not countable
    _write(store, rng, 60, 20)
    assert not is_current(store)
    refresh(store)
    _assert_same(store)


def test_a_refresh_recomputes_only_the_months_written(store):
    rng = random.Random(3)
    _write(store, rng, 0, 40)
    refresh(store)
    before = {(r["key"], r["bucket"]): r["entries"] for r in store.rows("SELECT * FROM series_parts")}
    text = "Item y: 9 Ukrainian civilians were killed."
    q = {"text": "9", "low": 9, "high": 9, "subject": "Ukrainian civilians", "outcome": ["killed"],
         "referent": REFERENTS[2][0], "claimant": "the health ministry"}  # fmt: skip
    store.write_report(report(text, source="BBC", published="2022-05-20", quantities=[q]), text)
    assert refresh_estimates(store) == 1  # one (key, month): the new month of one series
    after = {(r["key"], r["bucket"]): r["entries"] for r in store.rows("SELECT * FROM series_parts")}
    assert set(after) - set(before) == {("civilian|ukraine|killed||people|cum", "2022-05")}
    assert all(after[k] == v for k, v in before.items())  # every other month untouched
    assert refresh_estimates(store) == 0  # nothing pending
    _assert_same(store)
    with store.transaction() as con:  # deleting a document (its claims cascade) marks its months
        con.execute("DELETE FROM documents WHERE published = '2022-05-20'")
    assert not is_current(store)
    assert refresh_estimates(store) == 1
    _assert_same(store)


def test_a_copy_recorded_later_joins_the_reprints(store):
    from sitrep.store.copies import add_copies

    rng = random.Random(11)
    _write(store, rng, 0, 10)
    refresh(store)
    doc = store.rows("SELECT id, source, published FROM documents ORDER BY rowid LIMIT 1")[0]
    meta = {"source": "Toronto Star", "published": "2022-05-04", "external_id": "ts-1"}
    assert add_copies(store, [(doc["id"], meta), (doc["id"], meta)]) == 1
    assert not is_current(store)
    refresh(store)
    _assert_same(store)
    reprints = [r for s in query.estimates(store) for e in s["estimates"] if e["document"] == doc["id"]
                for r in e["reprints"]]  # fmt: skip
    assert {r["source"] for r in reprints if r.get("copy")} == {"Toronto Star"}


def test_a_store_from_before_referents_is_migrated_and_built_at_the_next_refresh(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    monkeypatch.setattr(store_db, "MIGRATIONS", [m for m in store_db.MIGRATIONS if m[0] <= 7])
    old = Store(path)
    _write(old, random.Random(5), 0, 15)
    assert old.scalar("SELECT 1 FROM sqlite_master WHERE name = 'claim_keys'") is None
    old.close()
    monkeypatch.undo()
    with Store(path) as s:
        assert s.scalar("SELECT 1 FROM sqlite_master WHERE name = 'estimates_dirty'") is None
        assert s.scalar("SELECT count(*) FROM claims_pending") == s.count("documents")
        assert stored_series(s) is None and query.estimates(s) == query.computed_estimates(s)
        refresh(s)
        _assert_same(s)
