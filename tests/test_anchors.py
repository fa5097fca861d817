"""Passage anchors do not move when other passages or seeds are added."""


from tools.book import make_book

from conftest import make_project

NEW_SEED = """November 30, 2024

Rebels entered Aleppo on Saturday, and Russian aircraft struck Idlib. Someone Writer

December 9, 2024

Russia began moving equipment to Khmeimim after the fall of Assad. Someone Writer
"""


def test_adding_a_seed_changes_no_existing_passage_id_or_url(tmp_path):
    project = make_project(tmp_path / "book", real_seeds=True)
    before = {p.id: (p.source, p.first_line, p.period) for p in make_book(project).book.passages}
    (project / "seeds" / "000_a_new_digest.txt").write_text(NEW_SEED, encoding="utf-8")
    after_book = make_book(project).book
    after = {p.id: (p.source, p.first_line, p.period) for p in after_book.passages}
    assert set(before) <= set(after)
    assert all(after[pid] == where for pid, where in before.items())
    new = [p for p in after_book.passages if p.source == "000_a_new_digest.txt"]
    assert [p.date for p in new] == ["2024-11-30", "2024-12-09"]  # each item's own day
