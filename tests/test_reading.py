"""Reading and finding, in the built pages: chapters a reader can move around in, notes printed
once per chapter, excerpts that end where a phrase ends, a glossary light enough for a phone, light
search texts, and Read the Docs' conventions. (What needs a real browser is in test_browser.py.)"""

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from tools.addresses import date_group_anchor, entry_anchor, theme_year_anchor
from tools.editorial import Period
from tools.excerpt import excerpt
from tools.model import PartialDate

from conftest import ROOT

PAGE_LIMIT = 400_000  # bytes: the heaviest page a phone should have to load
INTERVENTION = "periods/2015-2016-intervention.html"


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------- anchors

PERIODS = [
    Period("diplomacy", "", "", dt.date(2011, 3, 1), dt.date(2015, 9, 29)),
    Period("intervention", "", "", dt.date(2015, 9, 30), dt.date(2016, 3, 14)),
    Period("later", "", "", dt.date(2016, 3, 15), None),
    Period("undated", "", "", undated=True),
]


def test_month_and_year_anchors_depend_only_on_the_date_and_the_chapters_boundaries():
    diplomacy, intervention, later, _ = PERIODS
    assert date_group_anchor(PartialDate(2015, 10), intervention, PERIODS) == "month-2015-10"
    assert date_group_anchor(PartialDate(2014), diplomacy, PERIODS) == "year-2014"
    # a month or a year the boundaries divide names its chapter, in both chapters
    assert date_group_anchor(PartialDate(2015, 9), diplomacy, PERIODS) == "month-2015-09-in-diplomacy"
    assert date_group_anchor(PartialDate(2015, 9), intervention, PERIODS) == "month-2015-09-in-intervention"
    assert date_group_anchor(PartialDate(2016), later, PERIODS) == "year-2016-in-later"
    assert theme_year_anchor("bases", 2016) == "theme-bases-2016" and theme_year_anchor("bases", None) == "theme-bases-undated"
    assert entry_anchor("term-Donald-J.-Trump") == "entry-donald-j-trump"


# --------------------------------------------------------------------------------- excerpts

HAMEDAN = "On 16 August 2016, Russian Tu-22M bombers and Su-34 strike fighters began to use Iran's Hamedan Airbase for conducting raids over Syria."


def test_an_excerpt_of_one_sentence_ends_where_a_phrase_ends_and_keeps_the_word_that_matters():
    assert excerpt(HAMEDAN) == "On 16 August 2016, Russian Tu-22M bombers and Su-34 strike fighters began to use Iran's Hamedan Airbase …"


def test_an_excerpt_of_several_sentences_keeps_whole_sentences_and_never_the_whole_passage():
    text = "Russia struck Idlib. Turkey protested the next day. The talks resumed in Astana a week later."
    assert excerpt(text) == "Russia struck Idlib. Turkey protested the next day. …"
    assert excerpt("Two short words.") == "Two short words."  # a few words stay whole
    long_first = "The Russian defence ministry said that its aircraft, flying from the Khmeimim base near Latakia, had struck forty targets overnight in three provinces of the north. It gave no names."
    assert excerpt(long_first) == "The Russian defence ministry said that its aircraft, flying from the Khmeimim base near Latakia …"


def test_an_excerpt_that_opens_with_a_dateline_goes_on_to_say_what_happened():
    text = 'Moscow, 30 September 2015. Russian jets flying from Hmeimim carried out their first air strikes in Syria, against "ISIS" targets, the ministry said.'
    assert excerpt(text) == 'Moscow, 30 September 2015. Russian jets flying from Hmeimim carried out their first air strikes in Syria, against "ISIS" targets …'


def test_an_excerpt_cut_inside_a_sentence_never_ends_on_a_dangling_word():
    text = " ".join(["word"] * 12 + ["the", "end", "of", "a", "very", "long", "list", "of", "things", "and", "more", "words", "after", "it", "here"])
    cut = excerpt(text)
    assert cut.endswith(" …") and cut.split()[-2] not in {"the", "of", "a", "and"}


# --------------------------------------------------------------------------- the real book


@pytest.mark.build
def test_no_html_page_is_over_400_kb(real_site):
    heavy = {str(page.relative_to(real_site)): page.stat().st_size for page in real_site.rglob("*.html") if page.stat().st_size > PAGE_LIMIT}
    assert heavy == {}


@pytest.mark.build
def test_months_are_headings_with_stable_anchors_and_fill_the_page_contents(real_site):
    page = read(real_site, INTERVENTION)
    assert re.search(r'<section id="month-2015-10">\s*(<span id="[^"]*"></span>)?<h2>October 2015<a class="headerlink" href="#month-2015-10"', page)
    # September 2015 is divided between two chapters: each part names its chapter
    assert 'id="month-2015-09-in-2015-2016-intervention"' in page
    assert 'id="month-2015-09-in-2011-2015-diplomacy"' in read(real_site, "periods/2011-2015-diplomacy.html")
    contents = page[page.index('class="toc-tree"') :]
    assert '<a class="reference internal" href="#month-2015-10">October 2015</a>' in contents
    # The undated chapter, longer than a page, has a page per source, titled with its anchor.
    undated = [read(real_site, f"periods/undated/{path.name}") for path in sorted((real_site / "periods" / "undated").glob("*.html"))]
    assert len(undated) >= 2
    assert all(re.search(r'<section id="undated-[0-9a-f-]+">\s*(<span id="[^"]*"></span>)?<h1>From ', page) for page in undated)
    assert re.search(r'<section id="theme-bases-2016">\s*(<span id="[^"]*"></span>)?<h2>2016<', read(real_site, "themes/bases.html"))


@pytest.mark.build
def test_contested_claim_titles_are_headings_under_their_register_anchors(real_site):
    page = read(real_site, "contested-claims.html")
    titles = re.findall(r'<section id="note-([a-z0-9-]+)">\s*(?:<span id="[^"]*"></span>)?<h3>', page)
    assert len(titles) >= 30 and "first-strikes-targets" in titles


@pytest.mark.build
def test_each_note_is_printed_in_full_once_per_chapter_and_later_passages_link_to_it(real_site):
    for page_path in sorted((real_site / "periods").glob("*.html")):
        page = page_path.read_text(encoding="utf-8")
        full = re.findall(r'<div class="[^"]*annotation[^"]*" id="(note-[a-z0-9-]+-in-[a-z0-9-]+)"', page)
        assert len(full) == len(set(full)), page_path.name
        for target in re.findall(r'<p class="note-marker">.*?href="#(note-[^"]+)"', page):
            assert target in full, (page_path.name, target)
    page = read(real_site, INTERVENTION)
    assert page.count("Whom did the first Russian strikes hit?") <= 2 + page.count('href="#note-first-strikes-targets-in-2015-2016-intervention"')
    note = page[page.index('id="note-first-strikes-targets-in-2015-2016-intervention"') :]
    assert "It concerns:" in note[: note.index("</div>")] and "this passage" in note[: note.index("</div>")]


@pytest.mark.build
def test_the_glossary_shows_spellings_on_one_line_and_links_each_entry_to_its_basis_and_mentions(real_site):
    page = read(real_site, "glossary.html")
    head = page[page.index('<dt id="term-Khmeimim-Air-Base"') : page.index("<dd", page.index('<dt id="term-Khmeimim-Air-Base"'))]
    assert head.count("<dt") == 2 and '<dt class="spellings"><em>also </em><span id="term-Khmeimim">Khmeimim</span>' in head
    link = re.search(r'<a href="(entries/facility\.html#entry-khmeimim-air-base)">Basis, related entries and mentions: (\d+) passages, (\d{4}) to (\d{4})</a>', page)
    assert link and int(link.group(2)) >= 10
    assert link.group(3) == "2015" and 2015 < int(link.group(4)) <= 2025  # from its first dated mention to its last
    entry = page[page.index('<dt id="term-Khmeimim-Air-Base"') : page.index("</dd>", page.index('<dt id="term-Khmeimim-Air-Base"'))]
    assert "See also" not in entry  # the related entries are one link away, with the basis
    entries = read(real_site, "entries/facility.html")
    block = entries[entries.index('id="entry-khmeimim-air-base"') :]
    block = block[: block.index("</section>")]
    assert "Basis of the definition:" in block
    assert re.search(r'<em>See also:</em> <a [^>]*href="\.\./glossary\.html#term-Latakia"', block), block[:2000]
    labels = re.findall(r'href="\.\./periods/[^"]+#p-[^"]+">(?:<span[^>]*>)?([^<]+)<', block)
    assert len(labels) == int(link.group(2)) and len(labels) == len(set(labels))  # each told apart
    years = [int(year) for year in re.findall(r"<strong>(\d{4})</strong>", block)]
    assert years == sorted(years)  # by date


@pytest.mark.build
def test_mentions_of_the_same_day_and_kind_are_told_apart_by_their_lines(real_site):
    for page_path in (real_site / "entries").glob("*.html"):
        page = page_path.read_text(encoding="utf-8")
        for block in page.split('<section id="entry-')[1:]:
            labels = re.findall(r'href="\.\./periods/[^"]+#p-[^"]+">(?:<span[^>]*>)?([^<]+)<', block)
            assert [label for label, count in Counter(labels).items() if count > 1] == [], (page_path.name, block[:40])


@pytest.mark.build
def test_search_texts_are_light_and_hold_passages_without_their_line_of_facts(real_site):
    blocks = json.loads(read(real_site, "_static/search/" + INTERVENTION.replace(".html", ".json")))
    assert blocks[0][0] == "" and blocks[0][1].startswith("On 30 September 2015")
    passages = {anchor: text for anchor, text in blocks if anchor.startswith("p-")}
    assert len(passages) >= 50 and not [text for text in passages.values() if "themes:" in text or " · " in text]
    assert (real_site / "_static/search" / INTERVENTION.replace(".html", ".json")).stat().st_size < (real_site / INTERVENTION).stat().st_size / 3
    entries = read(real_site, "_static/glossary-search.js")
    assert '["term-Khmeimim-Air-Base","Khmeimim Air Base","Bases, airports and ports",["Khmeimim","Hmeimim"' in entries
    assert not (real_site / "_static/search/entries").exists()  # the glossary's notes are not searched


@pytest.mark.build
def test_the_navigation_has_the_index_and_an_editors_appendix_and_the_index_a_clean_letter_bar(real_site):
    home = read(real_site, "index.html")
    nav = home[home.index('class="sidebar-tree"') :]
    assert '<a class="reference internal" href="genindex.html">Index</a>' in nav
    editors = nav[nav.index('<span class="caption-text">For editors</span>') :]
    assert 'href="conversion-report.html"' in editors
    assert 'href="conversion-report.html"' not in nav[: nav.index('<span class="caption-text">For editors</span>')]
    index = read(real_site, "genindex.html")
    bar = re.findall(r'<a href="#([^"]+)"><strong>', index[index.index("genindex-jumpbox") : index.index("</div>", index.index("genindex-jumpbox"))])
    assert set(bar) <= {"Symbols", "Cyrillic", "Arabic", "Others", *"ABCDEFGHIJKLMNOPQRSTUVWXYZ"} and {"A", "Z", "Cyrillic"} <= set(bar)


@pytest.mark.build
def test_read_the_docs_conventions_a_404_page_and_open_graph_without_social_cards(real_site):
    missing = read(real_site, "404.html")
    assert "Page not found" in missing
    # its navigation is collapsed like every page's: the parts and chapters, not every page
    assert missing.count("toctree-l1") >= 5 and "toctree-l3" not in missing
    home = read(real_site, "index.html")
    assert '<meta property="og:title" content="Russia in Syria: an annotated reference" />' in home
    assert '<meta property="og:description"' in home and "og:image" not in home


@pytest.mark.sphinx("html", testroot="book", srcdir="book-canonical")
def test_the_canonical_address_is_read_the_docs_and_no_whole_page_feeds_the_search(make_app, app_params, monkeypatch):
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", "https://russia-syria.example.org/en/latest/")
    args, kwargs = app_params
    app = make_app(*args, freshenv=True, **kwargs)
    app.build()
    assert app.config.html_baseurl == "https://russia-syria.example.org/en/latest/"
    page = (Path(app.outdir) / "periods" / "intervention.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://russia-syria.example.org/en/latest/periods/intervention.html"' in page
    assert "SHOW_SEARCH_SUMMARY: false" in (Path(app.outdir) / "_static" / "documentation_options.js").read_text(encoding="utf-8")


def test_the_conversion_report_is_an_editors_appendix_in_the_source():
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert re.search(r":caption: For editors\n\nconversion-report\n", index)
