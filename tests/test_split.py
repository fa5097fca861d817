"""Splitting: passages with provenance, stable ids, sentences for snippet blobs."""

import pytest

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


@pytest.mark.parametrize(
    "spliced, parts",
    [
        ("Syria's future will Russia carried out airstrikes after the vote.", ["Syria's future will", "Russia carried out airstrikes after the vote."]),
        ("while Moscow suffered a Assad says he wanted to fight on.", ["while Moscow suffered a", "Assad says he wanted to fight on."]),
        ("a ceasefire along the line of contact in the Idlib A Russian major general was killed near Deir ez-Zor.", ["a ceasefire along the line of contact in the Idlib", "A Russian major general was killed near Deir ez-Zor."]),
        ("the deaths still had to be Moscow acknowledged on February 20 that dozens were wounded.", ["the deaths still had to be", "Moscow acknowledged on February 20 that dozens were wounded."]),
        ("which threatens Russia's Russia’s position in Syria is weak.", ["which threatens Russia's", "Russia’s position in Syria is weak."]),
    ],
)
def test_a_cut_before_a_name_is_found_when_the_grammar_breaks(spliced, parts):
    source = source_with(Block("sentences", spliced, 1, 1))
    shown = [p.text for p in split_source(source)]
    assert shown[-1] == parts[-1]  # the second snippet stands alone
    assert all(parts[0] not in text or text == parts[0] for text in shown)  # never glued to the first
    removed = [removal.text for removal in source.removals]
    assert parts[0] in shown or parts[0] in removed  # the cut first part is a passage or a fragment, never lost


@pytest.mark.parametrize(
    "spliced, second",
    [
        ("Wagner fighters went from Syria to join the fight. soldiers were moved out of Syria by sea in the spring.", "soldiers were moved out of Syria by sea in the spring."),
        ("Erdogan wants to limit the offensive against the Kurds in Syria Q. But Russia’s commitment to Syria has not wavered.", "But Russia’s commitment to Syria has not wavered."),
        ("Hmeimim is a major staging post for WASHINGTON (AP) — The civil war in Syria has roared back into prominence.", "WASHINGTON (AP) — The civil war in Syria has roared back into prominence."),
        ("That would leave Syria to the Iran has been working with Russia and Turkey on de-escalation zones.", "Iran has been working with Russia and Turkey on de-escalation zones."),
        ("As Russia finds itself in crises, its waning No one did more to help build Syria’s army than Russia.", "No one did more to help build Syria’s army than Russia."),
        ("The war has implications for the Russia and China have vetoed a resolution on aid deliveries.", "Russia and China have vetoed a resolution on aid deliveries."),
        ("Russia wants good relations with Israel Russia's Foreign Ministry said on Monday it was up to Syrians.", "Russia's Foreign Ministry said on Monday it was up to Syrians."),
    ],
)
def test_a_sentence_that_goes_on_in_lower_case_an_initial_a_wire_dateline_or_the_iran_mark_a_splice(spliced, second):
    source = source_with(Block("sentences", spliced, 1, 1))
    shown = [p.text for p in split_source(source)]
    assert shown[-1] == second
    assert all(second not in text for text in shown[:-1])


def test_a_few_words_of_a_snippet_tail_without_its_subject_are_a_fragment():
    source = source_with(Block("sentences", "The rebels took advantage of it. soldiers out of Syria.", 1, 1))
    assert [p.text for p in split_source(source)] == ["The rebels took advantage of it."]
    assert [r.text for r in source.removals if r.reason.startswith("fragment")] == ["soldiers out of Syria."]


def test_a_few_words_cut_off_on_a_word_no_sentence_ends_on_are_a_fragment():
    source = source_with(Block("sentences", "Syria's future trajectory will Russia carried out airstrikes after the vote.", 1, 1))
    assert [p.text for p in split_source(source)] == ["Russia carried out airstrikes after the vote."]
    assert [(removal.text, removal.reason) for removal in source.removals] == [("Syria's future trajectory will", "fragment: too short to stand as a passage")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Weapons sent to Damascus arrived by sea in March.",
        "Syria's case was heard by judges in The Hague last year.",  # "The" before a capital: a name
        "A European diplomat said the talks would resume.",
        "It will be Putin who decides on the bases.",
        "The likely winner will be Assad, backed by Russia and Iran.",
        "The foreign minister of Iran has said the same.",
        "The U.S. military said the strike hit a depot near Deir ez-Zor.",  # an abbreviation before lower case
        "Robert E. Lee is not a figure of this war, the teacher said.",  # an initial inside a name
        "The Iran deal was signed in Vienna in July 2015.",  # a country's name used as a noun
        "Russia's Syria policy is set in the Kremlin, not the ministry.",
        "After the Russia and China veto, Paris called for a new draft.",
        "Talks between Russia and Iran were held in Tehran in the spring.",
        "The raid, e.g. the one on the depot, was small by the standards of the war.",
    ],
)
def test_ordinary_sentences_with_names_abbreviations_and_initials_are_not_cut(sentence):
    source = source_with(Block("sentences", sentence, 1, 1))
    assert [p.text for p in split_source(source)] == [sentence]


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


@pytest.mark.parametrize(
    "text, junk",
    [
        ("dkt thwdk htmbyt lttc jdnps ebmmue zxbun zaex fkxm ykax", True),
        ("Rosja wycofuje okręty z bazy w Tartusie, podała agencja.", False),  # Polish: words, with vowels
        ("The S-400 and Su-35 left Hmeimim by Il-76.", False),
    ],
)
def test_letters_that_make_no_words_go_to_the_removals(text, junk):
    source = source_with(Block("sentences", f"Russia kept its bases. {text}", 1, 1))
    shown = [p.text for p in split_source(source)]
    assert (text not in shown) is junk
    assert any(r.reason == "not text: letters that make no words" for r in source.removals) is junk


def test_a_truncated_snippet_repeats_the_earliest_passage_that_holds_its_words_in_order():
    from tools.repeats import ContainerIndex

    index = ContainerIndex()
    index.add("moscow said the base at tartus would stay open for now", "first")
    index.add("the base at tartus would stay open officials said on friday", "second")
    index.add("a warship left tartus", "third")
    assert index.first_holding("the base at tartus would stay open") == "first"
    assert index.first_holding("officials said on friday") == "second"
    assert index.first_holding("tartus would stay closed") is None  # every word is filed, not in this order
    assert index.first_holding("left tartus a warship") is None
    assert index.first_holding("a word never filed") is None


def test_a_seeds_passages_follow_the_books_current_list_of_passages():
    from tools.model import Book

    one = Source(file="one.txt", kind="plain", title="one", line_count=3, blocks=[Block("paragraph", "Russia intervened in September 2015.", 1, 1), Block("paragraph", "Turkey shot down a Russian jet.", 3, 3)])
    two = Source(file="two.txt", kind="plain", title="two", line_count=1, blocks=[Block("paragraph", "A warship left Tartus.", 1, 1)])
    passages = split_source(one) + split_source(two)
    book = Book(sources=[one, two], passages=passages, chapters=None, glossary=None)
    assert [p.text for p in book.passages_of("one.txt")] == ["Russia intervened in September 2015.", "Turkey shot down a Russian jet."]
    book.passages = [p for p in passages if "Turkey" not in p.text]  # a stage replaces the list
    assert [p.text for p in book.passages_of("one.txt")] == ["Russia intervened in September 2015."]
    book.passages.append(passages[1])  # or adds to it
    assert len(book.passages_of("one.txt")) == 2
    assert book.passages_of("three.txt") == []
