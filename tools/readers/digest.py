"""News digests and chronologies: items each opened by a dateline.

An item opens with a line that is a dateline ("September 18, 2018", "GENEVA, 2013-09-14 (MWS) --",
"DAMASCUS | Tuesday 7 February 2012 | By Lena Harcourt") or with a paragraph whose first words are
one ("12 Nov. 2015 - Russia and Turkey agree ..."). The lines right above a dateline that belong
to no paragraph of their own ("ITEM 3", a rule of dashes) are the item's header. The author's name
may trail the last paragraph of an item ("... foreign reports." Peter Weber), stand on its own
line, or sit in the dateline: it becomes the item's byline rather than passage text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..datefinder import explicit_mentions
from ..model import Block, PartialDate, Source, parse_iso
from .article import is_subheading
from .common import paragraphs
from .datelines import Dateline, age_stamp, capture_time, dateline, dateline_prefix, numeric_order

NAME = "news-digest"
DEFAULT_KIND = "news-digest"

# A name of two or three capitalised words after the sentence's closing punctuation, perhaps
# introduced by a dash or "By".
_TRAILING_NAME = re.compile(
    r"(?<=[.!?\"”’)])\s+(?:[—–-]\s*|[Bb]y\s+)?(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]*\.?)?(?: (?:[A-Z][a-zA-Z'’-]+)){1,2})\s*$"
)
_NAME_LINE = re.compile(r"^(?:[Bb]y\s+|[—–-]\s*)?(?P<name>[A-Z][a-z]+(?:[ -][A-Z]\.?)?(?: [A-Z][a-zA-Z'’-]+){1,2})$")
_RULE = re.compile(r"^\s*[-=_*~#.·•]{3,}\s*$")


TITLE_CHARACTERS = 100  # a masthead's first line short enough to be its title


@dataclass(frozen=True)
class ItemStart:
    index: int  # 0-based line of the dateline
    dateline: Dateline
    text_from: int  # where the line's own text starts (0: a dateline line, no text after it)


def item_starts(lines: list[str], reference: str = "") -> list[ItemStart]:
    """Every line that opens an item: a dateline followed by text, or a line that opens with a
    dateline and goes on with its text. A "Published:" line opens an item only in a document that
    has two items opened otherwise: alone, it is an article's. A wire's yearless dateline
    ("MOSCOW, March 14 (Wire) -") takes its year from the document (`_complete_years`)."""
    found, labelled = [], []
    captured = capture_time(lines)
    for index, line in enumerate(lines):
        if not line.strip() or len(line) > 2000:
            continue
        whole = dateline(line, yearless=True)
        if whole is None and captured is not None:
            whole = age_stamp(line, captured)  # "Y. Haddad · 2 days ago" on a page saved on 20 September
        if whole is not None:
            following = next((other for other in lines[index + 1 : index + 6] if other.strip()), None)  # an email's "Sent:" above its blanked "To:" and "Subject:"
            if following is not None and dateline(following) is None:
                (labelled if whole.label else found).append(ItemStart(index, whole, 0))
            continue
        opening = dateline_prefix(line.strip(), yearless=True)
        if opening is not None and (index == 0 or not lines[index - 1].strip() or _is_list_line(line)):
            found.append(ItemStart(index, opening[0], len(line) - len(line.lstrip()) + opening[1]))
    if len(found) >= 2:
        found = sorted(found + [start for start in labelled if _stands_alone(lines, start.index)], key=lambda start: start.index)
    day_first = numeric_order([start.dateline for start in found])
    found = [ItemStart(start.index, start.dateline.in_order(day_first), start.text_from) for start in found]
    return _complete_years(found, lines, parse_iso(reference) if reference else None)


def _stands_alone(lines: list[str], index: int) -> bool:
    """A "Published:" line not right under another dateline (an article's "Updated" pair)."""
    above = next((line for line in reversed(lines[max(0, index - 3) : index]) if line.strip()), None)
    return above is None or dateline(above) is None


_YEAR_HEADING = re.compile(r"^[\s=#*_\-–—\[\]()|]*(?P<year>1[89]\d\d|20[0-4]\d)[\s=#*_\-–—\[\]():|]*$")


def _complete_years(starts: list[ItemStart], lines: list[str], known: PartialDate | None = None) -> list[ItemStart]:
    """Give each yearless dateline its year: that of a year heading above it ("== 2011 =="), after
    the item before, or above the items before while their dates agree with it (an item dated in
    another year under the heading shows the heading no longer holds); else the year that puts it nearest the item before (or, for the first items,
    the nearest full date above them: the digest's title or publication line; failing that, the
    first dated item after). Wires run in order of time, forwards or backwards, and seldom span more
    than months, so "December 30" after "January 2, 2016" is 2015. With no full date anywhere the
    items stay undated: a guessed year would be a wrong date."""
    completed: list[ItemStart] = []
    reference = (_last_full_date(lines[: starts[0].index]) if starts else None) or known
    masthead = masthead_year(lines[: starts[0].index]) if starts and reference is None else None
    if reference is None:
        reference = next((parse_iso(start.dateline.iso) for start in starts if start.dateline.iso), None)
    previous_index, section_year = 0, masthead
    for start in starts:
        line_dateline = start.dateline
        heading_year = next((int(m.group("year")) for line in reversed(lines[previous_index : start.index]) if (m := _YEAR_HEADING.match(line)) and line.strip()), None)
        section_year = heading_year if heading_year is not None else section_year
        if line_dateline.month_day is not None:
            if heading_year is None and section_year is not None and (reference is None or reference.year == section_year):
                heading_year = section_year  # "Dec. 11" after "20 January 2017" under "--- 2017 ---": still 2017
            year = heading_year if heading_year is not None else nearest_year(line_dateline.month_day, reference) if reference else None
            if year is not None and PartialDate.valid(year, *line_dateline.month_day):
                line_dateline = line_dateline.with_year(year)
        if line_dateline.iso:
            reference = parse_iso(line_dateline.iso)
        completed.append(ItemStart(start.index, line_dateline, start.text_from))
        previous_index = start.index + 1
    return completed


def _last_full_date(lines: list[str]) -> PartialDate | None:
    """The last full date of the lines that date a document: a dateline, a labelled date
    ("Compiled: 16 March 2016") or a title. An introduction's "since 30 September 2015" is
    background: the wire's items are not of that year for it."""
    mentions = [m for line in lines if _dates_the_document(line) for m in explicit_mentions(line) if m.date.year is not None and m.date.day is not None]
    return mentions[-1].date if mentions else None


def masthead_year(lines: list[str]) -> int | None:
    """The one year a digest's masthead gives ("the UN desk · short items · 2012") when it gives
    no full date: the year of its day-and-month datelines, as a year heading would be."""
    years = {int(found) for line in lines if _dates_the_document(line) for found in _MASTHEAD_YEAR.findall(line)}
    return years.pop() if len(years) == 1 else None


_MASTHEAD_YEAR = re.compile(r"(?<![\d/.-])(1[89]\d\d|20[0-4]\d)(?![\d/.-])")
_DATE_LABEL = re.compile(r"^\s*[A-Z][A-Za-z ]{0,24}:\s")  # "Compiled:", "Date:", "Last updated:"
_TITLE_WORDS = 14


def _dates_the_document(line: str) -> bool:
    text = line.strip()
    if not text:
        return False
    if dateline(text) is not None or _DATE_LABEL.match(text):
        return True
    return len(text.split()) <= _TITLE_WORDS and not text.endswith((".", "!", "?", ";", ":"))


def nearest_year(month_day: tuple[int, int], reference: PartialDate) -> int | None:
    """None when no year near the reference has that day (29 February)."""
    month, day = month_day
    target = reference.first_day()
    candidates = [year for year in (reference.year - 1, reference.year, reference.year + 1) if PartialDate.valid(year, month, day)]
    return min(candidates, key=lambda year: (abs((dt.date(year, month, day) - target).days), year)) if candidates else None


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
    """Rules of dashes between items are layout, not text, and a year heading between them
    ("--- 2017 ---") gives the year of the datelines below it (`_complete_years`): set aside, so
    neither stands as a passage dated by the item above it."""
    kept = []
    for block in blocks:
        if _RULE.match(block.text):
            source.remove(block.first_line, block.last_line, "rule between items", block.text)
        elif block.first_line == block.last_line and _YEAR_HEADING.match(block.text):
            source.remove(block.first_line, block.last_line, "year heading: gives the year of the items below it", block.text)
        else:
            kept.append(block)
    return kept


def wrap_width(lines: list[str], datelines: set[int]) -> int | None:
    """The width a hard-wrapped document was wrapped at (the longest of its lines, datelines
    aside, that run on to another line), or None when too few lines run on to tell."""
    wrapped = sorted(len(line.rstrip()) for index, (line, below) in enumerate(zip(lines, lines[1:])) if index not in datelines and line.strip() and below.strip())
    return wrapped[len(wrapped) * 9 // 10] if len(wrapped) >= 5 else None


def _runs_on(lines: list[str], index: int, wrap: int | None) -> bool:
    """Whether the text after a dateline is the start of a paragraph hard-wrapped onto the next
    line ("04/02 — NEW YORK. Russia and China" / "voted down the draft …"), not a headline over
    its item: the next line goes on in lower case, or the dateline's line is as full as the
    document's wrapped lines."""
    following = lines[index + 1].strip()
    if following[:1].islower():
        return True
    return wrap is not None and len(lines[index].rstrip()) >= 0.85 * wrap


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


_MARKDOWN_HEADING = re.compile(r"^(?P<marks>#{1,6})\s+(?P<text>\S.*?)\s*#*\s*$")


def _is_prose(text: str) -> bool:
    """A paragraph of sentences, not a masthead: longer than a title, ending as a sentence does."""
    return len(text.split()) > _TITLE_WORDS and text.rstrip().endswith((".", "!", "?", ".”", ".\""))


def read(file: str, lines: list[str], reference: str = "") -> Source:
    """`reference`: a day known from outside the text (an email's Date), for yearless datelines."""
    source = Source(file=file, kind=DEFAULT_KIND, title="", line_count=len(lines), lines=lines)
    starts = item_starts(lines, reference)
    headers = [_header_lines(lines, start.index, previous.index + 1 if previous else 0, previous is None) for previous, start in zip([None, *starts], starts)]
    header = _without_rules(source, [Block("paragraph", text, first, last) for first, last, text in paragraphs(lines, 0, headers[0] if starts else len(lines))])
    if header and _is_prose(header[0].text):
        source.blocks += header  # a message's own text above the ones it quotes: no masthead
        header = []
    named = next((block for block in header if _MARKDOWN_HEADING.match(block.text) and block.first_line == block.last_line), None)
    if named is not None and named is not header[0]:  # "[Skip to content]" over "# Cedar & Steel": the page's own heading names it
        source.title = _MARKDOWN_HEADING.match(named.text).group("text")
        source.remove(named.first_line, named.last_line, "title: used as the source's title", named.text)
        source.blocks += [block for block in header if block is not named]
        header = []
    if header:
        masthead = header[0]
        first_line = " ".join(lines[masthead.first_line - 1].split())
        if masthead.last_line > masthead.first_line and len(first_line) <= TITLE_CHARACTERS:
            # "NORDWIRE :: SYRIA DESK :: SELECTED COPY" over lines about the copy: the first names it
            source.title = first_line
            source.remove(masthead.first_line, masthead.first_line, "title: used as the source's title", first_line)
            rest = " ".join(" ".join(line.split()) for line in lines[masthead.first_line : masthead.last_line])
            source.remove(masthead.first_line + 1, masthead.last_line, "masthead: the lines under the title", rest)
        else:
            marks = _MARKDOWN_HEADING.match(masthead.text) if masthead.first_line == masthead.last_line else None
            source.title = marks.group("text") if marks else masthead.text  # "# Cedar & Steel": its heading marks are no part of the name
            source.remove(masthead.first_line, masthead.last_line, "title: used as the source's title", masthead.text)
        source.blocks += header[1:]
    ends = headers[1:] + [len(lines)]
    wrap = wrap_width(lines, {start.index for start in starts})
    headlines: list[Block] = []  # a Markdown heading closing an item (or the page's header): the next item's title
    if starts and source.blocks and _MARKDOWN_HEADING.match(source.blocks[-1].text) and source.blocks[-1].first_line == source.blocks[-1].last_line:
        headlines.append(source.blocks.pop())
    for start, header_start, end in zip(starts, headers, ends):
        for headline in headlines:
            marks = _MARKDOWN_HEADING.match(headline.text)
            source.blocks.append(Block("heading", marks.group("text"), headline.first_line, headline.last_line, level=min(len(marks.group("marks")), 3), item_date=start.dateline.iso))
        headlines = []
        for number in range(header_start, start.index):
            source.remove(number + 1, number + 1, "item header", lines[number])
        line = lines[start.index]
        source.remove(start.index + 1, start.index + 1, "dateline: used as the item's date", line[: start.text_from] if start.text_from else line)
        item: list[Block] = []
        if start.text_from:
            item.append(Block("item", " ".join(line[start.text_from :].split()), start.index + 1, start.index + 1, item_date=start.dateline.iso))
        item += [Block("paragraph", text, first, last, item_date=start.dateline.iso) for first, last, text in paragraphs(lines, start.index + 1, end)]
        if start.text_from and len(item) > 1 and item[1].first_line == start.index + 2 and _runs_on(lines, start.index, wrap):
            item[0:2] = [Block("item", item[0].text + " " + item[1].text, item[0].first_line, item[1].last_line, item_date=start.dateline.iso)]
        item = _without_rules(source, item)
        if len(item) > 1 and _MARKDOWN_HEADING.match(item[-1].text) and item[-1].first_line == item[-1].last_line:
            following = item.pop()  # "### Tartus for another half-century" over the next post's dateline: its headline
            headlines.append(following)
        byline = _byline(source, item) or start.dateline.byline or None
        for position, block in enumerate(item):
            block.byline = byline
            headline = block.text.strip("\"“”'‘’ ")  # an episode's or item's title, perhaps in quotes
            if position < len(item) - 1 and headline and is_subheading(headline, block.first_line == block.last_line):  # a bare short line above paragraphs
                block.kind, block.level = "heading", 2
        source.blocks.extend(item)
    source.metadata = {"published": max((start.dateline.iso for start in starts), default="")}
    return source
