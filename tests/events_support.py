"""Shared by the events tests: run the pipeline and check that every trigger span is the truth."""

from __future__ import annotations


def events_of(extract, text: str):
    """The report's events for `text`, after asserting `text[start:end] == trigger` for each."""
    report = extract(text)
    for ev in report.events:
        s, e = ev.trigger.span
        assert text[s:e] == ev.trigger.text
    return report.events
