"""Readable terminal summaries of reports (rich tables)."""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from .model import Report, Statement


def format_count(x: object) -> str:
    """A count with thousands separators ("40,000", "2.5"); "-" for none; other values as text."""
    if x is None:
        return "-"
    try:
        f = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(x)
    return f"{f:,.0f}" if f.is_integer() else f"{f:,}"


def _table(title: str, *columns: str) -> Table:
    t = Table(title=title, title_justify="left", show_lines=False, expand=False)
    for c in columns:
        t.add_column(c, overflow="fold")
    return t


def report_tables(report: Report) -> Group:
    """One table per kind of item in the report."""
    d = report.document
    head = Text.assemble(
        ("Document ", "bold"),
        d.id,
        ("  published ", "bold"),
        d.published or "-",
        ("  dateline ", "bold"),
        d.dateline or "-",
        *((("  title ", "bold"), d.title) if d.title else ()),
    )
    parts: list[Table | Text] = [head]

    by_speaker: dict[str, list[Statement]] = defaultdict(list)
    for s in report.statements:
        by_speaker[s.speaker.name if s.speaker else "(unattributed)"].append(s)
    if by_speaker:
        t = _table("Statements (by speaker)", "speaker", "kind", "cue", "content", "when", "venue")
        for speaker, items in by_speaker.items():
            for i, s in enumerate(items):
                t.add_row(
                    speaker if i == 0 else "",
                    s.kind,
                    s.cue.text,
                    s.content.text,
                    (s.time.value or s.time.text) if s.time else "",
                    s.venue or "",
                )
            t.add_section()
        parts.append(t)

    if report.quantities:
        t = _table(
            "Quantities", "text", "low", "high", "qualifier", "subject", "outcome", "hedged", "claimant"
        )
        for q in report.quantities:
            t.add_row(
                q.text,
                format_count(q.low),
                format_count(q.high),
                q.qualifier,
                q.subject or "",
                "+".join(q.outcome),
                "yes" if q.hedged else "",
                q.claimant.name if q.claimant else "",
            )
        parts.append(t)

    if report.events:
        t = _table("Events", "type", "actor", "target", "place", "time", "status", "source", "trigger")
        for e in report.events:
            t.add_row(
                e.type,
                e.actor or "",
                e.target or "",
                e.place or "",
                e.time or "",
                e.status,
                e.source or "",
                e.trigger.text,
            )
        parts.append(t)

    if report.positions:
        t = _table("Positions", "holder", "topic", "stance", "conditions")
        for p in report.positions:
            t.add_row(p.holder, p.topic, p.stance, "\n".join(f"- {c}" for c in p.conditions))
        parts.append(t)

    if report.entities:
        t = _table("Entities", "name", "type", "titles", "roles", "mentions")
        for ent in report.entities:
            t.add_row(ent.name, ent.type, ", ".join(ent.titles), "; ".join(ent.roles), str(len(ent.mentions)))
        parts.append(t)

    if report.times:
        t = _table("Times", "text", "type", "value")
        for tm in report.times:
            t.add_row(tm.text, tm.type, tm.value or "")
        parts.append(t)

    if report.places:
        t = _table("Places", "text", "name", "country", "feature", "lat", "lon")
        for pl in report.places:
            t.add_row(
                pl.text,
                pl.name,
                pl.country or "",
                pl.feature,
                f"{pl.lat:.3f}" if pl.lat is not None else "",
                f"{pl.lon:.3f}" if pl.lon is not None else "",
            )
        parts.append(t)
    return Group(*parts)


def print_report(report: Report, console: Console | None = None) -> None:
    """Print a report's tables to the terminal."""
    (console or Console()).print(report_tables(report))
