"""Where things live in the book, and how sources are named: the one authority for addresses.

Pages, the bibliography and the corpus export all link to passages and source lines; they ask
here rather than each building URLs. A passage's home is its period chapter, under its id; a
source's lines live on its viewer page, under "L<number>".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .editorial import SourceNote
from .model import Book, Passage, PartialDate, Source, parse_iso, valid_iso
from .split import source_slug

SOURCE_PAGES = "sources"  # the folder of the source viewer pages
CHRONOLOGY = "periods/chronology"  # the list of events, first chapter of the Chronology part


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


class Addresses:
    """Every address the book hands out: passages, source lines, source pages."""

    def __init__(self, book: Book) -> None:
        self.book = book
        self.views = {source.file: SourceView(source, book.notes.get(source.file, SourceNote(source.file))) for source in book.sources}

    def page_of(self, passage: Passage) -> str:
        return f"periods/{passage.period}"

    def url_of(self, passage: Passage) -> str:
        return f"{self.page_of(passage)}.html#{passage.id}"

    def source_page(self, file: str) -> str:
        return f"{SOURCE_PAGES}/{self.views[file].slug}"

    def source_url_of(self, passage: Passage) -> str:
        return f"{self.source_page(passage.source)}.html#L{passage.first_line}"

    def chronology_anchor(self, date: str) -> str:
        """The chronology's label for the month of a date ("chronology-2015-09"), or for its year
        when the month is not known: where an event's line is."""
        return "chronology-" + date[:7]

    def event_url(self, date: str) -> str:
        return f"{CHRONOLOGY}.html#{self.chronology_anchor(date)}"
