"""`make html` starts Sphinx only when something the build reads or wrote has changed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tools import uptodate

ROOT = Path(__file__).resolve().parent.parent


def project(where: Path) -> Path:
    (where / "docs" / "data").mkdir(parents=True)
    (where / "docs" / "conf.py").write_text("project = 'tiny'\n", encoding="utf-8")
    (where / "docs" / "index.rst").write_text("Tiny\n====\n\nFirst words.\n", encoding="utf-8")
    (where / "seeds").mkdir()
    (where / "seeds" / "digest.txt").write_text("1 March 2016: a ceasefire.\n", encoding="utf-8")
    return where


def built(root: Path, options: list[str] = []) -> None:
    """What a successful build leaves: an output page, a doctree, the stamp."""
    assert not uptodate.check(root, "html", options)
    for folder, name in (("html", "index.html"), ("doctrees", "index.doctree")):
        (root / "_build" / folder).mkdir(parents=True, exist_ok=True)
        (root / "_build" / folder / name).write_text("built", encoding="utf-8")
    uptodate.record(root, "html")


def test_a_second_build_with_nothing_changed_is_skipped(tmp_path):
    root = project(tmp_path)
    built(root)
    assert uptodate.check(root, "html", [])


def test_an_edited_seed_page_or_data_file_needs_a_build(tmp_path):
    for changed in ("seeds/digest.txt", "docs/index.rst", "docs/data/chapters.yaml", "seeds/new.md"):
        root = project(tmp_path / changed.replace("/", "-"))
        built(root)
        with open(root / changed, "a", encoding="utf-8") as file:
            file.write("More.\n")
        assert not uptodate.check(root, "html", []), changed


def test_a_touched_file_with_the_same_bytes_needs_no_build(tmp_path):
    root = project(tmp_path)
    built(root)
    os.utime(root / "seeds" / "digest.txt", ns=(1, 1))
    assert uptodate.check(root, "html", [])


def test_a_deleted_or_hand_edited_output_needs_a_build(tmp_path):
    root = project(tmp_path)
    built(root)
    (root / "_build" / "html" / "index.html").unlink()
    assert not uptodate.check(root, "html", [])
    built(root)
    (root / "docs" / "periods").mkdir()
    (root / "docs" / "periods" / "2016.md").write_text("edited by hand", encoding="utf-8")  # a page the conversion writes
    assert not uptodate.check(root, "html", [])


def test_other_options_or_a_forced_build_need_a_build(tmp_path):
    root = project(tmp_path)
    built(root, ["-W"])
    assert uptodate.check(root, "html", ["-W"])
    assert not uptodate.check(root, "html", ["-W", "-n"])
    built(root, ["-E"])
    assert not uptodate.check(root, "html", ["-E"])  # -E asks for a full build, whatever the stamp says
    assert not uptodate.check(root, "html", [])  # and a forced build leaves no stamp to skip the next one by
    assert uptodate.forces_a_build(["-aW"]) and not uptodate.forces_a_build(["-D", "language=ar", "-W"])


def test_a_seed_made_a_link_or_given_a_second_name_needs_a_build(tmp_path):
    # the build refuses such a seed (tools/seeds.py): the same bytes are not the same book
    root = project(tmp_path / "link")
    built(root)
    (root / "elsewhere.txt").write_bytes((root / "seeds" / "digest.txt").read_bytes())
    (root / "seeds" / "digest.txt").unlink()
    (root / "seeds" / "digest.txt").symlink_to(root / "elsewhere.txt")
    assert not uptodate.check(root, "html", [])
    root = project(tmp_path / "hard")
    built(root)
    os.link(root / "seeds" / "digest.txt", tmp_path / "second-name.txt")
    assert not uptodate.check(root, "html", [])


def test_options_that_point_the_build_elsewhere_switch_the_stamp_off(tmp_path):
    root = project(tmp_path)
    for options in (["-D", "book_seeds_dir=../other"], ["-Dbook_data_dir=../data"], ["-c", "elsewhere"], ["-C"]):
        built(root, options)
        assert not uptodate.check(root, "html", options), options


def test_a_failed_build_leaves_the_book_stale(tmp_path):
    root = project(tmp_path)
    built(root)
    (root / "seeds" / "digest.txt").write_text("broken", encoding="utf-8")
    assert not uptodate.check(root, "html", [])  # the build runs and fails: no record
    assert not uptodate.check(root, "html", [])


def test_a_conf_that_moves_the_seeds_switches_the_stamp_off(tmp_path):
    root = project(tmp_path)
    (root / "docs" / "conf.py").write_text("book_seeds_dir = '../elsewhere'\n", encoding="utf-8")
    built(root)
    assert not uptodate.check(root, "html", [])


def test_make_html_skips_sphinx_when_nothing_changed_and_rebuilds_an_edit(tmp_path):
    root = project(tmp_path)
    make = ["make", "-s", "-f", str(ROOT / "Makefile"), "html", "STAMP=", f"BIN={Path(sys.executable).parent}"]
    first = subprocess.run(make, cwd=root, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    page = root / "_build" / "html" / "index.html"
    written = page.stat().st_mtime_ns
    second = subprocess.run(make, cwd=root, capture_output=True, text=True)
    assert "The book is up to date" in second.stdout and page.stat().st_mtime_ns == written
    (root / "docs" / "index.rst").write_text("Tiny\n====\n\nSecond words.\n", encoding="utf-8")
    third = subprocess.run(make, cwd=root, capture_output=True, text=True)
    assert third.returncode == 0 and "up to date" not in third.stdout
    assert "Second words." in page.read_text(encoding="utf-8")


def test_an_environment_variable_the_book_reads_needs_a_build(tmp_path, monkeypatch):
    root = project(tmp_path)
    built(root)
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", "https://example.org/book/")  # printed in the PDF, linked on the web
    assert not uptodate.check(root, "html", [])
