"""Readers: each seed format is recognised from its content and read into blocks with line spans."""

from collections import Counter
from pathlib import Path

from tools.model import PartialDate, Passage
from tools.readers import choose_reader, read_source
from tools.readers import article, digest, frontmatter, plain, snippets, subtitles, table_export

from conftest import ROOT, dedent


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
    assert source.title == "Chronology"  # a short first line without a sentence: the document's title
    assert [(block.text, block.first_line, block.last_line) for block in source.blocks] == [
        ("- 18 February: The offensive began.", 3, 3),
        ("- 24 February: The Council adopted resolution 2401.", 4, 5),
        ("Dec 2016 — Aleppo fell.", 6, 6),
    ]


def test_a_chronology_line_opening_with_a_numeric_or_qualified_date_is_an_entry_of_its_own():
    text = (
        "Key dates\n\n"
        "Sept. 14, 2013 — Lavrov and Kerry agree a framework.\n"
        "26.08.2015 — The ministries sign the Hmeimim agreement.\n"
        "27/02/2016 — A cessation of hostilities takes effect.\n"
        "Late April 2019 — An offensive on Idlib begins.\n"
        "Early 1970s - The navy starts using Tartus.\n"
        "1.5 million people fled, the agencies said.\n"
    )
    source = read_source("dates.txt", text.splitlines())
    assert [block.first_line for block in source.blocks] == [3, 4, 5, 6, 7]
    assert source.blocks[-1].text == "Early 1970s - The navy starts using Tartus. 1.5 million people fled, the agencies said."


def test_a_wire_dateline_without_a_year_takes_the_year_of_the_digest():
    source = read_source(
        "wire.txt",
        lines(
            """
            WIRE ROUNDUP, 16 March 2016

            MOSCOW, March 14 (Wire) - Putin ordered the main force home, the Kremlin said.

            GENEVA, March 15 (Wire) - Talks resumed under the UN envoy.

            MOSCOW, Jan 2 (Wire) - A stray item of the new year.
            """
        ),
    )
    assert source.kind == "news-digest"
    assert [block.item_date for block in source.blocks] == ["2016-03-14", "2016-03-15", "2016-01-02"]


def test_a_dateline_that_ends_with_a_colon_opens_its_item():
    source = read_source(
        "wire.txt",
        lines(
            """
            WIRE ARCHIVE

            MOSCOW (Wire) — Wednesday, 7 Oct 2015: Russian warships fired cruise missiles at Syria.

            Putin thanked the sailors.

            ANKARA (Wire) — Tuesday, 24 Nov 2015: Turkish F-16s shot down a Russian bomber.

            Both crew members ejected.
            """
        ),
    )
    assert source.kind == "news-digest"
    assert [block.item_date for block in source.blocks if block.kind != "title"] == ["2015-10-07", "2015-10-07", "2015-11-24", "2015-11-24"]
    assert source.blocks[-2].text.startswith("Turkish F-16s")


def test_a_speaker_line_ending_with_a_date_and_a_colon_is_not_a_dateline():
    source = read_source(
        "remarks.txt",
        lines(
            """
            Sergei Lavrov, Moscow, 12 March 2016: We have always said the Syrians must decide.

            Sergei Lavrov, Geneva, 14 March 2016: The talks must include every party.
            """
        ),
    )
    assert source.kind != "news-digest"
    assert [block.text[:13] for block in source.blocks] == ["Sergei Lavrov", "Sergei Lavrov"]


def test_a_yearless_dateline_does_not_take_its_year_from_a_date_the_introduction_mentions():
    source = read_source(
        "wire.txt",
        lines(
            """
            WIRE ROUNDUP

            This roundup follows the war since Russia's strikes began on 30 September 2015.

            MOSCOW, March 14 (Wire) - Putin ordered the main force home, the Kremlin said.

            GENEVA, March 15 (Wire) - Talks resumed under the UN envoy.
            """
        ),
    )
    assert [block.item_date for block in source.blocks if block.item_date] == []


def test_a_yearless_dateline_with_no_year_anywhere_leaves_its_items_undated():
    source = read_source("wire.txt", lines("MOSCOW, March 14 (Wire) - Putin spoke.\n\nGENEVA, March 15 (Wire) - Talks resumed.\n"))
    assert [block.item_date for block in source.blocks] == ["", ""]


def test_dotted_dates_and_abbreviated_weekdays_open_digest_items():
    source = read_source(
        "bulletin.txt",
        lines(
            """
            14.03.2016 | Moscow
            Putin ordered the withdrawal of the main force.

            Mon 28 Mar 2016 — Sappers began clearing mines in Palmyra.
            """
        ),
    )
    assert [block.item_date for block in source.blocks] == ["2016-03-14", "2016-03-28"]


def test_a_bare_year_on_its_own_line_heads_the_entries_below_it():
    text = "Key dates\n\n2015\n30 September: Strikes begin near Homs.\n7 October: Kalibr missiles are fired.\n\n2016\n14 March - The main force is ordered home.\n"
    source = read_source("dates.txt", text.splitlines())
    assert [(block.kind, block.text) for block in source.blocks] == [
        ("heading", "2015"),
        ("paragraph", "30 September: Strikes begin near Homs."),
        ("paragraph", "7 October: Kalibr missiles are fired."),
        ("heading", "2016"),
        ("paragraph", "14 March - The main force is ordered home."),
    ]


def test_an_episode_title_in_quotes_under_its_date_is_a_heading_and_its_button_bar_is_chrome():
    from pathlib import Path

    from tools.clean import CleaningRules, clean_source

    text = 'Show notes\n\nEP. 118 | Fri 14 Mar 2025 | 58:20\n"Refuge at Hmeimim"\n\nFamilies fled towards the air base.\n\nChapters: 00:00 Intro · 05:30 The coast · 24:10 Inside the base\nDownload MP3 | Transcript | Share\n\nEP. 117 | Fri 7 Mar 2025 | 40:00\n"Another week"\n\nTalks went on.\n'
    source = read_source("show.txt", text.splitlines())
    clean_source(source, CleaningRules.load(Path(__file__).parent.parent / "docs" / "data" / "cleaning.yaml"))
    assert [(block.kind, block.text, block.item_date) for block in source.blocks] == [
        ("heading", '"Refuge at Hmeimim"', "2025-03-14"),
        ("paragraph", "Families fled towards the air base.", "2025-03-14"),
        ("heading", '"Another week"', "2025-03-07"),
        ("paragraph", "Talks went on.", "2025-03-07"),
    ]
    assert any("chapter marks" in removal.reason for removal in source.removals)


def test_a_date_printed_below_the_text_dates_it_as_its_publication():
    text = "Russia moves ships from Tartus\n\nRussian warships left Tartus on Tuesday.\n\nThe Kremlin said yesterday that talks continued.\n\nPublished 12 December 2024\n"
    source = read_source("page.txt", text.splitlines())
    assert [(block.text, block.item_date) for block in source.blocks] == [
        ("Russian warships left Tartus on Tuesday.", "2024-12-12"),
        ("The Kremlin said yesterday that talks continued.", "2024-12-12"),
    ]
    assert source.metadata["dated_by"] == "publication"
    assert any(removal.reason == "dateline: used as the article's date" for removal in source.removals)


def test_a_labelled_date_above_a_closing_line_dates_the_page_but_a_bare_one_heads_a_last_entry():
    body = "Russian warships left Tartus on Tuesday.\n\nThe Kremlin said yesterday that talks continued.\n\n"
    labelled = "Russia moves ships from Tartus\n\n" + body + "Published 12 December 2024\n\nShare this story with friends\n"
    assert read_source("page.txt", labelled.splitlines()).metadata.get("dated_by") == "publication"
    timeline = "Key dates of the intervention\n\nStrikes began at the end of September.\n\nThe air group grew over the winter.\n\n14 March 2016\n\nPutin ordered the main force home.\n"
    source = read_source("page.txt", timeline.splitlines())
    assert source.metadata.get("dated_by") != "publication"
    assert "14 March 2016" in [block.text for block in source.blocks]


def test_a_forum_thread_and_a_channel_export_are_posts_dated_by_their_headers():
    thread = (
        "Kuznetsov heads to the Med\n\nPost by navalwatcher » Sat Oct 15, 2016 9:42 pm\n"
        "The carrier group left Severomorsk today.\n\n#2 ivan_k — 16 Oct 2016, 08:10\nIt passed Norway this morning.\n"
    )
    channel = "Front Notes\n\n[06.01.18 08:10]\nDrones attacked the air base overnight.\n\n[07.01.18 09:00]\nThe ministry gave details.\n"
    for text, dates in ((thread, ["2016-10-15", "2016-10-16"]), (channel, ["2018-01-06", "2018-01-07"])):
        source = read_source("posts.txt", text.splitlines())
        assert source.kind == "news-digest"
        assert [block.item_date for block in source.blocks] == dates


def test_a_person_who_wrote_on_a_day_is_prose_not_a_forum_header():
    from tools.readers.datelines import dateline

    assert dateline("Lavrov wrote on 14 March 2016:") is None


def test_a_year_heading_holds_for_every_dateline_under_it_until_an_item_of_another_year():
    source = read_source(
        "wire.txt",
        lines(
            """
            --- 2017 ---

            MOSCOW, 20 January 2017 (Wire) -- The Tartus agreement was made public.

            HMEYMIM, Dec. 11 (Wire) -- Putin landed at the air base.

            --- 2019 ---

            HMEIMIM, May 25, 2021 (Wire) -- A long-range bomber landed.

            HMEYMIM, May 27 (Wire) -- The bombers flew home.
            """
        ),
    )
    # "Dec. 11" is nearer January 2017 in 2016, but the heading says 2017; under "--- 2019 ---" an
    # item of 2021 shows the heading is stale, and "May 27" is then the nearest to it.
    assert [block.item_date for block in source.blocks if block.kind == "item"] == ["2017-01-20", "2017-12-11", "2021-05-25", "2021-05-27"]
    # the headings themselves are not passages (dated by the item above them): they are accounted removals
    assert not any("---" in block.text for block in source.blocks)
    assert [(removal.first_line, removal.reason) for removal in source.removals if removal.reason.startswith("year heading")] == [
        (1, "year heading: gives the year of the items below it"), (7, "year heading: gives the year of the items below it")]


# --- news feeds (RSS, Atom) ------------------------------------------------------------------------

from tools.readers import feed  # noqa: E402

RSS = dedent('''
    <?xml version="1.0" encoding="ISO-8859-1"?>
    <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel>
        <title>Harbour Wire: Syria</title>
        <link>https://example.org/syria</link>
        <description>Our Syria desk, as it files.</description>
        <item>
          <title>Russian ships leave Tartus</title>
          <link>https://example.org/syria/1</link>
          <pubDate>Tue, 17 Dec 2024 23:30:00 -0500</pubDate>
          <dc:creator>Mira Odell</dc:creator>
          <description>&lt;p&gt;Two Russian frigates left the port on Monday, images show.&lt;/p&gt;
    &lt;p&gt;The Kremlin said talks &amp;amp; visits would go on.&lt;/p&gt;&lt;script&gt;track()&lt;/script&gt;</description>
        </item>
        <item>
          <title>Lavrov in Doha</title>
          <pubDate>Sat, 07 Dec 2024 18:00:00 +0300</pubDate>
          <description><![CDATA[<p>Sergei Lavrov met his Turkish and Iranian counterparts in Doha.</p>]]></description>
        </item>
      </channel>
    </rss>
''').splitlines()


def test_a_news_feed_gives_each_item_a_heading_its_date_its_byline_and_its_text_as_paragraphs():
    assert choose_reader(RSS) is feed
    source = read_source("wire.xml", RSS)
    assert source.title == "Harbour Wire: Syria" and source.metadata["format"] == "news-feed"
    assert [(b.kind, b.text, b.item_date, b.byline, b.first_line) for b in source.blocks] == [
        ("heading", "Russian ships leave Tartus", "2024-12-17", "Mira Odell", 8),  # the item's own day, not converted to UTC
        ("paragraph", "Two Russian frigates left the port on Monday, images show.", "2024-12-17", "Mira Odell", 12),
        ("paragraph", "The Kremlin said talks & visits would go on.", "2024-12-17", "Mira Odell", 13),
        ("heading", "Lavrov in Doha", "2024-12-07", None, 16),
        ("paragraph", "Sergei Lavrov met his Turkish and Iranian counterparts in Doha.", "2024-12-07", None, 18),
    ]


def test_a_news_feed_accounts_for_every_line_it_does_not_read_as_text():
    source = read_source("wire.xml", RSS)
    reasons = {removal.text: removal.reason for removal in source.removals}
    assert reasons["track()"] == "script, style or comment inside the item's HTML: not text"
    assert reasons["https://example.org/syria/1"].startswith("item <link>")
    assert reasons["Our Syria desk, as it files."].startswith("feed description")
    covered = {n for b in source.blocks for n in range(b.first_line, b.last_line + 1)} | {n for r in source.removals for n in range(r.first_line, r.last_line + 1)}
    assert [n for n, line in enumerate(RSS, start=1) if line.strip() and n not in covered] == []


def test_an_atom_feed_is_read_the_same_way():
    atom = dedent('''
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Levant Notes</title>
          <entry>
            <title>Patrols resume on the M4</title>
            <published>2020-03-15T08:00:00+03:00</published>
            <author><name>Ayla Demir</name></author>
            <content type="html">&lt;p&gt;The first joint patrol ran on Sunday.&lt;/p&gt;</content>
            <summary>Joint patrol.</summary>
          </entry>
        </feed>
    ''').splitlines()
    source = read_source("notes.atom", atom)
    assert [(b.kind, b.text, b.item_date, b.byline) for b in source.blocks] == [
        ("heading", "Patrols resume on the M4", "2020-03-15", "Ayla Demir"),
        ("paragraph", "The first joint patrol ran on Sunday.", "2020-03-15", "Ayla Demir"),
    ]
    assert any(r.text == "Joint patrol." and "another form of the item's text" in r.reason for r in source.removals)


def test_a_feed_that_declares_entities_or_is_not_well_formed_is_read_as_plain_text_with_a_notice():
    bomb = ['<?xml version="1.0"?>', '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>', "<rss><channel><item><title>&lol2;</title></item></channel></rss>"]
    source = read_source("bomb.xml", bomb)
    assert source.metadata["format"] == "plain-text" and "&lol2;" in source.blocks[-1].text  # never expanded
    assert [(p.line, p.severity) for p in source.problems] == [(1, "notice")] and "refused" in source.problems[0].reason
    broken = ["<rss><channel><item><title>x</title>", "<description>unclosed", "</channel></rss>"]
    source = read_source("broken.xml", broken)
    assert source.metadata["format"] == "plain-text" and source.problems[0].line == 3 and "not well-formed XML" in source.problems[0].reason


def test_a_feed_seed_joins_the_book_and_its_markup_is_shown_as_text(tmp_path):
    from conftest import make_project
    from tools.addresses import Addresses
    from tools.book import make_book

    hostile = RSS[:11] + ["      <description>&lt;p&gt;Russia said {raw}`html` and &amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt; were words on 16 December.&lt;/p&gt;</description>"] + RSS[13:]
    made = make_book(make_project(tmp_path / "book", {"wire.xml": "\n".join(hostile) + "\n"}))
    passages = [p for p in made.book.passages if p.source == "wire.xml"]
    assert [p.text for p in passages][0] == "Russia said {raw}`html` and <b>bold</b> were words on 16 December."
    assert passages[0].date == "2024-12-16" and passages[0].byline == "Mira Odell"
    page = made.pages[f"{Addresses(made.book).page_of(passages[0])}.md"]
    assert "{raw}`html`" not in page and "<b>bold</b>" not in page  # escaped: never a role, never HTML


def test_a_feed_item_with_an_empty_description_or_xhtml_content_is_read_without_loss():
    empty = ["<rss><channel><title>T</title>", "<item><title>A</title><description></description>", "<pubDate>Tue, 17 Dec 2024 09:30:00 +0000</pubDate></item>", "</channel></rss>"]
    source = read_source("empty.xml", empty)
    assert [(b.kind, b.text) for b in source.blocks] == [("heading", "A")] and not source.problems
    xhtml = ['<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>A</title>',
             '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One paragraph.</p><p>Another one.</p></div></content>',
             "<author><email>desk@example.org</email></author>", "</entry></feed>"]
    source = read_source("x.atom", xhtml)
    assert [b.text for b in source.blocks if b.kind == "paragraph"] == ["One paragraph.", "Another one."]
    assert any(r.text == "desk@example.org" for r in source.removals)  # an author without a name is accounted for


# --- Markdown without front matter, and tables ---------------------------------------------------


TIMELINE = """
# Russia in Syria after Assad: a timeline

Kept as a *table*; the right-hand column says where each entry comes from.

| Date | Event | Notes / sourcing |
|---|---|---|
| Wed 27 Nov 2024 | Factions launch an offensive from **Idlib**. | Agency copy. |
| same evening | Moscow calls on Damascus to restore order. | |
| 2 Dec | Fidan says he and Lavrov discussed the Astana format. | Confirmed on the 5th. |

| Aircraft | Lost |
|---|---|
| Su-24M | over the border |
"""


def test_a_markdown_page_without_front_matter_gives_its_title_and_a_passage_per_table_row():
    from tools.account import account

    source = read_source("timeline.md", lines(TIMELINE))
    assert choose_reader(lines(TIMELINE), "timeline.md").NAME == "markdown" and source.kind == "document"
    assert choose_reader(lines(TIMELINE), "timeline.txt") is plain  # a .txt holding a table is read as written
    assert source.title == "Russia in Syria after Assad: a timeline"
    assert [(block.text, block.first_line) for block in source.blocks] == [
        ("Kept as a table; the right-hand column says where each entry comes from.", 3),
        ("Wed 27 Nov 2024 | Factions launch an offensive from Idlib. | Agency copy.", 7),  # the cells as written
        ("same evening | Moscow calls on Damascus to restore order.", 8),
        ("2 Dec | Fidan says he and Lavrov discussed the Astana format. | Confirmed on the 5th.", 9),
        ("Su-24M | over the border", 13),
    ]
    assert sorted((removal.first_line, removal.reason) for removal in source.removals) == [
        (1, "title: used as the source's title"),
        (5, "table header: the column names, over the rows"),
        (11, "table header: the column names, over the rows"),
    ]
    passages = [Passage(id=str(n), source="timeline.md", first_line=b.first_line, last_line=b.last_line, text=b.text) for n, b in enumerate(source.blocks)]
    assert account(source, passages, lines(TIMELINE)) == (Counter(), Counter())  # nothing added, nothing lost


def test_a_digest_or_a_chronology_holding_a_table_keeps_its_own_reader():
    table = ["", "| Date | Event |", "|---|---|", "| 1 May | A row. |"]
    digest_lines = ["NEWS DIGEST", "", "12 March 2016", "", "MOSCOW -- First item.", "", "14 March 2016", "", "GENEVA -- Second item."]
    assert choose_reader(digest_lines + table, "digest.md") is digest
    code = ["Notes", "", "```", "| a | b |", "|---|---|", "| 1 | 2 |", "```"]
    assert choose_reader(code, "notes.md") is plain  # a table inside a code block is no table


def test_a_table_without_column_names_stays_one_paragraph_as_an_infobox():
    text = "---\ntitle: Shootdown\n---\n\n| | |\n|---|---|\n| **Date** | 24 November 2015 |\n| **Site** | Latakia |\n"
    source = read_source("infobox.md", lines(text))
    assert [block.text for block in source.blocks] == ["| | | |---|---| | Date | 24 November 2015 | | Site | Latakia |"]


def test_a_newsletter_whose_issue_lines_give_a_weekday_and_a_two_digit_year_is_a_digest_of_dated_items():
    text = (
        "LANTERN BRIEF\n\n"
        "Fri 25.03.16 | No. 9\n\n(1) MOSCOW -- The ministry reported a death yesterday.\n\n"
        "Sun 25.12.16 | No. 46 (special issue)\n\n(1) SOCHI -- A Tu-154 went into the sea this morning.\n\n"
        "The 25.03.16 figure is not a date without its weekday.\n"
    )
    source = read_source("brief.txt", text.splitlines())
    assert choose_reader(text.splitlines()) is digest
    assert [(block.first_line, block.item_date) for block in source.blocks][:2] == [(5, "2016-03-25"), (9, "2016-12-25")]
    from tools.datefinder import explicit_mentions

    assert explicit_mentions(text.splitlines()[-1]) == []  # a dotted day with a two-digit year needs its weekday


def test_a_question_headline_and_a_standfirst_above_a_published_line_still_make_an_article():
    text = [
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "",
        "Geneva bought one crossing. What did Moscow get?",
        "",
        "The unanimous vote on the last aid corridor is hailed as a thaw. It looks more like a trade.",
        "",
        "By Ilaria Brandt, contributing editor",
        "Published 12 July 2021 | Updated 13 July 2021, 09:40 GMT | 6 min read",
        "",
        "On Friday the Security Council renewed the cross-border mechanism.",
        "",
        "The two ambassadors who made it happen could hardly contain themselves.",
        "",
        "It is worth remembering where this mechanism started. It began in 2014.",
        "",
        "Moscow's case has never changed. Aid should come from Damascus.",
    ]
    source = read_source("a.txt", text)
    assert source.metadata["format"] == article.NAME and source.metadata["published"] == "2021-07-12"
    # Without its label, a date line under three lines of prose is a date the text names, not a dateline.
    unlabelled = text[:7] + ["12 July 2021"] + text[8:]
    assert choose_reader(unlabelled) is not article
    # A page whose date is printed below a text no longer than what stands above it is no article's top.
    assert choose_reader(text[:10]) is not article


NEWSLETTER_EML = [
    "Return-Path: <bounce@letter.example>",
    "From: \"The Coast Letter\" <desk@letter.example>",
    "Date: Thu, 01 Mar 2018 07:30:12 +0300",
    "Subject: =?UTF-8?Q?Eight_weeks_on_the_coast?=",
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=\"utf-8\"",
    "Content-Transfer-Encoding: 8bit",
    "",
    "THE COAST LETTER :: No. 41",
    "",
    "Hello again. This double letter carries the day of each section.",
    "",
    ">> MON 08.01 | DRONES OVER THE COAST",
    "",
    "The defence ministry said on Monday that thirteen drones had attacked its bases.",
    "",
    ">> SAT 20.01 | AFRIN",
    "",
    "Turkish jets began striking Afrin in the afternoon.",
]


def test_an_email_newsletter_is_read_from_its_body_with_the_subject_as_title_and_the_date_header_as_its_day():
    source = read_source("letter.eml", NEWSLETTER_EML)
    assert source.title == "Eight weeks on the coast" and source.kind == "newsletter"
    assert source.metadata["format"] == "email (news-digest body)" and source.metadata["sent"] == "2018-03-01"
    blocks = {block.first_line: (block.text, block.item_date) for block in source.blocks}
    # the sections' "MON 08.01" take their year from the Date header; the greeting is of the day sent
    assert blocks[15] == ("The defence ministry said on Monday that thirteen drones had attacked its bases.", "2018-01-08")
    assert blocks[19] == ("Turkish jets began striking Afrin in the afternoon.", "2018-01-20")
    assert blocks[11][1] == "2018-03-01"
    # every header line is accounted for, and no passage holds one
    removed = {removal.first_line for removal in source.removals}
    assert set(range(1, 8)) <= removed
    assert not any("Content-Type" in block.text for block in source.blocks)


def test_an_encoded_email_body_is_decoded_and_cited_by_the_span_of_its_part():
    encoded = NEWSLETTER_EML[:6] + ["Content-Transfer-Encoding: quoted-printable", "", "Russian jets struck Idlib on 3 February 2018, the ministry sa=", "id; the strike hit a m=C3=A4rket."]
    source = read_source("letter.eml", encoded)
    assert [block.text for block in source.blocks] == ["Russian jets struck Idlib on 3 February 2018, the ministry said; the strike hit a märket."]
    assert (source.blocks[0].first_line, source.blocks[0].last_line) == (9, 10)
    assert any("quoted-printable" in problem.reason for problem in source.problems)


def test_an_email_without_a_plain_text_part_says_its_body_was_not_read():
    html_only = NEWSLETTER_EML[:5] + ["Content-Type: text/html; charset=utf-8", "", "<p>Russian jets struck Idlib.</p>"]
    source = read_source("letter.eml", html_only)
    assert source.blocks == [] and any(problem.severity == "warning" and "no plain-text part" in problem.reason for problem in source.problems)
    assert any(removal.text == "<p>Russian jets struck Idlib.</p>" for removal in source.removals)  # accounted for, not dropped


def test_day_and_month_datelines_in_figures_take_their_order_from_the_document_and_their_year_from_the_masthead():
    text = [
        "MERIDIAN NOTES",
        "the UN desk · short items · 2012",
        "",
        "04/02 — NEW YORK. Russia and China vetoed the draft.",
        "",
        "16/03 — NEW YORK. Kofi Annan laid out his six points.",
        "",
        "05/04 — NEW YORK. A presidential statement backed the envoy.",
    ]
    source = read_source("notes.txt", text)
    assert choose_reader(text) is digest
    assert [block.item_date for block in source.blocks] == ["2012-02-04", "2012-03-16", "2012-04-05"]  # "16/03": day first
    # When both orders make dates, the figures give none: a wrong date is worse than no date.
    ambiguous = [line.replace("16/03", "06/03") for line in text]
    assert not any(block.item_date for block in read_source("notes.txt", ambiguous).blocks)


def test_a_dateline_whose_text_is_wrapped_onto_the_next_line_opens_one_paragraph_not_a_headline():
    text = [
        "MERIDIAN NOTES · 2012",
        "",
        "04/02 — NEW YORK. Second double veto in four months: Russia and China",
        "voted down the Arab-European draft, tabled by Morocco, that would have",
        "put the Council behind the Arab League plan for a Syrian-led transition.",
        "",
        "Susan Rice said she was disgusted; France's Gerard Araud called it a",
        "sad day for the Council, for Syrians and for democracy. Moscow's line",
        "is that the draft pressed only the government, not the armed groups.",
        "                                    ·· issue closed 04.02, late ··",
        "",
        "05/04 — NEW YORK. A presidential statement puts the Council behind",
        "Annan's call for the fighting to stop from 10 April. Both sides said",
        "they would respect it; few at the desk believe them.",
        "",
        "16/04 — Moscow welcomes the observers",
        "Lavrov said the mission was a first step towards an end of the violence.",
    ]
    source = read_source("notes.txt", text)
    kinds_and_lines = [(block.kind, block.first_line, block.last_line) for block in source.blocks]
    assert kinds_and_lines == [("item", 3, 5), ("paragraph", 7, 10), ("item", 12, 14), ("heading", 16, 16), ("paragraph", 17, 17)]
    assert source.blocks[0].text.startswith("NEW YORK. Second double veto in four months: Russia and China voted down")
    assert source.blocks[2].text.startswith("NEW YORK. A presidential statement puts the Council behind Annan's call")  # as full as the wrapped lines


def test_a_rubric_between_ornaments_is_set_aside_and_accounted_for(tmp_path):
    from tools.pipeline import Paths, build_book

    (tmp_path / "notes.txt").write_text("MERIDIAN NOTES · 2012\n\n04/02 — NEW YORK. Russia and China vetoed the draft.\n    ·· issue closed 04.02 ··\n\n05/04 — NEW YORK. The Council backed the envoy.\n", encoding="utf-8")
    book = build_book(Paths(seeds=tmp_path, data=ROOT / "docs" / "data"))
    assert [passage.text for passage in book.passages] == ["NEW YORK. Russia and China vetoed the draft.", "NEW YORK. The Council backed the envoy."]
    removed = [(removal.first_line, removal.text) for removal in book.sources[0].removals if "rubric" in removal.reason]
    assert removed == [(4, "·· issue closed 04.02 ··")]


def test_a_time_of_day_in_figures_is_no_dateline():
    text = ["LIVE: the summit", "", "14.05 — Delegations arrive in Sochi.", "", "13.40 — The talks begin.", "", "12.30 — Security is tight."]
    assert choose_reader(text) is not digest


def test_a_transcript_with_time_codes_gives_a_passage_per_turn():
    text = [
        "THE HOTLINE, episode 112",
        "Published: 29 July 2022",
        "",
        "[00:01:02] HOST: Let's start with Tuesday.",
        "[00:01:31] GUEST: He went out of his way to shrink it.",
        "[00:02:13] GUEST: Friday the 13th of May. Israeli jets hit a complex near Masyaf.",
    ]
    source = read_source("episode.txt", text)
    assert [(block.first_line, block.last_line) for block in source.blocks] == [(4, 4), (5, 5), (6, 6)]


def test_a_labelled_dateline_with_an_ordinal_day_and_a_revision_note_dates_the_article():
    text = [
        "Sochi draws a new line on the Syrian border",
        "",
        "Posted on the 24th day of October 2019 (Thurs.) · 09:15 Istanbul — revised 16:40, adding the Amuda patrol",
        "",
        "Russian military police convoys were on the move along the border on Wednesday.",
        "",
        "The memorandum signed in Sochi on Tuesday gives the Kurdish fighters 150 hours to leave.",
    ]
    source = read_source("sochi.txt", text)
    assert source.metadata["format"] == article.NAME and source.metadata["published"] == "2019-10-24"


def test_an_eml_file_that_opens_with_no_header_is_all_body():
    source = read_source("notes.eml", ["Russian jets struck Idlib.", "", "The ministry denied it."])
    assert [(block.first_line, block.text) for block in source.blocks] == [(1, "Russian jets struck Idlib."), (3, "The ministry denied it.")]
    assert source.removals == []


def test_a_csv_timeline_gives_a_passage_per_row_dated_by_its_date_column():
    text = [
        "row_id,date,date_precision,place,headline,detail",
        '001,2011-10-04,day,New York,First double veto,"Russia and China vote down a European draft; nine in favour, four abstentions."',
        "002,Sept 2013,month,St Petersburg,G20,On 6 September Putin and Obama discuss the idea.",
        "003,2013-09-12/2013-09-14,range,Geneva,Three days by the lake,Kerry and Lavrov negotiate the details.",
        '004,,,,Desk note,"Moscow vetoed four drafts,',
        'every time alongside Beijing."',
    ]
    source = read_source("timeline.csv", text)
    assert choose_reader(text, "timeline.csv") is table_export
    assert [(block.first_line, block.last_line, block.item_date) for block in source.blocks] == [(2, 2, "2011-10-04"), (3, 3, "2013-09"), (4, 4, "2013-09"), (5, 6, None)]
    assert source.blocks[0].text == "New York | First double veto | Russia and China vote down a European draft; nine in favour, four abstentions."
    assert source.blocks[3].text == "Desk note | Moscow vetoed four drafts, every time alongside Beijing."  # a quoted cell over two lines
    reasons = Counter(removal.reason.split(":")[0] for removal in source.removals)
    assert reasons == {"table header": 1, "row number": 4, "date precision": 3, "date column": 3}
    assert choose_reader(text, "timeline.txt") is not table_export  # only a file named .csv or .tsv


def test_a_table_with_dates_of_the_event_and_of_the_report_is_dated_by_the_event():
    text = [
        "id;date_reported;date_event;location;summary",
        "NW-1;05/02/2018;2018-02-03;Idlib;Su-25 shot down over the Idlib zone, the pilot was killed.",
        "NW-2;17/02/2018;;Moscow;At Thursday's briefing the ministry spoke of five citizens.",
    ]
    source = read_source("log.csv", text)
    assert [(block.first_line, block.item_date) for block in source.blocks] == [(2, "2018-02-03"), (3, "2018-02-17")]  # no event date: the day it was reported, which its "Thursday" counts from
    assert source.blocks[0].text == "NW-1 | Idlib | Su-25 shot down over the Idlib zone, the pilot was killed."  # an id of letters is text
    assert {removal.reason for removal in source.removals if removal.text == "17/02/2018"} == {"date column “date_reported”: when the row was recorded (its date when the row gives no other)"}
    alone = read_source("log.csv", ["id;date_reported;summary", "1;05/02/2018;Su-25 shot down over Idlib.", "2;06/02/2018;The pilot is named a Hero."])
    assert [block.item_date for block in alone.blocks] == ["2018-02-05", "2018-02-06"]  # no other: the day reported dates the row


EMAIL_THREAD = [
    "Date: Tue, 15 Mar 2016 11:47:09 +0100",
    "From: Ilse <i@example.org>",
    "Subject: RE: ceasefire file",
    "",
    "Tomas, Priya,",
    "",
    "Yesterday Putin ordered the withdrawal of the main part of the Russian group from Syria, to start today, and said the tasks had been accomplished.",
    "",
    "Ilse",
    "",
    "--",
    "Ilse Vandermeer | Senior Editor",
    "",
    "CONFIDENTIALITY NOTICE: This e-mail is intended only",
    "for the named recipients.",
    "",
    "-----Original Message-----",
    "From: Priya Kallas",
    "Sent: Monday, 29 February 2016 17:22",
    "To: Ilse Vandermeer",
    "Subject: RE: ceasefire file",
    "",
    "Resolution 2268 went through unanimously on Friday.",
    "",
    "P.",
    "Sent from my phone",
    "",
    "On Mon, 15 Feb 2016 at 18:03, Tomas Reinholt <t@example.org> wrote:",
    "> Hi all,",
    ">",
    "> Medvedev said in Munich that the world",
    "> had slid into a new Cold War.",
]


def test_an_email_thread_dates_each_quoted_message_by_its_own_header_and_sets_its_furniture_aside():
    source = read_source("thread.eml", EMAIL_THREAD)
    assert [(block.first_line, block.last_line, block.text, block.item_date) for block in source.blocks] == [
        (7, 7, EMAIL_THREAD[6], "2016-03-15"),
        (23, 23, "Resolution 2268 went through unanimously on Friday.", "2016-02-29"),
        (31, 32, "Medvedev said in Munich that the world had slid into a new Cold War.", "2016-02-15"),  # its "> " marks taken off
    ]
    reasons = {removal.first_line: removal.reason.split(":")[0] for removal in source.removals}
    assert {reasons[line] for line in (5, 9, 25, 26, 29)} == {"email greeting or sign-off"}
    assert reasons[11] == "email signature" and reasons[14] == "email disclaimer"
    assert {reasons[line] for line in (17, 18, 20, 21)} == {"email thread"} and reasons[19].startswith("dateline")
    assert reasons[28].startswith("dateline")  # "On Mon, 15 Feb 2016 ..., X <address> wrote:"
    assert any(removal.reason.startswith("email quoting") and removal.first_line == 29 and removal.last_line == 32 for removal in source.removals)
    assert not any("Original Message" in block.text or "Sent from" in block.text for block in source.blocks)


def test_subtitles_give_a_passage_per_sentence_dated_by_the_caption_above_them():
    text = dedent(
        """
        1
        00:00:00,500 --> 00:00:04,000
        [MUSIC]
        WARM WATER - Episode 1

        2
        00:00:05,000 --> 00:00:08,000
        [ON SCREEN: Sheremetyevo airport, Moscow · 8-X-1980]

        3
        00:00:08,300 --> 00:00:12,000
        NARRATOR: Brezhnev was waiting for Hafez al-Assad

        4
        00:00:12,100 --> 00:00:15,000
        under the flags.

        5
        00:00:15,500 --> 00:00:19,000
        [ARCHIVE AUDIO, embassy spokesman to AFP, 7.V.2010]
        "We are seeking to recover lost ground."
        """
    ).strip("\n").splitlines()
    source = read_source("episode.srt", text)
    assert choose_reader(text, "episode.srt") is subtitles
    assert source.title == "WARM WATER - Episode 1"
    assert [(block.kind, block.text, block.first_line, block.last_line, block.item_date) for block in source.blocks] == [
        ("heading", "Sheremetyevo airport, Moscow · 8-X-1980", 8, 8, None),
        ("paragraph", "NARRATOR: Brezhnev was waiting for Hafez al-Assad under the flags.", 12, 16, None),  # one sentence over two cues
        ("paragraph", '"We are seeking to recover lost ground."', 21, 21, "2010-05-07"),
    ]
    reasons = Counter(removal.reason.split(":")[0] for removal in source.removals)
    assert reasons == {"cue number": 5, "time code": 5, "sound or stage direction": 1, "title": 1, "caption": 1}


def test_paragraphs_that_close_with_their_filing_day_in_brackets_are_items_of_that_day():
    text = dedent(
        """
        THE SHORELINE DIGEST · mailed to subscribers 2 December 2015

        The upper house voted this morning to let Putin use the armed forces abroad. (30 Sept.)

        Two Turkish F-16s shot down a Russian Su-24 this morning. (24 Nov.)

        A French wire called it the "feu vert", given le 30 septembre 2015. [30.09.2015]

        A footnote cites a book (2014).
        """
    ).strip("\n").splitlines()
    source = read_source("digest.txt", text)
    assert [(block.text, block.item_date) for block in source.blocks] == [
        ("The upper house voted this morning to let Putin use the armed forces abroad.", "2015-09-30"),
        ("Two Turkish F-16s shot down a Russian Su-24 this morning.", "2015-11-24"),
        ('A French wire called it the "feu vert", given le 30 septembre 2015.', "2015-09-30"),
        ("A footnote cites a book (2014).", None),  # a year in brackets is no filing day
    ]
    assert [removal.text for removal in source.removals if removal.reason.startswith("closing date")] == ["(30 Sept.)", "(24 Nov.)", "[30.09.2015]"]


def test_a_forum_post_is_dated_by_its_capture_stamp_less_the_age_the_page_showed():
    text = [
        "#1 · Karaganda_Kid · posted 3 hours ago · captured 14 Mar 2016, 21:30 UTC",
        "Putin has ordered the main part of the group to start pulling out.",
        "",
        "#7 · Tadmor_watch · posted 14 hours ago · captured 28 Mar 2016, 09:40 UTC",
        "Palmyra is retaken.",
        "",
        "#5 · oldsalt · posted 3 days ago (edited 2 days ago) · captured 18 Mar 2016",
        "Pankov said today that strikes will go on.",
        "",
        "#6 · Pripyat_Pete · posted 2 weeks ago · captured 30 Mar 2016",
        "Mission accomplished is a way of leaving the table.",
    ]
    source = read_source("forum.txt", text)
    assert [(block.text.split()[0], block.item_date or None) for block in source.blocks] == [("Putin", "2016-03-14"), ("Palmyra", "2016-03-27"), ("Pankov", "2016-03-15"), ("Mission", None)]


def test_a_thread_and_a_reply_are_dated_by_their_stamps_with_handles():
    text = [
        "Thread by @levant_ledger (The Levant Ledger) · Aug 19, 2020 · 20 posts",
        "1/ A Russian major general was killed in eastern Syria yesterday.",
        "",
        "2/ The bomb went off by the road near the At-Taim oilfield.",
        "",
        "    ↳ @desert_dispatch · Aug 21, 2020 · reply",
        "    Footage of the blast is out now.",
    ]
    source = read_source("thread.txt", text)
    assert [block.item_date for block in source.blocks] == ["2020-08-19", "2020-08-19", "2020-08-21"]


def test_chronology_entries_opened_by_a_day_and_a_colon_are_items_of_that_day_but_a_speakers_line_is_not():
    text = [
        "QUAI DE L'EST · chronology · compiled 30 April 2025",
        "",
        "5 Dec: Hama falls to the rebels despite intense Russian air strikes.",
        "",
        "16 Dec (statement dated Moscow): Assad's first words since his fall.",
        "",
        "28-I-2025: the first Russian delegation since the fall of Assad arrives in Damascus.",
        "",
        "Sergei Lavrov, Moscow, 12 March 2016: We have no plans to leave.",
    ]
    source = read_source("chronology.txt", text)
    assert choose_reader(text) is digest
    assert [(block.text.split(":")[0][:20], block.item_date) for block in source.blocks] == [
        ("Hama falls to the re", "2024-12-05"),
        ("Assad's first words ", "2024-12-16"),
        ("the first Russian de", "2025-01-28"),
        ("Sergei Lavrov, Mosco", "2025-01-28"),  # a speaker's line goes on with the entry above
    ]


def test_a_transcripts_sound_and_stage_directions_are_set_aside_not_headings(tmp_path):
    from tools.pipeline import Paths, build_book

    (tmp_path / "episode.txt").write_text(
        "THE HOTLINE, episode 112\n\n[00:00:00] [MUSIC: theme, 12 s]\n[00:00:12] HOST: Hello and welcome.\n[00:01:02] GUEST: Gantz confirmed it.\n"
        "[00:07:31] [AD BREAK — 60 s — not transcribed]\n[00:07:35] HOST: We are back.\n",
        encoding="utf-8",
    )
    book = build_book(Paths(seeds=tmp_path, data=ROOT / "docs" / "data"))
    assert [(passage.text, passage.section) for passage in book.passages] == [
        ("[00:00:12] HOST: Hello and welcome.", ()),
        ("[00:01:02] GUEST: Gantz confirmed it.", ()),
        ("[00:07:35] HOST: We are back.", ()),
    ]
    assert [removal.first_line for removal in book.sources[0].removals if removal.reason == "sound or stage direction of a transcript"] == [3, 6]


def test_webvtt_formatting_tags_are_removals_and_a_voice_tag_names_the_speaker():
    text = ["WEBVTT", "", "00:01.000 --> 00:04.000", "<v Lavrov>We will <b>not</b> leave.</v>", "", "00:05.000 --> 00:06.000 align:start", "<i>Hello</i> <00:05.500>there."]
    source = read_source("interview.vtt", text)
    assert choose_reader(text, "interview.vtt") is subtitles
    assert [(block.text, block.first_line) for block in source.blocks] == [("Lavrov: We will not leave.", 4), ("Hello there.", 7)]
    assert [(removal.first_line, removal.text) for removal in source.removals if removal.reason == "subtitle formatting tags"] == [(4, "<v Lavrov> <b> </b> </v>"), (7, "<i> </i> <00:05.500>")]
    assert source.title == "interview.vtt"  # a first cue that is a sentence is no title


# --- JSON exports (a news API's articles, a Telegram channel) --------------------------------------

from tools.readers import json_records  # noqa: E402

TELEGRAM = lines(
    """
    {
     "name": "Northern Line",
     "type": "public_channel",
     "messages": [
      {"id": 1, "type": "service", "date": "2019-10-12T09:00:03", "action": "create_channel", "text": ""},
      {
       "id": 2,
       "type": "message",
       "date": "2019-10-15T19:22:40",
       "from": "Northern Line",
       "text": [
        {"type": "bold", "text": "Manbij:"},
        " Russian military police patrol the line of contact.\\n\\nThe MoD says so. ",
        {"type": "hashtag", "text": "#Manbij"}
       ]
      },
      {"id": 3, "type": "message", "date": "2019-10-16T08:00:00", "from": "Northern Line", "text": "Convoy reached Kobani. #Syria #Kobani", "photo": "photos/1.jpg"}
     ]
    }
    """
)

NEWS_API = lines(
    """
    {"status": "ok", "totalResults": 2, "articles": [
      {"source": {"id": null, "name": "Caspian Wire"}, "author": "Lev Artamonov", "title": "Ceasefire agreed",
       "description": "Russia and Turkey act as guarantors.", "url": "https://example.org/1",
       "publishedAt": "2016-12-29T12:30:00Z", "content": "Putin said today that a truce was agreed… [+2318 chars]"}
    ]}
    """
)


def test_a_telegram_export_gives_each_message_its_date_its_author_and_its_text_joined_from_its_pieces():
    assert choose_reader(TELEGRAM, "channel.json") is json_records
    assert choose_reader(TELEGRAM, "channel.txt") is not json_records  # by its suffix only
    source = read_source("channel.json", TELEGRAM)
    assert source.title == "Northern Line" and source.metadata["format"] == "json-records"
    assert [(b.kind, b.text, b.item_date, b.byline) for b in source.blocks] == [
        ("paragraph", "Manbij: Russian military police patrol the line of contact.", "2019-10-15", "Northern Line"),
        ("paragraph", "The MoD says so.", "2019-10-15", "Northern Line"),
        ("paragraph", "Convoy reached Kobani.", "2019-10-16", "Northern Line"),
    ]
    assert [b.first_line for b in source.blocks] == [11, 11, 17]
    reasons = {removal.text: removal.reason for removal in source.removals}
    assert reasons["#Manbij"].startswith("hashtags") and reasons["#Syria #Kobani"].startswith("hashtags")
    assert reasons["photos/1.jpg"].startswith('record "photo"')
    assert any(r.first_line == 5 and r.reason.startswith("service message") for r in source.removals)


def test_a_json_export_accounts_for_every_line_it_does_not_read_as_text():
    for export in (TELEGRAM, NEWS_API):
        source = read_source("export.json", export)
        covered = {n for b in source.blocks for n in range(b.first_line, b.last_line + 1)} | {n for r in source.removals for n in range(r.first_line, r.last_line + 1)}
        assert [n for n, line in enumerate(export, start=1) if line.strip() and n not in covered] == []


def test_a_news_api_dump_gives_headlines_and_descriptions_and_sets_aside_its_truncation_mark():
    source = read_source("news.json", NEWS_API)
    assert [(b.kind, b.text, b.item_date, b.byline) for b in source.blocks] == [
        ("heading", "Ceasefire agreed", "2016-12-29", "Lev Artamonov"),
        ("paragraph", "Russia and Turkey act as guarantors.", "2016-12-29", "Lev Artamonov"),
        ("paragraph", "Putin said today that a truce was agreed…", "2016-12-29", "Lev Artamonov"),
    ]
    reasons = {removal.text: removal.reason for removal in source.removals}
    assert reasons[" [+2318 chars]"].startswith("truncation mark")
    assert reasons["https://example.org/1"].startswith('record "url"')
    assert reasons["ok"].startswith('the export\'s "status"')


def test_json_lines_are_records_one_to_a_line():
    source = read_source("feed.jsonl", ['{"published_at": "2020-03-05", "text": "Putin and Erdogan met in Moscow."}', '{"published_at": "2020-03-06", "text": "The ceasefire held."}'])
    assert [(b.text, b.item_date, b.first_line) for b in source.blocks] == [("Putin and Erdogan met in Moscow.", "2020-03-05", 1), ("The ceasefire held.", "2020-03-06", 2)]


def test_a_forwarded_post_is_of_the_day_it_was_first_published():
    record = '{"published_at": "2019-10-18T06:10:00Z", "forwarded_from": {"channel": "Street Watch", "original_published_at": "2019-10-17T19:25:00Z"}, "text": "Turkey consents to a 120-hour ceasefire."}'
    own = '{"published_at": "2019-10-18T07:00:00Z", "text": "Patrols resumed near Manbij."}'
    source = read_source("channel.jsonl", [record, own])
    assert [(b.text, b.item_date) for b in source.blocks] == [("Turkey consents to a 120-hour ceasefire.", "2019-10-17"), ("Patrols resumed near Manbij.", "2019-10-18")]
    assert any("forwarded_from" in removal.reason for removal in source.removals)  # the forward's own fields are accounted for


def test_a_json_file_that_is_not_json_is_read_as_plain_text_with_a_notice_naming_the_line():
    source = read_source("broken.json", ["{", '  "text": "Tartus",', '  "date" "2019"', "}"])
    assert source.metadata["format"] == "plain-text"
    assert [(p.line, p.reason.split(" (")[0]) for p in source.problems] == [(3, "looks like JSON but cannot be read as JSON")]
    deep = read_source("deep.json", ["[" * 100000 + "]" * 100000])
    assert deep.metadata["format"] == "plain-text" and deep.problems


def test_a_publication_line_with_its_update_views_and_reading_time_is_the_articles_dateline():
    from tools.readers.datelines import dateline

    found = dateline("21.02.2023 12:40 (MSK)   Updated 21.02.2023 14:05   3 214 views   Reading time: 4 min")
    assert found is not None and found.iso == "2023-02-21"
    assert dateline("21.02.2023: ministry officials reviewed the figures and said more views were needed") is None


def test_a_json_file_without_records_of_text_is_read_as_plain_text_and_says_so():
    source = read_source("numbers.json", ['{"counts": [1, 2, 3], "label": "casualties by month"}'])
    assert source.metadata["format"] == "plain-text"
    assert [p.reason.split(";")[0] for p in source.problems] == ["a JSON file without a list of records that carry text (text, content, description, ...)"]


def test_json_keys_given_twice_and_values_beside_the_records_are_accounted_and_deep_nesting_is_plain_text():
    source = read_source("twice.json", ['[{"text": "Secret first version of the story.", "text": "Second."}]'])
    assert [b.text for b in source.blocks] == ["Second."]
    assert [(r.reason.split(":")[0], r.text) for r in source.removals] == [('"text" given again in the same object', "Secret first version of the story.")]
    source = read_source("nested.json", ['[[{"text": "Kept record."}], {"note": "Russian jets struck Idlib on 5 May."}]'])
    assert [b.text for b in source.blocks] == ["Kept record."]
    assert [r.text for r in source.removals] == ['{"note": "Russian jets struck Idlib on 5 May."}']
    for depth in (500, 990, 1000, 5000):
        source = read_source("deep.json", ['{"items": [{"text": "A"}], "meta": ' + "[" * depth + "]" * depth + "}"])
        assert [b.text for b in source.blocks] == ["A"] or (source.metadata["format"] == "plain-text" and source.problems)


def test_a_headline_with_comments_or_views_in_it_is_not_a_dateline():
    from tools.readers.datelines import dateline

    assert dateline("Kremlin comments on Idlib, 12 February 2020") is None
    assert dateline("Russia shares views on Syria - 5 May 2016") is None
    assert dateline("5 May 2016 · 1 204 views").iso == "2016-05-05"


def test_a_comments_age_counts_from_the_day_the_page_was_saved():
    from tools.readers.datelines import Capture, age_stamp, capture_time

    top = ["Saved from: https://paper.example/2018/09/17/idlib-deal", "Snapshot taken: 20 Sep 2018 10:15 BST (text only)"]
    captured = capture_time(top)
    assert captured == Capture(PartialDate(2018, 9, 20), (10, 15))  # not the address's 17 September
    assert age_stamp("Y. Haddad · 2 days ago", captured).iso == "2018-09-18"
    assert age_stamp("bluefin — 20 hours ago", captured).iso == "2018-09-19"  # 14:15 the day before
    assert age_stamp("Y. Haddad · 3 weeks ago", captured) is None  # no day
    assert age_stamp("Moscow said two days ago that the talks would go on", captured) is None  # a sentence, not a stamp
    assert capture_time(["Putin and Erdogan met in Sochi on 17 September 2018."]) is None


def test_a_saved_pages_comments_are_dated_by_their_age_and_their_today_follows():
    from tools.pipeline import Paths, build_book

    page = "\n".join([
        "Snapshot taken: 20 Sep 2018 10:15 BST",
        "",
        "Published 19:48 GMT, 17 September 2018",
        "",
        "Russia and Turkey agreed a buffer zone in Idlib on Monday evening.",
        "",
        "Y. Haddad · 2 days ago",
        "Shoigu rang Lieberman today and told him the blame lies with Israel.",
        "",
        "Petr N · 1 day ago",
        "Putin said yesterday that a chain of tragic circumstances was to blame.",
        "",
    ])
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "page.txt").write_text(page, encoding="utf-8")
        book = build_book(Paths(seeds=Path(folder), data=ROOT / "docs" / "data"))
    dates = {passage.text.split()[0]: passage.date for passage in book.passages}
    assert dates["Shoigu"] == "2018-09-18" and dates["Putin"] == "2018-09-18"


def _book_of(name: str, text: str):
    """The book of one seed, converted by the pipeline as the build converts it."""
    import tempfile

    from tools.pipeline import Paths, build_book

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / name).write_text(text, encoding="utf-8")
        return build_book(Paths(seeds=Path(folder), data=ROOT / "docs" / "data"))


BLOG_ARCHIVE = """[Harbour Notes](/) · a reader's notebook

# Archive: posts tagged "Syria"

## The ship turns back

*Posted 20 June 2012 by kostya_v · Tags: Syria, shipping · [7 comments](#)*

The cargo ship came to a halt off Scotland on Monday after its insurer withdrew cover.

Yesterday the Foreign Secretary told the Commons that the ship had turned back.

---

## Two vetoes

*Posted 5 October 2011 by kostya_v · Tags: Syria, UN · [4 comments](#)*

Last night Russia and China vetoed the draft resolution on Syria.

---

*Harbour Notes is a personal notebook. Views are my own.*
"""


def test_a_blog_archives_posts_are_dated_by_the_stamp_under_each_heading():
    source = read_source("archive.md", BLOG_ARCHIVE.splitlines())
    assert [(block.kind, block.text[:22], block.item_date) for block in source.blocks if block.kind == "heading"] == [
        ("heading", "Archive: posts tagged ", None),  # a Markdown page: its headings are headings, not "## ..." text
        ("heading", "The ship turns back", "2012-06-20"),
        ("heading", "Two vetoes", "2011-10-05"),
    ]
    stamps = [removal for removal in source.removals if removal.reason.startswith("post stamp")]
    assert [removal.first_line for removal in stamps] == [7, 17]  # set aside, with their reason, in the account
    book = _book_of("archive.md", BLOG_ARCHIVE)
    dates = {passage.text.split()[0]: passage.date for passage in book.passages}
    assert dates["The"] == "2012-06-18" and dates["Yesterday"] == "2012-06-19" and dates["Last"] == "2011-10-04"
    assert dates["Harbour"] is None  # the page's footer, after the rule that ends the last post, is of no post


def test_a_stamp_is_a_dateline_with_short_labels_after_it_and_nothing_else_is():
    assert frontmatter.post_stamp("Posted 20 June 2012 by kostya_v · Tags: Syria · 7 comments") == "2012-06-20"
    assert frontmatter.post_stamp("Published: 3 March 2016 | Filed under Diplomacy") == "2016-03-03"
    assert frontmatter.post_stamp("By March 5, 2012 the rebels had lost most of Homs") is None  # prose, though it has no full stop
    assert frontmatter.post_stamp("Updated figures from 3 February 2012 and 4 February 2012") is None  # two days
    assert frontmatter.post_stamp("| 24 Nov 2015 | Su-24M | Latakia |") is None  # a table's row
    assert frontmatter.post_stamp("Published reports on 3 March 2016 said the convoy was hit. Others disagreed.") is None


def test_a_table_row_or_a_paragraph_of_two_lines_under_a_heading_is_no_stamp():
    table = "## Fixed-wing\n\n| Date | Type | Place |\n|---|---|---|\n| 24 Nov 2015 | Su-24M | Latakia |\n| 10 Oct 2016 | Su-24 | Hmeimim |\n\n## Helicopters\n\nNone were lost.\n"
    source = read_source("losses.md", table.splitlines())
    assert [(block.text, block.item_date) for block in source.blocks if "Su-24" in block.text] == [("24 Nov 2015 | Su-24M | Latakia", None), ("10 Oct 2016 | Su-24 | Hmeimim", None)]
    caption = "## The ship\n\n*Posted 20 June 2012 by kostya_v*\nPhoto: the Alaed off the coast of Scotland\n\nThe ship turned back.\n\n## Later\n\nMore.\n"
    source = read_source("post.md", caption.splitlines())
    assert not any(removal.reason.startswith("post stamp") for removal in source.removals)
    assert any("Alaed" in block.text for block in source.blocks)  # the caption stays text


MEETINGS = """LAW CLINIC -- SEMINAR READER

Unofficial summary record of selected meetings

=========================================================
MEETING OF WEDNESDAY, 30 SEPTEMBER 2015
Agenda item: countering the terrorist threat
---------------------------------------------------------

1. The PRESIDENT said the situation in the region had deteriorated further.

2. He recalled that the President, addressing the General Assembly on Monday, had called for a broad coalition.

3. His country was ready to forge channels of communication with the coalition.

4. Earlier the same day the upper house had voted to allow the use of the air force abroad.

=========================================================
7634th MEETING -- FRIDAY, 26 FEBRUARY 2016 (afternoon)
---------------------------------------------------------

5. The Council adopted resolution 2268, and the Special Envoy warned that Saturday would be a critical day.

COMPILER'S NOTE

6. Read together, these meetings show the file moving towards a shared text.
"""


def test_a_record_of_meetings_dates_what_each_heading_in_capitals_records_and_an_aside_does_not_carry_on():
    source = read_source("record.txt", MEETINGS.splitlines())
    assert [(block.text, block.item_date) for block in source.blocks if block.kind == "heading"] == [
        ("MEETING OF WEDNESDAY, 30 SEPTEMBER 2015", "2015-09-30"),
        ("7634th MEETING -- FRIDAY, 26 FEBRUARY 2016 (afternoon)", "2016-02-26"),
    ]
    dates = {passage.text.split()[0]: passage.date for passage in _book_of("record.txt", MEETINGS).passages}
    assert dates["1."] == "2015-09-30"
    assert dates["2."] == "2015-09-28"  # "on Monday": an aside, recalled ...
    assert dates["3."] == "2015-09-30"  # ... the record goes on with the meeting's day, not the Monday's
    assert dates["4."] == "2015-09-30"  # "the same day" is the meeting's
    assert dates["5."] == "2016-02-26"  # "Saturday would be a critical day": a day to come dates nothing
    assert dates["6."] is None  # under another heading in capitals, of no day


def test_a_single_dated_heading_in_capitals_or_a_lone_month_line_heads_no_section():
    from tools.readers.datelines import is_record_of_days

    assert not is_record_of_days(["MEETING OF FRIDAY, 26 FEBRUARY 2016", "The Council met."])  # one meeting is no record of days
    text = "EXAMPLE INSTITUTE PAPER\n\nFebruary 2026\n\nThe report reviews the aid crossings.\n\nOn 12 July the Council adopted a resolution.\n"
    source = read_source("paper.txt", text.splitlines())
    assert [block.kind for block in source.blocks] == ["paragraph"] * len(source.blocks)
    assert all(block.item_date is None for block in source.blocks)
    assert [(removal.first_line, removal.reason.split(":")[0]) for removal in source.removals if removal.text == "February 2026"] == [(3, "date line")]
    dates = {passage.text.split()[0]: passage.date for passage in _book_of("paper.txt", text).passages}
    assert dates["On"] is None  # the cover's month lends it no year


def test_headings_in_capitals_that_name_no_single_day_or_no_record_date_nothing():
    from tools.readers.datelines import capital_heading_date

    assert capital_heading_date("MEETING OF WEDNESDAY, 30 SEPTEMBER 2015") == "2015-09-30"
    assert capital_heading_date("THE 2nd TRUCE -- 12 SEPTEMBER 2016") is None  # a report's chapter, not a day's record
    assert capital_heading_date("WEEK OF 28 SEPTEMBER – 4 OCTOBER 2015") is None
    assert capital_heading_date("MEETING OF 26-27 FEBRUARY 2016") is None
    assert capital_heading_date("MOSCOW, 14 MARCH 2016") is None  # a dateline


def test_the_days_of_a_record_beat_the_date_its_page_was_published():
    record = MEETINGS + "\nPublished 12 March 2016\n"
    dates = {passage.text.split()[0]: passage.date for passage in _book_of("record.txt", record).passages}
    assert dates["1."] == "2015-09-30" and dates["5."] == "2016-02-26"


REPORT = """EXAMPLE INSTITUTE -- Occasional Paper

The authorisation was renewed every year until January 2020.4

____________________
1 Sputnik France, 13 December 2017; Interfax, 18 November 2016.
4 OCHA, cross-border operations fact sheet, 31 March 2020.

On 8 July 2022 Russia vetoed a twelve-month renewal; the mandate lapsed two days later.

On 12 July the Council adopted resolution 2642 by twelve votes to none.
"""


def test_a_reports_notes_are_set_aside_and_lend_no_date_to_its_text():
    source = read_source("paper.txt", REPORT.splitlines())
    assert source.kind == "document"  # not a digest whose datelines are the notes' citations
    notes = [removal for removal in source.removals if removal.reason.startswith("notes of the report")]
    assert [(removal.first_line, removal.last_line) for removal in notes] == [(6, 7)]
    dates = {passage.text.split()[1]: passage.date for passage in _book_of("paper.txt", REPORT).passages if passage.text.startswith("On ")}
    assert dates == {"8": "2022-07-08", "12": "2022-07-12"}  # the year from the text before, not from a note


def test_notes_apart_from_one_another_and_text_right_under_them_are_told_apart():
    spaced = REPORT.replace("1 Sputnik France, 13 December 2017; Interfax, 18 November 2016.\n4 OCHA", "1 Sputnik France, 13 December 2017; Interfax, 18 November 2016.\n\n4 OCHA")
    source = read_source("paper.txt", spaced.splitlines())
    assert [(removal.first_line, removal.last_line) for removal in source.removals if removal.reason.startswith("notes")] == [(6, 6), (8, 8)]
    glued = REPORT.replace("2020.\n\nOn 8 July", "2020.\nOn 8 July")
    source = read_source("paper.txt", glued.splitlines())
    assert any(block.text.startswith("On 8 July 2022") for block in source.blocks)  # the text under the notes stays text
    newsletter = "Weekly letter\n\nThe crossings stayed open.\n\n______________________________\n3 convoys crossed at Bab al-Hawa on Tuesday, the UN said.\n"
    source = read_source("letter.txt", newsletter.splitlines())
    assert any(block.text.startswith("3 convoys") for block in source.blocks)  # no note is marked in the text above: not notes


def test_a_line_citing_two_sources_with_their_days_is_no_dateline_but_a_revision_note_is_allowed():
    from tools.readers.datelines import dateline

    assert dateline("1 Sputnik France, 13 December 2017; Interfax, 18 November 2016.") is None
    assert dateline("MOSCOW, 13 December 2017; Interfax, 18 November 2016") is None
    assert dateline("10 Downing Street, 13 December 2017").iso == "2017-12-13"
    for line in [
        "Friday 23 December 2016, 16:40 CET | Updated Saturday 24 December 2016, 09:05 CET",
        "Published 23 December 2016 · Modified 24 December 2016",
        "Published 23 December 2016. Updated 24 December 2016",
        "DAMASCUS, 23 December 2016 / Revised 24 December 2016",
    ]:
        assert dateline(line).iso == "2016-12-23", line


ONE_EVENT = """---
title: "Evacuation of the enclave"
---

The evacuation of the enclave took fighters and civilians out of the last districts, beginning on 15 December 2016.

## Agreement

On 13 December a ceasefire was agreed for the remaining enclave.

The next day the first convoy was forced back.
"""


def test_a_day_without_a_year_opening_a_section_takes_the_year_the_article_has_been_telling_of():
    dates = {passage.text.split()[1]: passage.date for passage in _book_of("event.md", ONE_EVENT).passages}
    assert dates["13"] == "2016-12-13" and dates["next"] == "2016-12-14"


def test_a_day_without_a_year_far_from_the_days_the_source_told_takes_no_year_from_them():
    text = "---\ntitle: A diplomat\n---\n\nThe diplomat was born in Moscow on 4 May 1953.\n\n## Syria\n\nOn 30 September Russia began its air campaign.\n"
    dates = {passage.text.split()[1]: passage.date for passage in _book_of("bio.md", text).passages}
    assert dates["30"] is None  # not 1953


NOTEBOOK = """# Notebook: truce, talks, pullout (2016)

Working notes.

## Sat 27 Feb

- Truce in force from today.

## 6/3

- Aid delivered to a village in Latakia province.

### 14.03 — Geneva

- Talks open again at the UN.
- That evening the Kremlin ordered the main force home.
- Tomorrow: the opposition's reaction.

## Tue 15 March

- The first group of aircraft took off in the morning.
"""


def test_a_notebooks_headings_of_days_without_a_year_date_what_is_under_them():
    source = read_source("notebook.md", NOTEBOOK.splitlines())
    assert [(block.text[:22], block.item_date) for block in source.blocks if block.kind != "heading"] == [
        ("Working notes.", None),
        ("Truce in force from to", "2016-02-27"),
        ("Aid delivered to a vil", "2016-03-06"),  # "14.03" settles the order: day first
        ("Talks open again at th", "2016-03-14"),
        ("That evening the Kreml", "2016-03-14"),
        ("Tomorrow: the oppositi", "2016-03-14"),
        ("The first group of air", "2016-03-15"),
    ]
    dates = {passage.text.split()[0]: passage.date for passage in _book_of("notebook.md", NOTEBOOK).passages}
    assert dates["Truce"] == "2016-02-27" and dates["That"] == "2016-03-14" and dates["Tomorrow:"] == "2016-03-14"


US_LETTER = """THE EXAMPLE LEVANT LETTER
Washington desk. Dates in this letter are written month/day/year, as in Washington.

Issue of 01/06/2017
1. The chief of the General Staff said today that forces in Syria were being cut.

Issue of 04/07/2017
1. Two destroyers fired 59 missiles at an air base near Homs late Thursday.
"""


def test_a_seed_that_writes_its_dates_month_first_is_read_so_throughout():
    from tools.datefinder import writes_month_first

    assert writes_month_first(US_LETTER.splitlines())
    assert writes_month_first(["Signed 09/30/2015.", "Met 10/25/2015.", "Filed 04/07/2017."])  # dates only month first can read
    assert not writes_month_first(["MOSCOW, 04/07/2017.", "A Pentagon statement of 09/30/2015 is quoted."])  # one, quoted, is not the seed's habit
    assert not writes_month_first(["Applicants enter their date of birth as mm/dd/yyyy on the form."])  # a form's instruction
    assert not writes_month_first(["Unlike US sources, we do not write dates month/day/year."])
    assert not writes_month_first(["See /archive/12/25/2015/story and /archive/12/26/2015/story."])  # figures of an address
    assert not writes_month_first(["Signed 14/03/2016.", "Filed 04/07/2017."])
    dates = {passage.text.split()[1]: passage.date for passage in _book_of("letter.txt", US_LETTER).passages}
    assert dates["The"] == "2017-01-06" and dates["Two"] == "2017-04-06"  # 6 January; "late Thursday" before the issue of 7 April
    from tools.datefinder import slashes_month_first
    from tools.readers.datelines import dateline

    with slashes_month_first(True):  # a dateline only dateparser reads follows the seed's order too
        assert dateline("Friday, 04-07-2017").iso == "2017-04-07"
    assert dateline("Friday, 04-07-2017").iso == "2017-07-04"
    european = US_LETTER.replace("Dates in this letter are written month/day/year, as in Washington.", "Our desk.")
    dates = {passage.text.split()[1]: passage.date for passage in _book_of("letter.txt", european).passages}
    assert dates["The"] == "2017-06-01"  # without a word or a figure to say so, day first


def test_numbered_sections_are_no_days_and_a_weekday_must_fit_its_day():
    report = "# Russian air power in Syria, 2016\n\n## 1.1 — Scope\n\nThe scope.\n\n## 2.13 — Sortie rates\n\nThe rates.\n\n## 3.20 — Basing\n\nThe bases.\n"
    assert all(block.item_date is None for block in read_source("report.md", report.splitlines()).blocks)
    wrong_weekday = NOTEBOOK.replace("## Sat 27 Feb", "## Mon 27 Feb")  # 27 February 2016 was a Saturday
    blocks = read_source("notebook.md", wrong_weekday.splitlines()).blocks
    assert next(block for block in blocks if block.text.startswith("Truce")).item_date is None


def test_wrapped_notes_go_with_their_note_and_a_numbered_sentence_after_them_stays_text():
    text = REPORT.replace(
        "1 Sputnik France, 13 December 2017; Interfax, 18 November 2016.\n4 OCHA, cross-border operations fact sheet, 31 March 2020.\n",
        "1 Sputnik France, 13 December 2017; Interfax,\nquoted by TASS, 14 December 2017.\n4 OCHA, cross-border operations fact sheet, 31 March 2020.\n\n12 Su-24 bombers left Hmeimim on 14 March 2016, the ministry said.\n",
    )
    source = read_source("paper.txt", text.splitlines())
    assert [(removal.first_line, removal.last_line) for removal in source.removals if removal.reason.startswith("notes")] == [(6, 8)]
    assert any(block.text.startswith("12 Su-24 bombers") for block in source.blocks)


def test_the_running_year_reaches_into_its_own_year_and_back_over_new_year():
    from tools.dating import _near_running

    assert _near_running(PartialDate(None, 6, 30), PartialDate(2015)) == PartialDate(2015, 6, 30)
    assert _near_running(PartialDate(None, 12, 28), PartialDate(2016, 1, 3)) == PartialDate(2015, 12, 28)
    assert _near_running(PartialDate(None, 6, 30), PartialDate(2016, 1, 3)) is None


def test_only_a_forward_gives_a_post_another_day_and_only_an_empty_event_cell_falls_back_to_the_report():
    shared = '{"date": "2016-03-14T10:00:00Z", "shared_by": {"username": "k", "created_at": "2010-05-01"}, "text": "Jets left Hmeimim."}'
    other = '{"date": "2016-03-15T10:00:00Z", "text": "More jets left."}'
    assert [block.item_date for block in read_source("posts.jsonl", [shared, other]).blocks] == ["2016-03-14", "2016-03-15"]
    table = ["id;date_reported;event_date;summary", "1;05/01/2018;2015-09-30/2017-12-11;The air campaign ran from 2015 to 2017."]
    assert [block.item_date for block in read_source("log.csv", table).blocks] == [None]  # a span is no event day, and the report's day is not it either
