"""Events and positions on wording the first rules missed: affiliation, place anaphora, new triggers."""

from __future__ import annotations

import pytest

from sitrep.components.shared.sides import same_party, side_of


def events_of(extract, text: str):
    report = extract(text, published="2024-05-01")
    for ev in report.events:
        s, e = ev.trigger.span
        assert text[s:e] == ev.trigger.text
    return report.events


def positions_of(extract, text: str):
    report = extract(text, published="2024-05-01")
    for p in report.positions:
        for (s, e), cond in zip(p.condition_spans, p.conditions, strict=True):
            assert text[s:e] == cond
    return report.positions


def one(events, etype: str):
    found = [e for e in events if e.type == etype]
    assert found, f"no {etype} event in {[(e.type, e.trigger.text) for e in events]}"
    return found[0]


@pytest.mark.parametrize(
    ("name", "side"),
    [
        ("Chancellor Olaf Scholz", "germany"),
        ("Lebanon's caretaker prime minister", "lebanon"),
        ("the Malian junta", "mali"),
        ("Nairobi", "kenya"),
        ("Colombian officials", "colombia"),
    ],
)
def test_side_from_offices_capitals_and_demonyms(name, side):
    assert side_of(name) == side


def test_police_and_state_media_speak_for_the_state():
    assert same_party("riot police", "the interior ministry")
    assert same_party("government troops", "state television")
    assert not same_party("Russian police", "Ukraine's interior ministry")


def test_office_holder_announces_for_his_country(extract):
    text = "Chancellor Olaf Scholz said Germany would send two more air defence systems to Kyiv next month."
    ev = one(events_of(extract, text), "aid")
    assert ev.status == "speculated"
    text = "Prime Minister Benjamin Netanyahu said Israeli troops had withdrawn from Khan Younis."
    ev = one(events_of(extract, text), "retreat")
    assert ev.status == "announced"


def test_possessed_ministry_speaks_for_its_country(extract):
    text = "Chad's defence ministry said on Monday that its soldiers had recaptured the town of Kalait."
    ev = one(events_of(extract, text), "seize")
    assert ev.status == "announced"
    assert "chad" in (ev.actor or "").lower()


def test_definite_place_noun_names_the_last_place(extract):
    text = (
        "NIAMEY -- Gunmen attacked an army post near Tillaberi on Sunday. "
        "Residents said dozens of families had fled the town."
    )
    ev = one(events_of(extract, text), "displace")
    assert ev.place is not None and ev.place.startswith("Tillab")


def test_the_capital_after_a_dateline(extract):
    text = "SANAA -- Coalition jets bombed fuel depots on the edge of the capital overnight, residents said."
    ev = one(events_of(extract, text), "attack")
    assert ev.place == "Sanaa"


def test_compass_phrase_gives_the_place(extract):
    text = "Ethnic militias launched an assault on army positions east of Lashio on Friday."
    assert one(events_of(extract, text), "attack").place == "Lashio"


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Rebel columns entered Bukavu on Saturday.", "attack"),
        ("Israeli troops pushed deeper into Jabalia overnight.", "attack"),
        ("The garrison town fell to the insurgents after a week of shelling.", "seize"),
        ("Thousands of migrants were deported to Afghanistan last month.", "displace"),
        ("The army ordered villagers to leave their homes in the border area.", "displace"),
        ("The rebels accepted the ceasefire proposal on Tuesday.", "agree"),
        ("The European Union cut aid to the junta in March.", "sanction"),
        ("The two armies exchanged fire along the frontier overnight.", "fight"),
        ("The mutineers said they would turn back toward their barracks.", "retreat"),
        ("Egypt brokered a new truce between the two sides.", "negotiate"),
    ],
)
def test_new_triggers(extract, text, etype):
    assert any(e.type == etype for e in events_of(extract, text))


@pytest.mark.parametrize(
    "text",
    [
        "Fuel prices fell sharply in Kabul in April.",
        "The delegation left the meeting early on Monday.",
        "The minister accepted responsibility for the delays.",
        "The old bridge was destroyed in 1944.",
        "The minister called on Tuesday for calm.",
    ],
)
def test_broad_verbs_need_their_arguments(extract, text):
    types = {e.type for e in events_of(extract, text)}
    assert not types & {"seize", "displace", "agree", "attack", "request"}


def test_town_falls_to_its_taker(extract):
    ev = one(events_of(extract, "The border town of Kalait fell to the rebels on Monday."), "seize")
    assert ev.actor is not None and "rebel" in ev.actor.lower()


def test_weapon_platform_names_its_side(extract):
    ev = one(events_of(extract, "Army helicopters struck rebel camps near Kidal on Monday."), "attack")
    assert ev.actor is not None and "army" in ev.actor.lower()


def test_killed_in_the_strikes_continues_the_strikes(extract):
    text = (
        "Turkish drones struck fuel depots in Qamishli on Monday. "
        "Kurdish officials said nine workers were killed in the strikes."
    )
    kill = one(events_of(extract, text), "kill")
    assert kill.place == "Qamishli"
    assert kill.actor is not None and "turk" in kill.actor.lower()
    assert kill.status == "alleged"


def test_would_keep_attacking_is_speculated(extract):
    text = "A rebel spokesman said the group would keep attacking army convoys until the siege ended."
    assert one(events_of(extract, text), "attack").status == "speculated"


def test_threat_conjoined_with_the_report_is_the_speakers(extract):
    text = "President Vladimir Putin said the raids were a provocation and threatened a tough response."
    ev = one(events_of(extract, text), "threaten")
    assert ev.status == "reported"
    assert ev.actor is not None and "putin" in ev.actor.lower()


def test_refusal_swallows_the_refused_act(extract):
    text = "The militia refused to release the kidnapped aid workers."
    types = [e.type for e in events_of(extract, text)]
    assert "reject" in types and "concede" not in types


def test_plural_group_is_the_they_of_its_report(extract):
    text = "ADEN -- The Houthis said on Sunday they had struck a tanker in the Gulf of Aden."
    ev = one(events_of(extract, text), "attack")
    assert ev.actor == "Houthis" and ev.status == "announced"


@pytest.mark.parametrize(
    ("text", "holder", "stance", "n"),
    [
        ("The African Union called on both sides to observe the truce.", "african union", "open", 0),
        ("Rwanda remained ready to send peacekeepers once a mandate was agreed.", "rwanda", "conditional", 1),
        ("Brazil urged the warring parties to return to negotiations.", "brazil", "open", 0),
    ],
)
def test_more_position_patterns(extract, text, holder, stance, n):
    found = positions_of(extract, text)
    assert found, "no position"
    p = found[0]
    assert holder in p.holder.lower() and p.stance == stance and len(p.conditions) == n


def test_diplomat_ordered_out_is_an_expulsion(extract):
    text = "The junta ordered the French ambassador to leave the country within 48 hours."
    ev = one(events_of(extract, text), "sanction")
    assert ev.actor is not None and "junta" in ev.actor.lower()
    assert not any(e.type == "displace" for e in events_of(extract, text))


def test_own_pronoun_report_keeps_its_status(extract):
    text = "Paris said it did not recognise the council and refused to recall its envoy."
    assert one(events_of(extract, text), "reject").status == "announced"


def test_rally_to_demand_is_one_event(extract):
    text = "Thousands of people rallied in Bamako on Friday to demand the departure of foreign troops."
    types = [e.type for e in events_of(extract, text)]
    assert types.count("protest") == 1 and "request" not in types


def test_demonym_territory_names_the_country(extract):
    text = "Moscow denied that Russian troops had entered Georgian territory on Monday."
    ev = one(events_of(extract, text), "attack")
    assert ev.status == "denied" and ev.place == "Georgia"
