"""Splitting: passages with provenance, stable ids, sentences for snippet blobs."""

from tools.model import Block, Source
from tools.split import passage_id, source_slug, split_source


def source_with(*blocks):
    return Source(file="s.txt", kind="plain", title="s", line_count=10, blocks=list(blocks))


def test_each_paragraph_is_a_passage_with_its_lines_and_section_path():
    source = source_with(
        Block("heading", "Operations", 1, 1, level=2),
        Block("heading", "November 2015", 2, 2, level=3),
        Block("paragraph", "A Su-24 was shot down.", 3, 4),
        Block("heading", "Aftermath", 5, 5, level=2),
        Block("item", "Sanctions followed.", 6, 6),
    )
    passages = split_source(source)
    assert [(p.text, p.lines, p.section) for p in passages] == [
        ("A Su-24 was shot down.", (3, 4), ("Operations", "November 2015")),
        ("Sanctions followed.", (6, 6), ("Aftermath",)),
    ]


def test_a_passage_id_depends_only_on_its_file_and_words():
    assert passage_id("000-abc", "Some  words.") == passage_id("000-abc", "Some words.")
    assert passage_id("000-abc", "Some words.") != passage_id("001-abc", "Some words.")
    assert passage_id(source_slug("000_abc.txt"), "Some words.").startswith("p-000-abc-")


def test_snippet_blobs_become_sentences_and_near_repeats_merge():
    blob = (
        "Russia operates two military bases in Syria. The Tartus base is on the coast. "
        "Russia operates two military bases in Syria! Russia operates two military bases in Syria, "
        "and more. Nothing else."
    )
    source = source_with(Block("sentences", blob, 1, 1))
    passages = split_source(source)
    assert [p.text for p in passages] == [
        "Russia operates two military bases in Syria.",
        "The Tartus base is on the coast.",
        "Russia operates two military bases in Syria, and more.",
        "Nothing else.",
    ]
    repeats = [r for r in source.removals if r.reason.startswith("repeat of passage")]
    assert [r.text for r in repeats] == ["Russia operates two military bases in Syria!"]
    assert repeats[0].reason == f"repeat of passage {passages[0].id}"


def test_sentences_that_differ_in_a_figure_are_never_merged():
    blob = " ".join(f"Airstrikes on the convoy near the town killed {n} civilians on Tuesday." for n in (15, 51, 16)) + " Airstrikes on the convoy near the town killed 15 civilians on Tuesday!"
    source = source_with(Block("sentences", blob, 1, 1))
    passages = split_source(source)
    assert [p.text for p in passages] == [
        "Airstrikes on the convoy near the town killed 15 civilians on Tuesday.",
        "Airstrikes on the convoy near the town killed 51 civilians on Tuesday.",
        "Airstrikes on the convoy near the town killed 16 civilians on Tuesday.",
    ]
    assert [r.text for r in source.removals] == ["Airstrikes on the convoy near the town killed 15 civilians on Tuesday!"]
