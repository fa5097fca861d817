"""A reproducible PDF: the same sources and the same SOURCE_DATE_EPOCH give the same bytes, built
with `make latexpdf` or, as Read the Docs does, with `latexmk -r latexmkrc` and no variables set.

A small book (tests/roots/test-book with the book's LaTeX settings), not the real one: the point
is the build's date and the PDF's identifiers, which do not depend on the size of the book.
"""

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pdfbuild import ensure_pdf_tools

pytestmark = pytest.mark.pdf

ROOT = Path(__file__).resolve().parent / "roots" / "test-book"
EPOCH = 1700000000  # 14 November 2023, 22:13:20 UTC
SPHINX = [sys.executable, "-m", "sphinx"]
OPTIONS = ["-q", "-W", "--keep-going", "-D", "book_latex=1"]


def without(*names: str) -> dict[str, str]:
    return {name: value for name, value in os.environ.items() if name not in names}


def run(command: list[str], cwd: Path, env: dict[str, str]) -> None:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, errors="replace")
    assert result.returncode == 0, (command, (result.stdout + result.stderr)[-3000:])


def make_latexpdf(where: Path) -> Path:
    """`make latexpdf`: Sphinx's make mode, SOURCE_DATE_EPOCH in the environment throughout."""
    shutil.copytree(ROOT, where)
    run([*SPHINX, "-M", "latexpdf", ".", "_build", *OPTIONS], where, {**without("FORCE_SOURCE_DATE"), "SOURCE_DATE_EPOCH": str(EPOCH)})
    return where / "_build" / "latex"


def read_the_docs_pdf(where: Path) -> Path:
    """Read the Docs: the LaTeX step, then latexmk on its own, with no date variable set."""
    shutil.copytree(ROOT, where)
    run([*SPHINX, *OPTIONS, "-b", "latex", ".", "_build/latex"], where, {**without("FORCE_SOURCE_DATE"), "SOURCE_DATE_EPOCH": str(EPOCH)})
    latex = where / "_build" / "latex"
    latexmk = ["latexmk", "-r", "latexmkrc", "-pdf", "-f", "-dvi-", "-ps-", "-interaction=nonstopmode", "small-book.tex"]
    run(latexmk, latex, without("SOURCE_DATE_EPOCH", "FORCE_SOURCE_DATE", "LATEXOPTS", "XINDYOPTS", "LATEXMKOPTS"))
    return latex


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    ensure_pdf_tools()
    base = tmp_path_factory.mktemp("reproducible")
    return make_latexpdf(base / "one"), read_the_docs_pdf(base / "two")


def test_two_pdf_builds_in_different_folders_are_byte_identical(two_builds):
    one, two = two_builds
    assert (one / "small-book.pdf").read_bytes() == (two / "small-book.pdf").read_bytes()


def test_the_title_page_and_the_pdf_carry_the_build_date(two_builds):
    one, _ = two_builds
    day = dt.datetime.fromtimestamp(EPOCH, tz=dt.timezone.utc)
    assert f"\\date{{{day.day} {day:%B} {day.year}}}" in (one / "small-book.tex").read_text(encoding="utf-8")  # the book's own style
    assert f"/CreationDate (D:{day:%Y%m%d%H%M%S}Z)".encode() in (one / "small-book.pdf").read_bytes()
    rc = (one / "latexmkrc").read_text(encoding="utf-8")
    assert f"$ENV{{'SOURCE_DATE_EPOCH'}} = '{EPOCH}';" in rc and "$ENV{'FORCE_SOURCE_DATE'} = '1';" in rc
