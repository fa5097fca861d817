"""Large single-line seeds for the conversion benchmark: where a quadratic path would show.

- `distinct_sentences_line(size)`: one line of distinct sentences (a huge snippet bundle), so no
  sentence repeats another and every near-repeat look-up must miss;
- `image_line(size)`: one Markdown line of images after a front matter, as an encyclopedia export
  that inlines its gallery.
Deterministic: the same size always gives the same bytes.
"""

from __future__ import annotations

import random

WORDS = (
    "Russian aircraft struck positions near Aleppo while officials in Moscow described the operation "
    "as a response to terrorism and monitors reported civilian deaths in villages of Idlib province "
    "after the convoy reached Tartus and Khmeimim with supplies for the garrison"
).split()


def distinct_sentences_line(size: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    pieces, length, number = [], 0, 0
    while length < size:
        number += 1
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
        sentence = f"{' '.join(words).capitalize()} in report {number}."
        pieces.append(sentence)
        length += len(sentence) + 1
    return " ".join(pieces).encode("utf-8")


def image_line(size: int) -> bytes:
    head = "---\ntitle: A gallery on one line\n---\n"
    images, length, number = [], 0, 0
    while length < size:
        number += 1
        image = f"![Photo {number} of the base](https://example.org/images/{number}.jpg) "
        images.append(image)
        length += len(image)
    return (head + "".join(images) + "\n").encode("utf-8")
