"""Positions found on fresh war news (issue 15, session 6): promises, needs, warnings against, threats,
statements signed by parties, ongoing commitments of one's own side, letters and op-eds, conditions, and
topics named as courses of action. Sentences written for these tests."""

from __future__ import annotations

import pytest

from positions_support import positions_of


def one(extract, text: str, holder: str, topic_word: str, stance: str):
    found = [p for p in positions_of(extract, text) if topic_word in p.topic.lower()]
    assert found, positions_of(extract, text)
    assert holder in found[0].holder.lower()
    assert found[0].stance == stance
    return found[0]


FOUND = [
    # (text, holder contains, a word of the topic, stance)
    ("Canada pledged more artillery shells for Kyiv on Tuesday.", "canada", "shells", "open"),
    (
        "The Dutch government vowed to keep sending air defence missiles to Ukraine.",
        "dutch",
        "missiles",
        "open",
    ),
    ("The envoy stressed the need for talks with Belgrade.", "envoy", "talks", "open"),
    ("Lithuania warned Hungary against blocking the sanctions package.", "lithuania", "sanctions", "rejects"),
    ("Oslo reiterated its firm support for Ukraine's sovereignty.", "oslo", "sovereignty", "open"),
    (
        "Last week Iran and Syria signed a joint statement calling on Turkey to withdraw its troops.",
        "iran and syria",
        "withdraw",
        "open",
    ),
    (
        "Any attempt to deploy foreign troops would lead to grave consequences, the Kremlin spokesman said.",
        "kremlin",
        "troops",
        "rejects",
    ),
    (
        "Sweden will continue to supply ammunition to Ukraine, the Swedish prime minister said.",
        "sweden",
        "ammunition",
        "open",
    ),
    ("The U.S. Embassy urged its citizens to leave Belarus immediately.", "us embassy", "leav", "open"),
    ("The Polish foreign minister recommended new sanctions on the junta.", "minister", "sanctions", "open"),
    ("Minsk called for a freezing of hostilities along the front.", "minsk", "hostilities", "open"),
]


def test_a_statement_speaks_for_those_who_issued_it(extract):
    text = (
        "The members of the Nordic Council in a joint statement called on Belarus to free its political "
        'prisoners. "We also urge Minsk to end all support for the war," the statement said.'
    )
    held = {p.holder for p in positions_of(extract, text)}
    assert held and all("statement" not in h for h in held)
    assert any("members" in h for h in held)


@pytest.mark.parametrize(("text", "holder", "topic", "stance"), FOUND)
def test_position_found(extract, text, holder, topic, stance):
    one(extract, text, holder, topic, stance)


NOT_A_POSITION = [
    "Moscow has no need to invade its neighbour, the commentator argued.",  # "no need": nothing asked
    "Western support for Kyiv would not change the outcome, Peskov claimed.",  # support talked about
    "Germany will send ten tanks to Ukraine next month, the German chancellor said.",  # a single act
    "The rebels will keep attacking convoys, their commander said.",  # acts of war are events
    "Pundits talk up the conflict as a solution, the editor wrote.",  # "talk up" is not talks
]


@pytest.mark.parametrize("text", NOT_A_POSITION)
def test_no_position(extract, text):
    assert positions_of(extract, text) == []


def test_a_threat_under_a_condition_is_conditional(extract):
    text = "The president said there would be severe consequences if Minsk joined the offensive."
    pos = one(extract, text, "president", "consequences", "conditional")
    assert pos.conditions == ["Minsk joined the offensive"]


@pytest.mark.parametrize(
    ("text", "condition", "negated"),
    [
        (
            "Kyiv will join the talks only if Russian troops leave Kherson, the minister said.",
            "Russian troops leave Kherson",
            False,
        ),
        (
            "We are ready to negotiate as long as the shelling stops, the mayor said.",
            "the shelling stops",
            False,
        ),
        (
            "Serbia is open to talks unless Pristina sends police north, the president said.",
            "Pristina sends police north",
            True,
        ),
        (
            "Hungary will lift its veto on sanctions provided that its oil imports are exempt, Orban said.",
            "its oil imports are exempt",
            False,
        ),
    ],
)
def test_condition_markers(extract, text, condition, negated):
    found = [p for p in positions_of(extract, text) if p.stance == "conditional"]
    assert found, positions_of(extract, text)
    assert found[0].conditions == [condition]
    assert found[0].condition_negated == [negated]


def test_topic_names_the_course_of_action(extract):
    pos = one(extract, "Prague refused to send fighter jets to Kyiv.", "prague", "jets", "rejects")
    assert pos.topic.startswith("sending ")


def test_one_position_per_holder_stance_and_topic_in_a_document(extract):
    text = (
        "Beijing warned Moscow against using nuclear weapons. "
        "Later the Chinese foreign ministry said Beijing rejects any use of nuclear weapons."
    )
    nuclear = [p for p in positions_of(extract, text) if "nuclear" in p.topic.lower()]
    assert len(nuclear) == 1


LETTERS = (
    "The minister's speech last week was reckless. Instead of escalating, our government must press "
    "for a ceasefire in Ukraine and for talks that include every party to the conflict.\n\n"
    "Harriet Osgood\n\nYork\n\n"
    "Your correspondent misreads the mood in the Baltic states. Nobody there wants a frozen conflict, "
    "and sanctions on Moscow must be tightened rather than eased.\n\n"
    "Tomasz Wielgosz\n\nLeeds\n"
)


def test_a_letter_is_held_by_its_signer(extract):
    held = {(p.holder, p.stance) for p in positions_of(extract, LETTERS) if "ceasefire" in p.topic.lower()}
    assert held == {("Harriet Osgood", "open")}
    sanctions = [p for p in positions_of(extract, LETTERS) if "sanctions" in p.topic.lower()]
    assert sanctions and sanctions[0].holder == "Tomasz Wielgosz"


def test_an_op_ed_is_held_by_its_author(extract):
    text = (
        "Europe cannot keep buying Russian gas while Ukrainian cities burn. The union must end its "
        "imports of Russian gas this year, and the money saved should go to air defence for Kyiv and "
        "to the reconstruction of the towns the war has destroyed.\n\n"
        "Marta Kowalczyk is the director of an energy think tank in Warsaw.\n"
    )
    held = [p.holder for p in positions_of(extract, text)]
    assert "Marta Kowalczyk" in held


def test_a_news_story_has_no_author_holder(extract):
    text = "Sanctions on Moscow must be tightened, campaigners say.\n\nOleg Petrenko contributed reporting.\n"
    assert all("Petrenko" not in p.holder for p in positions_of(extract, text))
