"""Across articles: wire-copy clusters, cross-article entities, estimate series, contradictions, timelines."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sitrep.aggregate.contradictions import bounds
from sitrep.aggregate.dedup import cluster_documents
from sitrep.aggregate.resolve import name_key, resolve_entities
from sitrep.record import query
from sitrep.store import Store

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "corpus"))
from build import build_corpus, house_style  # noqa: E402
from synth import report  # noqa: E402


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / "agg.db")
    yield s
    s.close()


# -- wire copies ---------------------------------------------------------------------------------------


def test_reprints_cluster_by_story_and_independent_stories_do_not(store, tmp_path):
    corpus = build_corpus(tmp_path / "corpus")
    for path in sorted((tmp_path / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        store.write_report(report(text, source=path.stem), text, {"path": str(path)})
    assert store.count("documents") == corpus["documents"] == 36
    assert cluster_documents(store) == corpus["stories"] == 12
    for original in corpus["originals"]:
        stem = Path(original).stem
        rows = store.rows("SELECT path, cluster_id FROM documents WHERE path LIKE ?", (f"%{stem}%",))
        assert len(rows) == 3 and len({r["cluster_id"] for r in rows}) == 1, stem
    # rerunning signs nothing new and finds the same clusters
    assert cluster_documents(store) == 12


def test_house_style_reprint_changes_spellings_but_stays_a_copy():
    text = "KYIV, Ukraine (AP) \u2014 President Volodymyr Zelenskyy said \u201cno\u201d."
    assert house_style(text) == 'KYIV (AP) - President Volodymyr Zelensky said "no".'


# -- cross-article entities ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [
        ("Mark Milley", "Gen. Mark Milley"),
        ("Zelenskyy", "Zelensky"),
        ("Zelensky", "Zelenskiy"),
        ("Volodymyr Zelenskyy", "President Volodymyr Zelenskiy"),
        ("Dmitry Peskov", "Dmitri Peskov"),
        ("Mohamed Hamdan Dagalo", "Mohammed Hamdan Dagalo"),
    ],
)
def test_name_keys_fold_titles_and_transliteration(a, b):
    assert name_key(a) == name_key(b)


def test_name_keys_keep_different_people_apart():
    assert name_key("Mark Milley") != name_key("Mark Miller")
    assert name_key("Sergei Shoigu") != name_key("Sergei Surovikin")


def resolve_rows(rows):
    """Entity rows ({doc_id, seq, name, type, aliases}) resolved in memory: {(doc_id, seq): identity}."""
    from sitrep.aggregate.identity.authority import Authority
    from sitrep.aggregate.identity.match import resolve
    from sitrep.aggregate.identity.units import document_units

    units = []
    for doc in dict.fromkeys(r["doc_id"] for r in rows):
        ents = [
            {**r, "titles": [], "roles": [], "mentions": [
                {"rowid": None, "text": t, "start": 10 * i, "end": 10 * i + len(t)}
                for i, t in enumerate([r["name"], *r.get("aliases", [])])
            ]}
            for r in rows
            if r["doc_id"] == doc
        ]  # fmt: skip
        units += document_units(doc, "2022-11-10", ents, [])
    auth = Authority()
    pairs = resolve(units, auth)
    return {u.entity: i for u, i in pairs if u.entity}, auth


def test_resolution_puts_variants_under_one_id_with_aliases():
    rows = [
        {"doc_id": "a", "seq": 0, "name": "Gen. Mark Milley", "type": "PERSON", "aliases": ["Milley"]},
        {"doc_id": "b", "seq": 0, "name": "Milley", "type": "PERSON"},
        {"doc_id": "c", "seq": 0, "name": "Gen. Milley", "type": "PERSON"},
        {"doc_id": "d", "seq": 0, "name": "Zelenskyy", "type": "PERSON"},
        {"doc_id": "e", "seq": 0, "name": "Volodymyr Zelensky", "type": "PERSON"},
        {"doc_id": "f", "seq": 0, "name": "President Volodymyr Zelenskiy", "type": "PERSON"},
        {"doc_id": "f", "seq": 1, "name": "the Kremlin", "type": "ORG"},
        {"doc_id": "g", "seq": 0, "name": "Kremlin", "type": "ORG"},
        {"doc_id": "g", "seq": 1, "name": "Mark Miller", "type": "PERSON"},
    ]
    mapping, _ = resolve_rows(rows)
    assert mapping[("a", 0)] is mapping[("b", 0)] is mapping[("c", 0)]
    assert mapping[("a", 0)].id == "person:mark-milley" and mapping[("a", 0)].name == "Mark Milley"
    assert mapping[("d", 0)] is mapping[("e", 0)] is mapping[("f", 0)]
    assert mapping[("f", 1)] is mapping[("g", 0)]
    assert mapping[("g", 1)] is not mapping[("a", 0)]
    zel = mapping[("d", 0)]
    assert zel.name == "Volodymyr Zelensky"  # a full name without a title
    assert set(zel.aliases) == {"Zelenskyy", "Volodymyr Zelensky", "President Volodymyr Zelenskiy"}
    assert len(zel.new_docs) == 3


def test_a_bare_surname_shared_by_two_people_prefers_its_own_document():
    rows = [
        {"doc_id": "a", "seq": 0, "name": "John Smith", "type": "PERSON"},
        {"doc_id": "b", "seq": 0, "name": "Anna Smith", "type": "PERSON"},
        {"doc_id": "b", "seq": 1, "name": "Smith", "type": "PERSON"},
        {"doc_id": "c", "seq": 0, "name": "Smith", "type": "PERSON"},
    ]
    mapping, _ = resolve_rows(rows)
    assert mapping[("b", 1)] is mapping[("b", 0)] is not mapping[("a", 0)]
    assert mapping[("c", 0)] not in (mapping[("a", 0)], mapping[("b", 0)])  # ambiguous: kept apart


def test_resolution_is_stored_on_entities(store):
    t1 = "Gen. Mark Milley spoke."
    t2 = "Milley spoke again."
    store.write_report(report(t1, people=[("Gen. Mark Milley", ["Gen. Mark Milley"])]), t1)
    store.write_report(report(t2, people=[("Milley", ["Milley"])]), t2)
    resolve_entities(store)
    ids = {r["global_id"] for r in store.rows("SELECT global_id FROM entities")}
    assert ids == {"person:mark-milley"}


# -- estimates and contradictions ----------------------------------------------------------------------

WIRE = (
    "WASHINGTON (Reuters) - More than 100,000 Russian soldiers have been killed or wounded in Ukraine, "
    "Gen. Mark Milley said on Wednesday."
)
UA = (
    "KYIV (AP) \u2014 Ukraine's General Staff said about 79,000 Russian soldiers had been killed "
    "since February."
)
RU = "MOSCOW (AP) \u2014 Russia's Defence Ministry said 5,937 Russian soldiers had been killed in the war."
OTHER = "LONDON (BBC) - More than 100,000 Russian troops have been killed or wounded, Milley told reporters."


def _q(text, surface, low, high, qualifier, subject, outcome, claimant):
    return {
        "text": surface,
        "low": low,
        "high": high,
        "qualifier": qualifier,
        "subject": subject,
        "outcome": outcome,
        "claimant": claimant,
    }


def _load(store):
    docs = [
        (
            WIRE,
            "Reuters",
            "2022-11-09",
            _q(
                WIRE,
                "More than 100,000",
                100000,
                None,
                "more_than",
                "Russian soldiers",
                ["killed", "wounded"],
                "Mark Milley",
            ),
        ),
        (
            WIRE + "\n\n(Reprinted by the Morning Ledger.)",
            "The Morning Ledger",
            "2022-11-09",
            _q(
                WIRE,
                "More than 100,000",
                100000,
                None,
                "more_than",
                "Russian soldiers",
                ["killed", "wounded"],
                "Mark Milley",
            ),
        ),
        (
            OTHER,
            "BBC",
            "2022-11-10",
            _q(
                OTHER,
                "More than 100,000",
                100000,
                None,
                "more_than",
                "Russian troops",
                ["wounded", "killed"],
                "Milley",
            ),
        ),
        (
            UA,
            "AP",
            "2022-11-10",
            _q(
                UA,
                "about 79,000",
                79000,
                79000,
                "approximate",
                "Russian soldiers",
                ["killed"],
                "Ukraine's General Staff",
            ),
        ),
        (
            RU,
            "AP",
            "2022-11-09",
            _q(
                RU,
                "5,937",
                5937,
                5937,
                "exact",
                "the Russian soldiers",
                ["killed"],
                "Russia's Defence Ministry",
            ),
        ),
    ]
    for text, source, published, q in docs:
        store.write_report(report(text, source=source, published=published, quantities=[q]), text)
    cluster_documents(store)


def test_estimate_series_have_the_documented_shape(store):
    _load(store)
    series = query.estimates(store)
    assert all(set(s) == {"key", "subject", "label", "referent", "outcome", "estimates"} for s in series)
    keys = {
        "low",
        "high",
        "qualifier",
        "claimant",
        "document",
        "source",
        "published",
        "time",
        "text",
        "span",
        "reprints",
    }
    assert all(set(e) == keys for s in series for e in s["estimates"])
    killed = [s for s in series if s["outcome"] == ["killed"]]
    assert len(killed) == 1 and killed[0]["subject"] in ("Russian soldiers", "the Russian soldiers")
    assert sorted(e["low"] for e in killed[0]["estimates"]) == [5937, 79000]
    for s in series:
        for e in s["estimates"]:
            text = store.get_text(e["document"])
            assert text[e["span"][0] : e["span"][1]] == e["text"]


def test_a_reprinted_claim_counts_once_and_independent_outlets_twice(store):
    _load(store)
    [series] = query.estimates(store, subject="russian soldiers", outcome="killed+wounded")
    assert series["outcome"] == ["killed", "wounded"]
    # "Russian troops" (BBC) joins "Russian soldiers": one series; the Reuters wire story and its
    # Morning Ledger reprint count once, the BBC's own report of the same figure counts again
    assert [e["source"] for e in series["estimates"]] == ["Reuters", "BBC"]
    wire, bbc = series["estimates"]
    assert [r["source"] for r in wire["reprints"]] == ["The Morning Ledger"]
    assert bbc["reprints"] == [] and bbc["text"] == "More than 100,000"
    assert query.estimates(store, subject="Russian troops", outcome="wounded") == [series]


def test_same_figure_from_two_independent_outlets_counts_twice(store):
    t1 = "KYIV (AP) - At least 12 Ukrainian civilians were killed, the governor said."
    t2 = "KHARKIV (AFP) - Officials said at least 12 Ukrainian civilians were killed in overnight shelling."
    for t, src in [(t1, "AP"), (t2, "AFP")]:
        store.write_report(
            report(
                t,
                source=src,
                published="2024-05-20",
                quantities=[
                    _q(
                        t,
                        "At least 12" if src == "AP" else "at least 12",
                        12,
                        None,
                        "at_least",
                        "Ukrainian civilians",
                        ["killed"],
                        "governor" if src == "AP" else "Officials",
                    )
                ],
            ),
            t,
        )
    cluster_documents(store)
    [s] = query.estimates(store, outcome="killed")
    assert [e["source"] for e in s["estimates"]] == ["AP", "AFP"]


def test_quantity_contradiction_between_different_claimants(store):
    _load(store)
    found = [c for c in query.contradictions(store) if c["kind"] == "quantity"]
    assert len(found) == 1
    [c] = found
    assert {"kind", "key", "about", "from", "to", "reason", "sides", "items"} <= set(c)
    assert {i["claimant"] for i in c["items"]} == {"Ukraine's General Staff", "Russia's Defence Ministry"}
    low, high = c["sides"]
    assert [i["claimant"] for i in low["claims"]] == ["Russia's Defence Ministry"]
    assert [i["claimant"] for i in high["claims"]] == ["Ukraine's General Staff"]
    assert "79,000" in c["reason"] and "5,937" in c["reason"]


def test_no_contradiction_for_overlapping_bounds_or_distant_periods(store):
    a = "KYIV (AP) - At least 20 soldiers were killed, an officer said."
    b = "BAMAKO (AFP) - The army said about 22 soldiers were killed in the attack on the base."
    c = "BAMAKO (AFP) - The army said 5 soldiers were killed in an attack on a convoy last year in March."
    for text, surface, low, q, claimant, pub in [
        (a, "At least 20", 20, "at_least", "an officer", "2023-09-10"),
        (b, "about 22", 22, "approximate", "army", "2023-09-10"),
        (c, "5", 5, "exact", "the army", "2024-09-10"),
    ]:
        store.write_report(
            report(
                text,
                source="x",
                published=pub,
                quantities=[
                    _q(
                        text,
                        surface,
                        low,
                        low if q != "at_least" else None,
                        q,
                        "soldiers",
                        ["killed"],
                        claimant,
                    )
                ],
            ),
            text,
        )
    cluster_documents(store)
    assert [c for c in query.contradictions(store) if c["kind"] == "quantity"] == []


@pytest.mark.parametrize(
    "est, expected",
    [
        ({"low": 10, "high": None, "qualifier": "at_least"}, (10.0, float("inf"))),
        ({"low": None, "high": 10, "qualifier": "at_most"}, (0.0, 10.0)),
        ({"low": 100, "high": 100, "qualifier": "approximate"}, (90.0, 110.00000000000001)),
        ({"low": 5, "high": 8, "qualifier": "range"}, (5.0, 8.0)),
        ({"low": None, "high": None, "qualifier": "exact"}, None),
    ],
)
def test_bounds_follow_the_qualifier(est, expected):
    assert bounds(est) == pytest.approx(expected) if expected else bounds(est) is None


def test_event_status_contradiction_and_timeline(store):
    a = "MOSCOW (AFP) - Russia announced the withdrawal of its troops from Kherson."
    b = "KYIV (AP) - Ukraine denied that any withdrawal from Kherson had taken place."
    store.write_report(
        report(
            a,
            source="AFP",
            published="2022-11-09",
            events=[
                {
                    "type": "retreat",
                    "trigger": "withdrawal",
                    "status": "announced",
                    "actor": "Russia",
                    "place": "Kherson",
                    "source": "Russia",
                }
            ],
        ),
        a,
    )
    store.write_report(
        report(
            b,
            source="AP",
            published="2022-11-10",
            events=[
                {
                    "type": "retreat",
                    "trigger": "withdrawal",
                    "status": "denied",
                    "actor": "Russia",
                    "place": "Kherson",
                    "source": "Ukraine",
                }
            ],
        ),
        b,
    )
    cluster_documents(store)
    [c] = [c for c in query.contradictions(store) if c["kind"] == "event"]
    assert "asserted by Russia" in c["reason"] and "denied or disputed by Ukraine" in c["reason"]
    assert [[i["status"] for i in s["claims"]] for s in c["sides"]] == [["announced"], ["denied"]]
    line = query.timeline(store, "Kherson")
    assert [(x["date"], x["status"]) for x in line] == [("2022-11-09", "announced"), ("2022-11-10", "denied")]
    assert query.timeline(store, "Russia")[0]["text"] == "withdrawal"
