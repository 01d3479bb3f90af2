"""Issue 16, cost: the attribute rules by table give spaCy's own result, and the per-figure and per-event
lookups stay bounded on a run of thousands of figures (the fuzz bench measures the time itself)."""

from __future__ import annotations

from bisect import bisect_left
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler

import sitrep
from sitrep import attributes
from sitrep.components.shared.clauses import conjuncts
from sitrep.components.shared.spans import SpanCover

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


@pytest.fixture(scope="module")
def plain():
    """The model with spaCy's own attribute ruler (the table is what sitrep's pipeline installs)."""
    return spacy.load(sitrep.pipeline.DEFAULT_MODEL)


def test_the_pipeline_runs_the_attribute_rules_by_table(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), attributes.AttributeTable)


def _before_rules(nlp, text: str):
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "attribute_ruler":
            return doc, proc
        doc = proc(doc)
    raise AssertionError("no attribute ruler")


def _texts() -> list[str]:
    files = sorted((ROOT / "examples" / "articles").glob("*.txt"))
    files += sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    texts.append("Y'all gonna see it. Let's go, c'mon. It ain't over: I told you it was him, did he? Do it.")
    texts.append("She got it.   \n\n  There are two; there were three. But he left, but slowly.\t \n")
    return texts


def test_the_table_gives_exactly_what_spacys_ruler_gives(plain):
    ruler = plain.get_pipe("attribute_ruler")
    table = attributes.table_for(ruler)
    assert table is not None
    assert len(_texts()) > 10
    for text in _texts():
        doc, proc = _before_rules(plain, text)
        assert proc is ruler
        a, b = doc.copy(), doc.copy()
        ruler(a)
        table(b)
        assert (a.to_array(COLUMNS) == b.to_array(COLUMNS)).all(), text[:60]
        assert [t.pos_ for t in b] != [""] * len(b)  # the rules did set something


def test_a_later_rule_wins_and_a_two_token_rule_sets_its_indexed_token():
    nlp = spacy.blank("en")
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "drone"}]], {"POS": "NOUN", "LEMMA": "first"})
    ruler.add([[{"LOWER": {"IN": ["drone", "drones"]}}]], {"LEMMA": "drone"})
    ruler.add([[{"LOWER": "shot"}, {"LOWER": "down"}]], {"POS": "ADP"}, index=1)
    ruler.add([[{"LOWER": {"REGEX": "^sh"}}]], {"POS": "VERB"})
    table = attributes.table_for(ruler)
    assert table is not None
    for text in ("A drone was shot down near the drone base", "Drones shot down shot"):
        a, b = nlp.make_doc(text), nlp.make_doc(text)
        ruler(a)
        table(b)
        assert [(t.pos_, t.lemma_) for t in a] == [(t.pos_, t.lemma_) for t in b]
    b = nlp.make_doc("A drone was shot down")
    table(b)
    assert [(t.pos_, t.lemma_) for t in b][1:] == [("NOUN", "drone"), ("", ""), ("VERB", ""), ("ADP", "")]


def test_a_rule_the_table_cannot_read_keeps_spacys_ruler():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": {">=": 3}}]], {"POS": "NOUN"})
    assert attributes.table_for(ruler) is None
    assert attributes.install(nlp) is False
    assert nlp.get_pipe("attribute_ruler") is ruler


def test_conjuncts_near_keeps_the_nearest_members_of_a_long_coordination(nlp):
    doc = nlp("They sent tanks, guns, shells, drones, rifles, trucks, boats, jets, mines and radios.")
    tanks = next(t for t in doc if t.text == "tanks")
    every = conjuncts(tanks)
    assert len(every) >= 6
    near = conjuncts(tanks, near=2)
    assert set(t.i for t in near) <= set(t.i for t in every)
    assert sorted(t.i for t in near) == sorted(t.i for t in every)[:2]  # all after "tanks": the first two
    assert [t.i for t in conjuncts(tanks, near=50)] == [t.i for t in every]


def test_a_run_of_thousands_of_figures_keeps_each_figure_and_its_outcome(extract):
    text = "Officials said the tallies were as follows. " + "400 killed " * 1500 + "and that was all."
    report = extract(text)
    figures = [q for q in report.quantities if q.text == "400"]
    assert len(figures) >= 1400
    with_outcome = [q for q in figures if q.outcome and "killed" in q.outcome]
    assert len(with_outcome) >= 0.9 * len(figures)


def _near_by_reading_all(tok, near: int) -> list[int]:
    """What `conjuncts(tok, near)` must give, by reading the whole coordination (the old way)."""
    every = [t.i for t in conjuncts(tok)]
    if len(every) <= 2 * near:
        return every
    ordered = sorted(every)
    pos = bisect_left(ordered, tok.i)
    low, high = ordered[max(0, pos - near)], ordered[min(len(ordered), pos + near) - 1]
    return [i for i in every if low <= i <= high]


def test_conjuncts_near_of_a_middle_member_reads_both_sides_in_the_parses_order(nlp):
    doc = nlp("They sent tanks, guns, shells, drones, rifles, trucks, boats, jets, mines and radios.")
    members = [t for t in doc if t.text == "tanks" or t.dep_ == "conj"]
    assert len(members) >= 8
    for tok in members:
        for near in (1, 2, 3, 4):
            got = [t.i for t in conjuncts(tok, near=near)]
            assert got == _near_by_reading_all(tok, near), (tok.text, near)
            assert tok.i not in got
    middle = members[len(members) // 2]
    got = [t.i for t in conjuncts(middle, near=2)]
    assert any(i < middle.i for i in got) and any(i > middle.i for i in got)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 25)), max_size=30),
    st.integers(0, 70),
    st.integers(0, 20),
)
def test_span_cover_lookups_agree_with_reading_every_span(raw, start, width):
    spans = [(s, s + w) for s, w in raw]
    cover = SpanCover(spans)
    end = start + width
    assert cover.overlaps(start, end) == any(s < end and start < e for s, e in spans)
    holding = sorted(cover.holding(start, end))
    assert holding == sorted((s, e, k) for k, (s, e) in enumerate(spans) if s <= start and end <= e)
    within = sorted(cover.within(start, end))
    assert within == sorted((s, e, k) for k, (s, e) in enumerate(spans) if start <= s and e <= end)
