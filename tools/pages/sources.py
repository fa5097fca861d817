"""The sources chapter (what each source is and how far to trust it, with the bibliography) and
one viewer page per source: its text line by line, each line marked with its use in the book."""

from __future__ import annotations

from collections import defaultdict

from .. import myst
from ..clean import visible
from ..export import json_document
from ..model import Source, display_date
from .common import PageContext


def sources_page(context: PageContext) -> str:
    book = context.book
    out = [myst.label("sources"), "# Sources", ""]
    out.append(
        "Every passage of this book comes from one of the documents below. They are very different "
        "kinds of source, and a reader should weigh a passage by where it comes from: what each "
        "source is, who publishes it, its perspective and known biases, and how it was cleaned."
    )
    out.append("")
    total = sum(len(p.text) for p in book.passages) or 1
    for source in book.sources:
        view = context.views[source.file]
        passages = book.passages_of(source.file)
        share = sum(len(p.text) for p in passages) / total
        out += [myst.label(f"source-{view.slug}"), myst.directive("rubric", "", myst.text(view.title)), ""]
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
        out += [myst.directive("only", web, "html"), "", myst.directive("only", paper, "latex"), ""]
    out += ["## Bibliography", "", myst.directive("bibliography", "", fence="```"), ""]
    toctree = myst.directive("toctree", "\n".join(context.views[s.file].slug for s in book.sources), options={"hidden": "", "maxdepth": "1"}, fence="```")
    out += [myst.directive("only", toctree, "html", fence="::::"), ""]  # the viewers are web pages
    return "\n".join(out)


def viewer_page(context: PageContext, source: Source) -> str:
    view = context.views[source.file]
    out = [myst.label(f"viewer-{view.slug}"), f"# {myst.text(view.title)}: the text line by line", ""]
    out.append(
        f"The seed file {myst.text(visible(source.file))} exactly as delivered, one numbered line per row. "
        "Each line links to the passages it feeds; lines the conversion set aside say why. "
        f"See also [what this source is](#source-{view.slug}) and the {{ref}}`conversion-report`."
    )
    out += ["", myst.directive("source-viewer", "", view.slug, fence="```"), ""]
    return "\n".join(out)


def viewer_data(context: PageContext, source: Source) -> str:
    """Per line: its text, the passages it feeds (label, url), the reasons it was set aside."""
    feeds: dict[int, list] = defaultdict(list)
    for passage in context.book.passages_of(source.file):
        for number in range(passage.first_line, passage.last_line + 1):
            feeds[number].append([f"{display_date(passage.date)} passage", context.addresses.url_of(passage)])
    reasons: dict[int, list] = defaultdict(list)
    for removal in source.removals:
        for number in range(removal.first_line, removal.last_line + 1):
            if removal.reason not in reasons[number]:
                reasons[number].append(removal.reason)
    lines = [[visible(text), feeds.get(number, []), reasons.get(number, [])] for number, text in enumerate(source.original, start=1)]
    return json_document({"file": source.file, "lines": lines})


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
    found = {"sources/index.md": sources_page(context)}
    for source in context.book.sources:
        slug = context.views[source.file].slug
        found[f"sources/{slug}.md"] = viewer_page(context, source)
        found[f"_generated/viewer/{slug}.json"] = viewer_data(context, source)
    return found
