"""Dating: give each passage the date of the events it tells, at day, month or year precision.

In order of trust:
1. the first date expression in the passage: an explicit date ("30 September 2015", "November 2015", "In 2012"); a day or
   month without a year ("On 8 December") takes its year from the last date of the same section,
   then from the headings, then from the item's publication date;
2. a relative expression ("on Saturday", "last month", "this year") resolved against the item's
   or article's date with dateutil;
3. an event cue from chapters.yaml (a passage about "the fall of Assad" is December 2024);
4. the date of the enclosing headings ("### November 2015" or "#### September" under "### 2015");
5. the publication date of the news item or article it belongs to.
Otherwise the passage is undated.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from .model import Passage, PartialDate, parse_iso

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_YEAR = r"(?P<year>1[89]\d\d|20[0-4]\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

# Each pattern: (regex, precision, needs a year from context). Order matters: longest forms first.
_PATTERNS = [
    (re.compile(rf"\b{_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"), "day", False),
    (re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b"), "day", False),
    (re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"), "day", False),
    (re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b"), "month", False),
    (re.compile(rf"\b{_DAY}\s+{_MONTH}\b(?![-–]\d)"), "day", True),
    (re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:%|,\d|\d))"), "day", True),
    (re.compile(rf"(?:(?<=\b[Mm]id-)|(?<=\b[Ee]arly-)|(?<=\b[Ll]ate-)|(?<![\d$£€.,/-])){_YEAR}(?![\d%]|s\b|,\d|\.\d)"), "year", False),
    (
        re.compile(rf"(?:\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Ee]arly|[Ll]ate|[Ee]nd of|[Dd]uring)\s+|\b[Mm]id-){_MONTH}\b"),
        "month",
        True,
    ),
]
_HEADING_MONTH = re.compile(rf"^\s*(?:[Ee]arly |[Mm]id-|[Ll]ate )?{_MONTH}\b")

_WEEKDAYS = {"monday": MO, "tuesday": TU, "wednesday": WE, "thursday": TH, "friday": FR, "saturday": SA, "sunday": SU}
_RELATIVE = re.compile(
    r"\b(?P<expr>yesterday|today|(?:last|this|next)\s+(?:week|month|year)|a\s+year\s+ago|"
    r"(?:on\s+|early\s+|late\s+|last\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    re.IGNORECASE,
)


# A four-digit number is a count, a time or a document number rather than a year when a quantity
# word comes before it ("some 2000 troops") or a unit after it ("2030 GMT", "1800 people").
_NOT_A_YEAR_BEFORE = re.compile(
    r"(?:\b(?:some|about|around|nearly|almost|over|roughly|approximately|than|least|only|estimated|"
    r"[Rr]esolution|[Nn]o\.|[Nn]umber|[Ff]light|[Rr]oute|[Hh]ighway|[Pp]age|[Pp]p?\.)\s*)$"
)
_NOT_A_YEAR_AFTER = re.compile(
    r"^\s*(?:GMT|UTC|hours?|hrs|h\b|km|kilomet|miles?|met(?:er|re)s?|tons?|tonnes|people|troops|soldiers|"
    r"civilians|fighters|militants|personnel|men|women|children|residents|families|refugees|sorties|"
    r"strikes|airstrikes|targets|casualties|deaths|dead|killed|members|servicemen|aircraft|vehicles)\b"
)


def _is_count(text: str, start: int, end: int) -> bool:
    return bool(_NOT_A_YEAR_BEFORE.search(text[max(0, start - 20) : start]) or _NOT_A_YEAR_AFTER.match(text[end : end + 20]))


def find_dates(text: str) -> list[tuple[int, PartialDate]]:
    """Every date expression in the text, by position; a missing year is None, to be completed."""
    found: list[tuple[int, int, PartialDate]] = []
    taken: list[tuple[int, int]] = []
    for pattern, precision, needs_year in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            if precision == "year" and _is_count(text, start, end):
                continue
            groups = match.groupdict()
            year = None if needs_year else int(groups["year"])
            month = None
            if groups.get("month"):
                month = MONTHS[groups["month"].lower().rstrip(".")]
            elif groups.get("mnum"):
                month = int(groups["mnum"])
            day = int(groups["day"]) if precision == "day" and groups.get("day") else None
            if not PartialDate.valid(year, month, day):
                continue
            taken.append((start, end))
            found.append((start, end, PartialDate(year, month, day)))
    found.sort(key=lambda item: item[0])
    return [(start, date) for start, _, date in found]


def heading_date(heading: str, context_year: int | None) -> PartialDate | None:
    """The date a heading gives its section: '### November 2015', '#### September', '### 2011'."""
    dates = find_dates(heading)
    if dates:
        date = dates[0][1]
        if date.year is None:
            date = PartialDate(context_year, date.month, date.day) if context_year else None
        return date
    match = _HEADING_MONTH.match(heading)
    if match and context_year:
        return PartialDate(context_year, MONTHS[match.group("month").lower().rstrip(".")])
    return None


def section_date(section: tuple[str, ...]) -> PartialDate | None:
    """The most specific date the headings give, years carried down from outer headings."""
    year = None
    best = None
    for heading in section:
        date = heading_date(heading, year)
        if date and date.year:
            year = date.year
            best = date
    return best


def resolve_relative(expression: str, base: dt.date) -> PartialDate:
    words = expression.lower().split()
    last = words[-1]
    if last in _WEEKDAYS:
        day = base + relativedelta(weekday=_WEEKDAYS[last](-1))
        if words[0] == "last" and day == base:
            day = base + relativedelta(days=-1, weekday=_WEEKDAYS[last](-1))
        return PartialDate(day.year, day.month, day.day)
    if expression.lower() == "yesterday":
        day = base - dt.timedelta(days=1)
        return PartialDate(day.year, day.month, day.day)
    if expression.lower() == "today":
        return PartialDate(base.year, base.month, base.day)
    if words[:2] == ["a", "year"]:
        day = base - relativedelta(years=1)
        return PartialDate(day.year, day.month)
    shift = {"last": -1, "this": 0, "next": 1}[words[0]]
    if last == "week":
        day = base + relativedelta(weeks=shift)
        return PartialDate(day.year, day.month)
    if last == "month":
        day = base + relativedelta(months=shift)
        return PartialDate(day.year, day.month)
    return PartialDate(base.year + shift)


EARLIEST_YEAR = 1900


def today() -> dt.date:
    """The build's date: SOURCE_DATE_EPOCH when set (reproducible builds), else the clock's."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def implausible(iso: str | None) -> str:
    """Why a source's own date cannot be right ("" when it can): before 1900, or after today."""
    date = parse_iso(iso)
    if date is None or date.year is None:
        return ""
    if date.year < EARLIEST_YEAR:
        return f"before {EARLIEST_YEAR}"
    first = dt.date(date.year, date.month or 1, date.day or 1)
    return "after the date of this build" if first > today() else ""


@dataclass(frozen=True)
class EventCue:
    pattern: re.Pattern
    date: str


def _complete_before(date: PartialDate, base: PartialDate) -> PartialDate | None:
    """A day or month without a year, in a news item: the latest such date not after the item."""
    for year in (base.year, base.year - 1):
        if PartialDate.valid(year, date.month, date.day):
            candidate = PartialDate(year, date.month, date.day)
            if (year, date.month or 1, date.day or 1) <= (base.year, base.month or 12, base.day or 31):
                return candidate
    return None


def date_passage(passage: Passage, context: PartialDate | None, cues: list[EventCue]) -> tuple[PartialDate | None, str]:
    """The passage's date and how it was found; `context` completes a day or month without a year.

    An event cue refines a coarser date that contains it: "last year" (2015) in a passage about the
    Su-24 shoot-down becomes 24 November 2015.
    """
    date, basis, position = _stated_date(passage, context)
    found = [(match.start(), cue) for cue in cues if (match := cue.pattern.search(passage.text))]
    if found:
        cue_position, cue = min(found, key=lambda item: item[0])
        cue_date = parse_iso(cue.date)
        if date is None or cue_position < position or (date.day is None and date.contains(cue_date) and cue_date != date):
            return cue_date, "event cue"
    return date, basis


def _stated_date(passage: Passage, context: PartialDate | None) -> tuple[PartialDate | None, str, int]:
    """The first date expression of the passage that resolves: explicit, partial or relative."""
    item = parse_iso(passage.item_date)
    candidates: list[tuple[int, str, object]] = [(start, "explicit", date) for start, date in find_dates(passage.text)]
    if item is not None:
        candidates += [(match.start(), "relative", match.group("expr")) for match in _RELATIVE.finditer(passage.text)]
    for position, kind, value in sorted(candidates, key=lambda candidate: candidate[0]):
        if kind == "relative":
            base = dt.date(item.year, item.month or 1, item.day or 1)
            return resolve_relative(value, base), f"“{value}” from the item's date", position
        if value.year is not None:
            return value, "text", position
        if item is not None:
            completed = _complete_before(value, item)
            if completed:
                return completed, "text, year from the item's date", position
        elif context is not None and context.year is not None and PartialDate.valid(context.year, value.month, value.day):
            return PartialDate(context.year, value.month, value.day), "text, year from context", position
    return None, "", len(passage.text)


def source_context(dates: list[str]) -> PartialDate | None:
    """The first full date a source's metadata gives for its subject ('30 September 2015 – present')."""
    for _, date in find_dates(" ; ".join(dates)):
        if date.year is not None:
            return date
    return None


def date_passages(passages: list[Passage], cues: list[EventCue], subject_date: PartialDate | None = None) -> None:
    """Date every passage of one source in document order (later passages use earlier dates).

    `subject_date` (from the source's metadata) only completes a day or month given without a year
    when nothing nearer does; it never dates a passage on its own.
    """
    last_in_section: dict[tuple, PartialDate] = {}
    for passage in passages:
        scope = (passage.section, passage.item_date)
        headed = section_date(passage.section)
        date, basis = date_passage(passage, last_in_section.get(scope) or headed or subject_date, cues)
        if date is not None and basis.startswith("text"):
            last_in_section[scope] = date
        if date is None and headed is not None:
            date, basis = headed, "section heading"
        if date is None and passage.item_date:
            date, basis = parse_iso(passage.item_date), "item date"
        if date is not None and date.year is not None:
            passage.date = date.iso()
            passage.date_basis = basis
