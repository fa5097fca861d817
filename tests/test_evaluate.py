"""`syria-book evaluate`: the book measured against hand labels, on a fixture labelled for the test.

tests/fixtures/evaluate/ is a small project: two documents in the `tune` set, seven labelled units
(each label file says what the book should get for each unit), and its own editorial data, so that
tuning the book's lexicons or glossary never changes these figures. No Sphinx build.
"""

import json

import pytest

from tools.cli import main
from tools.evaluate import (
    LINKED,
    NOT_IN_PASSAGE,
    NOT_LINKED,
    Tally,
    convert,
    date_class,
    evaluate,
    figures,
    find_passage,
    first_occurrence,
    name_coverage,
    score_set,
)
from tools.evaluate_labels import iso_label_date, load_labels
from tools.evaluate_report import details, table
from tools.link import Mention
from tools.model import Passage

from conftest import ROOT, dedent

FIXTURE = ROOT / "tests" / "fixtures" / "evaluate"


@pytest.fixture(scope="module")
def tune():
    """The fixture's tune set, scored once: (result, notes)."""
    results, notes = evaluate(FIXTURE, ("tune",))
    assert [result.name for result in results] == ["tune"]
    return results[0], notes


def test_each_labelled_unit_is_found_by_its_quote_and_a_quote_found_nowhere_is_unmatched(tune):
    result, notes = tune
    assert notes == []
    shown = figures(result.tally)
    assert shown["units"] == {"labelled": 7, "matched": 6, "unmatched": 1}
    unmatched = [d.unit.quote for d in result.disagreements if d.measure == "unmatched"]
    assert unmatched == ["This sentence is written in none of the documents"]


def test_period_and_the_five_date_classes_are_shares_of_the_matched_units(tune):
    shown = figures(tune[0].tally)
    assert shown["period_right"] == 3 and shown["period_right_pct"] == 50.0
    assert shown["date_counts"] == {"exact": 2, "compatible": 1, "wrong": 1, "undated-in-book": 1, "dated-in-book-only": 1}
    assert shown["date_pct"]["exact"] == 33.3 and shown["date_pct"]["wrong"] == 16.7
    assert shown["date_counts_by_basis"]["item"] == {"exact": 0, "compatible": 1, "wrong": 1, "undated-in-book": 0, "dated-in-book-only": 0}
    assert shown["date_counts_by_basis"]["event"]["undated-in-book"] == 1


def test_theme_recall_counts_labelled_themes_found_and_precision_book_themes_labelled(tune):
    shown = figures(tune[0].tally)
    assert shown["theme_counts"] == {"labelled": 5, "labelled_found": 4, "in_book": 6, "in_book_labelled": 4}
    assert shown["theme_recall_pct"] == 80.0 and shown["theme_precision_pct"] == 66.7


def test_a_name_is_covered_when_its_first_occurrence_overlaps_a_glossary_mention(tune):
    shown = figures(tune[0].tally)
    assert shown["names_labelled"] == 8
    assert shown["names_counts"] == {LINKED: 6, NOT_LINKED: 1, NOT_IN_PASSAGE: 1}
    assert shown["names_linked_pct"] == 75.0 and shown["names_not_in_passage_pct"] == 12.5


def test_the_undated_share_counts_every_passage_of_the_set_not_only_the_labelled_ones(tune):
    shown = figures(tune[0].tally)
    # six passages (notes.txt's first line is its title, not a passage); one of them undated
    assert shown["passages"] == 6 and shown["passages_undated"] == 1 and shown["undated_passages_pct"] == 16.7


def test_details_list_each_disagreement_under_its_measure_with_label_and_book(tune):
    shown = details(tune[0])
    assert "== tune: date: compatible (1) ==\n  wire.txt:10  “Turkish jets shot down a Russian bomber near the border”  [item]\n    label: 2015-11 | book: 2015-11-24" in shown
    assert "== tune: names: not linked (1) ==\n  wire.txt:6  “Sergei Lavrov said the talks in Vienna would continue.”\n    label: Vienna" in shown
    assert shown.index("== tune: unmatched") < shown.index("== tune: period") < shown.index("== tune: date") < shown.index("== tune: themes")


def test_the_holdout_shows_its_figures_but_never_its_units():
    units, _ = load_labels(FIXTURE / "evaluation" / "labels" / "tune", "tune")
    holdout = score_set("holdout3", units, convert(FIXTURE / "evaluation" / "documents" / "tune", FIXTURE / "docs" / "data"))
    assert details(holdout) == "== holdout3: disagreements not shown: this set is never tuned on =="
    assert "units matched" in table([holdout]) and "Vienna" not in table([holdout])


def test_tallies_add_up_so_that_sets_can_be_scored_together(tune):
    both = figures(tune[0].tally + tune[0].tally)
    assert both["units"]["labelled"] == 14 and both["date_counts_by_basis"]["item"]["wrong"] == 2
    assert both["theme_recall_pct"] == 80.0 and figures(Tally())["period_right_pct"] is None


def test_the_command_prints_a_table_and_writes_the_figures_as_json(tmp_path, capsys):
    written = tmp_path / "figures.json"
    assert main(["--root", str(FIXTURE), "evaluate", "--set", "tune", "--json", str(written)]) == 0
    out = capsys.readouterr().out
    assert "units matched" in out and "6/7" in out and "50.0%" in out
    assert json.loads(written.read_text(encoding="utf-8"))["tune"]["units"]["matched"] == 6


def test_a_set_without_labels_is_not_scored_and_says_so(capsys):
    assert main(["--root", str(FIXTURE), "evaluate", "--set", "seeds"]) == 1
    assert "seeds: no labels yet in evaluation/labels/seeds/: not scored" in capsys.readouterr().err


def test_labels_still_being_written_count_for_what_is_complete(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a.txt.yaml").write_text(dedent("""
        document: seeds/a.txt
        units:
          - quote: "a complete unit of five words"
            date: 2015-11
            date_basis: stated
            period: intervention
            themes: [air-war]
            names: []
          - quote: "a unit whose labeller has not finished"
            date: 2015-11
    """), encoding="utf-8")
    (folder / "b.txt.yaml").write_text("document: seeds/b.txt\nunits:\n  - quote: [unclosed\n", encoding="utf-8")
    units, problems = load_labels(folder, "seeds")
    assert [(unit.document, unit.date) for unit in units] == [("a.txt", "2015-11")]
    assert problems[0] == "a.txt.yaml: units[1] skipped: incomplete (missing period, themes, names)"
    assert problems[1].startswith("b.txt.yaml: skipped:") and "not valid YAML" in problems[1]
    assert load_labels(tmp_path / "nowhere", "seeds") == ([], [])


@pytest.mark.parametrize(
    "labelled, in_book, expected",
    [
        ("2015-11-24", "2015-11-24", "exact"),
        (None, None, "exact"),
        ("2015-11", "2015-11-24", "compatible"),
        ("2015", "2015-11", "compatible"),
        ("2015-11-24", "2015-11-25", "wrong"),
        ("2015-11", "2015-12-01", "wrong"),
        ("2015-11", None, "undated-in-book"),
        (None, "2015", "dated-in-book-only"),
    ],
)
def test_date_classes(labelled, in_book, expected):
    assert date_class(labelled, in_book) == expected


def test_yaml_dates_of_every_precision_become_iso_text():
    import datetime as dt

    assert [iso_label_date(value) for value in (dt.date(2015, 9, 30), "2015-09", 2015, None)] == ["2015-09-30", "2015-09", "2015", None]
    with pytest.raises(ValueError):
        iso_label_date("September 2015")


def test_a_quote_cut_by_a_split_is_found_by_its_first_five_words():
    first = Passage("p1", "a.txt", 1, 1, "The base at Khmeimim is the centre of the air group.")
    second = Passage("p2", "a.txt", 3, 3, "A ceasefire began – in February.")
    assert find_passage("the air group. A ceasefire began", [first, second]) is None  # opening words span both
    assert find_passage("centre of the air group. A ceasefire", [first, second]) is first
    assert find_passage("ceasefire began - in February", [first, second]) is second


def test_names_are_found_whatever_their_case_apostrophes_and_spacing_whole_words_first():
    text = "This year Hay’at Tahrir  al-Sham and IS fighters met; F-16s flew."
    assert text[slice(*first_occurrence("hay'at tahrir al-Sham", text))] == "Hay’at Tahrir  al-Sham"
    assert first_occurrence("IS", text) == (text.index("IS fighters"), text.index("IS fighters") + 2)
    assert text[slice(*first_occurrence("F-16", text))] == "F-16"  # a label may drop the plural
    assert first_occurrence("Su-24", text) is None
    # As written before any case: the acronym, not the verb that comes first
    verb_first = "Palmyra is retaken and IS is out."
    assert first_occurrence("IS", verb_first) == (verb_first.index("IS is"), verb_first.index("IS is") + 2)
    assert first_occurrence("PALMYRA", verb_first) == (0, 7)  # a name labelled in capitals still found


def test_name_coverage_needs_an_overlapping_glossary_mention():
    text = "Sergei Lavrov met officials in Vienna."
    lavrov = [Mention(0, 13, entry=None)]
    assert name_coverage("Lavrov", text, lavrov) == LINKED
    assert name_coverage("Vienna", text, lavrov) == NOT_LINKED
    assert name_coverage("Geneva", text, lavrov) == NOT_IN_PASSAGE
