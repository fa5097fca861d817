"""The conversion inside a Sphinx build: pages before Sphinx reads the sources, exports after.

At `builder-inited` the pipeline turns the seeds and the editorial data into MyST pages in the
source folder (or, when nothing it reads has changed, the last run's results are reused: see
tools/cache.py). The conversion's own state lives where Sphinx keeps its build state, the doctrees
folder; at `build-finished` the corpus exports are read back from there and written beside the
HTML site. Nothing is kept on the application object between the two.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import NoReturn

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util import logging

from .. import cache
from ..book import BookError, make_book, write_exports, write_sources
from ..export import relink
from ..model import Problem
from ..pages import STATIC_FOLDER
from ..pipeline import Paths
from .config import BookConfig

logger = logging.getLogger(__name__)


def report_problem(problem: Problem) -> None:
    """A seed problem as Sphinx reports any other: warnings count for -W and suppress_warnings
    (type "book", subtype "seed" or "data"); notices are informational lines."""
    subtype = "seed" if problem.folder == "seeds" else "data"
    if problem.severity == "warning":
        logger.warning("%s", problem.reason, type="book", subtype=subtype, location=problem.location)
    else:
        logger.info("[%s] %s: %s", subtype, problem.location, problem.reason)


def stop_on_bad_data(error: BookError) -> NoReturn:
    """End the build with one line naming the data file and the entry, and exit status 2.

    Sphinx 9 reports any exception from an extension, SphinxError and ConfigError included, as a
    crash: versions, a traceback and a log file saved for Sphinx's developers. A typo in an
    editor's YAML file is not a crash, so it is logged as an error and the build stops here.
    """
    logger.error("%s", error, type="book", subtype="data")
    raise SystemExit(2)


def cache_file(app: Sphinx) -> Path:
    return Path(app.doctreedir) / cache.CACHE


def convert(root: Path, paths: Paths, srcdir: Path) -> tuple[list[str], dict]:
    """Run the pipeline and write its pages; return the pages that changed and what to cache."""
    try:
        made = make_book(root, paths)
    except BookError as error:
        stop_on_bad_data(error)
    changed = write_sources(srcdir, made)
    problems = [dataclasses.asdict(problem) for problem in made.book.problems]
    summary = f"{len(made.book.sources)} sources, {len(made.book.passages)} passages"
    return changed, {"exports": made.exports, "problems": problems, "summary": summary}


def generate(app: Sphinx) -> None:
    """Write the book's pages into the source folder, before Sphinx looks for documents."""
    settings, srcdir, cached_at = BookConfig.read(app.config), Path(app.srcdir), cache_file(app)
    paths = settings.paths(app.confdir)
    expected = cache.fingerprint(paths)
    cached = cache.load(cached_at, srcdir, expected)
    if cached is None:
        changed, result = convert(settings.project_root(app.confdir), paths, srcdir)
        cache.save(cached_at, expected, result["exports"], result["problems"], result["summary"])
    else:
        changed, result = [], cached
    for problem in result["problems"]:
        report_problem(Problem(**problem))
    reused = " (inputs unchanged)" if cached else ""
    logger.info("[book] %s, %d generated files changed%s", result["summary"], len(changed), reused)


def site_address(builder: Builder, address: str) -> str:
    """An address of the html site ("periods/x.html#p-1") as this builder names the page:
    "periods/x/#p-1" in dirhtml, "index.html#p-1" in singlehtml (every id is on its one page)."""
    page, _, anchor = address.partition("#")
    target = builder.get_target_uri(page.removesuffix(".html")).split("#")[0]
    return f"{target or builder.config.root_doc + builder.out_suffix}#{anchor}"


def export(app: Sphinx, exception: Exception | None) -> None:
    """The corpus exports beside every HTML-format site (html, dirhtml, singlehtml), not inside an
    epub or any other packaged (embedded) format."""
    if exception is not None or app.builder.format != "html" or getattr(app.builder, "embedded", False):
        return
    exported = cache.exports(cache_file(app))
    if app.builder.name != "html":
        exported = relink(exported, lambda address: site_address(app.builder, address))
    write_exports(Path(app.outdir), exported)


def static_folder(app: Sphinx) -> str:
    """The generated static files' folder, for html_static_path (absolute: it may lie outside conf.py's folder)."""
    return str(Path(app.srcdir) / STATIC_FOLDER)
