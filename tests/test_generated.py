"""The generated paths are listed once (tools/generated.py): .gitignore, `make clean` and the
benchmark follow that list, and every page the conversion writes falls inside it."""

import subprocess
import sys

import pytest

from tools.generated import GENERATED, GENERATED_PAGES, SEEDS, edit_instead, is_generated_page, made_from, remove_generated
from tools.write import MANIFEST, read_manifest

from conftest import ROOT, make_project


def ignored_paths() -> set[str]:
    """What .gitignore ignores at the project's root ("/docs/periods/" -> "docs/periods/")."""
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    return {line.lstrip("/") for line in lines if line.startswith("/") and line.lstrip("/") not in {".venv/"}}


def test_gitignore_ignores_exactly_the_generated_paths():
    assert ignored_paths() == set(GENERATED)


@pytest.mark.build
def test_every_page_the_conversion_writes_is_a_generated_path(real_book):
    project, _ = real_book
    written = list(read_manifest(project / "docs"))
    assert written and [name for name in written if not is_generated_page(name)] == []
    assert is_generated_page(MANIFEST)


def test_every_generated_page_names_the_data_to_edit_instead():
    data = {path.name for path in (ROOT / "docs" / "data").iterdir()} | {"glossary/"}
    for entry, sources in GENERATED_PAGES.items():
        assert set(sources) <= data | {SEEDS}, entry
        assert sources or entry == MANIFEST, entry
    assert made_from("themes/iran.md") == ("chapters.yaml", SEEDS) and made_from("index.md") == ()
    root = ROOT
    assert edit_instead("periods/x.md", root, root / "seeds", root / "docs" / "data") == "docs/data/chapters.yaml, docs/data/annotations.yaml and seeds/"
    assert edit_instead("glossary.md", root, root / "seeds", root / "docs" / "data") == "docs/data/glossary.yaml and docs/data/glossary/"


def files(project) -> set[str]:
    return {str(path.relative_to(project)) for path in project.rglob("*") if path.is_file()}


def test_clean_removes_the_generated_paths_and_nothing_else(tmp_path):
    project = make_project(tmp_path / "book", {"a.txt": "A seed.\n"})
    own = files(project)
    for name in ("docs/periods/x.md", "docs/_generated/viewer/a.json", "docs/glossary.md", "_build/html/index.html"):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text("generated\n", encoding="utf-8")
    assert remove_generated(project) == ["_build/", "docs/periods/", "docs/_generated/", "docs/glossary.md"]
    assert files(project) == own


def test_make_clean_needs_nothing_installed(tmp_path):
    """`make clean` runs `python3 -m tools.generated`: the standard library only."""
    (tmp_path / "_build").mkdir()
    command = [sys.executable, "-S", "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r}); from tools.generated import main; main([{str(tmp_path)!r}])"]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "removed _build/\n", result.stderr


def test_livehtml_watches_the_inputs_and_never_its_own_output():
    dry_run = subprocess.run(["make", "-n", "livehtml", f"PYTHON={sys.executable}"], cwd=ROOT, capture_output=True, text=True)
    assert dry_run.returncode == 0, dry_run.stderr
    command = " ".join(dry_run.stdout.split())
    assert all(f"--watch {folder}" in command for folder in ("seeds", "docs/data", "tools"))
    assert all(f"--ignore {entry.rstrip('/')}" in command for entry in GENERATED)


def test_the_edit_here_notice_comes_after_a_page_s_front_matter_which_stays_first():
    from tools.book import with_notice

    assert with_notice("---\norphan: true\n---\n# Title\n", "% notice\n") == "---\norphan: true\n---\n% notice\n# Title\n"
    assert with_notice("# Title\n", "% notice\n") == "% notice\n# Title\n"
