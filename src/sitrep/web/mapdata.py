"""The world outline under the maps: Natural Earth 1:110m countries (public domain), offline.

No map data is committed and nothing is fetched at run time. `./scripts/setup` downloads, by pinned hash,
the wheel of a PyPI package that ships the Natural Earth 110m admin-0 countries as a shapefile
(`requirements-world.txt`: geopandas 0.14.4, `geopandas/datasets/naturalearth_lowres`; the wheel is
read as a zip and never installed) and runs `python -m sitrep.web.mapdata WHEEL`, which converts the
shapefile to a compact JSON file of rings in degrees (`world_path()`). The pages draw it as SVG.
Without that file the maps still work, over a graticule only.

(vega-datasets 0.9.0, the first candidate, ships no world TopoJSON: it fetches `world-110m.json`
from a CDN at run time.)
"""

from __future__ import annotations

import json
import os
import struct
import sys
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any

MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
SOURCE = "Natural Earth 1:110m admin-0 countries (public domain), from the geopandas 0.14.4 wheel"
PRECISION = 2  # decimal places of a degree kept (about 1 km: far below a 110m outline's error)


def world_path() -> Path:
    """Where the converted outline lives: $SITREP_WORLD, else `<prefix>/share/sitrep/world-110m.json`."""
    env = os.environ.get("SITREP_WORLD")
    return Path(env) if env else Path(sys.prefix) / "share" / "sitrep" / "world-110m.json"


def read_polygons(shp: bytes) -> list[list[list[tuple[float, float]]]]:
    """The rings of every record of an ESRI shapefile of polygons (shape type 5), as (lon, lat) lists."""
    if len(shp) < 100 or struct.unpack(">i", shp[:4])[0] != 9994:
        raise ValueError("not an ESRI shapefile")
    out: list[list[list[tuple[float, float]]]] = []
    pos = 100
    while pos + 8 <= len(shp):
        words = struct.unpack(">ii", shp[pos : pos + 8])[1]
        body = shp[pos + 8 : pos + 8 + 2 * words]
        pos += 8 + 2 * words
        kind = struct.unpack("<i", body[:4])[0]
        if kind != 5:  # a null shape (0) or anything but a polygon: no ring
            out.append([])
            continue
        nparts, npoints = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack(f"<{nparts}i", body[44 : 44 + 4 * nparts])) + [npoints]
        coords = struct.unpack(f"<{2 * npoints}d", body[44 + 4 * nparts : 44 + 4 * nparts + 16 * npoints])
        points = list(zip(coords[0::2], coords[1::2], strict=True))
        out.append([points[parts[i] : parts[i + 1]] for i in range(nparts)])
    return out


def read_dbf(dbf: bytes, encoding: str = "utf-8") -> list[dict[str, str]]:
    """The text fields of every record of a dBase III table (deleted records included, as in the .shp)."""
    nrec, header, reclen = struct.unpack("<IHH", dbf[4:12])
    fields: list[tuple[str, int]] = []
    pos = 32
    while dbf[pos] != 0x0D:
        name = dbf[pos : pos + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, dbf[pos + 16]))
        pos += 32
    rows = []
    for i in range(nrec):
        rec = dbf[header + i * reclen : header + (i + 1) * reclen]
        at, row = 1, {}
        for name, width in fields:
            row[name] = rec[at : at + width].decode(encoding, "replace").strip()
            at += width
        rows.append(row)
    return rows


def convert(shp: bytes, dbf: bytes) -> dict[str, Any]:
    """The outline as stored: `{"source", "countries": [{"name", "iso_a3", "rings": [[lon, lat, ...]]}]}`."""
    countries = []
    for rings, row in zip(read_polygons(shp), read_dbf(dbf), strict=True):
        flat = [[round(v, PRECISION) for point in ring for v in point] for ring in rings if len(ring) >= 3]
        if flat:
            countries.append({"name": row.get("name", ""), "iso_a3": row.get("iso_a3", ""), "rings": flat})
    return {"source": SOURCE, "countries": countries}


def build(wheel: Path, out: Path | None = None) -> Path:
    """Convert the shapefile inside `wheel` and write it to `out` (default `world_path()`)."""
    with zipfile.ZipFile(wheel) as z:
        data = convert(z.read(MEMBER + ".shp"), z.read(MEMBER + ".dbf"))
    target = out or world_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    tmp.replace(target)
    return target


@lru_cache(maxsize=1)
def load_world() -> list[dict[str, Any]]:
    """The countries of the converted outline ([] when `./scripts/setup` has not built it)."""
    try:
        data = json.loads(world_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    countries: list[dict[str, Any]] = data.get("countries", [])
    return countries


def main(argv: list[str]) -> int:
    """`python -m sitrep.web.mapdata WHEEL` builds the outline; `--check` exits 1 when it is missing."""
    if argv == ["--check"]:
        return 0 if world_path().is_file() else 1
    if len(argv) != 1:
        print("usage: python -m sitrep.web.mapdata WHEEL | --check", file=sys.stderr)
        return 2
    path = build(Path(argv[0]))
    print(f"world outline: {len(load_world())} countries written to {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
