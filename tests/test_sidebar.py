"""The sidebar's navigation tree is the theme's own, made without the theme's per-page HTML parse
(tools/sphinx_ext/sidebar.py): the same bytes as furo's, on hand-written trees and on every page
of a built book, and the theme is left no tree to parse; a page's tree made from a sibling's is
the one Sphinx would make."""

from __future__ import annotations

import pytest
from furo.navigation import get_navigation_tree

from tools.sphinx_ext.sidebar import THEME_CALL, navigation_tree


def furo_tree(toctree_html: str) -> str:
    return get_navigation_tree.__wrapped__(toctree_html)  # not the theme's cache: its own parse each time


NESTED = (
    '<p class="caption" role="heading"><span class="caption-text">The book</span></p>\n'
    '<ul class="current">\n'
    '<li class="toctree-l1 current"><a class="reference internal" href="index.html">Chronology</a><ul class="current">\n'
    '<li class="toctree-l2"><a class="reference internal" href="a.html">Before 2011</a></li>\n'
    '<li class="toctree-l2 current"><a class="current reference internal" href="#">2016: Palmyra &amp; Aleppo</a><ul>\n'
    '<li class="toctree-l3"><a class="reference internal" href="b.html">January to June</a></li>\n'
    "</ul>\n</li>\n</ul>\n</li>\n"
    '<li class="toctree-l1"><a class="reference internal" href="../themes/index.html">Themes</a></li>\n'
    "</ul>\n"
)


@pytest.mark.parametrize(
    "toctree_html",
    [
        "",
        NESTED,
        # titles with markup characters, quotes, character references and other scripts
        '<ul>\n<li class="toctree-l1"><a class="reference internal" href="x.html?a=1&amp;b=2">&lt;Idlib&gt; &quot;zones&quot; &#8217;s</a><ul>\n'
        '<li class="toctree-l2"><a class="reference internal" href="y.html">Хмеймим — حميميم</a></li>\n</ul>\n</li>\n</ul>\n',
        # an entry without a class, a title holding both kinds of quotes, a nested caption element
        '<ul>\n<li><a href="z.html">O\'Brien &quot;said&quot;</a><ul>\n<li class="toctree-l2 current"><a class="current reference internal" href="#">'
        "<span>Now</span></a></li>\n</ul>\n</li>\n</ul>\n",
    ],
)
def test_the_tree_is_the_themes_byte_for_byte(toctree_html):
    assert navigation_tree(toctree_html) == furo_tree(toctree_html)


def test_an_entry_with_children_gets_a_checkbox_and_the_page_being_read_is_marked():
    tree = navigation_tree(NESTED)
    assert tree.count('class="toctree-checkbox"') == 2
    assert 'aria-label="Toggle navigation of 2016: Palmyra &amp; Aleppo" checked=""' in tree
    assert '<li class="toctree-l2 current has-children current-page">' in tree


@pytest.mark.sphinx("html", testroot="book", srcdir="book-sidebar", confoverrides={"html_theme": "furo"})
def test_every_page_of_a_built_book_has_the_themes_tree_and_the_theme_parses_none(app):
    seen, trees = {}, {}

    def compare(app, pagename, templatename, context, doctree):
        if "toctree" in context:
            expected = furo_tree(context["toctree"](**(THEME_CALL | {"collapse": True})))  # the collapsed tree, asked for explicitly
            seen[pagename] = (context["book_navigation_tree"] == expected, context["furo_navigation_tree"], expected.count("<li"))
            trees[pagename] = context["book_navigation_tree"].replace('role="heading">', 'role="heading" aria-level="2">')

    app.connect("html-page-context", compare, priority=900)  # after the theme's handler
    app.build()
    assert len(seen) > 10
    assert {name: same for name, (same, _, _) in seen.items() if not same} == {}
    assert {theirs for _, theirs, _ in seen.values()} == {""}  # the theme was given an empty tree to parse
    assert all(entries > 3 for _, _, entries in seen.values())
    _, _, siblings, _ = getattr(app.builder, "book_sibling_trees")
    assert siblings.served >= 5  # ... and many pages' trees were a sibling's, changed by one entry: the same bytes as Sphinx's own
    written = (app.outdir / "periods" / "intervention.html").read_text(encoding="utf-8")
    assert 'class="toctree-checkbox"' in trees["periods/intervention"] and trees["periods/intervention"] in written


@pytest.mark.parametrize(
    "toctree_html",
    [
        '<ul>\n\n<li class="toctree-l1"><a href="a.html">A</a><ul>\n<li><a href="b.html">B</a></li>\n</ul>\n</li>\n</ul>',  # white space BeautifulSoup shortens
        '<ul>\n<li class=" toctree-l1"><a class="reference  internal" href="a.html">A</a></li>\n</ul>',  # class words spaced unevenly
        '<ul>\n<li class="toctree-l1"><a href="a.html">Tom &foo; Jerry</a></li>\n</ul>',  # a reference with no such name
        "<ul><li class='toctree-l1'><a href='q.html'>Q</a><ul><li>R</li></ul></li></ul>",  # single quotes
        "<ul><li><a href='q.html'>Q</a><ul><li>R</li></ul>",  # an unclosed element
    ],
)
def test_markup_sphinx_never_writes_is_left_to_the_themes_own_parse(toctree_html, monkeypatch):
    calls = []
    monkeypatch.setattr("tools.sphinx_ext.sidebar.get_navigation_tree", lambda markup: calls.append(markup) or furo_tree(markup))
    assert navigation_tree(toctree_html) == furo_tree(toctree_html)
    assert calls == [toctree_html]


def test_a_theme_built_on_furo_gets_the_books_tree_too(tmp_path):
    from tools.sphinx_ext.sidebar import furo_based

    class Theme:
        name = "my-furo"

        def get_theme_dirs(self):
            return [tmp_path / "my-furo", tmp_path / "site-packages" / "furo" / "theme" / "furo"]

    class Other(Theme):
        name = "alabaster"

        def get_theme_dirs(self):
            return [tmp_path / "alabaster"]

    assert furo_based(Theme()) and not furo_based(Other()) and not furo_based(None)


def test_a_siblings_tree_is_the_first_pages_tree_with_its_own_entry_marked_and_anything_else_goes_to_sphinx():
    from tools.sphinx_ext.sidebar import SiblingTrees

    def tree(current: str) -> str:
        entries = "".join(
            f'<li class="toctree-l2 current"><a class="current reference internal" href="#">{title}</a></li>\n' if name == current
            else f'<li class="toctree-l2"><a class="reference internal" href="{name}.html">{title}</a></li>\n'
            for name, title in (("a", "Source A"), ("b", "Source &lt;B&gt;"), ("c", "Source C"))
        )
        return f'<ul class="current">\n<li class="toctree-l1 current"><a class="reference internal" href="index.html">Sources</a><ul class="current">\n{entries}</ul>\n</li>\n</ul>\n'

    made = []

    def sphinx(name):
        return lambda: made.append(name) or tree(name)

    trees = SiblingTrees()
    assert trees.tree(("sources",), "a.html", sphinx("a")) == tree("a")  # the first is Sphinx's
    assert trees.tree(("sources",), "b.html", sphinx("b")) == tree("b")  # the others are made from it
    assert trees.tree(("sources",), "c.html", sphinx("c")) == tree("c")
    assert made == ["a"] and trees.served == 2
    assert trees.tree(("sources",), "d.html", sphinx("d")) == tree("d") and made[-1] == "d"  # not in the kept tree: Sphinx's
    assert trees.tree(("sources",), "a%20b.html", sphinx("e")) and made[-1] == "e"  # not a plain file name: Sphinx's
