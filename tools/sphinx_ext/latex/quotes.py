"""Typographic quotation marks in print, the wording otherwise untouched.

conf.py turns Sphinx's smart quotes off: the web edition shows a source's straight quotes and
apostrophes as it wrote them, and the doctrees are shared by every builder. On paper straight
quotes look like a typewriter's, so the PDF, and only the PDF, gets docutils' smart quotes, for
quotation marks and apostrophes alone ("q": no dashes, no ellipses), one block of text at a time
so that a quotation opened before a link closes after it. The method page says so.
"""

from __future__ import annotations

from docutils import nodes
from docutils.utils.smartquotes import educate_tokens
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

# Text that is code, a formula, raw output or an address: never touched.
LITERAL = (nodes.FixedTextElement, nodes.literal, nodes.math, nodes.raw, nodes.Special, addnodes.desc_signature)


def typographic(text: str, language: str = "en") -> str:
    """One piece of text with typographic quotation marks and apostrophes."""
    return "".join(educate_tokens([("plain", text)], attr="q", language=language))


class TypographicQuotes(SphinxPostTransform):
    default_priority = 900
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        language = self.config.language or "en"
        for block in self.document.findall(nodes.TextElement):
            if isinstance(block, LITERAL) or isinstance(block.parent, nodes.TextElement):
                continue
            texts = [text for text in block.findall(nodes.Text)]
            if not texts:
                continue
            tokens = [("literal" if self._literal(text) else "plain", str(text)) for text in texts]
            for text, educated in zip(texts, educate_tokens(tokens, attr="q", language=language)):
                if educated != str(text):
                    text.parent.replace(text, nodes.Text(educated))

    @staticmethod
    def _literal(text: nodes.Text) -> bool:
        node = text.parent
        while node is not None:
            if isinstance(node, LITERAL) or (isinstance(node, nodes.reference) and node.get("refuri", "") == text):
                return True
            node = node.parent
        return False
