"""LaTeX/PDF settings for "Russia in Syria: an annotated reference".

Use from docs/conf.py (docs/ must be on sys.path, e.g. ``sys.path.insert(0, str(Path(__file__).parent))``)::

    from latex_config import *            # the latex_* values below
    extensions += ["latex_config"]        # small build hook for the index (see setup())

conf.py keeps ``latex_documents`` (root doc, .tex name, title, author, "manual").

Why these choices (measured on a scratch project, /tmp/pdfproto):
* lualatex, not xelatex: xelatex draws Arabic left to right and unjoined *without any
  warning*, and cannot load the colour emoji font. LuaHBTeX shapes Arabic with HarfBuzz.
* babel (Sphinx's lualatex default is polyglossia) with ``bidi=basic`` and
  ``onchar=ids fonts``: Arabic runs inside English text switch language, font and
  direction by themselves, so the Markdown needs no markup.
* A luaotfload fallback chain on every text font catches what the main font lacks
  (arrows, symbols, emoji, flag pairs) instead of dropping it ("Missing character").
* xindy for the index, plus a generated xindy module so that initials like ʿ, İ, Ş,
  Cyrillic, Greek and Arabic land in sensible letter groups (see setup()).
"""

from pathlib import Path
import unicodedata

__all__ = [
    "latex_engine",
    "latex_use_xindy",
    "latex_show_urls",
    "latex_show_pagerefs",
    "latex_domain_indices",
    "latex_toplevel_sectioning",
    "latex_theme",
    "latex_table_style",
    "latex_elements",
]

latex_engine = "lualatex"

# Index processor: must be xindy.  Glossary terms become index entries; with makeindex
# (False) an entry starting with a non-ASCII letter (ВКС, ʿAlawites, Şam) makes makeindex
# write half a UTF-8 character as the letter heading and lualatex stops with
# "String contains an invalid utf-8 sequence".  Needs the Debian package ``xindy``.
latex_use_xindy = True

# Printed book: show the target of external links as footnotes (readers cannot click).
latex_show_urls = "footnote"
# Internal references stay plain text: "(page N)" after every glossary term is noise.
latex_show_pagerefs = False
# No Python-module index or other domain indices: this is not API documentation.
latex_domain_indices = False
# Each top-level document of the toctree is a chapter.
latex_toplevel_sectioning = "chapter"
# "manual" = Sphinx's report-based book class: title page, TOC, chapters, index.
latex_theme = "manual"
latex_table_style = ["booktabs", "colorrows"]

_BABEL = r"""
% babel with the bidi algorithm (basic = LuaTeX only; RTL runs inside LTR text).
% English is the main language: Sphinx passes it as a class option.
\usepackage[bidi=basic]{babel}
% Any Arabic character switches to Arabic: hyphenation rules (ids) and the fonts
% declared with \babelfont[arabic] (fonts); bidi=basic sets the direction.
\babelprovide[import, onchar=ids fonts]{arabic}
"""

_FONTS = r"""
% Fallback chain for every Latin/Greek/Cyrillic text font: luaotfload takes a glyph
% from the first font of the list that has it.  FreeSerif: arrows and other symbols
% Noto lacks; Noto Sans Symbols 2: more symbols; Noto Color Emoji: emoji and
% regional-indicator flag pairs (mode=harf: the flag ligature needs HarfBuzz, and
% LuaHBTeX draws the colour bitmaps).
\directlua{
  luaotfload.add_fallback("bookfallback", {
    "FreeSerif:mode=node;",
    "NotoSansSymbols2-Regular.ttf:mode=node;",
    "NotoColorEmoji.ttf:mode=harf;",
  })
}
% Noto covers Latin incl. Turkish (ğ ş ı İ), ʿ ʾ, ″, dashes, curly quotes, Greek, Cyrillic.
\setmainfont{Noto Serif}[RawFeature={fallback=bookfallback}]
\setsansfont{Noto Sans}[RawFeature={fallback=bookfallback}]
\setmonofont{Noto Sans Mono}[Scale=0.9, RawFeature={fallback=bookfallback}]
% Arabic, chosen automatically for Arabic characters (see babel above), shaped by
% HarfBuzz.  Noto Sans Arabic rather than Noto Naskh Arabic: with Naskh the PDF text
% layer maps several letters to presentation forms (U+FExx), so copy/search of
% Arabic words fails; with Noto Sans Arabic it is the plain letters.  Arabic has no
% italic: italic (glossary links, emphasis) uses the upright shapes.
\babelfont[arabic]{rm}[Renderer=HarfBuzz, Extension=.ttf,
  UprightFont=*-Regular, BoldFont=*-Bold,
  ItalicFont=*-Regular, BoldItalicFont=*-Bold]{NotoSansArabic}
\babelfont[arabic]{sf}[Renderer=HarfBuzz, Extension=.ttf,
  UprightFont=*-Regular, BoldFont=*-Bold,
  ItalicFont=*-Regular, BoldItalicFont=*-Bold]{NotoSansArabic}
\babelfont[arabic]{tt}[Renderer=HarfBuzz, Extension=.ttf,
  UprightFont=*-Regular, BoldFont=*-Bold,
  ItalicFont=*-Regular, BoldItalicFont=*-Bold]{NotoSansArabic}
"""

latex_elements = {
    "papersize": "a4paper",
    "pointsize": "11pt",
    # Read on screen first: one-sided, chapters start on the next page (no blank
    # versos).  For a printed edition drop this line (twoside, openright).
    "extraclassoptions": "openany,oneside",
    # Sphinx's lualatex default is polyglossia; we use babel instead (see above).
    "polyglossia": "",
    "babel": _BABEL,
    "fontpkg": _FONTS,
    # Chapter heads: "CHAPTER n" and the title between rules, sans serif.
    "fncychap": r"\usepackage[Sonny]{fncychap}",
    "preamble": r"""
% Noto at 11pt needs a taller running head than the class default (fancyhdr warning).
\setlength{\headheight}{14pt}
\addtolength{\topmargin}{-2pt}
% Font expansion and character protrusion (LuaTeX supports both with fontspec fonts):
% tighter, more even lines; removed the last overfull line (a long URL) in the tests.
\usepackage{microtype}
% Let TeX stretch spaces a little before giving up on a line (long names, URLs).
\setlength{\emergencystretch}{2em}
% Bibliography: Sphinx moves every citation of the book into one list at the very end.
% The references page (only a {bibliography} directive) must therefore be the LAST
% entry of the root toctree: the list is then printed inside that page's chapter,
% instead of an empty numbered "References" chapter followed by an unnumbered
% "Bibliography" chapter (the class default).
\makeatletter
\renewenvironment{sphinxthebibliography}[1]
  {\let\chapter\@gobbletwo    % drop thebibliography's \chapter*{\bibname}
   \let\@mkboth\@gobbletwo    % keep the chapter's running heads
   \begin{thebibliography}{#1}}
  {\end{thebibliography}}
% Index: after an Arabic entry the bidi algorithm would pull ", 3" into the Arabic
% run and print "3 ,حميميم".  A left-to-right mark after every entry keeps the page
% numbers on the right.  (Sphinx's own definition is \texttt{#1}.)
\def\sphinxstyleindexentry#1{\texttt{#1}\char"200E\relax}
\makeatother
""",
    # Title page, table of contents and index: the manual class defaults
    # (\sphinxmaketitle, \sphinxtableofcontents, \printindex).
}


# --------------------------------------------------------------------------------------
# Index support: a tiny Sphinx extension (add "latex_config" to `extensions`).
#
# Sphinx runs xindy with the options of the document language, "-L english -C utf8".
# That module only knows Latin letters: ʿAlawites landed under "Q", ВКС under "S",
# İdlib/Şanlıurfa/Greek/Arabic entries in no group at all.  After the LaTeX files are
# written, we add bookindex.xdy (Latin letters with diacritics sorted with their base
# letter, ʿ ʾ and apostrophes ignored, then Greek, Cyrillic and Arabic letter groups)
# and make latexmkrc load it.  The latexmkrc line also supplies Sphinx's xindy options
# when latexmk is run without Sphinx's Makefile (Read the Docs runs
# `latexmk -r latexmkrc -pdf ...` directly; XINDYOPTS is then unset and xindy fails,
# leaving the PDF without an index).
# --------------------------------------------------------------------------------------

# Internal sort codes of a..z in xindy's "-L english -C utf8" module
# (lang/english/utf8.xdy, generated by make-rules.pl; unchanged since xindy 2.x).
_EN_CODES = dict(zip(
    "abcdefghijklmnopqrstuvwxyz",
    b"\x80\x84\x86\x8d\x97\x9c\x9d\xa4\xa8\xac\xae\xb4\xbb\xbc"
    b"\xc3\xc8\xca\xcb\xd0\xda\xe0\xe5\xe6\xeb\xed\xf0",
))
# ayn, hamza and apostrophes: ignored for sorting (ʿAlawites sorts as Alawites)
_IGNORED = "\u02bf\u02be\u02bc\u02bb\u2018\u2019"
# scripts after Latin, in this order: (lead byte of their sort codes, alphabet)
_SCRIPTS = [
    (0xF8, "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ"),
    (0xF9, "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"),
    (0xFA, "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"),
]
_ARABIC_VARIANTS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ئ": "ي", "ؤ": "و"}
_XDY_NAME = "bookindex.xdy"
_RC_MARK = "# latex_config.py: xindy options"


def _xdy_string(data: bytes) -> bytes:
    return b'"' + data + b'"'  # codes never contain '"' or '\\' (all >= 0x80)


def xindy_module() -> bytes:
    """Return the xindy module (bytes: xindy reads modules as 8-bit text)."""
    rules: list[tuple[str, bytes]] = []
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        if not unicodedata.category(ch).startswith("L"):
            continue
        base = "i" if ch == "ı" else unicodedata.normalize("NFKD", ch)[:1].lower()
        if base in _EN_CODES and ch.lower() != base:
            rules.append((ch, bytes([_EN_CODES[base]])))
    rules += [(ch, b"") for ch in _IGNORED]
    groups: list[tuple[str, str, bytes]] = []
    previous = "\u01bf"  # last letter group of the english module (wynn)
    for lead, alphabet in _SCRIPTS:
        for i, letter in enumerate(alphabet):
            code = bytes([lead, 0x80 + i])
            rules.append((letter, code))
            if letter.lower() != letter:
                rules.append((letter.lower(), code))
            groups.append((letter, previous, code))
            previous = letter
    rules.append(("ς", bytes([0xF8, 0x80 + _SCRIPTS[0][1].index("Σ")])))
    for variant, base in _ARABIC_VARIANTS.items():
        rules.append((variant, bytes([0xFA, 0x80 + _SCRIPTS[2][1].index(base)])))

    out = [b";; Generated by docs/latex_config.py: letter groups for non-ASCII initials."]
    for name, after, code in groups:
        out.append(b"(define-letter-group " + _xdy_string(name.encode()) + b" :after "
                   + _xdy_string(after.encode()) + b" :prefixes (" + _xdy_string(code) + b"))")
    out.append(b'(define-rule-set "book-prealphabetize" :rules (')
    out += [b"  (" + _xdy_string(k.encode()) + b" " + _xdy_string(v) + b" :string)"
            for k, v in rules]
    out.append(b"))")
    # our rules first, then the english module's own rule sets for run 0
    out.append(b'(use-rule-set :run 0 :rule-set '
               b'("book-prealphabetize" "en-alphabetize" "en-ignore-special"))')
    return b"\n".join(out) + b"\n"


_LATEXMKRC_TAIL = rf"""
{_RC_MARK} even without Sphinx's Makefile (Read the Docs runs latexmk
# directly, XINDYOPTS is then unset), plus {_XDY_NAME} for non-ASCII initials.
$makeindex = 'internal xindy ' . ($ENV{{'XINDYOPTS'}} || '-L english -C utf8 -M sphinx.xdy')
  . ' -M {_XDY_NAME} %O -o %D %S';
"""


def _add_index_support(app, exception) -> None:
    if exception is not None or app.builder.name != "latex" or not app.config.latex_use_xindy:
        return
    outdir = Path(app.outdir)
    (outdir / _XDY_NAME).write_bytes(xindy_module())
    rc = outdir / "latexmkrc"
    text = rc.read_text(encoding="utf-8")
    if "sub xindy" not in text:  # Sphinx changed its latexmkrc template: check by hand
        from sphinx.util import logging
        logging.getLogger(__name__).warning(
            "latex_config: latexmkrc has no 'internal xindy' hook; index module not added")
        return
    if _RC_MARK not in text:
        rc.write_text(text + _LATEXMKRC_TAIL, encoding="utf-8")


def setup(app):
    """Sphinx extension entry point (``extensions += ["latex_config"]``)."""
    app.connect("build-finished", _add_index_support)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
