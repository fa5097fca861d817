"""Finding the dates a text mentions, and how strongly each one dates what the text tells.

A year merely mentioned is not the date of a passage: "since 1991", "the Battle of Grozny
(1999-2000)", "ambassador from 2004 to 2008", "the worst since 2012" or "the 2013 deal" say when
something else happened. Each mention therefore gets a weight:

- 3: it anchors the passage: the passage opens with it ("On 30 September 2015, ...", "In 2012
  ..."), or a reporting verb stands right before it ("said in April 2012", "told reporters on
  Tuesday"), or it is relative to the item's own date ("yesterday", "on Tuesday");
- 2.5: a later sentence opens with it, or a verb in the past stands right before it ("began in
  September 2015"); of two such, the first counts;
- 2: a day or month elsewhere in the text ("... struck Homs on 7 October 2015");
- 1: a year elsewhere ("... fired in 2016"), and at most 1 the date of a document the text names
  ("the agreement signed in Damascus on 26 August 2015", "the memorandum of 4 May 2017");
- 0: it only describes something else: after "since", "until", "before", "prior to", "born",
  inside a range ("from 2004 to 2008", "1999-2000"), in parentheses, in a comparison
  ("than in 2014"), or as a modifier of a name ("the 2013 deal").
A year in a clause in the past perfect ("had halted ... in 2013") is background: its weight is halved.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
from dataclasses import dataclass

from .model import PartialDate

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}
# French month names, in dates written the French way inside English text ("le 30 septembre 2015")
FRENCH_MONTHS = {
    name: number
    for number, names in enumerate(
        [("janvier",), ("février", "fevrier"), ("mars",), ("avril",), ("mai",), ("juin",), ("juillet",), ("août", "aout"),
         ("septembre",), ("octobre",), ("novembre",), ("décembre", "decembre")],
        start=1,
    )
    for name in names
}
_FRENCH_MONTH = r"(?P<month>(?i:" + "|".join(sorted(FRENCH_MONTHS, key=len, reverse=True)) + r"))"
# A month in Roman numerals, as Central and Eastern European dates write it ("30-IX-2015", "10.V.2010")
ROMAN_MONTHS = {numeral: number for number, numeral in enumerate(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"], start=1)}
_ROMAN_MONTH = r"(?P<roman>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
# As written in prose, or in capitals as wire datelines and stamps write them ("13 DEC", "05-MAR-2016")
_MONTH = r"(?P<month>" + _MONTH_NAMES + "|" + _MONTH_NAMES.upper() + r")\.?"
_YEAR = r"(?P<year>1[89]\d\d|20[0-4]\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,?\s+)?"

# (pattern, precision, needs a year from context). Longest forms first: a span is taken once.
PATTERNS = [
    (re.compile(rf"\b{_YEAR}-(?P<mnum>[01]?\d)-(?P<day>[0-3]?\d)(?:\b|(?=T\d))"), "day", False),  # 2016-03-05, 2016-3-5, 2016-03-05T14:05Z
    (re.compile(rf"\b(?P<day>[0-3]?\d)-{_MONTH}-{_YEAR}\b"), "day", False),  # 5-Mar-2016, 05-MAR-2016
    (re.compile(rf"\b(?P<day>[0-3]?\d)/(?P<mnum>[01]?\d)/{_YEAR}\b"), "day", False),  # 14/03/2016: day first
    (re.compile(rf"\b(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.{_YEAR}\b"), "day", False),  # 14.03.2016: day first
    # 06.01.18 08:10: a channel export's day with a two-digit year, only before a time of day,
    # or after a weekday ("Fri 25.03.16", a newsletter's issue line)
    (re.compile(r"\b(?P<day>[0-3]\d)\.(?P<mnum>[01]\d)\.(?P<year>[0-4]\d)(?=,?\s+\d{1,2}:\d{2}\b)"), "day", False),
    (re.compile(r"(?<=\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s)(?P<day>[0-3]\d)\.(?P<mnum>[01]\d)\.(?P<year>[0-4]\d)\b(?![.\d])"), "day", False),
    (re.compile(rf"\b(?P<mnum>[01]?\d)/(?P<day>[0-3]?\d)/{_YEAR}\b"), "day", False),  # 09/30/2015: month first, when day first cannot be
    (re.compile(rf"\b{_YEAR}[./](?P<mnum>[01]\d)[./](?P<day>[0-3]\d)\b"), "day", False),  # 2015.09.30, 2015/09/30
    (re.compile(rf"\b(?P<day>[0-3]?\d)([-./]){_ROMAN_MONTH}\2{_YEAR}\b"), "day", False),  # 30-IX-2015, 10.V.2010
    (re.compile(rf"\b(?P<day>[0-3]?\d)(?:er)?\s+{_FRENCH_MONTH}\s+{_YEAR}\b"), "day", False),  # le 30 septembre 2015
    (re.compile(rf"(?:\b[Ll]e\s+|^|(?<=[(\[]))(?P<day>[0-3]?\d)(?:er)?\s+{_FRENCH_MONTH}\b"), "day", True),  # "Le 9 décembre", not "2 mai" in passing
    (re.compile(rf"\b{_WEEKDAY}{_DAY}(?:\s+day)?(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b"), "day", False),  # "the 24th day of October 2019"
    (re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"), "day", False),
    (re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b"), "month", False),
    (re.compile(rf"\b{_DAY}(?:\s*[-–]\s*[0-3]?\d)?\s+{_MONTH}\b(?![-–]\d)"), "day", True),  # 23-24 January: the first day
    (re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:%|,\d|\d))"), "day", True),
    (re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)\s+(?:day\s+)?of\s+{_MONTH}"), "day", True),  # "the 13th of May"
    (re.compile(rf"(?:(?<=\b[Mm]id-)|(?<=\b[Ee]arly-)|(?<=\b[Ll]ate-)|(?<![\d$£€.,/-])){_YEAR}(?![\d%]|s\b|,\d|\.\d)"), "year", False),
    (re.compile(rf"(?:\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Ee]arly|[Ll]ate|[Ee]nd of|[Dd]uring)\s+|\b[Mm]id-){_MONTH}\b"), "month", True),
]

# A four-digit number is a count, a time or a document number rather than a year when a quantity
# word comes before it ("some 2000 troops") or a unit after it ("2030 GMT", "1800 people").
_NOT_A_YEAR_BEFORE = re.compile(
    r"(?:\b(?:some|about|around|nearly|almost|over|roughly|approximately|than|least|only|estimated|"
    r"[Rr]esolution|[Nn]o\.|[Nn]umber|[Ff]light|[Rr]oute|[Hh]ighway|[Pp]age|[Pp]p?\.)\s*)$"
)
_NOT_A_YEAR_AFTER = re.compile(
    r"^\s*(?:GMT|UTC|hours?|hrs|h\b|km|kilomet|miles?|met(?:er|re)s?|tons?|tonnes|people|troops|soldiers|"
    r"civilians|fighters|militants|personnel|men|women|children|residents|families|refugees|sorties|"
    r"strikes|airstrikes|targets|casualties|deaths|dead|killed|members|servicemen|aircraft|vehicles)\b"
)

# What a mention says about itself, read in the words around it.
_DESCRIBES_ANOTHER_TIME = re.compile(
    r"\b(?:since|until|till|before|prior to|born|as early as|ever since|worst since|first since|highest since|lowest since|"
    r"than in|than|compared with|compared to|as in|after)\s+(?:the\s+)?(?:(?:early|late|mid)[- ]?)?(?:\w+\s+)?$"
    r"|\bsince\b[^.,;:()]{0,60}$",  # "since the beginning of the Syrian conflict in 2011"
    re.IGNORECASE,
)
_RANGE_AFTER = re.compile(r"^\s*(?:[-–—/]|to|and|until|till)\s*(?:\w+\s+)?(?:1[89]\d\d|20[0-4]\d|\d{2}\b)", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"(?:1[89]\d\d|20[0-4]\d)\s*(?:[-–—/]|to|and|until)\s*$", re.IGNORECASE)
# "From 9 November to 24 December 2012 he was interim commander", "From February to December 2024
# he chaired the society": a term of office, told by a month range and a verb of holding a post. A
# month range that tells events ("from 14 to 17 March, jets flew home") still dates its passage.
_MONTH_RANGE_AFTER = re.compile(
    r"^\s*(?:[-–—]|to|until|till)\s*(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
_MONTH_RANGE_BEFORE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2})?\s*(?:[-–—]|to|until)\s*$")
_TERM_OF_OFFICE = re.compile(r"^[^.;]{0,30}?\b(?:he|she)\s+(?:was|served|chaired|commanded|headed|led|held|ran|acted)\b")
_MODIFIER_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their|this|that|whose|[A-Z]\w+['’]s)\s+$")
# "the agreement signed in Damascus on 26 August 2015", "the memorandum of 4 May 2017": the date of
# a document the text names, not of what the text tells.
# Not "adopted a resolution on 18 December 2015", where the adoption is what the text tells.
_DOCUMENT_OF = re.compile(
    r"\b(?:agreement|memorandum|accord|treaty|protocol|resolution|decree|contract|deal|declaration|communiqu[eé])\s+"
    r"(?:(?:of|dated)|(?:signed|agreed|adopted|concluded|reached|issued|passed)\s+(?:(?:in|at)\s+[A-Z][\w'’-]+\s+)?(?:on|in))\s+$"
)
_NOUN_AFTER = re.compile(r"^\s+(?:[a-z][a-z-]+|[A-Z][\w-]+\s+[a-z][a-z-]+)")  # "the 2013 deal", "the 2019 Stroytransgaz contract"
# A verb in the past right before the date: the main event of the clause ("began in September 2015").
_EVENT_VERB = re.compile(
    r"\b(?:\w+ed|began|begun|fell|took|won|met|came|went|made|led|held|shot|struck|fought|broke|left|"
    r"sent|flew|spoke|saw|gave|rose|ran|froze|wrote|chose|drew|lost|became)\s+(?:in|on|at the end of|by)\s+$",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"\b(?:said|says|told(?:\s+\w+){0,2}|announced|declared|stated|warned|added|insisted|claimed|reported|confirmed|denied|"
    r"wrote|argued|noted|acknowledged|admitted|explained|tweeted|replied)\s+(?:on|in|last|this|early|late)?\s*$",
    re.IGNORECASE,
)
_PASSAGE_OPENS = re.compile(r"^\s*(?:(?:[Oo]n|[Ii]n|[Bb]y|[Ff]rom|[Ee]arly|[Ll]ate|[Aa]t the end of|[Dd]uring|[Aa]s of)\s+)?(?:the\s+)?(?:(?:early|late|mid)[- ])?$")
_SENTENCE_OPENS = re.compile(r"[.!?:;]['\"”’)]?\s+(?:(?:[Oo]n|[Ii]n|[Bb]y|[Ff]rom|[Ee]arly|[Ll]ate|[Aa]t the end of|[Dd]uring|[Aa]s of)\s+)?(?:the\s+)?(?:(?:early|late|mid)[- ])?$")
_PLUPERFECT = re.compile(r"\bhad\s+(?:been\s+|already\s+|not\s+|never\s+)?\w+(?:ed|en|wn|ne|ht|lt|ut|un)\b")
_ASIDE_ABOUT_SOMEONE = re.compile(r",\s+(?:who|whose)\s[^,;.()]*$")  # a relative clause about a person, still open
_CLAUSE_START = re.compile(r"[.;!?]\s|,\s(?:but|while|whereas|and)\s")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: PartialDate  # year None: a day or month still to be completed from the context
    weight: float
    kind: str = "explicit"  # "explicit" | "relative"
    expression: str = ""


def _is_count(text: str, start: int, end: int) -> bool:
    return bool(_NOT_A_YEAR_BEFORE.search(text[max(0, start - 20) : start]) or _NOT_A_YEAR_AFTER.match(text[end : end + 20]))


def _in_parentheses(text: str, start: int, end: int) -> bool:
    opening, closing = text.rfind("(", 0, start), text.rfind(")", 0, start)
    return opening > closing and ")" in text[end : end + 40] and opening >= start - 40


def _clause_before(text: str, start: int) -> str:
    cut = max([0] + [m.end() for m in _CLAUSE_START.finditer(text, max(0, start - 200), start)])
    return text[cut:start]


_MONTH_START = re.compile(_MONTH)
_SINCE_THE_DAY_WHEN = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
_WHEN_AFTER = re.compile(r"^(?:\s+\d{4})?,?\s+when\b", re.IGNORECASE)


def weigh(text: str, start: int, end: int, precision: str) -> float:
    """How strongly the date at text[start:end] dates what the text tells (see the module's doc)."""
    before = text[max(0, start - 40) : start]
    if precision == "day" and _SINCE_THE_DAY_WHEN.search(before) and _WHEN_AFTER.match(text[end : end + 12]):
        return 2.5  # "Two weeks have passed since 6 February, when two earthquakes struck": the when-clause tells that day
    if _DESCRIBES_ANOTHER_TIME.search(before) or _RANGE_AFTER.match(text[end : end + 24]) or _RANGE_BEFORE.search(before):
        return 0
    if (_MONTH_RANGE_AFTER.match(text[end : end + 24]) or _MONTH_RANGE_BEFORE.search(before)) and _TERM_OF_OFFICE.search(text[end : end + 60]):
        return 0
    if _in_parentheses(text, start, end):
        return 0
    opens_with_a_word = text[start : start + 1].isalpha() and not _MONTH_START.match(text[start:end])  # "end of March", "in May"
    if precision != "day" and not opens_with_a_word and _MODIFIER_BEFORE.search(before) and _NOUN_AFTER.match(text[end : end + 20]):
        return 0  # "the 2013 deal", "The October 2015 airstrikes": the name of something, not a time
    if _REPORTED.search(before) or _PASSAGE_OPENS.fullmatch(text[:start]):
        weight = 3.0
    elif _SENTENCE_OPENS.search(text[max(0, start - 60) : start]) or _EVENT_VERB.search(before):
        weight = 2.5  # a later sentence's opening date tells of a later development
    else:
        weight = 1.0 if precision == "year" else 2.0
    if precision == "year" and _PLUPERFECT.search(_clause_before(text, start)):
        weight /= 2  # "had halted ... in 2013": background
    if _DOCUMENT_OF.search(before):
        weight = min(weight, 1.0)  # the date of a document the text names: it dates the text only when nothing else does
    if _ASIDE_ABOUT_SOMEONE.search(text[max(0, start - 80) : start]):
        weight = min(weight, 1.0)  # "Nebenzia, who was appointed in July, then withdrew ...": an aside, not the news
    return weight


def _month_number(groups: dict) -> int | None:
    if groups.get("month"):
        name = groups["month"].lower().rstrip(".")
        return MONTHS.get(name) or FRENCH_MONTHS[name]
    if groups.get("roman"):
        return ROMAN_MONTHS[groups["roman"]]
    return int(groups["mnum"]) if groups.get("mnum") else None

_DAY_FIRST_SLASHES = next(entry for entry in PATTERNS if entry[0].pattern.startswith(r"\b(?P<day>[0-3]?\d)/(?P<mnum>"))
_MONTH_FIRST_SLASHES = next(entry for entry in PATTERNS if entry[0].pattern.startswith(r"\b(?P<mnum>[01]?\d)/"))
_MONTH_FIRST_PATTERNS = [
    _MONTH_FIRST_SLASHES if entry is _DAY_FIRST_SLASHES else _DAY_FIRST_SLASHES if entry is _MONTH_FIRST_SLASHES else entry for entry in PATTERNS
]


# How a seed writes a date in figures with slashes. Day first ("14/03/2016") unless its own
# figures or its own words say month first ("Dates in this letter are written month/day/year",
# "09/30/2015"): then "04/07/2017" is 7 April. Set for one seed at a time, while it is read, split
# and dated (`slashes_month_first`).
_SLASHES_MONTH_FIRST: contextvars.ContextVar[bool] = contextvars.ContextVar("slashes_month_first", default=False)
_DECLARED_MONTH_FIRST = re.compile(r"\b(?:month\s*/\s*day\s*/\s*year|mm/dd/yy(?:yy)?)\b", re.IGNORECASE)
_DECLARED_DAY_FIRST = re.compile(r"\b(?:day\s*/\s*month\s*/\s*year|dd/mm/yy(?:yy)?)\b", re.IGNORECASE)
_DECLARES_ITS_DATES = re.compile(r"\bdates?\b.{0,60}\b(?:written|given|format|formatted|shown|in this)\b|\b(?:written|given|format|formatted|shown)\b.{0,60}\bdates?\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never|unlike|rather than|instead of)\b", re.IGNORECASE)
_SLASH_FIGURES = re.compile(r"(?<![/\w])([0-3]?\d)/([0-3]?\d)/(?:1[89]\d\d|20[0-4]\d)(?![/\w])")
MONTH_FIRST_EVIDENCE = 2  # distinct dates only month first can read; one may be a US source quoted


def writes_month_first(lines: list[str]) -> bool:
    """Whether a seed writes its slashed dates month first: a line of its own says its dates are
    written so ("Dates in this letter are written month/day/year"), or two or more of them can
    only be read so ("09/30/2015") and none can only be read day first ("14/03/2016"). A form's
    "enter it as mm/dd/yyyy", a negation and figures inside an address do not count."""
    declared = [line for line in lines if _DECLARES_ITS_DATES.search(line) and not _NEGATION.search(line)]
    if any(_DECLARED_DAY_FIRST.search(line) for line in declared):
        return False
    if any(_DECLARED_MONTH_FIRST.search(line) for line in declared):
        return True
    pairs = {(int(first), int(second)) for line in lines for first, second in _SLASH_FIGURES.findall(line)}
    month_first_only = [pair for pair in pairs if pair[1] > 12 >= pair[0]]
    return len(month_first_only) >= MONTH_FIRST_EVIDENCE and not any(first > 12 >= second for first, second in pairs)


def reads_month_first() -> bool:
    """Whether the seed being read writes its dates in figures month first."""
    return _SLASHES_MONTH_FIRST.get()


@contextlib.contextmanager
def slashes_month_first(month_first: bool):
    """Read slashed dates month first (or day first) inside the block."""
    token = _SLASHES_MONTH_FIRST.set(month_first)
    try:
        yield
    finally:
        _SLASHES_MONTH_FIRST.reset(token)


def find_dates(text: str) -> list[tuple[int, PartialDate]]:
    """Every date expression in the text, by position; a missing year is None, to be completed."""
    return [(mention.start, mention.date) for mention in explicit_mentions(text)]


def explicit_mentions(text: str) -> list[DateMention]:
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern, precision, needs_year in (_MONTH_FIRST_PATTERNS if _SLASHES_MONTH_FIRST.get() else PATTERNS):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            if precision == "year" and _is_count(text, start, end):
                continue
            groups = match.groupdict()
            year = None if needs_year else int(groups["year"]) + (2000 if len(groups["year"]) == 2 else 0)  # "18" in 06.01.18: 2018
            month = _month_number(groups)
            day = int(groups["day"]) if precision == "day" and groups.get("day") else None
            if not PartialDate.valid(year, month, day) or (month is not None and not 1 <= month <= 12):
                continue
            taken.append((start, end))
            found.append(DateMention(start, end, PartialDate(year, month, day), weigh(text, start, end, precision), expression=match.group(0)))
    return sorted(found, key=lambda mention: mention.start)
