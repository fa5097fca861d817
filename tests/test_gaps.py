"""The gap report (`syria-book gaps`): names the sources use at least twice that the glossary does
not cover, so editors know which entries, aliases or exceptions to add."""

import re


from tools.cli import main
from tools.gaps import Gap, candidates, find_gaps, gap_report
from tools.glossary import Alias, Category, Entry, Glossary
from tools.model import Passage, Source

from conftest import ROOT, dedent, make_project


def names(text, kind="name", common=frozenset()):
    return [found.text for found in candidates(text, common) if found.kind == kind]


def glossary(*entries, exceptions=None):
    made = [Entry(term, "place", f"About {term}.", aliases=[Alias(a) for a in aliases]) for term, *aliases in entries]
    return Glossary([Category("place", "Places")], made, exceptions or {})


def passages(*texts, source="a.txt"):
    return [Passage(f"p-{n}", source, 2 * n + 1, 2 * n + 1, text) for n, text in enumerate(texts)]


# ------------------------------------------------------------------------ what counts as a name


def test_multi_word_names_may_hold_lowercase_connectors():
    text = "Men from Deir ez-Zor told the Syrian Observatory for Human Rights about Jabhat Fateh al-Sham and the Islamic State of Iraq."
    assert names(text) == ["Deir ez-Zor", "Syrian Observatory for Human Rights", "Jabhat Fateh al-Sham", "Islamic State of Iraq"]


def test_words_that_open_a_sentence_and_titles_are_not_part_of_a_name():
    text = "The Syrian Arab Army advanced. In Eastern Ghouta, Russian Foreign Minister Sergey Lavrov spoke and Mr Assad listened."
    assert names(text) == ["Syrian Arab Army", "Eastern Ghouta", "Sergey Lavrov"]
    # A word the sources also write in lowercase is capitalised only because it opens the sentence.
    text = "DAMASCUS — Ousted Syrian leader Bashar Assad spoke."
    assert names(text) == ["Ousted Syrian", "Bashar Assad"]
    assert names(text, common=frozenset({"ousted"})) == ["Bashar Assad"]


def test_a_name_stops_at_punctuation_a_possessive_or_a_descriptive_suffix():
    assert names("Russia, Turkey and Iran met.") == []
    assert names("President Assad's Armed Forces fought.") == ["Armed Forces"]
    assert names("The United States-led coalition and Turkish-backed groups.") == ["United States"]


def test_acronyms_are_two_to_six_capitals_optionally_with_digits():
    text = "ISIL, UNSC, UNESCO, AK47, P5, G20, IV, I, ABCDEFG and Daesh."
    assert names(text, "acronym") == ["ISIL", "UNSC", "UNESCO", "AK47"]


def test_designations_of_aircraft_and_weapons():
    text = "Su-24, S-400, Il-20, MiG-29, Tu-22M3, 3M-14T and F-16 jets; not al-Assad or COVID-19."
    assert names(text, "designation") == ["Su-24", "S-400", "Il-20", "MiG-29", "Tu-22M3", "3M-14T", "F-16"]


# ------------------------------------------------------------------------------ what is a gap


def test_a_name_seen_twice_without_an_entry_is_a_gap_with_its_count_and_first_place():
    found = find_gaps(
        passages("The Tiger Forces took Kafr Nabl.", "Tiger Forces and the Syrian Arab Army held it.", "SAA units and SAA tanks."),
        glossary(["Syrian Arab Army"]),
    )
    assert found == [Gap("SAA", "acronym", 2, "a.txt", 5), Gap("Tiger Forces", "name", 2, "a.txt", 1)]
    assert str(found[1]) == "   2  Tiger Forces  a.txt:1"


def test_a_name_is_covered_by_an_alias_or_by_an_entry_matching_most_of_it():
    text = "Syrian President Bashar al-Assad met Russian Defence Minister Sergei Shoigu at Hmeimim Air Base."
    assert find_gaps(passages(text, text), glossary(["Bashar al-Assad"], ["Sergei Shoigu"], ["Khmeimim Air Base", "Hmeimim Air Base"])) == []
    # One word in three is not most of a name.
    text = "The Hmeimim Operations Group reported."
    assert [gap.name for gap in find_gaps(passages(text, text), glossary(["Khmeimim Air Base", "Hmeimim"]))] == ["Hmeimim Operations Group"]


def test_a_declared_exception_covers_a_name_in_any_spelling_but_only_all_of_it():
    exceptions = {"Middle East": "a broad region"}
    found = find_gaps(passages("In the Middle East, yes.", "Across the Middle\u00a0East too.", "The Middle East Institute said.", "Middle East Institute data."), glossary(exceptions=exceptions))
    assert [(gap.name, gap.count) for gap in found] == [("Middle East Institute", 2)]


def test_the_place_given_is_the_seed_line_that_holds_the_name():
    passage = Passage("p-0", "a.txt", 10, 12, "Russia said so. Ships left. The Tiger Forces moved, and the Tiger Forces stayed.")
    lines = ["x"] * 9 + ["Russia said so.", "Ships left. The Tiger Forces moved,", "and the Tiger Forces stayed."]
    source = Source("a.txt", "plain", "A", len(lines), lines=lines)
    assert find_gaps([passage], glossary(), [source]) == [Gap("Tiger Forces", "name", 2, "a.txt", 11)]


# ---------------------------------------------------------------------------- on the real seeds


def test_the_shipped_glossary_leaves_at_most_ten_gaps_on_the_seeds():
    gaps = gap_report(ROOT)
    assert len(gaps) <= 10, "\n".join(map(str, gaps))


# ------------------------------------------------------------------------------- the command

NEW_SEED = dedent(
    """
    Notes on the Crimson Hawk Brigade

    The Crimson Hawk Brigade, an elite unit, fought near Kafr Nabl in 2019 with Russian support from Khmeimim.

    In 2020 the Crimson Hawk Brigade moved to Saraqib while Syrian President Bashar al-Assad visited the front.
    """
)


def test_the_command_reports_the_gaps_of_any_new_seed(tmp_path, capsys):
    project = make_project(tmp_path / "book", seeds={"new.txt": NEW_SEED})
    assert main(["--root", str(project), "gaps"]) == 0
    out, err = capsys.readouterr()
    # twice in the text (the first line is the seed's title, not a passage); not Kafr Nabl (once), nor Bashar al-Assad (an entry)
    assert out.splitlines() == ["   2  Crimson Hawk Brigade  new.txt:3"]
    assert "1 name used at least twice" in err
    assert main(["--root", str(project), "gaps", "--strict"]) == 1


def test_strict_passes_when_every_name_is_covered_and_bad_data_is_reported(tmp_path, capsys):
    project = make_project(tmp_path / "book", seeds={"new.txt": "Putin flew to Khmeimim. Putin left Khmeimim.\n"})
    assert main(["--root", str(project), "gaps", "--strict"]) == 0
    assert capsys.readouterr().out == ""
    glossary_file = project / "docs" / "data" / "glossary.yaml"
    glossary_file.write_text(glossary_file.read_text(encoding="utf-8").replace("related: [Latakia,", "related: [Latakiya,", 1), encoding="utf-8")
    assert main(["--root", str(project), "gaps"]) == 2
    assert re.search(r"glossary\.yaml: entry '.+': related entry 'Latakiya' does not exist", capsys.readouterr().err)
