"""Plain data passed between the pipeline's stages.

Every stage takes and returns these dataclasses; none reaches into another stage's internals.
Line numbers are 1-based and inclusive, counted in the seed file as delivered.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for type hints: the model imports no stage
    from .annotations import Annotation
    from .editorial import Chapters, SourceNote
    from .events import Event, KeyEvent
    from .glossary import Glossary
    from .link import Mention
    from .places import Place
    from .theme_model import ThemeModel


@dataclass(frozen=True)
class PartialDate:
    """A date as sources give them: to the day, to the month, or only the year."""

    year: int | None
    month: int | None = None
    day: int | None = None

    @staticmethod
    def valid(year: int | None, month: int | None, day: int | None) -> bool:
        """Whether the parts can be a date; a missing part stands for any (29 February needs a leap year)."""
        try:
            dt.date(year or 2000, month or 1, day or 1)
            return True
        except ValueError:
            return False

    @property
    def precision(self) -> str:
        return "year" if self.month is None else "month" if self.day is None else "day"

    def iso(self) -> str | None:
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def display(self) -> str:
        """"30 September 2015", "September 2015" or "2015"."""
        if self.year is None:
            return "Undated"
        if self.month is None:
            return str(self.year)
        name = calendar.month_name[self.month]
        return f"{name} {self.year}" if self.day is None else f"{self.day} {name} {self.year}"

    def contains(self, other: PartialDate) -> bool:
        """Whether `other` falls inside this date (2015-11-24 inside 2015-11 or 2015)."""
        return self.year == other.year and (self.month is None or (self.month == other.month and (self.day is None or self.day == other.day)))


@functools.lru_cache(maxsize=65536)
def parse_iso(value: str | None) -> PartialDate | None:
    """"2015", "2015-09" or "2015-09-30" as a PartialDate; None for no date. ValueError if malformed."""
    if not value:
        return None
    parts = [int(part) for part in str(value).split("-")]
    if not 1 <= len(parts) <= 3:
        raise ValueError(f"not an ISO date: {value!r}")
    return PartialDate(*(parts + [None] * (3 - len(parts)))[:3])


def valid_iso(value: str) -> bool:
    """Whether an ISO date string names a real day, month or year ("2013-02-29" does not)."""
    try:
        date = parse_iso(value)
    except ValueError:
        return False
    return date is not None and PartialDate.valid(date.year, date.month, date.day)


def display_date(iso: str | None) -> str:
    """A passage's or source's date for readers; an editor's free-form date is shown as written."""
    try:
        date = parse_iso(iso)
    except ValueError:
        return str(iso)
    return date.display() if date else "Undated"


@dataclass(frozen=True)
class Problem:
    """Something wrong or suspicious in a seed, reported once with its place.

    A "notice" is something the conversion handled (a byte-order mark removed, a byte decoded);
    a "warning" needs the editor: a file refused, two seeds competing for one address, a date
    that cannot be right. Sphinx reports warnings as warnings, so `-W` stops on them.
    `line` 0 means the file as a whole.
    """

    file: str
    line: int
    reason: str
    severity: str = "notice"  # "notice" | "warning"
    folder: str = "seeds"  # "seeds" for a seed; "docs/data" for an editorial data file

    def __str__(self) -> str:
        name = self.file if self.folder == "seeds" else f"{self.folder}/{self.file}"
        return f"{name}:{self.line}: {self.reason}" if self.line else f"{name}: {self.reason}"

    @property
    def location(self) -> str:
        """Where an editor finds it, from the project's root: "seeds/x.txt:12" (line 1 for the whole file)."""
        return f"{self.folder}/{self.file}:{max(self.line, 1)}"  # Sphinx reads a location without ":" as a page name


@dataclass(frozen=True)
class Removal:
    """Seed text the pipeline did not keep as passage text, and why."""

    first_line: int
    last_line: int
    reason: str
    text: str


@dataclass(frozen=True)
class Media:
    """An image referenced by a seed: listed for the reader, never fetched or embedded."""

    caption: str
    url: str
    line: int


@dataclass
class Block:
    """A unit of a seed's body as its reader found it: a heading, paragraph or list item.

    `item_date` is the publication date of the item or article the block belongs to (used to
    resolve relative dates); `byline` is the author the reader found for it.
    """

    kind: str  # "heading" | "paragraph" | "item" | "sentences"
    text: str
    first_line: int
    last_line: int
    level: int = 0
    item_date: str | None = None
    byline: str | None = None


@dataclass
class Source:
    """One seed file after reading: its metadata, body blocks and the account of what was set aside."""

    file: str
    kind: str  # reader name: "encyclopedia", "news-digest", "web-article", "web-snippets", "plain"
    title: str
    line_count: int
    metadata: dict = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    media: list[Media] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    original: list[str] = field(default_factory=list)  # decoded lines as delivered, for the viewer
    digest: str = ""
    slug: str = ""  # the source's public name in addresses and ids, unique in the book (pipeline)

    def remove(self, first_line: int, last_line: int, reason: str, text: str) -> None:
        """Record text set aside, so the book can account for every character of the seed."""
        if text.strip():
            self.removals.append(Removal(first_line, last_line, reason, text))

    def problem(self, line: int, reason: str, severity: str = "notice") -> None:
        self.problems.append(Problem(self.file, line, reason, severity))


@dataclass
class Passage:
    """A paragraph, list item or sentence of a seed: the unit the book cites, dates and sorts."""

    id: str
    source: str
    first_line: int
    last_line: int
    text: str
    section: tuple[str, ...] = ()
    item_date: str | None = None
    byline: str | None = None
    date: str | None = None  # ISO: YYYY, YYYY-MM or YYYY-MM-DD
    date_basis: str = ""  # how the date was found, shown to readers who check it
    period: str = "undated"
    themes: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    merged_lines: list[tuple[int, int]] = field(default_factory=list)
    snippet: int | None = None  # its number in a bundle of snippets, which is one long line

    @property
    def lines(self) -> tuple[int, int]:
        return (self.first_line, self.last_line)

    @property
    def when(self) -> PartialDate | None:
        return parse_iso(self.date)

    @property
    def date_inferred(self) -> bool:
        """Whether the book concluded the date (from the item, the section, a relative day...)
        rather than read it whole in the passage."""
        return bool(self.date) and self.date_basis != "stated"


@dataclass
class Book:
    """Everything the pipeline found, stage by stage; rendering and export only read it."""

    sources: list[Source]
    passages: list[Passage]
    chapters: Chapters
    glossary: Glossary
    notes: dict[str, SourceNote] = field(default_factory=dict)  # the editors' notes on each seed, by file
    annotations: list[Annotation] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # file -> why it contributes nothing
    mentions: dict[str, list[Mention]] = field(default_factory=dict)  # passage id -> every glossary mention
    speakers: dict[str, list[str]] = field(default_factory=dict)  # passage id -> who it reports speaking
    also_reported: dict[str, list[str]] = field(default_factory=dict)  # passage id -> corroborating passage ids
    annotated: dict[str, list[Annotation]] = field(default_factory=dict)  # passage id -> its annotations
    public_anchors: set[str] = field(default_factory=set)  # glossary anchors earlier editions published
    # Events (events.py, event_details.py): the editors' key events and place coordinates, and the
    # events the passages tell, in time order.
    key_events: list[KeyEvent] = field(default_factory=list)
    places: dict[str, Place] = field(default_factory=dict)  # glossary term -> its coordinates
    theme_model: ThemeModel | None = None  # themes learnt from hand labels (theme_model.py)
    _by_source: tuple | None = field(default=None, init=False, repr=False, compare=False)  # passages_of's grouping
    events: list[Event] = field(default_factory=list)

    def published_terms(self) -> set[str]:
        """The glossary entries the book publishes: those its passages mention (an entry appears
        by itself when a new seed names it), and those an earlier edition published, whose
        anchors other sites may link to."""
        mentioned = {term for passage in self.passages for term in passage.terms}
        return mentioned | {entry.term for entry in self.glossary.entries if entry.anchor in self.public_anchors}

    def seed_files(self) -> set[str]:
        """Every seed in seeds/, those the book takes nothing from included."""
        return {source.file for source in self.sources} | set(self.skipped)

    def passages_of(self, file: str) -> list[Passage]:
        """A seed's passages, in order. Grouped once for the current list of passages (stages
        replace the list, they do not edit it): asked for each seed, a scan each time would cost
        seeds x passages."""
        cached = self._by_source
        if cached is None or cached[0] is not self.passages or cached[1] != len(self.passages):
            grouped: dict[str, list[Passage]] = {}
            for passage in self.passages:
                grouped.setdefault(passage.source, []).append(passage)
            cached = self._by_source = (self.passages, len(self.passages), grouped)
        return list(cached[2].get(file, ()))
