"""The book's Sphinx extension: `extensions = [..., "tools.sphinx_ext"]` in conf.py.

It is thin on purpose: the pipeline (tools.book, tools.pipeline) makes the book; this package
hands Sphinx the result and owns everything Sphinx needs to know about it, so that conf.py reads
like a quickstart's and `sphinx-build -b html docs _build/html` alone (as Read the Docs runs it)
builds the complete book. In the order Sphinx meets them:

    setup             readthedocs.py  sphinx-notfound-page (404.html), sphinxext-opengraph
    config-inited     config.py       `book_*` settings with defaults (BookConfig)
                      readthedocs.py  html_baseurl from READTHEDOCS_CANONICAL_URL; no social cards
                      navigation.py   templates/ (accessible sidebar captions, the search page's h1)
                      here            the generated folder and the data folder are not documents;
                                      the generated bibliography for sphinxcontrib-bibtex; the
                                      static folders: static/ (book.css, the scripts) and the
                                      generated one (the glossary's and the search's data)
                      latex/          the book's LaTeX settings, writer and post-transforms
                                      (when `book_latex` is on)
    builder-inited    memory.py       doctrees stay on disk until written, not in memory
                      conversion.py   seeds + docs/data -> MyST pages in the source folder (a
                                      page edited by hand is reported and written again)
                      here            book.css for HTML-format builders
    reading, writing  sources.py      {source-lines} citations and the {source-viewer}
                      glossary.py     spellings on one line (HTML); the tips' script where terms are linked
                      passages.py     permalinks and "Cite this passage" (HTML)
                      moved.py        addresses made before a chapter was split still land (HTML)
                      search.py       the search page's layer, and each page's light search text
                      navigation.py   captions' aria-level in page bodies; the index's letter bar
    env-get-outdated, rebuild.py      any sequence of builds gives the site a clean build gives:
    doctree-read,                     what each document references; every document read again
    env-get-updated                   when the extension's code changed; after reading, the pages
                                      that show something that changed are written again
    html-collect-pages searchindex.py the search index's glossary entries kept (sphinx#12599)
    (search index)    stems.py        each word stemmed once per build, not once per page
    build-finished    conversion.py   corpus exports beside the HTML site
                      rebuild.py      pages of documents that no longer exist deleted; what the
                                      site shows saved for the next rebuild
                      latex/          files latexmk needs beside the .tex
"""

from __future__ import annotations

import os
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from ..bibliography import register_style
from ..pages import BIBLIOGRAPHY, STATIC_FOLDER
from . import conversion, glossary, latex, memory, moved, navigation, passages, readthedocs, rebuild, search, searchindex, sources, stems
from .config import BookConfig, register

STATIC = Path(__file__).with_name("static")
GENERATED_FOLDER = STATIC_FOLDER.split("/")[0]  # "_generated": data the pages read, not pages


def not_documents(app: Sphinx, config: Config) -> None:
    """The generated data folder, and the seeds and editorial data when they lie inside the source
    folder, are not pages of the book (a Markdown seed, docs/data/README.md)."""
    srcdir = Path(app.srcdir).resolve()
    paths = BookConfig.read(config).paths(app.confdir)
    inside = [folder.relative_to(srcdir).as_posix() for folder in (paths.seeds, paths.data) if folder.is_relative_to(srcdir)]
    patterns = [GENERATED_FOLDER, *inside]
    config.exclude_patterns = [*config.exclude_patterns, *(p for p in patterns if p not in config.exclude_patterns)]


def generated_bibliography(app: Sphinx, config: Config) -> None:
    """sphinxcontrib-bibtex reads the bibliography the conversion writes, unless conf.py names others."""
    if config.bibtex_bibfiles is None:
        config.bibtex_bibfiles = [os.path.relpath(Path(app.srcdir, BIBLIOGRAPHY), app.confdir)]


def static_folders(app: Sphinx, config: Config) -> None:
    """The book's CSS and JS (static/) and the generated static folder (the glossary's and the
    search page's data), as static files of HTML-format sites.

    Set when the configuration is read, before Sphinx compares it with the last build's: a value
    changed later (at builder-inited) differs from the saved one at every build, and Sphinx then
    writes every page again. The generated folder is filled by the conversion before Sphinx
    copies static files, so a clean build and a rebuild give the same `?v=` checksums."""
    Path(conversion.static_folder(app)).mkdir(parents=True, exist_ok=True)  # Sphinx warns of a missing one
    wanted = [str(STATIC), conversion.static_folder(app)]
    if "sphinx_design" in app.extensions:  # it appends its folder at builder-inited: see unique_static_folders
        from sphinx_design.extension import STATIC_DIR

        wanted.append(str(STATIC_DIR))
    config.html_static_path = [*config.html_static_path, *(path for path in wanted if path not in config.html_static_path)]


def unique_static_folders(app: Sphinx) -> None:
    """sphinx-design appends its static folder when the builder starts, whether it is listed or
    not; listed already (static_folders), it is now there twice: once is what was compared."""
    app.config.html_static_path = list(dict.fromkeys(app.config.html_static_path))


def book_css(app: Sphinx) -> None:
    """After the theme's and other extensions' files, as conf.py's html_css_files would be. The
    scripts are added only to the pages that use them (glossary.py, passages.py, search.py)."""
    if app.builder.format == "html":
        app.add_css_file("book.css", priority=800)


def setup(app: Sphinx) -> dict:
    app.setup_extension("sphinxcontrib.bibtex")
    register(app)
    app.connect("config-inited", not_documents)
    app.connect("config-inited", generated_bibliography)
    # Before sphinxcontrib-bibtex (priority 500) reads the generated .bib file.
    app.connect("builder-inited", conversion.generate, priority=100)
    app.connect("config-inited", static_folders)
    app.connect("builder-inited", book_css, priority=110)
    app.connect("builder-inited", unique_static_folders, priority=900)
    app.connect("build-finished", conversion.export)
    sources.setup(app)
    glossary.setup(app)
    passages.setup(app)
    moved.setup(app)
    search.setup(app)
    navigation.setup(app)
    readthedocs.setup(app)
    rebuild.setup(app)
    searchindex.setup(app)
    stems.setup(app)
    latex.setup(app)
    memory.setup(app)
    register_style()
    return {"version": "2.0", "env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}
