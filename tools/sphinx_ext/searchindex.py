"""The search index of a rebuild, made equal to a clean build's (sphinx-doc/sphinx#12599).

A rebuild does not index every page again: Sphinx reads the last `searchindex.js` back, drops the
pages it writes again and feeds them anew. Reading the file back loses two things:

- **index entries** (`indexentries`, the glossary's terms and aliases): they are not read back,
  so after a rebuild the index holds only those of the pages written again, and after a rebuild
  with no change it holds none. Search then no longer finds a glossary entry by its name
  (https://github.com/sphinx-doc/sphinx/issues/12599, open since 2024, Sphinx 9.0.4);
- **words no page holds any more** stay behind with an empty list of pages.

Just before Sphinx writes the index (at `html-collect-pages`, the last event before it), the
index entries of every page are put back in the order a clean build feeds them, taken from the
book's domain (rebuild.py) for the pages not written again, and the empty words are dropped.

Remove this module, its use in rebuild.py and its `setup` when Sphinx reads index entries back:
the test of a rebuild with no change (tests/test_editing.py) then still passes without it.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.index_entries import split_index_msg


def index_entries(doctree: nodes.document) -> list[tuple[str, str, str]]:
    """The document's index entries as Sphinx's IndexBuilder.feed collects them."""
    found: set[tuple[str, str, str]] = set()
    for node in doctree.findall(addnodes.index):
        for entry_type, value, target_id, main, _ in node["entries"]:
            try:
                parts = split_index_msg(entry_type, value)
            except ValueError:
                continue
            target_id = target_id or ""
            if entry_type in {"see", "seealso"}:
                found.add((parts[0], target_id, main))
            found |= {(part, target_id, main) for part in parts}
    return sorted(found)


def restore_index_entries(app: Sphinx) -> list:
    """At html-collect-pages (contributes no page): repair the index Sphinx is about to write."""
    indexer = getattr(app.builder, "indexer", None)
    if indexer is None or not all(hasattr(indexer, name) for name in ("_index_entries", "_titles", "_mapping", "_title_mapping")):
        return []  # no search index, or a Sphinx whose indexer no longer works this way
    env = app.env
    kept = env.get_domain("book").data["index_entries"]
    fed = dict(indexer._index_entries)  # the pages written in this build, as Sphinx fed them
    indexer._index_entries.clear()
    for docname in sorted(indexer._titles):  # the pages the index holds, in the order a clean build feeds them
        if docname not in env.all_docs:
            continue
        searchable = indexer._titles[docname] and not {"nosearch", "no-search"} & set(env.metadata.get(docname, {}))
        entries = fed[docname] if docname in fed else kept.get(docname, []) if searchable else []
        if entries:
            indexer._index_entries[docname] = entries
    for mapping in (indexer._mapping, indexer._title_mapping):
        for word in [word for word, docnames in mapping.items() if not docnames & env.all_docs.keys()]:
            del mapping[word]
    return []


def setup(app: Sphinx) -> None:
    app.connect("html-collect-pages", restore_index_entries)
