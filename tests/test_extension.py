"""The Sphinx extension, tested the way Sphinx extensions are: a small test root (tests/roots/
test-book: two seeds, two periods, two themes, two glossary entries) built in-process with
sphinx.testing, checking the warnings and the environment. The real book's builds, shared by the
test run, are in test_build.py and test_hostile.py.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools import cache
from tools.generated import GENERATED_PAGES
from tools.sphinx_ext.config import BookConfig
from tools.sphinx_ext.sources import source_lines


def page(app, name: str) -> str:
    return (Path(app.outdir) / name).read_text(encoding="utf-8")


def script_and_style_tags(html: str) -> list[str]:
    return re.findall(r'<script [^>]*src="[^"]*"[^>]*></script>|<link rel="stylesheet"[^>]*>', html)


def passages(app) -> list[dict]:
    return [json.loads(line) for line in page(app, "corpus/passages.jsonl").splitlines()]


# --- settings ---------------------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="book", srcdir="book-settings")
def test_every_setting_is_a_book_config_value_with_its_default(app):
    defaults = BookConfig()
    assert BookConfig.read(app.config) == BookConfig(root=".", data_dir="data")
    assert app.config.book_seeds_dir == defaults.seeds_dir == "seeds"
    assert app.config.book_latex is False and app.config.latex_engine == "pdflatex"  # the book's LaTeX is opt-in
    assert app.config.values["book_data_dir"].description


@pytest.mark.sphinx("html", testroot="book", srcdir="book-settings")
def test_the_generated_bibliography_the_seeds_and_the_data_are_not_pages(app):
    assert app.config.bibtex_bibfiles == ["_generated/sources.bib"]
    assert {"_generated", "seeds", "data"} <= set(app.config.exclude_patterns)


# --- the build --------------------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="book", srcdir="book-html")
def test_the_small_book_builds_without_a_warning_and_its_chapters_are_documents(app, warning):
    app.build()
    assert warning.getvalue() == ""
    assert {"periods/intervention", "themes/air-war", "glossary", "sources/index", "sources/wire", "conversion-report"} <= app.env.found_docs
    assert not [name for name in app.env.found_docs if name.split("/")[0] in ("_generated", "seeds", "data")]
    generated = {name for name in app.env.found_docs if name not in ("index", "how-to-link")}
    assert all(any(f"{name}.md" == entry or name.startswith(entry) for entry in GENERATED_PAGES) for name in generated)


@pytest.mark.sphinx("html", testroot="book", srcdir="book-html")
def test_line_citations_are_source_lines_nodes_that_become_links_to_the_viewer(app):
    app.build()
    cited = list(app.env.get_doctree("periods/intervention").findall(source_lines))
    assert cited and {node["source_file"] for node in cited} == {"wire.txt"}
    assert 'href="../sources/wire.html#L1">line 1</a>' in page(app, "periods/intervention.html")
    assert re.search(r'<tr id="L1" class="kept">.*href="\.\./periods/intervention\.html#p-wire-', page(app, "sources/wire.html"))


@pytest.mark.sphinx("html", testroot="book", srcdir="book-html")
def test_the_conversion_keeps_its_state_with_the_doctrees_and_nothing_on_the_application(app):
    app.build()
    assert (Path(app.doctreedir) / cache.CACHE).is_file()
    assert [path for path in Path(app.srcdir).rglob(cache.CACHE) if Path(app.doctreedir) not in path.parents] == []
    assert not [name for name in vars(app) if name.startswith("_book")]
    assert [record["url"].split("#")[0] for record in passages(app)] == ["periods/undated.html"] * 2 + ["periods/intervention.html"] * 3


@pytest.mark.sphinx("html", testroot="book", srcdir="book-rebuild")
def test_styles_and_scripts_come_from_the_extension_where_needed_and_a_rebuild_gives_the_same_tags(make_app, app_params):
    args, kwargs = app_params
    clean = make_app(*args, freshenv=True, **kwargs)
    clean.build()
    home = script_and_style_tags(page(clean, "index.html"))
    chapter = script_and_style_tags(page(clean, "periods/intervention.html"))
    own = r"book\.css|glossary-(data|tips|search)\.js|passages\.js|book-search\.js"
    # The styles on every page; the tips' script only where entries are linked, and their data
    # never with a page (the script loads it at the first hover, focus or tap).
    assert [tag for tag in home if re.search(own, tag)] == [tag for tag in home if re.fullmatch(r'<link rel="stylesheet" type="text/css" href="_static/book\.css\?v=[0-9a-f]{8}" />', tag)]
    assert len([tag for tag in home if re.search(own, tag)]) == 1
    tips = [tag for tag in chapter if "glossary-tips.js?v=" in tag]
    assert len(tips) == 1 and re.search(r'data-version="[0-9a-f]{8}"', tips[0])
    assert not [tag for tag in home + chapter if "glossary-data.js" in tag]
    assert "window.GLOSSARY_TIPS" in page(clean, "_static/glossary-data.js")
    search = script_and_style_tags(page(clean, "search.html"))
    assert [tag for tag in search if "glossary-search.js" in tag or "book-search.js" in tag]
    rebuilt = make_app(*args, **kwargs)
    rebuilt.build()
    assert "0 generated files changed (inputs unchanged)" in rebuilt.status.getvalue()
    assert script_and_style_tags(page(rebuilt, "index.html")) == home
    assert script_and_style_tags(page(rebuilt, "periods/intervention.html")) == chapter


# --- problems ---------------------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="book", srcdir="book-seed-problem")
def test_a_seed_problem_is_a_warning_with_type_subtype_and_location(make_app, app_params):
    args, kwargs = app_params
    (kwargs["srcdir"] / "seeds" / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    app = make_app(*args, **kwargs)
    app.build()
    assert "seeds/binary.txt:1: WARNING: binary file (NUL or control bytes): skipped [book.seed]" in app.warning.getvalue()
    silenced = make_app(*args, confoverrides={"suppress_warnings": ["book.seed"]}, **kwargs)
    silenced.build()
    assert "binary.txt" not in silenced.warning.getvalue()


def test_a_bad_data_file_ends_the_build_with_one_line_naming_the_file_and_the_entry(tmp_path):
    """Run as sphinx-build runs: the message is for an editor, not a crash report with a saved
    traceback (Sphinx 9 treats any exception, SphinxError included, as a crash)."""
    project, scratch = tmp_path / "book", tmp_path / "tmp"
    shutil.copytree(Path(__file__).parent / "roots" / "test-book", project)
    (project / "data" / "cleaning.yaml").write_text("junk_blocks:\n  - pattern: '(unclosed'\n    reason: broken\n", encoding="utf-8")
    scratch.mkdir()
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "--no-color", "-q", str(project), str(project / "_build")]
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "TMPDIR": str(scratch)})
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"ERROR: {project / 'data' / 'cleaning.yaml'}: junk_blocks[0]: bad pattern '(unclosed': "
        "missing ), unterminated subpattern at position 0 [book.data]"
    ]
    assert "Traceback" not in result.stdout and list(scratch.iterdir()) == []  # no sphinx-err-*.log


# --- other builders ---------------------------------------------------------------------------


@pytest.mark.sphinx("dirhtml", testroot="book", srcdir="book-dirhtml")
def test_a_dirhtml_site_gets_the_corpus_with_its_own_addresses(app, warning):
    app.build()
    assert warning.getvalue() == ""
    records = passages(app)
    assert all(re.fullmatch(r"periods/[a-z-]+/#p-[a-z0-9-]+", record["url"]) for record in records)
    assert all(re.fullmatch(r"sources/[a-z-]+/#L\d+", record["source_url"]) for record in records)
    viewer = page(app, "sources/wire/index.html")
    assert 'href="../../periods/intervention/#p-wire-' in viewer
    assert 'href="../../sources/wire/#L1">line 1</a>' in page(app, "periods/intervention/index.html")
    glossary = json.loads(page(app, "corpus/glossary.json"))
    assert {entry["anchor"] for entry in glossary} == {"glossary/#term-Sergei-Lavrov", "glossary/#term-Khmeimim-Air-Base"}


@pytest.mark.sphinx("singlehtml", testroot="book", srcdir="book-singlehtml")
def test_a_singlehtml_site_gets_the_corpus_pointing_into_its_one_page(app, warning):
    app.build()
    assert all(record["url"].startswith("index.html#p-") for record in passages(app))


@pytest.mark.sphinx("latex", testroot="book", srcdir="book-latex", confoverrides={"book_latex": True, "latex_show_urls": "no"})
def test_in_print_a_line_citation_names_the_file_and_the_book_latex_settings_are_defaults(app, warning):
    app.build()
    tex = page(app, "small-book.tex")
    assert "wire.txt, line 1" in tex
    assert app.config.latex_engine == "lualatex" and app.config.latex_use_xindy is True
    assert app.config.latex_show_urls == "no"  # conf.py's own value wins
    assert r"\part{" in tex  # periods/index printed as a part
    assert {"booklongwords.lua", "bookindex.xdy"} <= {path.name for path in Path(app.outdir).iterdir()}
    assert "-M bookindex.xdy" in page(app, "latexmkrc")


@pytest.mark.sphinx("epub", testroot="book", srcdir="book-epub", confoverrides={"version": "1"})
def test_a_packaged_format_gets_no_corpus_beside_it(app):
    app.build()
    assert not (Path(app.outdir) / "corpus").exists()


# --- cost -------------------------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="book", srcdir="book-plugins")
def test_resolving_citations_never_scans_the_installed_packages_for_pybtex_plugins(app, monkeypatch):
    import importlib.metadata

    import pybtex.plugin

    scans = []

    def counted(*args, **kwargs):
        scans.append(kwargs)
        return importlib.metadata.entry_points(*args, **kwargs)

    monkeypatch.setattr(pybtex.plugin, "entry_points", counted)
    app.build()
    assert scans == []


def test_starting_a_build_imports_no_matplotlib_until_a_figure_is_drawn(tmp_path):
    """A rebuild with nothing to do draws no figure: the second matplotlib takes to import (ours,
    or sphinxext-opengraph's social cards, which the book turns off) is not paid."""
    (tmp_path / "conf.py").write_text('extensions = ["tools.sphinx_ext.readthedocs"]\n', encoding="utf-8")
    (tmp_path / "index.rst").write_text("Title\n=====\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from sphinx.application import Sphinx\n"
        f"app = Sphinx({str(tmp_path)!r}, {str(tmp_path)!r}, {str(tmp_path / 'out')!r}, {str(tmp_path / 'doctrees')!r}, 'html', status=None)\n"
        "import tools.sphinx_ext, tools.figures.charts, tools.figures.maps, sphinxext.opengraph\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib was imported'\n"
        "from tools.figures import new_figure\n"
        "new_figure(1, 1)\n"
        "assert 'matplotlib' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).resolve().parent.parent, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]


# --- pages that stay light ------------------------------------------------------------------------


def build_without_warnings(root: Path, fresh: bool = True):
    """A copy of the test root built in-process, as a fresh build or a rebuild (fresh=False), which
    must give no warning."""
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp

    app = SphinxTestApp("html", srcdir=root, freshenv=fresh, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    assert app.warning.getvalue() == ""
    return app


def test_a_chapter_past_the_page_size_is_split_and_every_old_address_finds_its_passage(tmp_path):
    """With one passage per page, the intervention (two passages in 2015, one in 2016) is split by
    year, and 2015 by month; the undated chapter (one source) by runs of its lines: each passage's address names
    the page that holds it, and the chapter's map, which moved.js follows from the chapter's old
    address, names it too. With two lines per page, the wire's viewer (five lines) is split the
    same way into ranges of lines, and each passage's line citation leads to the right one."""
    root = tmp_path / "book"
    shutil.copytree(Path(__file__).parent / "roots" / "test-book", root)
    with (root / "data" / "chapters.yaml").open("a", encoding="utf-8") as data:
        data.write("pages: {passages: 1, excerpts: 1, mentions: 1, viewer_lines: 2}\n")
    app = build_without_warnings(root)
    assert {"periods/intervention/2015-09", "periods/intervention/2015-10", "periods/intervention/2016", "themes/air-war/2015-09"} <= app.env.found_docs
    assert "periods/undated" in app.env.found_docs
    assert sorted(name for name in app.env.found_docs if name.startswith("periods/undated/")) == ["periods/undated/lines-10-10", "periods/undated/lines-8-8"]
    for record in [record for record in passages(app) if record["url"].startswith("periods/undated/")]:
        address, pid = record["url"].split("#")
        assert f'id="{pid}"' in page(app, address) and json.loads(page(app, "_static/moved/periods-undated.json"))[pid] == address
    moved = json.loads(page(app, "_static/moved/periods-intervention.json"))
    records = [record for record in passages(app) if record["url"].startswith("periods/intervention/")]
    assert len(records) == 3
    for record in records:
        address, pid = record["url"].split("#")
        assert f'id="{pid}"' in page(app, address)
        assert moved[pid] == address
    opening = page(app, "periods/intervention.html")
    assert 'data-map="moved/periods-intervention.json"' in opening and "moved.js" in opening
    assert 'href="intervention/2015-09.html"' in opening  # the chapter lists its pages
    assert "passage-link" not in opening  # and holds no passage itself
    # Lavrov is mentioned twice: the people's page of basis and mentions goes by initial letter.
    assert "entries/person/s" in app.env.found_docs
    assert json.loads(page(app, "_static/moved/entries-person.json")) == {"entry-sergei-lavrov": "entries/person/s.html"}
    assert 'id="entry-sergei-lavrov"' in page(app, "entries/person/s.html")
    assert 'href="entries/person/s.html#entry-sergei-lavrov"' in page(app, "glossary.html")
    # The wire's five lines: a viewer page per two lines, and the old line addresses mapped.
    assert {"sources/wire/lines-1-2", "sources/wire/lines-3-4", "sources/wire/lines-5-5"} <= app.env.found_docs
    assert json.loads(page(app, "_static/moved/sources-wire.json")) == {f"L{n}": f"sources/wire/lines-{(n - 1) // 2 * 2 + 1}-{min((n - 1) // 2 * 2 + 2, 5)}.html" for n in range(1, 6)}
    viewer = page(app, "sources/wire.html")
    assert 'data-map="moved/sources-wire.json"' in viewer and 'href="wire/lines-3-4.html"' in viewer and '<tr id="L' not in viewer
    for record in [record for record in passages(app) if record["source"] == "wire.txt"]:
        address, line = record["source_url"].split("#")
        assert address.startswith("sources/wire/lines-") and f'<tr id="{line}"' in page(app, address)
        assert f'href="../../{address}#{line}"' in page(app, record["url"].split("#")[0]), record["id"]


def test_a_general_index_past_the_page_size_has_a_page_per_letter_and_leaves_none_behind_when_it_fits(tmp_path):
    """With two index entries per page, the small book's index (three glossary spellings, under K,
    L and S) keeps its letter bar on genindex.html, each letter leading to a page of its own that
    shows the bar and its entries; the old genindex.html#S is mapped to genindex-S.html. Once the
    index fits again, a rebuild leaves neither the letter pages nor the map behind."""
    root = tmp_path / "book"
    shutil.copytree(Path(__file__).parent / "roots" / "test-book", root)
    chapters = root / "data" / "chapters.yaml"
    original = chapters.read_text(encoding="utf-8")
    chapters.write_text(original + "pages: {index_entries: 2}\n", encoding="utf-8")
    app = build_without_warnings(root)
    index = page(app, "genindex.html")
    bar = index[index.index("genindex-jumpbox") :]
    assert 'href="genindex-K.html#K"' in bar and 'href="genindex-S.html#S"' in bar and "indextable" not in index
    assert 'data-map="moved/genindex.json"' in index
    letter = page(app, "genindex-S.html")
    assert '<section id="S"' in letter and 'href="glossary.html#term-Sergei-Lavrov"' in letter and '<section id="K"' not in letter
    assert 'href="genindex-K.html#K"' in letter and 'href="#S"' in letter
    assert json.loads(page(app, "_static/moved/genindex.json")) == {"K": "genindex-K.html", "L": "genindex-L.html", "S": "genindex-S.html"}
    chapters.write_text(original, encoding="utf-8")
    app = build_without_warnings(root, fresh=False)
    assert not list(Path(app.outdir).glob("genindex-*.html")) and not (Path(app.outdir) / "_static/moved/genindex.json").exists()
    assert 'id="S"' in page(app, "genindex.html") and "indextable" in page(app, "genindex.html") and "moved.js" not in page(app, "genindex.html")


def test_a_glossary_past_the_page_size_has_a_page_per_category_and_every_old_address_finds_its_entry(tmp_path):
    """With one entry per page, the small book's glossary (a person, a place) keeps its
    introduction on glossary.html and lists a page per category, which defines the entry under
    the same anchors; the text's links, the corpus and the search name that page, and the old
    glossary.html#term-… of every spelling is mapped to it."""
    root = tmp_path / "book"
    shutil.copytree(Path(__file__).parent / "roots" / "test-book", root)
    with (root / "data" / "chapters.yaml").open("a", encoding="utf-8") as data:
        data.write("pages: {glossary_entries: 1}\n")
    app = build_without_warnings(root)
    assert {"glossary", "glossary/person", "glossary/place"} <= app.env.found_docs
    opening = page(app, "glossary.html")
    assert 'href="glossary/person.html"' in opening and 'id="term-' not in opening
    assert 'data-map="moved/glossary.json"' in opening and "moved.js" in opening
    assert 'id="term-Sergei-Lavrov"' in page(app, "glossary/person.html") and 'id="term-Lavrov"' in page(app, "glossary/person.html")
    assert json.loads(page(app, "_static/moved/glossary.json")) == {
        "term-Sergei-Lavrov": "glossary/person.html", "term-Lavrov": "glossary/person.html",
        "term-Khmeimim-Air-Base": "glossary/place.html", "term-Khmeimim": "glossary/place.html",
    }
    assert 'href="../glossary/place.html#term-Khmeimim' in page(app, "periods/intervention.html")
    records = {record["term"]: record["anchor"] for record in json.loads(page(app, "corpus/glossary.json"))}
    assert records == {"Sergei Lavrov": "glossary/person.html#term-Sergei-Lavrov", "Khmeimim Air Base": "glossary/place.html#term-Khmeimim-Air-Base"}
    assert '"glossary/person"]' in page(app, "_static/glossary-search.js")


def test_the_search_index_stems_each_word_once_per_build_with_sphinxs_own_stemmer():
    from sphinx.search.en import SearchEnglish

    from tools.sphinx_ext.stems import RememberingEnglish

    remembering, plain = RememberingEnglish({}), SearchEnglish({})
    words = ["strikes", "Striking", "bases", "strikes", "negotiations", "strikes"]
    calls = []
    stem_word = remembering.stemmer.stemWord
    remembering.stemmer = type("Counting", (), {"stemWord": lambda self, word: calls.append(word) or stem_word(word)})()
    assert [remembering.stem(word) for word in words] == [plain.stem(word) for word in words]
    assert len(calls) == len(set(words))


def test_a_data_file_among_the_static_files_changes_no_other_page_but_a_style_sheet_does(tmp_path):
    """Pages carry the checksums of style sheets and scripts (`?v=`), not of the data files a script
    fetches by name (moved.py's redirect maps): a changed map must not make every page be written again."""
    from types import SimpleNamespace

    from tools.sphinx_ext.rebuild import static_files

    static = tmp_path / "_static"
    (static / "moved").mkdir(parents=True)
    (static / "book.css").write_text("p {}", encoding="utf-8")
    (static / "moved" / "periods.json").write_text("{}", encoding="utf-8")
    app = SimpleNamespace(builder=SimpleNamespace(format="html"), config=SimpleNamespace(html_static_path=["_static"]), confdir=str(tmp_path), registry=SimpleNamespace(css_files=[], js_files=[]))
    before = static_files(app)
    (static / "moved" / "periods.json").write_text('{"p-1": "periods/2015.html"}', encoding="utf-8")
    assert static_files(app) == before
    (static / "book.css").write_text("p { margin: 0 }", encoding="utf-8")
    assert static_files(app) != before


def test_a_serial_build_keeps_no_doctree_in_memory_between_reading_and_writing(tmp_path):
    """Sphinx would hold every document's doctree from its reading to its writing (the whole book
    at once); the book's builds read each back from disk when it is written, and write the same."""
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp

    root = tmp_path / "book"
    shutil.copytree(Path(__file__).parent / "roots" / "test-book", root)
    app = SphinxTestApp("html", srcdir=root, freshenv=True, status=StringIO(), warning=StringIO())
    held = []
    app.connect("env-updated", lambda app, env: held.append((len(env.all_docs), len(env._write_doc_doctree_cache), len(env._pickled_doctree_cache))))
    try:
        app.build()
    finally:
        app.cleanup()
    assert app.warning.getvalue() == ""
    documents, kept, pickled = held[0]
    assert documents > 5 and kept == 0 and pickled == 0
    assert 'id="p-wire-' in (Path(app.outdir) / "periods" / "intervention.html").read_text(encoding="utf-8")  # written from the disk's doctree
