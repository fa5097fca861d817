"""Anything no other reader recognises: paragraphs of plain text, separated by blank lines."""

from __future__ import annotations

from ..model import Source
from .common import plain_blocks

NAME = "plain-text"
DEFAULT_KIND = "document"


def looks_like(lines: list[str]) -> bool:
    return True


def read(file: str, lines: list[str]) -> Source:
    return Source(file=file, kind=DEFAULT_KIND, title="", line_count=len(lines), lines=lines, blocks=plain_blocks(lines))
