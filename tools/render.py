"""Rendering: the Book becomes MyST pages (a dict of path -> text, written by write.py).

Each passage has one full-text home, in its period chapter, under a stable anchor (its id); theme
chapters reach it through short linked excerpts. Passages are anchored blocks, not sections, so the
navigation tree stays small however many passages there are.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import myst
from .clean import visible
from .dating import parse_iso
from .editorial import SourceNote
from .export import json_document
from .model import Passage, Source
from .pipeline import Book
from .split import source_slug



def short_title(title: str) -> str:
    """'Diplomacy: the UN, talks and ceasefires' -> 'Diplomacy', for lists of several themes."""
    return title.split(":")[0].strip()


def display_date(iso: str | None) -> str:
    try:
        date = parse_iso(iso)
    except ValueError:  # an editor's free-form date ("Sept 2018") is shown as written
        return str(iso)
    if date is None or date.year is None:
        return "Undated"
    if date.month is None:
        return str(date.year)
    month = dt.date(2000, date.month, 1).strftime("%B")
    return f"{month} {date.year}" if date.day is None else f"{date.day} {month} {date.year}"


def sort_key(passage: Passage, order: dict[str, int]) -> tuple:
    """By date, a month or year known only roughly after the days it contains, then source order."""
    date = parse_iso(passage.date)
    when = (date.year, date.month or 13, date.day or 32) if date else (9999, 0, 0)
    return (when, order[passage.source], passage.first_line, passage.id)


@dataclass
class SourceView:
    """How a source is named and described to readers, from the seed and the editors' notes."""

    source: Source
    note: SourceNote

    @property
    def slug(self) -> str:
        return self.source.slug or source_slug(self.source.file)

    @property
    def title(self) -> str:
        return self.note.title or self.source.title or self.source.file

    @property
    def kind(self) -> str:
        return self.note.kind or self.source.kind

    @property
    def kind_label(self) -> str:
        return self.kind.replace("-", " ")  # "news-digest" -> "news digest"


@dataclass
class Decorations:
    """What later stages add beside a passage: speakers, corroborating passages, annotations."""

    speakers: dict[str, list[str]] = field(default_factory=dict)
    also_reported: dict[str, list[str]] = field(default_factory=dict)
    annotations: dict[str, list] = field(default_factory=dict)  # passage id -> [Annotation]
    all_annotations: list = field(default_factory=list)


ANNOTATION_LABELS = {"contested": "Contested", "context": "Context", "correction": "Correction", "terminology": "Terminology"}


@dataclass
class Renderer:
    book: Book
    notes: dict[str, SourceNote]
    text_renderer: object | None = None  # callable(passage) -> MyST inline text; default escapes
    decorations: Decorations = field(default_factory=Decorations)

    def __post_init__(self) -> None:
        self.views = {source.file: SourceView(source, self.notes.get(source.file, SourceNote(source.file))) for source in self.book.sources}
        self.order = {source.file: index for index, source in enumerate(self.book.sources)}
        self.by_id = {passage.id: passage for passage in self.book.passages}

    # --- addresses -------------------------------------------------------------------------

    def page_of(self, passage: Passage) -> str:
        return f"periods/{passage.period}"

    def url_of(self, passage: Passage) -> str:
        return f"{self.page_of(passage)}.html#{passage.id}"

    def source_url_of(self, passage: Passage) -> str:
        return f"sources/{self.views[passage.source].slug}.html#L{passage.first_line}"

    # --- pieces ------------------------------------------------------------------------------

    def passage_text(self, passage: Passage) -> str:
        if self.text_renderer is not None:
            return self.text_renderer(passage)
        return myst.text(passage.text)

    def citation(self, passage: Passage) -> str:
        view = self.views[passage.source]
        return f"{{cite:p}}`src-{view.slug}`, {{source-lines}}`{view.slug}:{passage.first_line}-{passage.last_line}:{myst.role_safe(visible(passage.source))}`"

    def meta_line(self, passage: Passage) -> str:
        view = self.views[passage.source]
        parts = [f"**{display_date(passage.date)}**", f"*{view.kind_label}*", self.citation(passage)]
        if passage.byline:
            parts.append(f"by {myst.text(passage.byline)}")
        speakers = self.decorations.speakers.get(passage.id)
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
        lines = ["{#" + passage.id + " .passage}", "> " + self.meta_line(passage), ">", "> " + self.passage_text(passage)]
        also = self.decorations.also_reported.get(passage.id)
        if also:
            lines += [">", "> *Also reported by:* " + "; ".join(self.passage_ref(pid) for pid in also)]
        for annotation in self.decorations.annotations.get(passage.id, []):
            others = [pid for pid in annotation.passages if pid != passage.id]
            body = myst.text(annotation.note)
            if others:
                body += "\n\n*Other accounts:* " + "; ".join(self.passage_ref(pid) for pid in others)
            body += f"\n\n[All contested claims and notes](#note-{annotation.id})"
            title = f"{ANNOTATION_LABELS[annotation.kind]}: {myst.text(annotation.title)}"
            lines += ["", myst.directive("admonition", body, title, {"class": f"annotation {annotation.kind}"})]
        return "\n".join(lines)

    # --- pages -------------------------------------------------------------------------------

    def period_page(self, period) -> str:
        passages = sorted((p for p in self.book.passages if p.period == period.slug), key=lambda p: sort_key(p, self.order))
        out = [myst.label(f"period-{period.slug}"), f"# {period.title}", "", period.intro, ""]
        out.append(f"*{len(passages)} passages from {len({p.source for p in passages})} sources.*")
        out.append("")
        current = None
        for passage in passages:
            heading = _month_heading(passage.date)
            if heading != current:
                out += [myst.directive("rubric", "", heading), ""]
                current = heading
            out += [self.passage_block(passage), ""]
        return "\n".join(out)

    def theme_page(self, theme) -> str:
        passages = sorted((p for p in self.book.passages if theme.slug in p.themes), key=lambda p: sort_key(p, self.order))
        out = [myst.label(f"theme-{theme.slug}"), f"# {theme.title}", "", theme.intro, ""]
        out.append(f"*{len(passages)} passages. Each excerpt links to the full passage in its period chapter.*")
        out.append("")
        by_period = defaultdict(list)
        for passage in passages:
            by_period[passage.period].append(passage)
        for period in self.book.chapters.periods:
            if not by_period[period.slug]:
                continue
            out += [myst.directive("rubric", "", f"[{myst.text(period.title)}](#period-{period.slug})"), ""]
            for passage in by_period[period.slug]:
                view = self.views[passage.source]
                out.append(
                    f"- **{display_date(passage.date)}** · {myst.link(myst.excerpt(passage.text), '#' + passage.id)}"
                    f" · *{myst.text(view.title)}*"
                )
            out.append("")
        if not passages:
            out.append("No passage of the current sources falls under this theme yet.")
        return "\n".join(out)

    def chapter_index(self, kind: str) -> str:
        if kind == "periods":
            title, intro, items = "Chronology", "The book's passages in the order of the events they tell, one chapter per period.", self.book.chapters.periods
        else:
            title, intro, items = "Themes", "The same passages followed across the years, one chapter per theme, as linked excerpts.", self.book.chapters.themes
        toctree = myst.directive("toctree", "\n".join(item.slug for item in items), options={"maxdepth": "1"}, fence="```")
        return "\n".join([myst.label(f"{kind}-index"), f"# {title}", "", intro, "", toctree, ""])

    def cards(self) -> str:
        """The home page's period and theme cards (HTML), with a plain list for print."""
        counts_by_period = Counter(p.period for p in self.book.passages)
        counts_by_theme = Counter(theme for p in self.book.passages for theme in p.themes)

        def span(item) -> str:
            start, end = getattr(item, "start", None), getattr(item, "end", None)
            if getattr(item, "undated", False) or not (start or end):
                return ""
            left = display_date(start.isoformat()) if start else "up"
            right = display_date(end.isoformat()) if end else "today"
            return f"{left} to {right} · "

        def grid(items, folder, counts):
            cards = []
            for item in items:
                body = f"{span(item)}{counts[item.slug]} passages"
                cards.append(myst.directive("grid-item-card", body, myst.text(item.title), {"link": f"{folder}/{item.slug}", "link-type": "doc"}))
            return myst.directive("grid", "\n".join(cards), "1 2 2 3", {"gutter": "2"}, fence="::::")

        def plain(items, folder, counts):
            return "\n".join(f"- [{myst.text(item.title)}](#{folder[:-1]}-{item.slug}) ({counts[item.slug]} passages)" for item in items)

        periods, themes = self.book.chapters.periods, self.book.chapters.themes
        html = "\n\n".join(["**By period**", grid(periods, "periods", counts_by_period), "**By theme**", grid(themes, "themes", counts_by_theme)])
        latex = "\n\n".join(["**By period**", plain(periods, "periods", counts_by_period), "**By theme**", plain(themes, "themes", counts_by_theme)])
        return myst.directive("only", html, "html", fence=":::::") + "\n\n" + myst.directive("only", latex, "latex", fence=":::::") + "\n"

    def conversion_report(self) -> str:
        out = [myst.label("conversion-report"), "# Conversion report", ""]
        out.append(
            "What the conversion set aside from each seed, and why: page chrome, export artefacts, "
            "repeated text, metadata moved out of the running text, and invisible characters. "
            "Together with the passages, these entries account for every character of every seed. "
            "Runs of identical removals on consecutive lines are shown as one row; a source with very "
            f"many removals of one kind shows the first {ROWS_PER_REASON} here. Every removal, in full, is in the "
            "download corpus/removals.jsonl."
        )
        out.append("")
        skipped = [(name, why) for name, why in sorted(self.book.skipped.items()) if not any(source.file == name for source in self.book.sources)]
        if skipped:
            out += ["Files in the seeds folder that contribute nothing, and why:", ""]
            out += [f"- {myst.text(visible(name))}: {myst.text(why)}" for name, why in skipped]
            out.append("")
        editorial = [problem for problem in self.book.problems if problem.folder != "seeds"]
        if editorial:
            out += ["Problems found in the editorial data:", ""]
            out += [f"- {myst.text(str(problem))}" for problem in editorial]
            out.append("")
        for source in self.book.sources:
            view = self.views[source.file]
            passages = self.book.passages_of(source.file)
            out += [myst.directive("rubric", "", myst.text(f"{visible(source.file)} — {view.title}")), ""]
            out.append(
                f"Read as *{myst.text(source.metadata.get('format', source.kind))}*: {source.line_count} lines, "
                f"{len(passages)} passages, {len(source.removals)} removals, {len(source.media)} images listed, "
                f"{len(source.problems)} problems."
            )
            out.append("")
            if source.problems:
                out += ["Problems found:", ""]
                out += [f"- {f'line {p.line}' if p.line else 'the file'}: {myst.text(p.reason)}" for p in source.problems]
                out.append("")
            rows, left_out = _capped(_grouped_removals(source))
            if rows:
                out += ["| Lines | Reason | Text set aside |", "|---|---|---|"]
                for first, last, reason, text, count in rows:
                    lines = f"{first}" if first == last else f"{first}–{last}"
                    shown = _shorten(text)
                    if count > 1:
                        shown = f"{shown} (×{count})"
                    out.append(f"| {lines} | {myst.text(reason)} | {myst.text(shown)} |")
                out.append("")
            for reason, count in left_out.items():
                out += [f"*And {count} more rows of “{myst.text(reason)}”, listed in corpus/removals.jsonl.*", ""]
            if source.media:
                out += ["Images referenced by the seed (listed, never embedded or fetched):", ""]
                for media in source.media:
                    out.append(f"- line {media.line}: {myst.text(media.caption or '(no caption)')} — {myst.text(media.url)}")
                out.append("")
        return "\n".join(out)

    def sources_page(self) -> str:
        out = [myst.label("sources"), "# Sources", ""]
        out.append(
            "Every passage of this book comes from one of the documents below. They are very different "
            "kinds of source, and a reader should weigh a passage by where it comes from: what each "
            "source is, who publishes it, its perspective and known biases, and how it was cleaned."
        )
        out.append("")
        total = sum(len(p.text) for p in self.book.passages) or 1
        for source in self.book.sources:
            view = self.views[source.file]
            passages = self.book.passages_of(source.file)
            share = sum(len(p.text) for p in passages) / total
            out += [myst.label(f"source-{view.slug}"), myst.directive("rubric", "", myst.text(view.title)), ""]
            facts = [f"*{view.kind_label}*", f"file {myst.text(visible(source.file))}"]
            if view.note.publisher:
                facts.append(f"published by {myst.text(view.note.publisher)}")
            author = view.note.author or source.metadata.get("author", "")
            if author:
                facts.append(f"author: {myst.text(author)}")
            date = view.note.date or source.metadata.get("published", "")
            if date:
                facts.append(f"dated {myst.text(display_date(str(date)[:10]))}")
            out += [" · ".join(facts), ""]
            if view.note.perspective:
                out += [f"**What it is and how far to trust it.** {myst.text(view.note.perspective)}", ""]
            if view.note.cleaning:
                out += [f"**How it was cleaned.** {myst.text(view.note.cleaning)}", ""]
            out += [f"**Share of the book.** {len(passages)} passages, {share:.0%} of the book's passage text.", ""]
            out += [f"**Check it line by line:** [the text of this source with line numbers](#viewer-{view.slug}).", ""]
        out += ["## Bibliography", "", myst.directive("bibliography", "", fence="```"), ""]
        toctree = myst.directive("toctree", "\n".join(self.views[s.file].slug for s in self.book.sources), options={"hidden": "", "maxdepth": "1"}, fence="```")
        out += [toctree, ""]
        return "\n".join(out)

    def viewer_page(self, source: Source) -> str:
        view = self.views[source.file]
        out = [myst.label(f"viewer-{view.slug}"), f"# {myst.text(view.title)}: the text line by line", ""]
        out.append(
            f"The seed file {myst.text(visible(source.file))} exactly as delivered, one numbered line per row. "
            "Each line links to the passages it feeds; lines the conversion set aside say why. "
            f"See also [what this source is](#source-{view.slug}) and the {{ref}}`conversion-report`."
        )
        out += ["", myst.directive("source-viewer", "", view.slug, fence="```"), ""]
        return "\n".join(out)

    def viewer_data(self, source: Source) -> str:
        """Per line: its text, the passages it feeds (label, url), the reasons it was set aside."""
        feeds: dict[int, list] = defaultdict(list)
        for passage in self.book.passages_of(source.file):
            for number in range(passage.first_line, passage.last_line + 1):
                feeds[number].append([f"{display_date(passage.date)} passage", self.url_of(passage)])
        reasons: dict[int, list] = defaultdict(list)
        for removal in source.removals:
            for number in range(removal.first_line, removal.last_line + 1):
                if removal.reason not in reasons[number]:
                    reasons[number].append(removal.reason)
        lines = [[visible(text), feeds.get(number, []), reasons.get(number, [])] for number, text in enumerate(source.original, start=1)]
        return json_document({"file": source.file, "lines": lines})

    def notes_page(self) -> str:
        """Every annotation, contested claims first, each with all the passages it joins."""
        out = [myst.label("contested-claims"), "# Contested claims and editorial notes", ""]
        out.append(
            "The sources disagree on facts that matter: who fired, who was hit, how many died. Where "
            "they do, the book attaches a note to every passage that carries one of the competing "
            "accounts. The notes are the editors' own; the passages are the sources' words."
        )
        out.append("")
        annotations = self.decorations.all_annotations
        for kind in ("contested", "correction", "context", "terminology"):
            chosen = [a for a in annotations if a.kind == kind]
            if not chosen:
                continue
            heading = "Contested claims" if kind == "contested" else f"{ANNOTATION_LABELS[kind]} notes"
            out += [f"## {heading}", ""]
            for annotation in chosen:
                out += [myst.label(f"note-{annotation.id}"), myst.directive("rubric", "", myst.text(annotation.title)), ""]
                out += [myst.text(annotation.note), ""]
                out += [f"- {self.passage_ref(pid)} ({myst.text(self.views[self.by_id[pid].source].kind_label)})" for pid in annotation.passages]
                out.append("")
        return "\n".join(out)

    def pages(self) -> dict[str, str]:
        pages = {"periods/index.md": self.chapter_index("periods"), "themes/index.md": self.chapter_index("themes")}
        for period in self.book.chapters.periods:
            pages[f"periods/{period.slug}.md"] = self.period_page(period)
        for theme in self.book.chapters.themes:
            pages[f"themes/{theme.slug}.md"] = self.theme_page(theme)
        pages["conversion-report.md"] = self.conversion_report()
        pages["sources/index.md"] = self.sources_page()
        for source in self.book.sources:
            slug = self.views[source.file].slug
            pages[f"sources/{slug}.md"] = self.viewer_page(source)
            pages[f"_generated/viewer/{slug}.json"] = self.viewer_data(source)
        pages["contested-claims.md"] = self.notes_page()
        pages["_generated/cards.md"] = self.cards()
        return pages


def _month_heading(iso: str | None) -> str:
    """The chronology's rubric: the month of a dated passage, or its year when that is all we know."""
    if iso and len(iso) == 4:
        return f"{iso}, day and month not given"
    return display_date(iso[:7] if iso else iso)


def _shorten(text: str, limit: int = 160) -> str:
    flat = visible(re.sub(r"[ \t\r\n]+", " ", text).strip())  # other white space is shown by code point
    return flat if len(flat) <= limit else flat[:limit] + f" … ({len(flat)} characters)"


ROWS_PER_REASON = 60


def _capped(rows: list[tuple]) -> tuple[list[tuple], dict[str, int]]:
    """At most ROWS_PER_REASON rows per reason (a scraped blob can repeat itself thousands of times)."""
    shown: list[tuple] = []
    seen: Counter = Counter()
    left_out: Counter = Counter()
    for row in rows:
        key = row[2].split(" of passage ")[0]  # "repeat of passage p-…" rows count as one reason
        seen[key] += 1
        if seen[key] <= ROWS_PER_REASON:
            shown.append(row)
        else:
            left_out[key] += 1
    return shown, dict(left_out)


def _grouped_removals(source: Source) -> list[tuple[int, int, str, str, int]]:
    """Consecutive removals with the same reason and text become one row with a count."""
    rows: list[list] = []
    for removal in sorted(source.removals, key=lambda r: (r.first_line, r.last_line)):
        if rows and rows[-1][2] == removal.reason and rows[-1][3] == removal.text and removal.first_line <= rows[-1][1] + 2:
            rows[-1][1] = removal.last_line
            rows[-1][4] += 1
        else:
            rows.append([removal.first_line, removal.last_line, removal.reason, removal.text, 1])
    return [tuple(row) for row in rows]
