"""Editorial annotations: notes attached to passages by short verbatim quotes.

A quote is matched against passage text with white space, quotation marks, apostrophes and
dashes normalised, so a quote copied from the seed still matches after cleaning.

Notes attach only where the editors meant them. A quote either names the seed it comes from
(`{source: file.txt, text: "..."}`) and attaches only to passages of that seed, or it must match
exactly one passage in the book. A seed cannot pick up a note by copying a quote: a match in an
unexpected seed and a quote that matches several passages are each reported as a warning naming
the data file, the annotation and the quote, with what to do. An annotation orphaned by an edit to
the seeds (its seed removed, renamed or edited, so that quotes match nothing) is one warning
naming the annotation, its line and each missing quote. An annotation is never dropped silently
and never stops the build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick

from .clean import visible
from .editorial import EditorialError, entry_lines, load_yaml
from .model import Passage, Problem, valid_iso

# Each kind of note and its label, in the order the register lists them.
KINDS = {"contested": "Contested", "correction": "Correction", "context": "Context", "terminology": "Terminology"}
_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "″": '"', "–": "-", "—": "-", "‐": "-", "‑": "-"})


def comparable_text(text: str) -> str:
    """Text as a quote is compared with it: runs of white space as one space, typographic
    quotation marks, apostrophes and dashes as plain ones, so that a quote copied from the seed
    as delivered (by an editor here, by a labeller in tools.evaluate) still matches after cleaning."""
    return " ".join(text.translate(_FOLD).split())


@dataclass(frozen=True)
class Quote:
    text: str
    source: str = ""  # the seed file it comes from; "" = it must match exactly one passage
    date: str = ""  # a correction's right date for this passage (ISO), when the passage's is wrong


@dataclass
class Annotation:
    id: str
    kind: str
    title: str
    note: str
    quotes: list[Quote]
    passages: list[str] = field(default_factory=list)  # ids, in the order of the quotes
    basis: list[str] = field(default_factory=list)  # what an editors' verdict rests on
    corrected_dates: dict[str, str] = field(default_factory=dict)  # passage id -> the right date (corrections)
    line: int = 0  # where it starts in annotations.yaml


class AnnotationError(EditorialError):
    """The annotations file is malformed: its message names the annotation."""


def _quote(raw, where: str) -> Quote:
    if isinstance(raw, str) and raw.strip():
        return Quote(raw)
    if isinstance(raw, dict) and isinstance(raw.get("text"), str) and raw["text"].strip():
        date = str(raw.get("date") or "")
        if date and not valid_iso(date):
            raise AnnotationError(f"{where}: '{date}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        return Quote(raw["text"], str(raw.get("source") or ""), date)
    raise AnnotationError(f"{where}: a quote must be text or a mapping with 'text' (and 'source')")


def load_annotations(path: Path) -> list[Annotation]:
    if not path.exists():
        return []
    annotations, seen, lines = [], set(), entry_lines(path, "id")
    for index, raw in enumerate(load_yaml(path).get("annotations") or []):
        where = f"{path}: annotations[{index}]"
        if not isinstance(raw, dict) or not raw.get("id"):
            raise AnnotationError(f"{where}: missing 'id'")
        where = f"{path}: annotation '{raw['id']}'"
        if raw["id"] in seen:
            raise AnnotationError(f"{where}: id used twice")
        seen.add(raw["id"])
        if raw.get("kind") not in KINDS:
            raise AnnotationError(f"{where}: kind must be one of {', '.join(KINDS)}")
        if not raw.get("quotes") or not raw.get("note"):
            raise AnnotationError(f"{where}: needs a 'note' and at least one quote")
        annotations.append(
            Annotation(
                str(raw["id"]),
                raw["kind"],
                " ".join(str(raw.get("title", raw["id"])).split()),
                " ".join(str(raw["note"]).split()),
                [_quote(quote, where) for quote in raw["quotes"]],
                basis=[" ".join(str(item).split()) for item in raw.get("basis") or []],
                line=lines.get(str(raw["id"]), 0),
            )
        )
    return annotations


DATA_FILE = "annotations.yaml"  # in docs/data: where the editors fix a problem reported here


def _shown(quote: Quote) -> str:
    return "“" + visible(quote.text if len(quote.text) <= 120 else quote.text[:117] + "…") + "”"


def _problem(annotation: Annotation, quote: Quote, what: str) -> Problem:
    return Problem(DATA_FILE, annotation.line, f"annotation '{annotation.id}': the quote {_shown(quote)} {what}", "warning", "docs/data")


def _orphaned(annotation: Annotation, missing: list[tuple[Quote, str]]) -> Problem:
    """One warning for an annotation whose quotes match nothing: each quote, where it was looked
    for, and what to do."""
    count = len(annotation.quotes)
    listed = "; ".join(f"{_shown(quote)} ({why})" for quote, why in missing)
    if len(missing) == count:
        head = f" is shown on no page: {'its quote matches no passage' if count == 1 else f'none of its {count} quotes matches a passage'}"
        advice = "remove the annotation if its seed was removed; if the seed was edited or renamed, correct the quote or its 'source:'"
    else:
        head = f": {len(missing)} of its {count} quotes {'matches' if len(missing) == 1 else 'match'} no passage"
        advice = "correct each quote (or its 'source:' if the seed was renamed), or remove it if its seed was removed"
    return Problem(DATA_FILE, annotation.line, f"annotation '{annotation.id}'{head}: {listed}. To fix: {advice}", "warning", "docs/data")


def _not_found(quote: Quote, seeds: set[str] | None) -> str:
    """Where a quote that matches nothing was looked for."""
    if not quote.source:
        return "found in no seed"
    if seeds is not None and quote.source not in seeds:
        return f"it names {visible(quote.source)}, which is not in seeds/"
    return f"not found in {visible(quote.source)}"


def _occurrences(quotes: set[str], passages: list[Passage]) -> dict[str, list[tuple[str, str]]]:
    """(passage id, source) of every passage each normalised quote occurs in, in book order.

    One Aho-Corasick pass over each passage finds all quotes at once: linear in the book's text.
    """
    automaton = ahocorasick.Automaton()
    for quote in quotes:
        if quote:
            automaton.add_word(quote, quote)
    found: dict[str, list[tuple[str, str]]] = {}
    if len(automaton) == 0:
        return found
    automaton.make_automaton()
    for passage in passages:
        for quote in sorted({quote for _, quote in automaton.iter(comparable_text(passage.text))}):
            found.setdefault(quote, []).append((passage.id, passage.source))
    return found


def attach(annotations: list[Annotation], passages: list[Passage], seeds: set[str] | None = None) -> tuple[dict[str, list[Annotation]], list[Problem]]:
    """Find each quote's passage; return the annotations of each passage id and the problems.
    `seeds` are the seed files of the book, to tell a quote whose seed is gone."""
    occurrences = _occurrences({comparable_text(quote.text) for annotation in annotations for quote in annotation.quotes}, passages)
    by_passage: dict[str, list[Annotation]] = {}
    problems: list[Problem] = []
    for annotation in annotations:
        missing: list[tuple[Quote, str]] = []
        for quote in annotation.quotes:
            found = occurrences.get(comparable_text(quote.text), [])
            if quote.source:
                mine = [pid for pid, source in found if source == quote.source]
                strangers = sorted({source for _, source in found if source != quote.source})
                if strangers:
                    problems.append(_problem(annotation, quote, f"also matches text in {', '.join(map(visible, strangers))}, which it does not name: not attached there"))
                if not mine:
                    missing.append((quote, _not_found(quote, seeds)))
            elif len(found) == 1:
                mine = [found[0][0]]
            elif not found:
                mine = []
                missing.append((quote, _not_found(quote, seeds)))
            else:
                mine = []
                sources = sorted({source for _, source in found})
                problems.append(
                    _problem(annotation, quote, f"matches {len(found)} passages (in {', '.join(map(visible, sources))}): attached to none; name the seed it quotes with 'source:'")
                )
            for pid in mine:
                if pid not in annotation.passages:
                    annotation.passages.append(pid)
                if quote.date and annotation.kind == "correction":
                    annotation.corrected_dates[pid] = quote.date
        if missing:
            problems.append(_orphaned(annotation, missing))
        for pid in annotation.passages:
            by_passage.setdefault(pid, []).append(annotation)
    return by_passage, problems
