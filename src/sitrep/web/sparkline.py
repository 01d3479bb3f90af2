"""A sparkline: a series' figures over time as a small inline SVG (a line and the newest point)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup, escape

W, H, PAD = 120, 28, 3


def _day(value: Any) -> int | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        return None


def sparkline(points: Sequence[Sequence[Any]], label: str = "") -> Markup:
    """`points` are `[published, value]` in date order; x is the date (the order when undated), y the
    value on a log scale when the values span more than two orders of magnitude."""
    vals = [(i, _day(p[0]), float(p[1])) for i, p in enumerate(points) if p[1] is not None]
    vals = [v for v in vals if math.isfinite(v[2])]
    if not vals:
        return Markup("")
    lo, hi = min(v[2] for v in vals), max(v[2] for v in vals)
    use_log = lo > 0 and hi / lo > 100

    def yv(v: float) -> float:
        return math.log10(v) if use_log else v

    ylo, yhi = yv(lo), yv(hi)
    days = [v[1] for v in vals if v[1] is not None]
    dated = len(days) == len(vals) and max(days) > min(days)
    x0, x1 = (min(days), max(days)) if dated else (0, max(len(vals) - 1, 1))

    def xy(v: tuple[int, int | None, float]) -> tuple[float, float]:
        xs = (v[1] if dated and v[1] is not None else v[0]) - x0
        x = PAD + (W - 2 * PAD) * xs / max(x1 - x0, 1)
        y = H - PAD - (H - 2 * PAD) * ((yv(v[2]) - ylo) / (yhi - ylo) if yhi > ylo else 0.5)
        return x, y

    pts = [xy(v) for v in vals]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
    lx, ly = pts[-1]
    return Markup(
        f'<svg class="spark" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img"'
        f' aria-label="{escape(label)}"><polyline points="{line}" fill="none" stroke="#1f77b4"'
        f' stroke-width="1.5"/><circle cx="{lx:.1f}" cy="{ly:.1f}" r="2.5" fill="#d62728"/></svg>'
    )
