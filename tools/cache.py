"""Skipping the conversion when nothing it reads has changed.

A no-change rebuild should cost Sphinx's own checks, not a full conversion. The fingerprint covers
everything the conversion reads: the seeds (names and bytes), the editorial data, the pipeline's
own code and the versions of the libraries that shape its output. When it matches the last run's
and every generated page is still in place, the last run's exports and problem list are reused.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import metadata
from pathlib import Path

from .seeds import SeedReadError, list_seeds, read_seed_bytes
from .write import MANIFEST, write_if_changed

CACHE = "_generated/book-cache.json"
LIBRARIES = ("dateparser", "python-dateutil", "syntok", "rapidfuzz", "markdown-it-py", "PyYAML", "matplotlib")


def fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    # The seeds exactly as the pipeline lists and reads them: never through a link.
    listing = list_seeds(root / "seeds")
    for seed in listing.files:
        digest.update(os.fsencode(seed.os_name) + b"\0")
        try:
            digest.update(read_seed_bytes(root / "seeds", seed) + b"\0")
        except SeedReadError as error:
            digest.update(f"unreadable: {error}".encode() + b"\0")
    for problem in listing.refused:
        digest.update(str(problem).encode("utf-8", "surrogatepass") + b"\0")
    inputs = sorted((root / "docs" / "data").glob("*.yaml"))
    inputs += sorted(Path(__file__).parent.rglob("*.geojson"))  # the map's outline (tools/figures)
    inputs += sorted(Path(__file__).parent.rglob("*.py"))
    for path in inputs:
        digest.update(str(path.relative_to(root) if path.is_relative_to(root) else path.name).encode())
        digest.update(b"\0" + path.read_bytes() + b"\0")
    for library in LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(library.encode())
    return digest.hexdigest()


def load(srcdir: Path, expected: str) -> dict | None:
    """The last run's results, if its fingerprint matches and its pages are all in place."""
    try:
        cached = json.loads((srcdir / CACHE).read_text(encoding="utf-8"))
        pages = (srcdir / MANIFEST).read_text(encoding="utf-8").split("\n")
    except (OSError, ValueError):
        return None
    if cached.get("fingerprint") != expected or not all((srcdir / page).is_file() for page in pages if page):
        return None
    return cached


def save(srcdir: Path, expected: str, exports: dict[str, str], problems: list[str], summary: str) -> None:
    data = {"fingerprint": expected, "exports": exports, "problems": problems, "summary": summary}
    write_if_changed(srcdir / CACHE, json.dumps(data, ensure_ascii=False, sort_keys=True))
