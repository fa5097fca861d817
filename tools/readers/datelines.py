"""Datelines: the line that says where and when a news item or an article was filed.

House styles differ: "September 18, 2018", "DAMASCUS | Tuesday 7 February 2012 | By Lena
Harcourt, MWS", "GENEVA, 2013-09-14 (MWS) --", "14/03/2016 -- MOSCOW/GENEVA -- MWS", "ASTANA, 5
May 2017, 18:40 ALMT — STA", "Published 14:05 GMT, 24 Nov 2015", "Moscow, Thursday, 19 April 2018,
12:00 (Moscow time)". What they share: a full date (day, month, year) and, around it, only the
furniture of a dateline (places, agencies and bylines in capitals, weekdays, times, separators),
not prose. A paragraph may also open with one: "MOSCOW, Nov 24 (Reuters) - The Kremlin said...".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..datefinder import explicit_mentions
from ..model import PartialDate
from .common import parse_date_line

MAX_DATELINE = 160
_LABEL = re.compile(r"^\s*(?:last\s+)?(?P<label>published|updated|posted|modified|date|dated|filed|recorded|broadcast|aired|released|issued)\b\s*(?:on|at)?\s*:?\s*", re.IGNORECASE)
# "By Lena Harcourt", or a site's user name ("Posted on 12/12/2024 by admin").
_BYLINE = re.compile(r"\b[Bb]y\s+(?P<name>(?:[A-Z][\w'’.-]+|(?!(?:the|a|an|our|its)\b)[a-z][\w.-]*$)(?:\s+[A-Z][\w'’.-]+){0,3})")
_TIME = re.compile(r"\b\d{1,2}[:.h]\d{2}\b(?:\s*[aApP]\.?[mM]\.?)?(?:\s*\(?[A-Z]{2,5}\b\)?)?")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# Lower-case words a dateline may hold besides names: "Latakia province", "(Moscow time)".
_FURNITURE = frozenset(
    "by and of the de al el ad province governorate region local time updated published posted on at in from via "
    "agencies agency wire wires news service staff our special correspondent correspondents reporter reporters desk "
    "min mins minute minutes read reading time bureau office edition newsroom dispatch bulletin update "
    "post posts reply replies quote pm am same day evening morning night afternoon live broadcast aired recorded issue supplement "
    "ago captured saved archived edited an a hour hours days week weeks month months year years".split()  # "| 7 min read", "| Broadcast: same evening", "posted 3 days ago · captured 18 Mar 2016"
)
# A page's view counter beside its date: "3 214 views" (a number before the word: "Russia shares
# views on Syria" is a headline). A count of comments, likes or shares is not furniture here: it
# made comment sections' lines datelines, and dated more passages wrongly than rightly.
_COUNTER = re.compile(r"\b\d[\d\s,.]*\s(?:views?|reads?)\b", re.IGNORECASE)
# A forum's or channel's user handle beside a post's date: "Post by navalwatcher »", "#12 ivan_k —",
# "navalwatcher wrote", "Quote from: navalwatcher on", "(@ivank)".
_HANDLE = re.compile(
    r"(?:\b(?:[Pp]ost(?:ed)?\s+by|[Qq]uote\s+from:?|[Ff]rom:)\s+@?[\w.-]+"
    r"|^\s*(?:#|[Nn]o\.?\s*)\d+\s+(?:[·•|—–-]\s+)?@?[\w.-]+"
    r"|(?<![\w.@-])(?:@[\w.-]+|[a-z0-9_][\w.-]*)\s+(?:wrote|posted)\b"  # a handle, not "Lavrov wrote"
    r"|\(@\w+\)|(?<![\w.@-])@\w[\w.-]*)"  # a bare "@handle" too: no prose word starts so
)
# An email client's line over a quoted message: its address and "wrote:" are furniture.
_ATTRIBUTION = re.compile(r"<[^<>\s]+@[^<>\s]+>|\[mailto:[^\]]+\]|\bwrote\s*:?\s*$")
# A labelled dateline's note of a later revision, after its date: furniture, whatever it says.
_REVISION_NOTE = re.compile(r"(?:^|\s)(?:[-—–|·•;,(/.]\s*)?(?:last\s+)?(?:revised|updated|amended|corrected|edited|modified|changed|republished)\b", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s+(?:--|—|–|-|\|)\s+|:\s+")  # "MOSCOW, Nov 24 (Wire) - ...", "ANKARA (Wire) — Tuesday, 24 Nov 2015: ..."
_COLON = ":"
_FOOTNOTE = re.compile(r"^\d{1,3}\s+[A-Z]")  # a note's number before the source it cites


@dataclass(frozen=True)
class Dateline:
    iso: str  # the day it names ("" while a wire's yearless date waits for its year)
    label: str = ""  # "published", "updated", ... when the line says which date it is
    byline: str = ""
    month_day: tuple[int, int] | None = None  # a wire's "MOSCOW, March 14 (Wire)": month and day, year from the context
    numbers: tuple[int, int] | None = None  # "04/02 — NEW YORK": day and month in an order the document settles

    def with_year(self, year: int) -> Dateline:
        month, day = self.month_day
        return Dateline(f"{year:04d}-{month:02d}-{day:02d}", self.label, self.byline, None)

    def in_order(self, day_first: bool | None) -> Dateline:
        """A numeric dateline read day-first or month-first; None: the order is unknown, no date."""
        if self.numbers is None or day_first is None:
            return Dateline(self.iso, self.label, self.byline, self.month_day)
        first, second = self.numbers
        return Dateline("", self.label, self.byline, (second, first) if day_first else (first, second))


def _furniture_only(rest: str) -> bool:
    words = _WORD.findall(rest)
    lower = [word for word in words if word[0].islower() and word.lower().strip(".") not in _FURNITURE]
    return len(words) <= 16 and not lower


# What makes a yearless date a wire's dateline rather than a stray "March 14": a place in capitals
# ("MOSCOW") or an agency in parentheses ("(Reuters)") beside it.
_WIRE_MARK = re.compile(r"\b[A-Z][A-Z'’-]{2,}\b|\([A-Z][\w .&-]{1,30}\)")
# A day and month in figures without a year: "04/02", or "MON 08.01" (with a dot only beside a
# weekday, since "14.05" alone is as often a time). Which figure is the day, the document says
# (`numeric_order`).
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?,?"
_NUMERIC_DAY_MONTH = re.compile(
    rf"(?<![\w/.:-])(?:(?P<weekday>{_WEEKDAY})\s+)?(?P<first>\d{{1,2}})(?P<separator>[/.])(?P<second>\d{{1,2}})(?![\w/.:-]|\.\d)",
    re.IGNORECASE,
)


def dateline(line: str, yearless: bool = False, entry: bool = False) -> Dateline | None:
    """The dateline a line is, or None: a full date with nothing but dateline furniture around it.
    With `yearless`, also a wire's dateline without a year ("MOSCOW, March 14 (Wire)"), whose year
    the caller completes from the document (`Dateline.month_day`); with `entry` too, a
    chronology entry's bare day ("5 Dec" before its colon), which has no wire's mark."""
    text = line.strip()
    if not text or len(text) > MAX_DATELINE or (text.startswith("|") and text.endswith("|")):
        return None  # (a Markdown table's row: its date is a cell's)
    label_match = _LABEL.match(text)
    label = label_match.group("label").lower() if label_match else ""
    mentions = explicit_mentions(text)
    full = [m for m in mentions if m.date.year is not None and m.date.day is not None]
    month_day, numbers = None, None
    if full:
        first = full[0]
        if _FOOTNOTE.match(text) and first.start > 0 and (";" in text or text.endswith(".")):
            return None  # "1 Sputnik France, 13 December 2017; Interfax, ...": a report's note citing its sources
        rest = text[: first.start] + " " + text[first.end :]
        iso = _posted_before(text, first.date, first.end)
    elif yearless and (days := [m for m in mentions if m.date.year is None and m.date.day is not None]):
        first = days[0]
        rest = text[: first.start] + " " + text[first.end :]
        if not _WIRE_MARK.search(rest) and not entry:
            return None
        iso, month_day = "", (first.date.month, first.date.day)
    elif yearless and (numeric := _numeric_day_month(text)) is not None:
        numbers, start, end = numeric
        rest = text[:start] + " " + text[end:]
        if not _WIRE_MARK.search(rest) and rest.strip(" -—–|:>»·.") != "":
            return None
        iso = ""
    else:
        iso = parse_date_line(text)  # a line that is only a date, in another language ("19 апреля 2018")
        if iso is None:
            return None
        rest = ""
    if label and (revision := _REVISION_NOTE.search(rest)) and len(rest[revision.start() :].split()) <= 12:
        rest = rest[: revision.start()]  # "Posted on 24 October 2019 — revised 16:40, adding the Amuda patrol"
    if full and (before_revision := rest[: revision.start()] if (revision := _REVISION_NOTE.search(rest)) else rest):
        if any(other.date != first.date for other in explicit_mentions(before_revision) if other.date.year is not None and other.date.day is not None):
            return None  # two days, the second not an update's: a list of sources or events, not a dateline
    rest = _ATTRIBUTION.sub(" ", rest) if text.lower().startswith("on ") else rest  # "On Mon, 15 Feb 2016 at 18:03, Priya Kallas <p.k@x.org> wrote:"
    rest = _COUNTER.sub(" ", _HANDLE.sub(" ", _TIME.sub(" ", _LABEL.sub(" ", rest))))
    byline = _BYLINE.search(rest)
    if byline:
        rest = rest[: byline.start()] + " " + rest[byline.end() :]
    if not _furniture_only(rest):
        return None
    return Dateline(iso, label, byline.group("name") if byline else "", month_day, numbers)


# A post's age as a captured page showed it: "posted 3 days ago", "posted 14 hours ago".
_AGE = re.compile(r"\b(?P<count>\d{1,3}|an?|one)\s+(?P<unit>min(?:ute)?|hour|hr|day|week|month|year)s?\s+ago\b", re.IGNORECASE)
_CLOCK = re.compile(r"\b(?P<hour>[01]?\d|2[0-3])[:.h](?P<minute>[0-5]\d)\b")


def _posted_before(text: str, captured: PartialDate, date_end: int) -> str:
    """The day a post was written, when its stamp gives its age on the day the page was captured
    ("posted 3 days ago · captured 18 Mar 2016": 15 March; "posted 14 hours ago · captured 28 Mar
    2016, 09:40 UTC": 27 March). An age in weeks, months or years gives no day: "" (undated)."""
    age = _AGE.search(text)
    if age is None:
        return captured.iso()
    count = 1 if age.group("count").lower() in ("a", "an", "one") else int(age.group("count"))
    unit = age.group("unit").lower()
    day = dt.datetime(captured.year, captured.month, captured.day)
    if unit in ("week", "month", "year"):
        return ""
    if unit == "day":
        return (day - dt.timedelta(days=count)).date().isoformat()
    clock = _CLOCK.search(text, date_end)
    if clock is None:
        return captured.iso() if unit.startswith("min") else ""  # hours before a capture of unknown time: that day or the one before
    at = day.replace(hour=int(clock.group("hour")), minute=int(clock.group("minute")))
    return (at - dt.timedelta(hours=count if unit in ("hour", "hr") else 0, minutes=count if unit.startswith("min") else 0)).date().isoformat()


def _numeric_day_month(text: str) -> tuple[tuple[int, int], int, int] | None:
    """The figures of a yearless numeric date opening the line (after any ">>" or bullet), with
    where they stand; None when the line does not open with one."""
    match = _NUMERIC_DAY_MONTH.search(text)
    if match is None or text[: match.start()].strip(" >»#*•-–—|[(") != "":
        return None
    if match.group("separator") == "." and not match.group("weekday"):
        return None
    first, second = int(match.group("first")), int(match.group("second"))
    if not (1 <= first <= 31 and 1 <= second <= 31):
        return None
    return (first, second), match.start(), match.end()


def numeric_order(datelines: list[Dateline]) -> bool | None:
    """Whether a document's numeric datelines put the day first: True or False when only one
    order makes every one of them a date (a "16/03" settles it), None when both or neither do."""
    pairs = [found.numbers for found in datelines if found.numbers is not None]
    if not pairs:
        return None
    day_first = all(second <= 12 for _, second in pairs)
    month_first = all(first <= 12 for first, _ in pairs)
    return day_first if day_first != month_first else None


_ASIDE = re.compile(r"\s*\([^()]{0,60}\)")


def _opens_with_a_day(head: str) -> bool:
    """Whether a line's head before a colon opens with a day ("5 Dec", "28-I-2025", "Week of 2
    December"), as a chronology's entry does, rather than with a speaker's name."""
    days = [mention for mention in explicit_mentions(head) if mention.date.day is not None]
    return bool(days) and head[: days[0].start].replace("Week of", "").strip() == ""  # not a bulleted list's "- 18 February:"


def dateline_prefix(text: str, yearless: bool = False) -> tuple[Dateline, int] | None:
    """A dateline opening a paragraph ("MOSCOW, Nov 24 (Reuters) - The Kremlin said ..."): the
    dateline and where the paragraph's own text starts, or None."""
    for separator in _SEPARATOR.finditer(text[: MAX_DATELINE + 4]):
        head, entry = text[: separator.start()], False
        if separator.group(0).startswith(_COLON) and not _WIRE_MARK.search(head):
            if not _opens_with_a_day(head):
                continue  # "Sergei Lavrov, Moscow, 12 March 2016: We have ..." is a speaker's line; a wire's has its mark
            head, entry = _ASIDE.sub("", head), True  # a chronology's "16 Dec (statement dated Moscow): ...": the entry's day
        found = dateline(head, yearless, entry)
        if found is not None and not found.label:
            rest = text[separator.end() :]
            if rest.strip():
                return found, separator.end()
    return None


# --- a saved page's ages ("2 days ago") counted from the day it was saved ---------------------------

# The line where a saved or archived page says when it was taken: "Snapshot taken: 20 Sep 2018
# 10:15 BST", "Saved on 3 March 2020", "Archived: 2019-10-24 08:00", "Captured 18 Mar 2016".
_CAPTURE = re.compile(r"^\s*(?:snapshot(?:\s+taken)?|saved(?:\s+on)?|captured(?:\s+on)?|archived(?:\s+on)?|retrieved(?:\s+on)?)\b\s*:?\s*", re.IGNORECASE)
CAPTURE_LINES = 12  # a page says when it was saved at its top
# A comment's stamp that gives only its age: "Y. Haddad · 2 days ago", "bluefin — 20 hours ago".
_AGE_STAMP = re.compile(r"^\s*(?P<handle>[^\s·|—–-][^·|—–]{0,40}?)\s*[·|—–-]\s*(?P<age>(?:\d{1,3}|an?|one)\s+(?:min(?:ute)?|hour|hr|day)s?\s+ago)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Capture:
    day: PartialDate
    clock: tuple[int, int] | None = None  # hour and minute, when the page gives them


def capture_time(lines: list[str]) -> Capture | None:
    """When a saved page was taken, from its top lines; None when it does not say."""
    for line in lines[:CAPTURE_LINES]:
        label = _CAPTURE.match(line)
        if label is None:
            continue
        days = [m for m in explicit_mentions(line[label.end() :]) if m.date.year is not None and m.date.day is not None]
        if days and days[0].start <= 3:  # the date right after the label ("Saved from: <address>" is not when)
            clock = _CLOCK.search(line, label.end() + days[0].end)
            return Capture(days[0].date, (int(clock.group("hour")), int(clock.group("minute"))) if clock else None)
    return None


def age_stamp(line: str, captured: Capture) -> Dateline | None:
    """A comment's stamp that gives its age on the day the page was saved, as the dateline of the
    day it was written ("Y. Haddad · 2 days ago", saved 20 September: 18 September). An age in
    hours needs the time the page was saved; without it, or for weeks and more, None."""
    match = _AGE_STAMP.match(line)
    if match is None or len(_WORD.findall(match.group("handle"))) > 4:
        return None
    text = match.group("age")
    if captured.clock is not None:
        text += f" at {captured.clock[0]:02d}:{captured.clock[1]:02d}"
    iso = _posted_before(text, captured.day, len(match.group("age")))
    return Dateline(iso, byline=match.group("handle").strip()) if iso else None


MAX_CAPITAL_HEADING = 120


def in_capitals(text: str) -> bool:
    """A short line whose words are all in capitals ("COMPILER'S NOTE", "MEETING OF ...")."""
    return bool(re.search(r"[^\W\d_]{3}", text)) and text == text.upper() and len(text) <= MAX_CAPITAL_HEADING


# What makes a dated line in capitals the heading of a day's record: a meeting or a sitting, or
# the day's weekday ("MEETING OF WEDNESDAY, 30 SEPTEMBER 2015", "DAY 3 -- FRIDAY, 26 FEBRUARY
# 2016"), not a dateline ("MOSCOW, 14 MARCH 2016") or a credit ("PHOTO: ..., 14 MARCH 2016").
_RECORD_MARK = re.compile(r"\b(?:MEETING|SESSION|SITTING|HEARING|DEBATE|DAY|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)\b")


def capital_heading_date(line: str) -> str | None:
    """The day a heading in capitals names ("MEETING OF WEDNESDAY, 30 SEPTEMBER 2015", "7565th
    MEETING -- FRIDAY, 20 NOVEMBER 2015 (afternoon)"), or None: a short line whose words are in
    capitals (a word of small letters in brackets aside), that says it records a day (a meeting, a
    weekday) and names exactly one day (not a range, not two days)."""
    text = line.strip()
    if not text or len(text) > MAX_CAPITAL_HEADING or not _RECORD_MARK.search(text):
        return None
    if not in_capitals(re.sub(r"\([^()]{0,30}\)|\b\d+(?:st|nd|rd|th)\b", "", text)):
        return None
    mentions = explicit_mentions(text)
    days = [m for m in mentions if m.date.year is not None and m.date.day is not None]
    if len(days) != 1 or any(m.date.day is not None and m is not days[0] for m in mentions) or re.search(r"\d\s*[-–—]\s*\d", text[: days[0].end]):
        return None  # "WEEK OF 28 SEPTEMBER – 4 OCTOBER 2015", "26-27 FEBRUARY 2016": a span, not a day
    return days[0].date.iso()


DAY_HEADINGS = 2  # one dated line in capitals alone is a dateline or a title; two or more head a record's days


def is_record_of_days(lines: list[str]) -> bool:
    """A record under headings in capitals that each name a day (a meeting's summary record, a
    logbook): read as plain text with its days, not as an article under one dateline."""
    return sum(capital_heading_date(line) is not None for line in lines) >= DAY_HEADINGS
