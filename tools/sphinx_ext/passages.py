"""Passages as citable units, in HTML: a permalink on each, and "Cite this passage".

- A post-transform puts a permalink ("¶", like Sphinx's on headings) at the end of each passage's
  line of facts.
- On the pages that hold passages, `passages.js` adds a "Cite" button to each (plain text and
  BibTeX). The book's facts (title, editors, year) come from conf.py, as attributes of its script
  tag; the sources' (title, author, publisher, date, file) from `_static/sources.json`, generated
  by the conversion and fetched at the first click, so no seed text is written into a page's
  scripts; the passage's own (date, lines, address) from its line of facts.

Landing on a passage (the `:target` highlight, no smooth scrolling) is book.css's. Other
builders are untouched: print has its own citations.
"""

from __future__ import annotations

import html
import re
import zlib
from functools import lru_cache
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

HAS_PASSAGES = "book_has_passages"  # the document's attribute, set by the post-transform


def is_passage(node: nodes.Node) -> bool:
    return isinstance(node, nodes.block_quote) and "passage" in node["classes"] and bool(node["ids"])


class PassagePermalinks(SphinxPostTransform):
    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for quote in self.document.findall(is_passage):
            self.document[HAS_PASSAGES] = True
            facts = next(iter(quote.findall(nodes.paragraph)), None)
            if facts is None:
                continue
            pid = html.escape(quote["ids"][0])
            link = f'<a class="passage-link" href="#{pid}" title="Permalink to this passage" aria-label="Permalink to this passage">¶</a>'
            facts += [nodes.Text(" "), nodes.raw("", link, format="html")]


def year_of(copyright: str) -> str:
    found = re.match(r"\s*(\d{4})", copyright or "")
    return found.group(1) if found else ""


@lru_cache(maxsize=4)
def _version(path: str, mtime: float) -> str:
    return f"{zlib.crc32(Path(path).read_bytes()):08x}"


def page_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """passages.js, with the book's facts, on the pages that hold passages."""
    if doctree is None or not doctree.get(HAS_PASSAGES):
        return
    from ..pages import SOURCES_DATA, STATIC_FOLDER

    data = Path(app.srcdir, STATIC_FOLDER, SOURCES_DATA)
    book = {
        "data-title": app.config.project,
        "data-author": app.config.author,
        "data-year": year_of(app.config.copyright),
        "data-sources": f"{SOURCES_DATA}?v={_version(str(data), data.stat().st_mtime)}" if data.is_file() else SOURCES_DATA,
    }
    app.add_js_file("passages.js", priority=800, **book)


def setup(app: Sphinx) -> None:
    app.add_post_transform(PassagePermalinks)
    app.connect("html-page-context", page_assets)
