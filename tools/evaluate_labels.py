"""Hand labels of the evaluation sets: reading `evaluation/labels/<set>/*.yaml` into units.

A unit is what a labeller marked in a document (a paragraph, an item, a snippet), found in the
book by a short quote, with the date, period, themes and proper names a careful reader gives it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .editorial import EditorialError, load_yaml

_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass(frozen=True)
class LabelledUnit:
    """One unit a labeller marked in a document: found in the book by its quote."""

    document: str  # the seed's file name in the set's book
    quote: str
    date: str | None  # ISO: YYYY, YYYY-MM or YYYY-MM-DD
    date_basis: str
    period: str
    themes: tuple[str, ...]
    names: tuple[str, ...]



def iso_label_date(value) -> str | None:
    """A labelled date as ISO text. YAML reads 2015-09-30 as a date and 2015 as a number."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if _ISO_DATE.fullmatch(str(value).strip()):
        return str(value).strip()
    raise ValueError(f"date {value!r} is not YYYY-MM-DD, YYYY-MM, YYYY or null")


def _unit(raw, document: str) -> LabelledUnit:
    """A unit from its YAML mapping; a unit still being written (a field missing) is refused."""
    if not isinstance(raw, dict):
        raise ValueError("not a mapping")
    missing = [key for key in ("quote", "date", "period", "themes", "names") if key not in raw]
    if missing or not isinstance(raw["quote"], str) or not raw["quote"].strip():
        raise ValueError(f"incomplete (missing {', '.join(missing) or 'quote'})")
    return LabelledUnit(
        document=document,
        quote=raw["quote"],
        date=iso_label_date(raw["date"]),
        date_basis=str(raw.get("date_basis") or "none"),
        period=str(raw["period"] or "undated"),
        themes=tuple(str(theme) for theme in raw["themes"] or ()),
        names=tuple(str(name) for name in raw["names"] or ()),
    )


def load_labels(folder: Path, prefix: str) -> tuple[list[LabelledUnit], list[str]]:
    """Every readable unit of the label files in `folder`, and why the others were left out.

    A label's `document` is "<prefix>/<file>" (prefix "tune", or "seeds" for the project's seeds).
    Labels may still be being written: a missing folder gives no units, a file that is not valid
    YAML or names another set is skipped, an incomplete unit is skipped; each is reported.
    """
    units: list[LabelledUnit] = []
    problems: list[str] = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            data = load_yaml(path)
        except EditorialError as error:
            problems.append(f"{path.name}: skipped: {error}")
            continue
        document = str(data.get("document") or "")
        if not document.startswith(prefix + "/"):
            problems.append(f"{path.name}: skipped: document {document!r} is not in {prefix}/")
            continue
        for index, raw in enumerate(data.get("units") or []):
            try:
                units.append(_unit(raw, document.removeprefix(prefix + "/")))
            except ValueError as error:
                problems.append(f"{path.name}: units[{index}] skipped: {error}")
    return units, problems
