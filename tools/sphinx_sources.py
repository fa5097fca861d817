"""Sphinx wiring for line-level provenance: the source viewer and links to its line anchors.

- `{source-lines}` role (`slug:first-last:file`): "lines 4–6". In HTML it links to the viewer's
  line anchor; every other format (the PDF) prints "file, lines 4–6", so a printed citation
  carries the seed file and the line numbers.
- `{source-viewer}` directive (`slug`): the seed's original text, one numbered, anchored row per
  line, marked with the passages each line feeds or the reason it was removed. HTML only: the
  data comes from `_generated/viewer/<slug>.json`, every seed character is HTML-escaped.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective, SphinxRole

VIEWER_DATA = "_generated/viewer"
VIEWER_PAGES = "sources"


def lines_label(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}–{last}"


class SourceLinesRole(SphinxRole):
    def run(self):
        slug, span, file = (self.text.split(":", 2) + ["", ""])[:3]
        first, _, last = span.partition("-")
        node = nodes.inline("", lines_label(int(first), int(last or first)), classes=["source-lines"])
        node["source_slug"] = slug
        node["source_file"] = file
        node["first_line"] = int(first)
        return [node], []


def link_line_citations(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """HTML: each line citation links to the viewer's line anchor. Print: it names the file."""
    for node in list(doctree.findall(nodes.inline)):
        if "source_slug" not in node:
            continue
        if app.builder.format != "html":
            if node["source_file"]:
                node.replace_self(nodes.inline("", f"{node['source_file']}, {node.astext()}", classes=["source-lines"]))
            continue
        uri = app.builder.get_relative_uri(docname, f"{VIEWER_PAGES}/{node['source_slug']}")
        link = nodes.reference("", "", *node.children, refuri=f"{uri}#L{node['first_line']}", classes=["source-lines"])
        node.replace_self(link)


# Reasons for text that was not dropped but moved out of the running text (title, dates, bylines,
# front matter, images): shown plainly, not struck through like noise.
MOVED_MARKERS = ("used as", "read as", "shown as", "listed with")


def _row(number: int, text: str, passages: list, reasons: list) -> str:
    moved = reasons and all(any(marker in reason for marker in MOVED_MARKERS) for reason in reasons)
    classes = "kept" if passages else ("moved" if moved else "removed") if reasons else "blank"
    marks = [f'<a href="../{html.escape(url)}">{html.escape(label)}</a>' for label, url in passages]
    marks += [f'<span class="reason">{html.escape(reason)}</span>' for reason in reasons]
    return (
        f'<tr id="L{number}" class="{classes}"><td class="ln"><a href="#L{number}">{number}</a></td>'
        f'<td class="text">{html.escape(text)}</td><td class="marks">{"<br>".join(marks)}</td></tr>'
    )


class SourceViewerDirective(SphinxDirective):
    required_arguments = 1
    option_spec = {"class": directives.class_option}

    def run(self):
        slug = self.arguments[0]
        path = Path(self.env.srcdir, VIEWER_DATA, f"{slug}.json")
        self.env.note_dependency(str(path))
        data = json.loads(path.read_text(encoding="utf-8"))
        rows = [_row(number, *line) for number, line in enumerate(data["lines"], start=1)]
        table = '<div class="source-viewer"><table>\n' + "\n".join(rows) + "\n</table></div>"
        web = addnodes.only(expr="html")
        web += nodes.raw("", table, format="html")
        print_note = addnodes.only(expr="not html")
        print_note += nodes.paragraph(
            "", "The line-numbered text of this source, with every line's use in the book, is part of the web edition."
        )
        return [web, print_note]


def setup(app: Sphinx) -> None:
    app.add_role("source-lines", SourceLinesRole())
    app.add_directive("source-viewer", SourceViewerDirective)
    app.connect("doctree-resolved", link_line_citations)
