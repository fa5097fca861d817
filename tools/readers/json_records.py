"""JSON exports of dated records: a news API's articles, a Telegram channel's messages, a list of
posts or items saved as `.json` (one document) or `.jsonl` (a record per line).

The records are the longest list of objects in the document that carry text (`text`, `content`,
`description`, `body`, `message`, ...). Each record's title or headline becomes a heading, its
first date field (`date`, `publishedAt`, `created_at`, ...) the item date of its text, its author
the byline, and its text fields, in the record's own order, paragraphs. A text written as a list
of pieces (Telegram's bold, link and hashtag entities) is joined into one text. Everything else
is set aside with its reason: service messages, ids, links, counters, a line of hashtags, a news
API's "[+1834 chars]" truncation mark, and the JSON syntax around the records. A file that is not
valid JSON is read as plain text, with a notice naming the line.

Line numbers come from the document itself: each value is decoded by the standard library's
decoder where it stands (`raw_decode`), so every record and field knows the lines it spans.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field

from ..model import Block, Source
from . import plain
from .feed import feed_date

NAME = "json-records"
SUFFIXES = (".json", ".jsonl", ".ndjson")

TITLES = ("title", "headline")
DATES = ("date", "publishedAt", "published_at", "published", "pubDate", "datePublished", "created_at", "createdAt", "created", "timestamp", "time", "datetime", "date_published")
AUTHORS = ("author", "byline", "from", "creator", "user", "username", "channel")
TEXTS = ("description", "summary", "lead", "text", "content", "body", "message", "caption", "full_text")
SERVICE_TYPES = {"service"}  # Telegram: a channel created, a message pinned, ...

_TRUNCATION = re.compile(r"\s*\[\+\d+ chars\]\s*$")
_TRAILING_HASHTAGS = re.compile(r"(?:\s+#\w+)+\s*$")
_HASHTAG_LINE = re.compile(r"^\s*(?:#\w+\s*)+$")
_SPACE = re.compile(r"\s*")


@dataclass
class Node:
    """A JSON value with where it stands in the document (character offsets)."""

    value: object
    start: int
    end: int
    children: dict = field(default_factory=dict)  # key (str) or index (int) -> Node
    repeated: list = field(default_factory=list)  # (key, Node) of an object's keys given again: the earlier values, which JSON drops


_DECODER = json.JSONDecoder()


def _skip(text: str, at: int) -> int:
    return _SPACE.match(text, at).end()


def parse(text: str, at: int = 0) -> Node:
    """The value at `at` with the offsets of every value inside it. Raises ValueError (and
    json.JSONDecodeError, a ValueError) on what is not JSON."""
    at = _skip(text, at)
    opening = text[at : at + 1]
    if opening not in ("{", "["):
        value, end = _DECODER.raw_decode(text, at)
        return Node(value, at, end)
    closing = "}" if opening == "{" else "]"
    node = Node({} if opening == "{" else [], at, at)
    at = _skip(text, at + 1)
    index = 0
    while text[at : at + 1] != closing:
        if opening == "{":
            key, at = _DECODER.raw_decode(text, at)
            if not isinstance(key, str):
                raise ValueError("an object key that is not a string")
            at = _skip(text, at)
            if text[at : at + 1] != ":":
                raise json.JSONDecodeError("expected ':'", text, at)
            child = parse(text, at + 1)
            if key in node.children:
                node.repeated.append((key, node.children.pop(key)))
            node.value[key] = child.value
            node.children[key] = child
        else:
            child = parse(text, at)
            node.value.append(child.value)
            node.children[index] = child
            index += 1
        at = _skip(text, child.end)
        if text[at : at + 1] == ",":
            at = _skip(text, at + 1)
        elif text[at : at + 1] != closing:
            raise json.JSONDecodeError(f"expected ',' or '{closing}'", text, at)
    node.end = at + 1
    return node


def _documents(text: str) -> Node:
    """The document, or the records of a JSON Lines file as one list."""
    stripped = text.strip()
    try:
        whole = parse(text)
        if text[whole.end :].strip():
            raise json.JSONDecodeError("extra data", text, whole.end)
        return whole
    except ValueError:
        if not stripped.startswith("{"):
            raise
    records = Node([], 0, len(text))  # JSON Lines: an object on each line
    at = _skip(text, 0)
    while at < len(text):
        record = parse(text, at)
        records.children[len(records.value)] = record
        records.value.append(record.value)
        at = _skip(text, record.end)
    return records


def looks_like(lines: list[str]) -> bool:
    """A JSON document: it opens with an object or a list (the suffix is .json, .jsonl or
    .ndjson)."""
    head = "\n".join(lines[:5]).lstrip("\ufeff \t\r\n")
    return head[:1] in ("{", "[")


def _text_of(value) -> str | None:
    """A text field as text: a string, or a list of strings and {"text": ...} pieces joined."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(piece, str) or (isinstance(piece, dict) and isinstance(piece.get("text"), str)) for piece in value):
        return "".join(piece if isinstance(piece, str) else piece["text"] for piece in value)
    return None


def _is_record(node: Node) -> bool:
    return isinstance(node.value, dict) and any(_text_of(node.value.get(key)) for key in TEXTS)


def _lists(node: Node):
    yield node
    for child in node.children.values():
        if child.children:
            yield from _lists(child)


def _records(root: Node) -> Node | None:
    """The list whose objects carry text, the longest of them (the first of equals)."""
    best = None
    for node in _lists(root):
        if isinstance(node.value, list):
            count = sum(_is_record(child) for child in node.children.values())
            if count and (best is None or count > best[0]):
                best = (count, node)
    return best[1] if best else None


class _Lines:
    """Offsets to 1-based line numbers."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def span(self, node: Node) -> tuple[int, int]:
        return self.of(node.start), self.of(max(node.start, node.end - 1))


def _plain(node: Node, text: str) -> str:
    """A value set aside, as the text a reader of the account sees: a string decoded, anything
    else as the document writes it."""
    return node.value if isinstance(node.value, str) else text[node.start : node.end]


def _paragraphs(text: str) -> list[str]:
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip()]


def _field(record: dict, names: tuple[str, ...]) -> str | None:
    return next((name for name in names if name in record), None)


def _date(value) -> str | None:
    if isinstance(value, str) and value.strip():
        return feed_date(value)
    return None


_FORWARDED = re.compile(r"forward|fwd|repost|retweeted", re.IGNORECASE)  # "forwarded_from", "forward_origin", "retweeted_status"


def _forwarded_date(record: dict) -> str | None:
    """The day a forwarded post was first published ("forwarded_from": {"original_published_at":
    ...}): its news is of that day, not of the day the channel passed it on."""
    for key, value in record.items():
        if isinstance(value, dict) and _FORWARDED.search(key):
            for name, field in value.items():
                if name in DATES or (name.lower().startswith("original_") and name[len("original_"):] in DATES):
                    if (day := _date(field)) is not None:
                        return day
    return None


def _author(value) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("username")
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def read(file: str, lines: list[str]) -> Source:
    text = "\n".join(lines)
    try:
        return _read(file, lines, text)
    except (ValueError, RecursionError) as error:  # not JSON, or nested deeper than Python recurses
        source = plain.read(file, lines)
        source.metadata["format"] = plain.NAME
        at = getattr(error, "pos", 0) or 0
        source.problem(_Lines(text).of(at), f"looks like JSON but cannot be read as JSON ({type(error).__name__}: {str(error)[:120]}); read as plain text")
        return source


def _read(file: str, lines: list[str], text: str) -> Source:
    root = _documents(text)
    where = _Lines(text)
    records = _records(root)
    if records is None:
        source = plain.read(file, lines)
        source.metadata["format"] = plain.NAME
        source.problem(1, "a JSON file without a list of records that carry text (text, content, description, ...); read as plain text")
        return source
    source = Source(file=file, kind=NAME, title="", line_count=len(lines), lines=lines)
    kept: set[int] = set()

    def keep(node: Node) -> None:
        first, last = where.span(node)
        kept.update(range(first, last + 1))

    def set_aside(node: Node, reason: str) -> None:
        first, last = where.span(node)
        source.remove(first, last, reason, _plain(node, text))
        kept.update(range(first, last + 1))

    for key, child in (root.children.items() if root is not records else ()):
        if child is records:
            continue
        if key in ("name", "title") and isinstance(child.value, str) and not source.title:
            source.title = " ".join(child.value.split())
            set_aside(child, f"the export's {key}: used as the source's title")
        elif _contains(child, records):
            _set_aside_around(child, records, set_aside)
        else:
            set_aside(child, f"the export's \"{key}\": about the export, not a record" if isinstance(key, str) else "a value beside the records: not a record")
    for node in records.children.values():
        _read_record(node, source, where, keep, set_aside)
    for node in _lists(root):
        for key, earlier in node.repeated:
            set_aside(earlier, f"\"{key}\" given again in the same object: a JSON reader keeps only the last value")
    source.metadata = {"records": str(len(records.children))}
    for number, line in enumerate(lines, start=1):
        if number not in kept and line.strip():
            source.remove(number, number, "JSON syntax: brackets and braces around the records", line)
    return source


def _contains(node: Node, inner: Node) -> bool:
    return node.start <= inner.start and inner.end <= node.end and node is not inner


def _set_aside_around(node: Node, records: Node, set_aside) -> None:
    """The fields of the objects that hold the records, but the records themselves."""
    for key, child in node.children.items():
        if child is records:
            continue
        if _contains(child, records):
            _set_aside_around(child, records, set_aside)
        else:
            set_aside(child, f"\"{key}\" beside the records: about the export, not a record" if isinstance(key, str) else "a value beside the records: not a record")


def _read_record(node: Node, source: Source, where: _Lines, keep, set_aside) -> None:
    if isinstance(node.value, dict) and node.value.get("type") in SERVICE_TYPES:
        set_aside(node, "service message: the channel's own event, not a post")
        return
    if not _is_record(node):
        set_aside(node, "a record without text")
        return
    record: dict = node.value
    date_key, author_key, title_key = _field(record, DATES), _field(record, AUTHORS), _field(record, TITLES)
    when = _forwarded_date(record) or (_date(record[date_key]) if date_key else None)
    byline = _author(record[author_key]) if author_key else None
    for key, child in node.children.items():
        value = child.value
        if key == title_key and isinstance(value, str) and value.strip():
            first, last = where.span(child)
            source.blocks.append(Block("heading", " ".join(value.split()), first, last, level=2, item_date=when, byline=byline))
            keep(child)
        elif key in TEXTS and (body := _text_of(value)) is not None and body.strip():
            _text_blocks(child, body, source, where, when, byline)
            keep(child)
        elif key == date_key:
            set_aside(child, "record date: the date of the record's text")
        elif key == author_key:
            set_aside(child, "record author: shown as its byline")
        else:
            set_aside(child, f"record \"{key}\": an id, link, count or label of the record, not its text")


def _text_blocks(node: Node, body: str, source: Source, where: _Lines, when: str | None, byline: str | None) -> None:
    """A record's text field as paragraphs; a trailing truncation mark and lines of hashtags are
    set aside."""
    first, last = where.span(node)
    truncated = _TRUNCATION.search(body)
    if truncated:
        source.remove(first, last, "truncation mark: the export cut the text here", truncated.group(0))
        body = body[: truncated.start()]
    for paragraph in _paragraphs(body):
        tags = _HASHTAG_LINE.match(paragraph) or _TRAILING_HASHTAGS.search(paragraph)
        if tags:
            source.remove(first, last, "hashtags: the post's labels, not its text", tags.group(0).strip())
            paragraph = paragraph[: tags.start()].strip()
        if paragraph:
            source.blocks.append(Block("paragraph", paragraph, first, last, item_date=when, byline=byline))
