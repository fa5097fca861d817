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
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 0
# Links like [text](#p-...) resolve against labels only: searching every domain (C++, Python, …)
# for thousands of passage links was most of the build's cost.
myst_ref_domains = ["std"]
suppress_warnings = []

bibtex_bibfiles = []

html_theme = "furo"
html_title = "Russia in Syria"
html_static_path = ["_static"]  # the extension adds the generated glossary data
html_css_files = ["book.css"]
html_js_files = ["glossary-data.js", "glossary-tips.js"]
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False

try:
    from latex_config import *  # noqa: F401,F403  (the PDF's engine, fonts and layout)
except ImportError:
    pass
