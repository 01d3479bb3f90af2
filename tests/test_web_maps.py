"""The map pieces without a server: the shapefile reader, the outline file, the SVG map and its view,
sparklines and document labels."""

from __future__ import annotations

import json
import re
import struct
import zipfile

import pytest

from sitrep.record.overview import first_sentence

pytest.importorskip("fastapi")

from sitrep.web import mapdata, mapsvg  # noqa: E402
from sitrep.web.sparkline import sparkline  # noqa: E402

SQUARE = [(30.0, 50.0), (40.0, 50.0), (40.0, 45.0), (30.0, 45.0), (30.0, 50.0)]
TRIANGLE = [(-10.0, 0.0), (-5.0, 5.0), (0.0, 0.0), (-10.0, 0.0)]


def _shp(records: list[list[list[tuple[float, float]]]]) -> bytes:
    """An ESRI shapefile of polygon records, written by hand from the format's specification."""
    body = b""
    for n, rings in enumerate(records, 1):
        points = [p for ring in rings for p in ring]
        parts, at = [], 0
        for ring in rings:
            parts.append(at)
            at += len(ring)
        content = struct.pack("<i4d", 5, 0, 0, 0, 0) + struct.pack("<ii", len(rings), len(points))
        content += struct.pack(f"<{len(parts)}i", *parts)
        content += b"".join(struct.pack("<2d", x, y) for x, y in points)
        body += struct.pack(">ii", n, len(content) // 2) + content
    header = struct.pack(">i5ii", 9994, 0, 0, 0, 0, 0, (100 + len(body)) // 2)
    header += struct.pack("<ii4d4d", 1000, 5, 0, 0, 0, 0, 0, 0, 0, 0)
    return header + body


def _dbf(rows: list[dict[str, str]]) -> bytes:
    """A dBase III table of text fields."""
    names = list(rows[0])
    width = 20
    header_len = 32 + 32 * len(names) + 1
    out = struct.pack("<B3BIHH20x", 3, 124, 1, 1, len(rows), header_len, 1 + width * len(names))
    for name in names:
        out += name.encode().ljust(11, b"\0") + b"C" + b"\0" * 4 + bytes([width, 0]) + b"\0" * 14
    out += b"\r"
    for row in rows:
        out += b" " + b"".join(row[n].encode().ljust(width) for n in names)
    return out + b"\x1a"


def test_shapefile_polygons_and_their_names_are_read():
    shp = _shp([[SQUARE], [TRIANGLE, SQUARE]])
    assert mapdata.read_polygons(shp) == [[SQUARE], [TRIANGLE, SQUARE]]
    rows = mapdata.read_dbf(
        _dbf([{"name": "Squareland", "iso_a3": "SQL"}, {"name": "Trilandia", "iso_a3": "TRI"}])
    )
    assert rows == [{"name": "Squareland", "iso_a3": "SQL"}, {"name": "Trilandia", "iso_a3": "TRI"}]
    with pytest.raises(ValueError):
        mapdata.read_polygons(b"not a shapefile at all" * 10)


def test_outline_is_built_from_a_wheel_and_drawn_as_svg(tmp_path, monkeypatch):
    wheel = tmp_path / "fake-0.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as z:
        z.writestr(mapdata.MEMBER + ".shp", _shp([[SQUARE], [TRIANGLE]]))
        z.writestr(
            mapdata.MEMBER + ".dbf",
            _dbf([{"name": "Squareland", "iso_a3": "SQL"}, {"name": "Tri", "iso_a3": "TRI"}]),
        )
    out = tmp_path / "world.json"
    monkeypatch.setenv("SITREP_WORLD", str(out))
    mapdata.load_world.cache_clear()
    mapsvg.world_svg.cache_clear()
    try:
        assert mapdata.build(wheel) == out
        data = json.loads(out.read_text())
        assert data["countries"][0] == {
            "name": "Squareland",
            "iso_a3": "SQL",
            "rings": [[30.0, 50.0, 40.0, 50.0, 40.0, 45.0, 30.0, 45.0, 30.0, 50.0]],
        }
        svg = mapsvg.world_svg(1).decode()
        # lon 30, lat 50 -> x 210, y 40 (equirectangular, north up, in degrees)
        assert "M210.0 40.0L220.0 40.0L220.0 45.0L210.0 45.0L210.0 40.0Z" in svg
        assert "<title>Squareland</title>" in svg and " style=" not in svg
        assert mapdata.main(["--check"]) == 0
    finally:
        mapdata.load_world.cache_clear()
        mapsvg.world_svg.cache_clear()


def test_missing_outline_leaves_an_empty_world(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_WORLD", str(tmp_path / "absent.json"))
    mapdata.load_world.cache_clear()
    try:
        assert mapdata.load_world() == [] and mapdata.main(["--check"]) == 1
    finally:
        mapdata.load_world.cache_clear()


def test_view_fits_its_points_keeps_the_aspect_and_stays_on_the_globe():
    lon0, lat0, lon1, lat1 = mapsvg.fit_box([(50.45, 30.52), (46.48, 30.72)], aspect=2.0)
    assert lon0 < 30.52 < lon1 and lat0 < 46.48 < 50.45 < lat1
    assert (lon1 - lon0) == pytest.approx(2 * (lat1 - lat0))
    assert mapsvg.fit_box([]) == mapsvg.WORLD
    assert mapsvg.fit_box([(-60, -170), (70, 170)]) == mapsvg.WORLD  # too wide: the world view
    box = mapsvg.fit_box([(85.0, 179.0)])
    assert box[2] <= 180 and box[3] <= 90


def test_markers_are_sized_by_count_linked_and_escaped():
    markers = [
        {
            "name": "Big <town>",
            "lat": 10.0,
            "lon": 10.0,
            "count": 100,
            "href": "/map?place=Big",
            "kind": "place",
        },
        {
            "name": "Small",
            "lat": 20.0,
            "lon": 20.0,
            "count": 1,
            "href": "/map?place=Small&x=1",
            "kind": "event",
        },
        {"name": "Outside", "lat": 80.0, "lon": 170.0, "count": 5, "href": "/x", "kind": "place"},
    ]
    svg = str(mapsvg.marker_map(markers, (0.0, 0.0, 40.0, 30.0), width=400))
    radii = [float(r) for r in re.findall(r'<circle [^>]*r="([\d.]+)"', svg)]
    assert len(radii) == 2 and radii[0] > radii[1]  # the outside marker is not drawn; big first
    assert 'href="/map?place=Small&amp;x=1"' in svg and "Big &lt;town&gt;" in svg and "<town>" not in svg
    assert '<image href="/map/world.svg?z=8"' in svg  # a view 9x the world's scale uses the z=8 outline
    assert " style=" not in svg


def test_labels_do_not_cover_each_other():
    near = [
        {
            "name": f"Town {i}",
            "lat": 50.0,
            "lon": 30.0 + i * 0.1,
            "count": 10 - i,
            "href": "/",
            "kind": "place",
        }
        for i in range(5)
    ]
    svg = str(mapsvg.marker_map(near, (20.0, 40.0, 40.0, 60.0), width=400))
    assert svg.count("<text ") == 1


def test_sparkline_draws_every_point_and_marks_the_newest():
    svg = str(sparkline([["2022-01-01", 10], ["2022-02-01", 20], ["2022-03-01", 5]], "x"))
    points = re.search(r'points="([^"]+)"', svg).group(1).split()
    assert len(points) == 3
    xs = [float(p.split(",")[0]) for p in points]
    ys = [float(p.split(",")[1]) for p in points]
    assert xs == sorted(xs) and ys[1] < ys[0] < ys[2]  # higher values are drawn higher
    assert re.search(r'<circle cx="([\d.]+)"', svg).group(1) == points[-1].split(",")[0]
    assert str(sparkline([], "x")) == "" and str(sparkline([["2022-01-01", float("inf")]], "x")) == ""


@pytest.mark.parametrize(
    "text, label",
    [
        ("Rain fell on the capital. Crowds stayed home.", "Rain fell on the capital."),
        ('He said "we will stay." Then he left.', 'He said "we will stay."'),
        ("Listen to this article\n\nThe convoy arrived at dawn.", "Listen to this article"),
        ("Gen. Smith said the No. 2 road was shut. More later.", "Gen. Smith said the No. 2 road was shut."),
        ("Troops left Kherson. They crossed the river.", "Troops left Kherson."),
        ("word " * 60, ("word " * 32).strip() + " …"),
    ],
)
def test_first_sentence_labels_untitled_documents(text, label):
    assert first_sentence(text) == label


def test_a_disagreement_lists_a_few_claims_a_side_and_says_how_many():
    from sitrep.web.pages import trim_disagreement

    claim = [{"text": f"{i}", "document": "d", "span": [0, 1]} for i in range(7)]
    c = {"kind": "quantity", "sides": [{"low": 1, "claims": claim}, {"low": 9, "claims": claim[:2]}]}
    c["items"] = claim + claim[:2]
    small = trim_disagreement(c, 3)
    assert [len(s["claims"]) for s in small["sides"]] == [3, 2]
    assert small["sides"][0]["claims_total"] == 7 and "claims_total" not in small["sides"][1]
    assert len(small["items"]) == 5 and small["items_total"] == 9
    assert trim_disagreement(c, 7) is c
    long = trim_disagreement({**c, "reason": "claim " * 200}, 7)["reason"]
    assert len(long) <= 402 and long.endswith(" …")
