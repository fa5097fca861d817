"""Splitting: a source's cleaned blocks become passages with provenance and a section path.

A paragraph or list item is one passage; a block of glued-together sentences (scraped snippets)
is cut into sentences by syntok, and exact or near-exact repeats are merged into the first
occurrence (rapidfuzz), the repeat being recorded as set aside.
"""

from __future__ import annotations

import hashlib
import re

from rapidfuzz import fuzz
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

    for block in source.blocks:
        if block.kind == "heading":
            while headings and headings[-1].level >= block.level:
                headings.pop()
            headings.append(block)
        elif block.kind == "sentences":
            kept: list[tuple[str, str, Passage | None]] = []
            for sentence in sentences(block.text):
                normal = _normal(sentence)
                twin = next(
                    (
                        (text, passage)
                        for text, norm, passage in kept
                        if norm == normal or (abs(len(norm) - len(normal)) < 0.1 * len(normal) + 5 and fuzz.ratio(norm, normal) >= NEAR_REPEAT_SCORE)
                    ),
                    None,
                )
                if twin:
                    source.remove(block.first_line, block.last_line, f"repeat of passage {twin[1].id}", sentence)
                    continue
                add(sentence, block)
                kept.append((sentence, normal, passages[-1]))
        else:
            add(block.text, block)
    return passages
