"""`syria-book train-themes`: fit the theme model on the hand-labelled passages of the sets the
code may be tuned on, and write it to docs/data/themes-model.json.

Each labelled unit is found in its set's book as `evaluate` finds it, and becomes one example:
the passage as the model reads it (theme_model.model_text), the themes the lexicons give it and
the themes its labeller gave. The unseen sets (evaluate.UNSEEN_SETS) are never read here, so their
figures keep saying how the model does on text it has not seen.
"""

from __future__ import annotations

from pathlib import Path

import json

from .classify import classify, lexicon_themes
from .evaluate import TRAINING_SETS, UNSEEN_SETS, SetBook, convert, documents_folder, find_passage, score_set
from .evaluate_labels import load_labels
from .pipeline import entry_signs
from .theme_model import MODEL_FILE, Example, ThemeModel, dumps, fit, model_text


def training_examples(root: Path, sets: tuple[str, ...] = TRAINING_SETS) -> tuple[list[Example], dict[str, int], list[str]]:
    """The examples of `sets`, how many each set gave, and notes on units not found."""
    if unseen := sorted(set(sets) & set(UNSEEN_SETS)):
        raise ValueError(f"the unseen sets are never trained on: {', '.join(unseen)}")
    examples: list[Example] = []
    counts: dict[str, int] = {}
    notes: list[str] = []
    for name in sets:
        units, problems = load_labels(root / "evaluation" / "labels" / name, name)
        notes += [f"{name}: {problem}" for problem in problems]
        book = convert(documents_folder(root, name), root / "docs" / "data").book
        entry_terms, entry_themes = entry_signs(book)
        by_lexicon = dict(zip((passage.id for passage in book.passages), lexicon_themes(book.passages, book.chapters, entry_themes)))
        counts[name] = 0
        for unit in units:
            passage = find_passage(unit.quote, book.passages_of(unit.document))
            if passage is None:
                notes.append(f"{name}: {unit.document}: unit not found in the book: {unit.quote[:60]!r}")
                continue
            examples.append(Example(model_text(passage.text, entry_terms.get(passage.id, [])), frozenset(by_lexicon[passage.id]), frozenset(unit.themes)))
            counts[name] += 1
    return examples, counts, notes


def train(root: Path, sets: tuple[str, ...] = TRAINING_SETS) -> tuple[Path, str, list[str]]:
    """Fit the model and write it; returns its path, a one-line summary and the notes."""
    from .editorial import load_chapters

    examples, counts, notes = training_examples(root, sets)
    themes = [theme.slug for theme in load_chapters(root / "docs" / "data" / "chapters.yaml").themes]
    about = {
        "what": "themes learnt from hand labels (tools/theme_model.py); written by `syria-book train-themes`, do not edit",
        "examples": len(examples),
        "trained_on": counts,
    }
    content = fit(examples, themes, about)
    path = root / "docs" / "data" / MODEL_FILE
    text = dumps(content)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    summary = f"{path.relative_to(root)}: {len(themes)} themes, {len(content['terms']):,} words and pairs, from {len(examples)} labelled passages ({', '.join(f'{name} {count}' for name, count in counts.items())})"
    return path, summary, notes


def cross_check(root: Path, sets: tuple[str, ...] = TRAINING_SETS, held_out: tuple[str, ...] | None = None) -> list[tuple[str, int, int, int, int]]:
    """How the model does on text it was not fitted on, without the unseen sets: each set of
    `held_out` (the training sets but the seeds, by default) is left out in turn, the model is
    fitted on the others with the settings of theme_model.SETTINGS, and the left-out set's book is
    classified with it as the book classifies (neighbours, threshold, fallback) and scored as
    `evaluate` scores it. Returns, per left-out set: (name, labels, labels found, themes given,
    themes given that were labelled). The settings in SETTINGS were chosen by this check."""
    from .editorial import load_chapters

    themes = [theme.slug for theme in load_chapters(root / "docs" / "data" / "chapters.yaml").themes]
    examples = {name: training_examples(root, (name,))[0] for name in sets}
    results = []
    for name in held_out if held_out is not None else tuple(name for name in sets if name != "seeds"):
        content = fit([example for other in sets if other != name for example in examples[other]], themes, {"what": f"fitted without {name}"})
        model = ThemeModel.from_data(json.loads(dumps(content)), f"the model fitted without {name}")
        book = convert(documents_folder(root, name), root / "docs" / "data").book
        entry_terms, entry_themes = entry_signs(book)
        classify(book.passages, book.chapters, entry_themes, model, entry_terms)
        units, _ = load_labels(root / "evaluation" / "labels" / name, name)
        tally = score_set(name, units, SetBook(book.passages, book)).tally
        results.append((name, tally.themes_labelled, tally.themes_labelled_found, tally.themes_in_book, tally.themes_in_book_labelled))
    return results
