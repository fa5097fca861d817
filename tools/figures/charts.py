"""The book's charts: what they count (pure functions, tested against the passages) and how they
are drawn.

- Events per quarter, stacked by each event's main theme: the arc of the war at a glance.
- Passages per period by kind of source: where the book rests on one kind of voice.
- A period's or a theme's own events over time: a small chart at the head of its chapter.

An event is counted once, under its main theme (the theme most of its passages carry; the first in
the book's order on a tie). Events known only to the year cannot be placed in a quarter or a month:
the caption says how many are left out, so the chart never claims more than the passages say.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..events import Event
from ..model import Passage
from . import NEUTRAL, PALETTE, Figure, new_figure, remembered, save

OTHER = "other"  # the themes beyond the palette, and events with no theme
YEARS_SHOWN = 60  # a chart spans at most this many years from its first (a mistyped date cannot stretch it to 9999)


def main_theme(event: Event, by_id: dict[str, Passage], theme_order: list[str]) -> str | None:
    counts = Counter(theme for pid in event.passages for theme in by_id[pid].themes)
    if not counts:
        return None
    return min(counts, key=lambda slug: (-counts[slug], theme_order.index(slug) if slug in theme_order else len(theme_order)))


@dataclass
class Stacked:
    """Counts by bin (a quarter, a month, a period) and by series (a theme, a kind of source)."""

    bins: list[str]  # labels, in order
    series: dict[str, list[int]] = field(default_factory=dict)  # series -> one count per bin
    left_out: dict[str, int] = field(default_factory=dict)  # why -> how many were not placed

    def total(self, index: int) -> int:
        return sum(counts[index] for counts in self.series.values())


def quarter_label(year: int, quarter: int) -> str:
    return f"{year} Q{quarter}"


def events_per_quarter(events: list[Event], by_id: dict[str, Passage], theme_order: list[str], first_year: int, shown: int = len(PALETTE)) -> Stacked:
    """Events per quarter from first_year on, by main theme; the `shown` themes that carry the
    most events have their own colour, the rest are "other"."""
    placed, left_out = [], Counter()
    for event in events:
        date = event.when
        if date.month is None:
            left_out["known only to the year"] += 1
        elif date.year < first_year:
            left_out[f"before {first_year}"] += 1
        elif date.year >= first_year + YEARS_SHOWN:
            left_out[f"after {first_year + YEARS_SHOWN - 1}"] += 1
        else:
            placed.append(((date.year, (date.month - 1) // 3 + 1), main_theme(event, by_id, theme_order)))
    if not placed:
        return Stacked([], {}, dict(left_out))
    ranking = Counter(theme for _, theme in placed if theme)
    kept = [slug for slug in theme_order if slug in ranking]
    kept = sorted(kept, key=lambda slug: -ranking[slug])[:shown]
    kept = [slug for slug in theme_order if slug in kept]
    last = max(quarter for quarter, _ in placed)
    quarters = [(year, q) for year in range(first_year, last[0] + 1) for q in range(1, 5) if (year, q) <= last]
    index = {quarter: position for position, quarter in enumerate(quarters)}
    series = {slug: [0] * len(quarters) for slug in kept + [OTHER]}
    for quarter, theme in placed:
        series[theme if theme in kept else OTHER][index[quarter]] += 1
    if not any(series[OTHER]):
        del series[OTHER]
    return Stacked([quarter_label(*quarter) for quarter in quarters], series, dict(left_out))


def passages_per_period(passages: list[Passage], periods: list[str], kind_of: dict[str, str]) -> Stacked:
    """Passages of each period by the kind of their source (kind_of: seed file -> kind)."""
    kinds = list(dict.fromkeys(kind_of[p.source] for p in passages))
    series = {kind: [0] * len(periods) for kind in kinds}
    for passage in passages:
        series[kind_of[passage.source]][periods.index(passage.period)] += 1
    return Stacked(list(periods), series)


def events_per_bin(events: list[Event], bins: list[str], bin_of) -> Stacked:
    """One series: events per bin (bin_of(event) -> label or None when it cannot be placed)."""
    counts, left_out = [0] * len(bins), Counter()
    for event in events:
        label = bin_of(event)
        if label is None or label not in bins:
            left_out["not placed"] += 1
        else:
            counts[bins.index(label)] += 1
    return Stacked(list(bins), {"events": counts}, dict(left_out))


def colours(series: list[str]) -> dict[str, str]:
    named = [name for name in series if name != OTHER]
    found = {name: PALETTE[index % len(PALETTE)] for index, name in enumerate(named)}
    if OTHER in series:
        found[OTHER] = NEUTRAL
    return found


def busiest(table: Stacked, count: int = 3) -> list[tuple[str, int]]:
    ranked = sorted(range(len(table.bins)), key=lambda index: (-table.total(index), index))
    return [(table.bins[index], table.total(index)) for index in ranked[:count] if table.total(index)]


def draw_stacked(
    table: Stacked, labels: dict[str, str], size: tuple[float, float], tick_every: int = 1, horizontal: bool = False, ylabel: str = "", bin_labels: dict[str, str] | None = None
) -> dict[str, bytes]:
    """A stacked bar chart: bins along the axis, one colour per series, a legend when there are several."""
    settings = (table, labels, size, tick_every, horizontal, ylabel, bin_labels)
    return remembered(("stacked", settings), lambda: _draw_stacked(*settings))


def _draw_stacked(table: Stacked, labels: dict[str, str], size: tuple[float, float], tick_every: int, horizontal: bool, ylabel: str, bin_labels: dict[str, str] | None) -> dict[str, bytes]:
    figure = new_figure(*size)
    axes = figure.add_subplot()
    positions = list(range(len(table.bins)))
    base = [0] * len(table.bins)
    palette = colours(list(table.series))
    for name, counts in table.series.items():
        if horizontal:
            axes.barh(positions, counts, left=base, color=palette[name], label=labels.get(name, name), height=0.7)
        else:
            axes.bar(positions, counts, bottom=base, color=palette[name], label=labels.get(name, name), width=0.85)
        base = [a + b for a, b in zip(base, counts)]
    ticks = [position for position in positions if position % tick_every == 0]
    shown = [(bin_labels or {}).get(table.bins[p], table.bins[p]) for p in ticks]
    if horizontal:
        axes.set_yticks(ticks, shown)
        axes.invert_yaxis()
        axes.set_xlabel(ylabel)
    else:
        axes.set_xticks(ticks, shown, rotation=0)
        axes.set_ylabel(ylabel)
        axes.set_xlim(-0.6, len(table.bins) - 0.4)
    axes.yaxis.get_major_locator().set_params(integer=True) if not horizontal else axes.xaxis.get_major_locator().set_params(integer=True)
    if len(table.series) > 1:
        axes.legend(frameon=False, fontsize=7, ncols=2 if len(table.series) > 4 else 1, loc="upper left" if not horizontal else "center right")
    figure.tight_layout()
    return save(figure)


def chart(name: str, caption: str, alt: str, table: Stacked, labels: dict[str, str], size: tuple[float, float], **options) -> Figure:
    return Figure(name, caption, alt, draw_stacked(table, labels, size, **options), table)
