"""Statements, session 7 of issue 15: speakers in two-leader reports. A description the entities
component linked to the wrong leader is no evidence of that leader's nationality, and words that only
stand before a name ("The Russian leader thanked X") say nothing of X; an organisation description that
carries its own name ("the Interfax agency") is that organisation. Every sentence here was written for
these tests."""

from __future__ import annotations

from statements_support import covering, speaker_name
from statements_support import run_statements as _run

TWO_LEADERS = (
    "Rahul Mehta talked to Viktor Orlov on the margins of the regional summit.In Tashkent, the leaders "
    "of the member states held a number of bilateral meetings.\n\n"
    "ADVERTISEMENT\n\n"
    "Prime Minister of India to Orlov: This is not the time for fighting\n\n"
    "News agencies report that Prime Minister Mehta during a meeting with Viktor Orlov was to say that it "
    "was not a time for war.He also recalled that he had already said such words to the Russian leader "
    "during phone calls.The Prime Minister of India added that dialogue and diplomacy hold the world "
    "together.Viktor Orlov replied that he understood the concerns of the Prime Minister of India.\n\n"
    "The Russian leader thanked Mehta for buying more Russian grain.\n\n"
    'On Thursday, Viktor Orlov talked to Li Wei.The Russian leader called the Chinese president a "dear '
    'friend".'
)


def test_description_goes_to_the_leader_of_that_nationality(extract):
    sts = _run(extract, TWO_LEADERS)
    assert speaker_name(covering(sts, "dear")) == "Viktor Orlov"
    assert speaker_name(covering(sts, "such words")) == "Rahul Mehta"


def test_organisation_description_with_its_own_name(extract):
    text = (
        "Rail strike spreads\n\nWARSAW, May 4 (AP) - The union said the strike would go on.\n\n"
        "The Interfax agency recently reported that the talks would resume in May."
    )
    st = covering(_run(extract, text), "talks would resume")
    assert speaker_name(st) == "Interfax"


def test_two_subjects_before_a_cue_the_nearer_speaks():
    """A teaser headline run into its sentence ("... Won't Spark Clash Berzina said that ...") can leave
    the verb two subjects in the parse: the one right before the verb is the speaker."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from sitrep.components.statements.syntax import subject_of

    words = ["Drills", "Won't", "Spark", "Clash", "Berzina", "said", "that", "talks", "resume"]
    heads = [1, 5, 1, 2, 5, 5, 8, 8, 5]
    deps = ["compound", "nsubj", "dobj", "prep", "nsubj", "ROOT", "mark", "nsubj", "ccomp"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    subj = subject_of(doc[5])
    assert subj is not None and subj.text == "Berzina"


def test_maintain_observe_assess_take_a_claim_not_a_thing(extract):
    text = (
        "Harbour talks stall\n\nGDANSK, May 4 (AP) - The two ports have maintained close trade ties for "
        "decades, and the mayor observed a minute's silence for the crew.\n\n"
        "The harbour master Olga Brenner maintained that the cranes would be back in service by June."
    )
    sts = _run(extract, text)
    assert not [s for s in sts if "trade ties" in s.content.text or "silence" in s.content.text]
    assert "Brenner" in speaker_name(covering(sts, "back in service"))


def test_a_country_aiming_or_agreeing_to_act_is_the_writers_account(extract):
    text = (
        "Harbour talks stall\n\nGDANSK, May 4 (AP) - In taking the port, Norway aims to link up its "
        "northern bases, and Denmark has agreed to send two frigates.\n\n"
        "The harbour master Olga Brenner wants to reopen the cranes by June."
    )
    sts = _run(extract, text)
    assert not [s for s in sts if "link up" in s.content.text or "two frigates" in s.content.text]
    assert "Brenner" in speaker_name(covering(sts, "reopen the cranes"))


def test_possessor_of_a_thing_speaks(extract):
    text = (
        "Harbour talks stall\n\nGDANSK, May 4 (AP) - Kurt Olsen spoke in Oslo on Monday. His only explicit "
        'reference to the strike in the north was to say "help is coming".'
    )
    st = covering(_run(extract, text), "help is coming")
    assert speaker_name(st) == "Kurt Olsen"


OFFICES = (
    "Fishing talks stall\n\nOSLO, May 4 (AP) - Foreign Minister of Norway Kurt Olsen called the talks with "
    'his Danish counterpart Mette Lund "a dialogue of the deaf".\n\n'
    "Olsen accused the Danish side of ignoring the quotas.\n\n"
    "The head of the Norwegian Ministry of Foreign Affairs also said that the fleet would stay in port.\n\n"
    "On Thursday, the head of the Danish government Anders Holm met with the alliance's secretary general "
    "Piet de Vries.\n\n"
    "The Danish prime minister said that the crisis was at its most dangerous moment."
)


def test_office_description_ending_in_an_organisation_is_resolved(extract):
    st = covering(_run(extract, OFFICES), "fleet would stay in port")
    assert speaker_name(st) == "Kurt Olsen"


def test_nearest_person_of_that_nationality_subject_or_not(extract):
    st = covering(_run(extract, OFFICES), "most dangerous moment")
    assert "Holm" in speaker_name(st)


def test_the_official_is_the_one_just_quoted(extract):
    text = (
        "Fishing talks stall\n\nOSLO, May 4 (AP) - Foreign Minister Kurt Olsen said on Friday that the "
        "talks would go on.\n\n"
        "Olsen will call the other ministers at noon on Friday, a harbour authority official told reporters. "
        "The ministers of Sweden and Finland will join the call, according to the official."
    )
    st = covering(_run(extract, text), "will join the call")
    assert "official" in speaker_name(st)


def test_our_group_is_no_organisation_named_elsewhere(extract):
    text = (
        "Fishing talks stall\n\nOSLO, May 4 (AP) - Each of these strikes is an argument for Norway to "
        "receive more NASAMS and other modern weapons.\n\n"
        "A month ago, our expert group chaired by Olsen and Lund suggested recognising the quotas as void."
    )
    st = covering(_run(extract, text), "quotas as void")
    assert "NASAMS" not in speaker_name(st)
    assert "expert group" in speaker_name(st)


def test_name_closing_a_long_title_subject(extract):
    text = (
        "Fishing talks stall\n\nOSLO, May 4 (AP) - Last year, former Danish premier and deputy head of "
        "Denmark's Defence Council Lars Berg said strategic reserves could be used."
    )
    st = covering(_run(extract, text), "strategic reserves")
    assert speaker_name(st) == "Lars Berg"


def test_a_wish_inside_the_content_relays_nobody(extract):
    text = (
        "Fishing talks stall\n\nOSLO, May 4 (AP) - Norway and its allies want to rally broader support.\n\n"
        "Diplomats involved in the preparations say there are fears the summit threatens to become a "
        "northern affair.\n\n"
        "While earlier rounds attracted more southern states, it might be harder to secure the same at a "
        "higher level, they worry."
    )
    st = covering(_run(extract, text), "harder to secure")
    assert speaker_name(st) == "Diplomats"


def test_regret_closes_a_dash_quotation_but_takes_no_bare_object(extract):
    text = (
        "Fishing talks stall\n\nOSLO, May 4 (AP) - Kurt Olsen met Mette Lund in Oslo.\n\n"
        "- To be honest, I am disappointed. It seems that we listen, but we do not hear - Kurt Olsen "
        "regretted during the meeting.\n\n"
        "Lund regretted the decision of the council."
    )
    sts = _run(extract, text)
    assert speaker_name(covering(sts, "we do not hear")) == "Kurt Olsen"
    assert not [s for s in sts if "decision of the council" in s.content.text]


def test_second_cue_after_said_though_stressed(extract):
    text = (
        "Fishing talks stall\n\nOSLO, May 4 (AP) - Norway will not be invited \u201cat this stage\u201d "
        "of the talks, the Danish government said, though stressed that Oslo should be involved in the "
        "process \u201csooner or later.\u201d"
    )
    st = covering(_run(extract, text), "Oslo should be involved")
    assert "Danish government" in speaker_name(st)
