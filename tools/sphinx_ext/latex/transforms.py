"""Post-transforms for the PDF: web-only documents left out, references to what print does not
have made plain text, the bibliography where the book puts it, table columns sized from their content."""

from docutils import nodes
from sphinx import addnodes
from sphinx.builders.latex.nodes import thebibliography
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..config import BookConfig
from .indexing import Documents


WEB_ONLY = ("book-print", "web-only")  # front matter of a page print leaves out (tools/pages/common.py)


class LeaveOut(SphinxPostTransform):
    """Documents that only make sense on the web (book_latex_leave_out), and pages whose front
    matter says `book-print: web-only` (the undated chapter of a book too large to print whole),
    are not printed."""

    default_priority = 5
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        leave_out = set(BookConfig.read(self.config).latex_leave_out)
        key, value = WEB_ONLY
        for start in list(self.document.findall(addnodes.start_of_file)):
            if start["docname"] in leave_out or self.env.metadata.get(start["docname"], {}).get(key) == value:
                start.parent.remove(start)


class UnlinkMissing(SphinxPostTransform):
    """A reference to a place the PDF does not print (a web-only page, text inside `{only} html`)
    would be a dead link: it is printed as its text."""

    default_priority = 95
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        printed = {start["docname"] for start in self.document.findall(addnodes.start_of_file)}
        printed.add(self.config.root_doc)
        documents = Documents(self.document, self.config.root_doc)
        ids = documents.places(self.document)
        for reference in list(self.document.findall(nodes.reference)):
            document, target = documents.target(reference)
            if document and (document not in printed or (target and (document, target) not in ids)):
                reference.replace_self(nodes.inline("", "", *reference.children))

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

_TEXT_WIDTH_PT = 369.0   # 130 mm, the measure of preamble.py (about 70 characters)
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

