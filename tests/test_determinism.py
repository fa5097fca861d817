"""Deterministic and atomic: the same inputs give the same bytes, a rebuild with no change rewrites
and re-reads nothing, and a conversion interrupted at any point leaves no half-written file."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tools import cache, write
from tools.write import MANIFEST, checksum, hand_edited, in_place, read_manifest, write_if_changed, write_tree

from conftest import sphinx_build
from hostile import corpus, hostile_project

PAST = 1_000_000_000 * 10**9  # 2001-09-09, in nanoseconds: any rewrite would change it


def cache_file(project: Path) -> Path:
    """The conversion's cache, kept with Sphinx's doctrees (sphinx_build's default: the output's .doctrees)."""
    return project / "_build" / "html" / ".doctrees" / cache.CACHE


def generated_files(project: Path) -> list[Path]:
    """What the extension writes: the pages it lists in its manifest, the manifest, its cache and
    the corpus exports."""
    docs = project / "docs"
    names = sorted(read_manifest(docs))
    exports = sorted((project / "_build" / "html" / "corpus").iterdir())
    return [docs / name for name in names] + [docs / MANIFEST, cache_file(project)] + exports


def contents(project: Path) -> dict[str, bytes]:
    return {str(path.relative_to(project)): path.read_bytes() for path in generated_files(project)}


def test_two_builds_of_the_same_seeds_in_different_folders_give_byte_identical_pages_and_exports(hostile_book, tmp_path, monkeypatch):
    project, first = hostile_book
    monkeypatch.setenv("PYTHONHASHSEED", "4242")  # the first build ran with a random hash seed
    other = hostile_project(tmp_path / "elsewhere" / "book", corpus(), attacks=True)
    second = sphinx_build(other)
    assert "Traceback" not in first.stderr + second.stderr
    assert (project / "_build" / "html" / "index.html").exists() and (other / "_build" / "html" / "index.html").exists()
    one, two = contents(project), contents(other)
    assert len(one) > 40 and one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def test_a_rebuild_with_no_change_rewrites_nothing_and_rereads_no_page(hostile_book):
    project, first = hostile_book
    warnings = sorted(line for line in first.stderr.splitlines() if "WARNING" in line)
    files = generated_files(project)
    before = {path: path.read_bytes() for path in files}
    for path in files:
        os.utime(path, ns=(PAST, PAST))
    for round in ("the last conversion reused", "the conversion run again"):
        if round == "the conversion run again":
            cache_file(project).unlink()  # forces the full conversion; it writes the cache anew
        result = sphinx_build(project, fresh=False, quiet=False)
        assert sorted(line for line in result.stderr.splitlines() if "WARNING" in line) == warnings, round  # reported again
        assert "updating environment: 0 added, 0 changed, 0 removed" in result.stdout, round
        assert "targets for 0 source files that are out of date" in result.stdout, round
        assert not re.search(r"^reading sources\.\.\. \[", result.stdout, re.M), round
        assert re.search(r"^\[book\] .*, 0 generated files changed", result.stdout, re.M), round
        for path in files:
            assert path.read_bytes() == before[path], (round, path)
            if path.name != Path(cache.CACHE).name or round == "the last conversion reused":
                assert path.stat().st_mtime_ns == PAST, (round, path)


# --- atomic writes ---------------------------------------------------------------------------


class HalfWritingStream:
    """A file object that writes half of what it is given, then fails like a full disk."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> bool:
        self.stream.close()
        return False

    def write(self, data: bytes) -> int:
        self.stream.write(data[: len(data) // 2])
        self.stream.flush()
        raise OSError(28, "No space left on device")


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.rglob("*") if path.name.endswith(".tmp"))


def test_a_write_that_fails_midway_keeps_the_old_file_whole_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "page.md"
    target.write_text("old content\n", encoding="utf-8")
    real_fdopen = os.fdopen
    monkeypatch.setattr(write.os, "fdopen", lambda handle, mode: HalfWritingStream(real_fdopen(handle, mode)))
    with pytest.raises(OSError, match="No space left"):
        write_if_changed(target, "new content\n" * 1000)
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["page.md"]


@pytest.mark.parametrize("interruption", [OSError("rename refused"), KeyboardInterrupt()])
def test_an_interrupted_rename_keeps_the_old_file_whole_and_leaves_no_temporary_file(tmp_path, monkeypatch, interruption):
    target = tmp_path / "sub" / "page.md"
    target.parent.mkdir()
    target.write_text("old content\n", encoding="utf-8")

    def interrupted(*args):
        raise interruption

    monkeypatch.setattr(write.os, "replace", interrupted)
    with pytest.raises(type(interruption)):
        write_if_changed(target, "new content\n")
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert leftovers(tmp_path) == []


def test_writing_the_same_content_again_touches_nothing(tmp_path):
    target = tmp_path / "page.md"
    assert write_if_changed(target, "content\n") is True
    os.utime(target, ns=(PAST, PAST))
    assert write_if_changed(target, "content\n") is False
    assert target.stat().st_mtime_ns == PAST and leftovers(tmp_path) == []


pages = st.dictionaries(st.sampled_from(["a.md", "b.md", "periods/c.md", "themes/d.md", "e.md"]), st.text(max_size=20), min_size=1)


@settings(max_examples=60, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(old=pages, new=pages, fail_at=st.integers(min_value=0, max_value=8))
def test_a_conversion_interrupted_at_any_write_leaves_every_page_old_or_new_and_whole(tmp_path_factory, old, new, fail_at):
    root = tmp_path_factory.mktemp("tree")
    write_tree(root, old)
    real_replace, calls = os.replace, []

    def replace_until_interrupted(source, target):
        calls.append(target)
        if len(calls) > fail_at:
            raise KeyboardInterrupt
        real_replace(source, target)

    write.os.replace = replace_until_interrupted
    try:
        try:
            write_tree(root, new)
        except KeyboardInterrupt:
            pass
    finally:
        write.os.replace = real_replace
    assert leftovers(root) == []
    for name in set(old) | set(new):
        path = root / name
        if path.exists():
            assert path.read_bytes().decode("utf-8") in (old.get(name), new.get(name)), name
        else:
            assert name not in old or name not in new, name  # only a page that is no longer generated is deleted
    write_tree(root, new)  # the next run completes the conversion
    assert {str(path.relative_to(root)) for path in root.rglob("*.md")} == set(new)
    assert all((root / name).read_bytes().decode("utf-8") == text for name, text in new.items())


def test_stale_pages_are_deleted_but_never_a_file_outside_the_folder(tmp_path):
    root, outside = tmp_path / "docs", tmp_path / "outside.md"
    outside.write_text("keep me\n", encoding="utf-8")
    write_tree(root, {"a.md": "A", "b.md": "B"})
    (root / MANIFEST).write_text("a.md\nb.md\n../outside.md\n", encoding="utf-8")
    assert write_tree(root, {"a.md": "A"}) == ["b.md"]
    assert not (root / "b.md").exists() and outside.read_text(encoding="utf-8") == "keep me\n"


def test_the_manifest_keeps_each_files_checksum_so_that_a_hand_edit_is_found(tmp_path):
    root = tmp_path / "docs"
    write_tree(root, {"a.md": "A", "sub/b.md": "B"})
    assert read_manifest(root) == {"a.md": checksum("A"), "sub/b.md": checksum("B")}
    assert (root / MANIFEST).read_text(encoding="utf-8") == f"{checksum('A')}  a.md\n{checksum('B')}  sub/b.md\n"  # sha256sum's format
    assert hand_edited(root) == [] and in_place(root)
    (root / "sub" / "b.md").write_text("B, as I prefer it", encoding="utf-8")
    assert hand_edited(root) == ["sub/b.md"] and not in_place(root)
    write_tree(root, {"a.md": "A", "sub/b.md": "B"})
    assert hand_edited(root) == [] and in_place(root)
    (root / "a.md").unlink()
    assert hand_edited(root) == [] and not in_place(root)  # a deleted page is written again, not reported
