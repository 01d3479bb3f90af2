"""Claims keyed by referent: series keys, disagreements between figures and between event claims.

Pure functions over rows shaped as the store reads them (`aggregate.claims.quantity_rows`), written here;
claimants' parties from identities over a real SQLite store.
"""

from __future__ import annotations

import json

import pytest

from sitrep.aggregate.claims import attach_parties, claim_date, event_key, quantity_key
from sitrep.aggregate.contradictions import event_disagreements, quantity_disagreements
from sitrep.aggregate.estimates import build_series, estimate_series, subject_key
from sitrep.aggregate.sides import claimant_key, party_of, place_key, side_key
from sitrep.store import Store

BUILDUP = {"counted": "soldier", "side": "Russia", "place": "Ukraine", "place_id": "g:ua", "scope": "as_of"}


def row(
    n: int | None,
    referent: dict | None = None,
    *,
    high: int | None = -1,
    qualifier: str = "exact",
    outcome: str = "amassed",
    claimant: str | None = None,
    source: str | None = "AP",
    published: str = "2022-02-10",
    document: str | None = None,
    unit: str = "people",
    time: str | None = None,
) -> dict:
    """A quantity row as `quantity_rows` gives it."""
    ref = {"countable": True, **(BUILDUP if referent is None else referent)}
    doc = document or f"d-{source}-{published}-{n}-{claimant}"
    return {
        "document": doc,
        "seq": 0,
        "text": f"{n:,}" if n is not None else "many",
        "start": 0,
        "end": 5,
        "low": n,
        "high": n if high == -1 else high,
        "qualifier": qualifier,
        "unit": unit,
        "currency": None,
        "subject": "Russian troops",
        "outcome": outcome,
        "time": time,
        "vague": 0,
        "derived_from": None,
        "claimant": claimant,
        "referent": ref,
        "source": source,
        "published": published,
        "cluster": doc,
        "doc_order": 0,
    }


def series_of(rows: list[dict]) -> list[dict]:
    keys = {quantity_key(r) for r in rows}
    assert len(keys) == 1 and None not in keys, keys
    return quantity_disagreements(build_series(keys.pop(), rows))


# -- keys ------------------------------------------------------------------------------------------------


def test_words_for_one_referent_share_a_key():
    troops = row(100_000)
    soldiers = row(127_000, {**BUILDUP, "counted": "soldier"}, outcome="deployed", claimant="Pentagon")
    assert quantity_key(troops) == quantity_key(soldiers) == "soldier|russia|present|g:ua|people|cum"


@pytest.mark.parametrize(
    "change, why",
    [
        ({"referent": {**BUILDUP, "side": "United States"}}, "another side"),
        ({"referent": {**BUILDUP, "place_id": "g:by"}}, "a part"),
        ({"referent": {**BUILDUP, "scope": "per_period", "period": "P1W"}}, "a weekly rate"),
        ({"referent": {**BUILDUP, "scope": "per_period", "period": "P1D"}}, "a rate"),
        ({"outcome": "killed"}, "a toll, not a stock"),
        ({"unit": "percent"}, "a share"),
    ],
)
def test_other_referents_get_other_keys(change, why):
    base = quantity_key(row(100_000))
    other = row(100_000, change.get("referent"), **{k: v for k, v in change.items() if k != "referent"})
    assert quantity_key(other) not in (None, base), why


@pytest.mark.parametrize(
    "referent, outcome",
    [
        ({"counted": "country", "countable": False}, ""),  # "two countries"
        ({"counted": "person", "side": None, "place": None}, "killed"),  # a toll of nobody in particular
        ({"counted": "helmet", "side": "Germany"}, ""),  # a one-off delivery: no outcome, no place
        (None, "amassed"),
        ({**BUILDUP, "scope": "change"}, "amassed"),  # "7,000 more troops": an increment
        ({**BUILDUP, "place_id": None, "place": None}, ""),  # troops nowhere named
        ({"counted": "missile", "side": "Russia", "place_id": "g:ua"}, ""),  # one salvo, not a referent
    ],
)
def test_figures_that_are_no_referent_form_no_series(referent, outcome):
    r = row(2, referent, outcome=outcome)
    if referent is None:
        r["vague"] = 1
    assert quantity_key(r) is None


def test_a_stored_figure_without_referent_is_read_from_its_subject():
    r = row(100_000, outcome="killed")
    r.update(referent=None, subject="Russian troops")
    assert quantity_key(r) == "soldier|russia|killed||people|cum"
    assert (
        subject_key("the Russian soldiers") == "soldier|russia|" and subject_key("civilians") == "civilian|"
    )


def test_sides_and_places_are_keyed_by_what_they_name():
    assert side_key("Russian forces") == side_key("the Kremlin") == side_key("Russia") == "russia"
    assert party_of("Dmitry Peskov") == "russia" and party_of("U.S. State Department") == "united states"
    assert party_of("pro-Russian separatists") is None and party_of("Janes") is None
    assert place_key("g:ua") == "g:ua" and place_key(None) == ""


def test_a_claim_is_dated_by_its_stated_day_when_recent_else_by_publication():
    assert claim_date({"published": "2022-03-10", "time": "2022-03-08"}) == "2022-03-08"
    assert claim_date({"published": "2022-03-10", "time": "2021-03-08"}) == "2022-03-10"
    assert claim_date({"published": "2022-03-10", "time": "2022"}) == "2022-03-10"


def test_series_keep_a_referent_over_time_and_filter_by_subject():
    rows = [row(100_000, published="2022-01-20"), row(190_000, published="2022-02-18", claimant="Biden")]
    rows.append(row(3_000, {**BUILDUP, "side": "United States", "place_id": "g:pl"}, outcome="deployed"))
    every = estimate_series(rows)
    assert [len(s["estimates"]) for s in every] == [2, 1]
    assert [e["low"] for e in every[0]["estimates"]] == [100_000, 190_000]
    assert every[0]["referent"]["side"] == "Russia" and every[0]["outcome"] == ["amassed"]
    assert [s["key"] for s in estimate_series(rows, "Russian troops")] == [every[0]["key"]]
    assert estimate_series(rows, "American soldiers")[0]["estimates"][0]["low"] == 3000
    assert estimate_series(rows, "civilians") == []


# -- figures that disagree --------------------------------------------------------------------------------


def test_two_claimants_on_one_day_that_cannot_both_hold_disagree_once_with_both_sides():
    rows = [
        row(100_000, claimant="Pentagon"),
        row(100_000, claimant="Pentagon", source="Reuters"),  # the same claim in another story
        row(40_000, claimant="Kremlin", published="2022-02-11"),
        row(95_000, qualifier="approximate", claimant="NATO", published="2022-02-11"),
    ]
    [d] = series_of(rows)
    assert d["kind"] == "quantity" and d["from"] == "2022-02-10" and d["to"] == "2022-02-11"
    low, high = d["sides"]
    assert [c["claimant"] for c in low["claims"]] == ["Kremlin"]
    assert {c["claimant"] for c in high["claims"]} == {"Pentagon", "NATO"} and len(high["claims"]) == 3
    assert len(d["items"]) == 4 and "Kremlin" in d["reason"] and "Pentagon" in d["reason"]


@pytest.mark.parametrize(
    "rows, why",
    [
        (
            [row(100_000, claimant="Pentagon"), row(130_000, claimant="Pentagon")],
            "one claimant repeating itself",
        ),
        (
            [row(100_000, claimant="Pentagon"), row(90_000, qualifier="at_least", claimant="NATO")],
            "bounds overlap",
        ),
        (
            [row(100_000, claimant="Pentagon"), row(190_000, claimant="NATO", published="2022-02-20")],
            "ten days apart: the buildup grew",
        ),
        (
            [row(100_000, document="one"), row(130_000, claimant="NATO", document="one")],
            "one article: its own figure beside a source's",
        ),
    ],
)
def test_claims_that_can_both_hold_do_not_disagree(rows, why):
    assert series_of(rows) == [], why


def test_a_toll_may_grow_but_not_shrink():
    toll = {"counted": "civilian", "place_id": "g:ua", "scope": "as_of"}
    grew = [
        row(500, toll, outcome="killed", claimant="UN", published="2022-03-01"),
        row(700, toll, outcome="killed", claimant="Kyiv", published="2022-03-03"),
    ]
    assert series_of(grew) == []
    shrank = [grew[0], row(200, toll, outcome="killed", claimant="Moscow", published="2022-03-03")]
    [d] = series_of(shrank)
    assert [c["claimant"] for s in d["sides"] for c in s["claims"]] == ["Moscow", "UN"]


def test_a_rate_is_compared_only_on_its_own_day():
    rate = {"counted": "soldier", "side": "Russia", "scope": "per_period", "period": "P1D"}
    rows = [
        row(800, rate, outcome="killed", claimant="UK", published="2023-02-16"),
        row(1_000, rate, outcome="killed", claimant="Ukraine", published="2023-02-17"),
    ]
    assert series_of(rows) == []
    rows[1]["published"] = "2023-02-16"
    assert series_of(rows) == []  # no day said: "800 a day" may be an average over weeks
    for r in rows:
        r["time"] = "2023-02-15"  # "... yesterday": one day's count each
    assert len(series_of(rows)) == 1


def test_an_average_rate_is_no_day_s_count():
    rate = {"counted": "soldier", "side": "Russia", "scope": "per_period", "period": "P1D"}
    rows = [
        row(
            899, rate, outcome="killed", claimant="UK", published="2024-05-04", time="P1D"
        ),  # April's average
        row(1_260, rate, outcome="killed", claimant="Ukraine", published="2024-05-04", time="2024-05-03"),
    ]
    assert series_of(rows) == []


# -- events that disagree ----------------------------------------------------------------------------------


def event(status: str, claimed_by: str | None, published: str, *, actor: str = "Russia", **more) -> dict:
    doc = f"e-{claimed_by}-{published}-{status}"
    return {
        "document": doc,
        "seq": 0,
        "type": "attack",
        "actor": actor,
        "target": more.get("target"),
        "place": more.get("place"),
        "time": None,
        "status": status,
        "claimed_by": claimed_by,
        "trigger": more.get("trigger", "invasion"),
        "start": 0,
        "end": 8,
        "negated": int(status == "denied"),
        "source": "AP",
        "published": published,
        "cluster": doc,
    }


def test_an_event_asserted_by_one_party_and_denied_by_the_actor_is_one_disagreement():
    events = [
        event("speculated", "Joe Biden", "2022-01-25", target="Ukraine"),
        event("denied", "the Kremlin", "2022-01-28"),
        event("alleged", "Antony Blinken", "2022-02-05", target="Ukraine"),
        event("denied", "Russia", "2022-02-12"),
        event("reported", None, "2022-02-12"),  # the outlet's own report: nobody's claim to weigh
    ]
    key = event_key(events[0])
    assert key == "attack|russia" and all(event_key(e) == key for e in events)
    [d] = event_disagreements(key, events)
    asserted, denied = d["sides"]
    assert [c["claimant"] for c in asserted["claims"]] == ["Joe Biden", "Antony Blinken"]
    assert [c["claimant"] for c in denied["claims"]] == ["the Kremlin", "Russia"]
    assert d["from"] == "2022-01-25" and d["to"] == "2022-02-12"


@pytest.mark.parametrize(
    "events, why",
    [
        (
            [event("alleged", "Joe Biden", "2022-01-25"), event("denied", "Russia", "2022-03-25")],
            "two months apart",
        ),
        (
            [event("alleged", "Dmitry Peskov", "2022-01-25"), event("denied", "Russia", "2022-01-26")],
            "one party",
        ),
        (
            [event("alleged", "Janes", "2022-01-25"), event("denied", "Russia", "2022-01-26")],
            "allegiance unknown",
        ),
        (
            [event("alleged", "Joe Biden", "2022-01-25"), event("denied", "Rishi Sunak", "2022-01-26")],
            "neither speaks for the actor",
        ),
        (
            [
                event("alleged", "Joe Biden", "2022-01-25", place="Kharkiv"),
                event("denied", "Russia", "2022-01-26", place="Odesa"),
            ],
            "two places",
        ),
    ],
)
def test_event_claims_that_are_no_disagreement(events, why):
    assert event_disagreements("attack|russia", events) == [], why


def test_a_denial_of_something_else_or_of_a_speech_act_is_no_disagreement():
    taken_as_given = event("denied", "Vladimir Putin", "2024-05-07")
    taken_as_given["before"] = (
        "two years into its "  # "... denied that Russia was isolated two years into its invasion"
    )
    events = [event("alleged", "Joe Biden", "2024-05-06"), taken_as_given]
    assert event_disagreements("attack|russia", events) == []
    accused = [
        {**e, "type": "accuse"}
        for e in (event("alleged", "Joe Biden", "2022-02-12"), event("denied", "Moscow", "2022-02-13"))
    ]
    assert event_disagreements("accuse|russia", accused) == []


def test_a_passage_two_stories_share_is_one_article():
    rate = {"counted": "soldier", "side": "Russia", "scope": "per_period", "period": "P1D"}
    rows = []
    for doc in ("story-a", "story-b"):  # both repeat the outlet's figure and an official's figure
        rows.append(row(1_000, rate, outcome="killed", qualifier="approximate", document=doc, source="US"))
        rows.append(row(824, rate, outcome="killed", claimant="U.K. officials", document=doc, source="US"))
    assert series_of(rows) == []


def test_a_toll_cannot_grow_tenfold_overnight():
    toll = {"counted": "soldier", "side": "Russia", "scope": "as_of"}
    rows = [
        row(5_937, toll, outcome="killed", claimant="Russia's Defence Ministry", published="2022-11-09"),
        row(79_000, toll, outcome="killed", qualifier="approximate", claimant="Ukraine's General Staff",
            published="2022-11-10"),
    ]  # fmt: skip
    [d] = series_of(rows)
    assert [s["claims"][0]["claimant"] for s in d["sides"]] == [
        "Russia's Defence Ministry",
        "Ukraine's General Staff",
    ]


def test_an_event_left_unconfirmed_is_not_denied():
    unconfirmed = event("denied", "Ukrainian forces", "2022-04-26", actor="Ukraine")
    unconfirmed["before"] = "have not confirmed any "
    claims = [event("alleged", "Russia", "2022-04-26", actor="Ukraine"), unconfirmed]
    assert event_disagreements("attack|ukraine", claims) == []
    unconfirmed["before"] = "but Kyiv flatly denied the "
    assert len(event_disagreements("attack|ukraine", claims)) == 1


def test_a_toll_far_higher_days_later_still_disagrees():
    toll = {"counted": "soldier", "side": "Russia", "scope": "as_of"}
    rows = [
        row(
            40_000,
            toll,
            outcome="casualties",
            qualifier="at_most",
            claimant="Mark Milley",
            published="2022-11-10",
        ),
        row(
            100_000,
            toll,
            outcome="casualties",
            qualifier="more_than",
            claimant="Reznikov",
            published="2022-11-14",
        ),
    ]
    assert len(series_of(rows)) == 1  # 2.5 times in four days: not growth
    rows[1]["published"] = "2022-12-14"
    assert series_of(rows) == []  # a month later it could be


# -- session 5: claimants, parties, forecasts, rounding -------------------------------------------------


def test_a_forecast_or_a_range_spanning_a_factor_of_ten_forms_no_series():
    assert quantity_key(row(100_000)) is not None
    assert quantity_key(row(500_000, time="FUTURE_REF")) is None  # "may increase to 500,000"
    assert quantity_key(row(150_000, high=1_000_000)) is None  # "150,000 or 1 million"
    assert quantity_key(row(70_000, high=80_000)) is not None


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Volodymyr Zełenski", "President Zelenskyy", True),  # one person, two spellings
        ("Gen. Mark Milley", "Milley", True),
        ("the Kremlin", "Moscow", True),  # a seat of power for its government, not a place or a surname
        ("U.K. officials", "Ukrainian officials", False),  # "officials" is no one's surname
        ("Russian Defence Ministry", "Ukrainian Defence Ministry", False),
        ("Russian Defence Ministry", "Russia's defence ministry", True),
        ("Dmitry Peskov", "Peskov", True),
    ],
)
def test_claimants_are_keyed_as_people_by_family_name_else_by_party_and_body(a, b, same):
    assert (claimant_key(a) == claimant_key(b)) is same, (claimant_key(a), claimant_key(b))


def test_western_leaders_and_the_nato_chief_speak_for_a_party():
    assert party_of("Western leaders") == party_of("the West") != None  # noqa: E711
    assert party_of("Jens Stoltenberg") == party_of("NATO") == "nato"
    assert party_of("residents of western Ukraine") != party_of("Western leaders")


def test_figures_a_rounding_apart_do_not_disagree_but_far_apart_do():
    close = [row(127_000, claimant="Estonia"), row(130_000, qualifier="at_least", claimant="Liz Truss")]
    assert series_of(close) == []  # "127,000" is a rounded estimate
    far = [row(150_000, claimant="Volodymyr Zelensky"), row(190_000, claimant="US officials")]
    [d] = series_of(far)
    assert [len(s["claims"]) for s in d["sides"]] == [1, 1]


def test_an_announced_withdrawal_that_nato_sees_no_sign_of_is_one_disagreement():
    pulled = [
        {**event("announced", "Russia", "2022-02-15", trigger="withdraws"), "type": "retreat"},
        {**event("denied", "Jens Stoltenberg", "2022-02-17", actor="Russian troops"), "type": "retreat"},
        # a generic actor names no party: its event keys by its place, not as a party called "some troops"
        {
            **event("denied", "Western leaders", "2022-02-15", actor="some troops", place="Ukraine"),
            "type": "retreat",
        },
    ]
    assert event_key(pulled[0]) == event_key(pulled[1]) == "retreat|russia"
    assert event_key(pulled[2]) == "retreat|@ukraine"
    [d] = event_disagreements("retreat|russia", pulled[:2])
    assert [c["claimant"] for s in d["sides"] for c in s["claims"]] == ["Russia", "Jens Stoltenberg"]


def test_a_trigger_contrasted_with_what_is_negated_is_not_denied():
    contrast = {**event("denied", "United States", "2022-01-26"), "after": ", not Nato"}
    events = [event("alleged", "Vladimir Putin", "2022-01-25"), contrast]  # "is Russian aggression, not ..."
    assert event_disagreements("attack|russia", events) == []


def test_two_voices_of_one_party_do_not_disagree():
    rate = {"counted": "soldier", "side": "Russia", "scope": "per_period", "period": "P1D"}
    one_side = [
        row(
            824, rate, outcome="killed", claimant="U.K. officials", published="2023-02-16", time="2023-02-15"
        ),
        row(
            1_000,
            rate,
            outcome="killed",
            claimant="British Ministry of Defence",
            published="2023-02-16",
            time="2023-02-15",
        ),
    ]
    assert series_of(one_side) == []
    one_side[1]["claimant"] = "Ukraine's General Staff"
    assert len(series_of(one_side)) == 1


def test_a_sides_war_losses_are_one_toll_whether_or_not_its_country_is_named():
    in_ukraine = {"counted": "soldier", "side": "Russia", "place": "Ukraine", "place_id": "geonames:690791"}
    nowhere = {"counted": "soldier", "side": "Russia", "scope": "as_of"}
    killed = [
        row(5_800, nowhere, outcome="killed"),
        row(498, {**in_ukraine, "scope": "as_of"}, outcome="killed"),
    ]
    assert quantity_key(killed[0]) == quantity_key(killed[1])
    in_bakhmut = {**in_ukraine, "place": "Bakhmut", "place_id": "geonames:711660"}
    assert quantity_key(row(300, in_bakhmut, outcome="killed")) != quantity_key(
        killed[0]
    )  # a town keeps its own
    assert "geonames:690791" in (
        quantity_key(row(100_000, {**in_ukraine, "scope": "as_of"})) or ""
    )  # a stock


def _before(e: dict, words: str) -> dict:
    return {**e, "before": words}


@pytest.mark.parametrize(
    "events, why",
    [
        (
            [
                event("alleged", "Joe Biden", "2024-05-06"),
                _before(
                    event("denied", "Vladimir Putin", "2024-05-07"), "isolated two years into its full-scale "
                ),
            ],
            "a possessive and a modifier before a noun take the event as given",
        ),
        (
            [
                event("alleged", "Joe Biden", "2022-01-25"),
                _before(
                    event("denied", "Ukrainian ambassador", "2022-01-26"), "talks go on, there will be no "
                ),
            ],
            "an outsider's forecast is no denial",
        ),
        (
            [event("speculated", "Vladimir Putin", "2022-01-31"), event("denied", "Ukraine", "2022-01-31")],
            "the actor's own side wondering aloud asserts nothing",
        ),
        (
            [
                event("alleged", "Joe Biden", "2022-01-25"),
                event("denied", "INNER WORKINGS OF THE KREMLIN REVEALED", "2022-01-26"),
            ],
            "a heading the text ran into is nobody speaking",
        ),
    ],
)
def test_presupposed_foretold_wondered_or_headed_claims_are_no_disagreement(events, why):
    assert event_disagreements("attack|russia", events) == [], why


def test_the_actor_s_promise_denies_and_its_forces_acting_is_asserted():
    promise = _before(event("denied", "the Kremlin", "2022-01-28"), "said Russia will not ")
    assert (
        len(event_disagreements("attack|russia", [event("alleged", "Joe Biden", "2022-01-25"), promise])) == 1
    )
    acted = _before(event("alleged", "Joe Biden", "2022-03-01", trigger="attacked"), "Russia's forces ")
    assert len(event_disagreements("attack|russia", [acted, event("denied", "Russia", "2022-03-02")])) == 1


def _person(store, ident: str, name: str, surname: str, roles: dict[str, int]) -> None:
    """An identity as the identity refresh files it: under its family-name key (`claimant_key`'s)."""
    store.con.execute(
        "INSERT INTO identities (id, kind, name, type, surname, roles)"
        " VALUES (?, 'person', ?, 'PERSON', ?, ?)",
        (ident, name, surname, json.dumps(roles)),
    )
    store.con.execute(
        "INSERT INTO identity_keys (key, identity_id) VALUES (?, ?)", (claimant_key(name), ident)
    )


def test_a_claimant_no_lexicon_places_speaks_for_the_party_its_identity_s_roles_name(tmp_path):
    with Store(tmp_path / "s.db") as store:
        _person(store, "person:ann-tarrow", "Ann Tarrow", "tarrow", {"British foreign secretary": 3})
        _person(store, "person:ivo-mell", "Ivo Mell", "mell", {"Estonian intelligence chief": 1})
        _person(store, "person:kai-dorn", "Kai Dorn", "dorn", {"US envoy": 2, "Russian analyst": 2})
        store.con.commit()
        events = [
            event("alleged", "Ann Tarrow", "2022-02-01"),
            event("alleged", "Ivo Mell", "2022-02-01"),  # met once: one mention is no allegiance
            event("alleged", "Kai Dorn", "2022-02-01"),  # roles in two camps
            event("denied", "the Kremlin", "2022-02-02"),
        ]
        attach_parties(store, events)
    assert [e.get("claimant_party") for e in events] == ["united kingdom", None, None, None]
    [d] = event_disagreements("attack|russia", events)
    assert [c["claimant"] for c in d["sides"][0]["claims"]] == ["Ann Tarrow"]
