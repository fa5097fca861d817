"""Finding one's way in the HTML book: accessible navigation and a clean general index.

- templates/: the theme's sidebar navigation with an `aria-level` on each caption (Sphinx writes
  them as `role="heading"` alone, which axe-core reports as critical), and its search page with
  an h1. The same fix is applied to the captions of the toctrees inside a page's body.
- The general index is in the navigation (docs/index.md lists `genindex` in a toctree); builders
  other than HTML (the PDF, which prints its own index) do not see that entry.
- The navigation is collapsed: the parts and chapters, and the pages of the chapter being read,
  not every page of every chapter. The theme (furo) writes the whole tree into every page, so a
  book of many pages (long chapters are split, tools/addresses.py) would weigh, and take time,
  in proportion to the square of its pages (angr/angr#6906 measured the same with furo). The
  tree is made without the theme's per-page HTML parse (sidebar.py), and a page with no pages
  below it takes a sibling's tree, with its own entry marked, instead of Sphinx resolving and
  rendering the branch again (sidebar.SiblingTrees).
- The general index groups entries under A to Z; the glossary's spellings in other scripts (more
  than sixty Cyrillic, Arabic, Hebrew, Greek, Armenian, Korean and Chinese initials) are gathered
  under "Cyrillic", "Arabic" and "Others", so that the letter bar stays one short line.
- A general index of more entries than a page holds (chapters.yaml, `pages: index_entries`) keeps
  its letter bar on `genindex.html` and gives each group a page (`genindex-A.html`, made here at
  html-collect-pages). Sphinx's own `html_split_index` is not used: furo has no template for its
  pages, it would split by Sphinx's letters (one page per Cyrillic initial), not the bar's
  groups, and it writes the whole index again as `genindex-all.html`.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.domains.std import StandardDomain
from sphinx.environment.adapters.indexentries import IndexEntries

from .. import cache
from ..write import write_if_changed
from ..addresses import GENERAL_INDEX, index_letter_page
from .conversion import cache_file
from .moved import follow_map
from .sidebar import SiblingTrees, book_toctree, furo_based

TEMPLATES = Path(__file__).with_name("templates")
CAPTION = '<p class="caption" role="heading">'
ACCESSIBLE_CAPTION = '<p class="caption" role="heading" aria-level="2">'


def add_templates(app: Sphinx, config: Config) -> None:
    if str(TEMPLATES) not in config.templates_path:
        config.templates_path = [*config.templates_path, str(TEMPLATES)]


HTML_ONLY = "book_html_only_toctrees"  # env: documents read for print, their "genindex" dropped


def html_only_indices(app: Sphinx, doctree: nodes.document) -> None:
    """Outside HTML, a toctree's "genindex" (or "search") entry names no document: drop it, and
    remember the document, so that an HTML build sharing the environment reads it again."""
    docname = app.env.current_document.docname
    if app.builder.format == "html":
        getattr(app.env, HTML_ONLY, set()).discard(docname)
        return
    virtual = set(StandardDomain._virtual_doc_names)
    for toctree in doctree.findall(addnodes.toctree):
        if virtual & set(toctree["includefiles"]):
            toctree["entries"] = [(title, ref) for title, ref in toctree["entries"] if ref not in virtual]
            toctree["includefiles"] = [name for name in toctree["includefiles"] if name not in virtual]
            if not hasattr(app.env, HTML_ONLY):
                setattr(app.env, HTML_ONLY, set())
            getattr(app.env, HTML_ONLY).add(docname)


def read_again_for_this_format(app: Sphinx, env, added, changed, removed) -> list[str]:
    """`make html` then `make latexpdf` (or Read the Docs' two builds) share one environment: a
    document read for the other kind of output is read again."""
    if app.builder.format == "html":
        return sorted(name for name in getattr(env, HTML_ONLY, set()) if name in env.found_docs)
    virtual = set(StandardDomain._virtual_doc_names)
    return sorted(name for name, includes in env.toctree_includes.items() if virtual & set(includes))


def merge_html_only(app: Sphinx, env, docnames, other) -> None:
    if getattr(other, HTML_ONLY, None):
        setattr(env, HTML_ONLY, getattr(env, HTML_ONLY, set()) | getattr(other, HTML_ONLY))


def letter_group(key: str) -> str:
    """The letter bar's group for one of Sphinx's index keys (a capital letter or "Symbols")."""
    if len(key) != 1 or (key.isascii() and key.isalpha()):
        return key
    name = unicodedata.name(key, "")
    if name.startswith("CYRILLIC"):
        return "Cyrillic"
    if name.startswith("ARABIC"):
        return "Arabic"
    return "Others"


def regroup(entries: list[tuple[str, list]]) -> list[tuple[str, list]]:
    """Sphinx's (key, entries) groups, merged by letter_group, Latin letters and symbols first."""
    merged: dict[str, list] = {}
    for key, items in entries:
        merged.setdefault(letter_group(key), []).extend(items)
    order = ["Symbols", *(chr(code) for code in range(ord("A"), ord("Z") + 1)), "Cyrillic", "Arabic", "Others"]
    return [(key, merged[key]) for key in order if key in merged] + [(key, items) for key, items in merged.items() if key not in order]


def entry_count(items: list) -> int:
    """Lines of one group of the index: its entries and their sub-entries (Sphinx's genindexcounts)."""
    return sum(1 + len(entry[1][1]) for entry in items)


def index_split(app: Sphinx, groups: list[tuple[str, list]]) -> bool:
    """Whether the general index holds more entries than a page (chapters.yaml, `pages:
    index_entries`): then each group of its letter bar has a page of its own."""
    return sum(entry_count(items) for _, items in groups) > cache.index_entries(cache_file(app))


INDEX_MAP = "moved/genindex.json"  # in the static folder: each group of a split index, and its page


def letter_pages(groups: list[tuple[str, list]]) -> list[tuple[str, str]]:
    """The letter bar of a split index: each group and its page."""
    return [(key, index_letter_page(key)) for key, _ in groups]


def page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if "body" in context and CAPTION in context["body"]:
        context["body"] = context["body"].replace(CAPTION, ACCESSIBLE_CAPTION)
    if pagename == GENERAL_INDEX and context.get("genindexentries"):
        groups = regroup(context["genindexentries"])
        if index_split(app, groups):  # the index's page keeps the letter bar only (templates/genindex.html)
            context["index_letters"], groups = letter_pages(groups), []
            follow_map(app, INDEX_MAP)  # genindex.html#S, made before the split, leads to genindex-S.html
        context["genindexentries"] = groups
        context["genindexcounts"] = [entry_count(items) for _, items in groups]


def split_index_groups(app: Sphinx) -> list[tuple[str, list]]:
    """The groups of the letter bar that have a page of their own: all of them when the general
    index is too long for one page, none when it fits (or the builder writes no index)."""
    if app.builder.format != "html" or not getattr(app.builder, "use_index", False) or getattr(app.builder, "embedded", False):
        return []
    groups = regroup(IndexEntries(app.env).create_index(app.builder))
    return groups if index_split(app, groups) else []


def index_letter_pages(app: Sphinx):
    """A page per group of the letter bar when the general index is too long for one page (at
    html-collect-pages, after Sphinx has written the index's own page)."""
    groups = split_index_groups(app)
    letters = letter_pages(groups)
    if letters:
        write_if_changed(Path(app.outdir, "_static", INDEX_MAP), json.dumps({key: f"{page}.html" for key, page in letters}, sort_keys=True, separators=(",", ":")) + "\n")
    return [(page, {"genindexentries": [(key, items)], "genindexcounts": [entry_count(items)], "index_letters": letters, "index_letter": key}, "genindex.html") for (key, items), (_, page) in zip(groups, letters)]


def collapsed_navigation(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Before the theme (priority 500) builds its navigation, and after sphinx-notfound-page
    (priority 400) gives the 404 page a toctree of its own: the toctree, collapsed to the branch of
    the page being read (for the 404 page, to the parts and chapters: it would otherwise list
    every page of the book), and the sidebar's tree made from it without the theme's parse
    (sidebar.py)."""
    toctree = context.get("toctree")
    if toctree is None:
        return
    context["toctree"] = book_toctree(toctree, context, furo=furo_based(getattr(app.builder, "theme", None)), shared=_shared_tree(app, pagename))


SIBLING_TREES = "book_sibling_trees"  # on the builder: the trees of this build's pages, by place


def _shared_tree(app: Sphinx, pagename: str):
    """For a page with no pages below it, in a build writing plain .html files: its tree from a
    sibling's (sidebar.SiblingTrees), by its ancestors in the toctree and its folder."""
    builder, env = app.builder, app.env
    if getattr(builder, "name", "") != "html" or getattr(builder, "link_suffix", "") != ".html" or env.toctree_includes.get(pagename):
        return None
    state = getattr(builder, SIBLING_TREES, None)
    if state is None or state[0] is not env.toctree_includes:
        parents: dict[str, str] = {}
        for parent, children in env.toctree_includes.items():  # as Sphinx reads them (the last toctree naming a page wins)
            parents |= dict.fromkeys(children, parent)
        state = (env.toctree_includes, parents, SiblingTrees(), {})
        setattr(builder, SIBLING_TREES, state)
    _, parents, trees, groups = state
    ancestors, name = [], pagename
    while name in parents and name not in ancestors:
        ancestors.append(name)
        name = parents[name]
    if not ancestors:
        return None  # a page outside the toctree: nothing of its own is current
    parent = parents[pagename]
    if parent not in groups:
        groups[parent] = _toctree_of_each_page(env, parent)
    group = groups[parent].get(pagename)
    if group is None:
        return None  # named by two of its parent's toctrees, or by none Sphinx's tree shows
    target = builder.get_target_uri(pagename)
    folder, _, href = target.rpartition("/")
    place = (tuple(ancestors[1:]), group, folder)  # which of the parent's lists holds the page decides which list is "current"
    return lambda make: trees.tree(place, href, make)


def _toctree_of_each_page(env, parent: str) -> dict[str, int | None]:
    """Which of the parent's toctrees (by order) names each page; None for a page named twice."""
    found: dict[str, int | None] = {}
    for index, toctree in enumerate(env.tocs[parent].findall(addnodes.toctree)) if parent in env.tocs else ():
        for _, ref in toctree["entries"]:
            found[ref] = None if ref in found else index
    return found


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", collapsed_navigation, priority=450)
    app.connect("config-inited", add_templates)
    app.connect("doctree-read", html_only_indices, priority=400)  # before the toctree collector
    app.connect("env-get-outdated", read_again_for_this_format)
    app.connect("env-merge-info", merge_html_only)
    app.connect("html-page-context", page_context)
    app.connect("html-collect-pages", index_letter_pages)
