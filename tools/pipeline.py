"""The whole conversion, stage by stage: seeds and editorial data in, a Book out.

    editorial data --Editorial.load--> chapters, cleaning rules, glossary, source notes, annotations
    seeds --read (reading.py: list, decode, read, check, clean, split)--> sources and passages
          --merge repeats--> --link--> --date--> --classify--> --annotate--> --check source notes-->
          --corroborate--> --attribute--> --gather events--> Book

Each stage is a function of the Book that fills in its part; STAGES lists them in order. Rendering
(pages/) and export (export.py) only read the finished Book.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import dating
from .annotations import Annotation, attach, load_annotations
from .attribution import speakers
from .classify import classify, period_for
from .clean import CleaningRules
from .corroborate import corroborate
from .datefinder import slashes_month_first
from .editorial import Chapters, SourceNote, load_chapters, load_source_notes, orphaned_notes
from .event_details import describe
from .events import KeyEvent, find_events, load_key_events
from .glossary import Glossary, load_glossary, load_public_anchors, point_event_date
from .link import Linker, link_passages
from .model import Book
from .places import Place, load_places
from .reading import read_seeds
from .repeats import merge_repeats
from .split import sentences
from .theme_model import MODEL_FILE, ThemeModel


@dataclass(frozen=True)
class Paths:
    seeds: Path
    data: Path

    @classmethod
    def for_project(cls, root: Path) -> "Paths":
        return cls(seeds=root / "seeds", data=root / "docs" / "data")


@dataclass
class Editorial:
    """Every file of docs/data, loaded and validated; a mistake raises EditorialError naming the
    file, the entry and the field."""

    chapters: Chapters
    cleaning: CleaningRules
    glossary: Glossary
    notes: dict[str, SourceNote]
    annotations: list[Annotation]
    public_anchors: set[str]
    key_events: list[KeyEvent]
    places: dict[str, Place]
    theme_model: ThemeModel | None

    @classmethod
    def load(cls, folder: Path) -> "Editorial":
        glossary = load_glossary(folder / "glossary.yaml")
        return cls(
            chapters=load_chapters(folder / "chapters.yaml"),
            cleaning=CleaningRules.load(folder / "cleaning.yaml"),
            glossary=glossary,
            notes=load_source_notes(folder / "sources.yaml"),
            annotations=load_annotations(folder / "annotations.yaml"),
            public_anchors=load_public_anchors(folder / "public-anchors.txt"),
            key_events=load_key_events(folder / "events.yaml", glossary),
            places=load_places(folder / "places.yaml", glossary),
            theme_model=ThemeModel.load(folder / MODEL_FILE),
        )


def merge(book: Book) -> None:
    """A snippet that repeats text found earlier in the book, in any seed, is shown once."""
    book.passages = merge_repeats(book.passages, book.sources, sentences)


def date(book: Book) -> None:
    """Each source's passages in document order: later passages lean on earlier dates; a passage
    that tells a glossary event (found by its patterns) may take the event's day."""
    days = {entry.term: day for entry in book.glossary.entries if (day := point_event_date(entry)) is not None}
    told = {pid: [(m.start, days[m.entry.term]) for m in mentions if m.by_pattern and m.entry.term in days] for pid, mentions in book.mentions.items()}
    for source in book.sources:
        passages = book.passages_of(source.file)
        is_article = source.metadata.get("format") == "web-article" or source.metadata.get("dated_by") == "publication"
        with slashes_month_first(source.metadata.get("slashed_dates") == "month/day/year"):
            subject = dating.subject_date(source.title, source.metadata.get("dates", []), passages)
            dating.date_passages(passages, book.chapters.cues, subject, book.chapters.background_headings, told, item_is_news=not is_article, item_is_day=source.metadata.get("dated_by") == "day headings")


def sort(book: Book) -> None:
    """Periods by date; themes by the passage's words and the glossary entries it mentions, through
    the lexicons and the theme model."""
    entry_terms, entry_themes = entry_signs(book)
    classify(book.passages, book.chapters, entry_themes, book.theme_model, entry_terms)


def entry_signs(book: Book) -> tuple[dict[str, list[str]], dict[str, list[set[str]]]]:
    """By passage id, the glossary entries it mentions (in order, once each), and the themes each
    of them claims (chapters.yaml, `glossary:` of a theme)."""
    claimed = {entry.term: {theme.slug for theme in book.chapters.themes if theme.claims(entry.category, entry.definition)} for entry in book.glossary.entries}
    entry_terms = {pid: list(dict.fromkeys(m.entry.term for m in mentions)) for pid, mentions in book.mentions.items()}
    return entry_terms, {pid: [claimed[term] for term in terms] for pid, terms in entry_terms.items()}


def link(book: Book) -> None:
    book.mentions = link_passages(book.passages, Linker(book.glossary))


def annotate(book: Book) -> None:
    """Editorial notes attach to their passages; a correction that gives the right date changes
    the passage's date and period (the note stays beside it, so readers see both)."""
    book.annotated, problems = attach(book.annotations, book.passages, book.seed_files())
    book.problems += problems
    by_id = {passage.id: passage for passage in book.passages}
    for annotation in book.annotations:
        for pid, right in annotation.corrected_dates.items():
            passage = by_id[pid]
            passage.date, passage.date_basis = right, f"corrected by the editors (note “{annotation.title}”)"
            passage.period = period_for(right, book.chapters)


def check_source_notes(book: Book) -> None:
    """The editors' source notes describe seeds: a note whose seed is gone is reported."""
    book.problems += orphaned_notes(book.notes, book.seed_files())


def link_corroborating(book: Book) -> None:
    book.also_reported = corroborate(book.passages)


def attribute(book: Book) -> None:
    book.speakers = {p.id: found for p in book.passages if (found := speakers(p, book.mentions[p.id]))}


def gather_events(book: Book) -> None:
    """Passages that tell one happening become one event of the chronology (events.py), with its
    title, places, actors, themes and contested notes (event_details.py)."""
    book.events = describe(find_events(book, book.key_events), book)


STAGES = (merge, link, date, sort, annotate, check_source_notes, link_corroborating, attribute, gather_events)


def build_book(paths: Paths) -> Book:
    editorial = Editorial.load(paths.data)
    reading = read_seeds(paths.seeds, editorial.cleaning)
    book = Book(
        sources=reading.sources,
        passages=reading.passages,
        chapters=editorial.chapters,
        glossary=editorial.glossary,
        notes=editorial.notes,
        annotations=editorial.annotations,
        public_anchors=editorial.public_anchors,
        key_events=editorial.key_events,
        places=editorial.places,
        theme_model=editorial.theme_model,
        problems=reading.problems,
        skipped=reading.skipped,
    )
    for stage in STAGES:
        stage(book)
    return book
