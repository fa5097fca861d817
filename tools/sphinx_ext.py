"""The Sphinx extension: run the conversion before Sphinx reads the sources, export after the build.

It is thin on purpose: `tools.book.make_book` does the work; this module only hands Sphinx the
result, so `sphinx-build -b html docs _build/html` alone (as Read the Docs runs it) produces the
complete book.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

from . import sphinx_sources
from .book import BookError, make_book, write_exports, write_sources

logger = logging.getLogger(__name__)



def _project_root(app: Sphinx) -> Path:
    configured = app.config.book_root
    return Path(app.srcdir, configured).resolve() if configured else Path(app.srcdir).resolve().parent


def generate(app: Sphinx) -> None:
    root = _project_root(app)
    try:
        made = make_book(root)
    except BookError as error:
        raise ExtensionError(str(error)) from error
    changed = write_sources(Path(app.srcdir), made)
    for problem in made.book.problems:
        logger.info("[seed] %s", problem)
    logger.info(
        "[book] %d sources, %d passages, %d generated files changed",
        len(made.book.sources),
        len(made.book.passages),
        len(changed),
    )
    app._book_exports = made.exports  # type: ignore[attr-defined]



def export(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    exports = getattr(app, "_book_exports", None)
    if exports:
        write_exports(Path(app.outdir), exports)


def setup(app: Sphinx) -> dict:
    app.add_config_value("book_root", "", "env", types=[str])
    # Before sphinxcontrib-bibtex (priority 500) reads the generated .bib file.
    app.connect("builder-inited", generate, priority=100)
    app.connect("build-finished", export)
    sphinx_sources.setup(app)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
