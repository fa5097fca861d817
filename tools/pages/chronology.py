"""The chronology: every event the sources tell, one line each, grouped by year and month, each
linking to the passages that tell it; opened by the war at a glance (two charts and the map).

It is the first chapter of the Chronology part, before the period chapters. Each month's events
are a table (date, event, who tells it), which prints as a table in the PDF. An event only one
source tells is marked, and so is one whose sources disagree (a contested note on its passages).
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict

from .. import myst
from ..addresses import CHRONOLOGY
from ..events import Event
from ..figures import FOLDER, Figure, charts
from ..figures.maps import draw_places, svg_fragment
from ..model import display_date
from ..places import account
from .common import MOVED, STATIC_FOLDER, PageContext, month_heading, moved_map, moved_matter
from .glance import _numbered, figure_block, sources_note, theme_labels

MAP = "places-map"


def quarter_chart(context: PageContext) -> Figure:
    book = context.book
    order = [theme.slug for theme in book.chapters.themes]
    first_year = min((period.start.year for period in book.chapters.periods if period.start), default=2011)
    table = charts.events_per_quarter(book.events, context.by_id, order, first_year)
    labels = theme_labels(context)
    top = ", ".join(f"{label} ({total} events)" for label, total in charts.busiest(table))
    left = "; ".join(f"{count} {why}" for why, count in table.left_out.items())
    alt = (
        f"Stacked bar chart of the book's events per quarter from {first_year} to {table.bins[-1] if table.bins else first_year}, "
        f"coloured by each event's main theme ({', '.join(labels[name] for name in table.series)}). Busiest quarters: {top}."
    )
    caption = "Events per quarter, by each event's main theme (the theme most of its passages carry)" + (f". Not shown: {left}." if left else ".")
    return charts.chart("events-per-quarter", caption, alt, table, labels, (7.4, 3.3), tick_every=4, bin_labels={b: b[:4] for b in table.bins}, ylabel="events")


def sources_chart(context: PageContext) -> Figure:
    book = context.book
    kind_of = {source.file: context.views[source.file].kind_label for source in book.sources}
    periods = [period.slug for period in book.chapters.periods]
    table = charts.passages_per_period(book.passages, periods, kind_of)
    titles = {period.slug: short_title(period.title) for period in book.chapters.periods}
    lone = [titles[slug] for index, slug in enumerate(periods) if sum(1 for counts in table.series.values() if counts[index]) == 1]
    alt = (
        f"Stacked horizontal bar chart of the book's passages in each period, coloured by the kind of their source "
        f"({', '.join(table.series)}). Periods told by one kind of source only: {', '.join(lone) or 'none'}."
    )
    caption = "Passages per period, by kind of source: where the book rests on a single kind of voice."
    return charts.chart("sources-per-period", caption, alt, table, {}, (7.4, 3.4), horizontal=True, bin_labels=titles, ylabel="passages")


def short_title(title: str) -> str:
    return title.split(":")[0].strip()


def places_map(context: PageContext) -> tuple[Figure, str]:
    """The map of every place the book mentions; with its HTML form, whose points link to the glossary."""
    shown = account(context.book)
    counts = Counter(term for passage in context.book.passages for term in passage.terms)
    entries = {entry.term: entry for entry in context.book.glossary.entries}
    files, drawn = draw_places(shown.mapped, (7.4, 6.4), link=lambda term: "../" + context.addresses.glossary_url(entries[term]), priority=counts)
    points = [place.term for place in shown.mapped if place.kind not in ("country", "sea", "area")]
    alt = f"Map of Syria and its neighbours marking {len(points)} places the book mentions: {', '.join(points)}."
    caption = "Places the book mentions: bases, ports, cities and towns" + (f"; numbered: {_numbered(drawn.numbered)}." if drawn.numbered else ".")
    figure = Figure(MAP, caption, alt, files, drawn)
    fragment = svg_fragment(files[".svg"], "Places the book mentions", alt)
    page_html = f'<figure class="book-map" id="figure-{MAP}">\n{fragment}<figcaption>{html.escape(caption)} Each place links to its glossary entry.</figcaption>\n</figure>\n'
    return figure, page_html


def map_section(context: PageContext, figure: Figure) -> list[str]:
    shown = account(context.book)
    web = myst.directive("raw", "", "html", {"file": f"../{FOLDER}/{MAP}.html"}, fence="```")
    out = ["## The places", "", myst.directive("only", web, "html", fence="::::"), "", myst.directive("only", figure_block(figure), "latex", fence=":::::"), ""]
    if shown.unmapped:
        out += ["Places the book mentions that the map does not show, and why:", ""]
        out += [f"- {myst.term(term, term)}: {myst.text(reason)}" for term, reason in shown.unmapped]
        out.append("")
    return out


def event_row(context: PageContext, event: Event) -> str:
    date = event.when
    day = f"{date.day} {display_date(event.date[:7]).split()[0][:3]}" if date.day else ""
    title = f"**{myst.text(event.title)}**"
    marks = [sources_note(event)]
    for note in event.contested:
        marks.append(f"contested: [see the note](#note-{note})")
    links = " ".join(f"[{index}](#{pid})" for index, pid in enumerate(event.passages, start=1))
    told = f"{len(event.passages)} passage{'s' if len(event.passages) != 1 else ''}: {links}"
    return f"| {day} | {title} · {' · '.join(marks)} | {told} |"


def chronology_pages(context: PageContext, figures: list[Figure], map_figure: Figure) -> dict[str, str]:
    """The chronology: one page, or an opening page (the figures) and a page per period when the
    events are more than a page holds (chapters.yaml's page size)."""
    book = context.book
    events = book.events
    dated = sum(1 for passage in book.passages if passage.date)
    out = [myst.label("chronology-of-events"), "# Chronology of events", ""]
    out.append(
        f"Every event the sources tell, one line each, in the order it happened: {len(events)} events told by {dated} dated "
        "passages (undated passages are not events). Passages of several sources that tell the same event are gathered "
        "into one line, which links to each of them. *One source* marks an event only one source tells; *contested* "
        "links to the editors' note where the sources disagree. The titles of key events are the editors'; the others "
        "are the name of the event in the glossary or the first words of the earliest passage that tells it."
    )
    out += ["", "## The war at a glance", ""]
    for figure in figures:
        out += [figure_block(figure), ""]
    out += map_section(context, map_figure)
    by_year: dict[int, list[Event]] = defaultdict(list)
    for event in events:
        by_year[event.when.year].append(event)
    if not context.addresses.chronology_split:
        for year, chosen in sorted(by_year.items()):
            out += [f"## {year}", ""] + year_lines(context, year, chosen, "###")
        return {f"{CHRONOLOGY}.md": "\n".join(out)}
    # More events than a page holds: a page per period, and a map for addresses made before the split.
    by_period: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        by_period[event.period].append(event)
    # Each page: a period's events, or a year's of a period too long for one page.
    titles = {period.slug: period.title for period in book.chapters.periods}
    by_page: dict[str, list[Event]] = defaultdict(list)
    for period in book.chapters.periods:
        for event in by_period[period.slug]:
            by_page[context.addresses.chronology_page(event)].append(event)
    folder, slug = CHRONOLOGY.split("/")
    matter = moved_matter(folder, slug)
    out += ["## The events, period by period", "", myst.directive("toctree", "\n".join(page.removeprefix(f"{folder}/") for page in by_page), options={"maxdepth": "1"}, fence="```"), ""]
    pages = {f"{CHRONOLOGY}.md": "\n".join(matter + out)}
    pages[f"{STATIC_FOLDER}/{MOVED}/{folder}-{slug}.json"] = moved_map([(page, [context.addresses.chronology_anchor(event.date) for event in found]) for page, found in by_page.items()])
    labelled: set[str] = set()
    for page, found in by_page.items():
        period = found[0].period
        years = sorted({event.when.year for event in found})
        title = myst.text(titles[period]) + page_span_title(context, found[0])
        count = f"{len(found)} event{'s' if len(found) != 1 else ''}"
        lines = [f"# Events: {title}", "", f"*{count} of the [chronology of events](#chronology-of-events); the passages are in [the chapter](#period-{period}).*", ""]
        for year in years:
            lines += [f"## {year}", ""] + year_lines(context, year, [event for event in found if event.when.year == year], "###", labelled)
        pages[f"{page}.md"] = "\n".join(matter + lines)
    return pages


def page_span_title(context: PageContext, event: Event) -> str:
    """What a chronology page adds to its period's title: nothing, its year (", 2013") or its
    month (", May 2013"), by how much of the period it holds (Addresses.chronology_span)."""
    span = context.addresses.chronology_span(event)
    if span == "year":
        return f", {event.when.year}"
    if span == "month":
        return ", " + month_heading(event.date if event.when.month else str(event.when.year))
    return ""


def year_lines(context: PageContext, year: int, events: list[Event], level: str, labelled: set[str] | None = None) -> list[str]:
    """One year of the chronology: its months as headings, each a table of its events. A month
    that two periods share heads both their pages, with its anchor on the first (`labelled`)."""
    labelled = set() if labelled is None else labelled
    out, current = [], None
    for event in events:
        heading = month_heading(event.date if event.when.month else str(year))
        if heading != current:
            out += [""] if current is not None else []
            current = heading
            anchor = context.addresses.chronology_anchor(event.date)
            out += ([] if anchor in labelled else [myst.label(anchor)]) + [f"{level} {heading}", ""]
            labelled.add(anchor)
            rows = []
            out.append(rows)
        rows.append(event_row(context, event))
    # Each month a table that print may break across pages (Sphinx's longtable): a table LaTeX
    # cannot break runs off the foot of the page and its last events are lost.
    table = lambda rows: myst.directive("table", "\n".join(["| Date | Event | Told by |", "|---|---|---|", *rows]), "", {"class": "longtable chronology"}, fence="```")  # noqa: E731
    return [table(item) if isinstance(item, list) else item for item in out] + [""]


def pages(context: PageContext) -> dict[str, str | bytes]:
    figures = [quarter_chart(context), sources_chart(context)]
    map_figure, map_html = places_map(context)
    found: dict[str, str | bytes] = dict(chronology_pages(context, figures, map_figure))
    for figure in figures + [map_figure]:
        found |= figure.pages()
    found[f"{FOLDER}/{MAP}.html"] = map_html
    return found
