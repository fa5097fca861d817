"""The chapters: one page per period (every passage in full, in time order, under month headings)
and one per theme (linked excerpts grouped by period), their index pages and the home page's cards.

Each passage has one full-text home, in its period chapter, under a stable anchor (its id); theme
chapters reach it through short linked excerpts. Passages are anchored blocks, not sections, so the
navigation tree stays small however many passages there are.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from .. import myst
from ..model import display_date
from .common import PageContext, month_heading


def period_page(context: PageContext, period) -> str:
    passages = context.in_time_order(p for p in context.book.passages if p.period == period.slug)
    out = [myst.label(f"period-{period.slug}"), f"# {period.title}", "", period.intro, ""]
    out += [f"*{len(passages)} passages from {len({p.source for p in passages})} sources.*", ""]
    current = None
    for passage in passages:
        heading = month_heading(passage.date)
        if heading != current:
            out += [myst.directive("rubric", "", heading), ""]
            current = heading
        out += [context.passage_block(passage), ""]
    return "\n".join(out)


def theme_page(context: PageContext, theme) -> str:
    passages = context.in_time_order(p for p in context.book.passages if theme.slug in p.themes)
    out = [myst.label(f"theme-{theme.slug}"), f"# {theme.title}", "", theme.intro, ""]
    web = f"*{len(passages)} passages. Each excerpt links to the full passage in its period chapter.*"
    paper = f"*{len(passages)} passages. Each excerpt gives the page of the full passage in its period chapter.*"
    out += [myst.directive("only", web, "html"), "", myst.directive("only", paper, "latex"), ""]
    by_period = defaultdict(list)
    for passage in passages:
        by_period[passage.period].append(passage)
    for period in context.book.chapters.periods:
        if not by_period[period.slug]:
            continue
        out += [myst.directive("rubric", "", f"[{myst.text(period.title)}](#period-{period.slug})"), ""]
        for passage in by_period[period.slug]:
            title = context.views[passage.source].title
            out.append(f"- **{display_date(passage.date)}** · {myst.link(myst.excerpt(passage.text), '#' + passage.id)} · *{myst.text(title)}*")
        out.append("")
    if not passages:
        out.append("No passage of the current sources falls under this theme yet.")
    return "\n".join(out)


def chapter_index(context: PageContext, kind: str) -> str:
    chapters = context.book.chapters
    if kind == "periods":
        title, intro, items = "Chronology", "The book's passages in the order of the events they tell, one chapter per period.", chapters.periods
    else:
        title, intro, items = "Themes", "The same passages followed across the years, one chapter per theme, as linked excerpts.", chapters.themes
    toctree = myst.directive("toctree", "\n".join(item.slug for item in items), options={"maxdepth": "1"}, fence="```")
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


def pages(context: PageContext) -> dict[str, str]:
    chapters = context.book.chapters
    found = {"periods/index.md": chapter_index(context, "periods"), "themes/index.md": chapter_index(context, "themes")}
    found |= {f"periods/{period.slug}.md": period_page(context, period) for period in chapters.periods}
    found |= {f"themes/{theme.slug}.md": theme_page(context, theme) for theme in chapters.themes}
    found["_generated/cards.md"] = cards(context)
    return found
