"""The glossary in HTML: every spelling on one line, and links without needless markup.

The glossary page lists each entry's canonical name and every other spelling as glossary terms,
so that each spelling has its anchor (`glossary.html#term-Hmeimim`), its entry in the general
index and its line in objects.inv. In HTML, a line of its own for each of eighteen spellings made
the page long and heavy; here, after references are resolved, the other spellings of an entry
become one `<dt class="spellings">` line ("also Hmeimim, Hmeymim, …"), each spelling a `<span>`
that keeps its id. Links inside the glossary's definitions are written as plain `<a href>`
(without the classes and the `<span>` Sphinx wraps their text in): a thousand of them, and the page
must stay under 400 KB; so are the links of the glossary's pages of basis and mentions. Other
builders (the PDF) keep Sphinx's own rendering.
"""

from __future__ import annotations

import html
import zlib
from functools import lru_cache
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import process_only_nodes


def spellings_line(terms: list[nodes.term]) -> nodes.term:
    """One term line, without an id of its own (so without a permalink), holding the given terms
    as inline spans that keep their ids and index entries."""
    line = nodes.term("", "", classes=["spellings"])
    line += nodes.emphasis("", "also ")
    for number, term in enumerate(terms):
        if number:
            line += nodes.Text(", ")
        span = nodes.inline("", "", ids=list(term["ids"]))
        for child in list(term.children):
            term.remove(child)
            span += child
        line += span
    return line


ENTRIES = "entries/"  # the glossary's pages of basis and mentions (tools/pages/entries.py)


def plain_links(tree: nodes.Element) -> None:
    """Resolved links written as plain `<a href>`: no classes, no wrapping `<span>`."""
    for reference in list(tree.findall(nodes.reference)):
        target = reference.get("refuri") or ("#" + reference["refid"] if reference.get("refid") else "")
        if target and not reference.get("ids") and all(isinstance(child, (nodes.Text, nodes.inline)) for child in reference.children):
            link = f'<a href="{html.escape(target)}">{html.escape(reference.astext())}</a>'
            reference.replace_self(nodes.raw("", link, format="html"))


class CompactGlossary(SphinxPostTransform):
    default_priority = 900  # after the references are resolved (ReferencesResolver: 10)
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for glossary in self.document.findall(addnodes.glossary):
            for item in list(glossary.findall(nodes.definition_list_item)):
                terms = [child for child in item.children if isinstance(child, nodes.term)]
                if len(terms) > 1:
                    for term in terms[1:]:
                        item.remove(term)
                    item.insert(1, spellings_line(terms[1:]))
            plain_links(glossary)
        if self.env.current_document.docname.startswith(ENTRIES):
            plain_links(self.document)


HOVER_DATA = "glossary-data.js"  # written by the conversion into the generated static folder


@lru_cache(maxsize=4)
def _version(path: str, mtime: float) -> str:
    return f"{zlib.crc32(Path(path).read_bytes()):08x}"


def links_to_entries(doctree: nodes.document) -> bool:
    if next(iter(doctree.findall(addnodes.glossary)), None) is not None:
        return True
    for reference in doctree.findall(nodes.reference):
        if "#term-" in reference.get("refuri", "") or reference.get("refid", "").startswith("term-"):
            return True
    return False


def tips_where_needed(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """glossary-tips.js on the pages that link to glossary entries, and only there; it loads the
    definitions (glossary-data.js, versioned like Sphinx's own static files) at the first use."""
    if doctree is None or not links_to_entries(doctree):
        return
    from ..pages import STATIC_FOLDER

    data = Path(app.srcdir, STATIC_FOLDER, HOVER_DATA)
    version = _version(str(data), data.stat().st_mtime) if data.is_file() else ""
    app.add_js_file("glossary-tips.js", priority=800, **{"data-version": version})


def setup(app: Sphinx) -> None:
    class OnlyThisFormat(SphinxPostTransform):
        """`{only}` blocks of other formats removed before references are resolved (Sphinx removes
        them after): the glossary's printed basis and mentions hold some 1,500 links to passages
        that the web edition would otherwise resolve only to drop."""

        default_priority = 5  # ReferencesResolver: 10; Sphinx's own OnlyNodeTransform: 50

        def run(self, **kwargs) -> None:
            process_only_nodes(self.document, app.tags)

    app.add_post_transform(OnlyThisFormat)
    app.add_post_transform(CompactGlossary)
    app.connect("html-page-context", tips_where_needed)
