"""Tables exported as CSV or TSV (`.csv`, `.tsv`): a timeline or an incident list kept in a
spreadsheet, one row per event.

The standard library's `csv` module reads the file (its `Sniffer` tells the delimiter and whether
the first row names the columns), so quoted cells that hold commas or run over several lines are
one cell. Each data row becomes one passage, cited by its own lines: its cells as written, joined
by " | " as a Markdown table's are (readers/frontmatter.py). Three kinds of column are not text:
a column named like a date ("date", "when", "day") whose cells are dates gives each row its date,
as a dateline gives a news item's; a column of "day"/"month"/"year" ("range", "approximate") beside it says
how precise that date is; a column of row numbers ("row_id", "#") only counts. Their cells are accounted for as
removals, with the header row. A file the module cannot read as a table is plain text.
"""

from __future__ import annotations

import csv
import io
import re

from ..datefinder import find_dates
from ..model import Block, PartialDate, Source

NAME = "table-export"
DEFAULT_KIND = "timeline"
SUFFIXES = (".csv", ".tsv")

_DATE_NAME = re.compile(r"^\s*(?:date|dates|when|day|time|period|date\s*\(.*\)|event[\s_]date)\s*$", re.IGNORECASE)
# A date column with a qualifier ("date_event", "date reported", "published_on"): the time of the
# row's event comes first, then a plain date, then the day the row was recorded.
_QUALIFIED_DATE_NAME = re.compile(r"(?:^|[\W_])(?:date|dated|when|day|on)(?:$|[\W_])", re.IGNORECASE)
_EVENT_WORD = re.compile(r"event|occur|incident|happen|start|began", re.IGNORECASE)
_RECORD_WORD = re.compile(r"report|publish|post|log|record|updat|modif|added|enter|retriev|access|captur|creat|upload|edit|filed|issued", re.IGNORECASE)
_PRECISION_NAME = re.compile(r"precision|accuracy|granularity", re.IGNORECASE)
_PRECISIONS = {"day", "month", "year", "range", "week", "decade", "exact", "approximate", "approx", "circa", "estimated", "unknown", ""}
_COUNTER_NAME = re.compile(r"^\s*(?:#|no\.?|n|id|row|row[\s_-]?id|row[\s_-]?no|number|index)\s*$", re.IGNORECASE)
_RANGE = re.compile(r"^\s*(\S+)\s*(?:/|–|—|\s-\s|\bto\b)\s*(\S+)\s*$")
SAMPLE_CHARS = 20_000


def _rows(lines: list[str]) -> tuple[list[tuple[int, int, list[str]]], bool] | None:
    """Every record with its first and last line (1-based), and whether the first names the
    columns; None when the text is not a table of two columns or more."""
    text = "\n".join(lines)
    sample = text[:SAMPLE_CHARS]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        has_header = csv.Sniffer().has_header(sample)
    except csv.Error:
        return None
    reader = csv.reader(io.StringIO(text), dialect)
    rows, first = [], 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((first, reader.line_num, cells))
            first = reader.line_num + 1
    except csv.Error:
        return None
    widths = {len(cells) for _, _, cells in rows}
    if len(rows) < 2 or max(widths) < 2 or len(widths) > 2:
        return None
    return rows, has_header


def looks_like(lines: list[str]) -> bool:
    return _rows(lines) is not None


def _row_date(value: str, precision: str) -> str | None:
    """A date cell as an ISO date: "2013-09-09", "14.09.2013", "Sept 2013"; a range within one
    month ("2013-09-12/2013-09-14") is that month, within one year that year."""
    value = value.strip()
    if not value:
        return None
    ends = _RANGE.match(value)
    parts = [ends.group(1), ends.group(2)] if ends and find_dates(ends.group(1)) and find_dates(ends.group(2)) else [value]
    dates = [found[0][1] for part in parts if (found := find_dates(part))]
    if len(dates) != len(parts) or any(date.year is None for date in dates):
        return None
    first, last = dates[0], dates[-1]
    if (first.year, first.month) == (last.year, last.month) and first.month is not None:
        date = first if len(dates) == 1 else PartialDate(first.year, first.month)
    else:
        date = PartialDate(first.year) if first.year == last.year else None
    if date is None:
        return None
    if precision == "month" and date.month is not None:
        date = PartialDate(date.year, date.month)
    elif precision == "year":
        date = PartialDate(date.year)
    return date.iso()


def _date_columns(header: list[str], rows: list[list[str]]) -> tuple[int | None, list[int]]:
    """The column that dates each row, and the other columns of dates: a column named like a
    date ("date", "when") whose filled cells are all dates; of several ("date_reported",
    "date_event"), the one of the event before a plain one, and a plain one before the day the
    row was recorded (reported, published, logged, updated)."""
    plain = _column(header, rows, _DATE_NAME, _is_date)
    found = [index for index in range(len(header)) if index == plain or (_QUALIFIED_DATE_NAME.search(header[index]) and _all_cells(rows, index, _is_date))]

    def rank(index: int) -> tuple[int, int]:
        name = header[index]
        return (0 if _EVENT_WORD.search(name) else 2 if _RECORD_WORD.search(name) else 1, index)

    if not found:
        return None, []
    chosen = min(found, key=rank)
    return chosen, [index for index in found if index != chosen and _RECORD_WORD.search(header[index])]


def _is_date(cell: str) -> bool:
    return bool(find_dates(cell))


def _all_cells(rows: list[list[str]], index: int, fits) -> bool:
    cells = [row[index].strip() for row in rows if index < len(row) and row[index].strip()]
    return bool(cells) and all(fits(cell) for cell in cells)


def _column(header: list[str], rows: list[list[str]], name: re.Pattern, fits) -> int | None:
    """The first column whose name matches and whose filled cells all fit."""
    return next((index for index, title in enumerate(header) if name.search(title) and _all_cells(rows, index, fits)), None)


def read(file: str, lines: list[str]) -> Source:
    source = Source(file=file, kind=DEFAULT_KIND, title="", line_count=len(lines), lines=lines)
    found = _rows(lines)
    assert found is not None, "the table reader is only chosen for a table"
    rows, has_header = found
    header = rows[0][2] if has_header else []
    if has_header:
        first, last, _ = rows[0]
        source.remove(first, last, "table header: the column names, over the rows", "\n".join(lines[first - 1 : last]))
        rows = rows[1:]
    cells = [row for _, _, row in rows]
    counter = _column(header, cells, _COUNTER_NAME, str.isdigit)
    precision = _column(header, cells, _PRECISION_NAME, lambda cell: cell.lower() in _PRECISIONS)
    date, other_dates = _date_columns(header, cells)
    roles = {counter: "row number: the row's place in the export", precision: "date precision: how precise the row's date is", date: "date column: used as the row's date"}
    roles.update({index: f"date column “{header[index].strip()}”: when the row was recorded (its date when the row gives no other)" for index in other_dates})
    roles.pop(None, None)
    for first, last, row in rows:
        kept = [cell for index, cell in enumerate(row) if index not in roles and cell.strip()]
        for index, why in roles.items():
            if index < len(row) and row[index].strip():
                source.remove(first, last, why, row[index])
        text = " | ".join(" ".join(cell.split()) for cell in kept)
        how = row[precision].strip().lower() if precision is not None and precision < len(row) else ""
        when = _row_date(row[date], how) if date is not None and date < len(row) and row[date].strip() else None
        if when is None and not (date is not None and date < len(row) and row[date].strip()):  # no event date in this row: the day it was reported, whose "today" it tells
            when = next((found for index in other_dates if index < len(row) and row[index].strip() and (found := _row_date(row[index], ""))), None)
        if text:
            source.blocks.append(Block("item", text, first, last, item_date=when))
        elif when:
            source.remove(first, last, "row with a date and no text", "\n".join(lines[first - 1 : last]))
    return source
