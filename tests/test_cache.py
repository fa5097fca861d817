"""A no-change rebuild reuses the last conversion; any change to what it reads redoes it."""

from tools import cache

from conftest import make_project


def test_the_fingerprint_changes_with_seeds_and_editorial_data_but_not_otherwise(tmp_path):
    project = make_project(tmp_path / "book", seeds={"a.txt": "One paragraph.\n"})
    first = cache.fingerprint(project)
    assert cache.fingerprint(project) == first
    (project / "seeds" / "a.txt").write_text("One paragraph, edited.\n", encoding="utf-8")
    edited = cache.fingerprint(project)
    assert edited != first
    (project / "seeds" / "b.md").write_text("A new seed.\n", encoding="utf-8")
    added = cache.fingerprint(project)
    assert added != edited
    chapters = project / "docs" / "data" / "chapters.yaml"
    chapters.write_text(chapters.read_text(encoding="utf-8") + "\n# an editor's comment\n", encoding="utf-8")
    assert cache.fingerprint(project) != added


def test_cached_results_are_reused_only_when_every_generated_page_is_still_there(tmp_path):
    srcdir = tmp_path / "docs"
    (srcdir / "_generated").mkdir(parents=True)
    (srcdir / "page.md").write_text("x", encoding="utf-8")
    (srcdir / ".generated-files").write_text("page.md\n", encoding="utf-8")
    cache.save(srcdir, "abc", {"corpus/x.json": "{}"}, ["a.txt:1: problem"], "1 source")
    assert cache.load(srcdir, "abc")["exports"] == {"corpus/x.json": "{}"}
    assert cache.load(srcdir, "other") is None
    (srcdir / "page.md").unlink()
    assert cache.load(srcdir, "abc") is None
