"""Read the Docs' conventions: the canonical address, a 404 page, Open Graph tags.

- `html_baseurl` is Read the Docs' `READTHEDOCS_CANONICAL_URL` when conf.py gives none: pages get
  `<link rel="canonical">`, and "Cite this passage" gives permanent addresses.
- sphinx-notfound-page writes 404.html, with absolute links that work from any missing address
  (its prefix is the path of READTHEDOCS_CANONICAL_URL, else "/en/latest/").
- sphinxext-opengraph writes Open Graph tags (title, description, address). Its social cards are
  off: drawing them needs matplotlib and fonts, and the build stays offline and deterministic.
  So their module is not even imported: it imports matplotlib, a second of every build's start,
  even a build with nothing to do.

Values conf.py sets itself win.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys

from sphinx.application import Sphinx
from sphinx.config import Config

NOT_FOUND_BODY = (
    "<h1>Page not found</h1>\n\n"
    "<p>No page of <em>Russia in Syria: an annotated reference</em> has this address. Passages and "
    "glossary entries keep their addresses from one edition to the next; a page may have been "
    "renamed. Try the <a href=\"{root}search.html\">search</a>, the "
    "<a href=\"{root}periods/index.html\">chronology</a> or the "
    "<a href=\"{root}glossary.html\">glossary</a>.</p>"
)


def defaults(app: Sphinx, config: Config) -> None:
    canonical = os.environ.get("READTHEDOCS_CANONICAL_URL", "")
    if not config.html_baseurl and canonical:
        config.html_baseurl = canonical
    if not config.ogp_site_url and config.html_baseurl:
        config.ogp_site_url = config.html_baseurl
    config.ogp_social_cards = {"enable": False, **(config.ogp_social_cards or {})}
    if config.notfound_context == config.values["notfound_context"].default:
        root = (config.notfound_urls_prefix or "/").rstrip("/") + "/"
        config.notfound_context = {"title": "Page not found", "body": NOT_FOUND_BODY.format(root=root)}


def setup(app: Sphinx) -> None:
    app.setup_extension("notfound.extension")
    # sphinxext-opengraph imports its social cards (and matplotlib) if it can, and prints a line when
    # it cannot; a None in sys.modules makes that import fail (Python's import system, "sys.modules").
    cards = "sphinxext.opengraph._social_cards"
    blocked = sys.modules.setdefault(cards, None) is None
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            app.setup_extension("sphinxext.opengraph")
    finally:
        if blocked:
            del sys.modules[cards]
    app.connect("config-inited", defaults)
