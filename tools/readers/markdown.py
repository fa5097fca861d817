"""Markdown pages (`.md`) without front matter that hold a table with column names (a chronology
or a list of incidents kept as a table in a shared document or a wiki page) or headings in
Markdown's syntax (a blog's archive page, a notebook).

Tried after the digest, snippet and article readers, so that a digest or an article that happens
to hold a table keeps its datelines; read as the front-matter reader reads a body
(readers/frontmatter.py): headings, paragraphs, list items, a passage per table row. A first
`# ` heading is the page's title.
"""

from __future__ import annotations

import re

from ..model import Source
from . import frontmatter

NAME = "markdown"
DEFAULT_KIND = "document"
SUFFIXES = (".md", ".markdown")  # a .txt that holds a table is plain text


_SECTION = re.compile(r"^ {0,3}#{2,6}[ \t]+\S")


SECTIONS = 2  # a page of sections; one "# Title" over lines of plain text reads better as plain text


def looks_like(lines: list[str]) -> bool:
    """A table with column names, or sections under headings in Markdown's own syntax ("## The
    Alaed turns back", "## Sat 27 Feb"): a page whose structure plain text would lose. A title
    alone over a chronology written line by line is plain text, whose reader keeps each line an
    entry."""
    return frontmatter.has_table(lines) or sum(bool(_SECTION.match(line)) for line in lines) >= SECTIONS


def read(file: str, lines: list[str]) -> Source:
    source = frontmatter.read(file, lines)
    source.kind = DEFAULT_KIND  # a page, not an encyclopedia's export
    if source.blocks and source.blocks[0].kind == "heading" and source.blocks[0].level == 1:
        title = source.blocks.pop(0)
        source.title = title.text
        source.remove(title.first_line, title.last_line, "title: used as the source's title", "\n".join(lines[title.first_line - 1 : title.last_line]))
    return source
