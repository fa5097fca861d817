"""Periods and themes come from the editorial data file, not from code."""

import re

from tools.classify import classify, period_for
from tools.editorial import EditorialError, load_chapters
from tools.model import Passage

import pytest

from conftest import dedent

CHAPTERS = dedent(
    """
    periods:
      - {slug: early, title: Early, end: 2011-02-28, intro: Before.}
      - {slug: middle, title: Middle, start: 2011-03-01, end: 2015-09-29, intro: During.}
      - {slug: late, title: Late, start: 2015-09-30, intro: After.}
      - {slug: undated, title: Undated, undated: true, intro: No date.}
    themes:
      - slug: bases
        title: Bases
        intro: Where forces are based.
        lexicon: {terms: [Khmeimim, Hmeimim, naval facility], patterns: ['\\bair ?base\\b']}
      - slug: turkey
        title: Turkey
        intro: Turkey.
        lexicon: {terms: [Turkey, Turkish, Ankara]}
        min_hits: 2
    """
)


@pytest.fixture
def chapters(tmp_path):
    path = tmp_path / "chapters.yaml"
    path.write_text(CHAPTERS, encoding="utf-8")
    return load_chapters(path)


def test_a_date_falls_in_the_period_whose_range_holds_its_last_day(chapters):
    assert period_for("2011-02-28", chapters) == "early"
    assert period_for("2011-03", chapters) == "middle"
    assert period_for("2015-09-29", chapters) == "middle"
    assert period_for("2015-09", chapters) == "late"  # "in September 2015": the month ends in the later period
    assert period_for("2011", chapters) == "middle"
    assert period_for(None, chapters) == "undated"


def test_themes_come_from_the_lexicon_with_whole_words_and_min_hits(chapters):
    passages = [
        Passage("a", "s", 1, 1, "Jets flew from the Hmeimim airbase.", date="2016-01"),
        Passage("b", "s", 2, 2, "Turkey protested.", date="2016-01"),
        Passage("c", "s", 3, 3, "Turkish jets shot it down; Ankara said so.", date="2016-01"),
        Passage("d", "s", 4, 4, "Hmeimimian is not a word we know.", date="2016-01"),
    ]
    classify(passages, chapters)
    assert [p.themes for p in passages] == [["bases"], [], ["turkey"], []]
    assert passages[0].period == "late"


def test_a_bad_data_file_names_the_file_and_the_entry(tmp_path):
    path = tmp_path / "chapters.yaml"
    path.write_text(CHAPTERS.replace("'\\bair ?base\\b'", "'(unclosed'"), encoding="utf-8")
    with pytest.raises(EditorialError, match=r"chapters.yaml: theme 'bases': bad pattern"):
        load_chapters(path)


def test_the_shipped_data_file_has_the_public_slugs():
    from conftest import ROOT

    chapters = load_chapters(ROOT / "docs" / "data" / "chapters.yaml")
    assert [p.slug for p in chapters.periods] == [
        "before-2011", "2011-2015-diplomacy", "2015-2016-intervention", "2016-palmyra-aleppo",
        "2017-deescalation", "2018-2019-permanent-presence", "2020-2021-idlib-turkey",
        "2022-2023-ukraine-drawdown", "2024-fall-of-assad", "undated",
    ]
    assert [t.slug for t in chapters.themes] == [
        "diplomacy", "military-operations", "bases", "civilian-harm", "contractors", "turkey", "israel",
        "united-states", "iran", "humanitarian", "motives", "losses", "weapons", "information",
    ]


def test_what_a_page_holds_is_editorial_data_with_defaults_and_a_clear_message_when_wrong(tmp_path, chapters):
    assert (chapters.page_size.passages, chapters.page_size.characters, chapters.page_size.excerpts, chapters.page_size.events) == (150, 50_000, 400, 250)
    path = tmp_path / "chapters.yaml"
    path.write_text(CHAPTERS + "pages: {passages: 40}\n", encoding="utf-8")
    assert load_chapters(path).page_size.passages == 40 and load_chapters(path).page_size.excerpts == 400
    for wrong, message in (("{passages: 0}", "'passages' must be a whole number of at least 1, not 0"), ("{lines: 9}", "unknown setting 'lines'")):
        path.write_text(CHAPTERS + f"pages: {wrong}\n", encoding="utf-8")
        with pytest.raises(EditorialError, match=re.escape(f"chapters.yaml: pages: {message}")):
            load_chapters(path)
