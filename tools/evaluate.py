"""Measuring the book against hand labels: does it find, date, place, theme and link what a
careful reader would?

Tuning the dating and classifying rules by eye trades one mistake for another unseen; labelled
documents turn each change into numbers. The sets are each under
`evaluation/labels/<set>/` (how labels are written: the README.md beside them):

- `tune` to `tune12`, `holdout`, `holdout2`, `holdout6` and `holdout7`: documents the code may be
  tuned on, and the theme model is trained on (with `seeds`); `--details` lists every disagreement;
- `holdout3`, `holdout4`, `holdout5`, `holdout8` and `holdout9`: documents never tuned or trained
  on (each written after the last tuning), so their figures say whether a change generalises;
  their disagreements are never printed, only the figures, for each and for all together;
- `seeds`: the project's own seeds (labels may be missing or unfinished: what is there counts).

A set is converted exactly as the book is (`tools.pipeline.build_book`, without rendering pages
or running Sphinx), with the set's documents as its seeds. Each labelled unit is
found by its quote in a passage of its document, then compared with that passage.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .annotations import comparable_text
from .book import BookError
from .editorial import EditorialError
from .evaluate_labels import LabelledUnit, load_labels
from .link import Mention
from .model import Book, Passage
from .pipeline import Paths, build_book
from .textmatch import fold, fold_exact

SETS = ("tune", "tune2", "tune3", "tune4", "tune5", "tune6", "tune7", "tune8", "tune9", "tune10", "tune11", "tune12", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8", "holdout9", "seeds")
# What the theme model learns from (train_themes.py): every set the code has been tuned on. The
# first two holdout sets joined them when the model was first trained (2 December 2026), their
# disagreements having been read before; tune4 to tune11 were written for it later. holdout6 and
# holdout7, the two weakest unseen sets, joined them on 3 December 2026 (evening), when holdout9
# was written to take their place; the unseen figures before and after are in the README.
TRAINING_SETS = ("tune", "tune2", "tune3", "tune4", "tune5", "tune6", "tune7", "tune8", "tune9", "tune10", "tune11", "tune12", "holdout", "holdout2", "holdout6", "holdout7", "seeds")
UNSEEN_SETS = ("holdout3", "holdout4", "holdout5", "holdout8", "holdout9")  # never tuned or trained on: figures only, no disagreements shown
COMBINED = UNSEEN_SETS  # the unseen documents, scored together
OPENING_WORDS = 5  # a quote cut by a split is looked for by its first words

# How a book date compares with a labelled one; every matched unit falls in exactly one class.
DATE_CLASSES = {
    "exact": "same date, same precision (or both undated)",
    "compatible": "one contains the other (2015-11 and 2015-11-24)",
    "wrong": "both dated, incompatible",
    "undated-in-book": "undated in the book, dated in the labels",
    "dated-in-book-only": "dated in the book, undated in the labels",
}
LINKED, NOT_LINKED, NOT_IN_PASSAGE = "linked", "not linked", "not in passage"
THEMES_MISSED, THEMES_EXTRA = "themes: labelled, not in book", "themes: in book, not labelled"
# The order of --details: that of the table.
MEASURES = (
    "unmatched",
    "period",
    *(f"date: {kind}" for kind in DATE_CLASSES),
    THEMES_MISSED,
    THEMES_EXTRA,
    f"names: {NOT_LINKED}",
    f"names: {NOT_IN_PASSAGE}",
)
_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass(frozen=True)
class Disagreement:
    """A unit the book got wrong on one measure, for `--details`."""

    measure: str
    unit: LabelledUnit
    labelled: str
    in_book: str
    where: str  # the book passage: "file.txt:12-14", or "" when none was found


@dataclass
class Tally:
    """Counts for one set (or several added together); every figure is a ratio of two of them."""

    labelled: int = 0
    matched: int = 0
    period_right: int = 0
    dates: Counter = field(default_factory=Counter)  # date class -> units
    dates_by_basis: dict[str, Counter] = field(default_factory=dict)  # date_basis -> date class -> units
    themes_labelled: int = 0
    themes_labelled_found: int = 0
    themes_in_book: int = 0
    themes_in_book_labelled: int = 0
    names_labelled: int = 0
    names: Counter = field(default_factory=Counter)  # LINKED / NOT_LINKED / NOT_IN_PASSAGE -> names
    passages: int = 0
    passages_undated: int = 0

    def __add__(self, other: "Tally") -> "Tally":
        total = Tally()
        for name, mine in vars(self).items():
            theirs = getattr(other, name)
            if isinstance(mine, dict) and not isinstance(mine, Counter):
                merged = {basis: Counter(classes) for basis, classes in mine.items()}
                for basis, classes in theirs.items():
                    merged.setdefault(basis, Counter()).update(classes)
                setattr(total, name, merged)
            else:
                setattr(total, name, mine + theirs)
        return total


@dataclass
class SetResult:
    name: str
    tally: Tally
    disagreements: list[Disagreement] = field(default_factory=list)


# --- the book of a set --------------------------------------------------------------------------


@dataclass
class SetBook:
    """A set's documents converted as the book converts seeds (its mentions are the book's own)."""

    passages: list[Passage]
    book: Book

    def passages_of(self, document: str) -> list[Passage]:
        return [passage for passage in self.passages if passage.source == document]


def convert(documents: Path, data: Path) -> SetBook:
    """The book made from `documents` as seeds with the editorial data of `data`, by the pipeline
    the build runs (pipeline.build_book): the pages are not rendered, nothing is written."""
    try:
        book = build_book(Paths(seeds=documents, data=data))
    except EditorialError as error:
        raise BookError(str(error)) from error
    return SetBook(book.passages, book)


# --- comparing one unit with its passage --------------------------------------------------------


def find_passage(quote: str, passages: list[Passage]) -> Passage | None:
    """The first passage containing the whole quote; else, when a split cut the quote, the first
    containing its opening words; else None (the unit is unmatched)."""
    texts = [(passage, comparable_text(passage.text)) for passage in passages]
    wanted = comparable_text(quote)
    opening = " ".join(wanted.split()[:OPENING_WORDS])
    for words in (wanted, opening):
        for passage, text in texts:
            if words and words in text:
                return passage
    return None


def date_class(labelled: str | None, in_book: str | None) -> str:
    """Which of DATE_CLASSES the book's date falls in, against the labelled one."""
    if labelled == in_book:
        return "exact"
    if labelled is None:
        return "dated-in-book-only"
    if in_book is None:
        return "undated-in-book"
    if labelled.startswith(in_book + "-") or in_book.startswith(labelled + "-"):
        return "compatible"
    return "wrong"


def first_occurrence(name: str, text: str) -> tuple[int, int] | None:
    """Where a name first occurs in the text: case, white space, typographic apostrophes and
    hyphens ignored (textmatch.fold keeps offsets, so spans are the text's).

    As whole words if it occurs so ("IS", not the end of "this"), else at the start of a word: a
    label may give "F-16" where the text says "F-16s". As written first, so that the acronym "IS"
    is not found in the verb "is".
    """
    name = unicodedata.normalize("NFC", name)
    for view in (fold_exact, fold):
        words = view(name).split()
        if not words:
            return None
        name_pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, words))
        viewed = view(text)
        found = re.search(name_pattern + r"(?!\w)", viewed) or re.search(name_pattern, viewed)
        if found:
            return found.start(), found.end()
    return None


def name_coverage(name: str, text: str, mentions: list[Mention]) -> str:
    """LINKED when the name's first occurrence overlaps a glossary mention, NOT_LINKED when it
    overlaps none, NOT_IN_PASSAGE when the passage does not hold it (a split or a wrong match)."""
    span = first_occurrence(name, text)
    if span is None:
        return NOT_IN_PASSAGE
    start, end = span
    return LINKED if any(mention.start < end and start < mention.end for mention in mentions) else NOT_LINKED


def _where(passage: Passage) -> str:
    first, last = passage.lines
    return f"{passage.source}:{first}" + (f"-{last}" if last != first else "")


def _shown(value) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(value) or "(none)"
    return "(none)" if value is None else str(value)


def _compare_period_and_date(unit: LabelledUnit, passage: Passage, tally: Tally) -> list[tuple[str, object, object]]:
    found = []
    if passage.period == unit.period:
        tally.period_right += 1
    else:
        found.append(("period", unit.period, passage.period))
    agreement = date_class(unit.date, passage.date)
    tally.dates[agreement] += 1
    tally.dates_by_basis.setdefault(unit.date_basis, Counter())[agreement] += 1
    if agreement != "exact":
        found.append((f"date: {agreement}", unit.date, passage.date))
    return found


def _compare_themes(unit: LabelledUnit, passage: Passage, tally: Tally) -> list[tuple[str, object, object]]:
    labelled, in_book = set(unit.themes), set(passage.themes)
    tally.themes_labelled += len(labelled)
    tally.themes_labelled_found += len(labelled & in_book)
    tally.themes_in_book += len(in_book)
    tally.themes_in_book_labelled += len(in_book & labelled)
    found = []
    if labelled - in_book:
        found.append((THEMES_MISSED, sorted(labelled - in_book), sorted(in_book)))
    if in_book - labelled:
        found.append((THEMES_EXTRA, sorted(labelled), sorted(in_book - labelled)))
    return found


def _compare_names(unit: LabelledUnit, passage: Passage, mentions: list[Mention], tally: Tally) -> list[tuple[str, object, object]]:
    """`mentions` are the book's own for this passage; names only, not events told in other words."""
    mentions = [mention for mention in mentions if not mention.by_pattern]
    coverage = {name: name_coverage(name, passage.text, mentions) for name in unit.names}
    tally.names_labelled += len(coverage)
    tally.names.update(coverage.values())
    found = []
    for kind in (NOT_LINKED, NOT_IN_PASSAGE):
        if missed := [name for name, covered in coverage.items() if covered == kind]:
            found.append((f"names: {kind}", missed, f"glossary terms linked: {_shown(passage.terms)}"))
    return found


def score_unit(unit: LabelledUnit, passage: Passage, mentions: list[Mention], tally: Tally) -> list[Disagreement]:
    """Add one matched unit to the tally; return where the book disagrees with its label."""
    tally.matched += 1
    found = _compare_period_and_date(unit, passage, tally) + _compare_themes(unit, passage, tally)
    found += _compare_names(unit, passage, mentions, tally)
    return [Disagreement(measure, unit, _shown(labelled), _shown(in_book), _where(passage)) for measure, labelled, in_book in found]


def score_set(name: str, units: list[LabelledUnit], book: SetBook) -> SetResult:
    """Every unit of a set against its book; unmatched units are disagreements of their own."""
    result = SetResult(name, Tally(labelled=len(units)))
    result.tally.passages = len(book.passages)
    result.tally.passages_undated = sum(1 for passage in book.passages if not passage.date)
    by_document: dict[str, list[Passage]] = {}
    for unit in units:
        passages = by_document.setdefault(unit.document, book.passages_of(unit.document))
        passage = find_passage(unit.quote, passages)
        if passage is None:
            result.disagreements.append(Disagreement("unmatched", unit, "", "", ""))
        else:
            result.disagreements += score_unit(unit, passage, book.book.mentions.get(passage.id, []), result.tally)
    return result


# --- the sets of a project ----------------------------------------------------------------------


def documents_folder(root: Path, name: str) -> Path:
    """Where a set's documents are: the project's own seeds for `seeds`."""
    return root / "seeds" if name == "seeds" else root / "evaluation" / "documents" / name


def missing_documents(units: list[LabelledUnit], folder: Path) -> list[str]:
    """Documents that labels name and the folder lacks: their units can only be unmatched."""
    present = {path.name for path in folder.iterdir()} if folder.is_dir() else set()
    return sorted({unit.document for unit in units} - present)


def evaluate(root: Path, names: tuple[str, ...] = SETS) -> tuple[list[SetResult], list[str]]:
    """The result of each named set that has labels (plus the unseen sets together when several were scored),
    and notes: sets not scored, labels skipped, labelled documents missing."""
    results, notes = [], []
    for name in names:
        units, problems = load_labels(root / "evaluation" / "labels" / name, name)
        notes += [f"{name}: {problem}" for problem in problems]
        if not units:
            notes.append(f"{name}: no labels yet in evaluation/labels/{name}/: not scored")
            continue
        folder = documents_folder(root, name)
        notes += [f"{name}: labelled document {document} is not in {folder.relative_to(root)}/" for document in missing_documents(units, folder)]
        results.append(score_set(name, units, convert(folder, root / "docs" / "data")))
    scored = {result.name: result for result in results}
    if sum(name in scored for name in COMBINED) > 1:
        results.append(SetResult("+".join(name for name in COMBINED if name in scored), sum((scored[name].tally for name in COMBINED if name in scored), Tally())))
    return results, notes


# --- figures --------------------------------------------------------------------------------


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def figures(tally: Tally) -> dict:
    """The figures of a tally: percentages (None when there is nothing to divide by) and counts."""
    matched, names = tally.matched, tally.names_labelled
    return {
        "units": {"labelled": tally.labelled, "matched": tally.matched, "unmatched": tally.labelled - tally.matched},
        "period_right": tally.period_right,
        "period_right_pct": _share(tally.period_right, matched),
        "date_pct": {kind: _share(tally.dates[kind], matched) for kind in DATE_CLASSES},
        "date_counts": {kind: tally.dates[kind] for kind in DATE_CLASSES},
        "date_counts_by_basis": {
            basis: {kind: classes[kind] for kind in DATE_CLASSES} for basis, classes in sorted(tally.dates_by_basis.items())
        },
        "theme_recall_pct": _share(tally.themes_labelled_found, tally.themes_labelled),
        "theme_precision_pct": _share(tally.themes_in_book_labelled, tally.themes_in_book),
        "theme_counts": {
            "labelled": tally.themes_labelled,
            "labelled_found": tally.themes_labelled_found,
            "in_book": tally.themes_in_book,
            "in_book_labelled": tally.themes_in_book_labelled,
        },
        "names_labelled": names,
        "names_linked_pct": _share(tally.names[LINKED], names),
        "names_not_in_passage_pct": _share(tally.names[NOT_IN_PASSAGE], names),
        "names_counts": {kind: tally.names[kind] for kind in (LINKED, NOT_LINKED, NOT_IN_PASSAGE)},
        "passages": tally.passages,
        "passages_undated": tally.passages_undated,
        "undated_passages_pct": _share(tally.passages_undated, tally.passages),
    }
