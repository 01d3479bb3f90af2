"""Shared by the positions tests: run the pipeline and check that every position's spans are the truth."""

from __future__ import annotations


def positions_of(extract, text: str):
    """The report's positions for `text`, after asserting each has a span inside the text and each
    condition's span gives its text."""
    report = extract(text)
    for pos in report.positions:
        assert pos.span is not None and 0 <= pos.span[0] < pos.span[1] <= len(text)
        for cond, (s, e) in zip(pos.conditions, pos.condition_spans, strict=True):
            assert text[s:e] == cond
    return report.positions
