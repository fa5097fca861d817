"""Editorial annotations: notes attached to passages by short verbatim quotes.

A quote is matched against passage text with white space, quotation marks, apostrophes and
dashes normalised, so a quote copied from the seed still matches after cleaning. A quote that
matches no passage is an error naming the annotation: an annotation is never dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .editorial import EditorialError, load_yaml
from .model import Passage

KINDS = ("contested", "context", "correction", "terminology")
_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "″": '"', "–": "-", "—": "-", "‐": "-", "‑": "-"})


def _normal(text: str) -> str:
    return " ".join(text.translate(_FOLD).split())


@dataclass
class Annotation:
    id: str
    kind: str
    title: str
    note: str
    quotes: list[str]
    passages: list[str] = field(default_factory=list)  # ids, in the order of the quotes


class AnnotationError(EditorialError):
    """An annotation cannot be attached: its message names the annotation and the quote."""


def load_annotations(path: Path) -> list[Annotation]:
    if not path.exists():
        return []
    annotations, seen = [], set()
    for index, raw in enumerate(load_yaml(path).get("annotations") or []):
        where = f"{path}: annotations[{index}]"
        if not isinstance(raw, dict) or not raw.get("id"):
            raise EditorialError(f"{where}: missing 'id'")
        where = f"{path}: annotation '{raw['id']}'"
        if raw["id"] in seen:
            raise EditorialError(f"{where}: id used twice")
        seen.add(raw["id"])
        if raw.get("kind") not in KINDS:
            raise EditorialError(f"{where}: kind must be one of {', '.join(KINDS)}")
        quotes = [str(quote) for quote in raw.get("quotes") or []]
        if not quotes or not raw.get("note"):
            raise EditorialError(f"{where}: needs a 'note' and at least one quote")
        annotations.append(
            Annotation(str(raw["id"]), raw["kind"], " ".join(str(raw.get("title", raw["id"])).split()), " ".join(str(raw["note"]).split()), quotes)
        )
    return annotations


def attach(annotations: list[Annotation], passages: list[Passage], path: Path) -> dict[str, list[Annotation]]:
    """Find each quote's passages; return the annotations of each passage id."""
    texts = [(passage.id, _normal(passage.text)) for passage in passages]
    by_passage: dict[str, list[Annotation]] = {}
    for annotation in annotations:
        for quote in annotation.quotes:
            wanted = _normal(quote)
            found = [pid for pid, text in texts if wanted in text]
            if not found:
                raise AnnotationError(f"{path}: annotation '{annotation.id}': the quote “{quote}” matches no passage")
            for pid in found:
                if pid not in annotation.passages:
                    annotation.passages.append(pid)
        for pid in annotation.passages:
            by_passage.setdefault(pid, []).append(annotation)
    return by_passage
