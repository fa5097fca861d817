"""Markdown documents with YAML front matter, such as encyclopedia exports (and, through
readers/markdown.py, Markdown pages without it that hold a table).

The front matter becomes source metadata; the body is parsed by markdown-it (CommonMark, with raw
HTML off so tags stay text, and character references and link reference definitions kept as
written) into headings, paragraphs and list items with their line spans. Image syntax becomes the
source's media list. Markdown syntax itself (emphasis marks, list bullets, heading hashes) is not
passage text; the account of the conversion records it. A table with column names (a
chronology kept as a table) gives a passage per row, its cells as written joined by " | ", so that
each row is dated, cited and linked on its own; the header row is set aside with its reason. A
table without column names (an infobox) stays one paragraph.

Front matter is untrusted: it is loaded with a restricted safe loader (every value a string, list
or mapping; no Python or other non-standard tags, no aliases), and anything it cannot load (bad
syntax, a tag, an alias, a duplicated field) is reported with its line, the fence then being read
as text.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..model import Block, Media, Source, valid_iso

NAME = "markdown-front-matter"
DEFAULT_KIND = "encyclopedia"

# Raw HTML off (tags stay text) and character references not decoded: "&lt;b&gt;" is shown as the
# seed wrote it, as in a plain-text seed, and the account of the conversion stays exact.
# Link reference definitions ("[x]: /address") would vanish from the text without a token: they
# stay text, as written, and reference-style links with them.
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).disable(["entity", "reference"])
# Link and image addresses are never followed or embedded, only recorded: kept as the seed wrote
# them instead of percent-encoded, so the account of the conversion finds them.
_MARKDOWN.normalizeLink = lambda url: url
_MARKDOWN.normalizeLinkText = lambda url: url
_ISO_DATE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")


class _FrontMatterLoader(yaml.SafeLoader):
    """yaml.SafeLoader reduced to text: scalars stay the strings the seed wrote (no dates, numbers
    or booleans), only the standard string, sequence, mapping and null tags are known (any other
    tag, !!python/... included, is an error), aliases are refused (no recursive or exponentially
    large values), and a field given twice is recorded."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag == "tag:yaml.org,2002:null"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    yaml_constructors = {
        tag: constructor
        for tag, constructor in yaml.SafeLoader.yaml_constructors.items()
        if tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map", "tag:yaml.org,2002:null", None)
    }

    def __init__(self, stream) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[int, str]] = []

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not read", event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key in seen:
                self.duplicates.append((key_node.start_mark.line, str(key)))
            seen.add(key)
        return super().construct_mapping(node, deep)


def load_front_matter(text: str) -> tuple[object, list[tuple[int, str]]]:
    """The front matter's value and the (0-based line, field) of each field given twice.

    Raises yaml.YAMLError for anything the restricted loader refuses; other errors a hostile
    document can provoke (nesting too deep for the parser) are raised as yaml.YAMLError too.
    """
    loader = _FrontMatterLoader(text)
    try:
        return loader.get_single_data(), loader.duplicates
    except RecursionError as error:
        raise yaml.YAMLError("nested too deeply") from error
    finally:
        loader.dispose()


def _front_matter_end(lines: list[str]) -> int | None:
    """Index of the closing '---' when the file opens with a front matter fence."""
    if not lines or lines[0].strip() != "---":
        return None
    for index in range(1, min(len(lines), 2000)):
        if lines[index].strip() in ("---", "..."):
            return index
    return None


_FIELD = re.compile(r"[A-Za-z_][\w-]*:(?:\s|$)")


def _unclosed_front_matter(lines: list[str]) -> bool:
    """Opens with a '---' fence and a 'field:' line, but the fence never closes."""
    return bool(lines) and lines[0].strip() == "---" and len(lines) > 1 and bool(_FIELD.match(lines[1])) and _front_matter_end(lines) is None


_TABLE_DELIMITER = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_CELL_SEPARATOR = re.compile(r"(?<!\\)\|")


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [cell.strip() for cell in _CELL_SEPARATOR.split(inner)]


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _tables(lines: list[str], start: int = 0) -> list[tuple[int, int]]:
    """Tables with column names: (header line, line after the last row), 0-based. A header row is
    a line with a pipe, over a delimiter row of as many columns; rows run to the first blank line.
    Nothing inside a fenced or indented code block is a table."""
    found = []
    fence = None
    index = start
    while index < len(lines) - 1:
        header, delimiter = lines[index], lines[index + 1]
        opening = _FENCE.match(header)
        if fence is not None or opening:
            if fence is None:
                fence = opening.group(1)[0] * 3
            elif header.strip().startswith(fence):
                fence = None
            index += 1
            continue
        if header.startswith(("    ", "\t")):
            index += 1
            continue
        if "|" in header and "|" in delimiter and _TABLE_DELIMITER.match(delimiter) and len(_cells(header)) == len(_cells(delimiter)) and any(_cells(header)):
            stop = index + 2
            while stop < len(lines) and lines[stop].strip() and "|" in lines[stop]:
                stop += 1
            found.append((index, stop))
            index = stop
        else:
            index += 1
    return found


def looks_like(lines: list[str]) -> bool:
    return _front_matter_end(lines) is not None or _unclosed_front_matter(lines)


def has_table(lines: list[str]) -> bool:
    """Markdown without front matter that holds a table with column names (readers/markdown.py)."""
    return bool(_tables(lines))


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

    published = _as_text(pick("pubDate", "date_published", "published", "pubdate"))[:10]
    date_is_publication = False
    if not published and isinstance(raw.get("date"), str) and _ISO_DATE.fullmatch(raw["date"].strip()[:10]):
        published = raw["date"].strip()[:10]  # a single ISO `date:` is the usual publication field
        date_is_publication = True
    tags = pick("tags", "keywords") or []
    places = pick("place", "places") or []
    # The dates of the subject (an infobox's "30 September 2015 – present"), not of publication.
    dates = (raw.get("dates") if date_is_publication else pick("date", "dates")) or []
    as_list = lambda value: [_as_text(item) for item in (value if isinstance(value, list) else [value]) if _as_text(item)]
    return {
        "title": _as_text(pick("subject", "title", "name")),
        "description": _as_text(pick("description", "shortDescription", "summary")),
        "short_description": _as_text(raw.get("shortDescription")),
        "author": _as_text(pick("author", "authors", "creator")),
        "published": published if _ISO_DATE.fullmatch(published) and valid_iso(published) else "",
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
            raw, duplicates = load_front_matter(front)
            raw = {} if raw is None else raw  # empty, or only comments: no fields
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = 2 + (mark.line if mark else 0)
            source.problem(line, f"front matter is not valid YAML ({getattr(error, 'problem', None) or error}): read as text")
            raw, duplicates = None, []
        if isinstance(raw, dict):
            for line, key in duplicates:
                source.problem(2 + line, f"front matter field '{key}' given twice: the last one is used")
            source.metadata = _metadata(raw)
            source.title = source.metadata["title"]
            given = _as_text(next((raw[key] for key in ("pubDate", "date_published", "published", "pubdate") if raw.get(key)), ""))
            if given and not source.metadata["published"]:
                source.problem(2 + _field_line(lines[1:end], "pubDate", "date_published", "published", "pubdate"), "front matter publication date is not a date (YYYY-MM-DD): ignored")
            source.remove(1, end + 1, "front matter: read as the source's metadata", "\n".join(lines[: end + 1]))
            body_start = end + 1
            if end + 1 < len(lines) and lines[end + 1].strip() == "---" and _front_matter_end(lines[end + 1 :]):
                source.problem(end + 2, "a second front matter block: read as text")
        elif raw is not None:
            source.problem(1, "front matter is not a mapping of fields: read as text")
    elif _unclosed_front_matter(lines):
        source.problem(1, "front matter fence '---' is never closed: read as text")
    source.blocks = dated_by_heading_days(source, dated_by_post_stamps(source, _body_blocks(source, lines, body_start)), lines)
    return source


# A heading that is a day without its year, as a notebook or a diary heads its days: "Sat 27 Feb",
# "Tue 15 March", "6/3", "14.03 — Geneva" (a place after a dash or comma may follow).
_HEADING_DAY_NUMBERS = re.compile(
    r"^(?:(?P<weekday>[A-Z][a-z]{1,8})\.?,?\s+)?(?:(?P<first>\d{1,2})/(?P<second>\d{1,2})|(?P<dfirst>\d\d)\.(?P<dsecond>\d\d))\.?(?:\s*(?:[—–-]|,)\s*[^\d].{0,60})?$"
)  # "6/3", "14.03 — Geneva" (dotted figures two and two: "2.13 — Sortie rates" is a numbered section)
HEADING_DAYS = 2  # one yearless day heading is not yet a diary's convention


def _heading_day(text: str):
    """(month, day) a heading names without a year, (first, second) figures whose order the
    document settles, or None."""
    from .datelines import dateline

    found = dateline(text, yearless=True, entry=True)
    if found is not None and found.month_day is not None and not found.iso:
        return "named", found.month_day
    match = _HEADING_DAY_NUMBERS.match(text.strip())
    if match is None:
        return None
    first, second = (int(match.group("first") or match.group("dfirst")), int(match.group("second") or match.group("dsecond")))
    return ("numbers", (first, second)) if 1 <= first <= 31 and 1 <= second <= 31 else None


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _weekday_fits(text: str, year: int, month: int, day: int) -> bool:
    """A heading's weekday, when it names one ("Sat 27 Feb"), is that day's in that year."""
    named = re.match(r"\s*([A-Za-z]{3})[a-z]*\.?,?\s", text)
    if named is None or named.group(1).lower() not in _WEEKDAYS:
        return True
    return dt.date(year, month, day).weekday() == _WEEKDAYS.index(named.group(1).lower())


def dated_by_heading_days(source: Source, blocks: list[Block], lines: list[str]) -> list[Block]:
    """A notebook or diary whose headings are days without a year ("## Sat 27 Feb", "## 6/3",
    "### 14.03 — Geneva") under a title that gives the year once ("Notebook (2016)"): each
    heading's day, in that year (the next one when the months turn past December), dates the
    blocks under it, down to the next heading of its level or above. Figures are read day first or
    month first as the document's own figures settle it ("14.03"), else not at all."""
    from ..model import PartialDate
    from .datelines import numeric_order, Dateline
    from .digest import masthead_year

    days = [(index, found) for index, block in enumerate(blocks) if block.kind == "heading" and not block.item_date and (found := _heading_day(block.text)) is not None]
    if len(days) < HEADING_DAYS:
        return blocks
    year = masthead_year(lines[: blocks[days[0][0]].first_line - 1])
    if year is None:
        return blocks
    day_first = numeric_order([Dateline("", numbers=figures) for _, (kind, figures) in days if kind == "numbers"])
    heading_days: dict[int, str] = {}
    last_month = None
    for index, (kind, figures) in days:
        if kind == "numbers":
            if day_first is None:
                continue
            month, day = (figures[1], figures[0]) if day_first else figures
        else:
            month, day = figures
        if last_month is not None and month < last_month - 6:
            year += 1  # December, then January
        last_month = month
        if PartialDate.valid(year, month, day) and _weekday_fits(blocks[index].text, year, month, day):
            heading_days[index] = PartialDate(year, month, day).iso()
    if len(heading_days) < HEADING_DAYS:
        return blocks
    day, level = None, 0
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            if index in heading_days:
                day, level = heading_days[index], block.level
            elif day is not None and block.level <= level:
                day = None
        if day is not None and not block.item_date:
            block.item_date = day
    source.metadata["dated_by"] = "day headings"
    return blocks


# A post's stamp under its heading, in a blog's archive or a page of several posts: "Posted 20
# June 2012 by kostya_v · Tags: Syria, UN · 7 comments", "Published: 3 March 2016 | Filed under
# Diplomacy". Its first part is a dateline (datelines.py: a full date with only a dateline's
# furniture around it); the parts after a separator are short labels (tags, counts, reading
# time), never a sentence; and it names one day only.
MAX_STAMP = 200
MAX_STAMP_LABEL_WORDS = 8
_STAMP_SEPARATOR = re.compile(r"\s+[·•|]\s+")
_RULE = re.compile(r"^ {0,3}([-_])(?:[ \t]*\1){2,}[ \t]*$")  # "---", "___": a thematic break ("***" may only part scenes)


def post_stamp(text: str) -> str | None:
    """The day a post's stamp line gives, or None when the line is not one."""
    from ..datefinder import explicit_mentions
    from .article import is_prose
    from .datelines import dateline

    if len(text) > MAX_STAMP or is_prose(text) or text.lstrip().startswith("|"):
        return None
    days = {mention.date for mention in explicit_mentions(text) if mention.date.year is not None and mention.date.day is not None}
    if len(days) != 1:
        return None  # no day, or two: not a stamp
    first, *labels = _STAMP_SEPARATOR.split(text.strip(" *_"))
    if any(len(label.split()) > MAX_STAMP_LABEL_WORDS for label in labels):
        return None
    found = dateline(first)
    return found.iso if found is not None and found.iso else None


def dated_by_post_stamps(source: Source, blocks: list[Block]) -> list[Block]:
    """A section whose heading is followed at once by a post's stamp, a line of its own, is that
    post: the stamp's day is the date of every block of the section (the item date relative days
    count from), down to the next heading of its level or a rule, and the stamp is set aside with
    its reason."""
    kept: list[Block] = []
    day: str | None = None
    level = 0
    stamp_at: int | None = None  # the index of the block that is the current post's stamp
    for index, block in enumerate(blocks):
        if day is not None and kept and any(_RULE.match(line) for line in source.lines[kept[-1].last_line : block.first_line - 1]):
            day = None  # a rule ends the post: what follows is the page's
        if block.kind == "heading":
            if day is not None and block.level <= level:
                day = None
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if (
                following is not None
                and following.kind == "paragraph"
                and following.first_line == following.last_line
                and not source.lines[following.first_line - 1].lstrip().startswith("|")  # a table's row
                and (stamp := post_stamp(following.text)) is not None
            ):
                day, level, stamp_at = stamp, block.level, index + 1
        elif index == stamp_at:
            # the stamp's text as read (its link targets and emphasis marks are accounted for already)
            source.remove(block.first_line, block.last_line, "post stamp: used as the date of the post under this heading", block.text)
            continue
        if day is not None and not block.item_date:
            block.item_date = day
        kept.append(block)
    return kept


_TITLE = r"""(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?"""  # a link or image title in any of its quotes


def _field_line(front: list[str], *names: str) -> int:
    """0-based line of the first of these top-level fields in the front matter lines (0 if none)."""
    for index, line in enumerate(front):
        if any(line.startswith(f"{name}:") for name in names):
            return index
    return 0


_IMAGE_SYNTAX = re.compile(r"!\[(?P<caption>[^\]]*)\]\(\s*(?P<url><[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))*)" + _TITLE + r"\s*\)")


_LINK_TARGET = re.compile(r"\]\(\s*(?P<inner>(?P<address><[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))*)" + _TITLE + r")\s*\)")
# How far past the last syntax found on a line the next link target is looked for: a link's
# text stands between them. Bounded, so a line of a million links stays linear.
_TARGET_WINDOW = 4000


class _RawSyntax:
    """Finds image and link syntax exactly as the seed wrote it, for an exact account of what was
    set aside. Images and links come in order on a line, so each search starts where the last
    one ended: a line with thousands of images is read once, not once per image."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.cursor: dict[int, int] = {}

    def image(self, line: int, caption: str) -> str | None:
        if not 0 < line <= len(self.lines):
            return None
        match = _IMAGE_SYNTAX.search(self.lines[line - 1], self.cursor.get(line, 0))
        if match is None:
            return None
        self.cursor[line] = match.end()
        return match.group(0) if " ".join(match.group("caption").split()) == " ".join(caption.split()) else None

    def target(self, line: int, href: str, title: str) -> str | None:
        """A link's address and title exactly as written: <brackets> and quotes included."""
        if not 0 < line <= len(self.lines):
            return None
        text = self.lines[line - 1]
        start = self.cursor.get(line, 0)
        end = start + _TARGET_WINDOW + 2 * (len(href) + len(title))
        at = text.find("](", start, end)
        while at != -1:
            match = _LINK_TARGET.match(text, at)
            if match and match.group("address") in (href, f"<{href}>") and title in match.group("inner"):
                self.cursor[line] = match.end()
                return match.group("inner")
            at = text.find("](", at + 2, end)
        return None


def _inline_text(token: Token, source: Source, first_line: int, raw_syntax: _RawSyntax) -> tuple[str, int, int]:
    """Plain text of an inline token and the lines its words stand on.

    Images go to the media list; link targets are recorded as set aside; an autolink
    (<https://...>) stays text, brackets included. Line breaks inside the
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
            raw = raw_syntax.image(line, caption) or f"![{caption}]({url})"
            source.remove(line, line, "image: listed with the source's media, never embedded", raw)
        elif child.markup == "autolink":  # <https://...>: the address is the text, kept as written
            parts.append("<" if child.type == "link_open" else ">")
        elif child.type == "link_open":
            href = str(child.attrs.get("href", ""))
            title = str(child.attrs.get("title", ""))
            if href or title:
                raw = raw_syntax.target(line, href, title) or (f"{href} {title}" if title else href)
                source.remove(line, line, "link target (address not shown)", raw)
    if not text_lines:
        return "", first_line, first_line
    return "".join(parts), text_lines[0], text_lines[-1]


def _table_blocks(source: Source, lines: list[str], first: int, stop: int, raw_syntax: _RawSyntax) -> list[Block]:
    """A passage per row of a table with column names, its cells joined by " | "; the header and
    delimiter rows are set aside, with their reason."""

    def plain(cell: str, line: int) -> str:
        tokens = _MARKDOWN.parseInline(cell)
        return " ".join(_inline_text(tokens[0], source, line, raw_syntax)[0].split()) if tokens else ""

    source.remove(first + 1, first + 2, "table header: the column names, over the rows", "\n".join(lines[first : first + 2]))
    blocks = []
    for index in range(first + 2, stop):
        text = " | ".join(cell for cell in (plain(cell, index + 1) for cell in _cells(lines[index])) if cell)
        if text:
            blocks.append(Block("paragraph", text, index + 1, index + 1))
    return blocks


def _body_blocks(source: Source, lines: list[str], offset: int) -> list[Block]:
    raw_syntax = _RawSyntax(source.lines)
    body = lines[offset:]
    tables = _tables(body)
    table_blocks: list[Block] = []
    for first, stop in tables:  # read row by row here; blank lines in their place for markdown-it
        table_blocks += _table_blocks(source, lines, offset + first, offset + stop, raw_syntax)
        body = body[:first] + [""] * (stop - first) + body[stop:]
    tokens = _MARKDOWN.parse("\n".join(body))
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
            raw, first, last = _inline_text(token, source, block_line[0], raw_syntax)
            text = " ".join(raw.split())
            if text:
                blocks.append(Block(pending_kind, text, first, last, level=heading_level if pending_kind == "heading" else 0))
            heading_level = 0
        elif token.type in ("fence", "code_block", "html_block"):
            first, last = block_line
            # A fence's info string ("{raw} html") is seed text too: kept with the fenced lines.
            text = " ".join(f"{token.info if token.type == 'fence' else ''} {token.content}".split())
            if text:
                blocks.append(Block("paragraph", text, first, last))
    return sorted(blocks + table_blocks, key=lambda block: block.first_line) if table_blocks else blocks
