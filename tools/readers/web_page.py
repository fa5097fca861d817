"""Web pages saved as HTML (`.html`, `.htm`, `.xhtml`): a news article, a live blog, a blog post, an
encyclopedia page, as the browser's "Save page" writes them.

The page is read by the standard library's HTML parser, which tolerates the markup real sites
write (unclosed paragraphs, stray end tags) and tells where each piece starts, so every passage
keeps the lines of the file it stands on. The reader then does what a reader's eye does:

- the text is the page's main content: its `articleBody`, its one `<article>` (or the element
  around several, a live blog's updates), its `<main>`, else the whole body;
- menus, headers and footers of the site, asides, forms, figure captions and the blocks whose
  class or id says what they are (cookie, share, related, comments, newsletter, sidebar, ...) are
  set aside with that reason, and so are scripts, styles, hidden elements and the markup itself;
- paragraphs, list items, quotations and table rows (cells joined by " | ") are blocks, and so
  is a definition list's term with its description (a timeline's day and what happened);
  `<h2>` to `<h6>` are headings; the `<h1>` is the title;
- the publication date is the one the page declares (`article:published_time`, JSON-LD
  `datePublished`, `itemprop="datePublished"`, a `<time datetime>` in the article), and an
  element that holds a `<time>` of its own (a live blog's update) dates the text inside it.
  An encyclopedia page (an infobox, or a MediaWiki page) has no publication date: the date a
  wiki gives is its page's creation, not the text's.

Nothing is dropped: every character of the file is a passage, a heading or a removal.
"""

from __future__ import annotations

import bisect
import dataclasses
import html
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..model import Block, Source, valid_iso
from .datelines import dateline
from .feed import feed_date

NAME = "web-page"
DEFAULT_KIND = "web-page"
SUFFIXES = (".html", ".htm", ".xhtml")

_FIRST_TAG = re.compile(r"<!DOCTYPE\s+html|<(?:html|head|body|meta|title|link|script|style|div|p|article|main|section|header|nav|table|ul|h[1-6])\b", re.IGNORECASE)

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen"}
# Elements that end the paragraph before them and start a new one.
BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "center", "listing",
}
CELLS = {"td", "th"}
HEAD_CONTENT = {"title", "meta", "link", "style", "script", "noscript", "base", "template", "head", "html"}  # what stands in a <head>: anything else ends it
_SCOPES = {"table", "td", "th", "caption", "button", "object", "template"}  # a <p> outside them is not closed by what opens inside
CLOSES_P = BLOCKS - {"body", "html", "td", "th", "tr", "tbody", "thead", "tfoot", "caption", "li", "dd", "dt", "summary"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

# Elements whose content is never text to read, and why.
NOT_TEXT = {
    "script": "script or style: code, not text",
    "style": "script or style: code, not text",
    "noscript": "text for browsers without scripts: page furniture",
    "template": "template: not shown on the page",
    "svg": "drawing (SVG): not text",
    "math": "formula markup: not text",
    "iframe": "embedded frame: not text",
    "object": "embedded object: not text",
    "canvas": "drawing surface: not text",
    "select": "form control: not text",
    "button": "button label: page furniture",
    "textarea": "form control: not text",
    "head": "page head: its title and dates are read as the source's",
}
# Elements of the page around the text, and why they are set aside.
FURNITURE_TAGS = {
    "nav": "navigation menu",
    "aside": "aside: boxes and links beside the text",
    "footer": "page footer",
    "form": "form (search, subscription, comment box)",
    "figcaption": "figure caption: the picture's words, not the text's",
    "dialog": "pop-up dialog",
}
# Words in a class or id that say what a block is (split at "-", "_", spaces and camelCase).
FURNITURE_WORDS = {
    "cookie": "cookie notice", "cookies": "cookie notice", "consent": "cookie notice", "gdpr": "cookie notice",
    "share": "share buttons", "sharing": "share buttons", "social": "share buttons",
    "related": "related links", "recommended": "related links", "recommendations": "related links", "teaser": "related links", "teasers": "related links",
    "popular": "most-read list", "trending": "most-read list",
    "comment": "reader comments", "comments": "reader comments", "disqus": "reader comments",
    "newsletter": "subscription box", "subscribe": "subscription box", "subscription": "subscription box", "paywall": "subscription box",
    "sidebar": "sidebar", "widget": "sidebar", "widgets": "sidebar",
    "breadcrumb": "breadcrumb trail", "breadcrumbs": "breadcrumb trail",
    "menu": "navigation menu", "navbar": "navigation menu", "nav": "navigation menu", "navigation": "navigation menu",
    "tags": "tags", "taglist": "tags", "keywords": "tags", "categories": "categories", "catlinks": "categories",
    "advert": "advertisement", "advertisement": "advertisement", "ad": "advertisement", "ads": "advertisement", "promo": "advertisement", "sponsored": "advertisement",
    "banner": "banner", "popup": "pop-up dialog", "modal": "pop-up dialog",
    "caption": "figure caption: the picture's words, not the text's", "credit": "figure caption: the picture's words, not the text's",
    "footer": "page footer", "masthead": "site header", "byline": "byline: shown as the text's author",
    "toc": "table of contents", "navbox": "navigation menu", "references": "references list", "reflist": "references list",
    "footnotes": "references list", "hatnote": "hatnote: a pointer to another page", "author": "byline: shown as the text's author",
    "meta": "post details: date, author, categories", "postmeta": "post details: date, author, categories", "dateline": "post details: date, author, categories",
    "metadata": "post details: date, author, categories", "ambox": "maintenance notice", "noprint": "editors' marker", "reference": "reference marker",
    "thumbcaption": "figure caption: the picture's words, not the text's",
}
# Names that say the same in one word: MediaWiki's tagline and edit links, labels for screen readers only.
_NAMED = {
    "sitesub": "encyclopedia's tagline", "contentsub": "encyclopedia's tagline", "jump-to-nav": "navigation menu", "mw-jump-link": "navigation menu",
    "mw-editsection": "edit links", "printfooter": "page footer", "mw-indicators": "page furniture",
    "screen-reader-text": "label for screen readers only", "sr-only": "label for screen readers only", "visually-hidden": "label for screen readers only",
}
DATE_BEARING = {"post details: date, author, categories", "byline: shown as the text's author", "label for screen readers only"}
_MOST_READ = re.compile(r"most[-_ ]?(?:read|viewed|popular)|read[-_ ]?(?:also|more)|see[-_ ]?also|more[-_ ]?stories|top[-_ ]?stories", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
MARKUP = "HTML markup: tags, comments and declarations, not text"
OUTSIDE = "page outside the main text: site header, menus, sidebars and links"

PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date", "mediator_published_time", "date", "dc.date", "dc.date.issued", "dcterms.issued", "dcterms.date", "sailthru.date", "parsely-pub-date")
AUTHOR_META = ("author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author")
NEWS_TYPES = re.compile(r"Article$|Posting$|^Report$|^ReportageNewsArticle$|^NewsArticle$")


LOOKED_AT = 65536  # characters of a file read to tell whether it is a page


def looks_like(lines: list[str]) -> bool:
    """An HTML document or fragment: after an XML declaration and comments, the file opens with a
    doctype or an element of a page (read with plain string steps: a pattern that skips comments
    by repetition can take exponential time on a file that is not a page)."""
    head, size = [], 0
    for line in lines:  # the first 64 KB: comments and a doctype may fill many lines
        head.append(line)
        size += len(line) + 1
        if size > LOOKED_AT:
            break
    head = "\n".join(head).lstrip()
    if head.startswith("<?xml"):
        head = head[head.find("?>") + 2 :].lstrip() if "?>" in head else ""
    while head.startswith("<!--"):
        end = head.find("-->")
        head = head[end + 3 :].lstrip() if end >= 0 else ""
    return bool(_FIRST_TAG.match(head))


@dataclass(eq=False)
class Piece:
    """A run of the file as the parser met it: text, or markup (a tag, a comment, a declaration)."""

    is_text: bool
    raw: str
    first: int  # 1-based lines of its first and last non-space characters
    last: int
    reason: str = MARKUP  # why it is set aside; "" once it is text kept in a block

    @property
    def text(self) -> str:
        """As a browser reads it: character references resolved (in markup too, so that the
        account compares like with like)."""
        return html.unescape(self.raw)


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict
    parent: "Element | None"
    children: list = field(default_factory=list)  # Element or Piece (text), in order

    def words(self) -> set[str]:
        """The words of its class and id ("article-body relatedLinks" → article, body, related, links)."""
        names = f"{self.attrs.get('class') or ''} {self.attrs.get('id') or ''}"
        return {word.lower() for word in _WORDS.findall(names)}

    def naming(self) -> str:
        return f"{self.attrs.get('class') or ''} {self.attrs.get('id') or ''}"


class _Builder(HTMLParser):
    """The element tree of the page and the pieces of the file in order, with their lines.

    Each handler is called where its construct starts in the file (`getpos`), so a piece's raw
    text runs from there to the start of the next one: the pieces cover the file exactly.
    """

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source_text = text
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
        self.starts: list[int] = []
        self.found: list[Piece] = []  # in file order; their raw text is filled in at the end
        self.root = Element("#document", {}, None)
        self.stack = [self.root]
        self.open_tags: Counter = Counter()

    def _at(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _mark(self, kind: str) -> Piece:
        piece = Piece(kind == "text", "", 0, 0, "text outside any paragraph" if kind == "text" else MARKUP)
        self.starts.append(self._at())
        self.found.append(piece)
        return piece

    def _open(self, tag: str) -> Element | None:
        """The innermost open element of that tag (counted, so a page of 20,000 nested divs is
        not searched 20,000 times)."""
        if not self.open_tags[tag]:
            return None
        return next((element for element in reversed(self.stack) if element.tag == tag), None)

    def _push(self, element: Element) -> None:
        self.stack.append(element)
        self.open_tags[element.tag] += 1

    def _close(self, element: Element) -> None:
        while len(self.stack) > 1:
            popped = self.stack.pop()
            self.open_tags[popped.tag] -= 1
            if popped is element:
                break

    def _in_scope(self, tags: tuple[str, ...], scopes: set[str]) -> Element | None:
        """The innermost open element of those tags with no element of `scopes` inside it,
        searched from the top of the stack (so unclosed elements by the thousand stay linear)."""
        if not any(self.open_tags[tag] for tag in tags):
            return None
        for element in reversed(self.stack):
            if element.tag in tags:
                return element
            if element.tag in scopes:
                return None
        return None

    def _implied_ends(self, tag: str) -> None:
        """What HTML closes without saying: the head before the page's content, a paragraph
        before a block, a list item before the next, a cell before the next cell or row."""
        if tag not in HEAD_CONTENT and (head := self._in_scope(("head",), set())) is not None:
            self._close(head)
        if tag in CLOSES_P and (p := self._in_scope(("p",), _SCOPES)) is not None:
            self._close(p)
        if tag == "li" and (item := self._in_scope(("li",), {"ul", "ol"})) is not None:
            self._close(item)
        if tag in ("dt", "dd") and self.stack[-1].tag in ("dt", "dd"):
            self._close(self.stack[-1])
        if tag in ("td", "th", "tr") and (cell := self._in_scope(("td", "th"), {"table"})) is not None:
            self._close(cell)
        if tag == "tr" and (row := self._in_scope(("tr",), {"table"})) is not None:
            self._close(row)

    def handle_starttag(self, tag, attrs):
        self._mark("markup")
        self._implied_ends(tag)
        element = Element(tag, {name: value or "" for name, value in attrs}, self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self._push(element)

    def handle_startendtag(self, tag, attrs):
        self._mark("markup")
        self._implied_ends(tag)
        self.stack[-1].children.append(Element(tag, {name: value or "" for name, value in attrs}, self.stack[-1]))

    def handle_endtag(self, tag):
        self._mark("markup")
        if tag == "br":
            self.stack[-1].children.append(Element("br", {}, self.stack[-1]))
        elif (element := self._open(tag)) is not None:
            self._close(element)

    def handle_data(self, data):
        self.stack[-1].children.append(self._mark("text"))

    def handle_comment(self, data):
        self._mark("markup")

    def handle_decl(self, decl):
        self._mark("markup")

    def handle_pi(self, data):
        self._mark("markup")

    def unknown_decl(self, data):
        self._mark("markup")

    def pieces(self) -> list[Piece]:
        """The file cut at each construct's start: each piece's raw text and lines."""
        text = self.source_text
        bounds = self.starts + [len(text)]
        for index, piece in enumerate(self.found):
            piece.raw = text[bounds[index] : bounds[index + 1]]
            piece.first, piece.last = self._lines(bounds[index], piece.raw)
        found = [piece for piece in self.found if piece.raw]
        if self.starts and self.starts[0] > 0:  # text before the first construct (never, in practice)
            raw = text[: self.starts[0]]
            found.insert(0, Piece(False, raw, *self._lines(0, raw)))
        return found

    def _lines(self, start: int, raw: str) -> tuple[int, int]:
        stripped = raw.strip()
        if not stripped:
            line = bisect.bisect_right(self.line_starts, start)
            return line, line
        begin = start + raw.index(stripped[0])
        end = start + len(raw.rstrip()) - 1
        return bisect.bisect_right(self.line_starts, begin), bisect.bisect_right(self.line_starts, end)


def _parse(text: str) -> tuple[Element, list[Piece]]:
    builder = _Builder(text)
    builder.feed(text)
    builder.close()
    return builder.root, builder.pieces()


def _walk(root: Element):
    """Every element under root, in document order (without recursion: pages nest deeply)."""
    stack = [root]
    while stack:
        element = stack.pop()
        yield element
        stack.extend(reversed([child for child in element.children if isinstance(child, Element)]))


def _text_of(element: Element) -> str:
    pieces = []
    stack = [element]
    while stack:
        node = stack.pop()
        if isinstance(node, Piece):
            pieces.append(node.text)
        elif node.tag not in ("script", "style", "template"):
            stack.extend(reversed(node.children))
    return " ".join("".join(pieces).split())


def _furniture(element: Element, in_main: bool) -> str:
    """Why an element is page furniture, or ""."""
    tag = element.tag
    if tag in NOT_TEXT:
        return NOT_TEXT[tag]
    if "hidden" in element.attrs or element.attrs.get("aria-hidden") == "true" or _HIDDEN_STYLE.search(element.attrs.get("style", "")):
        return "hidden on the page: not shown to readers"
    if tag in FURNITURE_TAGS:
        return FURNITURE_TAGS[tag]
    if tag == "header" and not in_main:
        return "site header"
    role = element.attrs.get("role", "").lower()
    if role in ("navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"):
        return {"navigation": "navigation menu", "banner": "site header", "contentinfo": "page footer", "complementary": "aside: boxes and links beside the text", "search": "form (search, subscription, comment box)"}.get(role, "pop-up dialog")
    for name in element.naming().lower().split():
        if name in _NAMED:
            return _NAMED[name]
    if tag == "caption":
        return "table caption: the table's title"
    if _MOST_READ.search(element.naming()):
        return "related links"
    for word in _WORDS.findall(element.naming()):
        reason = FURNITURE_WORDS.get(word.lower())
        if reason:
            return reason
    return ""


def _ancestors(element: Element):
    parent = element.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def _common_ancestor(elements: list[Element]) -> Element:
    chains = [[element, *_ancestors(element)] for element in elements]
    shared = set(map(id, chains[0]))
    for chain in chains[1:]:
        shared &= set(map(id, chain))
    return next(element for element in chains[0] if id(element) in shared)


def _iso(value: str) -> str | None:
    value = value.strip()
    if re.match(r"\d{4}-\d\d-\d\d", value):
        return value[:10] if valid_iso(value[:10]) else None
    return feed_date(value) if value else None


_DECLARING = {"", NOT_TEXT["head"], NOT_TEXT["script"], *DATE_BEARING}  # furniture whose dates and authors are the page's own
_OTHER_ITEMS = {"comment", "comments", "review", "reviews", "citation", "relatedlink", "haspart"}  # microdata of something else


@dataclass
class Declared:
    """What the page says about itself."""

    published: str | None = None
    author: str | None = None
    title: str | None = None
    mediawiki: bool = False
    infobox: bool = False


def _declared(root: Element) -> Declared:
    """The page's declared date, author and title, from its meta tags (the most specific name
    first: `article:published_time` before a bare `date`), JSON-LD and microdata, outside the
    comments, teasers and other furniture around the text (a comment's datePublished is not the
    page's); and whether it is an encyclopedia's page."""
    found = Declared()
    dates: dict[str, str] = {}
    stack = [(root, False)]
    while stack:
        element, elsewhere = stack.pop()
        attrs = element.attrs
        elsewhere = elsewhere or _furniture(element, True) not in _DECLARING or attrs.get("itemprop", "").lower() in _OTHER_ITEMS
        stack.extend((child, elsewhere) for child in reversed(element.children) if isinstance(child, Element))
        if elsewhere:
            continue
        if element.tag == "meta":
            name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            content = attrs.get("content", "")
            if name == "generator" and "mediawiki" in content.lower():
                found.mediawiki = True
            elif name in PUBLISHED_META and name not in dates and (day := _iso(content)):
                dates[name] = day
            elif name in AUTHOR_META and found.author is None and content.strip() and not content.startswith("http"):
                found.author = " ".join(content.split())
            elif name == "og:title" and found.title is None:
                found.title = " ".join(content.split()) or None
        elif element.tag == "script" and "ld+json" in attrs.get("type", "").lower() and "json-ld" not in dates:
            day, author = _json_ld(_text_of_script(element))
            if day:
                dates["json-ld"] = day
            found.author = found.author or author
        elif attrs.get("itemprop", "").lower() == "datepublished" and "itemprop" not in dates and (day := _iso(attrs.get("datetime") or attrs.get("content") or _text_of(element))):
            dates["itemprop"] = day
        elif element.tag == "table" and "infobox" in element.naming().lower():
            found.infobox = True
        elif element.tag == "title" and found.title is None:
            found.title = _text_of(element) or None
    found.published = next((dates[name] for name in (*PUBLISHED_META[:2], "json-ld", "itemprop", *PUBLISHED_META[2:]) if name in dates), None)
    return found


def _text_of_script(element: Element) -> str:
    return "".join(piece.raw for piece in element.children if isinstance(piece, Piece))


def _json_ld(text: str) -> tuple[str | None, str | None]:
    """datePublished and the author's name of the first article-like object of a JSON-LD block."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None, None
    stack = [data]  # last in, first out, children pushed in reverse: document order, in linear time
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            kinds = item.get("@type", "")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(kind, str) and NEWS_TYPES.search(kind) for kind in kinds) and isinstance(item.get("datePublished"), str):
                author = item.get("author")
                author = author[0] if isinstance(author, list) and author else author
                name = author.get("name") if isinstance(author, dict) else author if isinstance(author, str) else None
                return _iso(item["datePublished"]), (" ".join(name.split()) if isinstance(name, str) and name.strip() else None)
            if isinstance(item.get("@graph"), list):
                stack.extend(reversed(item["@graph"]))
    return None, None


STAMP = "time stamp: read as the date of the text it heads"
# Words that may stand beside a <time> in a stamp ("Updated 14:05 MSK", "Posted on Monday, 25 March"):
# any other word makes the line a sentence that holds a date, which dates nothing by itself.
_STAMP_WORDS = frozenset(
    "updated update published posted last modified first on at by date time am pm msk utc gmt edited created "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_LETTERS = re.compile(r"[^\W\d_]+")
STAMP_DEPTH = 6  # inline elements a stamp's <time> may stand in ("<span class=date><em><time>")
STAMP_LINE = 120  # visible characters beside a <time> beyond which its line is a sentence, whatever its words


@dataclass
class Stamps:
    """What the page's time stamps date: element id -> day, and the nodes that are the stamps."""

    dates: dict = field(default_factory=dict)
    nodes: set = field(default_factory=set)  # ids of the elements and pieces set aside as stamps


def _is_block(node) -> bool:
    return isinstance(node, Element) and node.tag in BLOCKS


def _text_lengths(root: Element) -> dict[int, int]:
    """Each element's count of visible non-space characters, counted once from the leaves up."""
    lengths: dict[int, int] = {}
    order = list(_walk(root))
    for element in reversed(order):  # children before their parents
        if element.tag in ("script", "style", "template"):
            lengths[id(element)] = 0
            continue
        lengths[id(element)] = sum(lengths[id(child)] if isinstance(child, Element) else len("".join(child.text.split())) for child in element.children)
    return lengths


def _stamps(main: Element, lengths: dict[int, int]) -> Stamps:
    """A stamp is a <time datetime> that stands alone on its line of text, with at most words such
    as "Updated" or "Posted on" beside it (not a date inside a sentence). It dates the nearest
    element around it holding more text than that line: an article's header, a live blog's update."""
    found = Stamps()
    outside: set[int] = set()  # elements inside furniture that is not a date's (comments, teasers)
    stack = [(main, False)]
    while stack:
        element, inside = stack.pop()
        inside = inside or (element is not main and _furniture(element, True) not in ("", *DATE_BEARING))
        if inside:
            outside.add(id(element))
        stack.extend((child, inside) for child in element.children if isinstance(child, Element))
    runs: dict[int, tuple[list, list]] = {}  # block id -> (run number of each child, children of each run)
    for element in _walk(main):
        if element.tag != "time" or id(element) in outside or not (day := _iso(element.attrs.get("datetime", ""))):
            continue
        inline, block, depth = element, element.parent, 0
        while block is not main and block.parent is not None and not _is_block(block) and depth <= STAMP_DEPTH:
            inline, block, depth = block, block.parent, depth + 1
        if depth > STAMP_DEPTH:
            continue  # a time deep inside inline markup is part of a sentence
        if id(block) not in runs:
            runs[id(block)] = _runs(block, lengths)
        numbers, members, run_lengths = runs[id(block)]
        number = numbers[id(inline)]
        run, run_length = members[number], run_lengths[number]
        if run_length - lengths.get(id(element), 0) > STAMP_LINE:
            continue  # a long line: a sentence, not a stamp
        beside = " ".join(_text_of(node) if isinstance(node, Element) else node.text for node in run if node is not inline)
        if inline is not element:
            beside += " " + _text_of(inline).replace(_text_of(element), " ", 1)
        if any(word.lower() not in _STAMP_WORDS for word in _LETTERS.findall(beside)):
            continue  # a date inside a sentence dates nothing by itself
        whole = len(run) == len(block.children) and block is not main
        found.nodes.update(id(node) for node in ([block] if whole else run))
        holder = block.parent if whole else block
        while holder is not main and holder.parent is not None and lengths.get(id(holder), 0) <= run_length:
            holder = holder.parent
        found.dates.setdefault(id(holder), day)
    return found


def _runs(block: Element, lengths: dict[int, int]) -> tuple[dict[int, int], list[list], list[int]]:
    """A block's children cut into lines of text at its block children (a block child is a line
    of its own): the line of each child (by id), the children of each line, and each line's
    count of visible characters."""
    numbers: dict[int, int] = {}
    members: list[list] = [[]]
    for child in block.children:
        if _is_block(child) and members[-1]:
            members.append([])
        numbers[id(child)] = len(members) - 1
        members[-1].append(child)
        if _is_block(child):
            members.append([])
    sizes = [sum(lengths.get(id(node), 0) if isinstance(node, Element) else len("".join(node.text.split())) for node in run) for run in members]
    return numbers, members, sizes


def _choose_main(root: Element, lengths: dict[int, int]) -> Element:
    """The element that holds the page's text: its articleBody, its one article (the one with
    most text when others are teasers; the element around them when several weigh alike, as a
    live blog's updates do), its <main>, else the body."""
    elements = list(_walk(root))
    for element in elements:
        if element.attrs.get("itemprop", "").lower() == "articlebody":
            return element
    articles = [e for e in elements if e.tag == "article" and not _furniture(e, True) and not any(a.tag in ("article", "aside", "nav", "footer", "form") for a in _ancestors(e))]
    if articles:
        weights = sorted(((lengths.get(id(article), 0), index) for index, article in enumerate(articles)), reverse=True)
        total = sum(weight for weight, _ in weights) or 1
        if weights[0][0] / total > 0.5:
            return articles[weights[0][1]]
        return _common_ancestor(articles)
    for test in (
        lambda e: e.tag == "main",
        lambda e: e.attrs.get("role", "").lower() == "main",
        lambda e: e.attrs.get("id", "").lower() in ("content", "main-content", "maincontent", "mw-content-text", "bodycontent", "article", "story"),
    ):
        found = next((e for e in elements if test(e)), None)
        if found is not None:
            return found
    return next((e for e in elements if e.tag == "body"), root)


_BY = re.compile(r"^(?:(?:posted|written|words|text)\s+)?by\b\s*:?\s*", re.IGNORECASE)


def _author_in(main: Element) -> str | None:
    """A byline in the text ("By Jane Doe"), when the page declares no author: the author's own
    element first, then the byline around it."""
    for wanted in (lambda e: e.attrs.get("rel", "").lower() == "author" or e.attrs.get("itemprop", "").lower() == "author" or "author" in e.words(), lambda e: "byline" in e.words()):
        for element in _walk(main):
            if not wanted(element) or any(_furniture(outer, True) not in ("", *DATE_BEARING) for outer in _ancestors(element)):
                continue
            text = _BY.sub("", _text_of(element)).strip(" ,·|")
            if 0 < len(text) <= 80:
                return text
    return None


@dataclass
class _Reading:
    """The blocks being gathered from the main element."""

    stamps: Stamps
    byline: str | None
    lengths: dict = field(default_factory=dict)  # element id -> visible characters
    whole: int = 0  # visible characters of the main element
    blocks: list = field(default_factory=list)
    buffer: list = field(default_factory=list)  # text pieces of the block being read
    kind: tuple = ("paragraph", 0)
    dates: list = field(default_factory=list)  # the item dates of the stamped elements we are in

    def flush(self) -> None:
        real = [piece for piece in self.buffer if piece.first and piece.text.strip()]
        while self.buffer and self.buffer[-1] in (_SEPARATOR, _BREAK, _TERM):
            self.buffer.pop()  # after a row's last cell, a closing <br>, a term without its description
        while self.buffer and self.buffer[0] in (_SEPARATOR, _BREAK, _TERM):
            self.buffer.pop(0)
        text = " ".join("".join(piece.text for piece in self.buffer).split())
        if text and real:
            kind, level = self.kind
            item_date = self.dates[-1] if self.dates else None
            self.blocks.append(Block(kind, text, min(p.first for p in real), max(p.last for p in real), level=level, item_date=item_date, byline=self.byline))
            for piece in real:
                piece.reason = ""
        self.buffer = []


_SEPARATOR = Piece(True, " | ", 0, 0, "")  # between a row's cells: not in the file
_BREAK = Piece(True, "\n", 0, 0, "")  # a <br>: not in the file
_TERM = Piece(True, " ", 0, 0, "")  # after a <dt>, before its <dd>: not in the file


def _gather(main: Element, reading: _Reading, published: str | None) -> None:
    """The blocks of the main element, in order; a piece in its furniture keeps that reason."""
    reading.dates = [published]
    stack: list = [("enter", main, "")]
    while stack:
        action, node, reason = stack.pop()
        if isinstance(node, Piece):
            if reason or id(node) in reading.stamps.nodes:
                node.reason = reason or STAMP
            elif node.raw.strip():
                reading.buffer.append(node)
            continue
        element = node
        if action == "leave":
            if not reason:
                if element.tag in CELLS:
                    reading.buffer.append(_SEPARATOR)
                elif element.tag == "dt":
                    reading.buffer.append(_TERM)  # a term and the description after it are one entry ("30 September 2015" and what happened)
                elif element.tag in BLOCKS:
                    reading.flush()
                    reading.kind = ("paragraph", 0)
                if id(element) in reading.stamps.dates:
                    reading.dates.pop()
            continue
        own = reason or (STAMP if id(element) in reading.stamps.nodes else "") or (_furniture(element, True) if element is not main else "")
        if own and not reason and own != STAMP and element.tag not in NOT_TEXT and element.tag not in FURNITURE_TAGS and reading.lengths.get(id(element), 0) * 2 > reading.whole:
            own = ""  # a class word ("has-sidebar") on a wrapper of most of the text: the text, not furniture
        if element.tag == "br":
            if not own:
                if reading.buffer and reading.buffer[-1] is _BREAK:
                    reading.buffer.pop()
                    reading.flush()  # two line breaks: a paragraph's end
                else:
                    reading.buffer.append(_BREAK)
            continue
        if not own:
            if element.tag in BLOCKS and element.tag not in CELLS and not (element.tag == "dd" and reading.buffer and reading.buffer[-1] is _TERM):
                reading.flush()
            if element.tag in HEADINGS:
                reading.kind = ("heading", HEADINGS[element.tag])
            elif element.tag == "li":
                reading.kind = ("item", 0)
            if id(element) in reading.stamps.dates:
                reading.dates.append(reading.stamps.dates[id(element)])
        stack.append(("leave", element, own))
        for child in reversed(element.children):
            stack.append(("enter", child, own))
    reading.flush()


def _set_aside_outside(root: Element, main: Element) -> None:
    """Text outside the main element is the site around the page's text, set aside with the
    reason of the innermost furniture around it (read from the top down, once per element)."""
    stack: list[tuple[Element, str]] = [(root, "")]
    while stack:
        element, inherited = stack.pop()
        if element is main:
            continue
        reason = _furniture(element, False) or inherited
        for child in element.children:
            if isinstance(child, Piece) and child.is_text:
                child.reason = reason or OUTSIDE
            elif isinstance(child, Element):
                stack.append((child, reason))


DATE_LINE = "date line: read as the text's date"
TITLE = "title: used as the source's title"


def read(file: str, lines: list[str]) -> Source:
    source = Source(file=file, kind=DEFAULT_KIND, title="", line_count=len(lines), lines=lines)
    root, pieces = _parse("\n".join(lines))
    declared = _declared(root)
    published, author = declared.published, declared.author
    # A wiki's dates are its page's, not its text's; an infobox on a page that declares its date is a news site's fact box.
    encyclopedia = declared.mediawiki or (declared.infobox and published is None)
    lengths = _text_lengths(root)  # counted once, for the main element's choice, the stamps and the furniture's share
    main = _choose_main(root, lengths)
    stamps = Stamps() if encyclopedia else _stamps(main, lengths)
    if encyclopedia:
        published = None
    elif published is not None:
        stamps.dates.pop(id(main), None)  # the declared date, not an "Updated" stamp, dates the article
    elif stamps.dates:
        published = stamps.dates.get(id(main)) or next(iter(stamps.dates.values()))
    author = author or _author_in(main)
    _set_aside_outside(root, main)
    reading = _Reading(stamps, author, lengths=lengths, whole=lengths.get(id(main), 0))
    _gather(main, reading, published)
    if published is None and not encyclopedia:
        published = _date_line_on_top(reading.blocks)
    blocks, title = [], ""
    for block in reading.blocks:
        if block.kind == "heading" and block.level == 1 and not title:
            title = block.text
            source.remove(block.first_line, block.last_line, TITLE, block.text)
        elif block.kind != "heading" and not blocks and (line := dateline(block.text)) is not None and line.iso == published:
            source.remove(block.first_line, block.last_line, DATE_LINE, block.text)
        else:
            blocks.append(block)
    if not title:
        h1 = next((e for e in _walk(root) if e.tag == "h1" and _text_of(e)), None)
        if h1 is not None:
            title = _text_of(h1)
            for element in _walk(h1):
                for child in element.children:
                    if isinstance(child, Piece) and child.is_text:
                        child.reason = TITLE
    source.title = title or declared.title or ""
    source.blocks = [dataclasses.replace(block, item_date=block.item_date or published) for block in blocks]
    for piece in pieces:
        if piece.reason:
            source.remove(piece.first, piece.last, piece.reason, piece.text.strip())
    source.removals.sort(key=lambda removal: removal.first_line)
    _merge_removals(source)
    source.metadata = {"format": NAME}
    if published:
        source.metadata["published"] = published
    if author:
        source.metadata["author"] = author
    if len(stamps.dates) <= 1 and published:
        source.metadata["dated_by"] = "publication"  # one article's date, not a live blog's updates (news items, even of one day)
    if not source.blocks:
        source.problem(1, "a web page with no text found in its main content: nothing of it is in the book (see the removals for what was set aside)")
    return source


TOP_BLOCKS = 4  # how many blocks of the text may stand above a date line that dates the page
DATE_LINES_LOOKED_AT = 50  # ... and a second date line among this many makes the page a timeline


def _date_line_on_top(blocks: list[Block]) -> str | None:
    """The date of a page that declares none, from a line near the top that is only a date
    ("13.09.2017 08:15", "Posted on March 3, 2020")."""
    text_blocks = [block for block in blocks if block.kind != "heading"]
    dated = {found.iso for block in text_blocks[:DATE_LINES_LOOKED_AT] if (found := dateline(block.text)) is not None and found.iso}
    if len(dated) != 1:
        return None  # none, or a timeline's entries of several days: not one page's date
    dated = sorted(dated)
    return dated[0] if any((found := dateline(block.text)) is not None and found.iso == dated[0] for block in text_blocks[:TOP_BLOCKS]) else None


def _merge_removals(source: Source) -> None:
    """Runs of pieces set aside for the same reason, on touching lines, as one removal (the
    markup between them is merged into removals of its own)."""
    runs: dict[str, list[list]] = {}  # reason -> [first, last, texts] of each run
    for removal in source.removals:
        reason_runs = runs.setdefault(removal.reason, [])
        if reason_runs and removal.first_line <= reason_runs[-1][1] + 1:
            reason_runs[-1][1] = max(reason_runs[-1][1], removal.last_line)
            reason_runs[-1][2].append(removal.text)
        else:
            reason_runs.append([removal.first_line, removal.last_line, [removal.text], removal])
    merged = [dataclasses.replace(first, first_line=start, last_line=end, text=" ".join(texts)) for reason_runs in runs.values() for start, end, texts, first in reason_runs]
    source.removals = sorted(merged, key=lambda removal: (removal.first_line, removal.last_line))
