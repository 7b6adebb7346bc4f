"""Adding an article: create it, read validate's errors, fix them, and it loads."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import newsclaims as nc

from conftest import ARTICLE, set_value

SAMPLE = ("Riverton (Example News) The mayor, Ana Ruiz, said the old bridge would reopen in May.\n\n"
          '"We have fixed what was broken, and we have checked it twice," Ruiz said.\n')


def cli(*args: str, env: dict[str, str]):
    import os

    return subprocess.run([sys.executable, "-m", "newsclaims", *args], capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=120)


def test_new_article_round_trip(data_copy, tmp_path):
    text = tmp_path / "sample.txt"
    text.write_text(SAMPLE, encoding="utf-8")
    env = {"NEWSCLAIMS_WORK": str(tmp_path / "work")}
    done = cli("new-article", str(text), "--id", "example_bridge", "--title", "Bridge to reopen",
               "--outlet", "Example News", "--published", "2026-05-04", "--data", str(data_copy), env=env)
    # the row and the text are in; validate says exactly what is left
    assert done.returncode == 1
    left = [line for line in done.stderr.splitlines() if "articles.csv" in line]
    assert [line.split("column ")[1] for line in left] == ["author: missing required value",
                                                          "url: missing required value",
                                                          "rights: missing required value"]
    assert (data_copy / "texts" / "example_bridge.txt").read_text(encoding="utf-8") == SAMPLE
    review = pd.read_csv(tmp_path / "work" / "example_bridge_review.csv")
    assert review["quote"].str.contains("We have fixed what was broken").any()
    assert "ana_ruiz" in set(review["suggested_actor_id"])
    # fix what validate named, and the article loads by its id
    for column, value in (("author", "A. Writer"), ("url", "https://example.org/bridge"), ("rights", "Invented.")):
        set_value(data_copy / "articles.csv", "article_id", "example_bridge", column, value)
    assert cli("validate", str(data_copy), env=env).returncode == 0
    art = nc.load_article("example_bridge", data_dir=data_copy)
    assert art.meta["title"] == "Bridge to reopen" and len(art.paragraphs) == 2 and art.statements.empty
    # the seed article is untouched
    assert len(nc.load_article(ARTICLE, data_dir=data_copy).statements) == 37


def test_new_article_never_overwrites(data_copy, tmp_path):
    text = tmp_path / "sample.txt"
    text.write_text(SAMPLE, encoding="utf-8")
    before = (data_copy / "articles.csv").read_bytes()
    done = cli("new-article", str(text), "--id", ARTICLE, "--title", "x", "--outlet", "y", "--published",
               "2026-01-01", "--data", str(data_copy), env={"NEWSCLAIMS_WORK": str(tmp_path)})
    assert done.returncode == 1 and "already an article" in done.stderr
    assert (data_copy / "articles.csv").read_bytes() == before


@pytest.mark.parametrize("bad_id", ["Bad Id", "x-y", ""])
def test_new_article_ids(data_copy, tmp_path, bad_id):
    from newsclaims.newarticle import new_article

    text = tmp_path / "sample.txt"
    text.write_text(SAMPLE, encoding="utf-8")
    with pytest.raises(ValueError, match="lower-case"):
        new_article(text, bad_id, "t", "o", "2026-01-01", data=data_copy)
