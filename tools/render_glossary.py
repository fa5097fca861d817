"""Rendering the glossary: entries grouped by category, each with aliases, related entries and
the passages that mention it; plus the inline links and hover data for the passages."""

from __future__ import annotations

import json
from collections import defaultdict

from . import myst
from .glossary import Entry, Glossary
from .link import Mention
from .model import Passage


def linked_text(passage: Passage, mentions: list[Mention]) -> str:
    """Passage text as MyST: escaped everywhere, the first mention of each entry a {term} link."""
    out, position = [], 0
    for mention in mentions:
        out.append(myst.text(passage.text[position : mention.start]))
        out.append(myst.term(passage.text[mention.start : mention.end], mention.entry.term))
        position = mention.end
    out.append(myst.text(passage.text[position:]))
    return "".join(out)


def _display_names(entry: Entry) -> list[str]:
    """The entry's names for the glossary's term lines, one per spelling that differs beyond case."""
    seen, names = set(), []
    for name in entry.names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


def glossary_page(glossary: Glossary, mentions: dict[str, list[Passage]], label_of) -> str:
    """Entries by category: the canonical name then every other spelling as term lines (so each
    is in the index, the search and objects.inv), the definition, related entries, mentions."""
    out = [
        "(glossary)=",
        "# Glossary",
        "",
        "People, places, organisations, forces, weapons, agreements and events that the sources "
        "mention, under one canonical spelling, with every other spelling found in the sources. "
        "In the text, the first mention of each entry in a passage links here. Each entry's address "
        "is stable: see {ref}`how-to-link`.",
        "",
    ]
    for category in glossary.categories:
        entries = glossary.sorted_entries(category.slug)
        if not entries:
            continue
        out += [f"## {category.title}", "", "::::{glossary}"]
        for entry in entries:
            out += [myst.text(name) for name in _display_names(entry)]
            body = [myst.text(entry.definition)]
            if entry.related:
                body.append("")
                body.append("*See also:* " + ", ".join(myst.term(name, name) for name in entry.related) + ".")
            found = mentions.get(entry.term, [])
            body.append("")
            if found:
                links = ", ".join(f"[{myst.text(label_of(p))}](#{p.id})" for p in found)
                body.append(f"*Mentioned in {len(found)} passage{'s' if len(found) != 1 else ''}:* {links}.")
            else:
                body.append("*Not mentioned in the current sources.*")
            out += ["   " + line if line else "" for line in body]
            out.append("")
        out += ["::::", ""]
    return "\n".join(out)


def hover_data(glossary: Glossary) -> str:
    """A small script with every entry's definition, read by glossary-tips.js for hover and focus."""
    data = {entry.anchor: {"term": entry.term, "definition": entry.definition} for entry in glossary.entries}
    return "window.GLOSSARY_TIPS = " + json.dumps(data, ensure_ascii=False, sort_keys=True) + ";\n"


def glossary_export(glossary: Glossary, mentions: dict[str, list[Passage]]) -> list[dict]:
    return [
        {
            "term": entry.term,
            "anchor": f"glossary.html#{entry.anchor}",
            "category": entry.category,
            "aliases": [alias.text for alias in entry.aliases],
            "definition": entry.definition,
            "related": entry.related,
            "mentions": [passage.id for passage in mentions.get(entry.term, [])],
        }
        for entry in glossary.entries
    ]


def mentions_by_term(passages: list[Passage]) -> dict[str, list[Passage]]:
    found = defaultdict(list)
    for passage in passages:
        for term in passage.terms:
            found[term].append(passage)
    return found
