"""Charts and maps: their numbers are what the passages say, their text alternatives say what they
show, every place the book mentions is on the map or listed with a reason, and every file is
byte-identical from one build to the next. In-process, no Sphinx."""

import hashlib
import re
import subprocess
import sys

import pytest

from tools.book import make_book
from tools.events import Event
from tools.figures import charts
from tools.figures.maps import draw_places
from tools.model import Passage
from tools.places import Place, account, mentioned_places

from conftest import ROOT, make_project


def passage(pid, date, themes, period="p", source="a.txt"):
    return Passage(pid, source, 1, 1, "text", date=date, themes=themes, period=period)


def event(eid, date, pids, sources=("a.txt",)):
    return Event(eid, date, list(pids), list(sources))


def test_events_per_quarter_count_each_event_once_under_its_main_theme():
    by_id = {
        "1": passage("1", "2015-09-30", ["military", "diplomacy"]),
        "2": passage("2", "2015-09-30", ["military"]),
        "3": passage("3", "2016-02-01", ["diplomacy"]),
        "4": passage("4", "2016", ["diplomacy"]),
        "5": passage("5", "2010-05", []),
    }
    events = [event("a", "2015-09-30", ["1", "2"]), event("b", "2016-02-01", ["3"]), event("c", "2016", ["4"]), event("d", "2010-05", ["5"])]
    table = charts.events_per_quarter(events, by_id, ["diplomacy", "military"], first_year=2015)
    assert table.bins[0] == "2015 Q1" and table.bins[-1] == "2016 Q1"
    assert table.series["military"][table.bins.index("2015 Q3")] == 1  # two of its passages say military, one diplomacy
    assert table.series["diplomacy"][table.bins.index("2016 Q1")] == 1
    assert table.left_out == {"known only to the year": 1, "before 2015": 1}
    assert sum(map(sum, table.series.values())) + sum(table.left_out.values()) == len(events)


def test_passages_per_period_are_counted_by_the_kind_of_their_source():
    passages = [passage("1", None, [], "a", "x.txt"), passage("2", None, [], "a", "y.txt"), passage("3", None, [], "b", "y.txt")]
    table = charts.passages_per_period(passages, ["a", "b"], {"x.txt": "encyclopedia", "y.txt": "state media"})
    assert table.series == {"encyclopedia": [1, 0], "state media": [1, 1]}


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("real") / "book", real_seeds=True)
    return make_book(project)


def test_the_quarter_chart_of_the_book_counts_every_event(real):
    from tools.pages import chronology
    from tools.pages.common import PageContext
    from tools.addresses import Addresses

    figure = chronology.quarter_chart(PageContext(real.book, Addresses(real.book)))
    table = figure.data
    assert sum(map(sum, table.series.values())) + sum(table.left_out.values()) == len(real.book.events)
    busiest = charts.busiest(table, 1)[0]
    assert f"{busiest[0]} ({busiest[1]} events)" in figure.alt


def figure_blocks(pages):
    """(page, file stem, alt text) of every figure the pages reference."""
    for name, content in pages.items():
        if isinstance(content, str) and name.endswith(".md"):
            for stem, alt in re.findall(r"::::\{figure\} [./]*_generated/figures/([\w-]+)\.\*\n:alt: ([^\n]*)", content):
                yield name, stem, alt


def test_every_figure_has_both_files_a_caption_and_an_alt_text_saying_what_it_shows(real):
    blocks = list(figure_blocks(real.pages))
    assert len(blocks) >= 20
    for page, stem, alt in blocks:
        assert f"_generated/figures/{stem}.svg" in real.pages and f"_generated/figures/{stem}.pdf" in real.pages, stem
        assert re.match(r"(Stacked )?(horizontal )?(Bar chart|bar chart|Map) of ", alt), (page, alt)
        assert re.search(r"\d", alt), (page, alt)  # it gives the numbers, not only the kind of figure
    period = next(alt for page, stem, alt in blocks if stem == "period-2015-2016-intervention-events")
    assert "September 2015 to March 2016" in period


def test_every_place_the_book_mentions_is_on_the_map_or_listed_with_a_reason(real):
    shown = account(real.book)
    mapped = {place.term for place in shown.mapped}
    unmapped = dict(shown.unmapped)
    assert set(mentioned_places(real.book)) == mapped | set(unmapped)
    assert not mapped & set(unmapped) and all(reason for reason in unmapped.values())
    page = real.pages["periods/chronology.md"]
    for term in unmapped:
        assert f"<{term}>`: " in page, term


def test_map_labels_never_collide_and_every_point_links_to_its_glossary_entry(real):
    shown = account(real.book)
    svg = real.pages["_generated/figures/places-map.html"]
    points = [place for place in shown.mapped if place.kind not in ("country", "sea", "area")]
    anchors = {entry.term: entry.anchor for entry in real.book.glossary.entries}
    for place in points:
        assert f'href="../glossary.html#{anchors[place.term]}"' in svg, place.term
    assert '<title id="map-title">' in svg and "<?xml" not in svg


def test_a_crowded_map_numbers_the_labels_it_has_no_room_for():
    crowd = [Place(f"Town {index}", "town", 35.0 + index * 0.01, 36.0, "a test") for index in range(12)]
    _, drawn = draw_places(crowd, (3, 3))
    assert set(drawn.labelled) | set(drawn.numbered) == {place.term for place in crowd}
    assert drawn.numbered and sorted(drawn.numbered.values()) == list(range(1, len(drawn.numbered) + 1))


def test_figures_are_byte_identical_when_drawn_again():
    table = charts.Stacked(["2015", "2016"], {"events": [3, 5]})
    first = charts.chart("x", "caption", "alt", table, {}, (3, 2)).files
    second = charts.chart("x", "caption", "alt", table, {}, (3, 2)).files
    assert first == second and b"<dc:date>" not in first[".svg"] and b"CreationDate" not in first[".pdf"]


def test_a_remembered_figure_is_drawn_once_and_forgotten_when_no_build_uses_it(tmp_path, monkeypatch):
    from tools import figures

    drawn = []
    real_save = figures.save
    monkeypatch.setattr(charts, "save", lambda figure: drawn.append(1) or real_save(figure))
    table, other = charts.Stacked(["2015", "2016"], {"events": [3, 5]}), charts.Stacked(["2015", "2016"], {"events": [3, 6]})
    fresh = charts.chart("x", "caption", "alt", table, {}, (3, 2)).files
    folder = tmp_path / "figures"
    with figures.remembered_in(folder):
        first = charts.chart("x", "caption", "alt", table, {}, (3, 2)).files
    with figures.remembered_in(folder):
        again = charts.chart("x", "caption", "alt", table, {}, (3, 2)).files
        charts.chart("y", "caption", "alt", other, {}, (3, 2))
    assert fresh == first == again and len(drawn) == 3  # fresh, first, other: `again` was not drawn
    with figures.remembered_in(folder):
        charts.chart("y", "caption", "alt", other, {}, (3, 2))
    assert len(list(folder.iterdir())) == 1  # the other chart (its SVG and PDF in one file): the first chart is gone
    places = [Place("Latakia", "town", 35.52, 35.78, "a test"), Place("Homs", "town", 34.73, 36.71, "a test")]
    with figures.remembered_in(folder):
        drawn_map = draw_places(places, (3, 3))
    with figures.remembered_in(folder):
        kept_map = draw_places(places, (3, 3))
    assert kept_map == drawn_map and set(kept_map[0]) == {".pdf", ".svg"}


DIGEST = """
import hashlib, sys
from pathlib import Path
from tools.book import make_book
made = make_book(Path(sys.argv[1]))
for name, content in sorted(made.pages.items()):
    if "/figures/" in name:
        data = content if isinstance(content, bytes) else content.encode()
        print(name, hashlib.sha256(data).hexdigest())
"""


def test_figures_are_byte_identical_across_two_conversions_in_separate_processes(tmp_path):
    seed = "# Wire\n\nOn 30 September 2015, Russian jets struck Homs and Hama.\n\nOn 24 November 2015, Turkey shot down a Russian Su-24 near Latakia.\n"
    project = make_project(tmp_path / "book", {"wire.md": seed})
    runs = [subprocess.run([sys.executable, "-c", DIGEST, str(project)], capture_output=True, text=True, cwd=ROOT, env={"PYTHONHASHSEED": str(seed_value), "PATH": ""}) for seed_value in (1, 2)]
    assert all(run.returncode == 0 for run in runs), runs[0].stderr[-2000:]
    assert runs[0].stdout == runs[1].stdout and runs[0].stdout.count("figures/") >= 4


def test_places_and_key_events_may_name_a_glossary_entry_by_an_alias(tmp_path):
    """A renamed entry keeps its old name as an alias: the map's and the chronology's data that
    name it by the old name still find it; a name no entry has is a clear error."""
    from tools.editorial import EditorialError
    from tools.events import load_key_events
    from tools.glossary import load_glossary
    from tools.places import load_places

    glossary = load_glossary(ROOT / "docs" / "data" / "glossary.yaml")
    places = tmp_path / "places.yaml"
    places.write_text("places:\n  - {term: Hmeimim, kind: base, lat: 35.4, lon: 35.9, basis: test}\n", encoding="utf-8")
    assert list(load_places(places, glossary)) == ["Khmeimim Air Base"]
    events = tmp_path / "events.yaml"
    events.write_text("events:\n  - {id: x, title: X, date: 2015-11-24, entries: [Hmeimim], basis: [test]}\n", encoding="utf-8")
    assert load_key_events(events, glossary)[0].entries == ("Khmeimim Air Base",)
    places.write_text("places:\n  - {term: Atlantis, kind: city, lat: 1, lon: 1, basis: test}\n", encoding="utf-8")
    with pytest.raises(EditorialError, match="place 'Atlantis': no glossary entry has this name or alias"):
        load_places(places, glossary)
