"""Readers turn a seed's lines into a Source. Each format is one module; the content decides.

Order matters: the first reader whose `looks_like` accepts the lines reads them; plain text is
the fallback. A new format is one new module added to READERS.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from . import article, digest, email_message, feed, frontmatter, json_records, markdown, plain, snippets, subtitles, table_export, web_page
from ..model import Source

READERS = (web_page, email_message, subtitles, table_export, feed, json_records, frontmatter, snippets, digest, article, markdown, plain)


def choose_reader(lines: list[str], file: str = ""):
    """The first reader that accepts the lines; a reader with SUFFIXES only for a file named so
    (a `.txt` seed holding a Markdown table is still plain text, read as written)."""
    suffix = PurePosixPath(file).suffix.lower()
    for reader in READERS:
        if suffix not in getattr(reader, "SUFFIXES", (suffix,)):
            continue
        if reader.looks_like(lines):
            return reader
    return plain


def read_source(file: str, lines: list[str]) -> Source:
    """Read a seed with the reader its content calls for; record which one."""
    reader = choose_reader(lines, file)
    source = reader.read(file, lines)
    source.metadata.setdefault("format", reader.NAME)  # a reader that fell back to another says so
    if not source.title:
        source.title = file
    return source
