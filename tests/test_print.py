"""The printed edition: how names are filed, what goes into the index and the abbreviations, and
what the LaTeX of a small book (tests/roots/test-print) holds: page references, each note once,
the front matter, one A-Z dictionary, index entries from the passages, no web machinery.

The real book's PDF is checked in tests/test_pdf.py; these tests only write LaTeX, in-process.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from tools.addresses import SourceView
from tools.bibliography import year_suffixes
from tools.editorial import SourceNote
from tools.glossary import Alias, Entry
from tools.model import Source
from tools.pages.dictionary import is_abbreviation, person_heading, see_references, sort_key
from tools.sphinx_ext.latex.quotes import typographic
from tools.sphinx_ext.sources import lines_label


# --- how names are filed ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, heading",
    [
        ("Vladimir Putin", "Putin, Vladimir"),
        ("Bashar al-Assad", "Assad, Bashar al-"),
        ("Abu Mohammad al-Adnani", "Adnani, Abu Mohammad al-"),
        ("Recep Tayyip Erdogan", "Erdogan, Recep Tayyip"),
        ("Staffan de Mistura", "de Mistura, Staffan"),
        ("Carla Del Ponte", "Del Ponte, Carla"),
        ("Donald Trump Jr", "Trump, Donald, Jr"),
        ("Saladin", "Saladin"),
        ("Ahmed al-Sharaa (Abu Mohammad al-Julani)", "Ahmed al-Sharaa (Abu Mohammad al-Julani)"),
    ],
)
def test_people_are_filed_by_surname(name, heading):
    assert person_heading(name) == heading


def test_the_arabic_article_accents_and_apostrophes_are_ignored_for_sorting():
    assert sort_key("Assad, Bashar al-") == "assad bashar al"
    assert sort_key("al-Nusra Front") == "nusra front"
    assert sort_key("Hay'at Tahrir al-Sham") == "hayat tahrir sham"
    assert sort_key("Türkiye") == "turkiye"
    assert sort_key("Al Mayadeen") == "mayadeen"
    assert sorted(["al-Nusra Front", "Nusaybin", "Aleppo"], key=sort_key) == ["Aleppo", "Nusaybin", "al-Nusra Front"]


def test_a_variant_spelling_the_text_uses_is_a_see_reference_unless_it_would_stand_beside_the_heading():
    entry = Entry(
        "Khmeimim Air Base", "facility", "A base.",
        aliases=[Alias(name) for name in ("Hmeimim", "Khmeimim airbase", "Khmeimim Air Bases", "Hmeymim", "Latakia air base")],
    )
    used = {"hmeimim", "khmeimim airbase", "khmeimim air bases", "latakia air base"}
    assert see_references(entry, used) == ["Hmeimim", "Latakia air base"]  # Hmeymim: never in the text
    # a reader looks a person up by surname: only a name with another surname is sent on
    person = Entry("Ahmed al-Sharaa", "person", "President.", aliases=[Alias("President al-Sharaa"), Alias("Sharaa"), Alias("Abu Mohammad al-Julani")])
    assert see_references(person, {"president al-sharaa", "sharaa", "abu mohammad al-julani"}) == ["Abu Mohammad al-Julani"]


@pytest.mark.parametrize("name, expected", [("ISIS", True), ("U.S.", True), ("ВКС", True), ("S-400", False), ("Su-24", False), ("MiG", False), ("A", False), ("Hmeimim", False)])
def test_abbreviations_are_capitals_only(name, expected):
    assert is_abbreviation(name) is expected


def test_sources_by_the_same_author_in_the_same_year_get_distinct_labels():
    def view(file, title, date):
        return SourceView(Source(file=file, kind="encyclopedia", title=title, line_count=1), SourceNote(file, author="Wikipedia contributors", date=date))

    views = [view("b.txt", "Russian military intervention", "2023-10-21"), view("a.txt", "Russian involvement", "2023-10-25"), view("c.txt", "Other", "2022-01-01")]
    assert year_suffixes(views) == {"a.txt": "a", "b.txt": "b"}


def test_a_snippet_is_cited_by_its_place_in_the_bundle():
    assert lines_label(1, 1, 12) == "line 1, snippet 12"
    assert lines_label(4, 6) == "lines 4–6"


def test_chinese_japanese_and_korean_runs_get_their_fonts_and_nothing_else_changes():
    from tools.sphinx_ext.latex.writer import mark_east_asian_runs

    assert mark_east_asian_runs("China (中国) and Ban Ki-moon (반기문).") == "China (\\bookcjk{中国}) and Ban Ki-moon (\\bookko{반기문})."
    assert mark_east_asian_runs("東京・ロシア") == "\\bookcjk{東京・ロシア}"  # kana and CJK punctuation with the Han
    assert mark_east_asian_runs("Latakia, Латакия, اللاذقية ✈") == "Latakia, Латакия, اللاذقية ✈"


def test_print_sets_typographic_quotes_and_changes_nothing_else():
    assert typographic('He said "no" -- it\'s over...') == "He said “no” -- it’s over..."


# --- the LaTeX of a small printed book --------------------------------------------------------


def small_book_latex(srcdir: Path, rootdir: Path, pages: str = "") -> str:
    """The small book's LaTeX, written without a warning; `pages` is a chapters.yaml `pages:` setting."""
    shutil.copytree(rootdir / "test-print", srcdir)
    if pages:
        with (srcdir / "data" / "chapters.yaml").open("a", encoding="utf-8") as data:
            data.write(f"pages: {{{pages}}}\n")
    app = SphinxTestApp("latex", srcdir=srcdir)
    try:
        app.build()
        assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
        return (Path(app.outdir) / "small-print.tex").read_text(encoding="utf-8")
    finally:
        app.cleanup()


@pytest.fixture(scope="module", params=["whole", "split"])
def tex(request, tmp_path_factory, rootdir):
    """The small book's LaTeX, written once for this module: with its glossary on one page, and
    split into a page per category and letter on the web (one entry per page), which print gives
    as the same one dictionary."""
    return small_book_latex(tmp_path_factory.mktemp("print") / "book", rootdir, "glossary_entries: 1" if request.param == "split" else "")


def body(tex: str) -> str:
    return tex[tex.index(r"\begin{document}"):]


def test_every_cross_reference_carries_its_page(tex):
    references = len(re.findall(r"\\sphinx(?:crossref|termref|samedocref)\{", body(tex)))
    assert references > 10 and body(tex).count(r"}}}\nobreakspace(\bookpageref{") == references
    assert r"\sphinxtermref{" not in body(tex)  # glossary names in the text became index entries


def test_a_note_is_printed_in_full_once_and_referred_to_by_page_elsewhere(tex):
    assert body(tex).count("the opposition said they hit its own positions") == 1
    assert body(tex).count(r"\begin{sphinxuseclass}{annotation-marker}") == 1
    assert re.search(r"Contested 1: Whom did the first strikes hit\?.*\\bookpageref\{\\detokenize\{periods/intervention:note-text-first-targets\}\}", tex)
    register = body(tex)[body(tex).index("Contested claims and editorial notes"):]
    assert r"\bookpages{periods/intervention:note-text-first-targets}" in register


def test_the_front_matter_has_a_guide_and_abbreviations(tex):
    for title in ("How to read this book", "Abbreviations"):
        assert r"\chapter*{%s}\addcontentsline{toc}{chapter}{%s}" % (title, title) in tex
    abbreviations = tex[tex.index(r"\chapter*{Abbreviations}"):]
    abbreviations = abbreviations[: abbreviations.index(r"\part")]
    assert "ISIS" in abbreviations and "Islamic State" in abbreviations
    assert r"\sphinxurl{https://example.org/book/}" in tex  # the web edition's address, in the guide and the imprint
    assert r"\def\sphinxbackoftitlepage" in tex


def test_the_glossary_is_one_alphabet_with_people_by_surname_and_variants_in_the_index(tex):
    dictionary = body(tex)[body(tex).index(r"\bookletter{A}"):]
    headwords = re.findall(r"\\sphinxlineitem\{(.*?)\\DUrole\{book-kind\}", dictionary)
    assert headwords[:4] == ["Assad, Bashar al\\sphinxhyphen{}", "Islamic State", "Khmeimim Air Base", "Lavrov, Sergei"]
    assert r"\label{\detokenize{glossary:term-Hmeimim}}" in dictionary  # an alias's anchor lands on the entry
    assert r"\index{hmeimim@\spxentry{Hmeimim}|see{Khmeimim Air Base}}" in dictionary
    assert r"\index{lavrov sergei@\spxentry{Lavrov, Sergei}|spxpagem}" in dictionary


def test_glossary_names_in_the_passages_are_index_entries_pointing_into_the_chronology(tex):
    chronology = body(tex)[body(tex).index(r"\part{"):body(tex).index(r"\bookletter{A}")]
    assert r"\index{lavrov sergei@\spxentry{Lavrov, Sergei}}" in chronology
    assert r"\index{khmeimim air base@\spxentry{Khmeimim Air Base}}" in chronology
    themes = body(tex)[body(tex).index(r"\index{the air war@\spxentry{The air war}|(}"):]  # a subject, over its chapter's pages
    assert r"\index{the air war@\spxentry{The air war}|)}" in themes
    assert r"\index{khmeimim air base@\spxentry{Khmeimim Air Base}}" in themes[:themes.index("|)}")]  # an excerpt that shows the name


def test_paper_gets_no_web_machinery(tex):
    assert "How to link to this book" not in tex
    assert "part of the web edition" not in tex
    assert "Each excerpt links to" not in tex
    assert "Each excerpt gives the page of the full passage" in tex


def test_print_cites_a_snippet_by_its_place_and_sets_typographic_quotes(tex):
    assert re.search(r"snippets\.txt, line 1, snippet \d", tex)
    assert re.search(r"against “[^”\n]{0,200}ISIS[^”\n]{0,200}” targets", tex)


# --- a book too large to print whole ----------------------------------------------------------


@pytest.fixture(scope="module")
def concise(tmp_path_factory, rootdir):
    """The small book's LaTeX when chapters.yaml says it is too large to print whole (any book
    with more passages than `print_passages`), and the method page's paragraph on its edition."""
    srcdir = tmp_path_factory.mktemp("concise") / "book"
    tex = small_book_latex(srcdir, rootdir, "print_passages: 2")
    return tex, (srcdir / "_generated" / "print" / "edition.md").read_text(encoding="utf-8")


def test_a_book_too_large_to_print_whole_prints_its_dated_passages_but_not_its_undated_chapter(concise):
    tex, edition = concise
    assert "carried out their first air strikes in Syria" in tex  # dated (30 September 2015): in full
    assert "aims in Syria are debated" not in body(tex)  # a snippet without a date: the web edition only
    assert r"\chapter{Undated}" not in tex
    assert re.search(r"undated passages\s+are in the web edition only", tex)
    assert "more than the 2 the printed edition prints whole" in edition


def test_a_book_too_large_to_print_whole_gives_each_theme_year_the_pages_of_its_passages(concise):
    tex, _ = concise
    themes = body(tex)[body(tex).index(r"\part{Themes}"):]
    assert "1 passage, printed on \\bookpages{periods/intervention:p-wire-" in themes  # a year's passages: their pages
    assert "without a date: in the web edition only." in themes  # a theme's undated passages are not printed
    assert r"\sphinxstylestrong{" not in themes[: themes.index(r"\part{", 1)]  # no excerpt lines ("**date** · excerpt")
    assert "Each excerpt gives the page of the full passage" not in tex


@pytest.fixture(scope="module")
def selected(tmp_path_factory, rootdir):
    """The small book's LaTeX when it also has more dated passages than print holds in full
    (`print_dated: 1`): print gives the one that ranks first, and says where the others are."""
    srcdir = tmp_path_factory.mktemp("selected") / "book"
    tex = small_book_latex(srcdir, rootdir, "print_passages: 2, print_dated: 1")
    return tex, (srcdir / "_generated" / "print" / "edition.md").read_text(encoding="utf-8")


def test_a_book_with_more_dated_passages_than_print_holds_prints_a_selection_and_counts_the_rest(selected, concise):
    tex, edition = selected
    whole, _ = concise
    in_full = ("carried out their first air strikes in Syria, against", "On 1 October 2015 more air strikes followed", "would go on, and that")
    assert all(text in body(whole) for text in in_full)  # print_dated at its default: every dated passage
    assert [text for text in in_full if text in body(tex)] == [in_full[0]]  # the one a note concerns ranks first
    assert re.search(r"more passages? of this (?:month|year) in the web\s+edition", body(tex))
    assert "a selection of 1" in edition and "the events the most sources" in edition
    assert r"\chapter{Undated}" not in tex
