"""The whole conversion, stage by stage: seeds and editorial data in, a Book out.

seeds --decode--> lines --normalise--> --read--> Source --clean--> --split--> Passages
      --date--> --classify--> --link--> Book (rendered to MyST by render.py)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from . import clean, dating, split
from .classify import classify
from .decode import decode_seed
from .editorial import Chapters, load_chapters
from .model import Passage, Problem, Source
from .readers import read_source

SEED_SUFFIXES = (".txt", ".md")


@dataclass
class Book:
    sources: list[Source]
    passages: list[Passage]
    chapters: Chapters
    problems: list[Problem] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # file -> why it contributes nothing
    glossary: object | None = None
    extras: dict = field(default_factory=dict)  # later stages' results (annotations, ...)

    def passages_of(self, file: str) -> list[Passage]:
        return [passage for passage in self.passages if passage.source == file]


@dataclass(frozen=True)
class Paths:
    seeds: Path
    data: Path

    @classmethod
    def for_project(cls, root: Path) -> "Paths":
        return cls(seeds=root / "seeds", data=root / "docs" / "data")


def seed_files(folder: Path) -> list[Path]:
    """Every *.txt and *.md directly in the seeds folder, in name order (the book's source order)."""
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if path.is_file() and path.suffix.lower() in SEED_SUFFIXES)


def read_seed(path: Path, rules: clean.CleaningRules) -> Source | None:
    """Decode, normalise, read and clean one seed; None when it is binary."""
    decoded = decode_seed(path.name, path.read_bytes())
    if decoded.binary:
        return None
    lines, removals, problems = clean.normalise_characters(path.name, decoded.lines)
    source = read_source(path.name, lines)
    source.original = decoded.lines
    source.problems[:0] = decoded.problems + problems
    source.removals[:0] = removals
    clean.clean_source(source, rules)
    return source


def build_book(paths: Paths) -> Book:
    chapters = load_chapters(paths.data / "chapters.yaml")
    rules = clean.CleaningRules.load(paths.data / "cleaning.yaml")
    sources: list[Source] = []
    passages: list[Passage] = []
    problems: list[Problem] = []
    skipped: dict[str, str] = {}
    seen_digests: dict[str, str] = {}
    seen_slugs: dict[str, str] = {}
    for path in seed_files(paths.seeds):
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen_digests:
            skipped[path.name] = f"same content as {seen_digests[digest]}: read once"
            problems.append(Problem(path.name, 1, skipped[path.name]))
            continue
        seen_digests[digest] = path.name
        # A source's pages, anchors and passage ids are named after its file (split.source_slug),
        # and those names are public, so two names that give the same one cannot both be read.
        slug = split.source_slug(path.name)
        if slug in seen_slugs:
            skipped[path.name] = f"its name gives the same web address ({slug}) as {seen_slugs[slug]}: skipped, rename the file"
            problems.append(Problem(path.name, 1, skipped[path.name]))
            continue
        source = read_seed(path, rules)
        if source is None:
            skipped[path.name] = "binary file (NUL or control bytes): skipped"
            problems.append(Problem(path.name, 1, skipped[path.name]))
            continue
        seen_slugs[slug] = path.name
        source.digest = digest
        found = split.split_source(source)
        dating.date_passages(found, chapters.cues, dating.source_context(source.metadata.get("dates", [])))
        classify(found, chapters)
        if not found:
            skipped[path.name] = "no passage text"
        sources.append(source)
        passages.extend(found)
        problems.extend(source.problems)
    return Book(sources=sources, passages=passages, chapters=chapters, problems=problems, skipped=skipped)
