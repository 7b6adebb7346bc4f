"""Command line: ``python -m newsclaims validate [DATA_DIR]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .data import load_corpus
from .schema import DataError


def validate(folder: str | None) -> int:
    """Check a data folder; print ok with counts, or every problem one per line."""
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
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsclaims",
                                     description="Tools for the newsclaims data.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a data folder against datapackage.json")
    check.add_argument("data_dir", nargs="?", default=None,
                       help="the data folder (default: $NEWSCLAIMS_DATA or the package's data/)")
    new = commands.add_parser("new-article", help="add an article's row and text, and a review file of candidates")
    new.add_argument("text_file", help="the article body: UTF-8, paragraphs separated by one blank line")
    new.add_argument("--id", required=True, dest="article_id", help="a new id: lower-case letters, digits, _")
    new.add_argument("--title", required=True)
    new.add_argument("--outlet", required=True)
    new.add_argument("--published", required=True, help="YYYY-MM-DD")
    new.add_argument("--author", default="")
    new.add_argument("--url", default="")
    new.add_argument("--rights", default="")
    new.add_argument("--data", default=None, help="the data folder (default: $NEWSCLAIMS_DATA or the package's)")
    handouts = commands.add_parser("handouts", help="write every lesson as a standalone HTML page")
    handouts.add_argument("out_dir", nargs="?", default="build/handouts", help="where to write (build/handouts)")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return validate(args.data_dir)
    if args.command == "new-article":
        from .newarticle import new_article

        try:
            written = new_article(Path(args.text_file), args.article_id, args.title, args.outlet, args.published,
                                  args.author, args.url, args.rights, Path(args.data) if args.data else None)
        except (ValueError, DataError) as error:
            print(f"new-article: {error}", file=sys.stderr)
            return 1
        for what, path in written.items():
            print(f"{what}: {path}")
        print("Code the statements, actors and positions from the review files, then run validate:")
        return validate(args.data)
    if args.command == "handouts":
        from .handouts import make_handouts

        for path in make_handouts(Path(args.out_dir)):
            print(path)
        return 0
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":
    sys.exit(main())
