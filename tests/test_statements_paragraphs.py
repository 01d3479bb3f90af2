"""Quotations over several paragraphs: one statement per paragraph, each with the quotation's speaker."""

from __future__ import annotations

from sitrep.quotes import find_quotes
from statements_support import covering, run_statements, speaker_name

MARKED_AT_ENDS = (
    "The foreign ministers of the Nordic countries have released a joint statement after their meeting"
    " in Oslo.\n\n"
    "\u201cWe met today to reaffirm our support for the independence and territorial integrity of"
    " Ukraine within its recognised borders.\n\n"
    "We condemn the attacks on civilian infrastructure and call on Russia to withdraw its troops.\n\n"
    "We will keep providing humanitarian and military assistance for as long as it takes.\u201d\n\n"
    "Moscow rejected the statement as hostile."
)

EACH_OPENS = (
    "Olena Kovalenko, a nurse at the hospital in Kharkiv, described the night of the attack.\n\n"
    "\u201cThe first explosion came just after midnight. We moved the patients into the basement.\n\n"
    "\u201cWhen we came up, the east wing was gone. Two of my colleagues were hurt by broken glass.\n\n"
    "\u201cWe still do not have enough bandages or painkillers,\u201d she said.\n\n"
    "The hospital has asked aid groups for help."
)

CUE_FIRST = (
    "The mayor warned residents on Thursday to stay in shelters.\n\n"
    '"We have lost power in three districts since the morning," Mayor Ivan Petrenko told reporters.\n\n'
    '"The shelling went on through the night and many houses near the river were hit.\n\n'
    '"Our crews cannot reach the northern suburbs while the fighting continues.\n\n'
    '"I ask everyone to stay calm and to follow the instructions of the emergency services."\n\n'
    "The defence ministry did not comment."
)

SAID_THEN_ADDED = (
    "Speaking of the talks, the minister said: \u201cThe choice is theirs: they can keep up the pressure"
    " on our country or they can look for a path to peace.\n\n"
    "\u201cDialogue is possible, but only on equal terms and with respect for each other\u2019s"
    " interests,\u201d he added."
)


def test_quotation_marked_only_at_its_ends_is_one_quote():
    quotes = find_quotes(MARKED_AT_ENDS)
    assert len(quotes) == 1 and quotes[0].closed
    parts = [MARKED_AT_ENDS[s:e] for s, e in quotes[0].parts]
    assert len(parts) == 3 and parts[1].startswith("We condemn")


def test_stray_closing_mark_does_not_join_paragraphs():
    text = 'He said "this never closes.\n\nA plain paragraph.\n\nThen it ended" badly and "ok".'
    quotes = find_quotes(text)
    assert quotes[0].closed is False and [text[s:e] for s, e in quotes[0].parts] == ["this never closes."]


def test_statement_announced_then_quoted_over_paragraphs(extract):
    sts = run_statements(extract, MARKED_AT_ENDS)
    paras = [covering(sts, f) for f in ("We met today", "We condemn the attacks", "as long as it takes")]
    assert len({id(st) for st in paras}) == 3
    for st in paras:
        assert "\n" not in st.content.text and st.kind == "direct"
        assert "Nordic" in speaker_name(st)


def test_each_paragraph_opens_and_the_last_closes(extract):
    sts = run_statements(extract, EACH_OPENS)
    paras = [covering(sts, f) for f in ("first explosion", "east wing", "bandages")]
    assert len({id(st) for st in paras}) == 3
    assert all(speaker_name(st) == "Olena Kovalenko" for st in paras)


def test_paragraphs_after_the_cue_paragraph_continue_its_speaker(extract):
    sts = run_statements(extract, CUE_FIRST)
    paras = [covering(sts, f) for f in ("shelling went on", "crews cannot reach", "stay calm")]
    assert len({id(st) for st in paras}) == 3
    assert all(speaker_name(st) == "Ivan Petrenko" for st in paras)


def test_each_paragraph_goes_to_its_own_cue(extract):
    sts = run_statements(extract, SAID_THEN_ADDED)
    first, second = covering(sts, "The choice is theirs"), covering(sts, "Dialogue is possible")
    assert first.cue.text == "said" and second.cue.text == "added"
    assert [s.content.span for s in sts].count(second.content.span) == 1
