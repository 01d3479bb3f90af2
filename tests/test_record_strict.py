"""Issue 16 leftovers in the record: an entity search matches % and _ only as themselves, and an old
store holding an infinite bound never makes /api/estimates or `sitrep estimates --format json` print
anything but strict JSON (before the series are rebuilt and after)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from identity_support import ARTICLES, write
from sitrep.aggregate import refresh
from sitrep.aggregate.estimates_store import is_current
from sitrep.record import identities, query
from sitrep.store.db import Store
from web_support import ESTIMATES, Server, estimate_report


def strict(body: str | bytes) -> object:
    """Decoded JSON, refusing NaN, Infinity and -Infinity (which Python's json accepts)."""

    def refuse(name: str) -> object:
        raise ValueError(f"not strict JSON: {name}")

    return json.loads(body, parse_constant=refuse)


# -- LIKE patterns ----------------------------------------------------------------------------------------


@pytest.fixture()
def people(tmp_path: Path):
    write(tmp_path / "p.db", ARTICLES)
    with Store(tmp_path / "p.db") as s:
        refresh(s)
        with s.transaction() as con:  # an alias that really holds the two wildcard characters
            ident = con.execute("SELECT identity_id FROM identity_aliases WHERE alias = 'Kyiv'").fetchone()[0]
            con.execute(
                "INSERT INTO identity_aliases (identity_id, alias, count) VALUES (?, '100%_Kyiv', 1)",
                (ident,),
            )
        yield s


@pytest.mark.parametrize(
    ("pattern", "found"),
    [
        ("%", ["Kyiv"]),
        ("_", ["Kyiv"]),
        ("%_", ["Kyiv"]),
        ("Zelensk_", []),
        ("Z%y", []),
        ("%%", []),
        ("\\", []),
    ],
)
def test_wildcards_in_an_entity_search_match_only_themselves(
    people: Store, pattern: str, found: list[str]
) -> None:
    # only the identity whose alias holds the characters themselves ("100%_Kyiv") is found
    assert [r["name"] for r in identities.entities(people, q=pattern, limit=0)] == found
    assert identities.count(people, q=pattern) == len(found)


def test_an_entity_search_still_finds_parts_of_names_and_literal_wildcards(people: Store) -> None:
    assert {"Volodymyr Zelensky"} <= {r["name"] for r in identities.entities(people, q="Zelensk", limit=0)}
    [kyiv] = identities.entities(people, q="0%_K", limit=0)
    assert "Kyiv" in kyiv["aliases"] and "100%_Kyiv" in kyiv["aliases"]


# -- strict JSON from a store holding an infinite bound -------------------------------------------------


def _legacy_store(db: Path) -> None:
    """A store as an older release could leave it: an infinite bound written through SQL, and stored
    series JSON that says Infinity under that release's rules version."""
    with Store(db) as store:
        for text, published, source, speaker, figure, low, high, qual in ESTIMATES:
            r = estimate_report(text, published, source, speaker, figure, low, high, qual)
            store.write_report(r, text, {"source": source, "published": published})
        refresh(store)
        assert is_current(store)
    con = sqlite3.connect(db)
    con.execute("UPDATE quantities SET high = 9e999 WHERE high = 40000")
    assert con.execute("SELECT count(*) FROM quantities WHERE high > 1e308").fetchone()[0] == 1
    con.execute("UPDATE estimate_series SET json = replace(json, '\"high\":40000', '\"high\":Infinity')")
    assert con.execute("SELECT count(*) FROM estimate_series WHERE json LIKE '%Infinity%'").fetchone()[0]
    con.execute("UPDATE state SET value = '10:old-rules' WHERE key = 'claims_key'")
    con.commit()
    con.close()


def _cli_estimates(db: Path) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "sitrep.cli", "estimates", "--db", str(db), "--format", "json"],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


def _figures(series: object) -> list[tuple[object, object]]:
    assert isinstance(series, list)
    return sorted(((e["low"], e["high"]) for s in series for e in s["estimates"]), key=str)


def test_an_infinite_bound_in_an_old_store_is_never_written_as_json(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    db = tmp_path / "legacy.db"
    _legacy_store(db)
    expected_before = None
    server = Server(db, token=None)
    try:
        for stage in ("old rules: computed from the claims", "rebuilt: stored series"):
            status, _h, body = server.request("/api/estimates")
            assert status == 200, stage
            from_api = strict(body)
            from_cli = strict(_cli_estimates(db))
            assert _figures(from_api) == _figures(from_cli), stage
            figures = _figures(from_api)
            # the infinite bound is gone; the other figures are untouched
            assert (100000, None) in figures and (90000, 100000) in figures, stage
            assert all(h != 40000 for _low, h in figures), stage
            status, _h, body = server.request("/api/contradictions")
            assert status == 200 and strict(body) is not None, stage
            if expected_before is None:
                expected_before = figures
                with Store(db) as store:
                    assert not is_current(store)
                    refresh(store)  # the next ingest rebuilds every series under today's rules
                    assert is_current(store)
                    stored = store.rows("SELECT json FROM estimate_series")
                    assert stored and all("Infinity" not in r["json"] for r in stored)
                    for r in store.rows("SELECT json FROM disagreements"):
                        strict(r["json"])
            else:
                assert figures == expected_before
    finally:
        server.stop()
    with Store(db) as store:
        assert json.loads(json.dumps(query.estimates(store), allow_nan=False))
