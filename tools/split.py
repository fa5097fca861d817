"""Splitting: a source's cleaned blocks become passages with provenance and a section path.

A paragraph or list item is one passage; a block of glued-together sentences (scraped snippets)
is cut into sentences by syntok, and exact or near-exact repeats are merged into the first
occurrence (rapidfuzz), the repeat being recorded as set aside.
"""

from __future__ import annotations

import hashlib
import math
import re

from rapidfuzz import fuzz, process
from syntok import segmenter

from .model import Block, Passage, Source

NEAR_REPEAT_SCORE = 92  # rapidfuzz ratio (0-100) from which two sentences count as one


def source_slug(file: str) -> str:
    """A stable, URL-safe name for a seed file: its stem, lower-case, other characters as '-'."""
    stem = file.rsplit(".", 1)[0]
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "source"


def passage_id(file: str, text: str) -> str:
    """Depends only on the seed's name and the passage's own words, so adding seeds changes nothing.

    The "p-" prefix keeps the id valid as an HTML id as docutils makes them (a leading digit is dropped).
    """
    digest = hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]
    return f"p-{source_slug(file)}-{digest}"


def sentences(text: str) -> list[str]:
    found = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            start = sentence[0].offset
            end = sentence[-1].offset + len(sentence[-1].value)
            piece = text[start:end].strip()
            if piece:
                found.append(piece)
    return found


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _numbers(normal: str) -> list[str]:
    """A near-repeat must state the same figures: "15 civilians" never merges into "51 civilians"."""
    return re.findall(r"\d+", normal)


class _SeenSentences:
    """The normalised sentences kept so far, found again by exact words or as near-repeats.

    A near-repeat has a similar length (|difference| < 10% + 5 characters), a rapidfuzz ratio
    of at least NEAR_REPEAT_SCORE and the same numbers in the same order. Sentences are bucketed by length so each new sentence is compared,
    in one batch call, only with those of a length it could repeat: a megabyte of snippets stays
    fast instead of comparing every pair.
    """

    def __init__(self) -> None:
        self.first_with: dict[str, int] = {}
        self.by_length: dict[int, list[tuple[int, str]]] = {}

    def first_repeat(self, normal: str) -> int | None:
        """The index of the first earlier sentence this one repeats, or None."""
        found = [self.first_with[normal]] if normal in self.first_with else []
        reach = 0.1 * len(normal) + 5
        candidates = [
            item
            for length in range(max(0, math.floor(len(normal) - reach)), math.ceil(len(normal) + reach) + 1)
            if abs(length - len(normal)) < reach
            for item in self.by_length.get(length, ())
        ]
        if candidates:
            matches = process.extract(normal, [norm for _, norm in candidates], scorer=fuzz.ratio, score_cutoff=NEAR_REPEAT_SCORE, limit=None)
            numbers = _numbers(normal)
            found += [candidates[position][0] for _, _, position in matches if _numbers(candidates[position][1]) == numbers]
        return min(found, default=None)

    def add(self, index: int, normal: str) -> None:
        self.first_with.setdefault(normal, index)
        self.by_length.setdefault(len(normal), []).append((index, normal))


def split_source(source: Source) -> list[Passage]:
    passages: list[Passage] = []
    used_ids: set[str] = set()
    headings: list[Block] = []

    def add(text: str, block: Block) -> None:
        base = passage_id(source.file, text)
        pid, counter = base, 1
        while pid in used_ids:
            counter += 1
            pid = f"{base}-{counter}"
        used_ids.add(pid)
        passages.append(
            Passage(
                id=pid,
                source=source.file,
                first_line=block.first_line,
                last_line=block.last_line,
                text=text,
                section=tuple(heading.text for heading in headings),
                item_date=block.item_date,
                byline=block.byline,
            )
        )

    item = None
    for block in source.blocks:
        if block.item_date != item:  # a new news item starts with no section of its own
            headings, item = [], block.item_date
        if block.kind == "heading":
            while headings and headings[-1].level >= block.level:
                headings.pop()
            headings.append(block)
        elif block.kind == "sentences":
            kept: list[Passage] = []
            seen = _SeenSentences()
            for sentence in sentences(block.text):
                normal = _normal(sentence)
                twin = seen.first_repeat(normal)
                if twin is not None:
                    source.remove(block.first_line, block.last_line, f"repeat of passage {kept[twin].id}", sentence)
                    continue
                add(sentence, block)
                seen.add(len(kept), normal)
                kept.append(passages[-1])
        else:
            add(block.text, block)
    return passages
