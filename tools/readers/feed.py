"""News feeds: an RSS 2.0, RSS 1.0 (RDF) or Atom file saved from a site, one entry per news item.

The XML is parsed by defusedxml's parser, which refuses what an untrusted file could use to attack
its reader (entity expansion, external entities, a DTD); a file it cannot parse is read as plain
text, with a notice naming the line. Each item's title becomes a heading, its date (`pubDate`,
`dc:date`, `published`, `updated`) the item date of its text, its author the byline, and its
description or content, which feeds carry as escaped HTML, paragraphs of plain text. Everything
else (the channel's own title and description, links, ids, categories, the XML markup itself) is
set aside with its reason, so the account of the seed stays whole.
"""

from __future__ import annotations

import email.utils
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from xml.etree.ElementTree import ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from ..model import Block, Source, valid_iso
from . import plain

NAME = "news-feed"
DEFAULT_KIND = "news-feed"

_OPENING = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>\s*)*<(?:rss|feed|rdf:RDF)\b", re.DOTALL)
ITEMS = {"item", "entry"}
TITLES = {"title"}
DATES = ("pubDate", "published", "dc:date", "updated", "date")
AUTHORS = ("dc:creator", "author", "creator", "name")
BODIES = ("content:encoded", "content", "description", "summary", "encoded")


def looks_like(lines: list[str]) -> bool:
    """An XML feed: its root element (rss, feed or rdf:RDF) opens the file, after the XML
    declaration and comments."""
    return bool(_OPENING.match("\n".join(lines[:20])))


@dataclass
class Element:
    """An element of the feed with the lines it spans (1-based) and its own text."""

    tag: str
    first: int
    last: int = 0
    text: str = ""
    children: list["Element"] = field(default_factory=list)

    def child(self, *tags: str) -> "Element | None":
        return next((child for tag in tags for child in self.children if child.tag == tag), None)


def _local(tag: str) -> str:
    """"{http://purl.org/dc/elements/1.1/}creator" as the feed writes it: "dc:creator"."""
    if tag.startswith("{"):
        space, name = tag[1:].split("}", 1)
        prefix = {"http://purl.org/dc/elements/1.1/": "dc:", "http://purl.org/rss/1.0/modules/content/": "content:"}.get(space, "")
        return prefix + name
    return tag


class _Lines(TreeBuilder):
    """Builds the tree of Elements, with the line where each starts and ends (expat tells it)."""

    def __init__(self) -> None:
        super().__init__()
        self.parser = None
        self.stack: list[Element] = []
        self.root: Element | None = None

    def _line(self) -> int:
        return self.parser.parser.CurrentLineNumber

    def start(self, tag, attrs):
        element = Element(_local(tag), self._line())
        if element.tag.rsplit("}", 1)[-1] in _Text.BREAKS:  # xhtml content: a block ends a paragraph
            for outer in self.stack:
                outer.text += "\n\n"
        if self.stack:
            self.stack[-1].children.append(element)
        else:
            self.root = element
        self.stack.append(element)
        return super().start(tag, attrs)

    def data(self, data):
        for element in self.stack:  # an element's text is all the text inside it (Atom's xhtml content is elements)
            element.text += data
        return super().data(data)

    def end(self, tag):
        element = self.stack.pop()
        element.last = self._line()
        return super().end(tag)


class _Text(HTMLParser):
    """The paragraphs of an HTML fragment, as plain text: a block element or <br> ends one."""

    BREAKS = {"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table", "hr"}
    SKIPPED = {"script", "style"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = [""]
        self.skipping = 0
        self.skipped: list[str] = []  # the text of scripts and styles: set aside, not read

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag in self.BREAKS:
            self.paragraphs.append("")

    def handle_endtag(self, tag):
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BREAKS:
            self.paragraphs.append("")

    def handle_comment(self, data):
        self.skipped.append(data)

    def handle_data(self, data):
        if self.skipping:
            self.skipped.append(data)
        else:
            self.paragraphs[-1] += data


def html_paragraphs(fragment: str) -> tuple[list[str], str]:
    """An item's description (HTML, or plain text with blank lines) as paragraphs of text, and
    the text of the scripts and styles in it, which is not."""
    parser = _Text()
    parser.feed(fragment.replace("\n\n", "<p>"))
    parser.close()
    return [" ".join(text.split()) for text in parser.paragraphs if text.strip()], " ".join(" ".join(parser.skipped).split())


def feed_date(value: str) -> str | None:
    """An RFC 822 date (RSS: "Sun, 08 Dec 2024 09:30:00 +0000") or an ISO one (Atom), as the
    day the item gives: its own calendar day, not converted to another time zone."""
    value = value.strip()
    try:
        parsed = email.utils.parsedate_to_datetime(value)
        iso = parsed.date().isoformat()
    except (TypeError, ValueError, IndexError):
        iso = value[:10]
    return iso if valid_iso(iso) else None


def _parse(text: str) -> Element:
    # The seed is already decoded: its declared encoding no longer applies.
    text = re.sub(r"""^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']""", r"\1", text, count=1)
    target = _Lines()
    parser = DefusedXMLParser(target=target, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    target.parser = parser
    parser.feed(text)
    parser.close()
    if target.root is None:
        raise ParseError("no element")
    return target.root


def _line_of(lines: list[str], words: str, first: int, last: int) -> int:
    """The line, within an element's span, where a paragraph of its text starts (the escaped HTML
    differs from the text, so by its first words); the element's first line when not found."""
    probe = " ".join(words.split()[:4])
    for number in range(first, last + 1):
        if probe and probe in html.unescape(re.sub(r"<[^>]*>", " ", lines[number - 1])).replace("  ", " "):
            return number
    return first


def _body_blocks(source: Source, element: Element, when: str | None, byline: str | None) -> list[Block]:
    """The item's text as paragraphs, each with the lines it stands on."""
    lines = source.lines
    texts, skipped = html_paragraphs(element.text)
    source.remove(element.first, element.last, "script, style or comment inside the item's HTML: not text", skipped)
    starts = [_line_of(lines, text, element.first, element.last) for text in texts]
    starts = [max(start, starts[index - 1] if index else start) for index, start in enumerate(starts)]  # in order
    blocks = []
    for index, (text, first) in enumerate(zip(texts, starts)):
        following = starts[index + 1] if index + 1 < len(starts) else element.last + 1
        blocks.append(Block("paragraph", text, first, max(first, following - 1 if following > first else first), item_date=when, byline=byline))
    return blocks


def read(file: str, lines: list[str]) -> Source:
    try:
        root = _parse("\n".join(lines))
    except (ParseError, DefusedXmlException) as error:
        source = plain.read(file, lines)
        source.metadata["format"] = plain.NAME
        line = getattr(error, "position", (0, 0))[0] if isinstance(error, ParseError) else 1
        why = "it declares entities or a DTD, which are refused" if isinstance(error, DefusedXmlException) else f"not well-formed XML ({error})"
        source.problem(max(line, 1), f"looks like a news feed but cannot be read as one: {why}; read as plain text")
        return source
    source = Source(file=file, kind=DEFAULT_KIND, title="", line_count=len(lines), lines=lines)
    channel = root.child("channel") or root
    kept: set[int] = set()

    def set_aside(element: Element, reason: str) -> None:
        if element.text.strip():
            source.remove(element.first, element.last, reason, " ".join(element.text.split()))
            kept.update(range(element.first, element.last + 1))

    items = [element for element in _walk(root) if element.tag in ITEMS]
    for element in channel.children:
        if element.tag in ITEMS:
            continue
        if element.tag in TITLES and not source.title:
            source.title = " ".join(element.text.split())
            set_aside(element, "feed title: used as the source's title")
        elif element.tag in ("description", "subtitle"):
            set_aside(element, "feed description: what the feed is, not a news item")
        else:
            set_aside(element, f"feed <{element.tag}>: about the feed, not a news item")
    for item in items:
        when = next((found for tag in DATES if (child := item.child(tag)) is not None and (found := feed_date(child.text))), None)
        author = item.child(*AUTHORS)
        named = author.child("name") if author is not None else None
        byline = " ".join((named.text if named is not None else author.text if author is not None and not author.children else "").split()) or None
        body = next((child for tag in BODIES for child in item.children if child.tag == tag and child.text.strip()), None)
        for element in item.children:
            if element.tag in TITLES and element.text.strip():
                source.blocks.append(Block("heading", " ".join(element.text.split()), element.first, element.last, level=2, item_date=when, byline=byline))
                kept.update(range(element.first, element.last + 1))
            elif element is body:
                source.blocks += _body_blocks(source, element, when, byline)
                kept.update(range(element.first, element.last + 1))
            elif element.tag in BODIES:
                set_aside(element, f"item <{element.tag}>: another form of the item's text" + (f", which its <{body.tag}> gives" if body is not None else ""))
            elif element.tag in DATES:
                set_aside(element, "item date: the date of the item's text")
            elif element is author:
                set_aside(element, "item author: shown as its byline")
            else:
                set_aside(element, f"item <{element.tag}>: a link, id or label of the item, not its text")
    source.metadata = {"items": str(len(items))}
    for number, line in enumerate(lines, start=1):
        if number not in kept and line.strip():
            source.remove(number, number, "feed markup: XML tags around the items", line)
    return source


def _walk(element: Element):
    yield element
    for child in element.children:
        yield from _walk(child)
