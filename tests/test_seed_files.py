"""Seed files are untrusted: only regular files inside seeds/ are read, no seed can take another's
place or its notes, no seed can crash, hang or break the book, and every refusal is reported.

The file-system attacks (links, a hard link, a FIFO, a folder, a hidden file, a name that is not
UTF-8) and the impostors (same stem, same name in another Unicode form, the name of the book's
own page, a copied annotation quote, impossible dates) are part of the hostile corpus that
tests/conftest.py builds once (`hostile_book`).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tools import myst, repeats, seeds
from tools.book import make_book
from tools.cache import fingerprint
from tools.pipeline import Paths, build_book
from tools.readers import frontmatter
from tools.seeds import SeedReadError, list_seeds, read_seed_bytes

from conftest import ROOT, make_project
from hostile import ANNOTATION_QUOTED, OUTSIDE_SECRET, filesystem_attacks, hostile_project, one_megabyte_line, parse_page, shown

sys.path.insert(0, str(ROOT / "benchmarks"))
from large_seeds import distinct_sentences_line, image_line  # noqa: E402


def published_files(project: Path) -> list[Path]:
    return [path for path in (project / "_build" / "html").rglob("*") if path.is_file()]


# --- only regular files inside seeds/ --------------------------------------------------------


def test_links_devices_folders_hard_links_and_hidden_files_are_refused_with_their_reason(tmp_path):
    project = make_project(tmp_path / "book", {"plain.txt": "A plain seed.\n", "notes.pdf": b"%PDF-1.4"})
    expected = filesystem_attacks(project)
    listing = list_seeds(project / "seeds")
    assert sorted(seed.name for seed in listing.files) == [os.fsencode("bad\udcffname.txt").decode("utf-8", "backslashreplace"), "plain.txt"]
    refused = {problem.file: problem for problem in listing.refused}
    for name, reason in expected.items():
        assert reason in refused[name].reason and refused[name].severity == "warning", name
    assert refused["notes.pdf"].reason == "not a .txt, .md, .eml, feed (.xml, .rss, .atom), table (.csv, .tsv), subtitle (.srt, .vtt), JSON (.json, .jsonl, .ndjson) or web page (.html, .htm, .xhtml) file: not read" and refused["notes.pdf"].severity == "notice"


def test_a_seeds_folder_that_is_itself_a_link_is_refused(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "secret.txt").write_text(OUTSIDE_SECRET, encoding="utf-8")
    (tmp_path / "seeds").symlink_to(tmp_path / "elsewhere")
    listing = list_seeds(tmp_path / "seeds")
    assert listing.files == [] and "the seeds folder is a symbolic link: not followed" in listing.refused[0].reason


def test_a_file_swapped_for_a_link_after_it_was_listed_is_not_read(tmp_path):
    project = make_project(tmp_path / "book", {"swap.txt": "An honest seed.\n"})
    listing = list_seeds(project / "seeds")
    (project / "seeds" / "swap.txt").unlink()
    (project / "seeds" / "swap.txt").symlink_to("/etc/passwd")
    with pytest.raises(SeedReadError, match="became a symbolic link while the book was built: not followed"):
        read_seed_bytes(project / "seeds", listing.files[0])


def test_a_seed_that_cannot_be_read_or_vanishes_is_reported_and_the_rest_is_built(tmp_path, monkeypatch):
    project = make_project(tmp_path / "book", {"locked.txt": "Locked.\n", "gone.txt": "Gone.\n", "fine.txt": "A fine seed on 9 May 2016.\n"})
    real_open = os.open

    def refusing_open(path, flags, *args, **kwargs):
        if path == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    real_list = seeds.list_seeds

    def list_then_delete(folder):
        listing = real_list(folder)
        (folder / "gone.txt").unlink(missing_ok=True)  # removed between listing and reading
        return listing

    monkeypatch.setattr(seeds.os, "open", refusing_open)
    monkeypatch.setattr("tools.reading.list_seeds", list_then_delete)
    book = build_book(Paths.for_project(project))
    assert [source.file for source in book.sources] == ["fine.txt"]
    reasons = {problem.file: problem.reason for problem in book.problems}
    assert reasons["locked.txt"] == "cannot be read (Permission denied)"
    assert reasons["gone.txt"] == "cannot be read (No such file or directory)"


def test_no_byte_of_a_file_outside_seeds_reaches_the_site_the_search_index_or_the_exports(hostile_book):
    project, _ = hostile_book
    passwd = Path("/etc/passwd").read_text(encoding="utf-8", errors="replace").splitlines()[:3]
    for path in published_files(project):
        content = path.read_bytes().decode("utf-8", errors="replace")
        assert OUTSIDE_SECRET[:20] not in content and "root:x:0:0" not in content, path
        assert not any(line and line in content for line in passwd), path


def test_a_name_that_is_not_utf8_is_shown_with_its_byte_escaped_and_the_seed_is_read(hostile_book):
    project, _ = hostile_book
    assert fingerprint(Paths.for_project(project))  # hashing the names and bytes does not fail
    sources = shown((project / "_build" / "html" / "sources" / "index.html").read_text(encoding="utf-8"))
    assert "bad\\xffname.txt" in sources
    records = [json.loads(line) for line in (project / "_build" / "html" / "corpus" / "passages.jsonl").read_text(encoding="utf-8").splitlines()]
    assert any(record["source"] == "bad\\xffname.txt" for record in records)


# --- no seed takes another's place -----------------------------------------------------------


def test_seeds_whose_names_give_one_address_each_keep_an_address_of_their_own_and_are_reported(tmp_path):
    seeds_ = {"a-b.txt": b"First.\n", "A_B.md": b"Second.\n", "a b.txt": b"Third.\n", "a-b.md": b"\x00binary"}
    book = build_book(Paths.for_project(hostile_project(tmp_path / "book", seeds_)))
    slugs = {source.file: source.slug for source in book.sources}
    assert sorted(slugs) == ["A_B.md", "a b.txt", "a-b.txt"]
    assert len(set(slugs.values())) == 3 and all(re.fullmatch(r"a-b-[0-9a-f]{6}", slug) for slug in slugs.values())
    conflicts = [problem for problem in book.problems if "same web address (a-b)" in problem.reason]
    assert sorted(problem.file for problem in conflicts) == ["A_B.md", "a b.txt", "a-b.md", "a-b.txt"]
    assert all("(A_B.md, a b.txt, a-b.md, a-b.txt)" in problem.reason and problem.severity == "warning" for problem in conflicts)
    assert "rename the files" in conflicts[0].reason


def test_a_same_stem_impostor_cannot_take_the_real_sources_address_or_its_notes(tmp_path):
    real = "Russia said the plane was shot down on 24 November 2015.\n"
    project = hostile_project(tmp_path / "book", {"000_real.txt": real.encode(), "000_real.md": real.replace("Russia", "Nobody").encode()})
    (project / "docs" / "data" / "sources.yaml").write_text(
        "sources:\n  - file: 000_real.txt\n    publisher: The Real Publisher\n    kind: news-digest\n", encoding="utf-8"
    )
    made = make_book(project)
    by_file = {source.file: source for source in made.book.sources}
    assert by_file["000_real.txt"].slug != by_file["000_real.md"].slug and "000-real" not in {s.slug for s in by_file.values()}
    entries = made.pages["sources/index.md"].split("(source-")[1:]
    real_entry = next(entry for entry in entries if myst.text("000_real.txt") in entry)
    impostor_entry = next(entry for entry in entries if myst.text("000_real.md") in entry)
    assert "The Real Publisher" in real_entry and "The Real Publisher" not in impostor_entry


def test_names_that_differ_only_by_unicode_normalisation_are_a_reported_conflict(hostile_book):
    project, result = hostile_book
    assert "as another seed (cafe\\u0301.txt, caf\\xe9.txt)" in result.stderr


def test_a_seed_named_like_a_page_of_the_book_gets_an_address_of_its_own(hostile_book):
    project, _ = hostile_book
    html = project / "_build" / "html" / "sources"
    assert parse_page((html / "index.html").read_text(encoding="utf-8")).text and "<h1>Sources" in (html / "index.html").read_text(encoding="utf-8")
    assert "named like the book" in shown((html / "seed-index.html").read_text(encoding="utf-8"))


def test_an_annotation_attaches_only_to_the_seed_it_names(hostile_book):
    project, result = hostile_book
    records = [json.loads(line) for line in (project / "_build" / "html" / "corpus" / "passages.jsonl").read_text(encoding="utf-8").splitlines()]
    noted = {record["source"] for record in records if "staged-claim" in record["annotations"]}
    assert noted == {"markup.txt"}
    copies = {record["source"] for record in records if ANNOTATION_QUOTED in record["text"]}
    assert copies >= {"markup.txt", "markup.md", "zz-impostor.txt"}
    assert "also matches text in markup.md, zz-impostor.txt, which it does not name: not attached there [book.data]" in result.stderr


def test_publication_dates_before_1900_or_after_the_build_are_reported_and_not_used(hostile_book):
    project, result = hostile_book
    assert "seeds/year-one.md:1: WARNING: publication date 0001-01-01 is before 1900: not used" in result.stderr
    assert "seeds/far-future.txt:1: WARNING: publication date 2099-01-01 is after the date of this build: not used" in result.stderr
    records = [json.loads(line) for line in (project / "_build" / "html" / "corpus" / "passages.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {record["date"] for record in records if record["source"] in ("year-one.md", "far-future.txt")} == {None}


# --- linear time: counted, not timed --------------------------------------------------------


def test_each_sentence_is_compared_with_a_bounded_number_of_earlier_ones(monkeypatch):
    calls: list[int] = []
    real_extract = repeats.process.extract

    def counting_extract(query, choices, **kwargs):
        calls.append(len(choices))
        return real_extract(query, choices, **kwargs)

    monkeypatch.setattr(repeats.process, "extract", counting_extract)
    from tools import split

    sentences = split.sentences(distinct_sentences_line(400_000).decode())
    index = repeats.RepeatIndex()
    for number, sentence in enumerate(sentences):
        index.find_or_add(repeats.normal_words(sentence), number)
    assert len(sentences) > 3000
    assert max(calls) <= repeats.SKETCH * repeats.BUCKET_REACH


def test_near_repeats_are_still_found_among_thousands_of_sentences():
    from tools import split

    sentences = split.sentences(distinct_sentences_line(200_000).decode())
    index = repeats.RepeatIndex()
    for number, sentence in enumerate(sentences):
        assert index.find_or_add(repeats.normal_words(sentence), number) is None
    for number in range(0, len(sentences), 97):  # a word dropped, a letter changed: still the same sentence
        words = sentences[number].split()
        altered = " ".join(words[:2] + words[3:]) if len(words) > 12 else sentences[number].replace("e", "a", 1)
        assert index.find(repeats.normal_words(altered)) == number, sentences[number]


def test_a_line_of_thousands_of_images_is_scanned_once(monkeypatch):
    starts: list[int] = []

    class CountingPattern:
        def __init__(self, pattern):
            self.pattern = pattern

        def search(self, text, position=0, *args):
            starts.append(position)
            return self.pattern.search(text, position, *args)

    monkeypatch.setattr(frontmatter, "_IMAGE_SYNTAX", CountingPattern(frontmatter._IMAGE_SYNTAX))
    lines = image_line(300_000).decode().splitlines()
    source = frontmatter.read("gallery.md", lines)
    assert len(source.media) > 4000 and len(starts) == len(source.media)
    assert starts == sorted(starts) and len(set(starts)) == len(starts)  # each search starts where the last ended


# --- no seed breaks the PDF ------------------------------------------------------------------


LONG_START, LONG_END = "START-OF-LONG-PARAGRAPH", "END-OF-LONG-PARAGRAPH"


def long_paragraph() -> bytes:
    words = "Russian aircraft struck targets near Aleppo while officials in Moscow spoke of terrorism " * 4000
    body = f"{LONG_START} {words}"[: 300_000 - len(LONG_END) - 2]
    return f"{body} {LONG_END}.\n".encode()


@pytest.fixture(scope="module")
def huge_pdf(tmp_path_factory):
    """A PDF of a 300,000-character paragraph and a 1 MB line: one lualatex run is enough to show
    that TeX reads every line (its buffer holds 200,000 characters) and sets all the text."""
    from pdfbuild import ensure_pdf_tools

    ensure_pdf_tools()
    project = hostile_project(tmp_path_factory.mktemp("huge") / "book", {"long-paragraph.txt": long_paragraph(), "one-megabyte-line.txt": one_megabyte_line()})
    from conftest import sphinx_build

    latex = sphinx_build(project, "latex")
    assert latex.returncode == 0, latex.stderr[-2000:]
    out = project / "_build" / "latex"
    run = subprocess.run(["lualatex", "-interaction=nonstopmode", "-halt-on-error", "russia-in-syria.tex"], cwd=out, capture_output=True, text=True, errors="replace")
    return out, run


@pytest.mark.pdf
def test_a_huge_paragraph_and_a_megabyte_line_make_a_pdf_that_opens_and_holds_the_text(huge_pdf):
    out, run = huge_pdf
    tex = (out / "russia-in-syria.tex").read_text(encoding="utf-8")
    assert max(len(line) for line in tex.splitlines()) <= 10_000  # TeX's buffer holds 200,000
    assert run.returncode == 0, run.stdout[-3000:]
    pdf = out / "russia-in-syria.pdf"
    assert subprocess.run(["pdfinfo", str(pdf)], capture_output=True).returncode == 0
    text = squashed(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    assert squashed(LONG_START) in text and squashed(LONG_END) in text
    last_number = one_megabyte_line().decode().split()[-1]
    assert "Tartus0Russia" in text and f"Tartus{last_number}" in text


def squashed(value: str) -> str:
    """Text without spaces, line ends and hyphens: survives line wrapping and hyphenation."""
    return re.sub(r"[\s\-\u00ad\u2010]+", "", value)


# --- the same rule for the editorial data ----------------------------------------------------


def test_an_editorial_data_file_that_is_a_link_is_refused_with_its_name(tmp_path):
    from tools.book import BookError

    project = make_project(tmp_path / "book", {"plain.txt": "A plain seed.\n"})
    glossary = project / "docs" / "data" / "glossary.yaml"
    glossary.unlink()
    glossary.symlink_to("/etc/passwd")
    with pytest.raises(BookError) as raised:
        make_book(project)
    assert "glossary.yaml: cannot be read: is a symbolic link: not followed" in str(raised.value)
    assert "root:" not in str(raised.value)


def test_a_bad_cleaning_rule_is_a_one_line_message_naming_the_file_and_the_entry(tmp_path):
    from tools.book import BookError

    project = make_project(tmp_path / "book", {"plain.txt": "A plain seed.\n"})
    rules = project / "docs" / "data" / "cleaning.yaml"
    rules.write_text("junk_blocks:\n  - pattern: '(unclosed'\n    reason: a broken rule\n  - pattern: 'x'\n", encoding="utf-8")
    with pytest.raises(BookError, match=r"cleaning\.yaml: junk_blocks\[0\]: bad pattern '\(unclosed': missing \), unterminated subpattern at position 0$"):
        make_book(project)
    rules.write_text("junk_blocks:\n  - pattern: 'x'\n", encoding="utf-8")
    with pytest.raises(BookError, match=r"cleaning\.yaml: junk_blocks\[0\]: needs a 'pattern' and a 'reason'$"):
        make_book(project)


def test_a_name_with_a_line_break_cannot_forge_a_line_of_the_report(tmp_path):
    project = make_project(tmp_path / "book", {"plain.txt": "A plain seed.\n"})
    (project / "seeds" / "evil\nWARNING: forged.txt").write_text("A seed with a line break in its name.\n", encoding="utf-8")
    (project / "seeds" / "evil\nlink.txt").symlink_to("/etc/passwd")
    book = build_book(Paths.for_project(project))
    names = {source.file for source in book.sources} | {problem.file for problem in book.problems}
    assert "evil\\u000aWARNING: forged.txt" in names and "evil\\u000alink.txt" in names
    assert not any("\n" in str(problem) for problem in book.problems)


def test_two_different_names_never_show_alike():
    from tools.seeds import display_name

    shown = {display_name(name) for name in ("a\nb.txt", "a\\u000ab.txt", os.fsdecode(b"c\xffd.txt"), "c\\xffd.txt")}
    assert len(shown) == 4
