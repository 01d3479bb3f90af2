"""Issue 16, texts: long texts in chunks, a ceiling, hygiene at the door, pathological runs, huge figures.

Every case the probe of issue 16 found is here, on small stand-ins where the real size would only cost
time (the chunk size and the ceiling are configurable; the timings are in bench/bench_fuzz.py).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import sitrep
from sitrep.api import finite_report, make_doc
from sitrep.chunking import merge_reports, split_points
from sitrep.errors import InputError
from sitrep.model import Quantity, Report
from sitrep.numbers import MAX_FIGURE, parse_amount, parse_numeral
from sitrep.text import clean_text, document_id
from sitrep.tokenizer import LONG_RUN, MAX_SENTENCE_TOKENS, max_tokens

ARTICLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


def spans_ok(text: str, report: Report) -> list[str]:
    """Every (span, surface) pair of a report that does not index the text: empty when all do."""
    bad: list[str] = []

    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            span = node.get("span")
            if span is not None and isinstance(node.get("text"), str):
                s, e = span
                if not (0 <= s <= e <= len(text)) or text[s:e] != node["text"]:
                    bad.append(f"{path}: {span} {node['text'][:40]!r}")
            elif span is not None and not 0 <= span[0] <= span[1] <= len(text):
                bad.append(f"{path}: {span}")
            for key, value in node.items():
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{path}[{i}]")

    data = report.to_dict()
    walk(data, "report")
    for p in data["positions"]:
        for s, e in p["condition_spans"]:
            if not 0 <= s <= e <= len(text):
                bad.append(f"condition span {s, e}")
    return bad


def article(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


# ---- long texts -------------------------------------------------------------------------------------


def test_a_text_over_the_chunk_size_is_extracted_in_chunks_with_spans_into_the_whole(nlp, monkeypatch):
    a, b = article("04_kherson_withdrawal.txt"), article("01_kharkiv_shelling.txt")
    text = a.rstrip() + "\n\n" + b
    alone_a = sitrep.extract(a.rstrip(), published="2022-11-10", nlp=nlp)
    alone_b = sitrep.extract(b, published="2022-11-10", nlp=nlp)
    monkeypatch.setenv("SITREP_CHUNK_CHARS", str(len(a.rstrip()) + 10))
    cuts = split_points(text)
    assert cuts == [(0, len(a.rstrip()) + 2), (len(a.rstrip()) + 2, len(text))]  # at the paragraph break
    report = sitrep.extract(text, published="2022-11-10", nlp=nlp)
    assert spans_ok(text, report) == []
    offset = cuts[1][0]
    got = [(st.content.span, st.content.text) for st in report.statements]
    want = [(st.content.span, st.content.text) for st in alone_a.statements] + [
        ((st.content.span[0] + offset, st.content.span[1] + offset), st.content.text)
        for st in alone_b.statements
    ]
    assert got == want
    assert len(report.quantities) == len(alone_a.quantities) + len(alone_b.quantities)
    for kind in ("entities", "statements", "quantities", "events", "positions"):
        ids = [x.id for x in getattr(report, kind)]
        assert len(ids) == len(set(ids)), kind
    # references follow the renumbering: every claimant statement and speaker entity exists
    st_ids, ent_ids = {s.id for s in report.statements}, {e.id for e in report.entities}
    assert all(
        q.claimant.statement in st_ids for q in report.quantities if q.claimant and q.claimant.statement
    )
    assert all(s.speaker.entity in ent_ids for s in report.statements if s.speaker and s.speaker.entity)
    assert report.document.id == document_id(text)


def test_chunks_are_never_cut_inside_a_quote_that_runs_over_paragraphs():
    para = "The minister spoke at length about the front line and the winter ahead of the troops."
    quote = '"' + 'We will hold the line.\n\n"'.join(["x " * 30] * 6) + 'We will win," she said.'
    text = "\n\n".join([para] * 10 + [quote] + [para] * 10)
    q0, q1 = text.index('"'), text.index("she said.")
    for size in (1000, 1200, 1500):
        cuts = split_points(text, size)
        assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
        assert all(a < b and b - a <= size for a, b in cuts)
        assert all(x[1] == y[0] for x, y in zip(cuts, cuts[1:], strict=False))
        assert not any(q0 < b <= q1 for _a, b in cuts[:-1]), size


def test_a_text_without_any_break_is_still_cut_into_pieces_of_the_size():
    text = "word " * 5000 + "x" * 3000
    cuts = split_points(text, 1000)
    assert "".join(text[a:b] for a, b in cuts) == text
    assert all(b - a <= 1000 for a, b in cuts)


def test_a_text_over_the_ceiling_is_refused_in_one_line_and_the_batch_goes_on(nlp, monkeypatch):
    monkeypatch.setenv("SITREP_MAX_CHARS", "5000")
    good = article("02_gaza_aid.txt")
    huge = "Officials said the talks would resume. " * 200  # 7,800 characters
    with pytest.raises(InputError) as info:
        sitrep.extract(huge, nlp=nlp)
    assert "more than the limit of 5,000 (SITREP_MAX_CHARS)" in str(info.value)
    assert "\n" not in str(info.value)
    errors: list[tuple[int, str]] = []
    items = [{"text": good, "id": "a"}, {"text": huge, "id": "big"}, {"text": good + " ", "id": "b"}]
    reports = list(sitrep.extract_many(items, nlp=nlp, on_error=lambda i, e: errors.append((i, str(e)))))
    assert [r.document.id for r in reports] == ["a", "b"]
    assert errors == [
        (1, "item 1 (big): the text has 7,800 characters, more than the limit of 5,000 (SITREP_MAX_CHARS)")
    ]


def test_make_doc_refuses_a_text_over_the_model_limit_with_an_input_error(nlp):
    with pytest.raises(InputError, match="more than the model takes at once"):
        make_doc(nlp, "a " * (nlp.max_length // 2 + 10))


def test_merge_renumbers_ids_and_merges_entities_of_the_same_name(nlp):
    text = "Vladimir Putin said the war would go on. Putin said 300 soldiers were killed."
    one = sitrep.extract(text, nlp=nlp)
    merged = merge_reports([(0, one), (len(text) + 2, one)], "doc")
    assert [s.id for s in merged.statements] == [f"s{i}" for i in range(1, 2 * len(one.statements) + 1)]
    assert len(merged.entities) == len(one.entities)  # the same people, once each
    putin = next(e for e in merged.entities if "Putin" in e.name)
    assert len(putin.mentions) == 2 * len(next(e for e in one.entities if "Putin" in e.name).mentions)
    q_ids = {q.id for q in merged.quantities}
    assert all(set(v.quantities) <= q_ids for v in merged.events)


# ---- hygiene at the door ---------------------------------------------------------------------------


def test_clean_text_replaces_lone_surrogates_one_for_one():
    text = "Kyiv\ud800 said\udfff \U0001f600 ok"
    clean = clean_text(text)
    assert len(clean) == len(text) and clean == "Kyiv\ufffd said\ufffd \U0001f600 ok"
    clean.encode("utf-8")
    assert clean_text("plain") == "plain"
    assert document_id(text) == document_id(clean)


def test_a_lone_surrogate_is_extracted_with_spans_into_the_text_as_given(nlp):
    text = 'Ukraine\'s president said "we will not give up\ud800 Kherson" on Monday.'
    report = sitrep.extract(text, published="2022-11-10", nlp=nlp)
    assert report.statements
    assert spans_ok(clean_text(text), report) == []
    json.loads(report.to_json())  # encodable


def test_extract_many_with_on_error_never_aborts(nlp, monkeypatch):
    errors: list[int] = []
    items = ["A said B.", "x\ud800y said the governor.", "", 5, {"text": None}, "The army said 40 died."]
    reports = list(sitrep.extract_many(items, nlp=nlp, on_error=lambda i, e: errors.append(i)))
    assert len(reports) == 3 and errors == [2, 3, 4]

    # a component that breaks on one text: that text is reported, the others still come out
    from sitrep.components.quantities import component as quantities

    real = quantities.find_quantities

    def flaky(doc, *a, **kw):
        if "BOOM" in doc.text:
            raise RuntimeError("component bug")
        return real(doc, *a, **kw)

    monkeypatch.setattr(quantities, "find_quantities", flaky)
    failed: list[tuple[int, str]] = []
    items = ["The army said 40 died.", "BOOM said the army.", "Officials said 12 were hurt."]
    reports = list(sitrep.extract_many(items, nlp=nlp, on_error=lambda i, e: failed.append((i, str(e)))))
    assert len(reports) == 2
    assert failed == [(1, "item 1: extraction failed (RuntimeError: component bug)")]


# ---- pathological runs -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "run",
    ["'" * 40_000, '"' * 19_000, "\u201c" * 20_000, "(" * 20_000, "\U0001f600" * 20_000, "a" * 50_000],
)
def test_a_long_run_without_spaces_never_reaches_spacys_affix_loop(nlp, run):
    doc = nlp.make_doc("Officials said. " + run + " The end.")
    assert doc.text == "Officials said. " + run + " The end."
    assert len(doc) < 20  # one token for the run, not one per mark
    assert len(run) >= LONG_RUN


def test_quote_runs_and_dense_junk_extract_with_valid_spans(nlp):
    for text in [
        "'" * 19_000,
        "' " * 10_000,
        '"a" ' * 5_000,
        ",".join(["123"] * 5_000),
        "a\u05d0\u200f" * 9_000,
    ]:
        report = sitrep.extract(text, nlp=nlp)
        assert spans_ok(text, report) == []


def test_a_text_far_denser_in_tokens_than_prose_is_thinned_but_keeps_every_offset(nlp):
    text = "\n".join(" ".join(["a", "1", "!", "??"] * 50) for _ in range(40))
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert len(doc) <= max_tokens(text)


def test_no_sentence_runs_past_the_cap(nlp):
    text = "He said " * 2_000
    doc = nlp(nlp.make_doc(text))
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS
    report = sitrep.extract(text, nlp=nlp)
    assert spans_ok(text, report) == []


def test_prose_is_tokenized_exactly_as_spacy_does(nlp):
    text = article("04_kherson_withdrawal.txt")
    inner = nlp.tokenizer.inner(text)
    assert [t.text for t in nlp.make_doc(text)] == [t.text for t in inner]


# ---- figures too large to be counts ----------------------------------------------------------------


def test_a_figure_of_309_digits_is_not_a_figure(nlp):
    assert parse_numeral("1" * 309) is None and parse_numeral("9" * 16) is None
    assert parse_numeral("40,000") == 40000 and parse_numeral("1.5") == 1.5
    assert parse_amount("more than " + "1" * 400) is None
    text = f"Officials said {'9' * 309} soldiers were killed and 40,000 were wounded."
    report = sitrep.extract(text, nlp=nlp)
    data = json.loads(report.to_json())  # strict JSON: no Infinity, no NaN
    values = [v for q in data["quantities"] for v in (q["low"], q["high"]) if v is not None]
    assert 40000 in values
    assert all(math.isfinite(v) and abs(v) <= MAX_FIGURE for v in values)
    assert "Infinity" not in report.to_json()


def test_finite_report_drops_infinity_and_nan():
    q = Quantity(id="q1", text="x", span=(0, 1), low=float("inf"), high=float("nan"))
    r = finite_report(Report.model_validate({"document": {"id": "d"}, "quantities": [q.model_dump()]}))
    assert r.quantities[0].low is None and r.quantities[0].high is None


# Found by bench/bench_fuzz.py (input #77302): a position whose topic comes before its predicate was
# given a span ending before it started.
FUZZ_77302 = (
    "hnson was hoping to talk to or where he plans to travel, but it was understood he is keen "
    "to engage with Nordic and Baltic countrin Sunday, Zelenskiy urged Joe Biden to visit Kyiv "
    '"in the coming days\u201d in a show of mor \U000973a41I<KE\xa0\x00/n\U000bfe57al support. '
    "The White House made no mention of the invitation in its readout of the 50-minute call."
    "\n\nA White House statement said Biden made clear the US would \xabrespond swiftly and dec"
    "isiv\u201c\u201c\u201c\u201c\u201c\u201c\u201c\u201c\u201c\u201c\u201c\u201c\u201c\u201c"
    "\u201c***************************************\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb"
    "\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb"
    "\xbb\xbb\xbb\xbb\u201e\u201e\u201e\u201e\u201e\u201e\u201e^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"
    "^^^^^^^^&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&???????????*"
    "**************************************\u201c\u201c\u201c\u201c\u201c\u201c\u201c\u201c"
    "\u201c\u201c\u201c\u201c\u201c\u201c\u201c?????????????????????????????\u2014\u2014"
    "\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u2014"
    "\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u201e\u201e"
    "\u201e\u201e\u201e\u201e\u201e\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb"
    "\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb**********************************"
    "*************"
)


def test_a_position_whose_topic_comes_first_has_a_valid_span(nlp):
    text = FUZZ_77302
    report = sitrep.extract(text, nlp=nlp)
    assert spans_ok(clean_text(text), report) == []
    assert all(p.span is None or p.span[0] <= p.span[1] for p in report.positions)
