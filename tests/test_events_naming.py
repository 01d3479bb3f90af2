"""Events: how actors are named; the status of forecasts, conditions and fakes (issue 15, events-actor)."""

from __future__ import annotations

import pytest

from events_support import events_of


def one(events, trigger: str):
    found = [e for e in events if e.trigger.text == trigger]
    assert found, f"no event at {trigger!r} in {[(e.type, e.trigger.text) for e in events]}"
    return found[0]


ACTORS = [
    # (text, trigger, actor)
    # a demonym modifier names its state, or its forces on an act of force, as the dev gold writes them
    ("Russian shelling of Kharkiv continued overnight, the mayor said.", "shelling", "Russian forces"),
    ("Homes in Chernihiv were destroyed by Belarusian shelling.", "shelling", "Belarusian forces"),
    ("Prisoners of war returned from Russian captivity on Tuesday.", "captivity", "Russia"),
    ("Kyiv welcomed American aid last week.", "aid", "US"),  # as news and the golds write it
    ("The United States imposed new sanctions on Minsk on Friday.", "imposed new sanctions", "US"),
    ("Belgrade condemned the Russian invasion at the UN.", "condemned", "Serbia"),  # not a defunct union
    # a passive whose agent is a happening: the side of that happening did it
    ("The governor visited children wounded by Russian bombardments in Sumy.", "wounded", "Russian forces"),
    ("The governor said two children were killed by Russian shelling in Sumy.", "killed", "Russian forces"),
    ("The governor said two children were killed by Russian shelling in Sumy.", "shelling", "Russian forces"),
    # a capitalised adjective is no party when an entity modifies the noun too
    ("Additional EU sanctions on steel were adopted on Monday.", "sanctions", "EU"),
    # the relative pronoun stands for its antecedent
    ("Prosecutors named the commanders who carried out the attacks on Bucha.", "attacks", "commanders"),
    # a participle adjunct whose clause's subject is a happening: the speaker above acts
    ("Lukashenko said he hoped “dialogue” would succeed – while refusing to pull back his forces.",
     "refusing", "Lukashenko"),
    # a people doing what only states do is its state
    ("The chancellor said the Germans supported Ukraine with money.", "supported", "Germany"),
    # a plural demonym noun stays as written
    ("Moscow claimed that Ukrainians attacked a border village.", "attacked", "Ukrainians"),
]


@pytest.mark.parametrize(("text", "trigger", "actor"), ACTORS)
def test_the_actor_is_named_as_the_gold_names_it(extract, text, trigger, actor):
    assert one(events_of(extract, text), trigger).actor == actor


STATUS = [
    # (text, trigger, status)
    ("Johnson warned of a sudden strike on Kyiv within weeks.", "strike", "speculated"),
    ("Analysts have warned for months about an invasion of Moldova.", "invasion", "speculated"),
    ("New EU sanctions on Belarusian potash are imminent.", "sanctions", "speculated"),
    ("Aid will keep flowing as long as Russian troops occupy Ukrainian land.", "occupy", "speculated"),
    ("If Russia decides not to launch an invasion, the hawks will look foolish.", "invasion", "speculated"),
    ("Officials in Kyiv say a video shows a staged attack on Belarusian guards.", "attack", "disputed"),
    ("Minsk was confronted by a possibly precedent-setting attack on its border.", "attack", "speculated"),
    ("Officials issued warnings of a Belarusian attack on Volhynia.", "attack", "speculated"),
    ("Markets fell on predictions of a Russian offensive in the spring.", "offensive", "speculated"),
]


@pytest.mark.parametrize(("text", "trigger", "status"), STATUS)
def test_the_status_reads_forecasts_conditions_and_fakes(extract, text, trigger, status):
    assert one(events_of(extract, text), trigger).status == status


def test_a_video_that_shows_an_attack_did_not_attack(extract):
    text = "Officials in Kyiv say a video shows a staged attack on Belarusian guards."
    ev = one(events_of(extract, text), "attack")
    assert ev.actor != "video"


def test_a_realis_negation_still_denies(extract):
    ev = one(events_of(extract, "Russia did not attack the convoy, the ministry said."), "attack")
    assert ev.status == "denied"


def test_an_unnamed_attack_after_massed_troops_is_their_state(extract):
    text = (
        "Some 100,000 Belarusian troops have been concentrated at the border with Lithuania. "
        "Officials said there is a real risk that the attack will come before the summit."
    )
    assert one(events_of(extract, text), "attack").actor == "Belarus"


def test_a_joint_demonym_is_not_one_state(extract):
    text = "Russia began moving troops ahead of joint Russian-Belarusian military exercises in February."
    ev = one(events_of(extract, text), "exercises")
    assert ev.actor not in ("Belarus", "Russia")


def test_an_unmarked_participle_is_not_the_speakers_act(extract):
    text = "The admiral said the battle had involved young men from many nations, fighting on the beaches."
    for ev in events_of(extract, text):
        if ev.trigger.text == "fighting":
            assert ev.actor != "admiral"
