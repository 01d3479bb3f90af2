"""The article highlighter: nesting, crossing spans, one link per piece, escaping, focus."""

from __future__ import annotations

import re

from sitrep.model import Document, Place, Quantity, Report, Speaker, Statement, TextSpan
from sitrep.web.highlight import highlight

TEXT = 'The mayor said "at least 12 people died in Kharkiv" <b>late</b> on Monday.'


def span(needle: str) -> tuple[int, int]:
    s = TEXT.index(needle)
    return s, s + len(needle)


def report(**items) -> Report:
    return Report(document=Document(id="d"), **items)


def statement(sid: str, content: str, speaker: str = "Ihor Terekhov") -> Statement:
    return Statement(
        id=sid,
        speaker=Speaker(name=speaker),
        cue=TextSpan(text="said", span=span("said")),
        kind="direct",
        content=TextSpan(text=content, span=span(content)),
    )


def visible(html: str) -> str:
    """The text a reader sees: tags removed, entities decoded."""
    return (
        re.sub(r"<[^>]+>", "", html)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#34;", '"')
        .replace("&quot;", '"')
        .replace("&amp;", "&")
    )


def test_text_survives_highlighting_exactly():
    r = report(
        statements=[statement("s1", "at least 12 people died in Kharkiv")],
        quantities=[
            Quantity(id="q1", text="at least 12", span=span("at least 12"), low=12, qualifier="at_least")
        ],
        places=[
            Place(
                text="Kharkiv",
                span=span("Kharkiv"),
                name="Kharkiv",
                country="UA",
                lat=50.0,
                lon=36.2,
                feature="city",
            )
        ],
    )
    html = str(highlight(TEXT, r))
    assert visible(html) == TEXT


def test_untrusted_markup_is_escaped():
    html = str(highlight(TEXT, report()))
    assert "<b>" not in html and "&lt;b&gt;late&lt;/b&gt;" in html


def test_quantity_nests_inside_the_statement_link_and_gets_one_anchor():
    r = report(
        statements=[statement("s1", "at least 12 people died in Kharkiv")],
        quantities=[
            Quantity(id="q1", text="at least 12", span=span("at least 12"), low=12, qualifier="at_least")
        ],
    )
    html = str(highlight(TEXT, r))
    assert html.count('id="s1"') == 1 and html.count('id="q1"') == 1
    assert re.search(
        r'<a class="hl statement speaker-0" href="/people/Ihor%20Terekhov"[^>]*><mark class="hl quantity"',
        html,
    )


def test_crossing_statements_never_nest_links():
    r = report(
        statements=[
            statement("s1", "at least 12 people died"),
            statement("s2", "people died in Kharkiv", "Oleh Syniehubov"),
        ]
    )
    html = str(highlight(TEXT, r))
    # No <a> opens while another is open.
    depth = 0
    for tag in re.findall(r"</?a\b", html):
        depth += 1 if tag == "<a" else -1
        assert depth in (0, 1)
    assert visible(html) == TEXT


def test_focus_marks_the_cited_passage():
    html = str(highlight(TEXT, report(), focus=span("on Monday")))
    assert '<mark class="hl focus" title="the cited passage" data-item="at" id="at">on Monday</mark>' in html


def test_out_of_range_items_are_ignored():
    bad = Quantity(id="q9", text="x", span=(len(TEXT) + 5, len(TEXT) + 9), low=1)
    assert visible(str(highlight(TEXT, report(quantities=[bad])))) == TEXT
