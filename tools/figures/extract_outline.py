"""Extract the map's outline (Syria and its neighbours) from Natural Earth, once, by hand.

The book never fetches anything at build time: the outline ships in the repository as
tools/figures/syria-and-neighbours.geojson. This script made it, and remakes it when the frame or
the Natural Earth edition changes:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m tools.figures.extract_outline package/countries-50m.json > tools/figures/syria-and-neighbours.geojson

world-atlas carries Natural Earth's Admin 0 country boundaries (public domain), 1:50m, as TopoJSON
(quantized, delta-encoded arcs). The script decodes the arcs, keeps the countries that reach the
map's frame, clips them to the frame plus a margin (Sutherland-Hodgman against a rectangle) and
rounds coordinates to 0.01 degree (about a kilometre, well below a pixel at the map's scale).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..places import FRAME

MARGIN = 1.0  # degrees kept beyond the frame, so that no clipped edge shows
DIGITS = 2


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """A polygon ring from its arcs; a negative index ~i is arc i reversed. Arcs share end points."""
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def clip(points: list[tuple[float, float]], west: float, south: float, east: float, north: float) -> list[tuple[float, float]]:
    """Sutherland-Hodgman: the part of a polygon ring inside a rectangle."""
    edges = [
        (lambda p: p[0] >= west, lambda a, b: (west, a[1] + (b[1] - a[1]) * (west - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= east, lambda a, b: (east, a[1] + (b[1] - a[1]) * (east - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= south, lambda a, b: (a[0] + (b[0] - a[0]) * (south - a[1]) / (b[1] - a[1]), south)),
        (lambda p: p[1] <= north, lambda a, b: (a[0] + (b[0] - a[0]) * (north - a[1]) / (b[1] - a[1]), north)),
    ]
    for inside, cross in edges:
        if not points:
            break
        kept = []
        for index, current in enumerate(points):
            previous = points[index - 1]
            if inside(current):
                if not inside(previous):
                    kept.append(cross(previous, current))
                kept.append(current)
            elif inside(previous):
                kept.append(cross(previous, current))
        points = kept
    return points


def outline(topology: dict) -> dict:
    arcs = decode_arcs(topology)
    box = (FRAME.west - MARGIN, FRAME.south - MARGIN, FRAME.east + MARGIN, FRAME.north + MARGIN)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]] if geometry["type"] == "Polygon" else []
        kept = []
        for polygon in polygons:
            rings = [clip(ring(indices, arcs), *box) for indices in polygon]
            rings = [[[round(x, DIGITS), round(y, DIGITS)] for x, y in points] for points in rings if len(points) >= 3]
            rings = [[point for index, point in enumerate(points) if index == 0 or point != points[index - 1]] for points in rings]
            if rings and len(rings[0]) >= 3:
                kept.append([points + [points[0]] if points[0] != points[-1] else points for points in rings])
        if kept:
            name = geometry["properties"]["name"]
            features.append({"type": "Feature", "properties": {"name": name}, "geometry": {"type": "MultiPolygon", "coordinates": kept}})
    features.sort(key=lambda feature: feature["properties"]["name"])
    source = "Natural Earth 1:50m Admin 0 countries (public domain), via world-atlas 2.0.2 (countries-50m.json)"
    return {"type": "FeatureCollection", "source": source, "bbox": list(box), "features": features}


def main() -> None:
    topology = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    sys.stdout.write(json.dumps(outline(topology), separators=(",", ":"), sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
