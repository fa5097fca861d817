"""The corpus export: machine-readable files offered beside the book, and the hover data the
site's glossary tips read (a static file of the site, see pages/). Built from the finished Book and
its addresses only."""

from __future__ import annotations

import json
from collections.abc import Callable

from .addresses import Addresses
from .glossary import Glossary
from .model import Book, Passage


def passage_record(passage: Passage, url: str, extra: dict | None = None) -> dict:
    record = {
        "id": passage.id,
        "source": passage.source,
        "lines": [passage.first_line, passage.last_line],
        "text": passage.text,
        "date": passage.date,
        "date_basis": passage.date_basis or None,
        "date_inferred": passage.date_inferred,
        "period": passage.period,
        "themes": list(passage.themes),
        "terms": list(passage.terms),
        "section": list(passage.section),
        "byline": passage.byline,
        "url": url,
    }
    record.update(extra or {})
    return record


def jsonl(records: list[dict]) -> str:
    """One JSON object per line, keys in a fixed order, non-ASCII kept readable."""
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def json_document(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"


def hover_data(glossary: Glossary, published: set[str]) -> str:
    """A small script with the definition of every entry the book publishes, read by
    glossary-tips.js for hover and focus."""
    data = {entry.anchor: {"term": entry.term, "definition": entry.definition} for entry in glossary.entries if entry.term in published}
    return "window.GLOSSARY_TIPS = " + json.dumps(data, ensure_ascii=False, sort_keys=True) + ";\n"


def first_sentence(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    end = flat.find(". ")
    shown = flat if end < 0 else flat[: end + 1]
    return shown if len(shown) <= limit else shown[:limit].rsplit(" ", 1)[0] + " …"


def search_entries(glossary: Glossary, published: set[str], page_of=None) -> str:
    """A small script for the search page (book-search.js): each published entry as [anchor,
    canonical name, category, every other spelling, the first sentence of its definition], and
    the page that defines it when the glossary is split into pages (`page_of(term)`)."""
    titles = {category.slug: category.title for category in glossary.categories}
    rows = []
    for entry in glossary.entries:
        if entry.term not in published:
            continue
        seen, names = {entry.term.casefold()}, []
        for name in entry.names[1:]:
            if name.casefold() not in seen:
                seen.add(name.casefold())
                names.append(name)
        rows.append([entry.anchor, entry.term, titles.get(entry.category, entry.category), names, first_sentence(entry.definition)] + ([page_of(entry.term)] if page_of else []))
    rows.sort(key=lambda row: row[1].casefold())
    return "window.BOOK_ENTRIES = " + json.dumps(rows, ensure_ascii=False, separators=(",", ":")) + ";\n"


def glossary_records(book: Book, addresses: Addresses) -> list[dict]:
    published = book.published_terms()
    mentions: dict[str, list[str]] = {}
    for passage in book.passages:
        for term in passage.terms:
            mentions.setdefault(term, []).append(passage.id)
    return [
        {
            "term": entry.term,
            "anchor": addresses.glossary_url(entry),
            "category": entry.category,
            "aliases": [alias.text for alias in entry.aliases],
            "definition": entry.definition,
            "related": [name for name in entry.related if name in published],
            "basis": entry.basis,
            "mentions": mentions.get(entry.term, []),
        }
        for entry in book.glossary.entries
        if entry.term in published
    ]


def event_records(book: Book, addresses: Addresses) -> list[dict]:
    """One object per event of the chronology: its date and precision, title (and who wrote it),
    places, actors, themes, passages and sources, and its marks."""
    return [
        {
            "id": event.id,
            "date": event.date,
            "precision": event.when.precision,
            "title": event.title,
            "title_basis": event.title_basis,
            "key_event": event.key is not None,
            "period": event.period,
            "themes": event.themes,
            "places": event.places,
            "actors": event.actors,
            "glossary_events": event.entries,
            "passages": event.passages,
            "sources": event.sources,
            "single_source": event.single_source,
            "contested": event.contested,
            "url": addresses.event_url(event),
        }
        for event in book.events
    ]


def exports(book: Book, addresses: Addresses) -> dict[str, str]:
    """Every corpus export by its path in the built site."""
    records = [
        passage_record(
            passage,
            addresses.url_of(passage),
            {
                "source_url": addresses.source_url_of(passage),
                "also_reported": book.also_reported.get(passage.id, []),
                "speakers": book.speakers.get(passage.id, []),
                "annotations": [a.id for a in book.annotated.get(passage.id, [])],
            },
        )
        for passage in book.passages
    ]
    removals = [
        {"source": source.file, "lines": [r.first_line, r.last_line], "reason": r.reason, "text": r.text}
        for source in book.sources
        for r in source.removals
    ]
    notes = [{"id": a.id, "kind": a.kind, "title": a.title, "note": a.note, "passages": a.passages} for a in book.annotations]
    return {
        "corpus/passages.jsonl": jsonl(records),
        "corpus/glossary.json": json_document(glossary_records(book, addresses)),
        "corpus/removals.jsonl": jsonl(removals),
        "corpus/annotations.json": json_document(notes),
        "corpus/events.jsonl": jsonl(event_records(book, addresses)),
    }


# The fields of the exports that hold an address in the site, by export.
ADDRESS_FIELDS = {"corpus/passages.jsonl": ("url", "source_url"), "corpus/glossary.json": ("anchor",)}


def relink(exported: dict[str, str], address: Callable[[str], str]) -> dict[str, str]:
    """The exports with each site address ("periods/x.html#p-1") rewritten by `address`, for sites
    that name their pages differently (dirhtml: "periods/x/#p-1")."""
    relinked = dict(exported)
    for name, keys in ADDRESS_FIELDS.items():
        if name not in exported:
            continue
        if name.endswith(".jsonl"):
            records = [json.loads(line) for line in exported[name].splitlines()]
        else:
            records = json.loads(exported[name])
        for record in records:
            record.update({key: address(record[key]) for key in keys if record.get(key)})
        relinked[name] = jsonl(records) if name.endswith(".jsonl") else json_document(records)
    return relinked
