"""Where the glossary's places are: editorial coordinates (docs/data/places.yaml) and the map's
account of every place the book mentions.

A coordinate is editorial knowledge like a definition: each one names its basis (a gazetteer
record or an encyclopedia's coordinates), and a place whose position the editors could not verify
is left out rather than guessed. A place the map cannot show as a point (a region, a road, a
river, a country far away) says why. Every place the book mentions is either on the map or listed
under it with its reason, so a new seed's new place never disappears silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .editorial import EditorialError, load_yaml
from .glossary import Glossary
from .model import Book

DATA_FILE = "places.yaml"  # in docs/data
KINDS = ("capital", "city", "town", "base", "port", "crossing", "country", "sea", "area")
CATEGORIES = ("place", "facility")


@dataclass(frozen=True)
class Place:
    term: str  # the glossary entry's canonical name
    kind: str
    lat: float | None = None
    lon: float | None = None
    basis: str = ""  # where the coordinate comes from
    unmapped: str = ""  # why the map does not show it as a point, in the editors' words

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class Frame:
    """The map's extent in degrees: Syria and its neighbours."""

    west: float = 34.2
    east: float = 42.9
    south: float = 31.6
    north: float = 37.6

    def holds(self, place: Place) -> bool:
        return place.located and self.west <= place.lon <= self.east and self.south <= place.lat <= self.north


FRAME = Frame()


def _place(raw, where: str, glossary: Glossary) -> Place:
    if not isinstance(raw, dict) or not raw.get("term"):
        raise EditorialError(f"{where}: missing 'term'")
    term = str(raw["term"])
    where = f"{where.rsplit(':', 1)[0]}: place '{term}'"
    try:
        entry = glossary.named(term)  # an alias names its entry (a renamed entry's old name)
    except KeyError:
        raise EditorialError(f"{where}: no glossary entry has this name or alias: add it to the glossary, or name the entry as the glossary does") from None
    term = entry.term
    if entry.category not in CATEGORIES:
        raise EditorialError(f"{where}: the glossary entry is a {entry.category}, not a place or facility")
    kind = str(raw.get("kind") or "")
    if kind not in KINDS:
        raise EditorialError(f"{where}: kind must be one of {', '.join(KINDS)}")
    lat, lon = raw.get("lat"), raw.get("lon")
    if (lat is None) != (lon is None):
        raise EditorialError(f"{where}: give both 'lat' and 'lon', or neither")
    if lat is not None:
        if not all(isinstance(value, (int, float)) for value in (lat, lon)) or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise EditorialError(f"{where}: 'lat' and 'lon' must be decimal degrees")
        if not raw.get("basis"):
            raise EditorialError(f"{where}: missing 'basis' (where the coordinate comes from)")
    elif not raw.get("unmapped"):
        raise EditorialError(f"{where}: without coordinates, say why in 'unmapped'")
    return Place(term, kind, None if lat is None else float(lat), None if lon is None else float(lon), " ".join(str(raw.get("basis") or "").split()), " ".join(str(raw.get("unmapped") or "").split()))


def load_places(path: Path, glossary: Glossary) -> dict[str, Place]:
    """Places by glossary term; none when the file is absent."""
    if not path.exists():
        return {}
    found: dict[str, Place] = {}
    for index, raw in enumerate(load_yaml(path).get("places") or []):
        place = _place(raw, f"{path}: places[{index}]", glossary)
        if place.term in found:
            raise EditorialError(f"{path}: place '{place.term}' listed twice")
        found[place.term] = place
    return found


@dataclass(frozen=True)
class MapAccount:
    """The places the book mentions: those the map shows, and the others with the reason."""

    mapped: list[Place]
    unmapped: list[tuple[str, str]]  # (term, reason)


def mentioned_places(book: Book) -> list[str]:
    """Glossary places and facilities the book's passages mention, in glossary order."""
    mentioned = {term for passage in book.passages for term in passage.terms}
    return [entry.term for entry in book.glossary.entries if entry.category in CATEGORIES and entry.term in mentioned]


def account(book: Book, terms: list[str] | None = None, frame: Frame = FRAME) -> MapAccount:
    """Which of the terms (by default every place the book mentions) the map shows, and why not the others."""
    mapped, unmapped = [], []
    for term in mentioned_places(book) if terms is None else terms:
        place = book.places.get(term)
        if place is None:
            unmapped.append((term, "not drawn until the editors have checked its coordinates"))  # listed in docs/data/places.yaml once checked
        elif place.unmapped:
            unmapped.append((term, place.unmapped))
        elif not frame.holds(place):
            unmapped.append((term, "outside the map's frame (Syria and its neighbours)"))
        else:
            mapped.append(place)
    return MapAccount(mapped, unmapped)
