"""Finding repeated sentences in linear time: exact repeats by their words, near-repeats by MinHash.

Scraped snippet bundles repeat the same sentence with small differences ("What does Russia really
want?" three times, once with a word cut off). A near-repeat has a similar length (|difference|
< 10 % + 5 characters), a rapidfuzz ratio of at least NEAR_REPEAT_SCORE and the same numbers in
the same order ("15 civilians" never merges into "51 civilians").

Comparing each sentence with every earlier one is quadratic: 20,000 sentences took minutes. Here
each sentence is filed under the few smallest hashes of its word pairs (a bottom-k MinHash
sketch); two sentences that are near repeats share most word pairs, so they share a key with near
certainty, and a new sentence is compared only with the latest few sentences under each of its
keys. The hashes are stable (CRC-32), so the same text always gives the same result.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict, deque

from rapidfuzz import fuzz, process

NEAR_REPEAT_SCORE = 92  # rapidfuzz ratio (0-100) from which two sentences count as one
SKETCH = 4  # keys per sentence: the smallest hashes of its word pairs (a bottom-k MinHash sketch)
BUCKET_REACH = 16  # how many of the latest sentences under one key a new sentence is compared with


def normal_words(text: str) -> str:
    """Case-folded words, punctuation dropped: what two repeats must (nearly) share."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _numbers(normal: str) -> list[str]:
    return re.findall(r"\d+", normal)


def _keys(normal: str) -> list[int]:
    words = normal.split()
    shingles = {" ".join(words[i : i + 2]) for i in range(len(words) - 1)} if len(words) > 2 else set(words)
    return sorted({zlib.crc32(shingle.encode("utf-8", "surrogatepass")) for shingle in shingles})[:SKETCH] or [0]


class RepeatIndex:
    """Normalised sentences filed so far, each with a value (the index of the passage it is)."""

    def __init__(self) -> None:
        self.first_with: dict[str, object] = {}
        self.buckets: dict[int, deque] = defaultdict(lambda: deque(maxlen=BUCKET_REACH))

    def find(self, normal: str, keys: list[int] | None = None):
        """The value of the first filed sentence this one repeats (exactly or nearly), or None."""
        if normal in self.first_with:
            return self.first_with[normal]
        reach = 0.1 * len(normal) + 5
        candidates: dict[int, tuple[str, object]] = {}
        for key in keys or _keys(normal):
            for order, other, value in self.buckets.get(key, ()):
                if abs(len(other) - len(normal)) < reach:
                    candidates[order] = (other, value)
        if not candidates:
            return None
        orders = sorted(candidates)
        numbers = _numbers(normal)
        matches = process.extract(normal, [candidates[order][0] for order in orders], scorer=fuzz.ratio, score_cutoff=NEAR_REPEAT_SCORE, limit=None)
        repeats = [orders[position] for _, _, position in matches if _numbers(candidates[orders[position]][0]) == numbers]
        return candidates[min(repeats)][1] if repeats else None

    def add(self, normal: str, value, keys: list[int] | None = None) -> None:
        if normal in self.first_with:
            return
        self.first_with[normal] = value
        order = len(self.first_with)
        for key in keys or _keys(normal):
            self.buckets[key].append((order, normal, value))

    def find_or_add(self, normal: str, value):
        """The value of the sentence this one repeats; or None, after filing this one with `value`."""
        keys = _keys(normal)
        found = self.find(normal, keys)
        if found is None:
            self.add(normal, value, keys)
        return found


class ContainerIndex:
    """Passages filed by their words, to find the first that holds a snippet's words in order.

    Only the passages that hold the snippet's rarest word can hold the snippet, so the search reads
    those, not every passage filed so far (which made merging quadratic in passages)."""

    def __init__(self) -> None:
        self.texts: list[tuple[str, object]] = []
        self.holding: dict[str, list[int]] = defaultdict(list)  # word -> positions in texts, ascending

    def add(self, normal: str, value) -> None:
        position = len(self.texts)
        self.texts.append((f" {normal} ", value))
        for word in set(normal.split()):
            self.holding[word].append(position)

    def first_holding(self, normal: str):
        """The value of the earliest filed text holding `normal` as a run of whole words, or None."""
        postings = [self.holding.get(word, []) for word in set(normal.split())]
        rarest = min(postings, key=len, default=[])
        needle = f" {normal} "
        return next((self.texts[position][1] for position in rarest if needle in self.texts[position][0]), None)


MIN_WORDS_CONTAINED = 6  # a shorter snippet inside another passage may be a common phrase


def merge_repeats(passages: list, sources: list, sentences) -> list:
    """The book's passages without the snippets that repeat text found earlier in the book.

    A snippet (a passage with a `snippet` number) is a repeat when one sentence of an earlier
    passage, of any seed, is the same or nearly (RepeatIndex), or when a longer passage holds all
    its words in order (a truncated copy). The repeat goes to its seed's removals, naming the
    passage it repeats; `sentences` splits a passage into sentences.
    """
    by_file = {source.file: source for source in sources}
    index = RepeatIndex()
    kept = []
    containers = ContainerIndex()
    for passage in passages:
        normal = normal_words(passage.text)
        if passage.snippet is not None:
            twin = index.find(normal)
            if twin is None and len(normal.split()) >= MIN_WORDS_CONTAINED:
                twin = containers.first_holding(normal)
            if twin is not None and twin.source != passage.source:
                by_file[passage.source].remove(passage.first_line, passage.last_line, f"repeat of passage {twin.id} ({twin.source})", passage.text)
                continue
        for sentence in ([passage.text] if passage.snippet is not None else sentences(passage.text)):
            index.add(normal_words(sentence), passage)
        if passage.snippet is None:
            containers.add(normal, passage)
        kept.append(passage)
    return kept
