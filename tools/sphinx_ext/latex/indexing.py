"""The printed index: names where the passages name them, subjects where the themes treat them.

On the web a glossary name in a passage is a link to its entry. On paper a link leads nowhere, so
the printed book turns each such name into plain text and an index entry under the entry's
heading ("Putin, Vladimir"): the index then points into Part I, where the passages are. A theme
excerpt in Part II that shows a name gets the same entry, and each theme chapter is indexed as a
subject over its pages. The dictionary adds the entries' own pages (in bold) and the "see"
references of variant spellings (dictionary.py). Headings and sort keys come from
`_generated/print/dictionary.json` (tools/pages/dictionary.py).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ...addresses import GLOSSARY
from ...pages.common import short_title
from ...pages.dictionary import DATA, sort_key

GLOSSARY_DOC = GLOSSARY


def in_glossary(docname: str) -> bool:
    """Whether a document is the glossary or one of its pages (a glossary too long for one page
    is split by category: tools/addresses.py)."""
    return docname == GLOSSARY_DOC or docname.startswith(f"{GLOSSARY_DOC}/")


class book_index(nodes.Inline, nodes.Element):
    """Index entries written where the node stands: `entries` is a list of (sort key, heading,
    how), how being "" (a page), "main" (the entry's own page), "see:<heading>", "(" or ")"."""


def index_entries(entries: list[tuple[str, str, str]]) -> book_index:
    return book_index(entries=entries)


def dictionary_data(env) -> dict[str, dict]:
    """The headings, keys and "see" spellings of the published entries, by anchor ({} if none)."""
    path = Path(env.srcdir, DATA)
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))["entries"]


class Documents:
    """Which document each node of the assembled book comes from. (Sphinx's LaTeX builder puts
    each document's nodes into a start_of_file node without making it their parent, so this is
    found from the top down, the innermost start_of_file winning.)"""

    def __init__(self, document: nodes.document, root: str) -> None:
        self.root = root
        self._of: dict[int, str] = {}
        for start in document.findall(addnodes.start_of_file):
            for node in start.findall(nodes.Element):
                self._of[id(node)] = start["docname"]

    def of(self, node: nodes.Node) -> str:
        return self._of.get(id(node), self.root)

    def places(self, document: nodes.document) -> set[tuple[str, str]]:
        """(document, id) of every anchored place of the assembled book: what the PDF prints."""
        return {(self.of(node), node_id) for node in document.findall(nodes.Element) for node_id in node.get("ids", ())}

    def target(self, reference: nodes.reference) -> tuple[str, str]:
        """('periods/x', 'p-1') for a resolved reference into the book ('%periods/x#p-1', or a
        refid within its own document), else ('', '')."""
        if reference.get("refid"):
            return self.of(reference), reference["refid"]
        uri = reference.get("refuri", "")
        if not uri.startswith("%"):
            return "", ""
        document, _, target = uri[1:].partition("#")
        return document, target


def is_term_reference(reference: nodes.reference) -> bool:
    first = reference.children[0] if reference.children else None
    return isinstance(first, nodes.Element) and "std-term" in first.get("classes", [])


class NamesToIndex(SphinxPostTransform):
    """Glossary links outside the dictionary become plain text and index entries."""

    default_priority = 70
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        data = dictionary_data(self.env)
        documents = Documents(self.document, self.config.root_doc)
        names_in: dict[str, list[tuple[str, str]]] = defaultdict(list)  # passage id -> (anchor, spelling)
        for reference in list(self.document.findall(nodes.reference)):
            document, target = documents.target(reference)
            if not in_glossary(document) or not is_term_reference(reference):
                continue
            if in_glossary(documents.of(reference)):
                # "See also" in the dictionary: a cross-reference, printed with its page
                reference.children[0]["classes"] = [c for c in reference.children[0]["classes"] if c != "std-term"]
                continue
            entry = data.get(target)
            plain = nodes.inline("", "", *reference.children)
            replacement = [plain] if entry is None else [plain, index_entries([(entry["key"], entry["heading"], "")])]
            passage = next((a for a in _ancestors(reference) if isinstance(a, nodes.block_quote) and a["ids"]), None)
            if passage is not None and entry is not None:
                names_in[passage["ids"][0]].append((target, plain.astext()))
            reference.replace_self(replacement)
        self._index_excerpts(data, names_in, documents)
        self._index_themes()

    def _index_excerpts(self, data: dict, names_in: dict, documents: Documents) -> None:
        """A theme excerpt that shows a name the passage links is indexed under it too."""
        for reference in list(self.document.findall(nodes.reference)):
            document, target = documents.target(reference)
            if not target.startswith("p-") or not documents.of(reference).startswith("themes/"):
                continue
            shown = reference.astext()
            entries = [(data[anchor]["key"], data[anchor]["heading"], "") for anchor, spelling in names_in.get(target, []) if spelling in shown]
            if entries:
                reference.parent.insert(reference.parent.index(reference) + 1, index_entries(entries))

    def _index_themes(self) -> None:
        """Each theme chapter is a subject of the index, over the pages it takes."""
        for start in self.document.findall(addnodes.start_of_file):
            if not start["docname"].startswith("themes/") or start["docname"] == "themes/index":
                continue
            chapter = next(iter(start.findall(nodes.section)), None)
            paragraphs = list(start.findall(nodes.paragraph))
            if chapter is None or not paragraphs:
                continue
            subject = short_title(chapter[0].astext())
            key = sort_key(subject)
            paragraphs[0].insert(0, index_entries([(key, subject, "(")]))
            paragraphs[-1].append(index_entries([(key, subject, ")")]))


def _ancestors(node):
    while node.parent is not None:
        node = node.parent
        yield node
