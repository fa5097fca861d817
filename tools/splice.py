"""Cutting a bundle of search snippets back into the snippets it glues together.

A search engine shows each result as a truncated snippet, and a scrape of the results page runs
them together: "...the existing regime in Kyiv has seen as its There are now questions about the
future of Russian bases." Three signs tell where one snippet ends and the next begins:

- a result's date in front of it: "Feb 8, 2018 — ", "3 days ago · " (it also dates the snippet);
- a capitalised word that can only open a sentence ("There", "What", "However") standing in the
  middle of one, right after a word: the first snippet was cut off before it;
- the sentence breaks syntok finds.
What is left too short to stand ("Published.", "In Mr.", "Turkey.") is a fragment: it goes to the
removals with that reason, accounted for but not printed as a passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
SNIPPET_DATE = re.compile(
    rf"(?:(?<=\s)|^)(?P<date>{_MONTH} \d{{1,2}}, \d{{4}}|\d{{1,2}} {_MONTH},? \d{{4}}|\d{{4}}-\d\d-\d\d|"
    r"\d{1,2} (?:minutes?|hours?|days?|weeks?) ago)\s*[—·–|-]\s+"
)
# Words that open a sentence and, capitalised in the middle of one, mark where a snippet was cut.
STARTERS = frozenset(
    "The A An This That These Those There It In On At For But And What Why How When While However As If "
    "We He She They I You His Her Our Their After Before Since With Without By From Some Many Most Yet So "
    "Also Still Even Now Then Here Who Which Where Although Though Despite During Both Each Every All "
    "Another Such Meanwhile Moreover Furthermore Instead Indeed Perhaps Today Yesterday Earlier Later Because "
    "Unlike Following According Amid Against Among Between Beyond Within Whether Whatever Once Unless".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class Piece:
    """A stretch of the bundle between two dated results, with the date in front of it."""

    start: int
    end: int
    date_text: str = ""  # "Feb 8, 2018" as written, for the snippet's date
    prefix: str = ""  # the whole prefix as written ("Feb 8, 2018 — "), set aside


def dated_pieces(text: str) -> list[Piece]:
    """The bundle cut before each result date; the first piece may have no date."""
    marks = list(SNIPPET_DATE.finditer(text))
    pieces = []
    if not marks or marks[0].start() > 0:
        pieces.append(Piece(0, marks[0].start() if marks else len(text)))
    for mark, following in zip(marks, marks[1:] + [None]):
        pieces.append(Piece(mark.end(), following.start() if following else len(text), mark.group("date"), mark.group(0)))
    return [piece for piece in pieces if text[piece.start : piece.end].strip() or piece.prefix]


def splice_points(sentence: str) -> list[int]:
    """Offsets where a new snippet starts inside what looks like one sentence."""
    points = []
    tokens = list(_TOKEN.finditer(sentence))
    for previous, token, following in zip(tokens, tokens[1:], tokens[2:] + [None]):
        word = token.group(0).strip("\"“‘(),.;:!?")
        if word not in STARTERS or token.group(0)[0] in "\"“‘(":
            continue
        if not previous.group(0)[-1].isalnum():  # after punctuation: a quotation, a list, a title
            continue
        if following is not None and following.group(0)[:1].isupper() and word in ("The", "A", "An"):
            continue  # "The Hague", "The Independent": a name, not a new sentence
        points.append(token.start())
    return points


_CUT_INITIAL = re.compile(r"^(?:[A-Z]\.\s+)+(?=[A-Z])")  # "S. It has been...": the tail of a cut "U.S."


def cut(sentence: str) -> list[str]:
    """A sentence as the snippets it splices together; the tail of a cut abbreviation at its
    start ("S. It has been a year...") is a piece of its own (a fragment)."""
    points = [0, *splice_points(sentence), len(sentence)]
    found = []
    for start, end in zip(points, points[1:]):
        part = sentence[start:end].strip()
        initial = _CUT_INITIAL.match(part)
        if initial:
            found += [part[: initial.end()].strip(), part[initial.end() :]]
        elif part:
            found.append(part)
    return found


def is_fragment(text: str) -> bool:
    """Too short to stand as a passage: under three words, or fewer than two lower-case words
    (no clause): "Published.", "In Mr.", "Turkey.", "The latest U. 3."."""
    words = text.split()
    lower = [word for word in _WORD.findall(text) if word[0].islower() and len(word) >= 2]
    return len(words) < 3 or len(lower) < 2
