"""Checks of the editorial data against itself, for `syria-book check` (and `make check`).

- Dates that disagree: the glossary says an event happened on one day, and a chapter introduction,
  a note or another entry's definition puts it on another day of the same month ("lost on 3
  December 2016" against "lost on 5 December"). Each sentence that names an event entry (by a
  name or by its patterns) and gives a full date is compared with the event's own date, the
  first full date of its definition.
- Aliases that would link ordinary words: a one-word alias in lower case ("spring", "victory")
  matches prose that has nothing to do with the entry, unless context words or case bind it.
  The alias report lists every alias with its number of hits in the book and a first context.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .datefinder import explicit_mentions
from .glossary import event_date
from .link import Linker, mentions_by_passage
from .model import Book, PartialDate, Problem

_SENTENCE = re.compile(r"[^.!?]+[.!?]?")


def _full_dates(text: str) -> list[PartialDate]:
    return [m.date for m in explicit_mentions(text) if m.date.year is not None and m.date.day is not None]


def _texts(book: Book) -> list[tuple[str, str]]:
    """Every text in the editors' words that may state a date: (where, text)."""
    found = [(f"chapters.yaml: period '{p.slug}'", p.intro) for p in book.chapters.periods]
    found += [(f"chapters.yaml: theme '{t.slug}'", t.intro) for t in book.chapters.themes]
    found += [(f"annotations.yaml: annotation '{a.id}'", a.note) for a in book.annotations]
    found += [(f"glossary: entry '{e.term}'", e.definition) for e in book.glossary.entries]
    return found


def _beside(text: str, start: int, end: int, date_start: int, date_end: int) -> bool:
    """A date within a few words of a name, with no comma or clause break between them."""
    gap = text[end:date_start] if end <= date_start else text[date_end:start]
    return len(gap) <= 30 and not re.search(r"[,;:()]|\band\b|\bafter\b|\bbefore\b", gap)


def date_disagreements(book: Book) -> list[Problem]:
    """A sentence that names an event and gives a different day of the event's own month."""
    linker = Linker(book.glossary)
    problems = []
    for where, text in _texts(book):
        for sentence in _SENTENCE.findall(text):
            dates = [m for m in explicit_mentions(sentence) if m.date.year is not None and m.date.day is not None]
            events = [m for m in linker.mentions(sentence) if event_date(m.entry) is not None and where != f"glossary: entry '{m.entry.term}'"]
            for date in dates:  # a date tells an event's day when it stands right beside its name
                beside = [m for m in events if _beside(sentence, m.start, m.end, date.start, date.end)]
                nearest = beside[0] if beside else None
                if nearest is None:
                    continue
                entry, own = nearest.entry, event_date(nearest.entry)
                same_month = [date.date] if (date.date.year, date.date.month) == (own.year, own.month) else []
                if same_month and own not in same_month:
                    problems.append(
                        Problem(
                            where.split(":")[0],
                            0,
                            f"{where.split(': ', 1)[1]} dates {entry.term} to {same_month[0].display()}; "
                            f"its glossary entry says {own.display()}: correct one of them",
                            "warning",
                            "docs/data",
                        )
                    )
    return problems


@dataclass(frozen=True)
class AliasUse:
    entry: str
    alias: str
    hits: int
    context: str  # the first place it links, with a few words around it
    generic: bool  # a lower-case single word with no context words or case rule


def alias_report(book: Book) -> list[AliasUse]:
    """Every alias with its hits in the book's passages and a first context."""
    linker = Linker(book.glossary)
    hits: Counter = Counter()
    first: dict[tuple[str, str], str] = {}
    mentions = mentions_by_passage(book.passages, linker)
    for passage in book.passages:
        for mention in (m for m in mentions[passage.id] if not m.by_pattern):
            said = " ".join(passage.text[mention.start : mention.end].split()).casefold()
            key = (mention.entry.term, said)
            hits[key] += 1
            if key not in first:
                first[key] = "…" + passage.text[max(0, mention.start - 40) : mention.end + 40].replace("\n", " ") + "…"
    uses = []
    for entry in book.glossary.entries:
        for alias in entry.aliases:
            key = (entry.term, alias.text.casefold())
            generic = alias.text.isascii() and alias.text.isalpha() and alias.text.islower() and not alias.context and not alias.case_sensitive
            uses.append(AliasUse(entry.term, alias.text, hits[key], first.get(key, ""), generic))
    return uses


def generic_aliases(book: Book) -> list[Problem]:
    return [
        Problem("glossary", 0, f"entry '{use.entry}': the alias “{use.alias}” is an ordinary word: give it context words or remove it", "warning", "docs/data")
        for use in alias_report(book)
        if use.generic
    ]
