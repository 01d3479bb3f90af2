"""Disagreements end to end: articles written here, extracted by the pipeline, stored in a real SQLite
file, refreshed and read back as `sitrep contradictions` reads them.

Each case is a disagreement an analyst looks for: the two warring sides' tolls of one side's dead, an
announced withdrawal the other side sees no sign of; and things that are none.
"""

from __future__ import annotations

from sitrep.aggregate import refresh
from sitrep.record import query
from sitrep.store import Store

TOLLS = [
    (
        "t1",
        "2022-03-02",
        "KYIV, March 2 - Ukraine's General Staff said on Wednesday that Russia had lost more than 5,800 "
        "soldiers killed since the invasion began. The figures could not be verified.",
    ),
    (
        "t2",
        "2022-03-03",
        "MOSCOW, March 3 - Russia's defence ministry said on Thursday that 498 Russian soldiers had been "
        "killed in Ukraine since the start of the operation, its first official toll.",
    ),
]
PULLBACK = (
    "p1",
    "2022-03-03",
    "The Kremlin announced on Thursday that Russian forces were withdrawing from positions near Kyiv. "
    "A NATO official said there was no sign of a withdrawal of Russian troops and that the forces were "
    "regrouping.",
)
AGREEING = [
    (
        "a1",
        "2022-02-10",
        "Britain's defence ministry said Russia has massed about 130,000 troops on the border with Ukraine.",
    ),
    (
        "a2",
        "2022-02-11",
        "Russia has massed some 127,000 troops near the border with Ukraine, Ukraine's defence ministry said",
    ),
]


def _record(tmp_path, extract, docs, series: list[dict] | None = None) -> list[dict]:
    with Store(tmp_path / "claims.db") as store:
        for id_, published, text in docs:
            store.write_report(extract(text, published, id=id_, source=f"Outlet {id_}"), text)
        refresh(store)
        if series is not None:
            series.extend(query.estimates(store))
        return query.contradictions(store)


def test_the_two_sides_tolls_of_one_sides_dead_disagree_once(tmp_path, extract):
    [d] = _record(tmp_path, extract, TOLLS)
    assert d["kind"] == "quantity" and d["key"].startswith("soldier|russia|killed|")
    low, high = d["sides"]
    assert [c["claimant"] for c in low["claims"]] == ["Russia's defence ministry"]
    assert [c["claimant"] for c in high["claims"]] == ["Ukraine's General Staff"]
    text = {doc: t for doc, _, t in TOLLS}
    for c in d["items"]:  # every claim points at its words
        assert text[c["document"]][c["span"][0] : c["span"][1]] == c["text"]


def test_an_announced_withdrawal_the_other_side_sees_no_sign_of_disagrees(tmp_path, extract):
    [d] = _record(tmp_path, extract, [PULLBACK])
    assert d["kind"] == "event" and d["key"] == "retreat|russia"
    asserted, denied = d["sides"]
    assert [c["claimant"] for c in asserted["claims"]] == ["Kremlin"]
    assert [c["claimant"] for c in denied["claims"]] == ["NATO official"]


def test_estimates_a_rounding_apart_from_two_sides_do_not_disagree(tmp_path, extract):
    series: list[dict] = []
    assert _record(tmp_path, extract, AGREEING, series) == []
    [buildup] = [s for s in series if len(s["estimates"]) == 2]  # one referent, two estimates
    assert buildup["key"].startswith("soldier|russia|present|")


SHELLING = [
    ("z1", "2022-08-07", "Russia accused Ukraine of shelling the Zaporizhzhia nuclear plant on Saturday."),
    (
        "z2",
        "2022-08-08",
        "Ukraine's energy company denied that its forces had shelled the plant and blamed Russian troops.",
    ),
]
CAPTURE = [
    ("c1", "2022-05-20", "Russia's defence ministry said its forces had captured the village of Popasna."),
    (
        "c2",
        "2022-05-21",
        "Ukraine's military denied that Popasna had been captured, saying its troops still held the town.",
    ),
]


def test_a_strike_one_side_alleges_and_the_other_denies_disagrees(tmp_path, extract):
    [d] = _record(tmp_path, extract, SHELLING)  # "the plant" is the Zaporizhzhia nuclear plant
    assert d["kind"] == "event" and d["key"] == "attack|ukraine"
    assert [[c["document"] for c in s["claims"]] for s in d["sides"]] == [["z1"], ["z2"]]


def test_a_town_one_side_says_it_took_and_the_other_says_it_holds_disagrees(tmp_path, extract):
    [d] = _record(tmp_path, extract, CAPTURE)  # the denial names no taker: keyed by the town
    assert d["key"] == "seize|@popasna"
    assert [[c["document"] for c in s["claims"]] for s in d["sides"]] == [["c1"], ["c2"]]
