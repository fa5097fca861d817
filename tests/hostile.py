"""The hostile seed corpus: markup of every kind and malformed files, as seeds/ would receive them.

Readable fixtures are committed in tests/fixtures/hostile/. Files whose point is their odd bytes
(invalid UTF-8, a byte-order mark, CR line endings, binary data, invisible characters, a 1 MB line)
are made here, so that no unreadable file is committed.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

from conftest import make_project

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "hostile"

# Escape sequences rather than literal characters: these are invisible on screen.
INVISIBLE = (
    "Khmei\u200bmim air base, zero width\u200c non-joiner, word\u2060joiner and a stray\ufeffBOM.\n"
    "\n"
    "Bidirectional controls: \u202eevil reversed\u202c, \u2066isolated\u2069, \u2067rtl\u2069, marks \u200e\u200f\u061c.\n"
    "\n"
    "Hidden tags\U000e0041\U000e0042 and a soft\u00adhyphen, invisible\u2062times, and a flag \U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f stays.\n"
    "\n"
    "Private use \ue000 and unassigned \U000effff characters, exotic\u00a0spaces\u2003and\u3000more.\n"
)

CONTROLS = (
    "Bell\x07 escape\x1b[31mred\x1b[0m backspace\x08 delete\x7f form\x0cfeed vertical\x0btab "
    "C1\x85next\x9bcsi and a tab\there.\n\nA second paragraph that is clean.\n"
)


def generated() -> dict[str, bytes]:
    long_word = "Kalibr" + "x" * 5000 + " missiles were fired on 7 October 2015."
    return {
        "invalid-utf8.txt": b"Caf\xe9 in Damascus, \x93quoted\x94 and a lone \x81 byte.\n\nSecond paragraph \xff\xfe\xc3 ends here.\n",
        "bom.txt": b"\xef\xbb\xbfText after a byte-order mark, on 30 September 2015.\n",
        "crlf.txt": b"First line of a CRLF file.\r\nSecond line.\r\n\r\nThird paragraph <script>alert(1)</script>.\r\n",
        "cr.txt": b"First line of a CR file.\rSecond line.\r\rThird paragraph {{ config }}.\r",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)),
        "control-bytes.md": bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 20 + b"some text",
        "empty.txt": b"",
        "blank.txt": b"\n  \n\t\n",
        "invisible.txt": INVISIBLE.encode("utf-8"),
        "controls.txt": CONTROLS.encode("utf-8"),
        "long-word.txt": long_word.encode("utf-8"),
        # File names are seed input too: markup in a name, and a name that gives the same address
        # (page, anchors, passage ids) as another seed's.
        "we`ird <b>name<b> {{x}} $y$ |z|.txt": b"A seed whose file name holds markup, read on 9 May 2016.\n",
        "markup_.txt": b"A seed whose name gives the same address as markup.txt.\n",
    }


def committed() -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(FIXTURES.iterdir()) if path.suffix in (".txt", ".md")}


def corpus(long_line: bool = False) -> dict[str, bytes]:
    """Every hostile seed, by file name; a copy of one seed; optionally a 1 MB line."""
    seeds = {**committed(), **generated()}
    seeds["zz-copy-of-markup.txt"] = seeds["markup.txt"]
    seeds.update(impostor_seeds(seeds))
    if long_line:
        seeds["one-megabyte-line.txt"] = one_megabyte_line()
    return seeds


def one_megabyte_line() -> bytes:
    """A single line of a million bytes with markup and no sentence end: one enormous passage."""
    words = "Russia <b>Khmeimim</b> {{ config }} \\input{/etc/passwd} [x](javascript:alert(1)) `code` |release| Tartus"
    line = " ".join(f"{words} {n}" for n in range(1_000_000 // (len(words) + 6)))
    return line.encode("utf-8")


# What a file outside seeds/ holds: it must never reach the site, the PDF or the exports.
OUTSIDE_SECRET = "OUTSIDE-SECRET-4f1c: this file lives outside seeds/"


def filesystem_attacks(project: Path) -> dict[str, str]:
    """Seeds that are not plain files, made in seeds/ at test time (git cannot carry most of them).

    Returns each name with the words its report must contain. Links point at /etc/passwd, at a
    folder, at nothing, and at a secret file beside the project; a hard link gives that secret a
    second name inside seeds/; a FIFO would hang a reader; a name holds a byte that is not UTF-8.
    """
    seeds = project / "seeds"
    secret = project / "outside-secret.txt"
    secret.write_text(OUTSIDE_SECRET + "\n", encoding="utf-8")
    (seeds / "passwd-link.txt").symlink_to("/etc/passwd")
    (seeds / "secret-link.md").symlink_to(Path("..") / secret.name)
    (seeds / "folder-link.txt").symlink_to("/etc")
    (seeds / "dangling-link.txt").symlink_to("nowhere/at-all.txt")
    os.link(secret, seeds / "hard-link.txt")
    os.mkfifo(seeds / "fifo.txt")
    (seeds / "a-folder.txt").mkdir()
    (seeds / ".hidden.txt").write_text("A hidden seed.\n", encoding="utf-8")
    (seeds / os.fsdecode(b"bad\xffname.txt")).write_bytes(b"A seed whose name is not UTF-8, from 9 May 2016.\n")
    return {
        "passwd-link.txt": "a symbolic link to /etc/passwd: not followed",
        "secret-link.md": "a symbolic link to ../outside-secret.txt: not followed",
        "folder-link.txt": "a symbolic link to /etc: not followed",
        "dangling-link.txt": "a symbolic link to nowhere/at-all.txt: not followed",
        "hard-link.txt": "a hard link (the file has 2 names): not read",
        "fifo.txt": "a FIFO (named pipe), not a document: not read",
        "a-folder.txt": "a folder, not a document: not read",
        ".hidden.txt": "a hidden file: not read",
    }


def impostor_seeds(real: dict[str, bytes]) -> dict[str, bytes]:
    """Seeds that try to take another's place or its notes, and seeds that date themselves
    impossibly: a same-stem .md, a name that differs only by Unicode normalisation, a name of
    the book's own page, a copy of an annotated quote, a year-1 and a 2099 publication date."""
    return {
        "markup.md": real["markup.txt"].replace(b"Markup of every kind", b"FALSIFIED markup of every kind"),
        "caf\u00e9.txt": "Composed caf\u00e9 seed, from 9 May 2016.\n".encode(),  # NFC
        "cafe\u0301.txt": "Decomposed cafe\u0301 seed, from 9 May 2016.\n".encode(),  # NFD
        "index.txt": b"A seed named like the book's own index page, from 9 May 2016.\n",
        "zz-impostor.txt": b"Somebody wrote: the attack was staged by foreign agents, as every witness agreed.\n",
        "year-one.md": b"---\ntitle: Year one\npublished: 0001-01-01\n---\n\nA passage of a source dated to year one.\n",
        "far-future.txt": b"Far future\n\nPublished: 1 January 2099\n\nA passage of an article from 2099.\n",
    }


ANNOTATION_QUOTED = "the attack was staged by foreign agents"  # in markup.txt, named as its source


def hostile_project(where: Path, seeds: dict[str, bytes], attacks: bool = False) -> Path:
    """A copy of the book's project with these seeds only. The shipped annotations quote the real
    seeds, so they are replaced by one note on markup.txt (which an impostor seed copies), and the
    shipped source notes, which describe the real seeds, are left out; `attacks` adds the
    file-system attacks."""
    project = make_project(where, seeds)
    annotations = (
        "annotations:\n"
        "  - id: staged-claim\n    kind: contested\n    title: A claim of staging\n"
        "    note: The editors' note on the claim.\n"
        f"    quotes:\n      - {{source: markup.txt, text: \"{ANNOTATION_QUOTED}\"}}\n"
    )
    has_quote = ANNOTATION_QUOTED.encode() in seeds.get("markup.txt", b"")
    (project / "docs" / "data" / "annotations.yaml").write_text(annotations if has_quote else "annotations: []\n", encoding="utf-8")
    (project / "docs" / "data" / "sources.yaml").write_text("sources: []\n", encoding="utf-8")
    if attacks:
        filesystem_attacks(project)
    return project


class _Page(HTMLParser):
    """What a browser would show as text, and every element with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[str] = []  # the content of inline scripts
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._hidden += 1
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._hidden -= 1

    def handle_data(self, data):
        if self._hidden:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def parse_page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def shown(html: str) -> str:
    """The page's visible text with runs of white space as one space."""
    return flat("".join(parse_page(html).text))


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# The book's own figures (charts and maps drawn by tools/figures) are the only images a page holds.
BOOK_FIGURE = re.compile(r"^(\.\./)*_images/[\w-]+\.svg$")


def is_book_figure(tag: str, attrs: dict) -> bool:
    return tag == "img" and attrs.get("class") == "book-figure" and bool(BOOK_FIGURE.match(attrs.get("src") or ""))
