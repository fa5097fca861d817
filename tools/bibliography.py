"""BibTeX for the sources: one entry per seed, from its metadata and the editors' notes.

BibTeX and pybtex read field values as LaTeX: braces must balance, and "--", "''", "~" or "\\$"
are turned into other characters. Seed metadata is untrusted text, so the fields that carry it
(title, how published, organisation, note) are stored percent-encoded, and the book's pybtex
style ("book", registered by the Sphinx extension) decodes them back into literal text, never
LaTeX. The author is stored twice: literally for the reference list, and in a plain form for
the citation label, which pybtex must parse into names (characters BibTeX would read become
spaces there).
"""

from __future__ import annotations

import calendar
import re
from urllib.parse import quote, unquote

from pybtex.richtext import String
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.formatting import toplevel
from pybtex.style.template import field, href, optional, sentence, words

from .addresses import SourceView

STYLE_NAME = "book"
# Percent-encoding keeps every character but those four, which BibTeX would read.
_UNSAFE = "%{}\\"


def encode_literal(value: str) -> str:
    """A field value BibTeX stores untouched and `decode_literal` restores exactly."""
    flat = " ".join(str(value).split())
    return "".join(quote(char, safe="") if char in _UNSAFE else char for char in flat)


def decode_literal(value) -> String:
    return String(unquote(str(value)))


def author_for_label(value: str) -> str:
    """An author name pybtex can parse for the citation label, with nothing it would interpret."""
    flat = " ".join(str(value).split())
    flat = re.sub(r"[{}\\$^~%&#_]", " ", flat).replace("--", "-").replace("''", "'").replace("``", "'")
    return " ".join(flat.split()) or "Unknown author"


def cite_key(view: SourceView) -> str:
    return f"src-{view.slug}"


def label_author(view: SourceView) -> str:
    return view.author or view.note.publisher or "Unknown author"


def year_suffixes(views: list[SourceView]) -> dict[str, str]:
    """'a', 'b', ... for sources that share an author and a year, by title, so that their
    citations differ ("Wikipedia contributors, 2023a" and "2023b"); '' for the others."""
    groups: dict[tuple[str, str], list[SourceView]] = {}
    for view in views:
        if view.date:
            groups.setdefault((author_for_label(label_author(view)), str(view.date.year)), []).append(view)
    suffixes = {}
    for group in groups.values():
        if len(group) > 1:
            for index, view in enumerate(sorted(group, key=lambda v: (v.title.casefold(), v.source.file))):
                suffixes[view.source.file] = chr(ord("a") + index) if index < 26 else f"-{index + 1}"
    return suffixes


def bib_entry(view: SourceView, suffix: str = "") -> str:
    note = view.note
    source = view.source
    author = label_author(view)
    date = view.date
    year = f"{date.year}{suffix}" if date else ""
    month = calendar.month_name[date.month] if date and date.month else ""
    fields = [
        ("title", encode_literal(view.title)),
        ("author", "{" + author_for_label(author) + "}"),
        ("authorliteral", encode_literal(author)),
        ("howpublished", encode_literal(f"{view.kind_label}; seed file {source.file}")),
    ]
    if note.publisher:
        fields.append(("organization", encode_literal(note.publisher)))
    if year:
        fields.append(("year", year))
    if month:
        fields.append(("month", month))
    if note.url:
        fields.append(("url", encode_literal(note.url)))
    if note.accessed:
        fields.append(("urldate", encode_literal(note.accessed)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{cite_key(view)},\n{body}\n}}\n"


def bibtex(views: list[SourceView]) -> str:
    suffixes = year_suffixes(views)
    entries = [bib_entry(view, suffixes.get(view.source.file, "")) for view in views]
    return "% Generated from the seeds' metadata and docs/data/sources.yaml. Do not edit.\n\n" + "\n".join(entries)


def literal(name: str):
    return field(name, raw=True, apply_func=decode_literal)


def literal_url():
    """The address itself, for the link (pybtex's href takes plain text)."""
    return field("url", raw=True, apply_func=lambda value: unquote(str(value)))


class BookStyle(PlainStyle):
    """pybtex's plain style, with the seed-derived fields shown as literal text."""

    default_sorting_style = "author_year_title"

    def get_misc_template(self, e):
        return toplevel[
            optional[sentence[literal("authorliteral")]],
            sentence[literal("title")],
            sentence[optional[literal("organization")], optional[literal("howpublished")], optional[words[optional[field("month")], field("year")]]],
            optional[sentence[words["Available at", href(literal_url())[literal("url")]], optional[words["accessed", literal("urldate")]]]],
        ]


# pybtex's plugin groups that sphinxcontrib-bibtex looks up while it resolves citations.
PYBTEX_GROUPS = ("pybtex.backends", "pybtex.style.formatting", "pybtex.style.labels", "pybtex.style.names", "pybtex.style.sorting")


def register_style() -> None:
    """Register the book's style, and pin pybtex's installed plugins as runtime plugins.

    sphinxcontrib-bibtex asks pybtex for a plugin (a backend, a style and the styles a style is
    made of) for every citation it resolves, and pybtex answers by scanning the entry points of
    every installed distribution: one citation per passage made that a fifth of a large build.
    pybtex looks in its runtime registry first, so every installed plugin is registered there,
    from one scan. An alias ("text" for the backend "plaintext") is looked for in the group
    before its aliases, so it is registered in both."""
    from importlib.metadata import entry_points

    from pybtex.plugin import register_plugin

    register_plugin("pybtex.style.formatting", STYLE_NAME, BookStyle)
    installed = entry_points()
    for group in PYBTEX_GROUPS:
        for entry in [*installed.select(group=group), *installed.select(group=group + ".aliases")]:
            plugin = entry.load()
            register_plugin(group, entry.name, plugin, force=True)
            if entry.group.endswith(".aliases"):
                register_plugin(entry.group, entry.name, plugin, force=True)
