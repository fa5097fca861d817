"""Pages that stay light: a chapter, the chronology, a glossary category's page of mentions or
the conversion report that holds more than a page's worth is split into pages whose names come
from dates, slugs and letters, and nothing is lost on the way (the real seeds, in-process)."""

import json

import pytest

from conftest import make_project
from tools.addresses import Addresses
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
    for part in parts:
        for passage in part.passages:
            assert moved[passage.id] == f"{part.page}.html"
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
