"""Estimate series as server-rendered SVG: one point per figure with its low–high bar, coloured by claimant.

No JavaScript chart library is needed (nothing to vendor, nothing fetched at run time). Open bounds are
drawn as arrows: "well over 100,000" points up from 100,000, "as many as 40,000" down from 40,000.
Every point is a link to the figure's passage in its article.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

log = logging.getLogger("sitrep.web")
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")
W, H, PAD_L, PAD_R, PAD_T, PAD_B = 720, 260, 70, 20, 16, 40


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _nice(x: float) -> float:
    """The smallest round multiple (1, 1.2, 1.5, 2, ... 8) of a power of ten that is at least `x` (a round axis top)."""
    if x <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(x))
    return next(float(m * power) for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if m * power >= x)


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.1f}"


def point_href(est: dict[str, Any]) -> str:
    """The link from a figure to its passage: the article page focused on the figure's span."""
    span = est.get("span") or [0, 0]
    return f"/documents/{quote(str(est.get('document', '')), safe='')}?at={int(span[0])}-{int(span[1])}#at"


def claimant_colours(series: dict[str, Any]) -> dict[str, str]:
    """A colour per claimant, in order of first figure."""
    out: dict[str, str] = {}
    for e in series.get("estimates", []):
        name = str(e.get("claimant") or "unattributed")
        out.setdefault(name, PALETTE[len(out) % len(PALETTE)])
    return out


def _value(v: Any) -> float | None:
    """A bound as a finite float, else None (a store written before figures were capped may hold inf)."""
    try:
        f = float(v)
    except (TypeError, ValueError, OverflowError):
        return None
    return f if math.isfinite(f) else None


def series_svg(series: dict[str, Any]) -> Markup:
    """One series as an SVG chart (dates on x, counts on y); a series it cannot draw never takes the
    page down: it gets a line saying so."""
    try:
        return _series_svg(series)
    except Exception:  # noqa: BLE001 - one bad figure must not fail the estimates page
        log.exception("chart of %r failed", series.get("subject"))
        return Markup('<p class="muted">This series could not be drawn.</p>')


def _series_svg(series: dict[str, Any]) -> Markup:
    ests: list[dict[str, Any]] = []
    for e in series.get("estimates", []):
        low, high = _value(e.get("low")), _value(e.get("high"))
        if low is not None or high is not None:
            ests.append({**e, "low": low, "high": high})
    colours = claimant_colours(series)
    if not ests:
        return Markup('<p class="muted">No figure with a value in this series.</p>')
    dates = [_date(e.get("published")) for e in ests]
    known = [d for d in dates if d]
    d0 = min(known) if known else dt.date.today()
    d1 = max(known) if known else d0
    span_days = max((d1 - d0).days, 1)
    top = _nice(max(float(v) for e in ests for v in (e.get("low"), e.get("high")) if v is not None) * 1.15)
    pw, ph = W - PAD_L - PAD_R, H - PAD_T - PAD_B

    def x(i: int) -> float:
        d = dates[i]
        if d is None or not known:
            return PAD_L + pw * (i + 0.5) / len(ests)
        return PAD_L + pw * (0.05 + 0.9 * (d - d0).days / span_days) if d1 != d0 else PAD_L + pw / 2

    def y(v: float) -> float:
        return PAD_T + ph * (1 - v / top)

    parts = [
        f'<svg class="chart" viewBox="0 0 {W} {H}" width="100%" role="img" '
        f'aria-label="{escape(series.get("subject") or "")}">',
        f'<line x1="{PAD_L}" y1="{PAD_T + ph}" x2="{W - PAD_R}" y2="{PAD_T + ph}" class="axis"/>',
        f'<line x1="{PAD_L}" y1="{PAD_T}" x2="{PAD_L}" y2="{PAD_T + ph}" class="axis"/>',
    ]
    for k in range(5):
        v = top * k / 4
        parts.append(
            f'<text x="{PAD_L - 6}" y="{y(v) + 4:.1f}" text-anchor="end" class="tick">{_fmt(v)}</text>'
        )
    if known:
        parts.append(f'<text x="{PAD_L}" y="{H - 12}" class="tick">{d0.isoformat()}</text>')
        if d1 != d0:
            parts.append(
                f'<text x="{W - PAD_R}" y="{H - 12}" text-anchor="end" class="tick">{d1.isoformat()}</text>'
            )
    for i, e in enumerate(ests):
        colour = colours[str(e.get("claimant") or "unattributed")]
        lo, hi = e["low"], e["high"]
        cx = x(i)
        tip = escape(
            f"{e.get('claimant') or 'unattributed'}: {e.get('text', '')} ({e.get('source') or '?'}, {e.get('published') or 'undated'})"
        )
        parts.append(f'<a href="{escape(point_href(e))}" class="point"><title>{tip}</title>')
        if lo is not None and hi is not None and lo != hi:
            parts.append(
                f'<line x1="{cx:.1f}" y1="{y(float(lo)):.1f}" x2="{cx:.1f}" y2="{y(float(hi)):.1f}" stroke="{colour}" stroke-width="3"/>'
            )
        elif lo is not None and hi is None:  # lower bound: arrow up
            parts.append(
                f'<line x1="{cx:.1f}" y1="{y(float(lo)):.1f}" x2="{cx:.1f}" y2="{y(float(lo)) - 18:.1f}" stroke="{colour}" stroke-width="2"/>'
                f'<path d="M{cx - 5:.1f},{y(float(lo)) - 16:.1f} L{cx:.1f},{y(float(lo)) - 24:.1f} L{cx + 5:.1f},{y(float(lo)) - 16:.1f} Z" fill="{colour}"/>'
            )
        elif hi is not None and lo is None:  # upper bound: arrow down
            parts.append(
                f'<line x1="{cx:.1f}" y1="{y(float(hi)):.1f}" x2="{cx:.1f}" y2="{min(y(float(hi)) + 18, PAD_T + ph):.1f}" stroke="{colour}" stroke-width="2"/>'
                f'<path d="M{cx - 5:.1f},{y(float(hi)) + 16:.1f} L{cx:.1f},{y(float(hi)) + 24:.1f} L{cx + 5:.1f},{y(float(hi)) + 16:.1f} Z" fill="{colour}"/>'
            )
        mid = (
            float(lo if lo is not None else hi) if (lo is None or hi is None) else (float(lo) + float(hi)) / 2
        )
        parts.append(f'<circle cx="{cx:.1f}" cy="{y(mid):.1f}" r="5" fill="{colour}"/></a>')
    parts.append("</svg>")
    legend = "".join(
        f'<li><svg class="swatch" width="12" height="12"><rect width="12" height="12" fill="{c}"/></svg>{escape(name)}</li>'
        for name, c in colours.items()
    )
    return Markup("".join(parts) + f'<ul class="legend">{legend}</ul>')
