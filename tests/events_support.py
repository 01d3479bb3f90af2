"""Shared by the events tests: run the pipeline and check that every trigger span is the truth."""

from __future__ import annotations


def events_of(extract, text: str):
    """The report's events for `text`, after asserting `text[start:end] == trigger` for each."""
    report = extract(text)
    for ev in report.events:
        s, e = ev.trigger.span
        assert text[s:e] == ev.trigger.text
    return report.events


def triggers_of(extract, text: str) -> dict[str, tuple[str, str | None, str]]:
    """Trigger text -> (type, actor, status) of every event, with spans checked."""
    return {ev.trigger.text: (ev.type, ev.actor, ev.status) for ev in events_of(extract, text)}
