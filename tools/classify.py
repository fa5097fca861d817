"""Sorting passages into chapters: one period by date, any number of themes by lexicon."""

from __future__ import annotations

import datetime as dt

from .dating import parse_iso
from .editorial import Chapters, Theme
from .model import Passage


def first_day(iso: str) -> dt.date:
    """A year or month date counts from its first day: '2016-03' falls before 15 March 2016."""
    date = parse_iso(iso)
    return dt.date(date.year, date.month or 1, date.day or 1)


def period_for(iso: str | None, chapters: Chapters) -> str:
    if iso:
        day = first_day(iso)
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
