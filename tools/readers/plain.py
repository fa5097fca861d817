"""Anything no other reader recognises: paragraphs of plain text, separated by blank lines.

A short first line with no closing punctuation is the document's title; a bare year or month
("2015", "March 2016") on a line of its own, before the entries it heads, is a heading when the
text has two or more (a timeline's years), so that the entries below take their year from it and
no passage reads "2015"; a single one (a report's "February 2026" on its cover) is the
document's date line, set aside with its reason.
"""

from __future__ import annotations

import re

from ..datefinder import explicit_mentions
from ..model import Block, PartialDate, Source
from .article import is_subheading
from .common import plain_blocks
from .datelines import DAY_HEADINGS, capital_heading_date, dateline, in_capitals
from .digest import masthead_year, nearest_year

NAME = "plain-text"
DEFAULT_KIND = "document"

_PERIOD_HEADING = re.compile(
    r"^(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:1[89]\d\d|20[0-4]\d)$"
)


def looks_like(lines: list[str]) -> bool:
    return True


_NOTE_RULE = re.compile(r"^\s*_{5,40}\s*$")  # a short rule: a page's notes start under one
_NOTE_LINE = re.compile(r"^\s*(\d{1,3})\s+\S")
NOTE_STEP = 3  # notes run in order: the next is at most a few numbers on ("12 Su-24 bombers left ..." after note 4 is text)
NOTE_MARKER_REACH = 120  # lines above the notes in which their markers ("until January 2020.4") are looked for


def _note_markers(lines: list[str], above: int) -> set[int]:
    """The note numbers glued to words or stops in the text above the notes ("...two crossings
    on the Turkish border.4", "in 2014,3 the Council")."""
    text = "\n".join(lines[max(0, above - NOTE_MARKER_REACH) : above])
    return {int(number) for number in re.findall(r"(?:(?<=[^\W\d_][.,;:)\]])|(?<=[^\W\d_]{2})|(?<=(?:1[89]|20)\d\d[.,;]))(\d{1,3})(?![\d:]|[.,]\d)", text)}


def _without_footnotes(source: Source, blocks: list[Block], lines: list[str]) -> list[Block]:
    """A report's notes, as its PDF's text gives them: under a short rule of underscores, lines
    each opening with the note's number ("1 Sputnik France, 13 December 2017; ..."), one of them
    marked in the text above ("...until January 2020.4"). They cite sources, and their dates are
    the sources', not events': the note lines are set aside with their reason, block after block
    while the blocks open with notes; a line that is no note ends them, and stays text."""
    kept: list[Block] = []
    position = 0
    while position < len(blocks):
        block = blocks[position]
        above = next((number for number in range(block.first_line - 2, -1, -1) if lines[number].strip()), None)
        if above is None or not _NOTE_RULE.match(lines[above]):
            kept.append(block)
            position += 1
            continue
        run: list[tuple[Block, int, set[int]]] = []  # each block of the notes, the line after its last note, its numbers
        last_number = None
        for candidate in blocks[position:]:
            notes, end = [], None
            for index in range(candidate.first_line - 1, candidate.last_line):
                line = lines[index]
                if not line.strip():
                    continue
                match = _NOTE_LINE.match(line)
                if match is not None and (last_number is None or last_number < int(match.group(1)) <= last_number + NOTE_STEP):
                    last_number = int(match.group(1))
                    notes.append(last_number)
                    end = index + 1
                elif notes and match is None and line.strip()[0].islower():
                    end = index + 1  # a note wrapped onto the next line ("quoted by TASS, 14 December 2017.")
                else:
                    break
            if not notes:
                break
            run.append((candidate, end, set(notes)))
            if end < candidate.last_line:
                break  # the text goes on under the notes
        if not run or not _note_markers(lines, above) & set().union(*(numbers for _, _, numbers in run)):
            kept.append(block)
            position += 1
            continue
        for candidate, last, _ in run:
            source.remove(candidate.first_line, last, "notes of the report (the sources it cites)", "\n".join(lines[candidate.first_line - 1 : last]))
            if last < candidate.last_line:
                rest = " ".join(" ".join(lines[last : candidate.last_line]).split())
                kept.append(Block(candidate.kind, rest, last + 1, candidate.last_line, item_date=candidate.item_date, byline=candidate.byline))
        position += len(run)
    return kept


PERIOD_HEADINGS = 2  # a timeline has several; one bare "February 2026" is a report's cover date


def _split_heading_lines(source: Source, blocks: list[Block], lines: list[str]) -> list[Block]:
    """A block whose first line is a bare year or month, with more lines under it: the heading, then
    the rest. Only in a text with two or more such lines: the years of a timeline."""
    periods = [block for block in blocks if _PERIOD_HEADING.match(lines[block.first_line - 1].strip())]
    if len(periods) < PERIOD_HEADINGS:
        for block in periods:
            if block.first_line == block.last_line:  # a cover's "February 2026": the report's date, which dates none of its passages
                source.remove(block.first_line, block.last_line, "date line: the document's month or year, not a heading of the text below", lines[block.first_line - 1])
        return [block for block in blocks if not (block in periods and block.first_line == block.last_line)]
    found = []
    for block in blocks:
        first = lines[block.first_line - 1].strip()
        if _PERIOD_HEADING.match(first):
            found.append(Block("heading", first, block.first_line, block.first_line, level=2, item_date=block.item_date))
            if block.last_line > block.first_line:
                rest = " ".join(line.strip() for line in lines[block.first_line : block.last_line])
                found.append(Block("paragraph", rest, block.first_line + 1, block.last_line, item_date=block.item_date, byline=block.byline))
        else:
            found.append(block)
    return found


def _is_title(block: Block) -> bool:
    """A first line that names the document: short, one line, no sentence in it, no markup left."""
    text = block.text
    return (
        block.first_line == block.last_line
        and is_subheading(text, True)
        and not _PERIOD_HEADING.match(text)
        and not re.search(r"[.!?;]\s|[\[\]{}<>]", text)
    )


def read(file: str, lines: list[str]) -> Source:
    source = Source(file=file, kind=DEFAULT_KIND, title="", line_count=len(lines), lines=lines)
    blocks = plain_blocks(lines)
    if len(blocks) > 1 and _is_title(blocks[0]):
        source.title = blocks[0].text
        source.remove(blocks[0].first_line, blocks[0].last_line, "title: used as the source's title", blocks[0].text)
        blocks = blocks[1:]
    blocks = _without_footnotes(source, blocks, lines)
    blocks = _dated_by_footer(source, blocks)
    blocks = _dated_by_closing_dates(source, blocks, lines)
    source.blocks = _dated_by_capital_headings(source, _split_heading_lines(source, blocks, lines), lines)
    return source


_CLOSING_HEADING = re.compile(r"\b(?:NOTES?|COMMENTS?|ANNEX(?:ES)?|APPENDIX|APPENDICES|SOURCES|REFERENCES|CONCLUSIONS?|SUMMARY|END)\b")


def _dated_by_capital_headings(source: Source, blocks: list[Block], lines: list[str]) -> list[Block]:
    """A record of meetings or days under headings in capitals, each naming its day: the heading
    line becomes a heading, and the blocks under it, down to the next such heading, are of that
    day (their item date, which "on Monday" or "that day" count from). Only when two or more
    headings do so: one dated line in capitals alone is a dateline or a title. The day is when
    what the blocks tell happened, not when a wire filed it (metadata `dated_by`)."""
    days = [capital_heading_date(lines[block.first_line - 1]) for block in blocks]
    if sum(day is not None for day in days) < DAY_HEADINGS:
        return blocks
    source.metadata["dated_by"] = "day headings"
    found: list[Block] = []
    day = None
    for block, heading in zip(blocks, days):
        if heading is None and block.first_line == block.last_line and in_capitals(block.text) and _CLOSING_HEADING.search(block.text):
            day = None  # "COMPILER'S NOTE", "ANNEX": a part of another kind ends the day's record
        if heading is not None:
            day = heading
            first = lines[block.first_line - 1].strip()
            found.append(Block("heading", " ".join(first.split()), block.first_line, block.first_line, level=2, item_date=day))
            if block.last_line > block.first_line:
                rest = " ".join(line.strip() for line in lines[block.first_line : block.last_line])
                found.append(Block("paragraph", " ".join(rest.split()), block.first_line + 1, block.last_line, item_date=day, byline=block.byline))
            continue
        if day is not None:
            block.item_date = day  # a page's footer date is when it was published; the heading says the day recorded
        found.append(block)
    return found


# A day in brackets closing a paragraph: "(30 Sept.)", "[30.09.2015]", "(7-X-2015)".
_CLOSING_DATE = re.compile(r"\s*(?P<bracketed>[(\[]\s*(?P<inside>[^()\[\]]{3,40}?)\s*[)\]])\s*$")
CLOSING_DATES = 3  # how many paragraphs must close so before the closing date is the document's convention


def _closing_date(text: str) -> tuple[re.Match, PartialDate] | None:
    """The bracketed day a paragraph closes with, when the brackets hold a date and nothing else."""
    match = _CLOSING_DATE.search(text)
    if match is None:
        return None
    mentions = explicit_mentions(match.group("inside"))
    if len(mentions) != 1 or mentions[0].date.day is None or match.group("inside")[mentions[0].end :].strip(" .,") or mentions[0].start > 0:
        return None
    return match, mentions[0].date


def _dated_by_closing_dates(source: Source, blocks: list[Block], lines: list[str]) -> list[Block]:
    """A digest whose items close with the day they were filed, in brackets ("... for military
    help. (30 Sept.)"): each such paragraph is an item of that day, its year, when not given,
    the one nearest the document's own date (its masthead's "mailed 2 December 2015"); the date
    is set aside from the text. Only when several paragraphs close so: one bracketed date is a
    citation, not a convention."""
    closing = [(block, found) for block in blocks if (found := _closing_date(block.text)) is not None]
    if len(closing) < CLOSING_DATES:
        return blocks
    first = min(block.first_line for block, _ in closing)
    reference = next((m.date for line in lines[: first - 1] for m in explicit_mentions(line) if m.date.year is not None and m.date.day is not None), None)
    masthead = masthead_year(lines[: first - 1]) if reference is None else None
    for block, (match, date) in closing:
        if date.year is None:
            year = nearest_year((date.month, date.day), reference) if reference else masthead
            date = PartialDate(year, date.month, date.day) if year is not None and PartialDate.valid(year, date.month, date.day) else None
        block.text = block.text[: match.start()].rstrip()
        source.remove(block.last_line, block.last_line, "closing date: used as the item's date", match.group("bracketed"))
        block.item_date = date.iso() if date is not None else None
    return blocks


FOOTER_BLOCKS = 3  # where a page states its date below the text ("Published 12 December 2024")


def _dated_by_footer(source: Source, blocks: list[Block]) -> list[Block]:
    """A text whose date stands on a line of its own at its end, or labelled ("Published 12
    December 2024") among its last blocks, as some sites print it: that line is set aside and
    dates the text as an article's dateline would (its publication). A bare date above the last
    block may head a last entry of a timeline: it dates no page."""
    for position in range(len(blocks) - 1, max(0, len(blocks) - 1 - FOOTER_BLOCKS), -1):
        block = blocks[position]
        found = dateline(block.text) if block.first_line == block.last_line else None
        if found is not None and found.iso and position > 0 and (found.label or position == len(blocks) - 1):
            source.remove(block.first_line, block.last_line, "dateline: used as the article's date", block.text)
            source.metadata["published"] = found.iso
            source.metadata["dated_by"] = "publication"
            kept = blocks[:position] + blocks[position + 1 :]
            for other in kept:
                other.item_date = found.iso
            return kept
    return blocks
