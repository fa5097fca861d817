"""The glossary: how names in passages are linked, what the loader refuses, and the public
interface other sites and readers rely on (anchors, objects.inv, index, search, glossary.json,
definitions on hover)."""

import functools
import html
import json
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from tools.editorial import EditorialError
from tools.glossary import Alias, Category, Entry, Glossary, anchor_id, anchor_snapshot, load_glossary, load_public_anchors, readable_from_inventory
from tools.link import Linker, link_passages
from tools.model import Passage
from tools.pages.common import linked_text

from conftest import ROOT, dedent, make_project

GLOSSARY = ROOT / "docs" / "data" / "glossary.yaml"
SNAPSHOT = ROOT / "tests" / "data" / "glossary-anchors.txt"
KHMEIMIM = "Khmeimim Air Base"


def entry(term, *aliases, category="place", **options):
    aliases = [alias if isinstance(alias, Alias) else Alias(alias) for alias in aliases]
    return Entry(term, category, f"About {term}.", aliases=aliases, **options)


def linker(*entries):
    return Linker(Glossary([Category("place", "Places"), Category("person", "People")], list(entries)))


def links(linker, text):
    """(spelling in the text, canonical name) for each linked mention."""
    return [(text[m.start : m.end], m.entry.term) for m in linker.first_mentions(text)]


@pytest.fixture(scope="module")
def shipped():
    return load_glossary(GLOSSARY)


# ----------------------------------------------------------------------------- linking rules


def test_the_longest_name_wins_where_names_overlap():
    found = linker(
        entry("Syrian Army"),
        entry("Free Syrian Army"),
        entry("Islamic State", "Islamic State of Iraq and the Levant"),
        entry("Iraq"),
        entry("Khmeimim Air Base", "Khmeimim"),
    )
    text = "The Free Syrian Army, the Syrian Army and the Islamic State of Iraq and the Levant near Khmeimim Air Base."
    assert links(found, text) == [
        ("Free Syrian Army", "Free Syrian Army"),
        ("Syrian Army", "Syrian Army"),
        ("Islamic State of Iraq and the Levant", "Islamic State"),
        ("Khmeimim Air Base", "Khmeimim Air Base"),
    ]


def test_names_are_found_as_whole_words_only():
    found = linker(entry("Hama"), entry("Iran"), entry("Su-24"), entry("Homs"))
    assert links(found, "Hamas, Iranian officials, a Su-24M2 and the Homsi family.") == []
    assert links(found, "Iran's ally lost a Su-24 over Hama.") == [("Iran", "Iran"), ("Su-24", "Su-24"), ("Hama", "Hama")]


def test_hama_is_never_found_inside_hamas():
    found = linker(entry("Hama"), entry("Hamas"))
    assert links(found, "Hamas leaders met in Hama.") == [("Hamas", "Hamas"), ("Hama", "Hama")]
    assert links(linker(entry("Hama")), "Hamas leaders met in Damascus.") == []


def test_IS_is_linked_only_as_the_upper_case_word():
    found = linker(entry("Islamic State", "ISIS", Alias("IS", case_sensitive=True)))
    assert links(found, "This is what IS fighters said.") == [("IS", "Islamic State")]
    assert links(found, "this is it. Is it? It is.") == []
    assert [found_text for found_text, _ in links(found, "ISIS, also called IS")] == ["ISIS"]  # one entry, one link
    assert [m.entry.term for m in found.mentions("ISIS, also called IS")] == ["Islamic State", "Islamic State"]


def test_assad_is_bashar_unless_the_passage_speaks_of_hafez():
    found = linker(
        entry("Bashar al-Assad", Alias("Assad", ambiguous_with="Hafez al-Assad"), category="person", context_words=["Bashar"]),
        entry("Hafez al-Assad", "Hafez Assad", category="person", context_words=["Hafez"]),
    )
    assert links(found, "Assad asked Moscow for help in 2015.") == [("Assad", "Bashar al-Assad")]
    assert [m.entry.term for m in found.mentions("In 1980 Hafez signed the treaty; Assad kept Tartus open.")] == ["Hafez al-Assad"]
    # Both named: the alias keeps its own entry.
    assert links(found, "Bashar, son of Hafez, ruled from 2000; Assad then turned to Moscow.") == [("Assad", "Bashar al-Assad")]


def test_the_shipped_glossary_reads_assad_the_same_way(shipped):
    found = Linker(shipped)
    assert links(found, "Putin met Assad in the Kremlin.") [:2] == [("Putin", "Vladimir Putin"), ("Assad", "Bashar al-Assad")]
    text = "In 1971 Hafez al-Assad's Syria opened Tartus to Soviet ships; Assad ruled until 2000."
    assert [m.entry.term for m in found.mentions(text) if "Assad" in m.entry.term] == ["Hafez al-Assad", "Hafez al-Assad"]


@pytest.mark.parametrize(
    "text",
    [
        "Hay'at Tahrir al-Sham",
        "Hay’at Tahrir al‑Sham",  # right single quote, non-breaking hyphen
        "Hay‘at Tahrir al–Sham",  # left single quote, en dash
        "Hayʼat  Tahrir\u00a0al‐Sham",  # modifier apostrophe, two spaces, no-break space, hyphen U+2010
        "HAY'AT TAHRIR AL-SHAM",
    ],
)
def test_apostrophes_hyphens_spaces_and_case_may_vary(text):
    found = linker(entry("Hay'at Tahrir al-Sham", "HTS"), entry("Ma’arrat al-Nu’man"))
    assert links(found, f"Fighters of {text} left.") == [(text, "Hay'at Tahrir al-Sham")]
    assert links(found, "Ma'arrat al-Nu'man fell.") == [("Ma'arrat al-Nu'man", "Ma’arrat al-Nu’man")]


def test_only_the_first_mention_of_each_entry_in_a_passage_is_linked():
    found = linker(entry("Khmeimim Air Base", "Hmeimim", "Khmeimim"), entry("Latakia"))
    text = "Hmeimim lies near Latakia. Jets left Khmeimim Air Base; Latakia heard them; Khmeimim again."
    assert links(found, text) == [("Hmeimim", "Khmeimim Air Base"), ("Latakia", "Latakia")]
    passage = Passage("p-1", "a.txt", 1, 1, text)
    rendered = linked_text(passage.text, found.first_mentions(text))
    assert rendered.count("{term}") == 2
    assert "<Khmeimim Air Base>" in rendered and "<Latakia>" in rendered


def test_a_persons_surname_links_after_the_same_source_named_them_in_full_but_not_a_month_or_a_word_of_another_name():
    found = linker(
        entry("Susan Rice", category="person"),
        entry("Theresa May", category="person"),
        entry("Salih Muslim", category="person"),
        entry("Muslim Brotherhood", category="place"),
    )
    passages = [
        Passage("p-1", "a.txt", 1, 1, "Rice spoke first."),  # not yet named in this source
        Passage("p-2", "a.txt", 2, 2, "Susan Rice, Theresa May and Salih Muslim met."),
        Passage("p-3", "a.txt", 3, 3, "Rice said no. In May the talks failed. Muslim Syria, he wrote."),
        Passage("p-4", "b.txt", 1, 1, "Rice said nothing."),  # another source
        Passage("p-5", "a.txt", 4, 4, "They ate rice."),  # as written only
    ]
    link_passages(passages, found)
    assert [passage.terms for passage in passages] == [[], ["Susan Rice", "Theresa May", "Salih Muslim"], ["Susan Rice"], [], []]


def test_passage_terms_are_canonical_names_in_order_of_first_mention():
    found = linker(entry("Khmeimim Air Base", "Hmeimim"), entry("Latakia", "Lattakia"), entry("Tartus"))
    passages = [Passage("p-1", "a.txt", 1, 1, "Lattakia is near Hmeimim, not Tartus; Hmeimim again."), Passage("p-2", "a.txt", 3, 3, "Nothing here.")]
    link_passages(passages, found)
    assert passages[0].terms == ["Latakia", "Khmeimim Air Base", "Tartus"]
    assert passages[1].terms == []


def test_a_surname_that_needs_context_links_once_the_same_source_has_named_its_entry():
    khurs = entry("Ivan Khurs", Alias("Khurs", context=("ambassador", "envoy")), category="person")
    found = linker(khurs)
    passages = [
        Passage("p-1", "report.txt", 1, 1, "Khurs arrived first."),  # nothing named yet, no context words
        Passage("p-2", "report.txt", 3, 3, "Ivan Khurs met the governor."),
        Passage("p-3", "report.txt", 5, 5, "Later Khurs left for Moscow."),
        Passage("p-4", "other.txt", 1, 1, "Khurs said nothing."),  # another source has not named him
    ]
    link_passages(passages, found)
    assert [passage.terms for passage in passages] == [[], ["Ivan Khurs"], ["Ivan Khurs"], []]


# --------------------------------------------------------------- the shipped glossary on the seeds


def seed_passages():
    from tools.pipeline import Paths, build_book

    return build_book(Paths.for_project(ROOT)).passages


def test_every_spelling_of_the_khmeimim_base_in_the_seeds_is_one_entry(shipped):
    seeds = "\n".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").iterdir()))
    spellings = set(re.findall(r"[^\W\d_]*(?:me[iy]m|мейм)[^\W\d_]*", seeds, re.IGNORECASE))
    assert {"Khmeimim", "Hmeimim", "Hmeymim", "Khmeymim", "Hemeimeem", "Хмеймим", "Химеймим"} <= spellings
    found = Linker(shipped)
    for spelling in sorted(spellings):
        mentions = found.mentions(f"Aircraft at {spelling} today.")
        assert [(m.entry.term, f"Aircraft at {spelling} today."[m.start : m.end]) for m in mentions] == [(KHMEIMIM, spelling)], spelling
    assert {entry.term for entry in shipped.entries if re.search(r"me[iy]m", entry.term, re.I) and "base" in entry.term.lower()} == {KHMEIMIM}


def test_in_the_seeds_every_linked_name_is_a_whole_word_and_hama_never_hides_in_hamas(shipped):
    found = Linker(shipped)
    passages = seed_passages()
    assert any("Hamas" in passage.text for passage in passages)  # the case is really there
    for passage in passages:
        for mention in found.name_mentions(passage.text):
            before = passage.text[mention.start - 1 : mention.start] if mention.start else ""
            after = passage.text[mention.end : mention.end + 1]
            joined = before == "-" and passage.text[mention.start].isupper() and passage.text[mention.start - 2 : mention.start - 1].isalpha()  # "Assad-Putin"
            assert (joined or not re.match(r"[\w-]", before)) and not re.match(r"\w", after), (passage.id, passage.text[mention.start - 10 : mention.end + 10])
            if passage.text[mention.start : mention.end].lower() == "hama":
                assert not passage.text[mention.end :].lower().startswith("s")


# ---------------------------------------------------------------------------- validation errors

CATEGORIES = "categories:\n  - {slug: place, title: Places}\n  - {slug: person, title: People}\n"


def refusal(tmp_path, entries: str) -> str:
    path = tmp_path / "glossary.yaml"
    path.write_text(CATEGORIES + "entries:\n" + dedent(entries), encoding="utf-8")
    with pytest.raises(EditorialError) as caught:
        load_glossary(path)
    message = str(caught.value)
    assert str(path) in message  # every refusal names the file
    return message


def test_an_alias_shared_by_two_entries_is_refused_naming_both(tmp_path):
    message = refusal(
        tmp_path,
        """
          - {term: Bashar al-Assad, category: person, aliases: [Assad], definition: President., basis: [a test]}
          - {term: Hafez al-Assad, category: person, aliases: [assad], definition: His father., basis: [a test]}
        """,
    )
    assert "entry 'Hafez al-Assad'" in message and "'assad'" in message and "Bashar al-Assad" in message


def test_an_unknown_related_entry_is_refused(tmp_path):
    message = refusal(tmp_path, "  - {term: Hama, category: place, definition: A city., basis: [a test], related: [Hama Governorate]}\n")
    assert "entry 'Hama'" in message and "'Hama Governorate'" in message and "does not exist" in message


def test_a_related_entry_named_by_its_old_name_after_a_rename_is_found_by_its_alias(tmp_path):
    path = tmp_path / "glossary.yaml"
    path.write_text(
        CATEGORIES + "entries:\n"
        "  - {term: Hmeimim Air Base, category: place, aliases: [Khmeimim Air Base], definition: A base., basis: [a test]}\n"
        "  - {term: Latakia, category: place, definition: A city., basis: [a test], related: [Khmeimim Air Base]}\n",
        encoding="utf-8",
    )
    assert load_glossary(path).entries[1].related == ["Hmeimim Air Base"]


def test_a_canonical_name_must_be_ascii(tmp_path):
    message = refusal(tmp_path, "  - {term: Türkiye, category: place, definition: A country., basis: [a test]}\n")
    assert "entry 'Türkiye'" in message and "ASCII" in message


def test_two_entries_whose_names_make_the_same_anchor_are_refused(tmp_path):
    message = refusal(
        tmp_path,
        """
          - {term: "Hay'at Tahrir al-Sham", category: place, definition: One., basis: [a test]}
          - {term: "Hay at Tahrir al Sham", category: place, definition: Two., basis: [a test]}
        """,
    )
    assert "entry 'Hay at Tahrir al Sham'" in message and "term-Hay-at-Tahrir-al-Sham" in message and "Hay'at Tahrir al-Sham" in message


def test_an_alias_may_not_take_another_entrys_anchor(tmp_path):
    message = refusal(
        tmp_path,
        """
          - {term: Deir ez-Zor, category: place, definition: A city., basis: [a test]}
          - {term: Deir ez-Zor Governorate, category: place, aliases: [Deir ez Zor], definition: Its province., basis: [a test]}
        """,
    )
    assert "entry 'Deir ez-Zor Governorate'" in message and "'Deir ez Zor'" in message and "anchor of 'Deir ez-Zor'" in message


def test_a_canonical_name_that_intersphinx_would_misread_is_refused(tmp_path):
    # Sphinx's inventory reader takes "resolution 2254" for an object type and a priority.
    message = refusal(tmp_path, "  - {term: UN Security Council resolution 2254, category: place, definition: A text., basis: [a test]}\n")
    assert "entry 'UN Security Council resolution 2254'" in message and "intersphinx" in message
    path = tmp_path / "glossary.yaml"
    path.write_text(
        CATEGORIES + "entries:\n  - {term: Resolution 2254, category: place, aliases: [UN Security Council resolution 2254], definition: A text., basis: [a test]}\n",
        encoding="utf-8",
    )
    assert load_glossary(path).entries[0].anchor == "term-Resolution-2254"


def test_the_shipped_glossary_is_an_authority_file_of_the_field_and_every_definition_names_its_basis(shipped):
    assert len(shipped.entries) >= 800
    assert all(entry.definition and entry.anchor and entry.basis for entry in shipped.entries)
    assert all(entry.patterns for entry in shipped.entries if entry.category == "event")


def test_a_first_edition_publishes_exactly_the_entries_its_passages_mention(tmp_path):
    from tools.book import make_book

    project = make_project(tmp_path / "book", {"one.txt": "Russian jets flew from Hmeimim to strike Idlib on 3 May 2019.\n"})
    (project / "docs" / "data" / "public-anchors.txt").unlink()  # no earlier edition
    made = make_book(project)
    page = made.pages["glossary.md"]
    assert "Khmeimim Air Base" in page and "Idlib" in page and "Not mentioned" not in page
    assert "Tartus" not in page and "Vladimir Putin" not in page  # in the authority file, not in these passages
    (project / "seeds" / "two.txt").write_text("Putin visited Tartus on 12 December 2017.\n", encoding="utf-8")
    page = make_book(project).pages["glossary.md"]
    assert "\nTartus\n" in page and "\nVladimir Putin\n" in page  # they appear by themselves


def test_an_event_told_in_ordinary_prose_is_found_by_its_patterns(shipped):
    found = Linker(shipped)
    text = "Syrian air defences shot down a Russian Il-20 over the Mediterranean, killing 15 servicemen."
    events = [m.entry.term for m in found.mentions(text) if m.by_pattern]
    assert events == ["2018 Il-20 shootdown"]
    assert ("Il-20", "Il-20") in [(text[m.start : m.end], m.entry.term) for m in found.name_mentions(text)]


@pytest.mark.parametrize(
    "pattern, literals",
    [
        (r"\bSyrian civil war\b", {"syrian civil war"}),
        (r"\b(shot|brought) down (a|the) Russian Su-25", {" russian su-25"}),  # the longest run every match holds
        (r"\b(air ?strike|bombing) on (the )?Iran(ian|'s)? consulate", {" consulate"}),
        (r"\b(battle|siege) of (Aleppo|Homs)\b", {"battle", "siege"}),  # one alternative or the other
        (r"\b(al-)?Qusa?y?ir\b", {"qus"}),
        (r"\b(al-)?Q[uo]s?a?y?ir\b", None),  # no run of three letters that every match holds: run on every text
    ],
)
def test_an_event_pattern_runs_only_on_texts_holding_a_literal_every_match_contains(pattern, literals):
    from tools.textmatch import required_literals

    found = required_literals(re.compile(pattern, re.IGNORECASE))
    assert (None if found is None else set(found)) == literals


def test_the_texts_holding_a_patterns_literals_are_found_in_one_pass_whatever_their_case():
    from tools.textmatch import texts_holding

    texts = ["The SIEGE of Homs.", "A quiet day.", "Battle lines were drawn.", "siege"]
    assert texts_holding([frozenset({"battle", "siege"}), frozenset({"convoy"}), None], texts) == [[0, 2, 3], [], [0, 1, 2, 3]]


def test_events_found_text_by_text_are_those_found_in_all_the_text_at_once(shipped):
    found = Linker(shipped)
    texts = ["Syrian air defences shot down a Russian Il-20 over the Mediterranean.", "Nothing happened.", "Turkey shot down a Russian Su-24 on the Syrian border."]
    by_text = [[m.entry.term for m in mentions] for mentions in found.pattern_mentions_of_many(texts)]
    one_by_one = [[m.entry.term for m in found.mentions(text) if m.by_pattern] for text in texts]
    brute_force = [[entry.term for entry, pattern in found.events if pattern.search(text)] for text in texts]
    assert by_text == one_by_one and [sorted(set(terms)) for terms in by_text] == [sorted(set(terms)) for terms in brute_force]
    assert "2018 Il-20 shootdown" in by_text[0] and by_text[1] == [] and "2015 Russian Su-24 shootdown" in by_text[2]


def test_an_alias_with_context_words_links_only_beside_them(shipped):
    found = Linker(shipped)
    assert "Syrian National Council" not in [m.entry.term for m in found.mentions("The SNC met in the morning.")]
    assert "Syrian National Council" in [m.entry.term for m in found.mentions("The opposition SNC met in Istanbul.")]


# ------------------------------------------------------------------------------------ anchors


def test_the_anchor_rule_of_the_how_to_link_page():
    assert anchor_id("Khmeimim Air Base") == "term-Khmeimim-Air-Base"
    assert anchor_id("Hay'at Tahrir al-Sham") == "term-Hay-at-Tahrir-al-Sham"
    assert anchor_id("Türkiye") == "term-Turkiye"
    assert anchor_id("S-400") == "term-S-400"
    assert anchor_id("Battle of Grozny (1999–2000)") == "term-Battle-of-Grozny-19992000"
    assert anchor_id("Donald J. Trump") == "term-Donald-J.-Trump"  # Sphinx keeps dots
    assert anchor_id("Хмеймим") == ""


def test_anchors_are_a_public_interface_and_match_the_committed_snapshot(shipped):
    committed = SNAPSHOT.read_text(encoding="utf-8")
    current = anchor_snapshot(shipped)
    assert committed.splitlines() == sorted(committed.splitlines())
    old = dict(line.split("\t") for line in committed.splitlines())
    new = dict(line.split("\t") for line in current.splitlines())
    gone = sorted(f"{anchor} ({old[anchor]})" for anchor in old.keys() - new.keys())
    added = sorted(f"{anchor} ({new[anchor]})" for anchor in new.keys() - old.keys())
    renamed = sorted(f"{anchor}: {old[anchor]!r} -> {new[anchor]!r}" for anchor in old.keys() & new.keys() if old[anchor] != new[anchor])
    assert committed == current, (
        "The glossary's public anchors changed (other sites link to them: see docs/about/how-to-link.md).\n"
        f"  anchors gone: {gone}\n  anchors added: {added}\n  names changed: {renamed}\n"
        "If an entry was renamed by mistake, restore its canonical name. If on purpose, keep the old name as an "
        "alias (its anchor stays on the glossary page), then update the snapshot deliberately and commit it with "
        "the glossary change:\n"
        "  .venv/bin/syria-book anchors > tests/data/glossary-anchors.txt"
    )


def test_the_anchors_command_prints_the_snapshot_format(capsys):
    from tools.cli import main

    assert main(["--root", str(ROOT), "anchors"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "term-Khmeimim-Air-Base\tKhmeimim Air Base" in lines
    assert lines == sorted(lines) and len(lines) == len(load_glossary(GLOSSARY).entries)


# ------------------------------------------------------- the real book: one shared Sphinx build


@pytest.fixture(scope="module")
def site(real_site):
    return real_site


PUBLIC_ANCHORS = ROOT / "docs" / "data" / "public-anchors.txt"


@pytest.fixture(scope="module")
def published(site, shipped):
    """The entries the real book publishes: those its passages mention, and those whose anchors
    an earlier edition published."""
    records = [json.loads(line) for line in (site / "corpus" / "passages.jsonl").read_text(encoding="utf-8").splitlines()]
    mentioned = {term for record in records for term in record["terms"]}
    public = load_public_anchors(PUBLIC_ANCHORS)
    return [entry for entry in shipped.entries if entry.term in mentioned or entry.anchor in public]


@pytest.mark.build
def test_every_anchor_an_edition_published_still_resolves_and_every_published_one_is_registered(site, published):
    ids = page_ids(site / "glossary.html")
    public = load_public_anchors(PUBLIC_ANCHORS)
    assert len(public) >= 375 and sorted(public - ids) == []
    assert sorted(entry.term for entry in published if entry.anchor not in public) == [], (
        "Entries published for the first time: register their anchors with "
        "`.venv/bin/syria-book anchors --published >> docs/data/public-anchors.txt`"
    )


def page_ids(page: Path) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', page.read_text(encoding="utf-8")))


@pytest.mark.build
def test_every_published_entry_has_its_anchor_on_the_glossary_page_and_so_has_every_latin_alias(site, published):
    ids = page_ids(site / "glossary.html")
    assert len(published) >= 300
    assert [entry.term for entry in published if entry.anchor not in ids] == []
    # A renamed entry keeps its old name as an alias, so links to the old anchor still arrive.
    # The rule holds for every name in Latin letters, not only for canonical names.
    latin = [alias.text for entry in published for alias in entry.aliases if alias.text.isascii()]
    assert [name for name in latin if anchor_id(name) not in ids] == []
    assert {"term-UN-Security-Council-resolution-2254", "term-Metrojet-Flight-9268"} <= ids


@pytest.mark.build
def test_objects_inv_lists_every_published_entry_and_alias_as_a_glossary_term(site, published):
    from sphinx.util.inventory import InventoryFile

    data = (site / "objects.inv").read_bytes()
    listed = {line.split(" std:term ")[0].casefold() for line in zlib.decompress(data.split(b"\n", 4)[4]).decode().splitlines() if " std:term " in line}
    inventory = InventoryFile.loads(data, uri="https://example.org/book/").data
    terms = {name.casefold(): item.uri for name, item in inventory["std:term"].items()}
    for entry in published:
        # Read back as intersphinx reads it, every entry points at its public anchor.
        assert terms.get(entry.term.casefold()) == f"https://example.org/book/glossary.html#{entry.anchor}", entry.term
        for alias in entry.aliases:
            assert alias.text.casefold() in listed, alias.text
            if readable_from_inventory(alias.text):  # "UNSC resolution 2254" is listed, but intersphinx misreads it
                assert terms.get(alias.text.casefold(), "").startswith("https://example.org/book/glossary.html#term-"), alias.text


@pytest.mark.build
def test_every_name_is_in_the_general_index_and_aliases_are_in_the_search_index(site, published):
    genindex = html.unescape((site / "genindex.html").read_text(encoding="utf-8"))
    indexed = {name.casefold() for name in re.findall(r'<a href="glossary\.html#[^"]+"><strong>(.*?)</strong></a>', genindex)}

    def in_index(name):
        # Sphinx files "Palmyra offensive (March 2016)" as "(March 2016)" under "Palmyra offensive (...)".
        qualified = re.fullmatch(r"(.*) (\([^()]*\))", name.casefold())
        return name.casefold() in indexed or bool(
            qualified and qualified.group(2) in indexed and any(n == qualified.group(1) or n.startswith(qualified.group(1) + " (") for n in indexed)
        )

    assert [name for entry in published for name in entry.names if not in_index(name)] == []
    script = (site / "searchindex.js").read_text(encoding="utf-8")
    search = json.loads(script[script.index("(") + 1 : script.rindex(")")])
    glossary_doc = search["docnames"].index("glossary")
    for alias in ["Hmeimim", "Hemeimeem", "Khmeymim", "Хмеймим", "ISIL", "Daesh"]:
        assert any(hit[0] == glossary_doc for hit in search["indexentries"].get(alias.casefold(), [])), alias
    assert "hmeimim" in search["terms"]  # the word itself, for full-text search


@pytest.mark.build
def test_glossary_json_describes_every_published_entry_with_working_anchors(site, published):
    exported = json.loads((site / "corpus" / "glossary.json").read_text(encoding="utf-8"))
    assert [item["term"] for item in exported] == [entry.term for entry in published]
    ids = page_ids(site / "glossary.html")
    homes = {}
    for line in (site / "corpus" / "passages.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        homes[record["id"]] = record["url"]
    for item, entry in zip(exported, published):
        assert {"term", "anchor", "category", "aliases", "definition", "basis", "mentions"} <= set(item)
        assert item["anchor"] == f"glossary.html#{entry.anchor}" and entry.anchor in ids
        assert (item["category"], item["aliases"], item["definition"]) == (entry.category, [a.text for a in entry.aliases], entry.definition)
        for passage_id in item["mentions"]:
            page, anchor = homes[passage_id].split("#")
            assert anchor == passage_id and passage_id in page_ids_cached(site / page), passage_id
    khmeimim = next(item for item in exported if item["term"] == KHMEIMIM)
    assert len(khmeimim["mentions"]) >= 10


@functools.lru_cache(maxsize=None)
def page_ids_cached(page: Path) -> frozenset[str]:
    return frozenset(page_ids(page))


@pytest.mark.build
def test_the_corpus_lists_canonical_names_as_passage_terms(site, shipped):
    canonical = {entry.term for entry in shipped.entries}
    records = [json.loads(line) for line in (site / "corpus" / "passages.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(set(record["terms"]) <= canonical for record in records)
    hmeimim = [record for record in records if re.search(r"\bHmeimim\b", record["text"])]
    assert hmeimim and all(KHMEIMIM in record["terms"] and "Hmeimim" not in record["terms"] for record in hmeimim)


@pytest.mark.build
def test_another_sphinx_project_links_to_entries_through_intersphinx(site, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "conf.py").write_text(
        dedent(
            f"""
            extensions = ["sphinx.ext.intersphinx"]
            intersphinx_mapping = {{"syria": ({site.as_uri()!r}, {str(site / "objects.inv")!r})}}
            """
        ),
        encoding="utf-8",
    )
    (other / "index.rst").write_text(
        "Notes\n=====\n\nThe :term:`syria:Khmeimim Air Base` is also called :term:`syria:Hmeimim`.\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-W", "-q", "-E", str(other), str(other / "_build")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    page = (other / "_build" / "index.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'<a class="reference external" href="([^"]+)"', page)
    assert len(hrefs) == 2, page
    assert hrefs[0].endswith("glossary.html#term-Khmeimim-Air-Base")
    assert hrefs[1].endswith("glossary.html#term-Hmeimim")
    # The variant's own anchor is a name of the same entry, on the same page.
    glossary = (site / "glossary.html").read_text(encoding="utf-8")
    entry_head = glossary[glossary.index('id="term-Khmeimim-Air-Base"') : glossary.index("<dd", glossary.index('id="term-Khmeimim-Air-Base"'))]
    assert 'id="term-Hmeimim"' in entry_head


# --------------------------------------------------------------- hover: a real browser on the site

@pytest.mark.build
def test_hovering_or_focusing_a_term_shows_its_definition_without_leaving_the_page(browser, served, shipped):
    definitions = {entry.anchor: entry for entry in shipped.entries}
    page = browser.new_page()
    address = f"{served}/periods/2018-2019-permanent-presence.html"
    page.goto(address)
    link = page.locator('article a.reference.internal[href*="glossary.html#term-"]').first
    entry = definitions[link.get_attribute("href").split("#")[1]]
    tip = page.locator(".glossary-tip")
    assert tip.count() == 0
    link.hover()
    tip.wait_for(state="visible", timeout=5000)
    assert tip.inner_text().startswith(entry.term) and entry.definition in tip.inner_text()
    assert page.url == address  # a tooltip, not a navigation
    page.mouse.move(0, 0)
    tip.wait_for(state="detached", timeout=5000)

    # The keyboard reaches the same definition: Tab from the element just before the link.
    page.evaluate(
        """() => {
            const link = document.querySelector('article a.reference.internal[href*="glossary.html#term-"]');
            const before = document.createElement('button');
            before.id = 'before-term';
            link.parentNode.insertBefore(before, link);
            before.focus();
        }"""
    )
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == link.get_attribute("href")
    tip.wait_for(state="visible", timeout=5000)
    assert entry.definition in tip.inner_text()
    assert link.get_attribute("aria-describedby") == "glossary-tip"
    page.keyboard.press("Escape")
    tip.wait_for(state="detached", timeout=5000)
    page.close()


def test_a_note_that_dates_an_event_to_another_day_than_its_glossary_entry_is_reported(tmp_path):
    from tools.book import make_book
    from tools.consistency import date_disagreements

    project = make_project(tmp_path / "book", {"a.txt": "The Su-33 was lost at sea.\n"})
    (project / "docs" / "data" / "annotations.yaml").write_text(
        "annotations:\n  - id: su33\n    kind: context\n    title: A loss\n    basis: [a test]\n"
        "    note: The 2016 Su-33 crash on 5 December 2016 ended the carrier's deployment.\n"
        "    quotes: [\"The Su-33 was lost at sea\"]\n",
        encoding="utf-8",
    )
    glossary = project / "docs" / "data" / "glossary" / "test.yaml"
    glossary.write_text(
        "entries:\n  - term: 2016 Su-33 crash\n    category: event\n    basis: [a test]\n"
        "    definition: A Su-33 of the carrier group crashed on 3 December 2016.\n",
        encoding="utf-8",
    )
    found = [str(problem) for problem in date_disagreements(make_book(project).book)]
    assert found == ["docs/data/annotations.yaml: annotation 'su33' dates 2016 Su-33 crash to 5 December 2016; its glossary entry says 3 December 2016: correct one of them"]


def test_the_shipped_data_has_no_date_disagreement_and_no_alias_that_is_an_ordinary_word():
    from tools.book import make_book
    from tools.consistency import date_disagreements, generic_aliases

    book = make_book(ROOT).book
    assert [str(p) for p in date_disagreements(book)] == []
    assert [str(p) for p in generic_aliases(book)] == []


def test_a_designation_in_the_plural_is_still_linked(shipped):
    found = Linker(shipped)
    text = "Two Israeli F-15s fired; the S-300s arrived; Russia's F-15 claims were odd."
    assert [(text[m.start : m.end], m.entry.term) for m in found.name_mentions(text)][:2] == [("F-15s", "F-15"), ("S-300s", "S-300")]


def test_a_weapon_designation_links_without_its_hyphen_and_in_the_plural():
    from tools.link import designation_variants

    assert designation_variants("Su-24") == ["Su-24", "Su24", "Su-24s", "Su24s"]
    assert designation_variants("Bashar al-Assad") == ["Bashar al-Assad"]  # not a designation


def test_a_name_joined_to_a_word_by_a_hyphen_is_still_linked_but_not_a_number_or_a_compound(shipped):
    found = Linker(shipped)
    text = "Yesterday's Trump-Putin meeting in Hamburg was followed by pro-Assad rallies."
    linked = {text[m.start : m.end]: m.entry.term for m in found.name_mentions(text)}
    assert linked.get("Putin") == "Vladimir Putin" and linked.get("Trump") == "Donald Trump"
    assert "Assad" in linked
    # after a hyphen, a number is a designation's and a lower-case word a compound's: never a match alone
    from tools.textmatch import PhraseMatcher, fold, squeeze

    matcher = PhraseMatcher((phrase, fold(squeeze(phrase))) for phrase in ("300", "aircraft", "Putin", "Fatah"))
    text = "S-300 anti-aircraft Trump-Putin Jaish al-Fatah"  # and "al-Fatah" is a name of its own, not Fatah
    assert [text[m.start : m.end] for m in matcher.matches(text)] == ["Putin"]


@pytest.mark.parametrize(
    "text, event",
    [
        ("Iran's 2021 presidential election brought Ebrahim Raisi to power.", "2021 Syrian presidential election"),
        ("Turkey's 2014 presidential election made Erdogan head of state.", "2014 Syrian presidential election"),
        ("Putin met Rouhani on the sidelines of the gas exporters' summit in Tehran.", "2018 Tehran summit"),
        ("The attack on the Iranian embassy in Beirut was claimed by the Abdullah Azzam Brigades.", "April 2024 Israeli strike on the Iranian consulate in Damascus"),
    ],
)
def test_an_event_pattern_does_not_claim_another_country_or_another_meeting(shipped, text, event):
    assert event not in [m.entry.term for m in Linker(shipped).mentions(text)]


def test_the_new_event_patterns_find_their_events_in_ordinary_prose(shipped):
    found = Linker(shipped)
    assert "2021 Syrian presidential election" in [m.entry.term for m in found.mentions("Syria's 2021 presidential election gave Assad a fourth term.")]
    assert "April 2024 Israeli strike on the Iranian consulate in Damascus" in [m.entry.term for m in found.mentions("The strike on the Iranian consulate in Damascus killed Zahedi.")]


def test_a_turkish_dotted_capital_i_is_the_letter_a_case_insensitive_pattern_takes_for_i():
    from tools.textmatch import required_literals, texts_holding

    pattern = re.compile(r"\bcapture of Idlib\b", re.IGNORECASE)
    assert texts_holding([required_literals(pattern)], ["the capture of İdlib city", "CAPTURE OF IDLIB", "nothing"]) == [[0, 1]]
    dotted = re.compile("İdlib", re.IGNORECASE)
    assert texts_holding([required_literals(dotted)], ["Idlib", "ıdlib", "Edlib"]) == [[0, 1]]
