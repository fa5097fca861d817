"""The conversion inside a Sphinx build: pages before Sphinx reads the sources, exports after.

At `builder-inited` the pipeline turns the seeds and the editorial data into MyST pages in the
source folder (or, when nothing it reads has changed and every page is as it was written, the
last run's results are reused: see tools/cache.py). A generated page edited by hand is reported,
naming the data files to edit instead, kept aside with the build's state and written again. The conversion's own state lives where Sphinx keeps its build state, the doctrees
folder; at `build-finished` the corpus exports are read back from there and written beside the
HTML site. Nothing is kept on the application object between the two.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import NoReturn

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util import logging

from .. import cache
from ..book import BookError, hand_edits, make_book, write_exports, write_sources
from ..export import relink
from ..figures import remembered_in
from ..model import Problem
from ..pages import STATIC_FOLDER
from ..pipeline import Paths
from ..write import write_if_changed
from .config import BookConfig

HAND_EDITS = "book-hand-edited"  # in the doctrees folder: the hand-edited versions of generated pages
FIGURES = "book-figures"  # in the doctrees folder: figures drawn, kept for the next conversion (tools/figures)

logger = logging.getLogger(__name__)


def report_problem(problem: Problem, folders: dict[str, str]) -> None:
    """A seed problem as Sphinx reports any other: warnings count for -W and suppress_warnings
    (type "book", subtype "seed" or "data"); notices are informational lines. The location names
    the project's own folders (`folders`: the pipeline's "seeds" and "docs/data" -> this project's)."""
    subtype = "seed" if problem.folder == "seeds" else "data"
    location = dataclasses.replace(problem, folder=folders.get(problem.folder, problem.folder)).location
    if problem.severity == "warning":
        logger.warning("%s", problem.reason, type="book", subtype=subtype, location=location)
    else:
        logger.info("[%s] %s: %s", subtype, location, problem.reason)


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


def convert(root: Path, paths: Paths, srcdir: Path, figures: Path) -> tuple[list[str], dict]:
    """Run the pipeline and write its pages; return the pages that changed and what to cache.
    Figures whose data did not change are taken from `figures` rather than drawn again."""
    try:
        with remembered_in(figures):
            made = make_book(root, paths)
    except BookError as error:
        stop_on_bad_data(error)
    changed = write_sources(srcdir, made)
    problems = [dataclasses.asdict(problem) for problem in made.book.problems]
    summary = f"{len(made.book.sources)} sources, {len(made.book.passages)} passages"
    return changed, {"exports": made.exports, "problems": problems, "summary": summary, "index_entries": made.book.chapters.page_size.index_entries}


def keep_hand_edits(app: Sphinx, root: Path, paths: Paths) -> list[tuple[Problem, Path]]:
    """Generated pages edited by hand, each with a copy of the edited version kept with the
    build's state: the conversion then writes the page again (cache.load sees the edit)."""
    srcdir, kept = Path(app.srcdir), []
    for problem in hand_edits(srcdir, root, paths):
        copy = Path(app.doctreedir) / HAND_EDITS / problem.file
        write_if_changed(copy, (srcdir / problem.file).read_bytes())
        kept.append((problem, copy.relative_to(root) if copy.is_relative_to(root) else copy))
    return kept


def generate(app: Sphinx) -> None:
    """Write the book's pages into the source folder, before Sphinx looks for documents."""
    settings, srcdir, cached_at = BookConfig.read(app.config), Path(app.srcdir), cache_file(app)
    root, paths = settings.project_root(app.confdir), settings.paths(app.confdir)
    edited = keep_hand_edits(app, root, paths)
    expected = cache.fingerprint(paths)
    cached = cache.load(cached_at, srcdir, expected)
    if cached is None:
        changed, result = convert(root, paths, srcdir, Path(app.doctreedir) / FIGURES)
        cache.save(cached_at, expected, result["exports"], result["problems"], result["summary"], result["index_entries"])
    else:
        changed, result = [], cached
    for problem, copy in edited:  # reported once the page is whole again, so that -W stops on a sound source folder
        logger.warning("%s (your version is kept in %s)", problem.reason, copy, type="book", subtype="generated", location=problem.location)
    folders = {"seeds": os.path.relpath(paths.seeds, root), "docs/data": os.path.relpath(paths.data, root)}
    for problem in result["problems"]:
        report_problem(Problem(**problem), folders)
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
