"""The PDF tests' shared parts: the TeX tools and fonts, and one Read the Docs build of the real book.

`read_the_docs_build` replays, in a temporary copy of the project with the real seeds, the commands
Read the Docs runs for `.readthedocs.yaml` (readthedocs.org, readthedocs/doc_builder/backends/
sphinx.py: HtmlBuilder, PdfBuilder._build_latexmk). It runs once per test session, however many
test modules ask for it: tests/test_readthedocs.py checks the steps, tests/test_pdf.py checks the
PDF they produce, which is the PDF readers download.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, make_project

from tools.sphinx_ext.latex.preamble import FONT_FILES, FONT_PACKAGES  # noqa: F401  (the fonts the PDF loads)

JOBNAME = "russia-in-syria"  # Read the Docs passes the project's slug; ours is the .tex name
COMMANDS = ("lualatex", "latexmk", "xindy", "pdfinfo", "pdftotext", "pdftoppm")


def missing_tools() -> list[str]:
    missing = [command for command in COMMANDS if shutil.which(command) is None]
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return missing + list(FONT_FILES)
    listed = subprocess.run([fc_list, "--format", "%{file}\n"], capture_output=True, text=True).stdout
    installed = {Path(line).name for line in listed.splitlines()}
    return missing + [font for font in FONT_FILES if font not in installed]


@cache
def ensure_pdf_tools() -> None:
    """Install the TeX packages and fonts once (`make pdf-deps`) if they are missing and we can.

    As root with apt-get (CI, containers) we install them; anywhere else a missing tool is a
    failure with the command to run, never a skip: a PDF test that did not run has not passed.
    """
    missing = missing_tools()
    if not missing:
        return
    can_install = hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get") and shutil.which("make")
    if can_install:
        # The suite runs on several processes (pytest-xdist): one installs while the others wait,
        # then find the tools there (two apt-get at once fail on dpkg's lock).
        import fcntl

        lock_file = ROOT / "_build" / ".pdf-deps.lock"
        lock_file.parent.mkdir(parents=True, exist_ok=True)
        with open(lock_file, "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            missing = missing_tools()
            if not missing:
                return
            result = subprocess.run(["make", "-s", "pdf-deps"], cwd=ROOT, capture_output=True, text=True)
        still_missing = missing_tools()
        if result.returncode != 0 or still_missing:
            pytest.fail(
                f"`make pdf-deps` could not install what the PDF needs (missing: {', '.join(still_missing or missing)}):\n"
                + (result.stdout + result.stderr)[-3000:],
                pytrace=False,
            )
        return
    pytest.fail(
        f"The PDF tests need TeX, xindy, poppler-utils and the book's fonts; missing: {', '.join(missing)}. "
        "Install them with `sudo make pdf-deps` (Debian/Ubuntu), then run the tests again.",
        pytrace=False,
    )


@dataclass
class Step:
    command: list[str]
    cwd: Path
    returncode: int
    output: str
    seconds: float


@dataclass
class ReadTheDocsBuild:
    project: Path
    output: Path  # what Read the Docs calls $READTHEDOCS_OUTPUT
    steps: dict[str, Step] = field(default_factory=dict)

    @property
    def pdf_dir(self) -> Path:
        return self.output / "pdf"

    @property
    def pdf(self) -> Path:
        return self.pdf_dir / f"{JOBNAME}.pdf"

    @property
    def log(self) -> Path:
        return self.pdf_dir / f"{JOBNAME}.log"


def _run(command: list[str], cwd: Path) -> Step:
    # Read the Docs sets none of the variables Sphinx's own Makefile passes to latexmk.
    env = {name: value for name, value in os.environ.items() if name not in {"LATEXOPTS", "XINDYOPTS", "LATEXMKOPTS"}}
    start = time.monotonic()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, errors="replace")
    return Step(command, cwd, result.returncode, result.stdout + result.stderr, time.monotonic() - start)


def read_the_docs_config() -> dict:
    return yaml.safe_load((ROOT / ".readthedocs.yaml").read_text(encoding="utf-8"))


@cache
def _build(where: Path) -> ReadTheDocsBuild:
    config = read_the_docs_config()
    project = make_project(where / "book", real_seeds=True)
    build = ReadTheDocsBuild(project, project / "_readthedocs")
    conf_dir = project / Path(config["sphinx"]["configuration"]).parent
    python_sphinx = [sys.executable, "-m", "sphinx", "-T"]
    common = ["-d", "_build/doctrees", "-D", "language=en", "."]

    strict = ["-W", "--keep-going"] if config["sphinx"].get("fail_on_warning") else []
    build.steps["html"] = _run([*python_sphinx, *strict, "-b", "html", *common, str(build.output / "html")], conf_dir)
    if "pdf" in config.get("formats", []):
        build.steps["latex"] = _run([*python_sphinx, "-b", "latex", *common, str(build.pdf_dir)], conf_dir)
        if list(build.pdf_dir.glob("*.tex")):
            build.steps["latexmk"] = _run(
                ["latexmk", "-r", "latexmkrc", "-pdf", "-f", "-dvi-", "-ps-", f"-jobname={JOBNAME}", "-interaction=nonstopmode"],
                build.pdf_dir,
            )
    return build


def read_the_docs_build(tmp_path_factory) -> ReadTheDocsBuild:
    """The book built as Read the Docs builds it, once per session."""
    ensure_pdf_tools()
    return _build(tmp_path_factory.getbasetemp() / "read-the-docs")
