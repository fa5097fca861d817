"""The gap report: names the sources use at least twice that the glossary does not cover.

Three kinds of name are looked for in the passage text:

- capitalised multi-word names ("Syrian Arab Army", "Deir ez-Zor", "Islamic State of Iraq"), where
  lowercase connectors (al-, of, the, de, ez, bin, ...) may stand between capitalised words;
  function words that only open a sentence ("The", "In", "On", ...) are not part of the name;
  a title before a person's name ("Russian Foreign Minister", "Mr") is not part of it either;
- acronyms: 2 to 6 capitals, optionally with digits ("UNSC", "ISIL", "P5" is not one);
- designations of aircraft and weapons: "Su-24", "S-400", "Il-20", "MiG-29", "Tu-22M3", "3M-14T".

An occurrence is covered when the glossary linker, run on its passage, matches it or at least half
of its words (so "Syrian President Bashar al-Assad" is covered by "Bashar al-Assad"), or when the
glossary's deliberate `exceptions` (matched the same way) cover all of it. What remains, seen at
least twice, is a gap: a missing entry, a missing alias, or an exception to declare.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .book import BookError
from .editorial import EditorialError
from .glossary import Entry, Glossary
from .link import Linker, fold_name, mentions_by_passage
from .model import Passage, Source
from .pipeline import Paths, build_book

# A word: letters and digits, with inner apostrophes and hyphens ("Hay'at", "al-Assad", "Su-24").
WORD = re.compile(r"\w+(?:['’‐‑-]\w+)*")
POSSESSIVE = re.compile(r"['’]s$")
# "United States-led", "Turkish-backed": a lowercase participle after a hyphen is not part of the name.
DESCRIPTIVE_SUFFIX = re.compile(r"[-‐‑](?:[a-z]+ed|held|run|made|built|born|wide|style|era|type|class|friendly|speaking)$")
SENTENCE_START = re.compile(r"(?:^|[.!?:;…]['\"’”)\]]*\s+|\s[—–]\s+|[\"“‘(\[]\s*)$")
ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ez|es|ed|adh|ibn|bin|abu|abd)[-‐‑]", re.I)
ACRONYM = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2,6}[^A-Z]*$)[A-Z][A-Z0-9]{1,7}")
DESIGNATION = re.compile(r"(?:\d[A-Z]{1,3}|[A-Z][A-Za-z]{0,3})[-‐‑]\d+[A-Za-z0-9]*")
ROMAN_NUMERAL = re.compile(r"[IVX]+")
SPACE = re.compile(r"[ \t\u00a0]+")  # what may separate the words of one name (not punctuation)

# Lowercase words that may stand inside a name: "Islamic State of Iraq", "Deir ez-Zor".
CONNECTORS = frozenset("al el ad as ash az ez of the de del der di du la le von van bin ibn bint abu for".split())

# Capitalised only because they open a sentence or a title: never the start of a name.
FUNCTION_WORDS = frozenset(
    """
    a an the this that these those there here it its his her their our my your we they he she i
    in on at by for from with within without into onto to of off over under after before during
    since until till when while where whereas as if though although because but and or nor so yet
    also then thus however meanwhile moreover according following despite unlike like between among
    amid against about above below both each every all any some many most several other another
    such no not one two three four five six seven eight nine ten how why what who whom whose which
    """.split()
)

# Titles before a person's name are not part of it: "Russian Foreign Minister Sergey Lavrov",
# "Syrian President Bashar al-Assad", "Mr Assad". An optional nationality word, then title words
# ending with a head title (not "General", which opens "General Staff").
TITLE_HEADS = frozenset(
    "President Minister Secretary Ambassador Spokesman Spokeswoman Envoy Chairman Director Senator "
    "Gen Lt Col Maj Mr Mrs Ms Dr Prof Professor Colonel Lieutenant Major Sheikh Ayatollah".split()
)
TITLE_MODIFIERS = frozenset("Foreign Defence Defense Prime Deputy Vice Former Interior Acting Special".split())

Kind = str  # "name" | "acronym" | "designation"


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    text: str
    kind: Kind
    words: tuple[tuple[int, int], ...]  # spans of the words that count for coverage


@dataclass(frozen=True)
class Gap:
    name: str
    kind: Kind
    count: int
    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.count:4d}  {self.name}  {self.file}:{self.line}"


def _words(text: str) -> list[tuple[int, int, str]]:
    """The words of the text with their spans. A possessive 's is left out of its word (what follows
    is then not joined to it by a bare space, so "Assad's Armed Forces" is not one name); a
    descriptive suffix ("-led") becomes a word of its own, which stops the name."""
    found = []
    for match in WORD.finditer(text):
        word = POSSESSIVE.sub("", match.group(0))
        suffix = DESCRIPTIVE_SUFFIX.search(word)
        if suffix:
            found.append((match.start(), match.start() + suffix.start(), word[: suffix.start()]))
            found.append((match.start() + suffix.start() + 1, match.start() + len(word), word[suffix.start() + 1 :]))
        else:
            found.append((match.start(), match.start() + len(word), word))
    return found


def _kind(word: str) -> Kind | None:
    if DESIGNATION.fullmatch(word):
        return "designation"
    if ACRONYM.fullmatch(word) and not ROMAN_NUMERAL.fullmatch(word):
        return "acronym"
    return None


def _capitalised(word: str) -> bool:
    head = ARABIC_ARTICLE.sub("", word)
    return bool(head) and head[0].isupper()


def _strip_title(run: list) -> None:
    """Drop a leading title ("Russian Foreign Minister", "President", "Mr") from the run of words."""
    head = None
    for index, (_, _, word) in enumerate(run[:5]):
        if word in TITLE_HEADS:
            head = index
        elif word not in TITLE_MODIFIERS and index > 0:
            break
    if head is not None:
        del run[: head + 1]


def candidates(text: str, common: frozenset[str] = frozenset()) -> list[Candidate]:
    """Every name-like span of the text: multi-word names, acronyms and designations.

    `common` holds words seen in lowercase elsewhere: such a word opening a sentence ("Ousted
    Syrian leader ...", "Protect Russia ...") is capitalised only because it opens it.
    """
    found: list[Candidate] = []
    words = _words(text)
    for start, end, word in words:
        kind = _kind(word)
        if kind:
            found.append(Candidate(start, end, word, kind, ((start, end),)))
    run: list[tuple[int, int, str]] = []

    def close() -> None:
        if run and run[0][2].casefold() in common and SENTENCE_START.search(text[: run[0][0]]):
            run.pop(0)
        while run and (run[0][2].casefold() in FUNCTION_WORDS or run[0][2] in CONNECTORS):
            run.pop(0)
        _strip_title(run)
        while run and run[0][2] in CONNECTORS:
            run.pop(0)
        while run and run[-1][2] in CONNECTORS:
            run.pop()
        counted = tuple((s, e) for s, e, w in run if w not in CONNECTORS)
        if len(counted) >= 2:
            found.append(Candidate(run[0][0], run[-1][1], text[run[0][0] : run[-1][1]], "name", counted))
        run.clear()

    for start, end, word in words:
        joined = run and SPACE.fullmatch(text[run[-1][1] : start]) is not None
        if run and not joined:
            close()
        if _capitalised(word) or (run and word in CONNECTORS):
            run.append((start, end, word))
        else:
            close()
    close()
    return found


def _hits(candidate: Candidate, spans: list[tuple[int, int]]) -> int:
    return sum(1 for s, e in candidate.words if any(ms <= s and e <= me for ms, me in spans))


def _exceptions_linker(glossary: Glossary) -> Linker:
    """The exceptions, matched in passages like glossary names (so spelling variants count)."""
    entries = [Entry(name, "exception", why) for name, why in glossary.exceptions.items()]
    return Linker(Glossary([], entries))


def _line_of(name: str, passage: Passage, lines: list[str]) -> int:
    """The seed line where the name appears (passages may span lines); the passage's first line otherwise."""
    for number in range(passage.first_line, passage.last_line + 1):
        if 0 < number <= len(lines) and name in lines[number - 1]:
            return number
    return passage.first_line


def find_gaps(passages: Sequence[Passage], glossary: Glossary, sources: Sequence[Source] = (), minimum: int = 2) -> list[Gap]:
    """Names seen at least `minimum` times and not covered, most frequent first."""
    linker, exceptions = Linker(glossary), _exceptions_linker(glossary)
    lines = {source.file: source.lines for source in sources}
    common = frozenset(w.casefold() for p in passages for _, _, w in _words(p.text) if w[:1].islower())
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    first: dict[str, tuple[Passage, str]] = {}
    kinds: dict[str, Kind] = {}
    mentions = mentions_by_passage(list(passages), linker)  # as the book links them, surnames after a full name included
    for passage in passages:
        linked = [(m.start, m.end) for m in mentions[passage.id]]
        excepted = [(m.start, m.end) for m in exceptions.mentions(passage.text)]
        for candidate in candidates(passage.text, common):
            if _hits(candidate, linked) * 2 >= len(candidate.words) or _hits(candidate, excepted) == len(candidate.words):
                continue
            key = fold_name(candidate.text)
            counts[key] += 1
            spellings[key][candidate.text] += 1
            kinds.setdefault(key, candidate.kind)
            first.setdefault(key, (passage, candidate.text))
    gaps = []
    for key, count in counts.items():
        if count < minimum:
            continue
        passage, text = first[key]
        name = spellings[key].most_common(1)[0][0]
        line = _line_of(text, passage, lines.get(passage.source, []))
        gaps.append(Gap(name, kinds[key], count, passage.source, line))
    return sorted(gaps, key=lambda gap: (-gap.count, gap.name.casefold()))


def gap_report(root: Path) -> list[Gap]:
    """The gaps of the project at `root`: its seeds as the pipeline reads them, its glossary and exceptions."""
    paths = Paths.for_project(root)
    try:
        book = build_book(paths)
    except EditorialError as error:
        raise BookError(str(error)) from error
    return find_gaps(book.passages, book.glossary, book.sources)


def report_gaps(root: Path, strict: bool = False) -> int:
    """`syria-book gaps`: one line per gap (count, name, first place seen); --strict fails on any."""
    gaps = gap_report(root)
    for gap in gaps:
        print(gap)
    print(
        f"{len(gaps)} name{'s' if len(gaps) != 1 else ''} used at least twice without a glossary entry "
        "(add an entry, an alias or an exception to docs/data/glossary.yaml)",
        file=sys.stderr,
    )
    return 1 if strict and gaps else 0
