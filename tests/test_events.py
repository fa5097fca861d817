"""Events: passages that tell one happening become one event of the chronology, in time order.

Fixtures are small projects converted in-process (no Sphinx); one conversion of the real seeds
checks the key events the issue names.
"""

import json
import re

import pytest

from tools import myst
from tools.book import make_book
from tools.event_details import cut_at_clause, without_leading_date
from tools.events import compatible
from tools.model import parse_iso
from tools.pipeline import Paths, build_book

from conftest import ROOT, dedent, make_project

CRASH_A = "On 3 March 2017, a Russian Su-24 crashed near Khmeimim Air Base, killing both pilots."
TRADE_A = "On 3 March 2017, Russia and Turkey signed a trade agreement in Moscow."
CRASH_B = "On 3 March 2017, both pilots of a Russian Su-24 were killed when it crashed near Khmeimim Air Base."


def book_of(tmp_path, seeds):
    project = make_project(tmp_path / "book", seeds)
    return build_book(Paths.for_project(project))


def event_of(book, text):
    pid = next(p.id for p in book.passages if text[:40] in p.text)
    return next(event for event in book.events if pid in event.passages)


@pytest.fixture
def two_sources(tmp_path):
    return book_of(tmp_path, {"wire-a.md": f"# Wire A\n\n{CRASH_A}\n\n{TRADE_A}\n", "wire-b.md": f"# Wire B\n\n{CRASH_B}\n"})


def test_two_sources_telling_one_crash_are_one_event_citing_both(two_sources):
    event = event_of(two_sources, CRASH_A)
    assert event is event_of(two_sources, CRASH_B)
    assert len(event.passages) == 2 and event.sources == ["wire-a.md", "wire-b.md"]
    assert not event.single_source and event.date == "2017-03-03"
    assert "Khmeimim Air Base" in event.places


def test_two_events_on_the_same_day_are_kept_apart(two_sources):
    crash, trade = event_of(two_sources, CRASH_A), event_of(two_sources, TRADE_A)
    assert crash is not trade
    assert trade.single_source and trade.passages == [p.id for p in two_sources.passages if TRADE_A[:40] in p.text]


def test_undated_passages_are_not_events_and_every_dated_passage_is_in_one(tmp_path):
    book = book_of(tmp_path, {"notes.md": f"# Notes\n\nRussia keeps a naval facility at Tartus.\n\n{TRADE_A}\n"})
    cited = {pid for event in book.events for pid in event.passages}
    assert cited == {p.id for p in book.passages if p.date}
    assert all(p.id not in cited for p in book.passages if not p.date)


def test_paragraphs_of_a_news_brief_continue_its_story(tmp_path):
    digest = dedent(
        """
        Digest

        March 3, 2017

        A Russian Su-24 crashed on Friday near Khmeimim Air Base, killing both pilots.

        Officials gave no cause for the crash.

        March 9, 2017

        Russia and Turkey signed a trade agreement in Moscow on Thursday.
        """
    )
    book = book_of(tmp_path, {"digest.txt": digest})
    crash = event_of(book, "A Russian Su-24 crashed on Friday")
    assert event_of(book, "Officials gave no cause") is crash
    assert event_of(book, "Russia and Turkey signed") is not crash


def test_a_key_event_of_the_editors_gathers_its_passages_under_their_title(tmp_path):
    project = make_project(tmp_path / "book", {"wire-a.md": f"# Wire A\n\n{CRASH_A}\n\n{TRADE_A}\n", "wire-b.md": f"# Wire B\n\n{CRASH_B}\n"})
    (project / "docs" / "data" / "events.yaml").write_text(
        dedent(
            """
            events:
              - id: su-24-crash-2017
                title: A Russian Su-24 crashes near Khmeimim
                date: 2017-03-03
                patterns: ['\\bcrashed\\b']
                basis: [a test]
            """
        ),
        encoding="utf-8",
    )
    book = build_book(Paths.for_project(project))
    event = event_of(book, CRASH_A)
    assert event.id == "event-su-24-crash-2017" and event.title == "A Russian Su-24 crashes near Khmeimim"
    assert event.title_basis == "the editors" and len(event.passages) == 2


def test_dates_of_one_event_may_differ_by_a_day_or_be_held_by_a_month():
    assert compatible(parse_iso("2018-09-17"), parse_iso("2018-09-18"))
    assert compatible(parse_iso("2015"), parse_iso("2015-11-24"))
    assert not compatible(parse_iso("2018-09-17"), parse_iso("2018-09-20"))
    assert not compatible(parse_iso("2016-03"), parse_iso("2017-01"))


def test_a_generated_title_drops_the_leading_date_and_is_cut_at_a_clause():
    assert without_leading_date("On 30 September 2015, Russia launched its first airstrikes.").startswith("Russia launched")
    assert without_leading_date("In mid-October, Medvedev spoke.") == "In mid-October, Medvedev spoke."  # too short to cut
    long = "Russia launched its first airstrikes against targets in Rastan, Talbiseh and Zafaraniya in Homs province of Syria, which the US condemned at once"
    title = cut_at_clause(long)
    assert len(title) <= 112 and title.endswith("…") and long.startswith(title[:-2])


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    """The real seeds converted once, in-process."""
    project = make_project(tmp_path_factory.mktemp("real") / "book", real_seeds=True)
    return make_book(project)


KEY_EVENTS = {
    # event id -> the passages (id endings) that tell it, in every seed that does
    "event-first-air-strikes": {"f2b1979e", "a3b96088", "cebca2a8", "9e07f64e"},
    "event-su-24-shootdown": {"f6c11898", "fd41247a", "63fdba3f"},
    "event-il-20-loss": {"9487af92", "f28cec17", "c9f79d18", "409627c8"},
    "event-fall-of-assad": {"02081a01", "14935eed", "59ff9acd", "58873a62", "fb2a9aab", "5a785c0a", "7b6cfa72"},
}


@pytest.mark.parametrize("event_id", sorted(KEY_EVENTS))
def test_each_key_event_of_the_seeds_is_one_event_citing_every_passage_that_tells_it(real, event_id):
    found = [event for event in real.book.events if event.id == event_id]
    assert len(found) == 1
    cited = {pid.rsplit("-", 1)[-1] for pid in found[0].passages}
    assert KEY_EVENTS[event_id] <= cited
    others = [event for event in real.book.events if event.id != event_id]
    assert not any(set(KEY_EVENTS[event_id]) & {pid.rsplit("-", 1)[-1] for pid in event.passages} for event in others if event.key is None)


def chronology(real) -> str:
    """The chronology's text: its page, then its pages by period in the order it lists them
    (it is split when it holds more events than chapters.yaml's page size)."""
    page = real.pages["periods/chronology.md"]
    listed = re.findall(r"^chronology/(\S+)$", page, flags=re.MULTILINE)
    return "\n".join([page] + [real.pages[f"periods/chronology/{name}.md"] for name in listed])


def test_the_chronology_lists_every_dated_event_once_in_order(real):
    page = chronology(real)
    rows = [line for line in page.splitlines() if line.startswith("| ") and not line.startswith("| Date")]
    assert len(rows) == len(real.book.events)
    keys = [(e.when.year, e.when.month or 13, e.when.day or 32) for e in real.book.events]
    assert keys == sorted(keys)
    years = [int(line.split()[-1]) for line in page.splitlines() if re.fullmatch(r"#{2,3} \d{4}", line)]
    assert years == sorted(years)  # a year two periods share heads both their pages


def test_single_source_and_contested_events_are_marked(real):
    page = chronology(real)
    convoy = next(e for e in real.book.events if e.id == "event-aleppo-aid-convoy")
    assert convoy.single_source and "aid-convoy-2016" in convoy.contested
    assert "*one source*" in page and "(#note-aid-convoy-2016)" in page


def test_events_are_exported_one_per_line_with_their_passages(real):
    records = [json.loads(line) for line in real.exports["corpus/events.jsonl"].splitlines()]
    assert [r["id"] for r in records] == [e.id for e in real.book.events]
    passages = {p.id for p in real.book.passages}
    for record in records:
        assert set(record["passages"]) <= passages and record["passages"]
        assert record["precision"] in ("day", "month", "year") and re.match(r"periods/chronology(/[a-z0-9-]+)?\.html#chronology-", record["url"])


def test_each_period_chapter_opens_with_its_key_events(real):
    page = real.pages["periods/2015-2016-intervention.md"]
    head = page.split("passages from", 1)[0]
    assert "Key events" in head
    for title in ("First Russian air strikes in Syria, around Homs and Hama", "Turkey shoots down a Russian Su-24 near the Syrian border"):
        assert myst.text(title) in head
