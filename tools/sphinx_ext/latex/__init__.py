r"""The book in print: LaTeX settings, the writer, post-transforms and the files latexmk needs.

Switched on by `book_latex = True` in conf.py. The settings below then become the defaults of
Sphinx's own `latex_*` values: a value conf.py sets to anything but Sphinx's default wins, so does
any `-D` override, and conf.py's `latex_elements` keys replace the book's, key by key. conf.py keeps `latex_documents`
(root document, .tex name, title, author, "manual"). The PDF is built by `make latexpdf` and by
Read the Docs (.readthedocs.yaml), which runs `latexmk -r latexmkrc` itself; both work from what
latexmk.py writes.

Why these choices (measured on a scratch project):
* lualatex, not xelatex: xelatex draws Arabic left to right and unjoined *without any
  warning*, and cannot load the colour emoji font. LuaHBTeX shapes Arabic with HarfBuzz.
* babel (Sphinx's lualatex default is polyglossia) with `bidi=basic` and `onchar=ids fonts`:
  Arabic runs inside English text switch language, font and direction by themselves, so the
  Markdown needs no markup (preamble.py).
* A luaotfload fallback chain on every text font catches what the main font lacks (arrows,
  symbols, emoji, flag pairs) instead of dropping it ("Missing character").
* xindy for the index, plus a generated xindy module so that initials like ʿ, İ, Ş, Cyrillic,
  Greek and Arabic land in sensible letter groups (index.py).

Added for the book's structure and layout (measured on the real book):
* Parts: Chronology and Themes (documents printed as \part, their pages as chapters) and
  Reference; the home page's text as an unnumbered "Introduction" chapter (writer.py, with the
  `book_latex_parts`, `book_latex_parts_before` and `book_latex_intro` settings).
* Passage anchors: Sphinx's LaTeX writer drops ids of block quotes, so every link to a passage
  was dead in the PDF; the writer adds them.
* The bibliography where the {bibliography} directive is, not after the last chapter; table
  columns sized from their content (transforms.py).
* Long URLs and file names: a LuaTeX filter adds break points (booklongwords.lua).
* A reproducible PDF: the build's date goes into latexmkrc and onto the title page (latexmk.py).

Added so that it works as a printed book (issue 15):
* Two-sided, a 70-character measure, running heads with part and chapter, no widows,
  orphans or lone boxes, links as plain words (preamble.py; book_latex_twoside = False for a
  one-sided edition to read on screen).
* Page references after every cross-reference, page lists from `{pages}` (writer.py, roles.py,
  bookpages.lua); the web edition's address from `{web-address}` and on the imprint (imprint.py).
* Front matter: how to read the book, abbreviations (tools/pages/front.py).
* The glossary as one A-Z dictionary (dictionary.py), glossary links in the text as index
  entries pointing into Parts I and II (indexing.py), typographic quotes (quotes.py).
* Web-only documents left out (book_latex_leave_out), references to what print lacks unlinked
  (transforms.py).
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config

from . import roles
from .dictionary import PrintDictionary
from .imprint import add_imprint
from .indexing import NamesToIndex
from .latexmk import dated_build, write_support_files
from .preamble import LATEX_ELEMENTS
from .quotes import TypographicQuotes
from .transforms import LeaveOut, MarkBibliography, PlaceBibliography, TableWidths, UnlinkMissing
from .writer import BookLaTeXTranslator

TRANSFORMS = (LeaveOut, PrintDictionary, NamesToIndex, UnlinkMissing, MarkBibliography, PlaceBibliography, TableWidths, TypographicQuotes)

SETTINGS = {
    "latex_engine": "lualatex",
    # Index processor: must be xindy. Glossary terms become index entries; with makeindex an
    # entry starting with a non-ASCII letter (ВКС, ʿAlawites, Şam) makes makeindex write half a
    # UTF-8 character as the letter heading and lualatex stops with "String contains an invalid
    # utf-8 sequence". Needs the Debian package `xindy`.
    "latex_use_xindy": True,
    # Printed book: show the target of external links as footnotes (readers cannot click).
    "latex_show_urls": "footnote",
    # Every cross-reference ends with its target's page, "(p. 12)" (writer.py); glossary names
    # in the text become index entries instead (indexing.py).
    "latex_show_pagerefs": True,
    # No Python-module index or other domain indices: this is not API documentation.
    "latex_domain_indices": False,
    # Each top-level document of the toctree is a chapter (except the parts).
    "latex_toplevel_sectioning": "chapter",
    # "manual" = Sphinx's report-based book class: title page, TOC, chapters, index.
    "latex_theme": "manual",
    "latex_table_style": ["booktabs", "colorrows"],
}


def sphinx_default(config: Config, name: str):
    default = config.values[name].default
    return default(config) if callable(default) else default


def apply_book_settings(app: Sphinx, config: Config) -> None:
    """The book's LaTeX settings, where conf.py left Sphinx's defaults."""
    if not config.book_latex:
        return
    for name, value in SETTINGS.items():
        if name not in config.overrides and config[name] == sphinx_default(config, name):
            config[name] = value
    sides = {} if config.book_latex_twoside else {"extraclassoptions": "openany,oneside"}
    config.latex_elements = {**LATEX_ELEMENTS, **sides, **config.latex_elements}


def setup(app: Sphinx) -> None:
    """Registered by tools.sphinx_ext; everything below acts only when `book_latex` is on."""
    roles.setup(app)  # the pages use them whatever the builder
    app.connect("config-inited", apply_book_settings)
    app.connect("config-inited", use_book_writer)


def use_book_writer(app: Sphinx, config: Config) -> None:
    if not config.book_latex:
        return
    app.set_translator("latex", BookLaTeXTranslator, override=True)
    for transform in TRANSFORMS:
        app.add_post_transform(transform)
    app.connect("builder-inited", dated_build)
    app.connect("builder-inited", add_imprint)
    app.connect("build-finished", write_support_files)
