"""The sources chapter (what each source is and how far to trust it, with the bibliography) and
one viewer page per source: its text line by line, each line marked with its use in the book."""

from __future__ import annotations

import re
from collections import defaultdict

from .. import myst
from ..addresses import SOURCE_PAGES, ViewerPart
from ..clean import visible
from ..export import json_document
from ..model import Source, display_date
from .common import MOVED, STATIC_FOLDER, PageContext, moved_map, moved_matter

VIEWER_DATA = "_generated/viewer"  # each viewer page's lines, read by the {source-viewer} directive


INTRO = (
    "Every passage of this book comes from one of the documents below. They are very different "
    "kinds of source, and a reader should weigh a passage by where it comes from: what each "
    "source is, who publishes it, its perspective and known biases, and how it was cleaned."
)
ABOUT = f"{SOURCE_PAGES}/about"  # the pages that describe the sources of one kind, when there are too many for one page


def describe(context: PageContext, source: Source, total: int) -> list[str]:
    """One source as the Sources page describes it, under its anchor ("source-<slug>")."""
    view = context.views[source.file]
    passages = context.book.passages_of(source.file)
    share = sum(len(p.text) for p in passages) / total
    out = [myst.label(f"source-{view.slug}"), myst.directive("rubric", "", myst.text(view.title)), ""]
    facts = [f"*{view.kind_label}*", f"file {myst.text(visible(source.file))}"]
    if view.note.publisher:
        facts.append(f"published by {myst.text(view.note.publisher)}")
    if view.author:
        facts.append(f"author: {myst.text(view.author)}")
    if view.date:
        facts.append(f"dated {myst.text(view.date.display())}")
    out += [" · ".join(facts), ""]
    if view.note.perspective:
        out += [f"**What it is and how far to trust it.** {myst.text(view.note.perspective)}", ""]
    if view.note.cleaning:
        out += [f"**How it was cleaned.** {myst.text(view.note.cleaning)}", ""]
    out += [f"**Share of the book.** {len(passages)} passages, {share:.0%} of the book's passage text.", ""]
    web = f"**Check it line by line:** [the text of this source with line numbers](#viewer-{view.slug})."
    paper = f"**Check it line by line** in the web edition: {{web-address}}`sources/{view.slug}.html`."
    return out + [myst.directive("only", web, "html"), "", myst.directive("only", paper, "latex"), ""]


def source_groups(context: PageContext) -> list[tuple[str, str, list[Source]]]:
    """The sources by kind, each kind's in runs of at most a page (chapters.yaml, `pages:
    sources`): (page name, title, sources). Named from the kind, and a run from its first source."""
    limit = context.book.chapters.page_size.sources
    by_kind: dict[str, list[Source]] = {}  # by the kind's slug: "State media" and "state-media" are one kind
    for source in context.book.sources:
        by_kind.setdefault(re.sub(r"[^a-z0-9]+", "-", context.views[source.file].kind.lower()).strip("-") or "other", []).append(source)
    groups = []
    for slug in sorted(by_kind):
        found = by_kind[slug]
        label = context.views[found[0].file].kind_label
        runs = [found[start : start + limit] for start in range(0, len(found), limit)]
        for number, run in enumerate(runs):
            name = slug if len(runs) == 1 else f"{slug}-from-{context.views[run[0].file].slug}"
            title = label[:1].upper() + label[1:] + ("" if len(runs) == 1 else f", {number + 1} of {len(runs)}")
            groups.append((f"{ABOUT}/{name}", title, run))
    return groups


def sources_pages(context: PageContext) -> dict[str, str]:
    """The Sources page: each source described, then the bibliography; when the sources are more
    than a page describes, a page per kind of source (runs of a page's worth within a kind), and a
    map that sends an address made before the split (sources/index.html#source-...) on."""
    book = context.book
    total = sum(len(p.text) for p in book.passages) or 1
    viewers = myst.directive("toctree", "\n".join(context.views[s.file].slug for s in book.sources), options={"hidden": "", "maxdepth": "1"}, fence="```")
    tail = ["## Bibliography", "", myst.directive("bibliography", "", fence="```"), "", myst.directive("only", viewers, "html", fence="::::"), ""]  # the viewers are web pages
    if len(book.sources) <= book.chapters.page_size.sources:
        out = [myst.label("sources"), "# Sources", "", INTRO, ""]
        for source in book.sources:
            out += describe(context, source, total)
        return {f"{SOURCE_PAGES}/index.md": "\n".join(out + tail)}
    groups = source_groups(context)
    matter = moved_matter(SOURCE_PAGES, "index")
    listing = myst.directive("toctree", "\n".join(page.removeprefix(f"{SOURCE_PAGES}/") for page, _, _ in groups), options={"maxdepth": "1"}, fence="```")
    found = {f"{SOURCE_PAGES}/index.md": "\n".join(matter + [myst.label("sources"), "# Sources", "", INTRO, "",
                                                               f"The book draws on {len(book.sources)} sources, too many to describe on one page: they are described by kind.", "",
                                                               listing, ""] + tail)}
    for page, title, run in groups:
        out = matter + [f"# {myst.text(title)}", "", f"*{len(run)} of the book's [{len(book.sources)} sources](#sources).*", ""]
        for source in run:
            out += describe(context, source, total)
        found[f"{page}.md"] = "\n".join(out)
    found[f"{STATIC_FOLDER}/{MOVED}/{SOURCE_PAGES}-index.json"] = moved_map([(page, [f"source-{context.views[s.file].slug}" for s in run]) for page, _, run in groups])
    return found


def viewer_intro(context: PageContext, source: Source) -> str:
    view = context.views[source.file]
    return (
        f"The seed file {myst.text(visible(source.file))} exactly as delivered, one numbered line per row. "
        "Each line links to the passages it feeds; lines the conversion set aside say why. "
        f"See also [what this source is](#source-{view.slug}) and the {{ref}}`conversion-report`."
    )


def viewer_page(context: PageContext, source: Source) -> str:
    """The viewer of a seed that fits on one page: its text, every line a row."""
    view = context.views[source.file]
    out = [myst.label(f"viewer-{view.slug}"), f"# {myst.text(view.title)}: the text line by line", "", viewer_intro(context, source)]
    out += ["", myst.directive("source-viewer", "", view.slug, fence="```"), ""]
    return "\n".join(out)


def split_viewer_pages(context: PageContext, source: Source, parts: list[ViewerPart]) -> dict[str, str]:
    """The viewer of a seed longer than a page (chapters.yaml, `viewer_lines` and
    `viewer_characters`): its opening page lists a page per range of lines, and every page names
    the map that sends an address made before the split (sources/<slug>.html#L123) to the page
    that now shows the line (sphinx_ext/moved.py)."""
    view = context.views[source.file]
    folder, slug = context.addresses.source_page(source.file).split("/")
    matter = moved_matter(folder, slug)
    names = "\n".join(f"{slug}/{part.key}" for part in parts)
    opening = matter + [myst.label(f"viewer-{view.slug}"), f"# {myst.text(view.title)}: the text line by line", "", viewer_intro(context, source), ""]
    opening += [f"The text is too long for one page: its {source.line_count} lines are on {len(parts)} pages.", ""]
    opening += [myst.directive("toctree", names, options={"maxdepth": "1"}, fence="```"), ""]
    found = {f"{folder}/{slug}.md": "\n".join(opening)}
    for part in parts:
        page = matter + [f"# {myst.text(view.title)}: lines {part.first}–{part.last}", ""]
        page += [f"*Lines {part.first} to {part.last} of [the text line by line](#viewer-{view.slug}).*", ""]
        page += [myst.directive("source-viewer", "", f"{slug}/{part.key}", fence="```"), ""]
        found[f"{part.page}.md"] = "\n".join(page)
    lines = [(part.page, [f"L{number}" for number in range(part.first, part.last + 1)]) for part in parts]
    found[f"{STATIC_FOLDER}/{MOVED}/{folder}-{slug}.json"] = moved_map(lines)
    return found


def viewer_data(context: PageContext, source: Source, part: ViewerPart) -> str:
    """Per line of one viewer page, from line `first`: its text, the passages it feeds (label,
    url), the reasons it was set aside."""
    feeds: dict[int, list] = defaultdict(list)
    for passage in context.book.passages_of(source.file):
        for number in range(max(passage.first_line, part.first), min(passage.last_line, part.last) + 1):
            feeds[number].append([f"{display_date(passage.date)} passage", context.addresses.url_of(passage)])
    reasons: dict[int, list] = defaultdict(list)
    for removal in source.removals:
        for number in range(max(removal.first_line, part.first), min(removal.last_line, part.last) + 1):
            if removal.reason not in reasons[number]:
                reasons[number].append(removal.reason)
    shown = source.original[part.first - 1 : part.last]
    lines = [[visible(text), feeds.get(number, []), reasons.get(number, [])] for number, text in enumerate(shown, start=part.first)]
    return json_document({"file": source.file, "first": part.first, "lines": lines})


def citation_data(context: PageContext) -> str:
    """What "Cite this passage" says of each source (tools/sphinx_ext/passages.py), by its slug."""
    data = {}
    for source in context.book.sources:
        view = context.views[source.file]
        data[view.slug] = {
            "title": view.title,
            "author": view.author,
            "publisher": view.note.publisher,
            "date": view.date.display() if view.date else "",
            "kind": view.kind_label,
            "file": visible(source.file),
        }
    return json_document(data)


def pages(context: PageContext) -> dict[str, str]:
    found = sources_pages(context)
    for source in context.book.sources:
        parts = context.addresses.viewer_parts[source.file]
        found |= {f"{parts[0].page}.md": viewer_page(context, source)} if parts[0].key == "" else split_viewer_pages(context, source, parts)
        for part in parts:
            found[f"{VIEWER_DATA}/{part.page.removeprefix(SOURCE_PAGES + '/')}.json"] = viewer_data(context, source, part)
    return found
