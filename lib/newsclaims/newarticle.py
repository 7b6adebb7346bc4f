"""Add an article: its row and text file, and a review file of candidates to code.

Nothing is coded automatically. The extractor's candidate statements and the
names it finds go to a review file in work/ for the teacher to check and copy
into the data by hand; ``python -m newsclaims validate`` then says what is left.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd

from . import schema
from .coding import work_dir
from .data import read_rows, write_rows
from .extract import NAME, extract_statements
from .files import data_dir as find_data_dir

ID = re.compile(r"[a-z0-9_]+")


def slug(name: str) -> str:
    """A lower-case id for a name: 'Ursula von der Leyen' -> 'ursula_von_der_leyen'."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def new_article(text_file: Path, article_id: str, title: str, outlet: str, published: str,
                author: str = "", url: str = "", rights: str = "", data: Path | None = None) -> dict[str, Path]:
    """Add the article's row and text file to the data folder; write candidates to a review file.

    Refuses to overwrite: an existing id or text file is an error. Returns the
    paths written.
    """
    folder = find_data_dir(data)
    if not ID.fullmatch(article_id):
        raise ValueError(f"the id {article_id!r} must be lower-case letters, digits and _")
    header, rows = read_rows(folder / "articles.csv")
    if any(r["article_id"] == article_id for r in rows):
        raise ValueError(f"there is already an article {article_id!r} in {folder / 'articles.csv'}")
    target = folder / "texts" / f"{article_id}.txt"
    if target.exists():
        raise ValueError(f"{target} exists already")
    text = schema.decode(schema.read_bytes(Path(text_file)), Path(text_file))
    pd.Timestamp(published)  # a date pandas can read, or an error now rather than later
    target.parent.mkdir(exist_ok=True)
    shutil.copyfile(text_file, target)  # verbatim: validate reports layout problems, nothing is repaired
    row = dict.fromkeys(header, "") | {"article_id": article_id, "title": title, "outlet": outlet,
                                       "author": author, "published": published, "url": url, "rights": rights,
                                       "text_file": f"texts/{article_id}.txt"}
    write_rows(folder / "articles.csv", header, [*rows, row])

    found = extract_statements(text)
    review = work_dir() / f"{article_id}_review.csv"
    found.drop(columns=["actor_id"]).assign(suggested_actor_id=found["speaker_text"].map(slug)).to_csv(
        review, index=False)
    names = pd.Series([m.group() for m in NAME.finditer(text)]).value_counts()
    actors = work_dir() / f"{article_id}_actors_review.csv"
    pd.DataFrame({"name": names.index, "times_named": names.values,
                  "suggested_actor_id": [slug(n) for n in names.index]}).to_csv(actors, index=False)
    return {"text": target, "articles": folder / "articles.csv", "statements_review": review,
            "actors_review": actors}
