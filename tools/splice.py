"""Cutting a bundle of search snippets back into the snippets it glues together.

A search engine shows each result as a truncated snippet, and a scrape of the results page runs
them together: "...the existing regime in Kyiv has seen as its There are now questions about the
future of Russian bases." These signs tell where one snippet ends and the next begins:

- a result's date in front of it: "Feb 8, 2018 — ", "3 days ago · " (it also dates the snippet);
- a capitalised word that can only open a sentence ("There", "What", "However") standing in the
  middle of one, right after a word: the first snippet was cut off before it;
- a sentence that ends and goes on in lower case ("...to join the fight. soldiers out of Syria."),
  a lone initial before a sentence opener ("...in Syria Q. But Russia's commitment"), or a wire's
  dateline in the middle of a sentence ("...a staging post for WASHINGTON (AP) — The war");
- a country's name after an article or a possessive, followed by a verb ("leave Syria to the Iran
  has been working"): English puts no article there, so the name opens the next snippet;
- the sentence breaks syntok finds.
What is left too short to stand ("Published.", "In Mr.", "Turkey.") is a fragment: it goes to the
removals with that reason, accounted for but not printed as a passage; so is a run of letters
that make no words ("dkt thwdk htmbyt"), a scrape's filler.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from babel import Locale

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
    "Unlike Following According Amid Against Among Between Beyond Within Whether Whatever Once Unless No Amidst".split()
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


# Words that need a bare verb (or a noun phrase) after them: "will Russia carried out", "had to be
# Moscow acknowledged" cannot be one clause.
_MODALS = frozenset("will would could can may might must should shall".split())
_PAST = re.compile(r"^[a-z]+ed$|^(?:said|told|took|began|made|sent|struck|shot|fought|won|lost|held|led|met)$")


def _cut_before_name(previous: str, word: str, following: str | None) -> bool:
    """Signs that a capitalised word which is not a sentence opener starts a new snippet: "a" before
    a vowel ("a Assad says"), a modal or "be" before a past verb ("will Russia carried out", "had to
    be Moscow acknowledged"), or the same
    word twice ("undermine Russia's Russia’s position")."""
    bare = word.strip("\"“‘(),.;:!?")
    if not bare[:1].isupper():
        return False
    if previous == "a" and bare[:1] in "AEIO" and not bare.isupper() and not bare.startswith(("Eu", "One")):  # "a European" is English
        return True
    if (previous in _MODALS or previous in ("be", "been")) and word[-1:].isalpha() and following is not None and _PAST.match(following.strip(",.;:")):
        # "will be Assad, backed by Russia": a comma sets the verb apart, a participle of its own
        return True
    return _fold_quote(previous) == _fold_quote(word)


def _fold_quote(word: str) -> str:
    return word.replace("’", "'").strip("\"“‘(),.;:!?")


@cache
def countries() -> frozenset[str]:
    """One-word English names of countries that take no article ("Russia", "Iran"), from the
    Unicode CLDR data Babel ships; the few said with "the" ("the Gambia") are left out."""
    names = {name for code, name in Locale("en").territories.items() if not code.isdigit() and re.fullmatch(r"[A-Z][a-z]+", name)}
    return frozenset(names - _WITH_ARTICLE | {"Turkey"})


_WITH_ARTICLE = frozenset("Bahamas Gambia Netherlands Philippines Maldives Comoros Seychelles Eurozone Jersey Georgia".split())
_ARTICLES = frozenset(("the", "a", "an"))
# A verb that can follow a subject: after "the Iran", it shows "Iran" opens a clause of its own.
_FINITE = frozenset("has have had is are was were will would could can may must should said says began launched".split())
# Abbreviations a lower-case word may follow ("the U.S. military", "approx. 300", "Gen. staff").
_ABBREVIATION_END = re.compile(r"(?:\b[A-Za-z]\.){2,}$|^(?:[A-Z][a-z]{0,3}|vs|cf|al|no|pp?|ca|approx|etc|incl|viz|esp|km|Sept|Corp|Govt|Dept|Univ|Prof|Capt)\.$")
# A speaker's label of a transcript ("KATZ:", "STEVE INSKEEP, HOST:") after a word: a new snippet.
_SPEAKER_LABEL = re.compile(r"[A-Z][A-Z'’-]{2,}(?: [A-Z][A-Z'’-]+){0,3}(?:, [A-Z]{3,})?: ")
_WIRE_DATELINE = re.compile(r"[A-Z]{4,}(?:,? [A-Z][a-z]+)?(?: \([A-Za-z]+\))? [—–-] ")


def _ends_sentence_before_lower(previous: str, word: str) -> bool:
    """"...the fight. soldiers out of Syria.": a sentence that ended, then a snippet's tail."""
    if not word[:1].islower() or not previous.endswith((".", "?", "!")) or previous.endswith(("...", "…")):
        return False
    bare = previous.lstrip("\"“‘(")
    return bare[:-1] in countries() or not _ABBREVIATION_END.search(bare)


def _initial_before_opener(previous: str, word: str, before: str | None) -> bool:
    """"in Syria Q. But Russia's ...", "between the U. Five years ...": a cut initial, then a new
    snippet. "Robert E. Lee" is a name: an initial after a name, before a name."""
    if not re.fullmatch(r"[A-Z]\.", previous) or not word[:1].isupper():
        return False
    return word.strip("\"“‘(),.;:!?") in STARTERS or (before is not None and before[:1].islower())


def _owner(token: str) -> str | None:
    """"Iran" for "Iran’s"; None for a token that is no possessive."""
    return token[:-2] if token.endswith(("'s", "’s")) else None


def _country_after_article(previous: str, word: str, following: list[str]) -> bool:
    """"to the Iran has been", "Iran’s Russia has two bases", "for the Russia and China have
    vetoed": no article or owner before a country that opens a clause; "the Iran deal", "Russia's
    Syria policy" are names used as nouns. Two countries side by side ("with Israel Russia's
    Foreign Ministry said") are two snippets too: a list would have a comma."""
    name = _owner(word) or word
    if name not in countries() or not following:
        return False
    if previous in countries():
        return True
    owner = _owner(previous)  # "the country’s Russia has", "Iran’s Russia has"; "Putin's Russia has" is English
    owned = owner is not None and (owner[:1].islower() or owner in countries())
    pair = following[:3] if len(following) >= 3 and following[0] == "and" and following[1] in countries() else None
    opens_clause = word == name and (following[0] in _FINITE or (pair is not None and pair[2] in _FINITE))
    return (previous in _ARTICLES or owned) and opens_clause


def splice_points(sentence: str) -> list[int]:
    """Offsets where a new snippet starts inside what looks like one sentence."""
    points = []
    tokens = list(_TOKEN.finditer(sentence))
    for index, (previous, token, following) in enumerate(zip(tokens, tokens[1:], tokens[2:] + [None])):
        word = token.group(0).strip("\"“‘(),.;:!?")
        before = tokens[index - 1].group(0) if index > 0 else None
        if (
            _ends_sentence_before_lower(previous.group(0), token.group(0))
            or _initial_before_opener(previous.group(0), token.group(0), before)
            or _country_after_article(previous.group(0), token.group(0), [later.group(0) for later in tokens[index + 2 : index + 5]])
            or (previous.group(0)[-1].isalpha() and (_WIRE_DATELINE.match(sentence, token.start()) or _SPEAKER_LABEL.match(sentence, token.start())))
        ):
            points.append(token.start())
            continue
        if word not in STARTERS and previous.group(0)[-1].isalnum() and _cut_before_name(
            previous.group(0), token.group(0), following.group(0) if following else None
        ):
            points.append(token.start())
            continue
        if word not in STARTERS or token.group(0)[0] in "\"“‘(":
            continue
        if not previous.group(0)[-1].isalnum():  # after punctuation: a quotation, a list, a title
            continue
        if following is not None and following.group(0)[:1].isupper() and word == "The":
            continue  # "The Hague", "The Independent": a name, not a new sentence; "A Russian general" opens one
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


# Words a cut snippet may end on, which no sentence ends on ("We want to take a").
_DANGLING = frozenset("a an the of to in on at for with by from and or but its their his her our will would could can may must should is are was were be been has have had that which who".split())
SHORT_CUT_WORDS = 6  # a cut this short, ending on such a word, says nothing that stands alone


def is_fragment(text: str) -> bool:
    """Too short to stand as a passage: under three words, fewer than two lower-case words (no
    clause): "Published.", "In Mr.", "Turkey.", "The latest U. 3."; a few words cut off on a
    word no sentence ends on: "Syria's future trajectory will"; or a few words of a snippet's
    tail, its subject cut away: "soldiers out of Syria."."""
    words = text.split()
    lower = [word for word in _WORD.findall(text) if word[0].islower() and len(word) >= 2]
    short = len(words) <= SHORT_CUT_WORDS
    dangling = short and words[-1].lower().strip(",;:") in _DANGLING if words else False
    headless = short and text.lstrip("\"“‘(-–—")[:1].islower()
    return len(words) < 3 or len(lower) < 2 or dangling or headless


_LATIN_WORD = re.compile(r"^[A-Za-z]+$")
_VOWELS = set("aeiouyAEIOUY")
GIBBERISH_SHARE = 0.4  # of words with no vowel at all: no language written in Latin letters comes near


def is_gibberish(text: str) -> bool:
    """Letters that make no words ("dkt thwdk htmbyt lttc jdnps"): a scrape's filler or a broken
    encoding. At least five Latin words, and two in five without a vowel."""
    words = [word.strip(".,;:!?\"“”()") for word in text.split()]
    latin = [word for word in words if _LATIN_WORD.match(word)]
    if len(latin) < 5 or len(latin) < len(words) * 0.8:
        return False
    return sum(1 for word in latin if not _VOWELS & set(word)) >= GIBBERISH_SHARE * len(latin)
