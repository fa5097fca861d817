"""LaTeX/PDF settings for "Russia in Syria: an annotated reference".

Use from docs/conf.py (docs/ must be on sys.path, e.g. ``sys.path.insert(0, str(Path(__file__).parent))``)::

    from latex_config import *            # the latex_* and book_latex_* values below
    extensions += ["latex_config"]        # the writer and build hooks (see setup())

conf.py keeps ``latex_documents`` (root doc, .tex name, title, author, "manual").
The PDF is built by ``make latexpdf`` and by Read the Docs (.readthedocs.yaml), which runs
``latexmk -r latexmkrc`` itself; both work from what this module writes.

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

Added for the book's structure and layout (measured on the real book):
* Parts: Chronology and Themes (documents printed as \\part, their pages as chapters)
  and Reference; the home page's text as an unnumbered "Introduction" chapter.
* Passage anchors: Sphinx's LaTeX writer drops ids of block quotes, so every link to a
  passage was dead in the PDF; the writer below adds them.
* The bibliography where the {bibliography} directive is, not after the last chapter.
* Long URLs and file names: a LuaTeX filter adds break points (booklongwords.lua);
  table columns sized from their content; ragged-right table cells.
* Fallback fonts for Chinese and Korean glossary aliases.
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
    "book_latex_parts",
    "book_latex_parts_before",
    "book_latex_intro",
]

# The font files the preamble below loads, by the Debian/Ubuntu package that has them
# (the Makefile's PDF_PACKAGES and .readthedocs.yaml install them; the PDF tests check).
FONT_PACKAGES = {
    "NotoSerif-Regular.ttf": "fonts-noto-core",
    "NotoSans-Regular.ttf": "fonts-noto-core",
    "NotoSansArabic-Regular.ttf": "fonts-noto-core",
    "NotoSansSymbols2-Regular.ttf": "fonts-noto-core",
    "NotoSansMono-Regular.ttf": "fonts-noto-mono",
    "NotoColorEmoji.ttf": "fonts-noto-color-emoji",
    "FreeSerif.otf": "fonts-freefont-otf",
    "DroidSansFallbackFull.ttf": "fonts-droid-fallback",
    "NanumMyeongjo.ttf": "fonts-nanum",
}
FONT_FILES = tuple(FONT_PACKAGES)

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
# Each top-level document of the toctree is a chapter (except the parts, see below).
latex_toplevel_sectioning = "chapter"
# "manual" = Sphinx's report-based book class: title page, TOC, chapters, index.
latex_theme = "manual"

# The book's structure in print (used by the writer in setup() below).  The root
# toctree (docs/index.md) gives the order; these give the LaTeX levels:
# * documents printed as a \part: the document's title is the part's title, its
#   introduction is printed on the part page, the documents of its toctree are the
#   part's chapters (in HTML they stay ordinary pages);
book_latex_parts = ["periods/index", "themes/index"]
# * parts without a page of their own, by the document they start before;
book_latex_parts_before = {"glossary": "Reference"}
# * the root document's own text (before its toctrees) is printed as an unnumbered
#   chapter of this title, listed in the table of contents ("" = no heading).
book_latex_intro = "Introduction"
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
% LuaHBTeX draws the colour bitmaps); Droid Sans Fallback: Chinese and Japanese
% (glossary aliases such as 中国); Nanum Myeongjo: Korean (반기문).  Together 12 MB
% to download instead of Noto CJK's 57.  "file:" matters: a bare "X.ttf" is looked up
% as a font *name*, fails, and makes luaotfload rescan every system font and rewrite
% its lookup cache on each run (slow, and latexmk then reruns LaTeX up to 5 times).
\directlua{
  luaotfload.add_fallback("bookfallback", {
    "file:FreeSerif.otf:mode=node;",
    "file:NotoSansSymbols2-Regular.ttf:mode=node;",
    "file:NotoColorEmoji.ttf:mode=harf;",
    "file:DroidSansFallbackFull.ttf:mode=node;",
    "file:NanumMyeongjo.ttf:mode=node;",
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
% Long words (URLs, file names, passage ids in tables): break points added by
% booklongwords.lua, written next to the .tex file by setup() below.
\directlua{dofile("booklongwords.lua")}
% Parts (Chronology, Themes, Reference): the part's introduction is printed on the
% part page, under the title, instead of alone on the next page; the next chapter
% starts a new page anyway.  The title sits a third of the way down, not centred.
\usepackage{etoolbox}
\makeatletter
\patchcmd{\part}{\null\vfil}{\null\vspace*{0.22\textheight}}{}
  {\PackageWarningNoLine{book}{could not move the part titles up (\string\part\space changed)}}
\def\@endpart{\par\vspace{3\baselineskip}\@afterheading}
% Table cells (Sphinx wraps every cell in varwidth): ragged right, since justified
% narrow columns open wide gaps; no character protrusion, which made varwidth lines
% a point or two wider than their column ("Overfull \hbox ... detected at line").
% varwidth is a minipage: its content settings go in its copy of \@minipagerestore
% (a hook at \begin{varwidth} would be undone by the minipage's \@parboxrestore).
\let\book@vwid@restore\@@vwid@minipagerestore
\def\@@vwid@minipagerestore{%
  \book@vwid@restore\raggedright\microtypesetup{protrusion=false}}
% Passages (block quotes of class "passage", see tools/render.py and the writer in
% setup()): the quotation is a quote; its first paragraph, the line of facts (date,
% kind of source, citation, lines, themes), is set small, sans serif, ragged right.
\newenvironment{sphinxclasspassage-meta}
  {\par\small\sffamily\raggedright\color{black!70}}{\par}
% Bibliography: Sphinx gathers every citation of the book into one list; setup()
% below puts that list back where the {bibliography} directive is (a section that
% already has its heading), so the class's \chapter*{Bibliography} is dropped.
\renewenvironment{sphinxthebibliography}[1]
  {\let\chapter\@gobbletwo    % drop thebibliography's \chapter*{\bibname}
   \let\@mkboth\@gobbletwo    % keep the chapter's running heads
   \begin{thebibliography}{#1}}
  {\end{thebibliography}}
% Index: after an Arabic entry the bidi algorithm would pull ", 3" into the Arabic
% run and print "3 ,حميميم".  A left-to-right mark after every entry keeps the page
% numbers on the right.  Entries in the text face: Sphinx's own definition is
% \texttt{#1}, made for API names, not for people and places.
\def\sphinxstyleindexentry#1{#1\char"200E\relax}
\makeatother
""",
    # Table of contents: parts and chapters only (the PDF's bookmarks go deeper).
    "tocdepth": r"\setcounter{tocdepth}{0}",
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
    rules: list[tuple[str | bytes, bytes]] = []
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        if not unicodedata.category(ch).startswith("L"):
            continue
        base = "i" if ch == "ı" else unicodedata.normalize("NFKD", ch)[:1].lower()
        if base in _EN_CODES and ch.lower() != base:
            rules.append((ch, bytes([_EN_CODES[base]])))
    rules += [(ch, b"") for ch in _IGNORED]
    # CJK, kana and Hangul (U+3000-U+DFFF, UTF-8 lead bytes E3-ED) have no letter group.
    # Read raw, a lead byte doubles as the english module's code of a Latin letter
    # (반기문 was filed under "X"); behind 0xFB they join the non-alphabetical group.
    rules += [(bytes([lead]), bytes([0xFB, lead])) for lead in range(0xE3, 0xEE)]
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
    out += [b"  (" + _xdy_string(k if isinstance(k, bytes) else k.encode()) + b" "
            + _xdy_string(v) + b" :string)" for k, v in rules]
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


# --------------------------------------------------------------------------------------
# Long words.  Seeds contain URLs and file names of 100+ characters without a space
# (the conversion report quotes them), and passage ids sit in narrow table columns.
# TeX cannot break them and prints them into the margin ("Overfull \hbox").  This
# LuaTeX filter runs after the fonts are applied (so HarfBuzz shaping is untouched)
# and, in words that look technical (a digit or one of / % _ = & ? # in them) and
# are at least MIN glyphs long, allows a cheap break after / % _ = & ? # . : , ; - )
# ] | and an expensive one between any two Latin glyphs; words of 30 glyphs or more
# get the expensive breaks too.  Ordinary words are never touched.
# --------------------------------------------------------------------------------------

_LUA_NAME = "booklongwords.lua"
_LUA = r"""-- Generated by docs/latex_config.py: break points inside very long words.
local GLYPH, GLUE, KERN, DISC, PENALTY =
  node.id("glyph"), node.id("glue"), node.id("kern"), node.id("disc"), node.id("penalty")
local MIN, LONG = 12, 30
local CHEAP, EXPENSIVE = 100, 4000
local AFTER, MARKS = {}, {}
for _, c in ipairs({0x2F, 0x25, 0x5F, 0x3D, 0x26, 0x3F, 0x23, 0x2E, 0x3A, 0x2C,
                    0x3B, 0x2D, 0x29, 0x5D, 0x7C}) do AFTER[c] = true end
for _, c in ipairs({0x2F, 0x25, 0x5F, 0x3D, 0x26, 0x3F, 0x23}) do MARKS[c] = true end

local function penalty(value)
  local p = node.new(PENALTY)
  p.penalty = value
  return p
end

local function technical(word)
  for _, g in ipairs(word) do
    if MARKS[g.char] or (g.char >= 0x30 and g.char <= 0x39) then return true end
  end
  return false
end

local function add_breaks(head, word)
  local n = #word
  if n < MIN then return head end
  local tech = technical(word)
  if not tech and n < LONG then return head end
  for i = 1, n - 1 do
    local g, following = word[i], word[i].next
    if following and following.id ~= PENALTY and following.id ~= DISC then
      local value
      if tech and AFTER[g.char] then
        value = CHEAP
      elseif g.char < 0x250 and word[i + 1].char < 0x250 then
        value = EXPENSIVE
      end
      if value then head = node.insert_after(head, g, penalty(value)) end
    end
  end
  return head
end

local function long_words(head)
  local word = {}
  for n in node.traverse(head) do
    if n.id == GLYPH then
      word[#word + 1] = n
    elseif n.id == KERN or n.id == DISC or (n.id == GLUE and n.width == 0
        and n.stretch == 0) then
      -- inside a word: font kerns, hyphenation points, Sphinx's \sphinxhyphen
    else
      head = add_breaks(head, word)
      word = {}
    end
  end
  return add_breaks(head, word)
end

luatexbase.add_to_callback("pre_linebreak_filter", long_words, "book.longwords")
"""


def _write_lua_filter(app, exception) -> None:
    if exception is None and app.builder.name == "latex":
        (Path(app.outdir) / _LUA_NAME).write_text(_LUA, encoding="utf-8")


# --------------------------------------------------------------------------------------
# The writer: Sphinx's LaTeX translator with the book's additions.
# * Parts (book_latex_parts, book_latex_parts_before above).
# * The root document's text under an "Introduction" heading (book_latex_intro).
# * Anchors for ids on block quotes and containers: Sphinx's writer drops them, so a
#   passage written as ``{#p-... .passage}`` + blockquote had no \label and every
#   link to it (theme excerpts, glossary "Mentioned in") was dead in the PDF.
# * Classes on block quotes, like Sphinx does for containers: a passage is wrapped
#   in ``sphinxuseclass{passage}``, so the preamble can style it (sphinxclasspassage),
#   and its first paragraph, the line of facts above the quotation, in
#   ``sphinxuseclass{passage-meta}`` (the HTML does the same with CSS, book.css).
# --------------------------------------------------------------------------------------

from docutils import nodes  # noqa: E402
from sphinx import addnodes  # noqa: E402
from sphinx.builders.latex.nodes import thebibliography  # noqa: E402
from sphinx.transforms.post_transforms import SphinxPostTransform  # noqa: E402
from sphinx.writers.latex import LaTeXTranslator  # noqa: E402


# TeX reads its input a line at a time into a buffer of 200,000 characters: a longer line stops
# lualatex and leaves a broken PDF. Seed text can be one paragraph of any length, so text is
# written in lines of at most this many characters: a space becomes a line break (the same to
# TeX), and where a run has no space, "%" and a line break end the line without adding a space.
TEX_LINE_LIMIT = 1000


def break_long_lines(text: str, limit: int = TEX_LINE_LIMIT) -> str:
    """LaTeX text in lines of at most about `limit` characters, meaning exactly the same to TeX."""
    if len(text) <= limit:
        return text
    pieces, position = [], 0
    while len(text) - position > limit:
        end = position + limit
        newline = text.rfind("\n", position, end)
        if newline != -1:
            pieces.append(text[position : newline + 1])
            position = newline + 1
            continue
        space = text.rfind(" ", position + limit // 2, end)
        if space != -1:
            pieces += [text[position:space], "\n"]
            position = space + 1
            continue
        cut = end
        # Never inside a control sequence: not right after a backslash, not within "\word".
        while cut > position + 1 and (text[cut - 1] == "\\" or (text[cut].isalpha() and _in_control_word(text, cut))):
            cut -= 1
        pieces += [text[position:cut], "%\n"]
        position = cut
    pieces.append(text[position:])
    return "".join(pieces)


def _in_control_word(text: str, index: int) -> bool:
    """Whether the letter at index continues a control word ("\\textbackslash")."""
    start = index
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return start > 0 and text[start - 1] == "\\"


class BookLaTeXTranslator(LaTeXTranslator):
    def visit_Text(self, node) -> None:
        start = len(self.body)
        super().visit_Text(node)
        self.body[start:] = [break_long_lines(piece) for piece in self.body[start:]]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Sphinx names the table of contents after the root toctree's first caption, here
        # "The book", a heading of the HTML sidebar; the PDF's is "Contents".
        self.elements["contentsname"] = ""
        self._part_pending = ""  # a part document has started; its first section is the part
        self._part_sections: set[int] = set()

    def _is_part(self, node) -> bool:
        return id(node) in self._part_sections

    def visit_start_of_file(self, node) -> None:
        super().visit_start_of_file(node)
        title = self.config.book_latex_parts_before.get(node["docname"])
        if title:
            self.body.append("\n\\part{%s}\n" % self.encode(title))
        if node["docname"] in self.config.book_latex_parts:
            self._part_pending = node["docname"]

    def visit_section(self, node) -> None:
        if self._part_pending and node.get("docname") == self._part_pending:
            self._part_pending = ""
            self._part_sections.add(id(node))
            self.body.append("\n\n")  # level unchanged: its documents are chapters
            return
        super().visit_section(node)

    def depart_section(self, node) -> None:
        if not self._is_part(node):
            super().depart_section(node)

    def visit_title(self, node) -> None:
        parent = node.parent
        if isinstance(parent, nodes.section) and not self.this_is_the_title and self._is_part(parent):
            self.body.append("\\part{")
            self.context.append("}\n" + self.hypertarget_to(parent))
            self.in_title = 1
            return
        if isinstance(parent, nodes.section) and self.this_is_the_title and self.config.book_latex_intro:
            if any(not isinstance(child, (nodes.title, nodes.target, nodes.compound, addnodes.toctree))
                   for child in parent.children):
                title = self.encode(self.config.book_latex_intro)
                self.body.append(
                    "\\chapter*{%s}\\addcontentsline{toc}{chapter}{%s}\\markboth{%s}{%s}\n"
                    % (title, title, title, title))
        super().visit_title(node)

    def _anchors(self, node) -> None:
        # ids that a target beside the node already labels (MyST "(label)=") are skipped
        labelled = {child.get("refid") for child in node.parent.children
                    if isinstance(child, nodes.target)} if node.parent is not None else set()
        for node_id in node["ids"]:
            if node_id not in labelled:
                self.body.append("\n" + self.hypertarget(node_id, anchor=True))

    def visit_block_quote(self, node) -> None:
        self._anchors(node)
        for name in node["classes"]:
            self.body.append("\n\\begin{sphinxuseclass}{%s}" % name)
        super().visit_block_quote(node)

    def depart_block_quote(self, node) -> None:
        super().depart_block_quote(node)
        for _name in node["classes"]:
            self.body.append("\\end{sphinxuseclass}\n")

    def visit_paragraph(self, node) -> None:
        parent = node.parent
        if (isinstance(parent, nodes.block_quote) and "passage" in parent["classes"]
                and node is next(iter(parent.findall(nodes.paragraph)), None)):
            self.body.append("\n\\begin{sphinxuseclass}{passage-meta}")
            node["book_passage_meta"] = True
        super().visit_paragraph(node)

    def depart_paragraph(self, node) -> None:
        super().depart_paragraph(node)
        if node.get("book_passage_meta"):
            self.body.append("\\end{sphinxuseclass}\n")

    def visit_container(self, node) -> None:
        self._anchors(node)
        super().visit_container(node)


# --------------------------------------------------------------------------------------
# The bibliography where the book puts it.  Sphinx's LaTeX builder gathers every
# citation into one list at the very end of the book (BibliographyTransform, priority
# 750), after the last chapter and under the class's "Bibliography" heading.  We mark
# where the first citation was (the {bibliography} directive) and move the list back
# there, so the PDF follows the toctree like the HTML does.
# --------------------------------------------------------------------------------------


class _bibliography_here(nodes.Element):
    """Where the citations were before Sphinx gathered them (removed before writing)."""


class MarkBibliography(SphinxPostTransform):
    default_priority = 749
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        first = next(iter(self.document.findall(nodes.citation)), None)
        if first is not None:
            first.parent.insert(first.parent.index(first), _bibliography_here())


class PlaceBibliography(SphinxPostTransform):
    default_priority = 751
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        here = next(iter(self.document.findall(_bibliography_here)), None)
        if here is None:
            return
        gathered = next(iter(self.document.findall(thebibliography)), None)
        if gathered is not None:
            gathered.parent.remove(gathered)
            here.replace_self(gathered)
        else:
            here.parent.remove(here)


# --------------------------------------------------------------------------------------
# Table column widths.  Without widths Sphinx gives every column of a long table the
# same share ("lll" + varwidth cells): the conversion report's "Lines" column took a
# third of the page while the quoted text was squeezed, and varwidth cells overflowed
# by a point or two.  For tables without explicit widths we size the columns from
# their content, like a browser does: each column gets at least its longest word
# (capped: long words can break) and the rest of the line is shared in proportion to
# what each column would need to hold its longest cell on one line.
# --------------------------------------------------------------------------------------

_TEXT_WIDTH_PT = 453.0   # A4 with Sphinx's default 1in margins
_CHAR_PT = 5.4           # average width of a character of Noto Serif at 11pt
_WIDE_CHAR_PT = 6.3      # width of its digits and capitals: the longest word must fit
_CELL_PAD_PT = 13.0      # \tabcolsep on both sides and the rule
_LONGEST_WORD_CAP = 16   # a longer word is broken anyway (booklongwords.lua)


class TableWidths(SphinxPostTransform):
    default_priority = 800
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for table in self.document.findall(nodes.table):
            if "colwidths-given" in table["classes"]:
                continue
            tgroup = next(iter(table.findall(nodes.tgroup)), None)
            if tgroup is None:
                continue
            colspecs = [child for child in tgroup.children if isinstance(child, nodes.colspec)]
            widths = self._widths(tgroup, len(colspecs))
            if widths is None:
                continue
            for colspec, width in zip(colspecs, widths):
                colspec["colwidth"] = width
            table["classes"].append("colwidths-given")

    @staticmethod
    def _widths(tgroup, count: int):
        if count < 2:
            return None
        longest_word = [1] * count
        longest_cell = [1] * count
        for row in tgroup.findall(nodes.row):
            column = 0
            for entry in row.children:
                span = entry.get("morecols", 0)
                if column >= count:
                    break
                if not span:
                    text = entry.astext()
                    words = text.split()
                    if words:
                        longest_word[column] = max(longest_word[column], min(_LONGEST_WORD_CAP, max(map(len, words))))
                    longest_cell[column] = max(longest_cell[column], len(" ".join(words)))
                column += 1 + span
        least = [(word * _WIDE_CHAR_PT + _CELL_PAD_PT) / _TEXT_WIDTH_PT for word in longest_word]
        most = [max(lo, (cell * _CHAR_PT + _CELL_PAD_PT) / _TEXT_WIDTH_PT) for lo, cell in zip(least, longest_cell)]
        if sum(most) <= 1:
            shares = [m / sum(most) for m in most]
        elif sum(least) >= 1:
            shares = [lo / sum(least) for lo in least]
        else:
            spare = (1 - sum(least)) / sum(m - lo for m, lo in zip(most, least))
            shares = [lo + (m - lo) * spare for m, lo in zip(most, least)]
        return [max(1, round(share * 1000)) for share in shares]


def setup(app):
    """Sphinx extension entry point (``extensions += ["latex_config"]``)."""
    app.add_config_value("book_latex_parts", [], "env", types=[list, tuple])
    app.add_config_value("book_latex_parts_before", {}, "env", types=[dict])
    app.add_config_value("book_latex_intro", "", "env", types=[str])
    app.set_translator("latex", BookLaTeXTranslator, override=True)
    app.add_post_transform(MarkBibliography)
    app.add_post_transform(PlaceBibliography)
    app.add_post_transform(TableWidths)
    app.connect("build-finished", _write_lua_filter)
    app.connect("build-finished", _add_index_support)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
