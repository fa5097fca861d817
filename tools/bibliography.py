"""BibTeX for the sources: one entry per seed, from its metadata and the editors' notes.

pybtex lower-cases titles in some styles, so titles and names are wrapped in braces; BibTeX's
special characters in seed-provided values are escaped, so a hostile title stays text.
"""

from __future__ import annotations

import re

from .render import SourceView

_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "#": r"\#", "$": r"\$", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def bib_escape(value: str) -> str:
    flat = " ".join(str(value).split())
    return "".join(_SPECIAL.get(char, char) for char in flat)


def cite_key(view: SourceView) -> str:
    return f"src-{view.slug}"


def _year_month(date: str) -> tuple[str, str]:
    match = re.match(r"(\d{4})(?:-(\d{2}))?", date or "")
    if not match:
        return "", ""
    return match.group(1), str(int(match.group(2))) if match.group(2) else ""


def bib_entry(view: SourceView) -> str:
    note = view.note
    source = view.source
    author = note.author or source.metadata.get("author", "") or note.publisher or "Unknown author"
    date = str(note.date or source.metadata.get("published", "") or "")
    year, month = _year_month(date)
    fields = [
        ("title", "{" + bib_escape(view.title) + "}"),
        ("author", "{" + bib_escape(author) + "}"),
        ("howpublished", bib_escape(f"{view.kind_label}; seed file {source.file}")),
    ]
    if note.publisher:
        fields.append(("organization", "{" + bib_escape(note.publisher) + "}"))
    if year:
        fields.append(("year", year))
    if month:
        fields.append(("month", month))
    if note.url:
        fields.append(("url", bib_escape(note.url)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{cite_key(view)},\n{body}\n}}\n"


def bibtex(views: list[SourceView]) -> str:
    return "% Generated from the seeds' metadata and docs/data/sources.yaml. Do not edit.\n\n" + "\n".join(bib_entry(view) for view in views)
