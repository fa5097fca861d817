"""Small helpers the readers share: paragraphs of plain text and lines that are only a date."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import dateparser

from ..datefinder import reads_month_first
from ..model import Block

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_DIGIT_RUN = re.compile(r"\d+")


_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# A line that opens an entry of a list: a bullet, a number, or a date ("- 18 February:", "2. ...",
# "Dec 2016 — ...", "Late April 2019 — ...", "2016-03-14: ...", "26.08.2015 — ...", "Early 1970s - ...",
# "[00:01:02] HOST: ...").
_ENTRY_START = re.compile(
    rf"^\s*(?:[-*•–·]\s+|\d{{1,3}}[.)]\s+|(?:\d{{1,2}}\s+)?{_MONTH_WORD}(?:\s+\d{{1,2}})?,?\s+\d{{4}}\b|"
    rf"\d{{4}}(?:-\d\d){{0,2}}\s*[:—–-]|\d{{1,2}}\s+{_MONTH_WORD}\s*[:—–-]|"
    # added for chronologies: a qualified month or year, a decade, a numeric day; each with its dash
    rf"(?:Early|Late|Mid|End of)[\s-]+(?:\d{{1,2}}\s+)?{_MONTH_WORD}(?:\s+\d{{1,2}})?,?\s+\d{{4}}\s*(?:[:—–]|-\s)|"
    rf"(?:(?:Early|Late|Mid)[\s-]+)?\d{{4}}s?\s*(?:[:—–]|-\s)|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}\s*(?:[:—–]|-\s)|"
    # a transcript's turn, opened by its time code: "[00:01:02] HOST: ...", "(01:02:03) ..."
    rf"[\[(]\d{{1,2}}:\d{{2}}(?::\d{{2}})?[\])]\s)"
)


def _entries(first: int, stop: int, lines: list[str]) -> Iterator[tuple[int, int]]:
    """A run of lines as its list entries when two or more of its lines open one (a list or a
    chronology written line by line), else as one paragraph; 0-based, end exclusive."""
    starts = [index for index in range(first, stop) if _ENTRY_START.match(lines[index])]
    if len(starts) < 2:
        yield first, stop
        return
    bounds = ([first] if starts[0] != first else []) + starts + [stop]
    yield from zip(bounds, bounds[1:])


RULE_LINE = re.compile(r"^\s*(?:-{3,}|={3,}|_{3,}|\*{3,}|~{3,}|-(?:[ \t]+-){2,}|\*(?:[ \t]+\*){2,})\s*$")


def paragraphs(lines: list[str], start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """Yield (first_line, last_line, text) for each run of non-blank lines, or for each entry of a
    list written line by line; lines are 1-based. A rule ("-----") inside a run is a run of its own
    (the cleaner sets it aside), not words of the paragraph around it; under a run's single line,
    and last, it may be a heading's underline and stays."""
    end = len(lines) if end is None else end
    first = None
    for index in range(start, end + 1):
        if index < end and lines[index].strip():
            if first is None:
                first = index
        elif first is not None:
            for run_first, run_stop in _between_rules(first, index, lines):
                for entry_first, entry_stop in _entries(run_first, run_stop, lines):
                    yield entry_first + 1, entry_stop, " ".join(line.strip() for line in lines[entry_first:entry_stop])
            first = None


def _between_rules(first: int, stop: int, lines: list[str]) -> list[tuple[int, int]]:
    """A run of lines cut at its rule lines, each rule a run of its own."""
    if stop - first == 2 and RULE_LINE.match(lines[first + 1]) and not lines[first].rstrip().endswith((".", "!", "?", ":", ";")):
        return [(first, stop)]  # "Title" over "=====": a heading's underline (a sentence over it is not a title)
    runs, begin = [], first
    for index in range(first, stop):
        if RULE_LINE.match(lines[index]) and stop - first > 1:
            if begin < index:
                runs.append((begin, index))
            runs.append((index, index + 1))
            begin = index + 1
    if begin < stop:
        runs.append((begin, stop))
    return runs


def plain_blocks(lines: list[str], start: int = 0, end: int | None = None, **context) -> list[Block]:
    """Every paragraph of plain text as a block, with the same item date and byline."""
    return [Block("paragraph", text, first, last, **context) for first, last, text in paragraphs(lines, start, end)]


_DATELINE_PREFIX = re.compile(r"^(?:published|updated|last updated|posted|date|dated)\s*(?:on)?\s*:?\s*", re.IGNORECASE)


def is_labelled_date_line(line: str) -> bool:
    """A date line with a label such as "Published:" or "Updated": an article's, not a digest's."""
    return bool(_DATELINE_PREFIX.match(line.strip())) and bool(_DATELINE_PREFIX.match(line.strip()).group(0))


def parse_date_line(line: str) -> str | None:
    """The ISO day a line names, when the line is nothing but a date (and perhaps a time).

    A "Published:" or "Updated" label before the date is allowed. A cheap shape check runs first:
    dateparser's language detection is slow on arbitrary text.
    """
    text = _DATELINE_PREFIX.sub("", line.strip())
    if not text or len(text) > 48 or not _YEAR.search(text):
        return None
    words = text.replace(",", " ").split()
    if len(words) > 7 or len(_DIGIT_RUN.findall(text)) < 2:
        return None  # a year alone ("2016") or a month and year is a heading, not a dateline
    return _parse_full_date(text)


# Detecting the language among all of dateparser's locales costs about half a second a line;
# datelines come in a handful of languages, tried in this order.
DATELINE_LANGUAGES = ["en", "ru", "ar", "fr", "de", "es", "tr", "uk", "it"]


def _parse_full_date(text: str) -> str | None:
    """English first (cheap), then the other languages only for lines English cannot read; in
    figures day first, or month first in a seed that writes its dates so (datefinder)."""
    return _parse_full_date_in_order(text, "MDY" if reads_month_first() else "DMY")


@functools.lru_cache(maxsize=4096)
def _parse_full_date_in_order(text: str, order: str) -> str | None:
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": order, "PREFER_LOCALE_DATE_ORDER": False}
    parsed = dateparser.parse(text, languages=DATELINE_LANGUAGES[:1], settings=settings)
    if parsed is None:
        parsed = dateparser.parse(text, languages=DATELINE_LANGUAGES[1:], settings=settings)
    return parsed.date().isoformat() if parsed else None
