"""Events: type, actor, place and, above all, status (reported, announced, alleged, denied, ...)."""

from __future__ import annotations

import pytest

from events_support import events_of
from sitrep.components.shared.sides import same_name, same_party, side_of


def one(events, etype: str):
    found = [e for e in events if e.type == etype]
    assert found, f"no {etype} event in {[(e.type, e.trigger.text) for e in events]}"
    return found[0]


STATUS_CASES = [
    # (text, type, actor contains, status)
    (
        "Ukraine's defence ministry announced on Monday that its troops had withdrawn from Kherson.",
        "retreat",
        "ukraine",
        "announced",
    ),
    ("Russian troops withdrew from Kherson on Friday.", "retreat", "russian", "reported"),
    (
        "Kyiv said the Russian pullout from Kherson was a trick to lure its army into a trap.",
        "retreat",
        "russia",
        "disputed",
    ),
    ("Moscow denied that its forces had shelled the market in Kharkiv.", "attack", "russia", "denied"),
    ("Russian forces did not shell the market in Kharkiv, the ministry said.", "attack", "russian", "denied"),
    (
        "Russia will launch a new offensive against Kharkiv next month, Western officials said.",
        "attack",
        "russia",
        "speculated",
    ),
    ("Kyiv said Russia had amassed troops near Kharkiv.", "mobilize", "russia", "alleged"),
    (
        "The Kremlin announced the withdrawal of Russian forces from the town of Lyman.",
        "retreat",
        None,
        "announced",
    ),
]


@pytest.mark.parametrize(("text", "etype", "actor", "status"), STATUS_CASES)
def test_status_follows_attribution_modality_and_negation(extract, text, etype, actor, status):
    ev = one(events_of(extract, text), etype)
    assert ev.status == status
    if actor:
        assert actor in (ev.actor or "").lower()


def test_announced_carried_out_feigned_and_denied_in_one_article(extract):
    text = (
        "Russia announced on Wednesday that it had begun a retreat from Kherson.\n\n"
        "Ukrainian officials said Russian troops were feigning a withdrawal from the city.\n\n"
        "Russian units blew up a bridge and pulled out of Kherson on Friday.\n\n"
        "Moscow denied that its soldiers had looted the city museum."
    )
    evs = events_of(extract, text)
    statuses = {(e.type, e.status) for e in evs}
    assert ("retreat", "announced") in statuses
    assert ("retreat", "disputed") in statuses
    assert ("retreat", "reported") in statuses
    announced = next(e for e in evs if e.status == "announced")
    assert announced.actor and "russia" in announced.actor.lower()
    assert announced.place and "kherson" in announced.place.lower()
    assert announced.source and "russia" in announced.source.lower()
    feigned = next(e for e in evs if e.status == "disputed")
    assert feigned.source and "ukrainian" in feigned.source.lower()


def test_negated_event_is_denied_and_flagged(extract):
    ev = one(
        events_of(extract, "Israeli aircraft did not strike the hospital in Gaza City, the army said."),
        "attack",
    )
    assert ev.status == "denied" and ev.negated


def test_future_and_hypothetical_events_are_speculated(extract):
    evs = events_of(
        extract, "Officials fear that Russia could mobilize more reservists if the front collapses."
    )
    assert one(evs, "mobilize").status == "speculated"
    evs = events_of(extract, "Turkey plans to deploy troops to northern Syria.")
    assert one(evs, "deploy").status == "speculated"


def test_event_without_actor(extract):
    text = "A missile struck an apartment block in Dnipro on Saturday, killing at least 30 people."
    evs = events_of(extract, text)
    attack = one(evs, "attack")
    assert attack.actor is None
    assert attack.place and "dnipro" in attack.place.lower()
    kill = one(evs, "kill")
    assert kill.actor is None and kill.place == attack.place


def test_weapon_names_its_side_not_an_actor(extract):
    ev = one(events_of(extract, "Russian missiles hit Kyiv during the morning rush hour."), "attack")
    assert ev.actor and "russia" in ev.actor.lower()


def test_several_events_in_one_sentence(extract):
    text = "Rebels attacked the town of Goma, seized the airport and killed four guards on Sunday."
    evs = events_of(extract, text)
    assert {"attack", "seize", "kill"} <= {e.type for e in evs}
    assert all(e.actor == "Rebels" for e in evs if e.type in ("attack", "seize", "kill"))


def test_quantities_linked_to_their_event(extract):
    text = "Russia has amassed 40,000 troops near the border with Ukraine."
    report = extract(text)
    ev = one(report.events, "mobilize")
    assert ev.quantities, "the troop count should be linked"
    by_id = {q.id: q for q in report.quantities}
    assert any("40,000" in by_id[q].text for q in ev.quantities)


def test_historical_mentions_are_not_current_events(extract):
    evs = events_of(extract, "The armistice that ended the fighting in 1953 was signed at Panmunjom.")
    assert not evs
    evs = events_of(extract, "Russia annexed Crimea in 2014.")
    assert not evs


def test_topics_of_positions_are_not_events(extract):
    evs = events_of(extract, "Ukraine said it was open to peace talks with Russia.")
    assert not [e for e in evs if e.type == "negotiate"]


def test_repeated_mention_is_one_event_but_a_dispute_is_kept(extract):
    text = (
        "The Rapid Support Forces withdrew from two hospitals in Khartoum on Thursday.\n\n"
        "Aid workers welcomed the withdrawal.\n\n"
        "The army said the withdrawal was a ruse."
    )
    evs = [e for e in events_of(extract, text) if e.type == "retreat"]
    assert [e.status for e in evs] == ["reported", "disputed"]
    assert evs[1].actor == evs[0].actor


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Russia", "Russian forces", True),
        ("Kremlin", "Russia", True),
        ("Kyiv", "Ukrainian troops", True),
        ("United States", "United Nations", False),
        ("Israel", "Hamas", False),
    ],
)
def test_same_party(a, b, same):
    assert same_party(a, b) is same


def test_same_name_is_stricter_than_same_party():
    assert not same_name("Kremlin", "Russia")
    assert side_of("the Pentagon") == "us"


NOT_EVENTS = [
    # (text, type that must not be found)
    ("Negotiators struck a deal on prisoner exchanges in Riyadh on Sunday.", "attack"),
    ("The ministry released a statement on Tuesday.", "concede"),
    ("The opposition said the bill had been withdrawn.", "retreat"),
    ("The vehicle was occupied by two soldiers.", "seize"),
    ("Critics seized on the report to attack the plan.", "seize"),
    ("Russia annexed Crimea in 2014.", "seize"),
]


@pytest.mark.parametrize(("text", "etype"), NOT_EVENTS)
def test_generic_words_need_the_right_arguments(extract, text, etype):
    assert not [e for e in events_of(extract, text) if e.type == etype]


def test_struck_a_deal_is_an_agreement(extract):
    assert one(events_of(extract, "Negotiators struck a deal in Riyadh on Sunday."), "agree")


def test_a_comparison_year_does_not_make_an_event_historical(extract):
    evs = events_of(
        extract, "The attack on the convoy near Gao was the deadliest since 2019, officials said."
    )
    assert one(evs, "attack").status == "alleged"


def test_an_event_as_subject_passes_on_its_place_not_its_name(extract):
    text = "Clashes broke out in Tripoli on Monday.\n\nThe fighting killed at least 27 people."
    kill = one(events_of(extract, text), "kill")
    assert kill.actor is None
    assert kill.place and "tripoli" in kill.place.lower()


def test_a_source_is_not_a_place(extract):
    ev = one(
        events_of(extract, "Serbia has mobilized troops along the border, according to Washington."),
        "mobilize",
    )
    assert ev.place is None or "washington" not in ev.place.lower()


def test_object_control_names_who_retreats(extract):
    text = "Ukraine's counteroffensive forced Russian troops to retreat from Izium, officials in Kyiv said."
    ev = one(events_of(extract, text), "retreat")
    assert ev.actor and "russian" in ev.actor.lower()
    assert ev.status == "alleged"


def test_a_leader_announces_for_his_country(extract):
    text = (
        "Ukrainian President Volodymyr Zelenskyy said Ukrainian troops "
        "had recaptured the village of Klishchiivka."
    )
    ev = one(events_of(extract, text), "seize")
    assert ev.status == "announced"
    assert ev.source and "zelenskyy" in ev.source.lower()


def test_a_belief_is_not_a_claim_that_the_event_happened(extract):
    r = extract("Officials in Kyiv believe Russian forces withdrew from the city of Kherson overnight.")
    retreats = [e for e in r.events if e.type == "retreat"]
    assert retreats and all(e.status == "speculated" for e in retreats)
    said = extract("Officials in Kyiv said Russian forces withdrew from the city of Kherson overnight.")
    assert [e.status for e in said.events if e.type == "retreat"] == ["alleged"]
