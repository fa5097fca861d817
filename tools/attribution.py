"""Attribution: who is speaking when a passage reports a claim ("according to", "said", "denied").

The speaker is the glossary entry named closest before the reporting verb in the same clause, or
the words after "according to". Readers see it beside the passage, so a claim is never mistaken
for the book's own statement.
"""

from __future__ import annotations

import re

from .link import Mention
from .model import Passage

_VERBS = r"said|says|say|claimed|claims|claim|denied|denies|deny|stated|states|announced|announces|insisted|alleged|accused|reported|reports|told|warned|acknowledged|admitted"
_AFTER_ACCORDING = re.compile(r"\b[Aa]ccording to (?:the |a |an )?(?P<who>[^,.;:()\"“”]{3,80})")
_VERB = re.compile(rf"\b(?:{_VERBS})\b")
_CAPITALISED_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*\s+(?:of\s+|the\s+|al-)?){0,5}[A-Z][\w'’.-]*)\s*,?\s*(?:\w+\s+){0,2}$")
_CLAUSE_BREAK = re.compile(r"[.;:!?]\s")


def speakers(passage: Passage, mentions: list[Mention]) -> list[str]:
    """Who the passage reports as speaking, at most three, in order of appearance."""
    text = passage.text
    found: list[tuple[int, str]] = []
    for match in _AFTER_ACCORDING.finditer(text):
        inside = [m for m in mentions if match.start("who") <= m.start < match.end("who")]
        found.append((match.start(), inside[0].entry.term if inside else " ".join(match.group("who").split()[:6])))
    for match in _VERB.finditer(text):
        clause_start = max([0] + [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, match.start())])
        before = [m for m in mentions if clause_start <= m.start and m.end <= match.start()]
        if before:
            found.append((before[-1].start, before[-1].entry.term))
            continue
        capitalised = _CAPITALISED_BEFORE.search(text[clause_start : match.start()])
        if capitalised and capitalised.group(1) not in ("The", "It", "He", "She", "They", "This", "That"):
            found.append((clause_start + capitalised.start(1), capitalised.group(1)))
    names: list[str] = []
    for _, name in sorted(found):
        if name not in names:
            names.append(name)
    return names[:3]
