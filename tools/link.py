"""Linking: find glossary names in passages, in one pass with one matcher for every alias.

All names go into a single regular expression, longest first, each bounded as a whole word.
Case-sensitive aliases ("IS") match only as written; the others ignore case. Apostrophes,
hyphens and spaces match their typographic variants. An alias marked `ambiguous_with` goes to the
other entry when the passage speaks with that entry's context words ("Assad" near "Hafez").
The first mention of each entry in a passage is linked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .glossary import Entry, Glossary
from .model import Passage

_VARIANTS = {"'": "['’‘ʼ`]", "’": "['’‘ʼ`]", "-": "[-‐‑–]", " ": r"\s+"}


def _pattern(name: str) -> str:
    return "".join(_VARIANTS.get(char, re.escape(char)) for char in name)


def fold_name(text: str) -> str:
    """A name with typographic apostrophes, hyphens and spaces made plain, and case folded."""
    return re.sub(r"\s+", " ", re.sub(r"[’‘ʼ`]", "'", re.sub(r"[‐‑–]", "-", text))).casefold()


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entry: Entry


class Linker:
    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.exact: dict[str, tuple[Entry, str]] = {}
        self.folded: dict[str, tuple[Entry, str]] = {}
        names: list[tuple[str, bool]] = []
        for entry in glossary.entries:
            names.append((entry.term, False))
            self.folded[fold_name(entry.term)] = (entry, "")
            for alias in entry.aliases:
                names.append((alias.text, alias.case_sensitive))
                table = self.exact if alias.case_sensitive else self.folded
                table[fold_name(alias.text) if not alias.case_sensitive else alias.text] = (entry, alias.ambiguous_with)
        names.sort(key=lambda item: (-len(item[0]), item[0]))
        alternatives = [_pattern(name) if exact else f"(?i:{_pattern(name)})" for name, exact in names]
        self.matcher = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?!\w)") if alternatives else None
        self.context = {
            entry.term: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in entry.context_words) + r")\b", re.I)
            for entry in glossary.entries
            if entry.context_words
        }

    def _resolve(self, found: str, text: str) -> Entry | None:
        hit = self.exact.get(found) or self.folded.get(fold_name(found))
        if hit is None:
            return None
        entry, other = hit
        if other:
            mine = self.context.get(entry.term)
            theirs = self.context.get(other)
            if theirs and theirs.search(text) and not (mine and mine.search(text)):
                return self.glossary.entry(other)
        return entry

    def mentions(self, text: str) -> list[Mention]:
        """Every glossary name in the text, left to right, longest at each position."""
        if self.matcher is None:
            return []
        found = []
        for match in self.matcher.finditer(text):
            entry = self._resolve(match.group(0), text)
            if entry is not None:
                found.append(Mention(match.start(), match.end(), entry))
        return found

    def first_mentions(self, text: str, mentions: list[Mention] | None = None) -> list[Mention]:
        seen: set[str] = set()
        first = []
        for mention in self.mentions(text) if mentions is None else mentions:
            if mention.entry.term not in seen:
                seen.add(mention.entry.term)
                first.append(mention)
        return first


def link_passages(passages: list[Passage], linker: Linker) -> tuple[dict[str, list[Mention]], dict[str, list[Mention]]]:
    """Set each passage's `terms` (canonical names, in order of first mention).

    Returns (first mentions, all mentions) by passage id: the text links the first, attribution
    reads all of them.
    """
    first, every = {}, {}
    for passage in passages:
        every[passage.id] = linker.mentions(passage.text)
        first[passage.id] = linker.first_mentions(passage.text, every[passage.id])
        passage.terms = [mention.entry.term for mention in first[passage.id]]
    return first, every
