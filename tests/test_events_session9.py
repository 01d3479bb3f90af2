"""Events, issue 15 session 9: general precision on opinion and analysis pieces (dispositions to fight,
...). Sentences written for these tests."""

from __future__ import annotations

from events_support import events_of


def _fights(extract, text: str) -> list[str]:
    return [ev.trigger.text for ev in events_of(extract, text) if ev.type == "fight"]


def test_a_wish_or_readiness_to_fight_is_no_clash(extract):
    text = (
        "The senator said the army does not want to fight in the north. "
        "Analysts doubt the conscripts' resolve to fight, and the generals may decide to fight later."
    )
    assert _fights(extract, text) == []


def test_fighting_a_problem_is_no_clash(extract):
    text = "The two governments pledged closer ties in trade and fighting terrorism, the ministry said."
    assert _fights(extract, text) == []


def test_a_reported_fight_and_a_continued_one_stay(extract):
    text = (
        "Marines fought rebel units near the port on Sunday. "
        "The rebels said they will continue fighting until the port is theirs."
    )
    assert _fights(extract, text) == ["fought", "fighting"]


def test_a_vow_to_fight_on_stays(extract):
    text = "The army's commander vowed to fight on until the town was retaken."
    assert _fights(extract, text) == ["fight"]


def test_an_announced_package_is_the_announcers_own_act(extract):
    text = "Canada announced a further $40m in military aid during a visit to Kyiv."
    aid = [ev for ev in events_of(extract, text) if ev.type == "aid"]
    assert [(ev.actor, ev.status) for ev in aid] == [("Canada", "announced")]



def test_a_negated_attitude_toward_the_war_denies_nothing(extract):
    text = (
        "The foreign minister said his country does not support the Russian aggression against Georgia. "
        "Officials in Tbilisi do not describe the occupation as a war."
    )
    assert [ev.status for ev in events_of(extract, text) if ev.status == "denied"] == []


def test_a_negated_launch_still_denies_the_offensive(extract):
    text = "The rebels did not launch an offensive on the capital, the defence ministry said."
    attacks = [ev for ev in events_of(extract, text) if ev.type == "attack"]
    assert [ev.status for ev in attacks] == ["denied"]


def _history_extract(extract, text: str):
    report = extract(text, published="2024-03-01")
    for ev in report.events:
        assert text[ev.trigger.span[0] : ev.trigger.span[1]] == ev.trigger.text
    return report.events


def test_infinitives_and_nominals_of_a_dated_past_are_history(extract):
    text = (
        "The Treaty of Kars (1921) ended that war. Turkey was forced to evacuate the valley, "
        "and the rebels compelled the garrison to withdraw. Poland joined in the occupation of the "
        "province."
    )
    assert [ev.trigger.text for ev in _history_extract(extract, text)] == []


def test_a_clause_dated_to_this_week_is_news_after_an_old_year(extract):
    text = (
        "The sprinter, who won a bronze medal at the games in 2016, has been killed at the front. "
        "His club said he died during combat operations on Sunday."
    )
    assert "combat operations" in [ev.trigger.text for ev in _history_extract(extract, text)]


def test_abandoning_a_country_is_no_retreat(extract):
    text = (
        "Critics warned that the alliance must not abandon Georgia, "
        "and that if Canada abandoned Georgia it would fail."
    )
    assert [ev for ev in events_of(extract, text) if ev.type == "retreat"] == []


def test_abandoning_a_town_is_still_a_retreat(extract):
    text = "The rebels abandoned the town of Goma on Friday."
    assert [ev.type for ev in events_of(extract, text)] == ["retreat"]


def test_a_typed_name_beats_a_capitalised_adjective_as_actor(extract):
    text = "Officials expect more weapons soon. Additional EU sanctions, including on coal, are imminent."
    sanctions = [ev for ev in events_of(extract, text) if ev.type == "sanction"]
    assert [ev.actor for ev in sanctions] == ["EU"]


def test_the_relative_who_names_its_antecedent_as_actor(extract):
    text = "The tribunal named the colonels who carried out the attacks on the villages near Tyre."
    attacks = [ev for ev in events_of(extract, text) if ev.type == "attack"]
    assert len(attacks) == 1 and "colonels" in (attacks[0].actor or "")


def test_a_general_hypothesis_borrows_no_actor(extract):
    text = (
        "Russia's invasion of Georgia began in August. "
        "Critics say a soft peace would only set the stage for further aggression."
    )
    triggers = [ev.trigger.text for ev in events_of(extract, text) if ev.type == "attack"]
    assert "aggression" not in triggers


def test_cutting_a_flow_of_goods_is_a_sanction(extract):
    text = (
        "Lithuania protested after Minsk blocked fuel supplies on Tuesday. "
        "Earlier, Belarus halted potash deliveries to the port, and Kyiv banned grain exports."
    )
    sanctions = [ev.trigger.text for ev in events_of(extract, text) if ev.type == "sanction"]
    assert sanctions == ["blocked fuel supplies", "halted potash deliveries", "banned grain exports"]


def test_a_condition_of_as_long_as_and_an_imminent_event_are_speculated(extract):
    text = (
        "The embargo will stay as long as the junta occupies the northern districts. "
        "New EU sanctions are imminent, diplomats said."
    )
    statuses = {ev.type: ev.status for ev in events_of(extract, text)}
    assert statuses.get("seize") == "speculated"
    assert statuses.get("sanction") == "speculated"


def test_a_demonym_on_an_act_of_state_names_the_state(extract):
    text = (
        "The Turkish sanctions on the shipping firm took effect on Monday. "
        "Experts expect a Russian invasion of Georgia soon."
    )
    actors = {ev.trigger.text: ev.actor for ev in events_of(extract, text)}
    assert actors.get("sanctions") == "Turkey"
    assert actors.get("invasion") == "Russia"


def test_a_fight_noun_that_characterizes_is_no_clash(extract):
    text = "The envoy said this is a battle of wills and a battle of nerves. Moldova is an early skirmish."
    assert _fights(extract, text) == []


def test_the_outlet_addressing_its_reader_is_no_event(extract):
    text = (
        "Rebels shelled the port on Monday.\n\n"
        "Sign up for our newsletter. By entering your email, you agree to our Terms of Use."
    )
    assert [ev.type for ev in events_of(extract, text)] == ["attack"]


def test_you_inside_a_quotation_still_acts(extract):
    text = '"You attacked our villages last night," the mayor told the rebel commander.'
    assert "attack" in [ev.type for ev in events_of(extract, text)]


def test_agreeing_that_something_is_so_is_no_agreement(extract):
    text = "The ministers agreed that the situation on the border is serious."
    assert [ev for ev in events_of(extract, text) if ev.type == "agree"] == []


def test_agreeing_that_something_will_be_done_is_one(extract):
    text = "The two sides agreed that prisoners will be exchanged next week."
    assert [ev.type for ev in events_of(extract, text) if ev.type == "agree"] == ["agree"]
