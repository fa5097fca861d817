"""Shared helpers: small projects written for a test, and Sphinx builds run as a reader would."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Sphinx's own test fixtures (app, make_app, app_params, ...) for the extension's tests, with the
# test roots in tests/roots/test-<name>.
pytest_plugins = ("sphinx.testing.fixtures",)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).resolve().parent / "roots"
DOCS_TO_COPY = ("conf.py", "index.md", "about", "data")


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def make_project(where: Path, seeds: dict[str, str | bytes] | None = None, real_seeds: bool = False) -> Path:
    """A copy of the book's Sphinx project and editorial data, with the given seeds."""
    (where / "docs").mkdir(parents=True)
    for name in DOCS_TO_COPY:
        source = ROOT / "docs" / name
        if source.is_dir():
            shutil.copytree(source, where / "docs" / name)
        elif source.exists():
            shutil.copy2(source, where / "docs" / name)
    (where / "seeds").mkdir()
    if real_seeds:
        for seed in sorted((ROOT / "seeds").iterdir()):
            shutil.copy2(seed, where / "seeds" / seed.name)
    for name, content in (seeds or {}).items():
        target = where / "seeds" / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return where


def sphinx_build(project: Path, builder: str = "html", *extra: str, fresh: bool = True, quiet: bool = True) -> subprocess.CompletedProcess:
    """A warning-strict build (-W --keep-going), in its own process, the way `make html` runs it.

    fresh=False rebuilds in the same output folder as `make html` does (no -E); quiet=False keeps
    Sphinx's console output (the extension's "[seed]" lines among it) in the result's stdout.
    """
    out = project / "_build" / builder
    options = ["-E"] * fresh + ["-q"] * quiet
    command = [sys.executable, "-m", "sphinx", "-b", builder, "-W", "--keep-going", "--no-color", *options, *extra, str(project / "docs"), str(out)]
    return subprocess.run(command, capture_output=True, text=True, cwd=project)


@pytest.fixture(scope="session")
def real_book(tmp_path_factory):
    """The real seeds built once into HTML, fresh and warning-strict: (project, completed build).

    Shared by every test that reads the real site; the tests must not modify it.
    """
    project = make_project(tmp_path_factory.mktemp("real") / "book", real_seeds=True)
    return project, sphinx_build(project)


@pytest.fixture
def project(tmp_path):
    def factory(seeds=None, real_seeds=False):
        return make_project(tmp_path / "book", seeds, real_seeds)

    return factory


@pytest.fixture(scope="session")
def hostile_book(tmp_path_factory):
    """The hostile seed corpus (tests/hostile.py), file-system attacks included, built once into
    HTML with -W --keep-going, console output kept. The attacks are reported as warnings, so the
    build completes and exits with status 1."""
    from hostile import corpus, hostile_project

    project = hostile_project(tmp_path_factory.mktemp("hostile") / "book", corpus(), attacks=True)
    return project, sphinx_build(project, "html", quiet=False)
