"""Every editing mistake gets a message an editor can act on: a seed removed or renamed under the
entries that name it, a generated page edited by hand. Each is a Sphinx warning naming the file,
the entry and what to do (never an "Extension error" with a traceback), and `syria-book check`
lists the same problems without building.

The small book of tests/roots/test-editing is laid out as the real one (docs/ with conf.py and
data/, seeds/ beside it) and built as `make html` builds it, in its own process.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.cli import main as syria_book

from conftest import sphinx_build

pytestmark = pytest.mark.build

TEST_ROOT = Path(__file__).parent / "roots" / "test-editing"
SETTINGS = ("-D", "book_root=..", "-D", "book_data_dir=docs/data")


def real_layout(where: Path) -> Path:
    """The small book as the real one is laid out: docs/ (conf.py, pages, data/), seeds/ beside it."""
    shutil.copytree(TEST_ROOT, where / "docs", ignore=shutil.ignore_patterns("seeds"))
    shutil.copytree(TEST_ROOT / "seeds", where / "seeds")
    return where


@pytest.fixture(scope="module")
def first_build(tmp_path_factory) -> tuple[Path, Path]:
    """The book built once, warning-free, and a snapshot of the folder after it."""
    folder = tmp_path_factory.mktemp("messages")
    project, snapshot = real_layout(folder / "book"), folder / "snapshot"
    first = sphinx_build(project, "html", *SETTINGS)
    assert first.returncode == 0 and "WARNING" not in first.stderr, first.stderr
    shutil.copytree(project, snapshot)  # with the files' times, which Sphinx and the conversion judge by
    return project, snapshot


@pytest.fixture
def built(first_build) -> Path:
    """The project as its first build left it, in the folder it was built in."""
    project, snapshot = first_build
    shutil.rmtree(project)
    shutil.copytree(snapshot, project)
    return project


def rebuild(project: Path):
    """`make html` again: -W --keep-going, the same output folder, console output kept."""
    return sphinx_build(project, "html", *SETTINGS, fresh=False, quiet=False)


def warnings(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if "WARNING" in line or "ERROR" in line]


def checked(project: Path, capsys) -> tuple[int, list[str]]:
    """`syria-book check --strict` in the project: its status and the problems it lists."""
    status = syria_book(["--root", str(project), "check", "--strict"])
    return status, capsys.readouterr().out.splitlines()


def as_check_lists_it(warning: str) -> str:
    """A Sphinx warning line as `syria-book check` lists the same problem."""
    location, _, rest = warning.partition(": WARNING: ")
    return f"{location}: {rest.rsplit(' [book.', 1)[0]}"


def never_a_crash(result) -> None:
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "Extension error" not in output and "sphinx-err-" not in output


def test_removing_a_seed_the_data_names_fails_the_build_with_one_message_per_orphaned_entry(built, capsys):
    (built / "seeds" / "wire.txt").unlink()
    status, listed = checked(built, capsys)
    result = rebuild(built)
    assert result.returncode == 1
    assert warnings(result) == [
        "docs/data/annotations.yaml:2: WARNING: annotation 'first-strikes' is shown on no page: its quote matches no "
        "passage: “carried out their first air strikes in Syria” (it names wire.txt, which is not in seeds/). To fix: "
        "remove the annotation if its seed was removed; if the seed was edited or renamed, correct the quote or its 'source:' [book.data]",
        "docs/data/sources.yaml:2: WARNING: source note 'wire.txt' describes no seed: there is no wire.txt in seeds/. "
        "If the seed was renamed, give its new name in 'file:'; if it was removed, remove the note [book.data]",
    ]
    never_a_crash(result)
    assert status == 1 and listed == [as_check_lists_it(line) for line in warnings(result)]


def test_an_edited_seed_that_loses_a_quoted_sentence_names_the_quote_and_the_seed(built, capsys):
    wire = built / "seeds" / "wire.txt"
    wire.write_text(wire.read_text(encoding="utf-8").replace("their first air strikes", "their first strikes"), encoding="utf-8")
    result = rebuild(built)
    assert result.returncode == 1
    assert [line.split(": WARNING: ")[1] for line in warnings(result)] == [
        "annotation 'first-strikes' is shown on no page: its quote matches no passage: “carried out their first air "
        "strikes in Syria” (not found in wire.txt). To fix: remove the annotation if its seed was removed; if the seed "
        "was edited or renamed, correct the quote or its 'source:' [book.data]"
    ]
    never_a_crash(result)


def test_a_generated_page_edited_by_hand_is_reported_naming_the_data_to_edit_and_written_again(built, capsys):
    page = built / "docs" / "periods" / "intervention.md"
    generated = page.read_text(encoding="utf-8")
    assert generated.startswith("% Generated by the build from docs/data/chapters.yaml, docs/data/annotations.yaml and seeds/")
    page.write_text(generated.replace("# The intervention", "# The intervention, as I see it"), encoding="utf-8")
    status, listed = checked(built, capsys)
    result = rebuild(built)
    kept = "_build/html/.doctrees/book-hand-edited/periods/intervention.md"
    assert result.returncode == 1
    assert warnings(result) == [
        "docs/periods/intervention.md:1: WARNING: this generated page was edited by hand: the build makes it from "
        "docs/data/chapters.yaml, docs/data/annotations.yaml and seeds/ and writes it again, so make the change there "
        f"(your version is kept in {kept}) [book.generated]"
    ]
    never_a_crash(result)
    assert page.read_text(encoding="utf-8") == generated
    assert "as I see it" in (built / kept).read_text(encoding="utf-8")
    assert status == 1 and listed == [as_check_lists_it(warnings(result)[0]).split(" (your version")[0]]
    again = rebuild(built)
    assert again.returncode == 0 and warnings(again) == []
