"""Finding many literal phrases in long text at once (Aho-Corasick), as whole words.

The glossary has hundreds of names with thousands of spellings and the themes hundreds of
lexicon terms. One regular expression with every alternative costs time in proportion to text x
alternatives (17 s for 2 MB); an Aho-Corasick automaton (pyahocorasick) reads the text once.

Text and phrases are folded the same way, one character for one character so that offsets stay
those of the original: lower case, typographic apostrophes and hyphens as ASCII, any white space
as a space. A match counts only as a whole word (no letter or digit on either side, and no hyphen
before it unless it is a capitalised name after a word: "Trump-Putin"; a designation ending in a digit may take a plural "s": "F-15s"), and at each place
the longest phrase wins, left to right, as a regular expression with
the longest alternatives first would choose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

_PLAIN = (
    {ord(char): "'" for char in "’‘ʼ`"}
    | {ord(char): "-" for char in "‐‑–"}
    | {code: " " for code in range(0x3001) if chr(code).isspace()}
)


def fold(text: str) -> str:
    """Lower case, plain apostrophes and hyphens, spaces for white space; same length as text."""
    plain = text.translate(_PLAIN)
    lowered = plain.lower()
    if len(lowered) != len(plain):  # a few letters lower-case to two characters (İ): keep those
        lowered = "".join(char.lower() if len(char.lower()) == 1 else char for char in plain)
    return lowered


def fold_exact(text: str) -> str:
    """Case kept, for phrases that match only as written ("US", "IS"); same length as text."""
    return text.translate(_PLAIN)


def squeeze(phrase: str) -> str:
    """A phrase as it is looked for: runs of white space as one space."""
    return " ".join(phrase.split())


_SPACE_RUN = re.compile(r"  +")


def _collapse(folded: str, runs: list[tuple[int, int]]) -> tuple[str, list[int] | None]:
    """Runs of spaces as one, with each remaining character's position in the original."""
    if not runs:
        return folded, None
    pieces, where, position = [], [], 0
    for start, end in runs:
        pieces.append(folded[position : start + 1])
        where.extend(range(position, start + 1))
        position = end
    pieces.append(folded[position:])
    where.extend(range(position, len(folded)))
    return "".join(pieces), where


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    value: object


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


class PhraseMatcher:
    """Whole-word matches of many phrases, case-insensitive or exact, each with a value."""

    def __init__(self, phrases: Iterable[tuple[str, object]] = (), exact: Iterable[tuple[str, object]] = ()) -> None:
        self._folded = self._automaton((fold(squeeze(p)), v) for p, v in phrases)
        self._exact = self._automaton((fold_exact(squeeze(p)), v) for p, v in exact)

    @staticmethod
    def _automaton(items: Iterable[tuple[str, object]]):
        automaton = ahocorasick.Automaton()
        for key, value in items:
            if key and key not in automaton:
                automaton.add_word(key, (len(key), value))
        if len(automaton) == 0:
            return None
        automaton.make_automaton()
        return automaton

    def all_matches(self, text: str) -> list[Match]:
        """Every whole-word match, overlapping ones included, by start then longest first."""
        found: list[Match] = []
        runs = [(m.start(), m.end()) for m in _SPACE_RUN.finditer(fold_exact(text))]
        for automaton, view in ((self._folded, fold), (self._exact, fold_exact)):
            if automaton is None:
                continue
            folded, where = _collapse(view(text), runs)
            for end, (length, value) in automaton.iter(folded):
                start, stop = end - length + 1, end + 1
                if where is not None:
                    start, stop = where[start], where[end] + 1
                before = text[start - 1] if start else ""
                after = text[stop] if stop < len(text) else ""
                if before and (_is_word(before) or before in "-‐‑") and not _after_a_word_and_hyphen(text, start):
                    continue
                if after and _is_word(after):
                    # A designation's plural ("F-15s", "S-300s") is still the designation.
                    if not (after == "s" and text[stop - 1].isdigit() and (stop + 1 >= len(text) or not _is_word(text[stop + 1]))):
                        continue
                    stop += 1
                found.append(Match(start, stop, value))
        found.sort(key=lambda match: (match.start, -match.end))
        return found

    def matches(self, text: str) -> list[Match]:
        """Non-overlapping whole-word matches, left to right, longest at each place."""
        return leftmost_longest(self.all_matches(text))


# The Arabic article as names are spelt in Latin letters: "al-X" is a name of its own, which the
# glossary spells in full when it has an entry.
_ARABIC_ARTICLES = {"al", "el", "as", "ash", "ad", "ar", "at", "az", "an", "wal", "wa", "bil", "lil"}


def _after_a_word_and_hyphen(text: str, start: int) -> bool:
    """A name joined to a word by a hyphen ("Trump-Putin", "pro-Assad", "al-Nusra") is still the
    name; a number after one ("S-300", "Il-20") is part of a designation, a lower-case word
    ("anti-aircraft") is a compound, and the word after an Arabic article ("al-Fatah") is part of
    another name."""
    if not (start >= 2 and text[start - 1] in "-‐‑" and text[start].isupper() and text[start - 2].isalpha()):
        return False
    return _word_ending_at(text, start - 1).casefold() not in _ARABIC_ARTICLES  # "Jaish al-Fatah" is not Fatah


def _word_ending_at(text: str, end: int) -> str:
    """The word (letters, digits, "_", as regex's \\w) that ends at `end`, read backwards: a search
    of the text before it would read the whole text (all passages are matched as one)."""
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return text[start:end]


def leftmost_longest(found: list[Match]) -> list[Match]:
    """From matches sorted by start then longest first, those a left-to-right scan keeps."""
    chosen: list[Match] = []
    position = 0
    for match in found:
        if match.start >= position:
            chosen.append(match)
            position = match.end
    return chosen


# Literals that a regular expression's every match contains: to run an expression only on the
# texts that hold one of them. Read from the expression's parse tree (re._parser, the standard
# library's own parser).
_SHORTEST_LITERAL = 3  # a shorter literal ("a ", "of") is in nearly every text: no filter


def required_literals(pattern: re.Pattern) -> frozenset[str] | None:
    """Case-folded strings of which every match of `pattern` contains at least one, or None when
    the expression has no such set of literals of at least three characters each.

    A run of literal characters is required; so is one of a group's alternatives when each of them
    requires one, and the body of a repeat that must occur at least once. Of the sets found, the
    one whose shortest literal is longest is kept (the rarest, most likely)."""
    from re import _constants as sre, _parser

    def sets(items) -> list[frozenset[str]]:
        found: list[frozenset[str]] = []
        run: list[str] = []
        for op, arg in items:
            if op is sre.LITERAL:
                run.append(chr(arg))
                continue
            if run:
                found.append(frozenset({"".join(run)}))
                run = []
            if op is sre.SUBPATTERN:
                found += [best] if (best := choose(sets(arg[3]))) else []
            elif op is sre.BRANCH:
                alternatives = [choose(sets(branch)) for branch in arg[1]]
                if all(alternatives):
                    found.append(frozenset().union(*alternatives))
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and arg[0] >= 1:
                found += [best] if (best := choose(sets(arg[2]))) else []
        if run:
            found.append(frozenset({"".join(run)}))
        return found

    def choose(candidates: list[frozenset[str]]) -> frozenset[str] | None:
        usable = [c for c in candidates if min(map(len, c)) >= _SHORTEST_LITERAL]
        return max(usable, key=lambda c: (min(map(len, c)), -len(c), sorted(c))) if usable else None

    chosen = choose(sets(_parser.parse(pattern.pattern, pattern.flags)))
    return frozenset(_folded(literal) for literal in chosen) if chosen else None


def _folded(text: str) -> str:
    """Case-folded as a case-insensitive regular expression compares letters: casefold() makes
    "İ" two characters and leaves "ı", which the expression takes for "i"."""
    return text.casefold().replace("\u0307", "").replace("ı", "i")


def texts_holding(literal_sets: list[frozenset[str] | None], texts: list[str]) -> list[list[int]]:
    """For each set of literals, the indexes of the texts (ascending) whose folded form holds
    one of them; every index for a set that is None. One pass over all the texts."""
    every = list(range(len(texts)))
    literals = {literal for found in literal_sets if found for literal in found}
    if not literals or not texts:
        return [every if found is None else [] for found in literal_sets]
    automaton = ahocorasick.Automaton()
    for literal in literals:
        automaton.add_word(literal, literal)
    automaton.make_automaton()
    holders: dict[str, set[int]] = {}
    for index, text in enumerate(texts):
        for _, literal in automaton.iter(_folded(text)):
            holders.setdefault(literal, set()).add(index)
    return [every if found is None else sorted(set().union(*(holders.get(literal, ()) for literal in found))) for found in literal_sets]
