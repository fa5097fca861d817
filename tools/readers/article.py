"""Web articles: page chrome, a dateline, a title, then paragraphs and bare sub-heading lines."""

from __future__ import annotations

import re
from collections import Counter

from ..model import Block, Source
from .common import paragraphs
from .datelines import dateline, is_record_of_days

NAME = "web-article"
DEFAULT_KIND = "web-article"

_SENTENCE_END = tuple('.!?:;"”’)…')


# "By Jane Doe", "By Jane Doe and John Roe", "By Aigerim Zhunusova, STA diplomatic correspondent".
BYLINE = re.compile(r"^[Bb]y\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}(?:\s+and\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})?)(?:,[^.]{0,60})?$")
HEAD_LINES = 15  # how many non-blank lines of page top may precede the dateline


def is_prose(text: str) -> bool:
    """A run of sentences: text with sentence-ending punctuation inside it or at its end."""
    return bool(re.search(r"[.!?][\"”’)]?(\s+[A-Z\"“]|$)", text.strip())) and len(text.split()) >= 6


def is_chrome(text: str) -> bool:
    """Interface labels glued together: many words, no sentences, the same word again and again."""
    words = text.lower().split()
    if len(words) < 8 or is_prose(text):
        return False
    return Counter(words).most_common(1)[0][1] / len(words) >= 0.15 or len(words) > 40


PROSE_BEFORE_DATELINE = 1  # a cookie notice may stand above the dateline, not an article's text
PROSE_BEFORE_LABELLED_DATELINE = 3  # ... and a standfirst too above one that says what it is ("Published 12 July 2021")


def _dateline(lines: list[str]) -> tuple[int, str] | None:
    """The first dateline near the top (datelines.py), when at most one line of prose (a cookie
    notice) stands before it, or three (a question headline, a standfirst) before a labelled one
    ("Published 12 July 2021") that more text follows."""
    seen = prose = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > HEAD_LINES:
            return None
        found = dateline(line)
        if found and (prose <= PROSE_BEFORE_DATELINE or (found.label and prose <= PROSE_BEFORE_LABELLED_DATELINE and _more_prose_after(lines, index, prose))):
            return index, found.iso
        if found:
            return None
        prose += is_prose(line)
        if prose > PROSE_BEFORE_LABELLED_DATELINE:
            return None
    return None


def _more_prose_after(lines: list[str], index: int, before: int) -> bool:
    """Whether the text goes on below the dateline, longer than what stood above it: a page's top,
    not a page whose date is printed below its text."""
    return sum(is_prose(line) for line in lines[index + 1 :]) > before


def looks_like(lines: list[str]) -> bool:
    """A dateline near the top, after at most a little page chrome (and not a record of days
    under headings in capitals, whose first heading would look like one)."""
    return _dateline(lines) is not None and not is_record_of_days(lines)


def is_subheading(text: str, single_line: bool) -> bool:
    """A bare short line without closing punctuation, such as 'Peace process'."""
    words = text.split()
    return (
        single_line
        and 0 < len(words) <= 12
        and len(text) <= 90
        and not text.endswith(_SENTENCE_END)
        and not text[0].islower()
    )


def read(file: str, lines: list[str]) -> Source:
    source = Source(file=file, kind=DEFAULT_KIND, title="", line_count=len(lines), lines=lines)
    found = _dateline(lines)
    assert found is not None, "the article reader is only chosen when a dateline exists"
    index, iso = found
    # A headline may stand on the last line above the dateline; anything else up there is chrome.
    head_end = index
    above = next((number for number in range(index - 1, -1, -1) if lines[number].strip()), None)
    if above is not None and len(lines[above].strip()) <= 200 and not is_chrome(lines[above]) and not is_prose(lines[above]):
        source.title = " ".join(lines[above].split())
        source.remove(above + 1, above + 1, "title: used as the source's title", lines[above])
        head_end = above
    for first, last, text in paragraphs(lines, 0, head_end):
        source.remove(first, last, "page chrome before the dateline", text)
    source.remove(index + 1, index + 1, "dateline: used as the article's date", lines[index])
    source.metadata = {"published": iso}
    body_start = index + 1
    while body_start < len(lines) and lines[body_start].strip() and dateline(lines[body_start]):
        source.remove(body_start + 1, body_start + 1, "second dateline (such as \"Updated\"): read as part of the article's date", lines[body_start])
        body_start += 1
    body = list(paragraphs(lines, body_start))
    if not source.title and body and body[0][0] == body[0][1] and len(body[0][2]) <= 200 and not is_prose(body[0][2]):
        first, last, text = body.pop(0)
        source.title = text
        source.remove(first, last, "title: used as the source's title", text)
    byline = next((match.group("name") for _, _, text in body[:3] + body[-2:] if (match := BYLINE.match(text))), None)
    for position, (first, last, text) in enumerate(body):
        if byline and BYLINE.match(text):
            source.remove(first, last, "byline: shown as the article's author", text)
            source.metadata["author"] = byline
            continue
        followed = position + 1 < len(body)
        if followed and is_subheading(text, first == last):
            source.blocks.append(Block("heading", text, first, last, level=2, item_date=iso, byline=byline))
        else:
            source.blocks.append(Block("paragraph", text, first, last, item_date=iso, byline=byline))
    return source
