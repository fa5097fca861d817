r"""The writer: Sphinx's LaTeX translator with the book's additions.

* Parts (the book_latex_parts and book_latex_parts_before settings).
* The root document's text under an "Introduction" heading (book_latex_intro).
* Anchors for ids on block quotes and containers: Sphinx's writer drops them, so a
  passage written as ``{#p-... .passage}`` + blockquote had no \label and every
  link to it (theme excerpts, glossary "Mentioned in") was dead in the PDF.
* Classes on block quotes, like Sphinx does for containers: a passage is wrapped
  in ``sphinxuseclass{passage}``, so the preamble can style it (sphinxclasspassage),
  and its first paragraph, the line of facts above the quotation, in
  ``sphinxuseclass{passage-meta}`` (the HTML does the same with CSS, book.css).
  A passage is kept from starting on the last lines of a page (\needspace).
* Runs of Chinese, Japanese and Korean characters in \bookcjk{} and \bookko{}: their fonts are
  loaded only where such a run is printed, not in every font's fallback chain (preamble.py).
* Page references: every cross-reference ends with the page of its target, "(p. 12)"
  (``latex_show_pagerefs``, in the book's words: \bookpageref, preamble.py); a `{pages}`
  list becomes \bookpages, which bookpages.lua prints as "pp. 12, 45–47".
* The front matter: a rubric of class ``book-chapter`` is an unnumbered chapter
  (tools/pages/front.py), and ids on admonitions and such rubrics are labelled inside them,
  so that a page reference gives the page the box or chapter is on.
* Index entries with sort keys and "see" references (latex/indexing.py).
* Running heads: the part (left) and the chapter (right); \bookpartmark tells the preamble the part.
"""

import re

from docutils import nodes
from sphinx import addnodes
from sphinx.writers.latex import LaTeXTranslator

from .quotes import typographic
from .indexing import Documents
from .roles import label_places

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


# Labels \\bookpages hands to Lua: document names and ids as the pipeline makes them.
SAFE_LABEL = re.compile(r"[A-Za-z0-9/._-]+:[A-Za-z0-9._-]+")


def _index_text(value: str) -> str:
    """Text inside \\index{}: xindy's special characters quoted, as Sphinx's writer does."""
    value = value.replace(r"\{", r"\sphinxleftcurlybrace{}").replace(r"\}", r"\sphinxrightcurlybrace{}")
    return value.replace('"', '""').replace("@", '"@').replace("!", '"!').replace("|", r"\textbar{}")


# Runs of Chinese and Japanese (Han, kana, CJK punctuation) and of Korean (Hangul) characters:
# set in their own fonts by \\bookcjk{} and \\bookko{} (preamble.py says why not by fallback).
CJK_RUN = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff9f\uffe0-\uffef\U00020000-\U0003134f]+"
)  # radicals, punctuation, kana, bopomofo, enclosed and compatibility signs (㈱ ㎞), Han in every block, fullwidth forms
HANGUL_RUN = re.compile("[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff\uffa0-\uffdc]+")  # jamo, syllables, halfwidth


def mark_east_asian_runs(text: str) -> str:
    """'中国' -> '\\bookcjk{中国}', '반기문' -> '\\bookko{반기문}'; other text unchanged."""
    text = CJK_RUN.sub(lambda match: "\\bookcjk{" + match.group() + "}", text)
    return HANGUL_RUN.sub(lambda match: "\\bookko{" + match.group() + "}", text)


class BookLaTeXTranslator(LaTeXTranslator):
    def visit_Text(self, node) -> None:
        start = len(self.body)
        super().visit_Text(node)
        self.body[start:] = [break_long_lines(mark_east_asian_runs(piece)) for piece in self.body[start:]]

    def visit_literal_block(self, node) -> None:
        """A highlighted block is written whole here, not through visit_Text: its Chinese,
        Japanese and Korean runs are marked the same way (Sphinx's Verbatim reads commands)."""
        start = len(self.body)
        try:
            super().visit_literal_block(node)
        except nodes.SkipNode:
            self.body[start:] = [mark_east_asian_runs(piece) for piece in self.body[start:]]
            raise

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
            self.body.append("\n\\part{%s}\\bookpartmark{%s}\n" % (self.encode(title), self.encode(title)))
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
            title = self.encode(node.astext())
            self.body.append("\\part{")
            self.context.append("}\\bookpartmark{%s}\n" % title + self.hypertarget_to(parent))
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

    def depart_title(self, node) -> None:
        super().depart_title(node)
        if isinstance(node.parent, nodes.Admonition):
            self._own_anchors(node.parent)

    def _own_anchors(self, node) -> None:
        for node_id in node["ids"]:
            self.body.append(self.hypertarget(node_id, anchor=True))

    def visit_target(self, node) -> None:
        # A label for an admonition or a front-matter chapter goes inside it (see above).
        following = node.next_node(ascend=True)
        labelled_inside = isinstance(following, nodes.Admonition) or (isinstance(following, nodes.rubric) and "book-chapter" in following["classes"])
        if node.get("refid") and labelled_inside and node["refid"] in following["ids"]:
            raise nodes.SkipNode
        super().visit_target(node)

    def visit_rubric(self, node) -> None:
        if "book-chapter" in node["classes"]:
            title = self.encode(node.astext())
            self.body.append("\n\\chapter*{%s}\\addcontentsline{toc}{chapter}{%s}\\markboth{%s}{%s}\n" % (title, title, title, title))
            self._own_anchors(node)
            raise nodes.SkipNode
        if "book-letter" in node["classes"]:
            self.body.append("\n\\bookletter{%s}\n" % self.encode(node.astext()))
            raise nodes.SkipNode
        super().visit_rubric(node)

    def hyperpageref(self, id: str) -> str:
        return "\\bookpageref{%s}" % self.idescape(id)

    def visit_reference(self, node) -> None:
        super().visit_reference(node)
        # "text (p. 12)": no line break between a reference and its page
        if self.context and self.context[-1].startswith("}}} (\\bookpageref"):
            self.context[-1] = "}}}\\nobreakspace(" + self.context[-1][len("}}} ("):]

    def visit_page_list(self, node) -> None:
        places = label_places(self.builder.env, node)
        printed = [place for place in places if place in self._printed_places()]
        labels = [label for label in (f"{document}:{target}" for document, target in printed) if SAFE_LABEL.fullmatch(label)]
        if labels:  # twenty labels a line: a theme's year may list hundreds, and TeX reads a line whole
            self.body.append("\\bookpages{%s}" % ",%\n".join(",".join(labels[start : start + 20]) for start in range(0, len(labels), 20)))
        elif places and not printed:  # every place it lists is on the web only (a book too large to print whole)
            self.body.append("the web edition only")
        raise nodes.SkipNode

    def _printed_places(self) -> set[tuple[str, str]]:
        """(document, id) of every place this PDF prints: a page list names only those."""
        if not hasattr(self, "_printed"):
            self._printed = Documents(self.document, self.config.root_doc).places(self.document)
        return self._printed

    def visit_book_index(self, node) -> None:
        for key, heading, how in node["entries"]:
            shown = mark_east_asian_runs(self.encode(typographic(heading)))  # the sort key stays plain text
            entry = f"{_index_text(self.encode(key))}@\\spxentry{{{_index_text(shown)}}}"
            if how == "main":
                entry += "|spxpagem"
            elif how in ("(", ")"):
                entry += "|" + how
            elif how.startswith("see:"):
                entry += "|see{%s}" % _index_text(mark_east_asian_runs(self.encode(typographic(how[4:]))))
            self.body.append("\\index{%s}" % entry)
        raise nodes.SkipNode

    def visit_block_quote(self, node) -> None:
        if "passage" in node["classes"]:
            self.body.append("\n\\needspace{4\\baselineskip}")
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
