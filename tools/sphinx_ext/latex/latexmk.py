"""What latexmk needs beside the .tex, written when the LaTeX builder finishes.

- `booklongwords.lua`, the LuaTeX filter that breaks very long words, and `bookpages.lua`, which
  prints page lists (the preamble loads both);
- `bookindex.xdy`, the index's letter groups for non-ASCII initials (index.py);
- additions to Sphinx's `latexmkrc`: xindy's options, which Sphinx's Makefile passes but Read the
  Docs, running `latexmk -r latexmkrc` itself, does not (xindy then fails and the PDF has no
  index), and the build's date, so that the PDF is reproducible however latexmk is started.

A reproducible PDF: LuaTeX writes the current time into the PDF (creation and modification dates)
unless SOURCE_DATE_EPOCH and FORCE_SOURCE_DATE=1 are set, and derives its /ID from the time and
the folder it runs in. The epoch is SOURCE_DATE_EPOCH when the build is given one, else the time
of the project's last git commit; the title page shows the same date, and the /ID is made from it
and the project's name. Without either (no git), the PDF carries the time of the build.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.i18n import format_date

from ...model import PartialDate
from ..config import BookConfig
from .index import XDY_NAME, xindy_module

logger = logging.getLogger(__name__)

LUA_FILES = sorted(Path(__file__).parent.glob("*.lua"))
RC_MARK = "# tools/sphinx_ext/latex/latexmk.py:"


def source_date_epoch(root: Path) -> int | None:
    """The build's date: SOURCE_DATE_EPOCH if set, else the last commit's time, else None."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given.isdigit():
        return int(given)
    try:
        found = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    value = found.stdout.strip()
    return int(value) if found.returncode == 0 and value.isdigit() else None


def dated_build(app: Sphinx) -> None:
    """The build's date on the title page (Sphinx would print the day of the build) and, from the
    same date, the PDF's /ID, which LuaTeX would otherwise derive from the folder it runs in."""
    if app.builder.name != "latex":
        return
    epoch = source_date_epoch(BookConfig.read(app.config).project_root(app.confdir))
    if not app.config.today:
        # the build's date, else (no git, no SOURCE_DATE_EPOCH) the day of the build
        when = dt.datetime.fromtimestamp(epoch, tz=dt.timezone.utc) if epoch is not None else dt.datetime.now(dt.timezone.utc)
        if app.config.today_fmt:
            app.builder.context["date"] = format_date(app.config.today_fmt, date=when, language=app.config.language)
        else:  # the book's own style, as its dates are printed: "14 November 2023"
            app.builder.context["date"] = PartialDate(when.year, when.month, when.day).display()
    if epoch is not None and app.config.latex_engine == "lualatex":
        identifier = hashlib.md5(f"{app.config.project}\0{epoch}".encode()).hexdigest().upper()
        app.builder.context["preamble"] += f"\n% A reproducible PDF (tools/sphinx_ext/latex/latexmk.py).\n\\pdfvariable trailerid {{[<{identifier}> <{identifier}>]}}\n"


def rc_additions(epoch: int | None) -> str:
    lines = [
        f"{RC_MARK} the book's additions.",
        "# xindy's options even without Sphinx's Makefile (Read the Docs runs latexmk directly,",
        f"# XINDYOPTS is then unset), plus {XDY_NAME} for non-ASCII initials.",
        "$makeindex = 'internal xindy ' . ($ENV{'XINDYOPTS'} || '-L english -C utf8 -M sphinx.xdy')",
        f"  . ' -M {XDY_NAME} %O -o %D %S';",
    ]
    if epoch is not None:
        lines += [
            "# A reproducible PDF: LuaTeX takes its dates and the PDF's /ID from the build's date.",
            f"$ENV{{'SOURCE_DATE_EPOCH'}} = '{epoch}';",
            "$ENV{'FORCE_SOURCE_DATE'} = '1';",
        ]
    return "\n".join(lines) + "\n"


def add_to_latexmkrc(outdir: Path, epoch: int | None) -> None:
    rc = outdir / "latexmkrc"
    text = rc.read_text(encoding="utf-8")
    if "sub xindy" not in text:  # Sphinx changed its latexmkrc template: check by hand
        logger.warning("latexmkrc has no 'internal xindy' hook; the book's index module is not added", type="book", subtype="latex")
        return
    text = text.split(RC_MARK)[0].rstrip("\n") + "\n\n"
    rc.write_text(text + rc_additions(epoch), encoding="utf-8")


def write_support_files(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name != "latex":
        return
    outdir = Path(app.outdir)
    for lua in LUA_FILES:
        (outdir / lua.name).write_bytes(lua.read_bytes())
    if app.config.latex_use_xindy:
        (outdir / XDY_NAME).write_bytes(xindy_module())
        add_to_latexmkrc(outdir, source_date_epoch(BookConfig.read(app.config).project_root(app.confdir)))
