"""The imprint page, on the back of the title page: what edition this is, of when, and where the
web edition lives (`book_web_url`, else html_baseurl, else Read the Docs' canonical URL).

Written into the preamble as Sphinx's `\\sphinxbackoftitlepage` hook when the LaTeX builder starts,
after latexmk.py has set the build's date (so the imprint carries the same date as the title page).
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.texescape import escape

from ..config import BookConfig


def url_text(url: str) -> str:
    """An address for \\sphinxurl: the characters TeX would read escaped."""
    for char in "\\{}#%&~_^$":
        url = url.replace(char, "\\" + char)
    return url


def imprint_page(title: str, date: str, copyright: str, web: str) -> str:
    lines = [
        r"\textbf{%s}\par" % escape(title),
        r"Printed edition of %s.\par" % escape(date) if date else r"Printed edition.\par",
    ]
    lines += [
        r"Every passage is quoted from its source as delivered and cited to its lines; the dates, "
        r"periods, themes, notes and dictionary are the editors’. Straight quotation marks are set "
        r"as typographic ones, nothing else in the wording is changed.\par",
    ]
    if web:
        lines.append(
            r"The web edition, with the sources line by line, the full conversion report and the "
            r"book as data: \sphinxurl{%s}\par" % url_text(web)
        )
    if copyright:
        lines.append(r"\textcopyright\ %s.\par" % escape(copyright))
    lines.append(r"Set in Noto Serif and Noto Sans with LuaLaTeX.\par")
    body = "\n".join(lines)
    return (
        "\n% The imprint (tools/sphinx_ext/latex/imprint.py).\n"
        "\\def\\sphinxbackoftitlepage{\\thispagestyle{empty}\\null\\vfill\n"
        "{\\small\\sffamily\\raggedright\\setlength{\\parskip}{0.7\\baselineskip}\n" + body + "\n}}\n"
    )


def add_imprint(app: Sphinx) -> None:
    if app.builder.name != "latex":
        return
    config = app.config
    web = BookConfig.read(config).web_address(config)
    context = app.builder.context
    context["preamble"] += imprint_page(config.project, context.get("date", ""), config.copyright, web)
