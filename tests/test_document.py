"""Datelines, document ids and metadata."""

from __future__ import annotations

import pytest

from sitrep.text import document_id, find_dateline, paragraphs


@pytest.mark.parametrize(
    ("text", "place", "agency", "date", "body"),
    [
        ("WASHINGTON -- The Pentagon said on Monday ...", "WASHINGTON", None, None, "The Pentagon"),
        ("KYIV, Ukraine (AP) \u2014 Air raid sirens sounded ...", "KYIV, Ukraine", "AP", None, "Air raid"),
        ("LONDON (Reuters) - Britain will send ...", "LONDON", "Reuters", None, "Britain"),
        ("MOSCOW, Nov 9 (Reuters) - Russia ordered ...", "MOSCOW", "Reuters", "Nov 9", "Russia"),
        (
            "UNITED NATIONS, March 3 (AFP) \u2013 The Security Council ...",
            "UNITED NATIONS",
            "AFP",
            "March 3",
            "The Security",
        ),
        ("BAMAKO, Mali (AFP) \u2013 Gunmen attacked ...", "BAMAKO, Mali", "AFP", None, "Gunmen"),
        ("PORT-AU-PRINCE, Haiti \u2014 Gangs blocked ...", "PORT-AU-PRINCE, Haiti", None, None, "Gangs"),
        ("By Jane Roe\n\nBEIRUT (AP) \u2014 Israeli jets struck ...", "BEIRUT", "AP", None, "Israeli"),
        ("  TEL AVIV, Israel \u2014 Sirens ...", "TEL AVIV, Israel", None, None, "Sirens"),
    ],
)
def test_datelines_are_read_in_common_wire_forms(text, place, agency, date, body):
    d = find_dateline(text)
    assert d is not None
    assert d.place == place
    assert d.agency == agency
    assert d.date == date
    assert text[d.body_start :].startswith(body)
    assert text[d.place_span[0] : d.place_span[1]] == place.split(",")[0]
    assert text[d.span[0] : d.span[1]].rstrip().endswith(("-", "\u2014", "\u2013", "--"))


@pytest.mark.parametrize(
    "text",
    [
        "Russia said on Wednesday it would withdraw.",
        "I - for one - disagree.",
        "NATO leaders met in Vilnius - the summit ended with a communique.",
        "BREAKING NEWS: a ceasefire was agreed.",
        "The war - now in its ninth month - continues.",
    ],
)
def test_no_dateline_in_ordinary_text(text):
    assert find_dateline(text) is None


def test_dateline_is_document_metadata_not_content(extract):
    text = "KYIV, Ukraine (AP) \u2014 Ukraine's military said on Tuesday it had shot down 20 drones."
    doc = extract(text).document
    assert doc.dateline == "KYIV, Ukraine"
    assert text[doc.dateline_span[0] : doc.dateline_span[1]] == "KYIV, Ukraine (AP) \u2014"
    assert text[doc.body_start :].startswith("Ukraine's military")


def test_document_id_ignores_whitespace_and_quote_style():
    a = "Russia said \u201cno\u201d.\n\nThe talks   ended."
    b = 'Russia said "no". The talks ended.'
    assert document_id(a) == document_id(b)
    assert document_id(a) != document_id("Russia said yes.")
    assert len(document_id(a)) == 16


def test_paragraph_spans():
    text = "First line.\nstill first.\n\n  \nSecond.\n"
    spans = paragraphs(text)
    assert [text[s:e] for s, e in spans] == ["First line.\nstill first.", "Second."]


def test_metadata_from_the_caller(extract):
    r = extract("Fighting continued.", published="2023-05-01", title="T", source="AP", url="https://x/1")
    assert (r.document.published, r.document.title, r.document.source, r.document.url) == (
        "2023-05-01",
        "T",
        "AP",
        "https://x/1",
    )
    assert r.document.dateline is None and r.document.body_start == 0
