"""Mentions whose clause reports no happening (issue 15, session 7): questions, unrealized deeds nobody in
particular would do, descriptions of a class, topics of talk; and the deeds next to them that stay
events. Sentences written for these tests."""

from __future__ import annotations

from events_support import events_of


def _triggers(extract, text: str) -> list[str]:
    return [ev.trigger.text for ev in events_of(extract, text)]


def test_a_question_reports_nothing(extract):
    text = "Will Hungary finally lift its veto on the aid, or will it block the package again?"
    assert _triggers(extract, text) == []


def test_a_statement_before_a_question_in_the_same_sentence_stays(extract):
    text = (
        "Belarusian troops shelled the crossing at Mokrany on Sunday; "
        "why did nobody in Minsk say a word about it?"
    )
    assert "shelled" in _triggers(extract, text)


def test_a_clause_the_question_takes_as_given_stays(extract):
    text = "Since Moscow shelled the port again on Friday, why should the shipping firms trust its promises?"
    assert "shelled" in _triggers(extract, text)


def test_a_purpose_with_nobody_to_carry_it_out_is_no_event(extract):
    text = "The talks in Geneva ended with a plan to open corridors to evacuate the wounded from the valley."
    assert "evacuate" not in _triggers(extract, text)


def test_a_partys_plan_to_act_stays_a_speculated_event(extract):
    text = "Serbia plans to deploy two more battalions along the northern border next month."
    events = events_of(extract, text)
    deploys = [ev for ev in events if ev.type == "deploy"]
    assert len(deploys) == 1
    assert deploys[0].status == "speculated"
    assert deploys[0].actor is not None and "Serbia" in deploys[0].actor


def test_the_accused_is_the_actor_of_what_it_is_said_to_plan(extract):
    text = "Lithuania accused Belarus of planning to invade the Suwalki corridor."
    events = events_of(extract, text)
    invasions = [ev for ev in events if ev.trigger.text == "invade"]
    assert invasions and invasions[0].actor == "Belarus"


def test_a_passive_under_a_condition_stays(extract):
    text = "The minister said Moldova would respond at once if its border posts were attacked."
    assert "attacked" in _triggers(extract, text)


def test_a_description_of_a_class_is_no_event(extract):
    text = "The ministry published a list of retailers criticized for staying in the Russian market."
    assert "criticized" not in _triggers(extract, text)


def test_those_to_whom_something_happened_are_a_class(extract):
    text = "Those whose sons were killed at the front get free tuition, the decree says."
    assert "killed" not in _triggers(extract, text)


def test_a_reduced_relative_with_its_agent_stays(extract):
    text = "Three villages captured by Azerbaijani troops on Monday were handed back on Friday."
    assert "captured" in _triggers(extract, text)


def test_what_people_talk_about_is_no_event(extract):
    text = "The two ministers talked about sanctions and the grain harvest during a long dinner in Rome."
    assert "sanctions" not in _triggers(extract, text)


def test_a_headline_the_body_does_not_repeat_is_no_event(extract):
    text = (
        "Navy seizes tanker in the strait\n\n"
        "The transport ministry said on Monday that fuel prices would rise by a tenth next month.\n"
    )
    assert [ev.type for ev in events_of(extract, text)] == []


def test_what_a_party_demands_is_no_happening(extract):
    text = "Chisinau demands that Moscow withdraws its troops from Transnistria before any talks."
    events = events_of(extract, text)
    assert [ev.type for ev in events if ev.type == "retreat"] == []


def test_what_a_party_says_was_done_stays(extract):
    text = "Chisinau says that Moscow withdrew two companies from Transnistria last week."
    assert [ev.type for ev in events_of(extract, text) if ev.type == "retreat"] == ["retreat"]


def test_a_from_phrase_names_who_acts(extract):
    text = "Officials in Chisinau said military aid to Moldova from Romania had doubled this year."
    aid = [ev for ev in events_of(extract, text) if ev.type == "aid"]
    assert aid and aid[0].actor == "Romania"


def test_whom_they_tried_to_stop_would_have_done_it(extract):
    text = "Western envoys tried to dissuade Belarus from invading the border villages of Lithuania."
    attack = [ev for ev in events_of(extract, text) if ev.type == "attack"]
    assert attack and attack[0].actor == "Belarus"


def test_the_announcer_of_a_mobilization_is_its_actor(extract):
    text = "Students left the country after President Aliyev's announcement of a partial mobilization."
    mob = [ev for ev in events_of(extract, text) if ev.type == "mobilize"]
    assert mob and mob[0].actor is not None and "Aliyev" in mob[0].actor


def test_the_displaced_are_not_who_displaced_them(extract):
    text = "The court is looking into the deportation of Georgian children to camps in the north."
    moves = [ev for ev in events_of(extract, text) if ev.type == "displace"]
    assert moves and moves[0].actor is None


def test_history_told_under_an_old_year_is_no_news(extract):
    text = (
        "Tensions in the region are old. In 1999 the army shelled the valley for weeks. "
        "The rebels then retreated to the mountains and the villagers fled to the coast."
    )
    assert _triggers(extract, text) == []


def test_an_old_year_inside_the_sentence_does_not_date_its_news(extract):
    text = "Moscow, which seized the peninsula in 2014, shelled the port of Kherson on Monday, aides said."
    assert "shelled" in _triggers(extract, text)


def test_a_recent_year_leaves_the_narrative_as_news(extract):
    text = "In 2022 the border was quiet. Last week the army shelled two villages near the crossing."
    assert "shelled" in _triggers(extract, text)


def test_what_a_chance_is_of_has_not_happened(extract):
    text = "Diplomats spoke of the chances of a withdrawal of Armenian troops from the pass before winter."
    moves = [ev for ev in events_of(extract, text) if ev.type == "retreat"]
    assert moves and moves[0].status == "speculated"


def test_firms_leaving_a_market_do_not_retreat(extract):
    text = "Dozens of Western firms withdrew from the Belarusian market after the vote, the ministry said."
    assert [ev.type for ev in events_of(extract, text) if ev.type == "retreat"] == []


def test_a_state_leaving_talks_does_not_retreat_but_troops_do(extract):
    text = "Baku withdrew from the talks on Monday. On Tuesday Armenian troops withdrew from two villages."
    retreats = [ev for ev in events_of(extract, text) if ev.type == "retreat"]
    assert len(retreats) == 1 and retreats[0].actor is not None and "Armenian" in retreats[0].actor


def test_a_military_campaign_and_an_arms_export_are_events(extract):
    text = (
        "Serbia escalated its military campaign near the border on Sunday. "
        "Officials in Belgrade condemned the export of artillery shells from Hungary to the rebels."
    )
    kinds = {(ev.type, ev.trigger.text) for ev in events_of(extract, text)}
    assert ("attack", "military campaign") in kinds
    assert ("aid", "export") in kinds


def test_who_uses_weapons_to_strike_is_the_striker(extract):
    text = "The ministry said that Russia had used Iranian drones to strike Odesa on Friday."
    strikes = [ev for ev in events_of(extract, text) if ev.type == "attack"]
    assert strikes and strikes[0].actor == "Russia"


def test_a_conjunct_of_a_relative_clause_shares_its_antecedent(extract):
    text = "It aligned him with Donald Trump, who has opposed aid to Kyiv and criticised the Pentagon."
    accusations = [ev for ev in events_of(extract, text) if ev.type == "accuse"]
    assert accusations and accusations[0].actor == "Donald Trump"


def test_bare_sanctions_do_not_borrow_an_earlier_sanctioning_state(extract):
    text = (
        "Japan imposed sanctions on Belarus in March. "
        "Minsk says sanctions have not hurt its potash exports at all."
    )
    sanctions = [ev for ev in events_of(extract, text) if ev.type == "sanction"]
    assert sanctions and all(ev.actor in (None, "Japan") for ev in sanctions)
    assert all(ev.actor is None for ev in sanctions if ev.trigger.span[0] > text.index("Minsk"))


def test_a_verb_is_never_an_actor(extract):
    text = "What Baku will not do is invade Armenia, the minister said on Friday."
    attacks = [ev for ev in events_of(extract, text) if ev.type == "attack"]
    assert all(ev.actor != "do" for ev in attacks)


def test_weapons_used_to_strike_struck(extract):
    text = "Georgian officials said that Russia had used glide bombs to strike Gori overnight."
    strikes = [ev for ev in events_of(extract, text) if ev.type == "attack"]
    assert strikes and strikes[0].status == "alleged"


def test_a_yearly_holiday_dates_the_present(extract):
    text = "Since the New Year, Russia has embarked on a massive onslaught against the city of Kharkiv."
    assert "onslaught" in _triggers(extract, text)


def test_an_attack_named_by_its_noun_and_its_verb_is_one_event(extract):
    text = "Azerbaijani strikes destroyed a radio mast near the town of Goris on Monday."
    attacks = [ev for ev in events_of(extract, text) if ev.type == "attack"]
    assert len(attacks) == 1
