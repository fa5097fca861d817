# A small book for the printed edition's tests (tests/test_print.py): the extension with its
# LaTeX settings, a web address, a note on two passages, a bundle of search snippets.
project = "A small printed book"
author = "The tests"
copyright = "2026, the tests"
extensions = ["myst_parser", "tools.sphinx_ext"]
exclude_patterns = ["_build"]
smartquotes = False
myst_enable_extensions = ["colon_fence", "attrs_block"]
myst_ref_domains = ["std"]
bibtex_default_style = "book"

book_root = "."
book_data_dir = "data"
book_latex = True
book_web_url = "https://example.org/book/"
latex_documents = [("index", "small-print.tex", project, author, "manual")]
