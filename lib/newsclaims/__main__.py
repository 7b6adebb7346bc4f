"""Command line: ``python -m newsclaims validate [--complete] [DATA_DIR]``, ``new-article``, ``handouts``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from .data import completeness, completeness_summary, load_corpus
from .schema import DataError


def validate(folder: str | None, complete: bool = False) -> int:
    """Check a data folder; print ok with counts and how complete each article is, or every problem one per line.

    With ``complete``, also list what each article lacks (:func:`completeness`), one
    gap a line. The exit code says whether the data are valid, not whether they are complete.
    """
    try:
        corpus = load_corpus(folder)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem{'s' if len(exc.problems) != 1 else ''} found",
              file=sys.stderr)
        return 1
    counts = corpus.counts()
    del counts["texts"]  # one per article
    shown = ", ".join(f"{n} {name if n != 1 else name.removesuffix('s')}" for name, n in counts.items())
    print(f"ok: {shown}")
    lines = completeness_summary(corpus)
    if not complete:
        print("\n".join(lines))
        return 0
    gaps = completeness(corpus)
    for aid, line in zip(corpus.articles["article_id"], lines):
        print(line.removesuffix(" (python -m newsclaims validate --complete)"))
        for gap in gaps[gaps["article_id"] == aid].itertuples():
            where = f"paragraph {gap.paragraph}: " if not pd.isna(gap.paragraph) else ""
            print(f"  {gap.level}: {gap.gap}: {where}{gap.item} ({gap.table}.csv): {gap.todo}")
    return 0


def _new_article_options(parser: argparse.ArgumentParser, argv: list[str] | None
                         ) -> tuple[list[str], DataError | None]:
    """Add new-article's options for the articles fields, as the chosen data folder's descriptor lists them.

    The folder is the one --data names, else $NEWSCLAIMS_DATA's, else the package's.
    Returns the names of the fields given as options, and the error that kept the
    descriptor from being read, if any, for new-article to report.
    """
    from .newarticle import MAX_ID, articles_resource, asked_fields, is_required, option

    parser.add_argument("text_file", help="the article body: UTF-8, paragraphs separated by one blank line; "
                                          "copied verbatim")
    parser.add_argument("--data", default=None, help="the data folder (default: $NEWSCLAIMS_DATA or the package's)")
    argv = sys.argv[1:] if argv is None else argv
    if "new-article" not in argv:
        return [], None  # another command: its options are not needed
    first = argparse.ArgumentParser(add_help=False)
    first.add_argument("--data", default=None)
    chosen = first.parse_known_args(argv)[0].data
    try:
        resource = articles_resource(chosen)
    except DataError as error:
        return [], error
    fields = {f["name"]: f for f in resource["schema"]["fields"]}
    pattern = fields.get("article_id", {}).get("constraints", {}).get("pattern")
    parser.add_argument("--id", required=True, dest="article_id", metavar="ID",
                        help=f"a new id{f' ({pattern})' if pattern else ''}, at most {MAX_ID} characters; "
                             "it also names the text file, texts/ID.txt")
    for field in asked_fields(resource):
        name = field["name"]
        date, uri = field.get("type") == "date", field.get("format") == "uri"
        parser.add_argument(option(name), dest=name, required=is_required(field), default=None,
                            metavar="YYYY-MM-DD" if date else "URL" if uri else name.upper(),
                            help=f"{field.get('description', name)}{' (http or https)' if uri else ''}"
                                 f"{'' if is_required(field) else ' Optional.'}")
    return [f["name"] for f in asked_fields(resource)], None


def new_article(args: argparse.Namespace, fields: list[str]) -> int:
    """Add the article; print what was written and what validate says is left, or every problem."""
    from . import newarticle
    from .files import WriteError

    labels = {name: newarticle.option(name) for name in [*fields, "article_id"]}
    try:
        written = newarticle.new_article(Path(args.text_file), args.article_id, data=args.data, labels=labels,
                      **{name: getattr(args, name) for name in fields})
    except DataError as error:
        for problem in error.problems:
            print(f"new-article: {problem}", file=sys.stderr)
        count = len(error.problems)
        print(f"new-article: {count} problem{'s' if count != 1 else ''}; nothing was written", file=sys.stderr)
        return 1
    except (ValueError, WriteError) as error:
        print(f"new-article: {error}", file=sys.stderr)
        return 1
    for what, path in written.items():
        print(f"{what}: {path}")
    print("Code the statements, actors and positions from the review files, then run validate:")
    return validate(args.data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsclaims",
                                     description="Tools for the newsclaims data.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a data folder against datapackage.json")
    check.add_argument("--complete", action="store_true",
                       help="also list what each article lacks for the lessons: statements, positions, quoted "
                            "passages no statement holds, actors' kinds and sides, topics' questions")
    check.add_argument("data_dir", nargs="?", default=None,
                       help="the data folder (default: $NEWSCLAIMS_DATA or the package's data/)")
    new = commands.add_parser("new-article", help="add an article's row and text, and review files of candidates",
                              description="Add an article: its row in articles.csv and its text in texts/ID.txt, "
                                          "checked first and written together or not at all; and two review files "
                                          "of suggestions in the work folder. The options follow the articles "
                                          "table of the data folder's datapackage.json.")
    fields, unread = _new_article_options(new, argv)
    handouts = commands.add_parser("handouts", help="write every lesson as a standalone HTML page")
    handouts.add_argument("out_dir", nargs="?", default="build/handouts", help="where to write (build/handouts)")
    if unread is not None:  # no descriptor to take new-article's options from: say so if that is the command
        args, _ = parser.parse_known_args(argv)
        if args.command == "new-article":
            for problem in unread.problems:
                print(f"new-article: {problem}", file=sys.stderr)
            return 1
    args = parser.parse_args(argv)
    if args.command == "validate":
        return validate(args.data_dir, args.complete)
    if args.command == "new-article":
        return new_article(args, fields)
    if args.command == "handouts":
        from .handouts import make_handouts

        for path in make_handouts(Path(args.out_dir)):
            print(path)
        return 0
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":
    sys.exit(main())
