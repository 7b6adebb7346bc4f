"""Shared fixtures: the real data folder, and broken copies of it in a temp dir."""

from __future__ import annotations

import dataclasses
import shutil
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from newsclaims.data import read_rows, write_rows  # noqa: F401  (used by the tests)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEED = ROOT.parent / "shared" / "seed" / "000_7f0a0db49b55ab97.txt"
ARTICLE = "cnn_china_ukraine_2022"
TEXT = DATA / "texts" / f"{ARTICLE}.txt"


@cache
def seed_article():
    """The seed article from data/, loaded once per run (tests that are not fixtures use it too)."""
    import newsclaims as nc

    return nc.load_article(ARTICLE, data_dir=DATA)


def fingerprint(art) -> tuple:
    """Everything an article holds, hashed: to tell whether a test changed it."""
    frames = [getattr(art, f.name) for f in dataclasses.fields(art) if isinstance(getattr(art, f.name), pd.DataFrame)]
    return (art.text, repr(sorted(art.meta.items())),
            *(int(pd.util.hash_pandas_object(f.astype(str), index=True).sum()) for f in frames),
            *(tuple(f.columns) for f in frames))


@pytest.fixture(scope="session")
def art():
    """The seed article, shared by every test of the run: read it, never change it.

    A test that changes an article loads its own, or changes a copy
    (``dataclasses.replace(art, statements=art.statements.copy())``). At the end of
    the run the article is checked against what it was, and a change is an error.
    """
    article = seed_article()
    before = fingerprint(article)
    yield article
    assert fingerprint(article) == before, "a test changed the shared article: change a copy instead"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A fresh copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def set_value(path: Path, key: str, key_value: str, column: str, value: str) -> None:
    """Set one cell of a CSV, found by the value of its key column."""
    header, rows = read_rows(path)
    hits = [r for r in rows if r[key] == key_value]
    assert len(hits) == 1, f"{key}={key_value} not unique in {path}"
    hits[0][column] = value
    write_rows(path, header, rows)


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of the file where ``needle`` first occurs (found as text, not parsed)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


# --- An article with HTML in its data, built in memory --------------------------------------
DANGEROUS = {
    "text": ("Until the last moment", "<img src=x onerror=1>"),  # same length: offsets stay right
    "name": "Wang <script>alert(1)</script> Yi",
    "label": "NATO & <b>friends</b>",
    "note": "<script>alert(2)</script>",
    "pole": "Russia <b>Federation</b>",  # a pole of the alignment chart: its name is in the legend
}


@pytest.fixture
def doctored():
    """The seed article with HTML in a quote, two names, a topic label and a note."""
    import newsclaims as nc

    art = nc.load_article()
    old, new = DANGEROUS["text"]
    assert len(old) == len(new)
    at = art.text.index(old)
    art.text = art.text[:at] + new + art.text[at + len(old):]
    art.statements["quote"] = [art.text[s:e] for s, e in zip(art.statements["start"], art.statements["end"])]
    art.paragraphs["text"] = [art.text[s:e] for s, e in zip(art.paragraphs["start"], art.paragraphs["end"])]
    art.actors.loc[art.actors["actor_id"] == "wang_yi", "name"] = DANGEROUS["name"]
    art.actors.loc[art.actors["actor_id"] == "russia", "name"] = DANGEROUS["pole"]
    art.topics.loc[art.topics["topic_id"] == "nato_enlargement", "label"] = DANGEROUS["label"]
    art.positions["note"] = DANGEROUS["note"]
    return art


def strings_in(obj) -> list[str]:
    """Every string inside a nested structure of dicts, lists and tuples."""
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in strings_in(v)]
    if isinstance(obj, (list, tuple)):
        return [s for v in obj for s in strings_in(v)]
    return []


def append_rows(folder: Path, table: str, *new: dict) -> None:
    """Add rows to a table of a data folder; columns not given are left empty."""
    header, rows = read_rows(folder / f"{table}.csv")
    write_rows(folder / f"{table}.csv", header, rows + [dict.fromkeys(header, "") | r for r in new])


@pytest.fixture(scope="module")
def mini_data(tmp_path_factory) -> Path:
    """A copy of data/ with a second, minimally coded article, 'mini': two statements, no positions."""
    target = tmp_path_factory.mktemp("mini") / "data"
    shutil.copytree(DATA, target)
    text = ("Lakeside (Example News) The mayor, Maria Lopez, said the ferry would run again in June.\n\n"
            '"It is still too slow for commuters," said Tom Ek.\n')
    (target / "texts" / "mini.txt").write_text(text, encoding="utf-8")

    def append(table: str, *new: dict) -> None:
        append_rows(target, table, *new)

    append("articles", {"article_id": "mini", "title": "Ferry to run again", "outlet": "Example News",
                        "author": "A. Writer", "published": "2026-05-04", "url": "https://example.org/b",
                        "text_file": "texts/mini.txt", "rights": "Invented for the tests."})
    append("actors", {"actor_id": "maria_lopez", "name": "Maria Lopez", "kind": "person", "role": "The mayor"},
           {"actor_id": "tom_ek", "name": "Tom Ek", "kind": "person"})
    append("aliases", {"actor_id": "maria_lopez", "alias": "Maria Lopez"}, {"actor_id": "tom_ek", "alias": "Tom Ek"})
    quotes = [("mini_s01", "maria_lopez", "the ferry would run again in June", "1", "paraphrase"),
              ("mini_s02", "tom_ek", '"It is still too slow for commuters,"', "2", "direct")]
    append("statements", *({"statement_id": sid, "article_id": "mini", "actor_id": actor, "quote": q,
                            "start": str(text.index(q)), "end": str(text.index(q) + len(q)), "paragraph": para,
                            "form": form, "cue": "said"} for sid, actor, q, para, form in quotes))
    return target


SPARSE = {
    "blank": "Lakeside (Example News) The ferry will not run this winter.\n\nRepairs begin in spring.\n",
    "silent": "Lakeside (Example News) Ships from China and Russia docked at Lakeside on Monday.\n",
    "solo": ('Lakeside (Example News) "The ferry must run all winter," said Ana Berg.\n\n'
             "Ana Berg spoke at the council meeting on 3 May 2026.\n"),
}


@pytest.fixture(scope="module")
def sparse_data(mini_data, tmp_path_factory) -> Path:
    """mini_data with three more articles, each coded as little as an article can be.

    - ``blank``: added by ``new-article`` and nothing coded; its text names no known actor.
    - ``silent``: added the same way; its text names China and Russia, who say nothing.
    - ``solo``: one actor, Ana Berg, with one statement, one position and one event.

    With ``mini`` (two statements, no positions or events) they cover an article at
    each stage of its coding.
    """
    from newsclaims.newarticle import new_article

    base = tmp_path_factory.mktemp("sparse")
    target = base / "data"
    shutil.copytree(mini_data, target)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSCLAIMS_WORK", str(base / "work"))
        for article_id in ("blank", "silent"):
            source = base / f"{article_id}.txt"
            source.write_text(SPARSE[article_id], encoding="utf-8")
            new_article(source, article_id, title=f"The {article_id} article", outlet="Example News",
                        published="2026-05-04", author="A. Writer", url="https://example.org/a",
                        rights="Invented for the tests.", data=target)
    text = SPARSE["solo"]
    (target / "texts" / "solo.txt").write_text(text, encoding="utf-8")
    append_rows(target, "articles", {"article_id": "solo", "title": "Keep the ferry running", "author": "A. Writer",
                                     "outlet": "Example News", "published": "2026-05-04",
                                     "url": "https://example.org/c", "text_file": "texts/solo.txt",
                                     "rights": "Invented for the tests."})
    append_rows(target, "actors", {"actor_id": "ana_berg", "name": "Ana Berg", "kind": "person"})
    append_rows(target, "aliases", {"actor_id": "ana_berg", "alias": "Ana Berg"})
    append_rows(target, "topics", {"topic_id": "winter_ferry", "label": "Winter ferry",
                                   "question": "Should the ferry run in winter?"})
    quote = '"The ferry must run all winter,"'
    append_rows(target, "statements", {"statement_id": "solo_s01", "article_id": "solo", "actor_id": "ana_berg",
                                       "quote": quote, "start": str(text.index(quote)),
                                       "end": str(text.index(quote) + len(quote)), "paragraph": "1",
                                       "form": "direct", "cue": "said"})
    append_rows(target, "positions", {"statement_id": "solo_s01", "topic_id": "winter_ferry",
                                      "holder_id": "ana_berg", "stance": "support", "hedged": "false",
                                      "basis": "stated", "note": "She says it must run."})
    append_rows(target, "events", {"event_id": "solo_e01", "article_id": "solo", "date": "2026-05-03",
                                   "date_precision": "day", "date_text": "3 May 2026", "date_basis": "stated",
                                   "actor_id": "ana_berg", "label": "Council meeting", "paragraph": "2"})
    return target
