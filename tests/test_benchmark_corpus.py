"""The benchmark's corpus generator: distinct documents, in the formats the readers recognise,
the same every time, and as much text as the scale asks for. No test here times anything."""

from __future__ import annotations

import random
import sys
from itertools import combinations

import pytest

from conftest import ROOT
from tools.readers import read_source

sys.path.insert(0, str(ROOT / "benchmarks"))
from baseline import strip_page  # noqa: E402
from corpus import READER_OF, Renamer, generate, load_material, seeds_size, shift_dates  # noqa: E402

UNIT = 60_000  # bytes: small corpora keep the test fast


@pytest.fixture(scope="module")
def material():
    return load_material()


@pytest.fixture(scope="module")
def corpus(material):
    return generate(4 * UNIT, material)


def kind_of(name: str) -> str:
    return name.split("_")[1]


def test_the_same_seed_gives_the_same_bytes_and_another_seed_other_documents(material, corpus):
    assert generate(4 * UNIT, material) == corpus
    assert generate(4 * UNIT, material, seed=7) != corpus


def test_every_document_is_read_in_the_format_it_was_written_for(corpus):
    assert {kind_of(name) for name in corpus} == set(READER_OF)
    for name, data in corpus.items():
        source = read_source(name, data.decode("utf-8").splitlines())
        assert source.metadata["format"] == READER_OF[kind_of(name)], name
        assert source.blocks, name


def test_documents_are_distinct_not_copies_of_one_another(corpus):
    assert len(set(corpus.values())) == len(corpus)
    lines = {name: {line for line in data.decode("utf-8").splitlines() if len(line) > 40} for name, data in corpus.items()}
    for first, second in combinations(corpus, 2):
        shared = lines[first] & lines[second]
        assert len(shared) <= 0.2 * min(len(lines[first]), len(lines[second])), (first, second)


def test_the_text_grows_linearly_with_the_scale(material):
    sizes = {units: sum(map(len, generate(units * UNIT, material).values())) for units in (1, 2, 4)}
    for units, size in sizes.items():
        assert units * UNIT <= size <= units * UNIT * 1.25, (units, size)
    assert seeds_size() > 100_000  # the unit of scale: the five seeds' bytes


def test_dates_shift_inside_the_war_and_days_stay_days():
    assert shift_dates("On 30 September 2015 and in 2023.", 2, 3) == "On 5 September 2017 and in 2024."
    assert shift_dates("March 14, 2016", -9, 0) == "March 14, 2011"


def test_a_document_renames_an_entry_the_same_way_each_time():
    names = {"person": [["Vladimir Putin", "Putin"], ["Sergei Lavrov", "Lavrov"]], "place": [["Aleppo"], ["Homs"]]}
    rename = Renamer(names, random.Random(1), share=1.0)
    text = rename("Putin met Vladimir Putin's envoy in Aleppo; Aleppo fell.")
    assert text == "Sergei Lavrov met Sergei Lavrov's envoy in Homs; Homs fell."


def test_the_baseline_strips_the_books_roles_and_directives_to_plain_myst(tmp_path):
    page = (
        "> On 6 January\\, {term}`Moscow <Moscow>` spoke · {cite:p}`src-001` · {source-lines}`001:226-228:a.txt`\n\n"
        "::::{grid} 1 2\n:::{grid-item-card} A period\n:link: periods/x\n:link-type: doc\n3 passages\n:::\n::::\n\n"
        "```{bibliography}\n:all:\n```\n\n:::{admonition} Kept\nText.\n:::\n"
    )
    assert strip_page(page, tmp_path) == (
        "> On 6 January\\, Moscow spoke · src-001 · lines 226-228\n\n"
        "**A period**\n\n3 passages\n\n\n:::{admonition} Kept\nText.\n:::\n"
    )
