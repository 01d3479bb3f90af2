"""Mentions whose clause reports no happening (issue 15, session 7): questions, unrealized deeds nobody in
particular would do, descriptions of a class, topics of talk; and the deeds next to them that stay
events. Sentences written for these tests."""

from __future__ import annotations

import pytest

from events_support import events_of


def _triggers(extract, text: str) -> list[str]:
    return [ev.trigger.text for ev in events_of(extract, text)]


def _of(extract, text: str, etype: str):
    """The events of one type in `text`."""
    return [ev for ev in events_of(extract, text) if ev.type == etype]


DROPPED = [
    # a purpose with nobody to carry it out is no event
    (
        "The talks in Geneva ended with a plan to open corridors to evacuate the wounded from the valley.",
        "evacuate",
    ),
    # a description of a class is no event
    (
        "The ministry published a list of retailers criticized for staying in the Russian market.",
        "criticized",
    ),
    # those to whom something happened are a class
    ("Those whose sons were killed at the front get free tuition, the decree says.", "killed"),
    # what people talk about is no event
    (
        "The two ministers talked about sanctions and the grain harvest during a long dinner in Rome.",
        "sanctions",
    ),
]


KEPT = [
    # a statement before a question in the same sentence stays
    (
        "Belarusian troops shelled the crossing at Mokrany on Sunday; "
        "why did nobody in Minsk say a word about it?",
        "shelled",
    ),
    # a clause the question takes as given stays
    (
        "Since Moscow shelled the port again on Friday, why should the shipping firms trust its promises?",
        "shelled",
    ),
    # a passive under a condition stays
    ("The minister said Moldova would respond at once if its border posts were attacked.", "attacked"),
    # a reduced relative with its agent stays
    ("Three villages captured by Azerbaijani troops on Monday were handed back on Friday.", "captured"),
    # an old year inside the sentence does not date its news
    (
        "Moscow, which seized the peninsula in 2014, shelled the port of Kherson on Monday, aides said.",
        "shelled",
    ),
    # a recent year leaves the narrative as news
    ("In 2022 the border was quiet. Last week the army shelled two villages near the crossing.", "shelled"),
    # a yearly holiday dates the present
    (
        "Since the New Year, Russia has embarked on a massive onslaught against the city of Kharkiv.",
        "onslaught",
    ),
]


@pytest.mark.parametrize(("text", "trigger"), DROPPED)
def test_mentions_that_report_no_happening(extract, text, trigger):
    assert trigger not in _triggers(extract, text)


@pytest.mark.parametrize(("text", "trigger"), KEPT)
def test_happenings_next_to_them_stay(extract, text, trigger):
    assert trigger in _triggers(extract, text)


ACTORS = [
    # (text, event type, a word of the actor): actors the parse names away from the trigger
    ("Lithuania accused Belarus of planning to invade the Suwalki corridor.", "attack", "Belarus"),
    (
        "Officials in Chisinau said military aid to Moldova from Romania had doubled this year.",
        "aid",
        "Romania",
    ),
    (
        "Western envoys tried to dissuade Belarus from invading the border villages of Lithuania.",
        "attack",
        "Belarus",
    ),
    (
        "Students left the country after President Aliyev's announcement of a partial mobilization.",
        "mobilize",
        "Aliyev",
    ),
    ("The ministry said that Russia had used Iranian drones to strike Odesa on Friday.", "attack", "Russia"),
    (
        "It aligned him with Donald Trump, who has opposed aid to Kyiv and criticised the Pentagon.",
        "accuse",
        "Trump",
    ),
]


@pytest.mark.parametrize(("text", "etype", "word"), ACTORS)
def test_actors_named_away_from_the_trigger(extract, text, etype, word):
    found = _of(extract, text, etype)
    assert found and found[0].actor is not None and word in found[0].actor.split()


def test_a_question_reports_nothing(extract):
    text = "Will Hungary finally lift its veto on the aid, or will it block the package again?"
    assert _triggers(extract, text) == []


def test_a_partys_plan_to_act_stays_a_speculated_event(extract):
    text = "Serbia plans to deploy two more battalions along the northern border next month."
    deploys = _of(extract, text, "deploy")
    assert len(deploys) == 1
    assert deploys[0].status == "speculated"
    assert deploys[0].actor is not None and "Serbia" in deploys[0].actor


def test_a_headline_the_body_does_not_repeat_is_no_event(extract):
    text = (
        "Navy seizes tanker in the strait\n\n"
        "The transport ministry said on Monday that fuel prices would rise by a tenth next month.\n"
    )
    assert [ev.type for ev in events_of(extract, text)] == []


def test_what_a_party_demands_is_no_happening(extract):
    text = "Chisinau demands that Moscow withdraws its troops from Transnistria before any talks."
    assert _of(extract, text, "retreat") == []


def test_what_a_party_says_was_done_stays(extract):
    text = "Chisinau says that Moscow withdrew two companies from Transnistria last week."
    assert len(_of(extract, text, "retreat")) == 1


def test_the_displaced_are_not_who_displaced_them(extract):
    text = "The court is looking into the deportation of Georgian children to camps in the north."
    moves = _of(extract, text, "displace")
    assert moves and moves[0].actor is None


def test_history_told_under_an_old_year_is_no_news(extract):
    text = (
        "Tensions in the region are old. In 1999 the army shelled the valley for weeks. "
        "The rebels then retreated to the mountains and the villagers fled to the coast."
    )
    assert _triggers(extract, text) == []


def test_what_a_chance_is_of_has_not_happened(extract):
    text = "Diplomats spoke of the chances of a withdrawal of Armenian troops from the pass before winter."
    moves = _of(extract, text, "retreat")
    assert moves and moves[0].status == "speculated"


def test_firms_leaving_a_market_do_not_retreat(extract):
    text = "Dozens of Western firms withdrew from the Belarusian market after the vote, the ministry said."
    assert _of(extract, text, "retreat") == []


def test_a_state_leaving_talks_does_not_retreat_but_troops_do(extract):
    text = "Baku withdrew from the talks on Monday. On Tuesday Armenian troops withdrew from two villages."
    retreats = _of(extract, text, "retreat")
    assert len(retreats) == 1 and retreats[0].actor is not None and "Armenian" in retreats[0].actor


def test_a_military_campaign_and_an_arms_export_are_events(extract):
    text = (
        "Serbia escalated its military campaign near the border on Sunday. "
        "Officials in Belgrade condemned the export of artillery shells from Hungary to the rebels."
    )
    kinds = {(ev.type, ev.trigger.text) for ev in events_of(extract, text)}
    assert ("attack", "military campaign") in kinds
    assert ("aid", "export") in kinds


def test_bare_sanctions_do_not_borrow_an_earlier_sanctioning_state(extract):
    text = (
        "Japan imposed sanctions on Belarus in March. "
        "Minsk says sanctions have not hurt its potash exports at all."
    )
    sanctions = _of(extract, text, "sanction")
    assert sanctions and all(ev.actor in (None, "Japan") for ev in sanctions)
    assert all(ev.actor is None for ev in sanctions if ev.trigger.span[0] > text.index("Minsk"))


def test_a_verb_is_never_an_actor(extract):
    text = "What Baku will not do is invade Armenia, the minister said on Friday."
    attacks = _of(extract, text, "attack")
    assert attacks and all(ev.actor != "do" for ev in attacks)


def test_weapons_used_to_strike_struck(extract):
    text = "Georgian officials said that Russia had used glide bombs to strike Gori overnight."
    strikes = _of(extract, text, "attack")
    assert strikes and strikes[0].status == "alleged"


def test_an_attack_named_by_its_noun_and_its_verb_is_one_event(extract):
    text = "Azerbaijani strikes destroyed a radio mast near the town of Goris on Monday."
    attacks = _of(extract, text, "attack")
    assert len(attacks) == 1
