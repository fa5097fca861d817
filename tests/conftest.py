"""Shared helpers: small projects written for a test, and Sphinx builds run as a reader would."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import textwrap
import threading
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


# --- a real browser on the built site (Playwright driving the system's Chromium, never a download)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if shutil.which("apt-get") and os.geteuid() == 0:
            subprocess.run(["apt-get", "install", "-y", "-q", "chromium"], check=False, capture_output=True)
        if not CHROMIUM.exists():
            pytest.fail(f"The browser tests need Chromium at {CHROMIUM}: install it with `apt-get install chromium` (as root).")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("The browser tests need the Python package playwright: `.venv/bin/pip install -e '.[test]'` (never `playwright install`).")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def real_site(real_book) -> Path:
    """The real book's HTML site (built once, see real_book); fails the test if it did not build."""
    project, result = real_book
    if result.returncode != 0:
        pytest.fail("the real book did not build:\n" + result.stderr[-3000:])
    return project / "_build" / "html"


@pytest.fixture(scope="session")
def served(real_site):
    """The real site on http://127.0.0.1:<port>, as a reader's browser would get it."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(real_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
