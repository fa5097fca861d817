"""The chapters: one page per period (every passage in full, in time order, under month headings)
and one per theme (linked excerpts under year headings), their index pages and the home page's cards.

Each passage has one full-text home, in its period chapter, under a stable anchor (its id); theme
chapters reach it through short linked excerpts. Passages are anchored blocks, not sections: the
only headings are the months (years on theme pages, sources in the undated chapter), so the page's
contents column lists them while the navigation tree stays small however many passages there are.
Their anchors come from tools.addresses. An editorial note is printed in full once per chapter.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from .. import myst
from ..addresses import date_group_anchor, theme_year_anchor, undated_anchor
from ..excerpt import excerpt
from ..model import Passage, display_date
from .common import NotesOnPage, PageContext, month_heading
from .glance import period_opening, theme_opening


def date_group(context: PageContext, period, passage: Passage) -> tuple[str, str]:
    """The heading a passage falls under in its period chapter, and that heading's anchor: its
    month, or its year when that is all the book knows; in the undated chapter, its source."""
    if passage.date is None and period.undated:
        view = context.views[passage.source]
        return f"From {myst.text(view.title)}", undated_anchor(view.slug)
    return month_heading(passage.date), date_group_anchor(passage.when, period, context.book.chapters.periods)


def period_page(context: PageContext, period, opening: str = "") -> str:
    passages = context.in_time_order(p for p in context.book.passages if p.period == period.slug)
    out = [myst.label(f"period-{period.slug}"), f"# {period.title}", "", period.intro, ""]
    out += [opening] if opening else []  # its key events, a chart and a map (glance.py)
    out += [f"*{len(passages)} passages from {len({p.source for p in passages})} sources.*", ""]
    current = None
    notes = NotesOnPage(period.slug)
    for passage in passages:
        heading, anchor = date_group(context, period, passage)
        if anchor != current:
            out += [myst.label(anchor), f"## {heading}", ""]
            current = anchor
        out += [context.passage_block(passage, notes), ""]
    return "\n".join(out)


def theme_page(context: PageContext, theme, opening: str = "") -> str:
    passages = context.in_time_order(p for p in context.book.passages if theme.slug in p.themes)
    out = [myst.label(f"theme-{theme.slug}"), f"# {theme.title}", "", theme.intro, ""]
    out += [opening] if opening else []  # its events over time (glance.py)
    web = f"*{len(passages)} passages. Each excerpt links to the full passage in its period chapter.*"
    paper = f"*{len(passages)} passages. Each excerpt gives the page of the full passage in its period chapter.*"
    out += [myst.directive("only", web, "html"), "", myst.directive("only", paper, "latex"), ""]
    by_year: dict[int | None, list[Passage]] = defaultdict(list)
    for passage in passages:
        by_year[passage.when.year if passage.when else None].append(passage)
    titles = {period.slug: period.title for period in context.book.chapters.periods}
    for year, found in by_year.items():
        out += [myst.label(theme_year_anchor(theme.slug, year)), f"## {year if year else 'Undated'}", ""]
        periods = list(dict.fromkeys(passage.period for passage in found))
        out += ["*In the chronology:* " + ", ".join(f"[{myst.text(titles[slug])}](#period-{slug})" for slug in periods if slug in titles), ""]
        for passage in found:
            title = context.views[passage.source].title
            out.append(f"- **{display_date(passage.date)}** · {myst.link(excerpt(passage.text), '#' + passage.id)} · *{myst.text(title)}*")
        out.append("")
    if not passages:
        out.append("No passage of the current sources falls under this theme yet.")
    return "\n".join(out)


def chapter_index(context: PageContext, kind: str) -> str:
    chapters = context.book.chapters
    if kind == "periods":
        title, intro, items = "Chronology", "Every event the sources tell, one line each, then the book's passages in the order of the events they tell, one chapter per period.", chapters.periods
        names = ["chronology"] + [item.slug for item in items]  # the list of events first (pages/chronology.py)
    else:
        title, intro, items = "Themes", "The same passages followed across the years, one chapter per theme, as linked excerpts.", chapters.themes
        names = [item.slug for item in items]
    toctree = myst.directive("toctree", "\n".join(names), options={"maxdepth": "1"}, fence="```")
    return "\n".join([myst.label(f"{kind}-index"), f"# {title}", "", intro, "", toctree, ""])


def _span(item) -> str:
    start, end = getattr(item, "start", None), getattr(item, "end", None)
    if getattr(item, "undated", False) or not (start or end):
        return ""
    left = display_date(start.isoformat()) if start else "up"
    right = display_date(end.isoformat()) if end else "today"
    return f"{left} to {right} · "


def cards(context: PageContext) -> str:
    """The home page's period and theme cards (HTML), with a plain list for print."""
    counts = Counter(p.period for p in context.book.passages) + Counter(theme for p in context.book.passages for theme in p.themes)

    def grid(items, folder):
        cards = [
            myst.directive("grid-item-card", f"{_span(item)}{counts[item.slug]} passages", myst.text(item.title), {"link": f"{folder}/{item.slug}", "link-type": "doc"})
            for item in items
        ]
        return myst.directive("grid", "\n".join(cards), "1 2 2 3", {"gutter": "2"}, fence="::::")

    def plain(items, folder):
        return "\n".join(f"- [{myst.text(item.title)}](#{folder[:-1]}-{item.slug}) · {counts[item.slug]} passages" for item in items)

    periods, themes = context.book.chapters.periods, context.book.chapters.themes
    html = "\n\n".join(["**By period**", grid(periods, "periods"), "**By theme**", grid(themes, "themes")])
    latex = "\n\n".join(["**By period**", plain(periods, "periods"), "**By theme**", plain(themes, "themes")])
    return myst.directive("only", html, "html", fence=":::::") + "\n\n" + myst.directive("only", latex, "latex", fence=":::::") + "\n"


def pages(context: PageContext) -> dict[str, str | bytes]:
    chapters = context.book.chapters
    found: dict[str, str | bytes] = {"periods/index.md": chapter_index(context, "periods"), "themes/index.md": chapter_index(context, "themes")}
    for period in chapters.periods:
        opening, figures = period_opening(context, period)
        found[f"periods/{period.slug}.md"] = period_page(context, period, opening)
        found |= figures
    for theme in chapters.themes:
        opening, figures = theme_opening(context, theme)
        found[f"themes/{theme.slug}.md"] = theme_page(context, theme, opening)
        found |= figures
    found["_generated/cards.md"] = cards(context)
    return found
