"""What every page family shares: a passage's block, its line of facts, its citation, short
references to other passages, the editorial notes printed once per page, and the order of
passages in time."""

from __future__ import annotations

import functools
import json

from ..addresses import SOURCE_PAGES, Addresses, note_anchor
from ..annotations import KINDS
from ..clean import visible
from ..link import Mention, first_of_each
from ..annotations import Annotation
from ..model import Book, Passage, display_date, parse_iso
from .. import myst


# Files the HTML site serves as they are (the glossary tips' and the search page's data, the maps
# of split chapters): a static folder of its own, so that Sphinx copies them before it writes
# pages, like every other static file.
STATIC_FOLDER = "_generated/static"
MOVED = "moved"  # in the static folder: the maps of split chapters (moved_map)

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


def lines_label(passage: Passage) -> str:
    return f"line {passage.first_line}" if passage.first_line == passage.last_line else f"lines {passage.first_line}–{passage.last_line}"


def distinct_labels(passages: list[Passage], label) -> dict[str, str]:
    """Each passage's label (`label(passage)`), made distinct where two would read the same: by
    the lines they come from ("Undated (web snippets), lines 40–41"), else by their number in a
    bundle of snippets, which is one long line ("…, snippet 12"), else by their order ("…, 2")."""

    def repeated(labels: dict[str, str]) -> set[str]:
        counts: dict[str, int] = {}
        for text in labels.values():
            counts[text] = counts.get(text, 0) + 1
        return {text for text, count in counts.items() if count > 1}

    labels = {passage.id: label(passage) for passage in passages}
    twice = repeated(labels)
    labels = {p.id: f"{labels[p.id]}, {lines_label(p)}" if labels[p.id] in twice else labels[p.id] for p in passages}
    twice = repeated(labels)
    seen: dict[str, int] = {}
    for passage in passages:
        text = labels[passage.id]
        if text in twice:
            seen[text] = seen.get(text, 0) + 1
            base = text.rsplit(", line", 1)[0]
            labels[passage.id] = f"{base}, snippet {passage.snippet}" if passage.snippet else f"{text}, {seen[text]}"
    return labels


class NotesOnPage:
    """The editorial notes a page has printed. Each note is printed in full once, with the passages
    it concerns, where it first applies, under a stable anchor (addresses.note_anchor); every later
    passage it concerns gets a one-line marker that links there.

    The scope is what "once" means: a period chapter gives its slug (once per page, on the web); a
    printed book can give one scope to all its chapters (once in the book).
    """

    def __init__(self, scope: str) -> None:
        self.scope = scope
        self.printed: set[str] = set()

    def anchor(self, annotation: Annotation) -> str:
        return note_anchor(annotation.id, self.scope)

    def first_time(self, annotation: Annotation) -> bool:
        """True the first time the page meets this note (it prints it in full), False after."""
        if annotation.id in self.printed:
            return False
        self.printed.add(annotation.id)
        return True


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
        return self.addresses.sort_key(passage)

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
        """The source in the bibliography and the passage's lines, which link to the viewer page
        that shows them (named under sources/: the source's slug, or "slug/lines-2001-4000")."""
        view = self.views[passage.source]
        snippet = f"+{passage.snippet}" if passage.snippet is not None else ""
        viewer = self.addresses.viewer_page_of_line(passage.source, passage.first_line).removeprefix(f"{SOURCE_PAGES}/")
        lines = f"{viewer}:{passage.first_line}-{passage.last_line}{snippet}:{myst.role_safe(visible(passage.source))}"
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

    def ref_label(self, passage: Passage) -> str:
        """How a short reference names a passage: its source and date."""
        return f"{self.views[passage.source].title}, {display_date(passage.date)}"

    def passage_ref(self, pid: str) -> str:
        """A short reference to another passage: its source and date, linked to its home."""
        return f"[{myst.text(self.ref_label(self.by_id[pid]))}](#{pid})"

    def passage_refs(self, pids: list[str], current: str | None = None) -> str:
        """Short references to several passages, told apart by their lines where two would read
        the same; the passage being read is "this passage"."""
        passages = [self.by_id[pid] for pid in pids]
        labels = distinct_labels(passages, self.ref_label)
        return "; ".join("this passage" if pid == current else f"[{myst.text(labels[pid])}](#{pid})" for pid in pids)

    def note_in_full(self, annotation: Annotation, passage: Passage, anchor: str | None) -> str:
        """The note where it first applies: its text, the passages it concerns, the register."""
        body = myst.text(annotation.note)
        if len(annotation.passages) > 1:
            body += "\n\n*It concerns:* " + self.passage_refs(annotation.passages, current=passage.id)
        body += f"\n\n[All contested claims and notes](#note-{annotation.id})"
        title = f"{KINDS[annotation.kind]}: {myst.text(annotation.title)}"
        note = myst.directive("admonition", body, title, {"class": f"annotation {annotation.kind}"})
        return f"{myst.label(anchor)}\n{note}" if anchor else note

    def note_marker(self, annotation: Annotation, anchor: str) -> str:
        """A later passage's one line: the note's kind and title, linked to the note in full."""
        return "{.note-marker}\n" + f"*{KINDS[annotation.kind]}, see the note above:* [{myst.text(annotation.title)}](#{anchor})"

    @property
    def print_is_concise(self) -> bool:
        """Whether the book is too large to print whole (chapters.yaml, pages: print_passages)."""
        return len(self.book.passages) > self.book.chapters.page_size.print_passages

    def printed(self, passage: Passage) -> bool:
        """Whether the printed edition prints the passage in full (the undated chapter stays on
        the web when the book is too large to print whole; of more dated passages than print
        holds, only the printed selection)."""
        if not self.print_is_concise:
            return True
        if passage.period in self.undated_periods:
            return False
        return self.printed_selection is None or passage.id in self.printed_selection

    @functools.cached_property
    def undated_periods(self) -> frozenset[str]:
        return frozenset(period.slug for period in self.book.chapters.periods if period.undated)

    @functools.cached_property
    def dated_passages(self) -> list[Passage]:
        """The passages of the period chapters (not of the undated chapter)."""
        return [passage for passage in self.book.passages if passage.period not in self.undated_periods]

    @functools.cached_property
    def printed_selection(self) -> frozenset[str] | None:
        """The dated passages print gives in full when there are more than it holds (chapters.yaml,
        pages: print_dated), else None (all of them). In order until the limit: the passages
        an editorial note is printed beside, those of the editors' key events, then those of the
        events the most sources tell, earliest first: the book's spine, the same at every build."""
        dated = self.dated_passages
        limit = self.book.chapters.page_size.print_dated
        if len(dated) <= limit:
            return None
        homes = set(self.note_home.values())
        key, told_by = set(), {}
        for event in self.book.events:
            for pid in event.passages:
                told_by[pid] = max(told_by.get(pid, 0), len(set(event.sources)))
                if event.key is not None:
                    key.add(pid)
        ranked = sorted(dated, key=lambda p: (p.id not in homes, p.id not in key, -told_by.get(p.id, 1), self.sort_key(p)))
        return frozenset(passage.id for passage in ranked[:limit])

    @property
    def web_only_count(self) -> int:
        """How many passages the printed edition leaves to the web (0 for a book printed whole)."""
        return sum(1 for passage in self.book.passages if not self.printed(passage))

    def passage_block(self, passage: Passage, notes: NotesOnPage | None = None) -> str:
        """The passage as an anchored quotation with its line of facts, then its editorial notes:
        in full the first time `notes` meets them, as a marker after that (always in full, without
        an anchor, when no `notes` is given)."""
        lines = ["{#" + passage.id + " .passage}", "> " + self.meta_line(passage), ">", "> " + self.linked_text(passage)]
        also = self.book.also_reported.get(passage.id)
        if also:
            lines += [">", "> *Also reported by:* " + self.passage_refs(also)]
        for annotation in self.book.annotated.get(passage.id, []):
            lines += ["", self.note_for(annotation, passage, notes)]
        return "\n".join(lines)

    def note_for(self, annotation: Annotation, passage: Passage, notes: NotesOnPage | None) -> str:
        """A note where a passage meets it. On the web: in full the first time `notes` (the page)
        meets it, as a marker after that (in full, without an anchor, when no `notes` is given).
        In print: in full once in the book, beside its home passage; a one-line reference elsewhere."""
        if notes is None:
            web = self.note_in_full(annotation, passage, None)
        elif notes.first_time(annotation):
            web = self.note_in_full(annotation, passage, notes.anchor(annotation))
        else:
            web = self.note_marker(annotation, notes.anchor(annotation))
        return myst.directive("only", web, "html", fence="::::") + "\n\n" + myst.directive("only", self.printed_note(annotation, passage), "latex", fence="::::")

    def printed_note(self, annotation: Annotation, passage: Passage) -> str:
        """The note as print gives it: in full beside its home passage, else a reference to it."""
        title = f"{self.note_label[annotation.id]}: {myst.text(annotation.title)}"
        if self.note_home.get(annotation.id) != passage.id:
            return myst.directive("container", f"[{title}](#note-text-{annotation.id})", "annotation-marker")
        body = myst.text(annotation.note)
        others = [pid for pid in annotation.passages if pid != passage.id]
        if others:
            body += "\n\n*Other accounts:* " + "; ".join(self.passage_ref(pid) for pid in others)
        body += f"\n\n[All contested claims and notes](#note-{annotation.id})"
        return myst.directive("admonition", body, title, {"class": f"annotation {annotation.kind}", "name": f"note-text-{annotation.id}"})


WEB_ONLY = "book-print: web-only"  # front matter of a page the printed edition leaves out (latex/transforms.py)


def moved_matter(folder: str, slug: str = "", web_only: bool = False) -> list[str]:
    """Front matter naming the map of a split chapter's passages, so that an address made before
    the split (chapter#passage) still finds its passage (sphinx_ext/moved.py). The map is named
    after the chapter's folder and slug ("periods-undated"), or after a page of the book's top
    level ("glossary"). `web_only`: the printed edition leaves the page out."""
    return ["---", f"book-moved: {MOVED}/{folder}{f'-{slug}' if slug else ''}.json"] + ([WEB_ONLY] if web_only else []) + ["---", ""]


def web_only_matter() -> list[str]:
    """Front matter of an unsplit page the printed edition leaves out."""
    return ["---", WEB_ONLY, "---", ""]


def moved_map(anchors_by_page: list[tuple[str, list[str]]]) -> str:
    """Where each passage and heading of a split chapter now is, {id: page}, for moved.js: each
    page of the chapter with the anchors it holds (the first page that has one keeps it)."""
    where: dict[str, str] = {}
    for page, names in anchors_by_page:
        for name in names:
            where.setdefault(name, f"{page}.html")
    return json.dumps(where, sort_keys=True, separators=(",", ":")) + "\n"
