"""Loading and validating the editorial data files under docs/data.

Each loader returns plain dataclasses and raises EditorialError with the file and the entry at
fault, so an editor's typo stops the build with a message they can act on.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .dating import EventCue, parse_iso
from .model import Problem
from .seeds import read_regular_file


# libyaml's safe loader when PyYAML was built with it (several times faster), else the pure one.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class EditorialError(ValueError):
    """An editorial data file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Period:
    slug: str
    title: str
    intro: str
    start: dt.date | None = None
    end: dt.date | None = None
    undated: bool = False

    def contains(self, day: dt.date) -> bool:
        return not self.undated and (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Theme:
    slug: str
    title: str
    intro: str
    terms: tuple[str, ...]  # whole words or phrases, case-insensitive: each a sure sign (counts 1)
    patterns: tuple[re.Pattern, ...]  # regular expressions: each a sure sign (counts 1)
    min_hits: float = 1  # the score a passage needs (see classify.py)
    weak_terms: tuple[str, ...] = ()  # signs that count half: two are needed, or one with another sign
    entry_categories: tuple[str, ...] = ()  # glossary categories whose entries are weak signs (weapon, ship...)
    entry_definitions: tuple[re.Pattern, ...] = ()  # an entry whose definition opens so is a weak sign ("Turkish minister")

    def claims(self, category: str, definition: str) -> bool:
        """Whether a glossary entry's subject falls under this theme (a weak sign when mentioned)."""
        return category in self.entry_categories or any(pattern.search(definition) for pattern in self.entry_definitions)
    scope: str = ""  # what the theme covers, in the editors' words
    borderline: tuple[str, ...] = ()  # how borderline cases are decided


@dataclass(frozen=True)
class PageSize:
    """How much one page holds before its chapter is split into pages by year, then by month
    (chapters.yaml, `pages:`): a reader's phone, search and the build stay fast however large the
    corpus grows."""

    passages: int = 150  # a period chapter's passages in full
    characters: int = 50_000  # and their text (a page weighs about six times its text in HTML; an "also reported by" link counts as 45 characters)
    excerpts: int = 400  # a theme chapter's excerpts
    events: int = 250  # the chronology's lines
    mentions: int = 1500  # a glossary category's page of basis and mentions: its mention links
    viewer_lines: int = 2000  # a source viewer's lines, one table row each
    viewer_characters: int = 120_000  # and their text (a viewer weighs about three times its text in HTML)
    glossary_entries: int = 500  # the glossary's entries (about 710 bytes of HTML each)
    index_entries: int = 2500  # the general index's entries (each spelling of a glossary entry is one, about 110 bytes)
    sources: int = 150  # the sources described on the Sources page (about 1 to 2 KB of HTML each): beyond, a page per kind
    # The printed edition: a book of more passages than this prints its dated passages in full but
    # leaves its undated passages and the themes' excerpt lists to the web edition (the themes give
    # the pages of their passages instead): the PDF stays a book, and inside the build's budget.
    print_passages: int = 2000
    # Of more dated passages than this, the printed edition prints a selection of this many in
    # full (the passages of editorial notes and key events, then of the most-told events; the
    # chapters say how many more each month holds on the web): a large book's PDF stays a book.
    print_dated: int = 1500


@dataclass
class Chapters:
    periods: list[Period]
    themes: list[Theme]
    cues: list[EventCue] = field(default_factory=list)
    background_headings: frozenset[str] = frozenset()  # sections an article's event date does not reach
    page_size: PageSize = field(default_factory=lambda: PageSize())

    def period(self, slug: str) -> Period:
        return next(period for period in self.periods if period.slug == slug)


def load_yaml(path: Path) -> dict:
    """A data file as a mapping. Like a seed, it is read only as a regular file, never through a
    link: a pull request cannot make the book read a file from outside the project."""
    try:
        data = yaml.load(read_regular_file(path).decode("utf-8"), Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        raise EditorialError(f"{path}: not valid YAML: {error}") from error
    except (OSError, UnicodeDecodeError) as error:
        raise EditorialError(f"{path}: cannot be read: {error}") from error
    if not isinstance(data, dict):
        raise EditorialError(f"{path}: expected a mapping of sections at the top level")
    return data


def entry_lines(path: Path, key: str) -> dict[str, int]:
    """The line on which each entry of a data file starts, by the value of its `key:` ("id",
    "file"), so that a message sends the editor to the entry (block-style entries; 0 if unknown)."""
    try:
        text = read_regular_file(path).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    pattern = re.compile(rf"""^\s*(?:-\s+)?{re.escape(key)}:\s*(['"]?)(.+?)\1\s*(?:#.*)?$""")
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if found := pattern.match(line):
            lines.setdefault(found.group(2), number)
    return lines


def _require(entry: dict, key: str, where: str):
    if key not in entry or entry[key] in (None, ""):
        raise EditorialError(f"{where}: missing '{key}'")
    return entry[key]


def _as_date(value, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as error:
        raise EditorialError(f"{where}: '{value}' is not a date (YYYY-MM-DD)") from error


def _compile(pattern: str, where: str) -> re.Pattern:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise EditorialError(f"{where}: bad pattern {pattern!r}: {error}") from error


def load_chapters(path: Path) -> Chapters:
    data = load_yaml(path)
    periods = []
    for index, entry in enumerate(data.get("periods") or []):
        where = f"{path}: periods[{index}]"
        slug = _require(entry, "slug", where)
        where = f"{path}: period '{slug}'"
        periods.append(
            Period(
                slug=slug,
                title=_require(entry, "title", where),
                intro=" ".join(str(_require(entry, "intro", where)).split()),
                start=_as_date(entry.get("start"), where),
                end=_as_date(entry.get("end"), where),
                undated=bool(entry.get("undated", False)),
            )
        )
    if not any(period.undated for period in periods):
        raise EditorialError(f"{path}: one period must have 'undated: true' for passages without a date")
    themes = []
    for index, entry in enumerate(data.get("themes") or []):
        where = f"{path}: themes[{index}]"
        slug = _require(entry, "slug", where)
        where = f"{path}: theme '{slug}'"
        lexicon = entry.get("lexicon") or {}
        terms = tuple(str(term) for term in lexicon.get("terms") or [])
        weak = tuple(str(term) for term in lexicon.get("weak_terms") or [])
        patterns = tuple(_compile(str(pattern), where) for pattern in lexicon.get("patterns") or [])
        if not terms and not patterns and not weak:
            raise EditorialError(f"{where}: the lexicon has no terms or patterns")
        themes.append(
            Theme(
                slug=slug,
                title=_require(entry, "title", where),
                intro=" ".join(str(_require(entry, "intro", where)).split()),
                terms=terms,
                patterns=patterns,
                min_hits=float(entry.get("min_hits", 1)),
                weak_terms=weak,
                entry_categories=tuple(str(category) for category in (entry.get("glossary") or {}).get("categories") or []),
                entry_definitions=tuple(_compile(str(pattern), where) for pattern in (entry.get("glossary") or {}).get("definitions") or []),
                scope=" ".join(str(entry.get("scope") or "").split()),
                borderline=tuple(" ".join(str(item).split()) for item in entry.get("borderline") or []),
            )
        )
    cues = []
    for index, entry in enumerate(data.get("event_cues") or []):
        where = f"{path}: event_cues[{index}]"
        date = str(_require(entry, "date", where))
        try:
            parse_iso(date)
        except ValueError as error:
            raise EditorialError(f"{where}: '{date}' is not an ISO date") from error
        cues.append(EventCue(_compile(str(_require(entry, "pattern", where)), where), date))
    slugs = [item.slug for item in periods + themes]
    duplicates = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if duplicates:
        raise EditorialError(f"{path}: slugs used twice: {', '.join(duplicates)}")
    dating = data.get("dating") or {}
    background = frozenset(str(heading).casefold() for heading in dating.get("background_headings") or [])
    return Chapters(periods, themes, cues, background, _page_size(data.get("pages") or {}, f"{path}: pages"))


def _page_size(entry: dict, where: str) -> PageSize:
    settings = ", ".join(PageSize.__dataclass_fields__)
    if not isinstance(entry, dict):
        raise EditorialError(f"{where}: expected a mapping ({settings})")
    unknown = set(entry) - set(PageSize.__dataclass_fields__)
    if unknown:
        raise EditorialError(f"{where}: unknown setting {sorted(unknown)[0]!r} ({settings})")
    values = {}
    for key, value in entry.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise EditorialError(f"{where}: '{key}' must be a whole number of at least 1, not {value!r}")
        values[key] = value
    return PageSize(**values)


@dataclass(frozen=True)
class SourceNote:
    """What the editors say about one seed: who publishes it and how far to trust it."""

    file: str
    title: str = ""
    publisher: str = ""
    kind: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    accessed: str = ""  # when the editors consulted the address, as they write dates ("21 October 2023")
    perspective: str = ""
    cleaning: str = ""
    line: int = field(default=0, compare=False)  # where the note starts in sources.yaml


TEXT_FIELDS = [name for name in SourceNote.__dataclass_fields__ if name != "line"]


def load_source_notes(path: Path) -> dict[str, SourceNote]:
    if not path.exists():
        return {}
    notes, lines = {}, entry_lines(path, "file")
    for index, entry in enumerate(load_yaml(path).get("sources") or []):
        where = f"{path}: sources[{index}]"
        file = _require(entry, "file", where)
        fields = {key: " ".join(str(entry[key]).split()) for key in TEXT_FIELDS if key in entry and entry[key] is not None}
        notes[file] = SourceNote(**fields, line=lines.get(str(file), 0))
    return notes


def orphaned_notes(notes: dict[str, SourceNote], seeds: set[str]) -> list[Problem]:
    """A note whose seed is gone (removed, or renamed without its note) describes nothing: one
    warning per note, naming the file it expects and what to do."""
    return [
        Problem(
            "sources.yaml",
            note.line,
            f"source note '{file}' describes no seed: there is no {file} in seeds/. If the seed was renamed, "
            "give its new name in 'file:'; if it was removed, remove the note",
            "warning",
            "docs/data",
        )
        for file, note in sorted(notes.items())
        if file not in seeds
    ]
