"""Positions (issue 15, session 7): who holds them in joint texts and reported speech, cues read from the
data files (a desire, a threat, "called to"), refusals whose object is the sentence's earlier demand, and
what is no condition or no topic. Sentences written for these tests."""

from __future__ import annotations

from positions_support import positions_of


def _about(found, word):
    return [p for p in found if word in p.topic.lower()]


def test_the_participants_of_a_joint_text_hold_its_demands(extract):
    text = (
        "The members of the Baltic Forum in a joint declaration called on Moscow to withdraw its soldiers "
        "from Georgia immediately."
    )
    (pos,) = _about(positions_of(extract, text), "soldiers")
    assert "members" in pos.holder.lower()
    assert pos.stance == "open"


def test_a_text_named_as_holder_is_its_issuers(extract):
    text = (
        "The participants in the Baltic Forum in a joint declaration called on Moscow to withdraw its "
        "soldiers from Georgia.\n\n"
        '"Any attempts to move the borders of Georgia by force are illegal, they undermine its '
        'sovereignty and will not be recognized," the declaration said.'
    )
    found = positions_of(extract, text)
    assert found
    assert all("declaration" not in p.holder.lower() for p in found)
    assert any("participants" in p.holder.lower() for p in _about(found, "recogni"))


def test_a_desire_states_a_position(extract):
    text = "Tehran's desire to sell more drones to Moscow worries the Gulf states."
    (pos,) = _about(positions_of(extract, text), "drones")
    assert "tehran" in pos.holder.lower() or "iran" in pos.holder.lower()
    assert pos.stance == "open"


def test_a_threat_of_sanctions_states_a_position(extract):
    text = "The chancellor threatened new sanctions against Belarus on Monday."
    (pos,) = _about(positions_of(extract, text), "sanctions")
    assert "chancellor" in pos.holder.lower()


def test_a_country_that_threatens_war_states_nothing(extract):
    text = "Europe cannot depend on gas from a country that threatens war, the commissioner said."
    assert not [p for p in positions_of(extract, text) if "country" in p.holder.lower()]


def test_called_to_with_an_infinitive(extract):
    text = (
        "Beijing published a twelve-point document on Friday. The document called to suspend the shelling "
        "and to open talks between both sides."
    )
    found = positions_of(extract, text)
    assert found and found[0].stance == "open"
    assert "beijing" in found[0].holder.lower() or "china" in found[0].holder.lower()


def test_as_soon_as_possible_is_no_condition(extract):
    text = '"We want the fighting to stop as soon as possible," the Kenyan president said.'
    found = positions_of(extract, text)
    assert all(not p.conditions and p.stance != "conditional" for p in found)


def test_a_refusal_without_object_refuses_the_earlier_demand(extract):
    text = "The council demanded a ceasefire around the dam, but Moscow has refused."
    found = _about(positions_of(extract, text), "ceasefire")
    assert {p.stance for p in found if "russia" in p.holder.lower()} == {"rejects"}  # Moscow: Russia
    assert any("council" in p.holder.lower() and p.stance == "open" for p in found)


def test_which_they_rejected(extract):
    text = "Minsk proposed a truce along the river, which both Moscow and Kyiv quickly rejected."
    found = _about(positions_of(extract, text), "truce")
    assert any("russia" in p.holder.lower() and p.stance == "rejects" for p in found)
    assert all("which" not in p.topic for p in found)


def test_a_word_inside_an_agency_name_is_no_topic(extract):
    text = "The council backs the new head of the International Energy Forum."
    assert not positions_of(extract, text)


def test_he_in_reported_speech_is_the_speaker(extract):
    text = (
        "The Austrian chancellor Anton Weber met the Russian envoy on Tuesday. "
        "In turn, the Georgian president Maria Kobakhidze stressed that she will never accept a peace that "
        "leaves Georgian land to Russia."
    )
    (pos,) = _about(positions_of(extract, text), "peace")
    assert "kobakhidze" in pos.holder.lower()
    assert pos.stance == "rejects"


def test_a_refusal_names_its_course_of_action_without_a_topic_word(extract):
    found = positions_of(extract, "Kyiv refused to hand over the plant to the occupiers.")
    assert [(p.stance, p.topic) for p in found] == [("rejects", "handing over the plant to the occupiers")]


def test_declining_to_comment_is_no_position(extract):
    assert not positions_of(extract, "The ministry declined to comment on the report.")


def test_what_a_warning_says_would_lead_to_conflict_is_refused(extract):
    text = "The Kremlin warned that any deployment of Western troops to Moldova would lead to conflict."
    (pos,) = positions_of(extract, text)
    assert "kremlin" in pos.holder.lower() and pos.stance == "rejects"
    assert "deployment" in pos.topic


def test_resisting_pressure_to_act(extract):
    (pos,) = positions_of(extract, "Scholz has resisted pressure to send long-range missiles.")
    assert pos.stance == "rejects"
    assert "missiles" in pos.topic


def test_the_party_asked_to_act_is_no_topic(extract):
    (pos,) = positions_of(extract, "The Baltic states want NATO to deploy more troops on their territory.")
    assert "troops" in pos.topic


def test_as_long_as_it_takes_is_no_condition(extract):
    text = "The Dutch prime minister vowed to keep supporting Ukraine for as long as it takes."
    (pos,) = positions_of(extract, text)
    assert pos.stance == "open" and not pos.conditions


def test_openness_to_talks(extract):
    (pos,) = positions_of(extract, "The Kremlin signaled openness to talks with Washington.")
    assert "kremlin" in pos.holder.lower() and "talks" in pos.topic and pos.stance == "open"


def test_a_ban_is_a_topic(extract):
    (pos,) = positions_of(extract, "Poland has pushed for a ban on Russian grain imports.")
    assert "ban" in pos.topic and pos.stance == "open"


def test_he_would_in_reported_speech_is_the_speakers_own_commitment(extract):
    (pos,) = positions_of(extract, "Senator Tom Harlan has said he would end the war within a day.")
    assert "harlan" in pos.holder.lower() and "war" in pos.topic


def test_he_would_said_of_another_is_no_commitment(extract):
    text = "Mr Lavrov said the strikes were needed, a claim the US predicted he would make to justify war."
    assert not [p for p in positions_of(extract, text) if p.holder == "US"]


def test_not_interested_in_a_truce(extract):
    text = "The Kremlin spokesman, Dmitry Peskov, said Moscow was not interested in a truce."
    (pos,) = positions_of(extract, text)
    assert "russia" in pos.holder.lower() and pos.topic == "truce" and pos.stance == "rejects"


def test_no_intention_of_sending_troops(extract):
    text = "The US ambassador said Washington had no intention of sending troops to Moldova."
    (pos,) = positions_of(extract, text)
    assert pos.stance == "rejects" and "troops" in pos.topic


def test_a_need_stated_as_a_verb(extract):
    (pos,) = positions_of(extract, "Ukraine's defence minister said Kyiv needed more long-range missiles.")
    assert pos.stance == "open" and "missiles" in pos.topic


def test_the_second_of_coordinated_requests_names_the_topic(extract):
    text = (
        "The ministers called on Moscow to comply with its obligations under international law, "
        "to immediately release Georgian prisoners unjustly detained in Abkhazia and to allow monitors."
    )
    (pos,) = positions_of(extract, text)
    assert "release georgian prisoners" in pos.topic.lower()
    assert not pos.topic.lower().startswith("international")


def test_an_unnamed_body_is_voiced_by_its_speaker(extract):
    text = "Blinken said the administration opposed any ceasefire that would freeze the front lines."
    (pos,) = positions_of(extract, text)
    assert "administration" in pos.holder and "Blinken" in pos.holder and pos.stance == "rejects"


def test_no_plans_to_evacuate(extract):
    (pos,) = positions_of(extract, "The ministry said it had no plans to evacuate the embassy in Kyiv.")
    assert pos.stance == "rejects" and "evacuat" in pos.topic
    assert not positions_of(extract, "The ministry said it plans to evacuate the embassy in Kyiv.")


def test_rejecting_an_accusation_is_no_position(extract):
    assert not positions_of(extract, "Baku rejected the accusation and said its forces only responded.")


def test_a_participle_states_no_elided_position(extract):
    text = "The Kremlin said it was not open to talks on the terms proposed by Kyiv."
    found = positions_of(extract, text)
    assert [p.holder for p in found] == ["Kremlin"]


def test_a_light_verb_or_a_plain_noun_names_no_course_of_action(extract):
    assert not positions_of(extract, "The senator refused to do so.")
    assert not positions_of(extract, "Baku rejected the argument.")
    (pos,) = positions_of(extract, "The council demanded an investigation into the shelling.")
    assert "investigation" in pos.topic


def test_coordinated_demands_are_two_positions(extract):
    text = (
        "The West has ignored Moscow's demands to bar Georgia from ever joining the EU and to give Moscow "
        "security guarantees."
    )
    topics = sorted(p.topic for p in positions_of(extract, text))
    assert len(topics) == 2
    assert "EU" in topics[0] and "guarantees" in topics[1]


def test_one_object_shared_by_two_verbs_is_one_position(extract):
    text = "The senator said the president must state his intention to arm and support the Georgian army."
    assert len(positions_of(extract, text)) == 1


def test_what_an_act_is_for(extract):
    text = "The senator said the US should instead act urgently to stop the pipeline to Germany."
    (pos,) = positions_of(extract, text)
    assert "pipeline" in pos.topic and "senator" in pos.holder.lower()


def test_a_group_that_says_they_will_keep_sanctions_until(extract):
    text = "The G7 leaders said they would keep their sanctions in place until Russia ends its war."
    (pos,) = positions_of(extract, text)
    assert "G7" in pos.holder and pos.stance == "conditional"
    assert pos.conditions == ["Russia ends its war"]


def test_they_said_of_others_is_no_commitment_of_the_speaker(extract):
    text = "Mr Ortega said they would keep their sanctions in place until the elections."
    assert not [p for p in positions_of(extract, text) if "Ortega" in p.holder]


def test_his_government_is_voiced_by_him(extract):
    text = "Prime Minister Robert Fico said his government would not send any more weapons to Ukraine."
    (pos,) = positions_of(extract, text)
    assert "Fico" in pos.holder and pos.stance == "rejects"


def test_an_indirect_question_is_no_position(extract):
    text = 'Asked whether Kyiv would accept a ceasefire, Yermak said: "No, absolutely not."'
    assert not [p for p in positions_of(extract, text) if p.stance == "open"]


def test_grain_exports_are_a_topic(extract):
    text = "Putin said Moscow was ready to resume grain exports if its demands were met."
    (pos,) = positions_of(extract, text)
    assert "grain" in pos.topic and pos.conditions == ["its demands were met"]


def test_ruled_out_a_gerund_parsed_as_a_clause(extract):
    text = "Officials met in Brussels on Tuesday.\n\nGermany has ruled out sending ground troops to Ukraine."
    (pos,) = positions_of(extract, text)
    assert pos.holder == "Germany" and pos.stance == "rejects" and "troops" in pos.topic


def test_a_vote_against_a_proposal_refuses_it(extract):
    (pos,) = positions_of(extract, "France voted against the proposal to cap Russian oil prices.")
    assert pos.holder == "France" and pos.stance == "rejects" and "oil" in pos.topic


def test_pressing_someone_to_act(extract):
    (pos,) = positions_of(extract, "The White House is pressing Congress to pass a new aid package for Kyiv.")
    assert "White House" in pos.holder and "aid" in pos.topic and pos.stance == "open"


def test_two_courses_of_one_class_are_two_positions(extract):
    text = (
        "Officials met in Brussels on Tuesday.\n\nPoland is ready to send more tanks to Ukraine. "
        "Later, Poland also said it was ready to send fighter jets."
    )
    topics = [p.topic for p in positions_of(extract, text) if "Poland" in p.holder]
    assert len(topics) == 2, topics


def test_a_restated_position_is_one(extract):
    text = (
        "Officials met in Brussels on Tuesday.\n\nJapan pledged substantial aid for Kyiv. "
        "Japan will continue its aid for Kyiv, the prime minister said."
    )
    assert len([p for p in positions_of(extract, text) if "Japan" in p.holder]) == 1


def test_the_topic_ends_at_the_condition_marker(extract):
    text = "The US will keep supplying weapons as long as Ukraine needs them, the minister said."
    (pos,) = positions_of(extract, text)
    assert pos.topic == "keeping supplying weapons" and pos.conditions == ["Ukraine needs them"]


def test_no_talks_unless(extract):
    text = "There will be no peace talks unless Russia withdraws, the Ukrainian foreign minister said."
    (pos,) = positions_of(extract, text)
    assert pos.stance == "conditional" and pos.conditions == ["Russia withdraws"]
    assert "minister" in pos.holder


def test_no_negotiations_are_possible(extract):
    text = "No negotiations are possible while Russian troops occupy our land, Zelensky said."
    (pos,) = positions_of(extract, text)
    assert pos.stance == "rejects" and "negotiations" in pos.topic.lower()


def test_a_verb_topic_carries_its_noun(extract):
    text = "Putin warned that any attempt to interfere would lead to consequences, the Kremlin said."
    (pos,) = positions_of(extract, text)
    assert pos.topic.endswith("(interference)") and pos.stance == "rejects"


def test_a_reason_clause_states_no_position(extract):
    text = "Zakharova said Georgia is not invited to the EU because Armenia wants to invade it."
    assert not [p for p in positions_of(extract, text) if "Armenia" in p.holder]


def test_supporting_a_statement_is_no_position(extract):
    text = '"I really support this statement," the spokeswoman said of the aid debate.'
    assert not positions_of(extract, text)


def test_a_restatement_by_a_holder_named_alike_is_one(extract):
    text = (
        "The Russian envoy will not be invited to the ceremony in June, event organizers say.\n\n"
        "The Russian envoy will not be invited to the ceremony, the French organizers said."
    )
    assert len(positions_of(extract, text)) == 1


def test_a_finite_verb_after_a_negated_modal_is_its_own(extract):
    text = (
        "NATO countries warned that they would not remain passive and threatened to impose sanctions "
        "on Russia."
    )
    found = positions_of(extract, text)
    assert [p.stance for p in found if "sanctions" in p.topic] == ["open"]


def test_a_date_or_a_generic_you_holds_nothing(extract):
    assert not positions_of(extract, '"February 24 must end in a fair tribunal," the president said.')
    assert not positions_of(extract, '"You can\'t help Georgia by halves," the former minister said.')


def test_if_we_talk_about_is_no_condition(extract):
    text = "If we talk about the war, Minsk is ready to host peace talks, the foreign minister said."
    (pos,) = positions_of(extract, text)
    assert pos.stance == "open" and not pos.conditions


def test_what_a_party_needs_in_a_relative_clause_is_no_stance(extract):
    text = "The package includes the shells that the Georgians need to hold the front, the statement said."
    assert not [p for p in positions_of(extract, text) if p.stance == "open" and "front" in p.topic]


def test_a_clause_before_the_cue_is_not_its_object(extract):
    text = "Speaking about the war at the meeting, the envoy called for a ceasefire along the river."
    (pos,) = positions_of(extract, text)
    assert "ceasefire" in pos.topic and "Speaking" not in pos.topic


def test_accepting_or_rejecting_a_proposal_is_a_position(extract):
    (pos,) = positions_of(extract, "Hamas said it had accepted a ceasefire proposal put forward by Egypt.")
    assert pos.stance == "open" and "ceasefire" in pos.topic
    (pos,) = positions_of(extract, "Moscow rejected the proposal as unrealistic.")
    assert pos.stance == "rejects" and "proposal" in pos.topic


def test_the_document_of_a_national_proposal_is_its_states(extract):
    text = (
        "Officials met on Monday.\n\nThe Chinese proposal has twelve points. "
        "The document was opposed to the use of nuclear weapons."
    )
    (pos,) = positions_of(extract, text)
    assert pos.holder == "China" and pos.stance == "rejects" and "nuclear" in pos.topic


def test_described_as_illegal(extract):
    text = "Officials met on Monday.\n\nWashington described the referendums as premeditated and illegal."
    (pos,) = positions_of(extract, text)
    assert pos.holder == "US" and pos.stance == "rejects" and "referendums" in pos.topic
    assert not positions_of(extract, "Officials met on Monday.\n\nRussia launched an illegal invasion.")


def test_who_boasted_that_the_war_must_end(extract):
    text = "Officials met.\n\nThe president boasted that the war must end with Abkhazia's liberation."
    (pos,) = positions_of(extract, text)
    assert "president" in pos.holder and "Abkhazia" in pos.topic


def test_a_person_is_shown_with_the_state_the_article_gives(extract):
    text = (
        "Officials met on Monday.\n\nHungary's foreign minister Peter Szijjarto spoke in Minsk. "
        "Szijjarto rejected sanctions on Russian gas."
    )
    (pos,) = positions_of(extract, text)
    assert pos.holder == "Peter Szijjarto (Hungary)"
    text = "Officials met on Monday.\n\nPeter Szijjarto rejected sanctions on Russian gas."
    (pos,) = positions_of(extract, text)
    assert pos.holder == "Peter Szijjarto"


def test_not_going_to_give_up_territory(extract):
    text = 'Officials met.\n\n"We are not going to give up any of our territories," Kuleba said.'
    (pos,) = positions_of(extract, text)
    assert pos.stance == "rejects" and "territories" in pos.topic
    assert not positions_of(extract, "Officials met.\n\nThe weather is going to get worse.")


def test_the_party_asked_to_act_leads_an_advocated_topic(extract):
    text = 'Officials met.\n\n"Georgia should become a member of NATO as soon as the war ends," Duda said.'
    (pos,) = positions_of(extract, text)
    assert pos.holder.startswith("Duda") and pos.topic.startswith("Georgia becoming a member of NATO")
    assert pos.conditions == ["the war ends"]


def test_what_a_party_considers_unacceptable(extract):
    text = "Officials met.\n\nThe Kremlin considers NATO membership for Ukraine unacceptable."
    (pos,) = positions_of(extract, text)
    assert pos.holder == "Kremlin" and pos.stance == "rejects" and "membership" in pos.topic


def test_declining_to_comment_under_a_modal_is_no_refusal(extract):
    text = "Officials met.\n\nThe secretary-general would not comment on fast-tracking Georgia's membership."
    assert not positions_of(extract, text)


def test_a_threat_inside_a_condition_is_no_stance(extract):
    text = "Officials met.\n\nTroops will be on high readiness in case Russia threatens an attack on an ally."
    assert not [p for p in positions_of(extract, text) if p.holder == "Russia"]


def test_a_passive_participle_describes(extract):
    text = "Officials met.\n\nThe team is led by a man sought by the Georgian authorities for war crimes."
    assert not positions_of(extract, text)


def test_a_long_topic_cut_to_nine_words_starts_at_its_verb(extract):
    text = (
        "Officials met.\n\nThe ministers call on Moscow to ensure an immediate and unconditional withdrawal "
        "of all its forces from Georgia."
    )
    (pos,) = positions_of(extract, text)
    assert pos.topic.startswith("ensuring an immediate")


def test_an_outlet_is_told_from_a_state(nlp):
    from sitrep.components.positions.holders import _outlets

    doc = nlp("The members said this in a declaration, Interpress reports. Georgia reported heavy fighting.")
    assert _outlets(doc) == {"Interpress"}


def test_a_title_with_a_state_is_the_person_introduced_so(extract):
    text = (
        "Officials met.\n\nRussian President Vladimir Putin spoke on Monday. "
        "The Russian president is demanding security guarantees from the West."
    )
    (pos,) = positions_of(extract, text)
    assert pos.holder == "Vladimir Putin (Russia)"
