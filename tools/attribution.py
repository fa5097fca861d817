"""Attribution: who is speaking when a passage reports a claim ("according to", "said", "denied").

The speaker is a glossary entry that can speak (a person, an organisation, an armed group or a
force; a country or city only right before the verb, as in "Turkey said") named shortly before the
reporting verb in the same clause, or right after it ("…, said Igor Konashenkov"), or after
"according to". Failing that, a run of capitalised words right before the verb, if it is not a
month, a weekday or a sentence opener. Readers see the speaker beside the passage, so a claim is
never mistaken for the book's own statement.
"""

from __future__ import annotations

import re

from .link import Mention
from .model import Passage

SPEAKING_CATEGORIES = {"person", "organisation", "armed-group", "force"}
_VERBS = r"said|says|say|claimed|claims|claim|denied|denies|deny|stated|states|announced|announces|insisted|alleged|accused|reported|reports|told|warned|acknowledged|admitted"
_VERB = re.compile(rf"\b(?:{_VERBS})\b")
_AFTER_ACCORDING = re.compile(r"\b[Aa]ccording to (?:the |a |an )?(?P<who>[^,.;:()\"“”]{3,80})")
_CLAUSE_BREAK = re.compile(r"[.;:!?]\s")
_CAPITALISED_RUN = re.compile(r"((?:[A-Z][\w'’.-]*\s+(?:of\s+|the\s+|al-)?){0,4}[A-Z][\w'’.-]*)\s*,?\s*$")
_NOT_SPEAKERS = set(
    "The A An It He She They This That These Those We I According Following After Before In On At By "
    "But And Yet However Also Some Many Officials Reports Media Sources Analysts Experts "
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
MAX_WORDS_BEFORE_VERB = 8


def _words(text: str) -> int:
    return len(text.split())


def _can_speak(mention: Mention, gap: str) -> bool:
    if mention.entry.category in SPEAKING_CATEGORIES:
        return _words(gap) <= MAX_WORDS_BEFORE_VERB
    return mention.entry.category == "place" and _words(gap) == 0


def _capitalised_speaker(before: str) -> str | None:
    match = _CAPITALISED_RUN.search(before)
    if not match:
        return None
    words = match.group(1).split()
    while words and words[0] in _NOT_SPEAKERS:
        words.pop(0)
    if not words or any(char.isdigit() for char in " ".join(words)) or words[-1] in _NOT_SPEAKERS:
        return None
    return " ".join(words)


def speakers(passage: Passage, mentions: list[Mention]) -> list[str]:
    """Who the passage reports as speaking, at most three, in order of appearance."""
    text = passage.text
    found: list[tuple[int, str]] = []
    for match in _AFTER_ACCORDING.finditer(text):
        inside = [m for m in mentions if match.start("who") <= m.start < match.end("who") and m.entry.category in SPEAKING_CATEGORIES]
        if inside:
            found.append((match.start(), inside[0].entry.term))
        elif (name := _capitalised_speaker(match.group("who").split(" that ")[0] + " ")) and match.group("who")[0].isupper():
            found.append((match.start(), name))
    for match in _VERB.finditer(text):
        clause_start = max([0] + [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, match.start())])
        before = [m for m in mentions if clause_start <= m.start and m.end <= match.start() and _can_speak(m, text[m.end : match.start()])]
        if before:
            found.append((before[-1].start, before[-1].entry.term))
            continue
        after = [m for m in mentions if match.end() <= m.start and _words(text[match.end() : m.start]) <= 3 and m.entry.category in SPEAKING_CATEGORIES]
        if after and "," in text[max(0, match.start() - 3) : match.start()]:  # "…," said Igor Konashenkov
            found.append((after[0].start, after[0].entry.term))
            continue
        name = _capitalised_speaker(text[clause_start : match.start()])
        if name:
            found.append((match.start() - len(name), name))
    names: list[str] = []
    for _, name in sorted(found):
        if name not in names:
            names.append(name)
    return names[:3]
