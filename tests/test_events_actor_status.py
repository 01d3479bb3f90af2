"""Actors through appositions and acronyms, statuses of speech acts, inverted conditions and factive
verbs under negation (issue 15, session 6). Sentences written for these tests."""

from __future__ import annotations

from events_support import events_of


def _by_trigger(extract, text: str) -> dict[str, tuple[str | None, str | None, str]]:
    return {ev.trigger.text: (ev.actor, ev.target, ev.status) for ev in events_of(extract, text)}


def test_us_in_capitals_is_the_state_not_the_speakers_we(extract):
    text = "US sanctions on Belarus will be tougher than before, the senator told reporters."
    assert _by_trigger(extract, text)["sanctions"][0] == "US"


def test_a_description_in_apposition_acts_through_its_name(extract):
    text = (
        "One of the loudest critics of the government, a senior lawyer, Petro Hnatiuk, urged the deputies "
        "to vote against the bill."
    )
    actor, _, status = _by_trigger(extract, text)["urged"]
    assert actor == "Petro Hnatiuk"
    assert status == "reported"  # the outlet reports his appeal: it is no claim of his


def test_an_inverted_condition_is_speculated(extract):
    text = "Were Iran to ship drones to Venezuela, the senator said, Washington would respond."
    found = _by_trigger(extract, text)
    assert found["ship"][2] == "speculated"


def test_a_negated_factive_verb_does_not_deny_its_object(extract):
    text = "The mayor did not ignore the shelling of Kharkiv by Russian artillery last week."
    found = _by_trigger(extract, text)
    assert found["shelling"][2] == "reported"


def test_a_leader_imposing_sanctions_acts_for_the_state(extract):
    text = "Joe Biden announced new sanctions on Belarusian potash exporters on Tuesday."
    assert _by_trigger(extract, text)["sanctions"][0] == "US"


def test_a_leader_doing_other_things_stays_the_person(extract):
    text = "Joe Biden threatened Minsk with consequences on Tuesday."
    assert _by_trigger(extract, text)["threatened"][0] == "Joe Biden"


def test_a_belligerents_losses_told_without_a_killer_are_the_other_sides(extract):
    text = (
        "According to the daily report of the Ukrainian General Staff, 940 Russian soldiers were "
        "eliminated over the past day near Bakhmut."
    )
    actor, _, status = _by_trigger(extract, text)["eliminated"]
    assert actor == "Ukrainian forces"
    assert status == "announced"  # Ukraine's own staff tells of Ukraine's deed


def test_a_killing_outside_the_war_gets_no_guessed_killer(extract):
    text = "A Russian businessman was killed in Vienna, police in Ukraine and Austria said."
    assert _by_trigger(extract, text)["killed"][0] is None


def test_talks_between_the_two_sides_are_held_by_their_host(extract):
    text = "The rebellion ended on Sunday after Kazakhstan held negotiations between the two sides."
    assert _by_trigger(extract, text)["negotiations"][0] == "Kazakhstan"


def test_a_belligerents_people_killed_without_a_killer_are_the_other_states(extract):
    text = "Ukrainians are being killed every day, the Latvian minister said, blaming Russia."
    assert _by_trigger(extract, text)["killed"][0] == "Russia"


def test_western_sanctions_are_the_wests(extract):
    text = "Moscow raised taxes to pay for the war and for western sanctions on its banks."
    assert _by_trigger(extract, text)["sanctions"][0] == "Western"


def test_the_supply_of_a_sides_weapons_is_that_sides_aid(extract):
    text = "The Kremlin condemned the delivery of western howitzers to Ukraine last month."
    assert _by_trigger(extract, text)["delivery"][0] == "Western"


def test_a_rebellion_after_following_is_a_known_setting(extract):
    text = (
        "The ministry said on Monday it had lost contact with the colonel following his failed mutiny "
        "against the defence minister."
    )
    assert _by_trigger(extract, text)["mutiny"][2] == "reported"
