"""Any sequence of builds gives the site a clean build of the same inputs gives.

Sphinx builds incrementally: it reads again the documents whose source changed, writes again the
pages it read, and trusts every other page on disk. In this book that trust fails in four ways,
each handled here:

- **Pages that show other pages.** Every page shows every document's title (the navigation, the
  previous and next links) and the checksum of each static file (`glossary-data.js?v=…`, which
  changes with the glossary); many link to a passage, a glossary term or a citation that lives on
  another page. Adding a seed, moving a passage to another period or retitling a source changes
  them, yet their own source is unchanged. After reading, `write_again` compares what the site
  shows with what the last build of the same site showed (`SiteState`, kept with the doctrees):
  when the structure changed (documents, titles, tables of contents, static files, the
  extension's code) every page is written again; otherwise only the pages that link to a label,
  term or citation whose page, anchor or text changed. Reading stays incremental.
- **The extension's own code.** Sphinx does not know that a doctree depends on the roles and
  directives that made it: when tools/sphinx_ext changes, every document is read again.
- **The search index** loses its index entries (searchindex.py: sphinx-doc/sphinx#12599).
- **Pages of documents that no longer exist.** Sphinx never deletes them: after a build the
  pages the last build of the site wrote for documents that are gone are deleted (a removed or
  renamed seed leaves no source page behind).

What each document references and the index entries it holds are kept in a small domain, as
Sphinx keeps any per-document data (purged when a document is read again, merged after parallel
reads). The site's state is saved only when a build succeeds, so a failed build's pending
rewrites are found again by the next one.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from ..write import write_if_changed
from . import conversion
from .navigation import INDEX_MAP, letter_pages, split_index_groups
from .search import TEXTS, search_texts
from .searchindex import index_entries

PACKAGE = Path(__file__).parent  # the extension: its roles, directives, static files and LaTeX


def digest(*parts: object) -> str:
    return hashlib.blake2b("\0".join(map(str, parts)).encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


class BookDomain(Domain):
    """Per document: the names it references (labels, terms, citations) and its index entries;
    for the environment: the digest of the extension's code its doctrees were made with."""

    name = "book"
    label = "Book build state"
    data_version = 1
    initial_data = {"references": {}, "index_entries": {}, "code": ""}

    def clear_doc(self, docname: str) -> None:
        self.data["references"].pop(docname, None)
        self.data["index_entries"].pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict) -> None:
        for key in ("references", "index_entries"):
            self.data[key].update({docname: value for docname, value in otherdata[key].items() if docname in docnames})

    def resolve_any_xref(self, *args) -> list:
        return []


def book_domain(env: BuildEnvironment) -> BookDomain:
    return env.get_domain(BookDomain.name)


def referenced_names(doctree: nodes.document) -> list[str]:
    """Every name a cross-reference of the document looks up (`{term}`, `[](#p-…)`, `{cite:p}`,
    `{ref}`…), folded to lower case: a citation of several keys counts each of them."""
    names = set()
    for node in doctree.findall(addnodes.pending_xref):
        for value in (node.get("reftarget"), node.get("refanchor")):
            if value:
                names.add(str(value).lower())
                names.update(part.strip().lower() for part in str(value).split(","))
    return sorted(names)


def remember(app: Sphinx, doctree: nodes.document) -> None:
    """At doctree-read: what this document references and the index entries it holds."""
    domain, docname = book_domain(app.env), app.env.docname
    domain.data["references"][docname] = referenced_names(doctree)
    entries = index_entries(doctree)
    if entries:
        domain.data["index_entries"][docname] = entries


@cache
def code_digest() -> str:
    """The extension's code and files: a change can change any doctree or page it makes."""
    files = sorted(path for path in PACKAGE.rglob("*") if path.is_file() and "__pycache__" not in path.parts)
    return digest(*(f"{path.relative_to(PACKAGE).as_posix()}:{hashlib.sha256(path.read_bytes()).hexdigest()}" for path in files))


def reread_when_code_changed(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    """At env-get-outdated: every document, when the doctrees were made by other code."""
    domain = book_domain(env)
    if domain.data["code"] == code_digest():
        return []
    domain.data["code"] = code_digest()
    return sorted(env.found_docs)


# The static files whose checksum a page carries (`?v=`): Sphinx adds it to style sheets and
# scripts only. Data files (the redirect maps of moved.py, the maps' images) are named without one,
# so a change in them changes no page but their own, which the build copies anyway.
CHECKSUMMED = (".css", ".js")


def static_files(app: Sphinx) -> list[str]:
    """Each style sheet and script by name and content: pages carry their checksums (`?v=`)."""
    if app.builder.format != "html":
        return []
    found = []
    for folder in app.config.html_static_path:
        root = Path(app.confdir, folder)
        files = sorted(root.rglob("*")) if root.is_dir() else [root] if root.is_file() else []
        found += [f"{path.relative_to(root.parent)}:{hashlib.sha256(path.read_bytes()).hexdigest()}" for path in files if path.is_file() and path.suffix in CHECKSUMMED]
    return found + [repr(item) for item in (*app.registry.css_files, *app.registry.js_files)]


def structure(app: Sphinx) -> str:
    """What every page may show of the others: documents, titles and toctrees (navigation,
    previous and next), numbering, each document's `tocdepth`; static
    files; the code. (Other metadata, such as MyST's word count, shows on its own page only.)"""
    env = app.env
    parts: list[object] = [code_digest(), app.builder.name, *static_files(app)]
    for docname in sorted(env.found_docs):
        # A document's sections (env.tocs) are not here: they show on its own page and, through
        # a toctree deeper than titles, on its parents, which Sphinx writes again itself; the
        # theme's navigation shows titles only (furo: titles_only).
        title = env.titles.get(docname)
        parts += [
            docname,
            title.pformat() if title is not None else "",
            env.toctree_includes.get(docname, []),
            sorted(env.toc_secnumbers.get(docname, {}).items()),
            sorted((str(key), value) for key, value in env.toc_fignumbers.get(docname, {}).items()),
            env.metadata.get(docname, {}).get("tocdepth"),  # the one metadata other pages' navigation follows
        ]
    return digest(*parts)


def citations(env: BuildEnvironment) -> Iterable[tuple[str, str]]:
    """sphinxcontrib-bibtex's citations: key, and where it points and how it reads (the label
    and the entry a `{cite:p}` shows)."""
    for citation in env.domaindata.get("cite", {}).get("citations", []):
        text = citation.formatted_entry.text.render_as("text")
        yield citation.key.lower(), f"cite:{citation.bibliography_key.docname}#{citation.citation_id}:{citation.formatted_entry.label}:{text}"


def targets(env: BuildEnvironment) -> dict[str, str]:
    """Every name a cross-reference can look up, with where it points and what it reads."""
    found: dict[str, list[str]] = defaultdict(list)
    for domain in env.domains.sorted():
        for name, shown, kind, docname, anchor, _ in domain.get_objects():
            found[str(name).lower()].append(f"{domain.name}:{kind}:{docname}#{anchor}:{shown}")
    for name, where in citations(env):
        found[name].append(where)
    return {name: digest(*sorted(places)) for name, places in found.items()}


@dataclass
class SiteState:
    """What the last successful build of one site showed: its structure, every link target, and
    the files it wrote for documents (kept in the doctrees folder, one file per builder)."""

    outdir: str
    structure: str = ""
    targets: dict[str, str] = field(default_factory=dict)
    pages: list[str] = field(default_factory=list)

    @staticmethod
    def path(app: Sphinx) -> Path:
        return Path(app.doctreedir) / f"book-site-{app.builder.name}.json"

    @classmethod
    def load(cls, app: Sphinx) -> "SiteState | None":
        try:
            state = cls(**json.loads(cls.path(app).read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None
        return state if state.outdir == str(app.outdir) else None

    def save(self, app: Sphinx) -> None:
        write_if_changed(self.path(app), json.dumps(vars(self), sort_keys=True, indent=0))


def write_again(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """At env-get-updated: the pages to write again although their source did not change."""
    last = SiteState.load(app)
    # Computed before any page is written: scripts a page adds for itself (glossary.py,
    # passages.py) also land in Sphinx's registry, which then differs at the end of the build.
    book_domain(env).data["structure"] = current = structure(app)
    if last is None or last.structure != current:
        return sorted(env.found_docs)
    now = targets(env)
    changed = {name for name in now.keys() | last.targets.keys() if now.get(name) != last.targets.get(name)}
    references = book_domain(env).data["references"]
    return sorted(docname for docname in env.found_docs if not changed.isdisjoint(references.get(docname, ())))


def page_files(app: Sphinx) -> list[str]:
    """The files an HTML-format builder writes for the documents: pages, the copies of their
    sources (`_sources/`), their images (`_images/`, which Sphinx copies but never deletes), their
    light search texts (search.py) and the conversion's static files, relative to the output
    folder."""
    builder, env = app.builder, app.env
    if not hasattr(builder, "get_outfilename"):
        return []
    outdir = Path(app.outdir)
    files = set()
    for docname in env.found_docs:
        page = Path(builder.get_outfilename(docname))
        if page.is_relative_to(outdir):
            files.add(page.relative_to(outdir).as_posix())
        if getattr(builder, "copysource", False) and app.config.html_copy_source:
            source = docname + str(env.doc2path(docname, False))[len(docname) :]
            if not source.endswith(app.config.html_sourcelink_suffix):
                source += app.config.html_sourcelink_suffix
            files.add(f"_sources/{source}")
    imagedir = getattr(builder, "imagedir", "")
    if imagedir:
        files.update(f"{imagedir}/{name}" for _, name in env.images.values())
    texts = search_texts(env)
    files.update(f"{TEXTS}/{docname}.json" for docname in env.found_docs if docname in texts)
    # The general index's pages of letters (navigation.py) come and go with the glossary.
    letters = letter_pages(split_index_groups(app))
    files.update(Path(builder.get_outfilename(page)).relative_to(outdir).as_posix() for _, page in letters)
    files.update([f"_static/{INDEX_MAP}"] if letters else [])
    # The conversion's static files (the maps of split chapters come and go with the corpus).
    generated = Path(conversion.static_folder(app))
    if generated.is_dir():
        files.update(f"_static/{path.relative_to(generated).as_posix()}" for path in generated.rglob("*") if path.is_file())
    return sorted(files)


def delete_stale_pages(outdir: Path, before: Iterable[str], now: Iterable[str]) -> list[str]:
    """Delete the files written for documents that are gone; return them."""
    deleted = []
    for name in sorted(set(before) - set(now)):
        path = (outdir / name).resolve()
        if path.is_relative_to(outdir.resolve()) and path.is_file():
            path.unlink()
            deleted.append(name)
            for folder in path.parents:  # the folder a renamed page leaves empty (dirhtml)
                if folder == outdir.resolve() or any(folder.iterdir()):
                    break
                folder.rmdir()
    return deleted


def record_site(app: Sphinx, exception: Exception | None) -> None:
    """At build-finished, when the build succeeded: delete stale pages and save the site's state."""
    if exception is not None:
        return
    last = SiteState.load(app)
    pages = page_files(app)
    if last is not None:
        delete_stale_pages(Path(app.outdir), last.pages, pages)
    shown = book_domain(app.env).data.get("structure") or structure(app)
    SiteState(str(app.outdir), shown, targets(app.env), pages).save(app)


def setup(app: Sphinx) -> None:
    app.add_domain(BookDomain)
    app.connect("doctree-read", remember)
    app.connect("env-get-outdated", reread_when_code_changed)
    app.connect("env-get-updated", write_again)
    app.connect("build-finished", record_site)
