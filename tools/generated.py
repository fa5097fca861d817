"""What the build writes inside the project: the one list of generated paths.

`syria-book clean`, `make clean` and the benchmark's copy of the project read this list;
tests/test_generated.py checks `.gitignore` against it, and every page the conversion renders
against it. Only the standard library is used here, so that `make clean` works before anything is
installed (it runs `python3 -m tools.generated`, the same as `syria-book clean`).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

SOURCE_FOLDER = "docs"  # the Sphinx project, where the conversion writes its pages
BUILD_FOLDER = "_build"  # every builder's output, the doctrees and the conversion cache

SEEDS = "seeds"  # in GENERATED_PAGES: the seed documents themselves

# Inside SOURCE_FOLDER: the pages the conversion renders and its own files ("/" ends a folder),
# each with what it is made from: the editorial data files (in docs/data) and the seeds, where an
# editor makes a change instead of editing the generated page, which the build would replace.
GENERATED_PAGES = {
    "periods/": ("chapters.yaml", "annotations.yaml", SEEDS),
    "themes/": ("chapters.yaml", SEEDS),
    "sources/": ("sources.yaml", SEEDS),
    "entries/": ("glossary.yaml", "glossary/", SEEDS),
    "_generated/": ("chapters.yaml", "glossary.yaml", "sources.yaml", "events.yaml", "places.yaml", SEEDS),
    "glossary.md": ("glossary.yaml", "glossary/"),
    "glossary/": ("glossary.yaml", "glossary/"),  # a glossary too long for one page: its pages
    "contested-claims.md": ("annotations.yaml",),
    "conversion-report.md": ("cleaning.yaml", SEEDS),
    "conversion-report/": ("cleaning.yaml", SEEDS),
    ".generated-files": (),
}

GENERATED = (f"{BUILD_FOLDER}/", *(f"{SOURCE_FOLDER}/{name}" for name in GENERATED_PAGES))


def _entry(name: str) -> str | None:
    return next((entry for entry in GENERATED_PAGES if name == entry or (entry.endswith("/") and name.startswith(entry))), None)


def is_generated_page(name: str) -> bool:
    """Whether a path relative to the Sphinx source folder is one the conversion owns."""
    return _entry(name) is not None


def made_from(name: str) -> tuple[str, ...]:
    """What a generated page is made from (data files, SEEDS), by its path in the source folder."""
    entry = _entry(name)
    return GENERATED_PAGES[entry] if entry else ()


def edit_instead(name: str, root: Path, seeds: Path, data: Path) -> str:
    """Where to change what a generated page says, from the project root: "docs/data/chapters.yaml
    and seeds/"."""
    places = [os.path.relpath(seeds, root) + "/" if item == SEEDS else os.path.relpath(data / item, root) + ("/" if item.endswith("/") else "") for item in made_from(name)]
    return " and ".join(filter(None, [", ".join(places[:-1]), places[-1]])) if places else "the build"


def remove_generated(root: Path) -> list[str]:
    """Delete every generated path under the project root; return those that existed."""
    removed = []
    for entry in GENERATED:
        path = root / entry.rstrip("/")
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.is_dir():
            shutil.rmtree(path)
        else:
            continue
        removed.append(entry)
    return removed


def main(argv: list[str] | None = None) -> int:
    """`python3 -m tools.generated [ROOT]` removes them; `--list` prints them, one a line (for
    the Makefile's livehtml, which must not rebuild on its own output)."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--list"]:
        print("\n".join(entry.rstrip("/") for entry in GENERATED))
        return 0
    root = Path(args[0] if args else ".").resolve()
    for entry in remove_generated(root):
        print(f"removed {entry}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
