"""The book's LaTeX preamble: babel for Arabic, the fonts and their fallbacks, layout, passages,
the bibliography's place and the index entries' style (tools/sphinx_ext/latex/__init__.py says why
lualatex and babel)."""

# The font files the preamble below loads, by the Debian/Ubuntu package that has them
# (the Makefile's PDF_PACKAGES and .readthedocs.yaml install them; the PDF tests check).
FONT_PACKAGES = {
    "NotoSerif-Regular.ttf": "fonts-noto-core",
    "NotoSans-Regular.ttf": "fonts-noto-core",
    "NotoSansArabic-Regular.ttf": "fonts-noto-core",
    "NotoSansSymbols2-Regular.ttf": "fonts-noto-core",
    "NotoSerifHebrew-Regular.ttf": "fonts-noto-core",
    "NotoSerifArmenian-Regular.ttf": "fonts-noto-core",
    "NotoSansMono-Regular.ttf": "fonts-noto-mono",
    "NotoColorEmoji.ttf": "fonts-noto-color-emoji",
    "FreeSerif.otf": "fonts-freefont-otf",
    "DroidSansFallbackFull.ttf": "fonts-droid-fallback",
    "NanumMyeongjo.ttf": "fonts-nanum",
}
FONT_FILES = tuple(FONT_PACKAGES)

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
% from the first font of the list that has it, so each script gets one family: a word
% never mixes two fonts.  Noto Serif Hebrew and Noto Serif Armenian first (FreeSerif has
% those scripts too, in another design); FreeSerif: arrows and other symbols
% Noto lacks; Noto Sans Symbols 2: more symbols; Noto Color Emoji: emoji and
% regional-indicator flag pairs (mode=harf: the flag ligature needs HarfBuzz, and
% LuaHBTeX draws the colour bitmaps).  "file:" matters: a bare "X.ttf" is looked up
% as a font *name*, fails, and makes luaotfload rescan every system font and rewrite
% its lookup cache on each run (slow, and latexmk then reruns LaTeX up to 5 times).
\directlua{
  luaotfload.add_fallback("bookfallback", {
    "file:NotoSerifHebrew-Regular.ttf:mode=node;",
    "file:NotoSerifArmenian-Regular.ttf:mode=node;",
    "file:FreeSerif.otf:mode=node;",
    "file:NotoSansSymbols2-Regular.ttf:mode=node;",
    "file:NotoColorEmoji.ttf:mode=harf;",
  })
}
% Chinese, Japanese and Korean: the writer puts each run of their characters in the text
% into \bookcjk{} or \bookko{} (latex/writer.py), so their fonts are loaded only at the
% sizes where such a run is printed.  In every font's fallback chain they were loaded for
% each size and shape of each font: lualatex then needed 2.5 GB for the 1x book, 1.1 GB
% without them.  Droid Sans Fallback: Chinese and Japanese (glossary
% aliases such as 中国); Nanum Myeongjo: Korean (반기문), which Droid lacks.  Together 12 MB
% to download instead of Noto CJK's 57.
\newfontfamily\bookcjkfont{DroidSansFallbackFull.ttf}[BoldFont=*, ItalicFont=*, BoldItalicFont=*]
\newfontfamily\bookkofont{NanumMyeongjo.ttf}[BoldFont=*, ItalicFont=*, BoldItalicFont=*]
\DeclareRobustCommand\bookcjk[1]{{\bookcjkfont #1}}
\DeclareRobustCommand\bookko[1]{{\bookkofont #1}}
\AtBeginDocument{\pdfstringdefDisableCommands{\def\bookcjk#1{#1}\def\bookko#1{#1}}}
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

LATEX_ELEMENTS = {
    "papersize": "a4paper",
    "pointsize": "11pt",
    # A printed book: two-sided, chapters open on a right-hand page.  book_latex_twoside =
    # False gives the one-sided edition for reading on screen (latex/__init__.py).
    "extraclassoptions": "openright,twoside",
    # The measure: 130 mm, about 70 characters of Noto Serif at 11pt (an A4 page with
    # Sphinx's 1in margins set 85); the inner margin narrower than the outer one.  Links
    # are not coloured: on paper they are words, and their pages follow them.
    "sphinxsetup": "hmargin={30mm,50mm}, vmargin={24mm,30mm}, "
    "InnerLinkColor={rgb}{0,0,0}, OuterLinkColor={rgb}{0,0,0}",
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
% booklongwords.lua, written next to the .tex file (tools/sphinx_ext/latex/latexmk.py).
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
% Passages (block quotes of class "passage", see tools/pages/ and latex/writer.py):
% the quotation is a quote; its first paragraph, the line of facts (date,
% kind of source, citation, lines, themes), is set small, sans serif, ragged right.
\newenvironment{sphinxclasspassage-meta}
  {\par\small\sffamily\raggedright\color{black!70}}{\par}
% Bibliography: Sphinx gathers every citation of the book into one list;
% latex/transforms.py puts that list back where the {bibliography} directive is (a section that
% already has its heading), so the class's \chapter*{Bibliography} is dropped.
\renewenvironment{sphinxthebibliography}[1]
  {\let\chapter\@gobbletwo    % drop thebibliography's \chapter*{\bibname}
   \let\@mkboth\@gobbletwo    % keep the chapter's running heads
   \begin{thebibliography}{#1}}
  {\end{thebibliography}}
% Page references (latex/writer.py): "Title (p. 12)" after a cross-reference, and
% page lists, "pp. 12, 45–47", computed by bookpages.lua from the last run's labels.
\newcommand\bookpageref[1]{\hyperref[#1]{p.\nobreakspace\pageref*{#1}}}
\directlua{dofile("bookpages.lua")}
\newcommand\bookpages[1]{\directlua{book_pages("\luaescapestring{#1}")}}
% References are words on paper: upright, in the text colour (sphinxsetup above).
\protected\def\sphinxcrossref#1{#1}
\protected\def\sphinxtermref#1{#1}
\protected\def\sphinxsamedocref#1{#1}
% Passages are the book's text: a narrow indent on the left only (a quote's margins
% on both sides took a tenth of the 70-character measure).
\newenvironment{sphinxclasspassage}
  {\renewenvironment{quote}{\list{}{\leftmargin1.2em\rightmargin\z@}\item\relax}{\endlist}}{}
% The dictionary: each entry's basis, related entries and pages in small type, close set
% (latex/dictionary.py wraps them in a container of class dictionary-notes).
\newenvironment{sphinxclassdictionary-notes}
  {\par\footnotesize\setlength{\parskip}{0.2\baselineskip}}{\par}
% The index: ragged right, since its narrow columns open wide gaps when justified.
\AtBeginEnvironment{sphinxtheindex}{\raggedright}
% A dictionary entry's kind after its headword, and the letters of the dictionary.
\@namedef{DUrolebook-kind}#1{\enspace{\normalfont\footnotesize\sffamily\color{black!60}#1}}
\newcommand\bookletter[1]{\par\needspace{6\baselineskip}\vspace{1.5\baselineskip}%
  {\centering\Large\sffamily\bfseries #1\par}\nopagebreak\vspace{0.5\baselineskip}}
% A note printed in full elsewhere: one line, small, with the page of the full note.
\newenvironment{sphinxclassannotation-marker}
  {\par\small\sffamily\color{black!75}\leftskip1.2em\noindent\textrightarrow\enspace}{\par}
% Running heads: the part on the left page, the chapter on the right one; page numbers
% outside.  \bookpartmark is written with each \part (latex/writer.py).
\def\book@part{}
\newcommand\bookpartmark[1]{\gdef\book@part{#1}\markboth{#1}{#1}}
\renewcommand\chaptermark[1]{\markboth{\book@part}{\ifnum\c@secnumdepth>\m@ne\thechapter.\enspace\fi#1}}
\renewcommand\sectionmark[1]{}
\fancypagestyle{normal}{%
  \fancyhf{}%
  \fancyhead[LE]{\small\sffamily\thepage\quad\nouppercase{\leftmark}}%
  \fancyhead[RO]{\small\sffamily\nouppercase{\rightmark}\quad\thepage}%
  \renewcommand{\headrulewidth}{0.4pt}\renewcommand{\footrulewidth}{0pt}}
\fancypagestyle{plain}{%
  \fancyhf{}\fancyfoot[C]{\small\sffamily\thepage}%
  \renewcommand{\headrulewidth}{0pt}\renewcommand{\footrulewidth}{0pt}}
% Blank left-hand pages before a chapter carry no running head.
\renewcommand\cleardoublepage{\clearpage\if@twoside\ifodd\c@page\else
  \null\thispagestyle{empty}\newpage\fi\fi}
% No widows or orphans; a note box starts only where 12 lines are left (a long one may
% still break, but never leaves its title alone at the foot of a page).
\widowpenalty=10000 \clubpenalty=10000 \displaywidowpenalty=10000
\usepackage{needspace}
\BeforeBeginEnvironment{sphinxadmonition}{\needspace{12\baselineskip}}
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

