"""Scaled corpora of distinct documents for the benchmark: what a book that grows would be fed.

Multiplying the seeds byte for byte made every copy "corroborate" every other one and inflated
the pages with lists of "also reported by" links. Here each document is new: its paragraphs are
recombined from sentences of the project's seeds and evaluation documents, its people and places
are swapped for others of the glossary, its years and days are shifted, and it is laid out in one
of the formats the readers recognise (a digest of dated items, a web article with a dateline, an
encyclopedia export with front matter and headings, a one-line bundle of search snippets), with
its own title, publisher, author and dates.

Everything is drawn from one seeded `random.Random`, so a scale always gives the same bytes.
Scale N is about N times the text of the five seeds. Usage:

    python benchmarks/corpus.py --scale 10 OUT_FOLDER
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from tools.readers import choose_reader, read_source

ROOT = Path(__file__).resolve().parent.parent
EVALUATION_SETS = ("tune", "holdout")
SWAPPED_CATEGORIES = ("person", "place")  # names a new document may give to other people and places
FIRST_YEAR, LAST_YEAR = 2011, 2024  # the war's years: shifted dates stay inside them
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Invented outlets, desks and bylines: a new document must not pass for one of the real sources.
PUBLISHERS = (
    "Northern Wire", "Levant Monitor", "Caspian Courier", "Harbour Gazette", "Eastern Desk Review",
    "Meridian Post", "Steppe Bulletin", "Coastal Herald", "Orient Ledger", "Capital Dispatch",
)
AUTHORS = (
    "Mara Ellison", "Pavel Orlov", "Nadia Haddad", "Tomas Wren", "Lina Sabbagh", "Oleg Vasin",
    "Claire Dumont", "Yusuf Karim", "Irina Belova", "Samuel Achebe", "Hana Mourad", "Dmitri Gorin",
)
CITIES = ("DAMASCUS", "MOSCOW", "BEIRUT", "ANKARA", "GENEVA", "TEHRAN", "AMMAN", "LATAKIA", "ALEPPO", "ISTANBUL")
SECTIONS = ("World", "Politics", "Middle East", "Defence", "Diplomacy", "Analysis")

# Share of documents in each format, and the size range of one document in bytes: roughly the
# mix of the seeds (an encyclopedia export is long, an article short).
FORMATS = {
    "encyclopedia": (0.30, (12_000, 40_000)),
    "digest": (0.25, (6_000, 18_000)),
    "article": (0.25, (4_000, 10_000)),
    "snippets": (0.20, (8_000, 30_000)),
}

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z“\"])")
_NOISE = re.compile(r"\[\d+\]|\*\*|__")
_NOT_PROSE = re.compile(r"\||\{\{|\]\(|https?:|<|>|^[-*#!]|\t")
_YEAR = re.compile(r"(?<!\d)(20(?:0\d|1\d|2[0-4]))(?!\d)")
_DAY_MONTH = re.compile(rf"(?<!\d)([0-3]?\d)(\s+(?:{'|'.join(MONTHS)}))")
_MONTH_DAY = re.compile(rf"((?:{'|'.join(MONTHS)})\s+)([0-3]?\d)(?!\d)")


@dataclass
class Material:
    """What new documents are made of: prose paragraphs (as sentences), headings, and the
    glossary's people and places by category."""

    paragraphs: list[list[str]]
    headings: list[str]
    names: dict[str, list[list[str]]]  # category -> entries, each its term then its aliases


def source_files(root: Path = ROOT) -> list[Path]:
    """The seeds and the evaluation documents, in a fixed order (the generator's only inputs)."""
    folders = [root / "seeds"] + [root / "evaluation" / "documents" / name for name in EVALUATION_SETS]
    return [path for folder in folders if folder.is_dir() for path in sorted(folder.iterdir()) if path.is_file()]


def seeds_size(root: Path = ROOT) -> int:
    """The bytes of the five seeds: the unit of scale."""
    return sum(path.stat().st_size for path in sorted((root / "seeds").iterdir()) if path.is_file())


def is_prose(text: str) -> bool:
    """A sentence fit to be reused: a real sentence of words, no table, link, markup or list."""
    return 8 <= len(text.split()) <= 80 and text[-1] in ".!?\"”" and not _NOT_PROSE.search(text)


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(_NOISE.sub("", text)) if part.strip()]


def read_paragraphs(path: Path) -> tuple[list[list[str]], list[str]]:
    """A document's prose paragraphs as lists of sentences, and its headings, as the pipeline's
    own reader splits it (so recombined text is text the book would have kept)."""
    lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
    source = read_source(path.name, lines)
    paragraphs, headings = [], []
    for block in source.blocks:
        if block.kind == "heading" and 2 <= len(block.text.split()) <= 10 and not _NOT_PROSE.search(block.text):
            headings.append(block.text.strip())
        elif block.kind in ("paragraph", "item", "sentences"):
            kept = [sentence for sentence in sentences(block.text) if is_prose(sentence)]
            paragraphs.extend(kept[start : start + 5] for start in range(0, len(kept), 5))
    headings += [match.group(1).strip() for line in lines if (match := re.match(r"^#{2,3}\s+(.{6,80})$", line))]
    return [paragraph for paragraph in paragraphs if paragraph], headings


def glossary_names(root: Path = ROOT) -> dict[str, list[list[str]]]:
    """People and places of the glossary (glossary.yaml and glossary/*.yaml), each entry as its
    term then its Latin-script aliases: the names a new document may swap."""
    data = root / "docs" / "data"
    files = [data / "glossary.yaml"] + sorted((data / "glossary").glob("*.yaml"))
    names: dict[str, list[list[str]]] = {category: [] for category in SWAPPED_CATEGORIES}
    for file in files:
        for entry in (yaml.safe_load(file.read_text(encoding="utf-8")) or {}).get("entries", []) or []:
            if entry.get("category") in names:
                aliases = (alias["text"] if isinstance(alias, dict) else alias for alias in entry.get("aliases") or [])
                spellings = [entry["term"], *(alias for alias in aliases if alias.isascii())]
                names[entry["category"]].append(spellings)
    return names


def load_material(root: Path = ROOT) -> Material:
    paragraphs, headings = [], []
    for path in source_files(root):
        found, titles = read_paragraphs(path)
        paragraphs += found
        headings += titles
    return Material(paragraphs, sorted(set(headings)), glossary_names(root))


class Renamer:
    """One document's swap of people and places: each glossary person or place it mentions may
    become another of the same category, consistently through the document."""

    def __init__(self, names: dict[str, list[list[str]]], rng: random.Random, share: float = 0.6):
        self.rng, self.share = rng, share
        self.entry_of: dict[str, tuple[str, int]] = {}
        for category, entries in names.items():
            for index, spellings in enumerate(entries):
                for spelling in spellings:
                    self.entry_of.setdefault(spelling, (category, index))
        self.names = names
        spellings = sorted(self.entry_of, key=len, reverse=True)
        self.pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, spellings)) + r")(?!\w)") if spellings else None
        self.chosen: dict[tuple[str, int], str | None] = {}

    def _replacement(self, spelling: str) -> str:
        """The name this document gives to an entry: another entry's term, or its own spelling."""
        key = self.entry_of[spelling]
        if key not in self.chosen:
            others = [entry for index, entry in enumerate(self.names[key[0]]) if index != key[1]]
            swap = bool(others) and self.rng.random() < self.share
            self.chosen[key] = self.rng.choice(others)[0] if swap else None
        return self.chosen[key] or spelling

    def __call__(self, text: str) -> str:
        return self.pattern.sub(lambda match: self._replacement(match.group(1)), text) if self.pattern else text


def shift_dates(text: str, years: int, days: int) -> str:
    """Years moved by `years` (kept inside the war's years) and days of the month by `days`
    (kept from 1 to 28): the same sentence in two documents then rarely tells the same day."""

    def year(match: re.Match) -> str:
        return str(min(LAST_YEAR, max(FIRST_YEAR, int(match.group(1)) + years)))

    def day(number: str) -> str:
        value = int(number)
        return number if not 1 <= value <= 31 else str((value - 1 + days) % 28 + 1)

    text = _YEAR.sub(year, text)
    text = _DAY_MONTH.sub(lambda match: day(match.group(1)) + match.group(2), text)
    return _MONTH_DAY.sub(lambda match: match.group(1) + day(match.group(2)), text)


class Writer:
    """Draws the pieces of one new document: paragraphs recombined from the material, renamed
    and re-dated, and its dates, headings and names."""

    def __init__(self, material: Material, rng: random.Random):
        self.material, self.rng = material, rng
        self.rename = Renamer(material.names, rng)
        self.years, self.days = rng.randint(-3, 3), rng.randint(0, 27)

    def paragraph(self) -> str:
        """A run of one to four sentences of one source paragraph, then up to two sentences from
        anywhere: new paragraphs, yet each sentence one the book's cleaning keeps."""
        source = self.rng.choice(self.material.paragraphs)
        start = self.rng.randrange(len(source))
        picked = source[start : start + self.rng.randint(1, 4)]
        for _ in range(self.rng.choice((0, 0, 1, 2))):
            picked.append(self.rng.choice(self.rng.choice(self.material.paragraphs)))
        return shift_dates(self.rename(" ".join(picked)), self.years, self.days)

    def body(self, size: int) -> list[str]:
        paragraphs, length = [], 0
        while length < size:
            paragraphs.append(self.paragraph())
            length += len(paragraphs[-1]) + 2
        return paragraphs

    def heading(self) -> str:
        if self.material.headings and self.rng.random() < 0.7:
            return shift_dates(self.rename(self.rng.choice(self.material.headings)), self.years, self.days)
        place = self.rng.choice(self.material.names["place"])[0] if self.material.names["place"] else "Syria"
        return f"{place}: {self.rng.choice(('the fighting', 'talks and truces', 'the bases', 'aid and sieges', 'the air war'))}"

    def date(self, low: int = FIRST_YEAR, high: int = LAST_YEAR) -> dt.date:
        start = dt.date(low, 1, 1).toordinal()
        return dt.date.fromordinal(self.rng.randint(start, dt.date(high, 12, 31).toordinal()))

    def author(self) -> str:
        return self.rng.choice(AUTHORS)

    def publisher(self) -> str:
        return self.rng.choice(PUBLISHERS)


def long_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def write_digest(writer: Writer, size: int) -> str:
    """Dated items under a wire service's header, each opened by a "CITY | Weekday D Month YYYY |
    By Name" dateline or, in the other house style, by "Month D, YYYY" alone with the byline last."""
    rng = writer.rng
    publisher = writer.publisher()
    first = writer.date(FIRST_YEAR, LAST_YEAR - 2)
    pipes = rng.random() < 0.5
    out = [f"{publisher.upper()} -- WEEKEND FILE", f"Digest: Moscow and the Syrian war, dispatches from {first.year}",
           f"Compiled by the {publisher} desk. Items are reproduced as filed.", "=" * 60, ""]
    day, number = first, 0
    while sum(map(len, out)) < size:
        number += 1
        day += dt.timedelta(days=rng.randint(3, 60))
        paragraphs = writer.body(rng.randint(600, 1800))
        if pipes:
            out += [f"ITEM {number}", f"{rng.choice(CITIES)} | {WEEKDAYS[day.weekday()]} {long_date(day)} | By {writer.author()}, {publisher}", ""]
            out += [line for paragraph in paragraphs for line in (paragraph, "")]
            out += ["-" * 60]
        else:
            out += [f"{MONTHS[day.month - 1]} {day.day}, {day.year}", ""]
            paragraphs[-1] += f" {writer.author()}"
            out += [line for paragraph in paragraphs for line in (paragraph, "")]
    return "\n".join(out) + "\n"


def write_article(writer: Writer, size: int) -> str:
    """A web page: a line of site chrome, a dateline ("30 Sep, 2016 05:10"), the headline, and
    paragraphs with a subheading now and then."""
    rng = writer.rng
    day = writer.date()
    chrome = " | ".join(["Home", *rng.sample(SECTIONS, 3), "Video", "Subscribe"])
    out = [f"{writer.publisher()} {chrome}", f"{day.day} {MONTHS[day.month - 1][:3]}, {day.year} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}", "",
           writer.heading(), ""]
    for index, paragraph in enumerate(writer.body(size)):
        if index and index % rng.randint(3, 6) == 0:
            out += [writer.heading().rstrip(".!?"), ""]
        out += [paragraph, ""]
    out += [f"By {writer.author()}"]
    return "\n".join(out) + "\n"


def write_encyclopedia(writer: Writer, size: int) -> str:
    """An encyclopedia export: YAML front matter (subject, description, author, pubDate, tags)
    and a body of ## and ### sections."""
    rng = writer.rng
    subject = writer.heading().rstrip(".!?")
    body = writer.body(size)
    published = writer.date(2019, LAST_YEAR)
    front = {
        "subject": subject,
        "shortDescription": f"Article on {subject}",
        "description": body[0],
        "author": f"{writer.publisher()} Encyclopedia",
        "pubDate": f"{published.isoformat()} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
        "tags": [writer.heading().rstrip(".!?") for _ in range(rng.randint(1, 3))],
    }
    out = ["---", yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=100).rstrip(), "---", ""]
    for index, paragraph in enumerate(body[1:]):
        if index % rng.randint(3, 7) == 0:
            out += [f"{'##' if rng.random() < 0.6 else '###'} {writer.heading().rstrip('.!?')}", ""]
        out += [paragraph, ""]
    return "\n".join(out) + "\n"


def write_snippets(writer: Writer, size: int) -> str:
    """Search results pasted on one line: sentences, some opened by a date ("Feb 8, 2018 — ") and
    some followed by "Read more"."""
    rng = writer.rng
    pieces, length = [], 0
    while length < size:
        piece = writer.paragraph()
        if rng.random() < 0.3:
            day = writer.date()
            piece = f"{MONTHS[day.month - 1][:3]} {day.day}, {day.year} — {piece}"
        if rng.random() < 0.2:
            piece += " Read more"
        pieces.append(piece)
        length += len(piece) + 1
    return " ".join(pieces) + "\n"


WRITERS = {"encyclopedia": write_encyclopedia, "digest": write_digest, "article": write_article, "snippets": write_snippets}
SUFFIXES = {"encyclopedia": ".md", "digest": ".txt", "article": ".txt", "snippets": ".txt"}
# The reader each format is written for (tools/readers/, their NAME).
READER_OF = {"encyclopedia": "markdown-front-matter", "digest": "news-digest", "article": "web-article", "snippets": "web-snippets"}


def read_as(data: bytes) -> str:
    """The name of the reader the pipeline would choose for a document."""
    return choose_reader(data.decode("utf-8").splitlines()).NAME


def document_name(number: int, kind: str, writer: Writer) -> str:
    """A seed-like file name that says what the document is, unique by its number."""
    return f"{number:04d}_{kind}_{writer.publisher().lower().replace(' ', '-')}{SUFFIXES[kind]}"


def generate(size: int, material: Material | None = None, seed: int = 2015) -> dict[str, bytes]:
    """Documents adding up to about `size` bytes, file name to content; the same arguments always
    give the same documents. A document that repeats another byte for byte, or that the pipeline
    would read in another format than intended (an article whose paragraphs open with dates reads
    as a chronology), is drawn again. Every format comes first once, so that even a small corpus
    holds each."""
    material = material or load_material()
    rng = random.Random(seed)
    kinds, weights = zip(*((kind, share) for kind, (share, _) in FORMATS.items()))
    documents: dict[str, bytes] = {}
    seen: set[bytes] = set()
    total = 0
    while total < size:
        missing = [kind for kind in kinds if not any(name.split("_")[1] == kind for name in documents)]
        kind = missing[0] if missing else rng.choices(kinds, weights)[0]  # every format at least once, then by share
        low, high = FORMATS[kind][1]
        writer = Writer(material, random.Random(rng.getrandbits(64)))
        data = WRITERS[kind](writer, min(rng.randint(low, high), max(size - total, low))).encode("utf-8")
        if data in seen or read_as(data) != READER_OF[kind]:
            continue
        seen.add(data)
        documents[document_name(len(documents) + 1, kind, writer)] = data
        total += len(data)
    return documents


def scaled_corpus(scale: float, root: Path = ROOT, seed: int = 2015) -> dict[str, bytes]:
    """Scale N: about N times the bytes of the five seeds, all of it new documents."""
    return generate(int(scale * seeds_size(root)), load_material(root), seed)


def write_corpus(documents: dict[str, bytes], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in documents.items():
        (folder / name).write_bytes(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1)
    parser.add_argument("--seed", type=int, default=2015)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    documents = scaled_corpus(args.scale, seed=args.seed)
    write_corpus(documents, args.folder)
    print(f"{len(documents)} documents, {sum(map(len, documents.values()))} bytes in {args.folder}")


if __name__ == "__main__":
    main()
