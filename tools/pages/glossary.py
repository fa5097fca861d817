"""The glossary page: entries grouped by category, each with its spellings, definition, related
entries, the basis of its definition and the passages that mention it.

On the web, the basis, the related entries and the passages (by date) are on the entry's category page of notes
(pages/entries.py), one link away, so that the glossary stays light enough for a phone; the
printed glossary keeps them under each entry. Every spelling stays a glossary term, so its anchor, its index
entry and its line in objects.inv do not move (the HTML shows the spellings on one line: see
tools/sphinx_ext/glossary.py)."""

from __future__ import annotations

from collections import defaultdict

from .. import myst
from ..addresses import GLOSSARY, GlossaryPart, entry_anchor
from ..glossary import Entry, anchor_id
from ..model import Passage, display_date
from .common import MOVED, STATIC_FOLDER, PageContext, distinct_labels, moved_map, moved_matter


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


def glossary_intro() -> list[str]:
    """What the glossary is, on the web and in print."""
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
    return [myst.directive("only", web, "html"), "", myst.directive("only", paper, "latex"), ""]


def related_entries(entry: Entry, published: set[str]) -> list[str]:
    return [name for name in entry.related if name in published]


def see_also(related: list[str]) -> str:
    return "*See also:* " + ", ".join(myst.term(name, name) for name in related) + "."


def notes_label(related: bool, mentions: str) -> str:
    """What the link from an entry to its notes leads to: "Basis, related entries and mentions: 7
    passages, 1971 to 2017". Related entries live there on the web, not on the glossary page,
    which must hold every entry's anchors and stay light (about 700 bytes an entry)."""
    parts = ["Basis"] + (["related entries"] if related else []) + (["mentions"] if mentions else [])
    label = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return label + (f": {mentions}" if mentions else "")


def entry_block(context: PageContext, entry: Entry, found: list[Passage], published: set[str]) -> list[str]:
    """One entry of a `{glossary}`: its names as term lines, its definition, related entries, and
    the passages that mention it (on the web, a link to them; in print, the list)."""
    out = [myst.text(name) for name in _display_names(entry)]
    body = [myst.text(entry.definition)]
    related = related_entries(entry, published)
    if related:
        body += ["", myst.directive("only", see_also(related), "latex")]  # on the web: the entry's notes
    count = f"{len(found)} passage{'s' if len(found) != 1 else ''}"
    link = f"[{notes_label(bool(related), count + span_of_years(found) if found else '')}](#{entry_anchor(entry.anchor)})"
    printed = "*Basis:* " + "; ".join(myst.text(item) for item in entry.basis) + "."
    if found:
        pages = " ".join(p.id for p in sorted(found, key=context.reading_order))
        printed += f"\n\n*Mentioned in {count}:* {{pages}}`{pages}`."
    body += ["", myst.directive("only", link, "html"), "", myst.directive("only", printed, "latex")]
    out += ["   " + line if line else "" for line in "\n".join(body).split("\n")]
    return out + [""]


def entries_glossary(context: PageContext, entries: list[Entry]) -> list[str]:
    """Entries as one `{glossary}` directive."""
    mentions = mentions_by_term(context.book.passages)
    published = context.book.published_terms()
    out = ["::::{glossary}"]
    for entry in entries:
        out += entry_block(context, entry, mentions.get(entry.term, []), published)
    return out + ["::::", ""]


def glossary_page(context: PageContext, entries: list[Entry]) -> str:
    """Entries by category: the canonical name then every other spelling as term lines (so each
    is in the index, the search and objects.inv), the definition and its basis, related entries
    and the passages that mention it."""
    out = ["(glossary)=", "# Glossary", ""] + glossary_intro()
    for category in context.book.glossary.categories:
        chosen = [entry for entry in entries if entry.category == category.slug]
        if chosen:
            out += [f"## {category.title}", ""] + entries_glossary(context, chosen)
    return "\n".join(out)


def split_glossary_pages(context: PageContext, parts: list[GlossaryPart]) -> dict[str, str]:
    """A glossary of more entries than a page holds (chapters.yaml, `glossary_entries`): its page
    keeps the introduction and lists a page per category, and a category too large for a page
    lists a page per initial letter. Every page names the map that sends an address made before
    the split (glossary.html#term-…, any spelling's) to the page that now defines the entry."""
    titles = {category.slug: category.title for category in context.book.glossary.categories}
    matter = moved_matter(GLOSSARY)
    categories = list(dict.fromkeys(part.category for part in parts))
    toctree = myst.directive("toctree", "\n".join(f"{GLOSSARY}/{slug}" for slug in categories), options={"maxdepth": "1"}, fence="```")
    pages_note = myst.directive("only", "The entries are on a page per category:", "html")  # print: one dictionary (latex/dictionary.py)
    opening = matter + ["(glossary)=", "# Glossary", ""] + glossary_intro() + [pages_note, "", toctree, ""]
    pages = {f"{GLOSSARY}.md": "\n".join(opening)}
    for slug in categories:
        chosen = [part for part in parts if part.category == slug]
        head = matter + [f"# {myst.text(titles[slug])}", "", f"*Entries of the {{ref}}`glossary`.*", ""]
        if chosen[0].letter is None:
            pages[f"{GLOSSARY}/{slug}.md"] = "\n".join(head + entries_glossary(context, chosen[0].entries))
            continue
        letters = "\n".join(part.key for part in chosen)  # "person/s", beside glossary/person.md
        pages[f"{GLOSSARY}/{slug}.md"] = "\n".join(head + ["By the first letter of their name:", "", myst.directive("toctree", letters, options={"maxdepth": "1"}, fence="```"), ""])
        for part in chosen:
            name = part.letter.upper() if part.letter != "other" else "other names"
            page = matter + [f"# {myst.text(titles[slug])}: {name}", "", f"*Entries of the {{ref}}`glossary`.*", ""]
            pages[f"{part.page}.md"] = "\n".join(page + entries_glossary(context, part.entries))
    anchors = [(part.page, [anchor_id(name) for entry in part.entries for name in _display_names(entry) if anchor_id(name)]) for part in parts]
    pages[f"{STATIC_FOLDER}/{MOVED}/{GLOSSARY}.json"] = moved_map(anchors)
    return pages


def pages(context: PageContext) -> dict[str, str]:
    parts = context.addresses.glossary_parts
    if parts[0].key == "":
        return {f"{GLOSSARY}.md": glossary_page(context, parts[0].entries)}
    return split_glossary_pages(context, parts)
