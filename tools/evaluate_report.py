"""How `syria-book evaluate` shows its figures: a compact table, the disagreements, JSON.

Kept apart from tools.evaluate, which scores: this module only formats what it is given, and is
the one place that decides what of the holdout set may be shown (its figures, never its units).
"""

from __future__ import annotations

import json

from .evaluate import DATE_CLASSES, MEASURES, TRAINING_SETS, UNSEEN_SETS, Disagreement, SetResult, Tally, figures

TABLE_ROWS = (
    "units matched",
    "period right",
    *(f"date {kind}" for kind in DATE_CLASSES),
    "theme recall",
    "theme precision",
    "names linked",
    "names not in passage",
    "undated passages (all)",
)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}%"


def _column(tally: Tally) -> list[str]:
    """A set's figures, in the order of TABLE_ROWS."""
    shown = figures(tally)
    return [
        f"{tally.matched}/{tally.labelled}",
        _pct(shown["period_right_pct"]),
        *(_pct(shown["date_pct"][kind]) for kind in DATE_CLASSES),
        _pct(shown["theme_recall_pct"]),
        _pct(shown["theme_precision_pct"]),
        _pct(shown["names_linked_pct"]),
        _pct(shown["names_not_in_passage_pct"]),
        f"{_pct(shown['undated_passages_pct'])} of {tally.passages}",
    ]


def _by_basis(results: list[SetResult]) -> list[str]:
    """How each kind of labelled date fares: the date classes counted by the label's date_basis."""
    lines = ["date classes by labelled basis (" + " / ".join(DATE_CLASSES) + "):"]
    name_width = max(len(result.name) for result in results)
    for result in results:
        for basis, classes in sorted(result.tally.dates_by_basis.items()):
            counts = " / ".join(str(classes[kind]) for kind in DATE_CLASSES)
            lines.append(f"  {result.name:<{name_width}}  {basis:<9} {sum(classes.values()):>4} units: {counts}")
    return lines


def table(results: list[SetResult]) -> str:
    """The figures, one column per set, then the date classes by basis."""
    columns = [[result.name, *_column(result.tally)] for result in results]
    labels = ["", *TABLE_ROWS]
    label_width = max(map(len, labels))
    widths = [max(map(len, column)) for column in columns]
    lines = [
        "  ".join([label.ljust(label_width), *(column[row].rjust(width) for column, width in zip(columns, widths))]).rstrip()
        for row, label in enumerate(labels)
    ]
    trained = [result.name for result in results if result.name in TRAINING_SETS]
    if trained:
        lines.append(f"themes of {', '.join(trained)}: in-sample (the theme model is trained on these sets); the unseen sets' figures are the measure")
    return "\n".join(lines + [""] + _by_basis(results))


def _disagreement(found: Disagreement) -> list[str]:
    """A unit as the tuner looks it up (book passage, quote), then label against book."""
    place = found.where or found.unit.document
    basis = f"  [{found.unit.date_basis}]" if found.measure.startswith("date") else ""
    lines = [f"  {place}  “{found.unit.quote}”{basis}"]
    if found.measure != "unmatched":
        lines.append(f"    label: {found.labelled} | book: {found.in_book}")
    return lines


def details(result: SetResult) -> str:
    """Every disagreement of a set, grouped by measure in the table's order, for tuning.

    Never those of a set in UNSEEN_SETS: whoever tunes the code must not see them.
    """
    if result.name in UNSEEN_SETS:
        return f"== {result.name}: disagreements not shown: this set is never tuned on =="
    groups: dict[str, list[Disagreement]] = {}
    for disagreement in result.disagreements:
        groups.setdefault(disagreement.measure, []).append(disagreement)
    lines = []
    for measure in sorted(groups, key=MEASURES.index):
        lines.append(f"== {result.name}: {measure} ({len(groups[measure])}) ==")
        for found in groups[measure]:
            lines += _disagreement(found)
    return "\n".join(lines) if lines else f"== {result.name}: no disagreement =="


def json_figures(results: list[SetResult]) -> str:
    """The figures of every set as JSON: counts and percentages, never a unit."""
    return json.dumps({result.name: figures(result.tally) for result in results}, indent=2, ensure_ascii=False) + "\n"
