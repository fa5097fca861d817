"""From project root to everything the book needs: generated MyST pages and corpus exports.

Shared by the Sphinx extension and the command line, so both produce the same files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .editorial import EditorialError, load_source_notes
from .export import json_document, jsonl, passage_record
from .glossary import load_glossary
from .link import Linker, link_passages
from .pipeline import Book, Paths, build_book
from .annotations import attach, load_annotations
from .attribution import speakers
from .bibliography import bibtex
from .corroborate import corroborate
from .render import Decorations, Renderer, display_date
from .render_glossary import glossary_export, glossary_page, hover_data, linked_text, mentions_by_term
from .write import write_if_changed, write_tree


class BookError(Exception):
    """The book cannot be made: bad editorial data or an annotation that matches nothing."""


@dataclass
class MadeBook:
    book: Book
    pages: dict[str, str]
    exports: dict[str, str] = field(default_factory=dict)


def make_book(root: Path) -> MadeBook:
    paths = Paths.for_project(root)
    try:
        book = build_book(paths)
        notes = load_source_notes(paths.data / "sources.yaml")
        glossary = load_glossary(paths.data / "glossary.yaml")
        annotations = load_annotations(paths.data / "annotations.yaml")
    except EditorialError as error:
        raise BookError(str(error)) from error
    linker = Linker(glossary)
    mentions, all_mentions = link_passages(book.passages, linker)
    book.glossary = glossary
    annotated, annotation_problems = attach(annotations, book.passages, paths.data / "annotations.yaml")
    book.problems += annotation_problems
    decorations = Decorations(
        speakers={p.id: found for p in book.passages if (found := speakers(p, all_mentions[p.id]))},
        also_reported=corroborate(book.passages),
        annotations=annotated,
        all_annotations=annotations,
    )
    renderer = Renderer(book, notes, text_renderer=lambda passage: linked_text(passage, mentions[passage.id]), decorations=decorations)
    pages = renderer.pages()
    pages["_generated/sources.bib"] = bibtex([renderer.views[source.file] for source in book.sources])
    by_term = mentions_by_term(book.passages)
    pages["glossary.md"] = glossary_page(
        glossary, by_term, lambda p: f"{display_date(p.date)} ({renderer.views[p.source].kind_label})"
    )
    records = [
        passage_record(
            passage,
            renderer.url_of(passage),
            {
                "source_url": renderer.source_url_of(passage),
                "also_reported": decorations.also_reported.get(passage.id, []),
                "speakers": decorations.speakers.get(passage.id, []),
                "annotations": [a.id for a in annotated.get(passage.id, [])],
            },
        )
        for passage in book.passages
    ]
    exports = {
        "_static/glossary-data.js": hover_data(glossary),  # read by glossary-tips.js (html_js_files)
        "corpus/passages.jsonl": jsonl(records),
        "corpus/glossary.json": json_document(glossary_export(glossary, by_term)),
        "corpus/removals.jsonl": jsonl(
            [
                {"source": source.file, "lines": [r.first_line, r.last_line], "reason": r.reason, "text": r.text}
                for source in book.sources
                for r in source.removals
            ]
        ),
        "corpus/annotations.json": json_document(
            [{"id": a.id, "kind": a.kind, "title": a.title, "note": a.note, "passages": a.passages} for a in annotations]
        ),
    }
    return MadeBook(book, pages, exports)


def write_sources(srcdir: Path, made: MadeBook) -> list[str]:
    return write_tree(srcdir, made.pages)


def write_exports(outdir: Path, exports: dict[str, str]) -> list[str]:
    return [name for name, content in sorted(exports.items()) if write_if_changed(outdir / name, content)]
