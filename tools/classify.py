"""Sorting passages into chapters: one period by date, any number of themes by lexicon and the
model learnt from hand labels (theme_model.py)."""

from __future__ import annotations

import bisect

from .editorial import Chapters, Theme
from .model import Passage, parse_iso
from .theme_model import ThemeModel, model_text
from .textmatch import Match, PhraseMatcher, fold, leftmost_longest, squeeze


def period_for(iso: str | None, chapters: Chapters) -> str:
    """The period holding the date; a month or a year is placed by its last day.

    Sources say "in September 2015" of the intervention that began on the 30th, and "in 2011" of
    the uprising that began in March: on the hand-labelled passages the last day puts 92 % in the
    right period, the first day 88 %.
    """
    if iso:
        day = parse_iso(iso).last_day()
        for period in chapters.periods:
            if period.contains(day):
                return period.slug
    return next(period.slug for period in chapters.periods if period.undated)


class ThemeLexicon:
    """Every theme's lexicon terms in one automaton; patterns stay regular expressions."""

    def __init__(self, themes: list[Theme]) -> None:
        self.themes = themes
        self.terms = PhraseMatcher((term, fold(squeeze(term))) for theme in themes for term in theme.terms + theme.weak_terms)
        self._owners: dict[str, list[str]] = {}
        self.weak: set[tuple[str, str]] = set()  # (theme, term) pairs that count half
        for theme in themes:
            for term in theme.terms + theme.weak_terms:
                self._owners.setdefault(fold(squeeze(term)), []).append(theme.slug)
            self.weak |= {(theme.slug, fold(squeeze(term))) for term in theme.weak_terms}

    def hits(self, text: str) -> dict[str, set[str]]:
        """Distinct lexicon hits of each theme in a text, compared case-insensitively."""
        return self.hits_of_many([text])[0]

    def hits_of_many(self, texts: list[str]) -> list[dict[str, set[str]]]:
        """The hits of each text. A term shared by several themes counts for each; within a
        theme, matches do not overlap (the longest at each place), as if each theme had its own
        matcher. The texts are searched as one, so a long seed of short passages costs one pass
        per pattern, not one per passage; a match never spans two texts."""
        joined = _SEPARATOR.join(texts)
        starts, position = [], 0
        for text in texts:
            starts.append(position)
            position += len(text) + len(_SEPARATOR)
        found: list[dict[str, set[str]]] = [{} for _ in texts]

        def place(start: int, end: int) -> int | None:
            index = bisect.bisect_right(starts, start) - 1
            return index if end <= starts[index] + len(texts[index]) else None

        by_text_theme: dict[tuple[int, str], list[Match]] = {}
        index, end_of_text = 0, len(texts[0]) if texts else 0
        for match in self.terms.all_matches(joined):
            while match.start > end_of_text:  # matches come in order of their start
                index += 1
                end_of_text = starts[index] + len(texts[index])
            if match.start < starts[index] or match.end > end_of_text:  # in or across a separator
                continue
            for slug in self._owners[match.value]:
                by_text_theme.setdefault((index, slug), []).append(match)
        for (index, slug), matches in by_text_theme.items():
            found[index][slug] = {match.value for match in leftmost_longest(matches)}
        for theme in self.themes:
            for pattern in theme.patterns:
                for match in pattern.finditer(joined):
                    index = place(*match.span())
                    if index is not None:
                        found[index].setdefault(theme.slug, set()).add(match.group(0).casefold())
        return found


# Between texts searched as one: a full stop on a line of its own, which no lexicon pattern reads
# across ("[^.]" stops at it, and a phrase's spaces cannot span it).
_SEPARATOR = "\n.\n"


WEAK = 0.5  # what a weak sign counts: a weak lexicon term, or a glossary entry the theme claims


def scores(lexicon: ThemeLexicon, hits: dict[str, set[str]], entry_themes: list[set[str]]) -> dict[str, float]:
    """Each theme's score in a passage: 1 per distinct sure sign, 0.5 per weak one (a weak term,
    or a mentioned glossary entry whose subject the theme covers: a Turkish minister for
    "turkey", a weapon system for "weapons")."""
    found: dict[str, float] = {}
    for slug, signs in hits.items():
        found[slug] = sum(WEAK if (slug, sign) in lexicon.weak else 1.0 for sign in signs)
    for themes in entry_themes:
        for slug in themes:
            found[slug] = found.get(slug, 0.0) + WEAK
    return found


def lexicon_themes(passages: list[Passage], chapters: Chapters, entry_themes: dict[str, list[set[str]]] | None = None) -> list[set[str]]:
    """The themes each passage's lexicon score gives: those reaching the theme's `min_hits` (1
    unless chapters.yaml says otherwise). `entry_themes` gives, by passage id, the themes claimed
    by each glossary entry it mentions."""
    lexicon = ThemeLexicon(chapters.themes)
    found = []
    for passage, hits in zip(passages, lexicon.hits_of_many([passage.text for passage in passages])):
        score = scores(lexicon, hits, (entry_themes or {}).get(passage.id, []))
        found.append({theme.slug for theme in chapters.themes if score.get(theme.slug, 0.0) >= theme.min_hits})
    return found


def classify(
    passages: list[Passage],
    chapters: Chapters,
    entry_themes: dict[str, list[set[str]]] | None = None,
    model: ThemeModel | None = None,
    entry_terms: dict[str, list[str]] | None = None,
) -> None:
    """Each passage's period by its date, and its themes: what it substantially concerns, not
    what it names in passing. With a theme model (theme_model.py), the model decides the themes
    it was trained on, reading the passage, the glossary entries it mentions (`entry_terms`, by
    passage id) and the lexicons' verdict; without one, or for a theme it does not know, the
    lexicon decides. Passages are read in document order: the model weighs each with the passages
    beside it in its source."""
    found = lexicon_themes(passages, chapters, entry_themes)
    learnt: list[set[str]] = [set() for _ in passages]
    if model is not None:
        probabilities = [model.probabilities(model_text(passage.text, (entry_terms or {}).get(passage.id, [])), by_lexicon) for passage, by_lexicon in zip(passages, found)]
        learnt = model.themes_beside(probabilities, [passage.source for passage in passages])
    for passage, by_lexicon, by_model in zip(passages, found, learnt):
        passage.period = period_for(passage.date, chapters)
        chosen = set(by_lexicon)
        if model is not None:
            chosen = {slug for slug in chosen if slug not in model.themes} | by_model
        passage.themes = [theme.slug for theme in chapters.themes if theme.slug in chosen]
