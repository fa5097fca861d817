"""The glossary's notes: one light page per category that gives, for each entry, the basis of its
definition and every passage that mentions it, in the order of events and grouped by year, under
an anchor of its own (addresses.entry_anchor). The glossary links each entry here, and stays light
enough for a phone.

These pages are orphans (no place in the navigation, nor in the PDF, whose glossary prints the
basis and the mentions under each entry) and are left out of the search index: their words are
the passages' and the entries'."""

from __future__ import annotations

from collections import defaultdict

from .. import myst
from ..addresses import entry_anchor
from ..model import Passage
from .common import PageContext
from .glossary import mention_links, mentions_by_term

FOLDER = "entries"


def entry_notes(context: PageContext, entry, found: list[Passage]) -> list[str]:
    out = [myst.label(entry_anchor(entry.anchor)), f"## {myst.text(entry.term)}", ""]
    out += [f"{myst.term(entry.term, entry.term)}. *Basis of the definition:* " + "; ".join(myst.text(item) for item in entry.basis) + ".", ""]
    if not found:
        return out + ["No passage of the current sources mentions it.", ""]
    out += [f"*Mentioned in {len(found)} passage{'s' if len(found) != 1 else ''}:*", ""]
    by_year: dict[int | None, list[Passage]] = defaultdict(list)
    for passage in context.in_time_order(found):
        by_year[passage.when.year if passage.when else None].append(passage)
    out += [f"- **{year or 'Undated'}**: {mention_links(context, passages)}" for year, passages in by_year.items()]
    return out + [""]


def category_page(context: PageContext, category, entries, mentions: dict[str, list[Passage]]) -> str:
    out = ["---", "orphan: true", "nosearch: true", "---", "", f"# {category.title}: basis and mentions", ""]
    out += [
        "For each entry of this part of the {ref}`glossary`: what its definition rests on, and the "
        "passages that mention it, in the order of the events they tell (undated passages last).",
        "",
    ]
    for entry in entries:
        out += entry_notes(context, entry, mentions.get(entry.term, []))
    return "\n".join(out)


def pages(context: PageContext) -> dict[str, str]:
    glossary = context.book.glossary
    mentions = mentions_by_term(context.book.passages)
    published = context.book.published_terms()
    found = {}
    for category in glossary.categories:
        entries = [entry for entry in glossary.sorted_entries(category.slug) if entry.term in published]
        if entries:
            found[f"{FOLDER}/{category.slug}.md"] = category_page(context, category, entries, mentions)
    return found
