"""Editors change anything and rebuild: every rebuild gives the site a clean build of the same
inputs gives, byte for byte, and every editing mistake gets a message an editor can act on.

The small book of tests/roots/test-editing (the real book's extensions and theme, three seeds,
every kind of editorial entry) is built once; each test starts from a copy of that build in the
same folder, as an editor's working copy after `make html`, makes one editing operation
(tests/editing.py), rebuilds, and compares the site with a clean build of the edited inputs.
Builds run in-process (sphinx.testing); the real book's rebuild times are measured by
benchmarks/editing.py, never asserted here.
"""

from __future__ import annotations

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from sphinx.builders.html._assets import _file_checksum_inner
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

from editing import OPERATIONS, Project, copy_inputs, differences, restore, site

pytestmark = pytest.mark.build

TEST_ROOT = Path(__file__).parent / "roots" / "test-editing"


def small_book(root: Path) -> Project:
    """The operations' names in the small book."""
    return Project(
        srcdir=root,
        seeds=root / "seeds",
        data=root / "data",
        new_seed=("extra.txt", "Damascus, 12 October 2015. Russian bombers struck near Aleppo, and Lavrov defended the air strikes.\n"),
        removed_seed="digest.txt",
        renamed_seed=("wire.txt", "agency.txt"),
        edited_seed=("wire.txt", "more air strikes followed near Hama", "more air strikes followed near Homs and Hama"),
        renamed_term=("Sergei Lavrov", "Sergey Lavrov"),
        annotation={"id": "difficult-talks", "kind": "context", "title": "Difficult talks", "note": "Both sides said so.", "quotes": ["Diplomats said the talks were difficult."]},
        theme=("diplomacy", "counterparts"),
    )


def build(root: Path, fresh: bool = False, builder: str = "html", parallel: int = 0) -> SphinxTestApp:
    """One build, as `make html` runs it in the project (fresh: as after `make clean`).

    Sphinx caches static files' checksums (`?v=`) for the life of the process, so that a second
    build in the same process would show the first one's: each build here starts without them,
    as each `make html` does in its own process."""
    _file_checksum_inner.cache_clear()
    app = SphinxTestApp(builder, srcdir=root, freshenv=fresh, status=StringIO(), warning=StringIO(), parallel=parallel)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def clean_build(project: Path, where: Path, builder: str = "html") -> dict[str, bytes]:
    """The site a clean build of the project's current inputs gives, built in a copy."""
    copy = copy_inputs(project, [project], where)
    build(copy, fresh=True, builder=builder)
    return site(copy / "_build" / builder)


@pytest.fixture(scope="module")
def first_build(tmp_path_factory):
    """The small book built once, warning-free, and a snapshot of the folder after it."""
    folder = tmp_path_factory.mktemp("editing")
    project, snapshot = folder / "book", folder / "snapshot"
    shutil.copytree(TEST_ROOT, project)
    app = build(project, fresh=True)
    assert app.warning.getvalue() == ""
    shutil.copytree(project, snapshot)  # with the files' times: Sphinx and the conversion judge by them
    return project, snapshot


@pytest.fixture
def built(first_build) -> Path:
    """The project as the first build left it, in the folder it was built in."""
    return restore(*first_build)


@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_after_an_editing_operation_the_rebuild_gives_the_site_a_clean_build_gives(built, tmp_path, operation):
    OPERATIONS[operation](small_book(built))
    build(built)
    assert differences(site(built / "_build" / "html"), clean_build(built, tmp_path / "clean")) == []


SEQUENCE = ["add a seed", "edit one seed's text", "rename a glossary term (the old name an alias)", "add an annotation",
            "change a theme's definition", "rename a seed file", "remove a seed", "no change"]


def test_any_sequence_of_edits_and_rebuilds_gives_after_each_the_site_a_clean_build_gives(built, tmp_path):
    assert sorted(SEQUENCE) == sorted(OPERATIONS)
    for step, operation in enumerate(SEQUENCE):
        OPERATIONS[operation](small_book(built))
        build(built)
        assert differences(site(built / "_build" / "html"), clean_build(built, tmp_path / f"clean-{step}")) == [], operation


@pytest.mark.parametrize("operation", ["rename a seed file", "edit one seed's text"])
def test_a_parallel_rebuild_gives_the_site_a_clean_build_gives(built, tmp_path, operation):
    """-j 2: documents read in two processes, their references merged (the book's domain)."""
    OPERATIONS[operation](small_book(built))
    build(built, parallel=2)
    assert differences(site(built / "_build" / "html"), clean_build(built, tmp_path / "clean")) == []


def index_entries(outdir: Path) -> dict:
    text = (outdir / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text.removeprefix("Search.setIndex(").removesuffix(")"))["indexentries"]


def test_a_rebuild_with_no_change_keeps_every_glossary_entry_in_the_search_index(built):
    """sphinx-doc/sphinx#12599: Sphinx's own rebuild writes an index with no index entries."""
    before = index_entries(built / "_build" / "html")
    assert {"sergei lavrov", "lavrov", "khmeimim air base", "khmeimim", "geneva"} <= set(before)
    rebuilt = build(built)
    assert "0 added, 0 changed, 0 removed" in rebuilt.status.getvalue()
    assert index_entries(built / "_build" / "html") == before


def written_pages(app) -> set[str]:
    status = strip_colors(app.status.getvalue())
    return {line.split("]")[-1].strip() for line in status.splitlines() if line.startswith("writing output... [")}


def test_a_rebuild_with_no_change_writes_no_page(built):
    """Nothing a page shows changed: not the static folders (sphinx-design adds its own as the
    builder starts), not the scripts a page adds for itself. (Sphinx may still say that the
    theme's `pygments_dark_style` changed: the theme registers it after the comparison, which
    then only reports it.)"""
    rebuilt = build(built)
    assert "html_static_path" not in rebuilt.status.getvalue()
    assert written_pages(rebuilt) == set()


def test_a_chapter_split_then_joined_again_leaves_no_page_or_map_behind(built, tmp_path):
    """A split chapter's pages and its map of moved anchors (a static file, which Sphinx never
    deletes) leave the site when the chapter fits on one page again; so do the pages of a split
    source viewer, glossary and general index."""
    chapters = built / "data" / "chapters.yaml"
    original = chapters.read_text(encoding="utf-8")
    chapters.write_text(original + "pages: {passages: 1, excerpts: 1, viewer_lines: 2, glossary_entries: 1, index_entries: 2}\n", encoding="utf-8")
    build(built)
    split = site(built / "_build" / "html")
    assert [name for name in split if name.startswith("_static/moved/")]
    assert {"_static/moved/glossary.json", "_static/moved/genindex.json"} <= set(split)
    assert [name for name in split if name.startswith("sources/") and "/lines-" in name] and [name for name in split if name.startswith("genindex-")]
    chapters.write_text(original, encoding="utf-8")
    build(built)
    assert differences(site(built / "_build" / "html"), clean_build(built, tmp_path / "clean")) == []


def test_a_rebuild_writes_again_only_what_shows_a_change(built):
    """An annotation changes its passage's page and the register of notes; the pages that only
    show the same titles and links (sources, themes, the glossary, other periods) are not written
    again."""
    OPERATIONS["add an annotation"](small_book(built))
    written = written_pages(build(built))
    assert {"contested-claims", "periods/undated"} <= written  # and their parents in the toctree (Sphinx's own rule)
    assert not written & {"glossary", "sources/notes", "themes/air-war", "themes/diplomacy", "periods/intervention"}


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_the_pages_of_a_removed_or_renamed_seed_leave_the_site(built, builder, tmp_path):
    if builder != "html":
        build(built, builder=builder)
    OPERATIONS["rename a seed file"](small_book(built))
    OPERATIONS["remove a seed"](small_book(built))
    build(built, builder=builder)
    out = built / "_build" / builder
    pages = {name for name in site(out) if name.startswith(("sources/", "_sources/sources/"))}
    expected = {"html": {"sources/wire.html", "sources/digest.html"}, "dirhtml": {"sources/wire/index.html", "sources/digest/index.html"}}[builder]
    assert pages and not expected & pages
    assert not (out / "sources" / "digest").exists()
    assert differences(site(out), clean_build(built, tmp_path / "clean", builder)) == []
