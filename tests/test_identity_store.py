"""Identities in a real store: ingest links every row, new documents touch only their identities, users'
merges and splits survive later documents and a rebuild, and queries gather every spelling."""

from __future__ import annotations

from pathlib import Path

import pytest

from identity_support import ARTICLES, article, write
from sitrep.aggregate import refresh
from sitrep.aggregate.identity import overrides
from sitrep.aggregate.identity.lookup import identity_for, referent_key
from sitrep.aggregate.identity.refresh import refresh_identities
from sitrep.record import identities, query
from sitrep.store.db import Store


@pytest.fixture()
def store(tmp_path: Path):
    write(tmp_path / "s.db", ARTICLES)
    s = Store(tmp_path / "s.db")
    refresh(s)
    yield s
    s.close()


def holder(store: Store, alias: str) -> set[str]:
    rows = store.rows("SELECT identity_id FROM identity_aliases WHERE alias = ?", (alias,))
    return {r["identity_id"] for r in rows}


def partition(store: Store) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for r in store.rows("SELECT identity_id, alias FROM identity_aliases"):
        groups.setdefault(r["identity_id"], set()).add(r["alias"])
    return {frozenset(g) for g in groups.values()}


def test_ingest_links_every_row_to_one_identity_per_referent(store: Store) -> None:
    zel = holder(store, "Volodymyr Zelensky")
    assert len(zel) == 1 and holder(store, "Volodymyr Zelenskiy") == zel == holder(store, "Zelenskyy")
    assert holder(store, "Olena Zelenska") == holder(store, "Zelenska") != zel
    assert len(holder(store, "Kyiv") | holder(store, "Kiev")) == 1
    assert store.scalar("SELECT count(*) FROM entities WHERE global_id IS NULL") == 0
    assert store.scalar("SELECT count(*) FROM mentions WHERE global_id IS NULL") == 0
    assert store.scalar("SELECT count(*) FROM places WHERE global_id IS NULL") == 0
    speakers = {r["speaker_identity"] for r in store.rows("SELECT speaker_identity FROM statements")}
    assert speakers == zel
    (row,) = identities.entities(store, q="Zelensk", type="person", limit=0)[:1]
    assert row["type"] == "PERSON" and row["documents"] == 3 and row["first_seen"] == "2022-03-01"
    assert {"Volodymyr Zelensky", "Volodymyr Zelenskiy", "Zelenskyy"} <= set(row["aliases"])


def test_statements_by_any_spelling_gather_the_person(store: Store) -> None:
    for name in ("Zelensky", "Zelenskiy", "Volodymyr Zelenskyy"):
        docs = {r["document"] for r in query.statements(store, speaker=name)}
        assert docs == {"a1", "a2", "a3"}, name
    person = query.person(store, "Zelenskyy")
    assert person is not None and "Volodymyr Zelenskiy" in person["aliases"]


def test_new_documents_touch_only_the_identities_their_names_hit(store: Store) -> None:
    before = {r["id"]: r for r in store.rows("SELECT * FROM identities")}
    more = article(
        "a5", "2022-03-05", "Mayor Ihor Terekhov said Kharkiv was shelled.",
        [("Ihor Terekhov", "PERSON", ["Ihor Terekhov"])], [("Kharkiv", "Kharkiv", "sitrep:kharkiv", "UA")],
    )  # fmt: skip
    write(Path(store.path), [more])
    refresh(store)
    after = {r["id"]: r for r in store.rows("SELECT * FROM identities")}
    changed = {i for i in before if before[i] != after.get(i)}
    assert changed == holder(store, "Kharkiv")
    assert set(after) - set(before) == holder(store, "Ihor Terekhov")
    incremental = partition(store)
    refresh_identities(store, force=True)
    assert partition(store) == incremental


def test_merges_and_splits_survive_new_documents_and_a_rebuild(store: Store) -> None:
    (bill,), (william,) = holder(store, "Bill Clinton"), holder(store, "William Jefferson Clinton")
    assert bill != william  # a nickname is no spelling: kept apart until a user says otherwise
    overrides.merge_identities(store, bill, william)
    (kyiv,) = holder(store, "Kiev")
    split = overrides.split_identity(store, kyiv, "Kiev")["id"]
    assert holder(store, "Kiev") == {split} and holder(store, "Kyiv") == {kyiv}
    later = article(
        "a6", "2022-03-06", "William Jefferson Clinton flew to Kiev.",
        [("William Jefferson Clinton", "PERSON", ["William Jefferson Clinton"])],
        [("Kiev", "Kyiv", "sitrep:kyiv", "UA")],
    )  # fmt: skip
    write(Path(store.path), [later])
    refresh(store)
    assert holder(store, "William Jefferson Clinton") == {bill} == holder(store, "Bill Clinton")
    assert holder(store, "Kiev") == {split}
    refresh_identities(store, force=True)
    assert holder(store, "William Jefferson Clinton") == holder(store, "Bill Clinton")
    assert holder(store, "Kiev") == {split} and holder(store, "Kyiv") == {kyiv}
    assert [o["action"] for o in overrides.overrides(store)] == ["merge", "split"]


def test_other_aggregates_find_identities_by_name(store: Store) -> None:
    (zel,) = holder(store, "Zelenskyy")
    assert identity_for(store, "President Zelensky") == zel
    assert identity_for(store, "Kiev", "GPE") == identity_for(store, "Kyiv") is not None
    assert identity_for(store, "EU") == identity_for(store, "European Union") is not None
    assert identity_for(store, "Zelenska") != zel
    assert identity_for(store, "Nobody Known") is None
    assert referent_key("Zelenskiy", "PERSON") == referent_key("Zełenski", "PERSON") == "sn:zelensky"
    assert referent_key("Kiev", "GPE") == referent_key("Kyiv", "GPE")
