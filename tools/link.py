"""Linking: find glossary names in passages, in one pass with one matcher for every alias.

All names go into one Aho-Corasick automaton (textmatch.PhraseMatcher): whole words, the longest
name at each place. Case-sensitive aliases ("IS") match only as written; the others ignore case.
Apostrophes, hyphens and spaces match their typographic variants. An alias marked `ambiguous_with` goes to the
other entry when the passage speaks with that entry's context words ("Assad" near "Hafez").
The first mention of each entry in a passage is linked.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from .glossary import Entry, Glossary
from .model import Passage
from .textmatch import PhraseMatcher, leftmost_longest, required_literals, texts_holding


def fold_name(text: str) -> str:
    """A name with typographic apostrophes, hyphens and spaces made plain, and case folded."""
    return re.sub(r"\s+", " ", re.sub(r"[’‘ʼ`]", "'", re.sub(r"[‐‑–]", "-", text))).casefold()


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entry: Entry
    by_pattern: bool = False  # an event told in ordinary prose ("shot down a Russian Il-20"), not named

    @property
    def inline(self) -> bool:
        """Whether the text links it: names are linked where they stand; an event found by a
        pattern spans other names, so it is listed beside the passage instead."""
        return not self.by_pattern


@dataclass(frozen=True)
class _Name:
    entry: Entry
    ambiguous_with: str = ""
    context: re.Pattern | None = None  # the alias links only in a passage this finds


_DESIGNATION = re.compile(r"^(?P<prefix>[A-Za-z]{1,4})-(?P<number>\d{1,3}[A-Za-z]{0,3}\d?)$")


def designation_variants(name: str) -> list[str]:
    """A name, and for a weapon's designation ("Su-24", "S-300", "Il-20") the forms sources also
    write: without the hyphen ("Su24", a hashtag's "#Su24") and in the plural ("Su-24s")."""
    match = _DESIGNATION.match(name)
    if not match:
        return [name]
    bare = match.group("prefix") + match.group("number")
    return [name, bare, name + "s", bare + "s"]


_NEVER = re.compile(r"(?!)")  # no context words: a derived surname links only after its entry was named
_CALENDAR_WORDS = {day.casefold() for day in calendar.day_name} | {month.casefold() for month in calendar.month_name if month}  # Theresa May: not "in May"
_SURNAME = re.compile(r"^(?:[a-z]{1,3}-)?[A-Z][a-z’'-]{2,}$")  # "Lavrov", "al-Sharaa", "Ki-moon"; not "Jr", "II", "Un"


def _surnames(glossary: Glossary, folded: list[tuple[str, _Name]], exact: list[tuple[str, _Name]]) -> list[tuple[str, Entry]]:
    """A person's surname, the last word of their name ("Susan Rice": "Rice"), for a source that
    has named them in full earlier: news writes "Rice said" after "Susan Rice". Only a surname
    no other person bears and no glossary name already is; always as written (case-sensitive)."""
    taken = {fold_name(spelling) for spelling, _ in folded} | {fold_name(spelling) for spelling, _ in exact} | _CALENDAR_WORDS
    owners: dict[str, list[Entry]] = {}
    for entry in glossary.entries:
        for name in [entry.term, *(alias.text for alias in entry.aliases)]:
            words = re.sub(r"\s*\([^)]*\)", "", name).split()
            # a word of another kind of name ("Muslim Brotherhood") or a first name ("Ali Mamlouk") is no one's surname
            taken |= {fold_name(word) for word in (words if entry.category != "person" else words[:-1])}
            if entry.category == "person" and len(words) >= 2 and _SURNAME.match(words[-1]):
                found = owners.setdefault(words[-1], [])
                if entry not in found:
                    found.append(entry)
    return sorted((surname, entries[0]) for surname, entries in owners.items() if len(entries) == 1 and fold_name(surname) not in taken)


def _words(words) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(word) for word in words) + r")(?!\w)", re.IGNORECASE)


class Linker:
    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        folded: list[tuple[str, _Name]] = []
        exact: list[tuple[str, _Name]] = []
        for entry in glossary.entries:
            folded += [(spelling, _Name(entry)) for spelling in designation_variants(entry.term)]
            for alias in entry.aliases:
                name = _Name(entry, alias.ambiguous_with, _words(alias.context) if alias.context else None)
                if alias.case_sensitive:
                    exact.append((alias.text, name))
                else:
                    folded += [(spelling, name) for spelling in designation_variants(alias.text)]
        exact += [(surname, _Name(entry, context=_NEVER)) for surname, entry in _surnames(glossary, folded, exact)]
        # Longest names first, so that of two spellings that fold alike the first entry keeps it.
        self.names = PhraseMatcher(sorted(folded, key=lambda item: (-len(item[0]), item[0])), sorted(exact, key=lambda item: (-len(item[0]), item[0])))
        self.context = {entry.term: _words(entry.context_words) for entry in glossary.entries if entry.context_words}
        self.events = [(entry, pattern) for entry in glossary.entries for pattern in entry.patterns]
        self.event_literals = [required_literals(pattern) for _, pattern in self.events]

    def _resolve(self, name: _Name, text: str) -> Entry:
        entry, other = name.entry, name.ambiguous_with
        if other:
            mine = self.context.get(entry.term)
            theirs = self.context.get(other)
            if theirs and theirs.search(text) and not (mine and mine.search(text)):
                return self.glossary.entry(other)
        return entry

    def mentions(self, text: str) -> list[Mention]:
        """Every glossary name in the text, left to right, longest at each position, then every
        event its patterns find there."""
        return self.name_mentions(text) + self.pattern_mentions_of_many([text])[0]

    def name_mentions(self, text: str, named_before: frozenset[str] | set[str] = frozenset()) -> list[Mention]:
        """Every glossary name in the text. An alias that needs context words (a bare surname)
        also links where its entry was already named earlier in the same source (`named_before`,
        canonical terms): a report that names "Ivan Khurs" once goes on to say "Khurs"."""
        found = [
            match
            for match in self.names.all_matches(text)
            if match.value.context is None or match.value.entry.term in named_before or match.value.context.search(text)
        ]
        return [Mention(match.start, match.end, self._resolve(match.value, text)) for match in leftmost_longest(found)]

    def pattern_mentions_of_many(self, texts: list[str]) -> list[list[Mention]]:
        """Events told in each text, found by their patterns. A pattern is run only on the texts
        that hold one of the literals every match of it contains (textmatch.required_literals):
        each pattern over all the text was a tenth of the conversion."""
        found: list[list[Mention]] = [[] for _ in texts]
        if not self.events or not texts:
            return found
        for (entry, pattern), holders in zip(self.events, texts_holding(self.event_literals, texts)):
            for index in holders:
                if any(m.entry is entry for m in found[index]):
                    continue
                match = pattern.search(texts[index])
                if match:
                    found[index].append(Mention(match.start(), match.end(), entry, by_pattern=True))
        for mentions in found:
            mentions.sort(key=lambda mention: (mention.start, mention.entry.term))
        return found

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


def mentions_by_passage(passages: list[Passage], linker: Linker) -> dict[str, list[Mention]]:
    """Every glossary mention of each passage, by passage id: names, then events told. Passages
    are read in their sources' order, so a surname links once its entry has been named earlier in
    the same source."""
    events = linker.pattern_mentions_of_many([passage.text for passage in passages])
    every = {}
    named: dict[str, set[str]] = {}
    for passage, told in zip(passages, events):
        named_before = named.setdefault(passage.source, set())
        every[passage.id] = linker.name_mentions(passage.text, named_before) + told
        named_before.update(mention.entry.term for mention in every[passage.id] if not mention.by_pattern)
    return every


def link_passages(passages: list[Passage], linker: Linker) -> dict[str, list[Mention]]:
    """Every glossary mention of each passage, by passage id (`mentions_by_passage`); each
    passage's `terms` are set to the canonical names it mentions or tells of, in order of first
    mention."""
    every = mentions_by_passage(passages, linker)
    for passage in passages:
        passage.terms = [mention.entry.term for mention in first_of_each(sorted(every[passage.id], key=lambda m: m.start))]
    return every
