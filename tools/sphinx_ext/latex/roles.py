"""Two roles the printed edition's pages use: page references and the web edition's address.

- `{pages}` (`p-1 p-2 note-text-x`): the pages of labelled places, "p. 12" or "pp. 12, 45–47",
  each number a link. A `page_list` node; the LaTeX writer hands its labels to bookpages.lua, which
  reads their pages from the previous LaTeX run, drops repeats and joins runs into ranges. On the
  web (where these pages use it only inside `{only} latex`) it is a list of links.
- `{web-address}` (`corpus/`): the web edition's address plus a path, as a link, from
  `book_web_url` (else html_baseurl, else Read the Docs' canonical URL). Without one it reads
  "the web edition".

Registered for every builder, since the pages are read once for all of them.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

from ..config import BookConfig

logger = logging.getLogger(__name__)
LABEL = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


class page_list(nodes.Inline, nodes.TextElement):
    """The pages of the places `labels` names (std labels), as one list."""


class web_address(nodes.Inline, nodes.TextElement):
    """The web edition's address followed by `path`; made a link when the doctree is resolved."""


class PagesRole(SphinxRole):
    def run(self):
        labels = self.text.split()
        bad = [label for label in labels if not LABEL.fullmatch(label)]
        if bad or not labels:
            logger.warning("pages: not a list of labels: %r", self.text, type="book", subtype="data", location=self.get_location())
            return [], []
        # The text stands for what print shows, as wide (TableWidths sizes a column by it); it is never printed.
        node = page_list("", "pp.~000–000" if len(labels) > 1 else "p.~000", labels=labels)
        return [node], []


class WebAddressRole(SphinxRole):
    def run(self):
        path = self.text.strip().lstrip("/")
        return [web_address("", "the web edition", path=path)], []


def resolve_addresses(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    base = BookConfig.read(app.config).web_address(app.config)
    for node in list(doctree.findall(web_address)):
        if base:
            url = base + node["path"]
            node.replace_self(nodes.reference(url, url, refuri=url))
        else:
            node.replace_self(nodes.Text("the web edition"))


def label_places(env, node: page_list) -> list[tuple[str, str]]:
    """(document, id) of each label the node names, in its order; unknown labels are warned about."""
    std = env.domains.standard_domain
    places = []
    for label in node["labels"]:
        place = std.anonlabels.get(label.lower()) or std.anonlabels.get(label)
        if place is None or not place[0]:
            logger.warning("pages: unknown label %r", label, type="book", subtype="data", location=node)
            continue
        places.append(place)
    return places


def link_pages_on_the_web(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Outside the book's PDF (whose writer prints pages), a page list is a list of numbered
    links; the pages use it only inside `{only} latex`, so this is for other uses and builders."""
    if app.builder.name == "latex" and app.config.book_latex:
        return
    for node in list(doctree.findall(page_list)):
        links = []
        for number, (target_doc, target_id) in enumerate(label_places(app.env, node), start=1):
            uri = app.builder.get_relative_uri(docname, target_doc) + "#" + target_id
            links += [nodes.Text(", ")] * (number > 1) + [nodes.reference("", str(number), refuri=uri)]
        node.replace_self(nodes.inline("", "", *links))


def setup(app: Sphinx) -> None:
    app.add_node(page_list)
    app.add_node(web_address)
    app.add_role("pages", PagesRole())
    app.add_role("web-address", WebAddressRole())
    app.connect("doctree-resolved", resolve_addresses)
    app.connect("doctree-resolved", link_pages_on_the_web)
