"""Splitting: a source's cleaned blocks become passages with provenance and a section path.

A paragraph or list item is one passage; a block of glued-together sentences (scraped snippets)
is cut into sentences by syntok, and exact or near-exact repeats are merged into the first
occurrence (rapidfuzz), the repeat being recorded as set aside.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

from syntok import segmenter

from .datefinder import explicit_mentions
from .model import Block, Passage, Source
from .repeats import RepeatIndex, normal_words
from .splice import cut, dated_pieces, is_fragment, is_gibberish


SEGMENTED_TEXTS = 1 << 16  # texts whose sentences are remembered (a 50x corpus has about 25,000 passages)

# Names of the book's own pages and folders: a seed named "index.txt" must not take them.
RESERVED_SLUGS = frozenset(
    "index genindex search glossary periods themes sources about corpus contested-claims "
    "conversion-report chronology abbreviations py-modindex".split()
)


def name_key(file: str) -> str:
    """The file's stem as readers see it: Unicode-normalised (NFKC) and case-folded, so "Café"
    written with one code point or two, or in capitals, is the same name."""
    return unicodedata.normalize("NFKC", file.rsplit(".", 1)[0]).casefold()


def source_slug(file: str) -> str:
    """A stable, URL-safe name for a seed file: its stem folded to ASCII, other characters as '-'.

    A stem with letters that have no ASCII form (Cyrillic, Arabic) keeps a short hash of its
    normalised name, so two such names stay apart; a stem that names one of the book's own pages
    gets the prefix "seed-".
    """
    key = name_key(file)
    folded = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "source"
    lost = sum(char.isalnum() for char in unicodedata.normalize("NFKD", key) if not char.isascii() and unicodedata.category(char) != "Mn")
    if lost:
        slug = f"{slug}-{hashlib.sha256(key.encode('utf-8', 'surrogatepass')).hexdigest()[:6]}"
    return f"seed-{slug}" if slug in RESERVED_SLUGS else slug


def passage_id(slug: str, text: str) -> str:
    """Depends only on the source's slug and the passage's own words, so adding seeds changes nothing.

    The "p-" prefix keeps the id valid as an HTML id as docutils makes them (a leading digit is dropped).
    """
    digest = hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]
    return f"p-{slug}-{digest}"


@functools.lru_cache(maxsize=SEGMENTED_TEXTS)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where syntok's sentences start and end in `text`. Remembered: a passage is segmented when
    repeats are merged, again for its event's title and for each theme's excerpt of it, and
    syntok is the conversion's largest cost."""
    return tuple(
        (sentence[0].offset, sentence[-1].offset + len(sentence[-1].value))
        for paragraph in segmenter.analyze(text)
        for sentence in paragraph
    )


def sentences(text: str) -> list[str]:
    return [piece for start, end in sentence_spans(text) if (piece := text[start:end].strip())]


def split_snippets(source: Source, block: Block, add, passages: list[Passage]) -> None:
    """A bundle of snippets: cut at result dates, sentences and splices (splice.py); fragments and
    repeats set aside; each snippet numbered in the bundle, for citations."""
    seen = RepeatIndex()
    number = 0
    for piece in dated_pieces(block.text):
        item_date = None
        if piece.prefix:
            found = [m for m in explicit_mentions(piece.date_text) if m.date.year and m.date.day]
            item_date = found[0].date.iso() if found else None
            source.remove(block.first_line, block.last_line, "result date: used as the snippet's date" if item_date else "result age (no date to read)", piece.prefix.strip())
        for sentence in sentences(block.text[piece.start : piece.end]):
            for part in cut(sentence):
                if is_fragment(part) or is_gibberish(part):
                    reason = "fragment: too short to stand as a passage" if is_fragment(part) else "not text: letters that make no words"
                    source.remove(block.first_line, block.last_line, reason, part)
                    item_date = None  # "Read more", "Published.": the dated result has ended
                    continue
                normal = normal_words(part)
                twin = seen.find(normal)
                if twin is not None:
                    source.remove(block.first_line, block.last_line, f"repeat of passage {twin.id}", part)
                    continue
                number += 1
                add(part, block, item_date, number)
                seen.add(normal, passages[-1])
                item_date = None  # only the first sentence surely belongs to the dated result


def split_source(source: Source) -> list[Passage]:
    passages: list[Passage] = []
    used_ids: set[str] = set()
    headings: list[Block] = []

    def add(text: str, block: Block, item_date: str | None = None, snippet: int | None = None) -> None:
        base = passage_id(source.slug or source_slug(source.file), text)
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
                item_date=item_date or block.item_date,
                byline=block.byline,
                snippet=snippet,
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
            split_snippets(source, block, add, passages)
        else:
            add(block.text, block)
    return passages
