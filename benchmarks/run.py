"""Benchmark the book's build: conversion time, clean and no-change Sphinx builds, output size.

Usage: python benchmarks/run.py [--scale 1 10] [--jobs 1]
Copies the project into a temporary folder, multiplies the seeds (each copy gets a distinct last
line so it is not skipped as a duplicate), and times each step with a monotonic clock. Numbers
go to stdout and to _build/benchmark.json. Timings are measured here, never asserted by tests.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from tools.generated import SOURCE_FOLDER, is_generated_page  # noqa: E402


def generated_pages(folder: str, names: list[str]) -> list[str]:
    """shutil.copytree's ignore: the pages the build generates in docs/ (tools/generated.py)."""
    inside = Path(folder).relative_to(ROOT / SOURCE_FOLDER).as_posix()
    prefix = "" if inside == "." else f"{inside}/"
    return [name for name in names if is_generated_page(prefix + name) or is_generated_page(f"{prefix}{name}/")]


def make_copy(where: Path, scale: int) -> Path:
    shutil.copytree(ROOT / SOURCE_FOLDER, where / SOURCE_FOLDER, ignore=generated_pages)
    (where / "seeds").mkdir()
    for seed in sorted((ROOT / "seeds").iterdir()):
        for copy in range(scale):
            name = seed.name if copy == 0 else f"{seed.stem}-copy{copy}{seed.suffix}"
            data = seed.read_bytes() + (f"\n\nBenchmark copy {copy}.\n".encode() if copy else b"")
            (where / "seeds" / name).write_bytes(data)
    return where


def timed(command: list[str], cwd: Path) -> float:
    start = time.monotonic()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    return time.monotonic() - start


def folder_size(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file())


def figures_cost(book) -> dict:
    """The charts and maps alone (they are drawn during the conversion, counted in conversion_s):
    the chronology's two charts and map, then each period's and theme's opening figures."""
    from tools.addresses import Addresses
    from tools.pages import chronology, glance
    from tools.pages.common import PageContext

    context = PageContext(book, Addresses(book))
    start = time.monotonic()
    files = chronology.pages(context)
    chronology_s = time.monotonic() - start
    start = time.monotonic()
    for period in book.chapters.periods:
        files |= glance.period_opening(context, period)[1]
    for theme in book.chapters.themes:
        files |= glance.theme_opening(context, theme)[1]
    chapters_s = time.monotonic() - start
    figures = [name for name in files if name.endswith(".pdf")]
    return {
        "figures": len(figures),
        "figures_s": round(chronology_s + chapters_s, 2),
        "chronology_figures_s": round(chronology_s, 2),
        "chapter_figures_s": round(chapters_s, 2),
        "figure_bytes": sum(len(content) for name, content in files.items() if "/figures/" in name),
    }


def bench(scale: int, jobs: int) -> dict:
    with tempfile.TemporaryDirectory() as temporary:
        project = make_copy(Path(temporary), scale)
        from tools.book import make_book

        start = time.monotonic()
        made = make_book(project)
        convert = time.monotonic() - start
        figures = figures_cost(made.book)
        build = [sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-j", str(jobs), "-b", "html", "-d", "_build/doctrees", "docs", "_build/html"]
        clean = timed(build, project)
        again = timed(build, project)
        html = project / "_build" / "html"
        return {
            "scale": scale,
            "seed_bytes": folder_size(project / "seeds"),
            "passages": len(made.book.passages),
            "conversion_s": round(convert, 2),
            **figures,
            "clean_build_s": round(clean, 2),
            "no_change_rebuild_s": round(again, 2),
            "html_bytes": folder_size(html),  # the published site (doctrees are kept apart, as `make html` does)
            "searchindex_bytes": (html / "searchindex.js").stat().st_size,
            "pages": sum(1 for _ in html.rglob("*.html")),
        }


def bench_large_seed(name: str, data: bytes) -> dict:
    """The conversion of the project's data with one large seed alone: where a quadratic path shows."""
    with tempfile.TemporaryDirectory() as temporary:
        project = Path(temporary)
        shutil.copytree(ROOT / "docs" / "data", project / "docs" / "data")
        (project / "seeds").mkdir()
        (project / "seeds" / name).write_bytes(data)
        from tools.book import make_book

        start = time.monotonic()
        made = make_book(project)
        return {"large_seed": name, "seed_bytes": len(data), "passages": len(made.book.passages), "conversion_s": round(time.monotonic() - start, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, nargs="+", default=[1])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--no-large", action="store_true", help="skip the 3 MB single-line seed and the 1 MB image line")
    args = parser.parse_args()
    results = [bench(scale, args.jobs) for scale in args.scale]
    if not args.no_large:
        from large_seeds import distinct_sentences_line, image_line

        results.append(bench_large_seed("three-megabyte-line.txt", distinct_sentences_line(3_000_000)))
        results.append(bench_large_seed("one-megabyte-of-images.md", image_line(1_000_000)))
    for result in results:
        print("  ".join(f"{key}={value}" for key, value in result.items()))
    out = ROOT / "_build" / "benchmark.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
