"""Sphinx configuration of "Russia in Syria: an annotated reference".

The book's chapters are generated from ../seeds and ./data by the `tools.sphinx_ext` extension,
which also brings its own styles and scripts, the bibliography it generates and, with
`book_latex`, the PDF's settings: `sphinx-build -b html docs _build/html` alone builds the book.
"""

import os
import sys
from pathlib import Path

# The pipeline package, also when the project is not installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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
exclude_patterns = ["_build", "**/.*", "Thumbs.db", ".DS_Store"]
source_suffix = {".md": "markdown"}

# Seed text must reach the reader exactly as written: no "smart" quotes or dashes.
smartquotes = False
myst_enable_extensions = ["colon_fence", "attrs_block"]
myst_heading_anchors = 0
# Links like [text](#p-...) resolve against labels only: searching every domain (C++, Python, …)
# for thousands of passage links was most of the build's cost.
myst_ref_domains = ["std"]

bibtex_reference_style = "author_year"
bibtex_default_style = "book"  # pybtex plain, seed metadata kept literal (tools/bibliography.py)

html_theme = "furo"
html_title = "Russia in Syria"
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False

# The PDF: lualatex, fonts, parts, index (tools/sphinx_ext/latex/ says why).
book_latex = True
# The web edition's address, printed in the PDF (imprint, front matter, conversion summary):
# on Read the Docs the build's own canonical address.
book_web_url = os.environ.get("READTHEDOCS_CANONICAL_URL", "https://russia-in-syria.readthedocs.io/en/latest/")
latex_documents = [(root_doc, "russia-in-syria.tex", project, author, "manual")]
