"""Datelines: the line that says where and when a news item or an article was filed.

House styles differ: "September 18, 2018", "DAMASCUS | Tuesday 7 February 2012 | By Lena
Harcourt, MWS", "GENEVA, 2013-09-14 (MWS) --", "14/03/2016 -- MOSCOW/GENEVA -- MWS", "ASTANA, 5
May 2017, 18:40 ALMT — STA", "Published 14:05 GMT, 24 Nov 2015", "Moscow, Thursday, 19 April 2018,
12:00 (Moscow time)". What they share: a full date (day, month, year) and, around it, only the
furniture of a dateline (places, agencies and bylines in capitals, weekdays, times, separators),
not prose. A paragraph may also open with one: "MOSCOW, Nov 24 (Reuters) - The Kremlin said...".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..datefinder import explicit_mentions
from .common import parse_date_line

MAX_DATELINE = 160
_LABEL = re.compile(r"^\s*(?:last\s+)?(?P<label>published|updated|posted|modified|date|dated|filed)\b\s*(?:on|at)?\s*:?\s*", re.IGNORECASE)
_BYLINE = re.compile(r"\b[Bb]y\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})")
_TIME = re.compile(r"\b\d{1,2}[:.h]\d{2}\b(?:\s*[aApP]\.?[mM]\.?)?(?:\s*\(?[A-Z]{2,5}\b\)?)?")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# Lower-case words a dateline may hold besides names: "Latakia province", "(Moscow time)".
_FURNITURE = frozenset(
    "by and of the de al el ad province governorate region local time updated published posted on at in from via "
    "agencies agency wire wires news service staff our special correspondent correspondents reporter reporters desk".split()
)
_SEPARATOR = re.compile(r"\s+(?:--|—|–|-|\|)\s+")


@dataclass(frozen=True)
class Dateline:
    iso: str  # the day it names
    label: str = ""  # "published", "updated", ... when the line says which date it is
    byline: str = ""


def _furniture_only(rest: str) -> bool:
    words = _WORD.findall(rest)
    lower = [word for word in words if word[0].islower() and word.lower().strip(".") not in _FURNITURE]
    return len(words) <= 16 and not lower


def dateline(line: str) -> Dateline | None:
    """The dateline a line is, or None: a full date with nothing but dateline furniture around it."""
    text = line.strip()
    if not text or len(text) > MAX_DATELINE:
        return None
    label_match = _LABEL.match(text)
    label = label_match.group("label").lower() if label_match else ""
    full = [m for m in explicit_mentions(text) if m.date.year is not None and m.date.day is not None]
    if full:
        first = full[0]
        rest = text[: first.start] + " " + text[first.end :]
        iso = first.date.iso()
    else:
        iso = parse_date_line(text)  # a line that is only a date, in another language ("19 апреля 2018")
        if iso is None:
            return None
        rest = ""
    rest = _TIME.sub(" ", _LABEL.sub(" ", rest))
    byline = _BYLINE.search(rest)
    if byline:
        rest = rest[: byline.start()] + " " + rest[byline.end() :]
    if not _furniture_only(rest):
        return None
    return Dateline(iso, label, byline.group("name") if byline else "")


def dateline_prefix(text: str) -> tuple[Dateline, int] | None:
    """A dateline opening a paragraph ("MOSCOW, Nov 24 (Reuters) - The Kremlin said ..."): the
    dateline and where the paragraph's own text starts, or None."""
    for separator in _SEPARATOR.finditer(text[: MAX_DATELINE + 4]):
        head = text[: separator.start()]
        found = dateline(head)
        if found is not None and not found.label:
            rest = text[separator.end() :]
            if rest.strip():
                return found, separator.end()
    return None
