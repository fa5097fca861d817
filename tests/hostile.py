"""The hostile seed corpus: markup of every kind and malformed files, as seeds/ would receive them.

Readable fixtures are committed in tests/fixtures/hostile/. Files whose point is their odd bytes
(invalid UTF-8, a byte-order mark, CR line endings, binary data, invisible characters, a 1 MB line)
are made here, so that no unreadable file is committed.
"""

from __future__ import annotations

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
    if long_line:
        seeds["one-megabyte-line.txt"] = one_megabyte_line()
    return seeds


def one_megabyte_line() -> bytes:
    """A single line of a million bytes with markup and no sentence end: one enormous passage."""
    words = "Russia <b>Khmeimim</b> {{ config }} \\input{/etc/passwd} [x](javascript:alert(1)) `code` |release| Tartus"
    line = " ".join(f"{words} {n}" for n in range(1_000_000 // (len(words) + 6)))
    return line.encode("utf-8")


def hostile_project(where: Path, seeds: dict[str, bytes]) -> Path:
    """A copy of the book's project with these seeds only. The shipped annotations quote the real
    seeds, so they are left out: they would stop a build that does not have those seeds."""
    project = make_project(where, seeds)
    (project / "docs" / "data" / "annotations.yaml").write_text("annotations: []\n", encoding="utf-8")
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
