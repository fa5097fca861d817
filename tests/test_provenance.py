"""Sources, citations and annotations: every passage checkable, disagreements said out loud."""



from tools.annotations import Annotation, Quote, attach, load_annotations
from tools.attribution import speakers
from tools.bibliography import bib_entry
from tools.corroborate import corroborate
from tools.editorial import SourceNote
from tools.glossary import Alias, Entry, Glossary
from tools.link import Linker
from tools.model import Passage, Source
from tools.addresses import SourceView

from conftest import ROOT


def passage(pid, text, source="a.txt", date=None, terms=()):
    return Passage(id=pid, source=source, first_line=1, last_line=1, text=text, date=date, terms=list(terms))


def test_a_bibtex_entry_keeps_seed_metadata_literal_whatever_it_holds():
    from pybtex.database import parse_string

    from tools.bibliography import BookStyle, decode_literal

    title = "Costs 50% & -- more {really} $x$ ~ \\input"
    source = Source(file="x{y}.txt", kind="web-article", title=title, line_count=3, metadata={"author": "A_B {C}", "published": "2016-09-30"})
    entry = bib_entry(SourceView(source, SourceNote("x{y}.txt", publisher="RT")))
    assert entry.startswith("@misc{src-x-y,")
    parsed = parse_string(entry, "bibtex").entries["src-x-y"]
    assert str(decode_literal(parsed.fields["title"])) == title
    assert "x{y}.txt" in str(decode_literal(parsed.fields["howpublished"]))
    assert parsed.fields["year"] == "2016" and parsed.fields["month"] == "September"
    assert str(parsed.persons["author"][0]) == "{A B C}"  # one name, as braced: nothing BibTeX would read
    formatted = next(iter(BookStyle().format_entries([parsed]))).text.render_as("text")
    assert title in formatted


def test_annotations_attach_by_verbatim_quote_with_typographic_variants(tmp_path):
    passages = [passage("p1", "Russia said “the plane” was shot down – officially."), passage("p2", "Turkey’s account differs.")]
    note = Annotation("x", "contested", "X", "A note.", [Quote('said "the plane" was shot down - officially'), Quote("Turkey's account")])
    found, problems = attach([note], passages)
    assert note.passages == ["p1", "p2"]
    assert found == {"p1": [note], "p2": [note]} and problems == []


def test_an_annotation_whose_quote_matches_nothing_is_a_warning_naming_the_file_the_note_and_the_quote(tmp_path):
    note = Annotation("lost-note", "context", "X", "A note.", [Quote("words that are nowhere")], line=7)
    found, problems = attach([note], [passage("p1", "Other words.")])
    assert found == {} and note.passages == []
    assert [str(problem) for problem in problems] == [
        "docs/data/annotations.yaml:7: annotation 'lost-note' is shown on no page: its quote matches no passage: "
        "“words that are nowhere” (found in no seed). To fix: remove the annotation if its seed was removed; "
        "if the seed was edited or renamed, correct the quote or its 'source:'"
    ]
    assert problems[0].severity == "warning"


def test_an_annotation_orphaned_by_a_seed_removed_or_renamed_is_one_warning_listing_each_missing_quote():
    note = Annotation(
        "three-quotes", "contested", "X", "A note.",
        [Quote("Russia blamed Israel", source="kept.txt"), Quote("gone words", source="old-name.txt"), Quote("edited words", source="kept.txt")],
    )
    found, problems = attach([note], [passage("p1", "Russia blamed Israel for it.", source="kept.txt")], seeds={"kept.txt"})
    assert found == {"p1": [note]}
    assert [problem.reason for problem in problems] == [
        "annotation 'three-quotes': 2 of its 3 quotes match no passage: “gone words” (it names old-name.txt, which is "
        "not in seeds/); “edited words” (not found in kept.txt). To fix: correct each quote (or its 'source:' if the "
        "seed was renamed), or remove it if its seed was removed"
    ]


def test_a_source_note_whose_seed_is_gone_is_a_warning_on_its_line(tmp_path):
    from tools.editorial import load_source_notes, orphaned_notes

    data = tmp_path / "sources.yaml"
    data.write_text("sources:\n  - file: kept.txt\n    publisher: A\n  - file: 'renamed.txt'\n    publisher: B\n", encoding="utf-8")
    notes = load_source_notes(data)
    assert [(note.file, note.line) for note in notes.values()] == [("kept.txt", 2), ("renamed.txt", 4)]
    assert [str(problem) for problem in orphaned_notes(notes, {"kept.txt", "new-name.txt"})] == [
        "docs/data/sources.yaml:4: source note 'renamed.txt' describes no seed: there is no renamed.txt in seeds/. "
        "If the seed was renamed, give its new name in 'file:'; if it was removed, remove the note"
    ]


def test_a_seed_that_copies_an_annotated_quote_does_not_receive_the_note(tmp_path):
    real = passage("p1", "Russia blamed Israel for the incident.", source="real.txt")
    copy = passage("p2", "Russia blamed Israel for the incident.", source="zz-copy.txt")
    named = Annotation("named", "contested", "X", "A note.", [Quote("Russia blamed Israel", source="real.txt")])
    found, problems = attach([named], [real, copy])
    assert found == {"p1": [named]}
    assert "also matches text in zz-copy.txt, which it does not name: not attached there" in str(problems[0])
    unnamed = Annotation("unnamed", "contested", "X", "A note.", [Quote("Russia blamed Israel")])
    found, problems = attach([unnamed], [real, copy])
    assert found == {} and "matches 2 passages (in real.txt, zz-copy.txt): attached to none" in str(problems[0])


def test_the_shipped_annotations_are_enough_and_contested_ones_join_several_passages():
    from tools.book import make_book

    made = make_book(ROOT)
    annotations = load_annotations(ROOT / "docs" / "data" / "annotations.yaml")
    contested = [a for a in annotations if a.kind == "contested"]
    assert len(annotations) >= 15 and len(contested) >= 8
    exported = {a["id"]: a for a in __import__("json").loads(made.exports["corpus/annotations.json"])}
    assert all(len(exported[a.id]["passages"]) >= 2 for a in contested)


def test_passages_of_different_sources_on_the_same_event_corroborate_each_other():
    passages = [
        passage("a", "Il-20 lost near Khmeimim.", "000.txt", "2018-09-18", ["Il-20", "Khmeimim Air Base"]),
        passage("b", "On 17 September 2018 an Il-20 was downed.", "001.txt", "2018-09-17", ["Il-20", "Khmeimim Air Base"]),
        passage("c", "Same source, same day.", "000.txt", "2018-09-17", ["Il-20", "Khmeimim Air Base"]),
        passage("d", "Another source, a month later.", "002.txt", "2018-10-30", ["Il-20", "Khmeimim Air Base"]),
    ]
    links = corroborate(passages)
    assert links["a"] == ["b"] and sorted(links["b"]) == ["a", "c"] and links["d"] == []


def test_who_is_speaking_is_named_for_reported_claims():
    glossary = Glossary([], [Entry("Russian Ministry of Defence", "organisation", "d", [Alias("Russian defence ministry")]), Entry("Amnesty International", "organisation", "d")])
    linker = Linker(glossary)
    text = "According to Amnesty International, hospitals were hit. The Russian defence ministry denied it."
    assert speakers(passage("p", text), linker.mentions(text)) == ["Amnesty International", "Russian Ministry of Defence"]
    plain = "Aircraft struck the town."
    assert speakers(passage("q", plain), linker.mentions(plain)) == []


def test_months_places_weapons_and_sentence_openers_are_not_speakers():
    glossary = Glossary([], [
        Entry("Idlib", "place", "d"), Entry("S-400", "weapon", "d"), Entry("Turkey", "place", "d"),
        Entry("Igor Konashenkov", "person", "d"),
    ])
    linker = Linker(glossary)
    for text in (
        "In October the S-400 was deployed, reports said.",
        "Following the strikes in Idlib, residents said they fled.",
        "According to reports from Idlib, the market was hit.",
    ):
        assert speakers(passage("p", text), linker.mentions(text)) == [], text
    text = "Turkey said the jet crossed its border; “we acted,” said Igor Konashenkov."
    assert speakers(passage("p", text), linker.mentions(text)) == ["Turkey", "Igor Konashenkov"]


def test_a_correction_that_gives_the_right_date_changes_the_passage_date_and_period_and_stays_visible(tmp_path):
    from tools.book import make_book

    from conftest import make_project

    project = make_project(tmp_path / "book", {"a.txt": "Putin order\n\nSeptember 30, 2016\n\nOn March 15 Putin ordered the withdrawal of the main part of the force.\n"})
    (project / "docs" / "data" / "annotations.yaml").write_text(
        "annotations:\n  - id: withdrawal-date\n    kind: correction\n    title: The order was announced on 14 March\n"
        "    note: The editors' check gives 14 March 2016.\n    basis: [a test]\n"
        "    quotes:\n      - {text: \"On March 15 Putin ordered the withdrawal\", date: 2016-03-14}\n",
        encoding="utf-8",
    )
    made = make_book(project)
    passage = made.book.passages[0]
    assert (passage.date, passage.period, passage.date_inferred) == ("2016-03-14", "2015-2016-intervention", True)
    assert passage.date_basis == "corrected by the editors (note “The order was announced on 14 March”)"
    page = made.pages["periods/2015-2016-intervention.md"]
    assert "corrected by the editors" in page and "Correction 1: The order was announced on 14 March" in page  # numbered within its kind
