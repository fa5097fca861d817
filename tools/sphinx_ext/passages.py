"""Passages as citable units, in HTML: a permalink on each, and what "Cite this passage" needs.

- A post-transform puts a permalink ("¶", like Sphinx's on headings) at the end of each passage's
  line of facts, and notes which sources the page quotes.
- On a page that holds passages, `passages.js` adds the "Cite" button (plain text and BibTeX),
  and an inline JSON block gives it the book's and those sources' bibliographic facts (from
  `_generated/citations.json`, written by tools/pages/sources.py). The passage's own facts (date,
  source, lines) are read from its line of facts.

Landing on a passage (the `:target` highlight, no smooth scrolling) is book.css's.
Other builders are untouched: print has its own citations.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..pages.sources import CITATIONS
from .sources import source_lines

CITED = "book_cited_sources"  # the document's attribute: slugs of the sources its passages quote


def is_passage(node: nodes.Node) -> bool:
    return isinstance(node, nodes.block_quote) and "passage" in node["classes"] and bool(node["ids"])


class PassagePermalinks(SphinxPostTransform):
    default_priority = 5  # before references are resolved: the citations are still source_lines nodes
    formats = ("html",)

    def run(self, **kwargs) -> None:
        cited = set()
        for quote in self.document.findall(is_passage):
            for citation in quote.findall(source_lines):
                cited.add(citation["source_slug"])
            facts = next(iter(quote.findall(nodes.paragraph)), None)
            if facts is None:
                continue
            pid = quote["ids"][0]
            link = f'<a class="passage-link" href="#{html.escape(pid)}" title="Permalink to this passage" aria-label="Permalink to this passage">¶</a>'
            facts += [nodes.Text(" "), nodes.raw("", link, format="html")]
        if cited:
            self.document[CITED] = sorted(cited)


@lru_cache(maxsize=4)
def _citations(path: str, mtime: float) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def citations(app: Sphinx) -> dict:
    path = Path(app.srcdir, CITATIONS)
    return _citations(str(path), path.stat().st_mtime) if path.is_file() else {}


def year_of(copyright: str) -> str:
    found = re.match(r"\s*(\d{4})", copyright or "")
    return found.group(1) if found else ""


def page_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """passages.js and the bibliographic facts, on the pages that hold passages."""
    if doctree is None or not doctree.get(CITED):
        return
    sources = citations(app)
    data = {
        "book": {"title": app.config.project, "author": app.config.author, "year": year_of(app.config.copyright)},
        "sources": {slug: sources[slug] for slug in doctree[CITED] if slug in sources},
    }
    # No "</script>" can close the block early: "<" is written as its JSON escape.
    body = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    app.add_js_file(None, body=body, type="application/json", id="book-citations")
    app.add_js_file("passages.js", priority=800)


def setup(app: Sphinx) -> None:
    app.add_post_transform(PassagePermalinks)
    app.connect("html-page-context", page_assets)
