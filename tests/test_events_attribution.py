"""Events on war-news syntax (issue 15): who acted, and on whose word, in sentences we wrote ourselves."""

from __future__ import annotations

import pytest

from events_support import events_of
from sitrep.components.shared.states import capital_country, country_adjective, state_of


def one(events, trigger: str):
    found = [e for e in events if e.trigger.text == trigger]
    assert found, f"no event at {trigger!r} in {[(e.type, e.trigger.text) for e in events]}"
    return found[0]


STATUS = [
    # (text, trigger, status, source contains or None)
    (
        # a news agency reports the capture; it does not speak for the troops
        "Belarusian troops seized the border crossing at Hrodna, a Minsk news agency reported.",
        "seized",
        "alleged",
        "agency",
    ),
    (
        # the "as" clause sets the scene of the report; it is not what the governor said
        "As shelling intensified around Sumy, the regional governor said two schools had closed.",
        "shelling",
        "reported",
        None,
    ),
    (
        # a participle after the cue is the speaker's own act, not reported content
        "Nobody wanted this war, the foreign minister said, blaming Warsaw for the crisis.",
        "blaming",
        "reported",
        None,
    ),
    (
        "There are no signs of a withdrawal of Moldovan units, the alliance said.",
        "withdrawal",
        "denied",
        None,
    ),
    ("The ministry said the offensive never happened.", "offensive", "denied", None),
    (
        # the negation is on what the strike would bring, not on the strike: it is hypothetical
        "Analysts said a limited strike on the depot would not change the balance on the front.",
        "strike",
        "speculated",
        None,
    ),
    (
        # the sanctions exist; the purpose clause is about the costs they bring
        "The cabinet raised fuel taxes to offset the costs of the war and of western sanctions.",
        "sanctions",
        "reported",
        None,
    ),
    (
        # an infinitive complement of an expectation has not happened yet
        "The envoy said she would expect Brussels to impose new sanctions on the shipping firms.",
        "impose new sanctions",
        "speculated",
        None,
    ),
    (
        # a setting ("during the battle") keeps its own status, whatever the clause's mood
        "He blamed the generals for failing to supply his units during the battle of Vuhledar.",
        "battle",
        "reported",
        None,
    ),
]


@pytest.mark.parametrize(("text", "trigger", "status", "source"), STATUS)
def test_status_reads_the_clause_around_the_trigger(extract, text, trigger, status, source):
    ev = one(events_of(extract, text), trigger)
    assert ev.status == status
    if source:
        assert source in (ev.source or "").lower()


ACTORS = [
    # (text, trigger, actor as given)
    ("Kyiv residents sheltered in the metro during the Russian bombardment.", "bombardment",
     "Russian forces"),
    ("Moscow launched a wave of drone strikes on Odesa overnight.", "strikes", "Russia"),
    ("Berlin recalled its ambassador after the cyber-attack.", "recalled its ambassador", "Germany"),
    ("Brussels imposed sanctions on the refinery.", "imposed sanctions", "European Union"),
    ("Poland's army has reported destroying two drones over Lublin.", "destroying", "Polish army"),
    (
        # "accuse X of V-ing": X is who did it, whichever word the parser hangs "of" on
        "The Kremlin accused Vilnius's allies of sending modern weapons to the border guards.",
        "sending modern weapons",
        "Vilnius's allies",
    ),
    (
        "The billionaire condemned the invasion, calling on Europe to do more for the refugees.",
        "calling on",
        "billionaire",
    ),
    ("Talks between Armenia and Azerbaijan resumed in Geneva.", "Talks", "Armenia and Azerbaijan"),
    (
        "Satellite images showed the withdrawal of Chinese troops from the valley.",
        "withdrawal",
        "Chinese troops",
    ),
    (
        "The report described attacks of armed settlers on Palestinian villages.",
        "attacks",
        "armed settlers",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "actor"), ACTORS)
def test_the_actor_is_the_party_that_acted(extract, text, trigger, actor):
    ev = one(events_of(extract, text), trigger)
    assert ev.actor == actor


def test_states_behind_demonyms_capitals_and_armed_bodies():
    assert state_of("Ukrainian") == "Ukraine"
    assert state_of("Kiev") == "Ukraine"
    assert state_of("Moscow") == "Russia"
    assert state_of("Western") is None  # no state
    assert state_of("European") is None  # a region, not a state
    assert capital_country()["berlin"] == "Germany"
    assert country_adjective()["poland"] == "Polish"


def test_missiles_coordinated_with_attacks_make_one_attack(extract):
    text = "Moscow launched coordinated missile and artillery attacks on several cities."
    events = events_of(extract, text)
    assert [e.trigger.text for e in events] == ["attacks"]
    assert events[0].actor == "Russia"
