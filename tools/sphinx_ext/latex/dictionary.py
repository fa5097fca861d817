"""The glossary as a printed dictionary: one alphabet, headwords as readers look them up.

The web glossary (tools/pages/glossary.py) groups its entries by category, and gives every other
spelling of a name its own term line, so that each is in the search, the index and objects.inv.
In print this transform rearranges the same nodes: the category sections give way to one A-Z
list under letter headings, sorted by the keys of tools/pages/dictionary.py (people by surname,
"al-" ignored); each entry keeps one headword ("Putin, Vladimir", followed by its kind), its other
spellings run in on one small line ("Also: Putin, Владимир Путин"), and their anchors move onto
the headword, so every link still lands there. The index gets the
entry's own page, in bold, and a "see" reference from each variant spelling the text uses.
"""

from __future__ import annotations

from itertools import groupby

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ...pages.dictionary import sort_key
from .indexing import GLOSSARY_DOC, dictionary_data, in_glossary, index_entries


def _other_names(item: nodes.definition_list_item, names: list[str]) -> None:
    """The entry's other spellings, run in on one line of its notes instead of one line each."""
    definition = next((child for child in item.children if isinstance(child, nodes.definition)), None)
    if definition is None or not names:
        return
    line = nodes.paragraph("", "", nodes.emphasis("", "Also:"), nodes.Text(" " + ", ".join(names) + "."))
    definition.insert(1, line)


def initial(key: str) -> str:
    """The letter heading an entry is filed under ('0–9' for a name that starts with a digit)."""
    first = key[:1].upper()
    return first if first.isalpha() else "0–9"


class PrintDictionary(SphinxPostTransform):
    default_priority = 60
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        data = dictionary_data(self.env)
        start = next((node for node in self.document.findall(addnodes.start_of_file) if node["docname"] == GLOSSARY_DOC), None)
        if start is None or not data:
            return
        sections = [section for section in start.findall(nodes.section) if any(isinstance(child, addnodes.glossary) for child in section.children)]
        if not sections:
            return
        filed = []
        for glossary in list(start.findall(addnodes.glossary)):
            for item in list(glossary.findall(nodes.definition_list_item)):
                filed.append((self._headword(item, data), item))
        filed.sort(key=lambda pair: pair[0])
        letters = []
        for letter, group in groupby(filed, key=lambda pair: initial(pair[0][0])):
            letters.append(nodes.rubric("", letter, classes=["book-letter"]))
            letters.append(addnodes.glossary("", nodes.definition_list("", *(item for _, item in group)), sorted=True))
        pages = [node for node in start.findall(addnodes.start_of_file) if node is not start]
        if pages:  # a glossary split into pages on the web: they give way to the one dictionary
            self._one_document(pages, letters)
            return
        chapter = sections[0].parent
        position = chapter.index(sections[0])
        for section in sections:
            section.parent.remove(section)
        chapter[position:position] = letters

    def _one_document(self, pages: list[addnodes.start_of_file], letters: list[nodes.Node]) -> None:
        """A glossary split into pages (tools/addresses.py): the letters take the place of the
        list of its pages, which goes with the pages, and links to an entry name the glossary,
        where the dictionary now defines it, instead of the page that defined it on the web."""
        wrapper = pages[0].parent  # the toctree's place on the glossary's page
        wrapper.parent[wrapper.parent.index(wrapper) : wrapper.parent.index(wrapper) + 1] = letters
        for reference in self.document.findall(nodes.reference):
            document, _, target = reference.get("refuri", "").partition("#")
            if in_glossary(document.removeprefix("%")) and target:
                reference["refuri"] = f"%{GLOSSARY_DOC}#{target}"

    @staticmethod
    def _headword(item: nodes.definition_list_item, data: dict) -> tuple[str, str]:
        """Keep the first term line only, with every term line's anchors; return its sort key."""
        terms = [child for child in item.children if isinstance(child, nodes.term)]
        head = terms[0]
        _other_names(item, [alias.astext() for alias in terms[1:]])
        for alias in terms[1:]:
            head["ids"] += [node_id for node_id in alias["ids"] if node_id not in head["ids"]]
            item.remove(alias)
        for index in list(head.findall(addnodes.index)):
            index.parent.remove(index)
        entry = next((data[node_id] for node_id in head["ids"] if node_id in data), None)
        if entry is None:
            return sort_key(head.astext()), head.astext()
        definition = next((child for child in item.children if isinstance(child, nodes.definition)), None)
        if definition is not None and len(definition) > 1:
            notes = nodes.container("", *definition.children[1:], classes=["dictionary-notes"])
            definition.children = definition.children[:1]
            definition += notes
        see = [(key, name, f"see:{entry['heading']}") for key, name in entry["see"]]
        head.children = []
        head += [
            nodes.Text(entry["heading"]),
            nodes.inline("", entry["category"], classes=["book-kind"]),
            index_entries([(entry["key"], entry["heading"], "main"), *see]),
        ]
        return entry["key"], entry["heading"]
