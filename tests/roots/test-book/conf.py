# A small book for the extension's tests (tests/test_extension.py): the extension's name and a few
# settings, its seeds and editorial data inside this folder.
project = "A small book"
author = "The tests"
extensions = ["myst_parser", "tools.sphinx_ext"]
exclude_patterns = ["_build"]
smartquotes = False
myst_enable_extensions = ["colon_fence", "attrs_block"]
myst_ref_domains = ["std"]
bibtex_default_style = "book"

book_root = "."
book_data_dir = "data"
latex_documents = [("index", "small-book.tex", project, author, "manual")]
