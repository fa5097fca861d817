"""The extension's settings: one typed dataclass, each field a `book_<name>` value of conf.py.

Modelled on MyST-Parser's `MdParserConfig`: the fields carry their default, their rebuild scope
and their help text, `register` declares them to Sphinx, and `BookConfig.read` gives the rest of
the extension typed values instead of `app.config` look-ups. Paths are relative, like Sphinx's
own path settings: `book_root` to the folder of conf.py, the others to `book_root`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from ..pipeline import Paths

PREFIX = "book_"


def setting(default, help: str, rebuild: str = "env"):
    """A field with its default (copied for lists and dicts), rebuild scope and help text."""
    factory = (lambda: type(default)(default)) if isinstance(default, (list, dict)) else None
    metadata = {"help": help, "rebuild": rebuild}
    return field(default_factory=factory, metadata=metadata) if factory else field(default=default, metadata=metadata)


@dataclass(frozen=True)
class BookConfig:
    root: str = setting("..", "the project folder (seeds/, docs/), relative to the folder of conf.py")
    seeds_dir: str = setting("seeds", "the seed documents, relative to book_root")
    data_dir: str = setting("docs/data", "the editorial data (chapters, glossary, sources, ...), relative to book_root")
    latex: bool = setting(False, "apply the book's LaTeX settings (lualatex, fonts, parts, index; see latex/)")
    latex_parts: list = setting(["periods/index", "themes/index"], "documents printed as a \\part, their toctree's documents as its chapters")
    latex_parts_before: dict = setting({"glossary": "Reference"}, "parts without a page of their own, by the document they start before")
    latex_intro: str = setting("Introduction", "the root document's own text is printed as an unnumbered chapter of this title ('' for none)")
    latex_leave_out: list = setting(["about/how-to-link"], "documents that only make sense on the web, left out of the PDF")
    latex_twoside: bool = setting(True, "a two-sided book, chapters opening on a right-hand page (False: one-sided, for reading on screen)")
    web_url: str = setting("", "the web edition's address, printed in the PDF (default: html_baseurl, else $READTHEDOCS_CANONICAL_URL)")

    def web_address(self, config: Config) -> str:
        """The web edition's address, ending in '/', or '' when none is known."""
        url = self.web_url or config.html_baseurl or os.environ.get("READTHEDOCS_CANONICAL_URL", "")
        return url.rstrip("/") + "/" if url else ""

    @classmethod
    def read(cls, config: Config) -> "BookConfig":
        return cls(**{name.name: config[PREFIX + name.name] for name in fields(cls)})

    def paths(self, confdir: str | Path) -> Paths:
        root = self.project_root(confdir)
        return Paths(seeds=(root / self.seeds_dir).resolve(), data=(root / self.data_dir).resolve())

    def project_root(self, confdir: str | Path) -> Path:
        return (Path(confdir) / self.root).resolve()


def register(app: Sphinx) -> None:
    defaults = BookConfig()
    for option in fields(BookConfig):
        default = getattr(defaults, option.name)
        types = [list, tuple] if isinstance(default, list) else [type(default)]
        app.add_config_value(PREFIX + option.name, default, option.metadata["rebuild"], types=types, description=option.metadata["help"])
