"""`syria-book add FILE`: an editor's check of a new seed before it joins the book.

The file is read the way the pipeline reads seeds (a regular file, never through a link, see
seeds.py), then converted together with the existing seeds in a temporary copy of seeds/, so that
slug conflicts, duplicates and corroboration behave as they will in the book. What the editor sees:
how the file was read, its passages and how many are dated, the periods and themes they went to,
the problems found, and the names it uses that the glossary does not cover. Then, unless --check
was given, the file is copied into seeds/ as it is, byte for byte.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .gaps import Gap, find_gaps
from .model import Book, Passage, Problem, Source
from .pipeline import Paths, build_book
from .seeds import SeedReadError, list_seeds, read_seed_bytes
from .write import write_if_changed


class AddError(Exception):
    """The file cannot join the book (unreadable, refused, or a seed of that name exists)."""


@dataclass
class Trial:
    """The new seed as the book would hold it."""

    name: str
    source: Source | None  # None when the pipeline read nothing from it
    passages: list[Passage]
    problems: list[Problem]
    skipped: str  # why it contributes nothing ("" when it does)
    gaps: list[Gap]


def read_candidate(path: Path) -> bytes:
    """The file's bytes, read as the pipeline reads a seed: refused if it is not a regular file
    with a seed suffix, or if it is a link."""
    listing = list_seeds(path.parent)
    refused = next((problem for problem in listing.refused if problem.file == path.name), None)
    if refused is not None:
        raise AddError(f"{path}: {refused.reason}")
    seed = next((seed for seed in listing.files if seed.name == path.name), None)
    if seed is None:
        raise AddError(f"{path}: not a seed file (a .txt, .md or feed file that exists)")
    try:
        return read_seed_bytes(path.parent, seed)
    except SeedReadError as error:
        raise AddError(f"{path}: {error}") from error


def copy_seeds(seeds: Path, into: Path) -> None:
    """The existing seeds, read safely, into a temporary folder."""
    into.mkdir()
    for seed in list_seeds(seeds).files:
        try:
            (into / seed.os_name).write_bytes(read_seed_bytes(seeds, seed))
        except SeedReadError:
            continue  # the book reports it; it does not change the new seed's summary


def try_seed(root: Path, name: str, data: bytes) -> Trial:
    paths = Paths.for_project(root)
    with tempfile.TemporaryDirectory(prefix="syria-book-add-") as temporary:
        seeds = Path(temporary) / "seeds"
        copy_seeds(paths.seeds, seeds)
        (seeds / name).write_bytes(data)
        book = build_book(Paths(seeds=seeds, data=paths.data))
    return trial_of(book, name)


def trial_of(book: Book, name: str) -> Trial:
    source = next((source for source in book.sources if source.file == name), None)
    passages = book.passages_of(name) if source else []
    problems = [problem for problem in book.problems if problem.file == name]
    gaps = find_gaps(passages, book.glossary, [source] if source else [])
    return Trial(name, source, passages, problems, book.skipped.get(name, ""), gaps)


def summary(trial: Trial) -> list[str]:
    """The lines printed for the editor."""
    lines = [f"{trial.name}"]
    if trial.source is not None:
        lines.append(f"  read as: {trial.source.kind} ({trial.source.line_count} lines), title: {trial.source.title}")
    count = len(trial.passages)
    dated = sum(1 for passage in trial.passages if passage.date)
    lines.append(f"  passages: {count}, dated: {dated} ({dated / count:.0%})" if count else "  passages: 0")
    if trial.skipped:
        lines.append(f"  contributes nothing: {trial.skipped}")
    periods = Counter(passage.period for passage in trial.passages)
    themes = Counter(theme for passage in trial.passages for theme in passage.themes)
    lines.append("  periods: " + (", ".join(f"{slug} {n}" for slug, n in sorted(periods.items())) or "none"))
    lines.append("  themes: " + (", ".join(f"{slug} {n}" for slug, n in themes.most_common()) or "none"))
    lines.append(f"  problems: {len(trial.problems)}")
    lines += [f"    {problem}" for problem in trial.problems]
    lines.append(f"  glossary gaps (names used twice or more without an entry): {len(trial.gaps)}")
    lines += [f"  {gap}" for gap in trial.gaps]
    return lines


def add_seed(root: Path, path: Path, check_only: bool) -> int:
    """`syria-book add`: print the summary; copy the file into seeds/ unless check_only."""
    data = read_candidate(path)
    target = Paths.for_project(root).seeds / path.name
    if target.exists() or target.is_symlink():
        raise AddError(f"seeds/{path.name} exists already: rename the new file or remove the old seed first")
    trial = try_seed(root, path.name, data)
    print("\n".join(summary(trial)))
    if trial.skipped:
        print(f"not added: the book would take nothing from {path.name}")
        return 1
    if check_only:
        print("checked only (--check): nothing copied")
        return 0
    write_if_changed(target, data)
    print(f"added as seeds/{path.name}: run `make html` to build the book with it")
    return 0
