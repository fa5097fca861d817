"""The PDF: built once per session the way Read the Docs builds it (tests/pdfbuild.py), then read back.

Checks what a reader of the PDF gets: its size and structure, the glossary, the sources and their
bibliography, Cyrillic and Arabic text (Arabic right to left), and a clean LaTeX log; and that it
works as a printed book: cross-references with their pages, each note printed once, no web-only
stubs, a list of abbreviations, an index that points into Parts I and II, nothing in the margins.
"""

import html
import re
import subprocess
from collections import defaultdict

import pytest

from tools.editorial import load_chapters

from conftest import ROOT
from pdfbuild import read_the_docs_build

pytestmark = pytest.mark.pdf

# Rendered in the book's text (not only in image captions, which the book does not print):
CYRILLIC = [
    "Министерство обороны Российской Федерации",  # glossary: an alias of the Russian Ministry of Defence
    "авиационный ремонтный завод",  # a passage of the 2011-2015 chapter
]
ARABIC = "المجاهدين التركستانيين"  # inside a passage of seed 001 (line ~485)
GLOSSARY_ENTRIES = ["Khmeimim Air Base", "Sergei Lavrov", "Tartus", "Wagner Group"]
OVERFULL_BUDGET = 0  # "Overfull \hbox" lines in the log: nothing may reach into the margin


@pytest.fixture(scope="session")
def read_the_docs(tmp_path_factory):
    return read_the_docs_build(tmp_path_factory)


@pytest.fixture(scope="module")
def book(read_the_docs):
    step = read_the_docs.steps.get("latexmk")
    assert step is not None and read_the_docs.pdf.is_file(), "no PDF was built; see tests/test_readthedocs.py"
    return read_the_docs


@pytest.fixture(scope="module")
def text(book):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(book.pdf), "-"], capture_output=True, text=True, check=True).stdout


def squashed(value: str) -> str:
    """Text without spaces, line ends and hyphens, its quotation marks straight: survives line
    wrapping, hyphenation and the typographic quotes of print."""
    from tools.annotations import comparable_text

    return re.sub(r"[\s\-\u00ad\u2010]+", "", comparable_text(value))


def page_count(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def test_the_pdf_is_a_book_of_at_least_60_pages(book):
    assert page_count(book.pdf) >= 60


def test_the_latex_builder_itself_warns_about_nothing(book):
    # `make latexpdf` runs this step with -W: a LaTeX-only warning would fail it there.
    assert "WARNING" not in book.steps["latex"].output, book.steps["latex"].output[-3000:]


def test_the_log_has_no_error_and_no_missing_character(book):
    log = book.log.read_text(encoding="utf-8", errors="replace")
    errors = [line for line in log.splitlines() if line.startswith("! ")]
    missing = [line for line in log.splitlines() if "Missing character" in line]
    assert errors == [], errors[:10]
    assert missing == [], missing[:10]


def test_every_link_in_the_pdf_has_its_target(book):
    # e.g. theme excerpts and glossary "Mentioned in" lines link to passages in the period chapters
    log = book.log.read_text(encoding="utf-8", errors="replace")
    undefined = re.findall(r"^LaTeX Warning: (?:Hyper r|R)eference `([^']*)' on page \d+ undefined", log, re.M)
    assert undefined == [], sorted(set(undefined))[:10]
    assert "There were undefined references" not in log


def test_long_words_and_urls_stay_inside_the_page(book):
    log = book.log.read_text(encoding="utf-8", errors="replace")
    overfull = [line for line in log.splitlines() if line.startswith("Overfull \\hbox")]
    assert len(overfull) <= OVERFULL_BUDGET, overfull


def contents(book) -> list[tuple[str, str]]:
    """The table of contents as LaTeX wrote it: (level, title) in order."""
    toc = (book.pdf_dir / f"{book.pdf.stem}.toc").read_text(encoding="utf-8")
    entries = []
    for level, title in re.findall(r"\\contentsline \{(part|chapter)\}\{(.*)\}\{[^{}]*\}\{[^{}]*\}%?$", toc, re.M):
        # "\numberline {3}Title" for chapters, "II\hspace {1em}Title" for parts
        title = re.sub(r"^\\numberline \{[^{}]*\}|^[IVXL]+\\hspace \{[^{}]*\}", "", title)
        entries.append((level, title.replace("\\sphinxhyphen {}", "-").strip()))
    return entries


def test_the_contents_run_introduction_chronology_themes_then_reference(book):
    chapters = load_chapters(ROOT / "docs" / "data" / "chapters.yaml")
    entries = contents(book)
    titles = [title for _, title in entries]
    expected = (
        ["Introduction", "How to read this book", "Abbreviations", "List of Figures", "Chronology", "Chronology of events"]
        + [period.title for period in chapters.periods]
        + ["Themes"]
        + [theme.title for theme in chapters.themes]
        + ["Reference", "Glossary", "Sources"]
    )
    assert titles[: len(expected)] == expected, entries
    assert [title for level, title in entries if level == "part"] == ["Chronology", "Themes", "Reference"]
    assert titles[-1] == "Index"


def test_the_glossary_is_printed(text):
    for entry in GLOSSARY_ENTRIES:
        assert squashed(entry) in squashed(text), entry


def test_the_sources_and_their_bibliography_are_printed(book, text):
    after_contents = text[text.index("Introduction", text.index("Introduction") + 1):]
    sources = squashed(after_contents).index(squashed("Every passage of this book comes from one of the documents below"))
    body = squashed(after_contents)[sources:]
    if any("{bibliography}" in page.read_text(encoding="utf-8") for page in (book.project / "docs").rglob("*.md")):
        from pybtex.database import parse_file

        bibliography = body.index("Bibliography")
        entries = parse_file(book.project / "docs" / "_generated" / "sources.bib").entries
        assert entries
        for key, entry in entries.items():
            title = squashed(entry.fields["title"].replace("{", "").replace("}", ""))
            assert title in body[bibliography:], key


def test_cyrillic_text_is_printed(text):
    for phrase in CYRILLIC:
        assert squashed(phrase) in squashed(text), phrase


def test_chinese_and_korean_are_printed_in_their_own_fonts(book, text):
    # glossary aliases the dictionary prints; no "Missing character" (test above) means a font had them
    for phrase in ("中国", "반기문"):
        assert phrase in text, phrase
    tex = (book.pdf_dir / f"{book.pdf.stem}.tex").read_text(encoding="utf-8")
    assert "\\bookcjk{中国}" in tex and "\\bookko{반기문}" in tex


def words_on_pages(pdf):
    """(page, xMin, yMin, text) of every word, from `pdftotext -bbox`."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words = []
    for number, page in enumerate(out.split("<page ")[1:], start=1):
        for x, y, word in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', page):
            words.append((number, float(x), float(y), html.unescape(word)))
    return words


def arabic_lines(pdf) -> list[tuple[str, str]]:
    """Each printed line's Arabic glyphs read right to left and left to right (x down, x up).

    `pdftotext -bbox` reports HarfBuzz-shaped Arabic glyph by glyph, each with its position.
    """
    lines = defaultdict(list)
    for page, x, y, word in words_on_pages(pdf):
        if any("\u0600" <= char <= "\u06ff" for char in word):
            lines[(page, round(y))].append((x, word))
    return [
        ("".join(word for _, word in sorted(glyphs, reverse=True)), "".join(word for _, word in sorted(glyphs)))
        for glyphs in lines.values()
    ]


def test_arabic_is_printed_right_to_left(book, text):
    assert squashed(ARABIC) in squashed(text)
    phrase = ARABIC.replace(" ", "")
    lines = arabic_lines(book.pdf)
    right_to_left = [rtl for rtl, _ in lines if phrase in rtl]
    left_to_right = [ltr for _, ltr in lines if phrase in ltr]
    # read with x decreasing, the glyphs spell the phrase; read with x increasing, they do not
    assert right_to_left, f"{ARABIC!r} is not printed right to left on any line"
    assert not left_to_right, left_to_right


def test_web_only_components_degrade_to_plain_text(text):
    assert "By period" in text and "By theme" in text  # the home page's cards, as lists
    for markup in ("grid-item-card", ":::", "{only}", "{toctree}"):
        assert markup not in text


# --- a printed book -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tex(book) -> str:
    source = (book.pdf_dir / f"{book.pdf.stem}.tex").read_text(encoding="utf-8")
    return source[source.index(r"\begin{document}"):]


def page_reference_share(tex: str) -> tuple[int, int]:
    """(references with their page, all internal references) in the LaTeX of the book's text: a
    cross-reference (\\sphinxcrossref and kin) carries its page when \\bookpageref follows it; a
    page list (\\bookpages) is nothing but pages."""
    references = len(re.findall(r"\\sphinx(?:crossref|termref|samedocref)\{", tex))
    with_page = tex.count(r"}}}\nobreakspace(\bookpageref{")
    lists = tex.count(r"\bookpages{")
    return with_page + lists, references + lists


def test_nine_in_ten_references_in_print_carry_their_page(tex, text):
    with_page, references = page_reference_share(tex)
    assert references > 1000 and with_page / references >= 0.9, (with_page, references)
    assert "??" not in text  # every page reference resolved
    assert len(re.findall(r"\(p\. \d+\)", text)) > 1000


def test_each_note_is_printed_in_full_once(text):
    from tools.annotations import load_annotations

    annotations = load_annotations(ROOT / "docs" / "data" / "annotations.yaml")
    body = squashed(text)
    printed = {a.id: body.count(squashed(a.note[:120])) for a in annotations}
    assert annotations and all(count == 1 for count in printed.values()), {k: v for k, v in printed.items() if v != 1}


def test_paper_gets_no_web_only_stubs(text):
    for stub in ("part of the web edition", "Each excerpt links to", "How to link to this book", "the text of this source with line numbers"):
        assert stub not in text, stub
    assert "russia-in-syria.readthedocs.io" in text  # the web edition's address instead (imprint, guide, summary)


def test_the_abbreviations_are_listed(text):
    start = text.index("Abbreviations the sources use")
    listed = text[start:text.index("List of Figures", start)]
    for short, meaning in (("ISIS", "Islamic State"), ("SDF", "Syrian Democratic Forces"), ("HTS", "Hay’at Tahrir al-Sham")):
        assert re.search(rf"^{re.escape(short)}$", listed, re.M) and meaning in listed, short  # a table: two columns


def part_pages(book) -> dict[str, int]:
    toc = (book.pdf_dir / f"{book.pdf.stem}.toc").read_text(encoding="utf-8")
    return {title: int(page) for title, page in re.findall(r"\\contentsline \{part\}\{[IVX]+\\hspace \{[^{}]*\}(.*?)\}\{(\d+)\}", toc)}


def test_the_index_points_into_parts_one_and_two(book):
    parts = part_pages(book)
    index = (book.pdf_dir / f"{book.pdf.stem}.ind").read_text(encoding="utf-8")
    pages = [int(page) for page in re.findall(r"(?<!spxpagem\{)\\hyperpage\{(\d+)\}", index)]
    chronology = [page for page in pages if parts["Chronology"] <= page < parts["Themes"]]
    themes = [page for page in pages if parts["Themes"] <= page < parts["Reference"]]
    assert len(chronology) > 500 and len(themes) > 100, (len(chronology), len(themes))
    assert r"\spxentry{Hmeimim}, \see{Khmeimim Air Base}" in index  # a variant spelling sends the reader on
    assert r"\spxentry{Putin, Vladimir}" in index and re.search(r"\\spxentry\{Assad, Bashar al\\sphinxhyphen ?\{\}\}", index)  # by surname


def test_nothing_reaches_into_the_margin_or_the_footer(book):
    log = book.log.read_text(encoding="utf-8", errors="replace")
    assert not re.findall(r"^Overfull \\[hv]box.*", log, re.M)
