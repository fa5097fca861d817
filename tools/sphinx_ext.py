"""The Sphinx extension: run the conversion before Sphinx reads the sources, export after the build.

It is thin on purpose: `tools.book.make_book` does the work; this module only hands Sphinx the
result, so `sphinx-build -b html docs _build/html` alone (as Read the Docs runs it) produces the
complete book.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

from . import bibliography, cache, sphinx_sources
from .book import BookError, make_book, write_exports, write_sources
from .model import Problem

logger = logging.getLogger(__name__)


def _project_root(app: Sphinx) -> Path:
    configured = app.config.book_root
    return Path(app.srcdir, configured).resolve() if configured else Path(app.srcdir).resolve().parent


def report_problem(problem: Problem) -> None:
    """A seed problem as Sphinx reports any other: warnings count for -W and suppress_warnings
    (type "book", subtype "seed"); notices are informational lines."""
    subtype = "seed" if problem.folder == "seeds" else "data"
    if problem.severity == "warning":
        logger.warning("%s", problem.reason, type="book", subtype=subtype, location=problem.location)
    else:
        logger.info("[%s] %s: %s", subtype, problem.location, problem.reason)


def generate(app: Sphinx) -> None:
    root, srcdir = _project_root(app), Path(app.srcdir)
    expected = cache.fingerprint(root)
    cached = cache.load(srcdir, expected)
    if cached is None:
        try:
            made = make_book(root)
        except BookError as error:
            raise ExtensionError(str(error)) from error
        changed = write_sources(srcdir, made)
        problems = [dataclasses.asdict(problem) for problem in made.book.problems]
        summary = f"{len(made.book.sources)} sources, {len(made.book.passages)} passages"
        cache.save(srcdir, expected, made.exports, problems, summary)
        exports = made.exports
    else:
        changed, problems, summary, exports = [], cached["problems"], cached["summary"], cached["exports"]
    for problem in problems:
        report_problem(Problem(**problem))
    logger.info("[book] %s, %d generated files changed%s", summary, len(changed), " (inputs unchanged)" if cached else "")
    app._book_exports = exports  # type: ignore[attr-defined]


def export(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name != "html":  # the web site only, not epub or others
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
    bibliography.register_style()
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
