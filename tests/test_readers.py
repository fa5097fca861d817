"""Readers: each seed format is recognised from its content and read into blocks with line spans."""

from tools.readers import choose_reader, read_source
from tools.readers import article, digest, frontmatter, plain, snippets

from conftest import dedent


def lines(text: str) -> list[str]:
    return dedent(text).split("\n")


ENCYCLOPEDIA = lines(
    """
    ---
    subject: Example operation
    description: A short description.
    author: Example Encyclopedia
    pubDate: 2023-10-21 01:10
    tags:
      - Military operations
    place:
      - Syria
    date:
      - 30 September 2015 – present
    ---

    The **Example operation** began in *September 2015*.

    ## Operations
    ![A caption](https://example.org/image.jpg?)
    On 1 October 2015, aircraft struck targets.

     * A list item about Tartus.
    """
)


def test_front_matter_becomes_metadata_and_the_body_blocks_keep_their_lines():
    source = read_source("enc.txt", ENCYCLOPEDIA)
    assert source.metadata["format"] == frontmatter.NAME
    assert source.title == "Example operation"
    assert source.metadata["author"] == "Example Encyclopedia"
    assert source.metadata["published"] == "2023-10-21"
    assert source.metadata["places"] == ["Syria"]
    assert source.metadata["dates"] == ["30 September 2015 – present"]
    kinds = [(block.kind, block.text, block.first_line, block.last_line) for block in source.blocks]
    assert kinds == [
        ("paragraph", "The Example operation began in September 2015.", 14, 14),
        ("heading", "Operations", 16, 16),
        ("paragraph", "On 1 October 2015, aircraft struck targets.", 18, 18),
        ("item", "A list item about Tartus.", 20, 20),
    ]


def test_image_lines_become_media_never_passage_text():
    source = read_source("enc.txt", ENCYCLOPEDIA)
    assert [(media.caption, media.url, media.line) for media in source.media] == [
        ("A caption", "https://example.org/image.jpg?", 17)
    ]
    assert any(removal.reason.startswith("image") and removal.text == "![A caption](https://example.org/image.jpg?)" for removal in source.removals)


def test_html_in_a_markdown_seed_stays_text():
    source = read_source("enc.md", lines("---\ntitle: x\n---\n\nBefore <script>alert(1)</script> after.\n"))
    assert source.blocks[0].text == "Before <script>alert(1)</script> after."


DIGEST = lines(
    """
    Russia in Syria
    September 18, 2018

    Russia said a plane was shot down early Tuesday.

    Israel said it does not respond to "foreign reports." Peter Weber

    February 3, 2018

    A jet was shot down on Saturday. Bonnie Kristian

    See More Speed Reads
    """
)


def test_a_digest_is_items_opened_by_date_lines_with_trailing_bylines():
    source = read_source("digest.txt", DIGEST)
    assert source.metadata["format"] == digest.NAME
    assert source.title == "Russia in Syria"
    blocks = [(block.text, block.item_date, block.byline, block.first_line) for block in source.blocks]
    assert blocks[0] == ("Russia said a plane was shot down early Tuesday.", "2018-09-18", "Peter Weber", 4)
    assert blocks[1] == ('Israel said it does not respond to "foreign reports."', "2018-09-18", "Peter Weber", 6)
    assert blocks[2][0].startswith("A jet was shot down on Saturday.")
    assert blocks[2][1:3] == ("2018-02-03", "Bonnie Kristian")
    reasons = {removal.reason for removal in source.removals}
    assert {"dateline: used as the item's date", "byline: shown as the item's author", "title: used as the source's title"} <= reasons


ARTICLE = lines(
    """
    icon bookmark icon camera icon check icon chevron down icon close icon download icon edit
    30 Sep, 2016 05:10

    A year of operations: 5 key milestones

    Precisely a year ago Moscow joined the campaign.

    Liberation of Palmyra

    The ancient city was retaken in March.

    READ MORE: Something else entirely
    """
)


def test_an_article_has_chrome_a_dateline_a_title_and_bare_subheadings():
    source = read_source("article.txt", ARTICLE)
    assert source.metadata["format"] == article.NAME
    assert source.metadata["published"] == "2016-09-30"
    assert source.title == "A year of operations: 5 key milestones"
    kinds = [(block.kind, block.text) for block in source.blocks]
    assert ("heading", "Liberation of Palmyra") in kinds
    assert ("paragraph", "Precisely a year ago Moscow joined the campaign.") in kinds
    assert any(removal.reason == "page chrome before the dateline" for removal in source.removals)
    assert all(block.item_date == "2016-09-30" for block in source.blocks)


def test_a_single_long_line_is_a_snippet_blob():
    blob = " ".join(f"Sentence number {n} talks about Syria." for n in range(80))
    assert choose_reader([blob]) is snippets
    source = read_source("blob.txt", [blob])
    assert [block.kind for block in source.blocks] == ["sentences"]


def test_anything_else_is_plain_paragraphs():
    text = lines("First paragraph\non two lines.\n\nSecond paragraph.\n")
    assert choose_reader(text) is plain
    source = read_source("notes.txt", text)
    assert [(block.text, block.first_line, block.last_line) for block in source.blocks] == [
        ("First paragraph on two lines.", 1, 2),
        ("Second paragraph.", 4, 4),
    ]


def test_the_reader_is_chosen_by_content_not_by_file_name():
    assert read_source("news.md", DIGEST).metadata["format"] == digest.NAME
    assert read_source("digest.txt", ENCYCLOPEDIA).metadata["format"] == frontmatter.NAME


def test_broken_front_matter_is_read_as_text_and_reported():
    broken = lines("---\ntitle: [unclosed\n---\n\nBody text.\n")
    source = read_source("broken.md", broken)
    assert any("not valid YAML" in problem.reason and problem.line >= 2 for problem in source.problems)
    assert any("Body text." in block.text for block in source.blocks)


def test_a_headline_above_a_labelled_dateline_is_the_title_not_chrome():
    source = read_source(
        "article.txt",
        ["Putin orders a partial withdrawal from Syria", "Published: 14 Mar, 2016 18:02", "", "The main part of the forces will leave.", "", "Reactions", "", "Washington was cautious."],
    )
    assert source.metadata["format"] == article.NAME
    assert source.title == "Putin orders a partial withdrawal from Syria"
    assert source.metadata["published"] == "2016-03-14"
    assert [(block.kind, block.text) for block in source.blocks] == [
        ("paragraph", "The main part of the forces will leave."),
        ("heading", "Reactions"),
        ("paragraph", "Washington was cautious."),
    ]


def test_prose_before_a_lone_date_is_not_mistaken_for_page_chrome():
    text = ["This is a memo about things.", "", "It has prose first. Then more.", "", "12 March 2019", "", "Text."]
    assert choose_reader(text) is plain


def test_a_byline_may_stand_on_its_own_line_and_dates_may_be_abbreviated():
    source = read_source(
        "d.txt",
        ["World briefs", "Sept. 18, 2018", "", "Russia said a plane was lost.", "", "By Peter Weber", "", "Sept. 17, 2018", "", "Israel struck targets. Jane Doe-Smith"],
    )
    assert [(b.text, b.item_date, b.byline) for b in source.blocks] == [
        ("Russia said a plane was lost.", "2018-09-18", "Peter Weber"),
        ("Israel struck targets.", "2018-09-17", "Jane Doe-Smith"),
    ]


def test_a_subheading_inside_an_item_is_not_a_byline_and_a_dash_byline_is():
    source = read_source(
        "d.txt",
        ["Briefs", "18 September 2018", "", "First paragraph.", "", "Peace Talks", "", "Second paragraph.", "— John Smith",
         "", "17 September 2018", "", "Another item."],
    )
    blocks = [(b.text, b.byline) for b in source.blocks]
    assert blocks[:3] == [("First paragraph.", "John Smith"), ("Peace Talks", "John Smith"), ("Second paragraph.", "John Smith")]
    assert any(r.text == "— John Smith" for r in source.removals)


def test_an_article_with_published_and_updated_lines_is_an_article_not_a_digest():
    text = ["Russian jets pound Palmyra", "Published: 24 March 2016", "Updated: 25 March 2016", "", "Russian jets struck the city on Thursday.", "", "Background", "", "The city fell in May 2015."]
    source = read_source("a.txt", text)
    assert source.metadata["format"] == article.NAME
    assert source.metadata["published"] == "2016-03-24"
    assert source.title == "Russian jets pound Palmyra"
    assert [(b.kind, b.text) for b in source.blocks] == [
        ("paragraph", "Russian jets struck the city on Thursday."),
        ("heading", "Background"),
        ("paragraph", "The city fell in May 2015."),
    ]


def test_a_headline_right_under_the_page_chrome_is_still_the_title():
    text = ["Home | News | World | Sport | Sign in | Home | News | World | Sport | Sign in", "Russian jets pound Palmyra", "Published: 24 March 2016", "", "Russian jets struck the city on Thursday."]
    source = read_source("a.txt", text)
    assert source.title == "Russian jets pound Palmyra"
    assert [(r.first_line, r.reason) for r in source.removals][:1] == [(2, "title: used as the source's title")]
    assert any(r.reason == "page chrome before the dateline" and r.first_line == 1 for r in source.removals)


def test_a_single_line_of_several_sentences_is_a_snippet_blob_even_when_short():
    blob = ("Russia keeps two bases. Tartus is a naval base. Khmeimim is an air base. "
            "Russia keeps two bases. The rebels took Aleppo. Moscow watched. " * 3).strip()
    assert len(blob) >= 300 and choose_reader([blob]) is snippets
    assert choose_reader(["One sentence only, however long it may be " + "and it goes on " * 30]) is plain


def test_a_single_iso_date_in_front_matter_is_the_publication_date():
    source = read_source("enc.md", ["---", "title: A page", "date: 2017-01-18", "---", "", "Body text."])
    assert source.metadata["published"] == "2017-01-18"


def test_an_article_byline_is_its_author_and_digest_items_have_subheadings():
    article_text = ["Russian jets pound Palmyra", "Published: 24 March 2016", "", "By John Smith", "", "Jets struck the city.", "", "Background", "", "The city fell in 2015."]
    source = read_source("a.txt", article_text)
    assert source.metadata["author"] == "John Smith"
    assert [(b.kind, b.text, b.byline) for b in source.blocks] == [
        ("paragraph", "Jets struck the city.", "John Smith"),
        ("heading", "Background", "John Smith"),
        ("paragraph", "The city fell in 2015.", "John Smith"),
    ]
    digest_text = ["Briefs", "18 September 2018", "", "First paragraph.", "", "Sochi Agreement", "", "Second paragraph. Jane Doe", "", "17 September 2018", "", "Another item."]
    blocks = read_source("d.txt", digest_text).blocks
    assert [(b.kind, b.text) for b in blocks][:3] == [("paragraph", "First paragraph."), ("heading", "Sochi Agreement"), ("paragraph", "Second paragraph.")]


def test_a_list_written_line_by_line_gives_one_block_per_entry():
    text = "Chronology\n\n- 18 February: The offensive began.\n- 24 February: The Council adopted\n  resolution 2401.\nDec 2016 — Aleppo fell.\n"
    source = read_source("list.txt", text.splitlines())
    assert [(block.text, block.first_line, block.last_line) for block in source.blocks] == [
        ("Chronology", 1, 1),
        ("- 18 February: The offensive began.", 3, 3),
        ("- 24 February: The Council adopted resolution 2401.", 4, 5),
        ("Dec 2016 — Aleppo fell.", 6, 6),
    ]
