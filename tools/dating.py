"""Dating: give each passage the date of the events it tells, at day, month or year precision.

A wrong date is worse than none, so the rules prefer precision. For each passage, in order:

1. a turn of a transcript ("SPOKESPERSON: ...") is dated when it was said: its item's date (a
   live page's "UPDATE (6 May):" is no turn, but its relative days count from its own day);
2. a strong date the passage gives (datefinder.py weighs them): one that opens the passage or a
   sentence, follows a reporting verb ("said in April 2012") or is relative to the item's date
   ("on Tuesday", "yesterday"); or a day or month elsewhere, within a year of the item's date. A
   year merely mentioned ("since 1991", "(1999-2000)", "the 2013 deal") never dates a passage, a
   date in an aside about a person ("Nebenzia, who was appointed in July, ...") only weakly, and a
   day planned after the item's ("a summit planned for 15 October") never: the plan is the news. A
   day or month without a year takes it from the item, then the section's span or heading, then
   the last date of the section; an impossible day (29 February 2013) is refused. A passage that
   opens by defining its subject ("The facility is a ...") is not dated by its later dates;
3. in an article about one dated event, a day counted from it ("On the day of the strike",
   "Three days after the attack"), in any section, unless the sentence states its own date;
   "By that time", "the next day", "That Monday" (if the day before was one) and the like, and a
   paragraph that goes on with the speaker's words ("Mattis added that ..."): the date of the
   passage before, in the section (or the article's event, when nothing in the section was dated
   before it); in an article, such a word with no day told before it leaves the passage undated
   rather than giving it the publication day;
4. a passage of a news item that gives no stronger date: the item's date (a year in the
   background, "had halted ... in 2013", does not displace it); in an article, a paragraph that
   goes on in the past with the story the paragraph before told of a recent day ("The army
   announced yesterday ..." then "State television showed the last buses ..."): that day;
5. a weaker date the passage gives (a year elsewhere in the text); a passage that tells a plan
   for a day after its item's: the item's date;
6. the day of a glossary event of one day that the passage tells in ordinary prose ("Turkish jets
   downed a Russian Su-24"), found by the entry's patterns;
7. the date of the enclosing headings ("### November 2015");
8. the one dated event the article is about, outside its background sections (its metadata's
   single date, its event infobox's "Date:" row of one day or night, or its title's year or
   one-day event with the lead's date: `subject_date`);
9. an event cue from chapters.yaml (a passage about "the fall of Assad" is December 2024).
A month or year found so is made precise by the day of an event the passage tells within it.
Otherwise the passage is undated. Every date but a stated one is marked as inferred
(`date_inferred`), so readers see what the source says and what the book concluded; dates after
the build are never used.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from dataclasses import dataclass

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from .datefinder import MONTHS, PATTERNS, DateMention, explicit_mentions, find_dates
from .model import PartialDate, Passage, parse_iso

__all__ = ["EventCue", "date_passages", "find_dates", "section_date", "source_context", "implausible", "today", "PATTERNS"]

_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_HEADING_MONTH = re.compile(rf"^\s*(?:[Ee]arly |[Mm]id-|[Ll]ate )?(?P<month>{_MONTH_NAMES})\.?\b")
_WEEKDAYS = {"monday": MO, "tuesday": TU, "wednesday": WE, "thursday": TH, "friday": FR, "saturday": SA, "sunday": SU}
_RELATIVE = re.compile(
    r"\b(?P<expr>the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|earlier\s+today|"
    r"this\s+(?:morning|afternoon|evening)|"
    r"last\s+(?-i:January|February|March|April|May|June|July|August|September|October|November|December)|"
    r"(?:earlier\s+|later\s+)?(?:last|this|next)\s+(?:week|month|year)|"
    r"(?:a|one|two|three|four|five|six|\d+)\s+(?:days?|weeks?|months?|years?)\s+ago|"
    r"(?<!until )(?:seven|eight|nine|ten|eleven|twelve)\s+days\s+ago|"  # not "ten years ago", nor "until ten days ago"
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:of\s+)?last\s+week|"
    r"(?:on\s+|from\s+|until\s+|by\s+|early\s+|late\s+|last\s+|next\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(r"\b(?:will|would|is to|are to|shall|is due|are due|plans? to|is set to|are set to|scheduled)\b", re.IGNORECASE)
_FUTURE_AFTER = re.compile(r"\s+(?:will|would|is to|shall)\b", re.IGNORECASE)  # the day as a future verb's subject
# "expected the consultations on Monday": a day still to come, when said in the same clause ("As
# expected, the talks on Monday ended ..." and "the long-expected withdrawal began on ..." are past)
_EXPECTED = re.compile(r"(?<![Aa]s )(?<!long-)(?<!long )\bexpect(?:s|ed|ing)?\b")
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
# A turn of a transcript or interview: "SPOKESPERSON:", "QUESTION (Reuters):", "Q:", "A:".
_SPEAKER_TURN = re.compile(r"^(?!(?:UPDATED?|CORRECTION|CLARIFICATION|EDITOR'?S NOTE|NOTE|BREAKING|WATCH|READ MORE)\b)(?:[A-Z][A-Z .'’-]{0,40}(?:\([^)]{0,80}\))?|Q|A)\s*:\s")  # not "UPDATE (6 May):"
# Words that point back to the time of the passage before ("By that time", "the next day").
_ANAPHORA = re.compile(
    r"\b(?:by that time|at that time|at the time|back then|that day|the same day|that same day|that night|(?:(?<=^)|(?<=[.;:,] )|(?<=late )|(?<=early )|(?<=later ))that (?:evening|morning|afternoon)|"
    r"that week|that month|the same (?:week|month)|(?:(?<=^)|(?<=[.;:,] ))that (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?!['’]s)|later that (?:day|week|month)|earlier that (?:day|week|month)|"
    r"the (?:following|next) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|that same (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"the (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) after|"
    r"the (?:next|following|previous) (?:day|morning|night|week)|(?<=^)(?:same|next|following) (?:day|evening|morning|night)(?!['’]s)|"
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}|several|a few) (?:days?|weeks?) (?:later|earlier)|"
    r"days later|the day before|hours later|"
    r"within (?:a|one|two|three|four|five|six|seven|a few|several|\d{1,2}) (?:hours?|days?|weeks?)|within (?:hours|days|weeks))\b",
    re.IGNORECASE,
)
# A paragraph that goes on with the words of the one before ("Mattis added that ...", "She also
# said ..."): said at the same time, so of the same date.
_GOES_ON_SPEAKING = re.compile(
    r"^(?:(?:He|She|They)|(?:The|the|Mr|Ms|Mrs|Dr)\.?\s+\w+|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+"
    r"(?:also\s+)?(?:added|went on to (?:say|add))(?=\s+that\b|\s*[:,“\"])"
    r"|^(?:He|She|They)\s+(?:also\s+)?(?:said|told|insisted|argued|stressed)\b(?![^.;]*\b(?:on|in|last|this|since)\s+(?:[A-Z]|\d|week|month|year))"
    r"|^(?:That|The same)\s+(?:[\w'’-]+\s+){0,2}(?:source|official|spokesman|spokeswoman|spokesperson|statement|report)s?\s+(?:also\s+)?"
)
# "That Monday" opening a sentence or clause (not "said that Monday's strikes ...").
_POINTS_BACK_TO_A_WEEKDAY = re.compile(r"(?:^|.*[.;:,] )that (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?!['’]s)", re.IGNORECASE | re.DOTALL)
# A verb that reports news in the past: in an article, a paragraph with one tells the news of its
# publication day; one without ("For Israel the calculus is simpler.") is analysis, of no one day.
_COUNTS_FROM_A_DAY_TOLD = re.compile(
    r"(?:\b(?:the\s+(?:following|next)|that\s+same)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"\bthe\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+after)\b",
    re.IGNORECASE,
)
_REPORTS_NEWS = re.compile(
    r"\b(?:said|says|told|announced|added|stated|reported|confirmed|denied|declared|warned|claimed|insisted|"
    r"noted|wrote|tweeted|posted|signed|agreed|met|arrived|landed|left|launched|struck|hit|killed|began|started|"
    r"opened|ended|held|voted|vetoed|adopted|approved|ordered|sent|fired|shot|downed|seized|captured|took|"
    r"entered|withdrew|pulled|moved|visited|called|urged|accused|condemned|rejected|welcomed|promised|pledged)\b",
    re.IGNORECASE,
)
# The same verbs telling what happened, in the past ("what is left of" is no news; "says" is today's).
_TELLS_IN_PAST = re.compile(r"(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )(?<!\bhas )(?<!\bhave )" + _REPORTS_NEWS.pattern.replace("said|says|", "said|showed|published|released|"), re.IGNORECASE)
# A passage that opens by defining its subject ("The facility is a logistics point ...").
_DEFINITION = re.compile(r"^(?:[^.;:()]|\([^()]{0,120}\)){0,200}?\b(?:is|are)\s+(?:a|an|the|one of)\b[^.;]*[.;]")  # "(Arabic: ...; ...)" inside
_SHIFT = {  # with or without "the" ("next day" opens a chronology's row)
    "next day": 1, "following day": 1, "next morning": 1, "following morning": 1, "next evening": 1, "following evening": 1,
    "next night": 1, "following night": 1, "day before": -1, "previous day": -1, "previous morning": -1, "previous night": -1,
}
_COUNT_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_VAGUE_DAYS = {"several": (3, 9), "a few": (2, 5), "days": (2, 9)}  # "several days later": somewhere in that many days


def shifted(expression: str, previous: PartialDate) -> PartialDate | None:
    """The date an expression such as "ten days later" or "the following week" points to from
    the passage before's date; a vague one ("several days later", "that week") only to the
    month, when the whole stretch falls in one; None when it cannot be told. Without a day to
    count from, the passage before's own date (month or year) is kept."""
    text = expression.lower()
    words = text.split()
    weekday = next((list(_WEEKDAYS).index(word) for word in words if word in _WEEKDAYS), None)
    if weekday is not None and "same" in words or words[0] == "that" and words[1] in _WEEKDAYS:
        # "That Monday", "that same Friday": the day told before, if it was that weekday
        same = previous.day is not None and previous.first_day().weekday() == weekday
        return previous if same else None
    if weekday is not None:  # "the following Tuesday", "the Saturday after": the first such day after it
        if previous.day is None:
            return None
        day = previous.first_day() + dt.timedelta(days=(weekday - previous.first_day().weekday()) % 7 or 7)
        return PartialDate(day.year, day.month, day.day)
    if previous.day is None:  # a shift from a month or a year may leave it
        return None if words[-1] in ("later", "earlier", "before") or words[0] in ("next", "following") or words[1:2] in (["next"], ["following"], ["previous"]) else previous
    start = previous.first_day()
    if text.removeprefix("the ") in _SHIFT:
        day = start + dt.timedelta(days=_SHIFT[text.removeprefix("the ")])
        return PartialDate(day.year, day.month, day.day)
    if words[0] == "within":  # "within a day": somewhere from that day to the day after, so its month at most
        return _within(words[1:], start)
    sign = -1 if words[-1] == "earlier" or "previous" in words or words[0] == "earlier" else 1
    weeks = any(word.startswith("week") for word in words)
    if words[-1] in ("later", "earlier") and (words[0].isdigit() or words[0] in _COUNT_WORDS) and words[1] != "few":
        count = int(words[0]) if words[0].isdigit() else _COUNT_WORDS[words[0]]
        day = start + dt.timedelta(days=sign * count * (7 if weeks else 1))
        return PartialDate(day.year, day.month, day.day)
    vague = next((span for key, span in _VAGUE_DAYS.items() if text.startswith(key)), None)
    if vague is not None and weeks:  # "several weeks later": that many weeks
        vague = (vague[0] * 7, vague[1] * 7)
    elif vague is None and words[-1] in ("week", "month") and words[1] not in ("next", "following", "previous"):
        # "that week", "later that month": a stretch, not the day
        reach = 6 if words[-1] == "week" else 30
        first, last = {"later": (0, reach), "earlier": (-reach, 0)}.get(words[0], (-reach, reach))
        if words[-1] == "month":
            return PartialDate(previous.year, previous.month)
        vague, sign = (first, last), 1
    if vague is None and weeks:  # "the following week", "the previous week"
        vague = (5, 13)
    if vague is not None:
        first, last = (start + dt.timedelta(days=sign * count) for count in vague)
        return PartialDate(first.year, first.month) if (first.year, first.month) == (last.year, last.month) else None
    return previous  # "that day", "by that time", "hours later": the same date


def _within(words: list[str], start: dt.date) -> PartialDate | None:
    """"within two days" of a day: the month, when the whole stretch falls in it."""
    unit, quantity = words[-1].rstrip("s"), " ".join(words[:-1])
    if unit == "hour":
        count = 1  # "within hours" may cross midnight
    elif quantity in _COUNT_WORDS or quantity.isdigit():
        count = int(quantity) if quantity.isdigit() else _COUNT_WORDS[quantity]
    else:  # "within days", "within a few days": the longest such stretch
        count = _VAGUE_DAYS.get(quantity, _VAGUE_DAYS["days"])[1]
    reach = count * (7 if unit == "week" else 1)
    last = start + dt.timedelta(days=reach)
    return PartialDate(start.year, start.month) if (start.year, start.month) == (last.year, last.month) else None


@dataclass(frozen=True)
class EventCue:
    pattern: re.Pattern
    date: str


@dataclass(frozen=True)
class Context:
    """What a passage's surroundings say about its time."""

    item: PartialDate | None = None  # the news item's or article's date
    section: PartialDate | None = None  # the date of the enclosing headings
    span: tuple[PartialDate, PartialDate] | None = None  # the span a heading names ("December 2015 – February 2016")
    previous: PartialDate | None = None  # the last date stated in the section
    subject: PartialDate | None = None  # the one event an article is about
    subject_applies: bool = False  # the passage is not in a background section
    item_is_news: bool = True  # the item is one news item (a digest's), not an article's publication
    news_day: PartialDate | None = None  # the day the item's first relative date ("on Tuesday") gave
    told_just_before: PartialDate | None = None  # the day the passage just before found in its own "yesterday" or "the next day"
    running: PartialDate | None = None  # the last date stated anywhere before in the source, whatever its section


def today() -> dt.date:
    """The build's date: SOURCE_DATE_EPOCH when set (reproducible builds), else the clock's."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


EARLIEST_YEAR = 1900


def implausible(iso: str | None) -> str:
    """Why a source's own date cannot be right ("" when it can): before 1900, or after today."""
    date = parse_iso(iso)
    if date is None or date.year is None:
        return ""
    if date.year < EARLIEST_YEAR:
        return f"before {EARLIEST_YEAR}"
    return "after the date of this build" if date.first_day() > today() else ""


# --- headings and sources --------------------------------------------------------------------


def heading_range(heading: str) -> tuple[PartialDate, PartialDate] | None:
    """The span a heading names: 'December 2015 – February 2016', 'Fall of Assad (2024–2025)'."""
    dates = [mention.date for mention in explicit_mentions(heading) if mention.date.year is not None]
    return (dates[0], dates[-1]) if len(dates) == 2 and dates[0] != dates[1] else None


def heading_date(heading: str, context_year: int | None) -> PartialDate | None:
    """The date a heading gives its section: '### November 2015', '#### September', '### 2011'.
    A heading that names a span or a start ("Since October 2020") gives no one date."""
    mentions = explicit_mentions(heading)
    if mentions:
        if heading_range(heading) or mentions[0].weight == 0:
            return None
        date = mentions[0].date
        if date.year is None:
            date = PartialDate(context_year, date.month, date.day) if context_year else None
        return date
    match = _HEADING_MONTH.match(heading)
    if match and context_year:
        return PartialDate(context_year, MONTHS[match.group("month").lower()])
    return None


def section_date(section: tuple[str, ...]) -> PartialDate | None:
    """The most specific date the headings give, years carried down from outer headings."""
    year, best = None, None
    for heading in section:
        date = heading_date(heading, year)
        if date and date.year:
            year, best = date.year, date
    return best


def source_context(dates: list[str]) -> PartialDate | None:
    """The first full date a source's metadata gives for its subject ('30 September 2015 – present')."""
    for _, date in find_dates(" ; ".join(dates)):
        if date.year is not None:
            return date
    return None


_RANGE_WORDS = re.compile(r"[–—]|\s-\s|\b(?:to|until|till|present|ongoing|since)\b", re.IGNORECASE)
_TITLE_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20[0-4]\d)(?!\d)")
# Events of one day or night, which a title may name without a year ("Il-20 shootdown over
# Latakia"). Not campaigns, offensives, sieges or talks: those span months, and their first date
# would wrongly date every later paragraph.
_ONE_DAY_EVENT = re.compile(
    r"\b(?:shootdown|shoot-down|downing|crash|massacre|bombing|assassination|killing|raid|ambush|explosion|"
    r"attack|clash|incident|airstrike|air strike|shelling|ambush)\b(?!\s+(?:helicopters?|aircraft|submarines?|drones?|jets?))",
    re.IGNORECASE,
)


LEAD_PASSAGES = 3  # the lead: an infobox or a hatnote may come before the sentence that dates the event
ONE_EVENT_DAYS = 2  # an infobox's "Date: 7–8 February 2018" (a battle fought over a night, two days) is one event
# The rows besides the date that make an infobox an event's (not a report's "Date: ... Prepared by:").
_EVENT_ROWS = re.compile(r"(?:^|\s|\|)(?:Place|Location|Result|Outcome|Belligerents|Combatants|Sides|Casualties|Commanders|Part of)\s*(?::|\|)")
# An event infobox's date row, as an export writes it ("Date: 7–8 February 2018", "| Date | 5
# September 2017 |"); its value ends at the next row's label ("Place:") or cell.
_INFOBOX_DATE = re.compile(r"(?:^|\s|\|)Date\s*(?::|\|)\s*(?P<value>[^|:]{4,60}?)(?=\s+[A-Z][a-z]+(?:\s[a-z]+)?\s*:|\s*\||$)")
_DAY_RANGE_START = re.compile(r"^\s*(?P<day>\d{1,2})\s*[–—-]\s*\d{1,2}\s")


def infobox_date(passages: list[Passage]) -> PartialDate | None:
    """The date row of an event's infobox in the lead (one that also gives the event's place,
    result or sides), when it names one event: a day, or ONE_EVENT_DAYS days running (its first
    day). A campaign's "9–27 March" is not one event, nor are "7 and 28 February" or "7/8 February"."""
    for passage in passages:
        match = _INFOBOX_DATE.search(passage.text)
        if not match or not _EVENT_ROWS.search(passage.text):
            continue
        value = match.group("value")
        if re.search(r"\band\b|[,/;&]", value):
            return None  # several days, or a choice between them
        dates = [date for _, date in find_dates(value)]
        if not dates or dates[-1].year is None or dates[-1].day is None or len(dates) > 2 or _RANGE_WORDS.search(value.replace("–", " ").replace("—", " ")):
            return None
        end = dates[-1]
        start = dates[0] if len(dates) == 2 else end
        ranged = _DAY_RANGE_START.match(value)
        if ranged and len(dates) == 1:
            start = PartialDate(end.year, end.month, int(ranged.group("day")))
        elif start.year is None and start.day is not None:
            start = PartialDate(end.year, start.month, start.day)
        if start.day is None or not PartialDate.valid(start.year, start.month, start.day):
            return None
        return start if 0 <= (end.first_day() - start.first_day()).days <= ONE_EVENT_DAYS - 1 else None
    return None


_TABLE_ROW = re.compile(r"\S \| \S")  # a row of a Markdown table, its cells joined by " | " (an infobox's "Date | 7 April 2017")


def _lead(passages: list[Passage]) -> list[Passage]:
    """The opening passages where an article dates its event: LEAD_PASSAGES of prose, and an
    infobox above them whose rows are passages of their own, gathered into one."""
    rows, prose = [], []
    for passage in passages:
        if len(prose) >= LEAD_PASSAGES:
            break
        (rows if _TABLE_ROW.search(passage.text) else prose).append(passage)  # an infobox under a hatnote is still the infobox
    infobox = [dataclasses.replace(rows[0], text=" | ".join(row.text for row in rows))] if rows else []
    return infobox + prose


def subject_date(title: str, metadata_dates: list[str], passages: list[Passage]) -> PartialDate | None:
    """The one dated event a source is about, if it is about one: the single date its metadata
    gives (not a span such as "30 September 2015 – present"), or, when its title names a year or an
    event of one day, the strongest date of that year in its opening passage
    ("2015 Russian Su-24 shootdown" ... "On 24 November 2015, a Turkish F-16 shot down ...")."""
    single = [text for text in metadata_dates if len(find_dates(text)) == 1 and not _RANGE_WORDS.search(text)]
    given = source_context(single) if len(single) == len(metadata_dates) == 1 else None
    if given is not None and given.month is not None:
        return given
    lead = _lead(passages)
    infobox = infobox_date(lead)
    if infobox is not None:
        return infobox
    years = {int(year) for year in _TITLE_YEAR.findall(title)}
    if not passages or len(years) > 1 or (not years and not _ONE_DAY_EVENT.search(title)):
        return None
    found = []
    for passage in lead:
        date, _, weight = stated_date(passage.text, Context())
        if date is not None and date.month is not None and weight >= 2 and (date.year in years if years else date.day is not None):
            found.append(date)
    return next((date for date in found if date.day is not None), found[0] if found else None)  # the day, if the lead gives it


# --- completing and resolving ------------------------------------------------------------------


def _complete(date: PartialDate, context: Context, forward: bool = False) -> PartialDate | None:
    """A day or month given without a year takes it from the item (the latest such date not after
    it, or the first not before it when the clause speaks of the future: "patrols from 15 March"),
    else from the section's span, the section or the last stated date. Never a year in which the
    day is impossible."""
    if date.year is not None:
        return date
    if context.item is not None and context.item.year is not None:
        item = context.item
        if not PartialDate.valid(item.year, date.month, date.day):
            return None  # 29 February in a year without one: refused, not moved to another year
        if not forward:  # a day a little after the item's date: the item was dated early (a snippet's, a blog's first post)
            same_year = PartialDate(item.year, date.month, date.day)
            if 0 < (same_year.first_day() - item.last_day()).days <= REPORT_LAG_DAYS:
                return same_year
        told = _told_in_sequence(date, context.previous, item) if not forward else None
        years = (item.year, item.year + 1) if forward else (item.year, item.year - 1)
        for year in years:
            if PartialDate.valid(year, date.month, date.day):
                candidate = (year, date.month or 1, date.day or 1)
                if (candidate >= (item.year, item.month or 1, item.day or 1)) if forward else (candidate <= (item.year, item.month or 12, item.day or 31)):
                    completed = PartialDate(year, date.month, date.day)
                    if year == item.year or _within_months(completed, item):
                        if told is not None and (item.first_day() - completed.last_day()).days > SEQUENCE_DAYS:
                            return told  # "On 21 September 2015 ... Back home on 22 September", in an article of 2023
                        return completed
                    break
        # Far back from the item: the year the text has been telling of ("On 14 September" after
        # passages of September 2013, in a programme of June 2014), never one after the item.
        running = None if forward else context.previous
        if running is not None and running.year is not None and PartialDate.valid(running.year, date.month, date.day):
            completed = PartialDate(running.year, date.month, date.day)
            if completed.last_day() <= item.last_day() and running.year < item.year:
                return completed
        return None
    if context.span is not None:  # the year that puts the day inside the heading's span
        start, end = context.span
        for year in range(start.year, end.year + 1):
            if PartialDate.valid(year, date.month, date.day):
                candidate = PartialDate(year, date.month, date.day)
                if start.first_day() <= candidate.last_day() and candidate.first_day() <= end.last_day():
                    return candidate
        return None
    # ... and last, the year the source has been telling of: "On 13 December" opening the section
    # after a lead that gave "15 December 2016" (within two months of that day, in that year or
    # the next: "born on 4 May 1953" gives no year to "On 30 September Russia began ...")
    if context.section is None and context.previous is None and context.subject is None and context.running is not None:
        return _near_running(date, context.running)
    moved_on = context.section is not None and context.previous is not None and context.previous.first_day() > context.section.last_day()
    # ("[ARCHIVE: October 1980]" over a narration that has reached "9 June 1982": "By mid-June" is 1982's)
    for base in ((context.previous, context.section, context.subject) if moved_on else (context.section, context.previous, context.subject)):
        if base is not None and base.year is not None:
            if base is context.previous and context.section is None and context.subject is not None:
                following = _told_after(date, base)
                if following is not None and following.first_day() <= context.subject.last_day():
                    return following  # the story leads up to the article's event
            return PartialDate(base.year, date.month, date.day) if PartialDate.valid(base.year, date.month, date.day) else None
    return None


def _near_running(date: PartialDate, running: PartialDate) -> PartialDate | None:
    """The year, of the running date's, the one before and the one after, that puts a day or month
    without one nearest the last date the source stated, if within SEQUENCE_DAYS of it (inside it
    counts as 0: "30 September" after "in 2015"); None when none does."""
    if running.year is None:
        return None
    best = None
    for year in (running.year, running.year - 1, running.year + 1):
        if PartialDate.valid(year, date.month, date.day):
            candidate = PartialDate(year, date.month, date.day)
            gap = max(0, (candidate.first_day() - running.last_day()).days, (running.first_day() - candidate.last_day()).days)
            if gap <= SEQUENCE_DAYS and (best is None or gap < best[0]):
                best = (gap, candidate)
    return best[1] if best else None


FORWARD_MONTHS = 6  # "From December 2019 ... In February" (before the event of 27 February 2020): the February after it


def _told_after(date: PartialDate, previous: PartialDate) -> PartialDate | None:
    """A month or day without a year, told after a date of a later month: a narrative goes on
    forward, so the next year's, when it falls within FORWARD_MONTHS of that date."""
    if previous.month is None or date.month is None or date.month >= previous.month:
        return None
    year = previous.year + 1
    if not PartialDate.valid(year, date.month, date.day):
        return None
    following = PartialDate(year, date.month, date.day)
    return following if (following.first_day() - previous.first_day()).days <= FORWARD_MONTHS * 31 else None


REPORT_LAG_DAYS = 7  # a report may tell of a day up to a week after the date it carries (updates, late snippets)
YEARLESS_REACH_DAYS = 183  # "on 20 February" in a report: within about six months of it


SEQUENCE_DAYS = 62  # a day told within two months after the passage before's goes on with its story


def _told_in_sequence(date: PartialDate, previous: PartialDate | None, item: PartialDate) -> PartialDate | None:
    """A day without a year that follows, within SEQUENCE_DAYS, the day or month the passage
    before stated in an earlier year than the item's: the story the text is telling goes on."""
    if previous is None or previous.year is None or previous.month is None or previous.year >= item.year:
        return None
    if not PartialDate.valid(previous.year, date.month, date.day):
        return None
    following = PartialDate(previous.year, date.month, date.day)
    return following if 0 <= (following.first_day() - previous.first_day()).days <= SEQUENCE_DAYS else None


def _within_months(date: PartialDate, item: PartialDate) -> bool:
    """Whether a day or month put in the year before the item's lies near the item: a report that
    gives no year means a recent day ("on 20 December" in January), not one eleven months back
    ("on 20 February" in a report of 15 February). Farther, the date more likely belongs to another
    report spliced in, or to the future: undated rather than wrong."""
    near = min(abs((date.first_day() - item.last_day()).days), abs((date.last_day() - item.first_day()).days))
    return near <= YEARLESS_REACH_DAYS


def resolve_relative(expression: str, base: dt.date, forward: bool = False) -> PartialDate:
    """A relative expression on the item's date: "on Tuesday" the latest Tuesday up to it (the
    next one when the clause speaks of the future), "last month" its month, "two weeks ago"..."""
    words = expression.lower().split()
    last = words[-1]
    if words[-2:] == ["last", "week"] and (weekday := next((word for word in words if word in _WEEKDAYS), None)):
        monday = base - dt.timedelta(days=base.weekday())  # "Thursday last week": that day of the week before the report's
        day = monday - dt.timedelta(days=7) + dt.timedelta(days=list(_WEEKDAYS).index(weekday))
        return PartialDate(day.year, day.month, day.day)
    if last in _WEEKDAYS:
        if forward or words[0] in ("next", "from", "until"):  # "by Saturday evening, rebels had ...": past
            day = base + relativedelta(days=1, weekday=_WEEKDAYS[last](+1))
        else:
            day = base + relativedelta(weekday=_WEEKDAYS[last](-1))
            if words[0] == "last" and (base - day).days < 2:  # said on a Friday, "last Thursday" is not yesterday
                day = day + relativedelta(days=-1, weekday=_WEEKDAYS[last](-1))
        return PartialDate(day.year, day.month, day.day)
    if last == "yesterday" or (words[0] == "last" and last == "night"):
        day = base - dt.timedelta(days=2 if words[0] == "the" else 1)  # "the day before yesterday": two days
        return PartialDate(day.year, day.month, day.day)
    if last in ("today", "tonight", "morning", "afternoon", "evening"):
        return PartialDate(base.year, base.month, base.day)
    if last == "ago":
        count = int(words[0]) if words[0].isdigit() else _NUMBER_WORDS.get(words[0], 1)
        unit = words[1].rstrip("s")
        day = base - relativedelta(**{f"{unit}s": count})
        if unit == "year":
            return PartialDate(day.year)
        return PartialDate(day.year, day.month, day.day if unit == "day" else None)
    if words[0] == "last" and last in MONTHS:  # "last October": the latest October before the report's month
        month = MONTHS[last]
        return PartialDate(base.year if month < base.month else base.year - 1, month)
    shift = {"last": -1, "this": 0, "next": 1}[next(word for word in words if word in ("last", "this", "next"))]
    if last == "week":
        day = base + relativedelta(weeks=shift)
        return PartialDate(day.year, day.month)
    if last == "month":
        day = base + relativedelta(months=shift)
        return PartialDate(day.year, day.month)
    return PartialDate(base.year + shift)


# A report in the present tense (a live blog's "the prime minister says ..."): what it reports
# happened before, but the news, and the passage's date, is the saying.
_PRESENT_SPEECH = re.compile(r"\b(?:says|tells|writes|adds|insists|warns|claims|confirms|denies|reports|announces)\b")


def _sentence_before(text: str, position: int) -> str:
    start = max((m.end() for m in re.finditer(r"[.!?;][\"”’)]?\s+", text[:position])), default=0)  # the clause, to a semicolon
    return text[start:position]


_OPENS_SENTENCE = re.compile(r"(?:^|[.!?;:][\"”’)]?\s+)(?:[Ii]n\s+|[Bb]y\s+|[Ll]ate\s+|[Ee]arly\s+)?$")
MONTH_AGO_WEIGHT = 1.5  # "last October" inside a sentence: less than a stated month, more than a year
_SINCE = re.compile(r"\bsince\b[^.,;:()]{0,60}$", re.IGNORECASE)


# "On Thursday the 15th": a weekday and a day of the month, the month left to the reader.
_WEEKDAY_THE_DAY = re.compile(
    r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:day\s+)?of\b|\s+[A-Z][a-z]+\s+\d)"
)
WEEKDAY_THE_DAY_WINDOW = (62, 31)  # days before and after the report searched for that weekday and day


def _weekday_the_day(match: re.Match, base: dt.date) -> PartialDate | None:
    """The one day near the report (two months before it to one after) that is that weekday and
    bears that number; None when none or two do."""
    weekday = list(_WEEKDAYS).index(match.group("weekday").lower())  # Monday first, as date.weekday()
    before, after = WEEKDAY_THE_DAY_WINDOW
    days = [
        day
        for offset in range(-before, after + 1)
        if (day := base + dt.timedelta(days=offset)).day == int(match.group("day")) and day.weekday() == weekday
    ]
    return PartialDate(days[0].year, days[0].month, days[0].day) if len(days) == 1 else None


_THE_ITEMS_DAY = frozenset(("today", "tonight"))


def _relative_mentions(text: str, item: PartialDate | None, plans: bool = False) -> list[DateMention]:
    """The relative days of a text on its item's date; a day still to come ("expected the talks
    on Monday") only with `plans`: it tells a plan, and dates nothing itself."""
    if item is None or item.year is None:
        return []
    base = dt.date(item.year, item.month or 1, item.day or 1)
    found = []
    for match in _WEEKDAY_THE_DAY.finditer(text):
        if item.day is not None and (date := _weekday_the_day(match, base)) is not None:
            found.append(DateMention(match.start(), match.end(), date, 3.0, "relative", match.group(0)))
    for match in _RELATIVE.finditer(text):
        if any(mention.start < match.end() and match.start() < mention.end for mention in found):
            continue  # the weekday of "Thursday the 15th", dated with its day
        if item.day is None and any(word in _WEEKDAYS for word in match.group("expr").lower().split()):
            continue  # "on Tuesday" needs the item's day
        if _POINTS_BACK_TO_A_WEEKDAY.match(text[max(0, match.start() - 7) : match.end() + 2]):
            continue  # "That Monday" points back to a day told before, not to the item's week ("said that Monday's" does not)
        if _COUNTS_FROM_A_DAY_TOLD.search(text[max(0, match.start() - 14) : match.end() + 6]):
            continue  # "the following Tuesday", "that same Friday", "the Saturday after": from the story's day
        if _PRESENT_SPEECH.search(_sentence_before(text, match.start())) and match.group("expr").lower().split()[-1] not in _THE_ITEMS_DAY:
            continue  # "Jalali says the last time he spoke to Assad was on Saturday": the news is that he says so, today ("says ... took off today" is today's)
        month_back = match.group("expr").lower().split()[-1] in MONTHS  # "last October"
        if month_back and _SINCE.search(text[max(0, match.start() - 60) : match.start()]):
            continue  # "the worst loss since the air campaign began last September"
        clause = text[max(0, match.start() - 80) : match.end()]  # "said on Wednesday that it would": the future is the speech's
        subject = not re.match(r"(?i)(?:on|from|by|until|till|since|last|next|this|that)\b", match.group(0)) and not re.search(r"(?i)\b(?:on|from|by|until|till|since)\s+$", text[max(0, match.start() - 8) : match.start()])
        forward = bool(_FUTURE.search(clause) or (subject and _FUTURE_AFTER.match(text, match.end())))  # "warned that Saturday would be a critical day", not "agreed on Saturday would"
        expected = bool(_EXPECTED.search(_sentence_before(text, match.start())))
        date = resolve_relative(match.group("expr"), base, forward=forward or expected)
        forward = forward or expected
        if not plans and date is not None and item.day is not None and date.first_day() > base:
            continue  # "he expected the consultations on Monday", "meet in Belgrade next week": a day still to come dates nothing yet
        weight = 3.0
        if month_back and not _OPENS_SENTENCE.search(text[: match.start()]):
            weight = MONTH_AGO_WEIGHT  # "citing a memorandum signed ... last December": background to the report's news
        found.append(DateMention(match.start(), match.end(), date, weight, "relative", match.group("expr")))
    return found


_YEAR_AFTER = re.compile(r"\s*,?\s*(?:of\s+)?(last|this|next)\s+year\b", re.IGNORECASE)


_THAT_YEAR = re.compile(r"\s*,?\s*(?:of\s+)?(?:that|the\s+same)\s+year\b", re.IGNORECASE)


def _with_years_told_before(text: str, explicit: list[DateMention]) -> list[DateMention]:
    """"An order of 4 June 2014 ... established on 1 August that year": the day takes the year
    the text gave last before it, not one from the context."""
    completed = []
    for mention in explicit:
        if mention.date.year is None and _THAT_YEAR.match(text, mention.end):
            years = [other.date.year for other in explicit if other.date.year is not None and other.end <= mention.start]
            if years and PartialDate.valid(years[-1], mention.date.month, mention.date.day):
                mention = dataclasses.replace(mention, date=PartialDate(years[-1], mention.date.month, mention.date.day))
        elif mention.date.year is None and mention.date.day is not None:
            # "came to Moscow in January 2005, the Kremlin announced on 25 January": that January
            same = [other.date.year for other in explicit if other.date.year is not None and other.date.month == mention.date.month and other.end <= mention.start and mention.start - other.end <= SAME_MONTH_REACH]
            if same and PartialDate.valid(same[-1], mention.date.month, mention.date.day):
                mention = dataclasses.replace(mention, date=PartialDate(same[-1], mention.date.month, mention.date.day))
        completed.append(mention)
    return completed


SAME_MONTH_REACH = 120  # characters: "in January 2005, the Kremlin announced on 25 January" (one sentence)


def _with_relative_years(text: str, explicit: list[DateMention], relative: list[DateMention], item: PartialDate | None) -> tuple[list[DateMention], list[DateMention]]:
    """"On 9 September last year": one day, whose year the item's gives; not a day and a year."""
    explicit = _with_years_told_before(text, explicit)
    if item is None or item.year is None:
        return explicit, relative
    completed = []
    for mention in explicit:
        follow = _YEAR_AFTER.match(text, mention.end) if mention.date.year is None else None
        year = item.year + {"last": -1, "this": 0, "next": 1}[follow.group(1).lower()] if follow else None
        if year is not None and PartialDate.valid(year, mention.date.month, mention.date.day):
            mention = dataclasses.replace(mention, date=PartialDate(year, mention.date.month, mention.date.day), end=follow.end())
            relative = [other for other in relative if not follow.start() <= other.start < follow.end()]
        completed.append(mention)
    return completed, relative


# --- one passage -------------------------------------------------------------------------------


def stated_date(text: str, context: Context) -> tuple[PartialDate | None, str, float]:
    """The strongest date the text gives, how it was found, and its weight (0 when none)."""
    date, basis, weight, _ = _strongest(text, context)
    return date, basis, weight


_NAMES_ITS_DAY = re.compile(r"[\s,]*(?:the\s+)?$")  # between "Saturday" and "7 December"


def _one_day(relative: DateMention, explicit: DateMention, text: str) -> bool:
    """"On Tuesday, 24 Nov 2015", "on Saturday 7 December": a weekday naming the date beside it,
    one day, not a weekday counted from the report's date."""
    if relative.start < explicit.end and explicit.start < relative.end:
        return True
    return relative.end <= explicit.start and bool(_NAMES_ITS_DAY.match(text[relative.end : explicit.start]))


_WEEKDAY_BEFORE = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:the\s+)?$", re.IGNORECASE)
WEEKDAY_YEARS = 6  # how far from the year the context gives a named weekday may move a yearless day


def _on_its_weekday(date: PartialDate, weekday: int) -> PartialDate | None:
    """"Tuesday 10 September" with a year from the context: that year if the day was a Tuesday
    then, else the nearest year in which it was (2013, not 2011); None when none near is."""
    if date.day is None:
        return date
    for shift in sorted(range(-WEEKDAY_YEARS, WEEKDAY_YEARS + 1), key=lambda shift: (abs(shift), shift)):
        year = date.year + shift
        if PartialDate.valid(year, date.month, date.day) and dt.date(year, date.month, date.day).weekday() == weekday and dt.date(year, date.month, date.day) <= today():
            return PartialDate(year, date.month, date.day)
    return None


def _strongest(text: str, context: Context) -> tuple[PartialDate | None, str, float, int]:
    """stated_date, with where in the text the date stands."""
    best: tuple[float, int, PartialDate, str] | None = None
    explicit, relative = _with_relative_years(text, explicit_mentions(text), _relative_mentions(text, context.item), context.item)
    weekdays = {mention.start: _WEEKDAYS[named.group(1).lower()] for mention in explicit if (named := _WEEKDAY_BEFORE.search(text[max(0, mention.start - 14) : mention.start]))}
    relative = [mention for mention in relative if not any(_one_day(mention, other, text) for other in explicit)]
    for mention in explicit + relative:
        if mention.weight <= 0:
            continue
        forward = bool(_FUTURE.search(text[max(0, mention.start - 80) : mention.end]) or re.search(r"\b(?:from|until|till|by)\s+$", text[max(0, mention.start - 8) : mention.start]))
        date = _complete(mention.date, context, forward)
        if date is not None and mention.kind == "explicit" and mention.date.year is None and mention.start in weekdays:
            date = _on_its_weekday(date, weekdays[mention.start].weekday)
        if date is None or date.first_day() > today():
            continue
        if context.item is not None and not forward and mention.kind == "explicit" and date.first_day() > context.item.last_day() + dt.timedelta(days=REPORT_LAG_DAYS):
            continue  # a report cannot tell of what came after it: another item's text, spliced in
        if context.item is not None and forward and date.first_day() > context.item.last_day():
            continue  # "a summit planned for 15 October", "to meet on Friday": a plan, whose news is the report's day
        if mention.kind == "relative":
            basis = f"“{mention.expression}”, from the item's date"
        else:
            basis = "stated" if mention.date.year is not None else "stated, year from the context"
        if best is None or (mention.weight, -mention.start) > (best[0], -best[1]):
            best = (mention.weight, mention.start, date, basis)
    if best and best[0] < 2 and len({mention.date.year for mention in explicit if mention.date.year}) > 1:
        return None, "", 0.0, 0  # only years, and several: a passage that spans them ("in 2016 and 2017 ... late 2017")
    return (best[2], best[3], best[0], best[1]) if best else (None, "", 0.0, 0)


RECENT_DAYS = 90  # what a transcript's turn or an article's paragraph tells of the last three months is news of its day


def _within_days(date: PartialDate, item: PartialDate, days: int) -> bool:
    return abs((date.first_day() - item.first_day()).days) <= days or abs((date.last_day() - item.first_day()).days) <= days


ITEM_NEWS_DAYS = 365  # in a news item, a date within a year of the item's may be its news; farther, background


def _near_item(date: PartialDate, item: PartialDate | None) -> bool:
    """Whether a date of middling weight can be a news item's own news: near the item's date
    (the item of 5 March 2020 that mentions "the memorandum agreed in September 2018" is not
    news of 2018). Without an item, any date can."""
    if item is None or item.year is None:
        return True
    return _within_days(date, item, ITEM_NEWS_DAYS)


def _refined(date: PartialDate, basis: str, told: list[tuple[int, PartialDate]], position: int) -> tuple[PartialDate, str]:
    """A month or year the passage gives, made precise by the day of the event it tells nearest
    to it: "last year, after Turkish jets downed a Russian Su-24" is 24 November 2015."""
    inside = sorted((abs(start - position), event) for start, event in told if event != date and date.contains(event))
    return (inside[0][1], f"{basis}, made precise by the event it tells") if date.day is None and inside else (date, basis)


LEAD_EVENT_DAYS = 7  # a wire's news happened "on Tuesday", at most a week before it was filed


def _lead_event(context: Context) -> bool:
    """Whether the item's earlier paragraphs told its news on a day just before the item's date, in
    the wire's words ("Russia and China on Tuesday blocked a draft"): the paragraphs after, which
    give no date ("Churkin told the council after the vote ..."), go on telling that news, not the
    filing day. A stated day ("strikes began on 30 September") is background, not the news."""
    previous, item = context.news_day, context.item
    if previous is None or previous.day is None or item is None or item.day is None:
        return False
    return 0 < (item.first_day() - previous.first_day()).days <= LEAD_EVENT_DAYS


def _no_other_story(context: Context) -> bool:
    """Whether nothing told since the item's news took the item elsewhere: no other day of the
    item's year, more than a week from its news, stated or counted before this passage ("1 March:
    Turkey announced ..." in a thread of August). A day of the same week, a plan for a day after
    the item ("On Wednesday, Putin is hosting ...") and a date of more than a year before it
    ("following an October 2015 visit") are asides, not a new story."""
    previous = context.previous
    if previous is None or previous.first_day() > context.item.last_day() or _within_days(previous, context.news_day, LEAD_EVENT_DAYS):
        return True
    return not _near_item(previous, context.item)


def _tells_a_plan(text: str, context: Context) -> bool:
    """Whether the passage gives a day after its item's as the time of what is to happen ("the
    fighting is to stop from Saturday"): the plan is the news of the item's day."""
    for mention in explicit_mentions(text) + _relative_mentions(text, context.item, plans=True):
        if mention.weight > 0 and _FUTURE.search(text[max(0, mention.start - 80) : mention.end]):
            date = _complete(mention.date, context, True)
            if date is not None and date.first_day() > context.item.last_day():
                return True
    return False


def _goes_on_telling(context: Context) -> bool:
    """Whether an article's paragraph that gives no time goes on with the story of the paragraph
    just before, told on a day of the last week in the article's words ("The army announced
    yesterday evening ..." then "State television showed the final buses ..."): not of the
    publication day. Only after a relative day: a stated date is as often background."""
    before, item = context.told_just_before, context.item
    if context.item_is_news or before is None or before.day is None or item is None or item.day is None:
        return False
    return 0 < (item.first_day() - before.first_day()).days <= LEAD_EVENT_DAYS


BACKGROUND_DAYS = 31


def _background_to_the_lead(text: str, date: PartialDate, position: int, context: Context) -> bool:
    """Whether a news item's date is background to its lead: the first sentence tells the news
    without a date, and a later one recalls a day more than a month before the item's ("Russia
    and China voted down the draft. ... The first double veto came on 4 October last year")."""
    item = context.item
    if not context.item_is_news or item is None or item.day is None or position < len(_first_sentence(text)):
        return False
    if not _news_told_before(text, position):
        return False  # "Tartus has been Moscow's foothold for a long time. In 1971, ...": no news told before its sentence
    return date.last_day() < item.first_day() - dt.timedelta(days=BACKGROUND_DAYS)


def _news_told_before(text: str, position: int) -> bool:
    """Whether the sentences before the one at `position` tell news ("Russia and China voted down
    the draft. ... The first double veto came on 4 October last year")."""
    return bool(_TELLS_IN_PAST.search(text[: _sentence_start(text, position)]))


def _sentence_start(text: str, position: int) -> int:
    return max((end.end() - 1 for end in re.finditer(r"[.!?][\"”’)]?\s+[A-Z“\"]", text[: position + 1])), default=0)


def _opens_its_story(text: str, date: PartialDate, position: int) -> bool:
    """Whether a passage that told no news before it gives this date as the time of its own
    story: a day ("The squadron was disbanded on 31 December 1992"), or a year that opens its
    sentence ("In 1971, the Soviet Union signed ..."), not one in passing ("men filmed in 2017")."""
    if _news_told_before(text, position) or len({m.date for m in explicit_mentions(text) if m.date.year is not None}) > 1:
        return False  # several dated events ("after the vetoes of 4 October 2011, 4 February 2012 and ..."): a record, not its story
    return date.day is not None or len(text[_sentence_start(text, position) : position].split()) <= 1


def _in_passing(date: PartialDate, weight: float, context: Context) -> bool:
    """Whether a year a passage names only in passing ("declined to compare the case with the
    Su-24 shot down by Turkey in 2015") gives way to the one event its article is about: the
    passage is in a section about that event, and the story told just before is of that event's
    month."""
    subject, previous = context.subject, context.previous
    if weight >= 2 or date.day is not None or subject is None or not context.subject_applies or date.contains(subject):
        return False
    return previous is None or previous.contains(subject) or subject.contains(previous) or _within_days(previous, subject, 31)


def _first_sentence(text: str) -> str:
    end = re.search(r"[.!?][\"”’)]?\s+[A-Z“\"]", text)
    return text[: end.start() + 1] if end else text


_UPDATE_LABEL = re.compile(r"^(?:UPDATED?|CORRECTION|CLARIFICATION)\s*\((?P<when>[^)]{3,40})\)\s*:", re.IGNORECASE)


def _update_day(text: str, item: PartialDate | None) -> PartialDate | None:
    """The day an update of a live page gives itself ("UPDATE (6 May, 08:15): ..."), its year
    the item's: what its "on Friday" counts from."""
    label = _UPDATE_LABEL.match(text)
    days = [date for _, date in find_dates(label.group("when"))] if label else []
    if len(days) != 1 or days[0].day is None or item is None or item.year is None:
        return None
    day = days[0] if days[0].year is not None else PartialDate(item.year, days[0].month, days[0].day)
    return day if PartialDate.valid(day.year, day.month, day.day) and 0 <= (day.first_day() - item.first_day()).days <= 31 else None


def date_passage(passage: Passage, context: Context, cues: list[EventCue], told: list[tuple[int, PartialDate]] = ()) -> tuple[PartialDate | None, str]:
    """The passage's date and how it was found (the order is the module's docstring). `told`
    are the glossary events the passage tells in ordinary prose (found by their patterns, so it
    does not merely name them): where in the text, and their day."""
    told = list(told)
    update = _update_day(passage.text, context.item)
    if update is not None:
        context = dataclasses.replace(context, item=update)  # its relative days count from the update's own day
    _, _, _, position = _strongest(passage.text, context)
    date, basis = _date_passage(passage, context, cues, [day for _, day in told])
    return _refined(date, basis, told, position) if date is not None else (date, basis)


OPENING_REACH = 12  # characters: "That evening", "Late that night", "On the same Friday" open a passage
APPOSITION_REACH = 40  # characters: "A week earlier, on 31 December, ..." gives its day beside the shift

# A day counted from the one event an article is about: "On the day of the strike", "Three days
# after the attack", "the night before the raid".
_EVENT_NOUN = r"(?:strike|airstrike|air strike|air raid|attack|raid|shootdown|shoot-down|downing|crash|explosion|bombing|massacre|assassination|incident|ambush|shelling|disaster|earthquake|quake|coup)"
_FROM_THE_EVENT = re.compile(
    r"\b(?:(?P<count>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>days?|weeks?)\s+(?P<direction>after|before)"
    r"|(?:on\s+)?the\s+(?:very\s+)?(?:day|morning|evening|night)\s+(?P<relation>of|after|before))"
    rf"\s+the\s+{_EVENT_NOUN}\b",  # "the strike", not "the chemical attack" (another event)
    re.IGNORECASE,
)


def _from_the_event(text: str, context: Context) -> tuple[PartialDate, re.Match] | None:
    """The day a passage counts from the article's one event, when its first sentence does so
    (in any section: "the strike" of an article about one strike is that strike)."""
    if context.subject is None or context.subject.day is None:
        return None
    found = _FROM_THE_EVENT.search(_first_sentence(text))
    if found is None:
        return None
    if found.group("count"):
        count = 1 if found.group("count").lower() in ("a", "one") else int(found.group("count")) if found.group("count").isdigit() else _COUNT_WORDS[found.group("count").lower()]
        days = count * (7 if found.group("unit").lower().startswith("week") else 1) * (-1 if found.group("direction").lower() == "before" else 1)
    else:
        days = {"of": 0, "after": 1, "before": -1}[found.group("relation").lower()]
    day = context.subject.first_day() + dt.timedelta(days=days)
    return PartialDate(day.year, day.month, day.day), found


def _date_passage(passage: Passage, context: Context, cues: list[EventCue], told: list[PartialDate]) -> tuple[PartialDate | None, str]:
    text = passage.text
    date, basis, weight, position = _strongest(text, context)
    if _DEFINITION.match(text) and (weight < 3 or position >= len(_first_sentence(text))):
        date, basis, weight = None, "", 0.0  # "X is a ...": the passage describes; its later dates are not its time
    anaphora = _ANAPHORA.search(_first_sentence(text))  # "In 2020 ... renewed a day later": a later clause's is background
    if anaphora is None and date is None:
        anaphora = _ANAPHORA.search(text) if _COUNTS_FROM_A_DAY_TOLD.search(text) else None  # "Very little. ... that same Friday"
    told_back = date is None and context.previous is not None and anaphora  # "HALE: The following day ..."
    if context.item is not None and _SPEAKER_TURN.match(text) and not told_back and (date is None or (_within_days(date, context.item, RECENT_DAYS) and not basis.startswith("“"))):
        # A turn that tells of the last weeks is news of the day it was said (a spokesperson's "on
        # 9 April the airfield was struck", at the briefing of 19 April); one that goes back
        # further tells history ("HALE: On 9 September last year, Lavrov ..." is 2013), as a
        # paragraph of an article would.
        return context.item, "the date it was said (the transcript's date)"
    if date is not None and _background_to_the_lead(text, date, position, context):
        date, basis, weight = None, "", 0.0
    counted = _from_the_event(text, context)
    if counted is not None and (date is None or position >= len(_first_sentence(text)) or (counted[1].start() == 0 and position > counted[1].end() + APPOSITION_REACH)):
        return counted[0], f"“{counted[1].group(0)}”: from the article's event"
    if anaphora is not None and anaphora.start() == 0 and date is not None and position > anaphora.end() + APPOSITION_REACH and context.previous is not None:
        found = shifted(anaphora.group(0), context.previous)  # "Two days later the report was out: ... sarin at Khan Sheikhun on 4 April"
        if found is not None and found.day is not None:
            return found, f"“{anaphora.group(0)}”: {'the date of' if found == context.previous else 'from'} the passage before"
    if weight >= 3 or (weight >= 2 and (not context.item_is_news or _near_item(date, context.item) or _opens_its_story(text, date, position))):
        return date, basis  # a far date the passage opens its story with ("The squadron was disbanded on 31 December 1992") is its time
    base, told_by = context.previous, "the passage before"
    if base is None and context.subject is not None and (context.subject_applies or (anaphora is not None and anaphora.start() < OPENING_REACH)):
        # "within a day" of the one event an article tells; in an "Aftermath" section too, when
        # nothing in it was dated before "The following day" that opens a passage
        base, told_by = context.subject, "the article's event"
    if date is None and context.previous is not None and (goes_on := _GOES_ON_SPEAKING.match(text)):
        return context.previous, f"“{goes_on.group(0).split()[-1]}”: the date of the passage before"
    if anaphora and base is not None:
        found = shifted(anaphora.group(0), base)
        if found == base:
            return found, f"“{anaphora.group(0)}”: the date of {told_by}"
        if found is not None:
            return found, f"“{anaphora.group(0)}”: from {told_by}"
        if anaphora.group(0).lower().split()[-1] in _WEEKDAYS and date is None:
            return None, ""  # "That Monday" after a day that was no Monday: which one cannot be told
    if anaphora is not None and anaphora.start() < OPENING_REACH and base is None and date is None and not context.item_is_news:
        return None, ""  # an article's "That evening ..." with no day told before it to count from: not its publication day
    if date is None and context.item is not None and context.item_is_news and _PRESENT_SPEECH.search(_first_sentence(text)):
        return context.item, "the item's date (what the passage says is said that day)"
    if context.item is not None and context.item_is_news and _lead_event(context) and _no_other_story(context):
        return context.news_day, "the day of the item's news (its “on Tuesday”), told before"
    backstory = not context.item_is_news and context.previous is not None and context.item is not None and not _within_days(context.previous, context.item, RECENT_DAYS)
    if date is None and _goes_on_telling(context) and _TELLS_IN_PAST.search(_first_sentence(text)):
        return context.told_just_before, "the day of the passage before, whose story it goes on telling"
    if context.item is not None and (context.item_is_news or (_REPORTS_NEWS.search(text) and not backstory)):
        # An article's paragraph that reports, after paragraphs telling of months or years before
        # it was published, goes on with that story: not of the publication day.
        return context.item, "the item's date"
    if date is not None and _in_passing(date, weight, context):
        return context.subject, "the article's event (the year it names is in passing)"
    if date is not None:  # "in 2015" in the article on 24 November 2015 may tell another event of that year
        return date, basis
    if context.item is not None and _tells_a_plan(text, context):
        return context.item, "the item's date (it tells a plan for a later day)"
    if told:
        return told[0], "the event it tells"
    if context.section is not None:
        if context.subject is not None and context.subject_applies and context.section.contains(context.subject):
            return context.subject, "the article's event"  # "# 2015 Su-24 shootdown" of 24 November 2015
        if context.previous is not None and context.previous.first_day() > context.section.last_day():
            # the month of it, not its day: a passage that gives no time may tell of the days after
            return PartialDate(context.previous.year, context.previous.month), "the time of the passage before (the text has moved on from its heading's)"
        return context.section, "the section heading"
    if context.subject is not None and context.subject_applies:
        return context.subject, "the article's event"
    found = [(match.start(), cue) for cue in cues if (match := cue.pattern.search(text))]
    if found:
        return parse_iso(min(found, key=lambda item: item[0])[1].date), "the event it names"
    return None, ""


def date_passages(
    passages: list[Passage],
    cues: list[EventCue],
    subject: PartialDate | None = None,
    background: frozenset[str] = frozenset(),
    told: dict[str, list[tuple[int, PartialDate]]] | None = None,
    item_is_news: bool = True,
    item_is_day: bool = False,
) -> None:
    """Date every passage of one source in document order (later passages lean on earlier dates).

    `subject` is the one dated event the source is about, if any: it dates passages that give
    no date, outside sections whose heading is in `background` (case-folded). `item_is_news` is
    False for an article, whose date is when it was published: a paragraph of it that states
    another day or month ("in a documentary aired in March 2018") is of that time, however far
    from the publication; in a digest's short news item, such a date far from the item's is background. With
    `item_is_day`, an item's date is the day it records (a meeting's), not a wire's filing day: an
    "on Monday" in it is an aside, not the day of its news that later paragraphs go on telling.
    `told` gives, by passage id, the events each passage tells: where in its text, and their day.
    """
    previous: dict[tuple, PartialDate] = {}
    running: PartialDate | None = None  # the last date stated in the source, in any section
    news_day: dict[tuple, PartialDate] = {}  # the day an item's "on Tuesday" or "yesterday" gave
    just_before: dict[tuple, PartialDate | None] = {}  # the day the passage just before found in its own relative words
    for passage in passages:
        scope = (passage.section, passage.item_date, passage.snippet)  # each search snippet stands alone
        context = Context(
            item=parse_iso(passage.item_date),
            section=section_date(passage.section),
            span=next((found for heading in reversed(passage.section) if (found := heading_range(heading))), None),
            previous=previous.get(scope),
            news_day=news_day.get(scope),
            told_just_before=just_before.get(scope),
            running=running if passage.snippet is None else None,  # each search snippet stands alone
            subject=subject,
            subject_applies=not any(heading.casefold() in background for heading in passage.section),
            item_is_news=item_is_news,
        )
        date, basis = date_passage(passage, context, cues, (told or {}).get(passage.id, []))
        just_before[scope] = date if basis.startswith("“") else None  # one paragraph goes on with it, not a chain of them
        if not item_is_news and date is None and (opening := _ANAPHORA.search(_first_sentence(passage.text))) and opening.start() < OPENING_REACH:
            previous.pop(scope, None)  # an article's "That Monday" that no day told before fits: its story has moved to a day not known
        if date is not None and date.year is not None:
            passage.date = date.iso()
            passage.date_basis = basis
            if basis.startswith("stated") and passage.snippet is None:
                running = date
            if basis.startswith("stated") or basis.startswith("“") or (item_is_day and basis == "the item's date"):
                previous[scope] = date  # (a record's paragraph of its day brings "that day" back to it)
                if basis.startswith("“") and "from the item's date" in basis and scope not in news_day and not item_is_day:
                    news_day[scope] = date
