# A small book for the editing tests (tests/test_editing.py): the real book's extensions and theme,
# its seeds and editorial data inside this folder, every kind of editorial entry represented.
project = "A small edited book"
author = "The tests"
extensions = ["myst_parser", "sphinx_design", "sphinxcontrib.bibtex", "tools.sphinx_ext"]
exclude_patterns = ["_build"]
smartquotes = False
myst_enable_extensions = ["colon_fence", "attrs_block"]
myst_ref_domains = ["std"]
bibtex_reference_style = "author_year"
bibtex_default_style = "book"
html_theme = "furo"

book_root = "."
book_data_dir = "data"
