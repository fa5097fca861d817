"""The printed edition's front matter: how to read the book, and the abbreviations. Print only:
the home page includes this file inside an `{only} latex` block, and each part opens as an
unnumbered chapter (a rubric of class `book-chapter`, see latex/writer.py). The chronology is the
chronology of events that opens Part I (pages/chronology.py).
"""

from __future__ import annotations

from .. import myst
from .common import PageContext
from .dictionary import abbreviations

FRONT = "_generated/print/front.md"
EDITION = "_generated/print/edition.md"  # what the printed edition holds, for the method page (docs/about/method.md)


def edition(context: PageContext) -> str:
    """What this book's printed edition holds, in one paragraph (web and print)."""
    total, limit = len(context.book.passages), context.book.chapters.page_size.print_passages
    if not context.print_is_concise:
        return (f"This book holds {total:,} passages, no more than the {limit:,} the printed edition prints whole: the PDF "
                "holds every passage in full, and every theme's list of excerpts.\n")
    if context.printed_selection is not None:
        printed = len(context.printed_selection)
        dated = len(context.dated_passages)
        return (f"This book holds {total:,} passages, more than the {limit:,} the printed edition prints whole, and {dated:,} of them "
                f"are dated, more than the {printed:,} it prints in full. The PDF holds a selection of {printed:,}: first the passages "
                "an editorial note concerns, then those of the editors' key events, then those of the events the most sources "
                f"tell, earliest first. The other {total - printed:,} passages (its undated passages among them) and the themes' lists "
                "of excerpts are in the web edition only; each period chapter says, month by month, how many more passages the "
                "web edition holds, and each theme gives, year by year, the number of its passages and the pages where they are printed.\n")
    return (f"This book holds {total:,} passages, more than the {limit:,} the printed edition prints whole. The PDF "
            f"holds its {total - context.web_only_count:,} dated passages in full; its {context.web_only_count:,} undated passages and the "
            "themes' lists of excerpts are in the web edition only, and each theme gives instead, year by year, the "
            "number of its passages and the pages where they are printed.\n")


def chapter(title: str, name: str) -> str:
    """An unnumbered chapter of the front matter, with a label other pages can refer to."""
    return myst.directive("rubric", "", title, {"class": "book-chapter", "name": name})


def how_to_read(context: PageContext) -> str:
    return "\n\n".join([
        chapter("How to read this book", "front-how-to-read"),
        "This is the printed edition of a book that is also published on the web, at "
        "{web-address}`/`. Both are generated from the same sources and say the same; this one is "
        "arranged to be read on paper.",
        parts_paragraph(context) + " Part III, Reference, holds the dictionary of names, "
        "the sources and their bibliography, the register of contested claims and editorial "
        "notes, how the book is made and a summary of what the conversion set aside.",
        "**A passage** is quoted as its source gives it. The small line above it gives its date "
        "(and how the date was worked out, when the passage does not state it whole), the kind of "
        "source, the citation (author and year, then the source file and its lines; a passage from "
        "a bundle of search snippets is cited by its place in the bundle, as in \"line 1, snippet "
        "12\"), the events it tells of and the themes it belongs to.",
        "**Page references.** A reference to another passage, a note or a chapter ends with its "
        "page, \"(p. 123)\"; lists of pages read \"pp. 12, 45–47\".",
        "**Editorial notes** are printed in full once, beside the first passage they concern. "
        "Every other passage they concern carries a one-line reference to that page, and "
        "{ref}`the register of notes <contested-claims>` lists them all with the pages of their passages.",
        "**Names.** {ref}`The dictionary <glossary>` explains the people, places, organisations, forces, "
        "weapons, agreements and events the sources name, in one alphabet: people under their "
        "surname, the Arabic article al- ignored. The index at the end of the book gives the pages "
        "where the passages name them, and sends each variant spelling met in the text to the form "
        "used here. [The abbreviations](#front-abbreviations) are spelled out below, and "
        "[the chronology of events](#chronology-of-events) that opens Part I gives one line to each event the sources tell.",
        "**Quotation marks.** The sources' wording is printed unchanged; only straight quotation "
        "marks and apostrophes are set as typographic ones.",
        "",
    ])


def parts_paragraph(context: PageContext) -> str:
    if not context.print_is_concise:
        return ("**The parts.** [Part I, Chronology](#periods-index) gives every passage in full, in the "
                "order of the events it tells, one chapter per period. [Part II, Themes](#themes-index) "
                "follows the same passages across the years, one chapter per theme, as short excerpts that "
                "give the page of the full passage.")
    if context.printed_selection is not None:
        return ("**The parts.** [Part I, Chronology](#periods-index) gives a selection of the dated passages in full, in the "
                f"order of the events they tell, one chapter per period: {len(context.printed_selection):,} of the book's passages; "
                f"the other {context.web_only_count:,} are in the web edition only, as this book is too large to print whole (each "
                "month says how many). [Part II, Themes](#themes-index) follows the passages across the years, one chapter per "
                "theme, giving year by year the pages of their full text.")
    return ("**The parts.** [Part I, Chronology](#periods-index) gives every dated passage in full, in the "
            f"order of the events it tells, one chapter per period; the {context.web_only_count:,} passages the book cannot date "
            "are in the web edition only, as this book is too large to print whole. "
            "[Part II, Themes](#themes-index) follows the same passages across the years, one chapter per theme, "
            "giving year by year the pages of their full text.")


def abbreviations_chapter(context: PageContext) -> str:
    found = abbreviations(context)
    out = [chapter("Abbreviations", "front-abbreviations"), ""]
    if not found:
        return "\n".join(out + ["The sources use no abbreviation the dictionary knows.", ""])
    out += ["Abbreviations the sources use, with the dictionary entry that explains each.", ""]
    out += ["| Abbreviation | Stands for |", "|---|---|"]
    out += [f"| {myst.text(short)} | {myst.text(meaning)} |" for short, meaning in found]
    return "\n".join(out + [""])


def front_matter(context: PageContext) -> str:
    return "\n".join([how_to_read(context), abbreviations_chapter(context)])


def pages(context: PageContext) -> dict[str, str]:
    return {FRONT: front_matter(context), EDITION: edition(context)}
