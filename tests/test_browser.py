"""The book in a real browser, as a reader would use it (Playwright driving the system's Chromium,
the shared real build served on 127.0.0.1): search that finds the entry, landing on a passage,
the page contents, definitions on a phone, "Cite this passage", no sideways scrolling on a phone,
and no critical or serious accessibility violation (axe-core, shipped in axe-playwright-python)."""

import json
import re

import pytest

pytestmark = pytest.mark.build

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PERIOD = "periods/2015-2016-intervention.html"
PAGES = {
    "home": "index.html",
    "period": PERIOD,
    "theme": "themes/bases.html",
    "glossary": "glossary.html",
    "source": "sources/002-daf0165851d5fb7a.html",
    "search": "search.html?q=Hmeimim",
}
TERM_LINK = 'article a.reference.internal[href*="glossary.html#term-"]'


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP)
    opened = context.new_page()
    errors = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert errors == []


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, device_scale_factor=2)
    opened = context.new_page()
    yield opened
    context.close()


def search(page, served, query):
    """The results of a search (title, address), in order, and the site's files it fetched."""
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(f"{served}/search.html?q={query}")
    page.wait_for_function("document.querySelector('#search-results .search-summary')?.textContent.length > 0", timeout=20_000)
    page.wait_for_load_state("networkidle")
    results = page.eval_on_selector_all("ul.search > li > a", "links => links.map(a => [a.textContent, a.getAttribute('href')])")
    return results, fetched


@pytest.mark.parametrize(
    "query, entry",
    [
        ("Hmeimim", "Khmeimim Air Base"),
        ("Khmeimim", "Khmeimim Air Base"),
        ("Tartous", "Tartus"),
        ("Wagner", "Wagner Group"),
        ("Su-24", "Su-24"),
        ("chemical", "Douma chemical attack|Ghouta chemical attack|Khan Shaykhun chemical attack|Khan al-Assal chemical attack"),
        ('"chemical attack"', "Douma chemical attack|Ghouta chemical attack|Khan Shaykhun chemical attack"),
    ],
)
def test_search_finds_the_entry_in_the_top_three_under_its_canonical_name(page, served, query, entry):
    results, fetched = search(page, served, query)
    top = [title for title, _ in results[:3]]
    assert any(re.fullmatch(entry, title) for title in top), results[:5]
    titles = [title for title, href in results if "glossary.html#term-" in href]
    assert len(titles) == len(set(titles)) and "Glossary" not in titles  # each entry once, by its name
    # Snippets come from light texts: no page is downloaded whole.
    assert [url for url in fetched if re.search(r"\.html(\?|#|$)", url) and "/search.html" not in url] == []


def test_a_hyphenated_name_is_highlighted_whole_and_results_land_on_the_passage(page, served):
    results, _ = search(page, served, "Su-24")
    assert page.evaluate("localStorage.getItem('sphinx_highlight_terms')") == "su-24"
    marked = page.eval_on_selector_all("ul.search .highlighted", "spans => spans.map(s => s.textContent.toLowerCase())")
    assert marked and set(marked) <= {"su-24"}
    snippets = page.eval_on_selector_all("ul.search p.context", "ps => ps.map(p => p.textContent)")
    assert snippets and not [text for text in snippets if "themes:" in text or text.startswith("encyclopedia")]
    assert [href for _, href in results if re.search(r"periods/[^#]+#p-", href)]  # a passage, not only its page


def test_the_page_a_result_leads_to_marks_the_search_words_whole(page, served):
    page.goto(f"{served}/glossary.html?highlight=air+su-24")
    page.wait_for_selector("span.highlighted")
    marked = page.eval_on_selector_all("span.highlighted", "spans => spans.map(s => s.textContent.toLowerCase())")
    assert set(marked) <= {"air", "su-24"} and "su-24" in marked
    words = page.eval_on_selector_all("span.highlighted", "spans => spans.map(s => (s.previousSibling?.textContent.slice(-1) || ' ') + (s.nextSibling?.textContent[0] || ' '))")
    assert not [pair for pair in words if re.search(r"\w", pair)]  # never inside a word ("chaired", "Su-24M")


def test_landing_on_a_passage_from_a_theme_is_immediate_and_marked(page, served):
    page.goto(f"{served}/themes/bases.html")
    link = page.locator('article li a[href*="periods/"][href*="#p-"]').nth(5)
    target = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(re.compile(f"#{target}$"))
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    box = page.locator(f"#{target}").bounding_box()
    assert 0 <= box["y"] < DESKTOP["height"] / 2  # already there: no smooth scroll on arrival
    marked = page.evaluate(f"getComputedStyle(document.getElementById('{target}')).outlineStyle")
    assert marked != "none"


def test_an_address_made_before_a_chapter_was_split_still_lands_on_its_passage(page, served, real_site):
    """The undated chapter is longer than a page (chapters.yaml's page size): it is split by
    source, and `periods/undated.html#<passage>`, its passages' address before the split, leads
    to the page that holds the passage."""
    moved = json.loads((real_site / "_static" / "moved" / "periods-undated.json").read_text(encoding="utf-8"))
    target, where = next((name, page_name) for name, page_name in sorted(moved.items()) if name.startswith("p-"))
    page.goto(f"{served}/periods/undated.html#{target}")
    page.wait_for_url(f"{served}/{where}#{target}")
    assert page.locator(f"#{target}").is_visible()


def test_a_period_chapter_lists_its_months_in_the_page_contents(page, served):
    page.goto(f"{served}/{PERIOD}")
    months = page.eval_on_selector_all(".toc-tree a", "links => links.map(a => a.textContent)")
    assert {"October 2015", "November 2015", "February 2016"} <= set(months)
    assert page.locator(".toc-drawer").is_visible()


def test_a_passage_has_a_permalink_and_a_citation_in_plain_text_and_bibtex(page, served):
    page.goto(f"{served}/{PERIOD}")
    passage = page.locator("blockquote.passage").nth(2)
    pid = passage.get_attribute("id")
    assert passage.locator("a.passage-link").get_attribute("href") == f"#{pid}"
    passage.locator("button.passage-cite-button").click()
    plain = passage.locator("textarea").first
    plain.wait_for(state="visible")
    text = plain.input_value()
    assert "Russia in Syria: an annotated reference" in text and f"{PERIOD}#{pid}" in text
    assert re.search(r"quoted from “[^”]+”.*, lines? \d+", text)
    bibtex = passage.locator("textarea").nth(1).input_value()
    assert bibtex.startswith(f"@misc{{{pid},") and f"url = {{{served}/{PERIOD}#{pid}}}" in bibtex


def test_a_hovered_tip_can_itself_be_hovered_and_never_covers_the_line_of_its_link(page, served):
    page.goto(f"{served}/{PERIOD}")
    link = page.locator(TERM_LINK).nth(4)
    link.scroll_into_view_if_needed()
    link.hover()
    tip = page.locator(".glossary-tip")
    tip.wait_for(state="visible")
    tip_box, link_box = tip.bounding_box(), link.bounding_box()
    assert tip_box["y"] + tip_box["height"] <= link_box["y"] or tip_box["y"] >= link_box["y"] + link_box["height"]
    page.mouse.move(tip_box["x"] + 10, tip_box["y"] + tip_box["height"] / 2, steps=8)
    page.wait_for_timeout(800)
    assert tip.is_visible()  # WCAG 1.4.13: hoverable
    page.keyboard.press("Escape")
    tip.wait_for(state="detached")


def test_on_a_phone_a_tap_on_a_term_shows_its_definition_first_then_leads_to_the_entry(phone, served):
    phone.goto(f"{served}/{PERIOD}")
    link = phone.locator(TERM_LINK).nth(3)
    link.scroll_into_view_if_needed()
    link.tap()
    tip = phone.locator(".glossary-tip")
    tip.wait_for(state="visible")
    assert phone.url.endswith(PERIOD)  # the definition, not a jump to the glossary
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    entry = tip.locator("a.glossary-tip-entry")
    assert entry.get_attribute("href").split("#")[1] == link.get_attribute("href").split("#")[1]
    link.tap()  # a second tap follows the link
    phone.wait_for_url(re.compile(r"glossary\.html#term-"))


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_page_scrolls_sideways_on_a_phone(phone, served, name):
    phone.goto(f"{served}/{PAGES[name]}")
    phone.wait_for_load_state("networkidle")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_page_has_a_critical_or_serious_accessibility_violation(page, served, name):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(f"{served}/{PAGES[name]}")
    page.wait_for_load_state("networkidle")
    violations = Axe().run(page).response["violations"]
    found = [(v["id"], v["impact"], [node["target"] for node in v["nodes"][:3]]) for v in violations if v["impact"] in ("critical", "serious")]
    assert found == []
