"""Where a clean HTML build's time goes: cProfile of one build of a generated corpus, summed by stage.

Usage: python benchmarks/where_time_goes.py [--scale 10] [--keep FOLDER] [--stats FILE.prof]

The profile of one `sphinx-build -b html` of a generated corpus (benchmarks/corpus.py), or an
existing `.prof` file with `--stats`, is summarised twice: by the stages the book's build is
known to spend on (the cumulative time of the function that does each: MyST parsing, furo's
navigation tree, the global toctree, post-transforms, search-index stemming, pybtex's plugin
look-ups, the conversion, ...), and as the functions with the most time of their own. The
profiler inflates times, about twofold: compare shares, not seconds.
"""

from __future__ import annotations

import argparse
import pstats
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

# (what it is, file name ends with, function name): the cumulative time of that function.
STAGES = (
    ("the whole build", "sphinx/cmd/build.py", "build_main"),
    ("the conversion (tools.book.make_book)", "tools/book.py", "make_book"),
    ("reading: all sources (parse and transforms)", "sphinx/builders/__init__.py", "_read_serial"),
    ("reading: MyST parsing", "myst_parser/parsers/sphinx_.py", "parse"),
    ("writing: all pages", "sphinx/builders/__init__.py", "_write_serial"),
    ("writing: post-transforms (cross-references)", "sphinx/environment/__init__.py", "apply_post_transforms"),
    ("writing: furo's navigation tree, per page", "furo/__init__.py", "_compute_navigation_tree"),
    ("writing: global toctree, per page", "sphinx/environment/adapters/toctree.py", "global_toctree_for_doc"),
    ("writing: HTML templates (handle_page)", "sphinx/builders/html/__init__.py", "handle_page"),
    ("writing: search index, per page (stemming)", "sphinx/search/__init__.py", "feed"),
    ("pybtex plugin look-ups (find_plugin)", "pybtex/plugin/__init__.py", "find_plugin"),
    ("importlib.metadata.entry_points", "importlib/metadata/__init__.py", "entry_points"),
    ("sphinxcontrib-bibtex: citation resolution", "sphinxcontrib/bibtex/transforms.py", "run"),
    ("doctrees: pickling", "sphinx/builders/__init__.py", "write_doctree"),
    ("the search index: dump", "sphinx/builders/html/__init__.py", "dump_search_index"),
)


def profile_build(scale: float, folder: Path) -> Path:
    """Generate the corpus into a copy of the project and profile one clean HTML build of it."""
    from corpus import scaled_corpus
    from run import make_project

    make_project(folder, scaled_corpus(scale))
    out = folder / "clean-build.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "sphinx", "-q", "--keep-going",
               "-b", "html", "-d", "_build/doctrees", "docs", "_build/html"]
    subprocess.run(command, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return out


def stage_times(stats: pstats.Stats) -> list[tuple[str, float, int]]:
    """(stage, cumulative seconds, calls) of each known stage found in the profile."""
    found = []
    for label, file_end, name in STAGES:
        matches = [(row[3], row[1]) for (file, _, function), row in stats.stats.items() if file.endswith(file_end) and function == name]
        if matches:
            found.append((label, max(time for time, _ in matches), sum(calls for _, calls in matches)))
    return found


def own_times(stats: pstats.Stats, top: int) -> list[tuple[str, float, int]]:
    """The functions with the most time of their own."""
    rows = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[:top]
    return [(f"{Path(file).parent.name}/{Path(file).name}:{line} {function}", row[2], row[1]) for (file, line, function), row in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=10)
    parser.add_argument("--stats", type=Path, help="summarise this .prof file instead of building")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    if args.stats:
        path = args.stats
    else:
        folder = args.keep or Path(tempfile.mkdtemp(prefix="book-profile-"))
        path = profile_build(args.scale, folder)
    stats = pstats.Stats(str(path))
    total = stats.total_tt
    print(f"profile {path}: {total:.1f} s in all (inflated by the profiler)\n\nby stage (cumulative):")
    for label, seconds, calls in stage_times(stats):
        print(f"  {seconds:8.1f} s  {100 * seconds / total:5.1f} %  {calls:>9,} calls  {label}")
    print("\nby function (own time):")
    for label, seconds, calls in own_times(stats, args.top):
        print(f"  {seconds:8.1f} s  {100 * seconds / total:5.1f} %  {calls:>9,} calls  {label}")


if __name__ == "__main__":
    main()
