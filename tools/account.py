"""The conversion's account: every character of a seed is passage text, a heading, or set aside.

Compared as multisets of non-space characters, so the check is exact about *what* was kept or
removed while allowing the re-flowing of white space. For sources read as Markdown, the syntax
characters themselves (emphasis marks, bullets, heading hashes, link brackets) are not text and
may be left over; a saved web page is compared with its character references read ("&mdash;" is
"—"), and the " | " between a table row's cells is not counted as added.
"""

from __future__ import annotations

import html
from collections import Counter

from .model import Passage, Source

MARKDOWN_SYNTAX = set("*_#>`-+[]()!\\|~=.:0123456789")


def _characters(text: str) -> Counter:
    return Counter(char for char in text if not char.isspace())


def account(source: Source, passages: list[Passage], original_lines: list[str]) -> tuple[Counter, Counter]:
    """(characters of the seed not accounted for, characters in the book not found in the seed)."""
    web_page = source.metadata.get("format") == "web-page"
    as_read = html.unescape if web_page else str  # a page's "&mdash;" is the "—" its reader keeps
    original = _characters(as_read("\n".join(original_lines)))
    kept = _characters(" ".join(passage.text for passage in passages))
    kept += _characters(" ".join(block.text for block in source.blocks if block.kind == "heading"))
    kept += _characters(" ".join(removal.text for removal in source.removals))  # a page's removals are recorded as read
    missing = original - kept
    if source.metadata.get("format") in ("markdown-front-matter", "markdown"):
        missing = Counter({char: count for char, count in missing.items() if char not in MARKDOWN_SYNTAX})
    invented = kept - original
    if web_page:
        invented = Counter({char: count for char, count in invented.items() if char != "|"})  # the cells of a row, joined
    return missing, invented
