"""Sorting passages into chapters: one period by date, any number of themes by lexicon."""

from __future__ import annotations

import calendar
import datetime as dt

from .dating import parse_iso
from .editorial import Chapters, Theme
from .model import Passage


def first_day(iso: str) -> dt.date:
    date = parse_iso(iso)
    return dt.date(date.year, date.month or 1, date.day or 1)


def last_day(iso: str) -> dt.date:
    date = parse_iso(iso)
    month = date.month or 12
    return dt.date(date.year, month, date.day or calendar.monthrange(date.year, month)[1])


def period_for(iso: str | None, chapters: Chapters) -> str:
    """The period holding the date; a month or a year is placed by its last day.

    Sources say "in September 2015" of the intervention that began on the 30th, and "in 2011" of
    the uprising that began in March: on the hand-labelled passages the last day puts 92 % in the
    right period, the first day 88 %.
    """
    if iso:
        day = last_day(iso)
        for period in chapters.periods:
            if period.contains(day):
                return period.slug
    return next(period.slug for period in chapters.periods if period.undated)


def theme_hits(text: str, theme: Theme) -> set[str]:
    """Distinct lexicon hits of a theme in a text, compared case-insensitively."""
    hits: set[str] = set()
    for matcher in theme.matchers:
        for match in matcher.finditer(text):
            hits.add(match.group(0).casefold())
    return hits


def classify(passages: list[Passage], chapters: Chapters) -> None:
    for passage in passages:
        passage.period = period_for(passage.date, chapters)
        passage.themes = [theme.slug for theme in chapters.themes if len(theme_hits(passage.text, theme)) >= theme.min_hits]
