"""The only module that knows MyST syntax, and the one place seed text is escaped.

Every piece of seed text goes through `text()` (or `link()`/`excerpt()`, which call it): each
ASCII punctuation character gets a backslash, which CommonMark defines as "this character is
literal". No Markdown, MyST role or directive, HTML tag, rST construct or LaTeX command can
survive that; Sphinx then escapes the literal text for each output format itself.
"""

from __future__ import annotations

import re
import string

_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")


def text(value: str) -> str:
    """Seed text as literal MyST inline content, on one line (runs of white space become one space)."""
    flat = re.sub(r"\s+", " ", str(value))
    return _PUNCTUATION.sub(r"\\\1", flat)


def label(name: str) -> str:
    """A MyST target line for an id the pipeline made (ids are [a-z0-9-] only)."""
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9-]*", name), name
    return f"({name})="


def link(value: str, target: str) -> str:
    """A link whose visible text is escaped seed text; the target is the pipeline's own."""
    assert not re.search(r"[\s()<>]", target), target
    return f"[{text(value)}]({target})"


def term(value: str, canonical: str) -> str:
    """A glossary reference showing the seed's spelling.

    The spelling is seed text and may hold backticks (the linker accepts "Hay`at" for "Hay'at"):
    the role's content is then fenced, like a code span, by one more backtick than its longest
    run, and the space keeps a leading backtick from lengthening the opening fence. Glossary names
    hold no backticks or angle brackets (the glossary loader refuses them), and a role's content
    is never parsed as Markdown, so no other character needs care.
    """
    flat = " ".join(value.split())
    assert flat and not re.search(r"[<>]", flat) and not re.search(r"[`<>\n]", canonical), (value, canonical)
    content = f"{flat} <{canonical}>"
    fence = "`" * (max((len(run) for run in re.findall(r"`+", content)), default=0) + 1)
    return f"{{term}}{fence}{' ' if content.startswith('`') else ''}{content}{fence}"


def excerpt(value: str, words: int = 24) -> str:
    """The first words of a passage, for the linked excerpts of the other view.

    Never the whole of a passage longer than a few words: its full text lives in one place only.
    """
    parts = value.split()
    keep = len(parts) if len(parts) <= 3 else min(words, max(3, len(parts) // 2))
    return " ".join(parts[:keep]) + (" …" if keep < len(parts) else "")


def directive(name: str, body: str, argument: str = "", options: dict | None = None, fence: str = ":::") -> str:
    lines = [f"{fence}{{{name}}}{(' ' + argument) if argument else ''}"]
    for key, value in (options or {}).items():
        lines.append(f":{key}: {value}")
    lines.append(body.rstrip("\n"))
    lines.append(fence)
    return "\n".join(lines)


def role_safe(value: str) -> str:
    """Seed text inside role content, where nothing can be escaped: no backticks, no angle
    brackets, one line. Used for a seed file's name in a line citation."""
    return " ".join(value.replace("`", "'").replace("<", "(").replace(">", ")").split())
