"""Linking: find glossary names in passages, in one pass with one matcher for every alias.

All names go into one Aho-Corasick automaton (textmatch.PhraseMatcher): whole words, the longest
name at each place. Case-sensitive aliases ("IS") match only as written; the others ignore case.
Apostrophes, hyphens and spaces match their typographic variants. An alias marked `ambiguous_with` goes to the
other entry when the passage speaks with that entry's context words ("Assad" near "Hafez").
The first mention of each entry in a passage is linked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .glossary import Entry, Glossary
from .model import Passage
from .textmatch import PhraseMatcher


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
        folded: list[tuple[str, tuple[Entry, str]]] = []
        exact: list[tuple[str, tuple[Entry, str]]] = []
        for entry in glossary.entries:
            folded.append((entry.term, (entry, "")))
            for alias in entry.aliases:
                (exact if alias.case_sensitive else folded).append((alias.text, (entry, alias.ambiguous_with)))
        # Longest names first, so that of two spellings that fold alike the first entry keeps it.
        self.names = PhraseMatcher(sorted(folded, key=lambda item: (-len(item[0]), item[0])), sorted(exact, key=lambda item: (-len(item[0]), item[0])))
        self.context = {
            entry.term: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in entry.context_words) + r")\b", re.I)
            for entry in glossary.entries
            if entry.context_words
        }

    def _resolve(self, hit: tuple[Entry, str], text: str) -> Entry:
        entry, other = hit
        if other:
            mine = self.context.get(entry.term)
            theirs = self.context.get(other)
            if theirs and theirs.search(text) and not (mine and mine.search(text)):
                return self.glossary.entry(other)
        return entry

    def mentions(self, text: str) -> list[Mention]:
        """Every glossary name in the text, left to right, longest at each position."""
        return [Mention(match.start, match.end, self._resolve(match.value, text)) for match in self.names.matches(text)]

    def first_mentions(self, text: str, mentions: list[Mention] | None = None) -> list[Mention]:
        return first_of_each(self.mentions(text) if mentions is None else mentions)


def first_of_each(mentions: list[Mention]) -> list[Mention]:
    """The first mention of each glossary entry: the ones a passage's text links."""
    seen: set[str] = set()
    first = []
    for mention in mentions:
        if mention.entry.term not in seen:
            seen.add(mention.entry.term)
            first.append(mention)
    return first


def link_passages(passages: list[Passage], linker: Linker) -> dict[str, list[Mention]]:
    """Every glossary mention of each passage, by passage id; each passage's `terms` are set to
    the canonical names it mentions, in order of first mention."""
    every = {}
    for passage in passages:
        every[passage.id] = linker.mentions(passage.text)
        passage.terms = [mention.entry.term for mention in first_of_each(every[passage.id])]
    return every
