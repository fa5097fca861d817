"""The conversion report, an appendix for editors: what the conversion set aside from each seed and
why, every problem found, and the files that contribute nothing. With the passages, these entries
account for every character of every seed. A report of more rows than a page holds (REPORT_ROWS)
gives each source's rows a page of its own (`conversion-report/<source slug>`, orphans linked from
the report: the printed edition prints a summary)."""

from __future__ import annotations

import re
from collections import Counter

from .. import myst
from ..clean import visible
from ..model import Source
from .common import PageContext


def conversion_report(context: PageContext, split: bool = False) -> str:
    """The full report on the web; in print, a summary pointing to it."""
    head = [myst.label("conversion-report"), "# Conversion report", ""]
    web = myst.directive("only", full_report(context, split), "html", fence="::::::")
    return "\n".join(head + [web, "", myst.directive("only", summary(context), "latex", fence="::::::"), ""])


def summary(context: PageContext) -> str:
    """Per source: how it was read, its lines, passages, removals and problems; the rest on the web."""
    out = [
        "What the conversion set aside from each seed, and why (page chrome, export artefacts, "
        "repeated text, metadata moved out of the running text, invisible characters), is listed "
        "line by line in the web edition, {web-address}`conversion-report.html`, and in full in "
        "its download corpus/removals.jsonl. Together with the passages, those entries account "
        "for every character of every seed. In short:",
        "",
    ]
    for source in context.book.sources:
        view = context.views[source.file]
        kind = myst.text(source.metadata.get("format", source.kind).replace("-", " "))
        counts = [(source.line_count, "line"), (len(context.book.passages_of(source.file)), "passage"), (len(source.removals), "removal"), (len(source.problems), "problem")]
        said = ", ".join(f"{count} {noun}{'s' if count != 1 else ''}" for count, noun in counts)
        out.append(f"- *{myst.text(view.title)}*, read as {kind}: {said}.")
    skipped = [name for name in context.book.skipped if not any(source.file == name for source in context.book.sources)]
    if skipped:
        out += ["", f"{len(skipped)} file{'s' if len(skipped) != 1 else ''} of the seeds folder contribute nothing; the web edition says why."]
    return "\n".join(out)


REPORT_ROWS = 1500  # a report of more rows than this gives each source a page of its own
FOLDER = "conversion-report"


def full_report(context: PageContext, split: bool = False) -> str:
    book = context.book
    out = []
    out.append(
        "What the conversion set aside from each seed, and why: page chrome, export artefacts, "
        "repeated text, metadata moved out of the running text, and invisible characters. "
        "Together with the passages, these entries account for every character of every seed. "
        "Runs of identical removals on consecutive lines are shown as one row; a source with very "
        f"many removals of one kind shows the first {ROWS_PER_REASON} here. Every removal, in full, is in the "
        "download corpus/removals.jsonl."
    )
    out.append("")
    skipped = [(name, why) for name, why in sorted(book.skipped.items()) if not any(source.file == name for source in book.sources)]
    if skipped:
        out += ["Files in the seeds folder that contribute nothing, and why:", ""]
        out += [f"- {myst.text(visible(name))}: {myst.text(why)}" for name, why in skipped]
        out.append("")
    editorial = [problem for problem in book.problems if problem.folder != "seeds"]
    if editorial:
        out += ["Problems found in the editorial data:", ""]
        out += [f"- {myst.text(str(problem))}" for problem in editorial]
        out.append("")
    if split:
        out += ["Each source's removals are on a page of their own:", ""]
        for source in book.sources:
            view = context.views[source.file]
            out.append(f"- {{doc}}`{myst.role_safe(visible(source.file))} <{FOLDER}/{view.slug}>`: {len(source.removals)} removals, {len(source.problems)} problems")
        return "\n".join(out + [""])
    for source in book.sources:
        out += source_report(context, source)
    return "\n".join(out)


def source_report(context: PageContext, source: Source, heading: str = "rubric") -> list[str]:
    book, view, out = context.book, context.views[source.file], []
    passages = book.passages_of(source.file)
    title = myst.text(f"{visible(source.file)} — {view.title}")
    out += [myst.directive("rubric", "", title) if heading == "rubric" else f"# {title}", ""]
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
    return out


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


def pages(context: PageContext) -> dict[str, str]:
    rows = sum(len(_capped(_grouped_removals(source))[0]) for source in context.book.sources)
    if rows <= REPORT_ROWS:
        return {"conversion-report.md": conversion_report(context)}
    found = {"conversion-report.md": conversion_report(context, split=True)}
    for source in context.book.sources:
        page = ["---", "orphan: true", "---", ""] + source_report(context, source, heading="title")
        page += ["", "Back to the {ref}`conversion report <conversion-report>`.", ""]
        found[f"{FOLDER}/{context.views[source.file].slug}.md"] = "\n".join(page)
    return found
