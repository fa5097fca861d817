"""Scraped search snippets: one long line of fragments from many outlets, glued together.

The whole line is one block of kind "sentences"; the splitter cuts it into sentences and merges
repeats. Nothing in the blob says where a fragment came from, so the book says so.
"""

from __future__ import annotations

from ..model import Block, Source

NAME = "web-snippets"
DEFAULT_KIND = "web-snippets"

LONG_LINE = 2000


def looks_like(lines: list[str]) -> bool:
    """Text on very few lines, at least one of them very long."""
    filled = [line for line in lines if line.strip()]
    return 0 < len(filled) <= 3 and max(len(line) for line in filled) >= LONG_LINE


def read(file: str, lines: list[str]) -> Source:
    source = Source(file=file, kind=DEFAULT_KIND, title="", line_count=len(lines), lines=lines)
    for index, line in enumerate(lines):
        if line.strip():
            source.blocks.append(Block("sentences", " ".join(line.split()), index + 1, index + 1))
    return source
