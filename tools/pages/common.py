"""What every page family shares: a passage's block, its line of facts, its citation, short
references to other passages, and the order of passages in time."""

from __future__ import annotations

from ..addresses import Addresses
from ..annotations import KINDS
from ..clean import visible
from ..link import Mention, first_of_each
from ..model import Book, Passage, display_date, parse_iso
from .. import myst


def short_title(title: str) -> str:
    """'Diplomacy: the UN, talks and ceasefires' -> 'Diplomacy', for lists of several themes."""
    return title.split(":")[0].strip()


def date_note(passage: Passage) -> str:
    """What the book concluded about a date the passage does not state whole: readers see it."""
    if not passage.date_inferred:
        return ""
    if passage.date_basis.startswith("corrected"):
        return f" ({myst.text(passage.date_basis)})"
    return f" (date inferred: {myst.text(passage.date_basis)})"


def month_heading(iso: str | None) -> str:
    """The chronology's heading: the month of a dated passage, or its year when that is all we know."""
    if iso and len(iso) == 4:
        return f"{iso}, day and month not given"
    return display_date(iso[:7] if iso else iso)


def linked_text(text: str, mentions: list[Mention]) -> str:
    """Passage text as MyST: escaped everywhere, each given mention a {term} link."""
    out, position = [], 0
    for mention in mentions:
        out.append(myst.text(text[position : mention.start]))
        out.append(myst.term(text[mention.start : mention.end], mention.entry.term))
        position = mention.end
    out.append(myst.text(text[position:]))
    return "".join(out)


class PageContext:
    """The book and its addresses, with the pieces of MyST every page family writes the same way."""

    def __init__(self, book: Book, addresses: Addresses) -> None:
        self.book = book
        self.addresses = addresses
        self.views = addresses.views
        self.order = {source.file: index for index, source in enumerate(book.sources)}
        self.by_id = {passage.id: passage for passage in book.passages}
        self.chapter_order = {period.slug: index for index, period in enumerate(book.chapters.periods)}
        self.note_home, self.note_label = self._notes()

    def reading_order(self, passage: Passage) -> tuple:
        """Where the printed book gives the passage in full: its period chapter, then time order."""
        return (self.chapter_order.get(passage.period, len(self.chapter_order)), self.sort_key(passage))

    def _notes(self) -> tuple[dict[str, str], dict[str, str]]:
        """Each note's home, the first passage it concerns in reading order (where print gives it
        in full), and its label, numbered within its kind ("Contested 7")."""
        homes, labels, counts = {}, {}, {}
        for annotation in self.book.annotations:
            counts[annotation.kind] = counts.get(annotation.kind, 0) + 1
            labels[annotation.id] = f"{KINDS[annotation.kind]} {counts[annotation.kind]}"
            concerned = [self.by_id[pid] for pid in annotation.passages if pid in self.by_id]
            if concerned:
                homes[annotation.id] = min(concerned, key=self.reading_order).id
        return homes, labels

    def sort_key(self, passage: Passage) -> tuple:
        """By date, a month or year known only roughly after the days it contains, then source order."""
        date = parse_iso(passage.date)
        when = (date.year, date.month or 13, date.day or 32) if date else (9999, 0, 0)
        return (when, self.order[passage.source], passage.first_line, passage.id)

    def in_time_order(self, passages) -> list[Passage]:
        return sorted(passages, key=self.sort_key)

    def linked_text(self, passage: Passage) -> str:
        return linked_text(passage.text, first_of_each([m for m in self.book.mentions.get(passage.id, []) if m.inline]))

    def events_told(self, passage: Passage) -> list[str]:
        """Event entries the passage tells of without naming them (found by their patterns)."""
        mentions = self.book.mentions.get(passage.id, [])
        named = {m.entry.term for m in mentions if m.inline}
        return [m.entry.term for m in first_of_each([m for m in mentions if not m.inline]) if m.entry.term not in named]

    def citation(self, passage: Passage) -> str:
        view = self.views[passage.source]
        snippet = f"+{passage.snippet}" if passage.snippet is not None else ""
        lines = f"{view.slug}:{passage.first_line}-{passage.last_line}{snippet}:{myst.role_safe(visible(passage.source))}"
        return f"{{cite:p}}`src-{view.slug}`, {{source-lines}}`{lines}`"

    def meta_line(self, passage: Passage) -> str:
        view = self.views[passage.source]
        parts = [f"**{display_date(passage.date)}**" + date_note(passage), f"*{view.kind_label}*", self.citation(passage)]
        if passage.byline:
            parts.append(f"by {myst.text(passage.byline)}")
        events = self.events_told(passage)
        if events:
            parts.append("tells of " + ", ".join(myst.term(term, term) for term in events))
        speakers = self.book.speakers.get(passage.id)
        if speakers:
            parts.append("reports what " + ", ".join(myst.text(name) for name in speakers) + " said")
        themes = [theme for theme in self.book.chapters.themes if theme.slug in passage.themes]
        if themes:
            parts.append("themes: " + ", ".join(f"[{myst.text(short_title(theme.title))}](#theme-{theme.slug})" for theme in themes))
        return " · ".join(parts)

    def passage_ref(self, pid: str) -> str:
        """A short reference to another passage: its source and date, linked to its home."""
        other = self.by_id[pid]
        return f"[{myst.text(self.views[other.source].title)}, {myst.text(display_date(other.date))}](#{pid})"

    def passage_block(self, passage: Passage) -> str:
        lines = ["{#" + passage.id + " .passage}", "> " + self.meta_line(passage), ">", "> " + self.linked_text(passage)]
        also = self.book.also_reported.get(passage.id)
        if also:
            lines += [">", "> *Also reported by:* " + "; ".join(self.passage_ref(pid) for pid in also)]
        for annotation in self.book.annotated.get(passage.id, []):
            lines += ["", self.note_block(annotation, passage)]
        return "\n".join(lines)

    def note_block(self, annotation, passage: Passage) -> str:
        """The note in full; in print only beside its home passage, a one-line reference elsewhere."""
        others = [pid for pid in annotation.passages if pid != passage.id]
        body = myst.text(annotation.note)
        if others:
            body += "\n\n*Other accounts:* " + "; ".join(self.passage_ref(pid) for pid in others)
        body += f"\n\n[All contested claims and notes](#note-{annotation.id})"
        title = f"{self.note_label[annotation.id]}: {myst.text(annotation.title)}"
        options = {"class": f"annotation {annotation.kind}"}
        if self.note_home.get(annotation.id) == passage.id:
            return myst.directive("admonition", body, title, options | {"name": f"note-text-{annotation.id}"})
        full = myst.directive("only", myst.directive("admonition", body, title, options), "html", fence="::::")
        marker = f"[{self.note_label[annotation.id]}: {myst.text(annotation.title)}](#note-text-{annotation.id})"
        return full + "\n\n" + myst.directive("only", myst.directive("container", marker, "annotation-marker"), "latex", fence="::::")
