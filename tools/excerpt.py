"""Excerpts: the opening of a passage that a theme chapter links to its full text.

An excerpt never holds the whole of a passage longer than a few words (its full text lives in one
place only), and it never stops mid-phrase:

- a passage of several sentences gives its first sentences, whole, up to about `words` words;
- a first sentence of a few words (a dateline, a title) is followed by the next, whole or cut;
- a sentence too long for that, or a passage of one sentence, is cut where a clause or a phrase
  ends (after a comma, semicolon, colon or dash, or before a conjunction or preposition), never
  before half of it;
- the cut is marked with an ellipsis, " …".
"""

from __future__ import annotations

import re

from .split import sentence_spans

ELLIPSIS = " …"
# Where a clause ends: after these marks.
CLAUSE_END = re.compile(r"[,;:](?=\s)|\s[–—-](?=\s)")
# Where a phrase starts: before these words (a cut there leaves a whole phrase behind it).
PHRASE_START = re.compile(
    r"\s(?=(?:and|but|or|while|whereas|which|who|whom|where|when|after|before|as|because|since|although|though|"
    r"for|in|into|on|onto|at|by|with|without|from|over|under|near|against|during|toward|towards|amid|"
    r"including|according|despite|following|through|until|via)\b)",
    re.IGNORECASE,
)


SHORT_OPENING = 8  # words: a first sentence shorter than this is a dateline or a title, not the news

# Words an excerpt cut at a word boundary must not end on.
DANGLING = {"a", "an", "the", "of", "to", "and", "or", "but", "in", "on", "at", "by", "for", "with", "from", "that", "which", "who", "as", "its", "their", "his", "her"}


def _word_count(text: str) -> int:
    return len(text.split())


def sentence_ends(text: str) -> list[int]:
    """Offsets where the sentences of `text` end (syntok), each sentence at least four words long,
    so that an initial ("U.", "J.") or an abbreviation never ends one."""
    ends = []
    start = 0
    for _, end in sentence_spans(text):
        if _word_count(text[start:end]) >= 4 and not re.search(r"\b[A-Z]\.$", text[start:end]):
            ends.append(end)
            start = end
    return ends


def _cut_sentence(sentence: str, words: int) -> str:
    """The longest opening of a sentence that ends a clause (else a phrase) between half of the
    sentence (at least 4 words) and `words` words, leaving at least 3 words out."""
    total = _word_count(sentence)
    low, high = max(4, min(total // 2, 10)), min(words, total - 3)

    def best(pattern: re.Pattern, inclusive: bool) -> str | None:
        chosen = None
        for found in pattern.finditer(sentence):
            head = sentence[: found.end() if inclusive else found.start()].rstrip(" ,;:–—-")
            if low <= _word_count(head) <= high:
                chosen = head
        return chosen

    head = best(CLAUSE_END, inclusive=True) or best(PHRASE_START, inclusive=False)
    if head is None:  # no boundary in reach: whole words, as many as allowed, not ending on "the"
        kept = sentence.split()[: max(3, min(words, total - 3))]
        while len(kept) > 3 and kept[-1].lower().strip(",;:") in DANGLING:
            kept.pop()
        head = " ".join(kept).rstrip(",;:")
    return head + ELLIPSIS


def excerpt(text: str, words: int = 24) -> str:
    """The opening of a passage for a linked excerpt, cut at a sentence, clause or phrase boundary."""
    flat = " ".join(text.split())
    if _word_count(flat) <= 3:
        return flat
    ends = [end for end in sentence_ends(flat) if end < len(flat.rstrip()) - 1]  # never the last sentence's end
    if ends and _word_count(flat[: ends[0]]) < SHORT_OPENING:
        # A dateline or a title ("Moscow, 30 September 2015.") says nothing alone: it opens the
        # excerpt, and the next sentence, whole or cut, says what happened.
        head = flat[: ends[0]].rstrip()
        rest = excerpt(flat[ends[0]:], max(words - _word_count(head), SHORT_OPENING))
        return f"{head} {rest}"
    if ends and _word_count(flat[: ends[0]]) <= words:
        cut = max(end for end in ends if end == ends[0] or _word_count(flat[:end]) <= words)
        return flat[:cut].rstrip() + ELLIPSIS
    first = flat[: ends[0]] if ends else flat
    return _cut_sentence(first, words)
