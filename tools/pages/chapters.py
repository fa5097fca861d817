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
from ..addresses import ChapterPart, date_group_anchor, theme_year_anchor, undated_anchor
from ..excerpt import excerpt
from ..model import Passage, display_date
from .common import MOVED, STATIC_FOLDER, NotesOnPage, PageContext, month_heading, moved_map, moved_matter, web_only_matter
from .glance import period_opening, theme_opening


def date_group(context: PageContext, period, passage: Passage) -> tuple[str, str]:
    """The heading a passage falls under in its period chapter, and that heading's anchor: its
    month, or its year when that is all the book knows; in the undated chapter, its source."""
    if passage.date is None and period.undated:
        view = context.views[passage.source]
        return f"From {myst.text(view.title)}", undated_anchor(view.slug)
    return month_heading(passage.date), date_group_anchor(passage.when, period, context.book.chapters.periods)


def part_title(context: PageContext, part: ChapterPart) -> str:
    """The title of one page of a split chapter: its year, its month, a third of the month, a day,
    a source, or the lines of a run of one source's passages."""
    if part.lines is not None:
        first, last = part.lines
        run = part.key.removeprefix(f"lines-{first}-{last}").lstrip("-")  # the runs of a one-line seed (a snippet bundle)
        return (f"Lines {first}–{last}" if first != last else f"Line {first}") + (f", part {run}" if run else "")
    if part.source is not None:
        return f"From {myst.text(context.views[part.source].title)}"
    if part.sources:
        first, last = (myst.text(context.views[file].title) for file in (part.sources[0], part.sources[-1]))
        return f"From {first} to {last} ({len(part.sources)} sources)"
    if part.year is None:
        return "Undated"
    if part.years is not None:
        return f"{part.years[0]}–{part.years[1]}"
    if part.month_span is not None:
        first, last = (display_date(f"{part.year:04d}-{month:02d}").split()[0] for month in part.month_span)
        return f"{first}–{last} {part.year}"
    month = display_date(f"{part.year:04d}-{part.month:02d}") if part.month else ""
    if part.day is not None:
        return display_date(f"{part.year:04d}-{part.month:02d}-{part.day:02d}") if part.day else f"{month}, day not given"
    if part.days is not None:
        return f"{part.days[0]}–{part.days[1]} {month}"
    if part.month is not None:
        return month
    return f"{part.year}, day and month not given" if part.key.endswith("-year") else str(part.year)


def whole_of(part: ChapterPart) -> str:
    """What a page that lists its pages is, in its note: "month", "day", ..."""
    if part.source is not None:
        return "source's part of the chapter"
    return "day" if part.day else "third of the month" if part.days else "month" if part.month is not None else "year"


def split_note(parts: list[ChapterPart], slug: str, what: str, whole: str = "chapter") -> list[str]:
    """The list of a split chapter's pages (or of a page's, `whole`), in the navigation and in print."""
    names = "\n".join(f"{slug}/{part.key}" for part in parts)
    return [f"This {whole} holds too many {what} for one page: they are on {len(parts)} pages, in time order.", "", myst.directive("toctree", names, options={"maxdepth": "1"}, fence="```"), ""]


def passages_body(context: PageContext, period, passages: list[Passage], notes: NotesOnPage, headings: bool = True, labelled: set[str] | None = None) -> list[str]:
    """The passages under their month (year, source) headings; without them on a page that is
    one month or one source, whose title carries the heading's anchor. `labelled`: the anchors
    the chapter's earlier pages gave (a heading's anchor is given once)."""
    out, current = [], None
    labelled = set() if labelled is None else labelled
    left_out, unit = 0, "month"  # of the group: passages print leaves to the web (a book too large to print whole)
    for passage in passages:
        heading, anchor = date_group(context, period, passage)
        if anchor != current:
            out += web_only_note(left_out, unit)
            left_out, unit = 0, "year" if passage.when and passage.when.month is None else "month"
        if anchor != current and headings:
            out += ([] if anchor in labelled else [myst.label(anchor)]) + [f"## {heading}", ""]
            labelled.add(anchor)
        current = anchor
        block = context.passage_block(passage, notes)
        if period.undated or context.printed(passage):
            out += [block, ""]
        else:
            out += [myst.directive("only", block, "html", fence=":::::::"), ""]
            left_out += 1
    return out + web_only_note(left_out, unit)


def web_only_note(count: int, unit: str) -> list[str]:
    """In print, where a group's passages were left to the web: how many."""
    if not count:
        return []
    return [myst.directive("only", f"*{count} more passage{'s' if count != 1 else ''} of this {unit} in the web edition.*", "latex", fence="::::"), ""]


def period_pages(context: PageContext, period, opening: str = "") -> dict[str, str]:
    """The period chapter: one page, or its opening page and one page per year (per month, per
    source) when it holds more passages than chapters.yaml's page size."""
    parts = context.addresses.period_parts[period.slug]
    passages = [passage for part in parts for passage in part.passages]
    head = [myst.label(f"period-{period.slug}"), f"# {period.title}", "", period.intro, ""]
    head += [opening] if opening else []  # its key events, a chart and a map (glance.py)
    head += [f"*{len(passages)} passages from {len({p.source for p in passages})} sources.*", ""]
    web_only = period.undated and context.print_is_concise  # the printed edition leaves it out (chapter_index says so)
    if parts[0].key == "":
        matter = web_only_matter() if web_only else []
        return {f"{parts[0].page}.md": "\n".join(matter + head + passages_body(context, period, passages, NotesOnPage(period.slug)))}
    matter = moved_matter("periods", period.slug, web_only)
    pages = {f"periods/{period.slug}.md": "\n".join(matter + head + split_note(parts, period.slug, "passages"))}
    anchors: list[tuple[str, list[str]]] = []
    labelled: set[str] = set()

    def write(part: ChapterPart) -> None:
        groups = list(dict.fromkeys(date_group(context, period, p)[1] for p in part.passages))
        title = [myst.label(groups[0])] if len(groups) == 1 and groups[0] not in labelled else []
        labelled.update(groups[:1] if title else [])
        out = title + [f"# {part_title(context, part)}", "", f"*{len(part.passages)} passages of [{myst.text(period.title)}](#period-{period.slug}).*", ""]
        if part.children:  # still too long: the list of its pages (days, sources, runs of lines)
            anchors.append((part.page, groups[:1] if title else []))
            pages[f"{part.page}.md"] = "\n".join(matter + out + split_note(part.children, part.key, "passages", whole_of(part)))
            for child in part.children:
                write(child)
            return
        body = passages_body(context, period, part.passages, NotesOnPage(f"{period.slug}-{part.page.removeprefix(f'periods/{period.slug}/').replace('/', '-')}"), headings=len(groups) > 1, labelled=labelled)
        anchors.append((part.page, [p.id for p in part.passages] + groups))
        none_printed = not web_only and not any(context.printed(p) for p in part.passages)  # print leaves the whole page to the web
        pages[f"{part.page}.md"] = "\n".join((moved_matter("periods", period.slug, True) if none_printed else matter) + out + body)

    for part in parts:
        write(part)
    pages[f"{STATIC_FOLDER}/{MOVED}/periods-{period.slug}.json"] = moved_map(anchors)
    return pages


def excerpts_body(context: PageContext, theme, passages: list[Passage], labelled: set[str] | None = None) -> list[str]:
    """Excerpts under year headings. A year split into months heads each of its pages, with its
    anchor on the first (`labelled`: the anchors the chapter's earlier pages gave)."""
    labelled = set() if labelled is None else labelled
    by_year: dict[int | None, list[Passage]] = defaultdict(list)
    for passage in passages:
        by_year[passage.when.year if passage.when else None].append(passage)
    titles = {period.slug: period.title for period in context.book.chapters.periods}
    out = []
    for year, found in by_year.items():
        anchor = theme_year_anchor(theme.slug, year)
        out += ([] if anchor in labelled else [myst.label(anchor)]) + [f"## {year if year else 'Undated'}", ""]
        labelled.add(anchor)
        periods = list(dict.fromkeys(passage.period for passage in found))
        web = ["*In the chronology:* " + ", ".join(f"[{myst.text(titles[slug])}](#period-{slug})" for slug in periods if slug in titles), ""]
        for passage in found:
            title = context.views[passage.source].title
            web.append(f"- **{display_date(passage.date)}** · {myst.link(excerpt(passage.text), '#' + passage.id)} · *{myst.text(title)}*")
        if not context.print_is_concise:
            out += web + [""]
            continue
        # Too large a book to print every excerpt: print gives the pages of the year's passages.
        shown = [passage.id for passage in found if context.printed(passage)]
        count = f"{len(found)} passage{'s' if len(found) != 1 else ''}{'' if year else ' without a date'}"
        paper = f"{count}, printed on {{pages}}`{' '.join(shown)}`." if shown else f"{count}: in the web edition only."
        out += [myst.directive("only", "\n".join(web), "html", fence="::::"), "", myst.directive("only", paper, "latex", fence="::::"), ""]
    return out


def theme_pages(context: PageContext, theme, opening: str = "") -> dict[str, str]:
    """The theme chapter: one page, or its opening page and one page per year (per month) when it
    holds more excerpts than chapters.yaml's page size."""
    parts = context.addresses.theme_parts[theme.slug]
    passages = [passage for part in parts for passage in part.passages]
    head = [myst.label(f"theme-{theme.slug}"), f"# {theme.title}", "", theme.intro, ""]
    head += [opening] if opening else []  # its events over time (glance.py)
    web = f"*{len(passages)} passages. Each excerpt links to the full passage in its period chapter.*"
    paper = f"*{len(passages)} passages. Each excerpt gives the page of the full passage in its period chapter.*"
    if context.print_is_concise:
        paper = f"*{len(passages)} passages. This edition gives, year by year, the pages of their full text in the period chapters; the web edition lists them as excerpts.*"
    head += [myst.directive("only", web, "html"), "", myst.directive("only", paper, "latex"), ""]
    if not passages:
        return {f"themes/{theme.slug}.md": "\n".join(head + ["No passage of the current sources falls under this theme yet."])}
    if parts[0].key == "":
        return {f"{parts[0].page}.md": "\n".join(head + excerpts_body(context, theme, passages))}
    matter = moved_matter("themes", theme.slug)
    pages = {f"themes/{theme.slug}.md": "\n".join(matter + head + split_note(parts, theme.slug, "excerpts"))}
    anchors: list[tuple[str, list[str]]] = []
    labelled: set[str] = set()

    def write(part: ChapterPart) -> None:
        out = matter + [f"# {part_title(context, part)}", "", f"*{len(part.passages)} excerpts of [{myst.text(theme.title)}](#theme-{theme.slug}).*", ""]
        if part.children:
            pages[f"{part.page}.md"] = "\n".join(out + split_note(part.children, part.key, "excerpts", whole_of(part)))
            for child in part.children:
                write(child)
            return
        anchors.append((part.page, [theme_year_anchor(theme.slug, p.when.year if p.when else None) for p in part.passages]))
        pages[f"{part.page}.md"] = "\n".join(out + excerpts_body(context, theme, part.passages, labelled))

    for part in parts:
        write(part)
    pages[f"{STATIC_FOLDER}/{MOVED}/themes-{theme.slug}.json"] = moved_map(anchors)
    return pages


def chapter_index(context: PageContext, kind: str) -> str:
    chapters = context.book.chapters
    if kind == "periods":
        title, intro, items = "Chronology", "Every event the sources tell, one line each, then the book's passages in the order of the events they tell, one chapter per period.", chapters.periods
        names = ["chronology"] + [item.slug for item in items]  # the list of events first (pages/chronology.py)
    else:
        title, intro, items = "Themes", "The same passages followed across the years, one chapter per theme, as linked excerpts.", chapters.themes
        names = [item.slug for item in items]
    toctree = myst.directive("toctree", "\n".join(names), options={"maxdepth": "1"}, fence="```")
    out = [myst.label(f"{kind}-index"), f"# {title}", "", intro, ""]
    undated = [period for period in chapters.periods if period.undated] if kind == "periods" else []
    if undated and context.print_is_concise:
        count = context.web_only_count
        note = (f"This printed edition holds the book's {len(context.book.passages) - count:,} dated passages in full. Its {count:,} undated passages "
                f"are in the web edition only, in the chapter *{myst.text(undated[0].title)}*, {{web-address}}`periods/{undated[0].slug}.html`.")
        if context.printed_selection is not None:
            note = (f"This printed edition holds a selection of {len(context.printed_selection):,} of the book's dated passages in full (the method "
                    f"page says which); the other {count:,} passages are in the web edition only, its undated ones in the chapter "
                    f"*{myst.text(undated[0].title)}*, {{web-address}}`periods/{undated[0].slug}.html`.")
        out += [myst.directive("only", note, "latex"), ""]
    return "\n".join(out + [toctree, ""])


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
        found |= period_pages(context, period, opening)
        found |= figures
    for theme in chapters.themes:
        opening, figures = theme_opening(context, theme)
        found |= theme_pages(context, theme, opening)
        found |= figures
    found["_generated/cards.md"] = cards(context)
    return found
