"""Where things live in the book, and how sources are named: the one authority for addresses.

Pages, the bibliography and the corpus export all link to passages and source lines; they ask
here rather than each building URLs. A passage's home is its period chapter, under its id; a
source's lines live on its viewer page, under "L<number>".
"""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .editorial import SourceNote
from .model import Book, Passage, PartialDate, Source, parse_iso, valid_iso
from .split import source_slug

SOURCE_PAGES = "sources"  # the folder of the source viewer pages
CHRONOLOGY = "periods/chronology"  # the list of events, first chapter of the Chronology part
GENERAL_INDEX = "genindex"  # Sphinx's general index
GLOSSARY = "glossary"  # the glossary's page, and the folder of its pages when it is split


def index_letter_page(group: str) -> str:
    """The general index's page for one group of its letter bar ("genindex-A", "genindex-Cyrillic")
    when the index is too long for one page."""
    return f"{GENERAL_INDEX}-{group}"


@dataclass
class SourceView:
    """How a source is named and described to readers: the editors' notes first, then the seed's own metadata."""

    source: Source
    note: SourceNote

    @property
    def slug(self) -> str:
        return self.source.slug or source_slug(self.source.file)

    @property
    def title(self) -> str:
        return self.note.title or self.source.title or self.source.file

    @property
    def kind(self) -> str:
        return self.note.kind or self.source.kind

    @property
    def kind_label(self) -> str:
        return self.kind.replace("-", " ")  # "news-digest" -> "news digest"

    @property
    def author(self) -> str:
        return self.note.author or self.source.metadata.get("author", "")

    @property
    def date(self) -> PartialDate | None:
        """The publication date: the editors' when they give a valid one, else the seed's."""
        for value in (self.note.date, self.source.metadata.get("published", "")):
            match = re.match(r"\d{4}(?:-\d\d(?:-\d\d)?)?", str(value or ""))
            if match and valid_iso(match.group(0)):
                return parse_iso(match.group(0))
        return None


@dataclass
class ChapterPart:
    """One page of a chapter: the whole chapter while it fits on one page (`key` ""), else a year
    ("2015"), a month of a year too large for one page ("2015-10", and "2015-year" for the
    passages dated to that year alone), or, in the undated chapter, one source (its slug).

    A page that still holds too much (a month of a very large corpus, one source's undated
    passages) becomes the list of its `children`, one level down: its thirds ("2015-10/01-10", and
    "2015-10/month" for the passages dated to the month alone), their days ("2015-10/01-10/08"), then sources, then runs of one
    source's lines ("lines-12-340"). Its own address keeps resolving: it names its pages, and the
    chapter's map sends an old link to a passage to the page that now holds it."""

    page: str  # "periods/2015-2016-intervention" or "periods/2015-2016-intervention/2015"
    key: str
    passages: list[Passage]
    year: int | None = None
    month: int | None = None
    source: str | None = None  # the seed file, for the undated chapter's pages by source
    day: int | None = None  # a page of one day of a month too large for one page
    lines: tuple[int, int] | None = None  # a page of a run of one source's passages: their first and last lines
    days: tuple[int, int] | None = None  # a page of a third of a month: its first and last days
    sources: tuple[str, ...] = ()  # a theme's page of several sources' excerpts, in book order (named after the first)
    years: tuple[int, int] | None = None  # a theme's page of several consecutive years (named after the first)
    month_span: tuple[int, int] | None = None  # a theme's page of several consecutive months of a year (named after the first)
    children: list["ChapterPart"] = field(default_factory=list)

    def leaves(self) -> list["ChapterPart"]:
        """The pages that hold the passages themselves, in reading order."""
        return [leaf for child in self.children for leaf in child.leaves()] if self.children else [self]


def leaf_parts(parts: list[ChapterPart]) -> list[ChapterPart]:
    return [leaf for part in parts for leaf in part.leaves()]


@dataclass
class GlossaryPart:
    """One page of the glossary: the whole glossary while it fits on one page (`key` ""), else one
    category ("person"), or one initial letter of a category too large for one page ("person/s")."""

    page: str  # "glossary", "glossary/person" or "glossary/person/s"
    key: str
    entries: list  # the glossary's entries (tools.glossary.Entry) the page defines, in its order
    category: str | None = None
    letter: str | None = None


def initial(term: str) -> str:
    """The page of a category split by letter that a name goes to: its first letter, a to z, or
    "other" (names in other scripts, or starting with a digit)."""
    first = unicodedata.normalize("NFKD", term.strip()[:1]).encode("ascii", "ignore").decode("ascii").lower()
    return first if first.isascii() and first.isalpha() else "other"


def by_initial(entries: list) -> dict[str, list]:
    """Entries by the initial of their name, a to z then "other"."""
    found: dict[str, list] = {}
    for entry in entries:
        found.setdefault(initial(entry.term), []).append(entry)
    return {letter: found[letter] for letter in sorted(found, key=lambda letter: (letter == "other", letter))}


@dataclass
class ViewerPart:
    """One page of a source's viewer: the whole text while it fits on one page (`key` ""), else a
    range of its lines ("lines-2001-4000"). A line is never cut: a line longer than a page has a
    page of its own."""

    page: str  # "sources/wire" or "sources/wire/lines-2001-4000"
    key: str
    first: int  # the first line shown, from 1
    last: int  # the last line shown


def line_ranges(lines: list[str], size: int, characters: int) -> list[tuple[int, int]]:
    """The seed's lines cut into consecutive ranges (first, last), numbered from 1, each of at most
    `size` lines and `characters` of text (unless one line alone is longer): made from the text
    only, so that the same seed always gives the same pages."""
    ranges, first, held = [], 1, 0
    for number, line in enumerate(lines, start=1):
        count = number - first
        if count and (count >= size or held + len(line) > characters):
            ranges.append((first, number - 1))
            first, held = number, 0
        held += len(line)
    return ranges + [(first, max(len(lines), first))]


ALSO_REPORTED_WEIGHT = 45  # an "Also reported by" link (about 250 bytes of HTML), in characters of text (about 6 bytes each)


def _by(passages: list[Passage], key) -> dict:
    groups: dict = {}
    for passage in passages:
        groups.setdefault(key(passage), []).append(passage)
    return groups


def _runs_that_fit(by_source: dict[str, list[Passage]], fits) -> list[list[str]]:
    """Sources in their order, gathered into runs whose passages fit on one page together; a
    source too large for a page alone is a run of its own (its page then goes by its lines)."""
    runs: list[list[str]] = []
    held: list[Passage] = []
    for file, found in by_source.items():
        if runs and fits(held + found):
            runs[-1].append(file)
            held += found
        else:
            runs.append([file])
            held = list(found)
    return runs


class Addresses:
    """Every address the book hands out: passages, source lines, source pages, and the pages a
    chapter is split into when it grows past the page size of chapters.yaml."""

    def __init__(self, book: Book) -> None:
        self.book = book
        self.views = {source.file: SourceView(source, book.notes.get(source.file, SourceNote(source.file))) for source in book.sources}
        self.order = {source.file: index for index, source in enumerate(book.sources)}
        size = book.chapters.page_size
        self.period_parts = {period.slug: self._parts("periods", period.slug, [p for p in book.passages if p.period == period.slug], period.undated, size.passages, size.characters) for period in book.chapters.periods}
        self.theme_parts = {theme.slug: self._parts("themes", theme.slug, [p for p in book.passages if theme.slug in p.themes], False, size.excerpts, pack=True) for theme in book.chapters.themes}
        self._pages = {passage.id: part.page for parts in self.period_parts.values() for part in leaf_parts(parts) for passage in part.passages}
        self.viewer_parts = {source.file: self._viewer_parts(source, size.viewer_lines, size.viewer_characters) for source in book.sources}
        self.glossary_parts = self._glossary_parts(size.glossary_entries)
        self._glossary_pages = {entry.term: part.page for part in self.glossary_parts for entry in part.entries}
        self._events_in_period = Counter(event.period for event in book.events)
        self._events_in_year = Counter((event.period, event.when.year) for event in book.events)

    def sort_key(self, passage: Passage) -> tuple:
        """By date, a month or year known only roughly after the days it contains, then source order."""
        date = parse_iso(passage.date)
        when = (date.year, date.month or 13, date.day or 32) if date else (9999, 0, 0)
        return (when, self.order[passage.source], passage.first_line, passage.id)

    def weight(self, passage: Passage) -> int:
        """What a passage weighs on its page, in characters of text: its text, and its list of the
        passages that report the same (each link weighs about as much as 45 characters of text),
        which a large corpus that retells one event many times makes longer than the text."""
        return len(passage.text) + ALSO_REPORTED_WEIGHT * len(self.book.also_reported.get(passage.id, ()))

    def _parts(self, folder: str, slug: str, passages: list[Passage], undated: bool, size: int, characters: int | None = None, pack: bool = False) -> list[ChapterPart]:
        """A chapter's pages: one while it fits (at most `size` passages, and `characters` of
        text), else by year (by source in the undated chapter), and a year that does not fit by
        month. Made from dates and slugs only, so a page's name does not depend on which
        passages it happens to hold. With `pack` (a theme's excerpts, which are no passage's
        home), pages that go by source hold as many whole sources as fit: a large corpus's
        undated excerpts fill a few pages, not one page per source."""

        def fits(found: list[Passage]) -> bool:
            return len(found) <= size and (characters is None or sum(self.weight(p) for p in found) <= characters)

        passages = sorted(passages, key=self.sort_key)
        if fits(passages):
            return [ChapterPart(f"{folder}/{slug}", "", passages)]
        parts = []
        if undated:
            by_source = _by(passages, lambda p: p.source)
            if len(by_source) == 1:  # one source's undated passages: runs of its lines
                whole = ChapterPart(f"{folder}/{slug}", "", passages, source=next(iter(by_source)))
                return self._finer(whole, fits).children or [ChapterPart(f"{folder}/{slug}", "", passages)]  # one passage heavier than a page
            for file, found in by_source.items():
                parts.append(ChapterPart(f"{folder}/{slug}/{self.views[file].slug}", self.views[file].slug, found, source=file))
            return [self._finer(part, fits, pack) for part in parts]
        years: list[tuple[int, list[Passage]]] = []  # years that fit, waiting to be gathered on one page (with `pack`)

        def gather_years() -> None:
            if years:
                (first, _), (last, _) = years[0], years[-1]
                found = [p for _, in_year in years for p in in_year]
                parts.append(ChapterPart(f"{folder}/{slug}/{first:04d}", f"{first:04d}", found, first, years=(first, last) if last != first else None))
                years.clear()

        for year, found in _by(passages, lambda p: p.when.year if p.when else None).items():
            if year is not None and fits(found):
                gathered = [p for _, in_year in years for p in in_year]
                if not (pack and years and fits(gathered + found)):
                    gather_years()
                years.append((year, found))
                continue
            gather_years()
            if year is None:
                parts.append(ChapterPart(f"{folder}/{slug}/undated", "undated", found))
                continue
            months: list[tuple[int, list[Passage]]] = []
            for month, in_month in _by(found, lambda p: p.when.month).items():
                if pack and month and months and fits([p for _, in_run in months for p in in_run] + in_month):
                    months.append((month, in_month))
                    continue
                parts.extend(self._month_run(folder, slug, year, months))
                months = [(month, in_month)]
            parts.extend(self._month_run(folder, slug, year, months))
        gather_years()
        return [self._finer(part, fits, pack) for part in parts]

    @staticmethod
    def _month_run(folder: str, slug: str, year: int, months: list[tuple[int | None, list[Passage]]]) -> list[ChapterPart]:
        """The page of a month, or of consecutive months that fit on one page together (named
        after the first); the passages dated to the year alone are "<year>-year"."""
        if not months:
            return []
        (first, _), (last, _) = months[0], months[-1]
        key = f"{year:04d}-{first:02d}" if first else f"{year:04d}-year"
        found = [p for _, in_month in months for p in in_month]
        return [ChapterPart(f"{folder}/{slug}/{key}", key, found, year, first, month_span=(first, last) if last != first else None)]

    def _finer(self, part: ChapterPart, fits, pack: bool = False) -> ChapterPart:
        """The part itself while it fits on a page, else the list of its pages one level down: a
        month's thirds (days 1-10, 11-20, 21 to the end), a third's days, then a day's (or a
        year's) sources, then runs of one source's passages. Thirds, days and sources give names
        made from dates and slugs; a run is named by its lines."""
        if fits(part.passages) or len(part.passages) == 1:
            return part
        children: list[ChapterPart] = []
        if part.month is not None and part.day is None and part.source is None:
            if part.days is None:  # a month goes by thirds even when one holds all: its days' names stay when another third fills
                for third, found in _by(part.passages, lambda p: min((p.when.day - 1) // 10, 2) if p.when.day else None).items():
                    days = (third * 10 + 1, 10 * third + 10 if third < 2 else calendar.monthrange(part.year, part.month)[1]) if third is not None else None
                    key = f"{days[0]:02d}-{days[1]:02d}" if days else "month"
                    children.append(ChapterPart(f"{part.page}/{key}", key, found, part.year, part.month, day=None if days else 0, days=days))
            else:
                for day, found in _by(part.passages, lambda p: p.when.day).items():
                    key = f"{day:02d}" if day else "month"
                    children.append(ChapterPart(f"{part.page}/{key}", key, found, part.year, part.month, day=day or 0))
                children = children if len(children) > 1 else []
        if not children and part.source is None:
            by_source = _by(part.passages, lambda p: p.source)
            if len(by_source) > 1:
                for files in _runs_that_fit(by_source, fits) if pack else [[file] for file in by_source]:
                    key = self.views[files[0]].slug
                    found = [p for file in files for p in by_source[file]]
                    source, sources = (files[0], ()) if len(files) == 1 else (None, tuple(files))
                    children.append(ChapterPart(f"{part.page}/{key}", key, found, part.year, part.month, source, part.day, days=part.days, sources=sources))
        if not children:  # one source: runs of its passages in their order, each as large as a page allows
            runs: list[list[Passage]] = [[]]
            for passage in part.passages:
                if runs[-1] and not fits(runs[-1] + [passage]):
                    runs.append([])
                runs[-1].append(passage)
            keys: Counter = Counter()
            for run in runs:
                lines = (run[0].first_line, max(p.last_line for p in run))
                key = f"lines-{lines[0]}-{lines[1]}"
                keys[key] += 1
                key += f"-{keys[key]}" if keys[key] > 1 else ""  # the passages of a one-line seed (a snippet bundle)
                children.append(ChapterPart(f"{part.page}/{key}", key, run, part.year, part.month, part.source or run[0].source, part.day, lines, days=part.days))
            return dataclasses.replace(part, children=children)
        return dataclasses.replace(part, children=[self._finer(child, fits, pack) for child in children])

    def _viewer_parts(self, source: Source, size: int, characters: int) -> list[ViewerPart]:
        """A source's viewer: one page while its text fits (chapters.yaml's `viewer_lines` and
        `viewer_characters`), else one page per range of lines, named by its lines."""
        page = self.source_page(source.file)
        ranges = line_ranges(source.original, size, characters)
        if len(ranges) == 1:
            return [ViewerPart(page, "", *ranges[0])]
        return [ViewerPart(f"{page}/lines-{first}-{last}", f"lines-{first}-{last}", first, last) for first, last in ranges]

    def _glossary_parts(self, size: int) -> list[GlossaryPart]:
        """The glossary's pages: one while its published entries fit on a page (chapters.yaml's
        `glossary_entries`), else one per category, and a category too large for a page by the
        initial letter of its entries. Made from the categories and names only."""
        glossary, published = self.book.glossary, self.book.published_terms()
        by_category = {category.slug: [entry for entry in glossary.sorted_entries(category.slug) if entry.term in published] for category in glossary.categories}
        by_category = {slug: entries for slug, entries in by_category.items() if entries}
        if sum(len(entries) for entries in by_category.values()) <= size:
            return [GlossaryPart(GLOSSARY, "", [entry for entries in by_category.values() for entry in entries])]
        parts = []
        for slug, entries in by_category.items():
            if len(entries) <= size:
                parts.append(GlossaryPart(f"{GLOSSARY}/{slug}", slug, entries, slug))
                continue
            for letter, found in by_initial(entries).items():
                parts.append(GlossaryPart(f"{GLOSSARY}/{slug}/{letter}", f"{slug}/{letter}", found, slug, letter))
        return parts

    def glossary_page(self, term: str) -> str:
        """The glossary page that defines an entry (by its canonical name)."""
        return self._glossary_pages.get(term, GLOSSARY)

    def glossary_url(self, entry) -> str:
        """An entry's address: the page that defines it, and its public anchor ("term-…")."""
        return f"{self.glossary_page(entry.term)}.html#{entry.anchor}"

    def viewer_page_of_line(self, file: str, line: int) -> str:
        """The viewer page that shows a line of a seed: the source's viewer, or the page of its
        lines that holds it."""
        parts = self.viewer_parts[file]
        index = bisect.bisect_right([part.first for part in parts], line) - 1
        return parts[max(index, 0)].page

    def page_of(self, passage: Passage) -> str:
        """The page that gives the passage in full: its period chapter, or the part of it that holds it."""
        return self._pages.get(passage.id, f"periods/{passage.period}")

    def url_of(self, passage: Passage) -> str:
        return f"{self.page_of(passage)}.html#{passage.id}"

    def source_page(self, file: str) -> str:
        """The source's viewer page: its text line by line, or the list of its pages of lines."""
        return f"{SOURCE_PAGES}/{self.views[file].slug}"

    def source_url_of(self, passage: Passage) -> str:
        """The first line of a passage in its source's viewer, on the page that shows that line."""
        return f"{self.viewer_page_of_line(passage.source, passage.first_line)}.html#L{passage.first_line}"

    def chronology_anchor(self, date: str) -> str:
        """The chronology's label for the month of a date ("chronology-2015-09"), or for its year
        when the month is not known: where an event's line is."""
        return "chronology-" + date[:7]

    @property
    def chronology_split(self) -> bool:
        """Whether the chronology has more events than a page holds: then it has a page per period."""
        return len(self.book.events) > self.book.chapters.page_size.events

    def chronology_span(self, event) -> str:
        """How much of the chronology the page of an event holds: "book" while the chronology
        fits on one page, else "period", "year" when its period is too long, and "month" when its
        period's year is too long as well. Each level is checked against the page size, so that
        no page holds more lines than it allows, however many events one year gathers."""
        limit = self.book.chapters.page_size.events
        if not self.chronology_split:
            return "book"
        if self._events_in_period[event.period] <= limit:
            return "period"
        return "year" if self._events_in_year[(event.period, event.when.year)] <= limit else "month"

    def chronology_page(self, event) -> str:
        """The chronology's page for an event: the whole chronology, its period's page, its
        period's page for its year ("<period>-2013") or for its month ("<period>-2013-05", and
        "<period>-2013-year" for events dated to the year alone), as chronology_span says."""
        span = self.chronology_span(event)
        if span == "book":
            return CHRONOLOGY
        if span == "period":
            return f"{CHRONOLOGY}/{event.period}"
        year = f"{event.when.year:04d}"
        if span == "year":
            return f"{CHRONOLOGY}/{event.period}-{year}"
        return f"{CHRONOLOGY}/{event.period}-{year}-" + (f"{event.when.month:02d}" if event.when.month else "year")

    def event_url(self, event) -> str:
        return f"{self.chronology_page(event)}.html#{self.chronology_anchor(event.date)}"

# ---------------------------------------------------------------- anchors inside the chapters
#
# Month and year headings, notes and glossary mentions have anchors of their own, documented for
# readers in docs/about/how-to-link.md. They are Sphinx labels (unique in the book), made only from
# the editorial data and a date, never from the passages a chapter happens to hold, so that adding
# a seed never moves one.


def _divided(first_day, last_day, periods) -> bool:
    """Whether the chapters' date ranges divide this span between two or more periods."""
    dated = [p for p in periods if not p.undated]
    return sum(1 for p in dated if (p.start is None or p.start <= last_day) and (p.end is None or first_day <= p.end)) > 1


def date_group_anchor(date: PartialDate | None, period, periods) -> str:
    """A period chapter's heading for a month ("month-2015-10") or for the passages dated to a year
    alone ("year-2015"). A month or year that the chapters' boundaries divide appears in two
    chapters, so there each part names its chapter: "month-2015-09-in-2015-2016-intervention".
    The undated chapter's headings name their source ("undated-<source slug>", see undated_anchor)."""
    if date is None or date.year is None:
        return f"undated-in-{period.slug}"
    span = PartialDate(date.year, date.month)
    base = f"year-{date.year:04d}" if date.month is None else f"month-{date.year:04d}-{date.month:02d}"
    return f"{base}-in-{period.slug}" if _divided(span.first_day(), span.last_day(), periods) else base


def undated_anchor(source_slug: str) -> str:
    """The undated chapter's heading for one source's passages."""
    return f"undated-{source_slug}"


def theme_year_anchor(theme_slug: str, year: int | None) -> str:
    """A theme chapter's heading for a year ("theme-bases-2015"), or for its undated passages."""
    return f"theme-{theme_slug}-{year:04d}" if year else f"theme-{theme_slug}-undated"


def note_anchor(annotation_id: str, page: str) -> str:
    """Where a page prints an editorial note in full, once ("note-first-strikes-targets-in-2015-2016-intervention");
    the register's own entry is "note-<id>"."""
    return f"note-{annotation_id}-in-{page}"


def entry_anchor(term_anchor: str) -> str:
    """An entry's basis and mentions, on its category's page of the glossary's notes (pages/entries.py):
    "entry-khmeimim-air-base" (Sphinx writes label ids in lower case)."""
    return "entry-" + re.sub(r"[^a-z0-9]+", "-", term_anchor.removeprefix("term-").lower()).strip("-")
