"""Sphinx configuration of "Russia in Syria: an annotated reference".

The book's chapters are generated from ../seeds and ./data by the `tools.sphinx_ext` extension,
so `sphinx-build -b html docs _build/html` alone builds the complete book.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the pipeline package, also when the project is not installed
sys.path.insert(0, str(Path(__file__).resolve().parent))

project = "Russia in Syria: an annotated reference"
author = "The editors"
copyright = "2026, the editors; quotations belong to their sources"
language = "en"

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.bibtex",
    "tools.sphinx_ext",
]

root_doc = "index"
exclude_patterns = ["_build", "data", "_generated", "**/.*", "Thumbs.db", ".DS_Store"]
source_suffix = {".md": "markdown"}

# Seed text must reach the reader exactly as written: no "smart" quotes or dashes.
smartquotes = False
myst_enable_extensions = ["colon_fence", "attrs_block"]
myst_heading_anchors = 0
# Links like [text](#p-...) resolve against labels only: searching every domain (C++, Python, …)
# for thousands of passage links was most of the build's cost.
myst_ref_domains = ["std"]
suppress_warnings = []

# Generated from the seeds' metadata and data/sources.yaml by the book's extension.
bibtex_bibfiles = ["_generated/sources.bib"]
bibtex_reference_style = "author_year"
bibtex_default_style = "book"  # pybtex plain, seed metadata kept literal (tools/bibliography.py)

html_theme = "furo"
html_title = "Russia in Syria"
html_static_path = ["_static"]
# glossary-data.js (the definitions shown on hover) is written into _static by the extension.
html_css_files = ["book.css"]
html_js_files = ["glossary-data.js", "glossary-tips.js"]
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False

# --- PDF (LaTeX) ------------------------------------------------------------------------------
# Engine, fonts, layout and the index hook live in latex_config.py (its docstring says why).
from latex_config import *  # noqa: E402,F401,F403

extensions += ["latex_config"]
latex_documents = [(root_doc, "russia-in-syria.tex", project, author, "manual")]
