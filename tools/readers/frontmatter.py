"""Markdown documents with YAML front matter, such as encyclopedia exports.

The front matter becomes source metadata; the body is parsed by markdown-it (CommonMark, raw HTML
off, so tags stay text) into headings, paragraphs and list items with their line spans. Image
syntax becomes the source's media list. Markdown syntax itself (emphasis marks, list bullets,
heading hashes) is not passage text; the account of the conversion records it.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..model import Block, Media, Source

NAME = "markdown-front-matter"
DEFAULT_KIND = "encyclopedia"

_MARKDOWN = MarkdownIt("commonmark", {"html": False})


def _front_matter_end(lines: list[str]) -> int | None:
    """Index of the closing '---' when the file opens with a front matter fence."""
    if not lines or lines[0].strip() != "---":
        return None
    for index in range(1, min(len(lines), 2000)):
        if lines[index].strip() in ("---", "..."):
            return index
    return None


def looks_like(lines: list[str]) -> bool:
    return _front_matter_end(lines) is not None


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "; ".join(_as_text(item) for item in value if _as_text(item))
    return str(value).strip()


def _metadata(raw: dict) -> dict:
    """Keep the fields the book uses, as plain strings or lists of strings."""
    def pick(*names):
        for name in names:
            if name in raw and raw[name] not in (None, "", []):
                return raw[name]
        return None

    published = pick("pubDate", "date_published", "published", "pubdate")
    tags = pick("tags", "keywords") or []
    places = pick("place", "places") or []
    dates = pick("date", "dates") or []
    as_list = lambda value: [_as_text(item) for item in (value if isinstance(value, list) else [value]) if _as_text(item)]
    return {
        "title": _as_text(pick("subject", "title", "name")),
        "description": _as_text(pick("description", "shortDescription", "summary")),
        "short_description": _as_text(raw.get("shortDescription")),
        "author": _as_text(pick("author", "authors", "creator")),
        "published": _as_text(published)[:10] if published else "",
        "tags": as_list(tags),
        "places": as_list(places),
        "dates": as_list(dates),
    }


def read(file: str, lines: list[str]) -> Source:
    end = _front_matter_end(lines)
    source = Source(file=file, kind=DEFAULT_KIND, title="", line_count=len(lines), lines=lines)
    body_start = 0
    if end is not None:
        front = "\n".join(lines[1:end])
        try:
            raw = yaml.safe_load(front)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = 2 + (mark.line if mark else 0)
            source.problem(line, f"front matter is not valid YAML ({getattr(error, 'problem', error)}): read as text")
            raw = None
        if isinstance(raw, dict):
            source.metadata = _metadata(raw)
            source.title = source.metadata["title"]
            source.remove(1, end + 1, "front matter: read as the source's metadata", "\n".join(lines[: end + 1]))
            body_start = end + 1
            if end + 1 < len(lines) and lines[end + 1].strip() == "---" and _front_matter_end(lines[end + 1 :]):
                source.problem(end + 2, "a second front matter block: read as text")
        elif raw is not None:
            source.problem(1, "front matter is not a mapping of fields: read as text")
    source.blocks = _body_blocks(source, lines, body_start)
    return source


_IMAGE_SYNTAX = re.compile(r"!\[(?P<caption>[^\]]*)\]\((?P<url>(?:[^()\s]|\([^()\s]*\))*)(?:\s+\"[^\"]*\")?\)")


def _raw_image(lines: list[str], line: int, caption: str) -> str | None:
    """The image syntax exactly as the seed wrote it, for an exact account of what was set aside."""
    if 0 < line <= len(lines):
        for match in _IMAGE_SYNTAX.finditer(lines[line - 1]):
            if " ".join(match.group("caption").split()) == " ".join(caption.split()):
                return match.group(0)
    return None


def _inline_text(token: Token, source: Source, first_line: int) -> tuple[str, int, int]:
    """Plain text of an inline token and the lines its words stand on.

    Images go to the media list; link targets are recorded as set aside. Line breaks inside the
    token advance the line count, so an image line above a paragraph is not part of its span.
    """
    parts: list[str] = []
    line = first_line
    text_lines: list[int] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
            if child.content.strip():
                text_lines.append(line)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
            line += 1
        elif child.type == "image":
            caption = "".join(grand.content for grand in child.children or [])
            url = str(child.attrs.get("src", ""))
            source.media.append(Media(caption, url, line))
            raw = _raw_image(source.lines, line, caption) or f"![{caption}]({url})"
            source.remove(line, line, "image: listed with the source's media, never embedded", raw)
        elif child.type == "link_open":
            href = str(child.attrs.get("href", ""))
            if href:
                source.remove(line, line, "link target (address not shown)", href)
    if not text_lines:
        return "", first_line, first_line
    return "".join(parts), text_lines[0], text_lines[-1]


def _body_blocks(source: Source, lines: list[str], offset: int) -> list[Block]:
    tokens = _MARKDOWN.parse("\n".join(lines[offset:]))
    blocks: list[Block] = []
    list_depth = 0
    block_line = (offset + 1, offset + 1)
    pending_kind = "paragraph"
    heading_level = 0
    for token in tokens:
        if token.map:
            block_line = (offset + token.map[0] + 1, offset + token.map[1])
        if token.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif token.type == "heading_open":
            pending_kind, heading_level = "heading", int(token.tag[1])
        elif token.type == "paragraph_open":
            pending_kind = "item" if list_depth else "paragraph"
        elif token.type == "inline":
            raw, first, last = _inline_text(token, source, block_line[0])
            text = " ".join(raw.split())
            if text:
                blocks.append(Block(pending_kind, text, first, last, level=heading_level if pending_kind == "heading" else 0))
            heading_level = 0
        elif token.type in ("fence", "code_block", "html_block"):
            first, last = block_line
            text = " ".join(token.content.split())
            if text:
                blocks.append(Block("paragraph", text, first, last))
    return blocks
