"""The printed dictionary's order and the index's names: how readers look names up.

The web glossary groups entries by category under their canonical names, each alias a term line
of its own. On paper the glossary is one A-Z dictionary: people under their surname ("Putin,
Vladimir"), "al-" ignored wherever it stands ("Assad, Bashar al-" under A, "al-Nusra Front" under
N), and the variant spellings a reader meets in the text go to the index as "see" references.
These rules are pure functions here; `dictionary_data` hands their results to the LaTeX
post-transform that rearranges the glossary (tools/sphinx_ext/latex/dictionary.py) and writes the
index entries, as `_generated/print/dictionary.json`. The list of abbreviations comes from the
same aliases.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from ..export import json_document
from ..glossary import Entry
from ..link import fold_name
from .common import PageContext

DATA = "_generated/print/dictionary.json"

# Words that belong to the surname when they stand before it ("Staffan de Mistura", "Carla Del Ponte").
_PARTICLES = {"de", "del", "della", "di", "da", "van", "von", "der", "den", "bin", "ibn", "ben", "le", "la"}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# The Arabic article, as sources write it: ignored for sorting ("al-Assad" sorts as "Assad").
_ARTICLE = re.compile(r"(?<![\w'’ʿ])(?:(?:al|el|ad|an|ar|as|ash|at|az)[-‐]|(?:al|el) )(?=\w)", re.IGNORECASE)


def sort_key(name: str) -> str:
    """The key a name is filed under: no Arabic article, no accents, apostrophes or ayn, only
    letters, digits and single spaces, lower case. 'Bashar al-Assad' -> 'bashar assad'."""
    text = _ARTICLE.sub("", name)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"[’'ʿʾʼ`]", "", text)
    text = re.sub(r"[^\w]+", " ", text.casefold())
    return " ".join(text.replace("_", " ").split())


def person_heading(name: str) -> str:
    """A person's name as a dictionary files it: 'Vladimir Putin' -> 'Putin, Vladimir';
    'Bashar al-Assad' -> 'Assad, Bashar al-'; 'Staffan de Mistura' -> 'de Mistura, Staffan';
    'Donald Trump Jr' -> 'Trump, Donald, Jr'. A name of one word, or with a bracket, stays as it is."""
    words = name.split()
    if len(words) < 2 or re.search(r"[()\[\],]", name):
        return name
    suffix = words.pop() if words[-1].casefold() in _SUFFIXES and len(words) > 2 else ""
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in _PARTICLES:
        start -= 1
    given, surname = words[:start], words[start:]
    article = _ARTICLE.match(surname[0])
    if article and len(surname) == 1:
        # 'al-Assad': filed under the name, the article written after the given names
        given = given + [surname[0][: article.end()].rstrip(" ")]
        surname = [surname[0][article.end():]]
    heading = f"{' '.join(surname)}, {' '.join(given)}"
    return f"{heading}, {suffix}" if suffix else heading


def heading(entry: Entry) -> str:
    """The entry's headword in print and its heading in the index."""
    return person_heading(entry.term) if entry.category == "person" else entry.term


def category_label(slug: str) -> str:
    """'armed-group' -> 'armed group': the kind of entry, printed after the headword."""
    return slug.replace("-", " ")


def spellings_in_text(context: PageContext) -> dict[str, set[str]]:
    """Every spelling under which the book's text names each entry, folded, by entry term."""
    found: dict[str, set[str]] = defaultdict(set)
    for passage in context.book.passages:
        for mention in context.book.mentions.get(passage.id, []):
            if mention.inline:
                found[mention.entry.term].add(fold_name(passage.text[mention.start : mention.end]))
    return found


def see_references(entry: Entry, used: set[str]) -> list[str]:
    """The variant spellings that deserve a "see" line in the index: those the text uses, less
    those that would be filed beside the heading anyway (the surname alone, a plural, a
    possessive, a difference of accents, spaces or punctuation, a person's title before the surname)."""
    own = sort_key(heading(entry))
    keys = {own, sort_key(entry.term)}
    surname = own.split()[0] if entry.category == "person" and own else None
    chosen = []
    for alias in entry.aliases:
        if fold_name(alias.text) not in used:
            continue
        key = sort_key(alias.text)
        if not key or any(_beside(key, other) for other in keys) or (surname and key.split()[-1] == surname):
            continue
        keys.add(key)
        chosen.append(alias.text)
    return chosen


def _beside(key: str, other: str) -> bool:
    """Whether two keys would be filed next to each other: one starts the other, or they differ
    by a plural or possessive ending."""
    if key.replace(" ", "") == other.replace(" ", ""):
        return True
    short, long = sorted((key, other), key=len)
    return long.startswith(short) and (len(long) - len(short) <= 2 or long[len(short)] == " ")


def is_abbreviation(name: str) -> bool:
    """'ISIS', 'U.S.', 'ВКС': letters only, all capitals, two or more (no 'S-400', no 'Su-24')."""
    letters = name.replace(".", "")
    if len(letters) < 2 or not letters.isalpha() or not letters.isupper():
        return False
    return "." not in name or re.fullmatch(r"(?:\w\.)+", name) is not None


def abbreviations(context: PageContext) -> list[tuple[str, str]]:
    """(abbreviation, what it stands for) for every capitalised alias or term the text uses."""
    used = spellings_in_text(context)
    found: dict[str, str] = {}
    for entry in context.book.glossary.entries:
        spellings = used.get(entry.term, set())
        for name in entry.names:
            if not is_abbreviation(name) or fold_name(name) not in spellings or name in found:
                continue
            meaning = entry.term if not is_abbreviation(entry.term) else _spelled_out(entry)
            if meaning:
                found[name] = meaning
    return sorted(found.items(), key=lambda item: (not item[0].isascii(), sort_key(item[0]), item[0]))


def _spelled_out(entry: Entry) -> str:
    """For an entry named by its abbreviation ('NATO'): the alias that spells it out, its initials
    first ('North Atlantic Treaty Organization'), else the first Latin alias of several words that
    does not contain the abbreviation ('BBC News' is no expansion of 'BBC')."""
    short = entry.term.replace(".", "")
    candidates = [
        alias.text for alias in entry.aliases
        if not is_abbreviation(alias.text) and alias.text.isascii() and " " in alias.text
        and short.casefold() not in sort_key(alias.text).split()
    ]
    initials = [name for name in candidates if "".join(word[0] for word in name.split() if word[0].isupper()) == short]
    return (initials or candidates or [""])[0]


def dictionary_data(context: PageContext) -> str:
    """What the print transform needs per published entry, by its anchor: the headword, its sort
    key, its kind, and the "see" references of the index."""
    published = context.book.published_terms()
    used = spellings_in_text(context)
    entries = {}
    for entry in context.book.glossary.entries:
        if entry.term not in published:
            continue
        head = heading(entry)
        entries[entry.anchor] = {
            "term": entry.term,
            "heading": head,
            "key": sort_key(head),
            "category": category_label(entry.category),
            "see": [[sort_key(name), name] for name in see_references(entry, used.get(entry.term, set()))],
        }
    return json_document({"entries": entries})


def pages(context: PageContext) -> dict[str, str]:
    return {DATA: dictionary_data(context)}
