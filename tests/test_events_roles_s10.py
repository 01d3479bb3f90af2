"""Events, issue 15 session 10: actor and status of found events (who did it, on whose word), on
sentences written for these tests."""

from __future__ import annotations

from events_support import events_of


def _one(extract, text: str, trigger: str):
    found = [e for e in events_of(extract, text) if e.trigger.text == trigger]
    assert found, f"no event at {trigger!r}"
    return found[0]


def test_the_side_on_a_weapon_compound_did_the_strikes(extract):
    text = (
        "A fuel depot burned in Belgorod overnight, and officials blamed the fire on Ukrainian drone "
        "strikes. Three soldiers were wounded by Russian artillery attacks near Kupiansk."
    )
    assert _one(extract, text, "strikes").actor == "Ukrainian forces"
    assert _one(extract, text, "attacks").actor == "Russian forces"


def test_i_in_a_quote_is_the_speaker_and_announces_the_act(extract):
    text = (
        'The Belarusian leader met reporters in Minsk on Friday. "I demanded the rockets back," '
        "Lukashenko said."
    )
    ev = _one(extract, text, "demanded")
    assert ev.actor == "Lukashenko"
    assert ev.status == "announced"


def test_an_unnamed_killing_in_a_story_of_one_sides_attacks_is_that_sides(extract):
    text = (
        "Russian troops shelled Kharkiv on Monday and Russian forces captured two villages near Izium. "
        "Three civilians were killed in the city overnight, the governor said."
    )
    assert _one(extract, text, "killed").actor == "Russian forces"


def test_no_leading_side_no_credit_and_a_states_crime_is_not_credited(extract):
    text = "Three civilians were killed in the city overnight, the governor said."
    assert _one(extract, text, "killed").actor is None
    text = (
        "Russian troops shelled Kharkiv on Monday and Russian forces captured two villages near Izium. "
        "Beijing has long denied the charge of genocide in Xinjiang, the paper wrote."
    )
    assert _one(extract, text, "genocide").actor is None


def test_the_russian_side_is_russia(extract):
    text = "The Russian side has attacked the port of Odesa twice this week, the navy said."
    assert _one(extract, text, "attacked").actor == "Russia"


def test_an_event_dated_after_publication_is_speculated(extract):
    text = (
        "The general said the Russian command had tasked its units with capturing Siversk by June 12. "
        "Russian troops captured Bilohorivka on Sunday."
    )
    events = extract(text, published="2024-05-20").events
    by = {e.trigger.text: e for e in events}
    assert by["capturing"].status == "speculated"
    assert by["captured"].status != "speculated"


def test_an_event_feared_or_threatened_is_speculated(extract):
    text = "Lithuania is afraid of a Russian assault on the Suwalki corridor, the defence minister said."
    assert _one(extract, text, "assault").status == "speculated"
    text = (
        '"The threat of rocket strikes on our power plants from the territory of Transnistria remains," '
        "the army command said."
    )
    assert _one(extract, text, "strikes").status == "speculated"


def test_a_negated_plan_denies_the_deed(extract):
    text = "The Belarusian foreign minister assured his guest that Minsk is not going to invade Lithuania."
    ev = _one(extract, text, "invade")
    assert ev.status == "denied"
    assert ev.negated


def test_an_office_holder_announces_her_states_deed(extract):
    text = "Liz Truss told MPs on Tuesday that London already sends anti-tank weapons to Kyiv."
    ev = next(e for e in events_of(extract, text) if e.type == "aid")
    assert ev.status == "announced"


def test_the_host_of_talks_between_others_is_their_actor(extract):
    text = "Turkey hosted two rounds of talks between Russia and Ukraine in Istanbul, the ministry said."
    assert _one(extract, text, "talks").actor == "Turkey"
    text = "Talks between Putin and Biden ended on Friday without a deal."
    assert _one(extract, text, "Talks").actor == "Putin and Biden"


def test_the_enemy_in_a_generals_words_is_the_other_side(extract):
    text = (
        "Oleksandr Syrskyi said the enemy had shelled Kupiansk overnight and tried to capture "
        "the village of Synkivka."
    )
    assert _one(extract, text, "shelled").actor == "Russian forces"


def test_an_armed_groups_leader_acting_by_force_is_the_group(extract):
    text = "Yevgeny Prigozhin attacked an army convoy near Voronezh on Saturday, the ministry said."
    assert _one(extract, text, "attacked").actor == "Wagner Group"


def test_who_ordered_a_move_of_a_bare_count_of_forces_made_it(extract):
    text = "Moscow ordered a mobilisation of 5,000 reservists in the Belgorod region on Tuesday."
    assert _one(extract, text, "mobilisation").actor == "Russia"


def test_an_ordered_act_is_reported_not_announced(extract):
    text = "The Belarusian president ordered a mobilisation of 20,000 reservists on Friday."
    assert _one(extract, text, "mobilisation").status == "reported"


def test_joint_demonyms_name_both_states(extract):
    text = "Russian-Belarusian exercises began near Brest on Thursday, the ministry said."
    assert _one(extract, text, "exercises").actor == "Russia and Belarus"


def test_what_a_report_yet_to_be_made_would_say_is_speculated(extract):
    text = (
        "Votes are due in two occupied districts, and Moscow is expected to declare that they have "
        "been annexed."
    )
    assert _one(extract, text, "annexed").status == "speculated"
