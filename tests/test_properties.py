"""Properties of the pipeline on random text full of markup fragments and odd Unicode.

Pure-Python properties run many examples; the Sphinx property builds 20-30 random seeds in one
project per example, with a fixed seed (derandomize) so CI always runs the same examples.
"""

from __future__ import annotations

import codecs
import json
import re
import runpy
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser
from sphinx.util.nodes import split_explicit_title

from tools import myst
from tools.account import account
from tools.classify import classify
from tools.clean import _SPACES, _VISIBLE_FORMAT, CleaningRules, clean_source, normalise_characters
from tools.dating import date_passages
from tools.decode import decode_seed
from tools.editorial import load_chapters
from tools.glossary import load_glossary
from tools.readers import read_source
from tools.split import split_source

from conftest import ROOT, sphinx_build
from hostile import flat, hostile_project, is_book_figure, parse_page, shown

RULES = CleaningRules.load(ROOT / "docs" / "data" / "cleaning.yaml")
CHAPTERS = load_chapters(ROOT / "docs" / "data" / "chapters.yaml")
CONF = runpy.run_path(str(ROOT / "docs" / "conf.py"))
MYST = create_md_parser(MdParserConfig(enable_extensions=set(CONF["myst_enable_extensions"])), RendererHTML)

MARKUP = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe src=//x>", "</p>", "<!--", "-->", "<![CDATA[",
    "[x](javascript:alert(1))", "![i](javascript:alert(2))", "<javascript:alert(3)>", "<https://x.example>", "[^1]", "[x]: /y",
    "{raw}`<b>x</b>`", "{eval-rst}`x`", "{include}`/etc/passwd`", "{term}`x`", "{ref}`index`", "(label)=", "% comment",
    "```", "```{include} /etc/passwd", "```{raw} html", ":::", ":::{eval-rst}", "::::{note}", "~~~", "{#id .class}", "{.c}",
    ".. raw:: html", ".. include:: /etc/passwd", ".. |x| replace:: y", "|release|", "|version|", "`x`_", "[#]_", "::",
    "$x$", "$$", "\\input{/etc/passwd}", "\\write18{id}", "\\end{document}", "\\\\", "\\", "{{ config }}", "{% include x %}",
    "{#", "#}", "${HOME}", "&amp;", "&lt;", "&#0;", "&#x202e;", "*", "**", "_", "__", "~~", "`", "``", "#", "## ", "> ",
    "- ", "* ", "+ ", "1. ", "1) ", "|", "| a | b |", "|---|", "---", "===", "***", "\t", "    ", "^", "~", "'", '"', "<", ">",
    "(", ")", "[", "]", "{", "}", "!", "?", ".", ":", ";", ",", "@", "=", "---\n", "---\ntitle: x\n---\n", "title: [x\n",
]
WORDS = [
    "Russia", "Syria", "Khmeimim", "air base", "Tartus", "Putin", "Hay'at Tahrir al-Sham", "Hay`at Tahrir al-Sham", "IS", "Wagner",
    "30 September 2015", "September 18, 2018", "2016", "2015-02-30", "on Saturday", "last month", "READ MORE: x", "[12]",
    "[object Object]", "Peter Weber", "References", "the fall of Assad", "Kalibr" + "x" * 300,
]
UNICODE = [
    "é", "e\u0301", "👨\u200d👩\u200d👧", "👩🏽\u200d💻", "🇸🇾", "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f", "Россия",
    "سوريا", "רוסיה", "俄罗斯", "𝔘", "\u200b", "\u200d", "\u202e", "\u2066", "\u2069", "\ufeff", "\u00ad", "\U000e0041", "\x07",
    "\x1b", "\x7f", "\x85", "\x9b", "\x0b", "\x0c", "\u00a0", "\u2028", "\u3000", "\ue000", "\U000effff", "\ufffd", "\u0600",
]
SPACE = [" ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\n   \n"]

pieces = st.one_of(
    st.sampled_from(MARKUP),
    st.sampled_from(WORDS),
    st.sampled_from(UNICODE),
    st.sampled_from(SPACE),
    st.text(st.characters(codec="utf-8"), max_size=8),
)
seed_texts = st.lists(pieces, min_size=1, max_size=40).map("".join)
one_line = seed_texts.map(lambda text: normalise_characters("x.txt", [re.sub(r"[\r\n]", " ", text)])[0][0])

YAML_PIECES = [
    "title: ", "tags:\n  - ", "date: ", "pubDate: ", "author: ", "\n", "!!python/object/apply:os.system [id]", "!!binary AAAA",
    "&a ", "*a", "[", "]", "{", "}", ": ", "- ", "? ", "|\n  ", ">\n  ", "'", '"', "%YAML 1.2\n", "---", "...", "\t", "#",
    "2015-13-45", "0x1F", "yes", "~", "<<: ", "!tag ", "\\", "title: a\ntitle: b\n",
]
front_matters = st.lists(st.one_of(st.sampled_from(YAML_PIECES), pieces), max_size=20).map(lambda parts: "---\n" + "".join(parts) + "\n---\n")


def pipeline(name: str, data: bytes):
    """A seed through every pure stage: decode, normalise, read, clean, split, date, classify."""
    decoded = decode_seed(name, data)
    if decoded.binary:
        return None
    lines, removals, problems = normalise_characters(name, decoded.lines)
    source = read_source(name, lines)
    source.removals[:0] = removals
    source.problems[:0] = decoded.problems + problems
    clean_source(source, RULES)
    passages = split_source(source)
    date_passages(passages, CHAPTERS.cues)
    classify(passages, CHAPTERS)
    return decoded, source, passages


FAST = settings(max_examples=150, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.one_of(seed_texts, st.tuples(front_matters, seed_texts).map("".join)), st.sampled_from(["", "\ufeff"]))
def test_any_text_goes_through_the_pipeline_and_every_character_is_accounted_for(text, bom):
    result = pipeline("seed.md", (bom + text).encode("utf-8"))
    if result is None:  # mostly control characters: skipped as binary
        return
    decoded, source, passages = result
    missing, invented = account(source, passages, decoded.lines)
    assert not missing and not invented
    for passage in passages:
        assert passage.text == " ".join(passage.text.split()) and passage.text
        assert 1 <= passage.first_line <= passage.last_line <= max(1, len(decoded.lines))


HTML_PIECES = [
    "<p>", "</p>", "<div>", "</div>", '<div class="share-bar">', '<aside class="related">', "</aside>", "<br>", "<br/>", "<br><br>",
    '<time datetime="2016-03-25T09:30">', "</time>", "<script>", "</script>", "<style>", "</style>", "<table><tr><th>Date</th><td>",
    "</td><td>", "</tr></table>", "<article>", "</article>", "<main>", "<h1>", "</h1>", "<h2>", "<li>", "<ul>", "</ul>", "<b>", "</b>",
    "&mdash;", "&amp;", "&amp", "&#x202e;", "&#0;", "&nbsp;", "&lt;p&gt;", "<!--", "-->", "<![CDATA[x]]>", "<!DOCTYPE html>", "<?php ?>",
    '<meta property="article:published_time" content="2016-03-25">', '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2015-09-30"}',
    "<p hidden>", '<span style="display:none">', "</span>", "<", ">", "</", "<a href='x'>", "</a>", "<figcaption>", "<nav>", "</nav>",
    "<dl>", "<dt>", "</dt>", "<dd>", "</dd>", "</dl>",
]
web_pages = st.lists(st.one_of(st.sampled_from(HTML_PIECES), pieces), min_size=1, max_size=40).map(lambda parts: "<html><body>" + "".join(parts))


@FAST
@given(web_pages)
def test_any_web_page_goes_through_the_pipeline_and_every_character_is_accounted_for(text):
    result = pipeline("page.html", text.encode("utf-8"))
    if result is None:
        return
    decoded, source, passages = result
    assert source.metadata["format"] == "web-page"
    missing, invented = account(source, passages, decoded.lines)
    assert not missing and not invented
    for passage in passages:
        assert passage.text == " ".join(passage.text.split()) and passage.text
        assert 1 <= passage.first_line <= passage.last_line <= max(1, len(decoded.lines))


@FAST
@given(st.lists(st.one_of(st.binary(max_size=12), seed_texts.map(lambda text: text.encode("utf-8"))), max_size=8).map(b"".join))
def test_any_bytes_are_decoded_and_each_invalid_byte_is_reported_once(data):
    decoded = decode_seed("seed.txt", data)
    if decoded.binary:
        assert decoded.lines == [] and len(decoded.problems) == 1
        return
    invalid = []
    codecs.register_error("count-invalid", lambda error: (invalid.extend(error.object[error.start : error.end]), ("", error.end))[1])
    data.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="count-invalid")
    reported = [problem for problem in decoded.problems if problem.reason.startswith("invalid UTF-8 byte")]
    assert len(reported) == len(invalid) == len(set(reported))
    assert [f"0x{byte:02X}" for byte in invalid] == [problem.reason.split()[3] for problem in reported]
    if not invalid:
        text = data.removeprefix(codecs.BOM_UTF8).decode("utf-8")
        assert "\n".join(decoded.lines) == re.sub(r"\r\n?", "\n", text).removesuffix("\n")


@FAST
@given(seed_texts)
def test_normalising_keeps_or_reports_every_character_and_leaves_nothing_invisible(text):
    raw = text.replace("\r", "\n").split("\n")
    lines, removals, problems = normalise_characters("x.txt", raw)
    for number, (before, after) in enumerate(zip(raw, lines), start=1):
        removed = "".join(removal.text for removal in removals if removal.first_line == number)
        assert Counter(after) + Counter(removed) == Counter(before.translate(_SPACES))
        hidden = {
            char
            for char in after
            if unicodedata.category(char)[0] in "CZ" and char not in " \t\u200d" and ord(char) not in _VISIBLE_FORMAT and not 0xE0020 <= ord(char) <= 0xE007F
        }
        assert not hidden, [f"U+{ord(char):04X}" for char in hidden]
        assert bool(removed) == any(problem.line == number for problem in problems)


@FAST
@given(one_line)
def test_seed_text_is_literal_myst_whatever_it_holds(text):
    for markdown in (myst.text(text), "> " + myst.text(text), f"| {myst.text(text)} | x |\n|---|---|"):  # as the pages use it
        inline = [token for token in MYST.parse(markdown) if token.type == "inline"][:1]  # a table's first cell
        children = [child for token in inline for child in token.children]
        assert {child.type for child in children} <= {"text"}, (markdown, [(c.type, c.content) for c in children])
        assert flat("".join(child.content for child in children)) == flat(text)


GLOSSARY_NAMES = [entry.term for entry in load_glossary(ROOT / "docs" / "data" / "glossary.yaml").entries]


@FAST
@given(st.text(st.characters(codec="utf-8", exclude_characters="<>\r\n"), min_size=1).filter(str.strip), st.sampled_from(GLOSSARY_NAMES))
def test_a_glossary_reference_is_one_role_whatever_the_seed_spelling(spelling, canonical):
    spelling = normalise_characters("x.txt", [spelling])[0][0]
    if not spelling.strip():
        return
    tokens = [child for token in MYST.parse(myst.term(spelling, canonical)) if token.type == "inline" for child in token.children]
    assert [(token.type, token.meta.get("name")) for token in tokens] == [("myst_role", "term")]
    explicit, title, target = split_explicit_title(tokens[0].content)
    assert explicit and target == canonical and title.strip() == " ".join(spelling.split())


# --- through Sphinx ----------------------------------------------------------------------------

URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "data", "xlink:href"}


@settings(
    max_examples=2,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: each example is a Sphinx build
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(st.one_of(seed_texts, st.tuples(front_matters, seed_texts).map("".join)), min_size=20, max_size=30))
def test_random_seeds_build_with_no_warning_but_the_seed_reports_and_every_passage_is_shown_as_literal_text(texts):
    with tempfile.TemporaryDirectory() as folder:
        seeds = {f"random-{index:02d}.{'md' if text.startswith('---') else 'txt'}": text.encode("utf-8") for index, text in enumerate(texts)}
        project = hostile_project(Path(folder) / "book", seeds)
        result = sphinx_build(project)
        assert "ERROR" not in result.stderr and "Traceback" not in result.stderr, result.stderr[-3000:]
        warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
        assert all(line.startswith("seeds/") and line.endswith("[book.seed]") for line in warnings), result.stderr[-3000:]
        assert result.returncode == (1 if warnings else 0)
        html = project / "_build" / "html"
        records = [json.loads(line) for line in (html / "corpus" / "passages.jsonl").read_text(encoding="utf-8").splitlines()]
        pages: dict[str, str] = {}
        for record in records:
            page = record["url"].split("#")[0]
            if page not in pages:
                pages[page] = shown((html / page).read_text(encoding="utf-8"))
            assert flat(record["text"]) in pages[page], record
        for path in html.rglob("*.html"):
            for tag, attrs in parse_page(path.read_text(encoding="utf-8")).elements:
                assert tag not in ("iframe", "img", "b") or is_book_figure(tag, attrs), (path, tag)
                assert not any(name.startswith("on") for name in attrs), (path, tag, attrs)
                assert not any(name in URL_ATTRIBUTES and re.match(r"\s*(javascript|vbscript|data):", value or "", re.I) for name, value in attrs.items()), (path, attrs)


@pytest.mark.parametrize("name, fixture", [
    ("archive.md", "BLOG_ARCHIVE"), ("record.txt", "MEETINGS"), ("paper.txt", "REPORT"), ("notebook.md", "NOTEBOOK"), ("event.md", "ONE_EVENT"),
])
def test_the_pages_of_posts_records_of_days_reports_and_notebooks_are_accounted_for_to_the_character(name, fixture):
    import test_readers

    text = getattr(test_readers, fixture)
    linked = text.replace("[7 comments](#)", "[7 comments](https://harbour.example.org/2012/06/alaed#comments) ![avatar](https://harbour.example.org/k.png)")
    decoded, source, passages = pipeline(name, linked.encode("utf-8"))
    missing, invented = account(source, passages, decoded.lines)
    assert not missing and not invented
