"""Line-level provenance in Sphinx: the source viewer and the citations that link to its lines.

- `{source-lines}` role (`viewer:first-last:file`, or `viewer:1-1+12:file` for the twelfth snippet of
  a one-line bundle of search snippets; `viewer` is the viewer page under sources/ that shows the
  lines: the source's slug, or `slug/lines-2001-4000` when its viewer is split) makes a `source_lines` node: "lines 4–6", "line 1, snippet 12". When
  the doctree is resolved it becomes a link to the viewer's line anchor in every HTML-format build, and
  into "file, lines 4–6" anywhere else (the PDF), so a printed citation names the seed file.
- `{source-viewer}` directive (`slug`, or `slug/lines-2001-4000` for one page of a long seed's
  viewer): the seed's original text, one numbered, anchored row per line, marked with the passages
  each line feeds or the reason it was removed. HTML only: the data comes from
  `_generated/viewer/<argument>.json` (its lines, from line `first`), every seed character is
  HTML-escaped. Its links
  to passages are written as page names and resolved by the builder when the page is written, so
  they are right for html, dirhtml and singlehtml alike.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util.docutils import SphinxDirective, SphinxRole

from ..addresses import SOURCE_PAGES
from ..pages.sources import VIEWER_DATA

# In the viewer's HTML, a link to a passage before the builder resolves it: "book-page:<docname>#<id>".
# Seed text is escaped with its quotes, so `href="` occurs only in markup written here.
PAGE_LINK = re.compile(r'href="book-page:([^"#]*)#')


class source_lines(nodes.Inline, nodes.TextElement):
    """A citation of lines of a seed: `viewer_page` (the viewer page under sources/ that shows
    them), `source_file` and `first_line` say which; the text says "lines 4–6"."""


def lines_label(first: int, last: int, snippet: int | None = None) -> str:
    lines = f"line {first}" if first == last else f"lines {first}–{last}"
    return lines if snippet is None else f"{lines}, snippet {snippet}"


class SourceLinesRole(SphinxRole):
    def run(self):
        viewer, span, file = (self.text.split(":", 2) + ["", ""])[:3]
        span, _, snippet = span.partition("+")
        first, _, last = span.partition("-")
        node = source_lines("", lines_label(int(first), int(last or first), int(snippet) if snippet else None), classes=["source-lines"])
        # Named for this node: MyST gives any node with a "slug" attribute an HTML id.
        node["viewer_page"], node["source_file"], node["first_line"] = viewer, file, int(first)
        return [node], []


def page_uri(builder: Builder, from_doc: str, to_doc: str) -> str:
    """The page's address relative to another page, without the fragment singlehtml adds."""
    return builder.get_relative_uri(from_doc, to_doc).split("#")[0]


def link_line_citations(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """HTML-format builders: each line citation links to the viewer's line anchor. Print: it names
    the file. (At doctree-resolved, where Sphinx hands extensions the builder and the page.)"""
    web = app.builder.format == "html"
    for node in list(doctree.findall(source_lines)):
        if web:
            uri = page_uri(app.builder, docname, f"{SOURCE_PAGES}/{node['viewer_page']}")
            node.replace_self(nodes.reference("", "", *node.children, refuri=f"{uri}#L{node['first_line']}", classes=["source-lines"]))
        else:
            text = f"{node['source_file']}, {node.astext()}" if node["source_file"] else node.astext()
            node.replace_self(nodes.inline("", text, classes=["source-lines"]))


def link_viewer_rows(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """The viewer's links to passages, made relative to the page they are written on."""
    if app.builder.format != "html":
        return
    for node in list(doctree.findall(nodes.raw)):
        if "book-page:" in node.astext():
            resolved = PAGE_LINK.sub(lambda found: f'href="{page_uri(app.builder, docname, found.group(1))}#', node.astext())
            node.replace_self(nodes.raw("", resolved, format="html"))


# Reasons for text that was not dropped but moved out of the running text (title, dates, bylines,
# front matter, images): shown plainly, not struck through like noise.
MOVED_MARKERS = ("used as", "read as", "shown as", "listed with")


def passage_link(label: str, url: str) -> str:
    """A row's link to a passage: its page by name ("periods/2015-2016.html#p-…" in the data)."""
    page, _, anchor = url.partition("#")
    return f'<a href="book-page:{html.escape(page.removesuffix(".html"))}#{html.escape(anchor)}">{html.escape(label)}</a>'


def _row(number: int, text: str, passages: list, reasons: list) -> str:
    moved = reasons and all(any(marker in reason for marker in MOVED_MARKERS) for reason in reasons)
    classes = "kept" if passages else ("moved" if moved else "removed") if reasons else "blank"
    marks = [passage_link(label, url) for label, url in passages]
    marks += [f'<span class="reason">{html.escape(reason)}</span>' for reason in reasons]
    # The cells are told apart by their place (book.css), and a line with no mark has no third
    # cell: a thousand rows, each as short as it can be.
    cells = f'<td><a href="#L{number}">{number}</a></td><td>{html.escape(text)}</td>'
    if marks:
        cells += f'<td>{"<br>".join(marks)}</td>'
    kind = "" if classes == "blank" else f' class="{classes}"'
    return f'<tr id="L{number}"{kind}>{cells}</tr>'


class SourceViewerDirective(SphinxDirective):
    required_arguments = 1
    option_spec = {"class": directives.class_option}

    def run(self):
        viewer = self.arguments[0]  # the viewer page under sources/
        path = Path(self.env.srcdir, VIEWER_DATA, f"{viewer}.json")
        self.env.note_dependency(str(path))
        data = json.loads(path.read_text(encoding="utf-8"))
        rows = [_row(number, *line) for number, line in enumerate(data["lines"], start=data.get("first", 1))]
        table = '<div class="source-viewer"><table>\n' + "\n".join(rows) + "\n</table></div>"
        web = addnodes.only(expr="html")
        web += nodes.raw("", table, format="html")
        print_note = addnodes.only(expr="not html")
        print_note += nodes.paragraph(
            "", "The line-numbered text of this source, with every line's use in the book, is part of the web edition."
        )
        return [web, print_note]


def setup(app: Sphinx) -> None:
    app.add_node(source_lines)
    app.add_role("source-lines", SourceLinesRole())
    app.add_directive("source-viewer", SourceViewerDirective)
    app.connect("doctree-resolved", link_line_citations)
    app.connect("doctree-resolved", link_viewer_rows)
