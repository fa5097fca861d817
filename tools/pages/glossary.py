"""The glossary page: entries grouped by category, each with its spellings, definition, related
entries and the passages that mention it."""

from __future__ import annotations

from collections import defaultdict

from .. import myst
from ..glossary import Entry
from ..model import Passage, display_date
from .common import PageContext


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


def glossary_page(context: PageContext) -> str:
    """Entries by category: the canonical name then every other spelling as term lines (so each
    is in the index, the search and objects.inv), the definition and its basis, related entries
    and the passages that mention it."""
    glossary = context.book.glossary
    mentions = mentions_by_term(context.book.passages)
    published = context.book.published_terms()

    def label_of(passage: Passage) -> str:
        return f"{display_date(passage.date)} ({context.views[passage.source].kind_label})"

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
            body = [myst.text(entry.definition), "", "*Basis:* " + "; ".join(myst.text(item) for item in entry.basis) + "."]
            related = [name for name in entry.related if name in published]
            if related:
                body += ["", "*See also:* " + ", ".join(myst.term(name, name) for name in related) + "."]
            found = mentions.get(entry.term)
            if found:
                links = ", ".join(f"[{myst.text(label_of(p))}](#{p.id})" for p in found)
                count = f"{len(found)} passage{'s' if len(found) != 1 else ''}"
                pages = " ".join(p.id for p in sorted(found, key=context.reading_order))
                body += ["", *myst.directive("only", f"*Mentioned in {count}:* {links}.", "html").split("\n")]
                body += ["", *myst.directive("only", f"*Mentioned in {count}:* {{pages}}`{pages}`.", "latex").split("\n")]
            out += ["   " + line if line else "" for line in body]
            out.append("")
        out += ["::::", ""]
    return "\n".join(out)


def pages(context: PageContext) -> dict[str, str]:
    return {"glossary.md": glossary_page(context)}
