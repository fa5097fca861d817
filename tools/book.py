"""From project root to everything the book needs: generated MyST pages and corpus exports.

Shared by the Sphinx extension and the command line, so both produce the same files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .addresses import Addresses
from .editorial import EditorialError
from .export import exports
from .model import Book
from .pages import render_pages
from .pipeline import Paths, build_book
from .write import write_if_changed, write_tree


class BookError(Exception):
    """The book cannot be made: an editorial data file is malformed (the message names it)."""


@dataclass
class MadeBook:
    book: Book
    pages: dict[str, str | bytes]  # figures are bytes
    exports: dict[str, str] = field(default_factory=dict)


def make_book(root: Path, paths: Paths | None = None) -> MadeBook:
    try:
        book = build_book(paths or Paths.for_project(root))
    except EditorialError as error:
        raise BookError(str(error)) from error
    addresses = Addresses(book)
    return MadeBook(book, render_pages(book, addresses), exports(book, addresses))


def write_sources(srcdir: Path, made: MadeBook) -> list[str]:
    return write_tree(srcdir, made.pages)


def write_exports(outdir: Path, exports: dict[str, str]) -> list[str]:
    return [name for name, content in sorted(exports.items()) if write_if_changed(outdir / name, content)]
