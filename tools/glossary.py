"""The glossary as data: entries, aliases, categories, and the rule that makes public anchors.

Anchors are a public interface (other sites link to them), so the rule lives here, in one small
pure function, and the loader refuses data that would make two entries share an anchor or let an
alias take an entry's anchor.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .datefinder import explicit_mentions
from .editorial import EditorialError, load_yaml
from .seeds import read_regular_file

FORBIDDEN_IN_NAMES = re.compile(r"[`<>\n]")
# How Sphinx's intersphinx reads an objects.inv line. It takes the first "<word> <whole number>"
# after a name's first word for the object type and priority (sphinx-doc/sphinx#9292), so other
# projects could never link to an entry named "UN Security Council resolution 2254".
_INVENTORY_LINE = re.compile(r"(.+?)\s+(\S+)\s+(-?\d+)\s+?(\S*)\s+(.*)")


def readable_from_inventory(name: str) -> bool:
    """Whether intersphinx reads this glossary term back from objects.inv under its own name."""
    found = _INVENTORY_LINE.match(f"{name} std:term -1 glossary.html#term -")
    return found is not None and found.group(1) == name


def anchor_id(name: str) -> str:
    """The HTML id Sphinx gives a glossary term: 'term-' + ASCII-folded name, other runs as '-'.

    'Khmeimim Air Base' -> 'term-Khmeimim-Air-Base'; "Hay'at Tahrir al-Sham" ->
    'term-Hay-at-Tahrir-al-Sham'; 'Türkiye' -> 'term-Turkiye'; like Sphinx, dots and underscores
    are kept ('Donald J. Trump' -> 'term-Donald-J.-Trump') and hyphens at the end dropped. Names
    with no ASCII letters or digits get no predictable id (Sphinx numbers them), which is why
    canonical names must be ASCII. The test suite checks this rule against a real Sphinx build.
    """
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    anchor = re.sub(r"-+$", "", re.sub(r"[^A-Za-z0-9._]+", "-", "term-" + " ".join(folded.split())))
    return anchor if anchor != "term" else ""


@dataclass(frozen=True)
class Alias:
    text: str
    case_sensitive: bool = False
    ambiguous_with: str = ""
    context: tuple[str, ...] = ()  # linked only in a passage holding one of these words ("SNC": opposition, council)


@dataclass
class Entry:
    term: str
    category: str
    definition: str
    aliases: list[Alias] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    context_words: list[str] = field(default_factory=list)
    basis: list[str] = field(default_factory=list)  # where the definition's claims come from
    patterns: list[re.Pattern] = field(default_factory=list)  # how ordinary prose tells of an event

    @property
    def anchor(self) -> str:
        return anchor_id(self.term)

    @property
    def names(self) -> list[str]:
        return [self.term] + [alias.text for alias in self.aliases]


@dataclass(frozen=True)
class Category:
    slug: str
    title: str


@dataclass
class Glossary:
    categories: list[Category]
    entries: list[Entry]
    exceptions: dict[str, str] = field(default_factory=dict)

    def entry(self, term: str) -> Entry:
        return self._by_term[term]

    def named(self, name: str) -> Entry:
        """The entry of a name, canonical or alias, whatever its case: other data files may name
        an entry by an alias, so that renaming an entry (its old name kept as an alias) breaks
        nothing that names it. KeyError if no entry has this name."""
        return self._by_term.get(name) or self._by_name[name.casefold()]

    def __post_init__(self) -> None:
        self._by_term = {entry.term: entry for entry in self.entries}
        self._by_name = {name.casefold(): entry for entry in self.entries for name in entry.names}

    def sorted_entries(self, category: str) -> list[Entry]:
        return sorted((e for e in self.entries if e.category == category), key=lambda e: e.term.casefold())


def event_date(entry: Entry):
    """An event entry's own day: the first full date of its definition (None for other entries)."""
    if entry.category != "event":
        return None
    days = [m.date for m in explicit_mentions(entry.definition) if m.date.year is not None and m.date.day is not None]
    return days[0] if days else None


_CAMPAIGN = re.compile(r"\b(?:war|intervention|invasion|campaign|offensives?|siege|battle|operation|conflict|crisis|process|talks|uprising|occupation|presence)\b", re.IGNORECASE)
_SPAN = re.compile(r"[–—]|\b(?:from|until|till|through|since|to)\b\s+\d|\bbetween\b", re.IGNORECASE)


def point_event_date(entry: Entry):
    """The day of an event that happens on one day (a shoot-down, an attack, a signing): the
    day a passage telling it may be dated to. Campaigns, wars and offensives are not: a passage
    that speaks of "the Russian intervention" or "its invasion of Ukraine" is not of their first day."""
    day = event_date(entry)
    if day is None or _CAMPAIGN.search(entry.term):
        return None
    first_sentence = entry.definition.split(". ")[0]
    days = [m for m in explicit_mentions(first_sentence) if m.date.year is not None]
    return day if len(days) == 1 and not _SPAN.search(first_sentence) else None


def anchor_snapshot(glossary: Glossary) -> str:
    """Every entry's public anchor as `anchor<TAB>canonical name` lines, sorted.

    The format of tests/data/glossary-anchors.txt, which `syria-book anchors` prints: the test that
    compares the two makes every change of a public anchor a deliberate one.
    """
    return "".join(sorted(f"{entry.anchor}\t{entry.term}\n" for entry in glossary.entries))


def load_public_anchors(path: Path) -> set[str]:
    """The anchors earlier editions published (public-anchors.txt): they must keep resolving."""
    if not path.exists():
        return set()
    lines = read_regular_file(path).decode("utf-8").splitlines()
    return {line.split("\t")[0].strip() for line in lines if line.strip() and not line.startswith("#")}


def _alias(value, where: str) -> Alias:
    if isinstance(value, str):
        return Alias(value.strip())
    if isinstance(value, dict) and value.get("text"):
        context = value.get("context") or []
        if not isinstance(context, list) or not all(isinstance(word, str) and word.strip() for word in context):
            raise EditorialError(f"{where}: alias '{value['text']}': 'context' must be a list of words")
        return Alias(str(value["text"]).strip(), bool(value.get("case_sensitive", False)), str(value.get("ambiguous_with", "") or ""), tuple(context))
    raise EditorialError(f"{where}: an alias must be a string or a mapping with 'text'")


def _patterns(raw: dict, where: str) -> list[re.Pattern]:
    found = []
    for pattern in raw.get("patterns") or []:
        try:
            found.append(re.compile(str(pattern), re.IGNORECASE))
        except re.error as error:
            raise EditorialError(f"{where}: bad pattern {pattern!r}: {error}") from error
    return found


def _entry(raw, where: str, known_categories: set[str]) -> Entry:
    if not isinstance(raw, dict) or not raw.get("term"):
        raise EditorialError(f"{where}: missing 'term'")
    where = f"{where.rsplit(':', 1)[0]}: entry '{raw['term']}'"
    for key in ("category", "definition", "basis"):
        if not raw.get(key):
            raise EditorialError(f"{where}: missing '{key}'" + (" (the references its definition rests on)" if key == "basis" else ""))
    if str(raw["category"]) not in known_categories:
        raise EditorialError(f"{where}: unknown category '{raw['category']}'")
    basis = raw["basis"] if isinstance(raw["basis"], list) else [raw["basis"]]
    return Entry(
        term=str(raw["term"]).strip(),
        category=str(raw["category"]),
        definition=" ".join(str(raw["definition"]).split()),
        aliases=[_alias(value, where) for value in raw.get("aliases") or []],
        related=[str(name) for name in raw.get("related") or []],
        context_words=[str(word) for word in raw.get("context_words") or []],
        basis=[" ".join(str(item).split()) for item in basis],
        patterns=_patterns(raw, where),
    )


def glossary_files(path: Path) -> list[Path]:
    """glossary.yaml, then the entry files of the glossary/ folder beside it, in name order."""
    folder = path.with_suffix("")
    return [path] + (sorted(folder.glob("*.yaml")) if folder.is_dir() else [])


def load_glossary(path: Path) -> Glossary:
    """The authority file: categories and exceptions from glossary.yaml, entries from it and from
    every file of the glossary/ folder beside it (people.yaml, places.yaml, ...)."""
    if not path.exists():
        return Glossary([], [])
    data = load_yaml(path)
    categories = [Category(str(c["slug"]), str(c["title"])) for c in data.get("categories") or []]
    known_categories = {c.slug for c in categories}
    entries: list[Entry] = []
    for file in glossary_files(path):
        content = data if file == path else load_yaml(file)
        for index, raw in enumerate(content.get("entries") or []):
            entries.append(_entry(raw, f"{file}: entries[{index}]", known_categories))
    exceptions = {str(item["name"]): str(item.get("why", "")) for item in data.get("exceptions") or []}
    glossary = Glossary(categories, entries, exceptions)
    validate(glossary, path)
    return glossary


def validate(glossary: Glossary, path: Path) -> None:
    """Refuse data that would break anchors, links or the linker's one-pass matching."""
    terms = {entry.term for entry in glossary.entries}
    anchors: dict[str, str] = {}
    owner: dict[str, str] = {}
    for entry in glossary.entries:
        where = f"{path}: entry '{entry.term}'"
        if not entry.term.isascii() or not anchor_id(entry.term):
            raise EditorialError(f"{where}: the canonical name must be ASCII (its anchor is public)")
        if not readable_from_inventory(entry.term):
            raise EditorialError(
                f"{where}: other projects could not link to this name through intersphinx (a whole number after "
                "its second word, sphinx-doc/sphinx#9292): reword it (e.g. 'Resolution 2254') and keep this spelling as an alias"
            )
        if entry.anchor in anchors:
            raise EditorialError(f"{where}: same anchor {entry.anchor} as '{anchors[entry.anchor]}'")
        anchors[entry.anchor] = entry.term
        spellings: set[str] = set()
        for alias in [None, *entry.aliases]:
            name = entry.term if alias is None else alias.text
            if name.casefold() in spellings and not (alias and alias.case_sensitive):
                raise EditorialError(f"{where}: '{name}' repeats another of its names but for case (names match whatever their case)")
            spellings.add(name.casefold())
        for name in entry.names:
            if FORBIDDEN_IN_NAMES.search(name):
                raise EditorialError(f"{where}: '{name}' holds a backtick, angle bracket or line break")
            key = name.casefold()
            if key in owner and owner[key] != entry.term:
                raise EditorialError(f"{where}: '{name}' is also a name of '{owner[key]}'")
            owner[key] = entry.term
        for alias in entry.aliases:
            if alias.ambiguous_with and alias.ambiguous_with not in terms:
                raise EditorialError(f"{where}: alias '{alias.text}' is ambiguous with unknown entry '{alias.ambiguous_with}'")
    for entry in glossary.entries:
        # A related entry may be named by any of its names: an entry renamed with its old name kept
        # as an alias is still found (and linked by its canonical name).
        for index, name in enumerate(entry.related):
            if name not in terms and name.casefold() not in owner:
                raise EditorialError(f"{path}: entry '{entry.term}': related entry '{name}' does not exist (no entry has this name or alias)")
            entry.related[index] = name if name in terms else owner[name.casefold()]
        for alias in entry.aliases:
            if anchor_id(alias.text) in anchors and anchors[anchor_id(alias.text)] != entry.term:
                raise EditorialError(
                    f"{path}: entry '{entry.term}': alias '{alias.text}' would take the anchor of '{anchors[anchor_id(alias.text)]}'"
                )
