"""An article's text as escaped HTML with its extracted items highlighted (statements, quantities, ...).

Items may nest or cross (a quantity inside a statement, a place inside an event's clause), so the text
is cut at every item boundary and each piece is wrapped in the tags of the items that cover it.
Statements are links to their speaker's page; the other kinds are `<mark>`s with an anchor id so that
the side panel can point at them. Every piece of text goes through `markupsafe.escape`: article text
is untrusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

from ..model import Report

# Drawing order, outermost first; statements are the only links.
KINDS = ("focus", "statement", "event", "quantity", "place", "time")
SPEAKER_COLOURS = 8  # CSS classes speaker-0 .. speaker-7


@dataclass(frozen=True)
class Mark:
    """One highlighted item: its kind, span, anchor id, tooltip and (for statements) link and colour."""

    kind: str
    start: int
    end: int
    anchor: str
    title: str
    href: str | None = None
    colour: int | None = None


def person_href(name: str) -> str:
    """The URL of a speaker's page."""
    return "/people/" + quote(name, safe="")


def speaker_colours(report: Report) -> dict[str, int]:
    """A stable colour index per speaker name, in order of first statement."""
    colours: dict[str, int] = {}
    for s in report.statements:
        name = s.speaker.name if s.speaker else ""
        if name and name not in colours:
            colours[name] = len(colours) % SPEAKER_COLOURS
    return colours


def marks(report: Report) -> list[Mark]:
    """Every highlightable item of a report, with valid spans only."""
    colours = speaker_colours(report)
    out: list[Mark] = []
    for s in report.statements:
        name = s.speaker.name if s.speaker else None
        out.append(
            Mark(
                "statement",
                *s.content.span,
                anchor=s.id,
                title=f"{name or 'unattributed'} ({s.kind}, {s.cue.text})",
                href=person_href(name) if name else None,
                colour=colours.get(name or ""),
            )
        )
    for q in report.quantities:
        bounds = f"{q.low if q.low is not None else ''}–{q.high if q.high is not None else ''}"
        out.append(
            Mark(
                "quantity",
                *q.span,
                anchor=q.id,
                title=f"{q.qualifier} {bounds} {q.subject or ''} {' '.join(q.outcome)}".strip(),
            )
        )
    for e in report.events:
        out.append(Mark("event", *e.trigger.span, anchor=e.id, title=f"{e.type} ({e.status})"))
    for i, p in enumerate(report.places):
        out.append(
            Mark("place", *p.span, anchor=f"place-{i}", title=f"{p.name}, {p.country or '?'} ({p.feature})")
        )
    for i, t in enumerate(report.times):
        out.append(Mark("time", *t.span, anchor=f"time-{i}", title=f"{t.type} {t.value or ''}".strip()))
    return [m for m in out if 0 <= m.start < m.end]


def _open(m: Mark, first: bool) -> str:
    anchor = f' id="{escape(m.anchor)}"' if first else ""
    title = escape(m.title)
    if m.kind == "statement":
        colour = f" speaker-{m.colour}" if m.colour is not None else ""
        if m.href:
            item, href = escape(m.anchor), escape(m.href)
            cls = f"hl statement{colour}"
            return f'<a class="{cls}" href="{href}" title="{title}" data-item="{item}"{anchor}>'
        return f'<span class="hl statement" title="{title}" data-item="{escape(m.anchor)}"{anchor}>'
    return f'<mark class="hl {m.kind}" title="{title}" data-item="{escape(m.anchor)}"{anchor}>'


def _close(m: Mark) -> str:
    if m.kind == "statement":
        return "</a>" if m.href else "</span>"
    return "</mark>"


def highlight(text: str, report: Report, focus: tuple[int, int] | None = None) -> Markup:
    """The text as safe HTML, every item of the report wrapped in its highlight.

    `focus` is a span to single out (a link from an estimate or a search hit lands on it: `#at`).
    """
    items = [m for m in marks(report) if m.end <= len(text)]
    if focus and 0 <= focus[0] < focus[1] <= len(text):
        items.insert(0, Mark("focus", focus[0], focus[1], anchor="at", title="the cited passage"))
    cuts = sorted({0, len(text), *(m.start for m in items), *(m.end for m in items)})
    order = {k: i for i, k in enumerate(KINDS)}
    opened: set[int] = set()
    html: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = sorted(
            (i for i, m in enumerate(items) if m.start <= a and b <= m.end),
            key=lambda i: (order[items[i].kind], items[i].start, -items[i].end),
        )
        # A link may not contain another link: keep only the outermost statement per piece.
        seen_statement = False
        active = []
        for i in covering:
            if items[i].kind == "statement":
                if seen_statement:
                    continue
                seen_statement = True
            active.append(i)
        html.extend(_open(items[i], i not in opened) for i in active)
        opened.update(active)
        html.append(str(escape(text[a:b])))
        html.extend(_close(items[i]) for i in reversed(active))
    return Markup("".join(html))
