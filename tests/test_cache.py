"""A no-change rebuild reuses the last conversion; any change to what it reads redoes it."""

from tools import cache
from tools.pipeline import Paths
from tools.write import write_tree

from conftest import make_project


def test_the_fingerprint_changes_with_seeds_and_editorial_data_but_not_otherwise(tmp_path):
    project = make_project(tmp_path / "book", seeds={"a.txt": "One paragraph.\n"})
    paths = Paths.for_project(project)
    first = cache.fingerprint(paths)
    assert cache.fingerprint(paths) == first
    (project / "seeds" / "a.txt").write_text("One paragraph, edited.\n", encoding="utf-8")
    edited = cache.fingerprint(paths)
    assert edited != first
    (project / "seeds" / "b.md").write_text("A new seed.\n", encoding="utf-8")
    added = cache.fingerprint(paths)
    assert added != edited
    chapters = project / "docs" / "data" / "chapters.yaml"
    chapters.write_text(chapters.read_text(encoding="utf-8") + "\n# an editor's comment\n", encoding="utf-8")
    commented = cache.fingerprint(paths)
    assert commented != added
    people = project / "docs" / "data" / "glossary" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "\n# in the glossary's entry files too\n", encoding="utf-8")
    assert cache.fingerprint(paths) != commented


def test_cached_results_are_reused_only_when_every_generated_page_is_still_there_as_written(tmp_path):
    srcdir, cache_file = tmp_path / "docs", tmp_path / "_build" / "doctrees" / cache.CACHE
    write_tree(srcdir, {"page.md": "x"})
    cache.save(cache_file, "abc", {"corpus/x.json": "{}"}, [{"file": "a.txt"}], "1 source")
    assert cache.load(cache_file, srcdir, "abc")["exports"] == {"corpus/x.json": "{}"}
    assert cache.exports(cache_file) == {"corpus/x.json": "{}"}
    assert cache.load(cache_file, srcdir, "other") is None
    (srcdir / "page.md").write_text("x, edited by hand", encoding="utf-8")
    assert cache.load(cache_file, srcdir, "abc") is None
    (srcdir / "page.md").unlink()
    assert cache.load(cache_file, srcdir, "abc") is None
    write_tree(srcdir, {"page.md": "x"})
    (srcdir / ".generated-files").write_text("page.md\n", encoding="utf-8")  # an older version's manifest: names only
    assert cache.load(cache_file, srcdir, "abc") is None
    assert cache.exports(tmp_path / "nowhere.json") == {}
