"""`syria-book add FILE`: a new seed is read as the pipeline reads seeds, converted with the
existing seeds, summarised for the editor, and only then copied into seeds/."""

import subprocess
import sys
from pathlib import Path

from conftest import dedent, make_project

NEW_SEED = dedent(
    """
    Moscow, 12 March 2019. Russian jets struck targets near Idlib, the ministry said.

    On 14 March 2019 the Free Idlib Front denied it. The Free Idlib Front said the strikes hit a market.
    """
)


def syria_book(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    script = Path(sys.executable).with_name("syria-book")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "tools"]
    return subprocess.run([*command, *args], capture_output=True, text=True, cwd=cwd)


def test_check_prints_the_conversion_summary_and_the_glossary_gaps_and_copies_nothing(tmp_path):
    project = make_project(tmp_path / "book", {"old.txt": "An older seed of 2015.\n"})
    new = tmp_path / "incoming" / "wire.txt"
    new.parent.mkdir()
    new.write_text(NEW_SEED, encoding="utf-8")
    result = syria_book("add", "--check", str(new), cwd=project)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "wire.txt"
    assert lines[1].startswith("  read as: ")
    assert "  passages: 2, dated: 2 (100%)" in lines
    assert "  periods: 2018-2019-permanent-presence 2" in lines
    assert any(line.startswith("  themes: ") and line != "  themes: none" for line in lines)
    assert "  problems: 0" in lines
    assert "  glossary gaps (names used twice or more without an entry): 1" in lines
    assert any("Free Idlib Front  wire.txt:3" in line for line in lines)
    assert lines[-1] == "checked only (--check): nothing copied"
    assert sorted(path.name for path in (project / "seeds").iterdir()) == ["old.txt"]


def test_add_copies_the_seed_byte_for_byte_after_the_summary(tmp_path):
    project = make_project(tmp_path / "book", {"old.txt": "An older seed of 2015.\n"})
    new = tmp_path / "wire.txt"
    new.write_bytes(NEW_SEED.encode("utf-8").replace(b"\n", b"\r\n"))
    result = syria_book("add", str(new), cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "added as seeds/wire.txt: run `make html` to build the book with it"
    assert (project / "seeds" / "wire.txt").read_bytes() == new.read_bytes()


def test_a_link_an_existing_name_or_a_file_the_book_would_skip_is_not_added(tmp_path):
    project = make_project(tmp_path / "book", {"old.txt": "An older seed of 2015.\n"})
    link = tmp_path / "link.txt"
    link.symlink_to(project / "seeds" / "old.txt")
    refused = syria_book("add", str(link), cwd=project)
    assert refused.returncode == 2 and "symbolic link" in refused.stderr and refused.stdout == ""
    same_name = tmp_path / "old.txt"
    same_name.write_text("Another text.\n", encoding="utf-8")
    exists = syria_book("add", str(same_name), cwd=project)
    assert exists.returncode == 2 and "seeds/old.txt exists already" in exists.stderr
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    skipped = syria_book("add", str(binary), cwd=project)
    assert skipped.returncode == 1 and "contributes nothing: binary file" in skipped.stdout
    assert sorted(path.name for path in (project / "seeds").iterdir()) == ["old.txt"]
