"""Maps as server-rendered SVG: the world outline as one cacheable SVG file, markers drawn inline over it.

Equirectangular projection in degree units (x = lon + 180, y = 90 - lat), so one outline serves every
view: a page's map sets its viewBox to the region it shows and places the outline with `<image>`
(`/map/world.svg`, fetched once and cached by the browser), which keeps each page small. Markers are
circles sized by count (area proportional to it), each a link. Only SVG presentation attributes are
used: the Content Security Policy allows no inline style or script.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

from .mapdata import load_world

WORLD = (-180.0, -58.0, 180.0, 84.0)  # lon0, lat0, lon1, lat1 of the world view (Antarctica left out)
ZOOMS = (1, 2, 4, 8, 16)  # outline variants: stroke widths for views this many times the world's scale
COLOURS = {"place": "#1f77b4", "event": "#d62728"}
LAND, COAST, SEA = "#e9e4d8", "#a39a86", "#f4f8fb"

Box = tuple[float, float, float, float]


def _n(v: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros (keeps the SVG small)."""
    return f"{v:.2f}".rstrip("0").rstrip(".")


def project(lon: float, lat: float) -> tuple[float, float]:
    """Degrees to the SVG user space of every map (equirectangular, north up)."""
    return lon + 180.0, 90.0 - lat


@lru_cache(maxsize=len(ZOOMS))
def world_svg(zoom: int = 1) -> bytes:
    """The world outline as a standalone SVG document (360 x 180 user units), stroke scaled for `zoom`."""
    zoom = zoom if zoom in ZOOMS else 1
    digits = 1 if zoom < 4 else 2
    paths = []
    for country in load_world():
        d = []
        for ring in country["rings"]:
            pts = [project(ring[i], ring[i + 1]) for i in range(0, len(ring), 2)]
            d.append("M" + "L".join(f"{x:.{digits}f} {y:.{digits}f}" for x, y in pts) + "Z")
        paths.append(f'<path d="{"".join(d)}"><title>{escape(country["name"])}</title></path>')
    stroke = 0.3 / zoom
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180" width="360" height="180">'
        f'<g fill="{LAND}" stroke="{COAST}" stroke-width="{stroke:g}" stroke-linejoin="round">'
        + "".join(paths)
        + "</g></svg>"
    ).encode()


def fit_box(points: Iterable[tuple[float, float]], aspect: float = 2.0, min_span: float = 12.0) -> Box:
    """A view (lon0, lat0, lon1, lat1) around `points` ((lat, lon) pairs) with a margin, at `aspect`
    (width / height); the world view when there is no point."""
    pts = list(points)
    if not pts:
        return WORLD
    lats, lons = [p[0] for p in pts], [p[1] for p in pts]
    lat0, lat1, lon0, lon1 = min(lats), max(lats), min(lons), max(lons)
    w = max(lon1 - lon0, min_span) * 1.3
    h = max(lat1 - lat0, min_span / aspect) * 1.3
    w, h = max(w, h * aspect), max(h, w / aspect)
    if w >= 300:
        return WORLD
    cx, cy = (lon0 + lon1) / 2, (lat0 + lat1) / 2
    cx = min(max(cx, -180 + w / 2), 180 - w / 2)
    cy = min(max(cy, -90 + h / 2), 90 - h / 2)
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def _zoom(box: Box) -> int:
    scale = (WORLD[2] - WORLD[0]) / max(box[2] - box[0], 1e-6)
    return max((z for z in ZOOMS if z <= scale * 1.5), default=1)


def _graticule(box: Box, step: float) -> str:
    lon0, lat0, lon1, lat1 = box
    x0, y1 = project(lon0, lat0)
    x1, y0 = project(lon1, lat1)
    lines = []
    lon = math.ceil(lon0 / step) * step
    while lon <= lon1:
        x = project(lon, 0)[0]
        lines.append(f"M{_n(x)} {_n(y0)}V{_n(y1)}")
        lon += step
    lat = math.ceil(lat0 / step) * step
    while lat <= lat1:
        y = project(0, lat)[1]
        lines.append(f"M{_n(x0)} {_n(y)}H{_n(x1)}")
        lat += step
    return "".join(lines)


def marker_map(
    markers: Sequence[dict[str, Any]],
    box: Box | None = None,
    width: int = 960,
    css_class: str = "map",
    labels: int = 8,
    label: str = "map",
) -> Markup:
    """An SVG map of `markers` (`{"lat", "lon", "count", "name", "href", "kind": "place"|"event",
    "title"}`) over the world outline; `box` is the view (default: the world)."""
    box = box or WORLD
    lon0, lat0, lon1, lat1 = box
    vw, vh = lon1 - lon0, lat1 - lat0
    height = round(width * vh / vw)
    x0, y0 = project(lon0, lat1)
    unit = vw / width  # user units per pixel at the nominal width
    top = max((float(m.get("count") or 1) for m in markers), default=1.0)
    step = 30.0 if vw > 120 else 10.0 if vw > 40 else 5.0
    parts = [
        f'<svg class="{escape(css_class)}" viewBox="{_n(x0)} {_n(y0)} {_n(vw)} {_n(vh)}" width="100%"'
        f' role="img" aria-label="{escape(label)}" data-width="{width}" data-height="{height}">',
        f'<rect x="{_n(x0)}" y="{_n(y0)}" width="{_n(vw)}" height="{_n(vh)}" fill="{SEA}"/>',
        f'<image href="/map/world.svg?z={_zoom(box)}" x="0" y="0" width="360" height="180"'
        ' preserveAspectRatio="none"/>',
        f'<path d="{_graticule(box, step)}" fill="none" stroke="#c9d3dc" stroke-width="{_n(unit * 0.6)}"/>',
    ]
    inside = [m for m in markers if lat0 <= m["lat"] <= lat1 and lon0 <= m["lon"] <= lon1]
    inside.sort(key=lambda m: -float(m.get("count") or 1))  # big ones first, small ones drawn on top
    for m in inside:
        x, y = project(float(m["lon"]), float(m["lat"]))
        r = unit * (3 + 19 * math.sqrt(float(m.get("count") or 1) / top))
        colour = COLOURS.get(str(m.get("kind")), COLOURS["place"])
        tip = escape(m.get("title") or f"{m.get('name')}: {m.get('count')}")
        parts.append(
            f'<a href="{escape(m["href"])}" class="marker {escape(str(m.get("kind") or "place"))}">'
            f"<title>{tip}</title>"
            f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" fill="{colour}" fill-opacity="0.45"'
            f' stroke="{colour}" stroke-width="{_n(unit)}"/></a>'
        )
    placed: list[tuple[float, float, float, float]] = []
    for m in inside:
        if len(placed) >= labels:
            break
        x, y = project(float(m["lon"]), float(m["lat"]))
        name = str(m.get("name") or "")
        box_ = (x + unit * 5, y - unit * 15, x + unit * (7 + 7 * len(name)), y - unit * 1)
        if any(a[0] < box_[2] and box_[0] < a[2] and a[1] < box_[3] and box_[1] < a[3] for a in placed):
            continue  # a label already drawn there: this one would cover it
        placed.append(box_)
        parts.append(
            f'<text x="{_n(x + unit * 6)}" y="{_n(y - unit * 4)}" font-size="{_n(unit * 12)}"'
            f' fill="#1d2b3a" stroke="#fff" stroke-width="{_n(unit * 3)}" paint-order="stroke">'
            f"{escape(name)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
