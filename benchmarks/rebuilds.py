"""Time each editing operation's rebuild against a clean build of the same inputs, on the real book.

Usage: python benchmarks/rebuilds.py [--jobs 1] [--only "add a seed"]
For each operation of tests/editing.py: a copy of the project is built clean, edited, rebuilt as
`make html` rebuilds (same output folder, no -E); a second copy of the edited inputs is built
clean; the two sites are compared byte for byte and the rebuild's time is given as a ratio of the
clean build's. Numbers go to stdout and to _build/rebuilds-benchmark.json. Timings are measured
here, never asserted by tests. Warnings are allowed (removing a seed orphans annotations).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from editing import OPERATIONS, Project, copy_inputs, differences, site  # noqa: E402


def real_book(root: Path) -> Project:
    """The operations' names in the real book."""
    seeds, data = root / "seeds", root / "docs" / "data"
    new = ROOT / "evaluation" / "documents" / "tune" / "sta_web_astana_deescalation_2017-05-05.txt"
    return Project(
        srcdir=root / "docs",
        seeds=seeds,
        data=data,
        new_seed=("005_astana-deescalation.txt", new.read_text(encoding="utf-8")),
        removed_seed="003_616b968fe542e006.txt",
        renamed_seed=("002_daf0165851d5fb7a.txt", "002_wikipedia-involvement.txt"),
        edited_seed=("000_d165226b5806ad78.txt", "maintain a special hotline", "keep a special hotline"),
        renamed_term=("Khmeimim Air Base", "Hmeimim Air Base"),
        annotation={
            "id": "hotline",
            "kind": "context",
            "title": "The deconfliction hotline",
            "note": "Russia and Israel set up the line in 2015 to keep their aircraft apart over Syria.",
            "basis": ["written for the benchmark"],
            "quotes": [{"source": "000_d165226b5806ad78.txt", "text": "maintain a special hotline to prevent their aircraft from clashing"}],
        },
        theme=("iran", "Hezbollah"),
    )


def build(root: Path, jobs: int, fresh: bool) -> float:
    command = [sys.executable, "-m", "sphinx", "-q", "--keep-going", "-j", str(jobs), "-b", "html", "-d", "_build/doctrees", "docs", "_build/html"]
    start = time.monotonic()
    result = subprocess.run(command + ["-E"] * fresh, cwd=root, capture_output=True, text=True)
    if result.returncode not in (0, 1) or "Traceback" in result.stderr:
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stderr[-3000:]}")
    return time.monotonic() - start


def measure(name: str, jobs: int) -> dict:
    with tempfile.TemporaryDirectory() as temporary:
        edited = copy_inputs(ROOT, [ROOT / "docs", ROOT / "seeds"], Path(temporary) / "edited")
        first = build(edited, jobs, fresh=True)
        OPERATIONS[name](real_book(edited))
        rebuild = build(edited, jobs, fresh=False)
        clean = copy_inputs(edited, [edited / "docs", edited / "seeds"], Path(temporary) / "clean")
        clean_build = build(clean, jobs, fresh=True)
        differ = differences(site(edited / "_build" / "html"), site(clean / "_build" / "html"))
    return {
        "operation": name,
        "first_build_s": round(first, 2),
        "rebuild_s": round(rebuild, 2),
        "clean_build_s": round(clean_build, 2),
        "ratio": round(rebuild / clean_build, 2),
        "files_differing_from_clean": differ,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--only", action="append", choices=list(OPERATIONS), help="run only this operation (repeatable)")
    args = parser.parse_args()
    results = []
    for name in args.only or OPERATIONS:
        result = measure(name, args.jobs)
        results.append(result)
        same = "same as clean" if not result["files_differing_from_clean"] else f"DIFFERS: {result['files_differing_from_clean'][:5]}"
        print(f"{name:48s} rebuild {result['rebuild_s']:6.1f} s  clean {result['clean_build_s']:6.1f} s  ratio {result['ratio']:.2f}  {same}", flush=True)
    out = ROOT / "_build" / "rebuilds-benchmark.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
