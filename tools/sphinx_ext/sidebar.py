"""The sidebar's navigation tree, made without the theme's per-page HTML parse.

Furo turns Sphinx's toctree HTML into its collapsible tree (a checkbox and a label on each entry
that has children, "current-page" on the page being read) by parsing every page's tree with
BeautifulSoup: at ten times the seeds that parse was an eighth of the whole HTML build
(benchmarks/README.md). Sphinx's toctree HTML is regular (generated, every attribute in double
quotes), so here it is read with one regular expression into a small tree, changed exactly as
furo changes it, and written back as BeautifulSoup writes it (attributes in name order,
character references resolved): the result is the theme's, byte for byte (tests/test_sidebar.py
compares the two on the book's own pages). Markup this reader does not expect goes to furo's
function, so the sidebar is never wrong, only slower.

The theme still asks for its tree: `book_toctree` answers its one call with an empty tree (which
furo returns without parsing) and the sidebar template (templates/sidebar/navigation.html) shows
`book_navigation_tree` instead.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from furo.navigation import get_navigation_tree

_TOKEN = re.compile(r"(<[^>]*>)")
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)((?:\s+[^\s=\"'/>]+(?:=\"[^\"]*\")?)*)\s*(/?)>\Z")
_ATTRIBUTE = re.compile(r"([^\s=\"'/>]+)(?:=\"([^\"]*)\")?")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"})
# The theme's call for its navigation (furo's _compute_navigation_tree).
THEME_CALL = {"collapse": False, "titles_only": True, "maxdepth": -1, "includehidden": True}


_REFERENCE = re.compile(r"&(?:([A-Za-z][A-Za-z0-9]*);|#\d+;|#[xX][0-9a-fA-F]+;)?")
_SPACED = ("class", "rel")  # BeautifulSoup reads these as lists of words and writes them back single-spaced


def _resolved(text: str) -> str:
    """Character references resolved, as BeautifulSoup resolves them; one it would read otherwise
    (an unknown name, a bare "&") is unexpected."""
    for reference in _REFERENCE.finditer(text):
        name = reference.group(1)
        if reference.group(0) == "&" or (name is not None and html.unescape(reference.group(0)) == reference.group(0)):
            raise _Unexpected(reference.group(0))
    return html.unescape(text)


class _Unexpected(ValueError):
    """Markup Sphinx's toctree does not write: left to the theme's parser."""


class _Element:
    __slots__ = ("name", "attributes", "children")

    def __init__(self, name: str, attributes: dict[str, str | list[str]], children: list | None = None):
        self.name, self.attributes, self.children = name, attributes, children or []

    def descendants(self) -> Iterator[_Element]:
        for child in self.children:
            if isinstance(child, _Element):
                yield child
                yield from child.descendants()

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)


def _parse(markup: str) -> _Element:
    root = _Element("", {})
    open_elements = [root]
    for token in _TOKEN.split(markup):
        if not token:
            continue
        if not token.startswith("<"):
            if not token.strip() and token not in ("\n", " "):
                raise _Unexpected(repr(token))  # white space BeautifulSoup would write back shorter
            open_elements[-1].children.append(_resolved(token))
            continue
        match = _TAG.match(token)
        if match is None:
            raise _Unexpected(token)
        closing, name, attributes, self_closing = match.groups()
        name = name.lower()
        if closing:
            if open_elements[-1].name != name:
                raise _Unexpected(token)
            open_elements.pop()
            continue
        values = {key.lower(): _resolved(value or "") for key, value in _ATTRIBUTE.findall(attributes)}
        if any(values[key] != " ".join(values[key].split()) for key in _SPACED if key in values):
            raise _Unexpected(token)
        element = _Element(name, values)
        open_elements[-1].children.append(element)
        if name not in _VOID and not self_closing:
            open_elements.append(element)
    if len(open_elements) != 1:
        raise _Unexpected(open_elements[-1].name)
    return root


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _quoted(value: str | list[str]) -> str:
    """An attribute value as BeautifulSoup writes it: double quotes unless the value holds one."""
    value = _escaped(" ".join(value) if isinstance(value, list) else value)
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', "&quot;") + '"'


def _write(node: _Element | str, out: list[str]) -> None:
    if isinstance(node, str):
        out.append(_escaped(node))
        return
    attributes = "".join(f" {key}={_quoted(value)}" for key, value in sorted(node.attributes.items()))
    if node.name in _VOID:
        out.append(f"<{node.name}{attributes}/>")
        return
    out.append(f"<{node.name}{attributes}>")
    for child in node.children:
        _write(child, out)
    out.append(f"</{node.name}>")


def _classes(element: _Element) -> list[str]:
    value = element.attributes.get("class", [])
    return value.split() if isinstance(value, str) else list(value)


def _expand_icon() -> _Element:
    return _Element("span", {"class": "icon"}, [_Element("svg", {}, [_Element("use", {"href": "#svg-arrow-right"})])])


def navigation_tree(toctree_html: str) -> str:
    """Furo's navigation tree for this toctree HTML (furo.navigation.get_navigation_tree)."""
    if not toctree_html:
        return toctree_html
    try:
        root = _parse(toctree_html)
    except _Unexpected:
        return get_navigation_tree(toctree_html)
    checkboxes = 0
    current_page = None
    for element in list(root.descendants()):
        if element.name != "li":
            continue
        classes = _classes(element)
        if "current" in classes:
            current_page = element
        if not any(child.name == "ul" for child in element.descendants()):
            continue
        element.attributes["class"] = classes + ["has-children"]
        checkboxes += 1
        name = f"toctree-checkbox-{checkboxes}"
        title = next((child.text() for child in element.descendants() if child.name == "a"), None)
        if title is None:  # furo would fail on an entry with children and no link: let it say so
            return get_navigation_tree(toctree_html)
        element.children.insert(1, _Element("label", {"for": name}, [_expand_icon()]))
        checkbox = _Element(
            "input",
            {"type": "checkbox", "class": "toctree-checkbox", "id": name, "name": name, "role": "switch", "aria-label": f"Toggle navigation of {title}"},
        )
        if "current" in classes:
            checkbox.attributes["checked"] = ""
        element.children.insert(1, checkbox)
    if current_page is not None:
        current_page.attributes["class"] = _classes(current_page) + ["current-page"]
    out: list[str] = []
    for child in root.children:
        _write(child, out)
    return "".join(out)


def furo_based(theme) -> bool:
    """Furo or a theme built on it (its folders include furo's): the themes whose sidebar template
    this extension overrides (templates/sidebar/navigation.html)."""
    if theme is None:
        return False
    folders = theme.get_theme_dirs() if hasattr(theme, "get_theme_dirs") else []
    return getattr(theme, "name", "") == "furo" or any(Path(folder).name == "furo" for folder in folders)


def book_toctree(toctree: Callable[..., str], context: dict, furo: bool, shared: Callable[[Callable[[], str]], str] | None = None) -> Callable[..., str]:
    """The page's toctree function, collapsed to the branch being read. Under furo the sidebar's
    tree is made here once, into context["book_navigation_tree"], and the theme's own call gets an
    empty tree. `shared`, given Sphinx's way of making the page's tree, may answer from the tree
    of a sibling page instead (SiblingTrees)."""

    def collapsed(**options) -> str:
        if furo and options == THEME_CALL:
            return ""
        return toctree(**(options | {"collapse": True}))

    if furo:
        made = lambda: toctree(**(THEME_CALL | {"collapse": True}))  # noqa: E731
        context["book_navigation_tree"] = navigation_tree(shared(made) if shared is not None else made())
    return collapsed


_CURRENT_LEAF = re.compile(r'<li class="(toctree-l\d+) current"><a class="current reference internal" href="#">((?:(?!</a>|<li\b).)*)</a></li>')
_PLAIN_HREF = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\.html\Z")


class SiblingTrees:
    """Sphinx's collapsed toctree of a page that has no pages below it, made once for all the
    pages in the same place of the book.

    Sphinx makes the tree afresh for every page: it resolves the whole branch being read and
    renders it, so a chapter of n pages costs n times its own length, and a book of sources or
    months grows with the square of its pages (benchmarks/README.md). Two such pages with the same
    ancestors, in the same folder, have the same tree but for which entry is "current": the tree
    of the first is kept with its entry written as any other, and a sibling's is that tree with
    the sibling's entry written as current. Anything unexpected (an entry found twice or not at
    all, a page with pages below it, a link that is not a plain file name) is left to Sphinx;
    tests/test_sidebar.py compares the two on every page of a built book.
    """

    def __init__(self) -> None:
        self.templates: dict[tuple, str] = {}
        self.served = 0  # trees answered from a sibling's

    def tree(self, place: tuple, href: str, make: Callable[[], str]) -> str:
        """The page's tree: `place` is what it shares with its siblings (ancestors, folder),
        `href` the link a sibling's tree gives it, `make` Sphinx's way of making it."""
        if not _PLAIN_HREF.match(href):
            return make()
        template = self.templates.get(place)
        if template is not None:
            entry = re.compile(rf'<li class="(toctree-l\d+)"><a class="reference internal" href="{re.escape(href)}">((?:(?!</a>|<li\b).)*)</a></li>')
            found = entry.findall(template)
            if len(found) == 1:
                self.served += 1
                return entry.sub(lambda match: f'<li class="{match.group(1)} current"><a class="current reference internal" href="#">{match.group(2)}</a></li>', template)
        made = make()
        if template is None and len(_CURRENT_LEAF.findall(made)) == 1 and f'href="{href}"' not in made:
            self.templates[place] = _CURRENT_LEAF.sub(lambda match: f'<li class="{match.group(1)}"><a class="reference internal" href="{href}">{match.group(2)}</a></li>', made)
        return made
