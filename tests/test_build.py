"""End to end: the real seeds build into the book, warning-free, with the promised shape."""

import json
import re
from collections import Counter

import pytest

from tools.editorial import load_chapters
from tools.seeds import list_seeds

from conftest import ROOT, make_project, sphinx_build

pytestmark = pytest.mark.build

EXPORT_FIELDS = {"id", "source", "lines", "text", "date", "period", "themes", "terms", "url"}


@pytest.fixture(scope="module")
def built(real_book):
    return real_book


def test_the_real_seeds_build_without_a_single_warning(built):
    _, result = built
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr and "ERROR" not in result.stderr, result.stderr[-3000:]


def test_every_period_and_theme_has_its_chapter(built):
    project, _ = built
    chapters = load_chapters(ROOT / "docs" / "data" / "chapters.yaml")
    html = project / "_build" / "html"
    for period in chapters.periods:
        assert (html / "periods" / f"{period.slug}.html").is_file(), period.slug
    for theme in chapters.themes:
        assert (html / "themes" / f"{theme.slug}.html").is_file(), theme.slug


def records(project):
    lines = (project / "_build" / "html" / "corpus" / "passages.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_the_corpus_export_has_every_field_and_every_seed(built):
    project, _ = built
    exported = records(project)
    assert exported and all(EXPORT_FIELDS <= set(record) for record in exported)
    assert {record["source"] for record in exported} == {seed.name for seed in list_seeds(ROOT / "seeds").files}
    for record in exported:
        assert isinstance(record["lines"], list) and 1 <= record["lines"][0] <= record["lines"][1]
        assert record["date"] is None or re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", record["date"])
        assert record["url"].endswith("#" + record["id"])


def test_every_passage_has_one_full_text_home_and_its_url_reaches_it(built):
    project, _ = built
    html = project / "_build" / "html"
    homes = Counter()
    for page in html.rglob("*.html"):
        for found in re.findall(r'id="(p-[a-z0-9-]+)"', page.read_text(encoding="utf-8")):
            homes[found] += 1
    exported = records(project)
    assert all(homes[record["id"]] == 1 for record in exported)
    for record in exported[:: max(1, len(exported) // 40)]:
        page, anchor = record["url"].split("#")
        assert f'id="{anchor}"' in (html / page).read_text(encoding="utf-8")


def test_theme_chapters_link_excerpts_to_the_period_homes(built):
    project, _ = built
    exported = records(project)
    themed = next(r for r in exported if "bases" in r["themes"] and not set("<>&\"'") & set(r["text"]))
    page = (project / "_build" / "html" / "themes" / "bases.html").read_text(encoding="utf-8")
    assert f'href="../{themed["url"]}"' in page
    assert themed["text"] not in page  # an excerpt, not the full text a second time


def test_the_home_page_offers_periods_and_themes_as_cards_and_the_download(built):
    project, _ = built
    page = (project / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    assert page.count("sd-card ") >= 24
    assert 'href="corpus/passages.jsonl"' in page


def letters(text: str) -> str:
    return "".join(re.findall(r"\w", text.casefold()))


def is_subsequence(needle: str, haystack: str) -> bool:
    rest = iter(haystack)
    return all(char in rest for char in needle)


def test_every_passage_links_to_source_lines_that_really_hold_its_words(built):
    project, _ = built
    html = project / "_build" / "html"
    viewers = {}
    for record in records(project):
        seed_lines = (ROOT / "seeds" / record["source"]).read_text(encoding="utf-8").splitlines()
        first, last = record["lines"]
        # The passage's letters, in order, stand on its lines (markup and removed noise aside).
        assert is_subsequence(letters(record["text"]), letters(" ".join(seed_lines[first - 1 : last]))), record["id"]
        # and the span is tight: its first line holds the first word, its last line the last word
        words = re.findall(r"\w+", record["text"].casefold())
        assert words[0] in seed_lines[first - 1].casefold() and words[-1] in seed_lines[last - 1].casefold(), record["id"]
        page, anchor = record["source_url"].split("#")
        assert anchor == f"L{first}"
        if page not in viewers:
            viewers[page] = (html / page).read_text(encoding="utf-8")
        assert f'<tr id="{anchor}"' in viewers[page]
        home_page = record["url"].split("#")[0]
        home = (html / home_page).read_text(encoding="utf-8")
        assert f'href="{"../" * home_page.count("/")}{page}#{anchor}"' in home


def test_every_passage_cites_its_source_and_the_sources_chapter_covers_every_seed(built):
    project, _ = built
    html = project / "_build" / "html"
    sources = (html / "sources" / "index.html").read_text(encoding="utf-8")
    for seed in list_seeds(ROOT / "seeds").files:
        assert seed.name in sources
    slugs = {record["source"]: record["source_url"].split("/")[1].split(".html")[0] for record in records(project)}
    for record in records(project):
        page = (html / record["url"].split("#")[0]).read_text(encoding="utf-8")
        block = page[page.index(f'id="{record["id"]}"') :]
        block = block[: block.index("</blockquote>")]
        # a citation of its own source's bibliography entry, and a link to its own lines
        assert re.search(rf'href="[^"]*sources/index\.html#id\d+" title="[^"]*seed file {re.escape(record["source"])}', block), record["id"]
        assert f'sources/{slugs[record["source"]]}.html#L{record["lines"][0]}' in block, record["id"]


def test_events_told_by_two_seeds_are_cross_linked(built):
    project, _ = built
    exported = {record["id"]: record for record in records(project)}

    def linked(term, first_seed, second_seed):
        for record in exported.values():
            if record["source"].startswith(first_seed) and term in record["terms"]:
                if any(exported[other]["source"].startswith(second_seed) and term in exported[other]["terms"] for other in record["also_reported"]):
                    return True
        return False

    assert linked("Su-24", "001", "003")
    assert linked("Il-20", "000", "001")


# --- parallel builds ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def parallel_book(tmp_path_factory):
    """The real seeds built with two processes (-j 2), fresh and warning-strict."""
    project = make_project(tmp_path_factory.mktemp("parallel") / "book", real_seeds=True)
    return project, sphinx_build(project, "html", "-j", "2")


def site(project) -> dict[str, bytes]:
    """The published site, byte for byte: Sphinx's build state (.buildinfo, doctrees, the
    environment pickle and the conversion cache beside them) left out."""
    html = project / "_build" / "html"
    return {
        str(path.relative_to(html)): path.read_bytes()
        for path in sorted(html.rglob("*"))
        if path.is_file() and path.name != ".buildinfo" and ".doctrees" not in path.relative_to(html).parts
    }


def test_two_processes_build_the_same_site_as_one_byte_for_byte(built, parallel_book):
    one, two = site(built[0]), site(parallel_book[0])
    _, result = parallel_book
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(one) > 50 and one.keys() == two.keys()
    assert {name for name in one if name.endswith((".html", ".js", ".jsonl", ".json"))} >= {"index.html", "searchindex.js", "corpus/passages.jsonl"}
    assert [name for name in one if one[name] != two[name]] == []
