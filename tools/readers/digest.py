"""News digests: a title, then items each opened by a line holding only a date.

The author's name trails the last paragraph of an item ("... foreign reports." Peter Weber): it
becomes the item's byline rather than passage text.
"""

from __future__ import annotations

import re

from ..model import Block, Source
from .article import is_subheading
from .common import is_labelled_date_line, paragraphs, parse_date_line

NAME = "news-digest"
DEFAULT_KIND = "news-digest"

# A name of two or three capitalised words after the sentence's closing punctuation, perhaps
# introduced by a dash or "By".
_TRAILING_NAME = re.compile(
    r"(?<=[.!?\"”’)])\s+(?:[—–-]\s*|[Bb]y\s+)?(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]*\.?)?(?: (?:[A-Z][a-zA-Z'’-]+)){1,2})\s*$"
)


_NAME_LINE = re.compile(r"^(?:[Bb]y\s+|[—–-]\s*)?(?P<name>[A-Z][a-z]+(?:[ -][A-Z]\.?)?(?: [A-Z][a-zA-Z'’-]+){1,2})$")


def _date_lines(lines: list[str]) -> list[tuple[int, str]]:
    found = []
    for index, line in enumerate(lines):
        if line.strip():
            iso = parse_date_line(line)
            if iso:
                found.append((index, iso))
    return found


def _opens_item(lines: list[str], index: int) -> bool:
    """A date line opens an item when it carries no label ("Published:", "Updated") and the next
    non-blank line is text, not another date (an article's "Published" and "Updated" lines)."""
    if is_labelled_date_line(lines[index]):
        return False
    following = next((line for line in lines[index + 1 : index + 4] if line.strip()), None)
    return following is not None and parse_date_line(following) is None


def looks_like(lines: list[str]) -> bool:
    """Two or more date-only lines, each opening an item of text: a digest of dated items."""
    return sum(1 for index, _ in _date_lines(lines[:5000]) if _opens_item(lines, index)) >= 2


def _is_footer(block: Block) -> bool:
    """A site's closing line after the byline ("See More Speed Reads"): short, no sentence."""
    return len(block.text.split()) <= 6 and not block.text.rstrip().endswith((".", "!", "?", '"', "”"))


def read(file: str, lines: list[str]) -> Source:
    source = Source(file=file, kind=DEFAULT_KIND, title="", line_count=len(lines), lines=lines)
    dates = [(index, iso) for index, iso in _date_lines(lines) if _opens_item(lines, index)]
    first_item = dates[0][0] if dates else len(lines)
    header = list(paragraphs(lines, 0, first_item))
    if header:
        first, last, text = header[0]
        source.title = text
        source.remove(first, last, "title: used as the source's title", text)
        for first, last, text in header[1:]:
            source.blocks.append(Block("paragraph", text, first, last))
    bounds = [index for index, _ in dates] + [len(lines)]
    for (index, iso), next_index in zip(dates, bounds[1:]):
        source.remove(index + 1, index + 1, "date line: used as the item's date", lines[index])
        item = [Block("paragraph", text, first, last, item_date=iso) for first, last, text in paragraphs(lines, index + 1, next_index)]
        # The byline trails the item's text, run on or on a line of its own ("By Peter Weber");
        # a site's footer line may still follow it.
        for position, last_block in reversed(list(enumerate(item))[-2:]):
            is_last = position == len(item) - 1 or all(_is_footer(block) for block in item[position + 1 :])
            alone = _NAME_LINE.match(last_block.text) if is_last else None
            if alone and len(item) > 1:
                byline = alone.group("name")
                source.remove(last_block.first_line, last_block.last_line, "byline: shown as the item's author", last_block.text)
                del item[position]
                for block in item:
                    block.byline = byline
                break
            match = _TRAILING_NAME.search(last_block.text) if is_last else None
            if match:
                byline = match.group("name")
                last_block.text = last_block.text[: match.start()].rstrip()
                source.remove(last_block.last_line, last_block.last_line, "byline: shown as the item's author", match.group(0).strip())
                for block in item:
                    block.byline = byline
                break
        for position, block in enumerate(item):  # a bare short line between paragraphs is a sub-heading
            if 0 < position < len(item) - 1 and is_subheading(block.text, block.first_line == block.last_line):
                block.kind, block.level = "heading", 2
        source.blocks.extend(item)
    source.metadata = {"published": max((iso for _, iso in dates), default="")}
    return source
