"""Benchmark the book's build on corpora that grow as a real one would, against plain Sphinx.

Usage: python benchmarks/run.py [--scale 1 10 50] [--no-pdf] [--no-large] [--no-readme]

For each scale, a temporary copy of the project gets a generated corpus of distinct documents
(benchmarks/corpus.py: about N times the five seeds' text) and every step runs as its own process,
timed with a monotonic clock, its peak memory (RSS) taken from the kernel when it ends:
the conversion alone; a clean HTML build; a no-change rebuild (Sphinx's, then `make html`'s, which
starts Sphinx only when something changed); a rebuild after editing one
generated seed; a clean `-j 2` build; the PDF (the LaTeX builder, then latexmk as `make latexpdf`
runs it, sharing the doctrees of the HTML build as Read the Docs does). Then the same pages,
stripped of the book's roles and directives, go through plain Sphinx and MyST (benchmarks/
baseline.py), and every figure is also given as a ratio to that baseline: absolute times on
shared machines are noise. The large single-seed conversions (a 3 MB line, a 1 MB image line)
follow.

Results go to _build/benchmark.json (rewritten after every step, so a long run that is stopped
keeps what it measured), to benchmarks/results.json (the latest result per scale) and to the
table in benchmarks/README.md. Timings are measured here, never asserted by tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from baseline import make_baseline  # noqa: E402
from corpus import load_material, generate, seeds_size, write_corpus  # noqa: E402
from tools.generated import SOURCE_FOLDER, is_generated_page, remove_generated  # noqa: E402

OUT = ROOT / "_build" / "benchmark.json"
RESULTS = ROOT / "benchmarks" / "results.json"
README = ROOT / "benchmarks" / "README.md"
EDIT = " The benchmark added this sentence to one seed."

# The conversion alone, in its own process so that its memory is its own.
CONVERT = (
    "import json, time; from pathlib import Path; from tools.book import make_book; "
    "start = time.monotonic(); made = make_book(Path('.')); "
    "print(json.dumps({'seconds': time.monotonic() - start, 'passages': len(made.book.passages), 'pages': len(made.pages)}))"
)


@dataclass
class Step:
    """One measured process: wall time; CPU time (user and system, of the process and all it
    waited for), which another load on the machine disturbs far less than the wall time; peak
    RSS of the process tree's largest member; the load average when it ended; warnings."""

    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    load: float
    warnings: int
    ok: bool
    error: str = ""


def generated_pages(folder: str, names: list[str]) -> list[str]:
    """shutil.copytree's ignore: the pages the build generates in docs/ (tools/generated.py)."""
    inside = Path(folder).relative_to(ROOT / SOURCE_FOLDER).as_posix()
    prefix = "" if inside == "." else f"{inside}/"
    return [name for name in names if is_generated_page(prefix + name) or is_generated_page(f"{prefix}{name}/")]


def make_project(where: Path, documents: dict[str, bytes]) -> Path:
    """The project's Sphinx folder (without generated pages) and the corpus as its seeds."""
    shutil.copytree(ROOT / SOURCE_FOLDER, where / SOURCE_FOLDER, ignore=generated_pages)
    write_corpus(documents, where / "seeds")
    return where


def measure(command: list[str], cwd: Path, env: dict | None = None) -> tuple[Step, str]:
    """Run a command to its end; wait4 gives the peak RSS of the process and of every process
    it waited for (sphinx's workers, make, latexmk, lualatex), the largest of them, not a sum."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.monotonic() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    ok = process.returncode == 0
    cpu = usage.ru_utime + usage.ru_stime
    step = Step(round(seconds, 2), round(cpu, 2), round(usage.ru_maxrss / 1024, 1), round(os.getloadavg()[0], 2),
                stderr.count("WARNING"), ok, "" if ok else (stderr or stdout)[-1500:])
    return step, stdout


def sphinx(builder: str, jobs: int = 1) -> list[str]:
    return [sys.executable, "-m", "sphinx", "-q", "--keep-going", "-j", str(jobs), "-b", builder, "-d", "_build/doctrees", "docs", f"_build/{builder}"]


def make_html() -> list[str]:
    """What `make html` runs: Sphinx only when tools/uptodate.py finds something changed."""
    options = "-q --keep-going -b html -d _build/doctrees docs _build/html"
    python = sys.executable
    return ["bash", "-c", f"{python} -m tools.uptodate check html || {{ {python} -m sphinx {options} && {python} -m tools.uptodate record html; }}"]


def latexmk(project: Path) -> tuple[Step, str]:
    """What `make latexpdf` runs after the LaTeX builder: the Makefile Sphinx writes, target all-pdf."""
    env = {**os.environ, "LATEXOPTS": "-interaction=nonstopmode -halt-on-error"}
    return measure(["make", "-C", str(project / "_build" / "latex"), "all-pdf"], project, env)


PAGE_LIMIT_BYTES = 400_000  # issue 12: no HTML page over 400 KB at any scale


def folder_size(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file())


def site_figures(html: Path) -> dict:
    """Size of the published site (doctrees kept apart, as `make html` does), its largest page and
    its search index."""
    pages = sorted(html.rglob("*.html"), key=lambda page: page.stat().st_size)
    largest = pages[-1] if pages else None
    index = html / "searchindex.js"
    return {
        "pages": len(pages),
        "site_mb": round(folder_size(html) / 1e6, 2),
        "largest_page_kb": round(largest.stat().st_size / 1e3, 1) if largest else 0,
        "largest_page": largest.relative_to(html).as_posix() if largest else "",
        "pages_over_limit": sum(1 for page in pages if page.stat().st_size > PAGE_LIMIT_BYTES),
        "searchindex_kb": round(index.stat().st_size / 1e3, 1) if index.exists() else 0,
    }


def edit_one_seed(seeds: Path) -> str:
    """Add a sentence to the longest line of the first generated digest (any seed if none): what
    an editor's correction of one source looks like to the build."""
    names = sorted(path.name for path in seeds.iterdir())
    name = next((name for name in names if "_digest_" in name), names[0])
    lines = (seeds / name).read_text(encoding="utf-8").split("\n")
    longest = max(range(len(lines)), key=lambda index: len(lines[index]))
    lines[longest] += EDIT
    (seeds / name).write_text("\n".join(lines), encoding="utf-8")
    return name


def edit_one_page(docs: Path) -> None:
    """The baseline's counterpart of a seed edit: one page's text changes."""
    page = sorted((docs / "sources").glob("*.md"))[-1]
    page.write_text(page.read_text(encoding="utf-8") + "\n" + EDIT.strip() + "\n", encoding="utf-8")


class Recorder:
    """The results so far, written to _build/benchmark.json after every step."""

    def __init__(self, machine: dict, out: Path = OUT):
        self.data = {"machine": machine, "results": []}
        self.out = out

    def row(self, **fields) -> dict:
        self.data["results"].append(fields)
        self.save()
        return fields

    def save(self) -> None:
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.out.write_text(json.dumps(self.data, indent=1) + "\n", encoding="utf-8")


def step(recorder: Recorder, row: dict, name: str, result: tuple[Step, str]) -> Step:
    measured = result[0]
    row[name] = asdict(measured)
    recorder.save()
    print(f"  {row['scale']}x {row.get('kind', 'book')} {name}: {measured.seconds} s (CPU {measured.cpu_seconds} s, load {measured.load}), {measured.peak_rss_mb} MB{'' if measured.ok else ' FAILED'}", flush=True)
    return measured


@dataclass
class Project:
    """A project the steps run in (the book, or the baseline), its row of results, and how to
    change one of its sources and to remove every build output."""

    folder: Path
    row: dict
    edit: object
    clean: object


def paired(recorder: Recorder, projects: list[Project], name: str, command) -> None:
    """One step for the book, then for the baseline right after: measured close together, so a
    load that comes and goes on the machine weighs on both sides of the ratio alike."""
    for project in projects:
        step(recorder, project.row, name, measure(command(project), project.folder))


def bench(recorder: Recorder, scale: float, documents: dict[str, bytes], pdf: bool, clean_only: bool = False) -> None:
    """The book, and the baseline made of the pages the book's clean build generated, step by step
    (with `clean_only`, only the conversion and the two clean builds)."""
    with tempfile.TemporaryDirectory() as temporary:
        folder = make_project(Path(temporary) / "book", documents)
        row = recorder.row(scale=scale, kind="book", documents=len(documents), seed_bytes=sum(map(len, documents.values())))
        converted, printed = measure([sys.executable, "-c", CONVERT], folder)
        step(recorder, row, "conversion", (converted, printed))
        if converted.ok:
            facts = json.loads(printed.strip().splitlines()[-1])
            row.update(passages=facts["passages"], conversion_only_s=round(facts["seconds"], 2))
        book = Project(folder, row, lambda: row.update(edited_seed=edit_one_seed(folder / "seeds")), lambda: remove_generated(folder))
        step(recorder, row, "clean_html", measure(sphinx("html"), folder))
        row.update(site_figures(folder / "_build" / "html"))
        base_folder = Path(temporary) / "baseline"
        make_baseline(folder / "docs", base_folder)
        base = Project(base_folder, recorder.row(scale=scale, kind="baseline"), lambda: edit_one_page(base_folder / "docs"),
                       lambda: shutil.rmtree(base_folder / "_build"))
        step(recorder, base.row, "clean_html", measure(sphinx("html"), base_folder))
        base.row.update(site_figures(base_folder / "_build" / "html"))
        if clean_only:
            return
        both = [book, base]
        paired(recorder, both, "no_change_rebuild", lambda project: sphinx("html"))
        measure(make_html(), folder)  # records the stamp (a Sphinx run with nothing to do)
        step(recorder, row, "no_change_make_html", measure(make_html(), folder))
        for project in both:
            project.edit()
        paired(recorder, both, "one_seed_edit_rebuild", lambda project: sphinx("html"))
        for project in both:
            project.clean()
        paired(recorder, both, "clean_html_j2", lambda project: sphinx("html", jobs=2))
        if pdf:
            paired(recorder, both, "latex_builder", lambda project: sphinx("latex"))
            for project in both:
                step(recorder, project.row, "latexmk", latexmk(project.folder))


def bench_large_seed(recorder: Recorder, name: str, data: bytes) -> None:
    """The conversion of the project's data with one large seed alone: where a quadratic path shows."""
    with tempfile.TemporaryDirectory() as temporary:
        project = Path(temporary)
        shutil.copytree(ROOT / "docs" / "data", project / "docs" / "data")
        (project / "seeds").mkdir()
        (project / "seeds" / name).write_bytes(data)
        converted, printed = measure([sys.executable, "-c", CONVERT], project)
        facts = json.loads(printed.strip().splitlines()[-1]) if converted.ok else {}
        recorder.row(kind="large_seed", large_seed=name, seed_bytes=len(data), passages=facts.get("passages"),
                     conversion_s=round(facts.get("seconds", 0), 2), peak_rss_mb=converted.peak_rss_mb, ok=converted.ok)
        print(f"  large seed {name}: {facts.get('seconds', 0):.2f} s", flush=True)


def package_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "absent"


def machine() -> dict:
    """What the figures were measured on: they mean little without it."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), platform.processor())
    memory_kb = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), 0)
    latexmk_version = subprocess.run(["latexmk", "-v"], capture_output=True, text=True).stdout.strip().splitlines()[-1:] if shutil.which("latexmk") else []
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        **{name: package_version(name) for name in ("sphinx", "myst-parser", "docutils", "furo", "sphinxcontrib-bibtex", "sphinx-design")},
        "latexmk": latexmk_version[0] if latexmk_version else "absent",
        "date": time.strftime("%Y-%m-%d"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, nargs="+", default=[1, 10, 50])
    parser.add_argument("--seed", type=int, default=2015, help="the corpus generator's random seed")
    parser.add_argument("--no-pdf", action="store_true", help="skip the LaTeX builder and latexmk")
    parser.add_argument("--clean-only", action="store_true", help="only the conversion and the clean HTML builds: a first look at a large scale")
    parser.add_argument("--no-large", action="store_true", help="skip the 3 MB single-line seed and the 1 MB image line")
    parser.add_argument("--no-readme", action="store_true", help="leave benchmarks/results.json and README.md as they are")
    parser.add_argument("--json", type=Path, default=OUT, help=f"where this run's results go (default {OUT.relative_to(ROOT)})")
    args = parser.parse_args()
    recorder = Recorder(machine(), args.json)
    material = load_material()
    for scale in args.scale:
        documents = generate(int(scale * seeds_size()), material, args.seed)
        print(f"{scale:g}x: {len(documents)} documents, {sum(map(len, documents.values())):,} bytes", flush=True)
        bench(recorder, scale, documents, pdf=not args.no_pdf and not args.clean_only, clean_only=args.clean_only)
        if not args.no_readme:
            from report import update_results

            update_results(recorder.data, RESULTS, README)
    if not args.no_large:
        from large_seeds import distinct_sentences_line, image_line

        bench_large_seed(recorder, "three-megabyte-line.txt", distinct_sentences_line(3_000_000))
        bench_large_seed(recorder, "one-megabyte-of-images.md", image_line(1_000_000))
        if not args.no_readme:
            from report import update_results

            update_results(recorder.data, RESULTS, README)


if __name__ == "__main__":
    main()
