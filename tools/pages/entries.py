"""The glossary's notes: one light page per category that gives, for each entry, the basis of its
definition, the entries related to it, and every passage that mentions it, in the order of events
and grouped by year, under an anchor of its own (addresses.entry_anchor). The glossary links each entry here, and stays light
enough for a phone.

These pages are orphans (no place in the navigation, nor in the PDF, whose glossary prints the
basis and the mentions under each entry) and are left out of the search index: their words are
the passages' and the entries'. A category whose entries are mentioned more often than a page
holds (chapters.yaml, `pages: mentions`) gets a page per initial letter (a letter still too heavy,
pages of consecutive entries), and a map that sends an address made before the split to the right
one (sphinx_ext/moved.py)."""

from __future__ import annotations

import re
from collections import defaultdict

from .. import myst
from ..addresses import by_initial, entry_anchor
from ..model import Passage
from .common import MOVED, STATIC_FOLDER, PageContext, moved_map, moved_matter
from .glossary import mention_links, mentions_by_term, related_entries, see_also

FOLDER = "entries"


def entry_notes(context: PageContext, entry, found: list[Passage], published: set[str]) -> list[str]:
    out = [myst.label(entry_anchor(entry.anchor)), f"## {myst.text(entry.term)}", ""]
    out += [f"{myst.term(entry.term, entry.term)}. *Basis of the definition:* " + "; ".join(myst.text(item) for item in entry.basis) + ".", ""]
    related = related_entries(entry, published)
    if related:
        out += [see_also(related), ""]
    if not found:
        return out + ["No passage of the current sources mentions it.", ""]
    out += [f"*Mentioned in {len(found)} passage{'s' if len(found) != 1 else ''}:*", ""]
    by_year: dict[int | None, list[Passage]] = defaultdict(list)
    for passage in context.in_time_order(found):
        by_year[passage.when.year if passage.when else None].append(passage)
    out += [f"- **{year or 'Undated'}**: {mention_links(context, passages)}" for year, passages in by_year.items()]
    return out + [""]


HEAD = ["orphan: true", "nosearch: true"]


def front_matter(*lines: str) -> list[str]:
    return ["---", *HEAD, *lines, "---", ""]


def category_page(context: PageContext, category, entries, mentions: dict[str, list[Passage]], published: set[str], title: str = "", matter: list[str] | None = None) -> str:
    out = (matter or front_matter()) + [f"# {category.title}: basis and mentions{title}", ""]
    out += [
        "For each entry of this part of the {ref}`glossary`: what its definition rests on, and the "
        "passages that mention it, in the order of the events they tell (undated passages last), with the entries related to it.",
        "",
    ]
    for entry in entries:
        out += entry_notes(context, entry, mentions.get(entry.term, []), published)
    return "\n".join(out)


def split_category(context: PageContext, category, entries, mentions: dict[str, list[Passage]], published: set[str]) -> dict[str, str]:
    """A category too often mentioned for one page: a page per initial letter, and the
    category's page lists them. A letter still too heavy lists pages of consecutive entries,
    each named after its first entry (an entry mentioned more than a page holds has its own)."""
    size = context.book.chapters.page_size.mentions
    by_letter = by_initial(entries)
    letters = list(by_letter)
    moved = moved_matter(FOLDER, category.slug)
    matter = front_matter(*moved[1:-2])  # orphan, nosearch and the map, in one front matter
    found = {}
    anchors = []
    for letter in letters:
        name = letter.upper() if letter != "other" else "other names"
        page = f"{FOLDER}/{category.slug}/{letter}"
        runs = _runs(by_letter[letter], mentions, size)
        if len(runs) == 1:
            found[f"{page}.md"] = category_page(context, category, by_letter[letter], mentions, published, f", {name}", matter)
            anchors.append((page, [entry_anchor(entry.anchor) for entry in by_letter[letter]]))
            continue
        links = []
        for run in runs:
            span = myst.text(run[0].term) + ("" if len(run) == 1 else f" to {myst.text(run[-1].term)}")
            name_of_run = run_name(run[0])
            found[f"{page}/{name_of_run}.md"] = category_page(context, category, run, mentions, published, f", {span}", matter)
            anchors.append((f"{page}/{name_of_run}", [entry_anchor(entry.anchor) for entry in run]))
            links.append(f"- {{doc}}`{span} <{letter}/{name_of_run}>`")
        found[f"{page}.md"] = "\n".join(matter + [f"# {category.title}: basis and mentions, {name}", "", "The entries of this letter are mentioned too often for one page:", "", *links, ""])
    links = ", ".join(f"{{doc}}`{letter.upper() if letter != 'other' else 'other names'} <{category.slug}/{letter}>`" for letter in letters)
    found[f"{FOLDER}/{category.slug}.md"] = "\n".join(matter + [f"# {category.title}: basis and mentions", "", f"The entries, by the first letter of their name: {links}.", ""])
    found[f"{STATIC_FOLDER}/{MOVED}/{FOLDER}-{category.slug}.json"] = moved_map(anchors)
    return found


def run_name(entry) -> str:
    """A page of consecutive entries is named after its first: "Khmeimim Air Base" -> "khmeimim-air-base"."""
    return re.sub(r"[^a-z0-9]+", "-", entry.anchor.removeprefix("term-").lower()).strip("-") or "entries"


def _runs(entries: list, mentions: dict[str, list[Passage]], size: int) -> list[list]:
    """Consecutive entries whose mentions fit on a page of `size` links."""
    runs: list[list] = [[]]
    held = 0
    for entry in entries:
        count = len(mentions.get(entry.term, []))
        if runs[-1] and held + count > size:
            runs.append([])
            held = 0
        runs[-1].append(entry)
        held += count
    return runs


def pages(context: PageContext) -> dict[str, str]:
    glossary = context.book.glossary
    mentions = mentions_by_term(context.book.passages)
    published = context.book.published_terms()
    size = context.book.chapters.page_size.mentions
    found = {}
    for category in glossary.categories:
        entries = [entry for entry in glossary.sorted_entries(category.slug) if entry.term in published]
        if not entries:
            continue
        if sum(len(mentions.get(entry.term, [])) for entry in entries) <= size:
            found[f"{FOLDER}/{category.slug}.md"] = category_page(context, category, entries, mentions, published)
        else:
            found |= split_category(context, category, entries, mentions, published)
    return found
