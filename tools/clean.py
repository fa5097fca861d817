"""Cleaning: remove noise from seed text and account for every removal.

Two steps. `normalise_characters` works on raw lines before any reader: it turns exotic spaces into
plain spaces and removes invisible characters (zero-width, bidirectional controls, control
characters, other invisible formatting characters such as Unicode tag characters), which can
disguise or smuggle text. `clean_source` works on a reader's blocks: junk blocks,
inline junk, repeated blocks and empty or back-matter sections, with rules from cleaning.yaml.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .editorial import EditorialError, load_yaml

from .model import Block, Problem, Removal, Source

_SPACES = dict.fromkeys([0x00A0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000], " ")
_ZERO_WIDTH = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E}
_BIDI = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
_ZWJ = 0x200D
# Format characters (category Cf) that are visible signs, not invisible controls: the Arabic,
# Syriac and Kaithi marks written before numbers (Unicode's Prepended_Concatenation_Mark).
_VISIBLE_FORMAT = {*range(0x0600, 0x0606), 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x110BD, 0x110CD}
# A flag such as England's is a black flag, tag characters and a cancel tag: kept whole.
_EMOJI_TAG_SEQUENCE = re.compile("\U0001F3F4[\U000E0020-\U000E007E]+\U000E007F")


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern
    reason: str


@dataclass
class CleaningRules:
    junk_blocks: list[Rule] = field(default_factory=list)
    inline_junk: list[Rule] = field(default_factory=list)
    back_matter_headings: frozenset[str] = frozenset()
    link_lists: list[Rule] = field(default_factory=list)  # headings that open a block of links to other pages

    @classmethod
    def load(cls, path: Path) -> "CleaningRules":
        """The rules of cleaning.yaml; a bad entry stops the build with a message naming it."""
        data = load_yaml(path)

        def rules(key):
            found = []
            for index, item in enumerate(data.get(key) or []):
                where = f"{path}: {key}[{index}]"
                if not isinstance(item, dict) or not item.get("pattern") or not item.get("reason"):
                    raise EditorialError(f"{where}: needs a 'pattern' and a 'reason'")
                try:
                    found.append(Rule(re.compile(str(item["pattern"])), str(item["reason"])))
                except re.error as error:
                    raise EditorialError(f"{where}: bad pattern {item['pattern']!r}: {error}") from error
            return found

        return cls(
            junk_blocks=rules("junk_blocks"),
            inline_junk=rules("inline_junk"),
            back_matter_headings=frozenset(str(name).casefold() for name in data.get("back_matter_headings") or []),
            link_lists=rules("link_lists"),
        )


def _is_pictograph(char: str) -> bool:
    """A symbol, the emoji presentation selector or a skin-tone modifier: what a ZWJ joins."""
    return unicodedata.category(char) == "So" or char == "\ufe0f" or 0x1F3FB <= ord(char) <= 0x1F3FF


def _invisible_kind(text: str, index: int, in_emoji: bool = False) -> str | None:
    """Why the character at index must go, or None to keep it."""
    code = ord(text[index])
    if code == _ZWJ and 0 < index < len(text) - 1 and _is_pictograph(text[index - 1]) and _is_pictograph(text[index + 1]):
        return None  # joins an emoji sequence
    if code in _ZERO_WIDTH:
        return "zero-width character"
    if code in _BIDI:
        return "bidirectional control character"
    category = unicodedata.category(text[index])
    if category == "Cc" and text[index] != "\t":
        return "control character"
    if category in ("Cs", "Co", "Cn"):
        return "unassigned or private-use character"
    if category == "Cf" and code not in _VISIBLE_FORMAT and not in_emoji:
        return "invisible formatting character"
    return None


def normalise_characters(file: str, lines: list[str]) -> tuple[list[str], list[Removal], list[Problem]]:
    """Plain spaces for exotic ones; invisible characters removed and reported, line by line."""
    cleaned: list[str] = []
    removals: list[Removal] = []
    problems: list[Problem] = []
    for number, line in enumerate(lines, start=1):
        line = line.translate(_SPACES)
        if line.isprintable():  # no control, format, private-use or unassigned character: nothing to remove
            cleaned.append(line)
            continue
        kept: list[str] = []
        removed: Counter = Counter()
        codes: list[str] = []
        in_emoji = {index for match in _EMOJI_TAG_SEQUENCE.finditer(line) for index in range(*match.span())}
        for index, char in enumerate(line):
            kind = _invisible_kind(line, index, index in in_emoji)
            if kind:
                removed[kind] += 1
                codes.append(char)
            else:
                kept.append(char)
        for kind, count in sorted(removed.items()):
            problems.append(Problem(file, number, f"{count} {kind}{'s' if count > 1 else ''} removed"))
        if codes:
            removals.append(Removal(number, number, "invisible characters removed", "".join(codes)))
        cleaned.append("".join(kept))
    return cleaned, removals, problems


def visible(text: str) -> str:
    """Text for a report: invisible and control characters shown as their code points."""
    if text.isprintable():  # false exactly when a C* or Z* character other than the space is present
        return text
    return "".join(f"U+{ord(char):04X}" if unicodedata.category(char)[0] in "CZ" and char != " " else char for char in text)


def _normal_form(text: str) -> str:
    return " ".join(text.casefold().split())


def chrome_of_lines(lines: list[str], rules: CleaningRules) -> Rule | None:
    """A block of several lines that is page chrome line by line, though not as a whole: a
    footer ("Comments are closed." / "Most read | Most shared" / "(c) Publisher. Terms |
    Privacy"), whose lines at least half match a junk rule each (two at least); or a list of
    links under a heading such as "RELATED STORIES"."""
    lines = [line.strip() for line in lines if line.strip()]
    if len(lines) < 2:
        return None
    opening = next((rule for rule in rules.link_lists if rule.pattern.search(lines[0])), None)
    if opening:
        return opening
    matched = [rule for line in lines if (rule := next((rule for rule in rules.junk_blocks if rule.pattern.search(line)), None))]
    return matched[0] if len(matched) >= 2 and 2 * len(matched) >= len(lines) else None


def clean_source(source: Source, rules: CleaningRules) -> None:
    """Apply the cleaning rules to the blocks a reader found; every removal is recorded."""
    kept: list[Block] = []
    seen: dict[str, int] = {}
    for block in source.blocks:
        junk = next((rule for rule in rules.junk_blocks if rule.pattern.search(block.text)), None)
        if junk is None and block.last_line > block.first_line:
            junk = chrome_of_lines(source.lines[block.first_line - 1 : block.last_line], rules)
        if junk:
            source.remove(block.first_line, block.last_line, junk.reason, block.text)
            continue
        text = block.text
        for rule in rules.inline_junk:
            for match in rule.pattern.finditer(text):
                source.remove(block.first_line, block.last_line, rule.reason, match.group(0))
            text = rule.pattern.sub(" ", text)
        text = " ".join(text.split())
        if not text:
            continue
        block.text = text
        key = f"{block.kind}:{block.level}:{_normal_form(text)}"
        if block.kind != "heading" and key in seen:
            source.remove(block.first_line, block.last_line, f"repeat of line {seen[key]}", text)
            continue
        seen.setdefault(key, block.first_line)
        kept.append(block)
    source.blocks = _drop_empty_sections(source, _drop_back_matter(source, kept, rules))


def _drop_back_matter(source: Source, blocks: list[Block], rules: CleaningRules) -> list[Block]:
    """Set aside 'See also', 'References' and similar sections of the original page."""
    kept: list[Block] = []
    inside: Block | None = None
    for block in blocks:
        if block.kind == "heading":
            if inside is not None and block.level > inside.level:
                source.remove(block.first_line, block.last_line, f"back matter of the original page ({inside.text})", block.text)
                continue
            inside = block if block.text.casefold() in rules.back_matter_headings else None
            if inside is not None:
                source.remove(block.first_line, block.last_line, "back-matter heading of the original page", block.text)
                continue
        elif inside is not None:
            source.remove(block.first_line, block.last_line, f"back matter of the original page ({inside.text})", block.text)
            continue
        kept.append(block)
    return kept


def _drop_empty_sections(source: Source, blocks: list[Block]) -> list[Block]:
    """A heading with no text before the next heading of its level or higher is set aside."""
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            has_content = False
            for later in blocks[index + 1 :]:
                if later.kind == "heading" and later.level <= block.level:
                    break
                if later.kind != "heading":
                    has_content = True
                    break
            if not has_content:
                source.remove(block.first_line, block.last_line, "empty section heading", block.text)
                continue
        kept.append(block)
    return kept
