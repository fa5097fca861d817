"""Pages that stay light: a chapter, the chronology, a glossary category's page of mentions or
the conversion report that holds more than a page's worth is split into pages whose names come
from dates, slugs and letters, and nothing is lost on the way (the real seeds, in-process)."""

import json

import pytest

from conftest import make_project
from tools import myst
from tools.addresses import Addresses, leaf_parts, line_ranges
from tools.generated import is_generated_page
from tools.glossary import anchor_id
from tools.addresses import entry_anchor
from tools.book import make_book
from tools.pages import report
from tools.pages.common import PageContext


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    return make_book(make_project(tmp_path_factory.mktemp("real") / "book", real_seeds=True))


def test_every_passage_is_on_exactly_one_page_and_its_address_names_that_page(real):
    held = {}
    for name, text in real.pages.items():
        if name.startswith("periods/") and name.endswith(".md"):
            for passage in real.book.passages:
                if "{#" + passage.id + " " in text:
                    held.setdefault(passage.id, []).append(name.removesuffix(".md"))
    addresses = Addresses(real.book)
    assert {pid: pages for pid, pages in held.items() if len(pages) != 1} == {}
    assert {p.id: held.get(p.id, [None])[0] for p in real.book.passages} == {p.id: addresses.page_of(p) for p in real.book.passages}


def test_the_long_undated_chapter_is_split_by_source_and_its_old_addresses_are_mapped(real):
    addresses = Addresses(real.book)
    parts = addresses.period_parts["undated"]
    assert len(parts) > 1 and all(part.page.startswith("periods/undated/") and part.source for part in parts)
    moved = json.loads(real.pages["_generated/static/moved/periods-undated.json"])
    for part in leaf_parts(parts):  # a source with more undated passages than a page: runs of its lines
        for passage in part.passages:
            assert moved[passage.id] == f"{part.page}.html" == f"{addresses.page_of(passage)}.html"
            assert part.page.startswith(f"periods/undated/{addresses.views[passage.source].slug}")
    assert "book-moved: moved/periods-undated.json" in real.pages["periods/undated.md"].split("---")[1]


def test_the_chronology_past_its_page_size_has_a_page_per_period_and_each_event_one_line(real):
    assert len(real.book.events) > real.book.chapters.page_size.events
    lines = sum(1 for name, text in real.pages.items() if name.startswith("periods/chronology/") for line in text.splitlines() if line.startswith("| ") and not line.startswith("| Date |"))
    assert lines == len(real.book.events)
    moved = json.loads(real.pages["_generated/static/moved/periods-chronology.json"])
    assert set(moved) == {Addresses(real.book).chronology_anchor(event.date) for event in real.book.events}


def test_a_long_conversion_report_gives_each_source_a_page(real, monkeypatch):
    monkeypatch.setattr(report, "REPORT_ROWS", 1)
    pages = report.pages(PageContext(real.book, Addresses(real.book)))
    slugs = {Addresses(real.book).views[source.file].slug for source in real.book.sources}
    assert {name for name in pages if name != "conversion-report.md"} == {f"conversion-report/{slug}.md" for slug in slugs}
    for source in real.book.sources:
        slug = Addresses(real.book).views[source.file].slug
        assert f"{len(source.removals)} removals" in pages[f"conversion-report/{slug}.md"]
        assert f"<conversion-report/{slug}>" in pages["conversion-report.md"]


def with_page_size(project, **size) -> object:
    """The project with chapters.yaml's `pages:` replaced by these sizes (the others default)."""
    path = project / "docs" / "data" / "chapters.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("\npages:")] + "\npages: {" + ", ".join(f"{key}: {value}" for key, value in size.items()) + "}\n", encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def small_pages(tmp_path_factory):
    """The real seeds with small pages: 400 lines per source viewer page, 30 events per chronology
    page, 100 glossary entries per page."""
    project = with_page_size(make_project(tmp_path_factory.mktemp("small") / "book", real_seeds=True), viewer_lines=400, events=30, glossary_entries=100)
    return make_book(project)


# --- the source viewers ---------------------------------------------------------------------------


def test_lines_are_cut_into_ranges_of_at_most_a_page_and_a_line_is_never_cut():
    assert line_ranges(["a"] * 5, 2, 100) == [(1, 2), (3, 4), (5, 5)]
    assert line_ranges(["aaaa", "bb", "cc", "dddddd", "e"], 10, 5) == [(1, 1), (2, 3), (4, 4), (5, 5)]  # "dddddd" alone is longer than a page
    assert line_ranges(["a", "b"], 2, 100) == [(1, 2)]
    assert line_ranges([], 2, 100) == [(1, 1)]  # an empty seed still has its page


def test_a_seed_within_the_page_size_keeps_its_one_viewer_page(small_pages):
    addresses = Addresses(small_pages.book)
    short = next(source for source in small_pages.book.sources if source.line_count <= 400)
    slug = addresses.views[short.file].slug
    assert [(part.page, part.key) for part in addresses.viewer_parts[short.file]] == [(f"sources/{slug}", "")]
    assert "```{source-viewer} " + slug + "\n" in small_pages.pages[f"sources/{slug}.md"]
    assert not [name for name in small_pages.pages if name.startswith(f"sources/{slug}/")]


def test_a_long_seed_has_a_viewer_page_per_range_of_lines_named_by_its_lines(small_pages):
    addresses = Addresses(small_pages.book)
    long = max(small_pages.book.sources, key=lambda source: source.line_count)
    slug = addresses.views[long.file].slug
    parts = addresses.viewer_parts[long.file]
    assert [(part.first, part.last) for part in parts] == [(1, 400), (401, 800), (801, len(long.original))]
    assert [part.page for part in parts] == [f"sources/{slug}/lines-1-400", f"sources/{slug}/lines-401-800", f"sources/{slug}/lines-801-{len(long.original)}"]
    opening = small_pages.pages[f"sources/{slug}.md"]
    assert "{source-viewer}" not in opening and all(f"{slug}/{part.key}" in opening for part in parts)
    for part in parts:
        data = json.loads(small_pages.pages[f"_generated/viewer/{slug}/{part.key}.json"])
        assert data["first"] == part.first and len(data["lines"]) == part.last - part.first + 1
        assert "```{source-viewer} " + f"{slug}/{part.key}\n" in small_pages.pages[f"{part.page}.md"]


def test_every_passage_line_address_names_the_viewer_page_that_shows_the_line(small_pages):
    addresses = Addresses(small_pages.book)
    for passage in small_pages.book.passages:
        page, anchor = addresses.source_url_of(passage).split(".html#")
        part = next(part for part in addresses.viewer_parts[passage.source] if part.page == page)
        assert anchor == f"L{passage.first_line}" and part.first <= passage.first_line <= part.last
        # its citation in the chapters links to the same page
        viewer = page.removeprefix("sources/")
        assert f"{{source-lines}}`{viewer}:{passage.first_line}-" in small_pages.pages[f"{addresses.page_of(passage)}.md"]


def test_an_old_line_address_of_a_split_viewer_is_sent_to_the_page_that_shows_it(small_pages):
    addresses = Addresses(small_pages.book)
    long = max(small_pages.book.sources, key=lambda source: source.line_count)
    slug = addresses.views[long.file].slug
    moved = json.loads(small_pages.pages[f"_generated/static/moved/sources-{slug}.json"])
    assert len(moved) == len(long.original)
    assert moved["L1"] == f"sources/{slug}/lines-1-400.html" and moved["L401"] == f"sources/{slug}/lines-401-800.html"
    for part in addresses.viewer_parts[long.file]:
        assert f"book-moved: moved/sources-{slug}.json" in small_pages.pages[f"{part.page}.md"].split("---")[1]
    assert f"book-moved: moved/sources-{slug}.json" in small_pages.pages[f"sources/{slug}.md"].split("---")[1]


# --- the chronology -------------------------------------------------------------------------------


def test_no_chronology_page_holds_more_events_than_a_page_and_a_long_year_goes_by_month(small_pages):
    addresses = Addresses(small_pages.book)
    held = {}
    for event in small_pages.book.events:
        held.setdefault(addresses.chronology_page(event), []).append(event)
    assert max(len(found) for found in held.values()) <= 30
    by_month = {page: found for page, found in held.items() if addresses.chronology_span(found[0]) == "month"}
    assert by_month, "the fixture has a year of a period with more than 30 events"
    for page, found in by_month.items():
        event = found[0]
        month = f"{event.when.month:02d}" if event.when.month else "year"
        assert page == f"periods/chronology/{event.period}-{event.when.year:04d}-{month}"
        assert all((e.period, e.when.year, e.when.month) == (event.period, event.when.year, event.when.month) for e in found)
        assert small_pages.pages[f"{page}.md"].count("\n| ") - small_pages.pages[f"{page}.md"].count("\n| Date |") == len(found)
    moved = json.loads(small_pages.pages["_generated/static/moved/periods-chronology.json"])
    for event in small_pages.book.events:
        assert moved[addresses.chronology_anchor(event.date)] in {f"{addresses.chronology_page(other)}.html" for other in small_pages.book.events if other.date[:7] == event.date[:7]}


# --- the glossary ---------------------------------------------------------------------------------


def test_a_glossary_past_the_page_size_defines_each_entry_on_one_page_of_its_category_or_letter(small_pages):
    addresses = Addresses(small_pages.book)
    published = small_pages.book.published_terms()
    parts = addresses.glossary_parts
    assert len(parts) > 1 and max(len(part.entries) for part in parts) <= 100
    assert sorted(entry.term for part in parts for entry in part.entries) == sorted(published)
    for part in parts:
        assert all(entry.category == part.category for entry in part.entries)
        assert part.page == (f"glossary/{part.category}" if part.letter is None else f"glossary/{part.category}/{part.letter}")
        text = small_pages.pages[f"{part.page}.md"]
        for entry in part.entries:
            assert addresses.glossary_url(entry) == f"{part.page}.html#{entry.anchor}"
            assert f"\n{myst.text(entry.term)}\n" in text
    by_letter = [part for part in parts if part.letter]
    assert by_letter, "the fixture has a category of more than 100 entries"
    for part in by_letter:  # the category's own page lists its letters
        assert f"{part.category}/{part.letter}\n" in small_pages.pages[f"glossary/{part.category}.md"]


def other_anchors(addresses: Addresses, entry) -> set[str]:
    """The anchors of the other entries' spellings (a spelling two entries share keeps the first's)."""
    return {anchor_id(name) for part in addresses.glossary_parts for other in part.entries if other is not entry for name in other.names}


def test_an_old_glossary_address_of_any_spelling_is_sent_to_the_page_that_now_defines_the_entry(small_pages):
    addresses = Addresses(small_pages.book)
    moved = json.loads(small_pages.pages["_generated/static/moved/glossary.json"])
    for part in addresses.glossary_parts:
        for entry in part.entries:
            assert moved[entry.anchor] == f"{part.page}.html"
            spelled = [alias.text for alias in entry.aliases if alias.text.casefold() != entry.term.casefold()]
            assert all(moved[anchor_id(name)] == f"{part.page}.html" for name in spelled if anchor_id(name) not in other_anchors(addresses, entry))
    assert "book-moved: moved/glossary.json" in small_pages.pages["glossary.md"].split("---")[1]
    assert "(glossary)=" in small_pages.pages["glossary.md"] and "{glossary}" not in small_pages.pages["glossary.md"]


def test_every_page_of_a_split_book_is_a_generated_path(small_pages):
    assert [name for name in small_pages.pages if not is_generated_page(name)] == []


# --- a month, a day or one source too long for a page ---------------------------------------------


@pytest.fixture(scope="module")
def tiny_chapters(tmp_path_factory):
    """The real seeds with period pages of at most 4 passages: months, days and sources overflow."""
    project = with_page_size(make_project(tmp_path_factory.mktemp("tiny") / "book", real_seeds=True), passages=4, excerpts=6)
    return make_book(project)


def all_parts(parts):
    for part in parts:
        yield part
        yield from all_parts(part.children)


def test_a_month_too_long_for_a_page_goes_by_thirds_then_days_then_sources_then_runs_of_lines(tiny_chapters):
    addresses = Addresses(tiny_chapters.book)
    for slug, parts in addresses.period_parts.items():
        leaves = leaf_parts(parts)
        assert max(len(leaf.passages) for leaf in leaves) <= 4, slug
        held = [p.id for leaf in leaves for p in leaf.passages]
        assert sorted(held) == sorted(p.id for p in tiny_chapters.book.passages if p.period == slug)
        for part in all_parts(parts):
            for child in part.children:
                assert child.page == f"{part.page}/{child.key}"  # one level down, named after its parent
                assert [p.id for p in child.passages] == [p.id for p in part.passages if p.id in {q.id for q in child.passages}]
    intervention = list(all_parts(addresses.period_parts["2015-2016-intervention"]))
    def kind(part):
        return "lines" if part.lines else "source" if part.source else "day" if part.day else "third" if part.days else "month"

    kinds = {kind(part) for part in intervention if part.month or part.source}
    assert {"third", "day", "source", "lines"} <= kinds, kinds
    for part in intervention:
        if kind(part) == "third":
            assert part.key == f"{part.days[0]:02d}-{part.days[1]:02d}" and all(part.days[0] <= p.when.day <= part.days[1] for p in part.passages)
        if kind(part) == "day":
            assert part.key == f"{part.day:02d}" and {p.when.day for p in part.passages} == {part.day}


def test_a_page_that_lists_its_pages_keeps_its_address_and_anchor_and_old_links_find_the_passage(tiny_chapters):
    addresses = Addresses(tiny_chapters.book)
    parts = addresses.period_parts["2015-2016-intervention"]
    moved = json.loads(tiny_chapters.pages["_generated/static/moved/periods-2015-2016-intervention.json"])
    split = [part for part in all_parts(parts) if part.children]
    assert split
    for part in split:
        text = tiny_chapters.pages[f"{part.page}.md"]
        assert "{toctree}" in text and all(f"\n{part.key}/{child.key}" in text for child in part.children)
        assert "book-moved: moved/periods-2015-2016-intervention.json" in text.split("---")[1]
        assert not any("{#" + p.id + " " in text for p in part.passages)  # the passages are on its pages
    for leaf in leaf_parts(parts):
        for passage in leaf.passages:
            assert moved[passage.id] == f"{leaf.page}.html" == f"{addresses.page_of(passage)}.html"
    # each month's anchor is given once, on the first page of the month
    labels = [line for name, text in tiny_chapters.pages.items() if name.startswith("periods/2015-2016-intervention/") for line in text.splitlines() if line.startswith("(month-")]
    assert labels and len(labels) == len(set(labels))


def test_one_sources_undated_passages_past_a_page_go_by_runs_of_its_lines(tiny_chapters):
    addresses = Addresses(tiny_chapters.book)
    long = [part for part in addresses.period_parts["undated"] if part.children]
    assert long
    for part in long:
        assert all(child.lines and child.key.startswith(f"lines-{child.lines[0]}-{child.lines[1]}") and child.source == part.source for child in part.children)
        assert len({child.key for child in part.children}) == len(part.children)  # a one-line seed's runs: "lines-1-1", "lines-1-1-2"
        assert [p.id for child in part.children for p in child.passages] == [p.id for p in part.passages]
        assert all(child.lines[0] <= p.first_line and p.last_line <= child.lines[1] for child in part.children for p in child.passages)


def test_a_themes_pages_gather_as_many_whole_years_months_or_sources_as_fit_each_named_after_its_first(tiny_chapters):
    """A theme's excerpts are no passage's home: its pages are filled, not one per year or source."""
    addresses = Addresses(tiny_chapters.book)
    gathered = {"years": 0, "months": 0, "sources": 0}
    for slug, parts in addresses.theme_parts.items():
        leaves = leaf_parts(parts)
        assert [p.id for leaf in leaves for p in leaf.passages] == [p.id for part in parts for p in part.passages]
        assert sorted(p.id for leaf in leaves for p in leaf.passages) == sorted(p.id for p in tiny_chapters.book.passages if slug in p.themes)
        for before, after in zip(leaves, leaves[1:]):  # two neighbours that fit on one page together would be one page
            if all(len(leaf.key) == 4 and leaf.key.isdigit() for leaf in (before, after)):  # two whole years ("2013", "2014")
                assert len(before.passages) + len(after.passages) > 6, (before.page, after.page)
        for leaf in leaves:
            assert len(leaf.passages) <= 6 or leaf.lines is not None or len({p.source for p in leaf.passages}) == 1
            if leaf.years:
                gathered["years"] += 1
                assert leaf.key == f"{leaf.years[0]:04d}" and {p.when.year for p in leaf.passages} <= set(range(leaf.years[0], leaf.years[1] + 1))
            if leaf.month_span:
                gathered["months"] += 1
                assert leaf.key == f"{leaf.year:04d}-{leaf.month_span[0]:02d}" and {p.when.month for p in leaf.passages} <= set(range(leaf.month_span[0], leaf.month_span[1] + 1))
            if leaf.sources:
                gathered["sources"] += 1
                assert leaf.key == addresses.views[leaf.sources[0]].slug and [p.source for p in leaf.passages] == sorted((p.source for p in leaf.passages), key=leaf.sources.index)
                assert tiny_chapters.pages[f"{leaf.page}.md"].count("](#p-") == len(leaf.passages)
    assert all(gathered.values()), gathered
    # a period chapter is where each passage lives: its pages stay one per year, month, day or source
    assert not any(part.years or part.month_span or part.sources for parts in addresses.period_parts.values() for part in all_parts(parts))


# --- the glossary's pages of basis and mentions -----------------------------------------------------


def test_a_letter_of_mentions_too_heavy_for_a_page_goes_by_runs_of_entries_each_named_after_its_first(tmp_path):
    made = make_book(with_page_size(make_project(tmp_path / "book", real_seeds=True), mentions=20))
    moved = json.loads(made.pages["_generated/static/moved/entries-place.json"])
    runs = {name: text for name, text in made.pages.items() if name.startswith("entries/place/") and name.count("/") == 3}
    assert runs, "the fixture has a letter of places mentioned more than 20 times"
    for name, text in runs.items():
        held = [anchor for anchor, page in moved.items() if page == name.removesuffix(".md") + ".html"]
        links = text.count("](#p-")
        assert held and (links <= 20 or len(held) == 1), name  # an entry mentioned more than a page holds has its own
        letter_page = made.pages[name.rsplit("/", 1)[0] + ".md"]
        assert f"<{name.split('/')[2]}/{name.split('/')[3].removesuffix('.md')}>`" in letter_page
        for anchor in held:
            assert "(" + anchor + ")=" in text  # the entry's notes are on the page the map names
    published = made.book.published_terms()
    entries = [entry for entry in made.book.glossary.entries if entry.category == "place" and entry.term in published]
    assert sorted(moved) == sorted(entry_anchor(entry.anchor) for entry in entries)


# --- the Sources page -------------------------------------------------------------------------------


def test_more_sources_than_a_page_describes_are_described_by_kind_and_old_addresses_are_mapped(tmp_path):
    made = make_book(with_page_size(make_project(tmp_path / "book", real_seeds=True), sources=1))
    addresses = Addresses(made.book)
    index = made.pages["sources/index.md"]
    moved = json.loads(made.pages["_generated/static/moved/sources-index.json"])
    assert "{bibliography}" in index and "(source-" not in index  # the bibliography stays; the descriptions moved
    assert "book-moved: moved/sources-index.json" in index.split("---")[1]
    about = {name: text for name, text in made.pages.items() if name.startswith("sources/about/")}
    assert about and all(text.count("(source-") == 1 for text in about.values())  # one source a page
    for source in made.book.sources:
        anchor = f"source-{addresses.views[source.file].slug}"
        page = moved[anchor].removesuffix(".html")
        assert f"({anchor})=" in about[f"{page}.md"] and f"\n{page.removeprefix('sources/')}\n" in index
        assert page.startswith(f"sources/about/{addresses.views[source.file].kind}")  # named after the kind
    few = make_book(make_project(tmp_path / "few", real_seeds=True))
    assert not [name for name in few.pages if name.startswith("sources/about/")] and few.pages["sources/index.md"].count("(source-") == len(few.book.sources)


def test_one_undated_passage_heavier_than_a_page_still_has_its_page():
    from tools.model import Passage

    addresses = Addresses.__new__(Addresses)
    addresses.book = type("Book", (), {"also_reported": {}})()
    addresses.order = {"a.txt": 0}
    heavy = Passage(id="p-1", source="a.txt", first_line=1, last_line=1, text="x" * 60_000)
    parts = addresses._parts("periods", "undated", [heavy], True, 150, 50_000)
    assert [(part.page, [p.id for p in part.passages]) for part in parts] == [("periods/undated", ["p-1"])]


def test_kinds_written_differently_are_one_page_of_sources(tmp_path):
    project = with_page_size(make_project(tmp_path / "book", real_seeds=True), sources=1)
    notes = project / "docs" / "data" / "sources.yaml"
    text = notes.read_text(encoding="utf-8")
    notes.write_text(text.replace("kind: encyclopedia", "kind: State media", 1).replace("kind: encyclopedia", "kind: state-media", 1), encoding="utf-8")
    made = make_book(project)
    about = [name for name in made.pages if name.startswith("sources/about/state-media")]
    labels = [line for name in about for line in made.pages[name].splitlines() if line.startswith("(source-")]
    assert len(about) == 3 and len(labels) == len(set(labels)) == 3  # three sources of one kind, a page each, none lost
