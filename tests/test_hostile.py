"""Seeds are untrusted input: hostile or malformed documents never break the build, never inject
anything, and never lose text.

The corpus is tests/fixtures/hostile/ plus the odd-byte files tests/hostile.py makes: markup of
every kind (HTML, Markdown, MyST, reStructuredText, LaTeX, templates) and malformed files (bad
UTF-8, BOM, CR/CRLF, broken front matter, binary, empty, invisible and control characters, a very
long word and a 1 MB line, a copy of another seed).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

from tools import myst
from tools.account import account
from tools.book import make_book
from tools.clean import CleaningRules, clean_source, normalise_characters, visible
from tools.decode import decode_seed
from tools.pipeline import Paths, build_book
from tools.readers import frontmatter, read_source
from tools.split import split_source

from conftest import ROOT, sphinx_build
from hostile import CONTROLS, INVISIBLE, corpus, flat, hostile_project, is_book_figure, one_megabyte_line, parse_page, shown

RULES = CleaningRules.load(ROOT / "docs" / "data" / "cleaning.yaml")


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    """The hostile corpus through the pipeline alone (no Sphinx)."""
    project = hostile_project(tmp_path_factory.mktemp("pipeline") / "book", corpus())
    return project, build_book(Paths.for_project(project))


def source_named(book, name):
    return next(source for source in book.sources if source.file == name)


def texts_of(book, name):
    return [passage.text for passage in book.passages_of(name)]


# --- nothing lost ---------------------------------------------------------------------------


def test_every_hostile_seed_is_read_or_skipped_and_passages_plus_removals_reproduce_it(book):
    project, book = book
    assert {source.file for source in book.sources} | set(book.skipped) == set(corpus())
    for source in book.sources:
        original = decode_seed(source.file, (project / "seeds" / source.file).read_bytes()).lines
        missing, invented = account(source, book.passages_of(source.file), original)
        assert not missing, (source.file, missing.most_common(8))
        assert not invented, (source.file, invented.most_common(8))


def test_a_one_megabyte_line_is_read_whole_and_accounted_for():
    data = one_megabyte_line()
    assert len(data) > 990_000 and b"\n" not in data
    decoded = decode_seed("big.txt", data)
    lines, removals, problems = normalise_characters("big.txt", decoded.lines)
    source = read_source("big.txt", lines)
    source.removals[:0] = removals
    clean_source(source, RULES)
    passages = split_source(source)
    assert not problems and not decoded.problems
    assert "".join(passage.text for passage in passages).replace(" ", "") == data.decode().replace(" ", "")
    missing, invented = account(source, passages, decoded.lines)
    assert not missing and not invented


def test_a_5000_character_word_is_kept_whole(book):
    _, book = book
    assert any(re.search(r"\bKalibrx{5000} missiles\b", text) for text in texts_of(book, "long-word.txt"))


def test_markup_in_a_plain_text_seed_is_kept_verbatim_in_its_passages(book):
    _, book = book
    texts = texts_of(book, "markup.txt")
    for fragment in [
        '<script>alert("x")</script>',
        '<img src=x onerror="alert(1)">',
        "[a link](javascript:alert(1))",
        "{raw}`<script>alert(1)</script>`",
        "```{include} /etc/passwd ```",
        '{{ config }} {% include "/etc/passwd" %}',
        ".. include:: /etc/passwd",
        "|release| |version| |today| |evil|",
        r"$\input{/etc/passwd}$ and $$\write18{rm -rf /}$$",
        "&amp; &lt;entity&gt; &#60;script&#62;",
    ]:
        assert any(fragment in text for text in texts), fragment


def test_markdown_code_fences_keep_their_info_string_and_entities_stay_as_written(book):
    _, book = book
    texts = texts_of(book, "front-matter.md")
    assert '{raw} html <script>alert("fenced")</script>' in texts
    assert "{include} /etc/passwd" in texts
    source = read_source("e.md", ["---", "title: t", "---", "", "A &amp; B &lt;script&gt; &#60;b&#62;"])
    assert source.blocks[0].text == "A &amp; B &lt;script&gt; &#60;b&#62;"


def test_markdown_links_are_text_and_their_targets_are_recorded_as_written():
    lines = [
        "---", "title: t", "---", "",
        '[Сирия](https://ru.wikipedia.org/wiki/Сирия "a title") and [x](javascript:alert(1)) and [y](<a b> (c))',
        "",
        "An autolink <https://x.example/%D0%A0?a&amp;b> stays text.",
        "",
        '[ref]: https://x.example/ "a reference definition stays text"',
    ]
    source = read_source("links.md", lines)
    assert [block.text for block in source.blocks] == [
        "Сирия and [x](javascript:alert(1)) and y",
        "An autolink <https://x.example/%D0%A0?a&amp;b> stays text.",
        '[ref]: https://x.example/ "a reference definition stays text"',
    ]
    assert [removal.text for removal in source.removals[1:]] == ['https://ru.wikipedia.org/wiki/Сирия "a title"', "<a b> (c)"]
    missing, invented = account(source, split_source(source), lines)
    assert not missing and not invented


# --- malformed files are handled and reported ------------------------------------------------

EXPECTED_PROBLEMS = [
    ("invalid-utf8.txt", 1, "invalid UTF-8 byte 0xE9 at column 4 decoded as Windows-1252 'é'"),
    ("invalid-utf8.txt", 1, "invalid UTF-8 byte 0x93 at column 19 decoded as Windows-1252 '“'"),
    ("invalid-utf8.txt", 1, r"invalid UTF-8 byte 0x81 at column 39 decoded as Latin-1 '\x81'"),
    ("invalid-utf8.txt", 3, "invalid UTF-8 byte 0xFF at column 18 decoded as Windows-1252 'ÿ'"),
    ("invalid-utf8.txt", 3, "invalid UTF-8 byte 0xC3 at column 20 decoded as Windows-1252 'Ã'"),
    ("invalid-utf8.txt", 1, "1 control character removed"),  # the Latin-1 0x81 is a C1 control
    ("bom.txt", 1, "UTF-8 byte-order mark removed"),
    ("crlf.txt", 1, "CRLF line endings read as line breaks"),
    ("cr.txt", 1, "CR line endings read as line breaks"),
    ("broken-front-matter.md", 3, "front matter is not valid YAML (expected ',' or ']', but got ':'): read as text"),
    ("python-tag.md", 2, "front matter is not valid YAML (could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'): read as text"),
    ("two-front-matters.md", 4, "a second front matter block: read as text"),
    ("list-front-matter.md", 1, "front matter is not a mapping of fields: read as text"),
    ("unclosed-front-matter.md", 1, "front matter fence '---' is never closed: read as text"),
    ("empty.txt", 1, "empty file: no text to read"),
    ("blank.txt", 1, "empty file: no text to read"),
    ("binary.txt", 0, "binary file (NUL or control bytes): skipped"),
    ("control-bytes.md", 0, "binary file (NUL or control bytes): skipped"),
    ("invisible.txt", 1, "4 zero-width characters removed"),
    ("invisible.txt", 3, "9 bidirectional control characters removed"),
    ("invisible.txt", 5, "4 invisible formatting characters removed"),
    ("invisible.txt", 7, "2 unassigned or private-use characters removed"),
    ("controls.txt", 1, "9 control characters removed"),
    ("zz-copy-of-markup.txt", 0, "same content as markup.txt: read once"),
]
CLEAN = ["front-matter.md", "article.txt", "digest.txt", "unicode.txt", "long-word.txt", "we`ird <b>name<b> {{x}} $y$ |z|.txt"]


def test_each_malformed_file_is_reported_once_with_its_line_and_reason(book):
    _, book = book
    found = [(problem.file, problem.line, problem.reason) for problem in book.problems]
    assert len(found) == len(set(found)), "a problem is reported twice"
    for expected in EXPECTED_PROBLEMS:
        assert expected in found, expected
    assert len([p for p in found if p[0] == "invalid-utf8.txt" and "invalid UTF-8" in p[2]]) == 7  # one per byte
    assert not [problem for problem in found if problem[0] in CLEAN]


def test_binary_files_and_copies_are_skipped_and_contribute_nothing(book):
    _, book = book
    for name in ("binary.txt", "control-bytes.md", "zz-copy-of-markup.txt"):
        assert name in book.skipped and not book.passages_of(name)
    assert book.passages_of("markup.txt")


def test_bad_bytes_bom_and_line_endings_are_read_as_the_text_they_stand_for(book):
    _, book = book
    assert texts_of(book, "invalid-utf8.txt") == ["Café in Damascus, “quoted” and a lone byte.", "Second paragraph ÿþÃ ends here."]
    assert texts_of(book, "bom.txt") == ["Text after a byte-order mark, on 30 September 2015."]
    for name, kind in (("crlf.txt", "CRLF"), ("cr.txt", "CR")):
        passages = book.passages_of(name)
        assert [(p.first_line, p.last_line) for p in passages] == [(1, 2), (4, 4)], kind
        assert passages[0].text == f"First line of a {kind} file. Second line."


def test_invisible_and_control_characters_are_removed_but_emoji_sequences_stay(book):
    _, book = book
    text = " ".join(texts_of(book, "invisible.txt") + texts_of(book, "controls.txt"))
    flag = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    assert flag in text
    leftovers = {char for char in text.replace(flag, "") if unicodedata.category(char)[0] == "C" and char != "\t"}
    assert not leftovers, [f"U+{ord(char):04X}" for char in leftovers]
    assert "Khmeimim air base" in text and "evil reversed" in text
    assert "👨\u200d👩\u200d👧" in " ".join(texts_of(book, "unicode.txt"))
    lines, _, _ = normalise_characters("x.txt", ["coder 👩🏽\u200d💻 and flag 🏳️\u200d🌈 but a\u200db"])
    assert lines == ["coder 👩🏽\u200d💻 and flag 🏳️\u200d🌈 but ab"]


def test_the_test_corpus_really_holds_the_characters_it_claims():
    assert "\u202e" in INVISIBLE and "\U000e0041" in INVISIBLE and "\x1b" in CONTROLS and "\x85" in CONTROLS


# --- front matter is data, loaded safely ----------------------------------------------------


def test_yaml_tags_in_front_matter_run_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lines = (ROOT / "tests" / "fixtures" / "hostile" / "python-tag.md").read_text(encoding="utf-8").splitlines()
    source = read_source("python-tag.md", lines)
    assert not (tmp_path / "hostile-python-tag-ran").exists()
    assert source.title == "python-tag.md"  # the fields were not read
    assert any("python/object" in problem.reason for problem in source.problems)
    for document in ["x: !!python/name:os.system", "x: !!python/object/new:dict []", "x: !!binary AAAA", "x: !!set {a, b}", "x: !custom 1"]:
        with pytest.raises(yaml.YAMLError):
            frontmatter.load_front_matter(document)


@pytest.mark.parametrize(
    "front, reported",
    [
        ("title: a\ntitle: b", "front matter field 'title' given twice: the last one is used"),
        ("title: &a [*a]", "front matter is not valid YAML (aliases (*name) are not read): read as text"),
        ("title: " + "[" * 1200 + "]" * 1200, "front matter is not valid YAML (nested too deeply): read as text"),
        ("title: x\npubDate: March 2016", "front matter publication date is not a date (YYYY-MM-DD): ignored"),
        ("title: x\npubDate: 2016-02-30", "front matter publication date is not a date (YYYY-MM-DD): ignored"),
        ("date: 2015-13-45\ntitle: 0x1F\npubDate: !!str 2016-01-02", None),
    ],
)
def test_front_matter_that_would_crash_or_fool_a_loader_is_read_as_text_and_reported(front, reported):
    lines = ["---", *front.split("\n"), "---", "", "Body."]
    source = read_source("f.md", lines)
    assert [problem.reason for problem in source.problems] == ([reported] if reported else [])
    assert any(block.text == "Body." for block in source.blocks)
    missing, invented = account(source, split_source(source), lines)
    assert not missing and not invented
    if reported is None:  # values are the text the seed wrote: no dates, numbers or booleans
        assert source.title == "0x1F" and source.metadata["dates"] == ["2015-13-45"] and source.metadata["published"] == "2016-01-02"


def test_front_matter_values_are_kept_as_written():
    front = "title: 1.50\nauthor: yes\ndate: [2015-09-30, ~]\ntags: {a: b}"
    raw, duplicates = frontmatter.load_front_matter(front)
    assert raw == {"title": "1.50", "author": "yes", "date": ["2015-09-30", None], "tags": {"a": "b"}} and not duplicates


# --- glossary links on seed spellings -------------------------------------------------------


def test_a_glossary_name_spelt_with_a_backtick_is_still_a_well_formed_term_reference():
    assert myst.term("Hay`at Tahrir al-Sham", "Hay'at Tahrir al-Sham") == "{term}``Hay`at Tahrir al-Sham <Hay'at Tahrir al-Sham>``"
    assert myst.term("``x", "X") == "{term}``` ``x <X>```"
    assert myst.term("Putin", "Vladimir Putin") == "{term}`Putin <Vladimir Putin>`"


# --- the HTML book ---------------------------------------------------------------------------

FORBIDDEN_ELEMENTS = {"iframe", "img", "object", "embed", "frame", "frameset", "applet", "b", "base"}
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "data", "xlink:href", "background", "cite"}
UNSAFE_URL = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)


def html_pages(project):
    return sorted((project / "_build" / "html").rglob("*.html"))


def test_the_hostile_corpus_builds_whole_and_its_only_warnings_are_the_seed_problems_it_reports(hostile_book):
    project, result = hostile_book
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line or "ERROR" in line]
    expected = [problem for problem in make_book(project).book.problems if problem.severity == "warning"]
    assert sorted(warnings) == sorted(f"{p.location}: WARNING: {p.reason} [book.{'seed' if p.folder == 'seeds' else 'data'}]" for p in expected)
    assert result.returncode == 1  # -W: the editor must act on them ...
    assert "Traceback" not in result.stderr + result.stdout and "Extension error" not in result.stderr
    assert (project / "_build" / "html" / "periods" / "undated.html").exists()  # ... and the rest of the book is built


def test_no_tag_attribute_script_or_address_from_a_seed_reaches_the_html(hostile_book):
    project, _ = hostile_book
    for path in html_pages(project):
        html = path.read_text(encoding="utf-8")
        page = parse_page(html)
        where = path.relative_to(project)
        for tag, attrs in page.elements:
            assert tag not in FORBIDDEN_ELEMENTS or is_book_figure(tag, attrs), (where, tag, attrs)
            for name, value in attrs.items():
                assert not name.startswith("on"), (where, tag, name, value)
                if name in URL_ATTRIBUTES:  # other attributes (title, aria-label) may hold escaped seed text
                    assert not (value and UNSAFE_URL.match(value)), (where, tag, name, value)
                    assert "evil.example" not in (value or ""), (where, tag, name, value)
            if tag == "script" and "src" in attrs:
                # 404.html is served at any missing address: its links are absolute (sphinx-notfound-page)
                root = r"/en/latest/" if path.name == "404.html" else r"(\.\./)*"
                assert re.match(rf"^{root}(_static/|searchindex\.js$)", attrs["src"]), (where, attrs)
        assert not [script for script in page.scripts if re.search(r"alert|config|passwd", script)], where


def test_nothing_from_outside_the_seeds_is_included(hostile_book):
    project, _ = hostile_book
    passwd = Path("/etc/passwd").read_text(encoding="utf-8", errors="replace").splitlines()[:1] if Path("/etc/passwd").exists() else []
    for path in (project / "_build" / "html").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".js", ".json", ".jsonl", ".txt"):
            content = path.read_text(encoding="utf-8", errors="replace")
            assert "root:x:0:0" not in content and not any(line and line in content for line in passwd), path
    assert "hostile-python-tag-ran" not in {path.name for path in project.rglob("*")}


def test_every_passage_is_shown_as_literal_text_in_its_chapter(hostile_book):
    project, _ = hostile_book
    html = project / "_build" / "html"
    records = [json.loads(line) for line in (html / "corpus" / "passages.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) > 40
    pages: dict[str, str] = {}
    for record in records:
        page = record["url"].split("#")[0]
        if page not in pages:
            pages[page] = shown((html / page).read_text(encoding="utf-8"))
        assert flat(record["text"]) in pages[page], (record["source"], record["text"][:200])


def test_titles_authors_captions_and_addresses_from_seeds_are_shown_as_literal_text(hostile_book):
    project, _ = hostile_book
    html = project / "_build" / "html"
    sources = shown((html / "sources" / "index.html").read_text(encoding="utf-8"))
    report = shown((html / "conversion-report.html").read_text(encoding="utf-8"))
    for fragment in [
        "<script>alert('title')</script> {{ config }} |release| {raw}`<b>x</b>` $\\input{/etc/passwd}$",
        '<nav><a href="javascript:alert(1)">Home</a></nav>',
        "<title>A digest {{ config }}</title>",
        "author: <iframe src='https://evil.example/'></iframe> \\write18{id}",
        "file we`ird <b>name<b> {{x}} $y$ |z|.txt",
    ]:
        assert fragment in sources, fragment
    for fragment in [
        "caption with {{ config }} and \\input{/etc/passwd} — https://evil.example/x.png",
        "title: used as the source's title <title>A digest {{ config }}</title>",
    ]:
        assert fragment in report, fragment


def test_seed_metadata_reaches_the_reference_list_unaltered(hostile_book):
    project, _ = hostile_book
    page = shown((project / "_build" / "html" / "sources" / "index.html").read_text(encoding="utf-8"))
    references = page[page.index("Bibliography¶") :]
    assert "<iframe src='https://evil.example/'></iframe> \\write18{id}" in references
    chapters = " ".join(shown(page.read_text(encoding="utf-8")) for page in sorted((project / "_build" / "html" / "periods").glob("*.html")))
    # The citation label's author is a name pybtex parses: what BibTeX would read becomes spaces.
    assert "[<iframe src='https://evil.example/'></iframe> write18 id, 2016]" in chapters
    assert "<script>alert('title')</script> {{ config }} |release| {raw}`<b>x</b>` $\\input{/etc/passwd}$" in references


@pytest.mark.parametrize("title, file", [("Talks { resumed", "a.txt"), ("Plain title", "odd{name.txt")])
def test_a_lone_brace_in_seed_metadata_leaves_the_bibliography_readable(title, file):
    from pybtex.database import parse_string

    from tools.bibliography import bibtex
    from tools.editorial import SourceNote
    from tools.model import Source
    from tools.addresses import SourceView

    views = [SourceView(Source(file=file, kind="document", title=title, line_count=1), SourceNote(file)), SourceView(Source(file="b.txt", kind="document", title="B", line_count=1), SourceNote("b.txt"))]
    assert len(parse_string(bibtex(views), "bibtex").entries) == 2


def test_the_conversion_report_names_every_removed_control_character(hostile_book):
    project, _ = hostile_book
    report = shown((project / "_build" / "html" / "conversion-report.html").read_text(encoding="utf-8"))
    section = report[report.index("controls.txt — ") : report.index("crlf.txt — ")]
    assert all(code in section for code in ("U+0007", "U+001B", "U+0008", "U+007F", "U+000C", "U+000B", "U+0085", "U+009B"))


def test_the_source_viewer_shows_every_line_of_a_seed_literally(hostile_book):
    project, _ = hostile_book
    html = project / "_build" / "html"
    slugs = {source.file: source.slug for source in build_book(Paths.for_project(project)).sources}
    for name in ("markup.txt", "front-matter.md", "article.txt", "digest.txt", "unicode.txt", "python-tag.md"):
        page = shown((html / "sources" / f"{slugs[name]}.html").read_text(encoding="utf-8"))
        for line in (project / "seeds" / name).read_text(encoding="utf-8").splitlines():
            assert flat(visible(line)) in page, (name, line)


def test_each_problem_is_reported_once_on_the_console_and_in_the_conversion_report(hostile_book):
    project, result = hostile_book
    problems = make_book(project).book.problems
    notices = [line for line in result.stdout.splitlines() if line.startswith(("[seed] ", "[data] "))]
    assert sorted(notices) == sorted(f"[seed] {p.location}: {p.reason}" for p in problems if p.severity == "notice")
    report = shown((project / "_build" / "html" / "conversion-report.html").read_text(encoding="utf-8"))
    order = sorted({visible(problem.file) for problem in problems})
    for problem in problems:
        name = visible(problem.file)
        if problem.folder != "seeds":
            assert report.count(flat(str(problem))) == 1, problem
        elif f"{name} — " in report:  # a source with a section of its own
            start = report.index(f"{name} — ")
            later = [report.find(f"{other} — ", start + 1) for other in order if report.find(f"{other} — ", start + 1) > start]
            section = report[start : min(later, default=len(report))]
            where = f"line {problem.line}" if problem.line else "the file"
            assert section.count(f"{where}: {flat(problem.reason)}") == 1, problem
        else:  # not read: listed by name at the top
            assert report.count(f"{name}: {flat(problem.reason)}") == 1, problem


def test_the_glossary_link_survives_a_backtick_spelling_in_the_book(hostile_book):
    project, _ = hostile_book
    page = next(path for path in html_pages(project) if "periods" in path.parts and "Hay`at Tahrir al-Sham" in path.read_text(encoding="utf-8"))
    assert re.search(r'<a [^>]*href="[^"]*glossary\.html#term-Hay-at-Tahrir-al-Sham"[^>]*>.*?Hay`at Tahrir al-Sham', page.read_text(encoding="utf-8"), re.S)


# --- the PDF's LaTeX sources -----------------------------------------------------------------


@pytest.fixture(scope="module")
def latex(tmp_path_factory):
    project = hostile_project(tmp_path_factory.mktemp("latex") / "book", corpus())
    result = sphinx_build(project, "latex", "-D", "suppress_warnings=book.seed,book.data")
    texs = list((project / "_build" / "latex").glob("*.tex"))
    return result, texs[0].read_text(encoding="utf-8") if texs else ""


def test_the_latex_sources_escape_every_command_a_seed_holds(latex):
    result, tex = latex
    assert result.returncode == 0, result.stderr[-3000:]
    body = tex[tex.index(r"\begin{document}") :]  # the preamble is Sphinx's own
    for command in [r"\write18", r"\input{/etc/passwd}", r"\include{secret}", r"\immediate", r"\catcode`\@", r"\def\x{y}", r"\input{/etc"]:
        assert command not in body, command
    assert body.count(r"\end{document}") == 1
    assert r"\textbackslash{}write18\{id\}" in body
    assert r"\{\{ config \}\} \{\% include" in body


# --- syria-book check --strict ---------------------------------------------------------------


def syria_book(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    script = Path(sys.executable).with_name("syria-book")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "tools"]
    return subprocess.run([*command, *args], capture_output=True, text=True, cwd=cwd)


def test_check_strict_fails_when_a_seed_has_a_problem_and_passes_when_none_has(tmp_path):
    seeds = {name: data for name, data in corpus().items() if name in ("bom.txt", "markup.txt", "binary.txt")}
    troubled = hostile_project(tmp_path / "troubled", seeds)
    result = syria_book("check", "--strict", cwd=troubled)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == ["binary.txt: binary file (NUL or control bytes): skipped", "bom.txt:1: UTF-8 byte-order mark removed"]
    assert syria_book("check", cwd=troubled).returncode == 0  # without --strict it only lists them
    clean = hostile_project(tmp_path / "clean", {"markup.txt": seeds["markup.txt"]})
    result = syria_book("check", "--strict", cwd=clean)
    assert result.returncode == 0 and result.stdout == "", (result.stdout, result.stderr)
