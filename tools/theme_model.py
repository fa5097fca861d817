"""Themes learnt from hand labels: a linear model over a passage's words, the glossary entries it
mentions and what the theme lexicons say of it.

The lexicons alone found about six theme labels in ten on documents nobody had tuned them on: a
word list cannot hold every way a source says "civilians were killed" or "Moscow's aims". A
logistic regression per theme, trained on the passages labelled by hand in the evaluation sets
the code may be tuned on (`TRAINING_SETS`), weighs every word and word pair it saw in them, and
keeps the lexicon as one of its signs.

Training needs scikit-learn (`syria-book train-themes`, the `train` extra) and writes
`docs/data/themes-model.json`: the settings, the vocabulary with its inverse document frequencies
and each theme's weights. The book reads that file and computes each probability with the
arithmetic scikit-learn's `TfidfVectorizer` and `LogisticRegression` use (tests compare the two),
so a build needs neither the library nor the labels, and is the same on every machine. A theme the
model does not know (one added to chapters.yaml after training) is still given by its lexicon.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .editorial import EditorialError

MODEL_FILE = "themes-model.json"
# What the weights were fitted with; the settings in the file are the ones a prediction uses.
SETTINGS = {
    # words of two or more characters, hyphens kept inside; a bare number (a year, a clock time,
    # a count) is not a word: it says when or how many, not what about
    "token_pattern": r"(?u)\b(?!\d+\b)\w[\w-]+\b",
    "ngrams": [1, 2],  # words and pairs of neighbouring words
    "min_df": 4,  # a word or pair is learnt from when at least four passages hold it (three made the file pass 1 MiB)
    # inverse regularisation strength, chosen on 3 December 2026 (2,400 passages) by leaving one
    # training set out at a time: 4 without the fallback below gave recall 78.7 % at precision
    # 77.1 %, 16 with it 79.8 % at 79.5 %. `syria-book train-themes --cross-check` runs that check
    # (80.4 % at 80.6 % with all the settings here)
    "C": 16.0,
    # a passage's probabilities are drawn towards those of the passages beside it in its source,
    # which tell the same story: 0.3 of the weight is their mean (precision +2.5 points at the same
    # threshold; with the threshold 0.45, recall 80.5 % at precision 80.9 % against 79.9 % at 79.9 %)
    "neighbours": 0.3,
    "threshold": 0.45,  # a theme is given when its probability reaches this
    "fallback": 0.2,  # ... and a passage no theme reaches gets its likeliest one, when at least this likely (+1.1 points of recall, -0.6 of precision)
    "class_weight": "balanced",  # a rare theme's few examples weigh as much as a frequent one's many
}
ENTRY_PREFIX = "entry_"  # a mentioned glossary entry becomes one word: "entry_wagner_group"
DIGITS = 2  # decimals kept of each number: the file stays under 1 MiB (three passed it at 2,144 passages); 8 of those passages get other themes than with three


def entry_word(term: str) -> str:
    return ENTRY_PREFIX + re.sub(r"\W+", "_", term.casefold()).strip("_")


def model_text(text: str, entry_terms: list[str]) -> str:
    """What the model reads of a passage: its text, then one word per glossary entry it mentions."""
    return " ".join([text, *(entry_word(term) for term in entry_terms)])


@dataclass(frozen=True)
class ThemeModel:
    themes: tuple[str, ...]
    intercepts: tuple[float, ...]
    lexicon_weights: tuple[tuple[float, ...], ...]  # [theme][lexicon theme]: weight of "the lexicon gives that theme"
    terms: dict[str, tuple[float, tuple[float, ...]]]  # word or pair -> (idf, weight per theme)
    settings: dict

    @classmethod
    def load(cls, path: Path) -> "ThemeModel | None":
        """The model of `path`, or None when the project has none (themes then come from the
        lexicons alone). A damaged file is an EditorialError naming it."""
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as error:
            raise EditorialError(f"{path}: not a theme model written by `syria-book train-themes` ({type(error).__name__}: {error})") from None
        return cls.from_data(data, str(path))

    @classmethod
    def from_data(cls, data: object, origin: str) -> "ThemeModel":
        """The model a model file's content describes; content that is not one is an
        EditorialError naming `origin`."""
        try:
            themes = tuple(data["themes"])
            model = cls(
                themes=themes,
                intercepts=tuple(float(value) for value in data["intercepts"]),
                lexicon_weights=tuple(tuple(float(value) for value in row) for row in data["lexicon_weights"]),
                terms={term: (float(idf), tuple(float(w) for w in weights)) for term, (idf, *weights) in data["terms"].items()},
                settings=dict(data["settings"]),
            )
            re.compile(model.settings["token_pattern"])
            for name in ("threshold", "neighbours", "fallback"):  # each a share or a probability, from 0 to 1
                if name in model.settings and not 0.0 <= float(model.settings[name]) <= 1.0:
                    raise ValueError(f"{name} {model.settings[name]} is not between 0 and 1")
            low, high = (int(size) for size in model.settings["ngrams"])
            if not 1 <= low <= high:
                raise ValueError(f"ngrams {low}, {high}")
        except (ValueError, KeyError, TypeError, re.error) as error:
            raise EditorialError(f"{origin}: not a theme model written by `syria-book train-themes` ({type(error).__name__}: {error})") from None
        width = len(themes)
        if len(model.intercepts) != width or len(model.lexicon_weights) != width or any(len(row) != width for row in model.lexicon_weights) or any(len(weights) != width for _, weights in model.terms.values()):
            raise EditorialError(f"{origin}: every theme needs one intercept, one weight per lexicon theme and one weight per word")
        return model

    def features(self, text: str) -> dict[str, float]:
        """The passage's words and pairs of the vocabulary, as TfidfVectorizer weighs them:
        1 + log(count) times the idf, the whole scaled to length 1."""
        tokens = re.findall(self.settings["token_pattern"], text.lower())
        low, high = self.settings["ngrams"]
        grams = [" ".join(tokens[start:start + size]) for size in range(low, high + 1) for start in range(len(tokens) - size + 1)]
        weights = {gram: (1.0 + math.log(count)) * self.terms[gram][0] for gram, count in Counter(grams).items() if gram in self.terms}
        norm = math.sqrt(sum(value * value for value in weights.values()))
        return {gram: value / norm for gram, value in weights.items()} if norm else {}

    def probabilities(self, text: str, lexicon_themes: set[str]) -> dict[str, float]:
        """Each theme's probability for a passage read by `model_text`, given the themes its
        lexicons found."""
        scores = list(self.intercepts)
        for gram, value in sorted(self.features(text).items()):  # in the vocabulary's order, as scikit-learn sums
            for index, weight in enumerate(self.terms[gram][1]):
                scores[index] += value * weight
        for other, slug in enumerate(self.themes):
            if slug in lexicon_themes:
                for index, row in enumerate(self.lexicon_weights):
                    scores[index] += row[other]
        return {theme: _logistic(score) for theme, score in zip(self.themes, scores)}

    def themes_of(self, text: str, lexicon_themes: set[str]) -> set[str]:
        """The themes of a passage read alone (see `themes_beside` for passages read in order)."""
        return self.chosen(self.probabilities(text, lexicon_themes))

    def themes_beside(self, probabilities: list[dict[str, float]], sources: list[str]) -> list[set[str]]:
        """The themes of passages in document order, each passage's probabilities drawn towards
        the mean of its neighbours' in the same source (settings["neighbours"] of the weight)."""
        weight = float(self.settings.get("neighbours", 0.0))
        chosen = []
        for index, own in enumerate(probabilities):
            beside = [probabilities[other] for other in (index - 1, index + 1) if 0 <= other < len(probabilities) and sources[other] == sources[index]]
            if weight and beside:
                own = {theme: (1 - weight) * value + weight * sum(found[theme] for found in beside) / len(beside) for theme, value in own.items()}
            chosen.append(self.chosen(own))
        return chosen

    def chosen(self, probabilities: dict[str, float]) -> set[str]:
        """The themes reaching the threshold; none reaching it, the likeliest one if it reaches the
        fallback (every labelled passage has a theme: one the model is unsure of is still most
        often right)."""
        threshold = float(self.settings["threshold"])
        chosen = {theme for theme, probability in probabilities.items() if probability >= threshold}
        fallback = self.settings.get("fallback")
        if not chosen and fallback is not None and probabilities:
            likeliest = max(probabilities, key=lambda theme: (probabilities[theme], theme))
            if probabilities[likeliest] >= float(fallback):
                chosen = {likeliest}
        return chosen


def _logistic(score: float) -> float:
    """1 / (1 + e^-score), without overflow for a score far from 0."""
    if score >= 0:
        return 1.0 / (1.0 + math.exp(-score))
    exp = math.exp(score)
    return exp / (1.0 + exp)


# --- training (needs scikit-learn: the `train` extra) --------------------------------------------


@dataclass(frozen=True)
class Example:
    """A passage labelled by hand: what the model reads of it and the themes a reader gave it."""

    text: str  # model_text: the passage and its glossary entries
    lexicon_themes: frozenset[str]
    themes: frozenset[str]


def fit(examples: list[Example], themes: list[str], about: dict) -> dict:
    """The model's file content, fitted on `examples` for each of `themes`."""
    import numpy
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(
        token_pattern=SETTINGS["token_pattern"], ngram_range=tuple(SETTINGS["ngrams"]), min_df=SETTINGS["min_df"], sublinear_tf=True, lowercase=True
    )
    words = vectorizer.fit_transform([example.text for example in examples])
    lexicon = csr_matrix([[1.0 if theme in example.lexicon_themes else 0.0 for theme in themes] for example in examples])
    matrix = hstack([words, lexicon]).tocsr()
    vocabulary = vectorizer.get_feature_names_out()
    intercepts, word_weights, lexicon_weights = [], [], []
    for theme in themes:
        labels = numpy.array([theme in example.themes for example in examples])
        model = LogisticRegression(C=SETTINGS["C"], class_weight=SETTINGS["class_weight"], max_iter=5000).fit(matrix, labels)
        intercepts.append(round(float(model.intercept_[0]), DIGITS))
        word_weights.append(model.coef_[0][: len(vocabulary)])
        lexicon_weights.append([round(float(value), DIGITS) for value in model.coef_[0][len(vocabulary):]])
    terms = {
        str(term): [round(float(vectorizer.idf_[index]), DIGITS), *(round(float(weights[index]), DIGITS) for weights in word_weights)]
        for index, term in enumerate(vocabulary)
    }
    return {"about": about, "settings": SETTINGS, "themes": list(themes), "intercepts": intercepts, "lexicon_weights": lexicon_weights, "terms": terms}


def dumps(content: dict) -> str:
    """The file's text: one line per word, so that a retrained model reads as a diff."""
    head = {key: value for key, value in content.items() if key != "terms"}
    lines = ["{"] + [f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False, sort_keys=True)}," for key, value in head.items()]
    lines.append('  "terms": {')
    terms = sorted(content["terms"].items())
    lines += [f"  {json.dumps(term, ensure_ascii=False)}:{json.dumps(values, separators=(',', ':'))}{',' if index < len(terms) - 1 else ''}" for index, (term, values) in enumerate(terms)]
    lines += ["  }", "}"]
    return "\n".join(lines) + "\n"
