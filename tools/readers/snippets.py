"""Scraped search snippets: one long line of fragments from many outlets, glued together.

The whole line is one block of kind "sentences"; the splitter cuts it into sentences and merges
repeats. Nothing in the blob says where a fragment came from, so the book says so.
"""

from __future__ import annotations

import re

from ..model import Block, Source

NAME = "web-snippets"
DEFAULT_KIND = "web-snippets"

LONG_LINE = 2000
SHORT_BLOB = 300  # a single line this long with several sentences is a blob too
SENTENCES_IN_SHORT_BLOB = 5


def looks_like(lines: list[str]) -> bool:
    """Text on very few lines, at least one of them very long; or one line of many sentences."""
    filled = [line for line in lines if line.strip()]
    if not filled or len(filled) > 3:
        return False
    if max(len(line) for line in filled) >= LONG_LINE:
        return True
    only = filled[0]
    return len(filled) == 1 and len(only) >= SHORT_BLOB and len(re.findall(r"[.!?][\"”’)]?\s+[A-Z“\"]", only)) + 1 >= SENTENCES_IN_SHORT_BLOB


def read(file: str, lines: list[str]) -> Source:
    source = Source(file=file, kind=DEFAULT_KIND, title="", line_count=len(lines), lines=lines)
    for index, line in enumerate(lines):
        if line.strip():
            source.blocks.append(Block("sentences", " ".join(line.split()), index + 1, index + 1))
    return source
