"""The glossary page: entries grouped by category, each with its spellings, definition, related
entries, the basis of its definition and the passages that mention it.

On the web, the basis and the passages (by date) are on the entry's category page of notes
(pages/entries.py), one link away, so that the glossary stays light enough for a phone; the
printed glossary keeps them under each entry. Every spelling stays a glossary term, so its anchor, its index
entry and its line in objects.inv do not move (the HTML shows the spellings on one line: see
tools/sphinx_ext/glossary.py)."""

from __future__ import annotations

from collections import defaultdict

from .. import myst
from ..addresses import entry_anchor
from ..glossary import Entry
from ..model import Passage, display_date
from .common import PageContext, distinct_labels


def mentions_by_term(passages: list[Passage]) -> dict[str, list[Passage]]:
    found = defaultdict(list)
    for passage in passages:
        for term in passage.terms:
            found[term].append(passage)
    return found


def _display_names(entry: Entry) -> list[str]:
    """The entry's names for the glossary's term lines, one per spelling that differs beyond case."""
    seen, names = set(), []
    for name in entry.names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


def mention_links(context: PageContext, passages: list[Passage]) -> str:
    """Links to passages in the order of events, each labelled by its date and kind of source,
    with its lines where two labels would read the same."""
    ordered = context.in_time_order(passages)
    labels = distinct_labels(ordered, lambda p: f"{display_date(p.date)} ({context.views[p.source].kind_label})")
    return ", ".join(f"[{myst.text(labels[p.id])}](#{p.id})" for p in ordered)


def span_of_years(passages: list[Passage]) -> str:
    years = sorted({p.when.year for p in passages if p.when})
    if not years:
        return ""
    return f", {years[0]}" if years[0] == years[-1] else f", {years[0]} to {years[-1]}"


def glossary_page(context: PageContext) -> str:
    """Entries by category: the canonical name then every other spelling as term lines (so each
    is in the index, the search and objects.inv), the definition and its basis, related entries
    and the passages that mention it (on the web, a link to them; in print, the list)."""
    glossary = context.book.glossary
    mentions = mentions_by_term(context.book.passages)
    published = context.book.published_terms()

    web = (
        "People, places, organisations, forces, weapons, agreements and events that the sources "
        "mention, under one canonical spelling, with every other spelling found in the sources. "
        "In the text, the first mention of each entry in a passage links here. Each entry's address "
        "is stable: see {ref}`how-to-link`."
    )
    paper = (
        "People, places, organisations, forces, weapons, agreements and events that the sources "
        "mention, in one alphabet: people under their surname, the Arabic article al- ignored. "
        "Each entry gives its kind, a definition and its basis, related entries and the pages of "
        "the passages that name it. Other spellings are in the index, which sends each to the "
        "form used here."
    )
    out = ["(glossary)=", "# Glossary", "", myst.directive("only", web, "html"), "", myst.directive("only", paper, "latex"), ""]
    for category in glossary.categories:
        entries = [entry for entry in glossary.sorted_entries(category.slug) if entry.term in published]
        if not entries:
            continue
        out += [f"## {category.title}", "", "::::{glossary}"]
        for entry in entries:
            out += [myst.text(name) for name in _display_names(entry)]
            body = [myst.text(entry.definition)]
            related = [name for name in entry.related if name in published]
            if related:
                body += ["", "*See also:* " + ", ".join(myst.term(name, name) for name in related) + "."]
            found = mentions.get(entry.term, [])
            count = f"{len(found)} passage{'s' if len(found) != 1 else ''}"
            link = f"[Basis{f' and mentions: {count}{span_of_years(found)}' if found else ''}](#{entry_anchor(entry.anchor)})"
            printed = "*Basis:* " + "; ".join(myst.text(item) for item in entry.basis) + "."
            if found:
                pages = " ".join(p.id for p in sorted(found, key=context.reading_order))
                printed += f"\n\n*Mentioned in {count}:* {{pages}}`{pages}`."
            body += ["", myst.directive("only", link, "html"), "", myst.directive("only", printed, "latex")]
            out += ["   " + line if line else "" for line in "\n".join(body).split("\n")]
            out.append("")
        out += ["::::", ""]
    return "\n".join(out)


def pages(context: PageContext) -> dict[str, str]:
    return {"glossary.md": glossary_page(context)}
