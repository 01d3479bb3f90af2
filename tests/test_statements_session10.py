"""Speakers (issue 15, session 10): relayed quotes, unnamed titled speakers, names after a colon,
fronted subjects of dash quotations."""

from __future__ import annotations

from statements_support import covering, run_statements, speaker_name

RELAYED = (
    "Kyiv, March 3.\n\n"
    '"We will not give up a single village. This is our land," Defence Minister of Estonia Hanno Pevkur'
    " wrote on Facebook, an Ukrinform correspondent reports.\n\n"
    'He stressed that "the allies must move faster with air defence."\n\n'
    "According to the minister, the next package will include artillery shells.\n"
)


def test_pronoun_after_a_relayed_quote_is_the_one_quoted(extract):
    st = covering(run_statements(extract, RELAYED), "move faster with air defence")
    assert "Pevkur" in speaker_name(st)


def test_description_after_an_unnamed_titled_speaker(extract):
    st = covering(run_statements(extract, RELAYED), "artillery shells")
    assert "Pevkur" in speaker_name(st)


def test_hearer_before_a_colon_is_no_speaker(extract):
    text = (
        "The general spoke at length about the front. Colonel Michel Goya told the Telegraph:"
        ' "The Russians are running out of tanks faster than they can build them."\n'
    )
    sts = run_statements(extract, text)
    names = {speaker_name(s) for s in sts if "running out of tanks" in s.content.text}
    assert names == {"Michel Goya"}


def test_dash_quote_subject_before_a_venue(extract):
    text = (
        "Warsaw, May 2.\n\n"
        "Radoslaw Sikorski met his Hungarian counterpart on Monday.\n\n"
        "- We will not accept this - the head of Polish diplomacy on TVN24 pointed out.\n\n"
        "- Sanctions will stay - Sikorski in Polsat News said.\n"
    )
    sts = run_statements(extract, text)
    assert "TVN24" not in speaker_name(covering(sts, "will not accept this"))
    assert speaker_name(covering(sts, "Sanctions will stay")) == "Radoslaw Sikorski"


FOLLOWED = (
    "Berlin, May 3.\n\n"
    "Silva, a company headquartered in the remote region of Tuva, was registered only last spring."
    " It says that it has sold 40,000 helmets to the army.\n\n"
    "The Energy Institute published its annual review on Tuesday, the institute said. The institute is"
    " funded by 30 member firms. Its figures are used by governments and by central banks, such as the"
    " Bank of Canada, to plan.\n\n"
    "The group says that its forecasts have been within about 2 percentage points of the outcome.\n"
)


def test_it_refers_to_a_company_the_tagger_calls_a_person_by_its_apposition(extract):
    st = covering(run_statements(extract, FOLLOWED), "sold 40,000 helmets")
    assert speaker_name(st) == "Silva"


def test_the_group_is_the_organisation_followed_not_one_named_in_passing(extract):
    st = covering(run_statements(extract, FOLLOWED), "within about 2 percentage points")
    assert speaker_name(st) == "Energy Institute"


def test_figure_claimant_follows_the_resolved_description(extract):
    rep = extract(FOLLOWED, published="2024-05-03")
    q = next(q for q in rep.quantities if q.text.startswith("about 2"))
    assert q.claimant is not None and q.claimant.name == "Energy Institute"


def test_family_name_after_a_particle_stays_with_the_person(extract):
    text = (
        "Munich, Feb 18.\n\n"
        "Ursula von der Leyen arrived in Munich on Friday for the security talks.\n\n"
        "She said that the bloc was ready to answer any attack.\n"
    )
    rep = extract(text, published="2024-02-18")
    st = covering(rep.statements, "ready to answer any attack")
    assert speaker_name(st) == "Ursula von der Leyen"
    assert any(e.name == "Ursula von der Leyen" and e.type == "PERSON" for e in rep.entities)


def test_bare_role_after_a_quote_goes_on_with_the_one_speaking(extract):
    text = (
        "Minsk, July 21.\n\n"
        '"You keep insulting President Putin. Why are you demonizing him? This does not help anyone,"'
        " Aleksandr Lukashenko said.\n\n"
        "The main thing, the president emphasized, is that nobody gives Russia guarantees of its security.\n"
    )
    st = covering(run_statements(extract, text), "guarantees of its security")
    assert speaker_name(st) == "Aleksandr Lukashenko"


def test_possessed_role_named_in_apposition_is_the_speaker(extract):
    text = (
        "Foreign Minister Radoslaw Sikorski spoke on Monday.\n\n"
        "His Czech counterpart, Jan Lipavsky, said his country would send more shells.\n"
    )
    st = covering(run_statements(extract, text), "send more shells")
    assert speaker_name(st) == "Jan Lipavsky"


def test_lede_description_goes_to_the_person_the_next_paragraph_introduces(extract):
    text = (
        "Without more help from the West, its defence minister told me this week, this small country"
        " could fall under Moscow's control.\n\n"
        "Anatol Nosaty, Moldova's long-serving defence chief, was in Brussels to remind NATO officials"
        " that the war is not only about Ukraine.\n\n"
        "The shelling across the river has not stopped for two years.\n\n"
        "Villages near the border have emptied since the spring.\n\n"
        "The ministry has no money for new radars, the defence minister told me.\n"
    )
    sts = run_statements(extract, text)
    assert speaker_name(covering(sts, "could fall under")) == "Anatol Nosaty"
    assert speaker_name(covering(sts, "no money for new radars")) == "Anatol Nosaty"


def test_reporter_of_a_closing_source_clause_is_not_the_next_he(extract):
    text = (
        "Federal Chancellor of Austria, Karl Brenner, says peace in Europe cannot be taken for granted.\n\n"
        "The head of the Austrian government spoke at a ceremony in Vienna on Wednesday,"
        " an Ukrinform correspondent reports.\n\n"
        '"We owe the survivors a promise never to look away again," he said.\n'
    )
    st = covering(run_statements(extract, text), "never to look away")
    assert speaker_name(st) == "Karl Brenner"


def test_indefinite_lede_description_goes_to_the_next_person_speaking(extract):
    text = (
        "Several moves by Moscow this week point to a new offensive before the May holiday, an expert"
        " tells the Daily Courier.\n\n"
        "Marta Kowalczyk, a former NATO intelligence analyst, told the Daily Courier on Friday that the"
        " Kremlin wants a victory to show by the parade.\n"
    )
    rep = extract(text, published="2024-04-09")
    st = covering(rep.statements, "point to a new offensive")
    assert speaker_name(st) == "Marta Kowalczyk"
