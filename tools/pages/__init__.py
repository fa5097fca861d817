"""Rendering: the Book becomes MyST pages, a dict of path -> text that write.py writes.

One module per page family, each with a `pages(context)` function; this package only gathers
them. Every piece of seed text reaches MyST through tools.myst, the one place it is escaped.
"""

from __future__ import annotations

from ..addresses import Addresses
from ..bibliography import bibtex
from ..export import hover_data, search_entries
from ..model import Book
from . import chapters, chronology, dictionary, entries, front, glossary, notes, report, sources
from .common import STATIC_FOLDER, PageContext

FAMILIES = (chapters, chronology, sources, glossary, entries, notes, report, front, dictionary)
BIBLIOGRAPHY = "_generated/sources.bib"
# Files the HTML site serves as they are (the glossary tips' and the search page's data): a static folder of its own, so
# that Sphinx copies them before it writes pages, like every other static file.
SOURCES_DATA = "sources.json"  # what "Cite this passage" says of each source


def render_pages(book: Book, addresses: Addresses) -> dict[str, str | bytes]:
    context = PageContext(book, addresses)
    pages: dict[str, str | bytes] = {}  # figures are bytes (SVG, PDF)
    for family in FAMILIES:
        pages |= family.pages(context)
    pages[BIBLIOGRAPHY] = bibtex([addresses.views[source.file] for source in book.sources])
    pages[f"{STATIC_FOLDER}/glossary-data.js"] = hover_data(book.glossary, book.published_terms())
    split_glossary = len(addresses.glossary_parts) > 1
    pages[f"{STATIC_FOLDER}/glossary-search.js"] = search_entries(book.glossary, book.published_terms(), addresses.glossary_page if split_glossary else None)
    pages[f"{STATIC_FOLDER}/{SOURCES_DATA}"] = sources.citation_data(context)
    return pages
