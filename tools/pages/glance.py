"""The war at a glance: the figures of the chronology and of each chapter, and the short list of
key events a period chapter opens with.

Figures are files of the generated tree (tools.figures); a page references them as `name.*`,
so the web edition takes the SVG and the PDF the PDF, each with its caption (listed in the PDF's
list of figures) and a text alternative that says what it shows. Only figures with something to
show are made.
"""

from __future__ import annotations

from collections import Counter

from .. import myst
from ..events import Event
from ..figures import FOLDER, Figure, charts
from ..figures.maps import draw_places
from ..model import display_date
from ..places import account
from .common import PageContext, short_title

KEY_EVENTS = 8  # at most, at the head of a period chapter
MONTHS_SHOWN = 240  # a period chart of more months (an open-ended first period) would be unreadable
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def figure_block(figure: Figure, depth: int = 1) -> str:
    """A numbered figure with caption and alt text; `depth` is the page's folder depth in docs/."""
    path = "../" * depth + f"{FOLDER}/{figure.name}.*"
    options = {"alt": " ".join(figure.alt.split()), "name": f"figure-{figure.name}", "class": "book-figure"}
    return myst.directive("figure", myst.text(figure.caption), path, options, fence="::::")


def theme_labels(context: PageContext) -> dict[str, str]:
    return {theme.slug: short_title(theme.title) for theme in context.book.chapters.themes} | {charts.OTHER: "other themes or none"}


def events_of_period(context: PageContext, slug: str) -> list[Event]:
    return [event for event in context.book.events if event.period == slug]


def key_events(events: list[Event], limit: int = KEY_EVENTS) -> list[Event]:
    """The editors' key events, then those most sources tell; shown in time order."""
    ranked = sorted(events, key=lambda e: (e.key is None, -len(e.sources), -len(e.passages), events.index(e)))
    chosen = [event for event in ranked[:limit] if event.key is not None or len(event.sources) > 1]
    return [event for event in events if event in chosen]


def event_line(context: PageContext, event: Event) -> str:
    """One line: date, title (linked to its line in the chronology), sources, marks."""
    anchor = context.addresses.chronology_anchor(event.date)
    parts = [f"**{display_date(event.date)}**", f"[{myst.text(event.title)}](#{anchor})", sources_note(event)]
    if event.contested:
        parts.append("*contested*")
    return "- " + " · ".join(parts)


def sources_note(event: Event) -> str:
    count = len(event.sources)
    return "*one source*" if count == 1 else f"{count} sources"


def period_opening(context: PageContext, period) -> tuple[str, dict[str, bytes]]:
    """A period chapter's opening: its key events, a chart of its events by month and a map of
    the places they name; with the figure files."""
    events = events_of_period(context, period.slug)
    if not events:
        return "", {}
    out = [myst.label(f"key-events-in-{period.slug}"), "## Key events", ""]
    chosen = key_events(events)
    out += [event_line(context, event) for event in chosen] or ["No event of this period is told by more than one source."]
    out += ["", f"All {len(events)} events of the period, one line each, are in the [chronology](#chronology-of-events).", ""]
    files: dict[str, bytes] = {}
    for figure in (period_chart(context, period, events), period_map(context, period, events)):
        if figure is not None:
            out += [figure_block(figure), ""]
            files |= figure.pages()
    return "\n".join(out), files


def _months(events: list[Event]) -> list[str]:
    placed = sorted({(e.when.year, e.when.month) for e in events if e.when.month})
    if not placed:
        return []
    (year, month), last = placed[0], placed[-1]
    found = []
    while (year, month) <= last:
        found.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def period_chart(context: PageContext, period, events: list[Event]) -> Figure | None:
    months = _months(events)
    if not 2 <= len(months) <= MONTHS_SHOWN:
        return None
    table = charts.events_per_bin(events, months, lambda e: e.date[:7] if e.when.month else None)
    labels = {month: MONTHS[int(month[5:]) - 1] + ("\n" + month[:4] if month.endswith("-01") or month == months[0] else "") for month in months}
    busiest = charts.busiest(table, 1)
    left = table.left_out.get("not placed", 0)
    alt = (
        f"Bar chart of the {sum(table.series['events'])} events of {period.title} per month, {display_date(months[0])} to "
        f"{display_date(months[-1])}; the busiest month is {display_date(busiest[0][0])} with {busiest[0][1]} events."
    )
    caption = f"Events of the period per month, as the sources date them" + (f" ({left} known only to the year are not shown)." if left else ".")
    tick = max(1, len(months) // 12)
    return charts.chart(f"period-{period.slug}-events", caption, alt, table, {}, (6.2, 1.9), tick_every=tick, bin_labels=labels, ylabel="events")


def period_map(context: PageContext, period, events: list[Event]) -> Figure | None:
    terms = list(dict.fromkeys(term for event in events for term in event.places))
    shown = account(context.book, terms)
    points = [place for place in shown.mapped if place.kind not in ("country", "sea", "area")]
    if not points:
        return None
    counts = Counter(term for event in events for term in event.places)
    files, drawn = draw_places(shown.mapped, (4.6, 4.0), priority=counts)
    names = ", ".join(place.term for place in points)
    alt = f"Map of Syria and its neighbours marking the {len(points)} places the events of {period.title} name: {names}."
    caption = "Places the events of the period name" + (f"; numbered: {_numbered(drawn.numbered)}." if drawn.numbered else ".")
    return Figure(f"period-{period.slug}-map", caption, alt, files, drawn)


def _numbered(numbered: dict[str, int]) -> str:
    return ", ".join(f"{number} {term}" for term, number in sorted(numbered.items(), key=lambda item: item[1]))


def theme_opening(context: PageContext, theme) -> tuple[str, dict[str, bytes]]:
    """A theme chapter's chart: its events per year."""
    events = [event for event in context.book.events if theme.slug in event.themes]
    first = min((period.start.year for period in context.book.chapters.periods if period.start), default=2011)
    years = sorted({event.when.year for event in events if first <= event.when.year < first + charts.YEARS_SHOWN})
    if len(years) < 2:
        return "", {}
    bins = [str(year) for year in range(years[0], years[-1] + 1)]
    table = charts.events_per_bin(events, bins, lambda e: str(e.when.year))
    busiest = charts.busiest(table, 1)
    alt = f"Bar chart of the {sum(table.series['events'])} events of the theme {theme.title} per year, {bins[0]} to {bins[-1]}; the busiest year is {busiest[0][0]} with {busiest[0][1]} events."
    tick = max(1, len(bins) // 10)
    left = table.left_out.get("not placed", 0)
    caption = "Events of the theme per year" + (f" ({left} before {bins[0]} not shown)." if left else ".")
    figure = charts.chart(f"theme-{theme.slug}-events", caption, alt, table, {}, (6.2, 1.8), tick_every=tick, ylabel="events")
    return figure_block(figure) + "\n", figure.pages()
