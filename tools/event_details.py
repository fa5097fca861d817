"""What the chronology says of each event: its title, period, themes, places, actors and the
contested notes on its passages.

A title is the editors' for a key event. Otherwise it is the name of the glossary event the
earliest passage tells in its first sentence ("2017 Su-22 shootdown"), or that first sentence
itself, its leading date dropped (the chronology shows the date) and cut at a clause. A glossary
event is named only when it is specific (few passages mention it) and, when its name carries a
year, only for an event of that year: a passage of June 2016 reacting to the "2015 Russian Su-24
shootdown" tells of something else.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter

from .classify import period_for
from .events import ACTOR_CATEGORIES, PLACE_CATEGORIES, SPECIFIC_EVENT_SHARE, Event
from .model import Book, Passage
from .split import sentences

TITLE_LIMIT = 110  # characters: one line of the chronology
CLAUSE_MIN = 60  # characters: a cut leaves at least a readable line
_MONTH = "|".join(calendar.month_name[1:]) + "|" + "|".join(calendar.month_abbr[1:]) + r"\.?"
_LEADING_DATE = re.compile(
    r"^(?:(?:On|In|By|As of|Since|From|Early on|At the (?:end|beginning|start) of|On the (?:morning|evening|night) of)\s+)?"
    r"(?:(?:early|mid|late|the end of)[\s-]+)?"
    r"(?:(?:\d{1,2}\s+(?:" + _MONTH + r")|(?:" + _MONTH + r")(?:\s+\d{1,2}(?:st|nd|rd|th)?)?)(?:,?\s+\d{4})?|\d{4})"
    r"\s*,?\s+",
)
_CLAUSE_BREAK = re.compile(r"[,;:–—(]\s|\s[–—]\s")


def first_sentence(text: str) -> str:
    found = sentences(text)
    return found[0] if found else text.strip()


def without_leading_date(sentence: str) -> str:
    """"On 30 September 2015, Russia launched ..." -> "Russia launched ..."."""
    rest = _LEADING_DATE.sub("", sentence, count=1)
    if rest == sentence or len(rest) < CLAUSE_MIN // 2:
        return sentence
    return rest[0].upper() + rest[1:]


def cut_at_clause(sentence: str, limit: int = TITLE_LIMIT) -> str:
    """The sentence whole when it fits, else up to its last clause break that leaves a readable
    line, else up to its last word that fits, with an ellipsis."""
    sentence = " ".join(sentence.split()).rstrip(".")
    if len(sentence) <= limit:
        return sentence
    breaks = [match.start() for match in _CLAUSE_BREAK.finditer(sentence) if CLAUSE_MIN <= match.start() <= limit]
    if breaks:
        return sentence[: breaks[-1]].rstrip(" ,;:") + " …"
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + " …"


def sentence_title(passage: Passage) -> str:
    return cut_at_clause(without_leading_date(first_sentence(passage.text)))


def _year_fits(term: str, year: int) -> bool:
    years = re.findall(r"\b(1[89]\d\d|20\d\d)\b", term)
    return not years or str(year) in years


class Describer:
    """Fills in each event's details from the book: one instance per book (it counts mentions once)."""

    def __init__(self, book: Book) -> None:
        self.book = book
        self.by_id = {passage.id: passage for passage in book.passages}
        self.category = {entry.term: entry.category for entry in book.glossary.entries}
        counts = Counter(term for mentions in book.mentions.values() for term in {m.entry.term for m in mentions})
        limit = max(3, int(SPECIFIC_EVENT_SHARE * len(book.passages)))
        self.specific = {term for term, count in counts.items() if self.category.get(term) == "event" and count <= limit}

    def title(self, event: Event) -> tuple[str, str]:
        if event.key is not None:
            return event.key.title, "the editors"
        earliest = self.by_id[event.passages[0]]
        sentence = first_sentence(earliest.text)
        end = max(earliest.text.find(sentence), 0) + len(sentence)
        for mention in sorted(self.book.mentions.get(earliest.id, []), key=lambda m: m.start):
            term = mention.entry.term
            if term in self.specific and mention.start < end and _year_fits(term, event.when.year):
                return term, "the glossary entry"
        return sentence_title(earliest), "the first sentence of its earliest passage"

    def terms(self, event: Event, categories: tuple[str, ...]) -> list[str]:
        found = (term for pid in event.passages for term in self.by_id[pid].terms)
        return [term for term in dict.fromkeys(found) if self.category.get(term) in categories]

    def describe(self, event: Event) -> Event:
        event.title, event.title_basis = self.title(event)
        event.period = period_for(event.date, self.book.chapters)
        told = {theme for pid in event.passages for theme in self.by_id[pid].themes}
        event.themes = [theme.slug for theme in self.book.chapters.themes if theme.slug in told]
        event.places = self.terms(event, PLACE_CATEGORIES)
        event.actors = self.terms(event, ACTOR_CATEGORIES)
        event.entries = self.terms(event, ("event",))
        notes = (a for pid in event.passages for a in self.book.annotated.get(pid, []) if a.kind == "contested")
        event.contested = list(dict.fromkeys(annotation.id for annotation in notes))
        return event


def describe(events: list[Event], book: Book) -> list[Event]:
    describer = Describer(book)
    return [describer.describe(event) for event in events]
