"""The quotation-mark scanner: pairing, paragraphs, continuation and recovery from unbalanced marks."""

from __future__ import annotations

import pytest

from sitrep.quotes import find_quotes, paragraph_spans


def _inner(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in q.parts] for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "yes" and "no".', [["yes"], ["no"]]),
        ("She said \u201cnever\u201d twice.", [["never"]]),
        ('"First," he said, "second."', [["First,"], ["second."]]),
        ("No quotes here at all.", []),
        ('The 5" gun and a 12" shell.', []),
    ],
)
def test_pairs(text, expected):
    assert _inner(text) == expected


def test_quote_continues_into_next_paragraph():
    text = "\u201cOne thing.\n\n\u201cAnother thing,\u201d she said.\n\nAfter."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    q = quotes[0]
    assert q.closed and [text[s:e] for s, e in q.parts] == ["One thing.", "Another thing,"]
    assert text[q.start] == "\u201c" and text[q.end - 1] == "\u201d"


def test_unclosed_quote_stops_at_paragraph_end():
    text = 'He said "this never closes.\n\nThen "a proper one" follows.'
    quotes = find_quotes(text)
    assert [text[s:e] for q in quotes for s, e in q.parts] == ["this never closes.", "a proper one"]
    assert quotes[0].closed is False and quotes[1].closed is True


def test_stray_closing_mark_is_ignored():
    text = "It ended\u201d badly. Later \u201cfine\u201d came."
    assert _inner(text) == [["fine"]]


def test_second_opening_mark_restarts():
    text = "\u201cBroken start \u201cclean one\u201d end."
    quotes = find_quotes(text)
    assert quotes[-1].closed and text[quotes[-1].parts[0][0] : quotes[-1].parts[0][1]] == "clean one"


def test_single_newline_paragraphs_when_no_blank_lines():
    text = "one\ntwo\n\n"
    assert paragraph_spans("a\nb") == [(0, 1), (2, 3)]
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["one\ntwo"]
