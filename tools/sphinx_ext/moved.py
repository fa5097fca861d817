"""Addresses that outlive a chapter's split.

A chapter that grows past the page size of chapters.yaml is split into pages by year, then by
month (tools/addresses.py), and its passages and headings move to those pages. Links inside the
book follow them (they are cross-references), but an address saved before the split, such as
`periods/2015-2016-intervention.html#p-…`, would land on the chapter's opening page without its
passage. Each page of a split chapter names, in its front matter (`book-moved`), a map of where
each passage and heading of the chapter now is; `moved.js` follows the map when the page does not
hold the anchor asked for. HTML only (the `html` builder's page names). The general index, split
by letter (navigation.py), follows a map of its own the same way.
"""

from __future__ import annotations

from sphinx.application import Sphinx

MOVED = "book-moved"  # the front matter key: the map's path in the static folder


def follow_map(app: Sphinx, where: str) -> None:
    """The page being written sends an anchor it does not hold to the page the map (a path in the
    static folder) names for it."""
    if app.builder.name == "html":
        app.add_js_file("moved.js", priority=800, **{"data-map": where})


def page_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    where = (context.get("meta") or {}).get(MOVED)
    if where:
        follow_map(app, str(where))


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", page_assets)
