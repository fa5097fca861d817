"""A build whose memory does not grow with the book: doctrees are kept on disk, not in memory.

Since Sphinx 7.2 a serial build keeps every document's doctree in memory from the moment it is
read until it is written (`env._write_doc_doctree_cache`), and every doctree read back from disk
as its pickled bytes (`env._pickled_doctree_cache`), so that writing need not read them again. For
a book that grows with its sources this holds the whole book in memory at once: 3.4 GB at fifty
times the five seeds, past what Read the Docs gives a build. A `-j 2` build does not keep them
(its workers pickle what they read). Here both caches keep nothing: each doctree is read back
from its pickle when it is written, as a parallel build does. The output does not change.
"""

from __future__ import annotations

from sphinx.application import Sphinx


class KeepsNothing(dict):
    """A mapping in which nothing stays: what is stored is gone at once."""

    def __setitem__(self, key, value) -> None:
        pass


def forget_doctrees(app: Sphinx) -> None:
    for cache in ("_write_doc_doctree_cache", "_pickled_doctree_cache"):
        if isinstance(getattr(app.env, cache, None), dict):
            setattr(app.env, cache, KeepsNothing())


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", forget_doctrees)
