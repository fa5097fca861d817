"""Reading the seeds: each file of seeds/ listed and read safely, decoded, read by the reader its
format calls for, checked, cleaned and split into passages, with everything set aside or refused
accounted for."""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import clean, dating, split
from .clean import visible
from .decode import decode_seed
from .model import Passage, Problem, Source
from .datefinder import slashes_month_first, writes_month_first
from .readers import read_source
from .seeds import SeedReadError, list_seeds, read_seed_bytes


@dataclass
class Reading:
    """What the seeds folder gave: sources and their passages, problems, and files that gave nothing."""

    sources: list[Source] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # file -> why it contributes nothing


def assign_slugs(names: list[str]) -> tuple[dict[str, str], list[Problem]]:
    """Each seed's public name (pages, anchors, passage ids), and a warning for every conflict.

    Two names that give the same slug (by extension, case, Unicode normalisation or punctuation)
    would let one seed take the other's address: neither wins. Each is published under its slug
    and a short hash of its exact name, and a warning names both files and says how to fix it.
    """
    by_slug: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_slug[split.source_slug(name)].append(name)
    slugs: dict[str, str] = {}
    problems: list[Problem] = []
    for slug, group in by_slug.items():
        if len(group) == 1:
            slugs[group[0]] = slug
            continue
        for name in group:
            slugs[name] = f"{slug}-{hashlib.sha256(os.fsencode(name)).hexdigest()[:6]}"
        shown = [visible(name) for name in group]
        if len(set(unicodedata.normalize("NFC", name) for name in shown)) < len(shown):  # they look alike: show code points
            shown = [name.encode("ascii", "backslashreplace").decode("ascii") for name in shown]
        listed = ", ".join(shown)
        for name in group:
            problems.append(
                Problem(
                    name,
                    0,
                    f"its name gives the same web address ({slug}) as another seed ({listed}): each is published under "
                    f"its own address ({slugs[name]}) until one is renamed; rename the files so that their names differ "
                    "by more than case, accents, punctuation or extension",
                    severity="warning",
                )
            )
    return slugs, problems


MAX_TITLE = 300  # characters of a seed's title shown in headings, lists and the bibliography


def check_metadata(source: Source) -> None:
    """Dates a source gives itself must be possible; its title must fit a heading.

    A publication or item date before 1900 or after the build is reported and not used; a title
    longer than MAX_TITLE is shortened for display (the whole title stays in the account).
    """
    published = source.metadata.get("published")
    refused: dict[str, str] = {}
    if published and (why := dating.implausible(str(published)[:10])):
        source.problem(1, f"publication date {published} is {why}: not used", "warning")
        source.metadata["published"] = ""
        refused[str(published)[:10]] = why
    for block in source.blocks:
        if block.item_date and (block.item_date in refused or (why := dating.implausible(block.item_date))):
            if block.item_date not in refused:
                refused[block.item_date] = why
                source.problem(block.first_line, f"item date {block.item_date} is {why}: not used", "warning")
            block.item_date = None
    if len(source.title) > MAX_TITLE:
        source.problem(1, f"title of {len(source.title)} characters: shortened to {MAX_TITLE} for display")
        source.title = source.title[: MAX_TITLE - 1].rstrip() + "…"


def read_seed(data: bytes, name: str, rules: clean.CleaningRules) -> Source | None:
    """Decode, normalise, read and clean one seed; None when it is binary."""
    decoded = decode_seed(name, data)
    if decoded.binary:
        return None
    lines, removals, problems = clean.normalise_characters(name, decoded.lines)
    month_first = writes_month_first(lines)
    with slashes_month_first(month_first):
        source = read_source(name, lines)
    if month_first:
        source.metadata["slashed_dates"] = "month/day/year"  # read so again when its passages are split and dated
    source.original = decoded.lines
    source.problems[:0] = decoded.problems + problems
    source.removals[:0] = removals
    check_metadata(source)
    clean.clean_source(source, rules)
    return source


def read_seeds(folder: Path, rules: clean.CleaningRules) -> Reading:
    """Every seed of the folder as a Source and its passages, in name order (the book's source order)."""
    reading = Reading()
    sources, passages, problems, skipped = reading.sources, reading.passages, reading.problems, reading.skipped
    listing = list_seeds(folder)
    problems += listing.refused
    skipped.update({problem.file: problem.reason for problem in listing.refused})
    slugs, conflicts = assign_slugs([seed.name for seed in listing.files])
    seen_digests: dict[str, str] = {}
    for seed in listing.files:
        conflict = [problem for problem in conflicts if problem.file == seed.name]

        def skip(reason: str, severity: str = "warning") -> None:
            skipped[seed.name] = reason
            problems.extend(conflict + [Problem(seed.name, 0, reason, severity)])

        try:
            data = read_seed_bytes(folder, seed)
        except SeedReadError as error:
            skip(str(error))
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen_digests:
            skip(f"same content as {visible(seen_digests[digest])}: read once", "notice")
            continue
        seen_digests[digest] = seed.name
        source = read_seed(data, seed.name, rules)
        if source is None:
            skip("binary file (NUL or control bytes): skipped")
            continue
        source.problems[:0] = conflict
        source.digest = digest
        source.slug = slugs[seed.name]
        with slashes_month_first(source.metadata.get("slashed_dates") == "month/day/year"):
            found = split.split_source(source)
        if not found:
            skipped[seed.name] = "no passage text"
        sources.append(source)
        passages.extend(found)
        problems.extend(source.problems)
    return reading
