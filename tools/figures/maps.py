"""The map of the places the book mentions, drawn with matplotlib on a Natural Earth outline.

The outline (syria-and-neighbours.geojson, made by extract_outline.py) ships with the code: no
tiles, no network. Places come from docs/data/places.yaml: points for bases, cities, towns, ports
and crossings, labels alone for countries and seas. Labels never collide: each is tried in eight
positions around its point, near then farther, against the labels and points already placed; a
place that finds no room gets a number, listed under the map. In the web edition every point and
label links to the place's glossary entry.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

from ..places import FRAME, Frame, Place
from . import NEUTRAL, PALETTE, new_figure, remembered, save

if TYPE_CHECKING:
    from matplotlib.transforms import Bbox

OUTLINE = Path(__file__).with_name("syria-and-neighbours.geojson")
MARKERS = {"capital": ("s", 5.5), "city": ("o", 5), "town": ("o", 3.5), "base": ("^", 6), "port": ("D", 4.5), "crossing": ("X", 5.5)}
COLOURS = {"capital": PALETTE[0], "city": PALETTE[0], "town": PALETTE[4], "base": PALETTE[3], "port": PALETTE[2], "crossing": PALETTE[1]}
KIND_NAMES = {"capital": "capital", "city": "city", "town": "town or village", "base": "base or airfield", "port": "port", "crossing": "border crossing"}
LABEL_ONLY = ("country", "sea", "area")
DIRECTIONS = [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1)]
ALIGN = {1: "left", -1: "right", 0: "center"}
VALIGN = {1: "bottom", -1: "top", 0: "center"}


@functools.lru_cache(maxsize=1)
def outline() -> list[tuple[str, list[list[tuple[float, float]]]]]:
    """(country name, rings) of every country in the outline file."""
    data = json.loads(OUTLINE.read_text(encoding="utf-8"))
    shapes = []
    for feature in data["features"]:
        rings = [[tuple(point) for point in ring] for polygon in feature["geometry"]["coordinates"] for ring in polygon[:1]]
        shapes.append((feature["properties"]["name"], rings))
    return shapes


@dataclass
class Drawn:
    """What the map shows: each place's label, or the number standing for it when there was no room."""

    labelled: list[str] = field(default_factory=list)
    numbered: dict[str, int] = field(default_factory=dict)


class Labeller:
    """Places labels where they touch no other label, no point and stay inside the map."""

    def __init__(self, figure, axes) -> None:
        self.figure, self.axes = figure, axes
        self.renderer = figure.canvas.get_renderer()
        self.taken: list[Bbox] = []
        self.inside = axes.get_window_extent(self.renderer)

    def point(self, lon: float, lat: float, size: float) -> None:
        x, y = self.axes.transData.transform((lon, lat))
        pad = size * self.figure.dpi / 72
        from matplotlib.transforms import Bbox

        self.taken.append(Bbox.from_extents(x - pad, y - pad, x + pad, y + pad))

    def fits(self, box: Bbox) -> bool:
        return self.inside.contains(box.x0, box.y0) and self.inside.contains(box.x1, box.y1) and not any(box.overlaps(other) for other in self.taken)

    def place(self, text: str, lon: float, lat: float, url: str | None, size: float = 7, gaps=(4, 11), **style):
        """The label's artist at the first position that fits, or None."""
        for gap in gaps:
            for dx, dy in DIRECTIONS:
                artist = self.axes.annotate(
                    text, (lon, lat), xytext=(dx * gap, dy * gap), textcoords="offset points", ha=ALIGN[dx], va=VALIGN[dy], fontsize=size, url=url, **style
                )
                box = artist.get_window_extent(self.renderer).expanded(1.05, 1.1)
                if self.fits(box):
                    self.taken.append(box)
                    return artist
                artist.remove()
        return None

    def centred(self, text: str, lon: float, lat: float, url: str | None, size: float, **style) -> None:
        artist = self.axes.text(lon, lat, text, ha="center", va="center", fontsize=size, url=url, **style)
        box = artist.get_window_extent(self.renderer)
        shift = max(self.inside.x0 - box.x0, 0) - max(box.x1 - self.inside.x1, 0)  # kept inside a small map
        if shift:
            x, y = self.axes.transData.transform((lon, lat))
            artist.set_position(self.axes.transData.inverted().transform((x + shift, y)))
            box = artist.get_window_extent(self.renderer)
        self.taken.append(box)


def draw_outline(axes, frame: Frame) -> None:
    from matplotlib.patches import Polygon

    for name, rings in outline():
        for ring in rings:
            tint = 0.22 if name == "Syria" else 0.08
            axes.add_patch(Polygon(ring, closed=True, facecolor=NEUTRAL, alpha=tint, edgecolor="none"))
            axes.add_patch(Polygon(ring, closed=True, facecolor="none", edgecolor=NEUTRAL, linewidth=0.6))
    axes.set_xlim(frame.west, frame.east)
    axes.set_ylim(frame.south, frame.north)
    axes.set_aspect(1 / math.cos(math.radians((frame.south + frame.north) / 2)))
    axes.set_xticks([])
    axes.set_yticks([])
    for spine in axes.spines.values():
        spine.set_visible(True)
        spine.set_linewidth(0.6)


def draw_places(places: list[Place], size: tuple[float, float], link=None, priority: dict[str, int] | None = None, frame: Frame = FRAME) -> tuple[dict[str, bytes], Drawn]:
    """The map with these places; `link(term)` gives a place's URL (web links), `priority` the
    order in which labels claim room (most mentioned first)."""
    urls = [link(place.term) for place in places] if link else None
    files = remembered(("places", places, size, urls, priority, frame), lambda: _with_labels(*_draw_places(places, size, link, priority, frame)))
    labels = json.loads(files.pop(".json"))
    return files, Drawn(labels["labelled"], labels["numbered"])


def _with_labels(files: dict[str, bytes], drawn: Drawn) -> dict[str, bytes]:
    """The map's files with what it labelled and numbered, as one more file (remembered with them)."""
    return {**files, ".json": json.dumps({"labelled": drawn.labelled, "numbered": drawn.numbered}).encode()}


def _draw_places(places: list[Place], size: tuple[float, float], link, priority: dict[str, int] | None, frame: Frame) -> tuple[dict[str, bytes], Drawn]:
    figure = new_figure(*size)
    axes = figure.add_axes((0.01, 0.01, 0.98, 0.98))
    draw_outline(axes, frame)
    axes.apply_aspect()
    labeller = Labeller(figure, axes)
    drawn = Drawn()
    rank = priority or {}
    ordered = sorted(places, key=lambda place: (place.kind in LABEL_ONLY, -rank.get(place.term, 0), place.term))
    for place in ordered:
        url = link(place.term) if link else None
        if place.kind in LABEL_ONLY:
            continue
        marker, points = MARKERS[place.kind]
        axes.plot([place.lon], [place.lat], marker=marker, markersize=points, color=COLOURS[place.kind], markeredgecolor="white", markeredgewidth=0.5, url=url, linestyle="none")
        labeller.point(place.lon, place.lat, points / 2 + 1)
    for place in ordered:
        if place.kind in LABEL_ONLY:
            style = {"fontstyle": "italic"} if place.kind == "sea" else {}
            labeller.centred(place.term.upper() if place.kind == "country" else place.term, place.lon, place.lat, link(place.term) if link else None, 7.5, alpha=0.9, **style)
            drawn.labelled.append(place.term)
    for place in ordered:
        if place.kind in LABEL_ONLY:
            continue
        url = link(place.term) if link else None
        if labeller.place(place.term, place.lon, place.lat, url):
            drawn.labelled.append(place.term)
            continue
        number = len(drawn.numbered) + 1
        if labeller.place(str(number), place.lon, place.lat, url, size=6, gaps=(3, 7, 12)) is None:
            labeller.place(str(number), place.lon, place.lat, url, size=6, gaps=(3,))  # no room left: beside it anyway
        drawn.numbered[place.term] = number
    kinds = [kind for kind in MARKERS if any(place.kind == kind for place in places)]
    for kind in kinds:
        marker, points = MARKERS[kind]
        axes.plot([], [], marker=marker, markersize=points, color=COLOURS[kind], linestyle="none", label=KIND_NAMES[kind])
    if kinds:
        axes.legend(loc="lower right", fontsize=6.5, frameon=False, handletextpad=0.3)
    return save(figure), drawn


def svg_fragment(svg: bytes, title: str, description: str) -> str:
    """The SVG for inline use in an HTML page (so that its links work): no XML prolog, scaled to
    the column, with a title and description for screen readers."""
    import html

    text = svg.decode("utf-8")
    start = text.index("<svg")
    head_end = text.index(">", start)
    head = text[start:head_end]
    for attribute in ("width", "height"):
        value = head.split(f' {attribute}="', 1)[1].split('"', 1)[0]
        head = head.replace(f' {attribute}="{value}"', "")
    head += ' width="100%" style="height:auto;max-width:100%" role="img" aria-labelledby="map-title map-description"'
    accessible = f'<title id="map-title">{html.escape(title)}</title><desc id="map-description">{html.escape(description)}</desc>'
    return head + ">" + accessible + text[head_end + 1 :].strip() + "\n"
