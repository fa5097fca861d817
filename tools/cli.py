"""Command line: `syria-book build | check [--strict] | gaps [--strict] | add FILE [--check] | aliases | anchors | evaluate | clean` (see --help)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .add import AddError, add_seed
from .book import BookError, hand_edits, make_book, write_exports, write_sources
from .consistency import alias_report, date_disagreements, generic_aliases
from .editorial import EditorialError
from .evaluate import SETS, evaluate
from .evaluate_report import details, json_figures, table
from .gaps import report_gaps
from .generated import SOURCE_FOLDER, remove_generated
from .glossary import Glossary, anchor_snapshot, load_glossary
from .pipeline import Paths


def _root(value: str | None) -> Path:
    return Path(value).resolve() if value else Path.cwd()


def cmd_build(args) -> int:
    made = make_book(args.root)
    changed = write_sources(args.root / "docs", made)
    exported = write_exports(args.root / "_build" / "html", made.exports)
    print(f"{len(made.book.sources)} sources, {len(made.book.passages)} passages; "
          f"{len(changed)} pages and {len(exported)} exports changed")
    return 0


def cmd_check(args) -> int:
    """Every problem found in the seeds and the editorial data, one line each (entries whose seed
    is gone, dates that disagree across the data, aliases that would link ordinary words, generated
    pages edited by hand included), as a build reports them but without building; --strict fails
    when there is any."""
    made = make_book(args.root)
    edited = hand_edits(args.root / SOURCE_FOLDER, args.root, Paths.for_project(args.root))
    problems = made.book.problems + date_disagreements(made.book) + generic_aliases(made.book) + edited
    for problem in problems:
        print(problem)
    count = len(problems)
    print(f"{count} problem{'s' if count != 1 else ''} in {len(made.book.sources)} sources and the editorial data", file=sys.stderr)
    return 1 if args.strict and count else 0


def cmd_aliases(args) -> int:
    """Every glossary alias with its hits in the book and the first place it links."""
    for use in alias_report(make_book(args.root).book):
        flag = "  GENERIC" if use.generic else ""
        print(f"{use.hits:4d}  {use.entry} <- {use.alias}{flag}  {use.context}")
    return 0


def cmd_anchors(args) -> int:
    """Every entry's anchor (the format of tests/data/glossary-anchors.txt), or with --published
    those of the entries this edition publishes (for docs/data/public-anchors.txt)."""
    glossary = load_glossary(args.root / "docs" / "data" / "glossary.yaml")
    if args.published:
        published = make_book(args.root).book.published_terms()
        glossary = Glossary(glossary.categories, [entry for entry in glossary.entries if entry.term in published])
    sys.stdout.write(anchor_snapshot(glossary))
    return 0


def cmd_evaluate(args) -> int:
    """The book's figures against the hand labels in evaluation/ (see tools/evaluate.py)."""
    results, notes = evaluate(args.root, SETS if args.set == "all" else (args.set,))
    for note in notes:
        print(note, file=sys.stderr)
    if not results:
        return 1
    print(table(results))
    if args.details:
        print("\n" + "\n\n".join(details(result) for result in results if result.name in SETS))
    if args.json:
        args.json.write_text(json_figures(results), encoding="utf-8")
    return 0


def cmd_clean(args) -> int:
    """Remove the builds and every generated page (tools/generated.py lists them)."""
    for entry in remove_generated(args.root):
        print(f"removed {entry}")
    return 0


def cmd_train_themes(args) -> int:
    from .train_themes import cross_check, train

    if args.cross_check:
        try:
            results = cross_check(args.root)
        except ImportError as error:
            print(f"error: the check needs scikit-learn: pip install -e '.[train]' ({error})", file=sys.stderr)
            return 2
        print(f"{'left out':12} {'recall':>8} {'precision':>10}")
        for name, labelled, found, given, right in results + [("all", *(sum(row[i] for row in results) for i in range(1, 5)))]:
            print(f"{name:12} {found / labelled * 100 if labelled else 0:7.1f}% {right / given * 100 if given else 0:9.1f}%")
        return 0
    try:
        _, summary, notes = train(args.root)
    except ImportError as error:
        print(f"error: training needs scikit-learn: pip install -e '.[train]' ({error})", file=sys.stderr)
        return 2
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    print(summary)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="syria-book", description=__doc__)
    parser.add_argument("--root", type=_root, default=_root(None), help="project root (default: current folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("build", help="generate the book's MyST pages and corpus exports").set_defaults(run=cmd_build)
    check = commands.add_parser("check", help="report problems found in the seeds")
    check.add_argument("--strict", action="store_true", help="exit with status 1 when any problem is found")
    check.set_defaults(run=cmd_check)
    gaps = commands.add_parser("gaps", help="list names used at least twice in the seeds that have no glossary entry")
    gaps.add_argument("--strict", action="store_true", help="exit with status 1 when any gap remains")
    gaps.set_defaults(run=lambda args: report_gaps(args.root, args.strict))
    commands.add_parser("aliases", help="list every glossary alias with its hits and a first context").set_defaults(run=cmd_aliases)
    add = commands.add_parser("add", help="check a new seed (conversion summary, problems, glossary gaps), then copy it into seeds/")
    add.add_argument("file", type=Path, help="the new seed: a .txt or .md file, a news feed (.xml, .rss, .atom), an email (.eml), a table (.csv, .tsv), subtitles (.srt, .vtt) or a JSON export (.json, .jsonl)")
    add.add_argument("--check", "--dry-run", action="store_true", dest="check", help="print the summary only; copy nothing")
    add.set_defaults(run=lambda args: add_seed(args.root, args.file, args.check))
    commands.add_parser("clean", help="remove the builds and the generated pages").set_defaults(run=cmd_clean)
    anchors = commands.add_parser("anchors", help="print every glossary entry's public anchor")
    anchors.add_argument("--published", action="store_true", help="only the entries this edition publishes")
    anchors.set_defaults(run=cmd_anchors)
    evaluation = commands.add_parser("evaluate", help="measure the book's dates, periods, themes and links against the hand labels in evaluation/")
    evaluation.add_argument("--set", choices=[*SETS, "all"], default="all", help="which labelled set (default: all, and the unseen sets together)")
    evaluation.add_argument("--details", action="store_true", help="list every disagreement, by measure (never for holdout)")
    evaluation.add_argument("--json", type=Path, metavar="FILE", help="also write the figures to FILE as JSON")
    evaluation.set_defaults(run=cmd_evaluate)
    training = commands.add_parser(
        "train-themes", help="fit the theme model on the labelled sets the code may be tuned on and write docs/data/themes-model.json (needs the train extra)"
    )
    training.add_argument("--cross-check", action="store_true", help="write nothing: leave each training set out in turn, fit on the others and print the left-out set's theme figures")
    training.set_defaults(run=cmd_train_themes)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except (AddError, BookError, EditorialError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
