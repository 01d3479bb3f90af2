"""Events, issue 15 session 11: actor names of found events, on sentences written for these tests."""

from __future__ import annotations

from events_support import events_of


def _one(extract, text: str, trigger: str):
    found = [e for e in events_of(extract, text) if trigger in e.trigger.text]
    assert found, f"no event at {trigger!r}"
    return found[0]


def test_sanctions_on_russia_with_no_sanctioner_are_the_western_coalitions(extract):
    text = (
        "The rouble recovered in the spring. Even though Moscow has been sanctioned over the war, "
        "its oil exports rose by a fifth, the central bank reported."
    )
    assert _one(extract, text, "sanctioned").actor == "Western countries"


def test_a_named_sanctioner_and_other_sanctioned_states_keep_their_actor(extract):
    named = "Japan imposed new sanctions on Russia on Friday over the annexation of four regions."
    assert _one(extract, named, "sanctions").actor == "Japan"
    other = "Venezuela's economy shrank for a sixth year after it was sanctioned over the disputed election."
    assert _one(extract, other, "sanctioned").actor is None


def test_a_dotted_acronym_in_an_actor_is_written_without_dots(extract):
    text = "The U.S. Treasury said on Tuesday it had blacklisted 14 Russian arms dealers and two banks."
    ev = _one(extract, text, "blacklisted")
    assert ev.actor is not None and "U.S." not in ev.actor and "US" in ev.actor.split()


def test_its_on_an_event_skips_a_coordinated_subject_for_the_singular_one_above(extract):
    text = (
        "The Kremlin says it may attack Moldova if Kyiv and its allies ignore its demands for neutrality, "
        "the analyst Tom Ward said."
    )
    assert _one(extract, text, "demands").actor in ("Kremlin", "Russia")


def test_its_after_a_gerund_names_the_gerunds_subject(extract):
    text = (
        "Ann Cole has studied the army for years. Recent moves point to Moscow widening its assault on "
        "the south, Cole wrote on Monday."
    )
    assert _one(extract, text, "assault").actor in ("Moscow", "Russia")


def test_an_appeal_written_or_sent_is_the_writers(extract):
    text = (
        "Berlin should speed up its tank deliveries, three former German generals wrote in an open appeal "
        "to the chancellor on Sunday."
    )
    assert _one(extract, text, "appeal").actor == "three former German generals"


def test_a_demand_sent_with_a_letter_is_the_senders(extract):
    text = (
        "The Moldovan president said on Friday that she had sent a letter to the Kremlin with a demand that "
        "Russia withdraw its troops from Transnistria."
    )
    ev = _one(extract, text, "demand")
    assert ev.actor is not None and "Kremlin" not in ev.actor and "Russia" not in ev.actor


def test_a_short_form_of_a_state_is_named_as_the_gold_names_states(extract):
    # the statements layer shows "UK" as the article writes it; an event names the state "United Kingdom"
    # (and the United States "US", events_state_names.tsv), whichever form the article used
    uk = "The UK announced a further package of military aid to Ukraine on Monday, the defence ministry said."
    assert _one(extract, uk, "aid").actor == "United Kingdom"
    us = "The U.S. announced new sanctions on two Russian banks on Friday."
    assert _one(extract, us, "sanctions").actor == "US"


def test_a_past_tense_deed_keeps_its_status_beside_a_vague_future_reference(extract):
    # machine-translated copy runs clauses together, and the parse can hang "in the coming days" (now a
    # FUTURE_REF date, as TimeBank writes it) on the past-tense verb of another clause: the tense wins
    text = "Russian troops surrounded Kharkiv in the coming days, the mayor said."
    assert _one(extract, text, "surrounded").status == "alleged"
    ahead = "Russian troops will surround Kharkiv in the coming days, the mayor said."
    assert _one(extract, ahead, "surround").status == "speculated"
