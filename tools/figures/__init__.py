"""Figures drawn at build time with matplotlib: charts (charts.py) and maps (maps.py).

Each figure is saved twice, SVG for the web and PDF for print, and pages reference it as
`name.*` so that each builder takes its own. Both files are byte-identical from one build to the
next: the Agg backend (no display, no network), a fixed `svg.hashsalt` for the ids matplotlib
writes, no date or software version in the metadata, and the DejaVu fonts matplotlib ships.

Colours are Okabe and Ito's palette, told apart with every common colour-vision deficiency. The
web version has a transparent background and mid-grey ink, readable on the site's light and dark
themes alike; the print version redraws the ink near-black for paper.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from ..write import write_if_changed

if TYPE_CHECKING:
    from matplotlib.figure import Figure as MplFigure

FOLDER = "_generated/figures"  # in docs/: generated files, like the pages
# Okabe & Ito (2008), "Color Universal Design": distinct under protanopia, deuteranopia, tritanopia.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442")
NEUTRAL = "#999999"
WEB_INK = "#808080"  # contrast about 4:1 on white and on furo's dark background
PRINT_INK = "#1a1a1a"
STYLE = {
    "svg.hashsalt": "russia-in-syria",
    "svg.fonttype": "path",
    "pdf.fonttype": 3,  # Type 3 subsets: a third of the time of TrueType (42), same look
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
    "savefig.transparent": True,
}
SVG_METADATA = {"Date": None, "Creator": None}
PDF_METADATA = {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None}


@dataclass
class Figure:
    """A figure as the pages use it: where its files go, its caption and its text alternative."""

    name: str  # the file stem under FOLDER
    caption: str  # seed-free text written by the book
    alt: str  # what the figure shows, for readers who cannot see it
    files: dict[str, bytes] = field(default_factory=dict)  # ".svg" / ".pdf" -> bytes
    data: object = None  # the numbers drawn, for tests and for the text beside the figure

    def pages(self) -> dict[str, bytes]:
        return {f"{FOLDER}/{self.name}{suffix}": content for suffix, content in self.files.items()}


@cache
def _matplotlib():
    """matplotlib with the Agg backend, imported when a figure is first drawn: a build whose
    pages are all up to date draws none and need not pay its second of import."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    return matplotlib, pyplot


def new_figure(width: float, height: float) -> MplFigure:
    matplotlib, pyplot = _matplotlib()
    with matplotlib.rc_context(STYLE):
        figure = pyplot.figure(figsize=(width, height))
    return figure


def ink(figure: MplFigure, colour: str) -> None:
    """Every text, axis line and tick of the figure in one colour (not the data's colours)."""
    from matplotlib.text import Text

    for text in figure.findobj(Text):
        if not getattr(text, "keeps_colour", False):
            text.set_color(colour)
    for axes in figure.axes:
        for spine in axes.spines.values():
            spine.set_edgecolor(colour)
        axes.tick_params(colors=colour, which="both")


def save(figure: MplFigure) -> dict[str, bytes]:
    """The figure as SVG (web ink) and PDF (print ink); the figure is closed afterwards."""
    matplotlib, pyplot = _matplotlib()
    files = {}
    with matplotlib.rc_context(STYLE):
        ink(figure, WEB_INK)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", metadata=SVG_METADATA)
        files[".svg"] = buffer.getvalue()
        ink(figure, PRINT_INK)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="pdf", metadata=PDF_METADATA)
        files[".pdf"] = buffer.getvalue()
    pyplot.close(figure)
    return files


# --- figures remembered between builds -----------------------------------------------------------
# Drawing is most of the conversion's time when one seed changes, and most figures then show the
# same numbers as before. A figure is kept under the digest of what shapes it (its kind, the data
# and settings it was drawn from, this package's code, matplotlib's version) in a folder the
# build owns; a build draws only the figures whose digest is new, and forgets the ones it no
# longer uses. Without a folder (the command line, the tests) every figure is drawn.

_MEMORY: dict[str, object] = {"folder": None, "used": None}


@contextmanager
def remembered_in(folder: Path) -> Iterator[None]:
    """Figures drawn inside this block are kept in `folder` and taken from it when unchanged."""
    folder.mkdir(parents=True, exist_ok=True)
    _MEMORY.update(folder=folder, used=set())
    try:
        yield
        for stale in sorted(folder.iterdir()):
            if stale.name.split(".")[0] not in _MEMORY["used"]:
                stale.unlink()
    finally:
        _MEMORY.update(folder=None, used=None)


@cache
def _code_version() -> str:
    digest = hashlib.sha256(metadata.version("matplotlib").encode())
    for path in sorted(Path(__file__).parent.iterdir()):
        if path.suffix in (".py", ".geojson"):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def remembered(what: object, draw: Callable[[], dict[str, bytes]]) -> dict[str, bytes]:
    """The files draw() would give for a figure that `repr(what)` describes fully: kept ones when
    this build remembers figures and drew the same before, else drawn now."""
    folder = _MEMORY["folder"]
    if folder is None:
        return dict(sorted(draw().items()))
    key = hashlib.sha256((_code_version() + repr(what)).encode()).hexdigest()[:32]
    _MEMORY["used"].add(key)
    kept = folder / f"{key}.json"  # all of a figure's files in one, written whole or not at all
    if kept.is_file():
        return {suffix: content.encode("latin-1") for suffix, content in json.loads(kept.read_text(encoding="utf-8")).items()}
    files = dict(sorted(draw().items()))
    write_if_changed(kept, json.dumps({suffix: content.decode("latin-1") for suffix, content in files.items()}))
    return files
