"""Cleaning: noise is removed, and the account of kept plus removed text matches the seed."""


import pytest

from tools.account import account
from tools.clean import CleaningRules, clean_source, normalise_characters
from tools.decode import decode_seed
from tools.pipeline import Paths, build_book
from tools.seeds import list_seeds
from tools.readers import read_source
from tools.split import split_source

from conftest import ROOT, dedent

RULES = CleaningRules.load(ROOT / "docs" / "data" / "cleaning.yaml")


def cleaned(text: str, name: str = "seed.txt"):
    lines, removals, problems = normalise_characters(name, dedent(text).split("\n"))
    source = read_source(name, lines)
    source.removals[:0] = removals
    source.problems[:0] = problems
    clean_source(source, RULES)
    return source


def test_export_artefacts_and_citation_markers_are_removed_with_reasons():
    source = cleaned("Russia has two bases.[345] It said so.[nL8N1RO176][object Object]\n\nREAD MORE: elsewhere\n")
    assert [block.text for block in source.blocks] == ["Russia has two bases. It said so."]
    reasons = sorted(removal.reason for removal in source.removals)
    assert reasons == sorted([
        "stray citation marker",
        "news-agency story code",
        'export artefact "[object Object]"',
        'cross-promotion link ("READ MORE")',
    ])


def test_a_rule_is_layout_even_inside_a_run_of_lines_but_a_heading_underline_stays():
    source = cleaned("Russia has two bases.\n\n----------\n\nIt said so.\n--------------------\nEditor's note: the date was corrected.\n")
    assert [block.text for block in source.blocks] == ["Russia has two bases.", "It said so.", "Editor's note: the date was corrected."]
    assert [(r.first_line, r.reason) for r in source.removals] == [(3, "rule (a line of dashes or stars): layout"), (6, "rule (a line of dashes or stars): layout")]
    from tools.readers.common import paragraphs

    assert list(paragraphs(["The bases", "=========", "", "Russia has two."])) == [(1, 2, "The bases ========="), (4, 4, "Russia has two.")]  # an underline
    source = cleaned("Russia has two bases.\n\n--------------------\nEditor's note (added 16 December 2024)\nAssad said he had stayed.\n")
    assert [block.text for block in source.blocks] == ["Russia has two bases.", "Editor's note (added 16 December 2024) Assad said he had stayed."]
    assert [(r.first_line, r.reason) for r in source.removals] == [(3, "rule (a line of dashes or stars): layout")]


def test_a_footer_or_a_list_of_links_is_set_aside_whole_though_no_rule_matches_it_whole():
    source = cleaned("""
        Russia has two bases.

        Comments are closed on this live page.
        Most read | Most shared | Advertisement
        (c) Harbourline News. Terms | Privacy | Cookies

        RELATED STORIES
        > Guarantor states agree a ceasefire mechanism (24 January 2017)
        > Technical talks resume in Astana

        Copyright lawyers in Moscow said on Tuesday
        that the contract was void.
        """)
    assert [block.text for block in source.blocks] == ["Russia has two bases.", "Copyright lawyers in Moscow said on Tuesday that the contract was void."]
    assert [(r.first_line, r.last_line, r.reason) for r in source.removals] == [
        (3, 5, "page chrome (a bar of links, buttons or chapter marks)"),  # two of its three lines are chrome
        (7, 9, "list of links to other pages"),
    ]  # a paragraph with one line that looks like chrome ("Copyright ...") stays


def test_repeated_paragraphs_are_kept_once_and_the_repeat_is_recorded():
    source = cleaned("Same words here.\n\nOther words.\n\nSame  words here.\n")
    assert [block.text for block in source.blocks] == ["Same words here.", "Other words."]
    assert [(r.first_line, r.reason) for r in source.removals] == [(5, "repeat of line 1")]


def test_empty_and_back_matter_sections_are_set_aside():
    source = cleaned(
        """
        ---
        title: t
        ---
        ## Body
        Text.

        ## References

        ## See also
         * Another article
        """
    )
    assert [(block.kind, block.text) for block in source.blocks] == [("heading", "Body"), ("paragraph", "Text.")]
    reasons = [removal.reason for removal in source.removals if removal.reason != "front matter: read as the source's metadata"]
    assert "back matter of the original page (See also)" in reasons
    assert "back-matter heading of the original page" in reasons


def test_invisible_characters_are_removed_and_reported_but_spaces_are_only_normalised():
    lines, removals, problems = normalise_characters("x.txt", ["Khmei\u200bmim\u00a0base \u202eevil\u202c end"])
    assert lines == ["Khmeimim base evil end"]
    assert "".join(removal.text for removal in removals) == "\u200b\u202e\u202c"
    assert {problem.reason for problem in problems} == {"1 zero-width character removed", "2 bidirectional control characters removed"}


def test_emoji_sequences_keep_their_joiner():
    lines, removals, _ = normalise_characters("x.txt", ["family \U0001F468\u200d\U0001F469 here"])
    assert lines == ["family \U0001F468\u200d\U0001F469 here"]
    assert removals == []


FIXTURE = """
---
subject: Test
---

The **bold** claim.[12] Another *line*.

![image](https://example.org/a.png)
On 3 March 2016, something happened.[object Object]

 * item one
 * item one
"""


@pytest.mark.parametrize("text", [FIXTURE, "Plain text.\n\nMore text [7].\n", "One long line. " * 200])
def test_kept_plus_removed_equals_the_original_for_fixtures(text):
    source_lines = dedent(text).split("\n")
    source = cleaned(text)
    missing, invented = account(source, split_source(source), source_lines)
    assert not missing and not invented


def test_kept_plus_removed_equals_the_original_for_every_seed():
    book = build_book(Paths.for_project(ROOT))
    assert {source.file for source in book.sources} == {seed.name for seed in list_seeds(ROOT / "seeds").files}
    for source in book.sources:
        original = decode_seed(source.file, (ROOT / "seeds" / source.file).read_bytes()).lines
        missing, invented = account(source, book.passages_of(source.file), original)
        assert not missing, (source.file, missing.most_common(5))
        assert not invented, (source.file, invented.most_common(5))


def test_an_encyclopedia_hatnote_is_set_aside_with_its_reason():
    source = cleaned("This article is about the breakthrough of 2017. For the whole siege, see the siege article.\n\nThe siege was lifted.\n")
    assert [block.text for block in source.blocks] == ["The siege was lifted."]
    assert [removal.reason for removal in source.removals] == ["encyclopedia hatnote (a pointer to other articles)"]


def test_a_related_link_line_is_cross_promotion():
    source = cleaned("The talks ended.\n\nRelated: How the Il-20 crisis reshaped deconfliction\n\nThe envoy left.\n")
    assert [block.text for block in source.blocks] == ["The talks ended.", "The envoy left."]


BLOG_ARCHIVE = """\
[Skip to content](#content)

# Cedar & Steel

[Home](/) | [About](/about) | [Archives](/archives)

### Tartus for another half-century

*Posted on January 21, 2017 by Hanne Rask · 7 min read*

Tags: `#Tartus` `#history`

The agreement signed on Wednesday lets Russia keep its Tartus facility for 49 years.

[Read more »](/2017/01/tartus/) · 💬 9 Comments · Share: [X](#) [Facebook](#)

---

### Astana, round one

*Posted on January 25, 2017 by Hanne Rask · 3 min read*

Filed under: Russia, Syria

The talks in Astana ended with a statement by Russia, Turkey and Iran.

[Read more »](/2017/01/astana/) · 💬 0 Comments
"""


def test_a_blog_archive_gives_each_post_under_its_own_headline_without_its_tags_and_footer():
    source = cleaned(BLOG_ARCHIVE, "archive.md")
    assert source.title == "Cedar & Steel"
    kept = [(block.kind, block.text, block.item_date) for block in source.blocks if block.kind == "heading" or block.text[0].isupper() and "|" not in block.text]
    assert kept == [
        ("heading", "Tartus for another half-century", "2017-01-21"),
        ("paragraph", "The agreement signed on Wednesday lets Russia keep its Tartus facility for 49 years.", "2017-01-21"),
        ("heading", "Astana, round one", "2017-01-25"),
        ("paragraph", "The talks in Astana ended with a statement by Russia, Turkey and Iran.", "2017-01-25"),
    ]
    reasons = {removal.reason for removal in source.removals}
    assert {"a post's tags or categories", "a post's footer (read more, comments, sharing)", "page chrome (a link to skip the navigation)"} <= reasons
    assert not any("Comments" in block.text or block.text.startswith(("Tags", "Filed under")) for block in source.blocks)
    assert cleaned(BLOG_ARCHIVE.split("\n", 2)[2], "archive.md").title == "Cedar & Steel"  # a heading first: its marks are no part of the name


@pytest.mark.parametrize(
    "junk, reason",
    [
        ("For the wider campaign, see [[Northwestern Syria offensive]].", "encyclopedia hatnote (a pointer to other articles)"),
        ("Subscribe to our Telegram channel - the main news from the Middle East first!", "page chrome (a call to subscribe or follow)"),
        ("Share:  VK   OK   Telegram   WhatsApp   Copy link", "page chrome (sharing buttons or a note to readers)"),
        ("Found a mistake? Select it and press Ctrl+Enter", "page chrome (sharing buttons or a note to readers)"),
        ("Photo: Russian military police clear rubble in Jableh. (c) RusVector / pool", "photo caption and credit of the page"),
    ],
)
def test_a_state_media_pages_chrome_is_set_aside_with_its_reason(junk, reason):
    source = cleaned(f"The rescuers reached Jableh on Tuesday.\n\n{junk}\n\nThe work went on.\n")
    assert [block.text for block in source.blocks] == ["The rescuers reached Jableh on Tuesday.", "The work went on."]
    assert [removal.reason for removal in source.removals] == [reason]


def test_a_read_also_list_of_teasers_is_set_aside_whole():
    source = cleaned("The rescuers reached Jableh on Tuesday.\n\nRead also\n  20.02.2023 | Another 56 tonnes of aid\n  14.02.2023 | Two more crossings open\n")
    assert [block.text for block in source.blocks] == ["The rescuers reached Jableh on Tuesday."]
    assert {removal.reason for removal in source.removals} == {"list of links to other pages"}


def test_a_sentence_about_photographs_or_sharing_is_kept():
    source = cleaned("Photo: the ministry released images of sappers at work.\n\nShare prices fell in Moscow on Monday.\n")
    assert [block.text for block in source.blocks] == ["Photo: the ministry released images of sappers at work.", "Share prices fell in Moscow on Monday."]


@pytest.mark.parametrize(
    "prose",
    [
        "For many Syrians it was a relief to see Russian military police patrols in Daraa.",
        "For Moscow the war was a chance to see its new weapons tested in combat.",
        "Sign up of new volunteers, the Wagner Telegram channel said, had doubled.",
        "Photo: The ruins of Palmyra. Credit for restoring it went to Russian sappers.",
    ],
)
def test_prose_that_opens_like_page_chrome_is_kept(prose):
    assert [block.text for block in cleaned(f"{prose}\n").blocks] == [prose]
