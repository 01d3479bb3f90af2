"""Statements (issue 15, session 11): what is no statement in opinion and analysis writing. Every
sentence here was written for these tests."""

from __future__ import annotations

from statements_support import run_statements, speaker_name

HEAD = "Border talks\n\nTALLINN, June 9 - Farmers protested in Tartu.\n\n"


def _contents(extract, text: str) -> list[str]:
    return [s.content.text for s in run_statements(extract, text)]


def test_topic_of_talk_is_no_content(extract):
    text = HEAD + (
        "She also talked about the grain corridor across the Baltic.\n\n"
        "The agriculture ministry commented on the new quotas.\n"
    )
    contents = _contents(extract, text)
    assert not any("grain corridor" in c or "quotas" in c for c in contents), contents


def test_call_on_someone_to_act_stays(extract):
    text = HEAD + "Prime Minister Kaja Tamm called on the European Union to open the grain corridor.\n"
    contents = _contents(extract, text)
    assert any("open the grain corridor" in c for c in contents), contents


def test_warning_about_a_danger_stays(extract):
    text = HEAD + "Prime Minister Kaja Tamm warned about the danger of a new blockade in the Baltic.\n"
    contents = _contents(extract, text)
    assert any("danger of a new blockade" in c for c in contents), contents


def test_teaser_line_in_capitals_is_no_statement(extract):
    text = HEAD + (
        "Prime Minister Kaja Tamm said the corridor would reopen next week.\n\n"
        "MINISTER SAYS FARMERS WILL BE PAID IN FULL BEFORE WINTER\n\n"
        "EU ENVOY: THE QUOTAS ARE HERE TO STAY\n\n"
        "The talks resume on Friday.\n"
    )
    contents = _contents(extract, text)
    assert any("reopen next week" in c for c in contents), contents
    assert not any("PAID IN FULL" in c or "QUOTAS" in c for c in contents), contents


def test_intended_thing_without_infinitive_is_no_statement(extract):
    text = HEAD + (
        "Fearing a blockade, the port authorities sought new grain routes along the coast.\n\n"
        "The farmers' union wants to meet the prime minister before the harvest.\n"
    )
    sts = run_statements(extract, text)
    assert not any("grain routes" in s.content.text for s in sts), [s.content.text for s in sts]
    wants = [s for s in sts if "meet the prime minister" in s.content.text]
    assert [s.mode for s in wants] == ["intention"]  # an infinitive keeps the intention, labelled so


def test_intention_is_labelled_and_its_announcement_is_speech(extract):
    text = HEAD + (
        "The farmers' union plans to block the ring road on Monday.\n\n"
        "Kaja Tamm said the government intends to pay the farmers in July.\n"
    )
    sts = run_statements(extract, text)
    plans = [s for s in sts if s.cue.text == "plans"]
    assert [s.mode for s in plans] == ["intention"], [(s.cue.text, s.content.text) for s in sts]
    said = [s for s in sts if s.cue.text == "said"]
    assert said and said[0].mode == "speech" and "intends to pay the farmers" in said[0].content.text


def test_reader_addressed_as_you_is_no_speaker(extract):
    text = HEAD + (
        "You only have to look at the old maps to see that the corridor has always been contested.\n\n"
        "Kaja Tamm said the corridor would reopen next week.\n"
    )
    contents = _contents(extract, text)
    assert not any("always been contested" in c for c in contents), contents
    assert any("reopen next week" in c for c in contents), contents


def test_stance_with_a_noun_object_is_no_statement(extract):
    text = HEAD + (
        "Most farmers in the north back the new quota system.\n\n"
        "Kaja Tamm said the quota system would stay until 2026.\n"
    )
    sts = run_statements(extract, text)
    assert not [s for s in sts if s.cue.text == "back"], [(s.cue.text, s.content.text) for s in sts]
    assert any("would stay until 2026" in s.content.text for s in sts)


def test_worry_about_a_thing_is_no_statement(extract):
    text = HEAD + (
        "Farmers in the south are deeply concerned about the new grain quotas.\n\n"
        "Traders are worried that the quotas will stay until 2026.\n"
    )
    sts = run_statements(extract, text)
    assert not [s for s in sts if "new grain quotas" in s.content.text], [s.content.text for s in sts]
    assert any("quotas will stay" in s.content.text for s in sts)


SAID_THIS = (
    "Border talks\n\nTALLINN, June 9 - Farmers protested in Tartu.\n\n"
    "The blockade of the port is likely to last until the autumn, with grain prices rising.\n\n"
    "The Baltic Grain Institute said this in its weekly market review, Baltinfo reports.\n\n"
    "Kaja Tamm said the corridor would reopen next week.\n"
)


def test_said_this_takes_the_passage_before(extract):
    sts = run_statements(extract, SAID_THIS)
    st = [s for s in sts if s.cue.text == "said" and "Baltic Grain" in speaker_name(s)]
    assert st, [(s.cue.text, speaker_name(s), s.content.text) for s in sts]
    assert st[0].content.text.startswith("The blockade of the port is likely to last until the autumn")


def test_according_to_phrase_alone_is_no_content(extract):
    text = HEAD + (
        "According to Baltinfo, local farmers point to the new quotas as the cause of the protest.\n\n"
        "Kaja Tamm said the corridor would reopen next week.\n"
    )
    sts = run_statements(extract, text)
    assert not [s for s in sts if s.content.text.lower().startswith("according to")], [
        s.content.text for s in sts
    ]
