"""Which mentions are events, issue 15 session 10: foreseen aggression named by an of-phrase, military
maneuvers and drills known by who holds them or where. Sentences written for these tests."""

from __future__ import annotations

from events_support import triggers_of


def test_a_foreseen_aggression_in_an_of_phrase_is_an_event(extract):
    text = "Lithuania is preparing for the consequences of possible aggression against its border towns."
    found = triggers_of(extract, text)
    assert found.get("aggression", ("", None, ""))[::2] == ("attack", "speculated"), found


def test_the_crime_of_aggression_is_still_a_name(extract):
    text = "The tribunal will try the crime of aggression, the prosecutor said on Monday."
    assert "aggression" not in triggers_of(extract, text)


def test_maneuvers_with_troops_are_a_mobilization(extract):
    text = "Maneuvers with the participation of Belarusian troops are under way near Brest, officials said."
    found = triggers_of(extract, text)
    assert found.get("Maneuvers", ("",))[0] == "mobilize", found


def test_drills_at_a_named_place_are_a_mobilization(extract):
    text = "Exercises were held near Grodno on Monday, and on Tuesday maneuvers in the Baltic Sea began."
    found = triggers_of(extract, text)
    assert found.get("maneuvers", ("",))[0] == "mobilize", found


def test_exercises_of_no_force_are_no_event(extract):
    text = "The students finished their breathing exercises before the exam."
    assert "exercises" not in triggers_of(extract, text)


def test_dialogue_needs_its_parties(extract):
    kept = triggers_of(extract, "Warsaw held a dialogue with Minsk on border crossings last week.")
    assert kept.get("dialogue", ("",))[0] == "negotiate", kept
    gone = triggers_of(extract, "The two leaders agreed to continue dialogue, the ministry said.")
    assert "dialogue" not in gone


def test_the_injured_of_a_toll_are_no_second_event(extract):
    text = "At least seven people were killed and 25 injured when a missile hit a market in Sumy."
    found = triggers_of(extract, text)
    assert "killed" in found and "injured" not in found, found


def test_left_dead_is_a_killing(extract):
    text = "Overnight shelling of Kherson left at least nine civilians dead, the governor said."
    found = triggers_of(extract, text)
    assert found.get("dead", ("",))[0] == "kill", found


def test_acts_of_a_bygone_state_are_history(extract):
    text = (
        "Moscow's envoy recalled how Soviet officials demanded a naval base "
        "and then shelled the border posts."
    )
    found = triggers_of(extract, text)
    assert "demanded" not in found and "shelled" not in found, found


def test_a_former_soviet_republic_is_no_history(extract):
    text = "Russian artillery shelled villages in the former Soviet republic on Tuesday, officials said."
    found = triggers_of(extract, text)
    assert found.get("shelled", ("",))[0] == "attack", found


def test_a_warning_of_anothers_act_is_no_threat(extract):
    text = "The Estonian premier warned of a sudden offensive across the northern border."
    assert "warned" not in triggers_of(extract, text)


def test_a_warning_with_a_conditional_response_is_a_threat(extract):
    text = (
        "Poland warned that in the case of an incursion into its airspace, "
        "its jets would shoot down the drones."
    )
    found = triggers_of(extract, text)
    assert found.get("warned", ("",))[0] == "threaten", found
    text = "The Finnish president cautioned Moscow that any provocation would meet a firm response."
    found = triggers_of(extract, text)
    assert found.get("cautioned", ("",))[0] == "threaten", found


def test_sanctions_got_round_are_background(extract):
    text = "Investigators say the trading firm helped Minsk skirt European sanctions on potash."
    assert "sanctions" not in triggers_of(extract, text)
    text = "Georgia kept selling diesel to Russia despite sanctions, the report says."
    assert "sanctions" not in triggers_of(extract, text)


def test_despite_attacks_is_still_news_of_attacks(extract):
    text = "The garrison held the bridge despite relentless Russian attacks on Tuesday."
    assert triggers_of(extract, text).get("attacks", ("",))[0] == "attack"


def test_blacklisting_is_a_sanction(extract):
    text = "The Treasury blacklisted nine shipping companies on Friday, officials said."
    assert triggers_of(extract, text).get("blacklisted", ("",))[0] == "sanction"


def test_forces_committed_or_placed_are_a_deployment(extract):
    found = triggers_of(extract, "Belarus has placed about 2,000 soldiers near the Lithuanian border.")
    assert found.get("placed", ("",))[0] == "deploy", found
    found = triggers_of(extract, "In the first week, Russia committed forty battalion groups to the assault.")
    assert found.get("committed", ("",))[0] == "deploy", found


def test_abuses_committed_by_forces_are_no_deployment(extract):
    found = triggers_of(extract, "Militia forces have committed abuses in the villages, monitors said.")
    assert found.get("committed", ("",))[0] != "deploy", found


def test_troops_a_state_sent_are_a_deployment(extract):
    text = "A third of the troops that Belarus sent to the border have already returned, officials said."
    found = triggers_of(extract, text)
    assert found.get("sent", ("",))[0] == "deploy", found


def test_a_bound_of_comparison_dates_nothing(extract):
    text = (
        "The envoy accused Minsk of silence about the largest deployment of nuclear arms "
        "since the collapse of the USSR in 1991."
    )
    found = triggers_of(extract, text)
    assert found.get("accused", ("",))[0] == "accuse", found


def test_allegations_are_accusations(extract):
    text = "Dubious allegations of a coup plot were floated by the foreign office last week."
    found = triggers_of(extract, text)
    assert found.get("allegations", ("",))[0] == "accuse", found


def test_a_plural_noun_tagged_a_verb_keeps_its_noun_trigger(extract):
    text = (
        "The envoy told his counterpart on Monday that accusations Minsk plans to attack Vilnius "
        "were provocative speculation."
    )
    found = triggers_of(extract, text)
    assert found.get("accusations", ("",))[0] == "accuse", found


def test_negotiation_as_a_means_is_no_event(extract):
    text = "The foreign minister argued that every war ends with negotiations, in a speech in Riga."
    assert "negotiations" not in triggers_of(extract, text)
    text = "Moldova and Transnistria resumed negotiations on Monday, the mediators said."
    assert triggers_of(extract, text).get("negotiations", ("",))[0] == "negotiate"


def test_blackmail_is_a_threat(extract):
    text = "Like a racketeer practising crude blackmail, the envoy claimed the conflict could spread."
    assert triggers_of(extract, text).get("blackmail", ("",))[0] == "threaten"


def test_a_demand_named_in_a_phrase_is_still_a_request(extract):
    text = "Minsk could attack should Vilnius not adhere to its demands on transit, the ministry said."
    assert triggers_of(extract, text).get("demands", ("",))[0] == "request"
    text = "The mayors wrote in an open appeal to the chancellor that the shelters were full."
    assert triggers_of(extract, text).get("appeal", ("",))[0] == "request"


def test_market_demand_and_requests_for_comment_are_no_requests(extract):
    text = "Prices slid on weaker demand from India, and the firm did not respond to a request for comment."
    found = triggers_of(extract, text)
    assert "demand" not in found and "request" not in found, found


def test_an_attack_on_a_country_in_a_setting_phrase_is_the_war(extract):
    text = "After Russia's attack on Ukraine, the patriarch said the war had a sacred meaning."
    assert "attack" not in triggers_of(extract, text)
    text = "The speech was rewritten after his biggest escalation since invading Ukraine in February."
    assert "invading" not in triggers_of(extract, text)


def test_an_attack_on_a_town_in_a_setting_phrase_is_still_news(extract):
    text = "After a Russian attack on Kupiansk, the governor ordered an evacuation of the district."
    assert triggers_of(extract, text).get("attack", ("",))[0] == "attack"
