"""Skipping the conversion when nothing it reads has changed.

A no-change rebuild should cost Sphinx's own checks, not a full conversion. The fingerprint covers
everything the conversion reads: the seeds (names and bytes), the editorial data, the pipeline's
own code and the versions of the libraries that shape its output. When it matches the last run's
and every generated page is still in place, the last run's exports and problem list are reused.

The Sphinx extension keeps the cache file with Sphinx's own build state (the doctrees folder), not
among the sources: it is not a page, and `make clean` or a fresh output folder forgets it.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import metadata
from pathlib import Path

from .editorial import PageSize
from .pipeline import Paths
from .seeds import SeedReadError, list_seeds, read_seed_bytes
from .write import in_place, write_if_changed

CACHE = "book-cache.json"  # in the doctrees folder
LIBRARIES = ("dateparser", "python-dateutil", "syntok", "rapidfuzz", "markdown-it-py", "PyYAML", "matplotlib", "babel")


def fingerprint(paths: Paths) -> str:
    digest = hashlib.sha256()
    # The seeds exactly as the pipeline lists and reads them: never through a link.
    listing = list_seeds(paths.seeds)
    for seed in listing.files:
        digest.update(os.fsencode(seed.os_name) + b"\0")
        try:
            digest.update(read_seed_bytes(paths.seeds, seed) + b"\0")
        except SeedReadError as error:
            digest.update(f"unreadable: {error}".encode() + b"\0")
    for problem in listing.refused:
        digest.update(str(problem).encode("utf-8", "surrogatepass") + b"\0")
    code = Path(__file__).parent
    # Every editorial file, the glossary's entry files in glossary/ and public-anchors.txt included.
    named = [(f"data/{path.relative_to(paths.data).as_posix()}", path) for path in sorted(paths.data.rglob("*")) if path.is_file()]
    named += [(f"tools/{path.relative_to(code).as_posix()}", path) for path in sorted(code.rglob("*.py"))]
    named += [(f"tools/{path.relative_to(code).as_posix()}", path) for path in sorted(code.rglob("*.geojson"))]  # the map's outline
    for name, path in named:
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    for library in LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(library.encode())
    return digest.hexdigest()


def load(cache_file: Path, srcdir: Path, expected: str) -> dict | None:
    """The last run's results, if its fingerprint matches and its pages are all in place, as the
    last run wrote them (a page deleted or edited by hand is written again)."""
    try:
        cached = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if cached.get("fingerprint") != expected or not in_place(srcdir):
        return None
    return cached


def save(cache_file: Path, expected: str, exports: dict[str, str], problems: list[dict], summary: str, index_entries: int = PageSize.index_entries) -> None:
    data = {"fingerprint": expected, "exports": exports, "problems": problems, "summary": summary, "index_entries": index_entries}
    write_if_changed(cache_file, json.dumps(data, ensure_ascii=False, sort_keys=True))


def index_entries(cache_file: Path) -> int:
    """How many entries the general index holds on one page (chapters.yaml, `pages:`), as the last
    conversion read it: Sphinx makes the index long after the conversion has run."""
    try:
        return int(json.loads(cache_file.read_text(encoding="utf-8")).get("index_entries", PageSize.index_entries))
    except (OSError, ValueError, TypeError):
        return PageSize.index_entries


def exports(cache_file: Path) -> dict[str, str]:
    """The corpus exports the last conversion saved (none if there is no cache)."""
    try:
        return json.loads(cache_file.read_text(encoding="utf-8"))["exports"]
    except (OSError, ValueError, KeyError):
        return {}
