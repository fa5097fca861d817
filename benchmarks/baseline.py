"""The baseline: the book's own generated pages built by plain Sphinx and MyST, with no book extension.

Absolute times on a shared machine are noise; a ratio to what Sphinx itself needs for the same
pages is not. `make_baseline` takes the MyST pages the book generated for a corpus and strips the
book's roles and directives to plain text ({term}, {cite:p}, {source-lines} become their text,
{source-viewer} the seed's lines as a literal block, {bibliography} and sphinx-design's cards
go), then writes a minimal conf.py: myst_parser and furo, nothing else.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

CONF = '''"""The benchmark's baseline: the book's pages through plain Sphinx and MyST (benchmarks/baseline.py)."""
project = "Baseline"
extensions = ["myst_parser"]
exclude_patterns = ["_build", "data", "_generated", "**/.*"]
source_suffix = {".md": "markdown"}
smartquotes = False
myst_enable_extensions = ["colon_fence", "attrs_block"]
myst_heading_anchors = 0
myst_ref_domains = ["std"]
suppress_warnings = ["myst.xref_missing", "ref.ref", "toc.not_included"]
html_theme = "furo"
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False
latex_engine = "lualatex"
latex_documents = [("index", "baseline.tex", project, "The editors", "manual")]
'''

# Roles of the book (and of sphinxcontrib-bibtex) and the plain text each becomes.
_TERM = re.compile(r"\{term\}`([^`<]*?)(?:\s*<[^`]*>)?`")
_CITE = re.compile(r"\{cite:[a-z]+\}`([^`]*)`")
_SOURCE_LINES = re.compile(r"\{source-lines\}`[^`:]*:(\d+)-(\d+):[^`]*`")
_OPENER = re.compile(r"^(`{3,}|:{3,})\{([\w:-]+)\}\s*(.*)$")
_CLOSER = re.compile(r"^(`{3,}|:{3,})\s*$")
_OPTION = re.compile(r"^:[\w-]+:")
DROPPED = {"bibliography", "source-viewer"}  # fences removed with their content (the viewer becomes text)
UNWRAPPED = {"grid", "grid-item-card"}  # sphinx-design: fences removed, content kept


def strip_roles(text: str) -> str:
    text = _TERM.sub(lambda match: match.group(1).strip(), text)
    text = _CITE.sub(lambda match: match.group(1), text)
    return _SOURCE_LINES.sub(lambda match: f"lines {match.group(1)}-{match.group(2)}", text)


def viewer_text(slug: str, docs: Path) -> list[str]:
    """The seed's lines as one literal block: what the source viewer shows, without its anchors."""
    data = json.loads((docs / "_generated" / "viewer" / f"{slug}.json").read_text(encoding="utf-8"))
    longest = max((len(match) for line in data["lines"] for match in re.findall(r"`+", line[0])), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}text", *(line[0] for line in data["lines"]), fence]


def strip_page(text: str, docs: Path) -> str:
    """One MyST page with the book's directives turned into plain MyST."""
    out: list[str] = []
    stack: list[tuple[str, str]] = []  # open fences: (fence, directive)
    in_card_options = False
    for line in text.splitlines():
        if in_card_options and _OPTION.match(line):
            continue
        in_card_options = False
        opener, closer = _OPENER.match(line), _CLOSER.match(line)
        if closer and stack and stack[-1][0] == closer.group(1):
            _, name = stack.pop()
            if name not in DROPPED and name not in UNWRAPPED:
                out.append(line)
            continue
        if opener:
            fence, name, argument = opener.groups()
            stack.append((fence, name))
            if name == "grid-item-card":
                out += [f"**{argument}**", ""]
                in_card_options = True
            elif name == "source-viewer":
                out += viewer_text(argument.strip(), docs)
            elif name not in DROPPED and name not in UNWRAPPED:
                out.append(line)
            continue
        if any(name in DROPPED for _, name in stack):
            continue
        out.append(strip_roles(line))
    return "\n".join(out) + "\n"


def make_baseline(docs: Path, where: Path) -> Path:
    """A Sphinx project in `where` holding every page of `docs` (generated ones included),
    stripped to plain MyST, with the minimal conf.py. Returns its source folder."""
    target = where / "docs"
    for page in sorted(docs.rglob("*.md")):
        relative = page.relative_to(docs)
        if relative.parts[0] == "data":
            continue
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        (target / relative).write_text(strip_page(page.read_text(encoding="utf-8"), docs), encoding="utf-8")
    (target / "conf.py").write_text(CONF, encoding="utf-8")
    for extra in ("_static",):
        if (docs / extra).is_dir():
            shutil.copytree(docs / extra, target / extra)
    figures = docs / "_generated" / "figures"  # the pages' figures (the PDF needs their files; without them latexmk stopped)
    if figures.is_dir():
        shutil.copytree(figures, target / "_generated" / "figures", ignore=shutil.ignore_patterns("*.html"))
    return target
