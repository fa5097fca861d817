"""Plain data passed between the pipeline's stages.

Every stage takes and returns these dataclasses; none reaches into another stage's internals.
Line numbers are 1-based and inclusive, counted in the seed file as delivered.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """Something wrong or suspicious in a seed, reported once with its place.

    A "notice" is something the conversion handled (a byte-order mark removed, a byte decoded);
    a "warning" needs the editor: a file refused, two seeds competing for one address, a date
    that cannot be right. Sphinx reports warnings as warnings, so `-W` stops on them.
    `line` 0 means the file as a whole.
    """

    file: str
    line: int
    reason: str
    severity: str = "notice"  # "notice" | "warning"
    folder: str = "seeds"  # "seeds" for a seed; "docs/data" for an editorial data file

    def __str__(self) -> str:
        name = self.file if self.folder == "seeds" else f"{self.folder}/{self.file}"
        return f"{name}:{self.line}: {self.reason}" if self.line else f"{name}: {self.reason}"

    @property
    def location(self) -> str:
        """Where an editor finds it, from the project's root: "seeds/x.txt:12" (line 1 for the whole file)."""
        return f"{self.folder}/{self.file}:{max(self.line, 1)}"  # Sphinx reads a location without ":" as a page name


@dataclass(frozen=True)
class Removal:
    """Seed text the pipeline did not keep as passage text, and why."""

    first_line: int
    last_line: int
    reason: str
    text: str


@dataclass(frozen=True)
class Media:
    """An image referenced by a seed: listed for the reader, never fetched or embedded."""

    caption: str
    url: str
    line: int


@dataclass
class Block:
    """A unit of a seed's body as its reader found it: a heading, paragraph or list item.

    `item_date` is the publication date of the item or article the block belongs to (used to
    resolve relative dates); `byline` is the author the reader found for it.
    """

    kind: str  # "heading" | "paragraph" | "item" | "sentences"
    text: str
    first_line: int
    last_line: int
    level: int = 0
    item_date: str | None = None
    byline: str | None = None


@dataclass
class Source:
    """One seed file after reading: its metadata, body blocks and the account of what was set aside."""

    file: str
    kind: str  # reader name: "encyclopedia", "news-digest", "web-article", "web-snippets", "plain"
    title: str
    line_count: int
    metadata: dict = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    media: list[Media] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    original: list[str] = field(default_factory=list)  # decoded lines as delivered, for the viewer
    digest: str = ""
    slug: str = ""  # the source's public name in addresses and ids, unique in the book (pipeline)

    def remove(self, first_line: int, last_line: int, reason: str, text: str) -> None:
        """Record text set aside, so the book can account for every character of the seed."""
        if text.strip():
            self.removals.append(Removal(first_line, last_line, reason, text))

    def problem(self, line: int, reason: str, severity: str = "notice") -> None:
        self.problems.append(Problem(self.file, line, reason, severity))


@dataclass
class Passage:
    """A paragraph, list item or sentence of a seed: the unit the book cites, dates and sorts."""

    id: str
    source: str
    first_line: int
    last_line: int
    text: str
    section: tuple[str, ...] = ()
    item_date: str | None = None
    byline: str | None = None
    date: str | None = None  # ISO: YYYY, YYYY-MM or YYYY-MM-DD
    date_basis: str = ""  # how the date was found, shown to readers who check it
    period: str = "undated"
    themes: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    merged_lines: list[tuple[int, int]] = field(default_factory=list)

    @property
    def lines(self) -> tuple[int, int]:
        return (self.first_line, self.last_line)
