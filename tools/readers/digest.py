"""News digests and chronologies: items each opened by a dateline.

An item opens with a line that is a dateline ("September 18, 2018", "GENEVA, 2013-09-14 (MWS) --",
"DAMASCUS | Tuesday 7 February 2012 | By Lena Harcourt") or with a paragraph whose first words are
one ("12 Nov. 2015 - Russia and Turkey agree ..."). The lines right above a dateline that belong
to no paragraph of their own ("ITEM 3", a rule of dashes) are the item's header. The author's name
may trail the last paragraph of an item ("... foreign reports." Peter Weber), stand on its own
line, or sit in the dateline: it becomes the item's byline rather than passage text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Block, Source
from .article import is_subheading
from .common import paragraphs
from .datelines import Dateline, dateline, dateline_prefix

NAME = "news-digest"
DEFAULT_KIND = "news-digest"

# A name of two or three capitalised words after the sentence's closing punctuation, perhaps
# introduced by a dash or "By".
_TRAILING_NAME = re.compile(
    r"(?<=[.!?\"”’)])\s+(?:[—–-]\s*|[Bb]y\s+)?(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]*\.?)?(?: (?:[A-Z][a-zA-Z'’-]+)){1,2})\s*$"
)
_NAME_LINE = re.compile(r"^(?:[Bb]y\s+|[—–-]\s*)?(?P<name>[A-Z][a-z]+(?:[ -][A-Z]\.?)?(?: [A-Z][a-zA-Z'’-]+){1,2})$")
_RULE = re.compile(r"^\s*[-=_*~#.·•]{3,}\s*$")


@dataclass(frozen=True)
class ItemStart:
    index: int  # 0-based line of the dateline
    dateline: Dateline
    text_from: int  # where the line's own text starts (0: a dateline line, no text after it)


def item_starts(lines: list[str]) -> list[ItemStart]:
    """Every line that opens an item: a dateline (not a "Published"/"Updated" line) followed by
    text, or a line that opens with a dateline and goes on with its text."""
    found = []
    for index, line in enumerate(lines):
        if not line.strip() or len(line) > 2000:
            continue
        whole = dateline(line)
        if whole is not None:
            following = next((other for other in lines[index + 1 : index + 4] if other.strip()), None)
            if not whole.label and following is not None and dateline(following) is None:
                found.append(ItemStart(index, whole, 0))
            continue
        opening = dateline_prefix(line.strip())
        if opening is not None and (index == 0 or not lines[index - 1].strip() or _is_list_line(line)):
            found.append(ItemStart(index, opening[0], len(line) - len(line.lstrip()) + opening[1]))
    return found


def _is_list_line(line: str) -> bool:
    return bool(re.match(r"^\s*(?:[-*•–]\s+|\d+[.)]\s+)", line))


def looks_like(lines: list[str]) -> bool:
    """Two or more items opened by datelines: a digest of dated items, or a chronology."""
    return len(item_starts(lines[:5000])) >= 2


def _is_footer(block: Block) -> bool:
    """A site's closing line after the byline ("See More Speed Reads"): short, no sentence."""
    return len(block.text.split()) <= 6 and not block.text.rstrip().endswith((".", "!", "?", '"', "”"))


_ITEM_LABEL = re.compile(r"^\s*(?:[A-Z][A-Za-z]{0,10}\.?\s*)?#?\d{1,4}[.:)]?\s*$")  # "ITEM 3", "No. 4", "#12"


def _header_lines(lines: list[str], start: int, lower_bound: int, first_item: bool) -> int:
    """The first line of the item header right above a dateline: contiguous non-blank lines
    ("ITEM 3", "-----") that are not sentences. Above the first item, only such labels and rules:
    a line there may be the document's title. `lower_bound` is the line after the last item start."""
    first = start
    while first - 1 >= lower_bound:
        line = lines[first - 1]
        if first_item and not (_RULE.match(line) or _ITEM_LABEL.match(line)):
            break
        if not line.strip() or line.rstrip().endswith((".", "!", "?")) or len(line) > 80:
            break
        first -= 1
    return first


def _without_rules(source: Source, blocks: list[Block]) -> list[Block]:
    """Rules of dashes between items are layout, not text: set aside."""
    kept = []
    for block in blocks:
        if _RULE.match(block.text):
            source.remove(block.first_line, block.last_line, "rule between items", block.text)
        else:
            kept.append(block)
    return kept


def _byline(source: Source, item: list[Block]) -> str | None:
    """The author's name trailing the item's text, run on or on a line of its own; removed."""
    for position, last_block in reversed(list(enumerate(item))[-2:]):
        is_last = position == len(item) - 1 or all(_is_footer(block) for block in item[position + 1 :])
        alone = _NAME_LINE.match(last_block.text) if is_last else None
        if alone and len(item) > 1:
            source.remove(last_block.first_line, last_block.last_line, "byline: shown as the item's author", last_block.text)
            del item[position]
            return alone.group("name")
        match = _TRAILING_NAME.search(last_block.text) if is_last else None
        if match:
            last_block.text = last_block.text[: match.start()].rstrip()
            source.remove(last_block.last_line, last_block.last_line, "byline: shown as the item's author", match.group(0).strip())
            return match.group("name")
    return None


def read(file: str, lines: list[str]) -> Source:
    source = Source(file=file, kind=DEFAULT_KIND, title="", line_count=len(lines), lines=lines)
    starts = item_starts(lines)
    headers = [_header_lines(lines, start.index, previous.index + 1 if previous else 0, previous is None) for previous, start in zip([None, *starts], starts)]
    header = list(paragraphs(lines, 0, headers[0] if starts else len(lines)))
    if header:
        first, last, text = header[0]
        source.title = text
        source.remove(first, last, "title: used as the source's title", text)
        for first, last, text in header[1:]:
            source.blocks.append(Block("paragraph", text, first, last))
    ends = headers[1:] + [len(lines)]
    for start, header_start, end in zip(starts, headers, ends):
        for number in range(header_start, start.index):
            source.remove(number + 1, number + 1, "item header", lines[number])
        line = lines[start.index]
        source.remove(start.index + 1, start.index + 1, "dateline: used as the item's date", line[: start.text_from] if start.text_from else line)
        item: list[Block] = []
        if start.text_from:
            item.append(Block("item", " ".join(line[start.text_from :].split()), start.index + 1, start.index + 1, item_date=start.dateline.iso))
        item += [Block("paragraph", text, first, last, item_date=start.dateline.iso) for first, last, text in paragraphs(lines, start.index + 1, end)]
        item = _without_rules(source, item)
        byline = _byline(source, item) or start.dateline.byline or None
        for position, block in enumerate(item):
            block.byline = byline
            if 0 < position < len(item) - 1 and is_subheading(block.text, block.first_line == block.last_line):  # a bare short line between paragraphs
                block.kind, block.level = "heading", 2
        source.blocks.extend(item)
    source.metadata = {"published": max((start.dateline.iso for start in starts), default="")}
    return source
