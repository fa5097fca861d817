"""Web pages saved as HTML: the article's text with its lines, the page around it set aside."""

from collections import Counter

from tools.account import account
from tools.model import Passage
from tools.readers import choose_reader, plain, read_source, web_page

from conftest import dedent


def lines(text: str) -> list[str]:
    return dedent(text).split("\n")


NEWS_PAGE = lines(
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <title>Russian jets over Palmyra | Levant Daily</title>
    <meta property="article:published_time" content="2016-03-25T09:30:00+03:00">
    <style>.lead{font-weight:bold}</style>
    <script>window.dataLayer = [];</script>
    </head>
    <body>
    <div class="cookie-banner">We use cookies to improve the site. <button>Accept</button></div>
    <header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
    <main>
    <article>
    <header>
    <h1>Russian jets over Palmyra</h1>
    <p class="byline">By Jane Roe</p>
    <time datetime="2016-03-25T09:30">25 March 2016</time>
    </header>
    <p>Russian aircraft flew more than 40 sorties near Palmyra on Thursday,
    the defence ministry said &mdash; the most in a single day.</p>
    <figure><img src="jet.jpg" alt=""><figcaption>A jet at Hmeimim. Photo: Agency</figcaption></figure>
    <p>Syrian troops entered the city&rsquo;s northern districts.</p>
    <aside class="read-also"><a href="/x">24.03.2016 The Palmyra offensive</a></aside>
    <div class="share-buttons"><a href="#">Share on X</a></div>
    </article>
    </main>
    <footer>&copy; 2016 Levant Daily</footer>
    </body>
    </html>
    """
)


def reason_of(source, text: str) -> str:
    """Why the reader set aside the removal holding that text (runs of one reason are merged)."""
    return next(removal.reason for removal in source.removals if text in removal.text)


def passages_of(source) -> list[Passage]:
    return [Passage(id=str(n), source=source.file, first_line=b.first_line, last_line=b.last_line, text=b.text) for n, b in enumerate(source.blocks) if b.kind != "heading"]


def test_a_saved_news_page_gives_its_title_date_author_and_the_article_paragraphs_on_their_lines():
    assert choose_reader(NEWS_PAGE, "page.html") is web_page
    source = read_source("page.html", NEWS_PAGE)
    assert source.title == "Russian jets over Palmyra"  # the headline, not the <title> with the site's name
    assert source.metadata == {"format": "web-page", "published": "2016-03-25", "author": "Jane Roe", "dated_by": "publication"}
    assert [(b.kind, b.text, b.first_line, b.last_line, b.item_date) for b in source.blocks] == [
        ("paragraph", "Russian aircraft flew more than 40 sorties near Palmyra on Thursday, the defence ministry said — the most in a single day.", 19, 20, "2016-03-25"),
        ("paragraph", "Syrian troops entered the city’s northern districts.", 22, 22, "2016-03-25"),
    ]


def test_everything_around_the_article_is_set_aside_with_its_reason_and_every_character_is_accounted_for():
    source = read_source("page.html", NEWS_PAGE)
    reasons = {text: reason_of(source, text) for text in (
        "We use cookies to improve the site.", "Home", "World", "A jet at Hmeimim. Photo: Agency", "24.03.2016 The Palmyra offensive", "Share on X",
        "© 2016 Levant Daily", "window.dataLayer = [];", ".lead{font-weight:bold}", "By Jane Roe", "25 March 2016")}
    assert reasons["We use cookies to improve the site."] == "cookie notice"
    assert reasons["Home"] == reasons["World"] == "navigation menu"
    assert reasons["A jet at Hmeimim. Photo: Agency"].startswith("figure caption")
    assert reasons["24.03.2016 The Palmyra offensive"] == "aside: boxes and links beside the text"  # a teaser's date dates nothing
    assert reasons["Share on X"] == "share buttons"
    assert reasons["© 2016 Levant Daily"] == "page footer"
    assert reasons["window.dataLayer = [];"] == reasons[".lead{font-weight:bold}"] == "script or style: code, not text"
    assert reasons["By Jane Roe"].startswith("byline") and reasons["25 March 2016"].startswith("time stamp")
    assert ("Russian jets over Palmyra", "title: used as the source's title") in [(r.text, r.reason) for r in source.removals]
    assert account(source, passages_of(source), NEWS_PAGE) == (Counter(), Counter())  # nothing lost, nothing added


def test_a_live_blog_dates_each_update_by_its_own_time_and_a_date_inside_a_sentence_dates_nothing():
    page = lines(
        """
        <html><head><meta property="article:published_time" content="2024-12-08T06:00:00Z"></head><body>
        <main><h1>Syria live</h1>
        <div class="update"><p class="stamp"><time datetime="2024-12-08T14:05+02:00">14:05</time></p>
        <p>Russian aircraft left Hmeimim this afternoon.</p></div>
        <div class="update"><time datetime="2024-12-07T21:40+02:00">21:40 yesterday</time>
        <p>The Kremlin said it was following events, as it had since <time datetime="2024-11-27">27 November</time>, when the offensive began.</p></div>
        </main></body></html>
        """
    )
    source = read_source("live.html", page)
    assert [(b.text[:25], b.item_date) for b in source.blocks] == [
        ("Russian aircraft left Hme", "2024-12-08"),
        ("The Kremlin said it was f", "2024-12-07"),  # not 27 November: that date is part of the sentence
    ]
    assert "dated_by" not in source.metadata  # updates of different days: news items, not one article's text


def test_the_article_is_the_one_with_the_text_when_teasers_are_articles_too_and_json_ld_gives_its_date():
    page = lines(
        """
        <html><head><script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
        "datePublished": "2019-10-23T10:00:00+03:00", "author": {"@type": "Person", "name": "Ayla Demir"}}</script></head><body>
        <article><h1>Sochi memorandum signed</h1><p>Russia and Turkey agreed in Sochi on Tuesday that Russian military police would enter the border strip.</p>
        <p>Kurdish forces are to withdraw within 150 hours.</p></article>
        <section><article><h3>Earlier</h3><p>Teaser text.</p></article><article><p>Another teaser.</p></article></section>
        </body></html>
        """
    )
    source = read_source("sochi.html", page)
    assert source.metadata["published"] == "2019-10-23" and source.metadata["author"] == "Ayla Demir"
    assert [b.text[:20] for b in source.blocks] == ["Russia and Turkey ag", "Kurdish forces are t"]
    assert reason_of(source, "Teaser text.") == "page outside the main text: site header, menus, sidebars and links"


def test_an_encyclopedia_page_has_no_publication_date_and_its_infobox_rows_and_sections_are_read():
    page = lines(
        """
        <!DOCTYPE html><html><head><meta name="generator" content="MediaWiki 1.41">
        <script type="application/ld+json">{"@type": "Article", "datePublished": "2016-12-13T10:00:00Z"}</script></head>
        <body><h1 id="firstHeading">Evacuation of eastern Aleppo</h1>
        <div id="mw-content-text">
        <div role="note" class="hatnote">For the battle, see Battle of Aleppo.</div>
        <table class="infobox"><tr><th>Date</th><td>15&ndash;22 December 2016</td></tr><tr><th>Location</th><td>Aleppo</td></tr></table>
        <p>The evacuation began on 15 December 2016.</p>
        <h2>Background</h2>
        <p>Rebels had held the east since 2012.</p>
        <ol class="references"><li>Report, 16 December 2016.</li></ol>
        </div>
        <div id="catlinks">Categories: 2016 in Syria</div>
        </body></html>
        """
    )
    source = read_source("aleppo.html", page)
    assert source.title == "Evacuation of eastern Aleppo" and "published" not in source.metadata  # the wiki page's creation is not the text's date
    assert [(b.kind, b.text, b.item_date) for b in source.blocks] == [
        ("paragraph", "Date | 15–22 December 2016", None),
        ("paragraph", "Location | Aleppo", None),
        ("paragraph", "The evacuation began on 15 December 2016.", None),
        ("heading", "Background", None),
        ("paragraph", "Rebels had held the east since 2012.", None),
    ]
    assert reason_of(source, "For the battle, see Battle of Aleppo.").startswith("hatnote")
    assert reason_of(source, "Report, 16 December 2016.") == "references list"
    assert reason_of(source, "Categories: 2016 in Syria") == "categories"
    assert account(source, passages_of(source), page) == (Counter(), Counter())


def test_markup_as_real_sites_write_it_is_read_as_a_browser_shows_it():
    page = lines(
        """
        <html><body><div id="content">
        <p>MOSCOW, 14 March. /Agency/. Vladimir Putin ordered the withdrawal of the main part
        of the Russian group from Syria.<p>The order takes effect on Tuesday.</span>
        <div>Text written straight into a div<br>over two lines<br><br>and a paragraph after a double break.</div>
        Hmei<b>mim</b> and Tartus &amp; their work will go on.
        </div></body></html>
        """
    )
    source = read_source("tass.html", page)
    assert [(b.text, b.first_line, b.last_line) for b in source.blocks] == [
        ("MOSCOW, 14 March. /Agency/. Vladimir Putin ordered the withdrawal of the main part of the Russian group from Syria.", 2, 3),
        ("The order takes effect on Tuesday.", 3, 3),  # an unclosed <p> ends where the next one starts; a stray </span> is ignored
        ("Text written straight into a div over two lines", 4, 4),
        ("and a paragraph after a double break.", 4, 4),
        ("Hmeimim and Tartus & their work will go on.", 5, 5),  # inline markup joins a word, it does not split it
    ]
    assert account(source, passages_of(source), page) == (Counter(), Counter())


def test_a_page_nested_thousands_deep_or_not_html_at_all_is_still_read():
    deep = ["<html><body>" + "<div>" * 20000 + "<p>Deep text.</p>" + "</div>" * 20000 + "</body></html>"]
    assert [b.text for b in read_source("deep.html", deep).blocks] == ["Deep text."]
    not_html = ["Notes on the Astana talks, kept as text.", "", "Kazakhstan hosted the first round in January 2017."]
    assert choose_reader(not_html, "notes.html") is plain
    assert choose_reader(NEWS_PAGE, "page.txt") is not web_page  # only a file named .html is read as a page


def test_a_page_seed_joins_the_book_and_its_text_is_shown_as_text(tmp_path):
    from conftest import make_project
    from tools.addresses import Addresses
    from tools.book import make_book

    page = "\n".join(NEWS_PAGE).replace("the most in a single day.", "said {raw}`html` and &lt;b&gt;bold&lt;/b&gt; on 24 March.")
    made = make_book(make_project(tmp_path / "book", {"levant.html": page + "\n"}))
    passages = [p for p in made.book.passages if p.source == "levant.html"]
    assert passages[0].text.endswith("said {raw}`html` and <b>bold</b> on 24 March.") and passages[0].first_line == 19
    rendered = made.pages[f"{Addresses(made.book).page_of(passages[0])}.md"]
    assert "{raw}`html`" not in rendered and "<b>bold</b>" not in rendered  # escaped: never a role, never HTML


def test_a_page_that_declares_no_date_is_dated_by_a_date_line_on_top_of_its_text():
    page = lines(
        """
        <html><body><div id="content"><h1>Humanitarian convoy reaches Deir ez-Zor</h1>
        <div class="stamp">13.09.2017 08:15</div>
        <p>The convoy arrived yesterday, the Reconciliation Centre said.</p>
        </div></body></html>
        """
    )
    source = read_source("convoy.html", page)
    assert source.metadata["published"] == "2017-09-13"
    assert [(b.text, b.item_date) for b in source.blocks] == [("The convoy arrived yesterday, the Reconciliation Centre said.", "2017-09-13")]
    assert reason_of(source, "13.09.2017 08:15").startswith("date line")


def test_a_date_in_a_short_sentence_is_text_and_the_declared_date_beats_an_updated_stamp():
    page = lines(
        """
        <html><head><meta name="date" content="2024-05-01"><meta property="article:published_time" content="2016-03-25"></head><body><article>
        <p class="updated">Updated <time datetime="2016-03-27">27 March</time></p>
        <p>Putin landed at Hmeimim on <time datetime="2017-12-11">Monday</time>.</p>
        <section class="comments"><div itemprop="comment"><meta itemprop="datePublished" content="2016-04-02"><p>A reader's view.</p></div></section>
        </article></body></html>
        """
    )
    source = read_source("visit.html", page)
    assert source.metadata["published"] == "2016-03-25"  # the most specific name, not a bare "date", nor a comment's
    assert [(b.text, b.item_date) for b in source.blocks] == [("Putin landed at Hmeimim on Monday.", "2016-03-25")]


def test_the_head_ends_where_the_page_begins_and_a_wrapper_named_like_furniture_is_still_the_text():
    unclosed = ["<!DOCTYPE html><html><head><title>R</title>", "<h1>Russian jets over Idlib</h1>", "<p>Russian aircraft struck Idlib.</p></html>"]
    assert [b.text for b in read_source("r.html", unclosed).blocks] == ["Russian aircraft struck Idlib."]
    wrapped = ['<html><body class="right-sidebar"><main><div class="layout has-sidebar"><article>', "<p>The first paragraph of the report, long enough to be the text.</p>",
               '</article><aside class="sidebar">Recent posts</aside></div></main></body></html>']
    source = read_source("w.html", wrapped)
    assert [b.text for b in source.blocks] == ["The first paragraph of the report, long enough to be the text."]
    assert reason_of(source, "Recent posts").startswith("aside")


def test_a_timeline_page_takes_no_publication_date_from_its_first_entry_and_each_day_heads_its_entry():
    page = ["<html><body><main><h1>Russia in Syria: a timeline</h1><dl>", "<dt>30 September 2015</dt><dd>Russian aircraft begin strikes near Homs.</dd>",
            "<dt>24 November 2015</dt>", "<dd>Turkey shoots down a Su-24.</dd><dd>Its pilot is killed.</dd>", "<dt>Undated</dt>", "</dl></main></body></html>"]
    source = read_source("timeline.html", page)
    assert "published" not in source.metadata
    assert [(b.text, b.first_line, b.last_line) for b in source.blocks] == [
        ("30 September 2015 Russian aircraft begin strikes near Homs.", 2, 2),
        ("24 November 2015 Turkey shoots down a Su-24.", 3, 4),  # a term and its description are one entry
        ("Its pilot is killed.", 4, 4),
        ("Undated", 5, 5),
    ]
    assert account(source, passages_of(source), page) == (Counter(), Counter())


def test_hostile_pages_are_read_whole():
    # Each of these took minutes when a cost grew with the square of the page (or, for the
    # comments, exponentially). No test times them: these only show that they are read whole.
    comments = ["<!-- c -->"] * 40 + ["<link rel=stylesheet href=a.css>", "<p>T</p>"]
    assert choose_reader(comments, "c.html") is web_page  # no pattern that backtracks over the comments
    stamps = ["<html><body><article><p>" + "<time datetime='2020-01-01'>x</time> " * 5000 + "</p></article></body></html>"]
    outside = ["<html><body><main><p>x</p></main>" + "<div>t " * 5000 + "</div>" * 5000 + "</body></html>"]
    for page in (stamps, outside):
        assert read_source("h.html", page).blocks


def test_a_page_with_no_text_says_so():
    source = read_source("empty.html", ["<!DOCTYPE html><html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>"])
    assert source.blocks == [] and [(p.line, p.severity) for p in source.problems] == [(1, "notice")] and "no text" in source.problems[0].reason
