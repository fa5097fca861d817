"""Corroboration: passages of different sources that tell the same event link to each other.

Two passages tell the same event when they come from different sources, their dates are close
(within a week at day precision, the same month when one is only known to the month), and they
share names from the glossary: one that is rare in the book (a specific event, aircraft or place
rather than a protagonist mentioned everywhere), or at least two when both are dated to the day.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

from .model import Passage, parse_iso

MAX_DAYS_APART = 7
RARE_TERM_SHARE = 0.03  # a term in at most 3 % of passages is specific enough on its own


def _close(a: str, b: str) -> bool:
    first, second = parse_iso(a), parse_iso(b)
    if first.month is None or second.month is None:
        return False
    if first.day is None or second.day is None:
        return (first.year, first.month) == (second.year, second.month)
    return abs((first.first_day() - second.first_day()).days) <= MAX_DAYS_APART


def corroborate(passages: list[Passage]) -> dict[str, list[str]]:
    frequency = Counter(term for passage in passages for term in set(passage.terms))
    rare_limit = max(2, int(RARE_TERM_SHARE * len(passages)))
    order = {p.id: index for index, p in enumerate(passages)}
    # Only passages of the same or the next month can be close: compare within those buckets.
    by_month: dict[int, list[Passage]] = defaultdict(list)
    for passage in passages:
        date = parse_iso(passage.date) if passage.date else None
        if date and date.month and passage.terms:
            by_month[date.year * 12 + date.month].append(passage)
    links: dict[str, list[str]] = {p.id: [] for p in passages}
    for month, group in by_month.items():
        pairs = list(combinations(group, 2)) + [(a, b) for a in group for b in by_month.get(month + 1, [])]
        for first, second in pairs:
            if first.source == second.source or not _close(first.date, second.date):
                continue
            shared = set(first.terms) & set(second.terms)
            rare = any(frequency[term] <= rare_limit for term in shared)
            both_days = parse_iso(first.date).day is not None and parse_iso(second.date).day is not None
            if rare or (both_days and len(shared) >= 2):
                links[first.id].append(second.id)
                links[second.id].append(first.id)
    return {pid: sorted(set(found), key=order.__getitem__) for pid, found in links.items()}
