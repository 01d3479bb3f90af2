"""Helpers shared by the statement tests: run the pipeline on a text we wrote and check every span."""

from __future__ import annotations

from typing import Any


def run_statements(extract: Any, text: str) -> list[Any]:
    """The statements of `text`, after checking that each content, cue and speaker span holds its surface."""
    sts = extract(text).statements
    for st in sts:
        assert text[st.content.span[0] : st.content.span[1]] == st.content.text
        assert text[st.cue.span[0] : st.cue.span[1]] == st.cue.text
        if st.speaker is not None and st.speaker.span is not None:
            assert text[st.speaker.span[0] : st.speaker.span[1]] == st.speaker.text
        for q in st.quotes:
            assert text[q.span[0] : q.span[1]] == q.text
    return list(sts)


def covering(sts: list[Any], fragment: str) -> Any:
    """The first statement whose content holds `fragment` (fails listing them all when none does)."""
    found = [s for s in sts if fragment in s.content.text]
    assert found, [(s.cue.text, s.content.text) for s in sts]
    return found[0]


def speaker_name(st: Any) -> str:
    """A statement's speaker name, "" when it has none."""
    return st.speaker.name if st.speaker is not None else ""
