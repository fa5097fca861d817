"""The search index's English stems, remembered across pages.

Sphinx stems every word of a page as it feeds the page to the search index, and remembers stems
only within that page: the same few thousand words were stemmed again on every page, a sixth of
a rebuild's writing. Here the stems are remembered for the whole build. The stemmer is Sphinx's
own (Snowball English), so the index is the same.
"""

from __future__ import annotations

from sphinx import search
from sphinx.application import Sphinx
from sphinx.search.en import SearchEnglish


class RememberingEnglish(SearchEnglish):
    """Sphinx's English search language, each word stemmed once per build."""

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        self.stems: dict[str, str] = {}

    def stem(self, word: str) -> str:
        found = self.stems.get(word)
        if found is None:
            found = self.stems[word] = super().stem(word)
        return found


def setup(app: Sphinx) -> None:
    # Sphinx picks the class of `html_search_language` from this table when a build starts.
    if search.languages.get("en") is SearchEnglish:
        search.languages["en"] = RememberingEnglish
