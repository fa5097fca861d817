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
    ]
    repeats = [r for r in source.removals if r.reason.startswith("repeat of passage")]
    assert [r.text for r in repeats] == ["Russia operates two military bases in Syria!"]
    assert repeats[0].reason == f"repeat of passage {passages[0].id}"
    assert [(r.reason, r.text) for r in source.removals if r.reason.startswith("fragment")] == [("fragment: too short to stand as a passage", "Nothing else.")]
    assert [p.snippet for p in passages] == [1, 2, 3]  # cited by their place in the bundle


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


def test_two_truncated_snippets_spliced_into_one_sentence_are_cut_apart():
    blob = (
        "Moscow's concern is that for the whole period since 1991 the existing regime in Kyiv has seen as its "
        "There are now questions about the future for Russian military bases in Syria. "
        "Analysts say the bases matter to Moscow, Moreover, the fleet needs repairs."
    )
    source = source_with(Block("sentences", blob, 1, 1))
    assert [p.text for p in split_source(source)] == [
        "Moscow's concern is that for the whole period since 1991 the existing regime in Kyiv has seen as its",
        "There are now questions about the future for Russian military bases in Syria.",
        "Analysts say the bases matter to Moscow, Moreover, the fleet needs repairs.",  # after a comma: not a cut
    ]


def test_fragments_go_to_the_removals_with_their_reason():
    blob = "Published. Russia and Turkey agreed on a ceasefire in Idlib. In Mr. The latest U. 3. S. It has been a year since Russia intervened in Syria."
    source = source_with(Block("sentences", blob, 1, 1))
    assert [p.text for p in split_source(source)] == ["Russia and Turkey agreed on a ceasefire in Idlib.", "It has been a year since Russia intervened in Syria."]
    assert [r.text for r in source.removals if r.reason.startswith("fragment")] == ["Published.", "In Mr.", "The latest U. 3.", "S."]


def test_a_result_date_in_front_of_a_snippet_dates_it_and_is_set_aside():
    blob = "Feb 8, 2018 — The coalition said its aircraft struck pro-government forces late on Wednesday. 3 days ago · Russia said nothing about the clash near Khasham."
    source = source_with(Block("sentences", blob, 1, 1))
    passages = split_source(source)
    assert [(p.text, p.item_date) for p in passages] == [
        ("The coalition said its aircraft struck pro-government forces late on Wednesday.", "2018-02-08"),
        ("Russia said nothing about the clash near Khasham.", None),
    ]
    assert [(r.reason, r.text) for r in source.removals] == [
        ("result date: used as the snippet's date", "Feb 8, 2018 —"),
        ("result age (no date to read)", "3 days ago ·"),
    ]


def test_a_snippet_that_copies_a_sentence_of_another_seed_is_shown_once():
    from tools.repeats import merge_repeats
    from tools.split import sentences

    article = Source(file="a.txt", kind="plain", title="a", line_count=3, blocks=[Block("paragraph", "The war began in 2011. Russia intervened in September 2015 to save the government.", 1, 1)])
    bundle = Source(file="b.txt", kind="plain", title="b", line_count=1, blocks=[Block("sentences", "Russia intervened in September 2015 to save the government. Russia intervened in September 2015 to save the. Turkey shot down a Russian jet in November 2015.", 1, 1)])
    passages = merge_repeats(split_source(article) + split_source(bundle), [article, bundle], sentences)
    assert [p.text for p in passages] == [
        "The war began in 2011. Russia intervened in September 2015 to save the government.",
        "Turkey shot down a Russian jet in November 2015.",
    ]
    assert [r.reason.split(" (")[1] for r in bundle.removals if r.reason.startswith("repeat")] == ["a.txt)", "a.txt)"]
