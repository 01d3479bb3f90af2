"""The public Python API: extract, extract_many, the contract's JSON and the public surface."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import sitrep
from sitrep.api import parse_published


def test_public_surface_is_pinned():
    assert sorted(sitrep.__all__) == sorted(
        [
            "SCHEMA",
            "Claimant",
            "Document",
            "Entity",
            "Event",
            "InputError",
            "Place",
            "Position",
            "Quantity",
            "Referent",
            "Report",
            "SitrepError",
            "Speaker",
            "Statement",
            "StoreError",
            "Time",
            "__version__",
            "build_pipeline",
            "extract",
            "extract_many",
            "load_pipeline",
        ]
    )
    for name in sitrep.__all__:
        assert hasattr(sitrep, name)


def test_report_json_has_the_contract_keys(extract):
    data = json.loads(extract("MOSCOW (Reuters) - Russia said it was open to talks.").to_json())
    assert data["schema"] == "sitrep/1"
    assert set(data) >= {
        "document",
        "entities",
        "statements",
        "quantities",
        "times",
        "places",
        "events",
        "positions",
    }
    assert set(data["document"]) >= {"id", "title", "source", "url", "published", "dateline"}
    assert data["document"]["dateline"] == "MOSCOW"


def test_pipeline_loads_once_per_process():
    assert sitrep.load_pipeline() is sitrep.load_pipeline()


def test_pipeline_components_are_registered_spacy_factories(nlp):
    from sitrep.components import COMPONENTS

    names = nlp.pipe_names
    assert [n for n in names if n.startswith("sitrep_") and n != "sitrep_segment"] == list(COMPONENTS)
    for name in COMPONENTS:
        assert nlp.get_pipe_meta(name).assigns
    # The segmenter fixes dateline and paragraph boundaries before the parser runs.
    assert names.index("sitrep_segment") < names.index("parser")


def test_dateline_is_never_part_of_the_lead_sentence(nlp):
    doc = nlp(
        "LONDON (Reuters) - Russia said on Wednesday it would pull its troops back.\n\n"
        "Headline-like line\n\nMore."
    )
    body = next(s for s in doc.sents if "Russia" in s.text)
    assert body.text.startswith("Russia said")
    assert not any(t.text == "LONDON" and t.head.text == "said" for t in doc)
    assert [s.text.strip() for s in doc.sents][-2:] == ["Headline-like line", "More."]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-11-10", dt.date(2022, 11, 10)),
        ("2022-11-10T08:30:00Z", dt.date(2022, 11, 10)),
        (dt.datetime(2022, 11, 10, 8), dt.date(2022, 11, 10)),
        (dt.date(2022, 11, 10), dt.date(2022, 11, 10)),
        (None, None),
        ("", None),
    ],
)
def test_published_dates(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["2022-13-01", "next Tuesday", "10/11/2022", 20221110])
def test_bad_published_dates_are_input_errors(value):
    with pytest.raises(sitrep.InputError, match="not a date"):
        parse_published(value)


def test_empty_text_is_an_input_error(nlp):
    with pytest.raises(sitrep.InputError, match="empty"):
        sitrep.extract("   \n ", nlp=nlp)


def test_extract_many_keeps_order_and_metadata(nlp):
    items = [
        "KYIV (AP) - Drones struck the city overnight.",
        {
            "text": "BEIRUT (AP) - Strikes hit the south.",
            "published": "2024-09-23",
            "source": "AP",
            "id": "b1",
        },
    ]
    reports = list(sitrep.extract_many(items, nlp=nlp))
    assert [r.document.dateline for r in reports] == ["KYIV", "BEIRUT"]
    assert reports[1].document.published == "2024-09-23"
    assert reports[1].document.id == "b1"
    assert reports[0].document.id == sitrep.text.document_id(items[0])


def test_extract_many_skips_bad_items_when_asked_and_carries_on(nlp):
    errors = []
    items = [
        "Fighting resumed.",
        {"text": ""},
        {"text": "Talks stalled.", "published": "yesterday"},
        42,
        "Aid arrived.",
    ]
    reports = list(sitrep.extract_many(items, nlp=nlp, on_error=lambda i, e: errors.append((i, str(e)))))
    assert [i for i, _ in errors] == [1, 2, 3]
    assert "item 1" in errors[0][1] and "empty" in errors[0][1]
    assert "not a date" in errors[1][1]
    assert len(reports) == 2


def test_extract_many_raises_on_bad_item_by_default(nlp):
    with pytest.raises(sitrep.InputError, match="item 0"):
        list(sitrep.extract_many([{"text": None}], nlp=nlp))
