"""What the build writes inside the project: the one list of generated paths.

`syria-book clean`, `make clean` and the benchmark's copy of the project read this list;
tests/test_generated.py checks `.gitignore` against it, and every page the conversion renders
against it. Only the standard library is used here, so that `make clean` works before anything is
installed (it runs `python3 -m tools.generated`, the same as `syria-book clean`).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

SOURCE_FOLDER = "docs"  # the Sphinx project, where the conversion writes its pages
BUILD_FOLDER = "_build"  # every builder's output, the doctrees and the conversion cache

# Inside SOURCE_FOLDER: the pages the conversion renders and its own files ("/" ends a folder).
GENERATED_PAGES = (
    "periods/",
    "themes/",
    "sources/",
    "entries/",
    "_generated/",
    "glossary.md",
    "contested-claims.md",
    "conversion-report.md",
    ".generated-files",
)

GENERATED = (f"{BUILD_FOLDER}/", *(f"{SOURCE_FOLDER}/{name}" for name in GENERATED_PAGES))


def is_generated_page(name: str) -> bool:
    """Whether a path relative to the Sphinx source folder is one the conversion owns."""
    return any(name == entry or (entry.endswith("/") and name.startswith(entry)) for entry in GENERATED_PAGES)


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
